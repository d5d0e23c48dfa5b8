//! Search over a catalog's procedures, for the way citizens type: without diacritics, with
//! slips and regional spellings, in everyday words and abbreviations, one keystroke at a time.
//!
//! A query is folded into words; stop words go; the synonym table (`synonyms.txt`) adds other
//! ways to say it. Each word matches vocabulary words exactly, as a prefix (the word being
//! typed), by regional spelling or by a slip, each worth less than the one before. A procedure
//! scores by how much of the query it covers (rare words count more), where the words were found
//! (friendly name > official name > keywords > results > papers > field), whether they stand
//! together as in the query, and a small prior; repealed procedures come after those in force.

mod filter;
mod highlight;
mod stored;
mod synonyms;
mod typo;
mod vocabulary;

pub use filter::{life_event_counts, Filter};
pub use highlight::highlight;
pub use stored::Unfit;

use crate::sort::SmallSort;
use std::collections::HashMap;
use std::rc::Rc;
use std::sync::Mutex;

use crate::catalog::{is_commune_body, Catalog, PaperKind, Procedure, RecordSource, Status};
use crate::fold;
use crate::hash::BuildFastHasher;
use synonyms::{Qualifier, Synonyms, Variant};
use vocabulary::Vocabulary;

/// Where a word was found; the weight ranks the parts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
#[repr(u8)]
enum Part {
    Field = 0,
    Papers = 1,
    Results = 2,
    Keyword = 3,
    Name = 4,
    Friendly = 5,
}

const PARTS: [Part; 6] = [Part::Field, Part::Papers, Part::Results, Part::Keyword, Part::Name, Part::Friendly];

impl Part {
    fn weight(self) -> f32 {
        match self {
            Part::Friendly => 3.5,
            Part::Name => 3.0,
            Part::Keyword => 2.5,
            Part::Results => 1.5,
            Part::Papers => 1.0,
            Part::Field => 0.8,
        }
    }
}

/// How much a match counts, by how the query word matched.
const EXACT: f32 = 1.0;
const PREFIX: f32 = 0.8;
const REGIONAL: f32 = 0.6;
const SLIP: f32 = 0.55;
/// When the synonym table knows a phrase of the query, the query as typed counts this much of
/// the query said the official way: "sổ đỏ" means the land certificate, not "sở" + "đỏ".
const AS_TYPED: f32 = 0.97;
/// … and this much when the table's phrases cover every meaningful word of the query.
const AS_TYPED_COVERED: f32 = 0.9;
/// What a name entirely said by the query adds (less for a name the query says part of).
const NAME_TOLD: f32 = 25.0;
/// A word found in more than 1/COMMON_SHARE of the procedures brings no candidates of its own.
const COMMON_SHARE: usize = 14;
const SMALL_CATALOG: usize = 2_000;
/// A procedure that says less of the query than this share (by rarity) does not match it:
/// "sang tên sổ đỏ" does not find every procedure with "tên" in it.
const MIN_COVERAGE: f32 = 0.3;
/// In a reading from the synonym table, what the words around the table's words count.
const AROUND_SAID: f32 = 0.5;
/// What a matched weak word ("bố", "vừa") adds; other words make the coverage.
const WEAK_BONUS: f32 = 1.5;
/// Query words beyond this many are ignored.
const MAX_WORDS: usize = 10;
/// Words the last, unfinished word may stand for, the most frequent first.
const MAX_PREFIX_WORDS: usize = 40;
/// A word's postings are looked up per candidate when the list is this many times longer.
const LOOKUP_RATIO: usize = 16;
/// Candidates whose word order is compared with the query's.
const PHRASE_CANDIDATES: usize = 30;
/// Characters of a paper's row that are indexed: its name, not the explanation after it.
const PAPER_HEAD: usize = 50;
/// Shorter names are more specific ("Đăng ký kết hôn" before "… có yếu tố nước ngoài"):
/// each word of the name costs this much, up to `MAX_LENGTH` words.
const LENGTH_PENALTY: f32 = 0.12;
const MAX_LENGTH: usize = 25;
/// What a variant of a main procedure ("Cấp lại …") loses when the query does not ask for it.
const VARIANT_PENALTY: f32 = 20.0;
/// What a special case ("… có yếu tố nước ngoài") loses when the query does not ask for it.
const SPECIAL_PENALTY: f32 = 8.0;
/// What a repealed procedure loses: still found, after the ones in force.
const REPEALED_PENALTY: f32 = 50.0;

/// One search result: the procedure's position in the catalog and its score.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Hit {
    pub doc: usize,
    pub score: f32,
}

#[derive(Debug)]
struct Doc {
    /// Word ids of the official name, then of the friendly name and each keyword.
    phrases: Vec<Vec<u32>>,
    /// Words of the official name, without a leading "Thủ tục", at most `MAX_LENGTH`.
    length: usize,
    /// The code without its dots, e.g. `1001193`.
    code_digits: String,
}

impl Doc {
    fn new(phrases: Vec<Vec<u32>>, leading: usize, code_digits: String) -> Doc {
        let length = phrases.first().map_or(0, |name| name.len() - leading).min(MAX_LENGTH);
        Doc { phrases, length, code_digits }
    }
}

