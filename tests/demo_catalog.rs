//! The demo commune's catalog (Vĩnh Bảo, Hải Phòng) against its sources: the portal's records
//! in ../shared/data and Hải Phòng's fee registry. Every fact the widget shows must be traceable.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use serde_json::Value;
use unicode_normalization::UnicodeNormalization;

use motcua::catalog::{self, Catalog, Channel, Fee, PaperKind, Procedure, RecordSource, Status, TimeUnit};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn shared() -> PathBuf {
    let dir = root().join("../shared/data");
    assert!(dir.join("README.md").is_file(), "the shared data is expected at {}", dir.display());
    dir
}

const DEMO: &str = "public/catalogs/commune-demo.json";
const OVERLAY: &str = "overlays/vinh-bao-hai-phong.json";

fn demo() -> &'static Catalog {
    static DEMO_CATALOG: OnceLock<Catalog> = OnceLock::new();
    DEMO_CATALOG.get_or_init(|| {
        let text = std::fs::read_to_string(root().join(DEMO)).expect("the demo catalog is committed");
        let loaded = catalog::load(&text).expect("the demo catalog loads");
        assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
        loaded.catalog
    })
}

fn procedure(code: &str) -> &'static Procedure {
    demo().procedure(code).unwrap_or_else(|| panic!("{code} is in the demo catalog"))
}

fn motcua(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_motcua")).current_dir(root()).args(args).output().expect("motcua runs")
}

/// The command in the README that makes the demo catalog, writing to `output`.
fn import_demo(output: &Path, date: &str) -> std::process::Output {
    let output = output.display().to_string();
    motcua(&[
        "import",
        "national",
        "../shared/data/national-2026-07",
        "--commune",
        "--portal-api",
        "../shared/data/portal-api",
        "--overlay",
        OVERLAY,
        "--date",
        date,
        "-o",
        &output,
    ])
}

#[test]
fn the_committed_demo_catalog_is_what_the_documented_command_makes() {
    let fresh_path = std::env::temp_dir().join(format!("motcua-demo-{}.json", std::process::id()));
    let out = import_demo(&fresh_path, &demo().generated_at);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let fresh = std::fs::read_to_string(&fresh_path).unwrap();
    let _ = std::fs::remove_file(&fresh_path);
    let committed = std::fs::read_to_string(root().join(DEMO)).unwrap();
    assert!(fresh == committed, "regenerate {DEMO} with the command in the README");
}

#[test]
fn the_demo_catalog_passes_a_strict_check() {
    let out = motcua(&["check", DEMO, "--strict", "--max-age", "100000"]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}");
    assert!(!stdout.contains("warning:"), "{stdout}");
}

/// NFC, no format characters, plain spaces, trimmed: the importer's cleaning, written again.
fn clean(text: &str) -> String {
    let s: String = text
        .nfc()
        .filter(|c| !matches!(*c as u32, 0x200B..=0x200F | 0x202A..=0x202E | 0x2060..=0x2064 | 0xFEFF | 0xAD))
        .map(|c| if c == '\u{a0}' { ' ' } else { c })
        .collect();
    s.trim().to_string()
}

fn one_line(text: &str) -> String {
    clean(text).split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The source's papers as (name, originals, copies), sorted: the order of rows means nothing.
type Rows = Vec<(String, u64, u64)>;

struct Source {
    name: String,
    papers: Rows,
}

fn sorted(mut rows: Rows) -> Rows {
    rows.sort();
    rows
}

/// Raw API records by code; of two for one code, the later `updatedAt` (then the later file).
fn api_records() -> HashMap<String, Source> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(shared().join("portal-api"))
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    let mut best: HashMap<String, (i64, Source)> = HashMap::new();
    for file in files {
        let value: Value = serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
        let d = value.get("detail").or(value.get("data")).expect("detail or data");
        let papers = d["executionCases"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|g| g["profileComponents"].as_array().unwrap().iter())
            .filter(|p| !clean(p["name"].as_str().unwrap_or("")).is_empty())
            .map(|p| {
                let name = clean(p["name"].as_str().unwrap_or(""));
                (name, p["originalQty"].as_u64().unwrap_or(0), p["copyQty"].as_u64().unwrap_or(0))
            })
            .collect();
        let code = clean(d["code"].as_str().unwrap());
        let updated = d["updatedAt"].as_i64().unwrap_or(0);
        let source = Source { name: one_line(d["name"].as_str().unwrap()), papers: sorted(papers) };
        if best.get(&code).is_none_or(|(t, _)| *t <= updated) {
            best.insert(code, (updated, source));
        }
    }
    best.into_iter().map(|(code, (_, s))| (code, s)).collect()
}

