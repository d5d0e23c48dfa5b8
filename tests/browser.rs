#![cfg(target_arch = "wasm32")]
//! The widget in a real browser (headless Chromium through wasm-bindgen-test-runner):
//! mounted in an open shadow root like `<mot-cua>` does, driven the way a citizen would.
//!
//! Run: CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner CHROMEDRIVER=/usr/bin/chromedriver \
//!      cargo test --target wasm32-unknown-unknown --no-default-features --test browser

use std::cell::Cell;
use std::rc::Rc;

use motcua::ui::{self, CatalogSource, Handle};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement, ShadowRoot};

wasm_bindgen_test_configure!(run_in_browser);

/// Real records from the demo catalog (see tests/fixtures/README.md).
const SAMPLE: &str = include_str!("fixtures/commune-sample.json");

const KHAI_SINH: &str = "1.001193";
const KHAI_SINH_PORTAL_ID: &str = "019d2bfd-3fe0-70ac-b9d6-5e9e20d6eef7";
const KET_HON: &str = "1.000894";

// ---------------------------------------------------------------------------------------------
// Helpers

fn document() -> web_sys::Document {
    web_sys::window().expect("window").document().expect("document")
}

async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .expect("window")
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .expect("setTimeout");
    });
    JsFuture::from(promise).await.expect("timer");
}

/// A host element in the page with an open shadow root, like `<mot-cua>` makes.
struct Widget {
    host: HtmlElement,
    root: ShadowRoot,
    handle: Option<Handle>,
}

impl Widget {
    fn mount(source: CatalogSource) -> Widget {
        let host: HtmlElement = document().create_element("div").expect("div").unchecked_into();
        document().body().expect("body").append_child(&host).expect("append host");
        let root = host.attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open)).expect("shadow");
        let handle = ui::mount(&root, source);
        Widget { host, root, handle: Some(handle) }
    }

    fn sample() -> Widget {
        Widget::mount(CatalogSource::Inline(SAMPLE.to_string()))
    }

    fn find(&self, selector: &str) -> Option<Element> {
        self.root.query_selector(selector).expect("valid selector")
    }

    fn all(&self, selector: &str) -> Vec<Element> {
        let list = self.root.query_selector_all(selector).expect("valid selector");
        (0..list.length()).filter_map(|i| list.item(i)).filter_map(|n| n.dyn_into::<Element>().ok()).collect()
    }

    /// Waits (up to 5 s) for an element to be there.
    async fn wait_for(&self, selector: &str) -> Element {
        for _ in 0..250 {
            if let Some(el) = self.find(selector) {
                return el;
            }
            sleep(20).await;
        }
        panic!("timed out waiting for {selector}; the widget shows: {}", self.text());
    }

    /// Waits (up to 5 s) until `check` holds.
    async fn wait_until(&self, what: &str, check: impl Fn(&Widget) -> bool) {
        for _ in 0..250 {
            if check(self) {
                return;
            }
            sleep(20).await;
        }
        panic!("timed out waiting until {what}; the widget shows: {}", self.text());
    }

    fn text(&self) -> String {
        self.root.text_content().unwrap_or_default().chars().take(600).collect()
    }

    async fn ready(&self) -> HtmlInputElement {
        let input = self.wait_for("input.search-input").await;
        self.wait_until("the catalog is loaded", |w| {
            w.find("[role=status]").is_some_and(|s| !s.class_list().contains("loading")) && w.find(".error").is_none()
        })
        .await;
        input.unchecked_into()
    }

    /// Types `query` into the search box as an `input` event reports it.
    async fn type_query(&self, query: &str) {
        let input: HtmlInputElement = self.ready().await;
        input.focus().expect("focus");
        input.set_value(query);
        let init = web_sys::EventInit::new();
        init.set_bubbles(true);
        let event = web_sys::Event::new_with_event_init_dict("input", &init).expect("input event");
        input.dispatch_event(&event).expect("dispatch input");
    }

    fn press(&self, key: &str) {
        let input = self.find("input.search-input").expect("search box");
        let init = web_sys::KeyboardEventInit::new();
        init.set_key(key);
        init.set_bubbles(true);
        init.set_cancelable(true);
        let event = web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).expect("keydown");
        input.dispatch_event(&event).expect("dispatch keydown");
    }

    fn codes(&self) -> Vec<String> {
        self.all("ul[role=listbox] > li[role=option]").iter().filter_map(|li| li.get_attribute("data-code")).collect()
    }

    async fn first_code_is(&self, code: &str) {
        self.wait_until(&format!("the first result is {code}"), |w| {
            w.codes().first().map(String::as_str) == Some(code)
        })
        .await;
    }

    fn attr(&self, selector: &str, name: &str) -> Option<String> {
        self.find(selector).and_then(|el| el.get_attribute(name))
    }

    fn click(&self, selector: &str) {
        let el: HtmlElement = self.find(selector).unwrap_or_else(|| panic!("no {selector} to click")).unchecked_into();
        el.click();
    }

    fn texts(&self, selector: &str) -> Vec<String> {
        self.all(selector).iter().map(|el| el.text_content().unwrap_or_default()).collect()
    }
}

