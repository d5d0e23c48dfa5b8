//! Vietnamese text folding for search: tones, hats and đ removed, case ignored,
//! precomposed and decomposed input alike. A small table instead of a Unicode crate.

/// Base letters of U+00C0..=U+01B0 (Latin-1 Supplement and Latin Extended-A/B up to ư);
/// a space marks a character that is not a letter here (×, ÷, Æ…).
const LATIN: &[u8; 241] = b"aaaaaa ceeeeiiiidnooooo  uuuuy  aaaaaa ceeeeiiiidnooooo  uuuuy yaaaaaaccccccccddddeeeeeeeeeegggggggghh  iiiiiiiii   jjkk llllll    nnnnnn   oooooo  rrrrrrsssssssstttt  uuuuuuuuuuuuwwyyyzzzzzz                                 oo             uu";
/// Base letters of U+1EA0..=U+1EF9 (Latin Extended Additional: the Vietnamese letters with tones).
const VIETNAMESE: &[u8; 90] =
    b"aaaaaaaaaaaaaaaaaaaaaaaaeeeeeeeeeeeeeeeeiiiioooooooooooooooooooooooouuuuuuuuuuuuuuyyyyyyyy";

/// What one character becomes in folded text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Folded {
    /// A lowercase ASCII letter or digit.
    Char(char),
    /// Ends a word.
    Separator,
    /// Leaves no trace: combining marks (decomposed tones), format characters.
    Nothing,
}

/// Each ASCII character folded: a lowercase letter or digit, or `SEPARATOR`.
const ASCII: [u8; 128] = {
    let mut table = [SEPARATOR; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        table[b] = match c {
            b'0'..=b'9' | b'a'..=b'z' => c,
            b'A'..=b'Z' => c.to_ascii_lowercase(),
            _ => SEPARATOR,
        };
        b += 1;
    }
    table[b'y' as usize] = b'i';
    table[b'Y' as usize] = b'i';
    table
};

/// What `fold_code` gives for a character that ends a word, and for one that leaves no trace.
const SEPARATOR: u8 = 0;
const NOTHING: u8 = 1;

/// Folds one character, by its code point: a lowercase ASCII letter or digit, `SEPARATOR` or
/// `NOTHING`.
fn fold_code(cp: u32) -> u8 {
    let base = match cp {
        0..=0x7F => return ASCII[cp as usize],
        0xC0..=0x1B0 => LATIN[(cp - 0xC0) as usize],
        0x1EA0..=0x1EF9 => VIETNAMESE[(cp - 0x1EA0) as usize],
        // Combining diacritics, zero-width and directional marks, soft hyphen, BOM.
        0x300..=0x36F | 0x200B..=0x200F | 0x202A..=0x202E | 0x2060..=0x2064 | 0xAD | 0xFEFF => return NOTHING,
        _ => return SEPARATOR,
    };
    match base {
        b' ' => SEPARATOR,
        b'y' => b'i',
        other => other,
    }
}

/// Folds one character. `y` becomes `i`: Vietnamese spells many syllables either way
/// (`ký`/`kí`, `lý`/`lí`), and citizens type both.
pub fn fold_char(c: char) -> Folded {
    match fold_code(c as u32) {
        SEPARATOR => Folded::Separator,
        NOTHING => Folded::Nothing,
        folded => Folded::Char(folded as char),
    }
}

/// Folds text to lowercase ASCII words separated by single spaces.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_space = false;
    for c in text.chars() {
        match fold_char(c) {
            Folded::Char(f) => {
                if pending_space && !out.is_empty() {
                    out.push(' ');
                }
                pending_space = false;
                out.push(f);
            }
            Folded::Separator => pending_space = true,
            Folded::Nothing => {}
        }
    }
    out
}

/// Calls `f` with each folded word of `text`, folding into `buffer` (no allocation per word).
/// The index's build folds the whole catalog with it: it reads bytes, not `char`s.
pub fn each_word(text: &str, buffer: &mut String, mut f: impl FnMut(&str)) {
    buffer.clear();
    let mut end_word = |buffer: &mut String| {
        if !buffer.is_empty() {
            f(buffer);
            buffer.clear();
        }
    };
    let bytes = text.as_bytes();
    let byte = |i: usize| u32::from(bytes.get(i).map_or(0, |b| b & 0x3F));
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        // UTF-8: one byte for ASCII, two for most accented letters, three for the rest of the
        // Vietnamese ones; the four-byte characters (emoji) are never letters here.
        let (folded, len) = match b {
            0..=0x7F => (ASCII[b as usize], 1),
            0xC0..=0xDF => (fold_code(u32::from(b & 0x1F) << 6 | byte(i + 1)), 2),
            0xE0..=0xEF => (fold_code(u32::from(b & 0x0F) << 12 | byte(i + 1) << 6 | byte(i + 2)), 3),
            _ => (SEPARATOR, 4),
        };
        i += len;
        match folded {
            SEPARATOR => end_word(buffer),
            NOTHING => {}
            c => buffer.push(char::from(c)),
        }
    }
    end_word(buffer);
}

