//! The commune overlay: what commune staff add to the national catalog, in a file they edit
//! by hand (`docs/overlay-format.md`): the commune and its desk, local fees with their legal
//! sources, friendly names and keywords, cases, lifecycle changes, featured procedures.
//!
//! Plain Rust so the importer and the widget apply it the same way.

use crate::sort::SmallSort;
use std::collections::BTreeMap;
use std::fmt;

use serde::Serialize;

use crate::catalog::fee_field;
use crate::json::{self, read_struct, FromJson, Misfit, Reader};
use crate::outbound;

use crate::catalog::{
    Case, Catalog, Channel, ChannelInfo, Commune, Document, Fee, Journey, LifeEvent, Lifecycle, OnlineLevel, Procedure,
};

/// The format name written in every overlay.
pub const FORMAT: &str = "motcua-overlay";
/// Major version this build reads.
pub const FORMAT_MAJOR: u32 = 1;

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Overlay {
    pub format: String,
    pub format_version: String,
    /// Free text for the people who maintain the file.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub commune: Option<Commune>,
    /// Keep only procedures published centrally or by this province (matched in the issuer's
    /// name, e.g. `Hải Phòng`); other provinces' own procedures are dropped.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub province_filter: Option<String>,
    /// Codes to leave out of this commune's catalog.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub exclude: Vec<String>,
    /// Procedures the national data lacks (e.g. a province's new interlinked procedures).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub add: Vec<Procedure>,
    /// Changes to procedures, by code.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub procedures: BTreeMap<String, Patch>,
    /// Legal documents cited by fees; replaces a catalog document with the same id.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub documents: Vec<Document>,
    /// Local fees, applied in order.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub fees: Vec<FeeRule>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub featured: Vec<String>,
    /// Hosts the commune's links may go to besides the portal (its documents' sites), added to
    /// the catalog's; bare host names, e.g. `haiphong.gov.vn` (its subdomains too).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub link_hosts: Vec<String>,
    /// Added to the catalog's life events; an existing id gets the extra procedures.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub life_events: Vec<LifeEvent>,
    /// Replace the catalog's journeys when given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub journeys: Option<Vec<Journey>>,
}

/// What the commune changes in one procedure. Absent fields leave the procedure as it is.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Patch {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub friendly_name: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub keywords: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub staff_note: Option<String>,
    /// Cases to add (fees can also be attached to them by `FeeRule::case`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub cases: Vec<Case>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lifecycle: Option<Lifecycle>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lienthong: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub online: Option<OnlineLevel>,
}

/// A local fee for some procedures. Without `case` it replaces, on each channel it applies to
/// (`channels`, empty = all), the fees of the national record; further rules on the same channel
/// add to it. With `case` it goes to that case (created when missing).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FeeRule {
    pub procedures: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub case: Option<String>,
    #[serde(flatten)]
    pub fee: Fee,
}

read_struct!(Overlay, Overlay::default(), required [format, format_version],
    optional [note, commune, province_filter, exclude, add, procedures, documents, fees, featured, link_hosts,
        life_events, journeys]);
read_struct!(Patch, Patch::default(), required [], optional [friendly_name, keywords, staff_note, cases, lifecycle,
    lienthong, online]);

impl FromJson for FeeRule {
    fn from_json(r: &mut Reader<'_>) -> Result<Self, Misfit> {
        let (mut procedures, mut case, mut kind) = (None, None, None);
        let mut fee = Fee::new(crate::catalog::FeeKind::Unknown, None);
        r.object(|r, key| {
            match key {
                "procedures" => procedures = Some(r.value()?),
                "case" => case = r.value()?,
                _ => fee_field(r, key, &mut fee, &mut kind)?,
            }
            Ok(())
        })?;
        fee.kind = r.need(kind, "kind")?;
        Ok(FeeRule { procedures: r.need(procedures, "procedures")?, case, fee })
    }
}

/// Why an overlay could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OverlayError {
    /// Field path, e.g. `fees[3].amount`.
    pub path: String,
    pub message: String,
}

impl fmt::Display for OverlayError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() || self.path == "." {
            write!(f, "not a valid overlay: {}", self.message)
        } else {
            write!(f, "not a valid overlay: field {}: {}", self.path, self.message)
        }
    }
}

impl std::error::Error for OverlayError {}

/// Reads an overlay, refusing other formats and newer major versions.
pub fn parse(json: &str) -> Result<Overlay, OverlayError> {
    let overlay: Overlay = json::read(json).map_err(|Misfit { path, message }| OverlayError { path, message })?;
    let fail = |path: &str, message: String| OverlayError { path: path.into(), message };
    if overlay.format != FORMAT {
        return Err(fail("format", format!("is \"{}\", expected \"{FORMAT}\"", overlay.format)));
    }
    let major: Option<u32> = overlay.format_version.split('.').next().and_then(|m| m.parse().ok());
    if major != Some(FORMAT_MAJOR) {
        return Err(fail(
            "format_version",
            format!("\"{}\" is not a version this build reads ({FORMAT_MAJOR}.x)", overlay.format_version),
        ));
    }
    Ok(overlay)
}

