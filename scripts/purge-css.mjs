// Gives a built page a stylesheet of its own: the portal's stylesheet without the rules
// no element of this page can match, because a class their selector requires is named
// nowhere the page's classes come from. Those are the page's HTML, its loader and glue,
// its wasm (the app's views hold every class they set as a literal string) and the
// server's first-paint additions (crates/portal-server/src/web/first_paint.rs).
//
// A selector is dropped only when one of its own compound classes (not one inside
// `:not()`, `:is()`... whose meaning would flip) appears in none of those. A class counts
// as named when its text appears anywhere in them (which errs towards keeping a rule), or
// when it is a modifier the app builds at run time: one whose start is written before a
// placeholder in the Rust sources (`format!("panel--{tone}")` names every `panel--…`).
// Rules without class selectors (elements, `:root`, keyframes) all stay.
//
// The new file is hashed like trunk's (`style-<page>-<hash>.css`), the page's link gets it
// and its Subresource Integrity, and the shared stylesheet leaves the page's folder.
//   node scripts/purge-css.mjs <dist> <page>
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { generate, parse, walk } from "css-tree";

const SERVER_FIRST_PAINT = "crates/portal-server/src/web/first_paint.rs";

const [dist, page] = process.argv.slice(2);
if (!dist || !page) {
  console.error("usage: node scripts/purge-css.mjs <dist> <page>");
  process.exit(2);
}
const fail = (message) => {
  console.error(`purge-css: ${message}`);
  process.exit(1);
};

const pagePath = join(dist, page);
let html = readFileSync(pagePath, "utf8");
const links = [...html.matchAll(/<link rel="stylesheet" href="\/([^"]+\.css)" integrity="([^"]+)"\/?>/g)];
if (links.length !== 1) fail(`expected one stylesheet link with integrity in ${pagePath}, found ${links.length}`);
const [link, cssFile, integrity] = links[0];

const loader = html.match(/src="\/(loader-[0-9a-f]+\.js)"/)?.[1] ?? fail(`${pagePath} has no loader`);
const loaderJs = readFileSync(join(dist, loader), "utf8");
const glue = loaderJs.match(/\/([a-z-]+-[0-9a-f]+\.js)/)?.[1] ?? fail(`${loader} names no bundle`);
const wasm = glue.replace(/\.js$/, "_bg.wasm");
// A split bundle's chunks (scripts/split-bundle.mjs: `<bin>-<chunk>-<hash>.wasm`), whose
// views the page draws later.
const bin = glue.replace(/-[0-9a-f]+\.js$/, "");
const chunks = readdirSync(dist).filter((f) => f.startsWith(`${bin}-`) && f.endsWith(".wasm") && f !== wasm);

// Where the page's classes can come from, as one text (the wasm's bytes as Latin-1, so
// its string literals read as written; class names are ASCII).
const named = [
  html,
  loaderJs,
  readFileSync(join(dist, glue), "utf8"),
  readFileSync(join(dist, wasm)).toString("latin1"),
  ...chunks.map((chunk) => readFileSync(join(dist, chunk)).toString("latin1")),
  readFileSync(SERVER_FIRST_PAINT, "utf8"),
].join("\n");
// Modifiers built at run time, from the app's sources: `panel--` in `"panel--{tone}"`.
const builtAtRunTime = new Set(
  readdirSync("src", { recursive: true })
    .filter((f) => f.endsWith(".rs"))
    .flatMap((f) => [...readFileSync(join("src", f), "utf8").matchAll(/([A-Za-z_][A-Za-z0-9_-]*--)\{/g)])
    .map((m) => m[1]),
);
if (builtAtRunTime.size === 0) fail("no modifier built at run time found in src/: is this the repository's root?");
const isNamed = (cls) =>
  named.includes(cls) || [...builtAtRunTime].some((p) => cls.startsWith(p) && named.includes(p));

const before = readFileSync(join(dist, cssFile), "utf8");
const ast = parse(before);
let dropped = 0;
walk(ast, {
  visit: "Rule",
  enter(rule, item, list) {
    if (rule.prelude.type !== "SelectorList") return;
    rule.prelude.children.forEach((selector, selectorItem, selectors) => {
      const own = selector.children.toArray().filter((n) => n.type === "ClassSelector");
      if (own.some((n) => !isNamed(n.name))) {
        selectors.remove(selectorItem);
        dropped += 1;
      }
    });
    if (rule.prelude.children.isEmpty && list) list.remove(item);
  },
});
// At-rules (@media, @supports) left with nothing inside go too.
walk(ast, {
  visit: "Atrule",
  enter(atrule, item, list) {
    if (atrule.block && atrule.block.children.isEmpty && list) list.remove(item);
  },
});
const css = generate(ast);
if (!css) fail(`nothing left of ${cssFile} for ${page}`);

const stem = page.replace(/\.html$/, "");
const out = `style-${stem}-${createHash("sha256").update(css).digest("hex").slice(0, 16)}.css`;
writeFileSync(join(dist, out), css);
const sri = "sha384-" + createHash("sha384").update(css).digest("base64");
html = html.replace(link, link.replace(`/${cssFile}`, `/${out}`).replace(integrity, sri));
writeFileSync(pagePath, html);
rmSync(join(dist, cssFile));
console.log(`${page}: ${out}, ${before.length} -> ${css.length} B (${dropped} selectors no element can match)`);
