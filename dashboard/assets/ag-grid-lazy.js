/* AG Grid only where a grid is shown (dashboard/bundles.py): until dash-ag-grid's own script is
   loaded, `window.dash_ag_grid.AgGrid` is this stand-in. The first grid rendered loads the real
   script (which replaces the namespace), then draws the real grid with the same props. */
(function () {
  if (window.dash_ag_grid) { return; }  /* the real script is already on the page */
  var React = window.React;
  var meta = document.querySelector('meta[name="cop-ag-grid-src"]');
  var loading = null;

  function realGrid() {
    var grid = window.dash_ag_grid && window.dash_ag_grid.AgGrid;
    return grid && grid !== LazyAgGrid ? grid : null;
  }

  function load() {
    if (!loading) {
      loading = new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        script.src = meta.getAttribute("content");
        script.onload = resolve;
        script.onerror = function () { loading = null; reject(new Error("AG Grid did not load")); };
        document.head.appendChild(script);
      });
    }
    return loading;
  }

  function LazyAgGrid(props) {
    var state = React.useState(realGrid);
    var Grid = state[0];
    var setGrid = state[1];
    React.useEffect(function () {
      if (!Grid) { load().then(function () { setGrid(function () { return realGrid(); }); }); }
    }, []);
    if (Grid) { return React.createElement(Grid, props); }
    return React.createElement("div", { id: props.id, className: props.className, style: props.style });
  }

  window.dash_ag_grid = { AgGrid: LazyAgGrid };
})();
