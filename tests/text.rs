#![cfg(target_arch = "wasm32")]
//! The English table against the Vietnamese one: every string translated, plurals, dates written
//! out. `ui` is compiled for wasm32 only, so these run under wasm-bindgen-test-runner.

use motcua::date::Date;
use motcua::ui::text::{Lang, PageText, VI_PAGE};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn en() -> &'static PageText {
    Lang::En.page_text()
}

/// Vietnamese words an English reader still needs, to recognise them on the portal or the bill.
const KEPT_TERMS: [&str; 4] = ["lệ phí", "phí", "liên thông", "đồng"];

/// A letter that English does not use: Vietnamese diacritics (ư, ơ, đ, ế, …).
fn vietnamese_letters(text: &str) -> bool {
    let stripped = KEPT_TERMS.iter().fold(text.to_string(), |s, term| s.replace(term, ""));
    stripped.chars().any(|c| c.is_alphabetic() && !c.is_ascii())
}

/// Every plain string of a table, by field name; `suggestions` left out (they are searches).
fn statics(t: &PageText) -> Vec<(&'static str, &'static str)> {
    let mut all = vec![
        ("language_name", t.language_name),
        ("search_label", t.search_label),
        ("search_placeholder", t.search_placeholder),
        ("search_hint", t.search_hint),
        ("suggestions_label", t.suggestions_label),
        ("loading", t.loading),
        ("results_label", t.results_label),
        ("show_more", t.show_more),
        ("no_results_help", t.no_results_help),
        ("did_you_mean_before", t.did_you_mean_before),
        ("filters_label", t.filters_label),
        ("filter_field", t.filter_field),
        ("filter_level", t.filter_level),
        ("filter_online", t.filter_online),
        ("filter_life_event", t.filter_life_event),
        ("filter_any", t.filter_any),
        ("clear_filters", t.clear_filters),
        ("no_filtered_help", t.no_filtered_help),
        ("portal_search", t.portal_search),
        ("code", t.code),
        ("field", t.field),
        ("repealed_badge", t.repealed_badge),
        ("featured_heading", t.featured_heading),
        ("life_events_heading", t.life_events_heading),
        ("fields_heading", t.fields_heading),
        ("load_error", t.load_error),
        ("load_error_help", t.load_error_help),
        ("error_no_catalog", t.error_no_catalog),
        ("error_network", t.error_network),
        ("error_format", t.error_format),
        ("error_overlay", t.error_overlay),
        ("error_version", t.error_version),
        ("error_detail", t.error_detail),
        ("retry", t.retry),
        ("back", t.back),
        ("official_name", t.official_name),
        ("replaced_by", t.replaced_by),
        ("start_online", t.start_online),
        ("start_lienthong", t.start_lienthong),
        ("portal_detail", t.portal_detail),
        ("new_tab", t.new_tab),
        ("not_online", t.not_online),
        ("online_full", t.online_full),
        ("online_partial", t.online_partial),
        ("no_details", t.no_details),
        ("time_heading", t.time_heading),
        ("time_not_stated", t.time_not_stated),
        ("all_channels", t.all_channels),
        ("cases_legend", t.cases_legend),
        ("fee_heading", t.fee_heading),
        ("fee_not_stated", t.fee_not_stated),
        ("fee_channel_not_stated", t.fee_channel_not_stated),
        ("fee_zero", t.fee_zero),
        ("fee_zero_online", t.fee_zero_online),
        ("fee_online_free", t.fee_online_free),
        ("fee_amount_not_stated", t.fee_amount_not_stated),
        ("fee_set_by_province", t.fee_set_by_province),
        ("fee_ask", t.fee_ask),
        ("fee_exemptions", t.fee_exemptions),
        ("fee_source", t.fee_source),
        ("papers_heading", t.papers_heading),
        ("papers_not_stated", t.papers_not_stated),
        ("checklist_hint", t.checklist_hint),
        ("checklist_complete", t.checklist_complete),
        ("checklist_clear", t.checklist_clear),
        ("start_heading", t.start_heading),
        ("before_start_heading", t.before_start_heading),
        ("share_heading", t.share_heading),
        ("qr_label", t.qr_label),
        ("share_link_label", t.share_link_label),
        ("copy_link", t.copy_link),
        ("link_copied", t.link_copied),
        ("link_selected", t.link_selected),
        ("print_checklist", t.print_checklist),
        ("print_missing", t.print_missing),
        ("printed_on", t.printed_on),
        ("slip_title", t.slip_title),
        ("slip_date", t.slip_date),
        ("slip_qr_submit", t.slip_qr_submit),
        ("slip_qr_search", t.slip_qr_search),
        ("slip_abridged", t.slip_abridged),
        ("slip_officer", t.slip_officer),
        ("slip_signature", t.slip_signature),
        ("slip_heading", t.slip_heading),
        ("slip_empty", t.slip_empty),
        ("slip_add", t.slip_add),
        ("slip_add_journey", t.slip_add_journey),
        ("slip_remove", t.slip_remove),
        ("slip_size", t.slip_size),
        ("print_slip", t.print_slip),
        ("next_citizen", t.next_citizen),
        ("reset_done", t.reset_done),
        ("staff_note", t.staff_note),
        ("desk_pick", t.desk_pick),
        ("desk_keys_heading", t.desk_keys_heading),
        ("forms", t.forms),
        ("show_only", t.show_only),
        ("papers_submit", t.papers_submit),
        ("papers_show", t.papers_show),
        ("where_heading", t.where_heading),
        ("desk_address", t.desk_address),
        ("desk_hours", t.desk_hours),
        ("desk_phone", t.desk_phone),
        ("results_heading", t.results_heading),
        ("steps_heading", t.steps_heading),
        ("conditions_heading", t.conditions_heading),
        ("legal_heading", t.legal_heading),
        ("journey_heading", t.journey_heading),
        ("journey_interlinked", t.journey_interlinked),
        ("journey_parts", t.journey_parts),
    ];
    all.extend(t.levels.iter().map(|s| ("levels", *s)));
    all.extend(t.online_levels.iter().map(|s| ("online_levels", *s)));
    all.extend(t.within_levels.iter().map(|s| ("within_levels", *s)));
    all.extend(t.within_online.iter().map(|s| ("within_online", *s)));
    all.extend(t.weekdays.iter().map(|s| ("weekdays", *s)));
    all.extend(t.channels.iter().map(|s| ("channels", *s)));
    all.extend(t.fee_kinds.iter().map(|s| ("fee_kinds", *s)));
    all.extend(t.before_start.iter().map(|s| ("before_start", *s)));
    all.extend(t.desk_keys.iter().map(|(_, what)| ("desk_keys", *what)));
    all
}

