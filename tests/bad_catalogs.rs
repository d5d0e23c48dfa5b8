//! Bad catalogs (issue 9, point 1): each is refused whole with a message that says why, or read
//! with its bad records skipped and counted, the good ones served; never a panic.
#![cfg(not(target_arch = "wasm32"))]

use motcua::catalog::{load, LoadError, MAX_RECORD_BYTES};
use motcua::search::Index;

fn catalog(procedures: &[String]) -> String {
    format!(
        r#"{{"format":"motcua-catalog","format_version":"1.3","generated_at":"2026-11-22","source":{{"name":"t"}},"procedures":[{}]}}"#,
        procedures.join(",")
    )
}

fn record(code: &str, name: &str) -> String {
    format!(r#"{{"code":"{code}","name":"{name}"}}"#)
}

/// The codes read and the problems, as `motcua check` and the widget's console name them.
fn read(json: &str) -> (Vec<String>, Vec<String>) {
    let loaded = load(json).expect("the catalog as a whole is read");
    (
        loaded.catalog.procedures.iter().map(|p| p.code.clone()).collect(),
        loaded.problems.iter().map(|p| p.to_string()).collect(),
    )
}

#[test]
fn a_file_that_is_not_a_catalog_is_refused_whole_with_the_reason() {
    let said = |json: &str| load(json).err().map(|e| e.to_string()).unwrap_or_default();
    assert!(said("<html>404</html>").starts_with("not a valid catalog: expected value at line 1 column 1"));
    assert!(said(r#"{"format":"motcua-catalog""#).starts_with("not a valid catalog:"));
    assert!(said(&catalog(&[]).replace(r#""generated_at":"2026-11-22","#, "")).contains("missing field `generated_at`"));
    assert_eq!(
        said(&catalog(&[]).replace(r#""1.3""#, r#""2.0""#)),
        "catalog format version 2.0 is newer than this widget reads (1.x); update the widget"
    );
    assert!(said(&catalog(&[]).replace("motcua-catalog", "motcua-overlay")).starts_with("not a motcua catalog"));
    assert!(matches!(
        load(&catalog(&[]).replace(r#""source":{"name":"t"}"#, r#""source":7"#)),
        Err(LoadError::Syntax { .. })
    ));
}

#[test]
fn bad_records_are_skipped_and_named_and_the_good_ones_kept() {
    let json = catalog(&[
        record("1.000001", "Thủ tục tốt"),
        r#"{"code":"1.000002","name":"Sai kiểu","levels":"commune"}"#.into(),
        r#"{"code":"1.000003"}"#.into(),
        record("1.000001", "Trùng mã"),
        r#"{"code":"1.000004","name":"Phí âm","channels":[{"channel":"in_person","fees":[{"kind":"fee","amount":-8000}]}]}"#
            .into(),
        r#"{"code":"1.000005","name":"Trường hợp phí âm","cases":[{"name":"A","fees":[{"kind":"charge","amount":-1}]}]}"#.into(),
        record("  ", "Mã trống"),
        r#"{"code":"1.000006","name":"Đơn vị lạ","channels":[{"channel":"email"}]}"#.into(),
        record("1.000007", "Thủ tục tốt khác"),
    ]);
    let (codes, problems) = read(&json);
    assert_eq!(codes, ["1.000001", "1.000007"]);
    assert_eq!(problems.len(), 7, "{problems:#?}");
    let expected = [
        "procedures[1] (1.000002), field levels: invalid type: string \"commune\", expected a sequence",
        "procedures[2] (1.000003): missing field `name`",
        "procedures[3] (1.000001), field code: duplicate code",
        "procedures[4] (1.000004): a fee of -8.000: no fee is negative",
        "procedures[5] (1.000005): a fee of -1: no fee is negative",
        "procedures[6] (  ): empty code",
        "procedures[7] (1.000006), field channels[0].channel: unknown variant `email`",
    ];
    for (problem, start) in problems.iter().zip(expected) {
        assert!(problem.starts_with(start), "{problem:?} should start with {start:?}");
    }
}

#[test]
fn a_huge_record_is_skipped_whatever_it_holds() {
    let huge = format!(r#"{{"code":"1.000002","name":"Lớn","steps":[{{"text":"{}"}}]}}"#, "a".repeat(10 << 20));
    let (codes, problems) = read(&catalog(&[record("1.000001", "Nhỏ"), huge]));
    assert_eq!(codes, ["1.000001"]);
    assert!(problems[0].starts_with("procedures[1] (1.000002): 10485"), "{problems:?}");
    assert!(problems[0].contains(&format!("({MAX_RECORD_BYTES})")));
}

#[test]
fn a_hundred_thousand_records_load_and_search() {
    let records: Vec<String> =
        (0..100_000).map(|i| record(&format!("9.{i:06}"), &format!("Thủ tục số {i} cấp xã"))).collect();
    let (codes, problems) = read(&catalog(&records));
    assert_eq!((codes.len(), problems.len()), (100_000, 0));
    let loaded = load(&catalog(&records)).expect("loads");
    let index = Index::from_catalog(&loaded.catalog);
    let hits = index.search("9.054321", 10);
    assert_eq!(loaded.catalog.procedures[hits[0].doc].code, "9.054321");
}

#[test]
fn decomposed_text_is_found_as_the_precomposed_and_the_unaccented() {
    // "Đăng ký khai sinh" in NFD: base letters followed by combining marks.
    let nfd = "\u{0110}a\u{0306}ng ky\u{0301} khai sinh";
    let loaded = load(&catalog(&[record("1.001193", nfd), record("1.000894", "Đăng ký kết hôn")])).expect("loads");
    let index = Index::from_catalog(&loaded.catalog);
    for query in ["Đăng ký khai sinh", "dang ky khai sinh", nfd] {
        let hits = index.search(query, 10);
        assert_eq!(loaded.catalog.procedures[hits[0].doc].code, "1.001193", "{query:?}");
    }
}
