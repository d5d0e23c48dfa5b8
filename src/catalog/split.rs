//! The split form of a catalog, for slow networks: an index with what search, lists and filters
//! need, and each procedure's full record in a file of its own, fetched when it is opened.
//!
//! The index is a catalog whose format is [`INDEX_FORMAT`] (so that a widget that predates the
//! split refuses it rather than showing summaries as whole procedures), whose `details` says
//! where the full records are, and whose procedures are summaries (`summary: true`) of what lists
//! and filters show. It carries its search index read-ready (`search`), and names the file beside
//! it whose summaries have all that search reads (`summaries`), for a widget that must index the
//! catalog itself.

use super::{written_version, Catalog, Paper, PaperGroup, PaperKind, Procedure, RecordSource};
use crate::search::{paper_head, Index};

/// The format name of a split catalog's index.
pub const INDEX_FORMAT: &str = "motcua-catalog-index";

/// What a split catalog is made of: the index, the summaries and the full records, each with its
/// path relative to the index's folder.
#[derive(Debug, Clone, PartialEq)]
pub struct Split {
    pub index: Catalog,
    pub summaries: (String, Catalog),
    pub details: Vec<(String, Procedure)>,
}

/// Splits `catalog`; the full records go to the folder `folder` beside the index.
pub fn split(catalog: &Catalog, folder: &str) -> Split {
    let template = format!("{folder}/{{code}}.json");
    let details = catalog.procedures.iter().map(|p| (detail_path(&template, &p.code), p.clone())).collect();
    let summaries = Catalog {
        format: INDEX_FORMAT.into(),
        // The split form is of this version, whatever the version of the catalog split.
        format_version: written_version(),
        details: Some(template),
        summaries: None,
        procedures: catalog.procedures.iter().map(Procedure::summary).collect(),
        search: None,
        ..catalog.clone()
    };
    let path = format!("{folder}.summaries.json");
    let index = Catalog {
        summaries: Some(path.clone()),
        procedures: summaries.procedures.iter().map(Procedure::listing).collect(),
        search: Some(Index::from_catalog(&summaries).write(&summaries.procedures)),
        ..summaries.clone()
    };
    Split { index, summaries: (path, summaries), details }
}

/// The path of the full record of `code`: `template` with `{code}` replaced by the code, in which
/// only letters, digits, `.`, `-` and `_` are kept; any other byte becomes `~XX` (so that a code
/// cannot name another folder or file, and needs no escaping in a URL).
pub fn detail_path(template: &str, code: &str) -> String {
    let mut safe = String::with_capacity(code.len());
    for byte in code.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'.' | b'-' | b'_') {
            safe.push(byte as char);
        } else {
            safe.push_str(&format!("~{byte:02X}"));
        }
    }
    template.replace("{code}", &safe)
}

impl Procedure {
    /// What the index keeps of a procedure: everything search ranks by and lists show (names,
    /// keywords, code, field, levels, subjects, results, the head of each paper, lifecycle), none
    /// of the details (channels, times, fees, cases, steps, conditions, legal basis, staff note).
    /// Nor the portal id: a UUID is as long as a name and does not compress (a third of the
    /// national index); only the links to start need it, and they come with the details.
    pub fn summary(&self) -> Procedure {
        let mut heads: Vec<Paper> = Vec::new();
        for paper in self.paper_groups.iter().flat_map(|g| &g.papers).filter(|p| p.kind != PaperKind::Note) {
            let name = paper_head(&paper.name);
            if !heads.iter().any(|h| h.name == name) {
                heads.push(Paper { name: name.to_string(), ..Paper::default() });
            }
        }
        Procedure {
            code: self.code.clone(),
            name: self.name.clone(),
            friendly_name: self.friendly_name.clone(),
            keywords: self.keywords.clone(),
            field: self.field.clone(),
            levels: self.levels.clone(),
            issuer: self.issuer.clone(),
            // Only an index row's agencies tell its level (`is_commune_level`).
            agencies: match self.source {
                RecordSource::PortalIndex => self.agencies.clone(),
                _ => Vec::new(),
            },
            subjects: self.subjects.clone(),
            online: self.online,
            paper_groups: match heads.is_empty() {
                true => Vec::new(),
                false => vec![PaperGroup { heading: None, papers: heads }],
            },
            results: self.results.clone(),
            lifecycle: self.lifecycle.clone(),
            lienthong: self.lienthong.clone(),
            source: self.source,
            summary: true,
            ..Procedure::default()
        }
    }

