/* Readers' helpers (served from assets/, no external files):
   - a tile of the province map opens that province's page (the address is the tile's
     customdata[2]); the table beside the map has the same links for keyboard users;
   - the "copy" button of the embed snippet copies its <textarea>. */
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
  var scheduled = false;
  new MutationObserver(function () {
    if (scheduled) { return; }
    scheduled = true;
    window.requestAnimationFrame(function () { scheduled = false; wireMaps(document); });
  }).observe(document.documentElement, { childList: true, subtree: true });
})();
