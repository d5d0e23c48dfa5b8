//! The widget's words in English, the second language (the same table as [`super::text::VI`]).
//!
//! Procedure names, fields and the quick searches stay Vietnamese: they come from the catalog,
//! and the search only knows Vietnamese words. Dates arrive as DD/MM/YYYY and are written out
//! ("23 November 2026") so that day and month cannot be swapped.

use super::text::{PageText, Text};
use crate::date::Date;

/// "1 result", "3 results".
fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// "23/11/2026" (as `crate::present::date` writes it) as "23 November 2026"; anything else as it is.
fn long_date(date: &str) -> String {
    let mut parts = date.trim().split('/');
    let parsed = match (parts.next(), parts.next(), parts.next(), parts.next()) {
        (Some(d), Some(m), Some(y), None) if d.len() == 2 && m.len() == 2 => Date::parse(&format!("{y}-{m}-{d}")),
        _ => None,
    };
    match parsed {
        Some(d) => format!("{} {} {}", d.day, MONTHS[usize::from(d.month) - 1], d.year),
        None => date.to_string(),
    }
}

/// English.
pub const EN: Text = Text {
    language_name: "English",
    search_label: "Find an administrative procedure",
    search_placeholder: "For example: khai sinh",
    search_hint: "Procedures have Vietnamese names: type a name (with or without accents) or a procedure code, \
                  for example “khai sinh” for a birth. Use the arrow keys to choose, Enter to open.",
    suggestions_label: "Quick searches (in Vietnamese):",
    // Searches: the catalog's names are Vietnamese, so these stay Vietnamese.
    suggestions: &["Khai sinh", "Kết hôn", "Khai tử", "Thường trú", "Tình trạng hôn nhân", "Chứng thực", "Hộ nghèo"],
    loading: "Loading the list of procedures…",
    loaded: |n| format!("{} loaded. Type to search.", count(n, "procedure", "procedures")),
    result_count: |n| count(n, "result", "results"),
    results_shown: |shown, total| format!("{}, showing {shown}", count(total, "result", "results")),
    results_label: "Search results",
    show_more: "Show more results",
    no_results: |q| format!("No procedures match “{q}”."),
    no_results_help: "Try fewer or shorter words, or search the National Public Service Portal:",
    did_you_mean_before: "Did you mean:",
    did_you_mean_after: "?",
    did_you_mean_status: |q| format!("Did you mean: {q}?"),
    filters_label: "Filter the results",
    filter_field: "Topic",
    filter_level: "Handled by",
    filter_online: "Apply online",
    filter_life_event: "Situation",
    filter_any: "All",
    filter_choice: |name, n| format!("{name} ({n})"),
    levels: ["Commune", "Province", "Ministry"],
    online_levels: ["Entirely online", "Partly online"],
    clear_filters: "Clear filters",
    within_field: |f| format!("in the topic {f}"),
    within_levels: ["handled by the commune", "handled by the province", "handled by a ministry"],
    within_online: ["that can be done entirely online", "that can be done partly online"],
    within_life_event: |e| format!("for the situation “{e}”"),
    filtered_count: |total, shown, within| {
        let results = count(total, "result", "results");
        if shown < total {
            format!("{results} {within}, showing {shown}")
        } else {
            format!("{results} {within}")
        }
    },
    no_filtered_results: |within| format!("No results {within}."),
    no_filtered_help: "No procedures match all the filters you chose. Try removing some.",
    portal_search: "Search the National Public Service Portal",
    code: "Procedure code",
    field: "Topic",
    repealed_badge: "Repealed",
    featured_heading: "Common procedures",
    life_events_heading: "Your situation",
    fields_heading: "By topic",
    field_count: |field, n| format!("{field} ({n})"),

    load_error: "The list of procedures could not be loaded.",
    load_error_help:
        "Please try again in a few minutes, or look the procedure up on the National Public Service Portal.",
    error_no_catalog: "This page does not give the address of the data file (the catalog attribute).",
    error_network: "The server with the data could not be reached.",
    error_http: |status| format!("The server with the data answered with error {status}."),
    error_format: "The data file is not in the expected format.",
    error_overlay: "The commune's own additions to the data could not be read.",
    error_version: "The data file is newer than this version of the widget; the widget needs updating.",
    error_detail: "Details for the site's administrator",
    retry: "Try again",
    details_loading: "Loading the papers, fees and processing time of this procedure…",
    details_failed: "The papers, fees and processing time of this procedure could not be loaded. Check the connection and try again, or see the procedure on the National Public Service Portal.",
    desk_loading: "Loading the one-stop desk's tools…",
    desk_failed: "The one-stop desk's tools could not be loaded. Check the connection and try again.",

    back: "Back",
    new_tab: "(opens in a new tab)",
    reset_done: "Cleared for the next person.",
    source: |name, date| match date {
        Some(d) => format!("Source: {name}, updated on {}.", long_date(d)),
        None => format!("Source: {name}."),
    },
    kept_copy: |date| match date {
        Some(d) => format!("The latest data could not be loaded: this is the copy kept on this device, dated {}. Details may have changed.", long_date(d)),
        None => "The latest data could not be loaded: this is the copy kept on this device. Details may have changed.".to_string(),
    },
    stale: |date, days| format!("This data was updated on {}, {days} days ago: procedures, papers and fees may have changed. Check on the National Public Service Portal or ask the one-stop desk.", long_date(date)),
    skipped: |n| match n {
        1 => "1 procedure in the data has errors and is not shown here. If you do not find what you need, search the National Public Service Portal.".to_string(),
        n => format!("{n} procedures in the data have errors and are not shown here. If you do not find what you need, search the National Public Service Portal."),
    },
};

