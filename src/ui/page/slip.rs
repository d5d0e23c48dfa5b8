//! What is printed: the citizen's checklist of one procedure, and the desk's guidance slip
//! (phiếu hướng dẫn) for one or more procedures. Both list the papers of the chosen case, ticked
//! or still missing as this device remembers them, and where to go. The slip adds each
//! procedure's fees, expected result date and a QR code to its submission page on the portal,
//! and a line for the officer's name.

use std::sync::Arc;

use leptos::prelude::*;

use super::print::{self, Paper};
use super::text::PageText;
use super::{cases, fees, names, share, Data, Lang};
use crate::catalog::{Desk, OnlineLevel, PaperKind, Procedure};
use crate::link::Link;
use crate::{portal, present, qr};

/// About how many characters of a paper's text the guidance slip keeps (the portal has it all).
const SLIP_PAPER: usize = 200;

/// A procedure and its case, as put on a slip.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Entry {
    pub code: String,
    pub case: usize,
}

/// The slip a desk officer is making: the procedures added to it, and the paper size.
#[derive(Clone, Copy)]
pub(crate) struct Slip {
    pub entries: RwSignal<Vec<Entry>>,
    pub paper: RwSignal<Paper>,
}

impl Slip {
    pub fn new() -> Slip {
        Slip { entries: RwSignal::new(Vec::new()), paper: RwSignal::new(Paper::default()) }
    }

    /// Adds `entry` unless it is there; another case of the same procedure replaces the first.
    pub fn add(&self, entry: Entry) {
        self.entries.update(|entries| put(entries, entry));
    }

    pub fn remove(&self, code: &str) {
        self.entries.update(|entries| entries.retain(|e| e.code != code));
    }

    pub fn has(&self, code: &str) -> bool {
        self.entries.with(|entries| entries.iter().any(|e| e.code == code))
    }

    /// What a print puts on paper: the slip's procedures, and the open one where it is not
    /// among them (as its case shows now).
    pub fn printed(self, open: Option<Entry>) -> Vec<Entry> {
        let mut all = self.entries.get_untracked();
        if let Some(open) = open {
            put(&mut all, open);
        }
        all
    }
}

/// Puts `entry` in `entries`: at the end, or over the entry of the same procedure (its case).
fn put(entries: &mut Vec<Entry>, entry: Entry) {
    match entries.iter_mut().find(|e| e.code == entry.code) {
        Some(there) => there.case = entry.case,
        None => entries.push(entry),
    }
}

/// The citizen's button that prints the checklist of a procedure's case.
pub(super) fn checklist_button(lang: Lang, data: Arc<Data>, entry: Entry) -> impl IntoView {
    let t = lang.page_text();
    view! {
        <button type="button" class="print-checklist" on:click=move |_| print_checklist(lang, &data, &entry)>
            {t.print_checklist}
        </button>
    }
}

/// The checklist: one procedure's papers, where to go, and a QR code back to this page.
fn print_checklist(lang: Lang, data: &Data, entry: &Entry) {
    let t = lang.page_text();
    let Some(p) = data.full_by_code(&entry.code) else { return };
    let section = procedure_part(t, data, &p, entry.case, false);
    let desk = desk_of(data);
    let commune = data.catalog.commune.as_ref().map(|c| c.name.clone());
    let link = share::address(&Link::Procedure { code: p.code.clone(), case: entry.case });
    let code = qr::svg(&link).ok();
    print::print(names(&p).0, lang, Paper::A4, move || {
        view! {
            <main class="slip checklist">
                <p class="commune">{commune}</p>
                {section}
                {desk.map(|d| where_to_go(t, d))}
                <div class="back-link">
                    {code.map(|svg| view! { <div class="qr" role="img" aria-label=t.qr_label inner_html=svg></div> })}
                    <p>{t.share_heading}": "<br/>{link}</p>
                </div>
            </main>
        }
    });
}

