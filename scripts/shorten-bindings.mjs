// Shrinks the names a bundle's wasm and its JavaScript glue use to call each other, after
// wasm-bindgen and wasm-opt, in place, before scripts/minify-js.mjs:
//   node scripts/shorten-bindings.mjs <dist> <page>       (the page's bundle)
//   node scripts/shorten-bindings.mjs --files <glue.js> <wasm>
// 1. Leptos links server functions' browser client, whose streams (wasm-streams:
//    `IntoUnderlyingSource`, `...Sink`, `...ByteSource`) wasm-bindgen exports to
//    JavaScript, so no optimiser can drop their code; the portal has no server functions.
//    Their exports are removed (wasm-opt then drops the code only they reached) and so
//    are their classes in the glue.
// 2. wasm-bindgen names each import after its Rust binding plus a 16-digit hash
//    (`__wbg_activeElement_6c30fe7fda33ef51`) and some exports after a whole generic type
//    (a closure's `invoke`: up to 300 characters). Each name is written twice, in the wasm
//    and in the glue, and the hashes do not compress. Here every import and export gets a
//    name of one to three letters, the same in both files; the exports that a split
//    bundle's chunk loader reads (`__wasm_split.js`: the memory, the function table, the
//    stack pointer) keep theirs.
// Every name is checked: a glue that does not name an import or an export the way
// wasm-bindgen writes them stops the build, rather than leaving a bundle that cannot start.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { WASM_FEATURES } from './wasm-features.mjs';

const fail = (message) => {
  console.error(`shorten-bindings: ${message}`);
  process.exit(1);
};

const args = process.argv.slice(2);
let gluePath;
let wasmPath;
let label;
if (args[0] === '--files' && args.length === 3) {
  [, gluePath, wasmPath] = args;
  label = gluePath;
} else if (args.length === 2) {
  const [dist, page] = args;
  const html = readFileSync(join(dist, page), 'utf8');
  const glue = [...html.matchAll(/<link rel="modulepreload" href="\/([^"]+\.js)"/g)]
    .map((m) => m[1])
    .filter((file) => !/-split-[0-9a-f]+\.js$/.test(file));
  if (glue.length !== 1) fail(`${page} preloads ${glue.length} glue scripts, expected one`);
  gluePath = join(dist, glue[0]);
  wasmPath = gluePath.replace(/\.js$/, '_bg.wasm');
  label = page;
} else {
  console.error('usage: node scripts/shorten-bindings.mjs <dist> <page> | --files <glue.js> <wasm>');
  process.exit(2);
}

let glue = readFileSync(gluePath, 'utf8');
const splitScript = glue.match(/from "\.\/([^"]+-split-[0-9a-f]+\.js)"/)?.[1];
const kept = new Set(['memory']);
if (splitScript) {
  // The chunk loader takes these from the core's exports by name.
  const split = readFileSync(join(gluePath, '..', splitScript), 'utf8');
  const names = split.match(/const \{([^}]*)\} = initSync\(/)?.[1] ?? fail(`${splitScript} changed shape`);
  for (const name of names.split(',').map((s) => s.trim()).filter(Boolean)) kept.add(name);
}

// --- 1. The streams' exports and classes ---------------------------------------------
// What their exports' names start with, after wasm-bindgen's prefix for a class's methods.
const STREAMS = 'intounderlying';
const streams = new RegExp(`^(__wbg_)?${STREAMS}`);
// wasm-opt reads the bundle with its features, and with the two wasm-bindgen may use.
const features = [...WASM_FEATURES, '--enable-reference-types', '--enable-multivalue'];
const before = readFileSync(wasmPath);
if (parseExports(before).some((e) => streams.test(e.name))) {
  execFileSync('wasm-opt', [...features, '--remove-exports', `--pass-arg=remove-exports@*${STREAMS}*`,
    '--remove-unused-module-elements', wasmPath, '-o', wasmPath], { stdio: ['ignore', 'inherit', 'inherit'] });
  const classes = /export class (IntoUnderlying\w+) \{\n[\s\S]*?\n\}\nif \(Symbol\.dispose\) \1\.prototype\[Symbol\.dispose\] = \1\.prototype\.free;\n/g;
  const registries = /const IntoUnderlying\w+Finalization = \(typeof FinalizationRegistry === 'undefined'\)\n[^\n]*\n[^\n]*;\n/g;
  glue = glue.replace(classes, '').replace(registries, '');
  const enumDecl = /const __wbindgen_enum_ReadableStreamType = [^\n]*;\n/;
  if ((glue.match(/__wbindgen_enum_ReadableStreamType/g) ?? []).length === 1) glue = glue.replace(enumDecl, '');
  if (new RegExp(STREAMS, 'i').test(glue)) fail(`${gluePath}: the streams' classes changed shape`);
}

// --- 2. Short names ------------------------------------------------------------------
const wasm = readFileSync(wasmPath);
const sections = parseSections(wasm);
const imports = parseImports(wasm, sections.get(2));
const exports = parseExports(wasm);

// Names of one to three letters: a..z, A..Z, then two, then three.
const letters = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
const shortName = (i) => {
  let name = '';
  let n = i;
  do {
    name = letters[n % letters.length] + name;
    n = Math.floor(n / letters.length) - 1;
  } while (n >= 0);
  return name;
};
const word = (name) => new RegExp(`(?<![\\w$])${name.replace(/\$/g, '\\$')}(?![\\w$])`, 'g');
const count = (text, name) => (text.match(word(name)) ?? []).length;

