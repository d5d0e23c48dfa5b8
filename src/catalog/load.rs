//! Reading a catalog from JSON without panicking: whole-file errors are fatal,
//! a bad procedure is skipped and reported with its place.

use std::fmt;

use crate::json::{self, FromJson, Misfit, Reader};

use super::read::Row;
use super::{ByCode, Catalog, Procedure, FORMAT, FORMAT_VERSION, INDEX_FORMAT};

/// A catalog that could be read, with the problems of the records that could not.
#[derive(Debug, Clone, PartialEq)]
pub struct Loaded {
    pub catalog: Catalog,
    pub problems: Vec<Problem>,
}

/// One record-level problem: which record, where in it, what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Position of the record in `procedures`.
    pub index: usize,
    /// The record's code, when it could be read.
    pub code: Option<String>,
    /// Path inside the record, e.g. `paper_groups[0].papers[2].original`.
    pub path: String,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.code {
            // Index usize::MAX: the catalog as a whole.
            _ if self.index == usize::MAX => write!(f, "catalog")?,
            Some(code) => write!(f, "procedures[{}] ({code})", self.index)?,
            None => write!(f, "procedures[{}]", self.index)?,
        }
        if !self.path.is_empty() && self.path != "." {
            write!(f, ", field {}", self.path)?;
        }
        write!(f, ": {}", self.message)
    }
}

/// Why a whole catalog could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoadError {
    /// Not JSON, or not the catalog's top-level shape.
    Syntax { path: String, message: String },
    /// Not a motcua catalog.
    WrongFormat(String),
    /// Written for a newer major version than this build reads.
    UnsupportedVersion { found: String, supported: String },
    /// A procedure's full record (split catalog) is another procedure's, or has no details.
    WrongRecord { expected: String, found: String },
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::Syntax { path, message } if path.is_empty() || path == "." => {
                write!(f, "not a valid catalog: {message}")
            }
            LoadError::Syntax { path, message } => {
                write!(f, "not a valid catalog: field {path}: {message}")
            }
            LoadError::WrongFormat(found) => {
                write!(f, "not a motcua catalog (format is \"{found}\", expected \"{FORMAT}\")")
            }
            LoadError::UnsupportedVersion { found, supported } => write!(
                f,
                "catalog format version {found} is newer than this widget reads ({supported}); update the widget"
            ),
            LoadError::WrongRecord { expected, found } => {
                write!(f, "the full record of {expected} is not there (found \"{found}\")")
            }
        }
    }
}

impl std::error::Error for LoadError {}

/// A catalog read with its records, each checked on its own: those that do not fit, or repeat an
/// earlier code, are left out and listed as problems.
struct Envelope {
    catalog: Catalog,
    problems: Vec<Problem>,
}

impl Envelope {
    /// Reads the catalog and its records in one pass, each record with `record`, of a reader
    /// that reads whole records or not (`whole`) and checks what it reads; the records of a
    /// catalog that said first that it is of a format that reader does not read (a whole catalog
    /// met by the index's reader) only for their syntax. Not generic: one copy of this code
    /// serves both readers.
    fn read(json: &str, whole: bool, record: ReadRecord) -> Result<Envelope, Misfit> {
        let mut r = Reader::new(json);
        let (mut catalog, mut problems, mut records) = (Catalog::default(), Vec::new(), None);
        let (mut format, mut format_version, mut generated_at, mut source) = (None, None, None, None);
        r.object(|r, key| {
            match key {
                "format" => format = Some(r.value::<String>()?),
                "format_version" => format_version = Some(r.value()?),
                "generated_at" => generated_at = Some(r.value()?),
                "source" => source = Some(r.value()?),
                "commune" => catalog.commune = r.value()?,
                "documents" => catalog.documents = r.value()?,
                "life_events" => catalog.life_events = r.value()?,
                "journeys" => catalog.journeys = r.value()?,
                "featured" => catalog.featured = r.value()?,
                "link_hosts" => catalog.link_hosts = r.value()?,
                "details" => catalog.details = r.value()?,
                "summaries" => catalog.summaries = r.value()?,
                "search" => catalog.search = r.value()?,
                "procedures" => {
                    // Said twice, the last one counts, as every key does.
                    catalog.procedures.clear();
                    problems.clear();
                    records = Some(());
                    if format.as_deref().is_some_and(|f| !reads(f, whole)) {
                        return r.skip().map(drop);
                    }
                    let mut seen = ByCode::default();
                    r.array(|r, index| {
                        let (read, text) = record(r)?;
                        match read {
                            Ok(procedure) => match seen.add(&catalog.procedures, &procedure.code) {
                                None => catalog.procedures.push(procedure),
                                Some(_) => problems.push(Problem {
                                    index,
                                    code: Some(procedure.code),
                                    path: "code".into(),
                                    message: "duplicate code: an earlier record has it; this one is skipped".into(),
                                }),
                            },
                            Err(Misfit { path, message }) => {
                                problems.push(Problem { index, code: code_of(text), path, message })
                            }
                        }
                        Ok(())
                    })?;
                }
                _ => drop(r.skip()?),
            }
            Ok(())
        })?;
        catalog.format = r.need(format, "format")?;
        catalog.format_version = r.need(format_version, "format_version")?;
        catalog.generated_at = r.need(generated_at, "generated_at")?;
        catalog.source = r.need(source, "source")?;
        r.need(records, "procedures")?;
        r.end()?;
        Ok(Envelope { catalog, problems })
    }
}

