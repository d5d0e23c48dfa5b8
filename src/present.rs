//! How recorded catalog text is laid out for people: the list markers the source left at
//! the start of lines, amounts of money and dates in Vietnamese notation.
//! Pure functions; the words around them belong to the UI's text table.

use crate::date::Date;

/// The list marker a recorded line starts with, if any.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Marker {
    /// `-`, `*`, `•`: an item.
    Item,
    /// `+`: a sub-item of the item before it.
    SubItem,
}

/// Splits a leading list marker (`- `, `+ `, `* `, `• `) from recorded text and trims it.
/// Text that merely starts with a sign (`-5`, `+84`) keeps it.
pub fn split_marker(text: &str) -> (Option<Marker>, &str) {
    let t = text.trim();
    let mut chars = t.chars();
    let marker = match chars.next() {
        Some('-' | '*' | '•' | '–') => Marker::Item,
        Some('+') => Marker::SubItem,
        _ => return (None, t),
    };
    let rest = chars.as_str();
    if rest.starts_with(char::is_whitespace) {
        (Some(marker), rest.trim_start())
    } else {
        (None, t)
    }
}

/// A heading as recorded, without its list marker and trailing colon:
/// `"* Giấy tờ phải nộp:"` → `"Giấy tờ phải nộp"`.
pub fn heading(text: &str) -> &str {
    let (_, rest) = split_marker(text);
    rest.trim_end_matches([':', ' ']).trim_end()
}

/// An amount in Vietnamese notation: `.` groups thousands, `,` marks decimals
/// (at most two, trailing zeros dropped): `50000.0` → `"50.000"`, `1500.5` → `"1.500,5"`.
pub fn amount(value: f64) -> String {
    if !value.is_finite() {
        return String::new();
    }
    let cents = (value.abs() * 100.0).round() as u128;
    let (whole, frac) = (cents / 100, cents % 100);
    let digits = whole.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 4);
    if value < 0.0 && cents > 0 {
        out.push('-');
    }
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push('.');
        }
        out.push(d);
    }
    if frac > 0 {
        let f = format!("{frac:02}");
        out.push(',');
        out.push_str(f.trim_end_matches('0'));
    }
    out
}

/// An ISO date `YYYY-MM-DD` as Vietnamese write it, `DD/MM/YYYY`; `None` when it is not one.
pub fn date(iso: &str) -> Option<String> {
    Date::parse(iso.trim()).map(|d| format!("{:02}/{:02}/{:04}", d.day, d.month, d.year))
}

/// `text` cut to at most about `max` characters for a printed slip: at the end of the last
/// sentence that fits when it says enough (half of `max`), else at the last word that fits,
/// with "…" where something was left out. Short texts come back whole.
pub fn abridge(text: &str, max: usize) -> String {
    let text = text.trim();
    let Some((cut, _)) = text.char_indices().nth(max) else { return text.to_string() };
    let head = &text[..cut];
    let half = head.char_indices().nth(max / 2).map_or(0, |(i, _)| i);
    let sentence = [". ", "; ", ": "].iter().filter_map(|end| head.rfind(end).map(|i| i + 1)).max();
    let end = match sentence.filter(|&i| i >= half) {
        Some(i) => i,
        None => head.rfind(char::is_whitespace).unwrap_or(head.len()),
    };
    let kept = head[..end].trim_end_matches(|c: char| c.is_whitespace() || c == ',' || c == ';' || c == ':');
    format!("{kept} …")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_markers_are_split_off() {
        assert_eq!(split_marker("- Giấy chứng sinh"), (Some(Marker::Item), "Giấy chứng sinh"));
        assert_eq!(split_marker("  + Người tiếp nhận "), (Some(Marker::SubItem), "Người tiếp nhận"));
        assert_eq!(split_marker("* Lưu ý"), (Some(Marker::Item), "Lưu ý"));
        assert_eq!(split_marker("• Tờ khai"), (Some(Marker::Item), "Tờ khai"));
        assert_eq!(split_marker("Tờ khai"), (None, "Tờ khai"));
        // A sign that is part of the text stays.
        assert_eq!(split_marker("+84 912"), (None, "+84 912"));
        assert_eq!(split_marker("-"), (None, "-"));
        assert_eq!(split_marker(""), (None, ""));
    }

    #[test]
    fn long_papers_are_abridged_at_a_sentence_or_a_word() {
        // Papers of 1.001193 and 1.013225 as the portal writes them.
        let short = "Giấy chứng sinh; trường hợp không có Giấy chứng sinh thì nộp văn bản của người làm chứng.";
        assert_eq!(abridge(short, 200), short);
        let proxy = "Văn bản ủy quyền (được chứng thực) theo quy định của pháp luật trong trường hợp ủy quyền thực \
                     hiện việc đăng ký khai sinh. Trường hợp người được ủy quyền là ông, bà, cha, mẹ, con, vợ, chồng, \
                     anh, chị, em ruột của người ủy quyền thì văn bản ủy quyền không phải chứng thực.";
        assert_eq!(
            abridge(proxy, 200),
            "Văn bản ủy quyền (được chứng thực) theo quy định của pháp luật trong trường hợp ủy quyền thực \
             hiện việc đăng ký khai sinh. …"
        );
        let land = "Một trong những giấy tờ hợp pháp về đất đai chứng minh sự phù hợp mục đích sử dụng đất và sở \
                    hữu công trình để cấp phép xây dựng theo quy định tại Điều 53 của Nghị định số 175/2024/NĐ-CP \
                    bao gồm: + Giấy chứng nhận quyền sử dụng đất được cấp theo quy định của Luật Đất đai qua các \
                    thời kỳ.";
        assert_eq!(
            abridge(land, 200),
            "Một trong những giấy tờ hợp pháp về đất đai chứng minh sự phù hợp mục đích sử dụng đất và sở \
             hữu công trình để cấp phép xây dựng theo quy định tại Điều 53 của Nghị định số 175/2024/NĐ-CP \
             bao gồm …"
        );
        // No sentence end in the second half: cut at a word, never inside one.
        let words = "một hai ba bốn năm sáu bảy tám chín mười";
        assert_eq!(abridge(words, 12), "một hai ba …");
        assert_eq!(abridge("mộthaibabốn", 5), "mộtha …");
    }

    #[test]
    fn headings_lose_marker_and_colon() {
        assert_eq!(heading("* Giấy tờ phải nộp:"), "Giấy tờ phải nộp");
        assert_eq!(heading("* Lưu ý :"), "Lưu ý");
        assert_eq!(heading("Thành phần hồ sơ"), "Thành phần hồ sơ");
    }

    #[test]
    fn amounts_use_vietnamese_separators() {
        assert_eq!(amount(0.0), "0");
        assert_eq!(amount(8000.0), "8.000");
        assert_eq!(amount(50000.0), "50.000");
        assert_eq!(amount(1234567.0), "1.234.567");
        assert_eq!(amount(1500.5), "1.500,5");
        assert_eq!(amount(999.999), "1.000");
        assert_eq!(amount(-2000.0), "-2.000");
        assert_eq!(amount(f64::NAN), "");
    }

    #[test]
    fn dates_are_day_month_year() {
        assert_eq!(date("2026-07-17").as_deref(), Some("17/07/2026"));
        assert_eq!(date("2026-7-17"), None);
        assert_eq!(date("hôm qua"), None);
        assert_eq!(date("2026-02-30"), None, "a day the month does not have");
    }
}
