//! The index written out read-ready, so that a widget's first search needs no build: what
//! [`Index::from_catalog`] makes of a catalog, as text that is read back without folding, hashing
//! or JSON. A split catalog's index carries it (`motcua split`).
//!
//! The text is `STAMP!words!numbers`: the words in order, separated by spaces (folded words are
//! ASCII letters and digits), then every number in one stream of printable characters (see
//! [`push`]). The stamp is this build's: an index written by another build of the search
//! (another fold, synonym table or weights) is refused, and the catalog indexed again.

use super::synonyms::Synonyms;
use super::{digits, leading, word_id, Doc, Index, Part, Standing, PARTS, UNQUALIFIED};
use crate::catalog::Procedure;

/// What the code that makes an index was, hashed by `build.rs`.
const STAMP: &str = concat!("s1-", env!("MOTCUA_INDEX_STAMP"));

/// Digits before the last of a number, worth 0 to 31: `#` to `B`.
const MORE: u8 = b'#';
/// The last digit of a number: `]` to `|`. Neither range has `"`, `\` or a space.
const LAST: u8 = b']';

/// Why a stored index cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unfit {
    /// Written by another build of the search: it may rank otherwise.
    Stale,
    /// Not the index of these procedures, or damaged.
    Damaged(&'static str),
}

impl std::fmt::Display for Unfit {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Unfit::Stale => f.write_str("the stored search index was written by another version of motcua"),
            Unfit::Damaged(what) => write!(f, "the stored search index is damaged: {what}"),
        }
    }
}

impl Index {
    /// The index of `procedures` as text, for [`Index::read`].
    pub fn write(&self, procedures: &[Procedure]) -> String {
        debug_assert_eq!(procedures.len(), self.docs.len(), "the procedures indexed");
        let mut out = format!("{STAMP}!{}!", self.words.join(" "));
        let mut put = |n: usize| push(&mut out, n as u32);
        let hash = codes_hash(procedures.iter().map(|p| p.code.as_str()));
        put(self.docs.len());
        put((hash >> 32) as usize);
        put(hash as u32 as usize);
        // How many documents have each word, so that its list is allocated once.
        self.postings.iter().for_each(|list| put(list.len()));
        let mut bases: Vec<u32> = self.standing.iter().map(|s| s.base.to_bits()).collect();
        bases.sort_unstable();
        bases.dedup();
        put(bases.len());
        bases.iter().for_each(|&b| put(b as usize));
        put(self.qualifiers.len());
        for key in &self.qualifiers {
            put(key.len());
            key.iter().for_each(|&id| put(id as usize));
        }
        // The words of each document found only in its results, papers and field, with the part.
        let mut lesser: Vec<Vec<(u32, u32)>> = vec![Vec::new(); self.docs.len()];
        for (id, list) in self.postings.iter().enumerate() {
            for &posting in list.iter().filter(|&&p| p & 7 < Part::Keyword as u32) {
                lesser[(posting >> 3) as usize].push((id as u32, posting & 7));
            }
        }
        for (((doc, standing), lesser), p) in self.docs.iter().zip(&self.standing).zip(lesser).zip(procedures) {
            put(bases.binary_search(&standing.base.to_bits()).unwrap_or_default());
            let qualified = |q: u16| if q == UNQUALIFIED { 0 } else { usize::from(q) + 1 };
            put(qualified(standing.variant));
            put(qualified(standing.special));
            put(doc.phrases.len());
            put(usize::from(p.friendly_name.is_some()));
            for phrase in &doc.phrases {
                put(phrase.len());
                phrase.iter().for_each(|&id| put(id as usize));
            }
            put(lesser.len());
            let mut last = 0;
            for (id, part) in lesser {
                put(((id - last) << 2 | part) as usize);
                last = id;
            }
        }
        out
    }