/// Reads the record ahead in a catalog: the procedure, checked ([`small`], [`fits`]), or why it
/// does not fit; and its text.
type ReadRecord = for<'r> fn(&mut Reader<'r>) -> Result<(Result<Procedure, Misfit>, &'r str), Misfit>;

/// [`ReadRecord`] as `R` ([`Reader::own`]).
fn own<'r, R: Record>(r: &mut Reader<'r>) -> Result<(Result<Procedure, Misfit>, &'r str), Misfit> {
    let (record, text) = r.own::<R>()?;
    Ok((small(text).and(record).map(Into::into).and_then(fits::<R>), text))
}

/// Whether a reader of whole records or not (`whole`) reads a catalog of `format`: a split
/// catalog's index always, a whole catalog only when reading whole.
fn reads(format: &str, whole: bool) -> bool {
    format == INDEX_FORMAT || (format == FORMAT && whole)
}

/// The code of a record whose other fields are broken, to name it.
fn code_of(record: &str) -> Option<String> {
    let mut r = Reader::new(record);
    let mut code = None;
    r.object(|r, key| {
        match key {
            "code" => code = r.value::<String>().ok(),
            _ => drop(r.skip()?),
        }
        Ok(())
    })
    .ok()?;
    code
}

/// Reads a catalog. Records that do not fit the format, or repeat an earlier code,
/// are skipped and listed in [`Loaded::problems`].
pub fn load(json: &str) -> Result<Loaded, LoadError> {
    load_as::<Procedure>(json)
}

/// Reads a split catalog's index ([`load`]), its rows for the fields an index has
/// ([`Procedure::summary`]); a whole catalog is refused as [`LoadError::WrongFormat`] with
/// [`FORMAT`], for [`load`] to read. The widget's first download has this reader only.
pub fn load_index(json: &str) -> Result<Loaded, LoadError> {
    load_as::<Row>(json)
}

/// [`load`], each record read as `R`; only a split catalog's index unless `R` is read whole.
fn load_as<R: Record>(json: &str) -> Result<Loaded, LoadError> {
    let Envelope { catalog, problems } = Envelope::read(json, R::WHOLE, own::<R>)
        .map_err(|Misfit { path, message }| LoadError::Syntax { path, message })?;
    // A split catalog's index says where its details are; a whole catalog has them.
    let split = catalog.format == INDEX_FORMAT;
    if !reads(&catalog.format, R::WHOLE) || split != catalog.details.is_some() {
        return Err(LoadError::WrongFormat(catalog.format));
    }
    check_version(&catalog.format_version)?;
    if let Some(template) = catalog.details.as_deref().filter(|t| !(t.contains("{code}") && is_beside(t))) {
        return Err(LoadError::Syntax {
            path: "details".into(),
            message: format!("\"{template}\" is not a path beside the index with {{code}} in it"),
        });
    }
    if let Some(path) = catalog.summaries.as_deref().filter(|p| !(split && is_beside(p))) {
        return Err(LoadError::Syntax {
            path: "summaries".into(),
            message: format!("\"{path}\" is not a path beside a split catalog's index"),
        });
    }

    Ok(Loaded { catalog, problems })
}

/// Reads the full record of procedure `code` (a file of a split catalog), by the rules of a
/// catalog's records.
pub fn load_procedure(json: &str, code: &str) -> Result<Procedure, LoadError> {
    let procedure =
        read_record::<Procedure>(json).map_err(|Misfit { path, message }| LoadError::Syntax { path, message })?;
    if procedure.code != code || procedure.summary {
        let found = if procedure.summary { format!("{} (summary)", procedure.code) } else { procedure.code };
        return Err(LoadError::WrongRecord { expected: code.to_string(), found });
    }
    Ok(procedure)
}

/// The largest record a catalog may hold, in bytes of JSON: the largest real one (a national
/// procedure with every paper and case) is 120 KB. A larger one is skipped, whatever it holds.
pub const MAX_RECORD_BYTES: usize = 1 << 20;