impl Drop for Widget {
    fn drop(&mut self) {
        self.handle.take();
        self.host.remove();
    }
}

/// Counts the `name` events that reach `target`.
fn count_events(target: &web_sys::EventTarget, name: &str) -> Rc<Cell<u32>> {
    let count = Rc::new(Cell::new(0));
    let counter = Rc::clone(&count);
    let listener = Closure::<dyn FnMut(web_sys::Event)>::new(move |_| counter.set(counter.get() + 1));
    target.add_event_listener_with_callback(name, listener.as_ref().unchecked_ref()).expect("listen");
    listener.forget();
    count
}

// ---------------------------------------------------------------------------------------------
// Tests

#[wasm_bindgen_test]
async fn a_citizen_finds_khai_sinh_and_sees_papers_times_fees_and_the_portal_link() {
    let w = Widget::sample();
    let input = w.ready().await;
    assert_eq!(input.get_attribute("role").as_deref(), Some("combobox"));
    assert_eq!(input.type_(), "search");
    assert_eq!(input.get_attribute("aria-expanded").as_deref(), Some("false"));
    let label = w.find("label[for]").and_then(|l| l.text_content()).unwrap_or_default();
    assert_eq!(label, "Tìm thủ tục hành chính");

    w.type_query("dang ky khai sinh").await;
    w.first_code_is(KHAI_SINH).await;
    assert_eq!(input.get_attribute("aria-expanded").as_deref(), Some("true"));
    assert_eq!(input.get_attribute("aria-controls"), w.attr("ul[role=listbox]", "id"));
    let status = w.find("[role=status]").and_then(|s| s.text_content()).unwrap_or_default();
    assert!(status.contains("kết quả"), "status says how many results: {status:?}");
    assert!(w.codes().len() <= ui::PAGE, "at most one page listed: {:?}", w.codes());

    w.click("li[role=option]");
    let view = w.wait_for(&format!("section.procedure[data-code=\"{KHAI_SINH}\"]")).await;
    assert_eq!(w.texts("section.procedure h2"), vec!["Thủ tục đăng ký khai sinh"]);
    assert!(view.text_content().unwrap_or_default().contains(KHAI_SINH), "the code is shown");
    assert!(w.find("ul[role=listbox]").is_some_and(|l| l.has_attribute("hidden")), "the list is hidden");
    assert_eq!(input.get_attribute("aria-expanded").as_deref(), Some("false"));

    let papers = w.texts("ul.papers > li");
    assert!(papers.len() >= 5, "{papers:?}");
    assert!(papers.iter().any(|p| p.contains("Giấy chứng sinh") && p.contains("1 bản chính")), "{papers:?}");
    assert!(papers.iter().all(|p| !p.contains("0 bản")), "zero counts are not shown: {papers:?}");
    // Notes posing as papers are not listed as papers, but collapsed below them.
    // In 1.001193 every listed row is a document to bring (the rules without counts are notes).
    assert_eq!(papers.len(), 8, "{papers:?}");
    // The form comes after the papers to show in the source: it gets its own heading again.
    assert_eq!(
        w.texts("section.procedure h4"),
        vec!["Giấy tờ phải nộp", "Giấy tờ phải xuất trình", "Giấy tờ phải nộp"]
    );
    assert!(papers.iter().all(|p| p.contains("1 bản chính")), "notes are not papers: {papers:?}");
    assert!(papers.iter().any(|p| p.contains("Hộ chiếu") && p.contains("Chỉ xuất trình")), "{papers:?}");
    let notes = w.find("details.paper-notes").expect("the notes are there, collapsed");
    assert!(!notes.has_attribute("open"));
    assert_eq!(w.texts("details.paper-notes summary"), vec!["Lưu ý về hồ sơ (25)"]);
    assert_eq!(w.all("details.paper-notes li").len(), 25);
    assert!(w.texts("section.procedure h4").iter().any(|h| h == "Giấy tờ phải nộp"), "group headings without marker");

    let times = w.texts("dl.times .channel");
    assert_eq!(times, vec!["Trực tiếp1 ngày", "Trực tuyến1 ngày", "Bưu chính1 ngày"]);
    let fees = w.texts(".fees-not-stated");
    assert_eq!(fees.len(), 1, "no fee recorded: the sentence says so");
    assert!(fees[0].contains("chưa ghi phí"), "{fees:?}");
    assert_eq!(w.texts("ul.agencies > li"), vec!["Ủy ban nhân dân cấp xã"]);
    assert_eq!(w.texts("ul.results-received > li"), vec!["Giấy khai sinh"]);

    let start = format!("https://dichvucong.gov.vn/nop-ho-so?formalityId={KHAI_SINH_PORTAL_ID}");
    assert_eq!(w.attr("a.start-online", "href"), Some(start));
    assert_eq!(w.texts("a.start-online"), vec!["Nộp hồ sơ trực tuyến"]);
    assert_eq!(w.attr("a.start-online", "target").as_deref(), Some("_blank"));
    assert_eq!(w.attr("a.start-online", "rel").as_deref(), Some("noopener noreferrer"));
    let detail = format!("https://dichvucong.gov.vn/thu-tuc-hanh-chinh/{KHAI_SINH_PORTAL_ID}");
    assert_eq!(w.attr("a.portal-detail", "href"), Some(detail));
    assert_eq!(w.texts("a.portal-detail"), vec!["Xem trên Cổng DVC quốc gia"]);

    // Back: the same list, the search box focused again.
    assert_eq!(w.texts("button.back"), vec!["Quay lại"]);
    w.click("button.back");
    w.wait_until("the procedure is closed", |w| w.find("section.procedure").is_none()).await;
    w.first_code_is(KHAI_SINH).await;
    assert_eq!(w.root.active_element().map(|e| e.class_name()).as_deref(), Some("search-input"));
    assert_eq!(w.attr("input.search-input", "value"), None, "value is a property, not an attribute");
    assert_eq!(input.value(), "dang ky khai sinh");
}

