/* Readers' helpers (served from assets/, no external files):
   - the indicator page's address follows its filters (pushQuery: a history entry per change,
     so back and forward work: Dash's page router re-renders the page from the address);
   - a tile of the province map opens that province's page (the address is the tile's
     customdata[2]); the table beside the map has the same links for keyboard users;
   - PNG / SVG buttons export a chart (title and credits are part of the figure);
   - the "copy" button of the embed snippet copies its <textarea>;
   - Dash 4's dropdown reaches the keyboard through an input marked aria-hidden (axe:
     aria-hidden-focus): that input is named after the dropdown's label instead. */
window.dash_clientside = Object.assign({}, window.dash_clientside, {
  readers: {
    pushQuery: function (search) {
      if (search && search !== window.location.search) {
        window.history.pushState(null, "", window.location.pathname + search);
      }
      return "";
    },
  },
});

(function () {
  function wireMaps(root) {
    var plots = root.querySelectorAll ? root.querySelectorAll(".tile-map .js-plotly-plot") : [];
    plots.forEach(function (plot) {
      if (plot.dataset.tileLinks || typeof plot.on !== "function") { return; }
      plot.dataset.tileLinks = "1";
      plot.on("plotly_click", function (event) {
        var point = event && event.points && event.points[0];
        var link = point && point.customdata && point.customdata[2];
        if (link) { window.location.assign(link); }
      });
    });
  }
  document.addEventListener("click", function (event) {
    var exporter = event.target.closest ? event.target.closest("[data-export]") : null;
    if (exporter && window.Plotly) {
      var graph = document.getElementById(exporter.getAttribute("data-graph"));
      var plot = graph && graph.querySelector(".js-plotly-plot");
      if (plot) {
        window.Plotly.downloadImage(plot, {
          format: exporter.getAttribute("data-export"),
          filename: exporter.getAttribute("data-filename") || "chart",
          width: plot._fullLayout ? plot._fullLayout.width : 900,
          height: plot._fullLayout ? plot._fullLayout.height : 500,
        });
      }
      return;
    }
    var button = event.target.closest ? event.target.closest("[data-copy-target]") : null;
    if (!button) { return; }
    var source = document.getElementById(button.getAttribute("data-copy-target"));
    if (!source) { return; }
    source.select();
    var done = function () { button.setAttribute("data-copied", "1"); };
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(source.value).then(done, function () {
        document.execCommand("copy"); done();
      });
    } else { document.execCommand("copy"); done(); }
  });
  function nameDropdowns(root) {
    var inputs = root.querySelectorAll ? root.querySelectorAll(".dash-dropdown-focus-target[aria-hidden]") : [];
    inputs.forEach(function (input) {
      var holder = input.parentElement;
      var button = holder && holder.querySelector("button[id]");
      var label = button && document.querySelector("label[for='" + button.id + "']");
      input.removeAttribute("aria-hidden");
      input.setAttribute("aria-label", label ? label.textContent : (button ? button.textContent : ""));
    });
  }
  var scheduled = false;
  new MutationObserver(function () {
    if (scheduled) { return; }
    scheduled = true;
    window.requestAnimationFrame(function () {
      scheduled = false; wireMaps(document); nameDropdowns(document);
    });
  }).observe(document.documentElement, {
    childList: true, subtree: true, attributes: true, attributeFilter: ["aria-hidden"],
  });
})();