/// How a catalog's records are read: whole, or as an index's rows.
trait Record: FromJson + Into<Procedure> {
    /// Whether a record read so is whole: a whole catalog's records are, and only they hold fees
    /// to check ([`invalid`]). An index row has none, so the first download, which reads only
    /// split indexes, leaves that check out.
    const WHOLE: bool;
}

impl Record for Procedure {
    const WHOLE: bool = true;
}

impl Record for Row {
    const WHOLE: bool = false;
}

/// One procedure's record, in a file of its own, read as `R`: not too large, of the model's types,
/// and by the rules the types alone do not enforce ([`invalid`]).
fn read_record<R: Record>(text: &str) -> Result<Procedure, Misfit> {
    small(text)?;
    fits::<R>(json::read::<R>(text)?.into())
}

/// A record's text is not larger than any real one ([`MAX_RECORD_BYTES`]).
fn small(text: &str) -> Result<(), Misfit> {
    match text.len() > MAX_RECORD_BYTES {
        true => {
            let message = format!("{} bytes: larger than any real record ({MAX_RECORD_BYTES}); skipped", text.len());
            Err(Misfit { path: String::new(), message })
        }
        false => Ok(()),
    }
}

/// A record read as `R` that keeps the rules the types alone do not enforce ([`invalid`]).
fn fits<R: Record>(procedure: Procedure) -> Result<Procedure, Misfit> {
    match invalid::<R>(&procedure) {
        Some(message) => Err(Misfit { path: String::new(), message }),
        None => Ok(procedure),
    }
}

/// Rules the types alone do not enforce: a code and a name, and no fee amount that cannot be
/// true (negative, or not a number); a wrong fee must never be shown as a fact.
fn invalid<R: Record>(p: &Procedure) -> Option<String> {
    if p.code.trim().is_empty() {
        return Some("empty code".into());
    }
    if p.name.trim().is_empty() {
        return Some("empty name".into());
    }
    if !R::WHOLE {
        return None;
    }
    let fees = p.channels.iter().flat_map(|c| &c.fees).chain(p.cases.iter().flat_map(|c| &c.fees));
    // The reader refuses numbers that are not finite.
    if let Some(amount) = fees.filter_map(|f| f.amount).find(|a| *a < 0.0) {
        return Some(format!("a fee of {}: no fee is negative", crate::present::amount(amount)));
    }
    None
}

/// A split catalog's records and summaries stay beside its index: a path relative to it, in its
/// folder or below, never another host or a parent folder.
fn is_beside(template: &str) -> bool {
    !template.is_empty()
        && !template.starts_with('/')
        && !template.contains([':', '\\', '?', '#'])
        && !template.contains(char::is_whitespace)
        && !template.split('/').any(|segment| segment == ".." || segment == ".")
}

