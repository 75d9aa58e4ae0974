// Names, in a built page, the bundle of the page a person most likely opens next, so the
// app can have the browser prefetch it once this page is drawn and usable, while the
// person reads (app::prefetch_next_page): the next page (a full load, since it is another
// bundle) then finds its code in the cache. A `<meta>`, not `<link rel="prefetch">`: a
// link in the HTML would start at once and share the network with this page's own wasm.
// Hashed files are cached for a year, so the prefetched copy is used as is.
//   node scripts/prefetch-next.mjs target/dist-catalogue/catalogue.html target/dist-service/service.html
//     the catalogue names a service page's stylesheet and bundle (its loader, glue and wasm);
//   node scripts/prefetch-next.mjs target/dist-service/service.html target/dist-form/apply.html
//     a service's page names the form's.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const [page, next] = process.argv.slice(2);
if (!page || !next) {
  console.error('usage: prefetch-next.mjs PAGE NEXT_PAGE');
  process.exit(2);
}
const nextHtml = readFileSync(next, 'utf8');
const loader = nextHtml.match(/src="\/(loader-[0-9a-f]+\.js)"/)?.[1];
if (!loader) {
  console.error(`${next} has no loader script`);
  process.exit(1);
}
const loaderJs = readFileSync(join(dirname(next), loader), 'utf8');
const glue = loaderJs.match(/\/([a-z-]+-[0-9a-f]+\.js)/)?.[1];
if (!glue) {
  console.error(`${loader} names no bundle`);
  process.exit(1);
}
const wasm = glue.replace(/\.js$/, '_bg.wasm');
// Each page has its own stylesheet (scripts/purge-css.mjs), which the next page needs too.
const style = nextHtml.match(/<link rel="stylesheet" href="\/([^"]+\.css)"/)?.[1];
if (!style) {
  console.error(`${next} has no stylesheet`);
  process.exit(1);
}
let html = readFileSync(page, 'utf8');
if (!html.includes('</head>')) {
  console.error(`${page} has no </head>`);
  process.exit(1);
}
// Other scripts the next page preloads beside its glue: a split bundle's chunk loader
// (scripts/split-bundle.mjs). Its chunks are fetched by that page while it is read.
const preloaded = [...nextHtml.matchAll(/<link rel="modulepreload" href="\/([^"]+\.js)"/g)]
  .map((m) => m[1])
  .filter((f) => f !== glue);
const files = [style, loader, glue, ...preloaded, wasm];
html = html.replace('</head>', `<meta name="prefetch-next" content="${files.map((f) => `/${f}`).join(' ')}">\n</head>`);
writeFileSync(page, html);
console.log(`${page}: names ${files.join(', ')} for prefetch`);