    /// The index `text` ([`Index::write`]) holds, when it is this build's and the index of
    /// `procedures`, in their order.
    pub fn read(text: &str, procedures: &[Procedure]) -> Result<Index, Unfit> {
        let damaged = |what| Err(Unfit::Damaged(what));
        let mut sections = text.splitn(3, '!');
        if sections.next() != Some(STAMP) {
            return Err(Unfit::Stale);
        }
        let (Some(words), Some(numbers)) = (sections.next(), sections.next()) else {
            return damaged("sections");
        };
        let words: Vec<String> = words.split(' ').filter(|w| !w.is_empty()).map(str::to_string).collect();
        if !words.windows(2).all(|w| w[0] < w[1]) {
            return damaged("the words are not in order");
        }
        let mut n = Numbers { bytes: numbers.as_bytes(), at: 0 };
        let hash = codes_hash(procedures.iter().map(|p| p.code.as_str()));
        let docs = n.next()? as usize;
        if docs != procedures.len() || (u64::from(n.next()?) << 32 | u64::from(n.next()?)) != hash {
            return damaged("not the index of these procedures");
        }
        // How many documents have each word: each of those postings takes a character at least.
        let counts: Vec<usize> = (0..words.len()).map(|_| n.count()).collect::<Result<_, _>>()?;
        let total = counts.iter().try_fold(0usize, |sum, &count| sum.checked_add(count));
        if total.is_none_or(|total| total > n.bytes.len() - n.at) {
            return damaged("postings");
        }
        let mut postings: Vec<Vec<u32>> = counts.iter().map(|&count| Vec::with_capacity(count)).collect();
        let word = |id: u32| if (id as usize) < words.len() { Ok(id) } else { Err(Unfit::Damaged("word")) };
        let bases: Vec<f32> = (0..n.count()?).map(|_| n.next().map(f32::from_bits)).collect::<Result<_, _>>()?;
        let qualifiers: Vec<Vec<u32>> =
            (0..n.count()?).map(|_| (0..n.count()?).map(|_| word(n.next()?)).collect()).collect::<Result<_, _>>()?;
        let qualifier = |q: u32| match q {
            0 => Ok(UNQUALIFIED),
            q if (q as usize) <= qualifiers.len() => Ok((q - 1) as u16),
            _ => Err(Unfit::Damaged("qualifier")),
        };
        let (thu, tuc) = (word_id(&words, "thu"), word_id(&words, "tuc"));
        let mut all = Vec::with_capacity(docs);
        let mut standing = Vec::with_capacity(docs);
        for (doc, p) in procedures.iter().enumerate() {
            let base = *bases.get(n.next()? as usize).ok_or(Unfit::Damaged("base"))?;
            standing.push(Standing { base, variant: qualifier(n.next()?)?, special: qualifier(n.next()?)? });
            let count = n.count()?;
            let friendly = n.next()? == 1 && count > 1;
            let mut phrases: Vec<Vec<u32>> = Vec::with_capacity(count);
            for _ in 0..count {
                let len = n.count()?;
                let mut phrase = Vec::with_capacity(len);
                for _ in 0..len {
                    phrase.push(word(n.next()?)?);
                }
                phrases.push(phrase);
            }
            let Some(name) = phrases.first() else { return damaged("a document without a name") };
            // Each word keeps the first part it is found in, the best, as the build met them.
            let mut add = |id: u32, part: Part| {
                let list = &mut postings[id as usize];
                if list.last().is_none_or(|last| last >> 3 != doc as u32) {
                    list.push((doc as u32) << 3 | part as u32);
                }
            };
            let friendly = friendly.then(|| &phrases[1]);
            friendly.iter().flat_map(|f| f.iter()).for_each(|&id| add(id, Part::Friendly));
            name.iter().for_each(|&id| add(id, Part::Name));
            let keywords = phrases.iter().skip(1 + usize::from(friendly.is_some()));
            keywords.flatten().for_each(|&id| add(id, Part::Keyword));
            let mut id: u32 = 0;
            for _ in 0..n.count()? {
                let entry = n.next()?;
                id = word(id.checked_add(entry >> 2).ok_or(Unfit::Damaged("word"))?)?;
                match PARTS.get((entry & 3) as usize).filter(|&&part| part < Part::Keyword) {
                    Some(&part) => add(id, part),
                    None => return damaged("part"),
                }
            }
            let leading = leading(name, thu, tuc);
            all.push(Doc::new(phrases, leading, digits(&p.code)));
        }
        if n.at != n.bytes.len() {
            return damaged("more than an index");
        }
        if postings.iter().zip(&counts).any(|(list, &count)| list.len() != count) {
            return damaged("postings");
        }
        Ok(Index::assemble(words, postings, all, standing, qualifiers, Synonyms::shipped()))
    }
}

/// Writes `n` in base 32, the most significant digit first; the last digit from another range of
/// characters than the others, so that numbers need no separator.
fn push(out: &mut String, n: u32) {
    let mut digits = [0u8; 7];
    let mut len = 0;
    let mut rest = n;
    loop {
        digits[len] = (rest & 31) as u8;
        len += 1;
        rest >>= 5;
        if rest == 0 {
            break;
        }
    }
    for (i, &d) in digits[..len].iter().enumerate().rev() {
        out.push(char::from(if i == 0 { LAST + d } else { MORE + d }));
    }
}

