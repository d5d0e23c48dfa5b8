//! The synonym and phrase table (`synonyms.txt`): everyday phrases and abbreviations mapped to
//! the words of official names, and the words that carry no meaning in a query.

use crate::sort::SmallSort;
use std::sync::{Arc, OnceLock};

use super::typo;
use crate::fold;

/// The shipped table.
const TABLE: &str = include_str!(concat!(env!("OUT_DIR"), "/synonyms.txt"));

/// What a reading marked "=~" (only likely) counts.
const LIKELY: f32 = 0.9;
/// What a reading counts when its phrase lies inside a longer phrase the table also knows.
const SUBSUMED: f32 = 0.95;
/// Most query variants tried besides the query itself.
const MAX_VARIANTS: usize = 3;

#[derive(Debug, Clone, PartialEq)]
struct Rule {
    from: Vec<String>,
    to: Arc<[Vec<String>]>,
    /// What its readings count: less for a word with several meanings ("=~").
    factor: f32,
}

/// Phrases by their first word: `(word, positions of the phrases)`, sorted by word.
type ByFirst = Vec<(String, Vec<usize>)>;

fn by_first<'a>(phrases: impl Iterator<Item = &'a Vec<String>>) -> ByFirst {
    let mut firsts: Vec<(&String, usize)> = phrases.enumerate().filter_map(|(i, p)| Some((p.first()?, i))).collect();
    firsts.small_sort();
    let mut table: ByFirst = Vec::new();
    for (word, i) in firsts {
        match table.last_mut() {
            Some((w, list)) if w == word => list.push(i),
            _ => table.push((word.clone(), vec![i])),
        }
    }
    table
}

/// The positions of the phrases that begin with `word`.
fn starting_with<'t>(table: &'t ByFirst, word: &str) -> &'t [usize] {
    match table.binary_search_by(|(w, _)| w.as_str().cmp(word)) {
        Ok(at) => &table[at].1,
        Err(_) => &[],
    }
}

/// The parsed table, folded.
#[derive(Debug, Clone, Default)]
pub struct Synonyms {
    rules: Vec<Rule>,
    /// Stop phrases, longest first.
    stops: Vec<Vec<String>>,
    /// The stop phrases by their first word.
    stops_by_first: ByFirst,
    /// Words that say little, sorted.
    weak: Vec<String>,
    /// Every word of the rules' phrases, sorted: what a query word may be read as.
    known: Vec<String>,
    /// The rules by the first word of their phrase: `(word, rule positions)`, sorted.
    by_first: ByFirst,
    /// How the names of variants of a main procedure begin, longest first.
    pub qualifiers: Vec<Qualifier>,
    /// Phrases that, anywhere in a name, make it a special case ("… có yếu tố nước ngoài").
    pub specials: Vec<Qualifier>,
}

/// The start of a name that makes it a variant of a main procedure: "Cấp lại …", "Gia hạn …".
/// Such a procedure comes after the main one unless the query says one of the `key` words.
#[derive(Debug, Clone, PartialEq)]
pub struct Qualifier {
    /// Words before the key ("cấp" in "cấp lại"): in the name, but saying them is not enough.
    pub lead: Vec<String>,
    pub key: Vec<String>,
}

impl Qualifier {
    /// Reads "(cấp) lại": the lead in brackets, then the key.
    fn parse(item: &str) -> Option<Qualifier> {
        let (lead, key) = match item.trim().strip_prefix('(').and_then(|rest| rest.split_once(')')) {
            Some((lead, key)) => (fold::words(lead), fold::words(key)),
            None => (Vec::new(), fold::words(item)),
        };
        (!key.is_empty()).then_some(Qualifier { lead, key })
    }

    /// The whole phrase, lead then key.
    pub fn words(&self) -> impl Iterator<Item = &String> {
        self.lead.iter().chain(&self.key)
    }
}

