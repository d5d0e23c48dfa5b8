//! A fast hash for short keys of the catalog's own (the index's words, procedures' codes): not
//! chosen by an attacker in a way that matters (the catalog is the commune's own), so SipHash's
//! cost buys nothing here.

use std::hash::{BuildHasherDefault, Hasher};

/// The multiply-rotate hash of rustc's `FxHasher`, written out (no crate for 20 lines).
#[derive(Default, Clone, Copy)]
pub struct FastHasher(u64);

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl Hasher for FastHasher {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(word)).wrapping_mul(SEED);
        }
    }

    fn write_u8(&mut self, byte: u8) {
        self.0 = (self.0.rotate_left(5) ^ u64::from(byte)).wrapping_mul(SEED);
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(SEED);
    }

    /// The product's high bits depend on every bit written; the table picks buckets by the low
    /// bits, so they are rotated down.
    fn finish(&self) -> u64 {
        self.0.rotate_left(26)
    }
}

pub type BuildFastHasher = BuildHasherDefault<FastHasher>;

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    #[test]
    fn a_map_with_it_finds_what_it_holds() {
        let mut map: HashMap<String, u32, BuildFastHasher> = HashMap::default();
        for (i, w) in ["khai", "sinh", "khaisinh", "a", ""].iter().enumerate() {
            map.insert(w.to_string(), i as u32);
        }
        assert_eq!(map.get("sinh"), Some(&1));
        assert_eq!(map.get("khaisinh"), Some(&2));
        assert_eq!(map.get("kha"), None);
    }
}
