//! Cleaning the source's text: NFC, no invisible format characters, ordinary spaces, trimmed.

use unicode_normalization::UnicodeNormalization;

use crate::catalog::{LegalDoc, Step};

/// NFC, format characters (U+200E, U+FEFF…) dropped, no-break spaces made plain, trimmed.
pub fn clean(text: &str) -> String {
    let normalized: String = text
        .nfc()
        .filter(|c| !matches!(*c as u32, 0x200B..=0x200F | 0x202A..=0x202E | 0x2060..=0x2064 | 0xFEFF | 0xAD))
        .map(|c| if c == '\u{a0}' { ' ' } else { c })
        .collect();
    normalized.trim().to_string()
}

/// [`clean`], and `None` when nothing is left.
pub fn clean_opt(text: Option<&str>) -> Option<String> {
    text.map(clean).filter(|t| !t.is_empty())
}

/// A name on one line: line breaks and runs of spaces become single spaces.
pub fn one_line(text: &str) -> String {
    clean(text).split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A step from its cleaned title and text; none without text.
pub fn step(title: Option<&str>, text: Option<&str>) -> Option<Step> {
    Some(Step { title: clean_opt(title), text: clean_opt(text)? })
}

/// A legal basis from its cleaned code and name; none without a name.
pub fn legal_doc(code: Option<&str>, name: Option<&str>) -> Option<LegalDoc> {
    Some(LegalDoc { code: clean_opt(code), name: clean_opt(name)? })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cleans_decomposed_text_and_invisible_marks() {
        assert_eq!(clean(" \u{200e}Đa\u{306}ng ky\u{301}\u{a0}x "), "Đăng ký x");
        assert_eq!(one_line("Thủ tục\nđăng  ký"), "Thủ tục đăng ký");
        assert_eq!(clean_opt(Some("  ")), None);
    }
}
