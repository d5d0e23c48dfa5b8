//! motcua — the one-stop-desk widget for Vietnamese communes.
//!
//! The core (catalog, fold, search, portal links) is plain Rust and runs anywhere;
//! `import` reads files and is native only; `ui` and `web` are the browser widget.

pub mod catalog;
pub mod checklist;
pub mod date;
pub mod due;
pub mod eval;
pub mod fold;
pub mod hash;
pub mod holidays;
pub mod json;
pub mod link;
pub mod outbound;
pub mod overlay;
pub mod percent;
pub mod portal;
pub mod present;
pub mod qr;
pub mod search;
pub mod sort;

#[cfg(not(target_arch = "wasm32"))]
pub mod import;

#[cfg(target_arch = "wasm32")]
pub mod ui;
#[cfg(target_arch = "wasm32")]
mod web;
