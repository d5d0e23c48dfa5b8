//! The catalog a widget shows: where it comes from, fetching and reading it, and why that failed;
//! for a split catalog, each procedure's full record, fetched when it is opened or about to be.

use std::cell::RefCell;
use std::collections::HashMap;
use std::ops::Deref;
use std::sync::{Arc, Mutex, Weak};
use std::time::Duration;

use crate::catalog::{self, ByCode, Catalog, LoadError, Procedure};
use crate::overlay::Overlay;
use crate::search::{self, Index};

use super::text::Text;
use super::{console, network, part};

/// Where a widget gets its catalog.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CatalogSource {
    /// An absolute URL, fetched with `GET`.
    Url(String),
    /// The catalog's JSON itself (tests, pages that inline their data).
    Inline(String),
}

/// A catalog ready to search.
#[derive(Debug)]
pub struct Data {
    pub catalog: Catalog,
    pub index: Index,
    /// Each procedure's position by code (the home view links thousands of them).
    positions: ByCode,
    /// The catalog's address (`None` inline): a split catalog's records are found beside it.
    url: Option<String>,
    /// The commune's overlay, applied to each full record as it arrives.
    overlay: Option<Arc<Overlay>>,
    /// Full records of a split catalog, by position, as far as they came.
    details: Mutex<HashMap<usize, Detail>>,
    /// Told when a full record arrives or fails: views that asked for one are drawn again.
    arrivals: Arrivals,
    /// The catalog is the device's copy (the network failed): the widget says so, with its date.
    pub kept: bool,
    /// Records of the catalog that could not be read, and are left out.
    pub skipped: usize,
}

/// Told of the arrival of full records ([`Data::on_arrival`]).
pub type Listener = Arc<dyn Fn() + Send + Sync>;

/// Who is told of the arrival of full records.
#[derive(Default)]
struct Arrivals(Mutex<Vec<(u32, Listener)>>);

impl std::fmt::Debug for Arrivals {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Arrivals")
    }
}

/// A full record of a split catalog, on its way or there.
#[derive(Debug, Clone)]
pub enum Detail {
    Loading,
    Ready(Arc<Procedure>),
    Failed(Failure),
}

/// Where a procedure's details are, for views that wait for them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// The catalog has the whole record.
    Whole,
    Loading,
    Ready,
    Failed,
}

/// A procedure as the widget has it: the catalog's record, or the full record fetched for it.
pub enum Full<'a> {
    Here(&'a Procedure),
    Fetched(Arc<Procedure>),
}

impl Deref for Full<'_> {
    type Target = Procedure;
    fn deref(&self) -> &Procedure {
        match self {
            Full::Here(p) => p,
            Full::Fetched(p) => p,
        }
    }
}

impl Data {
    fn new(
        loaded: catalog::Loaded,
        index: Index,
        url: Option<&str>,
        overlay: Option<Arc<Overlay>>,
        kept: bool,
    ) -> Data {
        let skipped = loaded.problems.len();
        Data {
            // The first of a code wins, as in a search of the list (the loader drops repeats anyway).
            positions: ByCode::of(&loaded.catalog.procedures),
            catalog: loaded.catalog,
            index,
            url: url.map(str::to_string),
            overlay,
            details: Mutex::new(HashMap::new()),
            arrivals: Arrivals::default(),
            kept,
            skipped,
        }
    }

