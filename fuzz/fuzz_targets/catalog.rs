//! Any bytes as a catalog, and as one procedure's record file of a split catalog: read or refused,
//! never a panic; what is read is checked, indexed, searched and given result dates as the widget
//! and `motcua check` would. Its index, written out, reads back; and the same bytes as a stored
//! index's numbers are read or refused, never a panic.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use motcua::catalog::{self, Procedure};
use motcua::date::Date;
use motcua::due::result_date;
use motcua::holidays::Holidays;
use motcua::search::Index;

const TODAY: Date = Date { year: 2026, month: 12, day: 4 };

fuzz_target!(|bytes: &[u8]| {
    // The widget reads text: the browser decodes the response, replacing bad UTF-8.
    let json = String::from_utf8_lossy(bytes);
    let holidays = holidays();
    if let Ok(loaded) = catalog::load(&json) {
        let catalog = loaded.catalog;
        let _ = catalog::warnings(&catalog, TODAY, catalog::DEFAULT_MAX_AGE_DAYS);
        let index = Index::from_catalog(&catalog);
        let stored = index.write(&catalog.procedures);
        assert!(Index::read(&stored, &catalog.procedures).is_ok(), "an index written reads back");
        // The stamp and words as written, then the bytes as numbers.
        let words_end = stored.match_indices('!').nth(1).map_or(0, |(at, _)| at + 1);
        let _ = Index::read(&format!("{}{json}", &stored[..words_end]), &catalog.procedures);
        for p in &catalog.procedures {
            let _ = index.search(&p.name, 10);
            dates(p, holidays);
        }
    }
    if let Ok(p) = catalog::load_procedure(&json, "1.001193") {
        dates(&p, holidays);
    }
});

/// The shipped table, read once (not for every input).
fn holidays() -> &'static Holidays {
    static HOLIDAYS: OnceLock<Holidays> = OnceLock::new();
    HOLIDAYS.get_or_init(Holidays::shipped)
}

/// Every result date the procedure page can show, filed at opening, noon and closing time.
fn dates(p: &Procedure, holidays: &Holidays) {
    let times = p.channels.iter().filter_map(|c| c.time.as_ref()).chain(p.cases.iter().filter_map(|c| c.time.as_ref()));
    for time in times {
        for minutes in [7 * 60 + 30, 12 * 60, 17 * 60] {
            let _ = result_date(time, TODAY, minutes, holidays);
        }
    }
}
