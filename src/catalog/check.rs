//! Warnings about a catalog that loads but would serve citizens less well than it should.

use super::{Catalog, PaperKind, Problem};
use crate::date::Date;
use crate::outbound;
use crate::portal;
use crate::search::Index;

/// A catalog older than this many days is stale unless the caller says otherwise.
pub const DEFAULT_MAX_AGE_DAYS: i64 = 180;

/// Where a warning about the whole catalog points.
const CATALOG: usize = usize::MAX;

/// Warnings, in record order: a missing or malformed portal id (no direct portal link, unless the
/// procedure has a liên thông route), a paper to hand in with no count of originals or copies, a
/// fee amount without a source document or citing an unknown one, a replacement the catalog lacks;
/// then, for the catalog itself (record index `usize::MAX`): a stale or undated catalog,
/// featured codes it lacks, link hosts that are not host names, document addresses that will
/// not be linked ([`outbound::allowed`]), and a stored search index that the widget cannot use.
pub fn warnings(catalog: &Catalog, today: Date, max_age_days: i64) -> Vec<Problem> {
    let mut out = Vec::new();
    let whole = |path: &str, message: String| Problem { index: CATALOG, code: None, path: path.into(), message };
    match catalog.age_days(today) {
        None => out.push(whole("generated_at", format!("{:?} is not a date (YYYY-MM-DD)", catalog.generated_at))),
        Some(age) => {
            if age > max_age_days {
                out.push(whole(
                    "generated_at",
                    format!(
                        "the catalog is {age} days old (more than {max_age_days}): regenerate it from current data"
                    ),
                ));
            }
        }
    }
    for (index, p) in catalog.procedures.iter().enumerate() {
        let mut warn =
            |path: String, message: String| out.push(Problem { index, code: Some(p.code.clone()), path, message });
        let has_lienthong = p.lienthong.as_deref().and_then(portal::lienthong_url).is_some();
        match p.portal_id.as_deref() {
            // An interlinked procedure is filed on its own portal.
            None if has_lienthong => {}
            None => warn(
                "portal_id".into(),
                "no portal id (formalityId): only the portal's keyword search can be linked".into(),
            ),
            Some(id) if !portal::is_portal_id(id) => {
                warn("portal_id".into(), "not a UUID: no portal link will be made".into())
            }
            Some(_) => {}
        }
        let groups = p.paper_groups.iter().enumerate().map(|(g, group)| (format!("paper_groups[{g}]"), group));
        let case_groups = p.cases.iter().enumerate().flat_map(|(c, case)| {
            case.paper_groups.iter().enumerate().map(move |(g, group)| (format!("cases[{c}].paper_groups[{g}]"), group))
        });
        for (path, group) in groups.chain(case_groups) {
            for (i, paper) in group.papers.iter().enumerate() {
                // A paper to show is the original itself; only papers to hand in need a count.
                if paper.kind == PaperKind::Submit && paper.original == 0 && paper.copy == 0 && !p.summary {
                    warn(format!("{path}.papers[{i}]"), "paper without a count of originals or copies".into());
                }
            }
        }
        let channel_fees = p.channels.iter().enumerate().flat_map(|(c, channel)| {
            channel.fees.iter().enumerate().map(move |(f, fee)| (format!("channels[{c}].fees[{f}]"), fee))
        });
        let case_fees = p.cases.iter().enumerate().flat_map(|(c, case)| {
            case.fees.iter().enumerate().map(move |(f, fee)| (format!("cases[{c}].fees[{f}]"), fee))
        });
        for (path, fee) in channel_fees.chain(case_fees) {
            match fee.source.as_deref() {
                None if fee.amount.is_some() => warn(path, "fee amount without a source document".into()),
                Some(id) if catalog.document(id).is_none() => {
                    warn(format!("{path}.source"), format!("cites {id:?}, which is not in the catalog's documents"))
                }
                _ => {}
            }
        }
        for (i, code) in p.lifecycle.replaced_by.iter().enumerate() {
            if catalog.procedure(code).is_none() {
                warn(format!("lifecycle.replaced_by[{i}]"), format!("{code} is not in the catalog: no link to it"));
            }
        }
    }
    for (i, code) in catalog.featured.iter().enumerate() {
        if catalog.procedure(code).is_none() {
            out.push(whole(&format!("featured[{i}]"), format!("{code} is not in the catalog")));
        }
    }
    for (i, host) in catalog.link_hosts.iter().enumerate() {
        if !outbound::is_host_name(host) {
            out.push(whole(&format!("link_hosts[{i}]"), format!("{host:?} is not a host name: ignored")));
        }
    }
    for (i, document) in catalog.documents.iter().enumerate() {
        let Some(url) = document.url.as_deref() else { continue };
        if outbound::allowed(url, &catalog.link_hosts).is_none() {
            out.push(whole(
                &format!("documents[{i}].url"),
                format!(
                    "{url:?} is shown as text, not linked: links go to https addresses of the portal or of link_hosts"
                ),
            ));
        }
    }
    if let Some(Err(unfit)) = catalog.search.as_deref().map(|text| Index::read(text, &catalog.procedures)) {
        out.push(whole(
            "search",
            format!(
                "{unfit}: the widget fetches the summaries and indexes them itself, later; split the catalog again"
            ),
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::{Paper, PaperGroup, Procedure};

    const TODAY: Date = Date { year: 2026, month: 11, day: 22 };

    fn catalog(generated_at: &str, procedures: Vec<Procedure>) -> Catalog {
        Catalog { generated_at: generated_at.into(), procedures, ..Catalog::default() }
    }

    fn procedure(portal_id: Option<&str>, papers: Vec<Paper>) -> Procedure {
        Procedure {
            code: "1.001193".into(),
            name: "Thủ tục đăng ký khai sinh".into(),
            portal_id: portal_id.map(str::to_owned),
            paper_groups: vec![PaperGroup { heading: None, papers }],
            ..Procedure::default()
        }
    }

    const ID: &str = "019d2bfd-3fe0-70ac-b9d6-5e9e20d6eef7";

    #[test]
    fn a_complete_recent_catalog_has_no_warnings() {
        let papers = vec![Paper { name: "Tờ khai".into(), original: 1, ..Paper::default() }];
        let mut recent = catalog("2026-11-01", vec![procedure(Some(ID), papers)]);
        assert!(warnings(&recent, TODAY, 180).is_empty());
        recent.search = Some(Index::from_catalog(&recent).write(&recent.procedures));
        assert!(warnings(&recent, TODAY, 180).is_empty(), "with its stored search index");
    }

    #[test]
    fn a_stored_search_index_of_another_version_is_named() {
        let mut stale = catalog("2026-11-01", vec![procedure(Some(ID), Vec::new())]);
        let written = Index::from_catalog(&stale).write(&stale.procedures);
        stale.search = Some(written.replacen("s1-", "s0-", 1));
        let said = warnings(&stale, TODAY, 180);
        assert_eq!(said.iter().map(|w| w.path.as_str()).collect::<Vec<_>>(), ["search"]);
        assert!(said[0].message.contains("another version of motcua"), "{}", said[0].message);
    }

    #[test]
    fn missing_links_uncounted_papers_and_stale_dates_are_named() {
        let papers = vec![
            Paper { name: "Giấy tờ chứng minh".into(), ..Paper::default() },
            Paper { name: "Trường hợp …".into(), kind: PaperKind::Note, ..Paper::default() },
        ];
        let c = catalog("2026-01-01", vec![procedure(None, papers), procedure(Some("1.001193"), vec![])]);
        let found: Vec<String> = warnings(&c, TODAY, 180).iter().map(|w| format!("{} {}", w.path, w.message)).collect();
        assert_eq!(found.len(), 4, "{found:?}");
        assert!(found[0].starts_with("generated_at the catalog is 325 days old"), "{found:?}");
        assert!(found[1].starts_with("portal_id no portal id"), "{found:?}");
        assert!(found[2].starts_with("paper_groups[0].papers[0] paper without a count"), "{found:?}");
        assert!(found[3].starts_with("portal_id not a UUID"), "{found:?}");
        assert_eq!(warnings(&c, TODAY, 400).len(), 3, "a larger allowed age accepts the date");
        assert!(warnings(&catalog("22/11/2026", vec![]), TODAY, 180)[0].message.contains("not a date"));
    }

    #[test]
    fn document_addresses_that_will_not_be_links_are_named() {
        use crate::catalog::Document;
        let document =
            |url: &str| Document { id: "d".into(), number: "1".into(), url: Some(url.into()), ..Document::default() };
        let mut c = catalog("2026-11-01", vec![]);
        c.documents = vec![
            document("https://dichvucong.gov.vn/x"),
            document("https://sotp.haiphong.gov.vn/nq-23"),
            document("javascript:alert(1)"),
        ];
        c.link_hosts = vec!["*.gov.vn".into()];
        let found: Vec<String> = warnings(&c, TODAY, 180).iter().map(|w| w.path.clone()).collect();
        assert_eq!(found, ["link_hosts[0]", "documents[1].url", "documents[2].url"]);
        c.link_hosts = vec!["haiphong.gov.vn".into()];
        let found: Vec<String> = warnings(&c, TODAY, 180).iter().map(|w| w.path.clone()).collect();
        assert_eq!(found, ["documents[2].url"]);
    }

    #[test]
    fn fees_need_a_known_source_and_replacements_a_target() {
        use crate::catalog::{Case, Document, Fee, FeeKind, Lifecycle, Status};
        let sourced = Fee { source: Some("NQ-12-2018-HP".into()), ..Fee::new(FeeKind::Charge, Some(8000.0)) };
        let unknown = Fee { source: Some("NQ-99".into()), ..Fee::new(FeeKind::Charge, Some(8000.0)) };
        let bare = Fee::new(FeeKind::Fee, Some(2000.0));
        let not_stated = Fee::new(FeeKind::Charge, None);
        let mut p = procedure(Some(ID), vec![]);
        p.cases = vec![Case {
            name: "Không đúng hạn".into(),
            fees: vec![sourced, unknown, bare, not_stated],
            ..Case::default()
        }];
        p.lifecycle =
            Lifecycle { status: Status::Repealed, replaced_by: vec!["3.000722".into()], ..Lifecycle::default() };
        let mut c = catalog("2026-11-01", vec![p]);
        c.documents.push(Document {
            id: "NQ-12-2018-HP".into(),
            number: "12/2018/NQ-HĐND".into(),
            ..Document::default()
        });
        c.featured.push("9.999999".into());
        let found: Vec<String> = warnings(&c, TODAY, 180).iter().map(|w| w.to_string()).collect();
        assert_eq!(found.len(), 4, "{found:?}");
        assert!(found[0].contains("cases[0].fees[1].source") && found[0].contains("NQ-99"), "{found:?}");
        assert!(found[1].contains("cases[0].fees[2]") && found[1].contains("without a source"), "{found:?}");
        assert!(found[2].contains("lifecycle.replaced_by[0]"), "{found:?}");
        assert!(found[3].starts_with("catalog, field featured[0]"), "{found:?}");
    }

    #[test]
    fn papers_to_show_need_no_count_and_lienthong_procedures_no_uuid() {
        let shown = Paper { name: "Thẻ căn cước".into(), kind: PaperKind::Show, ..Paper::default() };
        let mut p = procedure(None, vec![shown]);
        p.lienthong = Some("3.000722".into());
        assert!(warnings(&catalog("2026-11-01", vec![p]), TODAY, 180).is_empty());
    }
}
