// The plotly.js the app needs, and nothing else: the core (with scatter) plus bar and treemap.
// None of these trace types compiles code at run time (no WebGL/regl), so the bundle runs under a
// Content-Security-Policy without 'unsafe-eval'. Rebuild with `make plotly-bundle` (see README).
var Plotly = require("plotly.js/lib/core");

Plotly.register([require("plotly.js/lib/bar"), require("plotly.js/lib/treemap")]);

// dcc.Graph uses window.Plotly when it is defined, instead of fetching the full bundle.
window.Plotly = Plotly;
module.exports = Plotly;
