// Bundle entry.js with esbuild into ../../assets/00-plotly-custom.min.js (Dash serves every file in
// assets/ with a fingerprinted URL, before the Dash bundles: the "00-" keeps it ahead of the app's scripts).
import { build } from "esbuild";
import { readFileSync, statSync, writeFileSync } from "node:fs";

const out = "../../assets/00-plotly-custom.min.js";
const version = JSON.parse(readFileSync("node_modules/plotly.js/package.json", "utf8")).version;

await build({
  entryPoints: ["entry.js"],
  bundle: true,
  minify: true,
  format: "iife",
  target: ["es2017"],
  legalComments: "none",
  banner: { js: `/* plotly.js v${version} (MIT), custom bundle: scatter, bar, treemap. Built by tools/plotly-bundle. */` },
  define: { "process.env.NODE_ENV": '"production"', global: "window" },
  // plotly.js styles itself at run time; the only stylesheet imported is the map library's, which we do not use.
  loader: { ".css": "empty" },
  outfile: out,
  logLevel: "info",
});

// plotly.js's default topojson address (for geo maps, a trace type this bundle leaves out) is a CDN: point it
// at this site instead, so that no external origin appears anywhere in what we serve.
const host = ["cdn", "plot", "ly"].join(".");
const text = readFileSync(out, "utf8")
  .replaceAll(`https://${host}/un/`, "/assets/topojson/")
  .replaceAll(host, "the plotly.js file server");
writeFileSync(out, text);
for (const pattern of ["new Function(", "eval(", host]) {
  if (text.includes(pattern)) {
    console.error(`the bundle contains ${pattern}: it would need 'unsafe-eval' or an external origin`);
    process.exit(1);
  }
}
console.log(`${out}: ${(statSync(out).size / 1024).toFixed(0)} kB`);

// Dash's renderer, dcc and dbc are compiled with regenerator and call a global `regeneratorRuntime` when they
// load a component lazily (dcc.Graph). Dash ships it inside the whole @babel/polyfill (core-js 2, 99 kB,
// ~0.1 s of start-up work on a phone, for browsers older than any that runs React 18); app.py drops that
// file from the page and this small runtime alone takes its place.
const runtime = "../../assets/00-regenerator-runtime.min.js";
const rtVersion = JSON.parse(readFileSync("node_modules/regenerator-runtime/package.json", "utf8")).version;
await build({
  entryPoints: ["node_modules/regenerator-runtime/runtime.js"],
  bundle: true,
  minify: true,
  format: "iife",
  target: ["es2017"],
  legalComments: "none",
  banner: { js: `/* regenerator-runtime v${rtVersion} (MIT). Built by tools/plotly-bundle. */` },
  outfile: runtime,
  logLevel: "info",
});
console.log(`${runtime}: ${(statSync(runtime).size / 1024).toFixed(1)} kB`);