    /// What an index with its search read-ready keeps of a summary: what lists, filters and a
    /// procedure's page show before its record comes (names, code, field, levels, online level,
    /// lifecycle, interlinked route). Not what only search reads (keywords, papers), nor what the
    /// page shows with the record (issuer, agencies, subjects, results: the results are a seventh
    /// of the national index, and every byte of it is read before the first result).
    pub fn listing(&self) -> Procedure {
        Procedure {
            keywords: Vec::new(),
            issuer: None,
            agencies: Vec::new(),
            subjects: Vec::new(),
            paper_groups: Vec::new(),
            results: Vec::new(),
            ..self.clone()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::{Channel, ChannelInfo, Level, Source, Step};

    fn birth() -> Procedure {
        Procedure {
            code: "1.001193".into(),
            portal_id: Some("0f6c1f4e-3b7a-4c1e-9d2a-5b8e7f6a1c2d".into()),
            name: "Thủ tục đăng ký khai sinh".into(),
            levels: vec![Level::Commune],
            agencies: vec!["UBND cấp xã".into()],
            source: RecordSource::PortalApi,
            channels: vec![ChannelInfo { channel: Channel::InPerson, time: None, fees: Vec::new(), note: None }],
            steps: vec![Step { title: None, text: "Nộp hồ sơ".into() }],
            results: vec!["Giấy khai sinh".into()],
            paper_groups: vec![PaperGroup {
                heading: Some("Giấy tờ phải nộp".into()),
                papers: vec![
                    Paper { name: "Tờ khai đăng ký khai sinh theo mẫu".into(), original: 1, ..Paper::default() },
                    Paper {
                        name: "Lưu ý: bản sao phải có chứng thực".into(),
                        kind: PaperKind::Note,
                        ..Paper::default()
                    },
                    Paper { name: "Tờ khai đăng ký khai sinh theo mẫu".into(), copy: 1, ..Paper::default() },
                ],
            }],
            ..Procedure::default()
        }
    }

    #[test]
    fn a_summary_keeps_what_search_needs_and_drops_the_details() {
        let s = birth().summary();
        assert!(s.summary);
        assert_eq!((s.code.as_str(), s.name.as_str()), ("1.001193", "Thủ tục đăng ký khai sinh"));
        assert!(s.channels.is_empty() && s.steps.is_empty() && s.agencies.is_empty() && s.portal_id.is_none());
        // One paper head, without the note and the repeat.
        let names: Vec<_> = s.paper_groups.iter().flat_map(|g| &g.papers).map(|p| p.name.as_str()).collect();
        assert_eq!(names, ["Tờ khai đăng ký khai sinh theo mẫu"]);
        assert!(s.is_commune_level());
    }

    #[test]
    fn an_index_row_keeps_its_agencies_which_tell_its_level() {
        let row = Procedure { source: RecordSource::PortalIndex, levels: Vec::new(), ..birth() };
        assert!(row.summary().is_commune_level());
    }

    #[test]
    fn split_names_a_file_per_procedure_beside_the_index() {
        let mut catalog = Catalog::new("2026-12-04", Source { name: "test".into(), ..Source::default() });
        catalog.procedures = vec![birth()];
        catalog.format_version = "1.0".into();
        let split = split(&catalog, "demo");
        assert_eq!(split.index.format_version, written_version());
        assert_eq!(split.index.format, INDEX_FORMAT);
        assert_eq!(split.index.details.as_deref(), Some("demo/{code}.json"));
        assert_eq!(split.details, vec![("demo/1.001193.json".to_string(), birth())]);
        assert_eq!(split.summaries.1.procedures, vec![birth().summary()]);
        assert_eq!(split.summaries.0, "demo.summaries.json");
        // The index lists; its search reads back over its rows.
        assert_eq!(split.index.summaries.as_deref(), Some("demo.summaries.json"));
        assert_eq!(split.index.procedures, vec![birth().summary().listing()]);
        // What lists and the page show before the record; the results come with it.
        let row = &split.index.procedures[0];
        assert!(row.paper_groups.is_empty() && row.results.is_empty());
        assert_eq!((row.name.as_str(), &row.levels), ("Thủ tục đăng ký khai sinh", &vec![Level::Commune]));
        assert_eq!(split.summaries.1.procedures[0].results, ["Giấy khai sinh"]);
        let search = split.index.search.as_deref().expect("a stored search");
        let index = crate::search::Index::read(search, &split.index.procedures).expect("reads");
        assert_eq!(index.search("to khai", 5).len(), 1, "the paper's words are searched");
    }

    #[test]
    fn a_code_cannot_lead_out_of_the_folder() {
        assert_eq!(detail_path("d/{code}.json", "../../etc/x"), "d/..~2F..~2Fetc~2Fx.json");
        assert_eq!(detail_path("d/{code}.json", "a b?c#"), "d/a~20b~3Fc~23.json");
        assert_eq!(detail_path("d/{code}.json", "Đ"), "d/~C4~90.json");
    }
}
