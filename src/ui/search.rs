//! The search box (an ARIA combobox), the live count, the list of results, and what shows
//! instead of results: suggestions, no-results help, the load error.

use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::related::repealed_badge;
use super::{names, option_id, Failure, Load, State, INPUT_ID, LISTBOX_ID, NEW_TAB_ID, PAGE};
use crate::portal;
use crate::present;

#[component]
pub fn SearchBox(state: State) -> impl IntoView {
    let t = state.text;

    let on_input = move |ev: ev::Event| state.set_query(event_target_value(&ev));

    let on_keydown = move |ev: ev::KeyboardEvent| {
        let listed = state.hits.with(Vec::len).min(state.shown.get_untracked());
        match ev.key().as_str() {
            "ArrowDown" | "ArrowUp" if listed > 0 => {
                ev.prevent_default();
                if state.open.get_untracked().is_some() {
                    state.open.set(None);
                }
                let down = ev.key() == "ArrowDown";
                let next = match (state.active.get_untracked(), down) {
                    (None, true) => 0,
                    (None, false) => listed - 1,
                    (Some(i), true) => (i + 1) % listed,
                    (Some(i), false) => (i + listed - 1) % listed,
                };
                state.active.set(Some(next));
            }
            "Enter" if listed > 0 && state.open.get_untracked().is_none() => {
                ev.prevent_default();
                let position = state.active.get_untracked().unwrap_or(0);
                if let Some(hit) = state.hits.with_untracked(|h| h.get(position).copied()) {
                    state.open_procedure(hit.doc);
                }
            }
            "Escape" => {
                if state.active.get_untracked().is_some() {
                    state.active.set(None);
                } else if state.open.get_untracked().is_some() {
                    state.close_procedure();
                } else if !state.query.with_untracked(String::is_empty) {
                    state.set_query(String::new());
                } else {
                    return;
                }
                ev.prevent_default();
            }
            _ => {}
        }
    };

    // Keep the option the arrow keys are on in view.
    Effect::new(move |_| {
        let Some(active) = state.active.get() else { return };
        let Some(input) = state.input.get_untracked() else { return };
        let node: &web_sys::Node = input.as_ref();
        let root = node.get_root_node();
        let selector = format!("#{}", option_id(active));
        let found = match root.dyn_ref::<web_sys::ShadowRoot>() {
            Some(shadow) => shadow.query_selector(&selector).ok().flatten(),
            None => root.dyn_ref::<web_sys::Document>().and_then(|d| d.query_selector(&selector).ok().flatten()),
        };
        if let Some(option) = found {
            let options = web_sys::ScrollIntoViewOptions::new();
            options.set_block(web_sys::ScrollLogicalPosition::Nearest);
            option.scroll_into_view_with_scroll_into_view_options(&options);
        }
    });

    view! {
        <div class="search">
            <label for=INPUT_ID class="search-label">{t.search_label}</label>
            <div class="search-field">
                <input
                    id=INPUT_ID
                    class="search-input"
                    type="search"
                    role="combobox"
                    autocomplete="off"
                    autocapitalize="off"
                    spellcheck="false"
                    enterkeyhint="search"
                    aria-autocomplete="list"
                    aria-controls=LISTBOX_ID
                    aria-describedby="motcua-hint"
                    aria-expanded=move || if state.expanded() { "true" } else { "false" }
                    aria-activedescendant=move || {
                        if state.expanded() { state.active.get().map(option_id) } else { None }
                    }
                    placeholder=t.search_placeholder
                    node_ref=state.input
                    prop:value=move || state.query.get()
                    on:input=on_input
                    on:keydown=on_keydown
                />
            </div>
            <p id="motcua-hint" class="hint">{t.search_hint}</p>
        </div>
    }
}

/// The polite live region: loading, how many results, nothing found.
#[component]
pub fn Status(state: State) -> impl IntoView {
    let t = state.text;
    let message = move || {
        state.load.with(|load| match load {
            Load::Loading => t.loading.to_string(),
            Load::Failed(_) => String::new(),
            Load::Ready(data) => {
                if state.open.with(Option::is_some) {
                    return String::new();
                }
                let query = state.query.get();
                let total = state.hits.with(Vec::len);
                if query.trim().is_empty() {
                    (t.loaded)(data.catalog.procedures.len())
                } else if total == 0 {
                    (t.no_results)(query.trim())
                } else {
                    let shown = state.shown.get().min(total);
                    if shown < total {
                        (t.results_shown)(shown, total)
                    } else {
                        (t.result_count)(total)
                    }
                }
            }
        })
    };
    view! {
        <p class="status" role="status" aria-live="polite" class:loading=move || state.load.with(|l| matches!(l, Load::Loading))>
            {message}
        </p>
    }
}

