//! Any bytes as a commune overlay: parsed or refused, never a panic; what is parsed is applied to
//! the sample catalog, and to each of its records alone, as the widget applies it.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use motcua::catalog::{self, Catalog};
use motcua::overlay;

static SAMPLE: &str = include_str!("../../tests/fixtures/commune-sample.json");

fn sample() -> &'static Catalog {
    static CATALOG: OnceLock<Catalog> = OnceLock::new();
    CATALOG.get_or_init(|| catalog::load(SAMPLE).expect("the sample catalog reads").catalog)
}

fuzz_target!(|bytes: &[u8]| {
    let json = String::from_utf8_lossy(bytes);
    if let Ok(parsed) = overlay::parse(&json) {
        let mut catalog = sample().clone();
        let _ = overlay::apply(&mut catalog, &parsed);
        // A split catalog's record, fetched later, gets the overlay on its own.
        for record in &sample().procedures {
            overlay::apply_to(&mut record.clone(), &parsed);
        }
    }
});
