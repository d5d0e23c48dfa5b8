//! Before anything is typed: the commune's featured procedures, situations of life with the
//! procedures each needs, and a few one-tap searches.

use leptos::prelude::*;

use super::related::procedure_link;
use super::{search, Data, State};
use crate::catalog::LifeEvent;

pub(super) fn home(state: State, data: &Data) -> impl IntoView {
    view! {
        {featured(state, data)}
        {life_events(state, data)}
        {search::suggestions(state)}
    }
}

/// "Thủ tục thường dùng": the featured codes in the commune's order, unknown codes left out.
fn featured(state: State, data: &Data) -> Option<impl IntoView> {
    let t = state.text();
    let items = known(data, &data.catalog.featured)
        .map(|code| view! { <li>{procedure_link(state, data, code)}</li> })
        .collect::<Vec<_>>();
    (!items.is_empty()).then(|| {
        view! {
            <section class="home-section featured" aria-labelledby="motcua-featured">
                <h2 id="motcua-featured" class="home-heading">{t.featured_heading}</h2>
                <ul class="procedure-links">{items}</ul>
            </section>
        }
    })
}

/// "Tình huống của bạn": each situation folds open to its procedures.
fn life_events(state: State, data: &Data) -> Option<impl IntoView> {
    let t = state.text();
    let items = data.catalog.life_events.iter().filter_map(|event| life_event(state, data, event)).collect::<Vec<_>>();
    (!items.is_empty()).then(|| {
        view! {
            <section class="home-section life-events" aria-labelledby="motcua-life-events">
                <h2 id="motcua-life-events" class="home-heading">{t.life_events_heading}</h2>
                <ul class="life-event-list">{items}</ul>
            </section>
        }
    })
}

fn life_event(state: State, data: &Data, event: &LifeEvent) -> Option<impl IntoView> {
    let links = known(data, &event.procedures)
        .map(|code| view! { <li>{procedure_link(state, data, code)}</li> })
        .collect::<Vec<_>>();
    (!links.is_empty()).then(|| {
        view! {
            <li>
                <details class="life-event" data-id=event.id.clone()>
                    <summary>{event.name.clone()}</summary>
                    <ul class="procedure-links">{links}</ul>
                </details>
            </li>
        }
    })
}

/// The codes the catalog has, in the given order.
fn known<'a>(data: &'a Data, codes: &'a [String]) -> impl Iterator<Item = &'a str> + 'a {
    codes.iter().map(String::as_str).filter(|code| data.catalog.procedure(code).is_some())
}
