//! The widget in the page's address ([`crate::link`]): a search or an open procedure (and its
//! case) is written into the URL's fragment, so it can be linked to and bookmarked; a link opens
//! it; the browser's Back button leaves a procedure. Opening a procedure adds a history entry
//! (except on a widget that resets for the next person); typing and choosing a case replace the
//! current one. The first widget mounted on a page owns
//! the address: others on the same page leave it alone.

use std::cell::Cell;

use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsValue;

use super::{Load, State};
use crate::link::Link;

thread_local! {
    /// Whether a widget of this page already owns the address.
    static OWNED: Cell<bool> = const { Cell::new(false) };
    /// Set while the widget itself goes back in the history: it has already shown the list,
    /// and the citizen may have typed since, so the address is rewritten rather than followed.
    static STEPPING: Cell<bool> = const { Cell::new(false) };
}

/// Marks the history entries this widget added, so that leaving a procedure goes back to the
/// entry before it rather than adding another.
const MARK: &str = "motcua";

/// Follows and writes the address for `state`, if no other widget of the page does. Once the
/// catalog is there, shows what the address says, or else where `options` ask to start.
pub(super) fn follow(state: State, options: &super::Options) {
    let owner = !OWNED.with(|owned| owned.replace(true));
    let procedure = options.procedure.clone();
    // A widget that resets for the next person (a desk, a kiosk) adds no history entries: Back
    // must not bring the previous person's search or procedure back.
    let adds_entries = options.reset_delay().is_none();
    let read = RwSignal::new(false);
    Effect::new(move |_| {
        if read.get_untracked() || !state.load.with(|l| matches!(l, Load::Ready(_))) {
            return;
        }
        // The starting query is in the box from the start (see `Widget`).
        if !(owner && apply(state)) {
            if let Some(code) = procedure.as_deref() {
                show(state, &Link::Procedure { code: code.trim().to_string(), case: 0 });
            }
        }
        read.set(true);
    });
    if !owner {
        return;
    }
    on_cleanup(|| OWNED.with(|owned| owned.set(false)));

    let rewrite = RwSignal::new(());
    let listener = window_event_listener(ev::hashchange, move |_| match STEPPING.with(|s| s.replace(false)) {
        true => rewrite.set(()),
        false => {
            apply(state);
        }
    });
    on_cleanup(move || listener.remove());

    // Write what is shown into the address.
    Effect::new(move |_| {
        rewrite.track();
        if !read.get() || STEPPING.with(Cell::get) {
            return;
        }
        let wanted = shown(state);
        let Some(window) = web_sys::window() else { return };
        let current = window.location().hash().unwrap_or_default();
        let fragment = wanted.as_ref().map(Link::fragment).unwrap_or_default();
        if fragment == current || (fragment.is_empty() && Link::parse(&current).is_none()) {
            return;
        }
        let Ok(history) = window.history() else { return };
        // The address without its fragment, when nothing is shown.
        let url = if fragment.is_empty() { address_without_fragment(&window) } else { fragment };
        // Another procedure is a new entry; another case of the same one is not.
        let code_of = |link: Option<Link>| match link {
            Some(Link::Procedure { code, .. }) => Some(code),
            _ => None,
        };
        let opened = adds_entries && code_of(wanted).is_some_and(|code| code_of(Link::parse(&current)) != Some(code));
        let _ = if opened {
            history.push_state_with_url(&JsValue::from_str(MARK), "", Some(&url))
        } else {
            history.replace_state_with_url(&history.state().unwrap_or(JsValue::NULL), "", Some(&url))
        };
    });
}

/// Leaves the open procedure: shows the list at once, and goes back in the browser's history
/// when this widget added the procedure's entry (not when the page was opened on its link).
pub(super) fn leave_procedure(state: State) {
    let history = web_sys::window().and_then(|w| w.history().ok()).filter(|_| OWNED.with(Cell::get));
    let ours = history.as_ref().and_then(|h| h.state().ok()).and_then(|s| s.as_string()).is_some_and(|s| s == MARK);
    if let Some(history) = history.filter(|_| ours) {
        STEPPING.with(|s| s.set(true));
        if history.back().is_err() {
            STEPPING.with(|s| s.set(false));
        }
    }
    state.show_list();
}

/// What the widget shows, as a link: the open procedure, or the search.
fn shown(state: State) -> Option<Link> {
    let data = state.data()?;
    match state.open.get() {
        Some(doc) => {
            let code = data.catalog.procedures.get(doc)?.code.clone();
            Some(Link::Procedure { code, case: state.case.get() })
        }
        None => {
            let query = state.query.get();
            (!query.trim().is_empty()).then_some(Link::Search(query))
        }
    }
}

/// Shows what the address says; an address that is not the widget's changes nothing. True when
/// the address had a link for the widget.
fn apply(state: State) -> bool {
    let Some(hash) = web_sys::window().and_then(|w| w.location().hash().ok()) else { return false };
    match Link::parse(&hash) {
        Some(link) => {
            show(state, &link);
            true
        }
        // Back to the address the page had before the widget wrote one.
        None if (hash.is_empty() || hash == "#") && state.open.get_untracked().is_some() => {
            state.show_list();
            false
        }
        None => false,
    }
}

/// Shows `link`: a procedure (at its case) or a search. An unknown code (or a catalog not yet
/// loaded) changes nothing: false.
pub(super) fn show(state: State, link: &Link) -> bool {
    let Some(data) = state.data() else { return false };
    match link {
        Link::Procedure { code, case } => {
            let Some(doc) = data.position(code) else { return false };
            if state.open.get_untracked() != Some(doc) {
                state.open_procedure(doc);
            }
            // A split catalog's record may still be on its way: its cases are not known yet.
            let known = untrack(|| data.full(doc).map(|p| p.cases.len()));
            state.case.set(if known.is_none_or(|cases| *case < cases) { *case } else { 0 });
        }
        Link::Search(query) => {
            if state.query.get_untracked() != *query {
                state.set_query(query.clone());
            } else if state.open.get_untracked().is_some() {
                state.show_list();
            }
        }
    }
    true
}

fn address_without_fragment(window: &web_sys::Window) -> String {
    let location = window.location();
    let path = location.pathname().unwrap_or_default();
    let search = location.search().unwrap_or_default();
    format!("{path}{search}")
}
