//! Search over a catalog's procedures: diacritics and case ignored, the last word
//! matched as a prefix while typing, word order free, the whole phrase ranked above
//! all words above some words, codes found with or without their dot.

use std::collections::HashMap;

use crate::catalog::{Procedure, Status};
use crate::fold;

/// Which part of a procedure a word was found in; the weight ranks the parts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Part {
    Field,
    Results,
    /// Keywords written by commune staff.
    Keyword,
    Name,
    /// The commune's everyday name for the procedure.
    Friendly,
}

impl Part {
    fn weight(self) -> f32 {
        match self {
            Part::Friendly => 3.5,
            Part::Name => 3.0,
            Part::Keyword => 2.5,
            Part::Results => 1.5,
            Part::Field => 1.0,
        }
    }
}

/// What a repealed procedure loses: still found, but after the ones in force.
const REPEALED_PENALTY: f32 = 50.0;

/// A matched word found only as a prefix counts this much of an exact one.
const PREFIX_FACTOR: f32 = 0.7;

#[derive(Debug, Clone, Copy)]
struct Posting {
    doc: u32,
    part: Part,
}

#[derive(Debug)]
struct Doc {
    /// The official name as word ids, in order.
    name: Vec<u32>,
    /// The friendly name and keywords as word ids, for phrase matching besides the name.
    phrases: Vec<Vec<u32>>,
    repealed: bool,
    /// The code without its dots, e.g. `1001193`.
    code_digits: String,
}

/// One search result: the procedure's position in the catalog and its score.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Hit {
    pub doc: usize,
    pub score: f32,
}

/// An inverted index over a list of procedures.
#[derive(Debug)]
pub struct Index {
    /// Sorted vocabulary of folded words; a word's id is its position.
    words: Vec<String>,
    postings: Vec<Vec<Posting>>,
    docs: Vec<Doc>,
}

impl Index {
    pub fn new(procedures: &[Procedure]) -> Index {
        let mut ids: HashMap<String, u32> = HashMap::new();
        let mut postings: Vec<Vec<Posting>> = Vec::new();
        let mut docs = Vec::with_capacity(procedures.len());
        for (doc, procedure) in procedures.iter().enumerate() {
            let doc = doc as u32;
            let mut add = |text: &str, part: Part| -> Vec<u32> {
                let mut seq = Vec::new();
                for word in fold::words(text) {
                    let next = ids.len() as u32;
                    let id = *ids.entry(word).or_insert(next);
                    if id == next {
                        postings.push(Vec::new());
                    }
                    let list = &mut postings[id as usize];
                    if !list.iter().rev().take(8).any(|p| p.doc == doc && p.part == part) {
                        list.push(Posting { doc, part });
                    }
                    seq.push(id);
                }
                seq
            };
            let name = add(&procedure.name, Part::Name);
            let mut phrases = Vec::new();
            if let Some(friendly) = &procedure.friendly_name {
                phrases.push(add(friendly, Part::Friendly));
            }
            for keyword in &procedure.keywords {
                phrases.push(add(keyword, Part::Keyword));
            }
            if let Some(field) = &procedure.field {
                add(field, Part::Field);
            }
            for result in &procedure.results {
                add(result, Part::Results);
            }
            let repealed = procedure.lifecycle.status == Status::Repealed;
            docs.push(Doc { name, phrases, repealed, code_digits: digits(&procedure.code) });
        }

        // Sort the vocabulary so that prefixes are ranges, and renumber.
        let mut words: Vec<(String, u32)> = ids.into_iter().collect();
        words.sort_unstable();
        let mut renumber = vec![0u32; words.len()];
        for (new, (_, old)) in words.iter().enumerate() {
            renumber[*old as usize] = new as u32;
        }
        let mut sorted_postings = vec![Vec::new(); words.len()];
        for (old, list) in postings.into_iter().enumerate() {
            sorted_postings[renumber[old] as usize] = list;
        }
        for doc in &mut docs {
            for id in doc.name.iter_mut().chain(doc.phrases.iter_mut().flatten()) {
                *id = renumber[*id as usize];
            }
        }
        Index { words: words.into_iter().map(|(w, _)| w).collect(), postings: sorted_postings, docs }
    }

    /// Number of distinct words indexed.
    pub fn vocabulary_len(&self) -> usize {
        self.words.len()
    }

