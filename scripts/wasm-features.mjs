// The WebAssembly features the bundles are built with (the pinned nightly's wasm32 target),
// which wasm-opt must be told of when it optimises or rewrites them: one list for
// scripts/split-bundle.mjs, scripts/shorten-bindings.mjs and scripts/build-web, which reads
// it with `node scripts/wasm-features.mjs` (one flag per word).
export const WASM_FEATURES = [
  '--enable-bulk-memory', '--enable-nontrapping-float-to-int', '--enable-sign-ext', '--enable-mutable-globals',
];

if (import.meta.url === `file://${process.argv[1]}`) console.log(WASM_FEATURES.join(' '));
