# Sourced by the scripts: one PATH for every step, so trunk never rebuilds because the
# environment changed, and the npm wasm-opt (binaryen 132) wins over any other.
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$REPO_ROOT/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export CHROMEDRIVER=/usr/bin/chromedriver
