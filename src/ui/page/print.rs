//! Printing: a clean page in a window of its own, without the widget or the page around it,
//! then the browser's print dialog. What is on the page comes from [`super::slip`].

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::Lang;

const PRINT_CSS: &str = include_str!(concat!(env!("OUT_DIR"), "/print.css"));

/// The paper the page is laid out for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) enum Paper {
    #[default]
    A4,
    A5,
}

impl Paper {
    pub const ALL: [Paper; 2] = [Paper::A4, Paper::A5];

    pub fn name(self) -> &'static str {
        match self {
            Paper::A4 => "A4",
            Paper::A5 => "A5",
        }
    }

    /// The page rule the print styles end with.
    fn page_rule(self) -> &'static str {
        match self {
            Paper::A4 => "@page { size: A4; margin: 15mm; }",
            Paper::A5 => "@page { size: A5; margin: 9mm; } body { font-size: 10.5pt; }",
        }
    }
}

/// Opens `page` in a new window titled `title`, laid out for `paper`, and the print dialog;
/// nothing when the browser blocks the window.
pub(super) fn print<V: IntoView + 'static>(title: &str, lang: Lang, paper: Paper, page: impl FnOnce() -> V + 'static) {
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
    let css = format!("{PRINT_CSS}\n{}", paper.page_rule());
    if let Some(sheet) = sheet.filter(|s| s.replace_sync(&css).is_ok()) {
        document.set_adopted_style_sheets(&js_sys::Array::of1(&sheet));
    }
    document.set_title(title);
    let _ = document.document_element().map(|root| root.set_attribute("lang", lang.code()));
    let root: web_sys::HtmlElement = body.unchecked_into();
    // The page is the window's until it is closed.
    leptos::mount::mount_to(root, page).forget();
    let _ = window.print();
}

/// Today in the browser's time, as DD/MM/YYYY.
pub(super) fn today() -> String {
    let today = super::today();
    format!("{:02}/{:02}/{}", today.day, today.month, today.year)
}
