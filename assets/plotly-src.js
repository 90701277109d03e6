// dcc.Graph loads plotly.js itself, from window._dashPlotlyJSURL, when the first chart mounts and
// window.Plotly is not there yet; Dash's renderer points that URL at the full 4.8 MB bundle. Here it
// always names our trimmed, fingerprinted bundle (its URL is in <meta name="plotly-src">), so pages draw
// their text first and fetch chart code only when they have a chart.
(function () {
  "use strict";
  var meta = document.querySelector('meta[name="plotly-src"]');
  if (!meta) { return; }
  var url = meta.getAttribute("content");
  Object.defineProperty(window, "_dashPlotlyJSURL", {
    configurable: false,
    get: function () { return url; },
    set: function () { /* Dash's renderer assigns the full bundle's URL: keep ours */ }
  });
})();
