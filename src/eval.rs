//! Measuring search on a set of realistic queries (`tests/search-queries.json`): MRR@10 and
//! recall@5, overall and per kind of query.

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::catalog::Catalog;
use crate::search::Index;

/// The query file.
#[derive(Debug, Clone, Deserialize)]
pub struct QuerySet {
    pub format: String,
    pub queries: Vec<Query>,
}

/// A query and the codes that answer it, in a national catalog and in the demo commune's.
#[derive(Debug, Clone, Deserialize)]
pub struct Query {
    pub q: String,
    pub kind: String,
    #[serde(default)]
    pub national: Vec<String>,
    /// Absent when the query has no answer in the commune catalog.
    #[serde(default)]
    pub commune: Option<Vec<String>>,
}

/// Figures for a group of queries.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Figures {
    pub queries: usize,
    /// Mean of 1/rank of the first acceptable procedure within the first 10 (0 when none).
    pub mrr_at_10: f64,
    /// Share of queries with an acceptable procedure within the first 5.
    pub recall_at_5: f64,
}

/// A query whose answer was not first.
#[derive(Debug, Clone, PartialEq)]
pub struct Miss {
    pub query: String,
    pub kind: String,
    /// Rank of the first acceptable procedure (1-based), if within the first 10.
    pub rank: Option<usize>,
    /// The codes ranked first.
    pub got: Vec<String>,
    pub wanted: Vec<String>,
}

#[derive(Debug, Clone, Default)]
pub struct Report {
    pub overall: Figures,
    pub by_kind: BTreeMap<String, Figures>,
    pub misses: Vec<Miss>,
    /// Queries with no acceptable code in this catalog, not counted.
    pub skipped: usize,
}

/// Reads a query file.
pub fn parse(json: &str) -> Result<QuerySet, String> {
    let set: QuerySet = serde_json::from_str(json).map_err(|e| format!("not a query file: {e}"))?;
    if set.format != "motcua-queries" {
        return Err(format!("not a query file (format is {:?}, expected \"motcua-queries\")", set.format));
    }
    Ok(set)
}

/// Runs every query whose answer is in this catalog: a commune catalog uses the `commune`
/// answers, a national one the `national` answers, each kept to the codes the catalog has.
pub fn evaluate(catalog: &Catalog, index: &Index, set: &QuerySet) -> Report {
    let mut report = Report::default();
    let mut sums: BTreeMap<String, (usize, f64, f64)> = BTreeMap::new();
    for query in &set.queries {
        let wanted: Vec<String> = match (&catalog.commune, &query.commune) {
            (Some(_), Some(codes)) => codes.clone(),
            (Some(_), None) => Vec::new(),
            (None, _) => query.national.clone(),
        };
        let wanted: Vec<String> = wanted.into_iter().filter(|c| catalog.procedure(c).is_some()).collect();
        if wanted.is_empty() {
            report.skipped += 1;
            continue;
        }
        let got: Vec<String> =
            index.search(&query.q, 10).iter().map(|h| catalog.procedures[h.doc].code.clone()).collect();
        let rank = got.iter().position(|c| wanted.contains(c)).map(|i| i + 1);
        let reciprocal = rank.map_or(0.0, |r| 1.0 / r as f64);
        let in_five = if rank.is_some_and(|r| r <= 5) { 1.0 } else { 0.0 };
        for key in ["", query.kind.as_str()] {
            let entry = sums.entry(key.to_string()).or_default();
            entry.0 += 1;
            entry.1 += reciprocal;
            entry.2 += in_five;
        }
        if rank != Some(1) {
            report.misses.push(Miss {
                query: query.q.clone(),
                kind: query.kind.clone(),
                rank,
                got: got.into_iter().take(3).collect(),
                wanted,
            });
        }
    }
    let figures = |(n, mrr, recall): (usize, f64, f64)| Figures {
        queries: n,
        mrr_at_10: if n == 0 { 0.0 } else { mrr / n as f64 },
        recall_at_5: if n == 0 { 0.0 } else { recall / n as f64 },
    };
    for (kind, sum) in sums {
        if kind.is_empty() {
            report.overall = figures(sum);
        } else {
            report.by_kind.insert(kind, figures(sum));
        }
    }
    report
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::Procedure;

    #[test]
    fn figures_follow_the_ranks_of_the_answers() {
        let p = |code: &str, name: &str| Procedure { code: code.into(), name: name.into(), ..Procedure::default() };
        let catalog = Catalog {
            procedures: vec![p("1", "Đăng ký khai sinh"), p("2", "Đăng ký kết hôn"), p("3", "Đăng ký khai tử")],
            ..Catalog::default()
        };
        let set = parse(
            r#"{"format":"motcua-queries","queries":[
                {"q":"khai sinh","kind":"unaccented","national":["1"]},
                {"q":"khai","kind":"partial","national":["3"]},
                {"q":"xyz","kind":"partial","national":["2"]},
                {"q":"ket hon","kind":"unaccented","national":["9"]}]}"#,
        )
        .unwrap();
        let report = evaluate(&catalog, &Index::new(&catalog.procedures), &set);
        assert_eq!(report.skipped, 1, "9 is not in the catalog");
        assert_eq!(report.overall.queries, 3);
        // Ranks: 1, 2 (khai sinh and khai tử tie: catalog order), none.
        assert!((report.overall.mrr_at_10 - (1.0 + 1.0 / 2.0) / 3.0).abs() < 1e-9, "{:?}", report.overall);
        assert!((report.overall.recall_at_5 - 2.0 / 3.0).abs() < 1e-9);
        assert_eq!(report.by_kind["unaccented"].mrr_at_10, 1.0);
        assert_eq!(report.misses.len(), 2);
        assert!(parse(r#"{"format":"other","queries":[]}"#).is_err());
    }
}
