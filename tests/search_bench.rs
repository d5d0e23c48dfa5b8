#![cfg(all(target_arch = "wasm32", motcua_bench))]
//! Speed and memory of the search engine in a real browser (headless Chromium through
//! wasm-bindgen-test-runner), on the national catalog. A benchmark, not a test: it prints
//! figures and asserts nothing about time.
//!
//! Compiled only with `--cfg motcua_bench` (elsewhere, including `scripts/test`, this file is
//! empty), because it embeds two files made beforehand, named at compile time by
//! MOTCUA_BENCH_CATALOG and MOTCUA_BENCH_QUERIES (absolute paths). `scripts/bench` does all
//! of this; by hand:
//!
//!   MOTCUA_BENCH_CATALOG=$PWD/target/bench/national.json MOTCUA_BENCH_QUERIES=$PWD/tests/search-queries.json \
//!   RUSTFLAGS="--cfg motcua_bench" CARGO_TARGET_DIR=target/bench/cargo \
//!   CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner CHROMEDRIVER=/usr/bin/chromedriver \
//!   cargo test --release --target wasm32-unknown-unknown --no-default-features --test search_bench -- --nocapture
//!
//! The report goes to the console (shown by the runner), and ends with one line
//! `MOTCUA_BENCH_JSON {...}` holding the same figures for scripts.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

use motcua::catalog;
use motcua::catalog::ByCode;
use motcua::search::{best, life_event_counts, Hit, Index};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const CATALOG: &str = include_str!(env!("MOTCUA_BENCH_CATALOG"));
const QUERIES: &str = include_str!(env!("MOTCUA_BENCH_QUERIES"));

/// Index builds timed after the first.
const BUILDS: usize = 10;
/// Rounds over all queries.
const ROUNDS: usize = 20;
/// Passes over the queries before anything is timed.
const WARM_UP_ROUNDS: usize = 3;
/// Rounds of the typing simulation.
const TYPING_ROUNDS: usize = 5;
/// What the evaluation ranks.
const EVAL_LIMIT: usize = 10;

/// What the widget does on each keystroke: every match (for the counts of the filters), a copy
/// of them (the filtered list), and the first page of them in order.
fn as_the_widget(index: &Index, query: &str) -> Vec<Hit> {
    let all = index.matches(query);
    let listed = best(all.clone(), motcua::ui::PAGE);
    std::hint::black_box(all);
    listed
}

// ---------------------------------------------------------------------------------------------
// Heap accounting: every allocation of this test binary goes through this counter, so the bytes
// an `Index` holds are exactly the live bytes it adds. It counts over the default allocator
// (dlmalloc): with `motcua_bench` the library leaves out the widget's own (Talc, src/web.rs).

struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

fn grew(bytes: usize) {
    let live = LIVE.fetch_add(bytes, Ordering::Relaxed) + bytes;
    PEAK.fetch_max(live, Ordering::Relaxed);
}

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            grew(layout.size());
        }
        p
    }
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc_zeroed(layout) };
        if !p.is_null() {
            grew(layout.size());
        }
        p
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) };
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
            grew(new_size);
        }
        p
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

fn live() -> usize {
    LIVE.load(Ordering::Relaxed)
}

/// Size of the wasm linear memory (it only ever grows).
fn linear_memory() -> usize {
    let memory: js_sys::WebAssembly::Memory = wasm_bindgen::memory().unchecked_into();
    let buffer: js_sys::ArrayBuffer = memory.buffer().unchecked_into();
    buffer.byte_length() as usize
}

// ---------------------------------------------------------------------------------------------
// The browser

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = performance, js_name = now)]
    fn now() -> f64;
    #[wasm_bindgen(js_namespace = console, js_name = log)]
    fn console_log(s: &str);
    #[wasm_bindgen(thread_local_v2, js_namespace = navigator, js_name = userAgent)]
    static USER_AGENT: String;
    #[wasm_bindgen(thread_local_v2, js_name = crossOriginIsolated)]
    static CROSS_ORIGIN_ISOLATED: Option<bool>;
    #[wasm_bindgen(thread_local_v2, js_namespace = navigator, js_name = hardwareConcurrency)]
    static HARDWARE_CONCURRENCY: Option<f64>;
}