fn national_records() -> HashMap<String, Source> {
    let text = std::fs::read_to_string(shared().join("national-2026-07/procedures.jsonl")).unwrap();
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|line| {
            let d: Value = serde_json::from_str(line).unwrap();
            let papers = d["paper_groups"]
                .as_array()
                .unwrap()
                .iter()
                .flat_map(|g| g["papers"].as_array().unwrap().iter())
                .filter_map(|p| {
                    let name = clean(p["name"].as_str()?);
                    (!name.is_empty())
                        .then(|| (name, p["original"].as_u64().unwrap_or(0), p["copy"].as_u64().unwrap_or(0)))
                })
                .collect();
            let code = clean(d["code"].as_str().unwrap());
            (code, Source { name: one_line(d["name"].as_str().unwrap()), papers: sorted(papers) })
        })
        .collect()
}

fn index_names() -> HashMap<String, String> {
    let mut reader = csv::Reader::from_path(shared().join("national-2026-07/index.csv")).unwrap();
    let headers = reader.headers().unwrap().clone();
    let (code, name) =
        (headers.iter().position(|h| h == "code").unwrap(), headers.iter().position(|h| h == "name").unwrap());
    reader.records().map(|r| r.unwrap()).map(|r| (clean(&r[code]), one_line(&r[name]))).collect()
}

#[test]
fn every_procedure_has_the_code_name_and_papers_of_its_source_record() {
    let (api, national, index) = (api_records(), national_records(), index_names());
    let overlay: Value = serde_json::from_str(&std::fs::read_to_string(root().join(OVERLAY)).unwrap()).unwrap();
    let added: Vec<&str> = overlay["add"].as_array().unwrap().iter().filter_map(|p| p["code"].as_str()).collect();
    let mut checked_papers = 0;
    for p in &demo().procedures {
        let papers: Rows = sorted(
            p.paper_groups
                .iter()
                .flat_map(|g| &g.papers)
                .map(|x| (x.name.clone(), u64::from(x.original), u64::from(x.copy)))
                .collect(),
        );
        let source = match p.source {
            RecordSource::PortalApi => &api[&p.code],
            RecordSource::PortalDetail | RecordSource::PortalFallback => &national[&p.code],
            RecordSource::PortalIndex => {
                assert_eq!(p.name, index[&p.code], "{}", p.code);
                assert!(papers.is_empty(), "{}", p.code);
                continue;
            }
            RecordSource::Manual => {
                assert!(added.contains(&p.code.as_str()), "{} is written by hand only in the overlay", p.code);
                continue;
            }
        };
        assert_eq!(p.name, source.name, "{}", p.code);
        assert_eq!(papers, source.papers, "{}: paper names and counts", p.code);
        checked_papers += papers.len();
    }
    assert!(checked_papers > 2_000, "{checked_papers} papers checked");
}

#[test]
fn birth_registration_notes_are_notes_and_its_papers_are_sorted_by_role() {
    let p = procedure("1.001193");
    assert_eq!(p.source, RecordSource::PortalApi);
    let rows: Vec<_> = p.paper_groups.iter().flat_map(|g| &g.papers).collect();
    for row in &rows {
        if row.original == 0 && row.copy == 0 {
            assert_eq!(row.kind, PaperKind::Note, "{}", row.name);
        }
    }
    let named = |kind: PaperKind, start: &str| rows.iter().any(|r| r.kind == kind && r.name.starts_with(start));
    assert!(named(PaperKind::Submit, "- Giấy chứng sinh"));
    assert!(named(PaperKind::Submit, "- Tờ khai đăng ký khai sinh"));
    assert!(named(PaperKind::Show, "- Hộ chiếu/Thẻ căn cước"));
    assert!(rows.iter().filter(|r| r.kind == PaperKind::Note).count() >= 19);
}

