//! The browser widget: a search box over a catalog of procedures, and the view of one procedure.
//! Thin on purpose: searching, links and wording of data come from the core; words come from [`text`].

mod cases;
mod checklist;
mod data;
mod data_notice;
mod desk;
mod fees;
mod home;
mod network;
mod papers;
mod part;
mod print;
mod procedure;
mod related;
mod route;
mod search;
mod share;
mod slip;
pub mod text;
mod text_en;

use std::any::Any;
use std::cell::Cell;
use std::rc::Rc;
use std::sync::Arc;

use leptos::html::{Div, Input};
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::ShadowRoot;

pub use data::{CatalogSource, Data, Failure};

use crate::search::{best, Filter, Hit};
pub use text::Lang;
use text::Text;

/// The widget's styles, written for the shadow root it is mounted in (`:host` rules): adopt them
/// there, as `motcua.js` does.
pub const CSS: &str = include_str!("../../style/widget.css");

/// How many results are listed at first, and added by "show more".
pub const PAGE: usize = 10;

/// So few matches that a corrected query is worth offering.
const FEW: usize = 2;

/// Ids inside the widget's shadow root (each widget has its own root, so they do not collide).
pub(crate) const INPUT_ID: &str = "motcua-input";
pub(crate) const LISTBOX_ID: &str = "motcua-results";
pub(crate) const NEW_TAB_ID: &str = "motcua-new-tab";

/// A procedure's title, and its official name when the title is the commune's friendly name.
pub(crate) fn names(p: &crate::catalog::Procedure) -> (&str, Option<&str>) {
    match p.friendly_name.as_deref().map(str::trim).filter(|n| !n.is_empty()) {
        Some(friendly) => (friendly, Some(p.name.as_str())),
        None => (p.name.as_str(), None),
    }
}

/// Who the widget serves: citizens on a commune's site, or staff at the one-stop desk.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Mode {
    #[default]
    Citizen,
    /// Large type, search and procedure side by side, keyboard shortcuts, the guidance slip,
    /// staff notes, and a reset after inactivity.
    Desk,
}

impl Mode {
    /// `desk` (as in `<mot-cua mode="desk">`); anything else is the citizen's widget.
    pub fn parse(mode: &str) -> Mode {
        match mode.trim().eq_ignore_ascii_case("desk") {
            true => Mode::Desk,
            false => Mode::Citizen,
        }
    }
}

/// How a widget starts: what `<mot-cua>`'s attributes say.
#[derive(Debug, Clone, Default)]
pub struct Options {
    pub lang: Lang,
    pub mode: Mode,
    /// Seconds without use after which the widget goes back to its start and forgets the ticks
    /// on this device: `Some(0)` never, `None` as the mode has it (desk: 5 minutes; citizen: never).
    pub reset_after: Option<u32>,
    /// The commune's overlay (an absolute URL), applied over the catalog.
    pub overlay: Option<String>,
    /// The procedure to open first (its code), unless the page's address says otherwise.
    pub procedure: Option<String>,
    /// The search to start with, unless the page's address says otherwise.
    pub query: Option<String>,
    /// Only the search and its results: no home view, hints or source line (a sidebar).
    pub compact: bool,
    /// Days after which the catalog is said to be old (`None`: as `motcua check`,
    /// [`crate::catalog::DEFAULT_MAX_AGE_DAYS`]; `Some(0)`: never).
    pub stale_after: Option<u32>,
}

impl Options {
    /// The reset delay in seconds, if the widget resets at all.
    pub fn reset_delay(&self) -> Option<u32> {
        match (self.reset_after, self.mode) {
            (Some(0), _) | (None, Mode::Citizen) => None,
            (Some(seconds), _) => Some(seconds),
            (None, Mode::Desk) => Some(desk::RESET_AFTER),
        }
    }
}

/// Today in the browser's time zone (the citizen's).
fn today() -> crate::date::Date {
    let now = js_sys::Date::new_0();
    crate::date::Date { year: now.get_full_year() as i32, month: now.get_month() as u8 + 1, day: now.get_date() as u8 }
}