/// The smallest step performance.now() shows here (Chromium coarsens it to 100 µs unless the
/// page is cross-origin isolated).
fn timer_step() -> f64 {
    let mut smallest = f64::INFINITY;
    for _ in 0..200 {
        let a = now();
        let mut b = now();
        while b == a {
            b = now();
        }
        smallest = smallest.min(b - a);
    }
    smallest
}

/// Gives the event loop a turn now and then: a page that computes for 30 s without one loses
/// ChromeDriver ("Timed out receiving message from renderer") and the run fails. Never inside a
/// timed call.
struct Breath {
    last: f64,
}

impl Breath {
    fn new() -> Breath {
        Breath { last: now() }
    }

    /// Yields when the last yield is more than 250 ms ago.
    async fn take(&mut self) {
        if now() - self.last > 250.0 {
            self.now().await;
        }
    }

    async fn now(&mut self) {
        let promise = js_sys::Promise::new(&mut |resolve, _| {
            web_sys::window()
                .expect("window")
                .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0)
                .expect("setTimeout");
        });
        JsFuture::from(promise).await.expect("timer");
        self.last = now();
    }
}

/// Every query `rounds` times, each call timed.
async fn per_call(queries: &[String], search: impl Fn(&str) -> Vec<Hit>, breath: &mut Breath) -> Stats {
    let mut times = Vec::with_capacity(queries.len() * ROUNDS);
    for _ in 0..ROUNDS {
        for q in queries {
            let t0 = now();
            let hits = search(q);
            times.push(now() - t0);
            std::hint::black_box(hits);
        }
        breath.take().await;
    }
    stats(times)
}

// ---------------------------------------------------------------------------------------------
// Figures

#[derive(Debug, Clone, Copy, Default)]
struct Stats {
    n: usize,
    min: f64,
    mean: f64,
    p50: f64,
    p95: f64,
    p99: f64,
    max: f64,
}

fn stats(mut times: Vec<f64>) -> Stats {
    if times.is_empty() {
        return Stats::default();
    }
    times.sort_by(f64::total_cmp);
    let at = |p: f64| times[((p / 100.0 * times.len() as f64).ceil() as usize).clamp(1, times.len()) - 1];
    Stats {
        n: times.len(),
        min: times[0],
        mean: times.iter().sum::<f64>() / times.len() as f64,
        p50: at(50.0),
        p95: at(95.0),
        p99: at(99.0),
        max: times[times.len() - 1],
    }
}

impl Stats {
    fn line(&self) -> String {
        format!(
            "mean {:.3}  p50 {:.3}  p95 {:.3}  p99 {:.3}  max {:.3} ms  (n = {})",
            self.mean, self.p50, self.p95, self.p99, self.max, self.n
        )
    }
    fn json(&self) -> String {
        format!(
            r#"{{"n":{},"min":{:.4},"mean":{:.4},"p50":{:.4},"p95":{:.4},"p99":{:.4},"max":{:.4}}}"#,
            self.n, self.min, self.mean, self.p50, self.p95, self.p99, self.max
        )
    }
}

fn mb(bytes: usize) -> f64 {
    bytes as f64 / 1e6
}

fn verdict(ok: bool) -> &'static str {
    if ok {
        "meets"
    } else {
        "MISSES"
    }
}

// ---------------------------------------------------------------------------------------------

