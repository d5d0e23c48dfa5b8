//! What JavaScript sees: `mount`, `widget_css` and the `Mounted` handle.
//! The loader (`public/motcua.js`) defines `<mot-cua>` with these.

use wasm_bindgen::prelude::*;
use web_sys::ShadowRoot;

use crate::ui::{self, CatalogSource};

/// A widget mounted in a shadow root. `free()` (or `unmount()`) removes it.
#[wasm_bindgen]
pub struct Mounted {
    handle: Option<ui::Handle>,
}

#[wasm_bindgen]
impl Mounted {
    /// Removes the widget from its root; the handle may then be freed.
    pub fn unmount(&mut self) {
        self.handle = None;
    }
}

/// Mounts a widget into `root`. `options` is a plain object of `<mot-cua>`'s attributes:
/// `{ catalog: "<absolute URL>", lang: "vi" | "en", mode: "desk" | "", resetAfter: "<seconds>" }`.
/// Vietnamese when `lang` is missing or another; the citizen's widget unless `mode` is `desk`;
/// `resetAfter` `0` or `off` never resets, a missing or unreadable one is the mode's default.
/// A missing or empty `catalog` mounts a widget that says so, in words for people.
#[wasm_bindgen]
pub fn mount(root: ShadowRoot, options: JsValue) -> Mounted {
    let text = |key: &str| {
        js_sys::Reflect::get(&options, &JsValue::from_str(key)).ok().and_then(|v| v.as_string()).unwrap_or_default()
    };
    let reset_after = match text("resetAfter").trim() {
        "off" => Some(0),
        seconds => seconds.parse().ok(),
    };
    let options =
        ui::Options { lang: ui::Lang::parse(&text("lang")), mode: ui::Mode::parse(&text("mode")), reset_after };
    Mounted { handle: Some(ui::mount_with(&root, CatalogSource::Url(text("catalog")), options)) }
}

/// The widget's CSS, for the loader to adopt into each shadow root.
#[wasm_bindgen]
pub fn widget_css() -> String {
    include_str!("../style/widget.css").to_string()
}