#[test]
fn birth_registration_is_done_within_the_day_with_a_3_pm_cutoff() {
    let p = procedure("1.001193");
    assert_eq!(p.channels.len(), 3);
    for channel in &p.channels {
        let time = channel.time.as_ref().expect("a time");
        assert_eq!((time.unit, time.cutoff.as_deref()), (TimeUnit::WithinDay, Some("15:00")), "{:?}", channel.channel);
    }
}

#[test]
fn time_units_are_only_as_certain_as_the_records() {
    let unit = |code: &str| procedure(code).channels[0].time.as_ref().map(|t| (t.unit, t.value));
    // 5 OTHER while its case says 25 DAY: a number of days, no claim about which days.
    assert_eq!(unit("1.004772"), Some((TimeUnit::UnspecifiedDays, Some(5.0))));
    assert_eq!(unit("1.004884"), Some((TimeUnit::WorkingDays, Some(5.0))));
    // Markdown-only records: "N ngày làm việc" is certain; "1 ngày" may be within the day or not.
    assert_eq!(unit("1.004222"), Some((TimeUnit::WorkingDays, Some(7.0))));
    assert_eq!(unit("1.000894"), Some((TimeUnit::UnspecifiedDays, Some(1.0))));
}

fn in_person(fees: &[Fee]) -> Vec<&Fee> {
    fees.iter().filter(|f| f.applies_to(Channel::InPerson)).collect()
}

#[test]
fn certified_copies_cost_2000_dong_per_page_and_electronic_copies_are_paid_by_the_city() {
    let p = procedure("2.000815");
    let paper = p.cases.iter().find(|c| c.name == "Chứng thực bản sao giấy").expect("paper copies case");
    let fee = in_person(&paper.fees)[0];
    assert_eq!((fee.amount, fee.currency.as_str(), fee.per.as_deref()), (Some(2000.0), "VND", Some("trang")));
    // The portal's own record says the same: 2,000 VND per page.
    let direct = p.channels.iter().find(|c| c.channel == Channel::InPerson).unwrap();
    let portal = direct.fees.iter().find(|f| f.currency == "VND").unwrap();
    assert_eq!((portal.amount, portal.per.as_deref()), (Some(2000.0), Some("trang")));
    let electronic = p.cases.iter().find(|c| c.name.contains("điện tử")).expect("electronic copies case");
    assert_eq!(electronic.fees[0].amount, Some(0.0));
    let doc = demo().document(electronic.fees[0].source.as_deref().unwrap()).unwrap();
    assert_eq!((doc.number.as_str(), doc.effective_to.as_deref()), ("43/2025/NQ-HĐND", Some("2030-12-31")));
}

/// "08/8/2026" → "2026-08-08".
fn iso(date: &str) -> String {
    let parts: Vec<u32> = date.split('/').map(|p| p.trim().parse().unwrap()).collect();
    format!("{:04}-{:02}-{:02}", parts[2], parts[1], parts[0])
}

/// "8.000" → 8000.
fn dong(text: &str) -> f64 {
    text.trim().replace('.', "").parse().unwrap()
}

