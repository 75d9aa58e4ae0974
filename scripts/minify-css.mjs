// Minifies a stylesheet for the wire (csso, npm): comments and spaces go, values are
// written short. Without csso's restructuring, so every rule stays where it was and the
// cascade means what the sources say. Usage: node scripts/minify-css.mjs in.css out.css
import { readFileSync, writeFileSync } from "node:fs";
import { minify } from "csso";

const [input, output] = process.argv.slice(2);
if (!input || !output) {
  console.error("usage: node scripts/minify-css.mjs in.css out.css");
  process.exit(2);
}
const { css } = minify(readFileSync(input, "utf8"), { restructure: false, comments: false });
if (!css) {
  console.error(`${input}: nothing left after minifying`);
  process.exit(1);
}
writeFileSync(output, css);