/// Applies an overlay. Returns what could not be applied (a code the catalog lacks, a fee
/// citing an unknown document…), each with its place in the overlay; the rest is applied.
pub fn apply(catalog: &mut Catalog, overlay: &Overlay) -> Vec<String> {
    let mut problems = Vec::new();
    if let Some(commune) = &overlay.commune {
        catalog.commune = Some(commune.clone());
    }
    if let Some(province) = &overlay.province_filter {
        catalog.procedures.retain(|p| published_for(p, province));
    }
    for (i, code) in overlay.exclude.iter().enumerate() {
        let before = catalog.procedures.len();
        catalog.procedures.retain(|p| &p.code != code);
        if catalog.procedures.len() == before {
            problems.push(format!("exclude[{i}]: no procedure {code} in the catalog"));
        }
    }
    for (i, added) in overlay.add.iter().enumerate() {
        if catalog.procedure(&added.code).is_some() {
            problems.push(format!(
                "add[{i}]: {} is already in the catalog; use procedures.{} to change it",
                added.code, added.code
            ));
        } else {
            catalog.procedures.push(added.clone());
        }
    }
    catalog.procedures.small_sort_by(|a, b| a.code.cmp(&b.code));

    for document in &overlay.documents {
        match catalog.documents.iter_mut().find(|d| d.id == document.id) {
            Some(existing) => *existing = document.clone(),
            None => catalog.documents.push(document.clone()),
        }
    }
    for code in overlay.procedures.keys().filter(|code| catalog.procedure(code).is_none()) {
        problems.push(format!("procedures.{code}: no such procedure in the catalog"));
    }
    for (i, rule) in overlay.fees.iter().enumerate() {
        if let Some(id) = &rule.fee.source {
            if catalog.document(id).is_none() {
                problems.push(format!("fees[{i}].source: no document \"{id}\" in documents"));
            }
        }
        for code in rule.procedures.iter().filter(|code| catalog.procedure(code).is_none()) {
            problems.push(format!("fees[{i}]: no procedure {code} in the catalog"));
        }
    }
    for p in &mut catalog.procedures {
        apply_to(p, overlay);
    }
    for (i, host) in overlay.link_hosts.iter().enumerate() {
        let host = host.trim().to_ascii_lowercase();
        if !outbound::is_host_name(&host) {
            problems.push(format!("link_hosts[{i}]: \"{host}\" is not a host name such as haiphong.gov.vn"));
        } else if !catalog.link_hosts.contains(&host) {
            catalog.link_hosts.push(host);
        }
    }
    for (i, code) in overlay.featured.iter().enumerate() {
        if catalog.procedure(code).is_some() {
            if !catalog.featured.contains(code) {
                catalog.featured.push(code.clone());
            }
        } else {
            problems.push(format!("featured[{i}]: no procedure {code} in the catalog"));
        }
    }
    let known_code = |c: &Catalog, code: &str| c.procedure(code).is_some();
    for (i, event) in overlay.life_events.iter().enumerate() {
        for code in event.procedures.iter().filter(|code| !known_code(catalog, code)) {
            problems.push(format!("life_events[{i}]: no procedure {code} in the catalog"));
        }
    }
    for (i, journey) in overlay.journeys.iter().flatten().enumerate() {
        let codes = journey.procedures.iter().chain(&journey.interlinked);
        for code in codes.filter(|code| !known_code(catalog, code)) {
            problems.push(format!("journeys[{i}]: no procedure {code} in the catalog"));
        }
    }
    for event in &overlay.life_events {
        match catalog.life_events.iter_mut().find(|e| e.id == event.id) {
            Some(existing) => {
                for code in &event.procedures {
                    if !existing.procedures.contains(code) {
                        existing.procedures.push(code.clone());
                    }
                }
            }
            None => catalog.life_events.push(event.clone()),
        }
    }
    if let Some(journeys) = &overlay.journeys {
        catalog.journeys = journeys.clone();
    }
    // Groups only name procedures this catalog has.
    let known: std::collections::HashSet<String> = catalog.procedures.iter().map(|p| p.code.clone()).collect();
    for event in &mut catalog.life_events {
        event.procedures.retain(|c| known.contains(c));
    }
    catalog.life_events.retain(|e| !e.procedures.is_empty());
    for journey in &mut catalog.journeys {
        journey.procedures.retain(|c| known.contains(c));
        journey.interlinked = journey.interlinked.take().filter(|c| known.contains(c));
    }
    // A journey is two procedures or more, counting the interlinked one.
    catalog.journeys.retain(|j| j.procedures.len() + usize::from(j.interlinked.is_some()) > 1);
    problems
}