impl Synonyms {
    /// The shipped table, read once: every index of the page (each widget, each catalog read
    /// again) shares it.
    pub fn shipped() -> &'static Synonyms {
        static SHIPPED: OnceLock<Synonyms> = OnceLock::new();
        SHIPPED.get_or_init(|| Synonyms::parse(TABLE))
    }

    /// Reads `phrase | phrase => phrase | phrase` lines and the `stop:`, `weak:`, `variant:` and
    /// `special:` lines; `#` starts a comment.
    pub fn parse(text: &str) -> Synonyms {
        let mut table = Synonyms::default();
        for line in text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')) {
            if let Some(list) = line.strip_prefix("stop:") {
                table.stops.extend(list.split(',').map(fold::words).filter(|w| !w.is_empty()));
            } else if let Some(list) = line.strip_prefix("weak:") {
                table.weak.extend(list.split(',').flat_map(fold::words));
            } else if let Some(list) = line.strip_prefix("variant:") {
                table.qualifiers.extend(list.split(',').filter_map(Qualifier::parse));
            } else if let Some(list) = line.strip_prefix("special:") {
                table.specials.extend(list.split(',').filter_map(Qualifier::parse));
            } else if let Some((left, right, factor)) = line
                .split_once("=>")
                .map(|(l, r)| (l, r, 1.0))
                .or_else(|| line.split_once("=~").map(|(l, r)| (l, r, LIKELY)))
            {
                let to: Arc<[Vec<String>]> = right.split('|').map(fold::words).filter(|w| !w.is_empty()).collect();
                for from in left.split('|').map(fold::words).filter(|w| !w.is_empty()) {
                    table.rules.push(Rule { from, to: to.clone(), factor });
                }
            }
        }
        table.stops.small_stable_sort_by_key(|s| std::cmp::Reverse(s.len()));
        table.weak.small_sort();
        table.weak.dedup();
        table.qualifiers.small_stable_sort_by_key(|q| std::cmp::Reverse(q.lead.len() + q.key.len()));
        table.known = table.rules.iter().flat_map(|r| r.from.iter().cloned()).collect();
        table.known.small_sort();
        table.known.dedup();
        // Longer phrases first, so that "mat so do" is tried before "mat".
        table.rules.small_stable_sort_by_key(|r| std::cmp::Reverse(r.from.len()));
        table.by_first = by_first(table.rules.iter().map(|r| &r.from));
        table.stops_by_first = by_first(table.stops.iter());
        table
    }

    /// The table's words a query word may be read as: itself when the table has it, its regional
    /// spellings that the table has, and, for a word neither the table nor the catalog has,
    /// the table's words one slip away.
    fn readings<'a>(&'a self, word: &'a str, is_word: &dyn Fn(&str) -> bool) -> Vec<&'a str> {
        let has = |w: &str| self.knows(w);
        let mut out: Vec<&str> = Vec::new();
        if has(word) {
            out.push(word);
        }
        // "nam căn cước" is "làm căn cước" even though the table also knows "nằm viện".
        for other in typo::regional(word) {
            if let Ok(i) = self.known.binary_search(&other) {
                out.push(&self.known[i]);
            }
        }
        // A word of the catalog or of the table is no slip.
        let k = typo::max_edits(word.len());
        if k > 0 && !has(word) && !is_word(word) {
            out.extend(self.known.iter().filter(|w| typo::within(word, w, k)).map(String::as_str));
        }
        out
    }

    /// True when the table's phrases cover every word of the query that means something:
    /// then the query as typed is most likely not meant word for word ("sổ đỏ").
    pub fn covers(&self, words: &[String], variants: &[Variant]) -> bool {
        let kept = self.kept(words);
        let meaningful: Vec<&String> = kept.iter().map(|&i| &words[i]).filter(|w| !self.is_weak(w)).collect();
        !meaningful.is_empty()
            && variants.iter().any(|v| v.factor >= 1.0 && meaningful.iter().all(|w| !v.words.contains(w)))
    }

    /// True for a word of the table's phrases ("gcn", "sổ"): not a slip of another word.
    pub fn knows(&self, word: &str) -> bool {
        self.known.binary_search_by(|k| k.as_str().cmp(word)).is_ok()
    }

    /// True for a word that says little about which procedure is meant.
    pub fn is_weak(&self, word: &str) -> bool {
        self.weak.binary_search_by(|w| w.as_str().cmp(word)).is_ok()
    }

    /// The positions of the query's words that are not stop phrases; all of them when nothing
    /// else would be left.
    pub fn kept(&self, words: &[String]) -> Vec<usize> {
        let mut keep = vec![true; words.len()];
        // Only the stop phrases that begin with a word of the query, in the table's order.
        let mut stops: Vec<usize> =
            words.iter().flat_map(|w| starting_with(&self.stops_by_first, w)).copied().collect();
        stops.small_sort();
        stops.dedup();
        for stop in stops.into_iter().map(|i| &self.stops[i]) {
            for start in 0..words.len().saturating_sub(stop.len() - 1) {
                let span = start..start + stop.len();
                if keep[span.clone()].iter().all(|k| *k) && words[span.clone()] == stop[..] {
                    keep[span].iter_mut().for_each(|k| *k = false);
                }
            }
        }
        let kept: Vec<usize> = (0..words.len()).filter(|&i| keep[i]).collect();
        if kept.is_empty() {
            (0..words.len()).collect()
        } else {
            kept
        }
    }

    /// The query without its stop phrases; the query itself when nothing else would be left.
    #[cfg(test)]
    pub fn without_stops(&self, words: &[String]) -> Vec<String> {
        self.kept(words).into_iter().map(|i| words[i].clone()).collect()
    }

    /// Other ways to say the query: each rule whose phrase occurs, replaced by each of its
    /// expansions; then all non-overlapping rules at once (longest phrases first).
    /// `is_word` tells the words of the catalog, which are not read as slips of others.
    pub fn variants(&self, words: &[String], is_word: &dyn Fn(&str) -> bool) -> Vec<Variant> {
        // Each query word as the table's words it may be: itself, a regional spelling, a slip.
        let readings: Vec<Vec<&str>> = words.iter().map(|w| self.readings(w, is_word)).collect();
        // (rule position, start), looked up by each reading of each query word.
        let mut hits: Vec<(usize, usize)> = Vec::new();
        for (start, first) in readings.iter().enumerate() {
            for word in first {
                for &i in starting_with(&self.by_first, word) {
                    let from = &self.rules[i].from;
                    let fits = start + from.len() <= words.len()
                        && from.iter().zip(&readings[start..]).all(|(w, r)| r.contains(&w.as_str()));
                    if fits {
                        hits.push((i, start));
                    }
                }
            }
        }
        // In the table's order (longer phrases first), then from the left.
        hits.small_sort();
        hits.dedup();
        let found: Vec<(usize, &Rule)> = hits.into_iter().map(|(i, start)| (start, &self.rules[i])).collect();
        let replace = |v: &Variant, start: usize, rule: &Rule, to: &[String]| -> Variant {
            let mut out =
                Variant { words: v.words[..start].to_vec(), said: v.said[..start].to_vec(), factor: v.factor };
            out.words.extend(to.iter().cloned());
            out.said.extend(to.iter().map(|_| true));
            out.words.extend(v.words[start + rule.from.len()..].iter().cloned());
            out.said.extend(v.said[start + rule.from.len()..].iter().copied());
            out
        };
        let typed = Variant { words: words.to_vec(), said: vec![false; words.len()], factor: 1.0 };
        // A rule whose phrase lies inside a longer rule's phrase is the less likely reading:
        // "công chứng giấy tờ" is a certified copy, more than "công chứng" alone.
        let inside = |start: usize, rule: &Rule| {
            found.iter().any(|(s, r)| {
                r.from.len() > rule.from.len() && *s <= start && start + rule.from.len() <= s + r.from.len()
            })
        };
        let mut out: Vec<Variant> = Vec::new();
        for (start, rule) in &found {
            for to in rule.to.iter() {
                let mut variant = replace(&typed, *start, rule, to);
                variant.factor = rule.factor * if inside(*start, rule) { SUBSUMED } else { 1.0 };
                if !out.iter().any(|v| v.words == variant.words) && variant.words != words {
                    out.push(variant);
                }
            }
        }
        // Every rule at once, for queries that mix everyday words: "lam cccd cho con moi sinh".
        if found.len() > 1 {
            let mut taken = vec![false; words.len()];
            let mut chosen: Vec<(usize, &Rule)> = Vec::new();
            // Longest phrases first, and of equals the one further left: "mất gcn | qsdd".
            let mut by_length = found.clone();
            by_length.small_stable_sort_by_key(|(start, rule)| (std::cmp::Reverse(rule.from.len()), *start));
            for (start, rule) in &by_length {
                let span = *start..*start + rule.from.len();
                if taken[span.clone()].iter().all(|t| !*t) {
                    taken[span].iter_mut().for_each(|t| *t = true);
                    chosen.push((*start, rule));
                }
            }
            if chosen.len() > 1 {
                chosen.small_sort_by_key(|(start, _)| std::cmp::Reverse(*start));
                let mut all = typed.clone();
                for (start, rule) in chosen {
                    all = replace(&all, start, rule, &rule.to[0]);
                    all.factor *= rule.factor;
                }
                out.insert(0, all);
            }
        }
        out.truncate(MAX_VARIANTS);
        out
    }
}

