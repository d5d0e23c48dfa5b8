//! One procedure: whether it is still in force, its situations, what to bring, how long it takes,
//! what it costs, where to go, what you get, what goes with it, and the way to start it online.

use std::sync::Arc;

use leptos::html::H2;
use leptos::prelude::*;

use super::cases;
use super::data::Stage;
use super::related::{self, Repeal};
use super::share;
use super::text::PageText;
use super::{names, Data, State, NEW_TAB_ID};
use crate::catalog::{OnlineLevel, Procedure};
use crate::portal;

#[component]
pub fn ProcedureView(state: State, doc: usize) -> impl IntoView {
    let t = state.text();
    let data = state.data();
    // In a split catalog, this is the summary: what comes from the full record is drawn when it
    // arrives (`with_details`).
    let Some(p) = data.catalog.procedures.get(doc) else {
        return ().into_any();
    };
    data.fetch(doc);
    let stage = {
        let data = Arc::clone(&data);
        Memo::new(move |_| {
            state.track_details();
            data.stage(doc)
        })
    };
    let title = NodeRef::<H2>::new();
    // Move focus to the title, so screen readers start reading the procedure there.
    Effect::new(move |_| {
        if let Some(h2) = title.get() {
            let _ = h2.focus();
        }
    });
    let chosen = state.case;
    let in_force = !matches!(related::repeal(&p.lifecycle), Repeal::Done(_));
    let (name, official) = names(p);
    let official = official.map(|official| {
        view! { <p class="official-name"><span class="label">{t.official_name}" "</span>{official.to_string()}</p> }
    });
    let desk = data.catalog.commune.as_ref().and_then(|c| c.desk.clone());
    let middle = with_details(state, &data, doc, stage, true, move |full| {
        let detailed = full.has_details() || !full.cases.is_empty();
        view! {
            {(!detailed).then(|| view! { <p class="notice no-details">{t.no_details}</p> })}
            {cases::case_choice(t, full, chosen)}
            {detailed.then(|| cases::details(state, doc))}
            {where_to_go(t, &full.agencies, desk.clone())}
        }
        .into_any()
    });
    // A split catalog's index leaves them to the record.
    let results = with_details(state, &data, doc, stage, false, move |full| results(t, full).into_any());
    let note = with_details(state, &data, doc, stage, false, move |full| staff_note(state, full).into_any());
    // The links to start need the portal id, which only the full record has.
    let start = with_details(state, &data, doc, stage, false, move |full| start(state, full, in_force).into_any());
    let end = with_details(state, &data, doc, stage, false, move |full| more(t, full).into_any());

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
            <h2 id="motcua-title" tabindex="-1" node_ref=title>{name.to_string()}</h2>
            {official}
            {related::repealed_banner(state, &data, p)}
            <p class="procedure-meta">
                <span>{t.code}": "<span class="code">{p.code.clone()}</span></span>
                {p.field.clone().map(|field| view! { <span>{t.field}": "{field}</span> })}
            </p>
            {note}
            {in_force.then(|| online_note(t, p.online))}
            {results}
            {middle}
            {start}
            {related::journeys(state, &data, p)}
            {share::share(t, p.code.clone(), chosen)}
            {end}
            <button type="button" class="back-end" on:click=move |_| state.close_procedure()>{t.back}</button>
        </section>
    }
    .into_any()
}

/// What the citizen receives (kết quả).
fn results(t: &'static PageText, p: &Procedure) -> impl IntoView {
    (!p.results.is_empty()).then(|| {
        view! {
            <h3>{t.results_heading}</h3>
            <ul class="results-received">
                {p.results.iter().map(|r| view! { <li>{r.clone()}</li> }).collect::<Vec<_>>()}
            </ul>
        }
    })
}

/// What `draw` makes of the full record once it is there. Until then, when `say` is true, that it
/// is on its way, or why it did not come, with a way to try again.
fn with_details(
    state: State,
    data: &Arc<Data>,
    doc: usize,
    stage: Memo<Stage>,
    say: bool,
    draw: impl Fn(&Procedure) -> AnyView + Send + Sync + 'static,
) -> impl IntoView {
    let data = Arc::clone(data);
    let t = state.text();
    move || match stage.get() {
        Stage::Whole | Stage::Ready => untrack(|| data.full(doc)).map(|full| draw(&full)),
        _ if !say => None,
        Stage::Loading => Some(loading_notice(t).into_any()),
        Stage::Failed => {
            let name = data.catalog.procedures.get(doc).map(|p| p.name.as_str()).unwrap_or_default();
            let again = Arc::clone(&data);
            Some(failed_notice(t, t.details_failed, Some(name), move || again.fetch(doc)).into_any())
        }
    }
}

/// That what the page needs is on its way.
pub(super) fn loading_notice(t: &'static PageText) -> impl IntoView {
    view! { <p class="notice details-loading" role="status">{t.details_loading}</p> }
}

