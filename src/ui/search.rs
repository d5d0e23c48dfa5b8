//! The search as drawn: the box (an ARIA combobox), the live count, the list of results, the
//! filters, the corrected query, and what shows instead of results: no-results help, the load error.

use wasm_bindgen::JsCast;

use super::dom::{el, El};
use super::model::Model;
use super::repeal::repealed;
use super::text::Text;
use super::{names, option_id, Data, Failure, Load, INPUT_ID, LISTBOX_ID, NEW_TAB_ID};
use crate::catalog::{Catalog, Level, OnlineLevel, Procedure};
use crate::portal;
use crate::present;
use crate::search::{self as engine, life_event_counts, Filter, Hit};
use crate::sort::SmallSort;

/// The label, the box and its hint. The box is given back too: the widget keeps it.
pub(super) fn search_box(t: &Text) -> (El, web_sys::HtmlInputElement) {
    let input = el("input")
        .attr("id", INPUT_ID)
        .class("search-input")
        .attr("type", "search")
        .attr("role", "combobox")
        .attr("autocomplete", "off")
        .attr("autocapitalize", "off")
        .attr("spellcheck", "false")
        .attr("enterkeyhint", "search")
        .attr("aria-autocomplete", "list")
        .attr("aria-controls", LISTBOX_ID)
        .attr("aria-describedby", "motcua-hint")
        .attr("aria-expanded", "false")
        .attr("placeholder", t.search_placeholder);
    let element = input.0.clone().unchecked_into();
    let search = el("div")
        .class("search")
        .child(el("label").attr("for", INPUT_ID).class("search-label").text(t.search_label))
        .child(el("div").class("search-field").child(input))
        .child(el("p").attr("id", "motcua-hint").class("hint").text(t.search_hint));
    (search, element)
}

/// What the polite live region says: loading, how many results, nothing found.
pub(super) fn status(t: &Text, model: &Model) -> String {
    match &model.load {
        Load::Loading => t.loading.to_string(),
        Load::Failed(_) => String::new(),
        Load::Ready(data) => {
            if model.procedure_covers_list() {
                return String::new();
            }
            let query = model.query.trim();
            if query.is_empty() {
                return (t.loaded)(data.catalog.procedures.len());
            }
            let correction = model.correction.as_deref().map(t.did_you_mean_status);
            if model.matches.is_empty() {
                let none = (t.no_results)(query);
                return match correction {
                    Some(c) => format!("{none} {c}"),
                    None => none,
                };
            }
            let total = model.hits.len();
            let shown = model.shown.min(total);
            let count = match within(t, &model.filter, &data.catalog) {
                Some(within) if total == 0 => (t.no_filtered_results)(&within),
                Some(within) => (t.filtered_count)(total, shown, &within),
                None if shown < total => (t.results_shown)(shown, total),
                None => (t.result_count)(total),
            };
            match correction {
                Some(c) => format!("{count}. {c}"),
                None => count,
            }
        }
    }
}

/// The options of the listbox: the listed results, best first, matched words marked.
pub(super) fn options(t: &Text, model: &Model, data: &Data) -> Vec<El> {
    model
        .listed
        .iter()
        .enumerate()
        .filter_map(|(position, hit)| {
            let p = data.catalog.procedures.get(hit.doc)?;
            let (name, official) = names(p);
            let meta = el("span")
                .class("option-meta")
                .maybe(repealed_badge(t, p))
                .child(el("span").class("option-code").text(&p.code))
                .maybe(p.field.as_deref().map(|field| el("span").class("option-field").text(field)));
            Some(
                el("li")
                    .attr("role", "option")
                    .attr("id", &option_id(position))
                    .attr("data-code", &p.code)
                    .attr("data-doc", &hit.doc.to_string())
                    .attr("aria-selected", "false")
                    .action("open")
                    .child(marked(el("span").class("option-name"), name, &model.terms))
                    .maybe(official.map(|o| marked(el("span").class("option-official"), o, &model.terms)))
                    .child(meta),
            )
        })
        .collect()
}

/// The "Đã bãi bỏ" badge of a procedure no longer in force.
pub(super) fn repealed_badge(t: &Text, p: &Procedure) -> Option<El> {
    repealed(&p.lifecycle).then(|| el("span").class("badge repealed-badge").text(t.repealed_badge))
}

/// `parent` with `text` in it, the words the query matched in `<mark>`s.
fn marked(mut parent: El, text: &str, terms: &[String]) -> El {
    let mut at = 0;
    for range in engine::highlight(text, terms) {
        let (Some(before), Some(word)) = (text.get(at..range.start), text.get(range.clone())) else { continue };
        parent = parent.text(before).child(el("mark").text(word));
        at = range.end;
    }
    parent.text(text.get(at..).unwrap_or_default())
}