#[wasm_bindgen_test]
async fn arrow_keys_move_the_active_option_and_enter_opens_it() {
    let w = Widget::sample();
    w.type_query("ket hon").await;
    w.first_code_is(KET_HON).await;
    let input = w.find("input.search-input").expect("search box");
    assert_eq!(input.get_attribute("aria-activedescendant"), None);

    w.press("ArrowDown");
    w.wait_until("an option is active", |w| w.attr("input.search-input", "aria-activedescendant").is_some()).await;
    let active = w.attr("input.search-input", "aria-activedescendant").unwrap_or_default();
    let option = w.find(&format!("#{active}")).expect("the active descendant exists");
    assert_eq!(option.get_attribute("data-code").as_deref(), Some(KET_HON));
    assert_eq!(option.get_attribute("aria-selected").as_deref(), Some("true"));

    // Up from the first wraps to the last; down again comes back to the first.
    let listed = w.codes().len();
    w.press("ArrowUp");
    let last = format!("motcua-option-{}", listed - 1);
    w.wait_until("the last option is active", |w| {
        w.attr("input.search-input", "aria-activedescendant").as_deref() == Some(last.as_str())
    })
    .await;
    w.press("ArrowDown");
    w.wait_until("the first option is active again", |w| {
        w.attr("input.search-input", "aria-activedescendant").as_deref() == Some("motcua-option-0")
    })
    .await;

    w.press("Enter");
    w.wait_for(&format!("section.procedure[data-code=\"{KET_HON}\"]")).await;
    w.wait_until("focus moves to the procedure's title", |w| {
        w.root.active_element().is_some_and(|e| e.tag_name() == "H2")
    })
    .await;

    // Escape goes back to the list.
    w.press("Escape");
    w.wait_until("the procedure is closed", |w| w.find("section.procedure").is_none()).await;
    w.first_code_is(KET_HON).await;
}

