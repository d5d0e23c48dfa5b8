//! One procedure: what to bring, how long it takes, what it costs, where to go, what you get,
//! and the way to start it on the national portal.

use std::sync::Arc;

use leptos::html::H2;
use leptos::prelude::*;

use super::text::Text;
use super::{Data, State, NEW_TAB_ID};
use crate::catalog::{Channel, ChannelInfo, Fee, OnlineLevel, Paper, PaperGroup, PaperKind, Procedure};
use crate::portal;
use crate::present::{self, Marker};

/// The order channels are listed in.
const CHANNELS: [Channel; 3] = [Channel::InPerson, Channel::Online, Channel::Post];

#[component]
pub fn ProcedureView(state: State, data: Arc<Data>, doc: usize) -> impl IntoView {
    let t = state.text;
    let Some(p) = data.catalog.procedures.get(doc) else {
        return ().into_any();
    };
    let title = NodeRef::<H2>::new();
    // Move focus to the title, so screen readers start reading the procedure there.
    Effect::new(move |_| {
        if let Some(h2) = title.get() {
            let _ = h2.focus();
        }
    });
    let desk = data.catalog.commune.as_ref().and_then(|c| c.desk.clone());

    view! {
        <section
            class="procedure"
            data-code=p.code.clone()
            aria-labelledby="motcua-title"
            on:keydown=move |ev| {
                if ev.key() == "Escape" {
                    ev.prevent_default();
                    state.close_procedure();
                }
            }
        >
            <button type="button" class="back" on:click=move |_| state.close_procedure()>{t.back}</button>
            <h2 id="motcua-title" tabindex="-1" node_ref=title>{p.name.clone()}</h2>
            <p class="procedure-meta">
                <span>{t.code}": "<span class="code">{p.code.clone()}</span></span>
                {p.field.clone().map(|field| view! { <span>{t.field}": "{field}</span> })}
            </p>
            {portal_links(t, p)}
            {online_note(t, p.online)}
            {(!p.has_details()).then(|| view! { <p class="notice no-details">{t.no_details}</p> })}
            {p.has_details().then(|| details(t, p))}
            {where_to_go(t, &p.agencies, desk)}
            {(!p.results.is_empty()).then(|| view! {
                <h3>{t.results_heading}</h3>
                <ul class="results-received">
                    {p.results.iter().map(|r| view! { <li>{r.clone()}</li> }).collect::<Vec<_>>()}
                </ul>
            })}
            {more(t, p)}
            <button type="button" class="back-end" on:click=move |_| state.close_procedure()>{t.back}</button>
        </section>
    }
    .into_any()
}

/// Start online and the portal's page; without a portal id, the portal's search for the name.
fn portal_links(t: &'static Text, p: &Procedure) -> impl IntoView {
    let id = p.portal_id.as_deref().unwrap_or("");
    let links = match (portal::submission_url(id), portal::detail_url(id)) {
        (Some(submit), Some(detail)) => {
            let start = (p.online != OnlineLevel::None).then(|| view! {
                <a class="start-online" href=submit target="_blank" rel="noopener noreferrer" aria-describedby=NEW_TAB_ID>
                    {t.start_online}
                </a>
            });
            view! {
                {start}
                <a class="portal-detail" href=detail target="_blank" rel="noopener noreferrer" aria-describedby=NEW_TAB_ID>
                    {t.portal_detail}
                </a>
            }
            .into_any()
        }
        _ => view! {
            <a class="portal-search" href=portal::keyword_search_url(&p.name) target="_blank" rel="noopener noreferrer" aria-describedby=NEW_TAB_ID>
                {t.portal_search}
            </a>
        }
        .into_any(),
    };
    view! { <div class="portal-links">{links}</div> }
}

fn online_note(t: &'static Text, online: OnlineLevel) -> Option<impl IntoView> {
    let text = match online {
        OnlineLevel::Full => t.online_full,
        OnlineLevel::Partial => t.online_partial,
        OnlineLevel::None => t.not_online,
        OnlineLevel::Unknown => return None,
    };
    Some(view! { <p class="notice online-note">{text}</p> })
}

/// Processing time, fees and papers.
fn details(t: &'static Text, p: &Procedure) -> impl IntoView {
    let channels: Vec<&ChannelInfo> =
        CHANNELS.iter().filter_map(|c| p.channels.iter().find(|info| info.channel == *c)).collect();
    view! {
        {(!channels.is_empty()).then(|| times(t, &channels))}
        {fees(t, &channels)}
        {papers(t, &p.paper_groups)}
    }
}

fn times(t: &'static Text, channels: &[&ChannelInfo]) -> impl IntoView {
    let rows = channels
        .iter()
        .map(|info| {
            let time = info.time.as_ref().map(|time| time.text.clone());
            let note = info.note.clone().filter(|note| Some(note) != time.as_ref());
            view! {
                <div class="channel">
                    <dt>{t.channel(info.channel)}</dt>
                    <dd>
                        <span class="time">{time.unwrap_or_else(|| t.time_not_stated.to_string())}</span>
                        {note.map(|note| view! { <span class="channel-note">{note}</span> })}
                    </dd>
                </div>
            }
        })
        .collect::<Vec<_>>();
    view! {
        <h3>{t.time_heading}</h3>
        <dl class="times">{rows}</dl>
    }
}

