//! Any bytes as a search query in the demo commune's catalog: answered, never a panic (libFuzzer's
//! `-timeout` bounds the time of each).
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use motcua::catalog;
use motcua::search::{highlight, Index};

static DEMO: &str = include_str!("../../public/catalogs/commune-demo.json");

fn index() -> &'static (Index, Vec<String>) {
    static INDEX: OnceLock<(Index, Vec<String>)> = OnceLock::new();
    INDEX.get_or_init(|| {
        let catalog = catalog::load(DEMO).expect("the demo catalog reads").catalog;
        let names = catalog.procedures.iter().map(|p| p.name.clone()).collect();
        (Index::from_catalog(&catalog), names)
    })
}

fuzz_target!(|bytes: &[u8]| {
    let query = String::from_utf8_lossy(bytes);
    let (index, names) = index();
    let hits = index.search(&query, 10);
    assert!(hits.len() <= 10);
    let terms = index.terms_of(&query);
    for hit in hits {
        let name = &names[hit.doc];
        for range in highlight(name, &terms) {
            assert!(name.is_char_boundary(range.start) && name.is_char_boundary(range.end));
        }
    }
    let _ = index.matches(&query);
    let _ = index.did_you_mean(&query);
});