#[test]
fn local_fees_are_the_amounts_of_the_cited_provincial_tables() {
    let registry: Value = serde_json::from_str(
        &std::fs::read_to_string(shared().join("haiphong-2026/data/phu-luc/phi-le-phi-van-ban.json")).unwrap(),
    )
    .unwrap();
    let table = |id: &str| registry["feeTables"].as_array().unwrap().iter().find(|t| t["id"] == id).unwrap();
    // The row's amount (column `col` of "Đất | Tài sản | Đất + Tài sản") and the table's document id.
    let amount = |id: &str, row_start: &str, col: usize| -> (f64, String) {
        let t = table(id);
        let row = t["rows"].as_array().unwrap().iter().find(|r| r[0].as_str().unwrap().starts_with(row_start)).unwrap();
        let cell = row[1].as_str().unwrap().split('|').nth(col).unwrap();
        (dong(cell), t["source"].as_str().unwrap().to_string())
    };
    // (procedure, case, kind of fee, registry table, row, column)
    let expected = [
        (
            "1.001193",
            Some("Đăng ký khai sinh không đúng hạn"),
            "charge",
            "NQ-12-2018-PL04-XA",
            "Đăng ký khai sinh không đúng hạn",
            0,
        ),
        (
            "1.000656",
            Some("Đăng ký khai tử không đúng hạn"),
            "charge",
            "NQ-12-2018-PL04-XA",
            "Đăng ký khai tử không đúng hạn",
            0,
        ),
        (
            "1.004884",
            None,
            "charge",
            "NQ-12-2018-PL04-XA",
            "Đăng ký khai sinh không đúng hạn, đăng ký lại khai sinh",
            0,
        ),
        ("1.004746", None, "charge", "NQ-12-2018-PL04-XA", "Đăng ký lại kết hôn", 0),
        ("1.001022", None, "charge", "NQ-12-2018-PL04-XA", "Đăng ký nhận cha, mẹ, con", 0),
        ("1.004873", None, "charge", "NQ-12-2018-PL04-XA", "Cấp Giấy xác nhận tình trạng hôn nhân", 0),
        (
            "1.013225",
            Some("Nhà ở riêng lẻ"),
            "charge",
            "NQ-45-2018-PL10",
            "Cấp, điều chỉnh giấy phép xây dựng nhà ở riêng lẻ",
            0,
        ),
        (
            "1.013225",
            Some("Công trình xây dựng khác"),
            "charge",
            "NQ-45-2018-PL10",
            "Cấp, điều chỉnh giấy phép xây dựng công trình",
            0,
        ),
        ("1.013228", None, "charge", "NQ-45-2018-PL10", "Gia hạn, cấp lại giấy phép xây dựng", 0),
        ("1.115620", Some("Chỉ có đất"), "charge", "NQ-34-2025-PL-I", "Cá nhân – cấp GCN lần đầu", 0),
        (
            "1.115620",
            Some("Cả đất và tài sản gắn liền với đất"),
            "fee",
            "NQ-34-2025-PL-II",
            "Cá nhân – cấp GCN lần đầu",
            2,
        ),
        (
            "1.115621",
            Some("Cả đất và tài sản gắn liền với đất"),
            "charge",
            "NQ-34-2025-PL-I",
            "Cá nhân – cấp đổi, cấp lại GCN",
            2,
        ),
    ];
    for (code, case, kind, table_id, row, col) in expected {
        let p = procedure(code);
        let fees: Vec<Fee> = match case {
            Some(name) => {
                p.cases.iter().find(|c| c.name == name).unwrap_or_else(|| panic!("{code}: {name}")).fees.clone()
            }
            None => p.channels.iter().filter(|c| c.channel == Channel::InPerson).flat_map(|c| c.fees.clone()).collect(),
        };
        let kind_of = |f: &&Fee| serde_json::to_value(f.kind).unwrap() == kind;
        let fee = in_person(&fees).into_iter().find(kind_of).unwrap_or_else(|| panic!("{code} {case:?}: a {kind}"));
        let (want, document) = amount(table_id, row, col);
        assert_eq!(fee.amount, Some(want), "{code} {case:?}");
        let cited = demo().document(fee.source.as_deref().unwrap()).unwrap();
        let registered =
            registry["documents"].as_array().unwrap().iter().find(|d| d["id"] == document.as_str()).unwrap();
        assert_eq!(cited.number, registered["so"].as_str().unwrap(), "{code}: the fee cites its table's resolution");
        assert!(!fee.exemptions.is_empty(), "{code} {case:?}: exemptions are stated with the amount");
    }
}

