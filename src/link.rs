//! The widget's own addresses, in the fragment of the page's URL, so that a procedure can be
//! linked to, bookmarked, opened from a QR code, and left with the browser's Back button:
//!
//! - `#/thu-tuc/1.001193`: a procedure; `#/thu-tuc/1.001193/truong-hop/2`: its second case;
//! - `#/tim/khai%20sinh`: a search.

use crate::percent;
use crate::portal::is_procedure_code;

const PROCEDURE: &str = "#/thu-tuc/";
const CASE: &str = "/truong-hop/";
const SEARCH: &str = "#/tim/";

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Link {
    Search(String),
    /// `case` counts from 0 (the fragment counts from 1, as people do).
    Procedure {
        code: String,
        case: usize,
    },
}

impl Link {
    /// The link a fragment holds (`#` optional); none for a fragment that is not the widget's,
    /// such as a page's own anchor.
    pub fn parse(fragment: &str) -> Option<Link> {
        let fragment = format!("#{}", fragment.trim_start_matches('#'));
        if let Some(query) = fragment.strip_prefix(SEARCH) {
            return Some(Link::Search(percent::decode(query)));
        }
        let rest = fragment.strip_prefix(PROCEDURE)?;
        let (code, case) = match rest.split_once(CASE) {
            Some((code, n)) => (code, n.parse::<usize>().ok().filter(|n| *n >= 1)? - 1),
            None => (rest, 0),
        };
        is_procedure_code(code).then(|| Link::Procedure { code: code.to_string(), case })
    }

    /// The fragment, with its `#`.
    pub fn fragment(&self) -> String {
        match self {
            Link::Search(query) => format!("{SEARCH}{}", percent::encode(query)),
            Link::Procedure { code, case: 0 } => format!("{PROCEDURE}{code}"),
            Link::Procedure { code, case } => format!("{PROCEDURE}{code}{CASE}{}", case + 1),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn procedure(code: &str, case: usize) -> Link {
        Link::Procedure { code: code.into(), case }
    }

    #[test]
    fn procedures_and_their_cases() {
        assert_eq!(Link::parse("#/thu-tuc/1.001193"), Some(procedure("1.001193", 0)));
        assert_eq!(Link::parse("/thu-tuc/1.001193/truong-hop/2"), Some(procedure("1.001193", 1)));
        assert_eq!(procedure("1.001193", 1).fragment(), "#/thu-tuc/1.001193/truong-hop/2");
        assert_eq!(procedure("1.001193", 0).fragment(), "#/thu-tuc/1.001193");
    }

    #[test]
    fn searches_keep_their_accents() {
        let link = Link::Search("khai sinh cho con".into());
        assert_eq!(link.fragment(), "#/tim/khai%20sinh%20cho%20con");
        assert_eq!(Link::parse("#/tim/%C4%91%C4%83ng%20k%C3%BD"), Some(Link::Search("đăng ký".into())));
        assert_eq!(
            Link::parse(&Link::Search("sổ đỏ & nhà".into()).fragment()),
            Some(Link::Search("sổ đỏ & nhà".into()))
        );
    }

    #[test]
    fn other_fragments_are_not_the_widgets() {
        for fragment in [
            "",
            "#",
            "#top",
            "#/thu-tuc/",
            "#/thu-tuc/<script>",
            "#/thu-tuc/1.001193/truong-hop/0",
            "#/thu-tuc/1.001193/truong-hop/x",
        ] {
            assert_eq!(Link::parse(fragment), None, "{fragment}");
        }
    }
}
