//! Taking the procedure along: a QR code and a link that open the same procedure and case on
//! another device (a phone held up to the desk's screen, a message to a relative), and a
//! button that copies the link.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use super::text::PageText;
use crate::link::Link;
use crate::qr;

pub(super) fn share(t: &'static PageText, code: String, case: RwSignal<usize>) -> impl IntoView {
    let link = Signal::derive(move || address(&Link::Procedure { code: code.clone(), case: case.get() }));
    let copied = RwSignal::new(None::<&'static str>);
    let input = NodeRef::<leptos::html::Input>::new();
    let copy = move |_| {
        let text = link.get_untracked();
        // Undefined outside secure pages: looked up rather than called blind.
        let clipboard = web_sys::window()
            .and_then(|w| js_sys::Reflect::get(&w.navigator(), &"clipboard".into()).ok())
            .filter(|c| !c.is_undefined() && !c.is_null())
            .map(|c| c.unchecked_into::<web_sys::Clipboard>());
        spawn_copy(text, clipboard, input, copied, t);
    };
    // The code is drawn by our own encoder from our own link: no text of anyone else in it.
    let code_svg = move || qr::svg(&link.get()).ok();
    view! {
        <details class="fold share">
            <summary>{t.share_heading}</summary>
            {move || code_svg().map(|svg| view! {
                <div class="qr" role="img" aria-label=t.qr_label inner_html=svg></div>
            })}
            <label class="share-label">
                {t.share_link_label}
                <input type="text" readonly class="share-link" prop:value=link node_ref=input />
            </label>
            <button type="button" class="copy-link" on:click=copy>{t.copy_link}</button>
            <p class="copied" role="status">{move || copied.get()}</p>
        </details>
    }
}

/// Copies through the clipboard API; where the page may not (plain http, an old browser), selects
/// the link so that the citizen can copy it themselves.
fn spawn_copy(
    text: String,
    clipboard: Option<web_sys::Clipboard>,
    input: NodeRef<leptos::html::Input>,
    copied: RwSignal<Option<&'static str>>,
    t: &'static PageText,
) {
    leptos::task::spawn_local(async move {
        let done = match clipboard {
            Some(clipboard) => JsFuture::from(clipboard.write_text(&text)).await.is_ok(),
            None => false,
        };
        if !done {
            if let Some(input) = input.get_untracked() {
                input.select();
            }
        }
        copied.set(Some(if done { t.link_copied } else { t.link_selected }));
    });
}

/// This page's address with the widget's link as its fragment.
pub(super) fn address(link: &Link) -> String {
    let Some(location) = web_sys::window().map(|w| w.location()) else { return link.fragment() };
    let base = format!(
        "{}{}{}",
        location.origin().unwrap_or_default(),
        location.pathname().unwrap_or_default(),
        location.search().unwrap_or_default()
    );
    format!("{base}{}", link.fragment())
}
