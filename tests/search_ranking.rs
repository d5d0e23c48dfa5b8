//! Ranking rules of the search on the real national catalog (imported from ../shared/data), where
//! they matter most: 5,611 procedures, many near-duplicates; and the filters' counts there.
#![cfg(not(target_arch = "wasm32"))]

use std::path::PathBuf;
use std::sync::OnceLock;

use motcua::catalog::{ByCode, Catalog};
use motcua::import::life_events;
use motcua::import::national::{self, Scope};
use motcua::search::{life_event_counts, Filter, Hit, Index};

fn national() -> &'static (Catalog, Index) {
    static NATIONAL: OnceLock<(Catalog, Index)> = OnceLock::new();
    NATIONAL.get_or_init(|| {
        let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/data/national-2026-07");
        let options = national::Options { scope: Scope::All, generated_at: "2026-11-22".into() };
        let mut catalog = national::import(&dir, &options).unwrap_or_else(|e| panic!("import failed: {e}")).catalog;
        // As `motcua import` writes it: with the life events, whose names the index finds too.
        catalog.life_events = life_events::life_events(&catalog.procedures);
        let index = Index::from_catalog(&catalog);
        (catalog, index)
    })
}

fn top(query: &str, n: usize) -> Vec<String> {
    let (catalog, index) = national();
    index.search(query, n).iter().map(|h| catalog.procedures[h.doc].code.clone()).collect()
}

#[test]
fn the_tables_words_choose_the_candidates_not_the_words_around_them() {
    // "sổ đỏ bị sai" is read as "đính chính giấy chứng nhận"; "tên chủ" only adds.
    let found = top("so do bi sai ten chu", 10);
    let corrections = ["1.012796", "1.012790", "1.115628", "1.115616", "1.115355"];
    assert!(found.iter().any(|c| corrections.contains(&c.as_str())), "{found:?}");
}

#[test]
fn the_main_procedure_comes_before_its_variants() {
    // Not "Cấp lại …", "Cấp đổi …", "Thu hồi …", "Đăng ký thay đổi …".
    assert_eq!(top("dang ky hkd", 1), ["1.001612"]);
    assert_eq!(top("dang ky ho kinh doanh", 1), ["1.001612"]);
    let first_card = ["1.014061", "1.014062", "2.000200", "1.001247", "1.012549", "1.012543"];
    let found = top("lam cccd", 1);
    assert!(first_card.contains(&found[0].as_str()), "{found:?}");
}

#[test]
fn procedures_for_people_come_before_those_only_organisations_file() {
    // 1.009122 (a time-limited permit, for organisations) names "nhà ở riêng lẻ" too.
    assert_eq!(top("xin gpxd nha o", 1), ["1.013225"]);
}

#[test]
fn each_life_events_count_is_what_choosing_it_keeps() {
    let (catalog, index) = national();
    let positions = ByCode::of(&catalog.procedures);
    let position = |code: &str| positions.find(&catalog.procedures, code);
    assert!(catalog.life_events.len() >= 10);
    // Broad queries (thousands of matches), narrow ones, a code, and one that finds nothing.
    for query in ["dang ky", "giay", "g", "khai sinh", "ket hon", "so do", "1.00", "tro cap", "xyzxyz"] {
        let matches = index.matches(query);
        let counts = life_event_counts(&matches, catalog, &position);
        let kept: Vec<usize> = catalog
            .life_events
            .iter()
            .map(|e| {
                let filter = Filter { life_event: Some(e.id.clone()), ..Filter::default() };
                matches.iter().filter(|h| filter.accepts(&catalog.procedures[h.doc], catalog)).count()
            })
            .collect();
        assert_eq!(counts, kept, "{query:?}");
    }
    // Among all the procedures, every event has some.
    let everything: Vec<Hit> = (0..catalog.procedures.len()).map(|doc| Hit { doc, score: 1.0 }).collect();
    let all = life_event_counts(&everything, catalog, &position);
    assert!(all.iter().all(|&n| n > 0), "{all:?}");
}
