//! The printed checklist: a clean A4 page in a window of its own, without the widget or the page
//! around it: the procedure and case, each paper ticked or still missing, where to go, the date it
//! was printed, and a QR code back to the procedure.

use std::sync::Arc;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::checklist::Ticks;
use super::share;
use super::text::Text;
use super::{names, Data};
use crate::catalog::{Paper, PaperKind};
use crate::link::Link;
use crate::present;
use crate::qr;

const PRINT_CSS: &str = include_str!("../../style/print.css");

/// The button that prints the checklist.
pub(super) fn button(t: &'static Text, data: Arc<Data>, doc: usize, case: usize, ticks: Ticks) -> impl IntoView {
    view! {
        <button type="button" class="print-checklist" on:click=move |_| open(t, &data, doc, case, ticks)>
            {t.print_checklist}
        </button>
    }
}

/// Opens the printable page and the browser's print dialog; nothing when the browser blocks
/// the window.
fn open(t: &'static Text, data: &Data, doc: usize, case: usize, ticks: Ticks) {
    let Some(p) = data.catalog.procedures.get(doc) else { return };
    let Some(window) = web_sys::window().and_then(|w| w.open_with_url_and_target("", "_blank").ok().flatten()) else {
        return;
    };
    let Some(document) = window.document() else { return };
    let Some(body) = document.body() else { return };
    // The styles through the CSS object model, which a strict content security policy allows;
    // made by the new window's own constructor (a sheet belongs to the document that made it).
    let sheet = js_sys::Reflect::get(&window, &"CSSStyleSheet".into())
        .ok()
        .and_then(|c| c.dyn_into::<js_sys::Function>().ok())
        .and_then(|c| js_sys::Reflect::construct(&c, &js_sys::Array::new()).ok())
        .map(|s| s.unchecked_into::<web_sys::CssStyleSheet>());
    if let Some(sheet) = sheet.filter(|s| s.replace_sync(PRINT_CSS).is_ok()) {
        document.set_adopted_style_sheets(&js_sys::Array::of1(&sheet));
    }
    let (name, official) = names(p);
    document.set_title(name);
    let _ = document.document_element().map(|root| root.set_attribute("lang", "vi"));

    let chosen = p.cases.get(case);
    let groups = p.paper_groups_of(case);
    let papers: Vec<Paper> =
        groups.iter().flat_map(|g| &g.papers).filter(|x| x.kind != PaperKind::Note).cloned().collect();
    let rows = papers
        .iter()
        .map(|paper| {
            let have = ticks.has(paper);
            let text = present::split_marker(&paper.name).1.to_string();
            let counts = [
                (paper.original > 0).then(|| (t.originals)(paper.original)),
                (paper.copy > 0).then(|| (t.copies)(paper.copy)),
            ]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(", ");
            view! {
                <li class:missing=!have>
                    <span class="box" aria-hidden="true">{if have { "☑" } else { "☐" }}</span>
                    " "{text}
                    {(!counts.is_empty()).then(|| view! { <span class="counts">" ("{counts}")"</span> })}
                    {(!have).then(|| view! { <strong class="flag">" — "{t.print_missing}</strong> })}
                </li>
            }
        })
        .collect::<Vec<_>>();
    let missing = ticks.missing(&papers);
    let desk = data.catalog.commune.as_ref().and_then(|c| c.desk.clone());
    let link = share::address(&Link::Procedure { code: p.code.clone(), case });
    let qr = qr::svg(&link).ok();
    let today = js_sys::Date::new_0();
    let printed = format!("{:02}/{:02}/{}", today.get_date(), today.get_month() + 1, today.get_full_year());
    let commune = data.catalog.commune.as_ref().map(|c| c.name.clone());
    let (name, official, code) = (name.to_string(), official.map(str::to_string), p.code.clone());
    let case_name = chosen.map(|c| c.name.clone());
    let root: web_sys::HtmlElement = body.unchecked_into();
    let handle = leptos::mount::mount_to(root, move || {
        view! {
            <main class="slip">
                <p class="commune">{commune}</p>
                <h1>{name}</h1>
                {official.map(|o| view! { <p class="official">{o}</p> })}
                <p class="meta">{t.code}": "{code}" · "{t.printed_on}" "{printed}</p>
                {case_name.map(|c| view! { <p class="case"><strong>{t.cases_legend}": "</strong>{c}</p> })}
                <h2>{t.papers_heading}</h2>
                <p class="summary">{match missing { 0 => t.checklist_complete.to_string(), n => (t.checklist_missing)(n) }}</p>
                <ul class="papers">{rows}</ul>
                {desk.map(|d| view! {
                    <h2>{t.where_heading}</h2>
                    <p>{d.name}</p>
                    {d.address.map(|a| view! { <p>{t.desk_address}": "{a}</p> })}
                    {d.hours.map(|h| view! { <p>{t.desk_hours}": "{h}</p> })}
                })}
                <div class="back-link">
                    {qr.map(|svg| view! { <div class="qr" role="img" aria-label=t.qr_label inner_html=svg></div> })}
                    <p>{t.share_heading}": "<br/>{link}</p>
                </div>
            </main>
        }
    });
    // The page is the window's until it is closed.
    handle.forget();
    let _ = window.print();
}
