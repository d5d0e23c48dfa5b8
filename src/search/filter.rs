//! Narrowing results by field, level, online level and life event.

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
}
