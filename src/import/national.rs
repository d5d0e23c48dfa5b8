//! Import of the national dataset: `index.csv` (every procedure listed on the portal)
//! joined with `procedures.jsonl` (the detail records that exist).

use std::collections::HashMap;
use std::fs;
use std::path::Path;

use serde::Deserialize;

use super::papers;
use super::text::{clean, clean_opt, legal_doc, one_line, step};
use super::ImportError;
use crate::catalog::{
    Catalog, Channel, ChannelInfo, Level, OnlineLevel, Paper, PaperGroup, PaperKind, Procedure, ProcessingTime,
    RecordSource, Source, Step, TimeUnit,
};
use crate::fold;

/// Which procedures to keep.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    All,
    /// Handled at commune level: detail records with `Cấp xã`, and index-only
    /// records whose executing agencies are commune bodies.
    Commune,
}

/// Options of an import.
#[derive(Debug, Clone)]
pub struct Options {
    pub scope: Scope,
    /// `YYYY-MM-DD` written as the catalog's generation date.
    pub generated_at: String,
}

#[derive(Debug, Deserialize)]
struct IndexRow {
    code: String,
    name: String,
    promulgated_by: Option<String>,
    executing_agencies: Option<String>,
    field: Option<String>,
    formality_id: Option<String>,
}

#[derive(Debug, Deserialize)]
struct DetailRecord {
    code: String,
    name: String,
    #[serde(default)]
    levels: Vec<String>,
    #[serde(default)]
    subjects: Vec<String>,
    field: Option<String>,
    authority: Option<String>,
    receiving_address: Option<String>,
    executing_agency: Option<String>,
    #[serde(default)]
    steps: Vec<SourceStep>,
    #[serde(default)]
    methods: Vec<SourceMethod>,
    #[serde(default)]
    paper_groups: Vec<SourceGroup>,
    #[serde(default)]
    legal_basis: Vec<SourceCoded>,
    conditions: Option<String>,
    #[serde(default)]
    results: Vec<SourceCoded>,
    formality_id: Option<String>,
    source_format: String,
    unparsed: Option<SourceUnparsed>,
}

#[derive(Debug, Deserialize)]
struct SourceStep {
    title: Option<String>,
    text: Option<String>,
}

#[derive(Debug, Deserialize)]
struct SourceMethod {
    channel: String,
    processing_time: Option<String>,
    description: Option<String>,
}

#[derive(Debug, Deserialize)]
struct SourceGroup {
    heading: Option<String>,
    papers: Vec<SourcePaper>,
}

#[derive(Debug, Deserialize)]
struct SourcePaper {
    name: Option<String>,
    original: Option<u16>,
    copy: Option<u16>,
    #[serde(default)]
    attachments: Vec<String>,
}

#[derive(Debug, Deserialize)]
struct SourceCoded {
    name: Option<String>,
    code: Option<String>,
}

#[derive(Debug, Deserialize)]
struct SourceUnparsed {
    methods: Option<String>,
    paper_groups: Option<String>,
}

/// What an import read and kept.
#[derive(Debug)]
pub struct Imported {
    pub catalog: Catalog,
    pub index_rows: usize,
    pub detail_records: usize,
}

/// Reads `<dir>/index.csv` and `<dir>/procedures.jsonl` and builds a catalog.
pub fn import(dir: &Path, options: &Options) -> Result<Imported, ImportError> {
    let index = read_index(&dir.join("index.csv"))?;
    let details = read_details(&dir.join("procedures.jsonl"))?;
    let (index_rows, detail_records) = (index.len(), details.len());

    let mut by_code: HashMap<String, DetailRecord> = details.into_iter().map(|d| (d.code.clone(), d)).collect();
    let mut procedures = Vec::new();
    for row in &index {
        let procedure = match by_code.remove(&row.code) {
            Some(detail) => from_detail(detail, Some(row)),
            None => from_index(row),
        };
        procedures.push(procedure);
    }
    // Detail records the index does not list still describe real procedures.
    let mut rest: Vec<DetailRecord> = by_code.into_values().collect();
    rest.sort_by(|a, b| a.code.cmp(&b.code));
    procedures.extend(rest.into_iter().map(|d| from_detail(d, None)));

    if options.scope == Scope::Commune {
        procedures.retain(Procedure::is_commune_level);
    }
    procedures.sort_by(|a, b| a.code.cmp(&b.code));

    let source = Source {
        name: "Cổng Dịch vụ công quốc gia (dichvucong.gov.vn): danh mục và chi tiết thủ tục hành chính".into(),
        retrieved: Some("2026-07-17".into()),
        url: Some("https://dichvucong.gov.vn".into()),
    };
    let catalog = Catalog { procedures, ..Catalog::new(&options.generated_at, source) };
    Ok(Imported { catalog, index_rows, detail_records })
}

