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

/// Mounts a widget into `root`. `options` is a plain object: `{ catalog: "<absolute URL>",
/// lang: "vi" | "en" }` (Vietnamese when `lang` is missing or another).
/// A missing or empty `catalog` mounts a widget that says so, in words for people.
#[wasm_bindgen]
pub fn mount(root: ShadowRoot, options: JsValue) -> Mounted {
    let catalog = js_sys::Reflect::get(&options, &JsValue::from_str("catalog"))
        .ok()
        .and_then(|value| value.as_string())
        .unwrap_or_default();
    let lang = js_sys::Reflect::get(&options, &JsValue::from_str("lang")).ok().and_then(|v| v.as_string());
    let lang = ui::Lang::parse(lang.as_deref().unwrap_or(""));
    Mounted { handle: Some(ui::mount_in(&root, CatalogSource::Url(catalog), lang)) }
}

/// The widget's CSS, for the loader to adopt into each shadow root.
#[wasm_bindgen]
pub fn widget_css() -> String {
    include_str!("../style/widget.css").to_string()
}
