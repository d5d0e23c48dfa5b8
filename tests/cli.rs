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
    assert!(String::from_utf8_lossy(&out.stdout).contains("valid, 495 procedures"));
}

fn temp_file(name: &str, contents: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("motcua-cli-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, contents).unwrap();
    path
}

#[test]
fn strict_check_fails_on_warnings_that_plain_check_reports() {
    let path = temp_file(
        "warned.json",
        r#"{"format":"motcua-catalog","format_version":"1.1","generated_at":"2026-11-22","source":{"name":"t"},
           "procedures":[{"code":"2.000815","name":"Chứng thực bản sao","portal_id":"019d2bfd-3fe0-70ac-b9d6-5e9e20d6eef7",
             "paper_groups":[{"papers":[{"name":"Bản chính giấy tờ"}]}],
             "channels":[{"channel":"in_person","fees":[{"kind":"fee","amount":2000,"per":"trang"}]}]}]}"#,
    );
    let path = path.to_str().unwrap();
    // A generous --max-age keeps the test independent of today's date.
    let out = motcua(&["check", "--max-age", "100000", path]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}");
    assert!(stdout.contains("valid, 1 procedures; 2 warnings"), "{stdout}");
    assert!(
        stdout.contains("warning: procedures[0] (2.000815), field paper_groups[0].papers[0]: paper without a count"),
        "{stdout}"
    );
    assert!(stdout.contains("field channels[0].fees[0]: fee amount without a source document"), "{stdout}");

    let out = motcua(&["check", "--strict", "--max-age", "100000", path]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("2 warnings (--strict: failing)"));

    // With a negative maximum age, any catalog is stale.
    let out = motcua(&["check", "--max-age", "-1", &demo_catalog()]);
    assert!(String::from_utf8_lossy(&out.stdout).contains("warning: catalog, field generated_at: the catalog is"));
}

#[test]
fn an_overlay_naming_unknown_codes_stops_the_import_with_each_mistake() {
    let overlay = temp_file(
        "overlay.json",
        r#"{"format":"motcua-overlay","format_version":"1.0",
            "procedures":{"9.999999":{"friendly_name":"Không có"}},
            "fees":[{"procedures":["1.001193"],"kind":"charge","amount":8000,"source":"NQ-khong-co"}]}"#,
    );
    let api = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/data/portal-api/1.001193.json");
    let output = overlay.with_file_name("out.json");
    let out = motcua(&[
        "import",
        "portal-api",
        api.to_str().unwrap(),
        "--overlay",
        overlay.to_str().unwrap(),
        "-o",
        output.to_str().unwrap(),
    ]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "{stderr}");
    assert!(stderr.contains("error: procedures.9.999999: no such procedure in the catalog"), "{stderr}");
    assert!(stderr.contains("error: fees[0].source: no document \"NQ-khong-co\""), "{stderr}");
    assert!(stderr.contains("2 problems; nothing written"), "{stderr}");
    assert!(!output.exists());

    std::fs::write(&overlay, r#"{"format":"motcua-overlay","format_version":"2.0"}"#).unwrap();
    let out = motcua(&[
        "import",
        "portal-api",
        api.to_str().unwrap(),
        "--overlay",
        overlay.to_str().unwrap(),
        "-o",
        output.to_str().unwrap(),
    ]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("field format_version: \"2.0\" is not a version this build reads (1.x)"), "{stderr}");
}

#[test]
fn portal_api_records_become_a_catalog() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/data/portal-api");
    let output = std::env::temp_dir().join(format!("motcua-cli-{}-api.json", std::process::id()));
    let out = motcua(&[
        "import",
        "portal-api",
        dir.to_str().unwrap(),
        "-o",
        output.to_str().unwrap(),
        "--date",
        "2026-11-22",
    ]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    // 18 files, two of them for 1.001193.
    assert!(String::from_utf8_lossy(&out.stderr).contains("read 17 portal API records; wrote 17 procedures"));
    let check = motcua(&["check", output.to_str().unwrap()]);
    assert!(check.status.success(), "{}", String::from_utf8_lossy(&check.stdout));
    std::fs::remove_file(&output).ok();
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

#[test]
fn split_writes_the_index_and_a_record_per_procedure_which_check_reads() {
    let dir = std::env::temp_dir().join(format!("motcua-cli-{}-split", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("demo")).unwrap();
    // A record of a procedure no longer in the catalog must not stay behind.
    std::fs::write(dir.join("demo/9.999999.json"), "{}").unwrap();
    let index = dir.join("demo.json").display().to_string();
    let out = motcua(&["split", &demo_catalog(), "-o", &index]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stderr).contains("495 records"));
    assert!(!dir.join("demo/9.999999.json").exists());
    let record: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.join("demo/1.001193.json")).unwrap()).unwrap();
    assert_eq!(record["code"], "1.001193");
    assert!(record["channels"].as_array().is_some_and(|c| !c.is_empty()));

    let out = motcua(&["check", &index]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stdout));
    assert!(String::from_utf8_lossy(&out.stdout).contains("valid, 495 procedures"));
    // Search reads the index alone.
    let out = motcua(&["search", "--catalog", &index, "--json", "khai sinh"]);
    let rows: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).expect("search --json prints JSON");
    assert_eq!(rows[0]["code"], "1.001193");

    // An index is not split again; a missing record is a problem for check.
    let out = motcua(&["split", &index, "-o", &dir.join("again.json").display().to_string()]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("already split"));
    std::fs::remove_file(dir.join("demo/1.001193.json")).unwrap();
    let out = motcua(&["check", &index]);
    assert!(!out.status.success());
    let said = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    assert!(said.contains("1.001193"), "{said}");
}
