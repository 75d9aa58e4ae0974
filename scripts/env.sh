# Sourced by the scripts: one PATH for every step, so trunk never rebuilds because the
# environment changed, and the npm wasm-opt (binaryen 132) wins over any other.
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$REPO_ROOT/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export CHROMEDRIVER=/usr/bin/chromedriver

# The web bundles' release builds (scripts/build-web) use a pinned nightly compiler, which
# can rebuild the standard library for wasm with panics that stop the program at once:
# without the machinery that formats their messages and the source locations they name,
# every bundle is about 7% smaller after brotli (the form's core 210,021 -> 195,284 B).
# A panic is still an error in the console ("unreachable"), without its message. Debug
# formatting is left out too (`-Zfmt-debug=none`: `{:?}` writes nothing; the form's core
# 192,060 -> 189,102 B): the app never shows a person a Debug text (a test in
# src/i18n/mod.rs finds none outside tests); only the messages about JSON or a value it
# could not read use it (serde's), and the app shows its own instead. Tests, clippy, the
# server and the native tools use the stable toolchain. Installed by
# scripts/setup (with its standard library sources and wasm target).
export WEB_TOOLCHAIN=nightly-2026-05-20
# Runs "$@" (trunk, or cargo for the wasm target) with that toolchain and flags. The
# flags replace .cargo/config.toml's wasm rustflags, so those are read from it and kept.
web_release() {
  local config_flags
  config_flags=$(sed -n '/^\[target.wasm32-unknown-unknown\]/,/^\[/s/^rustflags = \[\(.*\)\]$/\1/p' "$REPO_ROOT/.cargo/config.toml" | tr -d '",')
  [ -n "$config_flags" ] || { echo "no wasm rustflags in .cargo/config.toml" >&2; return 1; }
  RUSTUP_TOOLCHAIN=$WEB_TOOLCHAIN CARGO_UNSTABLE_BUILD_STD=std,panic_abort \
    CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="$config_flags -Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none -Zfmt-debug=none" \
    "$@"
}
