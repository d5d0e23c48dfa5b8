//! The catalog: a commune's (or the nation's) administrative procedures, as the widget shows them.
//!
//! Plain data, serialised as JSON (`docs/catalog-format.md`). Loading is in [`load`].

mod by_code;
mod check;
mod commune;
mod load;
mod read;
mod split;

pub use by_code::ByCode;
pub use check::{warnings, DEFAULT_MAX_AGE_DAYS};
pub use commune::is_commune_body;
pub use load::{load, load_index, load_procedure, LoadError, Loaded, Problem, MAX_RECORD_BYTES};
pub(crate) use read::fee_field;
pub use split::{detail_path, split, Split, INDEX_FORMAT};

use serde::Serialize;

use crate::date::Date;

/// The format name written in every catalog.
pub const FORMAT: &str = "motcua-catalog";
/// Major and minor version of the format this build writes and reads.
/// A catalog with a greater major version is refused; a greater minor version is read.
pub const FORMAT_VERSION: (u32, u32) = (1, 4);

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Catalog {
    /// Always [`FORMAT`].
    pub format: String,
    /// `"MAJOR.MINOR"`.
    pub format_version: String,
    /// Date the catalog was generated, `YYYY-MM-DD`.
    pub generated_at: String,
    pub source: Source,
    /// The commune this catalog is for; `None` for a national catalog.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub commune: Option<Commune>,
    /// Legal documents that fees cite, by id (`Fee::source`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub documents: Vec<Document>,
    /// Situations of life (Có con nhỏ, Người thân qua đời…) and the procedures each needs.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub life_events: Vec<LifeEvent>,
    /// Procedures that are done together (one-stop interlinked journeys).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub journeys: Vec<Journey>,
    /// Codes the commune puts first on the home view.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub featured: Vec<String>,
    /// Hosts besides the portal's that links may go to, with their subdomains (`haiphong.gov.vn`
    /// for the province's gazette), from the commune's overlay; see [`crate::outbound`].
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub link_hosts: Vec<String>,
    /// In a split catalog's index: where each procedure's full record is, relative to the index,
    /// with `{code}` standing for the code ([`detail_path`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub details: Option<String>,
    /// In a split catalog's index that carries `search`: the index with every summary whole,
    /// relative to the index, for a widget that cannot use `search` (an overlay changes what is
    /// searched, or another version of motcua wrote it).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub summaries: Option<String>,
    pub procedures: Vec<Procedure>,
    /// In a split catalog's index: its search index, read-ready ([`crate::search::Index::write`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub search: Option<String>,
}

/// The `format_version` this build writes.
pub fn written_version() -> String {
    format!("{}.{}", FORMAT_VERSION.0, FORMAT_VERSION.1)
}

impl Catalog {
    /// An empty catalog of this build's format and version.
    pub fn new(generated_at: &str, source: Source) -> Catalog {
        Catalog {
            format: FORMAT.into(),
            format_version: written_version(),
            generated_at: generated_at.into(),
            source,
            ..Catalog::default()
        }
    }

    /// Days since the catalog was generated, as of `today`; `None` when `generated_at` is not a date.
    pub fn age_days(&self, today: Date) -> Option<i64> {
        Date::parse(&self.generated_at).map(|generated| today.unix_days() - generated.unix_days())
    }

    pub fn procedure(&self, code: &str) -> Option<&Procedure> {
        self.procedures.iter().find(|p| p.code == code)
    }

    pub fn document(&self, id: &str) -> Option<&Document> {
        self.documents.iter().find(|d| d.id == id)
    }
}

/// Where the facts come from.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Source {
    /// Human-readable description of the dataset.
    pub name: String,
    /// Date the source was retrieved, `YYYY-MM-DD`, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub retrieved: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Commune {
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub province: Option<String>,
    /// The portal's province code (`provinceCode`), when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub province_code: Option<String>,
    /// The portal's ward/commune code (`wardCode`), when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ward_code: Option<String>,
    /// The one-stop desk's address, opening hours and phone, as staff write them.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub desk: Option<Desk>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Desk {
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hours: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
}