/// What the filter keeps, in words ("trong lĩnh vực Hộ tịch, ở cấp xã"); `None` when it keeps all.
fn within(t: &Text, filter: &Filter, catalog: &Catalog) -> Option<String> {
    let mut parts = Vec::new();
    if let Some(field) = &filter.field {
        parts.push((t.within_field)(field));
    }
    if let Some(i) = filter.level.and_then(level_index) {
        parts.push(t.within_levels[i].to_string());
    }
    if let Some(i) = filter.online.and_then(online_index) {
        parts.push(t.within_online[i].to_string());
    }
    if let Some(id) = &filter.life_event {
        let name = catalog.life_events.iter().find(|e| &e.id == id).map_or(id.as_str(), |e| e.name.as_str());
        parts.push((t.within_life_event)(name));
    }
    (!parts.is_empty()).then(|| parts.join(", "))
}

const LEVELS: [(Level, &str); 3] =
    [(Level::Commune, "commune"), (Level::Province, "province"), (Level::Ministry, "ministry")];
const ONLINE: [(OnlineLevel, &str); 2] = [(OnlineLevel::Full, "full"), (OnlineLevel::Partial, "partial")];

fn level_index(level: Level) -> Option<usize> {
    LEVELS.iter().position(|(l, _)| *l == level)
}

fn online_index(online: OnlineLevel) -> Option<usize> {
    ONLINE.iter().position(|(o, _)| *o == online)
}

/// The choices of one filter among the query's matches: `(value, label with count)`, those
/// that keep at least one match.
struct Facets {
    fields: Vec<(String, String)>,
    levels: Vec<(String, String)>,
    online: Vec<(String, String)>,
    life_events: Vec<(String, String)>,
}

impl Facets {
    fn of(t: &Text, matches: &[Hit], data: &Data) -> Facets {
        let catalog = &data.catalog;
        let procedures = || matches.iter().filter_map(|h| catalog.procedures.get(h.doc));
        let count = |filter: &Filter| procedures().filter(|p| filter.accepts(p, catalog)).count();
        let choice =
            |value: &str, label: &str, n: usize| (n > 0).then(|| (value.to_string(), (t.filter_choice)(label, n)));

        let mut fields: Vec<(&str, usize)> = Vec::new();
        for field in procedures().filter_map(|p| p.field.as_deref()) {
            match fields.iter_mut().find(|(f, _)| *f == field) {
                Some((_, n)) => *n += 1,
                None => fields.push((field, 1)),
            }
        }
        fields.small_sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0)));
        let levels = LEVELS.iter().zip(t.levels).filter_map(|((level, value), label)| {
            choice(value, label, count(&Filter { level: Some(*level), ..Filter::default() }))
        });
        let online = ONLINE.iter().zip(t.online_levels).filter_map(|((online, value), label)| {
            choice(value, label, count(&Filter { online: Some(*online), ..Filter::default() }))
        });
        let life_events = life_event_counts(matches, catalog, &|code| data.position(code));
        let life_events = catalog.life_events.iter().zip(life_events).filter_map(|(e, n)| choice(&e.id, &e.name, n));
        Facets {
            fields: fields.into_iter().filter_map(|(f, n)| choice(f, f, n)).collect(),
            levels: levels.collect(),
            online: online.collect(),
            life_events: life_events.collect(),
        }
    }
}

/// The filters of the query's matches, each with the choices that keep at least one, or `None`
/// when there is nothing to narrow.
pub(super) fn filters(t: &Text, model: &Model, data: &Data) -> Option<Vec<El>> {
    if model.procedure_covers_list() || model.query.trim().is_empty() || model.matches.is_empty() {
        return None;
    }
    let facets = Facets::of(t, &model.matches, data);
    let selects = [
        ("motcua-filter-field", t.filter_field, facets.fields),
        ("motcua-filter-level", t.filter_level, facets.levels),
        ("motcua-filter-online", t.filter_online, facets.online),
        ("motcua-filter-life-event", t.filter_life_event, facets.life_events),
    ];
    let mut drawn: Vec<El> = selects
        .into_iter()
        .filter(|(_, _, choices)| !choices.is_empty())
        .map(|(id, label, choices)| {
            let options = choices.into_iter().map(|(value, text)| el("option").attr("value", &value).text(&text));
            el("div").class("filter").child(el("label").attr("for", id).text(label)).child(
                el("select").attr("id", id).child(el("option").attr("value", "").text(t.filter_any)).children(options),
            )
        })
        .collect();
    drawn.push(El::button("clear-filters", "clear-filters", t.clear_filters));
    Some(drawn)
}