/// The id of `word` in a sorted vocabulary: its position.
fn word_id(words: &[String], word: &str) -> Option<u32> {
    words.binary_search_by(|w| w.as_str().cmp(word)).ok().map(|id| id as u32)
}

/// How many words at the start of `name` are "Thủ tục" (2 or 0), which says nothing about it.
fn leading(name: &[u32], thu: Option<u32>, tuc: Option<u32>) -> usize {
    match (thu, tuc) {
        (Some(a), Some(b)) if name.starts_with(&[a, b]) => 2,
        _ => 0,
    }
}

/// What scoring needs of each document met, apart from `Doc`: small, and side by side.
#[derive(Debug, Clone, Copy)]
struct Standing {
    /// The prior, less the length penalty and, for a repealed procedure, the repealed one.
    base: f32,
    /// The variant its name begins as ("Cấp lại …") and the special case it names ("… có yếu
    /// tố nước ngoài"): positions in `Index::qualifiers`, or `UNQUALIFIED`.
    variant: u16,
    special: u16,
}

const UNQUALIFIED: u16 = u16::MAX;

/// An inverted index over a list of procedures.
#[derive(Debug)]
pub struct Index {
    /// Sorted vocabulary of folded words; a word's id is its position.
    words: Vec<String>,
    /// Word ids by word length, for slips.
    by_len: Vec<Vec<u32>>,
    /// How much each word says: ln(1 + documents / documents with it).
    word_idf: Vec<f32>,
    /// For common words (in more than 1/`COMMON_SHARE` of a large catalog): their row in
    /// `dense`, else `u32::MAX`.
    dense_row: Vec<u32>,
    /// Rows of one byte per document: 0 when the word is not in it, else its part + 1. A common
    /// word brings no candidates: it is looked up for the ones met rather than walked.
    dense: Vec<u8>,
    /// Per word: `doc << 3 | part`, one entry per document (its best part), in document order.
    postings: Vec<Vec<u32>>,
    docs: Vec<Doc>,
    standing: Vec<Standing>,
    /// The words that ask for each variant, then for each special case.
    qualifiers: Vec<Vec<u32>>,
    synonyms: &'static Synonyms,
    /// Kept between queries, so that each does not allocate and fill them again.
    buffers: Mutex<Buffers>,
}

/// The best score of each document over the ways a query was said.
#[derive(Debug, Default)]
struct Scores {
    score: Vec<f32>,
    touched: Vec<usize>,
}

impl Scores {
    fn keep(&mut self, doc: usize, score: f32) {
        if self.score[doc] == f32::NEG_INFINITY {
            self.touched.push(doc);
        }
        self.score[doc] = self.score[doc].max(score);
    }

    /// The scores kept, leaving the table clean for the next query.
    fn take(&mut self) -> Vec<Hit> {
        let hits = self.touched.iter().map(|&doc| Hit { doc, score: self.score[doc] }).collect();
        for &doc in &self.touched {
            self.score[doc] = f32::NEG_INFINITY;
        }
        self.touched.clear();
        hits
    }
}

/// What queries work in, sized for the catalog once and left clean by each query.
#[derive(Debug, Default)]
struct Buffers {
    scratch: Scratch,
    scores: Scores,
}

/// Where a word of a reading comes from: it decides what the word may stand for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Source {
    /// Typed by the citizen: the word, its regional spellings and its slips.
    Typed,
    /// The last word typed, perhaps unfinished: also the words it begins.
    Typing,
    /// Said by the synonym table: the word alone, spelled as it should be.
    Table,
}

impl Source {
    /// The sources of the `kept` words of a reading, `said` by the table or typed.
    fn of(kept: &[usize], said: &[bool]) -> Vec<Source> {
        let last = kept.len().saturating_sub(1);
        kept.iter()
            .enumerate()
            .map(|(k, &i)| match (said[i], k == last) {
                (true, _) => Source::Table,
                (false, true) => Source::Typing,
                (false, false) => Source::Typed,
            })
            .collect()
    }
}

/// One way of saying the query, to score.
#[derive(Clone, Copy)]
struct Reading<'r> {
    words: &'r [String],
    sources: &'r [Source],
    /// Per word: what its rarity counts (less for the words around the synonym table's).
    emphasis: &'r [f32],
    /// What this reading's scores count.
    factor: f32,
    /// The only candidates, when given.
    seed: Option<&'r [usize]>,
}

/// Buffers the readings of a query share; each reading leaves them as it found them.
#[derive(Debug, Default)]
struct Scratch {
    /// Per document: its row in `cells`, or `u32::MAX`.
    slot: Vec<u32>,
    /// Per vocabulary word: the bit of each (non-weak) query word it stands for, and whether
    /// any query word stands for it.
    mask: Vec<u16>,
    said: Vec<bool>,
    /// Per document met and query word: the best factor, and the best factor × part weight,
    /// in a row of `2q` cells per document, in the order met.
    cells: Vec<f32>,
    /// The documents met, in order.
    touched: Vec<u32>,
}

/// The terms of a query's words already looked up, by word and source.
type Known = Vec<(String, Source, Term)>;

/// A query word and what it may stand for: `(word id, factor)`.
#[derive(Clone)]
struct Term {
    alternatives: Rc<[(u32, f32)]>,
    /// How much the word says: rare words more.
    idf: f32,
    /// A word that says little ("bố", "vừa"): it neither covers the query nor orders it.
    weak: bool,
}