#[wasm_bindgen_test]
async fn codes_and_accented_queries_find_the_procedure() {
    let w = Widget::sample();
    w.type_query("1001193").await;
    w.first_code_is(KHAI_SINH).await;
    assert_eq!(w.codes(), vec![KHAI_SINH]);
    let status = w.find("[role=status]").and_then(|s| s.text_content()).unwrap_or_default();
    assert_eq!(status, "1 kết quả");

    w.type_query("ĐĂNG KÝ KẾT HÔN").await;
    w.first_code_is(KET_HON).await;
}

#[wasm_bindgen_test]
async fn more_results_are_listed_on_request() {
    let w = Widget::sample();
    w.type_query("khai sinh").await;
    w.first_code_is(KHAI_SINH).await;
    assert_eq!(w.codes().len(), ui::PAGE);
    let status = w.find("[role=status]").and_then(|s| s.text_content()).unwrap_or_default();
    let total: usize = status.split(' ').next().and_then(|n| n.parse().ok()).unwrap_or(0);
    assert!(total > ui::PAGE && total <= 2 * ui::PAGE, "every procedure named \"khai sinh\" and more: {status:?}");
    assert_eq!(status, format!("{total} kết quả, đang hiện 10"));
    w.click("button.more");
    w.wait_until("all are listed", |w| w.codes().len() == total).await;
    assert!(w.find("button.more").is_none(), "nothing more to show");
    let status = w.find("[role=status]").and_then(|s| s.text_content()).unwrap_or_default();
    assert_eq!(status, format!("{total} kết quả"));
}

#[wasm_bindgen_test]
async fn no_results_offer_the_portal_search() {
    let w = Widget::sample();
    w.type_query("qqxyzw").await;
    w.wait_for(".no-results").await;
    assert!(w.codes().is_empty());
    assert!(w.find("ul[role=listbox]").is_some_and(|l| l.has_attribute("hidden")));
    let status = w.find("[role=status]").and_then(|s| s.text_content()).unwrap_or_default();
    assert!(status.starts_with("Không tìm thấy"), "{status:?}");
    assert_eq!(
        w.attr(".no-results a.portal-search", "href").as_deref(),
        Some("https://dichvucong.gov.vn/dvc-ket-qua-thu-tuc?keyword=qqxyzw")
    );
}

#[wasm_bindgen_test]
async fn a_record_with_only_the_index_row_sends_people_to_the_portal() {
    let w = Widget::sample();
    w.type_query("1.000314").await;
    w.first_code_is("1.000314").await;
    w.click("li[role=option]");
    w.wait_for("section.procedure[data-code=\"1.000314\"]").await;
    assert_eq!(w.all(".no-details").len(), 1, "says the catalog has only the name");
    assert!(w.find("ul.papers").is_none());
}

/// A made-up record (not real data) for what the demo catalog lacks: fees, copies, no portal id.
const SYNTHETIC: &str = r#"{"format":"motcua-catalog","format_version":"1.0","generated_at":"2026-11-22",
  "source":{"name":"kiểm thử"},
  "procedures":[{"code":"9.999001","name":"Thủ tục thử nghiệm có lệ phí","source":"manual",
    "channels":[{"channel":"in_person","time":{"value":3,"unit":"working_days","text":"03 ngày làm việc"},
                 "fees":[{"kind":"charge","amount":8000,"currency":"VND"},{"kind":"fee","text":"Miễn phí đối với trẻ em"}]},
                {"channel":"online","time":{"value":3,"unit":"working_days","text":"03 ngày làm việc"}}],
    "paper_groups":[{"papers":[{"name":"- Tờ khai","original":1},{"name":"+ Bản sao giấy tờ","copy":2,"forms":["Mẫu TK01.docx"]}]}]}]}"#;

