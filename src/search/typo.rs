//! Misspellings: typing slips (one letter wrong, missing, extra or swapped) and the regional
//! spellings of the same sound (tr/ch, s/x, d/gi/r, l/n at the start; n/ng, t/c at the end).

/// Allowed edits for a folded word of this many letters: none for short words, where one
/// edit makes another real syllable; one from 4 letters; two from 8 (codes, long loanwords).
pub fn max_edits(len: usize) -> usize {
    match len {
        0..=3 => 0,
        4..=7 => 1,
        _ => 2,
    }
}

/// True when `a` becomes `b` with at most `k` single-letter edits (substitution, insertion,
/// deletion, or swap of two neighbours). Both are folded ASCII.
pub fn within(a: &str, b: &str, k: usize) -> bool {
    const MAX: usize = 32;
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len().abs_diff(b.len()) > k || a.len() >= MAX || b.len() >= MAX {
        return a == b;
    }
    // Optimal string alignment distance, row by row, stopping once a whole row exceeds k.
    let mut before = [0usize; MAX];
    let mut previous = [0usize; MAX];
    let mut current = [0usize; MAX];
    for (j, cell) in previous.iter_mut().enumerate().take(b.len() + 1) {
        *cell = j;
    }
    for i in 1..=a.len() {
        current[0] = i;
        let mut row_best = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut d = (previous[j] + 1).min(current[j - 1] + 1).min(previous[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d = d.min(before[j - 2] + 1);
            }
            current[j] = d;
            row_best = row_best.min(d);
        }
        if row_best > k {
            return false;
        }
        before = previous;
        previous = current;
    }
    previous[b.len()] <= k
}

/// Onsets that people write for one another.
const ONSETS: &[&[&str]] = &[&["tr", "ch"], &["s", "x"], &["d", "gi", "r", "v"], &["l", "n"], &["ph", "f"]];
/// Finals that southern and central speakers merge: (written, also written as).
const FINALS: &[(&str, &str)] = &[("ng", "n"), ("n", "ng"), ("nh", "n"), ("n", "nh"), ("c", "t"), ("t", "c")];

/// The regional spellings of a folded syllable, the syllable itself excluded:
/// "chu" → "tru"; "xac" → "sac", "xat"; "giai" → "dai", "rai", "vai".
pub fn regional(word: &str) -> Vec<String> {
    // The longest onset of a group ("gi" before "g", "tr" before "t"), and its group.
    let onset = ONSETS
        .iter()
        .flat_map(|group| group.iter().map(move |o| (*o, *group)))
        .filter(|(o, _)| word.starts_with(o) && word.len() > o.len())
        .max_by_key(|(o, _)| o.len());
    let (head, others): (&str, &[&str]) = onset.unwrap_or(("", &[]));
    let rest = &word[head.len()..];
    let mut out: Vec<String> = Vec::new();
    let mut push = |candidate: String| {
        if candidate != word && !out.contains(&candidate) {
            out.push(candidate);
        }
    };
    for other in others {
        push(format!("{other}{rest}"));
    }
    for (written, heard) in FINALS {
        // Only the longest final counts: "nh" is not "n" + "h".
        let longer = FINALS.iter().any(|(w, _)| w.len() > written.len() && rest.ends_with(w));
        if rest.len() > written.len() && rest.ends_with(written) && !longer {
            push(format!("{head}{}{heard}", &rest[..rest.len() - written.len()]));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_edit_covers_slips_of_every_kind() {
        assert!(within("sinh", "sinh", 1));
        assert!(within("sihn", "sinh", 1), "swap");
        assert!(within("sinh", "snh", 1), "missing letter");
        assert!(within("khaii", "khai", 1), "extra letter");
        assert!(within("thuong", "thuomg", 1), "wrong letter");
        assert!(!within("thuong", "thoung", 0));
        assert!(!within("khai", "kha", 0));
        assert!(!within("sinh", "tinh", 0));
        assert!(!within("thuong", "tuongg", 1), "two edits");
        assert!(within("thuong", "tuongg", 2));
    }

    #[test]
    fn short_words_get_no_edits_and_long_ones_two() {
        assert_eq!((max_edits(3), max_edits(4), max_edits(7), max_edits(8)), (0, 1, 1, 2));
    }

    #[test]
    fn regional_spellings_swap_onsets_and_finals() {
        let of = |w: &str| regional(w);
        assert!(of("chu").contains(&"tru".to_string()));
        assert!(of("tru").contains(&"chu".to_string()));
        assert!(of("xac").contains(&"sac".to_string()));
        assert!(of("xac").contains(&"xat".to_string()));
        assert!(of("giai").contains(&"dai".to_string()) && of("giai").contains(&"rai".to_string()));
        assert!(of("nam").contains(&"lam".to_string()));
        assert!(of("tan").contains(&"tang".to_string()));
        assert!(!of("chu").contains(&"chu".to_string()));
        assert!(of("a").is_empty() || !of("a").contains(&"a".to_string()));
    }
}
