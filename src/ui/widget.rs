//! One mounted widget, as the citizen first meets it: the search box, what it found, the filters
//! and the home view, drawn in plain DOM from its [`Model`]. The procedure page and the desk's
//! pane are parts fetched when first needed ([`super::part`]); they act on the widget through
//! its [`Host`].
//!
//! Every change goes through [`Host::update`]: the model changes, then what is drawn follows it
//! (each region is made again only when what it shows changed), then the address, the pane and
//! the page's events follow.

use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};
use std::sync::Arc;

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, HtmlElement, HtmlInputElement, HtmlSelectElement, Node};

use super::dom::{self, el, El, Listener};
use super::idle::{self, Idle};
use super::model::{Load, Model};
use super::part::{self, Pane};
use super::route::{self, Route};
use super::text::Text;
use super::{data, data_notice, home, option_id, search, ticks, CatalogSource, Data, Lang, Mode, Options};
use super::{INPUT_ID, LISTBOX_ID, NEW_TAB_ID};
use crate::link::Link;

/// A mounted widget; dropping it unmounts it.
pub(crate) struct Widget(Rc<Inner>);

/// What the parts (and the page's API, the address, timers) hold of a widget: it may be gone.
#[derive(Clone)]
pub(crate) struct Host(Weak<Inner>);

struct Inner {
    options: Options,
    source: CatalogSource,
    /// The widget's outermost element (`div.motcua`); events for the page go from its host.
    root: Element,
    model: RefCell<Model>,
    view: RefCell<View>,
    pane: RefCell<PaneState>,
    route: RefCell<Option<Route>>,
    idle: RefCell<Option<Idle>>,
    listeners: RefCell<Vec<Listener>>,
    /// Counts the catalog's loads: an older one that ends late is dropped.
    loads: Cell<u32>,
    /// Counts the panes asked for: one that comes after the language changed is dropped.
    panes: Cell<u32>,
    /// The procedure last told to the page (`motcua:open`).
    announced: Cell<Option<usize>>,
    /// The option last scrolled into view.
    scrolled: Cell<Option<usize>>,
}

/// The part drawn beside or instead of the list: the procedure page, or the desk's pane.
enum PaneState {
    Absent,
    Coming,
    Failed,
    Here(Pane),
}

/// The elements drawn for one language, and what each shows now.
struct View {
    input: HtmlInputElement,
    switch: Element,
    notice: Element,
    status: Element,
    did_you_mean: Element,
    filters: Element,
    results: Element,
    more: Element,
    body: Element,
    /// Above the pane: that its code is coming, or did not come.
    pane_note: Element,
    /// Where the pane is mounted.
    pane: HtmlElement,
    reset_note: Option<Element>,
    source: Option<Element>,
    drawn: Drawn,
}

/// Keys of what the regions that are made again show.
#[derive(Default)]
struct Drawn {
    did_you_mean: Option<Option<String>>,
    filters: Option<Option<u32>>,
    options: Option<u32>,
    body: Option<Body>,
    /// The catalog the notices and the source line are drawn for (its address).
    data: Option<usize>,
    pane_note: Option<Option<(Wait, Option<usize>)>>,
}

/// What shows below the list.
#[derive(Debug, Clone, PartialEq)]
enum Body {
    Nothing,
    Failed(u32),
    Home,
    NoResults(String),
    NoFiltered,
}

/// Where the pane's code is, while it is not drawn.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Wait {
    Coming,
    Failed,
}

