//! Narrowing results by field, level, online level and life event.

use super::Hit;
use crate::catalog::{Catalog, Level, OnlineLevel, Procedure};

/// What a citizen or desk officer narrowed the results to; `None` means any.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// A field (lĩnh vực), as written in the catalog.
    pub field: Option<String>,
    pub level: Option<Level>,
    pub online: Option<OnlineLevel>,
    /// A life event's id, e.g. `co-con-nho`.
    pub life_event: Option<String>,
}

impl Filter {
    pub fn is_empty(&self) -> bool {
        *self == Filter::default()
    }

    pub fn accepts(&self, p: &Procedure, catalog: &Catalog) -> bool {
        self.field.as_ref().is_none_or(|f| p.field.as_ref() == Some(f))
            && self.level.is_none_or(|l| p.levels.contains(&l))
            && self.online.is_none_or(|o| p.online == o)
            && self
                .life_event
                .as_ref()
                .is_none_or(|id| catalog.life_events.iter().any(|e| &e.id == id && e.procedures.contains(&p.code)))
    }
}

/// How many of the procedures `matches` found each of the catalog's life events has, in their
/// order: what choosing it among them keeps. Each event's list is looked through once, its codes
/// found by `position` (in the catalog): as many steps as there are matches and listed codes,
/// where asking [`Filter::accepts`] of each match took their product.
pub fn life_event_counts(matches: &[Hit], catalog: &Catalog, position: &dyn Fn(&str) -> Option<usize>) -> Vec<usize> {
    // For each procedure: 0 when it is not among the matches, else the last event that counted
    // it (1 for none yet), so that a code an event lists twice counts once.
    let mut counted = vec![0usize; catalog.procedures.len()];
    for &Hit { doc, .. } in matches {
        if let Some(mark) = counted.get_mut(doc) {
            *mark = 1;
        }
    }
    let mut counts = Vec::with_capacity(catalog.life_events.len());
    for (event, mark) in catalog.life_events.iter().zip(2..) {
        let mut n = 0;
        for doc in event.procedures.iter().filter_map(|code| position(code)) {
            if let Some(last) = counted.get_mut(doc).filter(|last| **last != 0 && **last != mark) {
                *last = mark;
                n += 1;
            }
        }
        counts.push(n);
    }
    counts
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::LifeEvent;

    #[test]
    fn each_criterion_narrows_and_none_accepts_all() {
        let birth = Procedure {
            code: "1.001193".into(),
            name: "Thủ tục đăng ký khai sinh".into(),
            field: Some("Hộ tịch".into()),
            levels: vec![Level::Commune],
            online: OnlineLevel::Partial,
            ..Procedure::default()
        };
        let catalog = Catalog {
            life_events: vec![LifeEvent {
                id: "co-con-nho".into(),
                name: "Có con nhỏ".into(),
                portal_group: Some(750),
                procedures: vec!["1.001193".into()],
            }],
            ..Catalog::default()
        };
        assert!(Filter::default().accepts(&birth, &catalog));
        let hotich = Filter { field: Some("Hộ tịch".into()), ..Filter::default() };
        assert!(hotich.accepts(&birth, &catalog));
        assert!(!Filter { field: Some("Đất đai".into()), ..Filter::default() }.accepts(&birth, &catalog));
        assert!(!Filter { level: Some(Level::Province), ..Filter::default() }.accepts(&birth, &catalog));
        assert!(!Filter { online: Some(OnlineLevel::Full), ..Filter::default() }.accepts(&birth, &catalog));
        assert!(Filter { life_event: Some("co-con-nho".into()), ..Filter::default() }.accepts(&birth, &catalog));
        assert!(!Filter { life_event: Some("huu-tri".into()), ..Filter::default() }.accepts(&birth, &catalog));
    }

    #[test]
    fn a_life_event_counts_each_match_it_lists_once() {
        let procedures = ["1.1", "1.2", "1.3"].map(|code| Procedure { code: code.into(), ..Procedure::default() });
        let event = |id: &str, codes: &[&str]| LifeEvent {
            id: id.into(),
            procedures: codes.iter().map(|c| c.to_string()).collect(),
            ..LifeEvent::default()
        };
        let catalog = Catalog {
            procedures: procedures.to_vec(),
            // Listed twice, not in the catalog, not among the matches.
            life_events: vec![
                event("a", &["1.1", "1.1", "9.9", "1.3"]),
                event("b", &["1.3"]),
                event("c", &["1.2", "1.1"]),
            ],
            ..Catalog::default()
        };
        let position = |code: &str| catalog.procedures.iter().position(|p| p.code == code);
        let hits = |docs: &[usize]| docs.iter().map(|&doc| Hit { doc, score: 1.0 }).collect::<Vec<_>>();
        assert_eq!(life_event_counts(&hits(&[0, 1]), &catalog, &position), [1, 0, 2]);
        assert_eq!(life_event_counts(&[], &catalog, &position), [0, 0, 0]);
        assert_eq!(life_event_counts(&hits(&[0, 1, 2]), &catalog, &position), [2, 1, 2]);
    }
}