/// What the overlay changes in procedure `p`: its patch, then the fee rules naming it, in order.
/// A split catalog's full record gets it when it arrives, as its summary did with the catalog.
pub fn apply_to(p: &mut Procedure, overlay: &Overlay) {
    if let Some(patch) = overlay.procedures.get(&p.code) {
        apply_patch(p, patch);
    }
    let mut replaced: Vec<Channel> = Vec::new();
    let code = p.code.clone();
    for rule in overlay.fees.iter().filter(|rule| rule.procedures.contains(&code)) {
        apply_fee(p, rule, &mut replaced);
    }
}

/// Central procedures, those of this province, and those whose publisher is not known.
fn published_for(p: &Procedure, province: &str) -> bool {
    let Some(issuer) = &p.issuer else { return true };
    let provincial = ["UBND", "Ủy ban nhân dân", "Sở ", "Trung tâm phục vụ hành chính công"]
        .iter()
        .any(|prefix| issuer.starts_with(prefix));
    !provincial || issuer.contains(province)
}

fn apply_patch(p: &mut Procedure, patch: &Patch) {
    if let Some(name) = &patch.friendly_name {
        p.friendly_name = Some(name.clone());
    }
    for keyword in &patch.keywords {
        if !p.keywords.contains(keyword) {
            p.keywords.push(keyword.clone());
        }
    }
    if let Some(note) = &patch.staff_note {
        p.staff_note = Some(note.clone());
    }
    p.cases.extend(patch.cases.iter().cloned());
    if let Some(lifecycle) = &patch.lifecycle {
        p.lifecycle = lifecycle.clone();
    }
    if let Some(route) = &patch.lienthong {
        p.lienthong = Some(route.clone());
    }
    if let Some(online) = patch.online {
        p.online = online;
    }
}

