//! Getting a file over a weak network: each attempt has a time limit, a failure that may
//! pass (no connection, a timeout, a busy server) is tried again after a pause that grows, and a
//! catalog that came is kept on the device (the browser's Cache API, under `motcua`) so that it can
//! be shown when the network is gone. Files come as bytes: a text answer would be decoded into the
//! page's UTF-16 and encoded back into UTF-8 when copied to the widget, two passes over megabytes
//! on the main thread; bytes are copied as they are and read as UTF-8 once ([`utf8`]).

use std::time::Duration;

use js_sys::Uint8Array;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// How hard to try.
#[derive(Debug, Clone, Copy)]
pub struct Patience {
    /// The time limit of each attempt, from the request to the last byte.
    pub limit: Duration,
    /// The pauses before each further attempt (so, one attempt more than pauses).
    pub pauses: &'static [Duration],
}

/// A catalog: large on a slow network (the national index is 251 KB brotli: about 1.3 s at
/// 1.6 Mbit/s, 20 s at 100 kbit/s), worth three attempts.
pub const CATALOG: Patience =
    Patience { limit: Duration::from_secs(60), pauses: &[Duration::from_secs(1), Duration::from_secs(3)] };

/// A procedure's record: a few kilobytes; the citizen is waiting for it and can ask again.
pub const RECORD: Patience = Patience { limit: Duration::from_secs(20), pauses: &[Duration::from_secs(1)] };

/// Why no text came.
#[derive(Debug, Clone, PartialEq)]
pub enum Failed {
    /// No answer: offline, DNS, CORS, or the time limit (`message` says which).
    Network(String),
    /// The server answered with an error status.
    Status(u16),
}

impl Failed {
    /// Whether trying again later may help: not for a file that is not there or not allowed.
    fn may_pass(&self) -> bool {
        match self {
            Failed::Network(_) => true,
            Failed::Status(status) => *status == 408 || *status == 429 || *status >= 500,
        }
    }
}

thread_local! {
    /// Requests the loader made before the widget's code had started, by address (see [`hand_over`]).
    static HANDED: std::cell::RefCell<Vec<(String, js_sys::Promise)>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// A request for `url` that the page's loader made while the widget's code was coming: `promise`
/// resolves to the body (an `ArrayBuffer`), or to `{ status }` (an error status) or `{ error }`
/// (no answer). The widget's next request for `url` takes it as its first attempt, instead of
/// asking again.
pub fn hand_over(url: &str, promise: js_sys::Promise) {
    HANDED.with_borrow_mut(|handed| handed.push((url.to_string(), promise)));
}

fn handed(url: &str) -> Option<js_sys::Promise> {
    HANDED.with_borrow_mut(|handed| {
        let at = handed.iter().position(|(u, _)| u == url)?;
        Some(handed.swap_remove(at).1)
    })
}

/// The body of `url`, trying as `patience` says; as the page's bytes, which the widget copies when
/// it reads them ([`utf8`]), and which are kept on the device ([`keep`]) without another copy.
pub async fn body(url: &str, patience: Patience) -> Result<Uint8Array, Failed> {
    let mut pauses = patience.pauses.iter();
    let mut early = handed(url);
    loop {
        let outcome = match early.take() {
            Some(promise) => settle(promise, patience.limit).await,
            None => attempt(url, patience.limit).await,
        };
        match outcome {
            Err(failed) if failed.may_pass() => match pauses.next() {
                Some(pause) => sleep(*pause).await,
                None => return Err(failed),
            },
            done => return done,
        }
    }
}

/// What a request handed over by the loader came to, waiting for it no longer than `limit`.
async fn settle(promise: js_sys::Promise, limit: Duration) -> Result<Uint8Array, Failed> {
    let settled =
        JsFuture::from(js_sys::Promise::race(&js_sys::Array::of2(&promise, &timer(limit)))).await.map_err(failed)?;
    let settled = match settled.dyn_into::<js_sys::ArrayBuffer>() {
        Ok(body) => return Ok(Uint8Array::new(&body)),
        Err(settled) => settled,
    };
    let field = |name: &str| js_sys::Reflect::get(&settled, &name.into()).ok().filter(|v| !v.is_undefined());
    if let Some(status) = field("status").and_then(|s| s.as_f64()) {
        return Err(Failed::Status(status as u16));
    }
    let message = match field("error").and_then(|e| e.as_string()) {
        Some(message) => message,
        None => format!("no answer within {} s", limit.as_secs()),
    };
    Err(Failed::Network(message))
}

/// One request, abandoned after `limit`.
async fn attempt(url: &str, limit: Duration) -> Result<Uint8Array, Failed> {
    let controller = web_sys::AbortController::new().ok();
    let timer = controller.as_ref().and_then(|controller| {
        let controller = controller.clone();
        let abort = wasm_bindgen::closure::Closure::once_into_js(move || controller.abort());
        let window = web_sys::window()?;
        window.set_timeout_with_callback_and_timeout_and_arguments_0(abort.unchecked_ref(), millis(limit)).ok()
    });
    let signal = controller.as_ref().map(web_sys::AbortController::signal);
    let outcome = async {
        let init = web_sys::RequestInit::new();
        init.set_signal(signal.as_ref());
        let window = web_sys::window().ok_or_else(|| Failed::Network("no window".to_string()))?;
        let response = JsFuture::from(window.fetch_with_str_and_init(url, &init)).await.map_err(failed)?;
        let response: web_sys::Response = response.dyn_into().map_err(failed)?;
        if !response.ok() {
            return Err(Failed::Status(response.status()));
        }
        let body = JsFuture::from(response.array_buffer().map_err(failed)?).await.map_err(failed)?;
        body.dyn_into()
            .map(|body| Uint8Array::new(&body))
            .map_err(|_| Failed::Network("the answer has no body".to_string()))
    }
    .await;
    if let (Some(timer), Some(window)) = (timer, web_sys::window()) {
        window.clear_timeout_with_handle(timer);
    }
    let timed_out = signal.as_ref().is_some_and(web_sys::AbortSignal::aborted);
    outcome.map_err(|failed| match timed_out {
        true => Failed::Network(format!("no answer within {} s", limit.as_secs())),
        false => failed,
    })
}

/// A request that did not complete, as the browser says why.
fn failed(error: wasm_bindgen::JsValue) -> Failed {
    let message = match error.dyn_ref::<js_sys::Error>() {
        Some(error) => String::from(error.message()),
        None => error.as_string().unwrap_or_else(|| "the request failed".to_string()),
    };
    Failed::Network(message)
}

fn millis(duration: Duration) -> i32 {
    i32::try_from(duration.as_millis()).unwrap_or(i32::MAX)
}

/// A promise resolved (to `undefined`) after `duration`, by a timer on the page.
fn timer(duration: Duration) -> js_sys::Promise {
    js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, millis(duration));
        }
    })
}

