//! QR codes for links (a procedure page, the portal's submission page), drawn as SVG.
//!
//! Encoding is Nayuki's `qrcodegen`: byte mode (UTF-8, no ECI header: phone readers take
//! UTF-8 as is, and links are ASCII anyway), level M at least (raised to Q or H when that
//! fits in the same size), best of the 8 masks. Versions stop at [`MAX_VERSION`], so a code
//! stays readable when printed small.

use std::fmt::{self, Write};

use qrcodegen::{QrCode, QrCodeEcc, QrSegment, Version};

/// Largest version used: 57×57 modules.
pub const MAX_VERSION: u8 = 10;
/// Most bytes of text that fit in [`MAX_VERSION`] at level M.
pub const MAX_BYTES: usize = 213;
/// Light margin around the code, in modules (the standard asks for 4).
const QUIET: usize = 4;

/// Why no QR code could be made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum QrError {
    /// The text does not fit in the largest code used.
    TooLong { bytes: usize, max: usize },
}

impl fmt::Display for QrError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            QrError::TooLong { bytes, max } => {
                write!(f, "the text is too long for a QR code: {bytes} bytes, at most {max}")
            }
        }
    }
}

impl std::error::Error for QrError {}

/// The QR code of `text` as an SVG document: one path of dark modules, a quiet zone,
/// no width or height (CSS sizes it). It has no background: show it on a light one.
pub fn svg(text: &str) -> Result<String, QrError> {
    let code = encode(text)?;
    let side = code.size() as usize + 2 * QUIET;
    Ok(format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {side} {side}" shape-rendering="crispEdges"><path d="{}"/></svg>"#,
        path_data(&code)
    ))
}

/// The modules of the QR code of `text`, rows top to bottom, `true` for dark; no quiet zone.
pub fn matrix(text: &str) -> Result<Vec<Vec<bool>>, QrError> {
    let code = encode(text)?;
    let size = code.size();
    Ok((0..size).map(|y| (0..size).map(|x| code.get_module(x, y)).collect()).collect())
}

fn encode(text: &str) -> Result<QrCode, QrError> {
    let segments = [QrSegment::make_bytes(text.as_bytes())];
    let max = Version::new(MAX_VERSION);
    QrCode::encode_segments_advanced(&segments, QrCodeEcc::Medium, Version::MIN, max, None, true)
        .map_err(|_| QrError::TooLong { bytes: text.len(), max: MAX_BYTES })
}

/// Path data: one rectangle per horizontal run of dark modules, offset by the quiet zone.
fn path_data(code: &QrCode) -> String {
    let mut d = String::new();
    for y in 0..code.size() {
        let row: Vec<bool> = (0..code.size()).map(|x| code.get_module(x, y)).collect();
        for (x, len) in dark_runs(&row) {
            // Writing to a String cannot fail.
            let _ = write!(d, "M{} {}h{len}v1h-{len}z", x + QUIET, y as usize + QUIET);
        }
    }
    d
}

/// (start, length) of each run of `true`.
fn dark_runs(row: &[bool]) -> Vec<(usize, usize)> {
    let mut runs = Vec::new();
    let mut start = None;
    for (x, &dark) in row.iter().chain([&false]).enumerate() {
        match (dark, start) {
            (true, None) => start = Some(x),
            (false, Some(s)) => {
                runs.push((s, x - s));
                start = None;
            }
            _ => {}
        }
    }
    runs
}

#[cfg(test)]
mod tests {
    use super::*;
    use qrcodegen::Mask;

    const URL: &str = "https://xa-vinh-bao.example.gov.vn/thu-tuc/#/thu-tuc/1.001193?case=2";

    fn version_of(text: &str) -> u8 {
        encode(text).map(|c| c.version().value()).unwrap_or(0)
    }

    /// Forced version, level and mask, no boost.
    fn fixed(segment: QrSegment, version: u8, ecl: QrCodeEcc, mask: u8) -> Vec<Vec<bool>> {
        let v = Version::new(version);
        let code = QrCode::encode_segments_advanced(&[segment], ecl, v, v, Some(Mask::new(mask)), false).expect("fits");
        let size = code.size();
        (0..size).map(|y| (0..size).map(|x| code.get_module(x, y)).collect()).collect()
    }