/// The id of the `n`th listed result.
pub(crate) fn option_id(n: usize) -> String {
    format!("motcua-option-{n}")
}

/// Where the catalog is in its life.
#[derive(Debug, Clone)]
pub enum Load {
    Loading,
    Ready(Arc<Data>),
    Failed(Failure),
}

/// The state of one widget. Copy: every part is a handle into the reactive system.
#[derive(Clone, Copy)]
pub(crate) struct State {
    pub load: RwSignal<Load>,
    /// What the citizen typed.
    pub query: RwSignal<String>,
    /// All matches for `query`, in no particular order.
    pub matches: Memo<Vec<Hit>>,
    /// What the citizen narrowed the matches to; reset by a new query.
    pub filter: RwSignal<Filter>,
    /// The matches the filter keeps, in no particular order.
    pub hits: Memo<Vec<Hit>>,
    /// The first `shown` of `hits`, best first: what is listed.
    pub listed: Memo<Vec<Hit>>,
    /// The folded words the query matched, marked in the listed names.
    pub terms: Memo<Vec<String>>,
    /// A corrected query, when the query found nothing or little.
    pub correction: Memo<Option<String>>,
    /// How many of `hits` are listed.
    pub shown: RwSignal<usize>,
    /// Position in the list of the option the arrow keys are on.
    pub active: RwSignal<Option<usize>>,
    /// The procedure shown (its position in the catalog), instead of the list.
    pub open: RwSignal<Option<usize>>,
    /// The case (trường hợp) of the open procedure that its page follows.
    pub case: RwSignal<usize>,
    pub input: NodeRef<Input>,
    /// The language shown; switching it draws the widget again.
    pub lang: RwSignal<Lang>,
    pub mode: Mode,
    /// The guidance slip being made, in desk mode.
    pub slip: slip::Slip,
    /// Said after a reset for inactivity, until the widget is used again.
    pub reset_note: RwSignal<Option<&'static str>>,
    /// The widget's outermost element: events for the page are sent from its host.
    pub root: NodeRef<Div>,
}

impl State {
    fn new(lang: Lang, mode: Mode) -> State {
        let load = RwSignal::new(Load::Loading);
        let query = RwSignal::new(String::new());
        let matches = Memo::new(move |_| {
            query.with(|q| {
                load.with(|l| match l {
                    Load::Ready(data) => data.index.matches(q),
                    _ => Vec::new(),
                })
            })
        });
        let filter = RwSignal::new(Filter::default());
        let hits = Memo::new(move |_| {
            filter.with(|f| {
                matches.with(|all| {
                    if f.is_empty() {
                        return all.clone();
                    }
                    load.with(|l| match l {
                        Load::Ready(data) => all
                            .iter()
                            .filter(|h| data.catalog.procedures.get(h.doc).is_some_and(|p| f.accepts(p, &data.catalog)))
                            .copied()
                            .collect(),
                        _ => Vec::new(),
                    })
                })
            })
        });
        let shown = RwSignal::new(PAGE);
        // Only what is listed is ordered: ordering every match on each keystroke costs more
        // than finding them.
        let listed = Memo::new(move |_| hits.with(|h| best(h.clone(), shown.get())));
        let terms = Memo::new(move |_| {
            query.with(|q| {
                load.with(|l| match l {
                    Load::Ready(data) if !q.trim().is_empty() => data.index.terms_of(q),
                    _ => Vec::new(),
                })
            })
        });
        let correction = Memo::new(move |_| {
            if matches.with(Vec::len) > FEW {
                return None;
            }
            query.with(|q| {
                load.with(|l| match l {
                    Load::Ready(data) if !q.trim().is_empty() => data.index.did_you_mean(q),
                    _ => None,
                })
            })
        });
        State {
            load,
            query,
            matches,
            filter,
            hits,
            listed,
            terms,
            correction,
            shown,
            active: RwSignal::new(None),
            open: RwSignal::new(None),
            case: RwSignal::new(0),
            input: NodeRef::new(),
            lang: RwSignal::new(lang),
            mode,
            slip: slip::Slip::new(),
            reset_note: RwSignal::new(None),
            root: NodeRef::new(),
        }
    }