/// Waits `duration` (a timer on the page).
pub async fn sleep(duration: Duration) {
    let _ = JsFuture::from(timer(duration)).await;
}

/// The device's copies of catalogs, by address. Every step may be refused (a private window, an
/// insecure page, a full disk): then nothing is kept, and nothing is said.
const CACHE: &str = "motcua";

/// How long after a catalog came its copy is compared with the kept one and kept: after the first
/// results, on any device.
pub const KEEP_AFTER: Duration = Duration::from_secs(3);

async fn cache() -> Option<web_sys::Cache> {
    let caches = web_sys::window()?.caches().ok()?;
    JsFuture::from(caches.open(CACHE)).await.ok()?.dyn_into().ok()
}

/// Keeps `body` as the device's copy of `url`.
pub async fn keep(url: &str, body: &Uint8Array) {
    let Some(cache) = cache().await else { return };
    // A response whose body is the page's bytes, not a copy of them made from the widget's memory.
    let Ok(response) = web_sys::Response::new_with_opt_js_u8_array(Some(body)) else { return };
    let _ = JsFuture::from(cache.put_with_str(url, &response)).await;
}

/// The device's copy of `url`, if it has one.
pub async fn kept(url: &str) -> Option<Uint8Array> {
    let cache = cache().await?;
    let found = JsFuture::from(cache.match_with_str(url)).await.ok()?;
    let response: web_sys::Response = found.dyn_into().ok()?;
    let body = JsFuture::from(response.array_buffer().ok()?).await.ok()?;
    body.dyn_into().ok().map(|body| Uint8Array::new(&body))
}

/// Whether two of the page's bodies hold the same bytes, compared a slice at a time: neither is
/// copied whole into the widget's memory, which never shrinks.
pub fn same(a: &Uint8Array, b: &Uint8Array) -> bool {
    const SLICE: u32 = 64 * 1024;
    let (len, mut start) = (a.length(), 0);
    if len != b.length() {
        return false;
    }
    while start < len {
        let end = len.min(start + SLICE);
        if a.subarray(start, end).to_vec() != b.subarray(start, end).to_vec() {
            return false;
        }
        start = end;
    }
    true
}

/// A body as text, read as a browser reads a `fetch`'s `text()` ([`crate::json::text`]).
pub fn utf8(body: &Uint8Array) -> String {
    crate::json::text(body.to_vec())
}

/// Forgets the device's copy of `url` (one that no longer reads).
pub async fn forget(url: &str) {
    if let Some(cache) = cache().await {
        let _ = JsFuture::from(cache.delete_with_str(url)).await;
    }
}