/// `replaced` remembers the channels whose record fees are already gone, so that several rules
/// can add to one channel. A channel the procedure does not offer is not
/// created, unless the record names no channel at all (then the rule's channels are).
fn apply_fee(p: &mut Procedure, rule: &FeeRule, replaced: &mut Vec<Channel>) {
    if let Some(case_name) = &rule.case {
        let index = match p.cases.iter().position(|c| &c.name == case_name) {
            Some(i) => i,
            None => {
                p.cases.push(Case { name: case_name.clone(), ..Case::default() });
                p.cases.len() - 1
            }
        };
        p.cases[index].fees.push(rule.fee.clone());
        return;
    }
    if p.channels.is_empty() {
        let wanted = if rule.fee.channels.is_empty() { vec![Channel::InPerson] } else { rule.fee.channels.clone() };
        p.channels = wanted
            .into_iter()
            .map(|channel| ChannelInfo { channel, time: None, fees: Vec::new(), note: None })
            .collect();
    }
    let fee = Fee { channels: Vec::new(), ..rule.fee.clone() };
    for info in p.channels.iter_mut().filter(|c| rule.fee.applies_to(c.channel)) {
        if !replaced.contains(&info.channel) {
            replaced.push(info.channel);
            info.fees.clear();
        }
        info.fees.push(fee.clone());
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::{FeeKind, Level, Status};

    fn procedure(code: &str, issuer: &str, channels: &[Channel]) -> Procedure {
        Procedure {
            code: code.into(),
            name: format!("Thủ tục {code}"),
            issuer: Some(issuer.into()),
            levels: vec![Level::Commune],
            channels: channels
                .iter()
                .map(|&channel| ChannelInfo {
                    channel,
                    time: None,
                    fees: vec![Fee { set_by_province: true, ..Fee::new(FeeKind::Charge, None) }],
                    note: None,
                })
                .collect(),
            ..Procedure::default()
        }
    }

    fn catalog() -> Catalog {
        Catalog {
            procedures: vec![
                procedure("1.001193", "Bộ Tư pháp", &[Channel::InPerson, Channel::Online, Channel::Post]),
                procedure("1.115750", "UBND Thành phố Hải Phòng", &[Channel::InPerson]),
                procedure("1.115751", "UBND tỉnh Bắc Ninh", &[Channel::InPerson]),
            ],
            ..Catalog::default()
        }
    }

    const OVERLAY: &str = r#"{
      "format": "motcua-overlay", "format_version": "1.0",
      "commune": {"name": "Xã Vĩnh Bảo", "province": "Thành phố Hải Phòng"},
      "province_filter": "Hải Phòng",
      "documents": [{"id": "NQ-12-2018-HP", "number": "12/2018/NQ-HĐND"},
                    {"id": "NQ-23-2026", "number": "23/2026/NQ-HĐND", "effective_from": "2026-08-08"}],
      "procedures": {"1.001193": {"friendly_name": "Làm giấy khai sinh", "keywords": ["giấy khai sinh"],
                                  "lifecycle": {"status": "active"}}},
      "fees": [
        {"procedures": ["1.001193"], "case": "Đăng ký khai sinh không đúng hạn", "kind": "charge", "amount": 8000,
         "channels": ["in_person", "post"], "source": "NQ-12-2018-HP"},
        {"procedures": ["1.001193"], "kind": "charge", "amount": 0, "channels": ["online"], "source": "NQ-23-2026"},
        {"procedures": ["1.001193"], "kind": "fee", "amount": 1000, "channels": ["online"], "source": "NQ-23-2026"}
      ],
      "featured": ["1.001193"]
    }"#;

    #[test]
    fn an_overlay_sets_the_commune_filters_other_provinces_and_adds_fees() {
        let overlay = parse(OVERLAY).unwrap();
        let mut c = catalog();
        let problems = apply(&mut c, &overlay);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(c.commune.as_ref().unwrap().name, "Xã Vĩnh Bảo");
        let codes: Vec<&str> = c.procedures.iter().map(|p| p.code.as_str()).collect();
        assert_eq!(codes, ["1.001193", "1.115750"], "Bắc Ninh's own procedure is dropped");

        let p = c.procedure("1.001193").unwrap();
        assert_eq!(p.display_name(), "Làm giấy khai sinh");
        assert_eq!(p.cases[0].name, "Đăng ký khai sinh không đúng hạn");
        assert_eq!(p.cases[0].fees[0].amount, Some(8000.0));
        assert!(p.cases[0].fees[0].applies_to(Channel::Post) && !p.cases[0].fees[0].applies_to(Channel::Online));
        // Online: the record's "set by province" fee is replaced by both local ones; other channels keep it.
        let online = p.channels.iter().find(|ch| ch.channel == Channel::Online).unwrap();
        let amounts: Vec<Option<f64>> = online.fees.iter().map(|f| f.amount).collect();
        assert_eq!(amounts, [Some(0.0), Some(1000.0)]);
        let in_person = p.channels.iter().find(|ch| ch.channel == Channel::InPerson).unwrap();
        assert!(in_person.fees[0].set_by_province);
        assert_eq!(c.featured, ["1.001193"]);
    }

    #[test]
    fn mistakes_in_an_overlay_are_named_not_applied() {
        let overlay: Overlay = json::read(
            r#"{"format":"motcua-overlay","format_version":"1.0",
                "procedures":{"9.999999":{"friendly_name":"x"}},
                "fees":[{"procedures":["1.001193"],"kind":"fee","amount":5,"source":"NQ-99"}],
                "featured":["8.888888"],
                "link_hosts":["https://haiphong.gov.vn", "HaiPhong.gov.vn"],
                "add":[{"code":"1.001193","name":"again"}]}"#,
        )
        .unwrap();
        let mut c = catalog();
        let problems = apply(&mut c, &overlay);
        assert_eq!(problems.len(), 5, "{problems:?}");
        assert!(problems.iter().any(|p| p.starts_with("link_hosts[0]")));
        assert_eq!(c.link_hosts, ["haiphong.gov.vn"], "a host name is kept, in lower case");
        assert!(problems.iter().any(|p| p.starts_with("procedures.9.999999")));
        assert!(problems.iter().any(|p| p.starts_with("fees[0].source") && p.contains("NQ-99")));
        assert!(problems.iter().any(|p| p.starts_with("featured[0]")));
        assert!(problems.iter().any(|p| p.starts_with("add[0]")));
    }

    #[test]
    fn repealed_status_comes_from_the_overlay() {
        let overlay: Overlay = json::read(
            r#"{"format":"motcua-overlay","format_version":"1.0",
                "procedures":{"1.115750":{"lifecycle":{"status":"repealed","replaced_by":["3.000722"]}}}}"#,
        )
        .unwrap();
        let mut c = catalog();
        apply(&mut c, &overlay);
        assert_eq!(c.procedure("1.115750").unwrap().lifecycle.status, Status::Repealed);
    }

    #[test]
    fn other_formats_and_newer_versions_are_refused_with_the_field() {
        let err = parse(&OVERLAY.replace("motcua-overlay", "motcua-catalog")).unwrap_err();
        assert_eq!(err.path, "format");
        let err = parse(&OVERLAY.replace("\"1.0\"", "\"2.0\"")).unwrap_err();
        assert!(err.to_string().contains("2.0"), "{err}");
        let err = parse(&OVERLAY.replace("\"amount\": 8000", "\"amount\": \"tám nghìn\"")).unwrap_err();
        // A rule's fee fields are named as its own.
        assert_eq!(err.path, "fees[0].amount");
        assert!(err.message.contains("tám nghìn"), "{err}");
    }
}