fn fees(t: &'static Text, channels: &[&ChannelInfo]) -> impl IntoView {
    let with_fees: Vec<&&ChannelInfo> = channels.iter().filter(|info| !info.fees.is_empty()).collect();
    let body = if with_fees.is_empty() {
        view! { <p class="fees-not-stated">{t.fee_not_stated}</p> }.into_any()
    } else {
        let rows = with_fees
            .iter()
            .map(|info| {
                view! {
                    <div class="channel">
                        <dt>{t.channel(info.channel)}</dt>
                        <dd>
                            <ul>{info.fees.iter().map(|fee| view! { <li>{fee_text(t, fee)}</li> }).collect::<Vec<_>>()}</ul>
                        </dd>
                    </div>
                }
            })
            .collect::<Vec<_>>();
        view! { <dl class="fees">{rows}</dl> }.into_any()
    };
    view! {
        <h3>{t.fee_heading}</h3>
        {body}
    }
}

/// A fee as recorded: its wording when there is one, else the amount.
fn fee_text(t: &Text, fee: &Fee) -> String {
    let kind = t.fee_kind(fee.kind);
    if let Some(text) = fee.text.as_deref().filter(|s| !s.trim().is_empty()) {
        return format!("{kind}: {}", text.trim());
    }
    let Some(amount) = fee.amount else { return kind.to_string() };
    let currency = if fee.currency == "VND" { t.currency_vnd } else { fee.currency.as_str() };
    match fee.per.as_deref() {
        Some(per) => format!("{kind}: {} {currency}/{per}", present::amount(amount)),
        None => format!("{kind}: {} {currency}", present::amount(amount)),
    }
}

/// Papers to hand in and to show, group by group; the notes of the list collapsed below them.
fn papers(t: &'static Text, groups: &[PaperGroup]) -> impl IntoView {
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
            let items = group.papers.iter().filter(is_paper).map(|paper| paper_item(t, paper)).collect::<Vec<_>>();
            view! {
                {heading}
                <ul class="papers">{items}</ul>
            }
        })
        .collect();
    let notes: Vec<_> = groups.iter().flat_map(|g| &g.papers).filter(|p| p.kind == PaperKind::Note).collect();
    let body = if listed.is_empty() {
        view! { <p class="papers-not-stated">{t.papers_not_stated}</p> }.into_any()
    } else {
        listed.into_any()
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

fn paper_item(t: &'static Text, paper: &Paper) -> impl IntoView {
    let (marker, name) = present::split_marker(&paper.name);
    let originals = (paper.original > 0).then(|| view! { <span class="count">{(t.originals)(paper.original)}</span> });
    let copies = (paper.copy > 0).then(|| view! { <span class="count">{(t.copies)(paper.copy)}</span> });
    let show_only =
        (paper.kind == PaperKind::Show).then(|| view! { <span class="count show-only">{t.show_only}</span> });
    let forms =
        (!paper.forms.is_empty()).then(|| view! { <span class="forms">{t.forms}" "{paper.forms.join(", ")}</span> });
    view! {
        <li class:sub=marker == Some(Marker::SubItem)>
            <span class="paper-name">{name.to_string()}</span>
            " "
            {originals}
            " "
            {copies}
            " "
            {show_only}
            {forms}
        </li>
    }
}

fn where_to_go(t: &'static Text, agencies: &[String], desk: Option<crate::catalog::Desk>) -> Option<impl IntoView> {
    if agencies.is_empty() && desk.is_none() {
        return None;
    }
    let desk = desk.map(|desk| {
        let line = |label: &'static str, value: Option<String>| {
            value.map(|v| view! { <li><span class="label">{label}": "</span>{v}</li> })
        };
        view! {
            <div class="desk">
                <p class="desk-name">{desk.name}</p>
                <ul>
                    {line(t.desk_address, desk.address)}
                    {line(t.desk_hours, desk.hours)}
                    {line(t.desk_phone, desk.phone)}
                </ul>
            </div>
        }
    });
    Some(view! {
        <h3>{t.where_heading}</h3>
        <ul class="agencies">{agencies.iter().map(|a| view! { <li>{a.clone()}</li> }).collect::<Vec<_>>()}</ul>
        {desk}
    })
}

/// Steps, conditions and legal basis: long texts, folded away.
fn more(t: &'static Text, p: &Procedure) -> impl IntoView {
    let steps = (!p.steps.is_empty()).then(|| {
        let steps = p
            .steps
            .iter()
            .map(|step| {
                view! {
                    <li>
                        {step.title.clone().map(|title| view! { <strong class="step-title">{title}</strong> })}
                        <span class="long-text">{step.text.clone()}</span>
                    </li>
                }
            })
            .collect::<Vec<_>>();
        view! {
            <details class="fold steps">
                <summary>{t.steps_heading}</summary>
                <ol>{steps}</ol>
            </details>
        }
    });
    let conditions = p.conditions.clone().filter(|c| !c.trim().is_empty()).map(|conditions| {
        view! {
            <details class="fold conditions">
                <summary>{t.conditions_heading}</summary>
                <p class="long-text">{conditions}</p>
            </details>
        }
    });
    let legal = (!p.legal_basis.is_empty()).then(|| {
        let docs = p
            .legal_basis
            .iter()
            .map(|doc| {
                let text = match &doc.code {
                    Some(code) if !doc.name.contains(code.as_str()) => format!("{code}: {}", doc.name),
                    _ => doc.name.clone(),
                };
                view! { <li>{text}</li> }
            })
            .collect::<Vec<_>>();
        view! {
            <details class="fold legal">
                <summary>{t.legal_heading}</summary>
                <ul>{docs}</ul>
            </details>
        }
    });
    view! { {steps}{conditions}{legal} }
}
