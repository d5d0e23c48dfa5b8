//! Whether a procedure is the commune's to handle.

use super::{Level, Procedure, RecordSource};
use crate::fold;

impl Procedure {
    /// Handled at commune level, by the record's levels or, for index rows (which have no
    /// levels), by the agencies.
    pub fn is_commune_level(&self) -> bool {
        self.is_commune_level_by(is_commune_body)
    }

    /// The same, with `commune_body` telling the agencies (a cache of [`is_commune_body`]).
    pub fn is_commune_level_by<'p>(&'p self, mut commune_body: impl FnMut(&'p str) -> bool) -> bool {
        match self.source {
            RecordSource::PortalIndex => self.agencies.iter().any(|a| commune_body(a)),
            _ => self.levels.contains(&Level::Commune),
        }
    }
}

/// "Ủy ban nhân dân cấp xã", "Công an cấp Xã", "UBND Phường Kinh Bắc, tỉnh Bắc Ninh"…
/// but not "tổ chức chính trị - xã hội".
pub fn is_commune_body(agency: &str) -> bool {
    // "xã" and "phường" keep their x and ph in every spelling: without them, no need to fold.
    let bytes = agency.as_bytes();
    let ph = bytes.windows(2).any(|w| w[0].eq_ignore_ascii_case(&b'p') && w[1].eq_ignore_ascii_case(&b'h'));
    if !ph && !bytes.iter().any(|b| b.eq_ignore_ascii_case(&b'x')) {
        return false;
    }
    let f = fold::fold(agency);
    let words = || f.split(' ').filter(|w| !w.is_empty());
    let cap_xa = words()
        .zip(words().skip(1))
        .zip(words().skip(2).map(Some).chain([None]))
        .any(|((a, b), next)| a == "cap" && b == "xa" && next != Some("hoi"));
    let council = {
        let rest = f.strip_prefix("chu tich ").unwrap_or(&f);
        ["ubnd ", "ui ban nhan dan "].iter().any(|body| {
            rest.strip_prefix(body).is_some_and(|unit| unit.starts_with("xa ") || unit.starts_with("phuong "))
        })
    };
    cap_xa || council
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn commune_bodies_are_recognised() {
        for yes in
            ["Ủy ban nhân dân cấp xã", "Công an cấp Xã", "UBND Phường Kinh Bắc, tỉnh Bắc Ninh", "Chủ tịch UBND cấp xã"]
        {
            assert!(is_commune_body(yes), "{yes}");
        }
        for no in [
            "Các tổ chức chính trị - xã hội",
            "Phòng Văn hóa - Xã Hội",
            "Ủy ban nhân dân cấp tỉnh",
            "Bảo hiểm xã hội tỉnh",
        ] {
            assert!(!is_commune_body(no), "{no}");
        }
    }
}
