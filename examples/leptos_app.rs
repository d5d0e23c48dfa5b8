//! The widget inside a Leptos app, with typed props: mounted in a shadow root of the app's own
//! element (so that the app's CSS and the widget's stay apart) with the widget's CSS adopted there.
//!
//! Build: cargo build --example leptos_app --target wasm32-unknown-unknown --no-default-features

#[cfg(target_arch = "wasm32")]
fn main() {
    use leptos::prelude::*;
    use motcua::ui::{CatalogSource, Lang, Mode, Options, Widget, CSS};
    use wasm_bindgen::JsCast;

    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let Some(host) = document.get_element_by_id("procedures") else { return };
    let Ok(root) = host.attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open)) else { return };
    let sheet = web_sys::CssStyleSheet::new().ok().filter(|s| s.replace_sync(CSS).is_ok());
    if let Some(sheet) = sheet {
        root.set_adopted_style_sheets(&js_sys::Array::of1(&sheet));
    }
    let options =
        Options { lang: Lang::Vi, mode: Mode::Citizen, query: Some("khai sinh".into()), ..Default::default() };
    let source = CatalogSource::Url("catalogs/commune-demo.json".into());
    leptos::mount::mount_to(root.unchecked_into(), move || view! { <Widget source=source options=options /> }).forget();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    println!("A browser example: build it for wasm32-unknown-unknown (see the top of examples/leptos_app.rs).");
}
