//! Warnings about a catalog that loads but would serve citizens less well than it should.

use super::{Catalog, PaperKind, Problem};
use crate::date::Date;
use crate::portal;

/// A catalog older than this many days is stale unless the caller says otherwise.
pub const DEFAULT_MAX_AGE_DAYS: i64 = 180;

/// Where a warning about the whole catalog points.
const CATALOG: usize = usize::MAX;

/// Warnings, in record order: a missing or malformed portal id (no direct portal link), a paper
/// with no count of originals or copies, and a stale or undated catalog (record index
/// `usize::MAX`, shown as the catalog itself).
pub fn warnings(catalog: &Catalog, today: Date, max_age_days: i64) -> Vec<Problem> {
    let mut out = Vec::new();
    let whole = |path: &str, message: String| Problem { index: CATALOG, code: None, path: path.into(), message };
    match Date::parse(&catalog.generated_at) {
        None => out.push(whole("generated_at", format!("{:?} is not a date (YYYY-MM-DD)", catalog.generated_at))),
        Some(generated) => {
            let age = today.unix_days() - generated.unix_days();
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
        let mut warn = |path: String, message: &str| {
            out.push(Problem { index, code: Some(p.code.clone()), path, message: message.into() })
        };
        match p.portal_id.as_deref() {
            None => {
                warn("portal_id".into(), "no portal id (formalityId): only the portal's keyword search can be linked")
            }
            Some(id) if !portal::is_portal_id(id) => {
                warn("portal_id".into(), "not a UUID: no portal link will be made")
            }
            Some(_) => {}
        }
        for (g, group) in p.paper_groups.iter().enumerate() {
            for (i, paper) in group.papers.iter().enumerate() {
                if paper.kind != PaperKind::Note && paper.original == 0 && paper.copy == 0 {
                    warn(format!("paper_groups[{g}].papers[{i}]"), "paper without a count of originals or copies");
                }
            }
        }
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
        assert!(warnings(&catalog("2026-11-01", vec![procedure(Some(ID), papers)]), TODAY, 180).is_empty());
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
}