    /// The best `limit` procedures for `query`, best first; ties go to the earlier procedure.
    pub fn search(&self, query: &str, limit: usize) -> Vec<Hit> {
        let mut hits = match code_query(query) {
            Some(code) => self.search_code(&code),
            None => self.search_words(&fold::words(query)),
        };
        hits.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.doc.cmp(&b.doc)));
        hits.truncate(limit);
        hits
    }

    fn search_code(&self, code: &str) -> Vec<Hit> {
        self.docs
            .iter()
            .enumerate()
            .filter(|(_, d)| d.code_digits.starts_with(code))
            .map(|(doc, d)| Hit { doc, score: if d.code_digits == code { 1000.0 } else { 900.0 } })
            .collect()
    }

    fn search_words(&self, query: &[String]) -> Vec<Hit> {
        if query.is_empty() {
            return Vec::new();
        }
        // Word ids each query word matches, with the factor of that match.
        let matches: Vec<Vec<(u32, f32)>> =
            query.iter().enumerate().map(|(i, word)| self.matching_words(word, i + 1 == query.len())).collect();

        // Per document: the best weight found for each query word.
        let mut found: HashMap<u32, Vec<f32>> = HashMap::new();
        for (qi, candidates) in matches.iter().enumerate() {
            for &(id, factor) in candidates {
                for posting in &self.postings[id as usize] {
                    let weights = found.entry(posting.doc).or_insert_with(|| vec![0.0; query.len()]);
                    weights[qi] = weights[qi].max(posting.part.weight() * factor);
                }
            }
        }

        found
            .into_iter()
            .map(|(doc, weights)| {
                let matched = weights.iter().filter(|w| **w > 0.0).count();
                let doc_entry = &self.docs[doc as usize];
                // The shortest of the name, friendly name and keywords that holds the whole phrase.
                let phrase = std::iter::once(&doc_entry.name)
                    .chain(&doc_entry.phrases)
                    .filter(|p| matched == query.len() && phrase_in(p, &matches))
                    .map(Vec::len)
                    .min();
                let tier = match phrase {
                    _ if matched < query.len() => 1.0,
                    Some(_) => 3.0,
                    None => 2.0,
                };
                let coverage = matched as f32 / query.len() as f32;
                let weight: f32 = weights.iter().sum::<f32>() / query.len() as f32;
                // Shorter names are more specific: "Đăng ký kết hôn" before "… có yếu tố nước ngoài";
                // a phrase found in a keyword counts that keyword's length.
                let length = phrase.unwrap_or(doc_entry.name.len()) as f32;
                let penalty = if doc_entry.repealed { REPEALED_PENALTY } else { 0.0 };
                let score = tier * 100.0 + coverage * 20.0 + weight * 3.0 - length.min(60.0) * 0.15 - penalty;
                Hit { doc: doc as usize, score }
            })
            .collect()
    }

    /// Ids of the vocabulary words `word` matches: itself, and when `prefix`, every word it starts.
    fn matching_words(&self, word: &str, prefix: bool) -> Vec<(u32, f32)> {
        let start = self.words.partition_point(|w| w.as_str() < word);
        let mut out = Vec::new();
        for (offset, candidate) in self.words[start..].iter().enumerate() {
            let id = (start + offset) as u32;
            if candidate == word {
                out.push((id, 1.0));
            } else if prefix && candidate.starts_with(word) {
                out.push((id, PREFIX_FACTOR));
            } else {
                break;
            }
        }
        out
    }
}

/// True when the query words appear one after another, in order, in `name`.
fn phrase_in(name: &[u32], matches: &[Vec<(u32, f32)>]) -> bool {
    let n = matches.len();
    n <= name.len()
        && name
            .windows(n)
            .any(|window| window.iter().zip(matches).all(|(id, candidates)| candidates.iter().any(|(c, _)| c == id)))
}

fn digits(code: &str) -> String {
    code.chars().filter(char::is_ascii_digit).collect()
}

