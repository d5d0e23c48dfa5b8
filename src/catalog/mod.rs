//! The catalog: a commune's (or the nation's) administrative procedures, as the widget shows them.
//!
//! Plain data, serialised as JSON (`docs/catalog-format.md`). Loading is in [`load`].

mod check;
mod load;

pub use check::{warnings, DEFAULT_MAX_AGE_DAYS};
pub use load::{load, LoadError, Loaded, Problem};

use serde::{Deserialize, Serialize};

/// The format name written in every catalog.
pub const FORMAT: &str = "motcua-catalog";
/// Major and minor version of the format this build writes and reads.
/// A catalog with a greater major version is refused; a greater minor version is read.
pub const FORMAT_VERSION: (u32, u32) = (1, 0);

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Catalog {
    /// Always [`FORMAT`].
    pub format: String,
    /// `"MAJOR.MINOR"`.
    pub format_version: String,
    /// Date the catalog was generated, `YYYY-MM-DD`.
    pub generated_at: String,
    pub source: Source,
    /// The commune this catalog is for; `None` for a national catalog.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub commune: Option<Commune>,
    pub procedures: Vec<Procedure>,
}

/// Where the facts come from.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Source {
    /// Human-readable description of the dataset.
    pub name: String,
    /// Date the source was retrieved, `YYYY-MM-DD`, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retrieved: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Commune {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub province: Option<String>,
    /// The one-stop desk's address, opening hours and phone, as staff write them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub desk: Option<Desk>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Desk {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hours: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
}

/// One administrative procedure (thủ tục hành chính).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Procedure {
    /// Public code, e.g. `1.001193`.
    pub code: String,
    /// The portal's procedure UUID (`formalityId`), needed for every portal link.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub portal_id: Option<String>,
    pub name: String,
    /// Lĩnh vực, e.g. `Hộ tịch`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub levels: Vec<Level>,
    /// Executing agencies (cơ quan thực hiện).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub agencies: Vec<String>,
    #[serde(default)]
    pub online: OnlineLevel,
    /// Per channel: processing time and fees.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub channels: Vec<ChannelInfo>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub paper_groups: Vec<PaperGroup>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub steps: Vec<Step>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub conditions: Option<String>,
    /// What the citizen receives (kết quả).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub results: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub legal_basis: Vec<LegalDoc>,
    /// Which record the facts come from.
    #[serde(default)]
    pub source: RecordSource,
}

impl Procedure {
    /// True when the catalog has more than the name: papers, times or steps.
    pub fn has_details(&self) -> bool {
        !self.paper_groups.is_empty() || !self.channels.is_empty() || !self.steps.is_empty()
    }
}

/// Administrative level that handles a procedure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    Commune,
    Province,
    Ministry,
    Other,
}

/// How much of the procedure can be done on the portal.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
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

/// A way to file the dossier.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    /// Trực tiếp.
    InPerson,
    /// Trực tuyến.
    Online,
    /// Dịch vụ bưu chính.
    Post,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChannelInfo {
    pub channel: Channel,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time: Option<ProcessingTime>,
    /// Fees as recorded; empty when the record states none (which is not the same as free).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fees: Vec<Fee>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// Processing time (thời hạn giải quyết).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProcessingTime {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<f32>,
    pub unit: TimeUnit,
    /// The wording of the source, kept for display and audit.
    pub text: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
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

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Fee {
    pub kind: FeeKind,
    /// Amount in `currency`; `None` when the record gives only words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount: Option<f64>,
    #[serde(default = "default_currency")]
    pub currency: String,
    /// Unit the amount applies to, e.g. `trang` (per page).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub per: Option<String>,
    /// The wording of the source.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

fn default_currency() -> String {
    "VND".to_string()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FeeKind {
    /// Lệ phí: a charge for a state service.
    Charge,
    /// Phí: a fee for a service.
    Fee,
    Unknown,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PaperGroup {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub heading: Option<String>,
    pub papers: Vec<Paper>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Paper {
    pub name: String,
    /// Whether the paper is handed in, only shown, or is not a paper but a note.
    #[serde(default, skip_serializing_if = "PaperKind::is_submit")]
    pub kind: PaperKind,
    /// Number of originals (bản chính).
    #[serde(default)]
    pub original: u16,
    /// Number of copies (bản sao).
    #[serde(default)]
    pub copy: u16,
    /// Names of the forms or templates to fill.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub forms: Vec<String>,
}

/// The role of a row of the papers list.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
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

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Step {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    pub text: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct LegalDoc {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    pub name: String,
}

/// The kind of source record a procedure was built from.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RecordSource {
    /// Written by hand (commune staff, tests).
    #[default]
    Manual,
    /// The portal's detail record (API rendered as Markdown).
    PortalDetail,
    /// The older vpcp page, scraped: papers and channels only as flat text.
    PortalFallback,
    /// Only the national index row: name, field, agencies, UUID.
    PortalIndex,
}
