//! The procedure page and the desk's pane, drawn with Leptos. Only the parts of the code fetched
//! when first needed ([`super::part`]) reach them: the search (the first screen) is plain DOM.
//! They work on a [`State`] of their own, linked to the search's widget through its [`Host`].

mod cases;
mod checklist;
mod desk;
mod fees;
mod papers;
mod print;
mod procedure;
mod related;
mod share;
mod slip;
mod style;

use std::any::Any;
use std::sync::Arc;

use leptos::prelude::*;
use wasm_bindgen::JsValue;

use super::part::Pane;
use super::widget::Host;
pub(crate) use super::{data, names, text, today, Data, Lang, Mode, NEW_TAB_ID};
use text::PageText;

/// The state of a mounted pane. Copy: every part is a handle into the reactive system.
#[derive(Clone, Copy)]
pub(crate) struct State {
    host: StoredValue<Host, LocalStorage>,
    data: StoredValue<Arc<Data>>,
    pub lang: Lang,
    pub mode: Mode,
    /// The procedure shown (its position in the catalog).
    pub open: RwSignal<Option<usize>>,
    /// The case (trường hợp) of the open procedure that its page follows.
    pub case: RwSignal<usize>,
    /// The guidance slip being made, in desk mode.
    pub slip: slip::Slip,
    /// Notified when a full record of a split catalog arrives or fails.
    arrived: Trigger,
}

impl State {
    fn new(host: Host, data: Arc<Data>) -> State {
        let arrived = Trigger::new();
        let listener = data.on_arrival(Arc::new(move || arrived.notify()));
        let unlisten = Arc::clone(&data);
        on_cleanup(move || unlisten.forget_arrival(listener));
        let (lang, mode) = (host.lang(), host.mode());
        State {
            host: StoredValue::new_local(host),
            data: StoredValue::new(data),
            lang,
            mode,
            open: RwSignal::new(None),
            case: RwSignal::new(0),
            slip: slip::Slip::new(),
            arrived,
        }
    }

    /// The words of the language shown.
    pub fn text(&self) -> &'static PageText {
        self.lang.page_text()
    }

    /// The catalog. Views that read a full record through it call [`State::track_details`].
    pub fn data(&self) -> Arc<Data> {
        self.data.get_value()
    }

    /// Draws the caller again when a full record arrives or fails.
    pub fn track_details(&self) {
        self.arrived.track();
    }

    pub fn desk(&self) -> bool {
        self.mode == Mode::Desk
    }

    pub fn open_procedure(&self, doc: usize) {
        self.host.with_value(|host| host.open_procedure(doc));
    }

    pub fn close_procedure(&self) {
        self.host.with_value(Host::close_procedure);
    }

    /// Sends the page the event `name` with `detail`, from the element hosting the widget.
    pub fn announce(&self, name: &str, detail: &[(&str, JsValue)]) {
        self.host.with_value(|host| host.announce(name, detail));
    }

    /// Back to the start for the next citizen, forgetting every tick kept on this device.
    pub fn reset(&self) {
        self.host.with_value(Host::reset);
    }

    /// Puts the cursor in the search box, its words selected.
    pub fn focus_search(&self) {
        self.host.with_value(Host::focus_search);
    }

    /// Shows `open` at `case`, as the search's widget says.
    fn show(&self, open: Option<usize>, case: usize) {
        if self.open.get_untracked() != open {
            self.open.set(open);
        }
        if self.case.get_untracked() != case {
            self.case.set(case);
        }
    }
}

/// Mounts `view` of a new [`State`] into `parent`; the pane follows what the host shows and
/// tells it the case chosen.
fn mount(host: Host, data: Arc<Data>, parent: web_sys::HtmlElement, view: impl Fn(State) -> AnyView + 'static) -> Pane {
    style::add_to(&parent);
    let made = std::rc::Rc::new(std::cell::Cell::new(None));
    let filled = std::rc::Rc::clone(&made);
    let handle = leptos::mount::mount_to(parent, move || {
        let state = State::new(host.clone(), Arc::clone(&data));
        filled.set(Some(state));
        let host = host.clone();
        Effect::new(move |_| {
            let case = state.case.get();
            host.set_case(case);
        });
        view(state)
    });
    let state = made.get();
    let mounted: Box<dyn Any> = Box::new(handle);
    Pane::new(
        mounted,
        Box::new(move |open, case| {
            if let Some(state) = state {
                state.show(open, case);
            }
        }),
        Box::new(move || state.is_some_and(|s| s.slip.entries.with_untracked(|e| !e.is_empty()))),
        Box::new(move || {
            if let Some(state) = state {
                state.slip.entries.set(Vec::new());
            }
        }),
    )
}

/// The citizen's procedure page, in `parent`: the open procedure, or nothing.
pub(super) fn procedure_pane(host: Host, data: Arc<Data>, parent: web_sys::HtmlElement) -> Pane {
    mount(host, data, parent, |state| {
        (move || state.open.get().map(|doc| view! { <procedure::ProcedureView state=state doc=doc /> })).into_any()
    })
}

/// The desk's procedure pane, in `parent`: the slip being made, and the open procedure; and the
/// desk's keyboard shortcuts.
pub(super) fn desk_pane(host: Host, data: Arc<Data>, parent: web_sys::HtmlElement) -> Pane {
    mount(host, data, parent, |state| {
        desk::shortcuts(state);
        desk::pane(state).into_any()
    })
}
