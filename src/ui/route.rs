//! The widget in the page's address ([`crate::link`]): a search or an open procedure (and its
//! case) is written into the URL's fragment, so it can be linked to and bookmarked; a link opens
//! it; the browser's Back button leaves a procedure. Opening a procedure adds a history entry
//! (except on a widget that resets for the next person); typing and choosing a case replace the
//! current one. The first widget mounted on a page owns the address: others on the same page
//! leave it alone.

use std::cell::Cell;

use wasm_bindgen::JsValue;

use super::dom::Listener;
use super::widget::Host;
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

/// A widget's hold on the address; let go when dropped.
pub(super) struct Route {
    owner: bool,
    /// A widget that resets for the next person (a desk, a kiosk) adds no history entries: Back
    /// must not bring the previous person's search or procedure back.
    adds_entries: bool,
    /// The address was read, once the catalog came: from then on it is written.
    read: Cell<bool>,
    _listener: Option<Listener>,
}

impl Route {
    /// Follows the address for `host`, if no other widget of the page does.
    pub fn follow(host: &Host, adds_entries: bool) -> Route {
        let owner = !OWNED.with(|owned| owned.replace(true));
        let listener = owner.then(web_sys::window).flatten().map(|window| {
            let host = host.clone();
            Listener::new(&window, "hashchange", false, move |_| match STEPPING.with(|s| s.replace(false)) {
                true => host.write_address(),
                false => {
                    apply(&host);
                }
            })
        });
        Route { owner, adds_entries, read: Cell::new(false), _listener: listener }
    }

    /// Once the catalog is there: shows what the address says, or else `procedure` (a code).
    pub fn start(&self, host: &Host, procedure: Option<&str>) {
        if self.read.replace(true) {
            return;
        }
        // The starting query is in the box from the start.
        if !(self.owner && apply(host)) {
            if let Some(code) = procedure {
                show(host, &Link::Procedure { code: code.trim().to_string(), case: 0 });
            }
        }
    }

    /// Writes `wanted` (what is shown) into the address.
    pub fn write(&self, wanted: Option<Link>) {
        if !self.owner || !self.read.get() || STEPPING.with(Cell::get) {
            return;
        }
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
        let opened =
            self.adds_entries && code_of(wanted).is_some_and(|code| code_of(Link::parse(&current)) != Some(code));
        let _ = if opened {
            history.push_state_with_url(&JsValue::from_str(MARK), "", Some(&url))
        } else {
            history.replace_state_with_url(&history.state().unwrap_or(JsValue::NULL), "", Some(&url))
        };
    }
}

impl Drop for Route {
    fn drop(&mut self) {
        if self.owner {
            OWNED.with(|owned| owned.set(false));
        }
    }
}

/// Leaves the open procedure: goes back in the browser's history when this widget added the
/// procedure's entry (not when the page was opened on its link). The caller shows the list.
pub(super) fn step_back() {
    let history = web_sys::window().and_then(|w| w.history().ok()).filter(|_| OWNED.with(Cell::get));
    let ours = history.as_ref().and_then(|h| h.state().ok()).and_then(|s| s.as_string()).is_some_and(|s| s == MARK);
    if let Some(history) = history.filter(|_| ours) {
        STEPPING.with(|s| s.set(true));
        if history.back().is_err() {
            STEPPING.with(|s| s.set(false));
        }
    }
}

/// Shows what the address says; an address that is not the widget's changes nothing. True when
/// the address had a link for the widget.
fn apply(host: &Host) -> bool {
    let Some(hash) = web_sys::window().and_then(|w| w.location().hash().ok()) else { return false };
    match Link::parse(&hash) {
        Some(link) => {
            show(host, &link);
            true
        }
        // Back to the address the page had before the widget wrote one.
        None if (hash.is_empty() || hash == "#") && host.is_open() => {
            host.show_list();
            false
        }
        None => false,
    }
}

/// Shows `link`: a procedure (at its case) or a search. An unknown code (or a catalog not yet
/// loaded) changes nothing: false.
pub(super) fn show(host: &Host, link: &Link) -> bool {
    let Some(data) = host.data() else { return false };
    match link {
        Link::Procedure { code, case } => {
            let Some(doc) = data.position(code) else { return false };
            // A split catalog's record may still be on its way: its cases are not known yet.
            let known = data.full(doc).map(|p| p.cases.len());
            let case = if known.is_none_or(|cases| *case < cases) { *case } else { 0 };
            host.update(|m| {
                if m.open != Some(doc) {
                    m.open_procedure(doc);
                }
                m.case = case;
            });
        }
        Link::Search(query) => host.update(|m| {
            if m.query != *query {
                m.set_query(query.clone());
            } else if m.open.is_some() {
                m.show_list();
            }
        }),
    }
    true
}

fn address_without_fragment(window: &web_sys::Window) -> String {
    let location = window.location();
    let path = location.pathname().unwrap_or_default();
    let search = location.search().unwrap_or_default();
    format!("{path}{search}")
}