/// The digits of a query that is a procedure code (`1.001193`, `1001193`, `1.0011`), if it is one.
fn code_query(query: &str) -> Option<String> {
    let q = query.trim();
    let looks_like_code = !q.is_empty() && q.chars().all(|c| c.is_ascii_digit() || c == '.');
    let d = digits(q);
    (looks_like_code && d.len() >= 4).then_some(d)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::RecordSource;

    fn procedure(code: &str, name: &str, field: &str) -> Procedure {
        Procedure {
            code: code.into(),
            name: name.into(),
            field: Some(field.into()),
            source: RecordSource::PortalIndex,
            ..Procedure::default()
        }
    }

    fn catalog() -> Vec<Procedure> {
        vec![
            procedure("1.000894", "Thủ tục đăng ký kết hôn", "Hộ tịch"),
            procedure("1.001193", "Thủ tục đăng ký khai sinh", "Hộ tịch"),
            procedure("1.004884", "Thủ tục đăng ký lại khai sinh", "Hộ tịch"),
            procedure("2.000528", "Thủ tục đăng ký khai sinh có yếu tố nước ngoài", "Hộ tịch"),
            procedure("1.000080", "Thủ tục đăng ký kết hôn có yếu tố nước ngoài", "Hộ tịch"),
            procedure("1.004194", "Đăng ký thường trú", "Đăng ký, quản lý cư trú"),
            procedure("9.000001", "Kết quả đăng ký hôn nhân", "Khác"),
        ]
    }

    fn codes(index: &Index, procedures: &[Procedure], query: &str) -> Vec<String> {
        index.search(query, 10).iter().map(|h| procedures[h.doc].code.clone()).collect()
    }

    #[test]
    fn unaccented_queries_find_accented_names() {
        let p = catalog();
        let index = Index::new(&p);
        assert_eq!(codes(&index, &p, "dang ky ket hon")[0], "1.000894");
        assert_eq!(codes(&index, &p, "khai sinh")[0], "1.001193");
        assert_eq!(codes(&index, &p, "ĐĂNG KÍ KẾT HÔN")[0], "1.000894");
    }

    #[test]
    fn the_last_word_is_a_prefix_while_typing() {
        let p = catalog();
        let index = Index::new(&p);
        assert_eq!(codes(&index, &p, "ket ho")[0], "1.000894");
        assert_eq!(codes(&index, &p, "thuong tr")[0], "1.004194");
        // Earlier words must be whole: "ke hon" is not "kết hôn".
        assert!(codes(&index, &p, "ke hon").iter().all(|c| c == "1.000894" || c == "1.000080" || c == "9.000001"));
    }

    #[test]
    fn whole_phrase_beats_all_words_beats_some_words() {
        let p = catalog();
        let index = Index::new(&p);
        // 9.000001 has all of "dang", "ket", "hon" but not as a phrase.
        let ranked = codes(&index, &p, "dang ky ket hon");
        let pos = |c: &str| ranked.iter().position(|x| x == c).unwrap();
        assert!(pos("1.000080") < pos("9.000001"), "{ranked:?}");
        assert!(pos("9.000001") < pos("1.001193"), "{ranked:?}");
    }

    #[test]
    fn word_order_does_not_matter_for_finding() {
        let p = catalog();
        let index = Index::new(&p);
        assert_eq!(codes(&index, &p, "hon ket")[0], "1.000894");
    }

    #[test]
    fn codes_are_found_with_or_without_the_dot() {
        let p = catalog();
        let index = Index::new(&p);
        assert_eq!(codes(&index, &p, "1.001193"), vec!["1.001193"]);
        assert_eq!(codes(&index, &p, "1001193"), vec!["1.001193"]);
        assert_eq!(codes(&index, &p, "1.0011"), vec!["1.001193"]);
    }

    #[test]
    fn staff_names_and_keywords_find_procedures_and_repealed_ones_come_last() {
        let mut p = catalog();
        p[1].friendly_name = Some("Làm giấy khai sinh cho con".into());
        p[1].keywords = vec!["sinh con".into(), "đẻ con".into()];
        let index = Index::new(&p);
        assert_eq!(codes(&index, &p, "de con")[0], "1.001193");
        assert_eq!(codes(&index, &p, "lam giay khai sinh")[0], "1.001193");
        // A keyword phrase weighs as much as a short name, however long the official name.
        p[3].keywords = vec!["khai sinh".into()];
        let index = Index::new(&p);
        assert_eq!(codes(&index, &p, "khai sinh")[..2], ["1.001193", "2.000528"]);
        // Repealed: still found, after the procedures in force that match as well.
        p[1].lifecycle.status = Status::Repealed;
        let index = Index::new(&p);
        let ranked = codes(&index, &p, "dang ky khai sinh");
        assert_eq!(ranked[0], "2.000528", "{ranked:?}");
        assert!(ranked.contains(&"1.001193".to_string()));
    }

    #[test]
    fn nothing_matches_nothing() {
        let p = catalog();
        let index = Index::new(&p);
        assert!(index.search("", 10).is_empty());
        assert!(index.search("   ", 10).is_empty());
        assert!(index.search("xyzw", 10).is_empty());
    }
}
