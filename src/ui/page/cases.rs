//! A procedure's situations (trường hợp): the citizen picks one, and the processing time, fees
//! and papers below follow it. What a case leaves empty comes from the procedure.

use std::sync::{Arc, OnceLock};

use leptos::prelude::*;

use super::checklist::Ticks;
use super::fees::{self, CHANNELS};
use super::papers;
use super::slip::{self, Entry};
use super::text::PageText;
use super::State;

use crate::catalog::{Case, ChannelInfo, Procedure, ProcessingTime, TimeUnit};
use crate::due::result_date;
use crate::holidays::Holidays;

/// The choice of case, first one selected; nothing when the procedure has one situation only.
pub(super) fn case_choice(t: &'static PageText, p: &Procedure, chosen: RwSignal<usize>) -> Option<impl IntoView> {
    if p.cases.is_empty() {
        return None;
    }
    let options = p
        .cases
        .iter()
        .enumerate()
        .map(|(i, case)| {
            view! {
                <label class="case-option">
                    <input
                        type="radio"
                        name="motcua-case"
                        value=i.to_string()
                        prop:checked=move || chosen.get() == i
                        on:change=move |_| chosen.set(i)
                    />
                    <span class="case-name">{case.name.clone()}</span>
                </label>
            }
        })
        .collect::<Vec<_>>();
    let notes: Vec<Option<String>> = p.cases.iter().map(|c| c.note.clone().filter(|n| !n.trim().is_empty())).collect();
    let note = move || notes.get(chosen.get()).cloned().flatten().map(|n| view! { <p class="case-note">{n}</p> });
    Some(view! {
        <fieldset class="cases">
            <legend>{t.cases_legend}</legend>
            <div class="case-options">{options}</div>
            {note}
        </fieldset>
    })
}

/// Processing time, fees and papers of the chosen case (of the procedure when it has no cases).
/// The citizen can print the checklist here; at the desk, the guidance slip is printed instead.
pub(super) fn details(state: State, doc: usize) -> impl IntoView {
    let (t, lang, chosen) = (state.text(), state.lang, state.case);
    move || {
        let data = state.data();
        state.track_details();
        let p = data.full(doc)?;
        let ticks = Ticks::load(&p.code, chosen.get());
        let case = p.cases.get(chosen.get());
        let groups = p.paper_groups_of(chosen.get());
        let entry = Entry { code: p.code.clone(), case: chosen.get() };
        Some(view! {
            {papers::papers(t, groups, ticks)}
            {(!state.desk()).then(|| slip::checklist_button(lang, Arc::clone(&data), entry))}
            {fees::fees(t, &data.catalog, &p, case)}
            {times(t, &p, case)}
        })
    }
}

/// Per channel; the case's time, when it has one, stands for every channel.
pub(super) fn times(t: &'static PageText, p: &Procedure, case: Option<&Case>) -> Option<AnyView> {
    let case_time = case.and_then(|c| c.time.as_ref());
    let channels: Vec<&ChannelInfo> =
        CHANNELS.iter().filter_map(|c| p.channels.iter().find(|info| info.channel == *c)).collect();
    let rows = if channels.is_empty() {
        let time = case_time?;
        vec![time_row(t.all_channels, time_text(t, time), None, expected(t, time))]
    } else {
        channels
            .iter()
            .map(|info| {
                let recorded = case_time.or(info.time.as_ref());
                let time = recorded.map(|time| time_text(t, time));
                let note = info.note.clone().filter(|note| Some(note) != time.as_ref());
                let due = recorded.and_then(|time| expected(t, time));
                time_row(t.channel(info.channel), time.unwrap_or_else(|| t.time_not_stated.to_string()), note, due)
            })
            .collect()
    };
    Some(
        view! {
            <h3>{t.time_heading}</h3>
            <dl class="times">{rows}</dl>
        }
        .into_any(),
    )
}

fn time_row(label: &'static str, time: String, note: Option<String>, due: Option<String>) -> AnyView {
    view! {
        <div class="channel">
            <dt>{label}</dt>
            <dd>
                <span class="time">{time}</span>
                {due.map(|due| view! { <span class="due">{due}</span> })}
                {note.map(|note| view! { <span class="channel-note">{note}</span> })}
            </dd>
        </div>
    }
    .into_any()
}

/// When the result is expected if the papers are handed in now, in the browser's local time,
/// counted in working days (`crate::due`); `None` when the time gives no date.
fn expected(t: &PageText, time: &ProcessingTime) -> Option<String> {
    static HOLIDAYS: OnceLock<Holidays> = OnceLock::new();
    let now = js_sys::Date::new_0();
    let today = super::today();
    let minutes = (now.get_hours() * 60 + now.get_minutes()) as u16;
    let due = result_date(time, today, minutes, HOLIDAYS.get_or_init(Holidays::shipped))?;
    let date = crate::present::date(&due.date.to_string())?;
    Some((t.expected_result)(t.weekdays[due.date.weekday() as usize], &date, due.approximate))
}

/// The source's wording, or for a same-day procedure with a cut-off hour, what the hour means.
fn time_text(t: &PageText, time: &ProcessingTime) -> String {
    match time.cutoff.as_deref().map(str::trim) {
        Some(cutoff) if time.unit == TimeUnit::WithinDay && !cutoff.is_empty() => (t.within_day_cutoff)(cutoff),
        _ => time.text.clone(),
    }
}
