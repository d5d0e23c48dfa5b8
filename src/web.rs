//! What JavaScript sees: `mount`, `widget_css` and the `Mounted` handle with the element's API.
//! The loader (`public/motcua.js`) defines `<mot-cua>` with these.

use wasm_bindgen::prelude::*;
use web_sys::ShadowRoot;

use crate::ui::{self, CatalogSource};

/// The allocator: Talc, smaller in wasm than the default (dlmalloc) and no slower (BENCHMARKS.md).
/// The search benchmark (`tests/search_bench.rs`, `--cfg motcua_bench`) puts its counting
/// allocator in its place.
#[cfg(not(motcua_bench))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

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

    /// The best `limit` procedures for `query`: `[{ code, name, title, score }]`, best first;
    /// `null` until the catalog is loaded.
    pub fn search(&self, query: &str, limit: u32) -> JsValue {
        let Some(found) = self.handle.as_ref().and_then(|h| h.control().search(query, limit as usize)) else {
            return JsValue::NULL;
        };
        let list = js_sys::Array::new();
        for f in found {
            let item = js_sys::Object::new();
            for (key, value) in [
                ("code", JsValue::from(f.code)),
                ("name", JsValue::from(f.name)),
                ("title", JsValue::from(f.title)),
                ("score", JsValue::from(f.score)),
            ] {
                let _ = js_sys::Reflect::set(&item, &JsValue::from_str(key), &value);
            }
            list.push(&item);
        }
        list.into()
    }

    /// Opens the procedure with `code`; false when the loaded catalog has none.
    pub fn open(&self, code: &str) -> bool {
        self.handle.as_ref().is_some_and(|h| h.control().open(code))
    }

    /// Back to the start: no query, no procedure.
    pub fn reset(&self) {
        if let Some(handle) = &self.handle {
            handle.control().reset();
        }
    }
}

/// Mounts a widget into `root`. `options` is a plain object of `<mot-cua>`'s attributes, each a
/// string: `catalog` and `overlay` (absolute URLs), `lang` (`vi`, `en`), `mode` (`desk` or the
/// citizen's), `resetAfter` (seconds; `0` or `off`: never), `procedure` (a code to open),
/// `query` (a search to start with), `compact` (present: only the search), `staleAfter` (days
/// after which the catalog is said to be old; `0`: never), and `catalogFetch`, `overlayFetch`: the
/// loader's requests for them, made while the code was coming ([`ui::hand_over`]). Missing or unreadable
/// values are the defaults; a missing `catalog` mounts a widget that says so, in words for people.
#[wasm_bindgen]
pub fn mount(root: ShadowRoot, options: JsValue) -> Mounted {
    report_panics();
    let text = |key: &str| js_sys::Reflect::get(&options, &JsValue::from_str(key)).ok().and_then(|v| v.as_string());
    let given = |key: &str| text(key).map(|v| v.trim().to_string()).filter(|v| !v.is_empty());
    let reset_after = match given("resetAfter").as_deref() {
        Some("off") => Some(0),
        Some(seconds) => seconds.parse().ok(),
        None => None,
    };
    // What the loader already asked for, alongside the code.
    for (address, fetched) in [("catalog", "catalogFetch"), ("overlay", "overlayFetch")] {
        let promise = js_sys::Reflect::get(&options, &JsValue::from_str(fetched)).ok();
        if let (Some(url), Some(promise)) = (given(address), promise.and_then(|p| p.dyn_into::<js_sys::Promise>().ok()))
        {
            ui::hand_over(&url, promise);
        }
    }
    let options = ui::Options {
        lang: ui::Lang::parse(&text("lang").unwrap_or_default()),
        mode: ui::Mode::parse(&text("mode").unwrap_or_default()),
        reset_after,
        overlay: given("overlay"),
        procedure: given("procedure"),
        query: given("query"),
        compact: text("compact").is_some_and(|v| v != "false"),
        stale_after: given("staleAfter").and_then(|days| days.parse().ok()),
    };
    let catalog = text("catalog").unwrap_or_default();
    Mounted { handle: Some(ui::mount_with(&root, CatalogSource::Url(catalog), options)) }
}

/// Once per page: a panic (a bug; nothing in a catalog or a network should cause one) is written
/// to the console and told to the loader by a `motcua:crash` event on the window, whose listener
/// runs before the wasm stops: it replaces every widget by a notice in plain words with a link to
/// the portal, rather than leaving boxes that no longer answer.
fn report_panics() {
    static SET: std::sync::Once = std::sync::Once::new();
    SET.call_once(|| {
        std::panic::set_hook(Box::new(|info| {
            let message = info.to_string();
            ui::console::error(&format!("motcua: internal error: {message}"));
            let init = web_sys::CustomEventInit::new();
            init.set_detail(&JsValue::from_str(&message));
            let event = web_sys::CustomEvent::new_with_event_init_dict("motcua:crash", &init);
            if let (Some(window), Ok(event)) = (web_sys::window(), event) {
                let _ = window.dispatch_event(&event);
            }
        }));
    });
}

/// The widget's CSS, for the loader to adopt into each shadow root.
#[wasm_bindgen]
pub fn widget_css() -> String {
    ui::CSS.to_string()
}