/// One administrative procedure (thủ tục hành chính).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Procedure {
    /// Public code, e.g. `1.001193`.
    pub code: String,
    /// The portal's procedure UUID (`formalityId`), needed for every portal link.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub portal_id: Option<String>,
    pub name: String,
    /// The name people use, written by commune staff ("Làm giấy khai sinh").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub friendly_name: Option<String>,
    /// Everyday words for this procedure, written by staff ("sổ đỏ", "giấy chứng tử").
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub keywords: Vec<String>,
    /// Lĩnh vực, e.g. `Hộ tịch`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub levels: Vec<Level>,
    /// The body that published the procedure (a ministry or a province's People's Committee).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub issuer: Option<String>,
    /// Executing agencies (cơ quan thực hiện).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub agencies: Vec<String>,
    /// Who files it (đối tượng thực hiện), as the record says: "Công dân Việt Nam", "Doanh nghiệp"…
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub subjects: Vec<String>,
    #[serde(skip_serializing_if = "OnlineLevel::is_unknown")]
    pub online: OnlineLevel,
    /// Per channel: processing time and fees.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub channels: Vec<ChannelInfo>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub paper_groups: Vec<PaperGroup>,
    /// Situations (trường hợp) with their own papers, time or fees; empty when there is one.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub cases: Vec<Case>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub steps: Vec<Step>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub conditions: Option<String>,
    /// What the citizen receives (kết quả).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub results: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub legal_basis: Vec<LegalDoc>,
    #[serde(skip_serializing_if = "Lifecycle::is_active")]
    pub lifecycle: Lifecycle,
    /// Route code on the interlinked portal (lienthong.dichvucong.gov.vn), for liên thông procedures.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lienthong: Option<String>,
    /// A note for desk staff only, from the commune overlay.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub staff_note: Option<String>,
    /// Which record the facts come from.
    pub source: RecordSource,
    /// Only what search needs ([`Procedure::summary`]): the full record is at the catalog's `details`.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub summary: bool,
}

impl Procedure {
    /// The papers of a case (`case` counts from 0): its own list, or the procedure's when the
    /// case has none.
    pub fn paper_groups_of(&self, case: usize) -> &[PaperGroup] {
        match self.cases.get(case) {
            Some(c) if !c.paper_groups.is_empty() => &c.paper_groups,
            _ => &self.paper_groups,
        }
    }

    /// True when the catalog has more than the name: papers, times or steps.
    pub fn has_details(&self) -> bool {
        !self.paper_groups.is_empty() || !self.channels.is_empty() || !self.steps.is_empty()
    }

    /// Whether people (not only organisations) file it: `None` when the record names no subjects.
    pub fn for_people(&self) -> Option<bool> {
        const PEOPLE: [&str; 4] = ["Công dân", "Người ", "Cán bộ", "Đảng viên"];
        (!self.subjects.is_empty()).then(|| self.subjects.iter().any(|s| PEOPLE.iter().any(|p| s.starts_with(p))))
    }

    /// Where its full record is, relative to the catalog: `None` when this record is full.
    pub fn detail_path(&self, catalog: &Catalog) -> Option<String> {
        catalog.details.as_deref().filter(|_| self.summary).map(|template| detail_path(template, &self.code))
    }

    /// The name to show first: the commune's friendly name, else the official one.
    pub fn display_name(&self) -> &str {
        self.friendly_name.as_deref().unwrap_or(&self.name)
    }
}

/// A situation within a procedure (trường hợp). What it leaves empty follows the procedure.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Case {
    /// The situation in plain words ("Đăng ký khai sinh không đúng hạn").
    pub name: String,
    /// The portal's case code, e.g. `1.001193.02`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// The portal's case UUID (`formalityCaseId`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub portal_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub time: Option<ProcessingTime>,
    /// Fees of this case; each may be limited to some channels.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub fees: Vec<Fee>,
    /// Papers of this case, when they differ from the procedure's.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub paper_groups: Vec<PaperGroup>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// Whether a procedure is still in force.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Lifecycle {
    pub status: Status,
    /// `YYYY-MM-DD`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub effective_from: Option<String>,
    /// `YYYY-MM-DD`: the last day it applies.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub effective_to: Option<String>,
    /// Codes of the procedures that replace it.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub replaced_by: Vec<String>,
    /// What the decision says, in plain words, with its reference.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl Lifecycle {
    fn is_active(&self) -> bool {
        *self == Lifecycle::default()
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    #[default]
    Active,
    /// Bãi bỏ: no longer done; see `replaced_by`.
    Repealed,
}

/// A legal document cited by fees.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Document {
    /// Short id used by `Fee::source`, e.g. `NQ-23-2026`.
    pub id: String,
    /// Official number, e.g. `23/2026/NQ-HĐND`.
    pub number: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub issuer: Option<String>,
    /// `YYYY-MM-DD` dates.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub issued: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub effective_from: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub effective_to: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// A situation of life and the procedures it usually needs.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct LifeEvent {
    /// Stable id, e.g. `co-con-nho`.
    pub id: String,
    pub name: String,
    /// Id of the national portal's event group, when there is one (e.g. 750).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub portal_group: Option<u32>,
    pub procedures: Vec<String>,
}