#[wasm_bindgen_test]
async fn fees_copies_and_a_missing_portal_id_are_shown_as_recorded() {
    let w = Widget::mount(CatalogSource::Inline(SYNTHETIC.to_string()));
    w.type_query("thu nghiem").await;
    w.first_code_is("9.999001").await;
    w.click("li[role=option]");
    w.wait_for("section.procedure").await;

    assert!(w.find("a.start-online").is_none(), "no portal id: no start link");
    assert!(w.find("a.portal-detail").is_none());
    assert_eq!(
        w.attr(".portal-links a.portal-search", "href").as_deref(),
        Some("https://dichvucong.gov.vn/dvc-ket-qua-thu-tuc?keyword=Th%E1%BB%A7%20t%E1%BB%A5c%20th%E1%BB%AD%20nghi%E1%BB%87m%20c%C3%B3%20l%E1%BB%87%20ph%C3%AD")
    );
    assert_eq!(w.texts("dl.fees dd li"), vec!["Lệ phí: 8.000 đồng", "Phí: Miễn phí đối với trẻ em"]);
    assert_eq!(w.texts("dl.fees dt"), vec!["Trực tiếp"]);
    assert!(w.find(".fees-not-stated").is_none());

    let papers = w.all("ul.papers > li");
    assert_eq!(papers.len(), 2);
    let first = papers[0].text_content().unwrap_or_default();
    assert!(first.starts_with("Tờ khai") && first.contains("1 bản chính") && !first.contains("bản sao"), "{first:?}");
    let second = papers[1].text_content().unwrap_or_default();
    assert!(second.contains("2 bản sao") && !second.contains("bản chính"), "{second:?}");
    assert!(second.contains("Mẫu TK01.docx"), "{second:?}");
    assert!(papers[1].class_list().contains("sub"), "a '+' line is a sub-item");
}

#[wasm_bindgen_test]
async fn a_catalog_that_cannot_be_fetched_says_so_plainly_and_fires_motcua_error() {
    let origin = web_sys::window().expect("window").location().origin().expect("origin");
    let url = format!("{origin}/motcua-test-no-such-catalog.json");
    // Listen before mounting: the error may come quickly.
    let host: HtmlElement = document().create_element("div").expect("div").unchecked_into();
    let errors = count_events(&host, "motcua:error");
    document().body().expect("body").append_child(&host).expect("append");
    let root = host.attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open)).expect("shadow");
    let w = Widget { host, root: root.clone(), handle: Some(ui::mount(&root, CatalogSource::Url(url))) };

    let error = w.wait_for(".error").await;
    let text = error.text_content().unwrap_or_default();
    assert!(text.contains("Không tải được dữ liệu thủ tục"), "{text}");
    assert!(text.contains("404"), "the reason is given: {text}");
    let href = w.attr(".error a", "href").unwrap_or_default();
    assert!(href.starts_with("https://dichvucong.gov.vn/"), "{href}");
    w.wait_until("motcua:error fired", |_| errors.get() == 1).await;
}

#[wasm_bindgen_test]
async fn a_file_that_is_not_a_catalog_is_a_plain_error_not_a_crash() {
    let w = Widget::mount(CatalogSource::Inline("{\"format\": 12".to_string()));
    let error = w.wait_for(".error").await;
    assert!(error.text_content().unwrap_or_default().contains("không đúng định dạng"));

    let w = Widget::mount(CatalogSource::Url(String::new()));
    let error = w.wait_for(".error").await;
    assert!(error.text_content().unwrap_or_default().contains("catalog"));
}

#[wasm_bindgen_test]
async fn two_widgets_on_one_page_are_independent_and_unmount_cleanly() {
    let a = Widget::sample();
    let ready_b = {
        let host: HtmlElement = document().create_element("div").expect("div").unchecked_into();
        let ready = count_events(&host, "motcua:ready");
        document().body().expect("body").append_child(&host).expect("append");
        let root = host.attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open)).expect("shadow");
        let handle = ui::mount(&root, CatalogSource::Inline(SAMPLE.to_string()));
        (Widget { host, root, handle: Some(handle) }, ready)
    };
    let (mut b, ready) = ready_b;
    b.ready().await;
    b.wait_until("motcua:ready fired once", |_| ready.get() == 1).await;

    a.type_query("ket hon").await;
    a.first_code_is(KET_HON).await;
    b.type_query("khai sinh").await;
    b.first_code_is(KHAI_SINH).await;
    a.first_code_is(KET_HON).await;

    // Unmounting b empties its root; a keeps working.
    b.handle.take();
    b.wait_until("b is empty", |w| w.root.child_element_count() == 0).await;
    a.type_query("1.001193").await;
    a.first_code_is(KHAI_SINH).await;
}
