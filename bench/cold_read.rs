//! A widget's first reading of a catalog, step by step, as a wasm module that `bench/cold.mjs`
//! times in a fresh V8 for each run: the code is cold (compiled lazily, by the baseline compiler
//! first), as on a visitor's first load, and the browser's own work (fetching, drawing) is left
//! out, so that the steps' figures are steadier than a whole page load's.
//!
//! The steps are the widget's, in its order (`src/ui/data.rs`): the bytes read as UTF-8 text, the
//! rows read, the stored search index read, the table of positions by code, the first search.
//! Each returns what it made (a count), or `u32::MAX` when it could not make it. Built for wasm32
//! by `scripts/bench cold`.

use std::cell::RefCell;

use motcua::catalog::{self, ByCode, Loaded};
use motcua::search::Index;

/// What the steps made so far.
#[derive(Default)]
struct State {
    bytes: Vec<u8>,
    text: String,
    loaded: Option<Loaded>,
    index: Option<Index>,
}

thread_local! {
    static STATE: RefCell<State> = RefCell::new(State::default());
}

const FAILED: u32 = u32::MAX;

/// Room for the catalog's `len` bytes, which the caller writes at the address returned.
#[no_mangle]
pub extern "C" fn input(len: usize) -> *mut u8 {
    STATE.with_borrow_mut(|s| {
        s.bytes = vec![0; len];
        s.bytes.as_mut_ptr()
    })
}

/// The bytes as text, as the widget reads a fetched catalog: its length.
#[no_mangle]
pub extern "C" fn text() -> u32 {
    STATE.with_borrow_mut(|s| {
        s.text = motcua::json::text(std::mem::take(&mut s.bytes));
        s.text.len() as u32
    })
}

/// The catalog's rows (a split catalog's index): how many.
#[no_mangle]
pub extern "C" fn rows() -> u32 {
    STATE.with_borrow_mut(|s| match catalog::load_index(&s.text) {
        Ok(loaded) => {
            let count = loaded.catalog.procedures.len() as u32;
            s.loaded = Some(loaded);
            count
        }
        Err(_) => FAILED,
    })
}

/// The stored search index over the rows: 1 once read.
#[no_mangle]
pub extern "C" fn index() -> u32 {
    STATE.with_borrow_mut(|s| {
        let Some(loaded) = &s.loaded else { return FAILED };
        let Some(search) = loaded.catalog.search.as_deref() else { return FAILED };
        match Index::read(search, &loaded.catalog.procedures) {
            Ok(index) => {
                s.index = Some(index);
                1
            }
            Err(_) => FAILED,
        }
    })
}

/// The table of the rows' positions by code that the widget makes (`Data::new`): 1 once made.
#[no_mangle]
pub extern "C" fn codes() -> u32 {
    STATE.with_borrow(|s| match &s.loaded {
        Some(loaded) => {
            std::hint::black_box(ByCode::of(&loaded.catalog.procedures));
            1
        }
        None => FAILED,
    })
}

/// The first search, for the query the load benchmark types (`bench/load.mjs`): how many found.
#[no_mangle]
pub extern "C" fn first() -> u32 {
    STATE.with_borrow(|s| s.index.as_ref().map_or(FAILED, |index| index.search("khai sinh", 10).len() as u32))
}
