//! The browser widget: a search box over a catalog of procedures, and the view of one procedure.
//! Thin on purpose: searching, links and wording of data come from the core; words come from [`text`].
//!
//! The first screen (the search, its results, the home view) is plain DOM ([`widget`]), so that
//! the code a page loads first stays small; the procedure page and the desk's pane are drawn with
//! Leptos ([`page`]) in parts of the code fetched when first needed ([`part`]).

pub(crate) mod console;
pub(crate) mod data;
mod data_notice;
mod dom;
mod home;
mod idle;
mod model;
mod network;
mod page;
mod part;
mod repeal;
mod route;
mod search;
pub mod text;
mod text_en;
mod ticks;
mod widget;

pub use data::{CatalogSource, Data, Failure};
pub use model::Load;
pub use text::Lang;

/// The widget's styles, written for the shadow root it is mounted in (`:host` rules): adopt them
/// there, as `motcua.js` does.
pub const CSS: &str = include_str!(concat!(env!("OUT_DIR"), "/widget.css"));

/// How many results are listed at first, and added by "show more".
pub const PAGE: usize = 10;

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
            (None, Mode::Desk) => Some(idle::DESK_RESET_AFTER),
        }
    }
}

/// Today in the browser's time zone (the citizen's).
pub(crate) fn today() -> crate::date::Date {
    let now = js_sys::Date::new_0();
    crate::date::Date { year: now.get_full_year() as i32, month: now.get_month() as u8 + 1, day: now.get_date() as u8 }
}

/// The id of the `n`th listed result.
pub(crate) fn option_id(n: usize) -> String {
    format!("motcua-option-{n}")
}

/// What a page can ask of a mounted widget: the element's JavaScript API.
#[derive(Clone)]
pub struct Control(widget::Host);

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
    /// The best `limit` procedures for `query`, best first, as the widget ranks them; `None`
    /// until the catalog is loaded.
    pub fn search(&self, query: &str, limit: usize) -> Option<Vec<Found>> {
        let data = self.0.data()?;
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
        self.0.open_code(code)
    }

    /// Back to the start: no query, no procedure (the citizen's ticks stay).
    pub fn reset(&self) {
        self.0.home();
    }
}

/// A request for `url` (a catalog or an overlay) that the page's loader made while the widget's
/// code was coming: the widget takes it instead of asking again. `promise` resolves to the text,
/// or to `{ status }` for an error status, or `{ error }` when no answer came.
pub fn hand_over(url: &str, promise: js_sys::Promise) {
    network::hand_over(url, promise);
}

/// A mounted widget; dropping it unmounts the widget and frees its state.
pub struct Handle {
    _widget: widget::Widget,
    control: Control,
}

impl Handle {
    pub fn control(&self) -> &Control {
        &self.control
    }
}

/// Mounts a widget into `root` (normally the open shadow root of a `<mot-cua>` element), in
/// Vietnamese, for citizens.
pub fn mount(root: &web_sys::ShadowRoot, source: CatalogSource) -> Handle {
    mount_with(root, source, Options::default())
}

/// Mounts a widget as `options` say, into `root` (an open shadow root, or an element).
pub fn mount_with(root: &web_sys::Node, source: CatalogSource, options: Options) -> Handle {
    let widget = widget::mount(root, source, options);
    let control = Control(widget.host());
    Handle { _widget: widget, control }
}

/// The widget as a Leptos component, for Leptos apps: mounted into a `<div>` of the app (put it
/// in a shadow root with [`CSS`] adopted, as the example `leptos_app` does). `source` is read when
/// it mounts; to show another catalog, mount it again.
#[leptos::component]
pub fn Widget(source: CatalogSource, options: Options) -> impl leptos::IntoView {
    use leptos::prelude::*;
    let node = NodeRef::<leptos::html::Div>::new();
    let handle = StoredValue::new_local(None::<Handle>);
    node.on_load(move |div| {
        let div: &web_sys::Node = div.as_ref();
        handle.set_value(Some(mount_with(div, source, options)));
    });
    on_cleanup(move || handle.set_value(None));
    view! { <div class="motcua-app" node_ref=node></div> }
}