/// The filters' values as `filter` has them: `(select id, value)`.
pub(super) fn chosen(filter: &Filter) -> [(&'static str, String); 4] {
    [
        ("motcua-filter-field", filter.field.clone().unwrap_or_default()),
        ("motcua-filter-level", filter.level.and_then(level_index).map_or("", |i| LEVELS[i].1).to_string()),
        ("motcua-filter-online", filter.online.and_then(online_index).map_or("", |i| ONLINE[i].1).to_string()),
        ("motcua-filter-life-event", filter.life_event.clone().unwrap_or_default()),
    ]
}

/// `filter` with the select `id` set to `value` ("" for any).
pub(super) fn choose(filter: &mut Filter, id: &str, value: String) {
    let some = (!value.is_empty()).then_some(value);
    match id {
        "motcua-filter-field" => filter.field = some,
        "motcua-filter-level" => {
            filter.level = LEVELS.iter().find(|(_, s)| Some(*s) == some.as_deref()).map(|(l, _)| *l)
        }
        "motcua-filter-online" => {
            filter.online = ONLINE.iter().find(|(_, s)| Some(*s) == some.as_deref()).map(|(o, _)| *o)
        }
        "motcua-filter-life-event" => filter.life_event = some,
        _ => {}
    }
}

/// Nothing or little found, and the words look mistyped: the corrected query, one tap away.
pub(super) fn did_you_mean(t: &Text, corrected: &str) -> Vec<El> {
    vec![
        el("span").text(t.did_you_mean_before).text(" "),
        El::button("corrected-query", "query", corrected).attr("data-query", corrected),
        el("span").text(t.did_you_mean_after),
    ]
}

/// The query found procedures, but none that every filter keeps.
pub(super) fn no_filtered_results(t: &Text) -> El {
    el("p").class("no-filtered").text(t.no_filtered_help)
}

/// Before anything is typed: a few common searches, one tap each.
pub(super) fn suggestions(t: &Text) -> El {
    let chips =
        t.suggestions.iter().map(|&words| el("li").child(El::button("chip", "query", words).attr("data-query", words)));
    el("div")
        .class("suggestions")
        .child(el("span").class("suggestions-label").text(t.suggestions_label))
        .child(el("ul").children(chips))
}

/// A link to the portal's own search for `words`, in a new tab.
fn portal_search(t: &Text, words: &str) -> El {
    el("a")
        .class("portal-search")
        .attr("href", &portal::keyword_search_url(words))
        .attr("target", "_blank")
        .attr("rel", "noopener noreferrer")
        .attr("aria-describedby", NEW_TAB_ID)
        .text(t.portal_search)
}

/// Nothing found: the portal's own search for the same words.
pub(super) fn no_results(t: &Text, query: &str) -> El {
    el("div").class("no-results").child(el("p").text(t.no_results_help)).child(portal_search(t, query))
}

/// The catalog could not be loaded: say so plainly, offer the portal and a retry.
pub(super) fn error_view(t: &Text, failure: &Failure, query: &str) -> El {
    el("div")
        .class("error")
        .attr("role", "alert")
        .child(el("p").class("error-title").text(t.load_error))
        .child(el("p").text(&failure.reason(t)))
        .child(el("p").text(t.load_error_help))
        .child(
            el("p").class("error-actions").child(portal_search(t, query)).child(El::button("retry", "retry", t.retry)),
        )
        .child(
            el("details")
                .class("error-detail")
                .child(el("summary").text(t.error_detail))
                .child(el("code").text(&failure.detail())),
        )
}

/// That something the widget needs did not come (`why`): a way to try again (`action`), and,
/// for the procedure `name`, the portal's search for it (the portal has the same record).
pub(super) fn failed_notice(t: &Text, why: &str, action: &str, name: Option<&str>) -> El {
    el("div")
        .class("notice details-failed")
        .attr("role", "alert")
        .child(el("p").text(why))
        .child(El::button("retry", action, t.retry))
        .maybe(name.map(|name| portal_search(t, name)))
}

/// Where the facts come from, and how recent they are.
pub(super) fn source(t: &Text, data: &Data) -> String {
    let source = &data.catalog.source;
    let date = source.retrieved.as_deref().unwrap_or(&data.catalog.generated_at);
    (t.source)(&source.name, present::date(date).as_deref())
}