impl Index {
    /// An index over procedures alone.
    pub fn new(procedures: &[Procedure]) -> Index {
        Index::build(procedures, &[])
    }

    /// An index over a catalog: a life event's name also finds its procedures.
    pub fn from_catalog(catalog: &Catalog) -> Index {
        let mut groups: Vec<Vec<&str>> = vec![Vec::new(); catalog.procedures.len()];
        let position: HashMap<&str, usize> =
            catalog.procedures.iter().enumerate().map(|(i, p)| (p.code.as_str(), i)).collect();
        for event in &catalog.life_events {
            for code in &event.procedures {
                if let Some(&i) = position.get(code.as_str()) {
                    groups[i].push(&event.name);
                }
            }
        }
        Index::build(&catalog.procedures, &groups)
    }

    fn build<'a>(procedures: &'a [Procedure], groups: &[Vec<&'a str>]) -> Index {
        let synonyms = Synonyms::shipped();
        // Sized for a national catalog: about 12,000 words and as many distinct texts.
        let mut vocabulary = Vocabulary::with_capacity(16_384);
        let mut postings: Vec<Vec<u32>> = Vec::with_capacity(16_384);
        let mut docs = Vec::with_capacity(procedures.len());
        let mut leadings = Vec::with_capacity(procedures.len());
        let mut priors = Vec::with_capacity(procedures.len());
        let mut buffer = String::new();
        // Texts already read, as ranges of `read`: papers, results and fields repeat across
        // procedures ("Tờ khai …", "Hộ tịch"), and are folded once.
        let mut texts: HashMap<&'a str, (usize, usize), BuildFastHasher> =
            HashMap::with_capacity_and_hasher(16_384, Default::default());
        // Agencies recur too: whether each is a commune body is decided once.
        let mut bodies: HashMap<&'a str, bool, BuildFastHasher> = HashMap::default();
        let mut read: Vec<u32> = Vec::new();
        for (doc, p) in procedures.iter().enumerate() {
            let doc = doc as u32;
            // Parts in falling weight: a word keeps the first (best) part it is found in. The
            // word ids in order are kept for names and keywords only.
            let mut add = |text: &'a str, part: Part| -> Vec<u32> {
                let mut fold_text = || {
                    let start = read.len();
                    fold::each_word(text, &mut buffer, |word| {
                        let (id, new) = vocabulary.intern(word);
                        if new {
                            postings.push(Vec::new());
                        }
                        read.push(id);
                    });
                    (start, read.len())
                };
                // Names and keywords seldom recur: they are folded without looking them up.
                let (start, end) = match part >= Part::Keyword {
                    true => fold_text(),
                    false => *texts.entry(text).or_insert_with(fold_text),
                };
                let words = &read[start..end];
                for &id in words {
                    let list = &mut postings[id as usize];
                    if list.last().is_none_or(|last| last >> 3 != doc) {
                        list.push(doc << 3 | part as u32);
                    }
                }
                if part >= Part::Keyword {
                    words.to_vec()
                } else {
                    Vec::new()
                }
            };
            let mut phrases = Vec::new();
            let friendly = p.friendly_name.as_deref().map(|f| add(f, Part::Friendly));
            phrases.push(add(&p.name, Part::Name));
            phrases.extend(friendly);
            for keyword in &p.keywords {
                phrases.push(add(keyword, Part::Keyword));
            }
            for result in &p.results {
                add(result, Part::Results);
            }
            // A paper is named at the start of its row; the rest explains it. Notes are not papers.
            for paper in p.paper_groups.iter().flat_map(|g| &g.papers).filter(|x| x.kind != PaperKind::Note) {
                add(paper_head(&paper.name), Part::Papers);
            }
            for text in
                p.field.iter().map(String::as_str).chain(groups.get(doc as usize).into_iter().flatten().copied())
            {
                add(text, Part::Field);
            }
            // "Thủ tục" at the start of a name says nothing about it.
            let leading = leading(&phrases[0], vocabulary.id("thu"), vocabulary.id("tuc"));
            leadings.push(leading);
            let prior = prior(p, p.is_commune_level_by(|a| *bodies.entry(a).or_insert_with(|| is_commune_body(a))));
            let repealed = if p.lifecycle.status == Status::Repealed { REPEALED_PENALTY } else { 0.0 };
            priors.push(prior - repealed);
            docs.push(Doc::new(phrases, leading, digits(&p.code)));
        }
        let variants = resolve(&synonyms.qualifiers, &vocabulary);
        let specials = resolve(&synonyms.specials, &vocabulary);
        let standing: Vec<Standing> = docs
            .iter()
            .zip(leadings)
            .zip(priors)
            .map(|((d, leading), prior)| {
                let name = &d.phrases[0][leading..];
                let position = |found: Option<usize>, offset: usize| found.map_or(UNQUALIFIED, |i| (i + offset) as u16);
                Standing {
                    base: prior - LENGTH_PENALTY * d.length as f32,
                    variant: position(find(&variants, name, false), 0),
                    special: position(find(&specials, name, true), variants.len()),
                }
            })
            .collect();
        let mut qualifiers: Vec<Vec<u32>> = variants.into_iter().chain(specials).map(|(_, key)| key).collect();