/// What the functions say, with plain ASCII arguments, in the same order for both tables.
fn sentences(t: &PageText) -> Vec<(&'static str, String)> {
    vec![
        ("loaded", (t.loaded)(5)),
        ("result_count", (t.result_count)(5)),
        ("results_shown", (t.results_shown)(10, 25)),
        ("no_results", (t.no_results)("xyz")),
        ("did_you_mean_status", (t.did_you_mean_status)("khai sinh")),
        ("within_field", (t.within_field)("Tu phap")),
        ("within_life_event", (t.within_life_event)("Co con nho")),
        ("filtered_count", (t.filtered_count)(25, 10, "X")),
        ("no_filtered_results", (t.no_filtered_results)("X")),
        ("error_http", (t.error_http)(404)),
        ("repealed_since", (t.repealed_since)(Some("01/07/2026"))),
        ("repealed_since", (t.repealed_since)(None)),
        ("repealed_from", (t.repealed_from)("01/07/2026")),
        ("expected_result", (t.expected_result)(t.weekdays[0], "23/11/2026", false)),
        ("expected_result", (t.expected_result)(t.weekdays[0], "23/11/2026", true)),
        ("within_day_cutoff", (t.within_day_cutoff)("15:00")),
        ("in_force", (t.in_force)(Some("08/08/2026"), Some("31/12/2027")).unwrap_or_default()),
        ("in_force", (t.in_force)(Some("08/08/2026"), None).unwrap_or_default()),
        ("in_force", (t.in_force)(None, Some("31/12/2027")).unwrap_or_default()),
        ("checklist_missing", (t.checklist_missing)(3)),
        ("originals", (t.originals)(2)),
        ("copies", (t.copies)(2)),
        ("source", (t.source)("CSDL", Some("22/11/2026"))),
        ("source", (t.source)("CSDL", None)),
    ]
}

#[wasm_bindgen_test]
fn the_check_for_vietnamese_finds_it() {
    assert!(vietnamese_letters("Lĩnh vực"));
    assert!(vietnamese_letters("Đã tải"));
    assert!(vietnamese_letters("Phí, lệ phí"), "kept terms are only kept in lower case, as written in EN");
    assert!(!vietnamese_letters("Charge (lệ phí): 8.000\u{a0}đồng “quoted”…"));
    let untranslated = statics(&VI_PAGE).into_iter().filter(|(_, s)| vietnamese_letters(s)).count();
    assert!(untranslated > 50, "the Vietnamese table is mostly Vietnamese: {untranslated}");
}

#[wasm_bindgen_test]
fn every_string_is_english_and_not_empty() {
    for (field, s) in statics(en()) {
        assert!(!s.trim().is_empty(), "{field} is empty");
        assert!(!vietnamese_letters(s), "{field} is still Vietnamese: {s:?}");
    }
    for (field, s) in sentences(en()) {
        assert!(!s.trim().is_empty(), "{field} is empty");
        assert!(!vietnamese_letters(&s), "{field} is still Vietnamese: {s:?}");
    }
}

