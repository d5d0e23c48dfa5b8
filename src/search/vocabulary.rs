//! The words met while an index is built, each given an id in the order met, then sorted.
//!
//! Most folded Vietnamese words are syllables of at most 8 letters: those are looked up as one
//! integer, which is most of the build's lookups, without comparing strings.

use crate::sort::SmallSort;
use std::collections::HashMap;

use crate::hash::BuildFastHasher;

#[derive(Default)]
pub struct Vocabulary {
    /// Words of up to 8 bytes, packed by `pack`.
    short: HashMap<u64, u32, BuildFastHasher>,
    long: HashMap<String, u32, BuildFastHasher>,
    /// By id.
    words: Vec<String>,
}

/// A word of up to 8 bytes as an integer. Folded words hold no zero byte, so no two words
/// share one; big-endian, so that the integers sort as the words do.
fn pack(word: &str) -> Option<u64> {
    let bytes = word.as_bytes();
    (bytes.len() <= 8).then(|| {
        let packed = bytes.iter().fold(0u64, |key, &b| key << 8 | u64::from(b));
        // (Shifting by 64, for the empty word, would overflow; its key is 0 either way.)
        packed.checked_shl(8 * (8 - bytes.len() as u32)).unwrap_or(0)
    })
}

impl Vocabulary {
    pub fn with_capacity(words: usize) -> Vocabulary {
        Vocabulary {
            short: HashMap::with_capacity_and_hasher(words, Default::default()),
            long: HashMap::default(),
            words: Vec::with_capacity(words),
        }
    }

    pub fn id(&self, word: &str) -> Option<u32> {
        match pack(word) {
            Some(key) => self.short.get(&key),
            None => self.long.get(word),
        }
        .copied()
    }

    /// The id of `word`, and whether it is new.
    pub fn intern(&mut self, word: &str) -> (u32, bool) {
        let next = self.words.len() as u32;
        let id = match pack(word) {
            Some(key) => *self.short.entry(key).or_insert(next),
            None => match self.long.get(word) {
                Some(&id) => id,
                None => {
                    self.long.insert(word.to_owned(), next);
                    next
                }
            },
        };
        if id == next {
            self.words.push(word.to_owned());
        }
        (id, id == next)
    }

    /// The words in order, and each old id's position among them.
    pub fn into_sorted(self) -> (Vec<String>, Vec<u32>) {
        let mut words = self.words;
        let mut order: Vec<u32> = (0..words.len() as u32).collect();
        order.small_sort_by(|&a, &b| words[a as usize].cmp(&words[b as usize]));
        let mut renumber = vec![0u32; words.len()];
        for (new, &old) in order.iter().enumerate() {
            renumber[old as usize] = new as u32;
        }
        let sorted = order.iter().map(|&old| std::mem::take(&mut words[old as usize])).collect();
        (sorted, renumber)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_and_long_words_keep_their_ids_and_sort() {
        let mut v = Vocabulary::with_capacity(4);
        for word in ["thuc", "thu", "chungthuc", "a", "thu", "chungthucban"] {
            v.intern(word);
        }
        assert_eq!(v.intern("thu"), (1, false));
        assert_eq!(v.intern("chungthuc"), (2, false));
        assert_eq!(v.id("chungthucban"), Some(4));
        assert_eq!(v.id("th"), None);
        assert_eq!(v.id("chungthucb"), None);
        let (sorted, renumber) = v.into_sorted();
        assert_eq!(sorted, ["a", "chungthuc", "chungthucban", "thu", "thuc"]);
        assert_eq!(renumber, [4, 3, 1, 0, 2]);
    }

    #[test]
    fn packed_words_sort_as_the_words() {
        let words = ["", "a", "ab", "b", "ba", "zzzzzzzz", "thu", "thuc"];
        let mut by_key: Vec<&str> = words.to_vec();
        by_key.small_stable_sort_by_key(|w| pack(w));
        let mut by_text = words.to_vec();
        by_text.small_sort();
        assert_eq!(by_key, by_text);
    }
}
