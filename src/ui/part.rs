//! Parts of the widget's code that are fetched when first needed, so that the first download is
//! the search alone: the procedure page (papers, cases, fees, QR codes, the checklist, and the
//! reading of the full record it shows), the desk's pane (the slip, printing, shortcuts), both
//! drawn with Leptos ([`super::page`]), the reading of a commune's overlay and that of a whole
//! (single-file) catalog, and the indexing of a catalog without a stored search index (most
//! pages have none of these). The search reaches them only through the
//! functions here.
//!
//! Built with the `split` feature (the Trunk build), a `wasm_split` function is a point where the
//! wasm is cut: `scripts/split-wasm` moves the code reachable only through such functions into a
//! file of its own per part, fetched by the first call. A failed fetch is an error, not a panic,
//! and the next call tries again. Without the feature (tests, Leptos apps) the code is in the one
//! module and the calls return at once.

use std::any::Any;
use std::sync::Arc;

use super::widget::Host;
use super::{page, Data};
use crate::catalog::{self, LoadError, Loaded, Procedure};
use crate::overlay::{self, Overlay, OverlayError};
use crate::search::Index;

/// A part of the code could not be fetched (the network); asking again retries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Missing;

#[cfg(feature = "split")]
impl From<wasm_split_helpers::SplitLoaderError> for Missing {
    fn from(_: wasm_split_helpers::SplitLoaderError) -> Missing {
        Missing
    }
}

/// A part drawn into an element of the widget: it shows what the widget says, until dropped.
pub(crate) struct Pane {
    _mounted: Box<dyn Any>,
    show: Box<dyn Fn(Option<usize>, usize)>,
    busy: Box<dyn Fn() -> bool>,
    forget: Box<dyn Fn()>,
}

impl Pane {
    pub(crate) fn new(
        mounted: Box<dyn Any>,
        show: Box<dyn Fn(Option<usize>, usize)>,
        busy: Box<dyn Fn() -> bool>,
        forget: Box<dyn Fn()>,
    ) -> Pane {
        Pane { _mounted: mounted, show, busy, forget }
    }

    /// Shows the procedure `open` (or none) at `case`.
    pub fn show(&self, open: Option<usize>, case: usize) {
        (self.show)(open, case)
    }

    /// Whether it holds something of the citizen's (a slip being made).
    pub fn busy(&self) -> bool {
        (self.busy)()
    }

    /// Forgets what it holds of the citizen.
    pub fn forget(&self) {
        (self.forget)()
    }
}

#[cfg_attr(feature = "split", wasm_split_helpers::wasm_split(procedure, fallible, preload(fetch_procedure_part)))]
fn procedure_part(host: Host, data: Arc<Data>, parent: web_sys::HtmlElement) -> Result<Pane, Missing> {
    Ok(page::procedure_pane(host, data, parent))
}

#[cfg_attr(feature = "split", wasm_split_helpers::wasm_split(desk, fallible))]
fn desk_part(host: Host, data: Arc<Data>, parent: web_sys::HtmlElement) -> Result<Pane, Missing> {
    Ok(page::desk_pane(host, data, parent))
}

/// Calls a part's function: fetches the part first in a split build.
macro_rules! call {
    ($part:ident($($arg:expr),*)) => {{
        #[cfg(feature = "split")]
        let drawn = $part($($arg),*).await;
        #[cfg(not(feature = "split"))]
        let drawn = $part($($arg),*);
        drawn
    }};
}

#[cfg_attr(feature = "split", wasm_split_helpers::wasm_split(whole, fallible))]
fn whole_part(json: String) -> Result<Result<Loaded, LoadError>, Missing> {
    Ok(catalog::load(&json))
}

#[cfg_attr(feature = "split", wasm_split_helpers::wasm_split(procedure, fallible))]
fn record_part(json: String, code: String) -> Result<Result<Procedure, LoadError>, Missing> {
    Ok(catalog::load_procedure(&json, &code))
}

#[cfg_attr(feature = "split", wasm_split_helpers::wasm_split(index, fallible))]
fn index_part(loaded: Loaded) -> Result<(Loaded, Index), Missing> {
    let index = Index::from_catalog(&loaded.catalog);
    Ok((loaded, index))
}

/// Indexes a catalog ([`Index::from_catalog`]): the first download reads a split catalog's
/// stored index instead.
pub(super) async fn index(loaded: Loaded) -> Result<(Loaded, Index), Missing> {
    call!(index_part(loaded))
}

