//! Whether a procedure is still in force, as of today in the citizen's browser.

use super::today;
use crate::catalog::{Lifecycle, Status};
use crate::date::Date;
use crate::present;

/// Whether a procedure is repealed, as of today in the citizen's browser.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Repeal {
    InForce,
    /// Repealed; since this day (DD/MM/YYYY) when the catalog says.
    Done(Option<String>),
    /// Repealed by a decision that takes effect on this day, still ahead: it can still be done.
    Ahead(String),
}

pub(crate) fn repeal(lifecycle: &Lifecycle) -> Repeal {
    if lifecycle.status != Status::Repealed {
        return Repeal::InForce;
    }
    // `effective_to` is the last day the procedure applies: it is repealed from the day after.
    let Some(last) = lifecycle.effective_to.as_deref().and_then(|d| Date::parse(d.trim())) else {
        return Repeal::Done(None);
    };
    let first = Date::from_unix_days(last.unix_days() + 1);
    let shown = present::date(&first.to_string()).unwrap_or_default();
    if first.unix_days() > today().unix_days() {
        Repeal::Ahead(shown)
    } else {
        Repeal::Done(Some(shown))
    }
}

/// Repealed already (not only announced).
pub(crate) fn repealed(lifecycle: &Lifecycle) -> bool {
    matches!(repeal(lifecycle), Repeal::Done(_))
}
