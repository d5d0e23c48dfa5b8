//! With the `split` feature, the widget's wasm keeps its relocations: `wasm-split-cli`
//! (scripts/split-wasm) needs them to cut it into parts.
//!
//! The text files the code includes (style sheets, the synonym table) are written to OUT_DIR
//! without their comments and extra white space: the widget carries them in its first download,
//! and they are read the same without.

use std::path::Path;

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    let split = std::env::var_os("CARGO_FEATURE_SPLIT").is_some();
    let wasm = std::env::var("CARGO_CFG_TARGET_ARCH").is_ok_and(|arch| arch == "wasm32");
    if split && wasm {
        println!("cargo:rustc-cdylib-link-arg=--emit-relocs");
    }
    index_stamp();
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    for (source, name, shrink) in [
        ("style/widget.css", "widget.css", css as fn(&str) -> String),
        ("style/page.css", "page.css", css),
        ("style/print.css", "print.css", css),
        ("src/search/synonyms.txt", "synonyms.txt", table),
    ] {
        println!("cargo:rerun-if-changed={source}");
        let text = std::fs::read_to_string(source).unwrap_or_else(|e| panic!("{source}: {e}"));
        let target = Path::new(&out).join(name);
        std::fs::write(&target, shrink(&text)).unwrap_or_else(|e| panic!("{}: {e}", target.display()));
    }
}

/// A style sheet without comments, each run of white space one space; strings kept as written.
fn css(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    let mut quote = None;
    while let Some(c) = chars.next() {
        match (quote, c) {
            (Some(q), _) => {
                out.push(c);
                if c == '\\' {
                    out.extend(chars.next());
                } else if c == q {
                    quote = None;
                }
            }
            (None, '"' | '\'') => {
                quote = Some(c);
                out.push(c);
            }
            (None, '/') if chars.peek() == Some(&'*') => {
                chars.next();
                let mut last = ' ';
                for c in chars.by_ref() {
                    if last == '*' && c == '/' {
                        break;
                    }
                    last = c;
                }
                // A comment separates what it stands between.
                if !out.ends_with(' ') && !out.is_empty() {
                    out.push(' ');
                }
            }
            (None, c) if c.is_whitespace() => {
                if !out.ends_with(' ') && !out.is_empty() {
                    out.push(' ');
                }
            }
            (None, c) => out.push(c),
        }
    }
    out.trim_end().to_string()
}

/// A table without its comment and blank lines (`#`), which its reader skips.
fn table(text: &str) -> String {
    let lines = text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#'));
    lines.collect::<Vec<_>>().join("\n")
}

/// The code that decides what a search index holds, hashed (FNV-1a): a stored index
/// (`src/search/stored.rs`) written by other code is not read.
fn index_stamp() {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for source in [
        "src/search/mod.rs",
        "src/search/stored.rs",
        "src/search/synonyms.rs",
        "src/search/synonyms.txt",
        "src/search/vocabulary.rs",
        "src/fold.rs",
        "src/catalog/mod.rs",
        "src/catalog/commune.rs",
    ] {
        println!("cargo:rerun-if-changed={source}");
        let bytes = std::fs::read(source).unwrap_or_else(|e| panic!("{source}: {e}"));
        for b in bytes {
            hash = (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
    println!("cargo:rustc-env=MOTCUA_INDEX_STAMP={hash:016x}");
}