        // Sort the vocabulary so that prefixes are ranges, and renumber.
        let (words, renumber) = vocabulary.into_sorted();
        let mut sorted_postings = vec![Vec::new(); words.len()];
        for (old, list) in postings.into_iter().enumerate() {
            let mut list = list;
            list.shrink_to_fit();
            sorted_postings[renumber[old] as usize] = list;
        }
        for id in docs.iter_mut().flat_map(|d| d.phrases.iter_mut().flatten()).chain(qualifiers.iter_mut().flatten()) {
            *id = renumber[*id as usize];
        }
        Index::assemble(words, sorted_postings, docs, standing, qualifiers, synonyms)
    }

    /// The index of these parts, with what is derived from them: words by length, their
    /// rarity, the dense rows of common words, the synonym table.
    fn assemble(
        words: Vec<String>,
        postings: Vec<Vec<u32>>,
        docs: Vec<Doc>,
        standing: Vec<Standing>,
        qualifiers: Vec<Vec<u32>>,
        synonyms: &'static Synonyms,
    ) -> Index {
        let mut by_len: Vec<Vec<u32>> = Vec::new();
        for (id, word) in words.iter().enumerate() {
            if by_len.len() <= word.len() {
                by_len.resize(word.len() + 1, Vec::new());
            }
            by_len[word.len()].push(id as u32);
        }
        let n = docs.len().max(1) as f32;
        let word_idf = postings.iter().map(|p| (1.0 + n / (p.len() as f32 + 1.0)).ln()).collect();
        let (dense_row, dense) = dense_rows(&postings, docs.len());
        Index {
            words,
            by_len,
            word_idf,
            dense_row,
            dense,
            postings,
            docs,
            standing,
            qualifiers,
            synonyms,
            buffers: Mutex::default(),
        }
    }

    fn is_word(&self, word: &str) -> bool {
        word_id(&self.words, word).is_some()
    }

    /// Number of distinct words indexed.
    pub fn vocabulary_len(&self) -> usize {
        self.words.len()
    }

    /// The best `limit` procedures for `query`, best first; ties go to the earlier procedure.
    pub fn search(&self, query: &str, limit: usize) -> Vec<Hit> {
        best(self.matches(query), limit)
    }

    /// Every procedure `query` matches, in no particular order: for counting and filtering
    /// before [`best`] orders the few that are shown.
    pub fn matches(&self, query: &str) -> Vec<Hit> {
        match code_query(query) {
            Some(code) => self.search_code(&code),
            None => self.search_words(query),
        }
    }

    fn search_code(&self, code: &str) -> Vec<Hit> {
        self.docs
            .iter()
            .enumerate()
            .filter(|(_, d)| d.code_digits.starts_with(code))
            .map(|(doc, d)| Hit { doc, score: if d.code_digits == code { 1000.0 } else { 900.0 } })
            .collect()
    }

    fn search_words(&self, query: &str) -> Vec<Hit> {
        let words = fold::words(query);
        let variants = self.synonyms.variants(&words, &|w| self.is_word(w));
        // A query that finds the buffers in use (never, on one thread) or spoilt by a panic
        // gets its own.
        let mut own = Buffers::default();
        let mut lock = self.buffers.try_lock();
        let Buffers { scratch, scores: best } = match lock.as_deref_mut() {
            Ok(kept) => kept,
            Err(_) => &mut own,
        };
        best.score.resize(self.docs.len(), f32::NEG_INFINITY);
        let mut known = Vec::new();
        let typed_factor = match variants.is_empty() {
            true => 1.0,
            false if self.synonyms.covers(&words, &variants) => AS_TYPED_COVERED,
            false => AS_TYPED,
        };
        let typed = Variant { words: words.clone(), said: vec![false; words.len()], factor: typed_factor };
        // When the table covers the query, the query as typed comes last and only scores again
        // what the table's readings found: "sổ đỏ" brings no procedure for "sổ" or "đỏ" alone.
        let covered = typed_factor == AS_TYPED_COVERED;
        let mut readings = variants;
        if covered {
            readings.push(typed);
        } else {
            readings.insert(0, typed);
        }
        let last = readings.len() - 1;
        for (i, variant) in readings.iter().enumerate() {
            let seed = (covered && i == last).then(|| best.touched.clone());
            // A typed word that the table's words also say ("chứng thực hợp đồng" typed before
            // "mua bán đất" read as "chứng thực hợp đồng giao dịch …") counts once, as the table's.
            let mut kept: Vec<usize> = self.synonyms.kept(&variant.words);
            let said_too = |i: usize| {
                !variant.said[i] && variant.words.iter().zip(&variant.said).any(|(w, s)| *s && *w == variant.words[i])
            };
            kept.retain(|&i| !said_too(i));
            kept.truncate(MAX_WORDS);
            let words: Vec<String> = kept.iter().map(|&i| variant.words[i].clone()).collect();
            let sources = Source::of(&kept, &variant.said);
            // In a reading from the table, the words the citizen added count half.
            let any_said = variant.said.iter().any(|s| *s);
            let emphasis: Vec<f32> =
                kept.iter().map(|&i| if any_said && !variant.said[i] { AROUND_SAID } else { 1.0 }).collect();
            let way = Reading {
                words: &words,
                sources: &sources,
                emphasis: &emphasis,
                factor: variant.factor,
                seed: seed.as_deref(),
            };
            self.score(way, &mut known, scratch, best);
        }
        best.take()
    }

    /// What each word of a reading may stand for, by where it comes from. The same word in
    /// several readings of a query is looked up once (`known`).
    fn terms(&self, words: &[String], sources: &[Source], known: &mut Known) -> Vec<Term> {
        let mut out = Vec::with_capacity(words.len());
        for (word, &source) in words.iter().zip(sources) {
            match known.iter().find(|(w, s, _)| *s == source && w == word) {
                Some((_, _, term)) => out.push(term.clone()),
                None => {
                    let term = self.term(word, source);
                    known.push((word.clone(), source, term.clone()));
                    out.push(term);
                }
            }
        }
        out
    }

    /// What `word` may stand for, by where it comes from.
    fn term(&self, word: &str, source: Source) -> Term {
        let n = self.docs.len().max(1) as f32;
        let mut alternatives: Vec<(u32, f32)> = Vec::new();
        let exact = word_id(&self.words, word);
        alternatives.extend(exact.map(|id| (id, EXACT)));
        // A word still being typed says no more than its most common completion: "t" is not
        // the rare word "t" but the start of "thủ", "tục", "tỉnh"…
        let mut typed_df = exact.map_or(0, |id| self.postings[id as usize].len());
        let typed = source != Source::Table;
        if source == Source::Typing {
            let prefixed = self.prefixed(word, exact);
            typed_df = typed_df.max(prefixed.first().map_or(0, |(id, _)| self.postings[*id as usize].len()));
            alternatives.extend(prefixed);
        }
        for other in typo::regional(word).into_iter().filter(|_| typed) {
            if let Ok(id) = self.words.binary_search(&other) {
                alternatives.push((id as u32, REGIONAL));
            }
        }
        // A real, not rare word is what the citizen meant, and so is a word of the synonym table
        // ("gcn"); only others may be slips.
        let common = exact.is_some_and(|id| self.postings[id as usize].len() >= 3);
        if typed && !common && !self.synonyms.knows(word) {
            alternatives.extend(self.slips(word).into_iter().map(|id| (id, SLIP)));
        }
        alternatives.small_sort_by(|a, b| a.0.cmp(&b.0).then(b.1.total_cmp(&a.1)));
        alternatives.dedup_by_key(|a| a.0);
        let df = match typed_df {
            0 => alternatives.iter().map(|(id, _)| self.postings[*id as usize].len()).max().unwrap_or(0),
            df => df,
        } as f32;
        Term { alternatives: alternatives.into(), idf: (1.0 + n / (df + 1.0)).ln(), weak: self.synonyms.is_weak(word) }
    }

    /// Words that `word` begins, the most frequent first.
    fn prefixed(&self, word: &str, exact: Option<u32>) -> Vec<(u32, f32)> {
        let start = self.words.partition_point(|w| w.as_str() < word);
        let mut found: Vec<u32> = (start..self.words.len())
            .take_while(|&id| self.words[id].starts_with(word))
            .map(|id| id as u32)
            .filter(|id| Some(*id) != exact)
            .collect();
        let by_frequency = |id: &u32| (std::cmp::Reverse(self.postings[*id as usize].len()), *id);
        if found.len() > MAX_PREFIX_WORDS {
            found.small_select_nth_by_key(MAX_PREFIX_WORDS, by_frequency);
            found.truncate(MAX_PREFIX_WORDS);
        }
        found.small_sort_by_key(by_frequency);
        found.into_iter().map(|id| (id, PREFIX)).collect()
    }

    /// Vocabulary words one slip away (two for long words).
    fn slips(&self, word: &str) -> Vec<u32> {
        let k = typo::max_edits(word.len());
        if k == 0 {
            return Vec::new();
        }
        let lengths = word.len().saturating_sub(k)..=word.len() + k;
        lengths
            .filter_map(|len| self.by_len.get(len))
            .flatten()
            .copied()
            .filter(|id| {
                let candidate = &self.words[*id as usize];
                candidate != word && typo::within(word, candidate, k)
            })
            .collect()
    }

    /// Scores one way of saying the query into `best`, each score multiplied by its factor.
    fn score(&self, way: Reading, known: &mut Known, scratch: &mut Scratch, best: &mut Scores) {
        let Reading { words, sources, emphasis, factor: reading, seed } = way;
        if words.is_empty() {
            return;
        }
        let mut terms = self.terms(words, sources, known);
        for (term, e) in terms.iter_mut().zip(emphasis) {
            term.idf *= e;
        }
        // A query of weak words only ("cha me con") means them.
        if terms.iter().all(|t| t.weak) {
            terms.iter_mut().for_each(|t| t.weak = false);
        }
        let q = terms.len();
        let Scratch { slot, mask, said, cells, touched } = scratch;
        slot.resize(self.docs.len(), u32::MAX);
        mask.resize(self.words.len(), 0);
        said.resize(self.words.len(), false);
        // Candidates given: no word brings others.
        for &doc in seed.unwrap_or_default() {
            slot[doc] = touched.len() as u32;
            touched.push(doc as u32);
        }
        cells.resize(touched.len() * 2 * q, 0.0);
        // Rare words first. A word in a large share of the catalog ("đăng", "ký") brings no new
        // candidates once a rarer word has brought some: it only scores the ones already met.
        // In a reading from the synonym table, the table's words come first: the words around
        // them ("tên chủ" after "sổ đỏ bị sai") must not choose the candidates.
        let mut by_rarity: Vec<usize> = (0..q).collect();
        by_rarity.small_sort_by(|&a, &b| {
            emphasis[b].total_cmp(&emphasis[a]).then(terms[b].idf.total_cmp(&terms[a].idf)).then(a.cmp(&b))
        });
        // (In a small catalog every word may bring candidates: it costs little.)
        let common_df = common_df(self.docs.len());
        for qi in by_rarity {
            let term = &terms[qi];
            let df: usize = term.alternatives.iter().map(|(id, _)| self.postings[*id as usize].len()).sum();
            // In a reading from the table, the words around the table's bring no candidates.
            let brings = seed.is_none() && (touched.is_empty() || (df <= common_df && emphasis[qi] >= 1.0));
            let mark = |cells: &mut [f32], row: usize, (factor, weighted): (f32, f32)| {
                let row = row * 2 * q;
                raise(&mut cells[row + qi], factor);
                raise(&mut cells[row + q + qi], weighted);
            };
            for &(id, f) in term.alternatives.iter() {
                // What a match adds, by the byte of a dense row (0: not there, else its part + 1):
                // a table rather than a branch, since whether a candidate has the word is a toss-up.
                let gain: [(f32, f32); 1 + PARTS.len()] =
                    std::array::from_fn(|b| b.checked_sub(1).map_or((0.0, 0.0), |p| (f, f * PARTS[p].weight())));
                let list = &self.postings[id as usize];
                // A common word, and fewer candidates than documents with it: look the candidates
                // up in its row.
                let dense = self.dense_row[id as usize];
                if !brings && dense != u32::MAX && touched.len() < list.len() {
                    let parts = &self.dense[dense as usize * self.docs.len()..][..self.docs.len()];
                    for (row, &doc) in touched.iter().enumerate() {
                        mark(cells, row, gain[usize::from(parts[doc as usize])]);
                    }
                    continue;
                }
                // Few candidates and a long list: look the candidates up rather than walk it.
                if !brings && touched.len() * LOOKUP_RATIO < list.len() {
                    for (row, &doc) in touched.iter().enumerate() {
                        if let Ok(i) = list.binary_search_by_key(&doc, |posting| posting >> 3) {
                            mark(cells, row, gain[(list[i] & 7) as usize + 1]);
                        }
                    }
                    continue;
                }
                for &posting in list {
                    let doc = (posting >> 3) as usize;
                    if slot[doc] == u32::MAX {
                        if !brings {
                            continue;
                        }
                        slot[doc] = touched.len() as u32;
                        touched.push(doc as u32);
                        cells.resize(cells.len() + 2 * q, 0.0);
                    }
                    mark(cells, slot[doc] as usize, gain[(posting & 7) as usize + 1]);
                }
            }
        }
        let ordered: Vec<usize> = (0..q).filter(|&i| !terms[i].weak).collect();
        let ordered = &ordered[..ordered.len().min(16)];
        for (qi, term) in terms.iter().enumerate() {
            let bit = ordered.iter().position(|&o| o == qi).map_or(0, |b| 1 << b);
            for &(id, _) in term.alternatives.iter() {
                mask[id as usize] |= bit;
                said[id as usize] = true;
            }
        }
        let total_idf: f32 = terms.iter().filter(|t| !t.weak).map(|t| t.idf).sum::<f32>().max(f32::EPSILON);
        let content: Vec<f32> = terms.iter().map(|t| if t.weak { 0.0 } else { t.idf }).collect();
        let bonus: Vec<f32> = terms.iter().map(|t| if t.weak { WEAK_BONUS } else { 0.0 }).collect();
        let dot = |a: &[f32], b: &[f32]| a.iter().zip(b).map(|(x, y)| x * y).sum::<f32>();
        let asked: Vec<bool> = self.qualifiers.iter().map(|keys| keys.iter().any(|&id| said[id as usize])).collect();
        let mut hits: Vec<Hit> = touched
            .iter()
            .zip(cells.chunks_exact(2 * q))
            .filter_map(|(&doc, row)| {
                let doc = doc as usize;
                let (factor, weight) = row.split_at(q);
                let coverage = dot(factor, &content);
                if coverage < MIN_COVERAGE * total_idf {
                    return None;
                }
                let (strength, weak) = (dot(weight, &content), dot(factor, &bonus));
                let standing = self.standing[doc];
                // A variant ("Cấp lại …") or a special case the query did not ask for comes after
                // the main procedure.
                let unasked = |q: u16| q != UNQUALIFIED && !asked[q as usize];
                let penalty = match (unasked(standing.variant), unasked(standing.special)) {
                    (true, true) => VARIANT_PENALTY + SPECIAL_PENALTY,
                    (true, false) => VARIANT_PENALTY,
                    (false, true) => SPECIAL_PENALTY,
                    (false, false) => 0.0,
                };
                let score =
                    100.0 * coverage / total_idf + 20.0 * strength / total_idf / 3.5 + weak + standing.base - penalty;
                Some(Hit { doc, score })
            })
            .collect();
        // Only the best candidates are compared for word order. This cannot lift the rest above
        // them, since it only adds.
        if hits.len() > PHRASE_CANDIDATES {
            hits.small_select_nth_by(PHRASE_CANDIDATES, |a, b| b.score.total_cmp(&a.score).then(a.doc.cmp(&b.doc)));
        }
        for hit in hits.iter_mut().take(PHRASE_CANDIDATES) {
            let d = &self.docs[hit.doc];
            // How much of a name the query says: "đăng ký hộ kinh doanh" is all of "Đăng ký thành
            // lập hộ kinh doanh" that matters, and little of "Dừng thực hiện thủ tục đăng ký …".
            let told = d.phrases.iter().map(|p| self.told(p, said)).fold(0.0, f32::max);
            hit.score += NAME_TOLD * told;
            if ordered.len() < 2 {
                continue;
            }
            // The phrase that keeps most of the query's order; of equals, the shortest.
            let (mut pairs, mut whole, mut length) = (0u32, false, usize::MAX);
            for phrase in &d.phrases {
                let (p, w) = order(phrase, mask, ordered.len());
                if (p, w) > (pairs, whole) || ((p, w) == (pairs, whole) && phrase.len() < length) {
                    (pairs, whole, length) = (p, w, phrase.len());
                }
            }
            hit.score += 25.0 * pairs as f32 / (ordered.len() - 1) as f32 + if whole { 10.0 } else { 0.0 };
            // Found whole in a shorter text (a keyword, the friendly name): more specific.
            if whole {
                hit.score += LENGTH_PENALTY * d.length.saturating_sub(length.min(MAX_LENGTH)) as f32;
            }
        }
        for hit in hits {
            best.keep(hit.doc, hit.score * reading);
        }
        // Clean for the next reading: only what this one wrote.
        for &doc in touched.iter() {
            slot[doc as usize] = u32::MAX;
        }
        for &(id, _) in terms.iter().flat_map(|t| t.alternatives.iter()) {
            (mask[id as usize], said[id as usize]) = (0, false);
        }
        touched.clear();
        cells.clear();
    }

    /// The share of a phrase's meaning (idf) in the words the query said.
    fn told(&self, phrase: &[u32], said: &[bool]) -> f32 {
        let (mut told, mut all) = (0.0, 0.0);
        for &id in phrase {
            let idf = self.word_idf[id as usize];
            all += idf;
            if said[id as usize] {
                told += idf;
            }
        }
        if all > 0.0 {
            told / all
        } else {
            0.0
        }
    }

    /// The folded words a query matched, for highlighting (`highlight`).
    pub fn terms_of(&self, query: &str) -> Vec<String> {
        let mut known = Vec::new();
        let words = fold::words(query);
        let mut out: Vec<String> = Vec::new();
        let typed = Variant { words: words.clone(), said: vec![false; words.len()], factor: 1.0 };
        for variant in std::iter::once(typed).chain(self.synonyms.variants(&words, &|w| self.is_word(w))) {
            let kept = self.synonyms.kept(&variant.words);
            let kept_words: Vec<String> = kept.iter().map(|&i| variant.words[i].clone()).collect();
            for term in self.terms(&kept_words, &Source::of(&kept, &variant.said), &mut known) {
                // A word that is itself in the catalog is marked as typed (or as the word it
                // begins), not as its near spellings.
                let exact = term.alternatives.iter().any(|(_, f)| *f == EXACT);
                let shown = term.alternatives.iter().filter(|(_, f)| !exact || *f >= PREFIX);
                for &(id, _) in shown {
                    let word = &self.words[id as usize];
                    if !out.contains(word) {
                        out.push(word.clone());
                    }
                }
            }
        }
        out
    }

    /// The query with each unknown word replaced by the most common word one slip away, when
    /// that changes anything: "Bạn có muốn tìm …?".
    pub fn did_you_mean(&self, query: &str) -> Option<String> {
        let words = fold::words(query);
        let mut changed = false;
        let corrected: Vec<String> = words
            .iter()
            .map(|word| {
                if self.words.binary_search(word).is_ok() || word.chars().all(|c| c.is_ascii_digit()) {
                    return word.clone();
                }
                let regional = typo::regional(word).into_iter().filter_map(|w| self.words.binary_search(&w).ok());
                let candidates = regional.map(|id| id as u32).chain(self.slips(word));
                match candidates.max_by_key(|id| (self.postings[*id as usize].len(), std::cmp::Reverse(*id))) {
                    Some(id) => {
                        changed = true;
                        self.words[id as usize].clone()
                    }
                    None => word.clone(),
                }
            })
            .collect();
        changed.then(|| corrected.join(" "))
    }
}

