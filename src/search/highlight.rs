//! Which words of a text to highlight for a query: the words that matched, found again in the
//! text as the citizen sees it (with its diacritics), so that the marks land on whole words.

use std::ops::Range;

use crate::fold::{self, Folded};

/// Byte ranges of the words of `text` whose folded form is one of `terms` (folded words, as
/// given by `Index::terms`). Adjacent ranges are merged.
pub fn highlight(text: &str, terms: &[String]) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::new();
    let mut word = String::new();
    let mut start = None;
    let mut end = 0;
    let flush = |word: &mut String, start: &mut Option<usize>, end: usize, out: &mut Vec<Range<usize>>| {
        if let Some(s) = start.take() {
            if terms.iter().any(|t| t == word) {
                match out.last_mut() {
                    Some(last) if text[last.end..s].trim().is_empty() => last.end = end,
                    _ => out.push(s..end),
                }
            }
        }
        word.clear();
    };
    for (i, c) in text.char_indices() {
        match fold::fold_char(c) {
            Folded::Char(f) => {
                start.get_or_insert(i);
                word.push(f);
                end = i + c.len_utf8();
            }
            Folded::Nothing => {
                if start.is_some() {
                    end = i + c.len_utf8();
                }
            }
            Folded::Separator => flush(&mut word, &mut start, end, &mut out),
        }
    }
    flush(&mut word, &mut start, end, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marked(text: &str, terms: &[&str]) -> Vec<String> {
        let terms: Vec<String> = terms.iter().map(|t| t.to_string()).collect();
        highlight(text, &terms).into_iter().map(|r| text[r].to_string()).collect()
    }

    #[test]
    fn whole_words_are_marked_in_the_original_spelling() {
        assert_eq!(marked("Thủ tục đăng ký khai sinh", &["khai", "sinh"]), ["khai sinh"]);
        assert_eq!(marked("Đăng ký kết hôn", &["dang", "hon"]), ["Đăng", "hôn"]);
        // Decomposed text: the combining marks stay inside the mark.
        assert_eq!(marked("khai sinh\u{301}", &["sinh"]), ["sinh\u{301}"]);
        assert!(marked("Chứng thực", &["chung thuc"]).is_empty(), "terms are single words");
    }

    #[test]
    fn punctuation_stays_outside_the_marks() {
        assert_eq!(marked("Cấp bản sao Giấy khai sinh, trích lục", &["khai", "sinh", "trich"]), ["khai sinh", "trích"]);
    }
}
