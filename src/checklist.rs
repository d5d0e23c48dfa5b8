//! The citizen's checklist of papers for one procedure and case: which they already have, kept on
//! their device only (the widget stores it in the browser's localStorage under `key`), and what
//! is still missing.

use std::collections::BTreeSet;

use crate::catalog::{Paper, PaperKind};

/// Prefix of every key the widget stores.
pub const NAMESPACE: &str = "motcua:";

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Checklist {
    /// The names of the papers ticked, as the catalog writes them.
    ticked: BTreeSet<String>,
}

impl Checklist {
    /// Where the ticks of a procedure's case are stored (`case` counts from 0).
    pub fn key(code: &str, case: usize) -> String {
        format!("{NAMESPACE}checklist:{code}:{case}")
    }

    /// True for the key of any procedure's ticks (to forget them all for the next citizen).
    pub fn is_key(key: &str) -> bool {
        key.strip_prefix(NAMESPACE).is_some_and(|rest| rest.starts_with("checklist:"))
    }

    /// Reads what `stored` wrote: a paper name per line. Anything else in the store is names too,
    /// so a damaged value only ticks nothing.
    pub fn parse(text: &str) -> Checklist {
        Checklist { ticked: text.lines().map(str::trim).filter(|l| !l.is_empty()).map(str::to_string).collect() }
    }

    /// The value to store.
    pub fn stored(&self) -> String {
        self.ticked.iter().map(String::as_str).collect::<Vec<_>>().join("\n")
    }

    pub fn has(&self, paper: &Paper) -> bool {
        self.ticked.contains(paper.name.trim())
    }

    pub fn set(&mut self, paper: &Paper, have: bool) {
        let name = paper.name.trim().to_string();
        if have {
            self.ticked.insert(name);
        } else {
            self.ticked.remove(&name);
        }
    }

    pub fn is_empty(&self) -> bool {
        self.ticked.is_empty()
    }

    /// The papers of the list (not its notes) not ticked yet, in the list's order.
    pub fn missing<'p>(&self, papers: impl IntoIterator<Item = &'p Paper>) -> Vec<&'p Paper> {
        papers.into_iter().filter(|p| p.kind != PaperKind::Note && !self.has(p)).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paper(name: &str, kind: PaperKind) -> Paper {
        Paper { name: name.into(), kind, ..Paper::default() }
    }

    #[test]
    fn ticks_survive_storing_and_what_is_missing_follows_them() {
        let papers = [
            paper("Tờ khai đăng ký khai sinh", PaperKind::Submit),
            paper("Giấy chứng sinh", PaperKind::Submit),
            paper("Căn cước của cha hoặc mẹ", PaperKind::Show),
            paper("Lưu ý: nộp bản sao", PaperKind::Note),
        ];
        let mut list = Checklist::default();
        list.set(&papers[1], true);
        list.set(&papers[2], true);
        list.set(&papers[2], false);
        let again = Checklist::parse(&list.stored());
        assert_eq!(again, list);
        assert!(again.has(&papers[1]) && !again.has(&papers[2]));
        let missing: Vec<&str> = again.missing(&papers).iter().map(|p| p.name.as_str()).collect();
        assert_eq!(missing, ["Tờ khai đăng ký khai sinh", "Căn cước của cha hoặc mẹ"]);
    }

    #[test]
    fn each_case_has_its_own_key_in_the_widgets_namespace() {
        assert_eq!(Checklist::key("1.001193", 1), "motcua:checklist:1.001193:1");
        assert_ne!(Checklist::key("1.001193", 0), Checklist::key("1.001193", 1));
        assert!(Checklist::parse("").is_empty());
        assert!(Checklist::parse("\n  \n").is_empty());
    }
}
