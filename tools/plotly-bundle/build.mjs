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