/// Reads what every index shares, the synonym table, now: for a widget that has time while its
/// catalog is on its way. An index reads it anyway when it is not read yet.
pub fn prepare() {
    Synonyms::shipped();
}

/// The `n` best of `hits`, best first; ties go to the earlier procedure.
pub fn best(mut hits: Vec<Hit>, n: usize) -> Vec<Hit> {
    let by_rank = |a: &Hit, b: &Hit| b.score.total_cmp(&a.score).then(a.doc.cmp(&b.doc));
    if hits.len() > n {
        hits.small_select_nth_by(n, by_rank);
        hits.truncate(n);
    }
    hits.small_sort_by(by_rank);
    hits
}

/// Raises `cell` to `value` (scores are never NaN: cheaper than `f32::max`, in wasm too).
fn raise(cell: &mut f32, value: f32) {
    if value > *cell {
        *cell = value;
    }
}

/// Documents in which a word is common: none below `SMALL_CATALOG`, where every word may bring
/// candidates.
fn common_df(docs: usize) -> usize {
    if docs < SMALL_CATALOG {
        usize::MAX
    } else {
        docs / COMMON_SHARE
    }
}

/// The rows of `Index::dense` for the common words.
fn dense_rows(postings: &[Vec<u32>], docs: usize) -> (Vec<u32>, Vec<u8>) {
    let mut rows = vec![u32::MAX; postings.len()];
    let common = || postings.iter().enumerate().filter(|(_, l)| l.len() > common_df(docs));
    // Zeroed in one allocation rather than grown row by row, a copy at each growth: 2 to 3 ms
    // less of a national index's first reading (BENCHMARKS.md, session 23).
    let mut dense = vec![0u8; common().count() * docs];
    for (row, (id, list)) in common().enumerate() {
        rows[id] = row as u32;
        for &posting in list {
            dense[row * docs + (posting >> 3) as usize] = (posting & 7) as u8 + 1;
        }
    }
    (rows, dense)
}

