//! Building catalogs from the portal's published data (native only: reads files).

pub mod life_events;
pub mod national;
mod papers;
pub mod portal_api;
mod text;

use std::fmt;
use std::path::PathBuf;

/// Why an import failed: which file, where in it, what went wrong.
#[derive(Debug)]
pub struct ImportError {
    pub file: PathBuf,
    /// Line (1-based) or record, when known.
    pub place: Option<String>,
    pub message: String,
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file.display())?;
        if let Some(place) = &self.place {
            write!(f, ", {place}")?;
        }
        write!(f, ": {}", self.message)
    }
}

impl std::error::Error for ImportError {}
