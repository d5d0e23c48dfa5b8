//! Finding a procedure by its code: a table from a hash of each code to the position of the first
//! procedure with it, checked against that procedure's own code. It holds no copy of the codes
//! (a national catalog has thousands, each read before the first result).

use std::collections::HashMap;
use std::hash::BuildHasher;

use super::Procedure;
use crate::hash::BuildFastHasher;

/// The positions of procedures by code, the first of a code kept.
#[derive(Debug, Default)]
pub struct ByCode(HashMap<u64, u32, BuildFastHasher>);

impl ByCode {
    /// The table of `procedures`.
    pub fn of(procedures: &[Procedure]) -> ByCode {
        let mut table = ByCode(HashMap::with_capacity_and_hasher(procedures.len(), BuildFastHasher::default()));
        for (at, p) in procedures.iter().enumerate() {
            if table.find(&procedures[..at], &p.code).is_none() {
                table.add(&p.code, at);
            }
        }
        table
    }

    /// Tells the table that the procedure at `at` has `code` (unless a procedure before it has).
    pub fn add(&mut self, code: &str, at: usize) {
        self.0.entry(key(code)).or_insert(at as u32);
    }

    /// The position of the first procedure with `code` among `procedures`, those the table was
    /// told of ([`ByCode::add`]), in order.
    pub fn find(&self, procedures: &[Procedure], code: &str) -> Option<usize> {
        let at = *self.0.get(&key(code))? as usize;
        match procedures.get(at) {
            Some(p) if p.code == code => Some(at),
            // Another code with the same hash: rare enough to look through them all.
            _ => procedures.iter().position(|p| p.code == code),
        }
    }
}

fn key(code: &str) -> u64 {
    BuildFastHasher::default().hash_one(code)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn procedures(codes: &[&str]) -> Vec<Procedure> {
        codes.iter().map(|c| Procedure { code: c.to_string(), ..Procedure::default() }).collect()
    }

    #[test]
    fn finds_the_first_procedure_of_each_code_and_no_other() {
        let ps = procedures(&["1.000005", "2.001", "1.000005", "x"]);
        let table = ByCode::of(&ps);
        assert_eq!(table.find(&ps, "1.000005"), Some(0));
        assert_eq!(table.find(&ps, "2.001"), Some(1));
        assert_eq!(table.find(&ps, "x"), Some(3));
        assert_eq!(table.find(&ps, "1.00000"), None);
        assert_eq!(table.find(&ps, ""), None);
    }

    #[test]
    fn a_code_whose_hash_another_code_took_is_still_found() {
        let ps = procedures(&["a", "b"]);
        // As if "b" hashed as "a" does: the table holds only "a"'s position for both.
        let mut table = ByCode::default();
        table.0.insert(key("a"), 0);
        table.0.insert(key("b"), 0);
        assert_eq!(table.find(&ps, "b"), Some(1));
        assert_eq!(table.find(&ps, "a"), Some(0));
    }
}
