//! Before anything is typed: the commune's featured procedures, situations of life with the
//! procedures each needs, the procedures by field, and a few one-tap searches.

use super::dom::{el, El};
use super::search::{repealed_badge, suggestions};
use super::text::Text;
use super::{names, Data};
use crate::catalog::Status;
use crate::sort::SmallSort;

/// What a group folding open to its procedures is (its `data-kind`).
pub(super) const LIFE_EVENT: &str = "life-event";
pub(super) const FIELD: &str = "field";

pub(super) fn home(t: &Text, data: &Data) -> Vec<El> {
    [featured(t, data), life_events(t, data), fields(t, data), Some(suggestions(t))].into_iter().flatten().collect()
}

/// A home section: a heading and a list.
fn section(class: &str, id: &str, heading: &str, list: El) -> El {
    el("section")
        .class(&format!("home-section {class}"))
        .attr("aria-labelledby", id)
        .child(el("h2").attr("id", id).class("home-heading").text(heading))
        .child(list)
}

/// "Thủ tục thường dùng": the featured codes in the commune's order, unknown codes left out.
fn featured(t: &Text, data: &Data) -> Option<El> {
    let items: Vec<El> = known(data, &data.catalog.featured).map(|code| el("li").child(link(t, data, code))).collect();
    (!items.is_empty()).then(|| {
        section("featured", "motcua-featured", t.featured_heading, el("ul").class("procedure-links").children(items))
    })
}

/// "Tình huống của bạn": each situation folds open to its procedures.
fn life_events(t: &Text, data: &Data) -> Option<El> {
    let items: Vec<El> = data
        .catalog
        .life_events
        .iter()
        .filter(|event| known(data, &event.procedures).next().is_some())
        .map(|event| folding(LIFE_EVENT, &event.id, &event.name))
        .collect();
    (!items.is_empty()).then(|| {
        section(
            "life-events",
            "motcua-life-events",
            t.life_events_heading,
            el("ul").class("life-event-list").children(items),
        )
    })
}

/// Every field of the catalog with its procedures in force, the largest first.
fn by_field(data: &Data) -> Vec<(&str, Vec<&str>)> {
    let mut by_field: Vec<(&str, Vec<&str>)> = Vec::new();
    let in_force = data.catalog.procedures.iter().filter(|p| p.lifecycle.status != Status::Repealed);
    for p in in_force {
        let Some(field) = p.field.as_deref().map(str::trim).filter(|f| !f.is_empty()) else { continue };
        match by_field.iter_mut().find(|(f, _)| *f == field) {
            Some((_, codes)) => codes.push(&p.code),
            None => by_field.push((field, vec![&p.code])),
        }
    }
    by_field.small_sort_by(|a, b| b.1.len().cmp(&a.1.len()).then(a.0.cmp(b.0)));
    by_field
}

/// "Theo lĩnh vực": every field, each folding open to its procedures in force.
fn fields(t: &Text, data: &Data) -> Option<El> {
    let items: Vec<El> = by_field(data)
        .iter()
        .map(|(field, codes)| folding(FIELD, field, &(t.field_count)(field, codes.len())))
        .collect();
    (!items.is_empty()).then(|| {
        section("fields", "motcua-fields", t.fields_heading, el("ul").class("life-event-list").children(items))
    })
}

/// A named group that folds open to its procedures' links. The links are made when it is first
/// opened ([`links`]): a national catalog has thousands, which would hold up the first view.
fn folding(kind: &str, id: &str, name: &str) -> El {
    el("li")
        .child(el("details").class(kind).attr("data-kind", kind).attr("data-id", id).child(el("summary").text(name)))
}

/// The links of the group `kind` `id` (see [`folding`]).
pub(super) fn links(t: &Text, data: &Data, kind: &str, id: &str) -> El {
    let codes: Vec<&str> = match kind {
        LIFE_EVENT => data
            .catalog
            .life_events
            .iter()
            .find(|e| e.id == id)
            .map(|e| known(data, &e.procedures).collect())
            .unwrap_or_default(),
        _ => by_field(data).into_iter().find(|(f, _)| *f == id).map(|(_, codes)| codes).unwrap_or_default(),
    };
    el("ul").class("procedure-links").children(codes.into_iter().map(|code| el("li").child(link(t, data, code))))
}

/// A button that opens the procedure `code` in the widget.
fn link(t: &Text, data: &Data, code: &str) -> El {
    let Some((doc, p)) = data.position(code).and_then(|doc| Some((doc, data.catalog.procedures.get(doc)?))) else {
        return el("span").class("procedure-code").attr("data-code", code).text(code);
    };
    El::button("procedure-link", "open", "")
        .attr("data-code", code)
        .attr("data-doc", &doc.to_string())
        .child(el("span").class("link-name").text(names(p).0))
        .text(" ")
        .child(el("span").class("link-code").text(code))
        .maybe(repealed_badge(t, p))
}

/// The codes the catalog has, in the given order.
fn known<'a>(data: &'a Data, codes: &'a [String]) -> impl Iterator<Item = &'a str> + 'a {
    codes.iter().map(String::as_str).filter(|code| data.position(code).is_some())
}
