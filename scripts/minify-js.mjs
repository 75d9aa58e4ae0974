// Minifies the JavaScript glue of a page's bundle (what wasm-bindgen writes, which trunk
// copies as it is; and a split bundle's chunk loader) with esbuild (npm), in place, and
// gives the page's modulepreload links the new files' Subresource Integrity. Exports and the names the wasm imports are kept:
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
// The bundle's glue, and in a split bundle the script that fetches its chunks
// (scripts/split-bundle.mjs): each preloaded with its integrity.
const links = [...html.matchAll(/<link rel="modulepreload" href="\/([^"]+\.js)"[^>]*integrity="([^"]+)"[^>]*>/g)];
if (links.length < 1 || links.length > 2) {
  console.error(`expected one or two modulepreload links with integrity in ${pagePath}, found ${links.length}`);
  process.exit(1);
}
for (const [link, file, integrity] of links) {
  const path = join(dist, file);
  const before = readFileSync(path, "utf8");
  const { code } = transformSync(before, { minify: true, format: "esm", target: "es2020", legalComments: "none" });
  writeFileSync(path, code);
  const sri = "sha384-" + createHash("sha384").update(code).digest("base64");
  html = html.replace(link, link.replace(integrity, sri));
  console.log(`${page}: ${file} minified, ${before.length} -> ${code.length} B`);
}
writeFileSync(pagePath, html);