fn read_index(path: &Path) -> Result<Vec<IndexRow>, ImportError> {
    let error = |place: Option<String>, message: String| ImportError { file: path.into(), place, message };
    let mut reader = csv::Reader::from_path(path).map_err(|e| error(None, e.to_string()))?;
    let mut rows = Vec::new();
    for (i, row) in reader.deserialize::<IndexRow>().enumerate() {
        // Line 1 is the header.
        rows.push(row.map_err(|e| error(Some(format!("row {}", i + 2)), e.to_string()))?);
    }
    Ok(rows)
}

fn read_details(path: &Path) -> Result<Vec<DetailRecord>, ImportError> {
    let text =
        fs::read_to_string(path).map_err(|e| ImportError { file: path.into(), place: None, message: e.to_string() })?;
    text.lines()
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty())
        .map(|(i, line)| {
            serde_json::from_str(line).map_err(|e| ImportError {
                file: path.into(),
                place: Some(format!("line {}", i + 1)),
                message: e.to_string(),
            })
        })
        .collect()
}

fn from_index(row: &IndexRow) -> Procedure {
    Procedure {
        code: clean(&row.code),
        portal_id: clean_opt(row.formality_id.as_deref()),
        name: one_line(&row.name),
        field: clean_opt(row.field.as_deref()),
        issuer: clean_opt(row.promulgated_by.as_deref()),
        agencies: split_agencies(row.executing_agencies.as_deref().unwrap_or(""), ';'),
        source: RecordSource::PortalIndex,
        ..Procedure::default()
    }
}

fn from_detail(d: DetailRecord, row: Option<&IndexRow>) -> Procedure {
    let fallback = d.source_format != "dvc-api-markdown";
    let mut steps: Vec<Step> = d.steps.iter().filter_map(|s| step(s.title.as_deref(), s.text.as_deref())).collect();
    if let Some(unparsed) = &d.unparsed {
        // Fallback records keep channels and papers only as flat text: show it as such.
        for (title, text) in [("Cách thức thực hiện", &unparsed.methods), ("Thành phần hồ sơ", &unparsed.paper_groups)]
        {
            if let Some(text) = clean_opt(text.as_deref()) {
                steps.push(Step { title: Some(title.into()), text });
            }
        }
    }
    // Where to go: the record's executing agencies, else the index row's, else the authority.
    let mut agencies = split_agencies(d.executing_agency.as_deref().unwrap_or(""), '\n');
    if agencies.is_empty() {
        agencies = row.map(|r| split_agencies(r.executing_agencies.as_deref().unwrap_or(""), ';')).unwrap_or_default();
    }
    if agencies.is_empty() {
        agencies.extend(clean_opt(d.authority.as_deref().or(d.receiving_address.as_deref())));
    }
    Procedure {
        code: clean(&d.code),
        portal_id: clean_opt(d.formality_id.as_deref().or(row.and_then(|r| r.formality_id.as_deref()))),
        name: one_line(&d.name),
        field: clean_opt(d.field.as_deref()).or_else(|| row.and_then(|r| clean_opt(r.field.as_deref()))),
        levels: d.levels.iter().filter_map(|l| level(l)).collect(),
        issuer: row.and_then(|r| clean_opt(r.promulgated_by.as_deref())),
        agencies,
        subjects: d.subjects.iter().filter_map(|s| clean_opt(Some(s))).collect(),
        online: OnlineLevel::Unknown,
        channels: d.methods.iter().filter_map(channel_info).collect(),
        paper_groups: paper_groups(&d.paper_groups),
        steps,
        conditions: clean_opt(d.conditions.as_deref()),
        results: d.results.iter().filter_map(|r| clean_opt(r.name.as_deref())).collect(),
        legal_basis: d.legal_basis.iter().filter_map(|l| legal_doc(l.code.as_deref(), l.name.as_deref())).collect(),
        source: if fallback { RecordSource::PortalFallback } else { RecordSource::PortalDetail },
        ..Procedure::default()
    }
}

