//! The papers to bring: to hand in and to show, group by group, with counts and forms;
//! the notes that came mixed with them folded below.

use leptos::prelude::*;

use super::checklist::{self, Ticks};
use super::text::PageText;
use crate::catalog::{Paper, PaperGroup, PaperKind};
use crate::present::{self, Marker};

/// Papers to hand in and to show, group by group, each with a box to tick when the citizen has
/// it; what is missing; the notes of the list collapsed below them.
pub(super) fn papers(t: &'static PageText, groups: &[PaperGroup], ticks: Ticks) -> impl IntoView {
    let is_paper = |paper: &&Paper| paper.kind != PaperKind::Note;
    // A group without heading gets one when its kind differs from the group above it:
    // once the notes between them are folded away, it would read as part of that group.
    let mut above = None;
    let listed: Vec<_> = groups
        .iter()
        .filter(|g| g.papers.iter().any(|p| is_paper(&p)))
        .map(|group| {
            let kind = group.papers.iter().find(is_paper).map(|p| p.kind);
            let own = group.heading.as_deref().map(present::heading).filter(|h| !h.is_empty()).map(str::to_string);
            let heading = match own {
                Some(own) => Some(own),
                None if kind != above && above.is_some() => kind.map(|k| t.paper_kind_heading(k).to_string()),
                None => None,
            };
            above = kind;
            let heading = heading.map(|h| view! { <h4>{h}</h4> });
            let items =
                group.papers.iter().filter(is_paper).map(|paper| paper_item(t, paper, ticks)).collect::<Vec<_>>();
            view! {
                {heading}
                <ul class="papers">{items}</ul>
            }
        })
        .collect();
    let notes: Vec<_> = groups.iter().flat_map(|g| &g.papers).filter(|p| p.kind == PaperKind::Note).collect();
    let papers: Vec<Paper> = groups.iter().flat_map(|g| &g.papers).filter(is_paper).cloned().collect();
    let body = if listed.is_empty() {
        view! { <p class="papers-not-stated">{t.papers_not_stated}</p> }.into_any()
    } else {
        view! {
            <p class="hint checklist-hint">{t.checklist_hint}</p>
            {listed}
            {checklist::summary(t, ticks, papers)}
        }
        .into_any()
    };
    let notes = (!notes.is_empty()).then(|| {
        let count = notes.len();
        let items = notes
            .into_iter()
            .map(|note| view! { <li>{present::split_marker(&note.name).1.to_string()}</li> })
            .collect::<Vec<_>>();
        view! {
            <details class="fold paper-notes">
                <summary>{(t.paper_notes)(count)}</summary>
                <ul class="notes">{items}</ul>
            </details>
        }
    });
    view! {
        <h3>{t.papers_heading}</h3>
        {body}
        {notes}
    }
}

fn paper_item(t: &'static PageText, paper: &Paper, ticks: Ticks) -> impl IntoView {
    let (marker, name) = present::split_marker(&paper.name);
    let originals = (paper.original > 0).then(|| view! { <span class="count">{(t.originals)(paper.original)}</span> });
    let copies = (paper.copy > 0).then(|| view! { <span class="count">{(t.copies)(paper.copy)}</span> });
    let show_only =
        (paper.kind == PaperKind::Show).then(|| view! { <span class="count show-only">{t.show_only}</span> });
    let forms =
        (!paper.forms.is_empty()).then(|| view! { <span class="forms">{t.forms}" "{paper.forms.join(", ")}</span> });
    view! {
        <li class:sub=marker == Some(Marker::SubItem)>
            {checklist::tick(ticks, paper, name.to_string())}
            " "
            <span class="paper-details">{originals}" "{copies}" "{show_only}{forms}</span>
        </li>
    }
}