/// Mounts a widget into `parent` (an open shadow root, or an element).
pub(crate) fn mount(parent: &Node, source: CatalogSource, options: Options) -> Widget {
    let root = el("div").0;
    let _ = parent.append_child(&root);
    let mut model = Model::new(options.lang, options.mode);
    // The starting query shows at once, and searches as soon as the catalog is in.
    if let Some(query) = options.query.clone().filter(|q| !q.trim().is_empty()) {
        model.query = query;
    }
    let view = build(&root, &options, options.lang);
    let inner = Rc::new(Inner {
        options,
        source,
        root,
        model: RefCell::new(model),
        view: RefCell::new(view),
        pane: RefCell::new(PaneState::Absent),
        route: RefCell::new(None),
        idle: RefCell::new(None),
        listeners: RefCell::new(Vec::new()),
        loads: Cell::new(0),
        panes: Cell::new(0),
        announced: Cell::new(None),
        scrolled: Cell::new(None),
    });
    let host = Host(Rc::downgrade(&inner));
    *inner.listeners.borrow_mut() = listen(&inner.root, &host);
    *inner.route.borrow_mut() = Some(Route::follow(&host, inner.options.reset_delay().is_none()));
    *inner.idle.borrow_mut() =
        inner.options.reset_delay().and_then(|seconds| idle::reset_when_idle(host.clone(), seconds));
    host.load();
    Widget(inner)
}

impl Widget {
    pub fn host(&self) -> Host {
        Host(Rc::downgrade(&self.0))
    }
}

impl Drop for Widget {
    /// The rest (listeners, the timer, the hold on the address, the pane) goes with the widget's
    /// state, as soon as no call into it is under way: a page may unmount the widget from a
    /// listener of one of its events.
    fn drop(&mut self) {
        self.0.root.remove();
    }
}

/// Makes the widget's elements in `lang` inside `root`, in place of what it held.
fn build(root: &Element, options: &Options, lang: Lang) -> View {
    let t = lang.text();
    root.set_text_content(None);
    let class = match (options.mode, options.compact) {
        (Mode::Desk, true) => "motcua desk compact",
        (Mode::Desk, false) => "motcua desk",
        (Mode::Citizen, true) => "motcua compact",
        (Mode::Citizen, false) => "motcua",
    };
    let _ = root.set_attribute("class", class);
    let _ = root.set_attribute("lang", lang.code());
    let other = lang.other();
    let switch = El::button("lang-switch", "lang", other.text().language_name).attr("lang", other.code());
    // The notices' live region is made when there is something to say.
    let notice = el("div").attr("hidden", "");
    let (search_box, input) = search::search_box(t);
    let status = el("p").class("status").attr("role", "status").attr("aria-live", "polite");
    let did_you_mean = el("p").class("did-you-mean").attr("hidden", "");
    let filters =
        el("div").class("filters").attr("role", "group").attr("aria-label", t.filters_label).attr("hidden", "");
    let results = el("ul")
        .attr("id", LISTBOX_ID)
        .class("results")
        .attr("role", "listbox")
        .attr("aria-label", t.results_label)
        .attr("hidden", "");
    let more = El::button("more", "more", t.show_more).attr("hidden", "");
    let body = el("div").class("body");
    let pane_note = el("div").class("pane-note").attr("hidden", "");
    let pane = el("div").class("pane");
    let reset_note =
        options.reset_delay().is_some().then(|| el("p").class("reset-note").attr("role", "status").attr("hidden", ""));
    let source = (!options.compact).then(|| el("p").class("source-note").attr("hidden", ""));
    let view = View {
        input,
        switch: switch.0.clone(),
        notice: notice.0.clone(),
        status: status.0.clone(),
        did_you_mean: did_you_mean.0.clone(),
        filters: filters.0.clone(),
        results: results.0.clone(),
        more: more.0.clone(),
        body: body.0.clone(),
        pane_note: pane_note.0.clone(),
        pane: pane.0.clone().unchecked_into(),
        reset_note: reset_note.as_ref().map(|e| e.0.clone()),
        source: source.as_ref().map(|e| e.0.clone()),
        drawn: Drawn::default(),
    };
    let searching = [search_box, status, did_you_mean, filters, results, more, body];
    let main = match options.mode {
        Mode::Desk => vec![el("div")
            .class("desk-panes")
            .child(el("div").class("desk-search").children(searching))
            .child(el("div").class("desk-procedure").child(pane_note).child(pane))],
        Mode::Citizen => searching.into_iter().chain([pane_note, pane]).collect(),
    };
    let all = [switch, notice]
        .into_iter()
        .chain(main)
        .chain(reset_note)
        .chain(source)
        .chain([el("span").attr("id", NEW_TAB_ID).class("visually-hidden").text(t.new_tab)]);
    for element in all {
        let _ = root.append_child(&element.0);
    }
    view
}