// Imports: the glue's object of functions (`import0`, given for the module that
// wasm-bindgen names after the bundle, `name: function(…)`, one key per import). A split
// bundle's core also imports its chunk loader's functions, which keep their names.
const module = glue.match(/"([^"]+)": import0,/)?.[1] ?? fail(`${gluePath} gives no module as import0`);
const importNames = new Map();
const own = imports.filter((imp) => imp.module === module);
if (own.length === 0) fail(`${wasmPath} imports nothing from ${module}`);
for (const [i, imp] of own.entries()) {
  if (count(glue, imp.name) !== 1) fail(`${gluePath} names the import ${imp.name} ${count(glue, imp.name)} times, expected once`);
  importNames.set(imp.name, shortName(i));
}
glue = glue.replace(`"${module}": import0,`, '"a": import0,');
for (const [from, to] of importNames) glue = glue.replace(word(from), to);

// Exports: the glue reads them as `wasm.name`.
const exportNames = new Map();
let next = 0;
for (const exp of exports) {
  if (kept.has(exp.name) || exportNames.has(exp.name)) continue;
  exportNames.set(exp.name, shortName(next++));
}
for (const [from, to] of exportNames) {
  // (Its own functions may bear the same name: esbuild renames those.)
  const quoted = (glue.match(new RegExp(`[.'"]${from}(?![\\w$])`, 'g')) ?? []).length;
  if (quoted !== count(glue, `wasm.${from}`)) fail(`${gluePath} reads the export ${from} other than as wasm.${from}`);
  glue = glue.replace(new RegExp(`(?<![\\w$])wasm\\.${from}(?![\\w$])`, 'g'), `wasm.${to}`);
}

const out = rewrite(wasm, sections, imports, exports, {
  importName: (imp) => (imp.module === module ? ['a', importNames.get(imp.name)] : [imp.module, imp.name]),
  exportName: (name) => exportNames.get(name) ?? name,
});
writeFileSync(wasmPath, out);
writeFileSync(gluePath, glue);
console.log(`${label}: ${own.length} imports and ${exportNames.size} exports renamed, wasm ${before.length} -> ${out.length} B`);

// --- The wasm binary: sections, imports, exports --------------------------------------
function leb(buf, at) {
  let value = 0;
  let shift = 0;
  let pos = at;
  for (;;) {
    const byte = buf[pos++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
    if (byte < 0x80) return [value, pos];
  }
}
function encodeLeb(value) {
  const out = [];
  let v = value;
  do {
    let byte = v % 128;
    v = Math.floor(v / 128);
    if (v > 0) byte |= 0x80;
    out.push(byte);
  } while (v > 0);
  return Buffer.from(out);
}
function encodeName(name) {
  const bytes = Buffer.from(name, 'utf8');
  return Buffer.concat([encodeLeb(bytes.length), bytes]);
}
function readName(buf, at) {
  const [len, pos] = leb(buf, at);
  return [buf.toString('utf8', pos, pos + len), pos + len];
}
function parseSections(buf) {
  if (buf.readUInt32LE(0) !== 0x6d736100 || buf.readUInt32LE(4) !== 1) fail('not a wasm module');
  const sections = new Map();
  const list = [];
  let pos = 8;
  while (pos < buf.length) {
    const id = buf[pos];
    const [size, start] = leb(buf, pos + 1);
    const section = { id, begin: pos, start, end: start + size };
    list.push(section);
    if (id !== 0) sections.set(id, section);
    pos = start + size;
  }
  sections.list = list;
  return sections;
}
// The bytes after an import's names, by kind: function, table, memory, global, tag.
function importDescEnd(buf, kind, at) {
  const limits = (pos) => {
    const flags = buf[pos];
    let [, p] = leb(buf, pos + 1);
    if (flags & 1) [, p] = leb(buf, p);
    return p;
  };
  switch (kind) {
    case 0: return leb(buf, at)[1];
    case 1: return limits(at + 1);
    case 2: return limits(at);
    case 3: return at + 2;
    case 4: return leb(buf, at + 1)[1];
    default: return fail(`unknown import kind ${kind}`);
  }
}
function parseImports(buf, section) {
  if (!section) return [];
  const out = [];
  let [n, pos] = leb(buf, section.start);
  while (n-- > 0) {
    const [module, p1] = readName(buf, pos);
    const [name, p2] = readName(buf, p1);
    const kind = buf[p2];
    const end = importDescEnd(buf, kind, p2 + 1);
    out.push({ module, name, desc: buf.subarray(p2, end) });
    pos = end;
  }
  return out;
}
function parseExports(buf) {
  const section = parseSections(buf).get(7);
  if (!section) return [];
  const out = [];
  let [n, pos] = leb(buf, section.start);
  while (n-- > 0) {
    const [name, p1] = readName(buf, pos);
    const end = leb(buf, p1 + 1)[1];
    out.push({ name, desc: buf.subarray(p1, end) });
    pos = end;
  }
  return out;
}
/// The module `buf` with its import and export sections written again from `imports` and
/// `exports` (as parsed from it), renamed by `names`; every other section as it was.
function rewrite(buf, sections, imports, exports, names) {
  const parts = [buf.subarray(0, 8)];
  for (const section of sections.list) {
    let body;
    if (section.id === 2) {
      const entries = imports.map((imp) => {
        const [module, name] = names.importName(imp);
        return Buffer.concat([encodeName(module), encodeName(name), imp.desc]);
      });
      body = Buffer.concat([encodeLeb(entries.length), ...entries]);
    } else if (section.id === 7) {
      const entries = exports.map((exp) => Buffer.concat([encodeName(names.exportName(exp.name)), exp.desc]));
      body = Buffer.concat([encodeLeb(entries.length), ...entries]);
    } else {
      parts.push(buf.subarray(section.begin, section.end));
      continue;
    }
    parts.push(Buffer.from([section.id]), encodeLeb(body.length), body);
  }
  return Buffer.concat(parts);
}
