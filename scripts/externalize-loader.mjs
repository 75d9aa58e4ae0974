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
// The wasm is fetched only after the first paint: the page's text is in the HTML, so
// the download must not compete with it (and Lighthouse must not count it for LCP).
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
html = html.replace(found[0][0], `<script type="module" src="/${name}" integrity="${sri}"></script>`);
html = html.replace(/<link rel="preload" href="[^"]+\.wasm"[^>]*>/, '');
if (/<script(?![^>]*\bsrc=)[^>]*>/.test(html)) {
  console.error(`an inline script is still present in ${page}`);
  process.exit(1);
}
writeFileSync(indexPath, html);
console.log(`${page}: loader moved to ${name}`);