fn check_version(found: &str) -> Result<(), LoadError> {
    let unsupported =
        || LoadError::UnsupportedVersion { found: found.to_string(), supported: format!("{}.x", FORMAT_VERSION.0) };
    let major: u32 = found.split('.').next().and_then(|m| m.parse().ok()).ok_or_else(unsupported)?;
    if major == FORMAT_VERSION.0 {
        Ok(())
    } else {
        Err(unsupported())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn catalog_with(procedures: &str) -> String {
        format!(
            r#"{{"format":"motcua-catalog","format_version":"1.0","generated_at":"2026-11-22",
               "source":{{"name":"test"}},"procedures":[{procedures}]}}"#
        )
    }

    const GOOD: &str = r#"{"code":"1.001193","name":"Thủ tục đăng ký khai sinh","source":"portal_detail"}"#;

    #[test]
    fn reads_a_valid_catalog() {
        let loaded = load(&catalog_with(GOOD)).unwrap();
        assert!(loaded.problems.is_empty());
        assert_eq!(loaded.catalog.procedures[0].code, "1.001193");
    }

    #[test]
    fn a_bad_record_is_skipped_and_named_with_its_field_path() {
        let bad = r#"{"code":"2.000815","name":"x","source":"portal_detail",
                      "paper_groups":[{"papers":[{"name":"a","original":"một"}]}]}"#;
        let loaded = load(&catalog_with(&format!("{GOOD},{bad}"))).unwrap();
        assert_eq!(loaded.catalog.procedures.len(), 1);
        let problem = &loaded.problems[0];
        assert_eq!(problem.index, 1);
        assert_eq!(problem.code.as_deref(), Some("2.000815"));
        assert_eq!(problem.path, "paper_groups[0].papers[0].original");
        assert!(problem.to_string().contains("2.000815"), "{problem}");
        // Its place is the catalog's, where a webmaster finds it.
        assert!(problem.message.ends_with("at line 3 column 73"), "{problem}");
    }

    #[test]
    fn duplicate_codes_keep_the_first() {
        let loaded = load(&catalog_with(&format!("{GOOD},{GOOD}"))).unwrap();
        assert_eq!(loaded.catalog.procedures.len(), 1);
        assert!(loaded.problems[0].message.contains("duplicate"));
    }

    #[test]
    fn procedures_said_twice_are_the_last_list() {
        let other = GOOD.replace("1.001193", "2.000001");
        let twice = catalog_with(&format!("{GOOD},{other},{GOOD}"))
            .replace("\"procedures\":[", &format!("\"procedures\":[{other}],\"procedures\":["));
        let loaded = load(&twice).unwrap();
        let codes: Vec<&str> = loaded.catalog.procedures.iter().map(|p| p.code.as_str()).collect();
        assert_eq!(codes, ["1.001193", "2.000001"]);
        assert_eq!((loaded.problems.len(), loaded.problems[0].index), (1, 2), "{:?}", loaded.problems);
    }

    #[test]
    fn empty_names_are_problems() {
        let loaded = load(&catalog_with(r#"{"code":"1.1","name":" ","source":"portal_index"}"#)).unwrap();
        assert!(loaded.catalog.procedures.is_empty());
        assert_eq!(loaded.problems[0].message, "empty name");
    }

    #[test]
    fn a_newer_major_version_is_refused_with_a_clear_message() {
        let json = catalog_with(GOOD).replace("\"1.0\"", "\"2.0\"");
        let err = load(&json).unwrap_err();
        assert!(matches!(err, LoadError::UnsupportedVersion { .. }));
        assert!(err.to_string().contains("update the widget"));
        // A newer minor version is still read.
        assert!(load(&catalog_with(GOOD).replace("\"1.0\"", "\"1.7\"")).is_ok());
    }

    #[test]
    fn a_split_index_is_read_and_its_records_are_checked() {
        let index = catalog_with(&GOOD.replace("}", ",\"summary\":true}"))
            .replace("\"motcua-catalog\"", "\"motcua-catalog-index\",\"details\":\"d/{code}.json\"");
        let loaded = load(&index).unwrap();
        let p = &loaded.catalog.procedures[0];
        assert_eq!(p.detail_path(&loaded.catalog).as_deref(), Some("d/1.001193.json"));
        assert_eq!(load_procedure(GOOD, "1.001193").unwrap().code, "1.001193");
        assert!(matches!(load_procedure(GOOD, "1.000894"), Err(LoadError::WrongRecord { .. })));
        let summary = GOOD.replace("}", ",\"summary\":true}");
        assert!(matches!(load_procedure(&summary, "1.001193"), Err(LoadError::WrongRecord { .. })));
        assert!(matches!(load_procedure("<html>", "1.001193"), Err(LoadError::Syntax { .. })));
        // A record file is held to the same rules as a catalog's records: not too large either.
        let huge = GOOD.replace("}", &format!(",\"staff_note\":\"{}\"}}", "a".repeat(MAX_RECORD_BYTES)));
        assert!(matches!(load_procedure(&huge, "1.001193"), Err(LoadError::Syntax { .. })));
        for elsewhere in ["https://evil.example/{code}.json", "//evil.example/{code}", "../{code}.json", "/d/{code}"] {
            let moved = index.replace("d/{code}.json", elsewhere);
            assert!(matches!(load(&moved), Err(LoadError::Syntax { .. })), "{elsewhere}");
        }
        // An index without `details`, or a whole catalog with them, is neither.
        let no_details = index.replace(",\"details\":\"d/{code}.json\"", "");
        assert!(matches!(load(&no_details), Err(LoadError::WrongFormat(_))));
    }

    #[test]
    fn the_index_reader_reads_the_demo_index_as_the_whole_reader_and_refuses_a_whole_catalog() {
        let whole = std::fs::read_to_string("public/catalogs/commune-demo.json").unwrap();
        let split = crate::catalog::split(&load(&whole).unwrap().catalog, "commune-demo/{code}.json");
        let index = serde_json::to_string(&split.index).unwrap();
        let (by_rows, by_records) = (load_index(&index).unwrap(), load(&index).unwrap());
        assert_eq!(by_rows.catalog.procedures.len(), 495);
        assert_eq!(by_rows, by_records);
        match load_index(&whole) {
            Err(LoadError::WrongFormat(format)) => assert_eq!(format, FORMAT),
            other => panic!("a whole catalog read as an index: {:?}", other.map(|l| l.catalog.procedures.len())),
        }
    }

    #[test]
    fn invalid_json_is_an_error_not_a_panic() {
        assert!(matches!(load("{\"format\":"), Err(LoadError::Syntax { .. })));
        assert!(matches!(load("[]"), Err(LoadError::Syntax { .. })));
        let wrong = catalog_with(GOOD).replace("motcua-catalog", "other");
        assert!(matches!(load(&wrong), Err(LoadError::WrongFormat(_))));
    }
}
