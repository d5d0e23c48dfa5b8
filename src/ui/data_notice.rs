//! What the widget says about its data, above the search: that it is the device's copy (the
//! network failed), that the catalog is older than the page allows (`stale-after`, in days), and
//! how many records it could not read (they are left out; the console names each).

use leptos::prelude::*;

use super::{today, State};
use crate::present;

/// The notices, when there is something to say. `stale_after` is in days; 0: never.
#[component]
pub fn Notice(state: State, stale_after: i64) -> impl IntoView {
    move || {
        let t = state.text();
        let data = state.data()?;
        let shown = present::date(&data.catalog.generated_at);
        let kept = data.kept.then(|| (t.kept_copy)(shown.as_deref()));
        let stale = match (data.catalog.age_days(today()), shown) {
            (Some(days), Some(date)) if stale_after > 0 && days > stale_after => Some((t.stale)(&date, days)),
            _ => None,
        };
        let skipped = (data.skipped > 0).then(|| (t.skipped)(data.skipped));
        (kept.is_some() || stale.is_some() || skipped.is_some()).then(|| {
            view! {
                <div class="notice freshness" role="status">
                    {kept.map(|text| view! { <p class="kept-copy">{text}</p> })}
                    {stale.map(|text| view! { <p class="stale">{text}</p> })}
                    {skipped.map(|text| view! { <p class="skipped">{text}</p> })}
                </div>
            }
        })
    }
}
