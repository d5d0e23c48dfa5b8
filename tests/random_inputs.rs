//! Random and damaged inputs never panic: a quick check inside `cargo test`, beside the coverage-
//! guided fuzz targets of `fuzz/` (scripts/fuzz). From fixed seeds, so that a failure can be
//! replayed; `MOTCUA_RANDOM_ROUNDS=N` runs N rounds instead of the default.
//!
//! - catalogs: the fixture catalog with bytes flipped, cut, repeated or replaced by JSON's own
//!   characters, read by `catalog::load` (the widget's reader) and checked by `catalog::warnings`;
//! - overlays: the same for `overlay::parse` and `overlay::apply`;
//! - queries: random strings of Vietnamese letters, marks, digits, punctuation, emoji and control
//!   characters, searched in the demo catalog (`Index::matches`, `search`, `terms_of`,
//!   `did_you_mean`), each within a time bound.
#![cfg(not(target_arch = "wasm32"))]

use std::path::PathBuf;
use std::time::{Duration, Instant};

use motcua::catalog::{self, Catalog};
use motcua::date::Date;
use motcua::overlay;
use motcua::search::Index;

/// xorshift64*: small, fast, and the same sequence everywhere.
struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

fn rounds(default: usize) -> usize {
    std::env::var("MOTCUA_RANDOM_ROUNDS").ok().and_then(|n| n.parse().ok()).unwrap_or(default)
}

fn read(path: &str) -> String {
    std::fs::read_to_string(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(path)).expect("fixture")
}

/// `text` damaged a few times: a byte changed, a span cut or repeated, a JSON character put in.
fn damage(text: &str, random: &mut Random) -> Vec<u8> {
    let mut bytes = text.as_bytes().to_vec();
    for _ in 0..1 + random.below(4) {
        if bytes.is_empty() {
            break;
        }
        let at = random.below(bytes.len());
        match random.below(5) {
            0 => bytes[at] = random.next() as u8,
            1 => {
                let end = (at + random.below(64)).min(bytes.len());
                bytes.drain(at..end);
            }
            2 => {
                let end = (at + random.below(64)).min(bytes.len());
                let span = bytes[at..end].to_vec();
                bytes.splice(at..at, span);
            }
            3 => bytes.insert(at, b"{}[]\",:-0e\\"[random.below(11)]),
            _ => bytes.truncate(at),
        }
    }
    bytes
}

#[test]
fn damaged_catalogs_are_read_or_refused_never_a_panic() {
    let text = read("tests/fixtures/commune-sample.json");
    let mut random = Random(0x6d6f_7463_7561_0001);
    let today = Date { year: 2026, month: 12, day: 4 };
    let (mut read_ok, mut refused) = (0, 0);
    for _ in 0..rounds(1500) {
        let bytes = damage(&text, &mut random);
        // The widget reads text; damaged UTF-8 is refused before (by the browser's decoder).
        let json = String::from_utf8_lossy(&bytes);
        match catalog::load(&json) {
            Ok(loaded) => {
                read_ok += 1;
                let _ = catalog::warnings(&loaded.catalog, today, 180);
                let _ = Index::from_catalog(&loaded.catalog).search("khai sinh", 10);
            }
            Err(error) => {
                refused += 1;
                assert!(!error.to_string().is_empty());
            }
        }
    }
    // Both outcomes happen: the damage is neither always fatal nor always harmless.
    assert!(read_ok > 0 && refused > 0, "read {read_ok}, refused {refused}");
}

#[test]
fn damaged_overlays_are_applied_or_refused_never_a_panic() {
    let text = read("tests/fixtures/overlay-other-commune.json");
    let base: Catalog = catalog::load(&read("tests/fixtures/commune-sample.json")).expect("fixture").catalog;
    let mut random = Random(0x6d6f_7463_7561_0002);
    for _ in 0..rounds(1500) {
        let json = String::from_utf8_lossy(&damage(&text, &mut random)).into_owned();
        if let Ok(parsed) = overlay::parse(&json) {
            let mut catalog = base.clone();
            let _ = overlay::apply(&mut catalog, &parsed);
        }
    }
}

#[test]
fn random_queries_are_answered_quickly_never_a_panic() {
    const PIECES: &[&str] = &[
        "a",
        "ă",
        "â",
        "đ",
        "Đ",
        "ê",
        "ô",
        "ơ",
        "ư",
        "y",
        "ỵ",
        "\u{0301}",
        "\u{0323}",
        "\u{0309}",
        "ng",
        "tr",
        "kh",
        " ",
        "  ",
        "1",
        ".",
        "0",
        "-",
        "/",
        "\"",
        "'",
        "*",
        "?",
        "\\",
        "%",
        "\u{0}",
        "\t",
        "\n",
        "🙂",
        "\u{200b}",
        "\u{fffd}",
        "sổ đỏ",
        "khai sinh",
        "1.001193",
        "CCCD",
        "GPXD",
        "xin",
        "giấy",
        "của",
        "và",
    ];
    let demo = catalog::load(&read("public/catalogs/commune-demo.json")).expect("demo").catalog;
    let index = Index::from_catalog(&demo);
    let mut random = Random(0x6d6f_7463_7561_0003);
    let mut slowest = Duration::ZERO;
    for _ in 0..rounds(3000) {
        let query: String = (0..random.below(24)).map(|_| PIECES[random.below(PIECES.len())]).collect();
        let started = Instant::now();
        let matches = index.matches(&query);
        let best = index.search(&query, 10);
        let _ = index.terms_of(&query);
        let _ = index.did_you_mean(&query);
        slowest = slowest.max(started.elapsed());
        assert!(best.len() <= 10 && best.len() <= matches.len().max(best.len()));
        for hit in best {
            assert!(hit.doc < demo.procedures.len());
        }
    }
    // A bound against runaway work (a loop, a blow-up), not a speed target: the debug build on a
    // loaded 2-core machine; the benchmark measures speed.
    assert!(slowest < Duration::from_secs(2), "slowest query took {slowest:?}");
}