#[test]
fn filing_online_costs_0_dong_under_resolution_23_2026() {
    let registry: Value = serde_json::from_str(
        &std::fs::read_to_string(shared().join("haiphong-2026/data/phu-luc/NQ-23-2026-Mien-phi-truc-tuyen.json"))
            .unwrap(),
    )
    .unwrap();
    let doc = demo().document("NQ-23-2026").expect("NQ 23/2026 is cited");
    assert_eq!(doc.number, registry["so"].as_str().unwrap());
    assert_eq!(doc.effective_from.as_deref(), Some(iso(registry["hieuLuc"].as_str().unwrap()).as_str()));
    // Civil-status, construction-permit and land-certificate fees: each offline amount has an online 0.
    for code in ["1.004884", "1.004873", "1.013225", "1.115620"] {
        let p = procedure(code);
        let mut all: Vec<&Fee> = p.channels.iter().flat_map(|c| &c.fees).collect();
        all.extend(p.cases.iter().flat_map(|c| &c.fees));
        let online_zero = |f: &&Fee| {
            f.amount == Some(0.0)
                && f.source.as_deref() == Some("NQ-23-2026")
                && f.channels.iter().all(|c| *c == Channel::Online)
        };
        assert!(all.iter().any(online_zero), "{code}");
    }
}

#[test]
fn on_time_birth_registration_is_free_and_late_registration_is_not() {
    let p = procedure("1.001193");
    let names: Vec<&str> = p.cases.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, ["Đăng ký khai sinh đúng hạn", "Đăng ký khai sinh không đúng hạn"]);
    assert!(p.cases[0].fees.iter().all(|f| f.amount == Some(0.0) && f.source.is_some()));
    // The national record alone says nothing about the amount: not stated, never "free".
    for channel in &p.channels {
        assert!(channel.fees.iter().all(|f| f.amount.is_none()), "{:?}", channel.channel);
    }
}

#[test]
fn repealed_interlinked_procedures_point_to_their_replacement() {
    for old in ["2.000986", "2.001023"] {
        let p = procedure(old);
        assert_eq!(p.lifecycle.status, Status::Repealed, "{old}");
        assert_eq!(p.lifecycle.replaced_by, ["3.000722"]);
    }
    let new = procedure("3.000722");
    assert_eq!((new.lienthong.as_deref(), new.source), (Some("3.000722"), RecordSource::Manual));
    assert!(demo().journeys.iter().any(|j| j.interlinked.as_deref() == Some("3.000722")));
}

#[test]
fn the_catalog_is_hai_phong_s_own() {
    let commune = demo().commune.as_ref().expect("a commune");
    assert_eq!(commune.province.as_deref(), Some("Thành phố Hải Phòng"));
    for p in &demo().procedures {
        let issuer = p.issuer.as_deref().unwrap_or("");
        assert!(!issuer.starts_with("UBND") || issuer.contains("Hải Phòng"), "{} is {issuer}'s", p.code);
    }
    assert!(demo().procedures.iter().any(|p| p.issuer.as_deref() == Some("UBND Thành phố Hải Phòng")));
}

#[test]
fn another_commune_comes_from_the_same_data_and_its_own_overlay() {
    let out_path = std::env::temp_dir().join(format!("motcua-other-{}.json", std::process::id()));
    let output = out_path.display().to_string();
    let out = motcua(&[
        "import",
        "national",
        "../shared/data/national-2026-07",
        "--commune",
        "--overlay",
        "tests/fixtures/overlay-other-commune.json",
        "--date",
        "2026-11-22",
        "-o",
        &output,
    ]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let loaded = catalog::load(&std::fs::read_to_string(&out_path).unwrap()).unwrap();
    let _ = std::fs::remove_file(&out_path);
    let c = loaded.catalog;
    assert_eq!(c.commune.as_ref().map(|m| m.name.as_str()), Some("Phường Kinh Bắc"));
    assert!(c.procedures.iter().any(|p| p.issuer.as_deref() == Some("UBND tỉnh Bắc Ninh")));
    assert!(c.procedures.iter().all(|p| p.issuer.as_deref() != Some("UBND Thành phố Hải Phòng")));
    // No Hải Phòng fee leaks into another province.
    assert!(c.procedure("1.001193").unwrap().cases.is_empty());
    assert_eq!(c.procedure("1.001193").unwrap().friendly_name.as_deref(), Some("Đăng ký khai sinh cho con"));
}
