// Cuts a page's bundle into a core and chunks loaded when a page needs them, after trunk
// has built the page (trunk does not split):
//   node scripts/split-bundle.mjs target/dist-form apply.html portal-form
// The bundle must have been built with its `split-…` feature (the page's rust link has
// data-cargo-features="split-form"; build.rs then keeps the linker's relocations), so
// that the functions declared with `split_off!` (src/split.rs) are split points.
//  1. wasm-split-cli (crates.io wasm_split_cli_support, installed by scripts/setup) cuts
//     cargo's wasm into the core, one wasm per split point and one per piece of code that
//     several share, and the small script that fetches them (`__wasm_split.js`);
//  2. wasm-bindgen writes the core's glue, keeping the exports the chunks link to;
//  3. wasm-opt optimises the core and each chunk, with the flags of the page's rust link;
//  4. the files replace trunk's in the page's folder, named by the hash of cargo's wasm
//     (everything here follows from it and the pinned tools): the core's glue and wasm
//     under trunk's scheme, `<bin>-split-<hash>.js`, `<bin>-<chunk>-<hash>.wasm` (and
//     `<bin>-shared-<n>-<hash>.wasm`); the page preloads the split script next to the
//     glue, and its loader imports the new glue.
// Run before scripts/externalize-loader.mjs and minify-js.mjs, which then see the page
// as trunk left it, with the new names.
import { createHash } from 'node:crypto';
import { execFile, execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { WASM_FEATURES } from './wasm-features.mjs';

const [dist, page, bin] = process.argv.slice(2);
if (!dist || !page || !bin) {
  console.error('usage: node scripts/split-bundle.mjs <dist> <page> <bin>');
  process.exit(2);
}
const fail = (message) => {
  console.error(`split-bundle: ${message}`);
  process.exit(1);
};
const run = (cmd, args) => execFileSync(cmd, args, { stdio: ['ignore', 'inherit', 'inherit'] });
// Its output is shown when it ends; a failure's message carries its stderr.
const runAsync = async (cmd, args) => {
  const { stdout, stderr } = await promisify(execFile)(cmd, args);
  process.stdout.write(stdout);
  process.stderr.write(stderr);
};
const sha = (algo, data) => createHash(algo).update(data).digest();

const targetDir = process.env.CARGO_TARGET_DIR || 'target';
const input = join(targetDir, 'wasm32-unknown-unknown', 'release', `${bin}.wasm`);
const work = join('target', `split-${bin}`);
rmSync(work, { recursive: true, force: true });
mkdirSync(join(work, 'bindgen'), { recursive: true });

const pagePath = join(dist, page);
let html = readFileSync(pagePath, 'utf8');
// wasm-opt's flags: the page's rust link's, in the page trunk built from.
const source = readFileSync(page, 'utf8');
const optParams = (source.match(new RegExp(`<link data-trunk rel="rust"[^>]*data-bin="${bin}"[^>]*>`))?.[0]
  ?? fail(`${page} has no rust link for ${bin}`))
  .match(/data-wasm-opt-params="([^"]*)"/)?.[1].split(/\s+/).filter(Boolean) ?? [];

run('wasm-split-cli', [input, work, '--out-name', bin]);
// `split_<name>.wasm` for each split point, `chunk_<n>.wasm` for code several of them
// share (fetched with the first that needs it).
const chunks = readdirSync(work).filter((f) => /^(split|chunk)_\w+\.wasm$/.test(f));
if (!chunks.some((f) => f.startsWith('split_'))) fail(`${input} has no split point: was it built with its split-… feature?`);
run('wasm-bindgen', ['--target', 'web', '--no-typescript', '--keep-lld-exports',
  '--out-dir', join(work, 'bindgen'), join(work, `${bin}.wasm`)]);

const hash = sha('sha256', readFileSync(input)).toString('hex').slice(0, 16);
const name = {
  glue: `${bin}-${hash}.js`,
  wasm: `${bin}-${hash}_bg.wasm`,
  split: `${bin}-split-${hash}.js`,
  chunk: (file) => `${bin}-${file.replace(/^split_/, '').replace(/^chunk_/, 'shared-').replace(/\.wasm$/, '').replace(/_/g, '-')}-${hash}.wasm`,
};
const wasmOpt = (from, to) => runAsync('wasm-opt', ['-Oz', ...WASM_FEATURES, ...optParams, from, '-o', to]);

