//! The split form of a catalog (an index for search plus a file per procedure) on real data: the
//! index finds and ranks exactly as the whole catalog does, and each file gives back the record.
#![cfg(not(target_arch = "wasm32"))]

use std::path::PathBuf;

use motcua::catalog::{self, Catalog};
use motcua::import::national::{self, Scope};
use motcua::import::portal_api;
use motcua::search::Index;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn demo() -> Catalog {
    let text = std::fs::read_to_string(root().join("public/catalogs/commune-demo.json")).expect("demo catalog");
    catalog::load(&text).expect("the demo catalog loads").catalog
}

/// The national catalog as `scripts/bench` builds it: the dataset and the portal's API records.
fn national() -> Catalog {
    let data = root().join("../shared/data");
    let options = national::Options { scope: Scope::All, generated_at: "2026-11-22".into() };
    let mut catalog = national::import(&data.join("national-2026-07"), &options).expect("import").catalog;
    let records = portal_api::read(&[data.join("portal-api")]).expect("portal API records");
    portal_api::merge(&mut catalog, records, |_| true);
    catalog
}

fn queries() -> Vec<String> {
    ["tests/search-queries.json", "tests/search-queries-heldout.json"]
        .iter()
        .flat_map(|file| {
            let text = std::fs::read_to_string(root().join(file)).expect("query file");
            motcua::eval::parse(&text).expect("query file parses").queries.into_iter().map(|q| q.q)
        })
        .collect()
}

/// Every query, and every prefix of it as typed, finds the same procedures in the same order with
/// the same scores; the corrections and marked words are the same too.
fn same_search(whole: &Catalog) {
    let split = catalog::split(whole, "details");
    let (a, b) = (Index::from_catalog(whole), Index::from_catalog(&split.index));
    let mut checked = 0;
    for query in queries() {
        let typed: Vec<&str> = query.char_indices().map(|(i, c)| &query[..i + c.len_utf8()]).collect();
        for q in typed {
            let (x, y) = (a.search(q, 20), b.search(q, 20));
            let codes = |hits: &[motcua::search::Hit], c: &Catalog| {
                hits.iter().map(|h| (c.procedures[h.doc].code.clone(), h.score.to_bits())).collect::<Vec<_>>()
            };
            assert_eq!(codes(&x, whole), codes(&y, &split.index), "{q:?}");
            assert_eq!(a.matches(q).len(), b.matches(q).len(), "{q:?}");
            assert_eq!(a.did_you_mean(q), b.did_you_mean(q), "{q:?}");
            assert_eq!(a.terms_of(q), b.terms_of(q), "{q:?}");
            checked += 1;
        }
    }
    assert!(checked > 2_000, "{checked} queries checked");
}

/// Each file holds the whole record, which the widget's reader takes back unchanged.
fn records_come_back(whole: &Catalog) {
    let split = catalog::split(whole, "details");
    assert_eq!(split.details.len(), whole.procedures.len());
    for ((path, record), original) in split.details.iter().zip(&whole.procedures) {
        let json = serde_json::to_string(record).expect("serialises");
        assert_eq!(&catalog::load_procedure(&json, &original.code).expect(path), original);
        assert_eq!(path, &format!("details/{}.json", original.code));
    }
    let index_json = serde_json::to_string(&split.index).expect("serialises");
    let read = catalog::load(&index_json).expect("the index loads");
    assert!(read.problems.is_empty(), "{:?}", read.problems);
    assert!(read.catalog.procedures.iter().all(|p| p.summary && p.channels.is_empty() && p.steps.is_empty()));
}

#[test]
fn the_demo_communes_index_searches_as_its_whole_catalog() {
    same_search(&demo());
}

#[test]
fn the_national_index_searches_as_the_whole_catalog() {
    same_search(&national());
}

#[test]
fn the_records_of_a_split_catalog_come_back_whole() {
    records_come_back(&demo());
    records_come_back(&national());
}
