//! The `motcua` command as a user runs it.
#![cfg(not(target_arch = "wasm32"))]

use std::path::PathBuf;
use std::process::{Command, Output};

fn motcua(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_motcua")).args(args).output().expect("the motcua binary runs")
}

fn demo_catalog() -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("public/catalogs/commune-demo.json").display().to_string()
}

fn search_codes(query: &str) -> Vec<String> {
    let out = motcua(&["search", "--catalog", &demo_catalog(), "--json", query]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let rows: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).expect("search --json prints JSON");
    for row in &rows {
        assert!(row["name"].is_string() && row["score"].is_number(), "{row}");
    }
    rows.iter().map(|r| r["code"].as_str().unwrap_or_default().to_string()).collect()
}

#[test]
fn search_finds_marriage_and_birth_registration_first() {
    assert_eq!(search_codes("dang ky ket hon")[0], "1.000894");
    assert_eq!(search_codes("khai sinh")[0], "1.001193");
    assert_eq!(search_codes("Đăng ký khai sinh")[0], "1.001193");
    assert_eq!(search_codes("1.001193"), vec!["1.001193"]);
}

#[test]
fn search_limits_results() {
    assert_eq!(search_codes("dang ky").len(), 10);
    let out = motcua(&["search", "--catalog", &demo_catalog(), "--limit", "3", "--json", "dang ky"]);
    let rows: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(rows.len(), 3);
}

#[test]
fn check_accepts_the_demo_catalog() {
    let out = motcua(&["check", &demo_catalog()]);
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("valid, 780 procedures"));
}

#[test]
fn strict_check_fails_on_warnings_that_plain_check_reports() {
    // A generous --max-age keeps the test independent of today's date.
    let out = motcua(&["check", "--max-age", "100000", &demo_catalog()]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}");
    assert!(stdout.contains("valid, 780 procedures; 15 warnings"), "{stdout}");
    assert!(stdout.contains("warning: procedures["), "{stdout}");
    assert!(stdout.contains("paper without a count of originals or copies"), "{stdout}");

    let out = motcua(&["check", "--strict", "--max-age", "100000", &demo_catalog()]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("15 warnings (--strict: failing)"));

    // With a negative maximum age, any catalog is stale.
    let out = motcua(&["check", "--max-age", "-1", &demo_catalog()]);
    assert!(String::from_utf8_lossy(&out.stdout).contains("warning: catalog, field generated_at: the catalog is"));
}

#[test]
fn check_names_each_problem_and_fails() {
    let dir = std::env::temp_dir().join(format!("motcua-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let broken = dir.join("broken.json");
    std::fs::write(
        &broken,
        r#"{"format":"motcua-catalog","format_version":"1.0","generated_at":"2026-11-22","source":{"name":"t"},
           "procedures":[{"code":"1.001193","name":"Đăng ký khai sinh"},
                         {"code":"1.000894","name":"Đăng ký kết hôn","levels":["district"]},
                         {"code":"1.001193","name":"again"}]}"#,
    )
    .unwrap();
    let out = motcua(&["check", broken.to_str().unwrap()]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(!out.status.success());
    assert!(
        stdout.contains("error: procedures[1] (1.000894), field levels[0]: unknown variant `district`"),
        "{stdout}"
    );
    assert!(stdout.contains("error: procedures[2] (1.001193), field code: duplicate code"), "{stdout}");
    assert!(stdout.contains("warning: procedures[0] (1.001193), field portal_id: no portal id"), "{stdout}");
    assert!(stdout.contains("2 problems, 1 warnings; 1 procedures are valid"), "{stdout}");

    std::fs::write(&broken, "{ not json").unwrap();
    let out = motcua(&["check", broken.to_str().unwrap()]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("not a valid catalog"));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn usage_errors_say_what_is_wrong() {
    let out = motcua(&["search", "khai sinh"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("search needs --catalog <FILE>"));
    let out = motcua(&["frobnicate"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("Usage:"));
}