impl View {
    /// Makes what is drawn show `model`.
    fn draw(&mut self, model: &Model, options: &Options, loads: u32) {
        let t = model.lang.text();
        self.draw_box(model);
        dom::set_text(&self.status, &search::status(t, model));
        let loading = matches!(model.load, Load::Loading);
        dom::set_attr(&self.status, "class", Some(if loading { "status loading" } else { "status" }));
        self.draw_correction(t, model);
        self.draw_filters(t, model);
        self.draw_results(t, model);
        self.draw_body(t, model, options, loads);
        self.draw_notices(t, model, options);
        if let Some(note) = &self.reset_note {
            dom::set_text(note, model.reset_note.unwrap_or_default());
            dom::set_hidden(note, model.reset_note.is_none());
        }
    }

    /// The search box: what was typed, whether the list shows, the option the arrow keys are on.
    fn draw_box(&self, model: &Model) {
        if self.input.value() != model.query {
            self.input.set_value(&model.query);
        }
        let expanded = model.expanded();
        dom::set_attr(&self.input, "aria-expanded", Some(if expanded { "true" } else { "false" }));
        let active = model.active.filter(|_| expanded).map(option_id);
        dom::set_attr(&self.input, "aria-activedescendant", active.as_deref());
    }

    fn draw_correction(&mut self, t: &Text, model: &Model) {
        let correction = model.correction.clone().filter(|_| !model.procedure_covers_list());
        if self.drawn.did_you_mean.as_ref() == Some(&correction) {
            return;
        }
        dom::replace(&self.did_you_mean, correction.as_deref().map(|c| search::did_you_mean(t, c)).unwrap_or_default());
        dom::set_hidden(&self.did_you_mean, correction.is_none());
        self.drawn.did_you_mean = Some(correction);
    }

    /// The filters are made again for new matches; their values follow the model's filter.
    fn draw_filters(&mut self, t: &Text, model: &Model) {
        let data = model.data();
        let matches =
            data.filter(|_| !model.procedure_covers_list() && !model.query.trim().is_empty()).map(|_| model.found);
        if self.drawn.filters != Some(matches) {
            let drawn = data.and_then(|data| search::filters(t, model, data));
            dom::set_hidden(&self.filters, drawn.is_none());
            dom::replace(&self.filters, drawn.unwrap_or_default());
            self.drawn.filters = Some(matches);
        }
        for (id, value) in search::chosen(&model.filter) {
            let select = self.filters.query_selector(&format!("#{id}")).ok().flatten();
            if let Some(select) = select.and_then(|s| s.dyn_into::<HtmlSelectElement>().ok()) {
                if select.value() != value {
                    select.set_value(&value);
                }
            }
        }
        if let Ok(Some(clear)) = self.filters.query_selector(".clear-filters") {
            dom::set_hidden(&clear, model.filter.is_empty());
        }
    }

    /// The options are made again for a new list; which one is active follows the arrow keys.
    fn draw_results(&mut self, t: &Text, model: &Model) {
        if self.drawn.options != Some(model.listing) {
            dom::replace(&self.results, model.data().map(|data| search::options(t, model, data)).unwrap_or_default());
            self.drawn.options = Some(model.listing);
        }
        let expanded = model.expanded();
        dom::set_hidden(&self.results, !expanded);
        let drawn = self.results.children();
        for i in 0..drawn.length() {
            let Some(option) = drawn.item(i) else { continue };
            let selected = model.active == Some(i as usize);
            dom::set_attr(&option, "aria-selected", Some(if selected { "true" } else { "false" }));
            let _ = option.class_list().toggle_with_force("active", selected);
        }
        dom::set_hidden(&self.more, !(expanded && model.hits.len() > model.shown));
    }

