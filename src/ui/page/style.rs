//! The procedure page's and the desk pane's style sheet (`style/page.css`). It comes with the
//! parts of the code that draw them rather than in the first download, and is added to the
//! widget's shadow root, after the search's sheet, when a pane is first drawn there.

use std::cell::OnceCell;

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{CssStyleSheet, ShadowRoot};

const CSS: &str = include_str!(concat!(env!("OUT_DIR"), "/page.css"));
/// The attribute marking the `<style>` element of browsers without constructed sheets.
const MARK: &str = "data-motcua-page";

thread_local! {
    /// One constructed sheet shared by the page's widgets; `None` where the browser makes none.
    static SHEET: OnceCell<Option<CssStyleSheet>> = const { OnceCell::new() };
}

/// Styles the shadow root `parent` is in, once: a constructed sheet (which a strict content
/// security policy allows), or a `<style>` element where the browser cannot adopt one, as the
/// loader does for the search's sheet.
pub(super) fn add_to(parent: &web_sys::HtmlElement) {
    let Ok(root) = parent.get_root_node().dyn_into::<ShadowRoot>() else { return };
    let adopts = js_sys::Reflect::has(&root, &JsValue::from_str("adoptedStyleSheets")).unwrap_or(false);
    let sheet = SHEET.with(|made| made.get_or_init(construct).clone()).filter(|_| adopts);
    if let Some(sheet) = sheet {
        let sheets = root.adopted_style_sheets();
        if !sheets.includes(&sheet, 0) {
            // A new array: older browsers give a frozen one.
            let sheets = js_sys::Array::from(&sheets);
            sheets.push(&sheet);
            root.set_adopted_style_sheets(&sheets);
        }
    } else if root.query_selector(&format!("style[{MARK}]")).ok().flatten().is_none() {
        let Some(style) = parent.owner_document().and_then(|d| d.create_element("style").ok()) else { return };
        let _ = style.set_attribute(MARK, "");
        style.set_text_content(Some(CSS));
        let _ = root.append_child(&style);
    }
}

fn construct() -> Option<CssStyleSheet> {
    let sheet = CssStyleSheet::new().ok()?;
    sheet.replace_sync(CSS).ok()?;
    Some(sheet)
}