#[wasm_bindgen_test]
fn nothing_is_left_as_the_vietnamese() {
    // The same on purpose: punctuation, and searches the catalog's Vietnamese names answer.
    assert_eq!(en().did_you_mean_after, VI_PAGE.did_you_mean_after);
    assert_eq!(en().suggestions, VI_PAGE.suggestions);
    let (english, vi) = (statics(en()), statics(&VI_PAGE));
    assert_eq!(english.len(), vi.len());
    for ((field, en), (_, vi)) in english.iter().zip(&vi) {
        assert_ne!(en, vi, "{field} is the same as in Vietnamese");
    }
    let (english, vi) = (sentences(en()), sentences(&VI_PAGE));
    for ((field, en), (_, vi)) in english.iter().zip(&vi) {
        assert_ne!(en, vi, "{field} is the same as in Vietnamese");
    }
}

#[wasm_bindgen_test]
fn counts_take_the_plural() {
    assert_eq!((en().result_count)(0), "0 results");
    assert_eq!((en().result_count)(1), "1 result");
    assert_eq!((en().result_count)(3), "3 results");
    assert_eq!((en().loaded)(1), "1 procedure loaded. Type to search.");
    assert_eq!((en().loaded)(312), "312 procedures loaded. Type to search.");
    assert_eq!((en().results_shown)(10, 1), "1 result, showing 10");
    assert_eq!((en().results_shown)(10, 42), "42 results, showing 10");
    assert_eq!((en().filtered_count)(1, 1, "handled by the commune"), "1 result handled by the commune");
    assert_eq!(
        (en().filtered_count)(12, 10, &(en().within_field)("Hộ tịch")),
        "12 results in the topic Hộ tịch, showing 10"
    );
    assert_eq!((en().checklist_missing)(1), "You still need 1 paper:");
    assert_eq!((en().checklist_missing)(2), "You still need 2 papers:");
    assert_eq!((en().originals)(1), "1 original");
    assert_eq!((en().originals)(2), "2 originals");
    assert_eq!((en().copies)(1), "1 copy");
    assert_eq!((en().copies)(3), "3 copies");
    // A number in brackets needs no plural.
    assert_eq!((en().filter_choice)("Hộ tịch", 1), "Hộ tịch (1)");
    assert_eq!((en().field_count)("Hộ tịch", 12), "Hộ tịch (12)");
    assert_eq!((en().paper_notes)(2), "Notes on the papers (2)");
}

#[wasm_bindgen_test]
fn the_expected_result_names_the_day_as_the_widget_computes_it() {
    // As `cases::expected` does: the weekday from the date, the date as `present::date` writes it.
    let due = Date { year: 2026, month: 11, day: 23 };
    let date = motcua::present::date(&due.to_string()).expect("a date");
    let weekday = en().weekdays[usize::from(due.weekday())];
    assert_eq!(
        (en().expected_result)(weekday, &date, false),
        "If you apply today, expect the result on Monday 23 November 2026"
    );
    assert_eq!(
        (en().expected_result)(weekday, &date, true),
        "If you apply today, expect the result around Monday 23 November 2026"
    );
    let sunday = Date { year: 2027, month: 1, day: 3 };
    assert_eq!(en().weekdays[usize::from(sunday.weekday())], "Sunday");
}

#[wasm_bindgen_test]
fn dates_are_written_out_so_day_and_month_cannot_be_swapped() {
    assert_eq!((en().repealed_from)("05/03/2026"), "This procedure will be repealed on 5 March 2026.");
    assert_eq!((en().repealed_from)("31/12/2027"), "This procedure will be repealed on 31 December 2027.");
    assert_eq!((en().repealed_from)("01/01/2026"), "This procedure will be repealed on 1 January 2026.");
    // Not a date `present::date` writes: shown as given rather than guessed at.
    assert_eq!((en().repealed_from)("30/02/2026"), "This procedure will be repealed on 30/02/2026.");
    assert_eq!((en().repealed_from)("2026-03-05"), "This procedure will be repealed on 2026-03-05.");
    assert_eq!((en().repealed_from)("5/3/2026"), "This procedure will be repealed on 5/3/2026.");
    assert_eq!((en().repealed_since)(Some("01/07/2026")), "This procedure was repealed on 1 July 2026.");
    assert_eq!((en().repealed_from)("15/01/2027"), "This procedure will be repealed on 15 January 2027.");
    assert_eq!(
        (en().in_force)(Some("08/08/2026"), Some("31/12/2027")).as_deref(),
        Some("in force from 8 August 2026 to 31 December 2027")
    );
    assert_eq!((en().in_force)(None, None), None);
    assert_eq!((en().source)("CSDL", Some("22/11/2026")), "Source: CSDL, updated on 22 November 2026.");
}

#[wasm_bindgen_test]
fn labels_the_views_punctuate_have_no_colon_of_their_own() {
    // print.rs writes `{code}: …` and `{cases_legend}: …`.
    for (field, s) in [("code", en().code), ("cases_legend", en().cases_legend)] {
        assert!(!s.ends_with(':'), "{field} ends with a colon: {s:?}");
    }
}
