//! What one widget shows, as data: the catalog's state, the query and what it found, the filter,
//! the list, the open procedure. Changing it is plain Rust; [`super::widget`] draws it.

use std::sync::Arc;

use super::{Data, Failure, Lang, Mode, PAGE};
use crate::search::{best, Filter, Hit};

/// So few matches that a corrected query is worth offering.
const FEW: usize = 2;

/// Where the catalog is in its life.
#[derive(Debug, Clone)]
pub enum Load {
    Loading,
    Ready(Arc<Data>),
    Failed(Failure),
}

pub(crate) struct Model {
    pub load: Load,
    pub lang: Lang,
    pub mode: Mode,
    /// What the citizen typed.
    pub query: String,
    /// All matches for `query`, in no particular order.
    pub matches: Vec<Hit>,
    /// The folded words the query matched, marked in the listed names.
    pub terms: Vec<String>,
    /// A corrected query, when the query found nothing or little.
    pub correction: Option<String>,
    /// What the citizen narrowed the matches to; reset by a new query.
    pub filter: Filter,
    /// The matches the filter keeps, in no particular order.
    pub hits: Vec<Hit>,
    /// How many of `hits` are listed.
    pub shown: usize,
    /// The first `shown` of `hits`, best first: what is listed.
    pub listed: Vec<Hit>,
    /// Position in the list of the option the arrow keys are on.
    pub active: Option<usize>,
    /// The procedure shown (its position in the catalog), instead of the list.
    pub open: Option<usize>,
    /// The case (trường hợp) of the open procedure that its page follows.
    pub case: usize,
    /// Said after a reset for inactivity, until the widget is used again.
    pub reset_note: Option<&'static str>,
    /// Counts the times `matches` was found again: what is drawn of them keys on it.
    pub found: u32,
    /// Counts the times `listed` was made again.
    pub listing: u32,
}

impl Model {
    pub fn new(lang: Lang, mode: Mode) -> Model {
        Model {
            load: Load::Loading,
            lang,
            mode,
            query: String::new(),
            matches: Vec::new(),
            terms: Vec::new(),
            correction: None,
            filter: Filter::default(),
            hits: Vec::new(),
            shown: PAGE,
            listed: Vec::new(),
            active: None,
            open: None,
            case: 0,
            reset_note: None,
            found: 0,
            listing: 0,
        }
    }

    /// The catalog, once loaded.
    pub fn data(&self) -> Option<&Arc<Data>> {
        match &self.load {
            Load::Ready(data) => Some(data),
            _ => None,
        }
    }

    pub fn desk(&self) -> bool {
        self.mode == Mode::Desk
    }

    /// The catalog came, or failed: what the query finds is found again.
    pub fn set_load(&mut self, load: Load) {
        self.load = load;
        self.search();
    }

    /// A new query: the list starts again from its top, unfiltered; any open procedure closes.
    pub fn set_query(&mut self, query: String) {
        self.query = query;
        self.filter = Filter::default();
        self.shown = PAGE;
        self.active = None;
        self.open = None;
        self.search();
    }

    /// Narrows the matches: the list starts again from its top.
    pub fn set_filter(&mut self, change: impl FnOnce(&mut Filter)) {
        change(&mut self.filter);
        self.shown = PAGE;
        self.active = None;
        self.narrow();
    }

    /// Lists `PAGE` more.
    pub fn show_more(&mut self) {
        self.shown += PAGE;
        self.list();
    }

    /// Shows the procedure at `doc` in the catalog, at its first case.
    pub fn open_procedure(&mut self, doc: usize) {
        self.active = None;
        self.case = 0;
        self.open = Some(doc);
    }

    /// The list again, with the arrow keys on the procedure left.
    pub fn show_list(&mut self) {
        if let Some(doc) = self.open {
            self.active = self.listed.iter().position(|h| h.doc == doc);
        }
        self.open = None;
    }

    /// True when an open procedure takes the place of the list and what goes with it (the
    /// status, the filters, the correction); at the desk they stay beside it.
    pub fn procedure_covers_list(&self) -> bool {
        !self.desk() && self.open.is_some()
    }

    /// True when the list of results is showing.
    pub fn expanded(&self) -> bool {
        !self.procedure_covers_list() && !self.hits.is_empty()
    }

    /// Nothing asked or opened.
    pub fn at_start(&self) -> bool {
        self.query.is_empty() && self.open.is_none()
    }

    /// The arrow keys move to the next option (`down`) or the one before, round the list.
    pub fn step(&mut self, down: bool) {
        let listed = self.listed.len();
        if listed == 0 {
            return;
        }
        // At the desk the list stays beside the procedure: it remains open.
        if !self.desk() {
            self.open = None;
        }
        self.active = Some(match (self.active, down) {
            (None, true) => 0,
            (None, false) => listed - 1,
            (Some(i), true) => (i + 1) % listed,
            (Some(i), false) => (i + listed - 1) % listed,
        });
    }

    fn search(&mut self) {
        let query = self.query.trim();
        (self.matches, self.terms, self.correction) = match &self.load {
            Load::Ready(data) if !query.is_empty() => {
                let matches = data.index.matches(query);
                let correction = (matches.len() <= FEW).then(|| data.index.did_you_mean(query)).flatten();
                (matches, data.index.terms_of(query), correction)
            }
            _ => (Vec::new(), Vec::new(), None),
        };
        self.found += 1;
        self.narrow();
    }

    fn narrow(&mut self) {
        self.hits = match (&self.load, self.filter.is_empty()) {
            (_, true) => self.matches.clone(),
            (Load::Ready(data), false) => self
                .matches
                .iter()
                .filter(|h| data.catalog.procedures.get(h.doc).is_some_and(|p| self.filter.accepts(p, &data.catalog)))
                .copied()
                .collect(),
            _ => Vec::new(),
        };
        self.list();
    }

    fn list(&mut self) {
        // Only what is listed is ordered: ordering every match costs more than finding them.
        self.listed = best(self.hits.clone(), self.shown);
        self.listing += 1;
    }
}