// trunk's own files for this bundle go: the page will name the split ones.
const trunkGlue = html.match(new RegExp(`/(${bin}-[0-9a-f]+\\.js)`))?.[1] ?? fail(`${page} names no ${bin} glue`);
const trunkWasm = trunkGlue.replace(/\.js$/, '_bg.wasm');
rmSync(join(dist, trunkGlue));
rmSync(join(dist, trunkWasm));

// The core and the chunks two at a time (wasm-opt spends most of a small chunk's run
// single-threaded), the core first: it takes longest.
const pending = [[join(work, 'bindgen', `${bin}_bg.wasm`), join(dist, name.wasm)],
  ...chunks.map((chunk) => [join(work, chunk), join(dist, name.chunk(chunk))])];
await Promise.all([0, 1].map(async () => {
  for (let next = pending.shift(); next; next = pending.shift()) await wasmOpt(...next);
}));

let glue = readFileSync(join(work, 'bindgen', `${bin}.js`), 'utf8');
// The import statement only: the wasm's import module keeps its name.
if (!glue.includes('from "./__wasm_split.js"')) fail('the glue does not import ./__wasm_split.js');
glue = glue.replaceAll('from "./__wasm_split.js"', `from "./${name.split}"`);
writeFileSync(join(dist, name.glue), glue);

let split = readFileSync(join(work, '__wasm_split.js'), 'utf8');
if (!split.includes(`"./${bin}.js"`)) fail(`__wasm_split.js does not import ./${bin}.js`);
split = split.replaceAll(`"./${bin}.js"`, `"./${name.glue}"`);
for (const chunk of chunks) {
  if (!split.includes(`"./${chunk}"`)) fail(`__wasm_split.js does not fetch ./${chunk}`);
  split = split.replaceAll(`"./${chunk}"`, `"./${name.chunk(chunk)}"`);
}
// Each chunk's download starts in a task of its own, one after the other, not all in the
// task that asks for them: a split point with its shared chunks is up to a dozen files,
// and the browser's work to start each request (about 1 ms with the DevTools protocol
// attached, as in Lighthouse) made the form's preload of Check answers', the drafts' and
// the uploads' chunks one task of 25 ms on this machine, 100 ms at Lighthouse's 4x CPU:
// the largest part of a form step's TBT. The downloads still run side by side.
const chunkFetch = /\bfetch\(new URL\(/g;
const fetches = split.match(chunkFetch)?.length ?? 0;
if (fetches !== chunks.length) fail(`__wasm_split.js fetches ${fetches} files, expected ${chunks.length}`);
split = split.replace(chunkFetch, '__fetchInTurn(new URL(') + `
let __lastTurn = Promise.resolve();
function __fetchInTurn(url) {
  const turn = __lastTurn.then(() => new Promise((resolve) => setTimeout(resolve, 0)));
  __lastTurn = turn;
  return turn.then(() => fetch(url));
}
`;
writeFileSync(join(dist, name.split), split);

// The page: its loader and preload name the new glue and wasm; the split script is
// preloaded beside the glue, which imports it (one round trip, not two).
html = html.replaceAll(`/${trunkWasm}`, `/${name.wasm}`).replaceAll(`/${trunkGlue}`, `/${name.glue}`);
const preload = html.match(/<link rel="modulepreload" href="[^"]+"[^>]*>/)?.[0] ?? fail(`${page} has no modulepreload`);
const splitSri = 'sha384-' + sha('sha384', split).toString('base64');
html = html.replace(preload, `${preload}\n<link rel="modulepreload" href="/${name.split}" crossorigin="anonymous" integrity="${splitSri}">`);
writeFileSync(pagePath, html);
console.log(`${page}: ${bin} split into ${name.wasm} and ${chunks.map(name.chunk).join(', ')}`);