    /// The words of the language shown.
    pub fn text(&self) -> &'static Text {
        self.lang.get_untracked().text()
    }

    /// The catalog, once loaded.
    pub fn data(&self) -> Option<Arc<Data>> {
        self.load.with(|l| match l {
            Load::Ready(data) => Some(Arc::clone(data)),
            _ => None,
        })
    }

    /// A new query: the list starts again from its top, unfiltered; any open procedure closes.
    pub fn set_query(&self, query: String) {
        self.query.set(query);
        self.filter.set(Filter::default());
        self.shown.set(PAGE);
        self.active.set(None);
        self.open.set(None);
    }

    /// Narrows the matches: the list starts again from its top.
    pub fn set_filter(&self, change: impl FnOnce(&mut Filter)) {
        self.filter.update(change);
        self.shown.set(PAGE);
        self.active.set(None);
    }

    /// Shows the procedure at `doc` in the catalog, at its first case.
    pub fn open_procedure(&self, doc: usize) {
        self.active.set(None);
        self.case.set(0);
        self.open.set(Some(doc));
    }

    /// Back from a procedure (and through the browser's history when opening it added an entry).
    pub fn close_procedure(&self) {
        route::leave_procedure(*self);
    }

    /// The list again, with the arrow keys on the procedure left.
    pub fn show_list(&self) {
        if let Some(doc) = self.open.get_untracked() {
            let position = self.listed.with_untracked(|listed| listed.iter().position(|h| h.doc == doc));
            self.active.set(position);
        }
        self.open.set(None);
        self.focus_input();
    }

    /// Fetches ahead the full record of `doc` (split catalogs), which is about to be opened, and
    /// the procedure page's code.
    pub fn prefetch(&self, doc: usize) {
        part::preload_procedure();
        if let Some(data) = self.data() {
            data.prefetch(doc);
        }
    }

    pub fn focus_input(&self) {
        if let Some(input) = self.input.get_untracked() {
            let _ = input.focus();
        }
    }

    /// True when an open procedure takes the place of the list and what goes with it (the
    /// status, the filters, the correction); at the desk they stay beside it.
    pub fn procedure_covers_list(&self) -> bool {
        !self.desk() && self.open.with(Option::is_some)
    }

    /// True when the list of results is showing.
    pub fn expanded(&self) -> bool {
        !self.procedure_covers_list() && self.hits.with(|h| !h.is_empty())
    }

    pub fn desk(&self) -> bool {
        self.mode == Mode::Desk
    }

    /// Nothing asked, opened or put on a slip.
    pub fn at_start(&self) -> bool {
        self.query.with_untracked(|q| q.is_empty())
            && self.open.with_untracked(Option::is_none)
            && self.slip.entries.with_untracked(Vec::is_empty)
    }

    /// Back to the start: no query, no procedure, nothing on the slip.
    pub fn home(&self) {
        self.set_query(String::new());
        self.slip.entries.set(Vec::new());
    }

    /// Back to the start for the next citizen, forgetting every tick kept on this device.
    pub fn reset(&self) {
        self.home();
        checklist::forget_all();
    }

    /// Sends the page the event `name` with `detail`, from the element hosting the widget.
    pub fn announce(&self, name: &str, detail: &[(&str, JsValue)]) {
        announce(self.root, name, detail);
    }
}

