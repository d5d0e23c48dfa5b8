//! Percent-encoding of text in URLs (RFC 3986), as UTF-8.

/// Percent-encodes everything but the unreserved characters (letters, digits, `-._~`).
pub fn encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 3);
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~".contains(&byte) {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// Decodes `%XX` escapes; a `%` not followed by two hex digits stays as it is, and bytes that
/// are not UTF-8 become U+FFFD.
pub fn decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes.get(i + 1..i + 3).and_then(|h| std::str::from_utf8(h).ok());
        match (bytes[i], hex.and_then(|h| u8::from_str_radix(h, 16).ok())) {
            (b'%', Some(byte)) => {
                out.push(byte);
                i += 3;
            }
            (byte, _) => {
                out.push(byte);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vietnamese_text_survives_the_round_trip() {
        let text = "đăng ký khai sinh & kết hôn / 100%";
        assert_eq!(
            encode(text),
            "%C4%91%C4%83ng%20k%C3%BD%20khai%20sinh%20%26%20k%E1%BA%BFt%20h%C3%B4n%20%2F%20100%25"
        );
        assert_eq!(decode(&encode(text)), text);
    }

    #[test]
    fn broken_escapes_are_left_alone() {
        assert_eq!(decode("100%"), "100%");
        assert_eq!(decode("%zz%4"), "%zz%4");
        assert_eq!(decode("%C3"), "\u{FFFD}");
        assert_eq!(decode("khai+sinh"), "khai+sinh");
    }
}
