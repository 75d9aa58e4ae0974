//! A bundle built with a `split-…` feature is cut into chunks after linking
//! (scripts/build-web runs wasm-split-cli), which needs the linker's relocations.
fn main() {
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rustc-check-cfg=cfg(split_bundle)");
    let wasm = std::env::var("CARGO_CFG_TARGET_FAMILY").is_ok_and(|f| f == "wasm");
    let split =
        std::env::vars_os().any(|(k, _)| k.to_string_lossy().starts_with("CARGO_FEATURE_SPLIT_"));
    // `split_bundle`: the parts' loading code (src/split.rs), in any split bundle.
    if split {
        println!("cargo::rustc-cfg=split_bundle");
    }
    if wasm && split {
        println!("cargo::rustc-link-arg-bins=--emit-relocs");
    }
}