/// The listbox of results, best first, and the button listing more.
#[component]
pub fn Results(state: State) -> impl IntoView {
    let t = state.text;
    let items = move || {
        let Some(data) = state.data() else { return Vec::new() };
        let shown = state.shown.get();
        state.hits.with(|hits| {
            hits.iter()
                .take(shown)
                .enumerate()
                .filter_map(|(position, hit)| {
                    let procedure = data.catalog.procedures.get(hit.doc)?;
                    let doc = hit.doc;
                    let selected = move || state.active.get() == Some(position);
                    Some(view! {
                        <li
                            role="option"
                            id=option_id(position)
                            data-code=procedure.code.clone()
                            aria-selected=move || if selected() { "true" } else { "false" }
                            class:active=selected
                            on:click=move |_| state.open_procedure(doc)
                        >
                            <span class="option-name">{names(procedure).0.to_string()}</span>
                            {names(procedure).1.map(|official| view! {
                                <span class="option-official">{official.to_string()}</span>
                            })}
                            <span class="option-meta">
                                {repealed_badge(t, procedure)}
                                <span class="option-code">{procedure.code.clone()}</span>
                                {procedure.field.clone().map(|field| view! { <span class="option-field">{field}</span> })}
                            </span>
                        </li>
                    })
                })
                .collect::<Vec<_>>()
        })
    };
    let more = move || state.expanded() && state.hits.with(Vec::len) > state.shown.get();

    view! {
        <ul
            id=LISTBOX_ID
            class="results"
            role="listbox"
            aria-label=t.results_label
            hidden=move || !state.expanded()
        >
            {items}
        </ul>
        <Show when=more>
            <button type="button" class="more" on:click=move |_| state.shown.update(|n| *n += PAGE)>
                {t.show_more}
            </button>
        </Show>
    }
}

/// Before anything is typed: a few common searches, one tap each.
pub fn suggestions(state: State) -> impl IntoView {
    let t = state.text;
    view! {
        <div class="suggestions">
            <span class="suggestions-label">{t.suggestions_label}</span>
            <ul>
                {t.suggestions.iter().map(|&words| view! {
                    <li>
                        <button type="button" class="chip" on:click=move |_| {
                            state.set_query(words.to_string());
                            state.focus_input();
                        }>{words}</button>
                    </li>
                }).collect::<Vec<_>>()}
            </ul>
        </div>
    }
}

/// Nothing found: the portal's own search for the same words.
pub fn no_results(state: State) -> impl IntoView {
    let t = state.text;
    let href = portal::keyword_search_url(&state.query.get_untracked());
    view! {
        <div class="no-results">
            <p>{t.no_results_help}</p>
            <a class="portal-search" href=href target="_blank" rel="noopener noreferrer" aria-describedby=NEW_TAB_ID>
                {t.portal_search}
            </a>
        </div>
    }
}

/// The catalog could not be loaded: say so plainly, offer the portal and a retry.
pub fn error_view(state: State, failure: Failure, retry: impl Fn() + 'static) -> impl IntoView {
    let t = state.text;
    let href = portal::keyword_search_url(&state.query.get_untracked());
    view! {
        <div class="error" role="alert">
            <p class="error-title">{t.load_error}</p>
            <p>{failure.reason(t)}</p>
            <p>{t.load_error_help}</p>
            <p class="error-actions">
                <a class="portal-search" href=href target="_blank" rel="noopener noreferrer" aria-describedby=NEW_TAB_ID>
                    {t.portal_search}
                </a>
                <button type="button" class="retry" on:click=move |_| retry()>{t.retry}</button>
            </p>
            <details class="error-detail">
                <summary>{t.error_detail}</summary>
                <code>{failure.detail()}</code>
            </details>
        </div>
    }
}

/// Where the facts come from, and how recent they are.
#[component]
pub fn SourceNote(state: State) -> impl IntoView {
    let t = state.text;
    move || {
        state.data().map(|data| {
            let source = &data.catalog.source;
            let date = source.retrieved.as_deref().unwrap_or(&data.catalog.generated_at);
            let text = (t.source)(&source.name, present::date(date).as_deref());
            view! { <p class="source-note">{text}</p> }
        })
    }
}
