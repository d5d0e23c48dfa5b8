//! Desk mode (`<mot-cua mode="desk">`), for staff at the one-stop desk guiding citizens: beside
//! the search, the procedure under the guidance slip being made; and keyboard shortcuts.

use std::sync::Arc;

use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::data::Stage;
use super::print::Paper;
use super::procedure::ProcedureView;
use super::slip::{self, Entry};
use super::State;

/// The pane beside the search: the slip, and the open procedure.
pub(super) fn pane(state: State) -> impl IntoView {
    view! {
        {slip_panel(state)}
        {move || procedure_pane(state)}
    }
}

/// The open procedure; before one is open, how to use the desk.
fn procedure_pane(state: State) -> AnyView {
    let t = state.text();
    if let Some(doc) = state.open.get() {
        return view! { <ProcedureView state=state doc=doc /> }.into_any();
    }
    let keys = t
        .desk_keys
        .iter()
        .map(|(key, what)| view! { <div><dt><kbd>{*key}</kbd></dt><dd>{*what}</dd></div> })
        .collect::<Vec<_>>();
    view! {
        <div class="desk-idle">
            <p>{t.desk_pick}</p>
            <h2>{t.desk_keys_heading}</h2>
            <dl class="keys">{keys}</dl>
        </div>
    }
    .into_any()
}

/// The open procedure as an entry of the slip, at the case shown.
fn open_entry(state: State) -> Option<Entry> {
    let data = state.data();
    let p = data.catalog.procedures.get(state.open.get()?)?;
    Some(Entry { code: p.code.clone(), case: state.case.get() })
}

/// The slip being made: its procedures, the paper size, print, and the next citizen.
fn slip_panel(state: State) -> impl IntoView {
    let t = state.text();
    let slip = state.slip;
    // What is put on the slip is fetched at once (split catalogs), to be there for printing.
    Effect::new(move |_| {
        let data = state.data();
        slip.entries
            .with(|entries| entries.iter().filter_map(|e| data.position(&e.code)).for_each(|doc| data.prefetch(doc)));
    });
    let entries = move || {
        let data = state.data();
        state.track_details();
        let items = slip
            .entries
            .get()
            .into_iter()
            .filter_map(|entry| {
                let doc = data.position(&entry.code)?;
                let name = super::names(data.catalog.procedures.get(doc)?).0.to_string();
                let case = data.full(doc).and_then(|p| p.cases.get(entry.case).map(|c| format!(" — {}", c.name)));
                // A split catalog's record must be here before the slip can be printed.
                let waiting = match data.stage(doc) {
                    Stage::Loading => Some(view! { <span class="slip-wait">" "{t.details_loading}</span> }.into_any()),
                    Stage::Failed => {
                        let data = Arc::clone(&data);
                        let retry = move |_| data.fetch(doc);
                        Some(view! { <button type="button" class="retry" on:click=retry>{t.retry}</button> }.into_any())
                    }
                    Stage::Whole | Stage::Ready => None,
                };
                let code = entry.code.clone();
                Some(view! {
                    <li>
                        <span class="slip-name">{name}{case}</span>
                        {waiting}
                        " "
                        <button type="button" class="slip-remove" on:click=move |_| slip.remove(&code)>
                            {t.slip_remove}
                        </button>
                    </li>
                })
            })
            .collect::<Vec<_>>();
        Some(match items.is_empty() {
            true => view! { <p class="hint">{t.slip_empty}</p> }.into_any(),
            false => view! { <ol class="slip-entries">{items}</ol> }.into_any(),
        })
    };
    let add = move || {
        let entry = open_entry(state).filter(|e| !slip.has(&e.code))?;
        Some(
            view! { <button type="button" class="slip-add" on:click=move |_| slip.add(entry.clone())>{t.slip_add}</button> },
        )
    };
    let sizes = Paper::ALL
        .into_iter()
        .map(|paper| {
            view! {
                <label class="paper-option">
                    <input
                        type="radio"
                        name="motcua-paper"
                        prop:checked=move || slip.paper.get() == paper
                        on:change=move |_| slip.paper.set(paper)
                    />
                    {paper.name()}
                </label>
            }
        })
        .collect::<Vec<_>>();
    view! {
        <section class="desk-slip" aria-labelledby="motcua-slip-heading">
            <h2 id="motcua-slip-heading">{t.slip_heading}</h2>
            {entries}
            <div class="slip-actions">
                {add}
                <fieldset class="paper-size">
                    <legend>{t.slip_size}</legend>
                    {sizes}
                </fieldset>
                <button type="button" class="print-slip" disabled=move || nothing_to_print(state) on:click=move |_| print_slip(state)>
                    {t.print_slip}" "<kbd aria-hidden="true">"p"</kbd>
                </button>
                <button type="button" class="next-citizen" on:click=move |_| state.reset()>{t.next_citizen}</button>
            </div>
        </section>
    }
}

/// Neither a procedure open nor one on the slip, or the full record of one is not here yet
/// (split catalogs; each is fetched as it is put on the slip).
fn nothing_to_print(state: State) -> bool {
    let data = state.data();
    state.track_details();
    state.slip.entries.track();
    let entries = state.slip.printed(open_entry(state));
    entries.is_empty() || entries.iter().any(|e| data.position(&e.code).is_some_and(|doc| data.full(doc).is_none()))
}

/// Prints the slip: its procedures and the open one.
fn print_slip(state: State) {
    let data = state.data();
    let entries = state.slip.printed(open_entry(state));
    slip::print_guidance(state.lang, &data, &entries, state.slip.paper.get_untracked());
}

/// `/` searches, `p` prints the slip, `Esc` leaves the procedure; from anywhere on the page
/// except while typing in a field (where `/` and `p` are letters).
pub(super) fn shortcuts(state: State) {
    let listener = window_event_listener(ev::keydown, move |ev| {
        if ev.default_prevented() || ev.ctrl_key() || ev.alt_key() || ev.meta_key() || ev.repeat() {
            return;
        }
        let typing = typing(&ev);
        match ev.key().as_str() {
            "/" if !typing => {
                ev.prevent_default();
                state.focus_search();
            }
            "p" | "P" if !typing && !nothing_to_print(state) => {
                ev.prevent_default();
                print_slip(state);
            }
            "Escape" if state.open.with_untracked(Option::is_some) => {
                ev.prevent_default();
                state.close_procedure();
            }
            _ => {}
        }
    });
    on_cleanup(move || listener.remove());
}

/// Whether the key goes into a field (the first target of the composed path: inside the shadow
/// root, not the `<mot-cua>` host the window sees).
fn typing(ev: &web_sys::KeyboardEvent) -> bool {
    let Some(element) = ev.composed_path().get(0).dyn_into::<web_sys::HtmlElement>().ok() else { return false };
    if element.is_content_editable() {
        return true;
    }
    match element.tag_name().to_ascii_lowercase().as_str() {
        "textarea" | "select" => true,
        "input" => {
            let kind = element.get_attribute("type").unwrap_or_default().to_ascii_lowercase();
            !matches!(kind.as_str(), "checkbox" | "radio" | "button" | "submit" | "reset")
        }
        _ => false,
    }
}