/// English, on the procedure page.
pub static EN_PAGE: PageText = PageText {
    base: &EN,
    official_name: "Official name:",
    repealed_since: |date| match date {
        Some(d) => format!("This procedure was repealed on {}.", long_date(d)),
        None => "This procedure has been repealed.".to_string(),
    },
    repealed_from: |d| format!("This procedure will be repealed on {}.", long_date(d)),
    replaced_by: "Replaced by:",
    start_online: "Apply online",
    start_lienthong: "Apply online as a joint application (liên thông)",
    portal_detail: "View on the National Public Service Portal",
    not_online: "You cannot apply for this online; apply in person or by post.",
    online_full: "You can do the whole procedure online.",
    online_partial: "You can apply online; some steps are done at the one-stop desk.",
    no_details: "The list only has this procedure's name so far. For papers, time and fees, see the National Public \
                 Service Portal or ask the one-stop desk.",
    time_heading: "Processing time",
    expected_result: |weekday, date, approximate| match approximate {
        false => format!("If you apply today, expect the result on {weekday} {}", long_date(date)),
        true => format!("If you apply today, expect the result around {weekday} {}", long_date(date)),
    },
    weekdays: ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
    channels: ["In person", "Online", "By post"],
    time_not_stated: "Not stated",
    all_channels: "All ways of applying",
    within_day_cutoff: |cutoff| format!("The same day (papers received after {cutoff}: the next working day)"),
    cases_legend: "Your case",
    fee_heading: "Fees and charges",
    fee_not_stated: "The data does not give this procedure's fees. Please ask the one-stop desk or see the National \
                     Public Service Portal.",
    fee_channel_not_stated: "The data does not give the fee for this way of applying; ask the one-stop desk or see \
                             the National Public Service Portal.",
    fee_zero: "(free)",
    fee_zero_online: "when you apply online",
    fee_online_free: "Applying online: 0\u{a0}đồng.",
    fee_amount_not_stated: "Amount not given in the data",
    fee_set_by_province: "Amount set by the Provincial People's Council",
    fee_ask: "ask the one-stop desk or see the National Public Service Portal",
    fee_exemptions: "Free for:",
    fee_source: "Set by:",
    in_force: |from, to| match (from, to) {
        (Some(from), Some(to)) => Some(format!("in force from {} to {}", long_date(from), long_date(to))),
        (Some(from), None) => Some(format!("in force from {}", long_date(from))),
        (None, Some(to)) => Some(format!("in force until {}", long_date(to))),
        (None, None) => None,
    },
    fee_kinds: ["Charge (lệ phí)", "Fee (phí)", "Fees and charges"],
    currency_vnd: "đồng",
    papers_heading: "Papers to prepare",
    papers_not_stated: "The data does not list the papers. Please see the National Public Service Portal or ask the \
                        one-stop desk.",
    checklist_hint: "Tick the papers you already have. The ticks are kept on this device only.",
    checklist_missing: |n| format!("You still need {}:", count(n, "paper", "papers")),
    checklist_complete: "You have all the papers above.",
    checklist_clear: "Clear the ticks",
    start_heading: "How to apply",
    before_start_heading: "Before you apply online",
    before_start: &[
        "You need a level 2 VNeID electronic identity account.",
        "Have photos or scans of the papers listed above ready.",
        "The National Public Service Portal will ask you to sign in with VNeID.",
        "If you cannot sign in, bring your papers to the one-stop desk: the staff will help you apply.",
        "This page never asks for your personal information.",
    ],
    share_heading: "Open this page on a phone",
    qr_label: "QR code that opens this procedure's page",
    share_link_label: "Link to this page",
    copy_link: "Copy the link",
    link_copied: "Link copied.",
    link_selected: "The link is selected: copy it (long press, or Ctrl+C).",
    print_checklist: "Print the list of papers",
    print_missing: "still needed",
    printed_on: "Printed on",
    slip_title: "Guidance for an administrative procedure",
    slip_date: "Date",
    slip_qr_submit: "Scan to apply online on the National Public Service Portal:",
    slip_qr_search: "Scan to find the procedure on the National Public Service Portal:",
    slip_abridged: "Long descriptions of papers are shortened (…); the procedure's page on the National Public Service Portal has them in full.",
    slip_officer: "Guided by",
    slip_signature: "(Signature and full name)",
    slip_heading: "Guidance slip",
    slip_empty: "The slip prints the open procedure. Add procedures to print several on one slip.",
    slip_add: "Add to the slip",
    slip_add_journey: "Add them all to the slip",
    slip_remove: "Remove from the slip",
    slip_size: "Paper size",
    print_slip: "Print the guidance slip",
    next_citizen: "Next person (clear everything)",
    staff_note: "Note for staff",
    desk_pick: "Choose a procedure in the list to see its guidance.",
    desk_keys_heading: "Shortcuts",
    desk_keys: &[
        ("/", "search"),
        ("↑ ↓", "choose in the list"),
        ("Enter", "open the procedure"),
        ("p", "print the guidance slip"),
        ("Esc", "go back"),
    ],
    originals: |n| count(n.into(), "original", "originals"),
    copies: |n| count(n.into(), "copy", "copies"),
    forms: "Form:",
    show_only: "To show, not to hand in",
    papers_submit: "Papers to hand in",
    papers_show: "Papers to show",
    paper_notes: |n| format!("Notes on the papers ({n})"),
    where_heading: "Where to apply",
    desk_address: "Address",
    desk_hours: "Opening hours",
    desk_phone: "Phone",
    results_heading: "What you get",
    steps_heading: "Steps",
    conditions_heading: "Requirements and conditions",
    legal_heading: "Legal basis",
    journey_heading: "Often done together",
    journey_interlinked: "Do them all at once with one joint application:",
    journey_parts: "This joint application covers:",
};