/// Procedures done together, in order, e.g. khai sinh – thường trú – thẻ BHYT.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Journey {
    pub name: String,
    pub procedures: Vec<String>,
    /// The interlinked procedure that files them all at once, when there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub interlinked: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// Administrative level that handles a procedure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    Commune,
    Province,
    Ministry,
    Other,
}

/// How much of the procedure can be done on the portal.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum OnlineLevel {
    /// Toàn trình: entirely online.
    Full,
    /// Một phần: partly online, the rest at the desk.
    Partial,
    /// Only at the desk or by post.
    None,
    #[default]
    Unknown,
}

impl OnlineLevel {
    fn is_unknown(&self) -> bool {
        *self == OnlineLevel::Unknown
    }
}

/// A way to file the dossier.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    /// Trực tiếp.
    InPerson,
    /// Trực tuyến.
    Online,
    /// Dịch vụ bưu chính.
    Post,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ChannelInfo {
    pub channel: Channel,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub time: Option<ProcessingTime>,
    /// Fees as recorded; empty when the record states none (which is not the same as free).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub fees: Vec<Fee>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// Processing time (thời hạn giải quyết).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ProcessingTime {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<f32>,
    pub unit: TimeUnit,
    /// The wording of the source, kept for display and audit.
    pub text: String,
    /// For `within_day`: dossiers received after this hour (`HH:MM`) get the result the next working day.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cutoff: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TimeUnit {
    /// Handled within the day of filing.
    WithinDay,
    WorkingDays,
    CalendarDays,
    Months,
    /// "N ngày" with no way to tell working from calendar days.
    UnspecifiedDays,
    /// Only the text is known.
    Text,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Fee {
    pub kind: FeeKind,
    /// Amount in `currency`; `None` when the record gives only words.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub amount: Option<f64>,
    pub currency: String,
    /// Unit the amount applies to, e.g. `trang` (per page).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub per: Option<String>,
    /// The wording of the source.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// The channels it applies to (in a case); empty means every channel.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub channels: Vec<Channel>,
    /// The record says the province sets the amount (“do HĐND tỉnh quyết định”).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub set_by_province: bool,
    /// Who does not pay, in plain words.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub exemptions: Vec<String>,
    /// Id of the legal document in `Catalog::documents` that sets it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

impl Fee {
    /// A fee with nothing but its kind and amount; the other fields are set by the caller.
    pub fn new(kind: FeeKind, amount: Option<f64>) -> Fee {
        Fee {
            kind,
            amount,
            currency: default_currency(),
            per: None,
            text: None,
            channels: Vec::new(),
            set_by_province: false,
            exemptions: Vec::new(),
            source: None,
        }
    }

    pub fn applies_to(&self, channel: Channel) -> bool {
        self.channels.is_empty() || self.channels.contains(&channel)
    }
}

fn default_currency() -> String {
    "VND".to_string()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FeeKind {
    /// Lệ phí: a charge for a state service.
    Charge,
    /// Phí: a fee for a service.
    Fee,
    Unknown,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct PaperGroup {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub heading: Option<String>,
    pub papers: Vec<Paper>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Paper {
    pub name: String,
    /// Whether the paper is handed in, only shown, or is not a paper but a note.
    #[serde(skip_serializing_if = "PaperKind::is_submit")]
    pub kind: PaperKind,
    /// Number of originals (bản chính); not written when none is said.
    #[serde(skip_serializing_if = "is_zero")]
    pub original: u16,
    /// Number of copies (bản sao); not written when none is said.
    #[serde(skip_serializing_if = "is_zero")]
    pub copy: u16,
    /// Names of the forms or templates to fill.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub forms: Vec<String>,
}

/// The role of a row of the papers list.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PaperKind {
    /// Handed in (giấy tờ phải nộp).
    #[default]
    Submit,
    /// Only shown for checking (giấy tờ phải xuất trình).
    Show,
    /// A note, rule or sub-heading (lưu ý): nothing to bring.
    Note,
}

impl PaperKind {
    fn is_submit(&self) -> bool {
        *self == PaperKind::Submit
    }
}

fn is_zero(n: &u16) -> bool {
    *n == 0
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Step {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    pub text: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct LegalDoc {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    pub name: String,
}

/// The kind of source record a procedure was built from.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RecordSource {
    /// Written by hand (commune staff, tests).
    #[default]
    Manual,
    /// The portal's detail record (API rendered as Markdown).
    PortalDetail,
    /// The portal's API record itself: fees, time units and cases included.
    PortalApi,
    /// The older vpcp page, scraped: papers and channels only as flat text.
    PortalFallback,
    /// Only the national index row: name, field, agencies, UUID.
    PortalIndex,
}
