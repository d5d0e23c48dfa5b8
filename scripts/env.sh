# shellcheck shell=bash
# Sourced by scripts/setup, scripts/demo and scripts/test (not run on its own).
# Puts us at the repository root and sets up PATH so that the tools we rely on
# come first: .tools/bin (our wasm-opt wrapper around npm binaryen@132) and
# ~/.cargo/bin (trunk, wasm-bindgen, wasm-bindgen-test-runner).

MOTCUA_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$MOTCUA_ROOT"
export MOTCUA_ROOT
export PATH="$MOTCUA_ROOT/.tools/bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

# Trunk must never download anything (there is no network beyond the package
# registries): it uses the wasm-bindgen and wasm-opt found on PATH, whose
# versions scripts/setup makes match Trunk.toml [tools].
export TRUNK_OFFLINE=true
export TRUNK_SKIP_VERSION_CHECK=true

# Pinned versions. wasm-bindgen is read from Cargo.lock (the CLI must equal the crate).
MOTCUA_TRUNK_VERSION=0.21.14
MOTCUA_CARGO_FUZZ_VERSION=0.13.2
MOTCUA_WASM_SPLIT_VERSION=0.2.4
MOTCUA_WASM_OPT_VERSION=132
MOTCUA_CHROMIUM=/usr/bin/chromium
MOTCUA_CHROMEDRIVER=/usr/bin/chromedriver

motcua_toolchain() {
    sed -n 's/^[[:space:]]*channel[[:space:]]*=[[:space:]]*"\([^"]*\)".*/\1/p' rust-toolchain.toml | head -n1
}

motcua_wasm_bindgen_version() {
    awk '/^name = "wasm-bindgen"$/ { getline; gsub(/^version = "|"$/, ""); print; exit }' Cargo.lock
}