    /// Both copies of the 15 format bits, bit 0 first, read as ISO/IEC 18004 places them.
    fn format_bits(m: &[Vec<bool>]) -> (u32, u32) {
        let n = m.len();
        let first = [(8, 0), (8, 1), (8, 2), (8, 3), (8, 4), (8, 5), (8, 7), (8, 8), (7, 8)]
            .into_iter()
            .chain((9..15).map(|i| (14 - i, 8)));
        let second = (0..8).map(|i| (n - 1 - i, 8)).chain((8..15).map(|i| (8, n - 15 + i)));
        let read = |cells: &mut dyn Iterator<Item = (usize, usize)>| {
            cells.enumerate().fold(0, |acc, (i, (x, y))| acc | (u32::from(m[y][x]) << i))
        };
        (read(&mut first.into_iter()), read(&mut second.into_iter()))
    }

    /// The 18 version bits of the bottom-left block, bit 0 first.
    fn version_bits(m: &[Vec<bool>]) -> u32 {
        let n = m.len();
        (0..18).fold(0, |acc, i| acc | (u32::from(m[n - 11 + i % 3][i / 3]) << i))
    }

    fn mask_applies(mask: u8, row: usize, col: usize) -> bool {
        let (i, j) = (row, col);
        match mask {
            0 => (i + j) % 2 == 0,
            1 => i % 2 == 0,
            2 => j % 3 == 0,
            3 => (i + j) % 3 == 0,
            4 => (i / 2 + j / 3) % 2 == 0,
            5 => (i * j) % 2 + (i * j) % 3 == 0,
            6 => ((i * j) % 2 + (i * j) % 3) % 2 == 0,
            _ => ((i + j) % 2 + (i * j) % 3) % 2 == 0,
        }
    }

    /// Version 1 only (no alignment pattern): the 26 codewords in placement order, unmasked.
    fn read_codewords_v1(m: &[Vec<bool>], mask: u8) -> Vec<u8> {
        let n = m.len();
        let function =
            |x: usize, y: usize| x == 6 || y == 6 || (x < 9 && y < 9) || (x >= n - 8 && y < 9) || (x < 9 && y >= n - 8);
        let mut bits = Vec::new();
        let mut right = n - 1;
        let mut upward = true;
        loop {
            for k in 0..n {
                let y = if upward { n - 1 - k } else { k };
                for x in [right, right - 1] {
                    if !function(x, y) {
                        bits.push(m[y][x] ^ mask_applies(mask, y, x));
                    }
                }
            }
            if right < 3 {
                break;
            }
            right -= if right == 8 { 3 } else { 2 };
            upward = !upward;
        }
        bits.chunks(8).map(|b| b.iter().fold(0, |acc, &bit| acc << 1 | u8::from(bit))).collect()
    }

    #[test]
    fn reed_solomon_matches_the_standard_example() {
        // ISO/IEC 18004 worked example: "01234567", version 1-M.
        let data = [0x10, 0x20, 0x0C, 0x56, 0x61, 0x80, 0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11];
        let ec = [0xA5, 0x24, 0xD4, 0xC1, 0xED, 0x36, 0xC7, 0x87, 0x2C, 0x55];
        let expected: Vec<u8> = data.into_iter().chain(ec).collect();
        for mask in 0..8 {
            let m = fixed(QrSegment::make_numeric("01234567"), 1, QrCodeEcc::Medium, mask);
            assert_eq!(read_codewords_v1(&m, mask), expected, "mask {mask}");
        }
    }

    #[test]
    fn format_bits_level_m_mask_0() {
        let m = fixed(QrSegment::make_bytes(b"motcua"), 1, QrCodeEcc::Medium, 0);
        assert_eq!(format_bits(&m), (0b101010000010010, 0b101010000010010));
        assert!(m[m.len() - 8][8], "dark module");
    }

    #[test]
    fn format_bits_name_level_and_mask() {
        for mask in 0..8u32 {
            let m = fixed(QrSegment::make_bytes(b"motcua"), 2, QrCodeEcc::Medium, mask as u8);
            let (first, second) = format_bits(&m);
            assert_eq!(first, second);
            // Unmasked data: level M (00) then the mask number.
            assert_eq!((first ^ 0x5412) >> 10, mask);
        }
    }