/// The numbers of a stored index, read in order.
struct Numbers<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Numbers<'_> {
    fn next(&mut self) -> Result<u32, Unfit> {
        let mut value: u32 = 0;
        loop {
            let b = *self.bytes.get(self.at).ok_or(Unfit::Damaged("cut short"))?;
            self.at += 1;
            let (digit, last) = match b {
                MORE..=0x42 => (b - MORE, false),
                LAST..=0x7C => (b - LAST, true),
                _ => return Err(Unfit::Damaged("not a number")),
            };
            value = value.checked_mul(32).ok_or(Unfit::Damaged("number too large"))? | u32::from(digit);
            if last {
                return Ok(value);
            }
        }
    }

    /// A number of things to follow: each takes a character at least, so no more than are left.
    fn count(&mut self) -> Result<usize, Unfit> {
        let count = self.next()? as usize;
        match count <= self.bytes.len() - self.at {
            true => Ok(count),
            false => Err(Unfit::Damaged("count")),
        }
    }
}

/// FNV-1a over the procedures' codes, in order: the index is theirs.
fn codes_hash<'a>(codes: impl Iterator<Item = &'a str>) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for code in codes {
        for b in code.bytes().chain([b' ']) {
            hash = (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
    hash
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_come_back_as_written() {
        let numbers = [0, 1, 31, 32, 1023, 1024, 123_456, u32::MAX];
        let mut text = String::new();
        numbers.iter().for_each(|&n| push(&mut text, n));
        assert!(text.bytes().all(|b| b.is_ascii_graphic() && b != b'"' && b != b'\\' && b != b'!'), "{text}");
        let mut read = Numbers { bytes: text.as_bytes(), at: 0 };
        let back: Vec<u32> = numbers.iter().map(|_| read.next().unwrap()).collect();
        assert_eq!(back, numbers);
        assert_eq!(read.next(), Err(Unfit::Damaged("cut short")));
        assert_eq!(Numbers { bytes: b"$#######]", at: 0 }.next(), Err(Unfit::Damaged("number too large")));
    }

    #[test]
    fn counts_cannot_ask_for_more_than_the_text_holds() {
        // Two words, each said to be in as many documents as characters follow: together more.
        let mut text = format!("{STAMP}!a b!");
        let hash = codes_hash(std::iter::empty());
        for n in [0, (hash >> 32) as u32, hash as u32, 1000, 1000] {
            push(&mut text, n);
        }
        text.push_str(&"]".repeat(1000));
        assert_eq!(Index::read(&text, &[]).err(), Some(Unfit::Damaged("postings")));
    }
}

#[cfg(test)]
mod demo {
    use super::*;
    use crate::catalog::{self, Catalog};

    fn demo() -> Catalog {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/public/catalogs/commune-demo.json");
        catalog::load(&std::fs::read_to_string(path).expect("demo catalog")).expect("demo reads").catalog
    }

    #[test]
    fn an_index_read_back_is_the_index_written() {
        let catalog = demo();
        let built = Index::from_catalog(&catalog);
        let text = built.write(&catalog.procedures);
        let read = Index::read(&text, &catalog.procedures).expect("reads");
        assert_eq!(read.words, built.words);
        assert_eq!(read.postings, built.postings);
        assert_eq!(format!("{:?}", read.docs), format!("{:?}", built.docs));
        assert_eq!(format!("{:?}", read.standing), format!("{:?}", built.standing));
        assert_eq!(read.qualifiers, built.qualifiers);
        assert_eq!(
            (read.by_len.clone(), read.dense_row.clone(), read.dense.clone()),
            (built.by_len.clone(), built.dense_row.clone(), built.dense.clone())
        );
        for query in ["khai sinh", "dang ky ket hon", "so do", "cap lai giay khai sinh", "1.001193", "chung thuc"] {
            assert_eq!(read.search(query, 20), built.search(query, 20), "{query}");
        }
    }

    #[test]
    fn another_catalog_or_build_or_damage_is_refused() {
        let catalog = demo();
        let text = Index::from_catalog(&catalog).write(&catalog.procedures);
        let fewer = &catalog.procedures[1..];
        assert_eq!(Index::read(&text, fewer).err(), Some(Unfit::Damaged("not the index of these procedures")));
        let mut swapped = catalog.procedures.clone();
        swapped.swap(0, 1);
        assert!(Index::read(&text, &swapped).is_err(), "the same codes in another order");
        assert_eq!(Index::read(&text.replacen("s1-", "s0-", 1), &catalog.procedures).err(), Some(Unfit::Stale));
        assert!(Index::read(&text[..text.len() - 1], &catalog.procedures).is_err());
        assert!(Index::read(&format!("{text}]"), &catalog.procedures).is_err());
    }
}
