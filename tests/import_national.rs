//! The national importer on the real dataset in ../shared/data.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::OnceLock;

use motcua::catalog::{self, Level, PaperKind, Procedure, RecordSource, TimeUnit};
use motcua::import::national::{self, Imported, Scope};

fn dataset() -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/data/national-2026-07");
    assert!(dir.join("index.csv").is_file(), "the national dataset is expected at {}", dir.display());
    dir
}

fn import(scope: Scope) -> Imported {
    national::import(&dataset(), &national::Options { scope, generated_at: "2026-11-22".into() })
        .unwrap_or_else(|e| panic!("import failed: {e}"))
}

fn national() -> &'static Imported {
    static NATIONAL: OnceLock<Imported> = OnceLock::new();
    NATIONAL.get_or_init(|| import(Scope::All))
}

fn commune() -> &'static Imported {
    static COMMUNE: OnceLock<Imported> = OnceLock::new();
    COMMUNE.get_or_init(|| import(Scope::Commune))
}

fn by_code(procedures: &[Procedure]) -> HashMap<&str, &Procedure> {
    procedures.iter().map(|p| (p.code.as_str(), p)).collect()
}

#[test]
fn every_index_row_and_detail_record_is_imported() {
    let imported = national();
    assert_eq!(imported.index_rows, 5_608);
    assert_eq!(imported.detail_records, 2_104);
    let procedures = &imported.catalog.procedures;
    // The index's 5,608 procedures plus the 3 detail records it does not list.
    assert_eq!(procedures.len(), 5_611);
    assert_eq!(by_code(procedures).len(), 5_611, "codes are unique");
    let count = |source| procedures.iter().filter(|p| p.source == source).count();
    assert_eq!(count(RecordSource::PortalDetail), 2_049);
    assert_eq!(count(RecordSource::PortalFallback), 55);
    assert_eq!(count(RecordSource::PortalIndex), 3_507);
    // Every index row has a UUID; the three detail-only records have none.
    assert_eq!(procedures.iter().filter(|p| p.portal_id.is_none()).count(), 3);
}

#[test]
fn the_imported_catalog_reads_back_without_problems() {
    let json = serde_json::to_string(&national().catalog).unwrap();
    let loaded = catalog::load(&json).unwrap();
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems.first());
    assert_eq!(loaded.catalog, national().catalog);
}

#[test]
fn papers_steps_and_methods_are_carried_over() {
    let procedures = &national().catalog.procedures;
    let papers: usize = procedures.iter().flat_map(|p| &p.paper_groups).map(|g| g.papers.len()).sum();
    // 11,316 paper rows, less the 15 without a name.
    assert_eq!(papers, 11_301);
    let channels: usize = procedures.iter().map(|p| p.channels.len()).sum();
    assert_eq!(channels, 6_201);
}

#[test]
fn birth_registration_is_complete_and_clean() {
    let procedures = &national().catalog.procedures;
    let p = by_code(procedures)["1.001193"];
    assert_eq!(p.name, "Thủ tục đăng ký khai sinh");
    assert_eq!(p.portal_id.as_deref(), Some("019d2bfd-3fe0-70ac-b9d6-5e9e20d6eef7"));
    assert_eq!(p.field.as_deref(), Some("Hộ tịch"));
    assert_eq!(p.levels, vec![Level::Commune]);
    assert_eq!(p.channels.len(), 3);
    // "1 ngày" is not certainly working days (data trap 2): the unit stays open.
    let time = p.channels[0].time.as_ref().unwrap();
    assert_eq!((time.value, time.unit, time.text.as_str()), (Some(1.0), TimeUnit::UnspecifiedDays, "1 ngày"));
    assert!(p
        .paper_groups
        .iter()
        .flat_map(|g| &g.papers)
        .any(|paper| paper.name.starts_with("- Giấy chứng sinh") && paper.original == 1));
}

#[test]
fn text_is_nfc_without_format_characters_and_names_fit_on_one_line() {
    for p in &national().catalog.procedures {
        assert!(!p.name.contains('\n'), "{}", p.code);
        let texts = std::iter::once(&p.name)
            .chain(p.paper_groups.iter().flat_map(|g| g.papers.iter().map(|x| &x.name)))
            .chain(p.steps.iter().map(|s| &s.text));
        for text in texts {
            assert!(!text.contains('\u{200e}') && !text.contains('\u{a0}'), "{}: {text:?}", p.code);
            // No combining tone marks left: NFC composes every Vietnamese letter.
            assert!(!text.chars().any(|c| ('\u{300}'..='\u{36f}').contains(&c)), "{}: {text:?}", p.code);
        }
    }
}

#[test]
fn commune_scope_keeps_commune_procedures_only() {
    let procedures = &commune().catalog.procedures;
    assert_eq!(procedures.len(), 780);
    assert_eq!(procedures.iter().filter(|p| p.has_details()).count(), 470);
    let codes = by_code(procedures);
    for code in ["1.001193", "1.000894", "1.004194", "1.004222", "2.000815"] {
        assert!(codes.contains_key(code), "{code} is handled at commune level");
    }
    for p in procedures {
        let commune_level = p.levels.contains(&Level::Commune)
            || (p.source == RecordSource::PortalIndex
                && p.agencies.iter().any(|a| motcua::catalog::is_commune_body(a)));
        assert!(commune_level, "{} {}", p.code, p.name);
    }
    // A ministry-only procedure is left out.
    assert!(!codes.contains_key("1.000010"));
}

#[test]
fn notes_posing_as_papers_become_notes() {
    let procedures = &national().catalog.procedures;
    let p = by_code(procedures)["1.001193"];
    let rows: Vec<_> = p.paper_groups.iter().flat_map(|g| &g.papers).collect();
    let of_kind = |kind| rows.iter().filter(|r| r.kind == kind).map(|r| r.name.as_str()).collect::<Vec<_>>();
    // Every row without an original or a copy in 1.001193 is a rule or a condition.
    for row in &rows {
        if row.original == 0 && row.copy == 0 {
            assert_eq!(row.kind, PaperKind::Note, "{}", row.name);
        }
    }
    let submit = of_kind(PaperKind::Submit);
    assert!(submit.iter().any(|n| n.starts_with("- Giấy chứng sinh")), "{submit:?}");
    // The form sits after the notes in the source; it is still a paper to hand in.
    assert!(submit.iter().any(|n| n.starts_with("- Tờ khai đăng ký khai sinh")), "{submit:?}");
    let show = of_kind(PaperKind::Show);
    assert!(show.iter().any(|n| n.starts_with("- Hộ chiếu/Thẻ căn cước")), "{show:?}");
    assert_eq!(of_kind(PaperKind::Note).len(), 25);

    // Across the dataset: most 0/0 rows are notes, and no row with counts is.
    let all: Vec<_> = procedures.iter().flat_map(|p| &p.paper_groups).flat_map(|g| &g.papers).collect();
    assert!(all.iter().all(|r| r.kind != PaperKind::Note || (r.original == 0 && r.copy == 0)));
    let notes = all.iter().filter(|r| r.kind == PaperKind::Note).count();
    assert!((800..=914).contains(&notes), "{notes} notes");
}