    /// Below the list: the load error, the home view, or help when nothing was found.
    fn draw_body(&mut self, t: &Text, model: &Model, options: &Options, loads: u32) {
        let data = model.data();
        let body = match (&model.load, data) {
            (Load::Failed(_), _) => Body::Failed(loads),
            (_, None) => Body::Nothing,
            _ if model.procedure_covers_list() => Body::Nothing,
            _ if model.query.trim().is_empty() => match options.compact {
                true => Body::Nothing,
                false => Body::Home,
            },
            _ if model.matches.is_empty() => Body::NoResults(model.query.clone()),
            _ if model.hits.is_empty() => Body::NoFiltered,
            _ => Body::Nothing,
        };
        if self.drawn.body.as_ref() == Some(&body) {
            return;
        }
        let drawn = match (&body, &model.load, data) {
            (Body::Failed(_), Load::Failed(failure), _) => vec![search::error_view(t, failure, &model.query)],
            (Body::Home, _, Some(data)) => home::home(t, data),
            (Body::NoResults(query), ..) => vec![search::no_results(t, query)],
            (Body::NoFiltered, ..) => vec![search::no_filtered_results(t)],
            _ => Vec::new(),
        };
        dom::replace(&self.body, drawn);
        self.drawn.body = Some(body);
    }

    /// What is said about the catalog: the notices above, the source line below.
    fn draw_notices(&mut self, t: &Text, model: &Model, options: &Options) {
        let data = model.data();
        let address = data.map(|data| Arc::as_ptr(data) as usize);
        if self.drawn.data == address {
            return;
        }
        let stale_after = options.stale_after.map_or(crate::catalog::DEFAULT_MAX_AGE_DAYS, i64::from);
        let lines = data.map(|data| data_notice::lines(t, data, stale_after)).unwrap_or_default();
        dom::set_hidden(&self.notice, lines.is_empty());
        let notices =
            (!lines.is_empty()).then(|| el("div").class("notice freshness").attr("role", "status").children(lines));
        dom::replace(&self.notice, notices);
        if let Some(source) = &self.source {
            dom::set_text(source, &data.map(|data| search::source(t, data)).unwrap_or_default());
            dom::set_hidden(source, data.is_none());
        }
        self.drawn.data = address;
    }

    /// Above the pane: `wait` for the procedure `open` (its name, the way back, on a citizen's
    /// widget), or nothing.
    fn draw_pane_note(&mut self, model: &Model, wait: Option<Wait>) {
        let key = wait.map(|wait| (wait, model.open));
        if self.drawn.pane_note == Some(key) {
            return;
        }
        self.drawn.pane_note = Some(key);
        let t = model.lang.text();
        let name =
            model.data().zip(model.open).and_then(|(data, doc)| Some(data.catalog.procedures.get(doc)?.name.clone()));
        let note = match (wait, model.desk()) {
            (None, _) => None,
            (Some(Wait::Coming), true) => Some(el("p").class("notice").attr("role", "status").text(t.desk_loading)),
            (Some(Wait::Failed), true) => Some(search::failed_notice(t, t.desk_failed, "retry-pane", None)),
            (Some(wait), false) => name.as_deref().map(|name| {
                let status = match wait {
                    Wait::Coming => {
                        el("p").class("notice details-loading").attr("role", "status").text(t.details_loading)
                    }
                    Wait::Failed => search::failed_notice(t, t.details_failed, "retry-pane", Some(name)),
                };
                el("section")
                    .class("procedure")
                    .attr("aria-labelledby", "motcua-title")
                    .child(El::button("back", "back", t.back))
                    .child(el("h2").attr("id", "motcua-title").attr("tabindex", "-1").text(name))
                    .child(status)
            }),
        };
        dom::set_hidden(&self.pane_note, note.is_none());
        dom::replace(&self.pane_note, note);
        // Screen readers start reading the procedure at its title.
        if let Ok(Some(title)) = self.pane_note.query_selector("h2") {
            if let Ok(title) = title.dyn_into::<HtmlElement>() {
                let _ = title.focus();
            }
        }
    }
}

