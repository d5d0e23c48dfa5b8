//! Import of the portal's own API records (`get-formality-by-citizen`), the only source that
//! keeps fees, time units and cases (data traps 1 and 2). Two shapes are read:
//! `{searchItem, detail}` and the raw response `{"code": "OK", "data": …}`.

use std::fs;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use serde_json::Value;

use super::papers;
use super::text::{clean, clean_opt, legal_doc, one_line, step};
use super::ImportError;
use crate::catalog::{
    Case, Catalog, Channel, ChannelInfo, Document, Fee, FeeKind, Level, OnlineLevel, Paper, PaperGroup, PaperKind,
    Procedure, ProcessingTime, RecordSource, Step, TimeUnit,
};
use crate::fold;

/// Id of the document that fees read from a portal record cite.
pub const PORTAL_DOCUMENT: &str = "cong-dvc-quoc-gia";

/// The document a portal record's fees cite: the record itself, as published on the portal.
pub fn portal_document(retrieved: &str) -> Document {
    Document {
        id: PORTAL_DOCUMENT.into(),
        number: "Cổng Dịch vụ công quốc gia".into(),
        title: Some(format!(
            "Mức phí, lệ phí ghi trong thủ tục trên Cổng Dịch vụ công quốc gia (dữ liệu ngày {retrieved})"
        )),
        url: Some("https://dichvucong.gov.vn".into()),
        ..Document::default()
    }
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Detail {
    id: Option<String>,
    code: String,
    name: String,
    #[serde(default)]
    execution_steps: Vec<ApiStep>,
    #[serde(default)]
    execution_methods: Vec<ApiMethod>,
    #[serde(default)]
    execution_cases: Vec<ApiGroup>,
    #[serde(default)]
    cases: Vec<ApiCase>,
    #[serde(default)]
    is_ward: bool,
    #[serde(default)]
    is_province: bool,
    #[serde(default)]
    is_ministry: bool,
    #[serde(default)]
    is_other_agency: bool,
    #[serde(default)]
    is_full_process: bool,
    #[serde(default)]
    is_offline_only: bool,
    #[serde(default)]
    categories_details: Vec<Named>,
    department_promulgate_name: Option<String>,
    #[serde(default)]
    unit_groups_executing: Vec<Named>,
    #[serde(default)]
    departments_executing: Vec<Named>,
    requirements_and_conditions: Option<String>,
    #[serde(default)]
    results_details: Vec<Coded>,
    #[serde(default)]
    legal_basises_details: Vec<Coded>,
    #[serde(default)]
    updated_at: i64,
}

#[derive(Debug, Deserialize)]
struct ApiStep {
    name: Option<String>,
    description: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct ApiMethod {
    submission_method: String,
    processing_time: Option<f32>,
    processing_time_unit: Option<String>,
    description: Option<String>,
    #[serde(default)]
    fees: Vec<ApiFee>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct ApiFee {
    #[serde(rename = "type")]
    kind: Option<String>,
    value: Option<f64>,
    currency_name: Option<String>,
    description: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct ApiGroup {
    name: Option<String>,
    #[serde(default)]
    profile_components: Vec<ApiPaper>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct ApiPaper {
    name: Option<String>,
    original_qty: Option<u16>,
    copy_qty: Option<u16>,
    #[serde(default)]
    attachments: Vec<Value>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct ApiCase {
    id: Option<String>,
    name: Option<String>,
    code: Option<String>,
    processing_day: Option<ApiDays>,
}

#[derive(Debug, Clone, Deserialize)]
struct ApiDays {
    qty: Option<f32>,
    #[serde(rename = "type")]
    unit: Option<String>,
}

#[derive(Debug, Deserialize)]
struct Named {
    name: Option<String>,
}

#[derive(Debug, Deserialize)]
struct Coded {
    name: Option<String>,
    code: Option<String>,
}

/// One procedure read from one file.
#[derive(Debug)]
pub struct Record {
    pub file: PathBuf,
    pub procedure: Procedure,
    /// The record's `updatedAt` (milliseconds): of two records of one code, the newer wins.
    pub updated_at: i64,
}

/// Reads every `*.json` file of the given files and directories (directories not recursively).
/// Of several records for one code, the most recently updated is kept (the later file on a tie).
pub fn read(paths: &[PathBuf]) -> Result<Vec<Record>, ImportError> {
    let mut files = Vec::new();
    for path in paths {
        if path.is_dir() {
            let entries = fs::read_dir(path).map_err(|e| io_error(path, e))?;
            let mut found: Vec<PathBuf> = entries
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "json"))
                .collect();
            found.sort();
            files.extend(found);
        } else {
            files.push(path.clone());
        }
    }
    let mut records: Vec<Record> = Vec::new();
    for file in files {
        let record = read_file(&file)?;
        match records.iter_mut().find(|r| r.procedure.code == record.procedure.code) {
            Some(earlier) if earlier.updated_at <= record.updated_at => *earlier = record,
            Some(_) => {}
            None => records.push(record),
        }
    }
    records.sort_by(|a, b| a.procedure.code.cmp(&b.procedure.code));
    Ok(records)
}

/// A catalog with no procedures yet, to build from API records alone.
pub fn empty_catalog(generated_at: &str) -> Catalog {
    let source = crate::catalog::Source {
        name: "Cổng Dịch vụ công quốc gia (dichvucong.gov.vn): bản ghi thủ tục từ API của Cổng".into(),
        retrieved: None,
        url: Some("https://dichvucong.gov.vn".into()),
    };
    Catalog::new(generated_at, source)
}

/// Puts the records into a catalog: a record replaces the procedure of the same code (keeping
/// the catalog's portal id, field and issuer when the record lacks them); a record of a code the
/// catalog lacks is added when `keep` accepts it. Adds the portal document when a fee cites it.
pub fn merge(catalog: &mut Catalog, records: Vec<Record>, keep: impl Fn(&Procedure) -> bool) {
    for record in records {
        let mut new = record.procedure;
        match catalog.procedures.iter_mut().find(|p| p.code == new.code) {
            Some(old) => {
                new.portal_id = new.portal_id.or(old.portal_id.take());
                new.field = new.field.or(old.field.take());
                new.issuer = new.issuer.or(old.issuer.take());
                *old = new;
            }
            None if keep(&new) => catalog.procedures.push(new),
            None => {}
        }
    }
    catalog.procedures.sort_by(|a, b| a.code.cmp(&b.code));
    let cited = catalog
        .procedures
        .iter()
        .flat_map(|p| &p.channels)
        .flat_map(|c| &c.fees)
        .any(|f| f.source.as_deref() == Some(PORTAL_DOCUMENT));
    if cited && catalog.document(PORTAL_DOCUMENT).is_none() {
        let retrieved = catalog.source.retrieved.clone().unwrap_or_else(|| catalog.generated_at.clone());
        catalog.documents.push(portal_document(&retrieved));
    }
}

fn io_error(path: &Path, e: std::io::Error) -> ImportError {
    ImportError { file: path.into(), place: None, message: e.to_string() }
}

fn read_file(file: &Path) -> Result<Record, ImportError> {
    let text = fs::read_to_string(file).map_err(|e| io_error(file, e))?;
    let fail = |place: Option<String>, message: String| ImportError { file: file.into(), place, message };
    let value: Value = serde_json::from_str(&text).map_err(|e| fail(None, e.to_string()))?;
    // `{searchItem, detail}` or the raw response `{"code": "OK", "data": …}`.
    let (place, detail) = match (value.get("detail"), value.get("data")) {
        (Some(detail), _) => ("detail", detail),
        (None, Some(data)) if value.get("code").and_then(Value::as_str) == Some("OK") => ("data", data),
        (None, Some(_)) => return Err(fail(None, "the portal answered with an error (code is not \"OK\")".into())),
        (None, None) => {
            return Err(fail(None, "not a portal API record: expected a \"detail\" or a \"data\" object".into()))
        }
    };
    let detail: Detail = serde_path_to_error::deserialize(detail)
        .map_err(|e| fail(Some(format!("{place}.{}", e.path())), e.inner().to_string()))?;
    let updated_at = detail.updated_at;
    Ok(Record { file: file.into(), procedure: procedure(detail), updated_at })
}

fn procedure(d: Detail) -> Procedure {
    let steps: Vec<Step> =
        d.execution_steps.iter().filter_map(|s| step(s.name.as_deref(), s.description.as_deref())).collect();
    // The wording the times are read against: steps and each method's description.
    let mut wording: Vec<&str> = d.execution_steps.iter().filter_map(|s| s.description.as_deref()).collect();
    wording.extend(d.execution_methods.iter().filter_map(|m| m.description.as_deref()));
    let case_days: Vec<ApiDays> = d.cases.iter().filter_map(|c| c.processing_day.clone()).collect();

    let mut groups: Vec<PaperGroup> = d
        .execution_cases
        .iter()
        .map(|g| PaperGroup {
            heading: clean_opt(g.name.as_deref()),
            papers: g.profile_components.iter().filter_map(paper).collect(),
        })
        .filter(|g| !g.papers.is_empty())
        .collect();
    papers::classify(&mut groups);

    let mut agencies: Vec<String> = Vec::new();
    for named in d.unit_groups_executing.iter().chain(&d.departments_executing) {
        if let Some(name) = named.name.as_deref().map(one_line).filter(|n| !n.is_empty() && !agencies.contains(n)) {
            agencies.push(name);
        }
    }
    let levels = [
        (d.is_ward, Level::Commune),
        (d.is_province, Level::Province),
        (d.is_ministry, Level::Ministry),
        (d.is_other_agency, Level::Other),
    ]
    .into_iter()
    .filter_map(|(on, level)| on.then_some(level))
    .collect();
    let has_online = d.execution_methods.iter().any(|m| m.submission_method == "ONLINE");
    let online = if d.is_full_process {
        OnlineLevel::Full
    } else if d.is_offline_only || !has_online {
        OnlineLevel::None
    } else {
        OnlineLevel::Partial
    };
    let name = one_line(&d.name);
    Procedure {
        code: clean(&d.code),
        portal_id: clean_opt(d.id.as_deref()),
        field: Some(d.categories_details.iter().filter_map(|c| c.name.as_deref().map(one_line)).collect::<Vec<_>>())
            .filter(|f| !f.is_empty())
            .map(|f| f.join(", ")),
        levels,
        issuer: clean_opt(d.department_promulgate_name.as_deref()),
        agencies,
        online,
        channels: d.execution_methods.iter().filter_map(|m| channel_info(m, &case_days, &wording)).collect(),
        paper_groups: groups,
        cases: cases(&d.cases, &name),
        steps,
        conditions: clean_opt(d.requirements_and_conditions.as_deref()),
        results: d.results_details.iter().filter_map(|r| clean_opt(r.name.as_deref())).collect(),
        legal_basis: d
            .legal_basises_details
            .iter()
            .filter_map(|l| legal_doc(l.code.as_deref(), l.name.as_deref()))
            .collect(),
        source: RecordSource::PortalApi,
        name,
        ..Procedure::default()
    }
}

fn paper(p: &ApiPaper) -> Option<Paper> {
    let forms = p
        .attachments
        .iter()
        .filter_map(|a| a.get("fileName").or_else(|| a.get("name")).and_then(Value::as_str))
        .map(clean)
        .filter(|f| !f.is_empty())
        .collect();
    Some(Paper {
        name: clean_opt(p.name.as_deref())?,
        kind: PaperKind::Submit,
        original: p.original_qty.unwrap_or(0),
        copy: p.copy_qty.unwrap_or(0),
        forms,
    })
}

/// Cases worth a citizen's choice: only when their names tell them apart. The portal often
/// lists several cases that all carry the procedure's own name; those say nothing.
fn cases(source: &[ApiCase], procedure_name: &str) -> Vec<Case> {
    let mut out: Vec<Case> = Vec::new();
    for c in source {
        let Some(name) = c.name.as_deref().map(one_line).filter(|n| !n.is_empty() && n != procedure_name) else {
            continue;
        };
        if out.iter().any(|o| o.name == name) {
            continue;
        }
        out.push(Case {
            name,
            code: clean_opt(c.code.as_deref()),
            portal_id: clean_opt(c.id.as_deref()),
            time: c.processing_day.as_ref().and_then(case_time),
            ..Case::default()
        });
    }
    out.sort_by(|a, b| a.code.cmp(&b.code));
    out
}

fn channel_info(m: &ApiMethod, case_days: &[ApiDays], wording: &[&str]) -> Option<ChannelInfo> {
    let channel = match m.submission_method.as_str() {
        "DIRECT" => Channel::InPerson,
        "ONLINE" => Channel::Online,
        "POSTAL" => Channel::Post,
        _ => return None,
    };
    let own = m.description.as_deref().unwrap_or("");
    Some(ChannelInfo {
        channel,
        time: method_time(m.processing_time, m.processing_time_unit.as_deref(), own, case_days, wording),
        fees: m.fees.iter().map(fee).collect(),
        note: clean_opt(m.description.as_deref()),
    })
}

/// Reads the API's time (data trap 2). `OTHER` is not a unit: a value of 1 means within the
/// day (with the cut-off hour when the wording states one); a larger value takes its unit from
/// a case stating the same number, else stays unspecified days. `DAY` stated in the method's own
/// words as "N ngày làm việc" is working days; contradicted by a case, it is unspecified days.
/// A value of 0 states nothing.
fn method_time(
    value: Option<f32>,
    unit: Option<&str>,
    own_wording: &str,
    case_days: &[ApiDays],
    wording: &[&str],
) -> Option<ProcessingTime> {
    let value = value.filter(|v| *v > 0.0)?;
    let unit = match unit.unwrap_or("OTHER") {
        "WORKING_DAY" => TimeUnit::WorkingDays,
        "DAY" if says_working_days(own_wording, value) => TimeUnit::WorkingDays,
        // A case giving the same number in working days contradicts it: claim neither.
        "DAY" if case_days.iter().any(|d| d.qty == Some(value) && d.unit.as_deref() == Some("WORKING_DAY")) => {
            TimeUnit::UnspecifiedDays
        }
        "DAY" => TimeUnit::CalendarDays,
        "MONTH" => TimeUnit::Months,
        _ if value == 1.0 => TimeUnit::WithinDay,
        _ => case_days
            .iter()
            .find(|d| d.qty == Some(value))
            .and_then(|d| api_unit(d.unit.as_deref()))
            .unwrap_or(TimeUnit::UnspecifiedDays),
    };
    let cutoff = if unit == TimeUnit::WithinDay { wording.iter().find_map(|w| cutoff(w)) } else { None };
    Some(time(value, unit, cutoff))
}

fn case_time(days: &ApiDays) -> Option<ProcessingTime> {
    let value = days.qty.filter(|v| *v > 0.0)?;
    Some(time(value, api_unit(days.unit.as_deref()).unwrap_or(TimeUnit::UnspecifiedDays), None))
}

fn api_unit(unit: Option<&str>) -> Option<TimeUnit> {
    match unit? {
        "WORKING_DAY" => Some(TimeUnit::WorkingDays),
        "DAY" => Some(TimeUnit::CalendarDays),
        "MONTH" => Some(TimeUnit::Months),
        _ => None,
    }
}

fn time(value: f32, unit: TimeUnit, cutoff: Option<String>) -> ProcessingTime {
    let text = match unit {
        TimeUnit::WithinDay => "Trong ngày".to_string(),
        TimeUnit::WorkingDays => format!("{value} ngày làm việc"),
        TimeUnit::Months => format!("{value} tháng"),
        _ => format!("{value} ngày"),
    };
    let value = (unit != TimeUnit::WithinDay).then_some(value);
    ProcessingTime { value, unit, text, cutoff }
}

fn says_working_days(wording: &str, value: f32) -> bool {
    let folded = fold::fold(wording);
    let n = value as u32;
    [format!("{n} ngai lam viec"), format!("{n:02} ngai lam viec")].iter().any(|p| folded.contains(p.as_str()))
}

/// "…nếu tiếp nhận hồ sơ sau 15 giờ thì…" → `15:00`.
fn cutoff(wording: &str) -> Option<String> {
    let words = fold::words(wording);
    words.windows(3).find_map(|w| {
        let hour: u32 = w[1].parse().ok()?;
        (w[0] == "sau" && w[2] == "gio" && hour < 24).then(|| format!("{hour:02}:00"))
    })
}

/// Reads a fee (data trap 1). `SERVICE_FEE` is a lệ phí, `FEE` a phí. A value of 0 is free only
/// when nothing says otherwise: 0 with "do Hội đồng nhân dân tỉnh quyết định" is set by the
/// province, and 0 with no words at all states nothing.
fn fee(f: &ApiFee) -> Fee {
    let kind = match f.kind.as_deref() {
        Some("SERVICE_FEE") => FeeKind::Charge,
        Some("FEE") => FeeKind::Fee,
        _ => FeeKind::Unknown,
    };
    let words = clean_opt(f.description.as_deref());
    let folded = words.as_deref().map(fold::fold).unwrap_or_default();
    let set_by_province = folded.contains("hoi dong nhan dan") || folded.contains("hdnd");
    let value = f.value.filter(|v| *v >= 0.0);
    let amount = match value {
        Some(v) if v > 0.0 => Some(v),
        Some(_) if words.is_some() && !set_by_province => Some(0.0),
        _ => None,
    };
    // "/trang", "/bản": the unit the amount is per.
    let (per, text) = match words.as_deref().and_then(|w| w.strip_prefix('/')) {
        Some(per) => (Some(per.trim().to_string()), None),
        None => (None, words.clone()),
    };
    Fee {
        currency: match f.currency_name.as_deref() {
            Some("USD") => "USD".into(),
            _ => "VND".into(),
        },
        per,
        text,
        set_by_province,
        exemptions: words.as_deref().map(exemptions).unwrap_or_default(),
        source: amount.is_some().then(|| PORTAL_DOCUMENT.to_string()),
        ..Fee::new(kind, amount)
    }
}

/// "… Miễn lệ phí cho người thuộc gia đình có công với cách mạng; người thuộc hộ nghèo; người
/// khuyết tật. Phí …" → the three groups.
fn exemptions(words: &str) -> Vec<String> {
    let Some(start) = words.find("Miễn lệ phí cho ").map(|i| i + "Miễn lệ phí cho ".len()) else {
        return Vec::new();
    };
    let rest = &words[start..];
    let end = rest.find('.').unwrap_or(rest.len());
    rest[..end].split(';').map(one_line).filter(|s| !s.is_empty()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn days(qty: f32, unit: &str) -> ApiDays {
        ApiDays { qty: Some(qty), unit: Some(unit.into()) }
    }

    const STEPS: &str = "Ngay sau khi nhận đủ giấy tờ…, nếu tiếp nhận hồ sơ sau 15 giờ thì có Phiếu hẹn";

    #[test]
    fn other_with_one_is_within_the_day_with_its_cutoff() {
        let t = method_time(Some(1.0), Some("OTHER"), "", &[days(1.0, "WORKING_DAY")], &[STEPS]).unwrap();
        assert_eq!((t.unit, t.value, t.cutoff.as_deref()), (TimeUnit::WithinDay, None, Some("15:00")));
        let t = method_time(Some(1.0), Some("OTHER"), "", &[], &["Trả kết quả ngay"]).unwrap();
        assert_eq!((t.unit, t.cutoff), (TimeUnit::WithinDay, None));
    }

    #[test]
    fn other_with_more_takes_a_matching_case_unit_or_stays_unspecified() {
        // 1.004772: 5 OTHER, but its one case says 25 DAY (verification included): not the same number.
        let t = method_time(Some(5.0), Some("OTHER"), "", &[days(25.0, "DAY")], &[]).unwrap();
        assert_eq!((t.unit, t.value), (TimeUnit::UnspecifiedDays, Some(5.0)));
        let t = method_time(Some(5.0), Some("OTHER"), "", &[days(5.0, "WORKING_DAY")], &[]).unwrap();
        assert_eq!(t.unit, TimeUnit::WorkingDays);
        assert!(method_time(Some(0.0), Some("OTHER"), "", &[], &[]).is_none(), "0 states nothing");
    }

    #[test]
    fn day_in_the_api_is_working_days_when_the_words_say_so() {
        let own = "Thời hạn … tối đa không quá 15 ngày làm việc, kể từ ngày nộp đủ hồ sơ";
        assert_eq!(method_time(Some(15.0), Some("DAY"), own, &[], &[]).unwrap().unit, TimeUnit::WorkingDays);
        assert_eq!(method_time(Some(10.0), Some("DAY"), "", &[], &[]).unwrap().unit, TimeUnit::CalendarDays);
        // 1.001695: the method says 10 DAY, its case 10 WORKING_DAY.
        let t = method_time(Some(10.0), Some("DAY"), "", &[days(10.0, "WORKING_DAY")], &[]).unwrap();
        assert_eq!(t.unit, TimeUnit::UnspecifiedDays);
    }

    fn api_fee(kind: &str, value: f64, description: &str) -> ApiFee {
        ApiFee {
            kind: Some(kind.into()),
            value: Some(value),
            currency_name: None,
            description: Some(description.into()),
        }
    }

    #[test]
    fn zero_is_not_free_unless_the_record_says_so() {
        let by_province = fee(&api_fee(
            "SERVICE_FEE",
            0.0,
            "Mức lệ phí cụ thể do Hội đồng nhân dân tỉnh, thành phố trực thuộc Trung ương quyết định. \
             Miễn lệ phí cho người thuộc gia đình có công với cách mạng; người thuộc hộ nghèo; người khuyết tật. Phí …",
        ));
        assert_eq!((by_province.kind, by_province.amount, by_province.set_by_province), (FeeKind::Charge, None, true));
        assert_eq!(
            by_province.exemptions,
            ["người thuộc gia đình có công với cách mạng", "người thuộc hộ nghèo", "người khuyết tật"]
        );
        let silent = fee(&api_fee("SERVICE_FEE", 0.0, ""));
        assert_eq!((silent.amount, silent.set_by_province), (None, false));
        assert!(silent.source.is_none());
    }

    #[test]
    fn per_page_fees_keep_their_unit_and_currency() {
        let f = fee(&ApiFee { currency_name: Some("Việt Nam Đồng".into()), ..api_fee("FEE", 2000.0, "/trang") });
        assert_eq!(
            (f.kind, f.amount, f.per.as_deref(), f.currency.as_str()),
            (FeeKind::Fee, Some(2000.0), Some("trang"), "VND")
        );
        let f = fee(&ApiFee { currency_name: Some("USD".into()), ..api_fee("FEE", 10.0, "/bản") });
        assert_eq!((f.amount, f.per.as_deref(), f.currency.as_str()), (Some(10.0), Some("bản"), "USD"));
        assert_eq!(f.source.as_deref(), Some(PORTAL_DOCUMENT));
    }
}
