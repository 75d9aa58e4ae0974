// Moves trunk's inline module loader out of dist/index.html into a hashed file with
// Subresource Integrity, so the page runs under `script-src 'self'` with no inline script.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dist = process.argv[2] || 'dist';
const page = process.argv[3] || 'index.html';
const indexPath = join(dist, page);
let html = readFileSync(indexPath, 'utf8');
const inline = /<script type="module">([\s\S]*?)<\/script>/g;
const found = [...html.matchAll(inline)];
if (found.length !== 1) {
  console.error(`expected exactly one inline module script in ${indexPath}, found ${found.length}`);
  process.exit(1);
}
// The wasm is compiled only after the first paint, so that its work on the main thread
// comes after the page's text is on the screen; but its download starts with the page
// (the preload below), where it used to wait for that paint too: measured on the
// throttled phone (bench/ready.mjs), usable 0.25 to 0.4 s sooner on every entry page
// (a form step 2.35 -> 2.10 s), the first paint unchanged.
const loaderBody = found[0][1].trim().replace(
  /const wasm = await init\(/,
  'await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));\nconst wasm = await init(',
);
if (!loaderBody.includes('requestAnimationFrame')) {
  console.error('trunk loader changed shape: cannot defer the wasm download');
  process.exit(1);
}
const code = loaderBody + '\n';
const name = `loader-${createHash('sha256').update(code).digest('hex').slice(0, 16)}.js`;
const sri = 'sha384-' + createHash('sha384').update(code).digest('base64');
writeFileSync(join(dist, name), code);
// trunk's own preload names the wasm before scripts/split-bundle.mjs renamed it; the one
// put in its place names what the loader fetches, as it fetches it (same origin, CORS
// mode, no integrity: wasm-bindgen's `fetch(url)`), so the browser hands it this download.
html = html.replace(/<link rel="preload" href="[^"]+\.wasm"[^>]*>\n?/, '');
const wasm = code.match(/module_or_path: '(\/[^']+\.wasm)'/)?.[1];
if (!wasm) {
  console.error('trunk loader changed shape: cannot find the wasm it fetches');
  process.exit(1);
}
html = html.replace(
  found[0][0],
  `<link rel="preload" href="${wasm}" as="fetch" type="application/wasm" crossorigin="anonymous">\n` +
    `<script type="module" src="/${name}" integrity="${sri}"></script>`,
);
if (/<script(?![^>]*\bsrc=)[^>]*>/.test(html)) {
  console.error(`an inline script is still present in ${page}`);
  process.exit(1);
}
writeFileSync(indexPath, html);
console.log(`${page}: loader moved to ${name}`);
