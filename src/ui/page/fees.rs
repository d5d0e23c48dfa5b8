//! Fees as recorded, channel by channel, for the chosen case: the amount with its exemptions
//! right next to it, who sets it, the legal document it comes from, and the source's wording in
//! small print. Nothing recorded is said as such, never as free: only an amount of 0 is free.

use leptos::prelude::*;

use super::text::PageText;
use super::NEW_TAB_ID;
use crate::catalog::{Case, Catalog, Channel, Fee, Procedure};
use crate::outbound;
use crate::present;

/// The order channels are listed in.
pub(super) const CHANNELS: [Channel; 3] = [Channel::InPerson, Channel::Online, Channel::Post];

/// One line of the fees: a channel (`None`: every channel) and the fees that apply to it.
type Row<'a> = (Option<Channel>, Vec<&'a Fee>);

pub(super) fn fees(t: &'static PageText, catalog: &Catalog, p: &Procedure, case: Option<&Case>) -> impl IntoView {
    let rows = rows(p, case);
    let body = if rows.iter().all(|(_, fees)| fees.is_empty()) {
        view! { <p class="fees-not-stated">{t.fee_not_stated}</p> }.into_any()
    } else {
        let online_free = online_free(&rows);
        let lines = rows.iter().map(|row| channel_row(t, catalog, row, online_free)).collect::<Vec<_>>();
        view! {
            {online_free.then(|| view! { <p class="fee-online-free">{t.fee_online_free}</p> })}
            <dl class="fees">{lines}</dl>
        }
        .into_any()
    };
    view! {
        <h3>{t.fee_heading}</h3>
        {body}
    }
}

/// Per channel of the procedure, the case's fees for it when it has some, else the channel's own.
/// A case may name channels the procedure does not list; fees for every channel of a procedure
/// that lists none make one line.
fn rows<'a>(p: &'a Procedure, case: Option<&'a Case>) -> Vec<Row<'a>> {
    let case_fees: &[Fee] = case.map(|c| c.fees.as_slice()).unwrap_or_default();
    let listed: Vec<Channel> = CHANNELS
        .into_iter()
        .filter(|c| {
            p.channels.iter().any(|info| info.channel == *c) || case_fees.iter().any(|f| f.channels.contains(c))
        })
        .collect();
    if listed.is_empty() {
        return if case_fees.is_empty() { Vec::new() } else { vec![(None, case_fees.iter().collect())] };
    }
    listed
        .into_iter()
        .map(|channel| {
            let from_case: Vec<&Fee> = case_fees.iter().filter(|f| f.applies_to(channel)).collect();
            let fees = if from_case.is_empty() {
                p.channels.iter().filter(|info| info.channel == channel).flat_map(|info| &info.fees).collect()
            } else {
                from_case
            };
            (Some(channel), fees)
        })
        .collect()
}

/// True when filing online costs 0 while another channel costs something: worth saying first.
fn online_free(rows: &[Row]) -> bool {
    let online = rows.iter().find(|(c, _)| *c == Some(Channel::Online));
    let free = online.is_some_and(|(_, fees)| !fees.is_empty() && fees.iter().all(|f| f.amount == Some(0.0)));
    let others_pay = rows
        .iter()
        .filter(|(c, _)| *c != Some(Channel::Online))
        .any(|(_, fees)| fees.iter().any(|f| f.amount.is_some_and(|a| a > 0.0)));
    free && others_pay
}

fn channel_row(t: &'static PageText, catalog: &Catalog, (channel, fees): &Row, online_free: bool) -> impl IntoView {
    let label = channel.map_or(t.all_channels, |c| t.channel(c));
    let body = if fees.is_empty() {
        view! { <p class="fee-not-stated">{t.fee_channel_not_stated}</p> }.into_any()
    } else {
        view! { <ul>{fees.iter().map(|fee| fee_item(t, catalog, fee)).collect::<Vec<_>>()}</ul> }.into_any()
    };
    let free = online_free && *channel == Some(Channel::Online);
    view! {
        <div class="channel" class:free-online=free>
            <dt>{label}</dt>
            <dd>{body}</dd>
        </div>
    }
}

