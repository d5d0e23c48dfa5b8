//! The catalog a widget shows: where it comes from, fetching and reading it, and why that failed.

use std::cell::RefCell;
use std::sync::{Arc, Weak};

use crate::catalog::{self, Catalog, LoadError};
use crate::overlay;
use crate::search::Index;

use super::text::Text;

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
        CatalogSource::Inline(json) => read(&json, None, fetch_overlay(overlay).await?),
        CatalogSource::Url(url) if url.trim().is_empty() => Err(Failure::NoCatalog),
        CatalogSource::Url(url) => {
            let key = format!("{url} {}", overlay.as_deref().unwrap_or(""));
            if let Some(data) = in_use(&key) {
                return Ok(data);
            }
            let json = fetch(&url).await?;
            let data = read(&json, Some(&url), fetch_overlay(overlay).await?)?;
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
async fn fetch_overlay(url: Option<String>) -> Result<Option<(String, overlay::Overlay)>, Failure> {
    let Some(url) = url else { return Ok(None) };
    let json = fetch(&url).await.map_err(|failure| Failure::Overlay { url: url.clone(), message: failure.detail() })?;
    let read = overlay::parse(&json).map_err(|e| Failure::Overlay { url: url.clone(), message: e.to_string() })?;
    Ok(Some((url, read)))
}

fn in_use(url: &str) -> Option<Arc<Data>> {
    IN_USE.with_borrow(|list| list.iter().find(|(u, _)| u == url).and_then(|(_, weak)| weak.upgrade()))
}

async fn fetch(url: &str) -> Result<String, Failure> {
    let network = |e: gloo_net::Error| Failure::Network { url: url.to_string(), message: e.to_string() };
    let response = gloo_net::http::Request::get(url).send().await.map_err(network)?;
    if !response.ok() {
        return Err(Failure::Http { url: url.to_string(), status: response.status() });
    }
    response.text().await.map_err(network)
}

fn read(json: &str, url: Option<&str>, overlay: Option<(String, overlay::Overlay)>) -> Result<Arc<Data>, Failure> {
    let mut loaded = catalog::load(json).map_err(|error| Failure::Catalog { url: url.map(str::to_string), error })?;
    if let Some((overlay_url, overlay)) = overlay {
        let problems = overlay::apply(&mut loaded.catalog, &overlay);
        if let Some(first) = problems.first() {
            leptos::logging::warn!(
                "motcua: the overlay {overlay_url} has {} problem(s); first: {first}",
                problems.len()
            );
        }
    }
    if let Some(first) = loaded.problems.first() {
        leptos::logging::warn!(
            "motcua: {} record(s) of the catalog {} were skipped; first: {first}",
            loaded.problems.len(),
            url.unwrap_or("(inline)")
        );
    }
    let index = Index::from_catalog(&loaded.catalog);
    Ok(Arc::new(Data { catalog: loaded.catalog, index }))
}
