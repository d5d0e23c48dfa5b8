//! The catalog a widget shows: where it comes from, fetching and reading it, and why that failed.

use std::cell::RefCell;
use std::sync::{Arc, Weak};

use crate::catalog::{self, Catalog, LoadError};
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
        }
    }
}

thread_local! {
    /// Catalogs in use, by URL: several widgets showing one catalog share it.
    static IN_USE: RefCell<Vec<(String, Weak<Data>)>> = const { RefCell::new(Vec::new()) };
}

/// Fetches (or reuses) and reads the catalog.
pub async fn load(source: CatalogSource) -> Result<Arc<Data>, Failure> {
    match source {
        CatalogSource::Inline(json) => read(&json, None),
        CatalogSource::Url(url) if url.trim().is_empty() => Err(Failure::NoCatalog),
        CatalogSource::Url(url) => {
            if let Some(data) = in_use(&url) {
                return Ok(data);
            }
            let json = fetch(&url).await?;
            let data = read(&json, Some(&url))?;
            IN_USE.with_borrow_mut(|list| {
                list.retain(|(_, weak)| weak.strong_count() > 0);
                list.push((url, Arc::downgrade(&data)));
            });
            Ok(data)
        }
    }
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

fn read(json: &str, url: Option<&str>) -> Result<Arc<Data>, Failure> {
    let loaded = catalog::load(json).map_err(|error| Failure::Catalog { url: url.map(str::to_string), error })?;
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