    #[test]
    fn version_information_from_version_7() {
        let m = matrix(&"a".repeat(120)).expect("fits");
        assert_eq!(m.len(), 45, "version 7");
        assert_eq!(version_bits(&m), 0x07C94);
        let m = matrix(&"a".repeat(200)).expect("fits");
        assert_eq!(m.len(), 57, "version 10");
        assert_eq!(version_bits(&m), 0x0A4D3);
    }

    #[test]
    fn version_grows_with_length() {
        // Byte capacity at level M: v1 14, v2 26, v6 106, v8 152, v10 213.
        assert_eq!(version_of(&"x".repeat(14)), 1);
        assert_eq!(version_of(&"x".repeat(15)), 2);
        assert_eq!(version_of(&"x".repeat(106)), 6);
        assert_eq!(version_of(&"x".repeat(107)), 7);
        assert_eq!(version_of(URL), 5);
        assert_eq!(version_of(&"x".repeat(150)), 8);
        assert_eq!(version_of(&"x".repeat(MAX_BYTES)), MAX_VERSION);
    }

    #[test]
    fn level_is_at_least_m() {
        for len in [1, 14, 60, 150, MAX_BYTES] {
            let code = encode(&"x".repeat(len)).expect("fits");
            assert_ne!(code.error_correction_level(), QrCodeEcc::Low, "{len} bytes");
        }
    }

    #[test]
    fn too_long_is_an_error_in_plain_words() {
        let err = svg(&"x".repeat(MAX_BYTES + 1)).unwrap_err();
        assert_eq!(err, QrError::TooLong { bytes: 214, max: 213 });
        assert_eq!(err.to_string(), "the text is too long for a QR code: 214 bytes, at most 213");
        // Bytes, not characters: "ạ" is 3 bytes in UTF-8.
        assert!(matrix(&"ạ".repeat(71)).is_ok());
        assert_eq!(matrix(&"ạ".repeat(72)), Err(QrError::TooLong { bytes: 216, max: 213 }));
    }

    #[test]
    fn svg_is_compact_and_sized_by_css() {
        let s = svg("https://dichvucong.gov.vn").expect("fits");
        assert!(s.starts_with(r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 33 33" shape-rendering="crispEdges"><path d="M4 4h7v1h-7z"#));
        assert!(s.ends_with(r#""/></svg>"#));
        assert_eq!(s.matches("<path").count(), 1);
        assert!(!s.contains("width") && !s.contains("height"));
    }

    #[test]
    fn svg_draws_exactly_the_dark_modules() {
        let m = matrix(URL).expect("fits");
        let s = svg(URL).expect("fits");
        let n = m.len() + 2 * QUIET;
        let mut drawn = vec![vec![false; n]; n];
        let d = s.split(" d=\"").nth(1).and_then(|r| r.split('"').next()).expect("path data");
        for rect in d.split('z').filter(|r| !r.is_empty()) {
            let nums: Vec<usize> = rect
                .split(|c: char| !c.is_ascii_digit())
                .filter(|t| !t.is_empty())
                .map(|t| t.parse().expect("number"))
                .collect();
            let [x, y, len, one, len2] = nums[..] else { panic!("rectangle {rect}") };
            assert_eq!((one, len2), (1, len));
            drawn[y][x..x + len].iter_mut().for_each(|c| *c = true);
        }
        for (y, row) in drawn.iter().enumerate() {
            for (x, &dark) in row.iter().enumerate() {
                let inside = (QUIET..n - QUIET).contains(&x) && (QUIET..n - QUIET).contains(&y);
                assert_eq!(dark, inside && m[y - QUIET][x - QUIET], "module ({x}, {y})");
            }
        }
    }

    #[test]
    fn runs_of_dark_modules() {
        assert_eq!(dark_runs(&[]), vec![]);
        assert_eq!(dark_runs(&[false, false]), vec![]);
        assert_eq!(dark_runs(&[true, true, false, true]), vec![(0, 2), (3, 1)]);
    }
}
