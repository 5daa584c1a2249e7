/* Client-side helpers (served from assets/, no external files). */
window.dash_clientside = Object.assign({}, window.dash_clientside, {
  site: {
    /* Keep <html lang> right when moving between pages without a reload. */
    syncLang: function (pathname) {
      var lang = pathname === "/en" || (pathname || "").indexOf("/en/") === 0 ? "en" : "vi";
      document.documentElement.lang = lang;
      return lang;
    },
  },
});

/* Dash 4 renders RadioItems as an ARIA listbox whose options wrap native radio buttons, which
   screen readers announce twice and axe reports (nested-interactive, aria-input-field-name).
   The native radios inside a fieldset/legend are already accessible: make the wrapper a
   named radiogroup and drop the option roles, whenever Dash (re)renders them. */
(function () {
  function fix(root) {
    var groups = root.querySelectorAll ? root.querySelectorAll(".dash-radioitems[role='listbox']") : [];
    groups.forEach(function (group) {
      group.setAttribute("role", "radiogroup");
      var legend = group.closest("fieldset") && group.closest("fieldset").querySelector("legend");
      if (legend) { group.setAttribute("aria-label", legend.textContent); }
    });
    var options = root.querySelectorAll ? root.querySelectorAll(".dash-radioitems [role='option']") : [];
    options.forEach(function (option) {
      option.removeAttribute("role");
      option.removeAttribute("aria-selected");
    });
  }
  var scheduled = false;
  new MutationObserver(function () {
    if (scheduled) { return; }
    scheduled = true;
    window.requestAnimationFrame(function () { scheduled = false; fix(document); });
  }).observe(document.documentElement, {
    childList: true, subtree: true, attributes: true, attributeFilter: ["role", "aria-selected"],
  });
})();
