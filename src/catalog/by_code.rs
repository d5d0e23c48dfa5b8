//! Finding a procedure by its code: a table from a hash of each code to the position of the first
//! procedure with it, checked against that procedure's own code. It holds no copy of the codes
//! (a national catalog has thousands, each read before the first result).

use std::collections::hash_map::{Entry, HashMap};
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
            table.add(&procedures[..at], &p.code);
        }
        table
    }

    /// Tells the table of the procedure with `code` that follows `earlier`, those it was told of,
    /// in order. Returns the position of an earlier one with that code: that one stays found.
    pub fn add(&mut self, earlier: &[Procedure], code: &str) -> Option<usize> {
        match self.0.entry(key(code)) {
            Entry::Vacant(entry) => {
                entry.insert(earlier.len() as u32);
                None
            }
            Entry::Occupied(entry) => first(earlier, *entry.get() as usize, code),
        }
    }

    /// The position of the first procedure with `code` among `procedures`, those the table was
    /// told of ([`ByCode::add`]), in order.
    pub fn find(&self, procedures: &[Procedure], code: &str) -> Option<usize> {
        first(procedures, *self.0.get(&key(code))? as usize, code)
    }
}

/// The position of the first of `procedures` with `code`: `at`, the table's position for the
/// code's hash, when that procedure has it.
fn first(procedures: &[Procedure], at: usize, code: &str) -> Option<usize> {
    match procedures.get(at) {
        Some(p) if p.code == code => Some(at),
        // Another code with the same hash: rare enough to look through them all.
        _ => procedures.iter().position(|p| p.code == code),
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
        // Told of them one by one, it says which repeat an earlier one.
        let mut told = ByCode::default();
        let said: Vec<_> = (0..ps.len()).map(|at| told.add(&ps[..at], &ps[at].code)).collect();
        assert_eq!(said, [None, None, Some(0), None]);
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