/// How many of the query's `n` neighbouring word pairs stand side by side, in order, in
/// `phrase`, and whether the whole query does. `mask[word]` has bit i when the word stands for
/// query word i.
fn order(phrase: &[u32], mask: &[u16], n: usize) -> (u32, bool) {
    let bits = |id: &u32| mask[*id as usize];
    let mut pairs = 0u16;
    for w in phrase.windows(2) {
        pairs |= bits(&w[0]) & (bits(&w[1]) >> 1);
    }
    let pairs = pairs & ((1u16 << (n - 1)) - 1);
    let whole =
        n <= phrase.len() && phrase.windows(n).any(|w| w.iter().enumerate().all(|(i, id)| bits(id) & (1 << i) != 0));
    (pairs.count_ones(), whole)
}

/// A small head start for what communes handle and staff named, for full records, and for
/// procedures published nationally rather than by one province; a small handicap for what only
/// organisations file.
fn prior(p: &Procedure, commune: bool) -> f32 {
    let commune = if commune { 4.0 } else { 0.0 };
    let named = if p.friendly_name.is_some() { 2.0 } else { 0.0 };
    let detailed = match p.source {
        RecordSource::PortalIndex => 0.0,
        _ => 1.0,
    };
    // Published by a ministry: the same for every province; but the foreign ministry's are done
    // at embassies abroad.
    let central = match p.issuer.as_deref() {
        Some("Bộ Ngoại giao") => -3.0,
        Some(issuer) if issuer.starts_with("Bộ") => 1.5,
        _ => 0.0,
    };
    // The widget is for people: a procedure only organisations file comes after.
    let people = match p.for_people() {
        Some(false) => -5.0,
        _ => 0.0,
    };
    commune + named + detailed + central + people
}