/// The desk's guidance slip for `entries`, on `paper`.
pub(super) fn print_guidance(lang: Lang, data: &Data, entries: &[Entry], paper: Paper) {
    let t = lang.page_text();
    let parts = entries
        .iter()
        .filter_map(|e| data.full_by_code(&e.code).map(|p| (p, e.case)))
        .map(|(p, case)| procedure_part(t, data, &p, case, true))
        .collect::<Vec<_>>();
    if parts.is_empty() {
        return;
    }
    let desk = desk_of(data);
    let commune = data.catalog.commune.as_ref().map(|c| c.name.clone());
    let desk_name = desk.as_ref().map(|d| d.name.clone());
    let today = print::today();
    print::print(t.slip_title, lang, paper, move || {
        view! {
            <main class="slip guidance">
                <header class="slip-head">
                    <p class="commune">{commune}</p>
                    {desk_name.map(|n| view! { <p class="desk-name">{n}</p> })}
                    <h1>{t.slip_title}</h1>
                    <p class="meta">{t.slip_date}": "{today}</p>
                </header>
                {parts}
                <footer class="slip-foot">
                    {desk.map(|d| where_to_go(t, d))}
                    <div class="officer">
                        <p>{t.slip_officer}": "<span class="blank"></span></p>
                        <p class="signature">{t.slip_signature}</p>
                    </div>
                </footer>
            </main>
        }
    });
}

fn desk_of(data: &Data) -> Option<Desk> {
    data.catalog.commune.as_ref().and_then(|c| c.desk.clone())
}

/// One procedure on paper: its names and code, the case, the papers ticked or missing; on the
/// guidance slip also its fees, times and the QR code to apply online.
fn procedure_part(t: &'static PageText, data: &Data, p: &Procedure, case: usize, guidance: bool) -> AnyView {
    let (name, official) = names(p);
    let chosen = p.cases.get(case);
    let papers: Vec<_> =
        p.paper_groups_of(case).iter().flat_map(|g| &g.papers).filter(|x| x.kind != PaperKind::Note).collect();
    let ticks = crate::ui::ticks::remembered(&p.code, case);
    let missing = ticks.missing(papers.iter().copied()).len();
    let mut abridged = false;
    let rows = papers
        .iter()
        .map(|paper| {
            let have = ticks.has(paper);
            let full = present::split_marker(&paper.name).1;
            let text = match guidance {
                true => present::abridge(full, SLIP_PAPER),
                false => full.to_string(),
            };
            abridged |= text.len() < full.trim().len();
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
    let summary = match missing {
        0 => t.checklist_complete.to_string(),
        n => (t.checklist_missing)(n),
    };
    let heading = match guidance {
        true => view! { <h2>{name.to_string()}</h2> }.into_any(),
        false => view! { <h1>{name.to_string()}</h1> }.into_any(),
    };
    let meta = match guidance {
        true => format!("{}: {}", t.code, p.code),
        false => format!("{}: {} · {} {}", t.code, p.code, t.printed_on, print::today()),
    };
    let more = guidance.then(|| {
        view! {
            {fees::fees(t, &data.catalog, p, chosen)}
            {cases::times(t, p, chosen)}
            {portal_code(t, p)}
        }
    });
    view! {
        <section class="entry">
            {heading}
            {official.map(|o| view! { <p class="official">{o.to_string()}</p> })}
            <p class="meta">{meta}</p>
            {chosen.map(|c| view! { <p class="case"><strong>{t.cases_legend}": "</strong>{c.name.clone()}</p> })}
            <h3>{t.papers_heading}</h3>
            <p class="summary">{summary}</p>
            <ul class="papers">{rows}</ul>
            {abridged.then(|| view! { <p class="abridged">{t.slip_abridged}</p> })}
            {more}
        </section>
    }
    .into_any()
}

/// The QR code to the procedure's submission page on the portal (the interlinked portal for a
/// joint application); without either, to the portal's search for its name.
fn portal_code(t: &'static PageText, p: &Procedure) -> impl IntoView {
    let submit = p
        .portal_id
        .as_deref()
        .filter(|_| p.online != OnlineLevel::None)
        .and_then(portal::submission_url)
        .or_else(|| p.lienthong.as_deref().and_then(portal::lienthong_url));
    let (caption, url) = match submit {
        Some(url) => (t.slip_qr_submit, url),
        None => (t.slip_qr_search, portal::keyword_search_url(&p.name)),
    };
    let code = qr::svg(&url).ok();
    view! {
        <div class="portal-qr">
            {code.map(|svg| view! { <div class="qr" role="img" aria-label=caption inner_html=svg></div> })}
            <p><span>{caption}</span><br/><span class="url">{url}</span></p>
        </div>
    }
}

fn where_to_go(t: &'static PageText, desk: Desk) -> impl IntoView {
    view! {
        <div class="where">
            <h2>{t.where_heading}</h2>
            <p>{desk.name}</p>
            {desk.address.map(|a| view! { <p>{t.desk_address}": "{a}</p> })}
            {desk.hours.map(|h| view! { <p>{t.desk_hours}": "{h}</p> })}
            {desk.phone.map(|h| view! { <p>{t.desk_phone}": "{h}</p> })}
        </div>
    }
}