/// The folded words of a text.
pub fn words(text: &str) -> Vec<String> {
    fold(text).split(' ').filter(|w| !w.is_empty()).map(str::to_owned).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_vietnamese_vowel_with_every_tone_folds_to_its_base() {
        let rows = [
            ("aàáảãạăằắẳẵặâầấẩẫậ", 'a'),
            ("eèéẻẽẹêềếểễệ", 'e'),
            ("iìíỉĩị", 'i'),
            ("oòóỏõọôồốổỗộơờớởỡợ", 'o'),
            ("uùúủũụưừứửữự", 'u'),
            ("yỳýỷỹỵ", 'i'),
        ];
        for (letters, base) in rows {
            for c in letters.chars().chain(letters.to_uppercase().chars()) {
                assert_eq!(fold_char(c), Folded::Char(base), "{c}");
            }
        }
        for c in ['đ', 'Đ', 'Ð', 'd', 'D'] {
            assert_eq!(fold_char(c), Folded::Char('d'), "{c}");
        }
    }

    /// Every letter of the Vietnamese alphabet with every tone, in lower and upper case.
    fn vietnamese_letters() -> Vec<(char, char)> {
        let vowels = [
            ("a", 'a'),
            ("ă", 'a'),
            ("â", 'a'),
            ("e", 'e'),
            ("ê", 'e'),
            ("i", 'i'),
            ("o", 'o'),
            ("ô", 'o'),
            ("ơ", 'o'),
            ("u", 'u'),
            ("ư", 'u'),
            ("y", 'i'),
        ];
        let tones = ["", "\u{300}", "\u{301}", "\u{309}", "\u{303}", "\u{323}"];
        let mut out = Vec::new();
        for (vowel, base) in vowels {
            for tone in tones {
                let decomposed = format!("{vowel}{tone}");
                for text in [decomposed.clone(), decomposed.to_uppercase()] {
                    let composed: String = unicode_normalization::UnicodeNormalization::nfc(text.as_str()).collect();
                    let mut chars = composed.chars();
                    if let (Some(c), None) = (chars.next(), chars.next()) {
                        out.push((c, base));
                    }
                }
            }
        }
        for c in "bcdfghklmnpqrstvx".chars() {
            out.push((c, c));
            out.push((c.to_ascii_uppercase(), c));
        }
        out.extend([('đ', 'd'), ('Đ', 'd')]);
        out
    }

    #[test]
    fn every_vietnamese_letter_folds_alike_precomposed_and_decomposed() {
        let letters = vietnamese_letters();
        // 12 vowels × 6 tones × 2 cases, 17 consonants × 2 cases, đ and Đ.
        assert_eq!(letters.len(), 12 * 6 * 2 + 17 * 2 + 2);
        for (c, base) in letters {
            assert_eq!(fold(&c.to_string()), base.to_string(), "{c} (U+{:04X})", c as u32);
            let decomposed: String = unicode_normalization::UnicodeNormalization::nfd(c.to_string().as_str()).collect();
            assert_eq!(fold(&decomposed), base.to_string(), "{c} decomposed as {decomposed:?}");
        }
    }

    #[test]
    fn decomposed_and_precomposed_input_fold_alike() {
        // "Đăng ký khai sinh" with combining tone marks (NFD).
        let decomposed = "\u{110}a\u{306}ng ky\u{301} khai sinh";
        assert_eq!(fold(decomposed), "dang ki khai sinh");
        assert_eq!(fold("Đăng ký khai sinh"), "dang ki khai sinh");
        assert_eq!(fold("ĐĂNG KÍ KHAI SINH"), "dang ki khai sinh");
    }

    #[test]
    fn old_and_new_tone_placement_fold_alike() {
        assert_eq!(fold("hoà"), fold("hòa"));
        assert_eq!(fold("thuỷ"), fold("thủy"));
    }

    #[test]
    fn each_word_gives_the_words_of_fold() {
        let text = "  Đăng ký, khai\u{301} sinh (1.001193)  ";
        let mut seen = Vec::new();
        each_word(text, &mut String::new(), |w| seen.push(w.to_string()));
        assert_eq!(seen, words(text));
    }

    #[test]
    fn punctuation_separates_and_invisible_characters_vanish() {
        assert_eq!(fold("  Hộ tịch,\u{a0}cư-trú\u{200e}! "), "ho tich cu tru");
        assert_eq!(words("1.001193"), vec!["1", "001193"]);
        assert_eq!(fold("so\u{ad}do"), "sodo");
    }
}