/// The qualifiers as word ids: (the whole phrase, its key words); those with a word the catalog
/// lacks cannot occur and are left out.
fn resolve(qualifiers: &[Qualifier], vocabulary: &Vocabulary) -> Vec<(Vec<u32>, Vec<u32>)> {
    let id = |w: &String| vocabulary.id(w);
    qualifiers
        .iter()
        .filter_map(|q| Some((q.words().map(id).collect::<Option<_>>()?, q.key.iter().map(id).collect::<Option<_>>()?)))
        .collect()
}

/// The first qualifier that `name` (without a leading "Thủ tục") begins with, or has
/// `anywhere`.
fn find(qualifiers: &[(Vec<u32>, Vec<u32>)], name: &[u32], anywhere: bool) -> Option<usize> {
    let starts = &name[..if anywhere { name.len() } else { name.len().min(1) }];
    let at = |phrase: &[u32]| {
        let first = phrase.first();
        starts.iter().enumerate().any(|(i, w)| Some(w) == first && name[i..].starts_with(phrase))
    };
    qualifiers.iter().position(|(phrase, _)| at(phrase))
}

/// The text up to the end of the word that holds its `chars`-th character.
/// The start of a paper's row, which names it (the rest explains it): what search reads of it.
pub fn paper_head(name: &str) -> &str {
    head(name, PAPER_HEAD)
}

fn head(text: &str, chars: usize) -> &str {
    match text.char_indices().nth(chars) {
        Some((at, _)) => {
            let end = text[at..].find(char::is_whitespace).map_or(text.len(), |i| at + i);
            &text[..end]
        }
        None => text,
    }
}

fn digits(code: &str) -> String {
    code.bytes().filter(u8::is_ascii_digit).map(char::from).collect()
}

/// The digits of a procedure code in the query (`1.001193`, `1001193`, `1.0011`, "mã 1.000656").
fn code_query(query: &str) -> Option<String> {
    let is_code = |w: &str| !w.is_empty() && w.chars().all(|c| c.is_ascii_digit() || c == '.') && digits(w).len() >= 4;
    let q = query.trim();
    if is_code(q) {
        return Some(digits(q));
    }
    // A code among words: a full one only, with its dot, so that "2024" stays a word.
    q.split_whitespace().find(|w| is_code(w) && w.contains('.') && digits(w).len() >= 7).map(digits)
}

#[cfg(test)]
mod tests;
