//! Parts of the widget's code that are fetched when first needed, so that the first download is
//! the search alone: the procedure page (papers, cases, fees, QR codes, the checklist) and the
//! desk's pane (the slip, printing, shortcuts).
//!
//! Built with the `split` feature (the Trunk build), a `wasm_split` function is a point where the
//! wasm is cut: `scripts/split-wasm` moves the code reachable only through such functions into a
//! file of its own per part, fetched by the first call. A failed fetch is an error, not a panic,
//! and the next call tries again. Without the feature (tests, Leptos apps) the code is in the one
//! module and the calls return at once.

use std::future::Future;
use std::sync::Arc;

use leptos::prelude::*;

use super::procedure::{self, ProcedureView};
use super::{desk, Data, State};

/// A part of the code could not be fetched (the network); asking again retries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Missing;

#[cfg(feature = "split")]
impl From<wasm_split_helpers::SplitLoaderError> for Missing {
    fn from(_: wasm_split_helpers::SplitLoaderError) -> Missing {
        Missing
    }
}

#[cfg_attr(feature = "split", wasm_split_helpers::wasm_split(procedure, fallible, preload(fetch_procedure_part)))]
fn procedure_part(state: State, data: Arc<Data>, doc: usize) -> Result<AnyView, Missing> {
    Ok(view! { <ProcedureView state=state data=data doc=doc /> }.into_any())
}

#[cfg_attr(feature = "split", wasm_split_helpers::wasm_split(desk, fallible))]
fn desk_part(state: State, search: AnyView, list: Arc<dyn Fn() -> AnyView + Send + Sync>) -> Result<AnyView, Missing> {
    desk::shortcuts(state);
    Ok(desk::panes(state, search, move || list()).into_any())
}

/// Calls a part's function: fetches the part first in a split build.
macro_rules! call {
    ($part:ident($($arg:expr),*)) => {{
        #[cfg(feature = "split")]
        let drawn = $part($($arg),*).await;
        #[cfg(not(feature = "split"))]
        let drawn = $part($($arg),*);
        drawn
    }};
}

/// Fetches the procedure page's code ahead (a result is listed or about to be opened); once.
pub(super) fn preload_procedure() {
    #[cfg(feature = "split")]
    {
        use std::sync::atomic::{AtomicBool, Ordering};
        static ASKED: AtomicBool = AtomicBool::new(false);
        if !ASKED.swap(true, Ordering::Relaxed) {
            leptos::task::spawn_local(async {
                // A failure is said when a page is opened, which fetches it again.
                if fetch_procedure_part().await.is_err() {
                    ASKED.store(false, Ordering::Relaxed);
                }
            });
        }
    }
}

/// The page of the procedure at `doc`, once its code is here. Until then its name, and that the
/// rest is on its way; when the code cannot be fetched, why, with a way to try again and the
/// portal's search.
pub(super) fn procedure_page(state: State, data: Arc<Data>, doc: usize) -> impl IntoView {
    // The record is fetched alongside the code, not after it.
    data.fetch(doc);
    let t = state.text();
    let name = data.catalog.procedures.get(doc).map(|p| p.name.clone()).unwrap_or_default();
    let title = NodeRef::<leptos::html::H2>::new();
    // As the page's own title does once drawn: screen readers start reading there.
    Effect::new(move |_| {
        if let Some(h2) = title.get() {
            let _ = h2.focus();
        }
    });
    let waiting = move |wait: Wait, retry: Retry| {
        let status = match wait {
            Wait::Coming => procedure::loading_notice(t).into_any(),
            Wait::Failed => procedure::failed_notice(t, t.details_failed, Some(&name), move || retry.run()).into_any(),
        };
        view! {
            <section class="procedure" aria-labelledby="motcua-title">
                <button type="button" class="back" on:click=move |_| state.close_procedure()>{t.back}</button>
                <h2 id="motcua-title" tabindex="-1" node_ref=title>{name.clone()}</h2>
                {status}
            </section>
        }
        .into_any()
    };
    when_fetched(
        move || {
            let data = Arc::clone(&data);
            async move { call!(procedure_part(state, data, doc)) }
        },
        waiting,
    )
}

/// The desk's two panes (`search` with `list` under it, and the open procedure with the slip)
/// and its shortcuts, once their code is here. Until then, or when it cannot be fetched, the
/// search and the list as citizens have them, under a notice.
pub(super) fn desk_panes(
    state: State,
    search: impl Fn() -> AnyView + Send + Sync + 'static,
    list: impl Fn() -> AnyView + Send + Sync + 'static,
) -> impl IntoView {
    let t = state.text();
    let (search, list) = (Arc::new(search), Arc::new(list));
    let waiting = {
        let (search, list) = (Arc::clone(&search), Arc::clone(&list));
        move |wait: Wait, retry: Retry| {
            let notice = match wait {
                Wait::Coming => view! { <p class="notice" role="status">{t.desk_loading}</p> }.into_any(),
                Wait::Failed => procedure::failed_notice(t, t.desk_failed, None, move || retry.run()).into_any(),
            };
            view! { {notice}{search()}{list()} }.into_any()
        }
    };
    when_fetched(
        move || {
            let list: Arc<dyn Fn() -> AnyView + Send + Sync> = Arc::clone(&list) as _;
            let search = Arc::clone(&search);
            // The search is drawn in the panes once they are here (in the notice until then).
            async move { call!(desk_part(state, search(), list)) }
        },
        waiting,
    )
}

/// Where a part's code is, while what it draws is not there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Wait {
    Coming,
    Failed,
}

/// Fetches a part's code again after a failure.
#[derive(Clone, Copy)]
struct Retry {
    wait: RwSignal<Option<Wait>>,
    attempt: RwSignal<u32>,
}

impl Retry {
    fn run(self) {
        self.wait.set(Some(Wait::Coming));
        self.attempt.update(|n| *n += 1);
    }
}

/// What `draw` gives once its part's code is here; until then, or when it could not be fetched,
/// what `waiting` says of it.
fn when_fetched<F>(
    draw: impl Fn() -> F + Send + Sync + 'static,
    waiting: impl Fn(Wait, Retry) -> AnyView + Send + Sync + 'static,
) -> impl IntoView
where
    F: Future<Output = Result<AnyView, Missing>> + Send + 'static,
{
    let retry = Retry { wait: RwSignal::new(Some(Wait::Coming)), attempt: RwSignal::new(0) };
    view! {
        {move || retry.wait.get().map(|wait| waiting(wait, retry))}
        {move || {
            retry.attempt.track();
            let drawn = draw();
            // Drawn in the widget's reactive scope: a Suspend keeps it across the wait.
            Suspend::new(async move {
                let drawn = drawn.await;
                retry.wait.set(drawn.is_err().then_some(Wait::Failed));
                drawn.ok()
            })
        }}
    }
}