/// Listens on the widget's root: what elements say they do (`data-action`), typing and keys
/// in the box, the filters, results about to be opened, groups opened on the home view.
fn listen(root: &Element, host: &Host) -> Vec<Listener> {
    let target = |event: &web_sys::Event| event.target().and_then(|t| t.dyn_into::<Element>().ok());
    let on = |name: &'static str, capture: bool, handle: fn(&Host, Element, &web_sys::Event)| {
        let host = host.clone();
        Listener::new(root, name, capture, move |event| {
            if let Some(element) = target(&event) {
                handle(&host, element, &event)
            }
        })
    };
    vec![
        on("click", false, |host, element, _| {
            if let Ok(Some(acting)) = element.closest("[data-action]") {
                host.act(&acting);
            }
        }),
        on("input", false, |host, element, _| {
            if element.id() == INPUT_ID {
                let query = element.unchecked_into::<HtmlInputElement>().value();
                host.update(|m| m.set_query(query));
            }
        }),
        on("keydown", false, |host, element, event| {
            if let (true, Some(key)) = (element.id() == INPUT_ID, event.dyn_ref::<web_sys::KeyboardEvent>()) {
                if host.key(&key.key()) {
                    event.prevent_default();
                }
            }
        }),
        on("change", false, |host, element, _| {
            let id = element.id();
            if let (true, Ok(select)) = (id.starts_with("motcua-filter-"), element.dyn_into::<HtmlSelectElement>()) {
                host.update(|m| m.set_filter(|f| search::choose(f, &id, select.value())));
            }
        }),
        on("pointerover", false, |host, element, _| {
            if let Some(doc) = element.closest("li[data-doc]").ok().flatten().and_then(|li| doc_of(&li)) {
                host.prefetch(doc);
            }
        }),
        // `toggle` does not bubble: it is caught on its way down.
        on("toggle", true, |host, element, _| {
            let (Some(kind), Some(id)) = (element.get_attribute("data-kind"), element.get_attribute("data-id")) else {
                return;
            };
            if element.query_selector("ul").ok().flatten().is_none() {
                if let (Some(data), Some(inner)) = (host.data(), host.0.upgrade()) {
                    let t = inner.model.borrow().lang.text();
                    let _ = element.append_child(&home::links(t, &data, &kind, &id).0);
                }
            }
        }),
    ]
}

/// The catalog position an element names (`data-doc`).
fn doc_of(element: &Element) -> Option<usize> {
    element.get_attribute("data-doc")?.parse().ok()
}

impl Host {
    /// Changes the model, then draws it.
    pub fn update(&self, change: impl FnOnce(&mut Model)) {
        let Some(inner) = self.0.upgrade() else { return };
        change(&mut inner.model.borrow_mut());
        self.refresh(&inner);
    }

