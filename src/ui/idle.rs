//! On a widget that asks for it (a desk, a kiosk): after some time without use, back to the start,
//! forgetting the ticks on this device, so that nothing of one citizen is left for the next.

use std::cell::Cell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::dom::Listener;
use super::widget::Host;

/// Seconds without use before a desk widget resets, unless `reset-after` says otherwise.
pub(crate) const DESK_RESET_AFTER: u32 = 300;

#[wasm_bindgen]
extern "C" {
    // The timer's id is kept as JavaScript gave it: not every page's timers (a test's fake
    // clock) give ids that fit the `i32` of web-sys.
    #[wasm_bindgen(js_name = setInterval)]
    fn set_interval(tick: &js_sys::Function, millis: i32) -> JsValue;
    #[wasm_bindgen(js_name = clearInterval)]
    fn clear_interval(timer: &JsValue);
}

/// Watching for use; stops when dropped.
pub(super) struct Idle {
    _listeners: Vec<Listener>,
    timer: JsValue,
    _tick: Closure<dyn FnMut()>,
}

impl Drop for Idle {
    fn drop(&mut self) {
        clear_interval(&self.timer);
    }
}

/// After `seconds` without a key, a touch, a click or the mouse moving, `host` goes back to the
/// start and forgets the ticks on this device, and says so until the next use.
pub(super) fn reset_when_idle(host: Host, seconds: u32) -> Option<Idle> {
    let window = web_sys::window()?;
    let last = Rc::new(Cell::new(js_sys::Date::now()));
    let listeners = ["keydown", "pointerdown", "pointermove", "wheel", "input"]
        .into_iter()
        .map(|name| {
            let (last, host) = (Rc::clone(&last), host.clone());
            Listener::new(&window, name, false, move |_| {
                last.set(js_sys::Date::now());
                host.touched();
            })
        })
        .collect();
    let limit = f64::from(seconds) * 1000.0;
    let tick = Closure::<dyn FnMut()>::new(move || {
        if js_sys::Date::now() - last.get() < limit {
            return;
        }
        last.set(js_sys::Date::now());
        host.reset_for_inactivity();
    });
    let timer = set_interval(tick.as_ref().unchecked_ref(), 1000);
    Some(Idle { _listeners: listeners, timer, _tick: tick })
}
