//! How procedures point at each other inside the widget: links that open another procedure,
//! the repealed banner with its replacements, and the journeys a procedure belongs to.

use leptos::prelude::*;

use super::slip::Entry;
use super::text::PageText;
use super::{names, Data, State};
use crate::catalog::{Journey, Procedure};
pub(super) use crate::ui::repeal::{repeal, repealed, Repeal};

/// A button that opens the procedure `code` in the widget; its code alone when the catalog lacks it.
pub(super) fn procedure_link(state: State, data: &Data, code: &str) -> AnyView {
    let found = data.position(code).and_then(|doc| Some((doc, data.catalog.procedures.get(doc)?)));
    match found {
        Some((doc, p)) => view! {
            <button type="button" class="procedure-link" data-code=code.to_string() on:click=move |_| state.open_procedure(doc)>
                <span class="link-name">{names(p).0.to_string()}</span>
                " "
                <span class="link-code">{code.to_string()}</span>
                {repealed_badge(state.text(), p)}
            </button>
        }
        .into_any(),
        None => view! { <span class="procedure-code" data-code=code.to_string()>{code.to_string()}</span> }.into_any(),
    }
}

/// The "Đã bãi bỏ" badge of a procedure no longer in force.
pub(super) fn repealed_badge(t: &'static PageText, p: &Procedure) -> Option<impl IntoView> {
    repealed(&p.lifecycle).then(|| view! { <span class="badge repealed-badge">{t.repealed_badge}</span> })
}

/// At the top of a repealed procedure: since when, why, and what replaces it.
pub(super) fn repealed_banner(state: State, data: &Data, p: &Procedure) -> Option<impl IntoView> {
    let t = state.text();
    let title = match repeal(&p.lifecycle) {
        Repeal::InForce => return None,
        Repeal::Done(since) => (t.repealed_since)(since.as_deref()),
        Repeal::Ahead(from) => (t.repealed_from)(&from),
    };
    let note = p.lifecycle.note.clone().filter(|n| !n.trim().is_empty());
    let replaced = (!p.lifecycle.replaced_by.is_empty()).then(|| {
        let links = p
            .lifecycle
            .replaced_by
            .iter()
            .map(|code| view! { <li>{procedure_link(state, data, code)}</li> })
            .collect::<Vec<_>>();
        view! {
            <p class="replaced-by-label">{t.replaced_by}</p>
            <ul class="replaced-by">{links}</ul>
        }
    });
    Some(view! {
        <div class="repealed">
            <p class="repealed-title">{title}</p>
            {note.map(|note| view! { <p class="repealed-note">{note}</p> })}
            {replaced}
        </div>
    })
}

/// The journeys the procedure is part of: the other procedures, and the interlinked one.
pub(super) fn journeys(state: State, data: &Data, p: &Procedure) -> Option<impl IntoView> {
    let code = p.code.as_str();
    let mine: Vec<&Journey> = data
        .catalog
        .journeys
        .iter()
        .filter(|j| j.procedures.iter().any(|c| c == code) || j.interlinked.as_deref() == Some(code))
        .collect();
    if mine.is_empty() {
        return None;
    }
    let t = state.text();
    let items = mine.into_iter().map(|journey| journey_item(state, data, code, journey)).collect::<Vec<_>>();
    Some(view! {
        <section class="journeys">
            <h3>{t.journey_heading}</h3>
            {items}
        </section>
    })
}

fn journey_item(state: State, data: &Data, code: &str, journey: &Journey) -> impl IntoView {
    let t = state.text();
    let is_interlinked = journey.interlinked.as_deref() == Some(code);
    let others = journey
        .procedures
        .iter()
        .filter(|c| c.as_str() != code)
        .map(|c| view! { <li>{procedure_link(state, data, c)}</li> })
        .collect::<Vec<_>>();
    let interlinked = journey.interlinked.as_deref().filter(|_| !is_interlinked).map(|c| {
        view! {
            <p class="journey-interlinked">
                <span class="journey-label">{t.journey_interlinked}</span>
                " "
                {procedure_link(state, data, c)}
            </p>
        }
    });
    let parts = is_interlinked.then(|| view! { <p class="journey-label">{t.journey_parts}</p> });
    // At the desk: the whole journey onto the guidance slip, each at its first case.
    let add_all = state.desk().then(|| {
        let known: Vec<String> = journey.procedures.iter().filter(|c| data.position(c).is_some()).cloned().collect();
        view! {
            <button type="button" class="slip-add-journey" on:click=move |_| {
                for code in known.iter().filter(|c| !state.slip.has(c)) {
                    state.slip.add(Entry { code: code.clone(), case: 0 });
                }
            }>{t.slip_add_journey}</button>
        }
    });
    view! {
        <div class="journey">
            <p class="journey-name">{journey.name.clone()}</p>
            {parts}
            {(!others.is_empty()).then(|| view! { <ul class="journey-procedures">{others}</ul> })}
            {interlinked}
            {journey.note.clone().map(|note| view! { <p class="journey-note">{note}</p> })}
            {add_all}
        </div>
    }
}