    fn refresh(&self, inner: &Rc<Inner>) {
        {
            let model = inner.model.borrow();
            inner.view.borrow_mut().draw(&model, &inner.options, inner.loads.get());
        }
        self.sync_pane(inner);
        self.write_address();
        let (open, active, listed) = {
            let model = inner.model.borrow();
            let active = model.active.and_then(|at| model.listed.get(at).map(|hit| (at, hit.doc)));
            (model.open, active, !model.listed.is_empty())
        };
        // Results listed: one is likely to be opened next, so its page's code is fetched ahead.
        if listed {
            part::preload_procedure();
        }
        // The result the arrow keys are on is likely to be opened: its details are fetched ahead,
        // and it is kept in view.
        if inner.scrolled.replace(active.map(|(at, _)| at)) != active.map(|(at, _)| at) {
            if let Some((at, doc)) = active {
                self.prefetch(doc);
                let option = inner.root.query_selector(&format!("#{}", option_id(at))).ok().flatten();
                if let Some(option) = option {
                    let into_view = web_sys::ScrollIntoViewOptions::new();
                    into_view.set_block(web_sys::ScrollLogicalPosition::Nearest);
                    option.scroll_into_view_with_scroll_into_view_options(&into_view);
                }
            }
        }
        // Each time a procedure opens: its full record is fetched (split catalogs) alongside the
        // page's code, not after it; and `motcua:open` tells the page, with its code.
        if inner.announced.replace(open) != open {
            let opened = open.zip(self.data());
            if let Some((doc, data)) = &opened {
                data.fetch(*doc);
            }
            let code = opened.and_then(|(doc, data)| Some(data.catalog.procedures.get(doc)?.code.clone()));
            if let Some(code) = code {
                self.announce("motcua:open", &[("code", JsValue::from(code))]);
            }
        }
    }

    /// Fetches the catalog (again), reads it, and tells the page.
    fn load(&self) {
        let Some(inner) = self.0.upgrade() else { return };
        let load = inner.loads.get() + 1;
        inner.loads.set(load);
        self.update(|m| m.set_load(Load::Loading));
        let (host, source, overlay) = (self.clone(), inner.source.clone(), inner.options.overlay.clone());
        wasm_bindgen_futures::spawn_local(async move {
            let outcome = match data::load(source, overlay).await {
                Ok(data) => Load::Ready(data),
                Err(failure) => Load::Failed(failure),
            };
            // The widget may have been unmounted meanwhile, or asked again: then nobody waits.
            let Some(inner) = host.0.upgrade().filter(|inner| inner.loads.get() == load) else { return };
            let told = match &outcome {
                Load::Ready(data) => {
                    ("motcua:ready", "procedures", JsValue::from(data.catalog.procedures.len() as u32))
                }
                Load::Failed(failure) => ("motcua:error", "message", JsValue::from(failure.detail())),
                Load::Loading => return,
            };
            let ready = matches!(outcome, Load::Ready(_));
            host.update(|m| m.set_load(outcome));
            // Tell the page: `motcua:ready` once searchable, `motcua:error` when the catalog failed.
            host.announce(told.0, &[(told.1, told.2)]);
            if ready {
                let procedure = inner.options.procedure.clone();
                if let Some(route) = inner.route.borrow().as_ref() {
                    route.start(&host, procedure.as_deref());
                }
                host.write_address();
            }
        });
    }

    /// Draws the pane (or that it is coming) as the model says; fetches its code when needed.
    fn sync_pane(&self, inner: &Rc<Inner>) {
        let (open, case, desk, data) = {
            let m = inner.model.borrow();
            (m.open, m.case, m.desk(), m.data().cloned())
        };
        let wanted = data.is_some() && (desk || open.is_some());
        dom::set_hidden(&inner.view.borrow().pane, !wanted);
        let wait = match &*inner.pane.borrow() {
            PaneState::Here(pane) => {
                pane.show(open, case);
                None
            }
            PaneState::Failed => Some(Wait::Failed),
            PaneState::Coming => Some(Wait::Coming),
            PaneState::Absent => wanted.then_some(Wait::Coming),
        };
        let absent = matches!(*inner.pane.borrow(), PaneState::Absent);
        if let (true, Some(data), true) = (wanted, data, absent) {
            self.fetch_pane(inner, data, desk);
        }
        let model = inner.model.borrow();
        inner.view.borrow_mut().draw_pane_note(&model, wait.filter(|_| wanted));
    }