fn split_agencies(text: &str, separator: char) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for part in text.split(separator) {
        let agency = one_line(part);
        if !agency.is_empty() && !out.contains(&agency) {
            out.push(agency);
        }
    }
    out
}

fn level(text: &str) -> Option<Level> {
    match text {
        "Cấp xã" => Some(Level::Commune),
        "Cấp tỉnh" => Some(Level::Province),
        "Cấp bộ/ngành" => Some(Level::Ministry),
        "Cơ quan khác" => Some(Level::Other),
        _ => None,
    }
}

fn channel_info(m: &SourceMethod) -> Option<ChannelInfo> {
    let channel = match m.channel.as_str() {
        "Trực tiếp" => Channel::InPerson,
        "Trực tuyến" => Channel::Online,
        "Dịch vụ bưu chính" => Channel::Post,
        _ => return None,
    };
    Some(ChannelInfo {
        channel,
        time: m.processing_time.as_deref().and_then(processing_time),
        // The Markdown records lost every fee (data trap 1): record none rather than "free".
        fees: Vec::new(),
        note: clean_opt(m.description.as_deref()),
    })
}

/// Reads the Markdown's time wording. Only "ngày làm việc" is certain; a bare "N ngày"
/// may be calendar days or "within the day" (data trap 2), so it stays unspecified.
pub fn processing_time(text: &str) -> Option<ProcessingTime> {
    let text = one_line(text);
    if text.is_empty() {
        return None;
    }
    let folded = fold::fold(&text);
    let number = folded.split(' ').next().and_then(|n| n.parse::<f32>().ok());
    let unit = match (number, folded.split_once(' ').map(|(_, rest)| rest)) {
        (Some(_), Some("ngai lam viec")) => TimeUnit::WorkingDays,
        (Some(_), Some("ngai")) => TimeUnit::UnspecifiedDays,
        (Some(_), Some("thang")) => TimeUnit::Months,
        _ => TimeUnit::Text,
    };
    let value = if unit == TimeUnit::Text { None } else { number };
    Some(ProcessingTime { value, unit, text, cutoff: None })
}

fn paper_groups(source: &[SourceGroup]) -> Vec<PaperGroup> {
    let mut groups: Vec<PaperGroup> = source.iter().map(paper_group).filter(|g| !g.papers.is_empty()).collect();
    papers::classify(&mut groups);
    groups
}

fn paper_group(g: &SourceGroup) -> PaperGroup {
    PaperGroup {
        heading: clean_opt(g.heading.as_deref()),
        papers: g
            .papers
            .iter()
            .filter_map(|p| {
                Some(Paper {
                    name: clean_opt(p.name.as_deref())?,
                    original: p.original.unwrap_or(0),
                    copy: p.copy.unwrap_or(0),
                    forms: p.attachments.iter().map(|a| clean(a)).filter(|a| !a.is_empty()).collect(),
                    // Set by papers::classify once the whole list is read.
                    kind: PaperKind::Submit,
                })
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn time_units_are_only_as_certain_as_the_wording() {
        let t = processing_time("5 ngày làm việc").unwrap();
        assert_eq!((t.value, t.unit), (Some(5.0), TimeUnit::WorkingDays));
        let t = processing_time("1 ngày").unwrap();
        assert_eq!((t.value, t.unit), (Some(1.0), TimeUnit::UnspecifiedDays));
        let t = processing_time("10 Ngày làm việc").unwrap();
        assert_eq!(t.unit, TimeUnit::WorkingDays);
        let t = processing_time("Theo mô tả ngày").unwrap();
        assert_eq!((t.value, t.unit), (None, TimeUnit::Text));
        assert!(processing_time(" ").is_none());
    }
}
