//! The search box (an ARIA combobox), the live count, the list of results, and what shows
//! instead of results: suggestions, no-results help, the load error.

use crate::sort::SmallSort;
use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::related::repealed_badge;
use super::text::Text;
use super::{names, option_id, Failure, Load, State, INPUT_ID, LISTBOX_ID, NEW_TAB_ID, PAGE};
use crate::catalog::{Catalog, Level, OnlineLevel};
use crate::portal;
use crate::present;
use crate::search::{self as engine, Filter, Hit};

#[component]
pub fn SearchBox(state: State) -> impl IntoView {
    let t = state.text();

    let on_input = move |ev: ev::Event| state.set_query(event_target_value(&ev));

    let on_keydown = move |ev: ev::KeyboardEvent| {
        let listed = state.listed.with(Vec::len);
        match ev.key().as_str() {
            "ArrowDown" | "ArrowUp" if listed > 0 => {
                ev.prevent_default();
                // At the desk the list stays beside the procedure: it remains open.
                if state.open.get_untracked().is_some() && !state.desk() {
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
            "Enter" if listed > 0 && (state.desk() || state.open.get_untracked().is_none()) => {
                ev.prevent_default();
                let position = state.active.get_untracked().unwrap_or(0);
                if let Some(hit) = state.listed.with_untracked(|h| h.get(position).copied()) {
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
    let t = state.text();
    let message = move || {
        state.load.with(|load| match load {
            Load::Loading => t.loading.to_string(),
            Load::Failed(_) => String::new(),
            Load::Ready(data) => {
                if state.procedure_covers_list() {
                    return String::new();
                }
                let query = state.query.get();
                if query.trim().is_empty() {
                    return (t.loaded)(data.catalog.procedures.len());
                }
                let correction = state.correction.get().map(|c| (t.did_you_mean_status)(&c));
                if state.matches.with(Vec::is_empty) {
                    let none = (t.no_results)(query.trim());
                    return match correction {
                        Some(c) => format!("{none} {c}"),
                        None => none,
                    };
                }
                let total = state.hits.with(Vec::len);
                let shown = state.shown.get().min(total);
                let count = match state.filter.with(|f| within(t, f, &data.catalog)) {
                    Some(within) if total == 0 => (t.no_filtered_results)(&within),
                    Some(within) => (t.filtered_count)(total, shown, &within),
                    None if shown < total => (t.results_shown)(shown, total),
                    None => (t.result_count)(total),
                };
                match correction {
                    Some(c) => format!("{count}. {c}"),
                    None => count,
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
    let t = state.text();
    let items = move || {
        let Some(data) = state.data() else { return Vec::new() };
        let terms = state.terms.get();
        state.listed.with(|listed| {
            listed
                .iter()
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
                            on:pointerenter=move |_| state.prefetch(doc)
                        >
                            <span class="option-name">{marked(names(procedure).0, &terms)}</span>
                            {names(procedure).1.map(|official| view! {
                                <span class="option-official">{marked(official, &terms)}</span>
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
    // The result the arrow keys are on is likely to be opened: its details are fetched ahead.
    Effect::new(move |_| {
        if let Some(doc) = state.active.get().and_then(|at| state.listed.with_untracked(|l| l.get(at).map(|h| h.doc))) {
            state.prefetch(doc);
        }
    });

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

/// `text` with the words the query matched in `<mark>`s.
fn marked(text: &str, terms: &[String]) -> Vec<AnyView> {
    let mut out = Vec::new();
    let mut at = 0;
    for range in engine::highlight(text, terms) {
        let (Some(before), Some(word)) = (text.get(at..range.start), text.get(range.clone())) else { continue };
        if !before.is_empty() {
            out.push(before.to_string().into_any());
        }
        out.push(view! { <mark>{word.to_string()}</mark> }.into_any());
        at = range.end;
    }
    if let Some(rest) = text.get(at..).filter(|r| !r.is_empty()) {
        out.push(rest.to_string().into_any());
    }
    out
}

/// What the filter keeps, in words ("trong lĩnh vực Hộ tịch, ở cấp xã"); `None` when it keeps all.
fn within(t: &Text, filter: &Filter, catalog: &Catalog) -> Option<String> {
    let mut parts = Vec::new();
    if let Some(field) = &filter.field {
        parts.push((t.within_field)(field));
    }
    if let Some(i) = filter.level.and_then(level_index) {
        parts.push(t.within_levels[i].to_string());
    }
    if let Some(i) = filter.online.and_then(online_index) {
        parts.push(t.within_online[i].to_string());
    }
    if let Some(id) = &filter.life_event {
        let name = catalog.life_events.iter().find(|e| &e.id == id).map_or(id.as_str(), |e| e.name.as_str());
        parts.push((t.within_life_event)(name));
    }
    (!parts.is_empty()).then(|| parts.join(", "))
}

const LEVELS: [(Level, &str); 3] =
    [(Level::Commune, "commune"), (Level::Province, "province"), (Level::Ministry, "ministry")];
const ONLINE: [(OnlineLevel, &str); 2] = [(OnlineLevel::Full, "full"), (OnlineLevel::Partial, "partial")];

fn level_index(level: Level) -> Option<usize> {
    LEVELS.iter().position(|(l, _)| *l == level)
}

fn online_index(online: OnlineLevel) -> Option<usize> {
    ONLINE.iter().position(|(o, _)| *o == online)
}

/// The choices of one filter among the query's matches: `(value, label with count)`, those
/// that keep at least one match.
struct Facets {
    fields: Vec<(String, String)>,
    levels: Vec<(String, String)>,
    online: Vec<(String, String)>,
    life_events: Vec<(String, String)>,
}

impl Facets {
    fn of(t: &Text, matches: &[Hit], catalog: &Catalog) -> Facets {
        let procedures = || matches.iter().filter_map(|h| catalog.procedures.get(h.doc));
        let count = |filter: &Filter| procedures().filter(|p| filter.accepts(p, catalog)).count();
        let choice =
            |value: &str, label: &str, n: usize| (n > 0).then(|| (value.to_string(), (t.filter_choice)(label, n)));

        let mut fields: Vec<(&str, usize)> = Vec::new();
        for field in procedures().filter_map(|p| p.field.as_deref()) {
            match fields.iter_mut().find(|(f, _)| *f == field) {
                Some((_, n)) => *n += 1,
                None => fields.push((field, 1)),
            }
        }
        fields.small_sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0)));
        let levels = LEVELS.iter().zip(t.levels).filter_map(|((level, value), label)| {
            choice(value, label, count(&Filter { level: Some(*level), ..Filter::default() }))
        });
        let online = ONLINE.iter().zip(t.online_levels).filter_map(|((online, value), label)| {
            choice(value, label, count(&Filter { online: Some(*online), ..Filter::default() }))
        });
        let life_events = catalog.life_events.iter().filter_map(|e| {
            choice(&e.id, &e.name, count(&Filter { life_event: Some(e.id.clone()), ..Filter::default() }))
        });
        Facets {
            fields: fields.into_iter().filter_map(|(f, n)| choice(f, f, n)).collect(),
            levels: levels.collect(),
            online: online.collect(),
            life_events: life_events.collect(),
        }
    }
}

/// One filter: a labelled select of `choices` after "any"; `current` is the chosen value ("" for any).
fn filter_select(
    t: &'static Text,
    id: &'static str,
    label: &'static str,
    choices: Vec<(String, String)>,
    current: impl Fn() -> String + Copy + Send + Sync + 'static,
    choose: impl Fn(String) + 'static,
) -> Option<impl IntoView> {
    (!choices.is_empty()).then(|| {
        let options = choices
            .into_iter()
            .map(|(value, text)| {
                let selected = value.clone();
                view! { <option value=value prop:selected=move || current() == selected>{text}</option> }
            })
            .collect::<Vec<_>>();
        view! {
            <div class="filter">
                <label for=id>{label}</label>
                <select id=id on:change=move |ev| choose(event_target_value(&ev))>
                    <option value="" prop:selected=move || current().is_empty()>{t.filter_any}</option>
                    {options}
                </select>
            </div>
        }
    })
}

/// Above the results: narrow them by field, level, online filing and situation, or clear that.
#[component]
pub fn Filters(state: State) -> impl IntoView {
    let t = state.text();
    move || {
        if state.procedure_covers_list() || state.query.with(|q| q.trim().is_empty()) {
            return None;
        }
        let data = state.data()?;
        let facets = state.matches.with(|m| (!m.is_empty()).then(|| Facets::of(t, m, &data.catalog)))?;
        let field = move || state.filter.with(|f| f.field.clone().unwrap_or_default());
        let level =
            move || state.filter.with(|f| f.level.and_then(level_index).map_or("", |i| LEVELS[i].1).to_string());
        let online =
            move || state.filter.with(|f| f.online.and_then(online_index).map_or("", |i| ONLINE[i].1).to_string());
        let life_event = move || state.filter.with(|f| f.life_event.clone().unwrap_or_default());
        let some = |v: String| (!v.is_empty()).then_some(v);
        Some(view! {
            <div class="filters" role="group" aria-label=t.filters_label>
                {filter_select(t, "motcua-filter-field", t.filter_field, facets.fields, field, move |v| {
                    state.set_filter(|f| f.field = some(v))
                })}
                {filter_select(t, "motcua-filter-level", t.filter_level, facets.levels, level, move |v| {
                    state.set_filter(|f| f.level = LEVELS.iter().find(|(_, s)| *s == v).map(|(l, _)| *l))
                })}
                {filter_select(t, "motcua-filter-online", t.filter_online, facets.online, online, move |v| {
                    state.set_filter(|f| f.online = ONLINE.iter().find(|(_, s)| *s == v).map(|(o, _)| *o))
                })}
                {filter_select(t, "motcua-filter-life-event", t.filter_life_event, facets.life_events, life_event, move |v| {
                    state.set_filter(|f| f.life_event = some(v))
                })}
                <button
                    type="button"
                    class="clear-filters"
                    hidden=move || state.filter.with(Filter::is_empty)
                    on:click=move |_| {
                        state.set_filter(|f| *f = Filter::default());
                        state.focus_input();
                    }
                >
                    {t.clear_filters}
                </button>
            </div>
        })
    }
}

/// Nothing or little found, and the words look mistyped: the corrected query, one tap away.
#[component]
pub fn DidYouMean(state: State) -> impl IntoView {
    let t = state.text();
    move || {
        if state.procedure_covers_list() {
            return None;
        }
        let corrected = state.correction.get()?;
        let query = corrected.clone();
        Some(view! {
            <p class="did-you-mean">
                {t.did_you_mean_before}" "
                <button type="button" class="corrected-query" on:click=move |_| {
                    state.set_query(query.clone());
                    state.focus_input();
                }>{corrected}</button>
                {t.did_you_mean_after}
            </p>
        })
    }
}

/// The query found procedures, but none that every filter keeps.
pub fn no_filtered_results(state: State) -> impl IntoView {
    view! { <p class="no-filtered">{state.text().no_filtered_help}</p> }
}

/// Before anything is typed: a few common searches, one tap each.
pub fn suggestions(state: State) -> impl IntoView {
    let t = state.text();
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
    let t = state.text();
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
    let t = state.text();
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
    let t = state.text();
    move || {
        state.data().map(|data| {
            let source = &data.catalog.source;
            let date = source.retrieved.as_deref().unwrap_or(&data.catalog.generated_at);
            let text = (t.source)(&source.name, present::date(date).as_deref());
            view! { <p class="source-note">{text}</p> }
        })
    }
}