    fn fetch_pane(&self, inner: &Rc<Inner>, data: Arc<Data>, desk: bool) {
        *inner.pane.borrow_mut() = PaneState::Coming;
        let asked = inner.panes.get() + 1;
        inner.panes.set(asked);
        let parent = inner.view.borrow().pane.clone();
        let host = self.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let made = match desk {
                true => part::desk(host.clone(), data, parent).await,
                false => part::procedure(host.clone(), data, parent).await,
            };
            // Gone, or drawn in another language since: the pane is dropped (and unmounted).
            let Some(inner) = host.0.upgrade().filter(|inner| inner.panes.get() == asked) else { return };
            *inner.pane.borrow_mut() = match made {
                Ok(pane) => PaneState::Here(pane),
                Err(part::Missing) => PaneState::Failed,
            };
            host.refresh(&inner);
        });
    }

    /// Writes what is shown into the page's address (when this widget owns it).
    pub fn write_address(&self) {
        let Some(inner) = self.0.upgrade() else { return };
        let shown = {
            let model = inner.model.borrow();
            model.data().and_then(|data| match model.open {
                Some(doc) => {
                    Some(Link::Procedure { code: data.catalog.procedures.get(doc)?.code.clone(), case: model.case })
                }
                None => (!model.query.trim().is_empty()).then(|| Link::Search(model.query.clone())),
            })
        };
        if let Some(route) = inner.route.borrow().as_ref() {
            route.write(shown);
        };
    }

    /// Does what the clicked element says (`data-action`).
    fn act(&self, element: &Element) {
        let focus_input = || self.focus_input(false);
        match element.get_attribute("data-action").as_deref() {
            Some("open") => {
                if let Some(doc) = doc_of(element) {
                    self.open_procedure(doc);
                }
            }
            Some("query") => {
                let query = element.get_attribute("data-query").unwrap_or_default();
                self.update(|m| m.set_query(query));
                focus_input();
            }
            Some("more") => self.update(Model::show_more),
            Some("clear-filters") => {
                self.update(|m| m.set_filter(|f| *f = Default::default()));
                focus_input();
            }
            Some("retry") => self.load(),
            Some("retry-pane") => {
                if let Some(inner) = self.0.upgrade() {
                    *inner.pane.borrow_mut() = PaneState::Absent;
                    self.refresh(&inner);
                }
            }
            Some("back") => self.close_procedure(),
            Some("lang") => self.switch_language(),
            _ => {}
        }
    }

    /// A key in the search box; true when the widget used it.
    fn key(&self, key: &str) -> bool {
        let Some(inner) = self.0.upgrade() else { return false };
        let (listed, active, open, empty, desk) = {
            let m = inner.model.borrow();
            (m.listed.len(), m.active, m.open, m.query.is_empty(), m.desk())
        };
        match key {
            "ArrowDown" | "ArrowUp" if listed > 0 => self.update(|m| m.step(key == "ArrowDown")),
            "Enter" if listed > 0 && (desk || open.is_none()) => {
                let doc = inner.model.borrow().listed.get(active.unwrap_or(0)).map(|hit| hit.doc);
                if let Some(doc) = doc {
                    self.open_procedure(doc);
                }
            }
            "Escape" if active.is_some() => self.update(|m| m.active = None),
            "Escape" if open.is_some() => self.close_procedure(),
            "Escape" if !empty => self.update(|m| m.set_query(String::new())),
            _ => return false,
        }
        true
    }

    /// Everything drawn again in the other language; what was typed and opened stays.
    fn switch_language(&self) {
        let Some(inner) = self.0.upgrade() else { return };
        let lang = {
            let mut model = inner.model.borrow_mut();
            model.lang = model.lang.other();
            model.lang
        };
        // The pane is drawn in its language: it is made again.
        inner.panes.set(inner.panes.get() + 1);
        *inner.pane.borrow_mut() = PaneState::Absent;
        *inner.view.borrow_mut() = build(&inner.root, &inner.options, lang);
        inner.scrolled.set(None);
        self.refresh(&inner);
        let _ = inner.view.borrow().switch.clone().unchecked_into::<HtmlElement>().focus();
    }

    pub fn open_procedure(&self, doc: usize) {
        self.update(|m| m.open_procedure(doc));
    }

    /// Back from a procedure (and through the browser's history when opening it added an entry).
    pub fn close_procedure(&self) {
        route::step_back();
        self.show_list();
    }

    /// The list again, with the arrow keys on the procedure left.
    pub fn show_list(&self) {
        self.update(Model::show_list);
        self.focus_input(false);
    }

    /// The case chosen on the procedure's page.
    pub fn set_case(&self, case: usize) {
        let Some(inner) = self.0.upgrade() else { return };
        if inner.model.borrow().case != case {
            self.update(|m| m.case = case);
        }
    }

    /// Puts the cursor in the search box (its words selected when `select`).
    pub fn focus_input(&self, select: bool) {
        let Some(inner) = self.0.upgrade() else { return };
        let input = inner.view.borrow().input.clone();
        let _ = input.focus();
        if select {
            input.select();
        }
    }

    pub fn focus_search(&self) {
        self.focus_input(true);
    }

    /// Fetches ahead the full record of `doc` (split catalogs), which is about to be opened, and
    /// the procedure page's code.
    pub fn prefetch(&self, doc: usize) {
        part::preload_procedure();
        if let Some(data) = self.data() {
            data.prefetch(doc);
        }
    }

    pub fn data(&self) -> Option<Arc<Data>> {
        self.0.upgrade()?.model.borrow().data().cloned()
    }

    pub fn is_open(&self) -> bool {
        self.0.upgrade().is_some_and(|inner| inner.model.borrow().open.is_some())
    }

    pub fn lang(&self) -> Lang {
        self.0.upgrade().map_or_else(Lang::default, |inner| inner.model.borrow().lang)
    }

    pub fn mode(&self) -> Mode {
        self.0.upgrade().map_or_else(Mode::default, |inner| inner.options.mode)
    }

    /// Back to the start: no query, no procedure, nothing on the slip.
    pub fn home(&self) {
        let Some(inner) = self.0.upgrade() else { return };
        if let PaneState::Here(pane) = &*inner.pane.borrow() {
            pane.forget();
        }
        self.update(|m| m.set_query(String::new()));
    }

    /// Back to the start for the next citizen, forgetting every tick kept on this device.
    pub fn reset(&self) {
        self.home();
        ticks::forget_all();
    }

    /// Nobody used the widget for a while: back to the start, and say so, unless nothing was left.
    pub fn reset_for_inactivity(&self) {
        let Some(inner) = self.0.upgrade() else { return };
        let busy = matches!(&*inner.pane.borrow(), PaneState::Here(pane) if pane.busy());
        if inner.model.borrow().at_start() && !busy && !ticks::any_remembered() {
            return;
        }
        self.reset();
        self.update(|m| m.reset_note = Some(m.lang.text().reset_done));
    }

    /// The widget is in use: the reset's note goes.
    pub fn touched(&self) {
        let Some(inner) = self.0.upgrade() else { return };
        if inner.model.borrow().reset_note.is_some() {
            self.update(|m| m.reset_note = None);
        }
    }

    /// Sends the page the event `name` with `detail`, bubbling and composed, from the element
    /// hosting the widget (or from the widget's root when it is not in a shadow root).
    pub fn announce(&self, name: &str, detail: &[(&str, JsValue)]) {
        let Some(inner) = self.0.upgrade() else { return };
        let root: &Node = inner.root.as_ref();
        let target: web_sys::EventTarget = match root.get_root_node().dyn_into::<web_sys::ShadowRoot>() {
            Ok(shadow) => shadow.host().into(),
            Err(_) => inner.root.clone().into(),
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

    /// The catalog's procedure `code`, opened; false when the loaded catalog has none.
    pub fn open_code(&self, code: &str) -> bool {
        route::show(self, &Link::Procedure { code: code.trim().to_string(), case: 0 })
    }
}