/// The widget. `source` is read when it mounts; to show another catalog, mount it again.
#[component]
pub fn Widget(
    source: CatalogSource,
    options: Options,
    /// Filled with the widget's state, for the page to act on it ([`Control`]).
    #[prop(optional)]
    control: Option<Control>,
) -> impl IntoView {
    let state = State::new(options.lang, options.mode);
    let root = state.root;
    if let Some(control) = control {
        control.0.set(Some(state));
    }
    // The starting query shows at once, and searches as soon as the catalog is in.
    if let Some(query) = options.query.clone().filter(|q| !q.trim().is_empty()) {
        state.query.set(query);
    }
    route::follow(state, &options);

    let overlay = options.overlay.clone();
    let start = move |source: CatalogSource| {
        state.load.set(Load::Loading);
        let overlay = overlay.clone();
        spawn_local(async move {
            let outcome = match data::load(source, overlay).await {
                Ok(data) => Load::Ready(data),
                Err(failure) => Load::Failed(failure),
            };
            // The widget may have been unmounted meanwhile: then there is nobody to tell.
            let _ = state.load.try_set(outcome);
        });
    };
    start(source.clone());

    // Tell the page: `motcua:ready` once searchable, `motcua:error` when the catalog failed.
    Effect::new(move |_| {
        state.load.with(|load| match load {
            Load::Loading => {}
            Load::Ready(data) => {
                announce(root, "motcua:ready", &[("procedures", JsValue::from(data.catalog.procedures.len() as u32))])
            }
            Load::Failed(failure) => announce(root, "motcua:error", &[("message", JsValue::from(failure.detail()))]),
        })
    });

    // `motcua:open` each time a procedure opens, with its code.
    Effect::new(move |before: Option<Option<usize>>| {
        let open = state.open.get();
        if let Some(p) = open
            .filter(|o| Some(*o) != before.flatten())
            .and_then(|doc| state.data().and_then(|data| data.catalog.procedures.get(doc).map(|p| p.code.clone())))
        {
            announce(root, "motcua:open", &[("code", JsValue::from(p))]);
        }
        open
    });

    // Results listed: one is likely to be opened next, so its page's code is fetched ahead.
    Effect::new(move |_| {
        if state.listed.with(|l| !l.is_empty()) {
            part::preload_procedure();
        }
    });

    let retry = move || start(source.clone());
    let reset_delay = options.reset_delay();
    let resets = reset_delay.is_some();
    let compact = options.compact;
    let stale_after = options.stale_after.map_or(crate::catalog::DEFAULT_MAX_AGE_DAYS, i64::from);
    if let Some(seconds) = reset_delay {
        desk::reset_when_idle(state, seconds);
    }

    // Everything is drawn again in the other language; what was typed and opened stays.
    view! {
        <div class="motcua" class:desk=state.desk() class:compact=options.compact lang=move || state.lang.get().code() node_ref=root>
            {move || {
                let t = state.lang.get().text();
                let other = state.lang.get().other();
                let retry = retry.clone();
                view! {
                    <button type="button" class="lang-switch" lang=other.code() on:click=move |_| state.lang.set(other)>
                        {other.text().language_name}
                    </button>
                    <data_notice::Notice state=state stale_after=stale_after />
                    {match state.desk() {
                        false => view! {
                            {search(state)}
                            {move || body(state, retry.clone(), compact)}
                        }.into_any(),
                        true => part::desk_panes(state, move || search(state).into_any(), move || body(state, retry.clone(), compact)).into_any(),
                    }}
                    {resets.then(|| view! { <p class="reset-note" role="status">{move || state.reset_note.get()}</p> })}
                    {(!compact).then(|| view! { <search::SourceNote state=state /> })}
                    <span id=NEW_TAB_ID class="visually-hidden">{t.new_tab}</span>
                }
            }}
        </div>
    }
}

/// The search box, what it found, and the filters.
fn search(state: State) -> impl IntoView {
    view! {
        <search::SearchBox state=state />
        <search::Status state=state />
        <search::DidYouMean state=state />
        <search::Filters state=state />
        <search::Results state=state />
    }
}

