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
/// the same scores, in the whole catalog, in the index as stored and in the summaries indexed
/// again; the corrections and marked words are the same too.
fn same_search(whole: &Catalog) {
    let split = catalog::split(whole, "details");
    // The index as the widget reads it: its stored search, over its listings.
    let json = serde_json::to_string(&split.index).expect("serialises");
    let read = catalog::load_index(&json).expect("the index loads").catalog;
    let stored = Index::read(read.search.as_deref().expect("a stored search"), &read.procedures).expect("reads");
    let summaries = Index::from_catalog(&split.summaries.1);
    let a = Index::from_catalog(whole);
    for (b, what) in [(&stored, "stored"), (&summaries, "summaries")] {
        same_as(&a, b, whole, &split.index, what);
    }
}

fn same_as(a: &Index, b: &Index, whole: &Catalog, index: &Catalog, what: &str) {
    let mut checked = 0;
    for query in queries() {
        let typed: Vec<&str> = query.char_indices().map(|(i, c)| &query[..i + c.len_utf8()]).collect();
        for q in typed {
            let (x, y) = (a.search(q, 20), b.search(q, 20));
            let codes = |hits: &[motcua::search::Hit], c: &Catalog| {
                hits.iter().map(|h| (c.procedures[h.doc].code.clone(), h.score.to_bits())).collect::<Vec<_>>()
            };
            assert_eq!(codes(&x, whole), codes(&y, index), "{what}: {q:?}");
            assert_eq!(a.matches(q).len(), b.matches(q).len(), "{what}: {q:?}");
            assert_eq!(a.did_you_mean(q), b.did_you_mean(q), "{what}: {q:?}");
            assert_eq!(a.terms_of(q), b.terms_of(q), "{what}: {q:?}");
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
    for index in [&split.index, &split.summaries.1] {
        let index_json = serde_json::to_string(index).expect("serialises");
        let read = catalog::load(&index_json).expect("the index loads");
        assert!(read.problems.is_empty(), "{:?}", read.problems);
        assert!(read.catalog.procedures.iter().all(|p| p.summary && p.channels.is_empty() && p.steps.is_empty()));
    }
    assert_eq!(split.summaries.0, "details.summaries.json");
    assert_eq!(split.index.summaries.as_deref(), Some("details.summaries.json"));
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
