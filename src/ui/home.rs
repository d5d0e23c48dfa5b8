//! Before anything is typed: the commune's featured procedures, situations of life with the
//! procedures each needs, the procedures by field, and a few one-tap searches.

use crate::sort::SmallSort;
use leptos::prelude::*;

use super::related::procedure_link;
use super::{search, Data, State};
use crate::catalog::{LifeEvent, Status};

pub(super) fn home(state: State, data: &Data) -> impl IntoView {
    view! {
        {featured(state, data)}
        {life_events(state, data)}
        {fields(state, data)}
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
    let codes: Vec<&str> = known(data, &event.procedures).collect();
    (!codes.is_empty()).then(|| folding_list(state, "life-event", &event.id, event.name.clone(), &codes))
}

/// "Theo lĩnh vực": every field of the catalog, the largest first, each folding open to its
/// procedures in force.
fn fields(state: State, data: &Data) -> Option<impl IntoView> {
    let t = state.text();
    let mut by_field: Vec<(&str, Vec<&str>)> = Vec::new();
    let in_force = data.catalog.procedures.iter().filter(|p| p.lifecycle.status != Status::Repealed);
    for p in in_force {
        let Some(field) = p.field.as_deref().map(str::trim).filter(|f| !f.is_empty()) else { continue };
        match by_field.iter_mut().find(|(f, _)| *f == field) {
            Some((_, codes)) => codes.push(&p.code),
            None => by_field.push((field, vec![&p.code])),
        }
    }
    by_field.small_sort_by(|a, b| b.1.len().cmp(&a.1.len()).then(a.0.cmp(b.0)));
    let items = by_field
        .iter()
        .map(|(field, codes)| folding_list(state, "field", field, (t.field_count)(field, codes.len()), codes))
        .collect::<Vec<_>>();
    (!items.is_empty()).then(|| {
        view! {
            <section class="home-section fields" aria-labelledby="motcua-fields">
                <h2 id="motcua-fields" class="home-heading">{t.fields_heading}</h2>
                <ul class="life-event-list">{items}</ul>
            </section>
        }
    })
}

/// A named group that folds open to its procedures' links. The links are made when it is first
/// opened: a national catalog has thousands, which would hold up the first view for nothing.
fn folding_list(state: State, class: &'static str, id: &str, name: String, codes: &[&str]) -> impl IntoView {
    let codes: Vec<String> = codes.iter().map(|c| c.to_string()).collect();
    let opened = RwSignal::new(false);
    let links = move || {
        let data = state.data()?;
        opened.get().then(|| {
            let links =
                codes.iter().map(|code| view! { <li>{procedure_link(state, &data, code)}</li> }).collect::<Vec<_>>();
            view! { <ul class="procedure-links">{links}</ul> }
        })
    };
    view! {
        <li>
            <details class=class data-id=id.to_string() on:toggle=move |_| {
                if !opened.get_untracked() {
                    opened.set(true);
                }
            }>
                <summary>{name}</summary>
                {links}
            </details>
        </li>
    }
}

/// The codes the catalog has, in the given order.
fn known<'a>(data: &'a Data, codes: &'a [String]) -> impl Iterator<Item = &'a str> + 'a {
    codes.iter().map(String::as_str).filter(|code| data.position(code).is_some())
}