#[wasm_bindgen_test]
async fn search_speed_and_memory() {
    macro_rules! say { ($($t:tt)*) => { console_log(&format!($($t)*)) } }
    let mut breath = Breath::new();

    let step = timer_step();
    say!("motcua search benchmark (wasm32, release profile, in the browser)");
    say!("browser: {}", USER_AGENT.with(String::clone));
    say!(
        "cores: {}; crossOriginIsolated: {}; performance.now() step: {:.4} ms",
        HARDWARE_CONCURRENCY.with(|c| c.map_or("?".into(), |c| c.to_string())),
        CROSS_ORIGIN_ISOLATED.with(|c| c.map_or("?".into(), |c| c.to_string())),
        step
    );

    // --- the catalog and the queries ---------------------------------------------------------
    let memory_at_start = linear_memory();
    let live_at_start = live();
    let t0 = now();
    let loaded = catalog::load(CATALOG).expect("the benchmark catalog loads");
    let load_ms = now() - t0;
    let catalog = loaded.catalog;
    drop(loaded.problems);
    let catalog_bytes = live() - live_at_start;
    let queries: Vec<String> = {
        let set: serde_json::Value = serde_json::from_str(QUERIES).expect("the query file is JSON");
        set["queries"]
            .as_array()
            .expect("the query file has \"queries\"")
            .iter()
            .filter_map(|q| q["q"].as_str().map(str::to_owned))
            .collect()
    };
    say!(
        "catalog: {} procedures ({:.1} MB of JSON, loaded in {:.0} ms into {:.1} MB of heap); {} queries",
        catalog.procedures.len(),
        mb(CATALOG.len()),
        load_ms,
        mb(catalog_bytes),
        queries.len()
    );

    // --- index build: memory first (one build, nothing else held), then time -----------------
    let memory_before_index = linear_memory();
    let live_before_index = live();
    PEAK.store(live_before_index, Ordering::Relaxed);
    let t0 = now();
    let index = Index::from_catalog(&catalog);
    let first_build = now() - t0;
    let index_bytes = live() - live_before_index;
    let build_peak = PEAK.load(Ordering::Relaxed) - live_before_index;
    let memory_after_index = linear_memory();

    let mut builds = Vec::with_capacity(BUILDS);
    for _ in 0..BUILDS {
        breath.now().await;
        let t0 = now();
        let again = Index::from_catalog(&catalog);
        builds.push(now() - t0);
        drop(again);
    }
    let build = stats(builds);
    say!("");
    say!(
        "index build (Index::from_catalog)                               target <= 50 ms: {}",
        verdict(build.p50 <= 50.0)
    );
    say!(
        "  first {:.1} ms; {} more: median {:.1}  min {:.1}  max {:.1} ms",
        first_build,
        BUILDS,
        build.p50,
        build.min,
        build.max
    );

    // --- queries -------------------------------------------------------------------------------
    // Warm-up, as a citizen's first keystrokes would: V8 compiles wasm with its baseline compiler
    // first and optimises the functions that run hot, a few calls later.
    let found = queries.iter().filter(|q| !index.search(q, EVAL_LIMIT).is_empty()).count();
    for _ in 0..WARM_UP_ROUNDS {
        for q in &queries {
            std::hint::black_box(as_the_widget(&index, q));
        }
        breath.take().await;
    }
    breath.now().await;
    let widget = per_call(&queries, |q| as_the_widget(&index, q), &mut breath).await;
    let top10 = per_call(&queries, |q| index.search(q, EVAL_LIMIT), &mut breath).await;
    // The same, each query run ROUNDS times back to back and timed as a batch: per-query means,
    // free of the timer's step.
    let mut batched = Vec::with_capacity(queries.len());
    let mut slowest = (0.0, "");
    for q in &queries {
        let t0 = now();
        for _ in 0..ROUNDS {
            std::hint::black_box(as_the_widget(&index, q));
        }
        let t = (now() - t0) / ROUNDS as f64;
        if t > slowest.0 {
            slowest = (t, q.as_str());
        }
        batched.push(t);
        breath.take().await;
    }
    let batched = stats(batched);
    say!("");
    say!(
        "queries ({} queries x {} rounds, every call timed; {} of {} find something)   target p95 <= 0.5 ms: {}",
        queries.len(),
        ROUNDS,
        found,
        queries.len(),
        verdict(widget.p95 <= 0.5)
    );
    say!("  as the widget asks (every match, the first page in order): {}", widget.line());
    say!("  first {EVAL_LIMIT} (as the evaluation asks): {}", top10.line());
    say!("  per-query mean of {ROUNDS} back-to-back runs, as the widget asks: {}", batched.line());
    say!("  slowest query: {:?} ({:.3} ms)", slowest.1, slowest.0);

    // --- typing: every prefix of every query, as keystrokes ------------------------------------
    let mut keystrokes = Vec::new();
    let mut slowest_key = (0.0, "");
    // And then the counts of the life-event filter's choices over every match, as the widget
    // draws the filters (timed apart: the search's own figures are the engines' comparison).
    let positions = ByCode::of(&catalog.procedures);
    let position = |code: &str| positions.find(&catalog.procedures, code);
    let mut life_event_times = Vec::new();
    for _ in 0..TYPING_ROUNDS {
        for q in &queries {
            let ends: Vec<usize> = q.char_indices().map(|(i, c)| i + c.len_utf8()).collect();
            for end in ends {
                let typed = &q[..end];
                let t0 = now();
                std::hint::black_box(as_the_widget(&index, typed));
                let t = now() - t0;
                if t > slowest_key.0 {
                    slowest_key = (t, typed);
                }
                keystrokes.push(t);
                let matches = index.matches(typed);
                let t0 = now();
                std::hint::black_box(life_event_counts(&matches, &catalog, &position));
                life_event_times.push(now() - t0);
            }
            breath.take().await;
        }
    }
    let typing = stats(keystrokes);
    say!("");
    say!("typing (every prefix of every query, as the widget asks, {TYPING_ROUNDS} rounds)");
    say!("  per keystroke: {}", typing.line());
    say!("  slowest keystroke: {:?} ({:.3} ms)", slowest_key.1, slowest_key.0);
    let life_events = stats(life_event_times);
    say!("  then the life-event filter's counts ({} events): {}", catalog.life_events.len(), life_events.line());

    // --- memory --------------------------------------------------------------------------------
    say!("");
    say!(
        "memory                                                          target <= 5 MB: {}",
        verdict(mb(index_bytes) <= 5.0)
    );
    say!("  index: {:.2} MB of heap held by the Index (allocator count: live bytes it added)", mb(index_bytes));
    say!("  peak while building: {:.2} MB above what was live before", mb(build_peak));
    say!(
        "  wasm linear memory: {:.1} MB at start, {:.1} MB with the catalog, {:.1} MB with the index \
         (grows in 64 KiB pages, never shrinks; includes the catalog and the embedded JSON)",
        mb(memory_at_start),
        mb(memory_before_index),
        mb(memory_after_index)
    );

    say!("");
    say!(
        "MOTCUA_BENCH_JSON {{\"procedures\":{},\"queries\":{},\"timer_step_ms\":{:.4},\"catalog_load_ms\":{:.1},\
         \"build_first_ms\":{:.2},\"build\":{},\"query_all\":{},\"query_top10\":{},\"query_batched\":{},\
         \"typing\":{},\"typing_life_events\":{},\"index_bytes\":{},\"build_peak_bytes\":{},\"catalog_bytes\":{},\
         \"linear_memory\":{{\"start\":{},\"catalog\":{},\"index\":{}}}}}",
        catalog.procedures.len(),
        queries.len(),
        step,
        load_ms,
        first_build,
        build.json(),
        widget.json(),
        top10.json(),
        batched.json(),
        typing.json(),
        life_events.json(),
        index_bytes,
        build_peak,
        catalog_bytes,
        memory_at_start,
        memory_before_index,
        memory_after_index
    );
    drop(index);
}