/// That something the widget needs did not come (`why`): try `again`, or meanwhile, for the
/// procedure `name`, the portal's search for it (the portal has the same record).
pub(super) fn failed_notice(
    t: &'static PageText,
    why: &'static str,
    name: Option<&str>,
    again: impl Fn() + 'static,
) -> impl IntoView {
    let portal = name.map(|name| {
        view! {
            " "
            <a class="portal-search" href=portal::keyword_search_url(name) target="_blank" rel="noopener noreferrer" aria-describedby=NEW_TAB_ID>
                {t.portal_search}
            </a>
        }
    });
    view! {
        <div class="notice details-failed" role="alert">
            <p>{why}</p>
            <button type="button" class="retry" on:click=move |_| again()>{t.retry}</button>
            {portal}
        </div>
    }
}

/// Starting: what to have ready before going to the portal (when the procedure can be started
/// online there), then the links.
fn start(state: State, p: &Procedure, open: bool) -> impl IntoView {
    let t = state.text();
    let online = open && p.online != OnlineLevel::None && p.portal_id.as_deref().is_some_and(portal::is_portal_id);
    let before = online.then(|| {
        view! {
            <div class="before-start">
                <h3>{t.before_start_heading}</h3>
                <ul>{t.before_start.iter().map(|point| view! { <li>{*point}</li> }).collect::<Vec<_>>()}</ul>
            </div>
        }
    });
    view! {
        <section class="start" aria-label=t.start_heading>
            {before}
            {portal_links(state, p, open)}
        </section>
    }
}

/// Start online (on the portal, or on the interlinked portal) and the portal's page; without a
/// portal id, the portal's search for the name. A repealed procedure cannot be started.
/// Each start link tells the page (`motcua:start-online`, with the code and the link) so that
/// a portal can count them; the widget counts nothing itself.
fn portal_links(state: State, p: &Procedure, open: bool) -> impl IntoView {
    let t = state.text();
    let started = |code: String, url: String| {
        move |_| state.announce("motcua:start-online", &[("code", code.clone().into()), ("url", url.clone().into())])
    };
    let id = p.portal_id.as_deref().unwrap_or("");
    let (submit, detail) = (portal::submission_url(id), portal::detail_url(id));
    let lienthong = p.lienthong.as_deref().and_then(portal::lienthong_url).filter(|_| open);
    let start = submit.filter(|_| open && p.online != OnlineLevel::None).map(|href| {
        let on_click = started(p.code.clone(), href.clone());
        view! {
            <a class="start-online" on:click=on_click href=href target="_blank" rel="noopener noreferrer" aria-describedby=NEW_TAB_ID>
                {t.start_online}
            </a>
        }
    });
    // The interlinked route is the way to start when there is no other.
    let lienthong_primary = start.is_none();
    let lienthong = lienthong.map(|href| {
        let on_click = started(p.code.clone(), href.clone());
        view! {
            <a on:click=on_click class="start-lienthong" class:start-online=lienthong_primary href=href target="_blank" rel="noopener noreferrer" aria-describedby=NEW_TAB_ID>
                {t.start_lienthong}
            </a>
        }
    });
    let page = match detail {
        Some(detail) => view! {
            <a class="portal-detail" href=detail target="_blank" rel="noopener noreferrer" aria-describedby=NEW_TAB_ID>
                {t.portal_detail}
            </a>
        }
        .into_any(),
        None => view! {
            <a class="portal-search" href=portal::keyword_search_url(&p.name) target="_blank" rel="noopener noreferrer" aria-describedby=NEW_TAB_ID>
                {t.portal_search}
            </a>
        }
        .into_any(),
    };
    view! { <div class="portal-links">{start}{lienthong}{page}</div> }
}

/// The commune's note for its staff: at the desk only.
fn staff_note(state: State, p: &Procedure) -> Option<impl IntoView> {
    let note = p.staff_note.as_deref().map(str::trim).filter(|n| !n.is_empty() && state.desk())?;
    Some(view! {
        <aside class="staff-note" aria-label=state.text().staff_note>
            <p><strong>{state.text().staff_note}": "</strong>{note.to_string()}</p>
        </aside>
    })
}

fn online_note(t: &'static PageText, online: OnlineLevel) -> Option<impl IntoView> {
    let text = match online {
        OnlineLevel::Full => t.online_full,
        OnlineLevel::Partial => t.online_partial,
        OnlineLevel::None => t.not_online,
        OnlineLevel::Unknown => return None,
    };
    Some(view! { <p class="notice online-note">{text}</p> })
}

fn where_to_go(t: &'static PageText, agencies: &[String], desk: Option<crate::catalog::Desk>) -> Option<impl IntoView> {
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
fn more(t: &'static PageText, p: &Procedure) -> impl IntoView {
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
