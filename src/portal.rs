//! Links to the national public-service portal (dichvucong.gov.vn).
//! Only links built here are ever rendered, so they always point at the official portal.

use crate::percent;

const PORTAL: &str = "https://dichvucong.gov.vn";

/// True for a portal procedure id (`formalityId`): a UUID in lowercase or uppercase hex.
pub fn is_portal_id(id: &str) -> bool {
    let groups: Vec<&str> = id.split('-').collect();
    groups.len() == 5
        && groups
            .iter()
            .zip([8, 4, 4, 4, 12])
            .all(|(g, len)| g.len() == len && g.chars().all(|c| c.is_ascii_hexdigit()))
}

/// Page that starts an online application for the procedure.
pub fn submission_url(portal_id: &str) -> Option<String> {
    is_portal_id(portal_id).then(|| format!("{PORTAL}/nop-ho-so?formalityId={portal_id}"))
}

/// The procedure's page on the portal.
pub fn detail_url(portal_id: &str) -> Option<String> {
    is_portal_id(portal_id).then(|| format!("{PORTAL}/thu-tuc-hanh-chinh/{portal_id}"))
}

/// The portal's own keyword search: the way in when no procedure id is known.
pub fn keyword_search_url(words: &str) -> String {
    format!("{PORTAL}/dvc-ket-qua-thu-tuc?keyword={}", percent::encode(words.trim()))
}

/// True for a procedure code as the portals write it: digits and dots, e.g. `3.000722`.
pub fn is_procedure_code(code: &str) -> bool {
    !code.is_empty() && code.len() <= 20 && code.chars().all(|c| c.is_ascii_digit() || c == '.')
}

/// The interlinked portal's application route for a liên thông procedure code
/// (routes are keyed by code, and codes differ between provinces).
pub fn lienthong_url(code: &str) -> Option<String> {
    is_procedure_code(code).then(|| format!("https://lienthong.dichvucong.gov.vn/#/ke-khai/{code}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    const ID: &str = "019d2bfd-3fe0-70ac-b9d6-5e9e20d6eef7";

    #[test]
    fn links_use_the_procedure_uuid() {
        assert_eq!(submission_url(ID).unwrap(), format!("https://dichvucong.gov.vn/nop-ho-so?formalityId={ID}"));
        assert_eq!(detail_url(ID).unwrap(), format!("https://dichvucong.gov.vn/thu-tuc-hanh-chinh/{ID}"));
    }

    #[test]
    fn anything_but_a_uuid_makes_no_link() {
        for bad in [
            "",
            "1.001193",
            "019d2bfd-3fe0-70ac-b9d6-5e9e20d6eef7/../x",
            "javascript:alert(1)",
            "019d2bfd-3fe0-70ac-b9d6-5e9e20d6eefz",
        ] {
            assert!(submission_url(bad).is_none(), "{bad}");
            assert!(detail_url(bad).is_none(), "{bad}");
        }
    }

    #[test]
    fn lienthong_routes_take_only_codes() {
        assert_eq!(lienthong_url("3.000722").unwrap(), "https://lienthong.dichvucong.gov.vn/#/ke-khai/3.000722");
        assert!(lienthong_url("3.000722/../x").is_none());
        assert!(lienthong_url("").is_none());
    }

    #[test]
    fn keyword_search_is_encoded() {
        assert_eq!(
            keyword_search_url(" khai sinh & kết hôn "),
            "https://dichvucong.gov.vn/dvc-ket-qua-thu-tuc?keyword=khai%20sinh%20%26%20k%E1%BA%BFt%20h%C3%B4n"
        );
    }
}
