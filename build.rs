//! With the `split` feature, the widget's wasm keeps its relocations: `wasm-split-cli`
//! (scripts/split-wasm) needs them to cut it into parts.

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    let split = std::env::var_os("CARGO_FEATURE_SPLIT").is_some();
    let wasm = std::env::var("CARGO_CFG_TARGET_ARCH").is_ok_and(|arch| arch == "wasm32");
    if split && wasm {
        println!("cargo:rustc-cdylib-link-arg=--emit-relocs");
    }
}