/// Below the list: the error, the open procedure, the no-results help, or the home view (not
/// when `compact`).
fn body(state: State, retry: impl Fn() + Clone + 'static, compact: bool) -> AnyView {
    let failure = state.load.with(|l| match l {
        Load::Failed(f) => Some(f.clone()),
        _ => None,
    });
    if let Some(failure) = failure {
        return search::error_view(state, failure, retry).into_any();
    }
    let Some(data) = state.data() else {
        return ().into_any();
    };
    // At the desk, the procedure has a pane of its own (and opening one leaves this one as it is).
    if !state.desk() {
        if let Some(doc) = state.open.get() {
            return part::procedure_page(state, data, doc).into_any();
        }
    }
    if state.query.with(|q| q.trim().is_empty()) {
        return match compact {
            true => ().into_any(),
            false => home::home(state, &data).into_any(),
        };
    }
    if state.matches.with(Vec::is_empty) {
        return search::no_results(state).into_any();
    }
    if state.hits.with(Vec::is_empty) {
        return search::no_filtered_results(state).into_any();
    }
    ().into_any()
}

/// Dispatches a `CustomEvent` (bubbling, composed) from the element hosting the widget,
/// or from the widget's root when it is not in a shadow root.
fn announce(root: NodeRef<Div>, name: &str, detail: &[(&str, JsValue)]) {
    let Some(div) = root.get_untracked() else { return };
    let node: &web_sys::Node = div.as_ref();
    let target: web_sys::EventTarget = match node.get_root_node().dyn_into::<ShadowRoot>() {
        Ok(shadow) => shadow.host().into(),
        Err(_) => div.clone().into(),
    };
    let object = js_sys::Object::new();
    for (key, value) in detail {
        let _ = js_sys::Reflect::set(&object, &JsValue::from_str(key), value);
    }
    let init = web_sys::CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(&object);
    if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict(name, &init) {
        let _ = target.dispatch_event(&event);
    }
}

/// What a page can ask of a mounted widget: the element's JavaScript API.
#[derive(Clone, Default)]
pub struct Control(Rc<Cell<Option<State>>>);

/// A procedure found by [`Control::search`].
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    pub code: String,
    /// The official name.
    pub name: String,
    /// The name the widget shows (the commune's everyday name when it has one).
    pub title: String,
    pub score: f32,
}

impl Control {
    fn state(&self) -> Option<State> {
        self.0.get()
    }

    /// The best `limit` procedures for `query`, best first, as the widget ranks them; `None`
    /// until the catalog is loaded.
    pub fn search(&self, query: &str, limit: usize) -> Option<Vec<Found>> {
        let data = self.state()?.data()?;
        let found = data
            .index
            .search(query, limit)
            .into_iter()
            .filter_map(|hit| {
                let p = data.catalog.procedures.get(hit.doc)?;
                Some(Found {
                    code: p.code.clone(),
                    name: p.name.clone(),
                    title: names(p).0.to_string(),
                    score: hit.score,
                })
            })
            .collect();
        Some(found)
    }

    /// Opens the procedure with `code`; false when the catalog (loaded) has none.
    pub fn open(&self, code: &str) -> bool {
        let Some(state) = self.state() else { return false };
        route::show(state, &crate::link::Link::Procedure { code: code.trim().to_string(), case: 0 })
    }

    /// Back to the start: no query, no procedure (the citizen's ticks stay).
    pub fn reset(&self) {
        if let Some(state) = self.state() {
            state.home();
        }
    }
}

/// A mounted widget; dropping it unmounts the widget and frees its state.
pub struct Handle {
    _mounted: Box<dyn Any>,
    control: Control,
}

impl Handle {
    pub fn control(&self) -> &Control {
        &self.control
    }
}

/// Mounts a widget into `root` (normally the open shadow root of a `<mot-cua>` element), in
/// Vietnamese, for citizens.
pub fn mount(root: &ShadowRoot, source: CatalogSource) -> Handle {
    mount_with(root, source, Options::default())
}

/// Mounts a widget as `options` say.
pub fn mount_with(root: &ShadowRoot, source: CatalogSource, options: Options) -> Handle {
    let parent: web_sys::HtmlElement = root.clone().unchecked_into();
    let control = Control::default();
    let filled = control.clone();
    let handle =
        leptos::mount::mount_to(parent, move || view! { <Widget source=source options=options control=filled /> });
    Handle { _mounted: Box::new(handle), control }
}
