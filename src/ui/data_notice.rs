//! What the widget says about its data, above the search: that it is the device's copy (the
//! network failed), that the catalog is older than the page allows (`stale-after`, in days), and
//! how many records it could not read (they are left out; the console names each).

use super::dom::{el, El};
use super::text::Text;
use super::{today, Data};
use crate::present;

/// The notices' lines, none when there is nothing to say. `stale_after` is in days; 0: never.
pub(super) fn lines(t: &Text, data: &Data, stale_after: i64) -> Vec<El> {
    let shown = present::date(&data.catalog.generated_at);
    let kept = data.kept.then(|| (t.kept_copy)(shown.as_deref()));
    let stale = match (data.catalog.age_days(today()), shown) {
        (Some(days), Some(date)) if stale_after > 0 && days > stale_after => Some((t.stale)(&date, days)),
        _ => None,
    };
    let skipped = (data.skipped > 0).then(|| (t.skipped)(data.skipped));
    [("kept-copy", kept), ("stale", stale), ("skipped", skipped)]
        .into_iter()
        .filter_map(|(class, text)| Some(el("p").class(class).text(&text?)))
        .collect()
}