/// The query said another way.
#[derive(Debug, Clone, PartialEq)]
pub struct Variant {
    pub words: Vec<String>,
    /// Per word: true when it comes from the table (the official way of saying it).
    pub said: Vec<bool>,
    /// What this reading's scores count.
    pub factor: f32,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        fold::words(text)
    }

    fn readings(table: &Synonyms, text: &str) -> Vec<Vec<String>> {
        table.variants(&words(text), &|_| false).into_iter().map(|v| v.words).collect()
    }

    #[test]
    fn everyday_words_and_abbreviations_become_official_words() {
        let table = Synonyms::shipped();
        assert!(readings(table, "so do").contains(&words("giay chung nhan quyen su dung dat")));
        assert!(readings(table, "nhập hộ khẩu").contains(&words("dang ky thuong tru")));
        assert!(readings(table, "lam cccd").iter().any(|v| v == &words("cap the can cuoc")));
        assert!(readings(table, "the bhyt").contains(&words("the bao hiem y te")));
        // Every expansion of a rule is tried.
        let cmnd = readings(table, "cmnd");
        assert!(cmnd.contains(&words("chung minh nhan dan")) && cmnd.contains(&words("can cuoc")));
    }

    #[test]
    fn longer_phrases_are_tried_first_and_mixed_queries_get_every_rule_at_once() {
        let table = Synonyms::shipped();
        let lost = readings(table, "mat so do");
        assert_eq!(lost[0], words("cap lai giay chung nhan do bi mat"), "{lost:?}");
        let mixed = readings(table, "xac nhan doc than de cuoi");
        assert_eq!(mixed[0], words("xac nhan tinh trang hon nhan de dang ky ket hon"), "{mixed:?}");
        assert!(readings(table, "khai sinh").is_empty());
        // Misspelled everyday words still read as the table's: "xổ đỏ", "tahc khẩu".
        assert!(readings(table, "lam xo do").contains(&words("cap giay chung nhan quyen su dung dat lan dau")));
        assert!(readings(table, "tahc ho khau").contains(&words("tach ho")));
    }

    #[test]
    fn stop_words_go_unless_nothing_is_left() {
        let table = Synonyms::shipped();
        assert_eq!(table.without_stops(&words("tôi muốn xin thủ tục khai sinh")), words("khai sinh"));
        assert_eq!(table.without_stops(&words("thủ tục")), words("thu tuc"));
        assert!(table.is_weak("vua") && table.is_weak("bo") && !table.is_weak("khai"));
        // "can" is "căn" in "căn cước", not "cần": it stays.
        assert_eq!(table.without_stops(&words("lam the can cuoc")), words("lam the can cuoc"));
    }
}