/// Reads a whole catalog ([`catalog::load`]): the first download reads only split indexes.
pub(super) async fn load_whole(json: String) -> Result<Result<Loaded, LoadError>, Missing> {
    call!(whole_part(json))
}

/// Reads a split catalog's full record of `code` ([`catalog::load_procedure`]), with the
/// procedure page's code, which shows it.
pub(super) async fn read_record(json: String, code: String) -> Result<Result<Procedure, LoadError>, Missing> {
    call!(record_part(json, code))
}

#[cfg_attr(feature = "split", wasm_split_helpers::wasm_split(overlay, fallible, preload(fetch_overlay_part)))]
fn overlay_read_part(json: String) -> Result<Result<Overlay, OverlayError>, Missing> {
    Ok(overlay::parse(&json))
}

#[cfg_attr(feature = "split", wasm_split_helpers::wasm_split(overlay, fallible))]
fn overlay_catalog_part(loaded: Loaded, overlay: Arc<Overlay>) -> Result<(Loaded, Vec<String>), Missing> {
    let mut loaded = loaded;
    let problems = overlay::apply(&mut loaded.catalog, &overlay);
    Ok((loaded, problems))
}

#[cfg_attr(feature = "split", wasm_split_helpers::wasm_split(overlay, fallible))]
fn overlay_record_part(full: Procedure, overlay: Arc<Overlay>) -> Result<Procedure, Missing> {
    let mut full = full;
    overlay::apply_to(&mut full, &overlay);
    Ok(full)
}

/// Fetches the overlay's code ahead, while the overlay itself is coming.
pub(super) fn preload_overlay() {
    #[cfg(feature = "split")]
    wasm_bindgen_futures::spawn_local(async {
        // A failure is said by the reading, which fetches it again.
        let _ = fetch_overlay_part().await;
    });
}

/// Reads a commune's overlay ([`overlay::parse`]).
pub(super) async fn read_overlay(json: String) -> Result<Result<Overlay, OverlayError>, Missing> {
    call!(overlay_read_part(json))
}

/// Applies an overlay to a catalog ([`overlay::apply`]): the catalog, and what could not be applied.
pub(super) async fn overlay_catalog(loaded: Loaded, overlay: Arc<Overlay>) -> Result<(Loaded, Vec<String>), Missing> {
    call!(overlay_catalog_part(loaded, overlay))
}

/// Applies an overlay to a full record as it arrives ([`overlay::apply_to`]).
pub(super) async fn overlay_record(full: Procedure, overlay: Arc<Overlay>) -> Result<Procedure, Missing> {
    call!(overlay_record_part(full, overlay))
}

/// The citizen's procedure page, drawn into `parent` once its code is here.
pub(super) async fn procedure(host: Host, data: Arc<Data>, parent: web_sys::HtmlElement) -> Result<Pane, Missing> {
    call!(procedure_part(host, data, parent))
}

/// The desk's pane, drawn into `parent` once its code is here.
pub(super) async fn desk(host: Host, data: Arc<Data>, parent: web_sys::HtmlElement) -> Result<Pane, Missing> {
    call!(desk_part(host, data, parent))
}

/// Resolves once the next frame is painted: a timer set when the frame starts runs after it.
#[cfg(feature = "split")]
async fn after_paint() {
    use wasm_bindgen::{JsCast, JsValue};
    let next_frame = js_sys::Promise::new(&mut |resolve, _| {
        let Some(window) = web_sys::window() else { return drop(resolve.call0(&JsValue::NULL)) };
        let after = wasm_bindgen::closure::Closure::once_into_js(move || {
            if let Some(window) = web_sys::window() {
                let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0);
            }
        });
        let _ = window.request_animation_frame(after.unchecked_ref());
    });
    let _ = wasm_bindgen_futures::JsFuture::from(next_frame).await;
}

/// Fetches the procedure page's code ahead (a result is listed or about to be opened); once.
pub(super) fn preload_procedure() {
    #[cfg(feature = "split")]
    {
        use std::sync::atomic::{AtomicBool, Ordering};
        static ASKED: AtomicBool = AtomicBool::new(false);
        if !ASKED.swap(true, Ordering::Relaxed) {
            wasm_bindgen_futures::spawn_local(async {
                // Not before the results it follows are on the screen: receiving and linking the
                // code would delay their paint.
                after_paint().await;
                // A failure is said when a page is opened, which fetches it again.
                if fetch_procedure_part().await.is_err() {
                    ASKED.store(false, Ordering::Relaxed);
                }
            });
        }
    }
}