    /// The procedure at `doc` with its details: `None` while a split catalog's full record is
    /// not there (see [`Data::detail`]).
    pub fn full(&self, doc: usize) -> Option<Full<'_>> {
        let p = self.catalog.procedures.get(doc)?;
        if p.detail_path(&self.catalog).is_none() {
            return Some(Full::Here(p));
        }
        match self.detail(doc) {
            Some(Detail::Ready(full)) => Some(Full::Fetched(full)),
            _ => None,
        }
    }

    /// The position of the procedure `code` in the catalog.
    pub fn position(&self, code: &str) -> Option<usize> {
        self.positions.find(&self.catalog.procedures, code)
    }

    /// [`Data::full`] by code.
    pub fn full_by_code(&self, code: &str) -> Option<Full<'_>> {
        self.full(self.position(code)?)
    }

    /// Where the full record of `doc` is; `None` when the catalog has it already or has no such
    /// procedure. [`Data::on_arrival`] tells when it changes.
    pub fn detail(&self, doc: usize) -> Option<Detail> {
        self.catalog.procedures.get(doc)?.detail_path(&self.catalog)?;
        Some(self.lock().get(&doc).cloned().unwrap_or(Detail::Loading))
    }

    /// Where the details of `doc` are.
    pub fn stage(&self, doc: usize) -> Stage {
        match self.detail(doc) {
            None => Stage::Whole,
            Some(Detail::Loading) => Stage::Loading,
            Some(Detail::Ready(_)) => Stage::Ready,
            Some(Detail::Failed(_)) => Stage::Failed,
        }
    }

    /// The full record of `doc`, fetched unless it was asked for before (a result about to be
    /// opened, a procedure put on the slip).
    pub fn prefetch(self: &Arc<Self>, doc: usize) {
        if !self.lock().contains_key(&doc) {
            self.fetch(doc);
        }
    }

    /// The full record of `doc`, fetched unless it is there or on its way; again after a failure.
    pub fn fetch(self: &Arc<Self>, doc: usize) {
        let Some(p) = self.catalog.procedures.get(doc) else { return };
        let Some(path) = p.detail_path(&self.catalog) else { return };
        if matches!(self.lock().get(&doc), Some(Detail::Loading | Detail::Ready(_))) {
            return;
        }
        self.lock().insert(doc, Detail::Loading);
        self.tell_arrival();
        let (data, code, url) = (Arc::clone(self), p.code.clone(), beside(self.url.as_deref(), &path));
        wasm_bindgen_futures::spawn_local(async move {
            let full = match fetch_or_kept(&url, network::RECORD).await {
                Ok((json, _)) => read_record(json, code, &url, data.overlay.clone()).await,
                Err(failure) => Err(failure),
            };
            let detail = full.map_or_else(Detail::Failed, |full| Detail::Ready(Arc::new(full)));
            data.lock().insert(doc, detail);
            data.tell_arrival();
        });
    }

    /// Calls `listener` each time a full record starts coming, arrives or fails; until
    /// [`Data::forget_arrival`] with the number returned.
    pub fn on_arrival(&self, listener: Listener) -> u32 {
        let mut arrivals = self.arrivals.0.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        let number = arrivals.last().map_or(0, |(n, _)| n + 1);
        arrivals.push((number, listener));
        number
    }

    pub fn forget_arrival(&self, number: u32) {
        self.arrivals.0.lock().unwrap_or_else(|poisoned| poisoned.into_inner()).retain(|(n, _)| *n != number);
    }

    fn tell_arrival(&self) {
        // Listeners may ask for records: they run without the lock.
        let listeners: Vec<Arc<dyn Fn() + Send + Sync>> = self
            .arrivals
            .0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .iter()
            .map(|(_, l)| Arc::clone(l))
            .collect();
        listeners.iter().for_each(|listener| listener());
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<usize, Detail>> {
        // One thread: the lock is never held across an await, so it cannot be poisoned by another.
        self.details.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

/// `path` (relative, as the loader checked) beside the file at `url`; beside the page when the
/// catalog was inline.
fn beside(url: Option<&str>, path: &str) -> String {
    let page = || web_sys::window().and_then(|w| w.location().href().ok()).unwrap_or_default();
    let base = url.map_or_else(page, str::to_string);
    let base = base.split(['?', '#']).next().unwrap_or_default();
    match base.rfind('/') {
        Some(slash) => format!("{}{path}", &base[..=slash]),
        None => path.to_string(),
    }
}

/// Why a catalog could not be shown.
#[derive(Debug, Clone, PartialEq)]
pub enum Failure {
    /// The page gave no catalog address.
    NoCatalog,
    /// The request did not complete (offline, DNS, CORS…).
    Network { url: String, message: String },
    /// The server answered with an error status.
    Http { url: String, status: u16 },
    /// The file is not a catalog this widget reads.
    Catalog { url: Option<String>, error: LoadError },
    /// The commune's overlay could not be fetched or read.
    Overlay { url: String, message: String },
}

impl Failure {
    /// What went wrong, in words for citizens.
    pub fn reason(&self, t: &Text) -> String {
        match self {
            Failure::NoCatalog => t.error_no_catalog.to_string(),
            Failure::Network { .. } => t.error_network.to_string(),
            Failure::Http { status, .. } => (t.error_http)(*status),
            Failure::Catalog { error: LoadError::UnsupportedVersion { .. }, .. } => t.error_version.to_string(),
            Failure::Catalog { .. } => t.error_format.to_string(),
            Failure::Overlay { .. } => t.error_overlay.to_string(),
        }
    }

    /// The technical details, for whoever maintains the page.
    pub fn detail(&self) -> String {
        match self {
            Failure::NoCatalog => "<mot-cua> has no catalog attribute".to_string(),
            Failure::Network { url, message } => format!("GET {url}: {message}"),
            Failure::Http { url, status } => format!("GET {url}: HTTP {status}"),
            Failure::Catalog { url: Some(url), error } => format!("{url}: {error}"),
            Failure::Catalog { url: None, error } => error.to_string(),
            Failure::Overlay { url, message } => format!("overlay {url}: {message}"),
        }
    }
}

thread_local! {
    /// Catalogs in use, by URL: several widgets showing one catalog share it.
    static IN_USE: RefCell<Vec<(String, Weak<Data>)>> = const { RefCell::new(Vec::new()) };
}

/// Fetches (or reuses) and reads the catalog, with the commune's overlay at `overlay` (an
/// absolute URL) applied over it when there is one.
pub async fn load(source: CatalogSource, overlay: Option<String>) -> Result<Arc<Data>, Failure> {
    let overlay = overlay.filter(|url| !url.trim().is_empty());
    match source {
        CatalogSource::Inline(json) => read(json, None, fetch_overlay(overlay).await?, false).await,
        CatalogSource::Url(url) if url.trim().is_empty() => Err(Failure::NoCatalog),
        CatalogSource::Url(url) => {
            let key = format!("{url} {}", overlay.as_deref().unwrap_or(""));
            if let Some(data) = in_use(&key) {
                return Ok(data);
            }
            // While the catalog is on its way, the table its index needs is read, on a timer's turn:
            // if the catalog is here first, its index reads the table then.
            wasm_bindgen_futures::spawn_local(async {
                network::sleep(Duration::ZERO).await;
                search::prepare();
            });
            let (json, kept) = fetch_or_kept(&url, network::CATALOG).await?;
            let data = match read(json, Some(&url), fetch_overlay(overlay).await?, kept).await {
                // A kept copy that no longer reads (an older widget's, a damaged one) is dropped,
                // the index's or that of the summaries read instead; not when what failed is a
                // part of the code that did not come (offline).
                Err(Failure::Catalog { url: Some(failed), error }) => {
                    network::forget(&failed).await;
                    return Err(Failure::Catalog { url: Some(failed), error });
                }
                read => read?,
            };
            IN_USE.with_borrow_mut(|list| {
                list.retain(|(_, weak)| weak.strong_count() > 0);
                list.push((key, Arc::downgrade(&data)));
            });
            Ok(data)
        }
    }
}

/// The overlay at `url`, read; a failure is the widget's: showing the catalog without the
/// commune's own fees, repeals and cases could mislead.
async fn fetch_overlay(url: Option<String>) -> Result<Option<(String, Arc<Overlay>)>, Failure> {
    let Some(url) = url else { return Ok(None) };
    part::preload_overlay();
    let (json, _) = fetch_or_kept(&url, network::CATALOG)
        .await
        .map_err(|failure| Failure::Overlay { url: url.clone(), message: failure.detail() })?;
    let read = part::read_overlay(json)
        .await
        .map_err(|part::Missing| Failure::Overlay { url: url.clone(), message: missing_code("overlays") })?
        .map_err(|e| Failure::Overlay { url: url.clone(), message: e.to_string() })?;
    Ok(Some((url, Arc::new(read))))
}

/// The full record of `code` from its text (fetched from `url`), with the commune's overlay.
/// Reading and overlaying are parts of the code: one that does not come fails the record, as the
/// network would, and asking again fetches it again.
async fn read_record(
    json: String,
    code: String,
    url: &str,
    overlay: Option<Arc<Overlay>>,
) -> Result<Procedure, Failure> {
    let missing = |what| missing_part(Some(url), what);
    let full = part::read_record(json, code)
        .await
        .map_err(|part::Missing| missing("records"))?
        .map_err(|error| Failure::Catalog { url: Some(url.to_string()), error })?;
    match overlay {
        None => Ok(full),
        Some(overlay) => part::overlay_record(full, overlay).await.map_err(|part::Missing| missing("overlays")),
    }
}

/// The part of the widget's code for `what` did not come, for the catalog at `url`.
fn missing_part(url: Option<&str>, what: &str) -> Failure {
    Failure::Network { url: url.unwrap_or("(inline)").into(), message: missing_code(what) }
}

/// Why something could not be read: the part of the widget's code for `what` (overlays, whole
/// catalogs, records) did not come (the network); asking again fetches it again.
fn missing_code(what: &str) -> String {
    format!("the widget's code for {what} could not be fetched")
}

fn in_use(url: &str) -> Option<Arc<Data>> {
    IN_USE.with_borrow(|list| list.iter().find(|(u, _)| u == url).and_then(|(_, weak)| weak.upgrade()))
}

/// The text at `url`, and whether it is the device's copy: fetched with `patience` and then kept
/// on the device (in the background); when that fails, the kept copy if there is one.
async fn fetch_or_kept(url: &str, patience: network::Patience) -> Result<(String, bool), Failure> {
    match network::body(url, patience).await {
        Ok(page) => {
            let (url, text) = (url.to_string(), network::utf8(&page));
            // Written only when it changed: a national index is 2 MB, a page view is not a reason
            // to write it to the device's disk again. Done a little later, not while the catalog is
            // read and the first results drawn: reading the kept copy back costs the main thread.
            // Compared and kept as the page's bytes: the widget's memory holds only its own copy.
            wasm_bindgen_futures::spawn_local(async move {
                network::sleep(network::KEEP_AFTER).await;
                if !network::kept(&url).await.is_some_and(|kept| network::same(&kept, &page)) {
                    network::keep(&url, &page).await;
                }
            });
            Ok((text, false))
        }
        Err(failed) => {
            let failure = match failed {
                network::Failed::Network(message) => Failure::Network { url: url.to_string(), message },
                network::Failed::Status(status) => Failure::Http { url: url.to_string(), status },
            };
            match network::kept(url).await.map(|page| network::utf8(&page)) {
                Some(text) => {
                    console::warn(&format!("motcua: {}; the device's copy is used", failure.detail()));
                    Ok((text, true))
                }
                None => Err(failure),
            }
        }
    }
}

async fn read(
    json: String,
    url: Option<&str>,
    overlay: Option<(String, Arc<Overlay>)>,
    mut kept: bool,
) -> Result<Arc<Data>, Failure> {
    // An overlay changes what is searched: the catalog is indexed with it, from its summaries.
    let overlaid = overlay.is_some();
    let first = read_catalog(json, url, overlaid).await?;
    let Read { mut loaded, index, .. } = match first.summaries.as_deref().map(|path| beside(url, path)) {
        None => first,
        // Its search index cannot serve: the summaries it names are indexed.
        Some(summaries) => match fetch_or_kept(&summaries, network::CATALOG).await {
            Ok((json, summaries_kept)) => {
                kept |= summaries_kept;
                read_catalog(json, Some(&summaries), overlaid).await?
            }
            // Without them, its own rows are: names, fields and results, without papers.
            Err(failure) => {
                console::warn(&format!("motcua: {}; the catalog's rows are searched", failure.detail()));
                first
            }
        },
    };
    if let Some((overlay_url, overlay)) = &overlay {
        let overlaid = part::overlay_catalog(loaded, Arc::clone(overlay)).await;
        let Ok((applied, problems)) = overlaid else {
            return Err(Failure::Overlay { url: overlay_url.clone(), message: missing_code("overlays") });
        };
        loaded = applied;
        if let Some(first) = problems.first() {
            console::warn(&format!(
                "motcua: the overlay {overlay_url} has {} problem(s); first: {first}",
                problems.len()
            ));
        }
    }
    if let Some(first) = loaded.problems.first() {
        console::warn(&format!(
            "motcua: {} record(s) of the catalog {} were skipped; first: {first}",
            loaded.problems.len(),
            url.unwrap_or("(inline)")
        ));
    }
    let (loaded, index) = match index {
        Some(index) => (loaded, index),
        None => part::index(loaded).await.map_err(|part::Missing| missing_part(url, "search"))?,
    };
    Ok(Arc::new(Data::new(loaded, index, url, overlay.map(|(_, overlay)| overlay), kept)))
}

/// A catalog read, with its stored search index when it has one that serves (and nothing is
/// `overlaid`); else the summaries to read instead, when it names them.
struct Read {
    loaded: catalog::Loaded,
    index: Option<Index>,
    summaries: Option<String>,
}

async fn read_catalog(json: String, url: Option<&str>, overlaid: bool) -> Result<Read, Failure> {
    let loaded = match catalog::load_index(&json) {
        // A whole catalog: its reader is a part of the code (a split catalog's index needs only
        // the first download's).
        Err(LoadError::WrongFormat(format)) if format == catalog::FORMAT => {
            part::load_whole(json).await.map_err(|part::Missing| missing_part(url, "catalogs"))?
        }
        index => index,
    };
    let mut loaded = loaded.map_err(|error| Failure::Catalog { url: url.map(str::to_string), error })?;
    let summaries = loaded.catalog.summaries.take();
    let Some(search) = loaded.catalog.search.take().filter(|_| !overlaid) else {
        return Ok(Read { loaded, index: None, summaries });
    };
    // Records skipped leave it not the index of the procedures read: it is refused.
    match Index::read(&search, &loaded.catalog.procedures) {
        Ok(index) => Ok(Read { loaded, index: Some(index), summaries: None }),
        Err(unfit) => {
            console::warn(&format!("motcua: {}: {unfit}", url.unwrap_or("(inline)")));
            Ok(Read { loaded, index: None, summaries })
        }
    }
}