fn fee_item(t: &'static PageText, catalog: &Catalog, fee: &Fee) -> impl IntoView {
    let text = fee.text.as_deref().map(str::trim).filter(|s| !s.is_empty());
    // Without an amount, the source's wording is the best there is: it becomes the line itself.
    let text_is_main = fee.amount.is_none() && !fee.set_by_province && text.is_some();
    let main = match (fee.amount, text) {
        (Some(amount), _) => amount_text(t, fee, amount),
        (None, _) if fee.set_by_province => t.fee_set_by_province.to_string(),
        (None, Some(text)) => text.to_string(),
        (None, None) => t.fee_amount_not_stated.to_string(),
    };
    let ask = fee.amount.is_none().then(|| view! { <span class="fee-ask">" — "{t.fee_ask}</span> });
    let exemptions = (!fee.exemptions.is_empty()).then(|| {
        view! { <span class="fee-exemptions">{t.fee_exemptions}" "{fee.exemptions.join("; ")}</span> }
    });
    let source = fee.source.as_deref().map(|id| citation(t, catalog, id));
    let small = text.filter(|_| !text_is_main).map(|text| view! { <small class="fee-text">{text.to_string()}</small> });
    view! {
        <li class="fee" class:fee-zero=fee.amount == Some(0.0)>
            <span class="fee-line">
                <span class="fee-kind">{t.fee_kind(fee.kind)}": "</span>
                <strong class="fee-amount">{main}</strong>
                {ask}
            </span>
            " "
            {exemptions}
            {source}
            {small}
        </li>
    }
}

/// "8.000 đồng", "2.000 đồng/trang", "10 USD"; 0 says it is free (online only, when so limited).
fn amount_text(t: &PageText, fee: &Fee, amount: f64) -> String {
    let currency = if fee.currency.trim().eq_ignore_ascii_case("VND") { t.currency_vnd } else { fee.currency.trim() };
    let mut out = format!("{} {currency}", present::amount(amount));
    if let Some(per) = fee.per.as_deref().map(str::trim).filter(|p| !p.is_empty()) {
        out.push('/');
        out.push_str(per);
    }
    if amount == 0.0 {
        let online_only = fee.channels == [Channel::Online];
        out.push(' ');
        out.push_str(if online_only { t.fee_zero_online } else { t.fee_zero });
    }
    out
}

/// "Căn cứ: 23/2026/NQ-HĐND, hiệu lực từ 08/08/2026", the number linked to the text when known.
fn citation(t: &'static PageText, catalog: &Catalog, id: &str) -> impl IntoView {
    let doc = catalog.document(id);
    let number = doc.map_or_else(|| id.to_string(), |d| d.number.clone());
    // Linked only to the portal or a host the catalog declares (never `javascript:`, `data:`, a
    // look-alike host…): otherwise the number is text.
    let url =
        doc.and_then(|d| d.url.as_deref()).and_then(|u| outbound::allowed(u, &catalog.link_hosts)).map(str::to_string);
    let title = doc.and_then(|d| d.title.clone());
    let when = doc.and_then(|d| {
        let from = d.effective_from.as_deref().and_then(present::date);
        let to = d.effective_to.as_deref().and_then(present::date);
        (t.in_force)(from.as_deref(), to.as_deref())
    });
    let number = match url {
        Some(url) => view! {
            <a class="fee-document" href=url title=title target="_blank" rel="noopener noreferrer" aria-describedby=NEW_TAB_ID>
                {number}
            </a>
        }
        .into_any(),
        None => view! { <span class="fee-document">{number}</span> }.into_any(),
    };
    view! {
        <small class="fee-source">
            {t.fee_source}" "{number}{when.map(|w| format!(", {w}"))}
        </small>
    }
}
