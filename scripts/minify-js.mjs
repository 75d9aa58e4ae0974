// Minifies the JavaScript glue of a page's bundle (what wasm-bindgen writes, which trunk
// copies as it is) with esbuild (npm), in place, and gives the page's modulepreload link
// the new file's Subresource Integrity. Exports and the names the wasm imports are kept:
// esbuild renames local variables only. Usage: node scripts/minify-js.mjs <dist> <page>
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { transformSync } from "esbuild";

const [dist, page] = process.argv.slice(2);
if (!dist || !page) {
  console.error("usage: node scripts/minify-js.mjs <dist> <page>");
  process.exit(2);
}
const pagePath = join(dist, page);
let html = readFileSync(pagePath, "utf8");
const links = [...html.matchAll(/<link rel="modulepreload" href="\/([^"]+\.js)"[^>]*integrity="([^"]+)"[^>]*>/g)];
if (links.length !== 1) {
  console.error(`expected exactly one modulepreload link with integrity in ${pagePath}, found ${links.length}`);
  process.exit(1);
}
const [link, file, integrity] = links[0];
const path = join(dist, file);
const before = readFileSync(path, "utf8");
const { code } = transformSync(before, { minify: true, format: "esm", target: "es2020", legalComments: "none" });
writeFileSync(path, code);
const sri = "sha384-" + createHash("sha384").update(code).digest("base64");
html = html.replace(link, link.replace(integrity, sri));
writeFileSync(pagePath, html);
console.log(`${page}: ${file} minified, ${before.length} -> ${code.length} B`);
