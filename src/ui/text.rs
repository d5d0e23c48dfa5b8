//! Every word the widget shows, in one table per language. Only Vietnamese for now;
//! an English table is another `const` of the same type.

use crate::catalog::{Channel, FeeKind, PaperKind};

/// The languages the widget speaks: Vietnamese first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Vi,
    En,
}

impl Lang {
    /// `vi` or `en` (as in `<mot-cua lang="en">`); anything else is Vietnamese.
    pub fn parse(code: &str) -> Lang {
        match code.trim().to_ascii_lowercase().as_str() {
            "en" | "en-us" | "en-gb" => Lang::En,
            _ => Lang::Vi,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Lang::Vi => "vi",
            Lang::En => "en",
        }
    }

    /// The words of the procedure page (see [`PageText`]).
    pub fn page_text(self) -> &'static PageText {
        match self {
            Lang::Vi => &VI_PAGE,
            Lang::En => &super::text_en::EN_PAGE,
        }
    }

    pub fn text(self) -> &'static Text {
        match self {
            Lang::Vi => &VI,
            Lang::En => &super::text_en::EN,
        }
    }

    /// The language the switch offers.
    pub fn other(self) -> Lang {
        match self {
            Lang::Vi => Lang::En,
            Lang::En => Lang::Vi,
        }
    }
}

/// The widget's words. Functions build the sentences that carry numbers or names.
pub struct Text {
    /// This language's own name, on the switch that offers it.
    pub language_name: &'static str,
    pub search_label: &'static str,
    pub search_placeholder: &'static str,
    pub search_hint: &'static str,
    pub suggestions_label: &'static str,
    /// Common commune procedures offered as one-tap searches before anything is typed.
    pub suggestions: &'static [&'static str],
    pub loading: &'static str,
    pub loaded: fn(usize) -> String,
    pub result_count: fn(usize) -> String,
    pub results_shown: fn(shown: usize, total: usize) -> String,
    pub results_label: &'static str,
    pub show_more: &'static str,
    pub no_results: fn(&str) -> String,
    pub no_results_help: &'static str,
    /// "Có phải bạn muốn tìm: <button>khai sinh</button>?": before and after the button.
    pub did_you_mean_before: &'static str,
    pub did_you_mean_after: &'static str,
    /// The same, said by the live region.
    pub did_you_mean_status: fn(&str) -> String,
    /// The filter row: its name, each filter's label, the "any" choice and the clear button.
    pub filters_label: &'static str,
    pub filter_field: &'static str,
    pub filter_level: &'static str,
    pub filter_online: &'static str,
    pub filter_life_event: &'static str,
    pub filter_any: &'static str,
    /// A choice with how many of the query's matches it keeps: "Hộ tịch (12)".
    pub filter_choice: fn(&str, usize) -> String,
    /// Commune, province, ministry.
    pub levels: [&'static str; 3],
    /// Entirely online, partly online.
    pub online_levels: [&'static str; 2],
    pub clear_filters: &'static str,
    /// What a filter keeps, after a count: "12 kết quả trong lĩnh vực Hộ tịch".
    pub within_field: fn(&str) -> String,
    pub within_levels: [&'static str; 3],
    pub within_online: [&'static str; 2],
    pub within_life_event: fn(&str) -> String,
    /// The count of filtered results, with what the filters keep (`within`).
    pub filtered_count: fn(total: usize, shown: usize, within: &str) -> String,
    pub no_filtered_results: fn(within: &str) -> String,
    pub no_filtered_help: &'static str,
    pub portal_search: &'static str,
    pub code: &'static str,
    pub field: &'static str,
    /// Marks a repealed procedure in lists.
    pub repealed_badge: &'static str,
    /// Home view: the commune's featured procedures, and situations of life.
    pub featured_heading: &'static str,
    pub life_events_heading: &'static str,
    /// Home view: the procedures by field, each with how many it has.
    pub fields_heading: &'static str,
    pub field_count: fn(&str, usize) -> String,

    pub load_error: &'static str,
    pub load_error_help: &'static str,
    pub error_no_catalog: &'static str,
    pub error_network: &'static str,
    pub error_http: fn(u16) -> String,
    pub error_format: &'static str,
    pub error_overlay: &'static str,
    pub error_version: &'static str,
    pub error_detail: &'static str,
    pub retry: &'static str,
    /// While a procedure's full record is on its way (split catalogs).
    pub details_loading: &'static str,
    pub details_failed: &'static str,
    /// While the desk's part of the widget's code is on its way, and when it did not come.
    pub desk_loading: &'static str,
    pub desk_failed: &'static str,

    pub back: &'static str,
    pub new_tab: &'static str,
    pub reset_done: &'static str,
    pub source: fn(name: &str, date: Option<&str>) -> String,
    /// The catalog shown is the device's copy: the network failed. With the catalog's date.
    pub kept_copy: fn(date: Option<&str>) -> String,
    /// The catalog is older than the page allows: its date and its age in days.
    pub stale: fn(date: &str, days: i64) -> String,
    /// Records of the catalog that could not be read.
    pub skipped: fn(usize) -> String,
}

/// The words of the procedure page, the desk's pane and what is printed: only the parts of the code
/// fetched when first needed use them ([`Lang::page_text`]), so they come with those parts. The
/// first screen's words are there too, through `Deref`.
pub struct PageText {
    /// The first screen's words.
    pub base: &'static Text,
    /// Label of the official name, shown below the commune's friendly name.
    pub official_name: &'static str,
    /// Repealed: since the given day (DD/MM/YYYY), when known.
    pub repealed_since: fn(Option<&str>) -> String,
    /// Repealed by a decision that takes effect on the given day, still ahead.
    pub repealed_from: fn(&str) -> String,
    pub replaced_by: &'static str,
    pub start_online: &'static str,
    pub start_lienthong: &'static str,
    pub portal_detail: &'static str,
    pub not_online: &'static str,
    pub online_full: &'static str,
    pub online_partial: &'static str,
    pub no_details: &'static str,
    pub time_heading: &'static str,
    /// When the result is expected if the papers are handed in now: (weekday, date, approximate).
    pub expected_result: fn(weekday: &str, date: &str, approximate: bool) -> String,
    /// Monday first.
    pub weekdays: [&'static str; 7],
    /// In person, online, by post.
    pub channels: [&'static str; 3],
    pub time_not_stated: &'static str,
    /// The channel label when a time or fee is the same for every channel.
    pub all_channels: &'static str,
    /// Within the day, with the hour after which the result comes the next working day.
    pub within_day_cutoff: fn(&str) -> String,
    pub cases_legend: &'static str,
    pub fee_heading: &'static str,
    pub fee_not_stated: &'static str,
    /// A channel the record gives no fee for, while others have one.
    pub fee_channel_not_stated: &'static str,
    /// After an amount of 0: free, or free only online.
    pub fee_zero: &'static str,
    pub fee_zero_online: &'static str,
    /// Said first when filing online costs nothing and other channels cost something.
    pub fee_online_free: &'static str,
    pub fee_amount_not_stated: &'static str,
    pub fee_set_by_province: &'static str,
    /// Where to learn an amount the catalog does not give.
    pub fee_ask: &'static str,
    pub fee_exemptions: &'static str,
    pub fee_source: &'static str,
    /// When a document is in force: from, to (DD/MM/YYYY), either may be unknown.
    pub in_force: fn(from: Option<&str>, to: Option<&str>) -> Option<String>,
    /// Lệ phí (charge), phí (fee), unknown kind.
    pub fee_kinds: [&'static str; 3],
    pub currency_vnd: &'static str,
    pub papers_heading: &'static str,
    pub papers_not_stated: &'static str,
    /// The checklist: how to use it, what is missing, when nothing is, and the button that
    /// clears the ticks.
    pub checklist_hint: &'static str,
    pub checklist_missing: fn(usize) -> String,
    pub checklist_complete: &'static str,
    pub checklist_clear: &'static str,
    /// Before going to the portal: what the citizen needs, honestly.
    pub start_heading: &'static str,
    pub before_start_heading: &'static str,
    pub before_start: &'static [&'static str],
    /// Taking the procedure along: the QR code, the link and its copy button.
    pub share_heading: &'static str,
    pub qr_label: &'static str,
    pub share_link_label: &'static str,
    pub copy_link: &'static str,
    pub link_copied: &'static str,
    pub link_selected: &'static str,
    /// The printed checklist: its button, the word for a missing paper, "printed on".
    pub print_checklist: &'static str,
    pub print_missing: &'static str,
    pub printed_on: &'static str,
    /// The desk's guidance slip (phiếu hướng dẫn): its title, date, QR captions, officer's line.
    pub slip_title: &'static str,
    pub slip_date: &'static str,
    pub slip_qr_submit: &'static str,
    pub slip_qr_search: &'static str,
    pub slip_abridged: &'static str,
    pub slip_officer: &'static str,
    pub slip_signature: &'static str,
    /// Desk mode: the slip being made, and what staff do with it.
    pub slip_heading: &'static str,
    pub slip_empty: &'static str,
    pub slip_add: &'static str,
    pub slip_add_journey: &'static str,
    pub slip_remove: &'static str,
    pub slip_size: &'static str,
    pub print_slip: &'static str,
    pub next_citizen: &'static str,
    pub staff_note: &'static str,
    pub desk_pick: &'static str,
    /// The keyboard shortcuts, as (key, what it does).
    pub desk_keys: &'static [(&'static str, &'static str)],
    pub desk_keys_heading: &'static str,
    pub originals: fn(u16) -> String,
    pub copies: fn(u16) -> String,
    pub forms: &'static str,
    /// Marks a paper that is only shown for checking, not handed in.
    pub show_only: &'static str,
    pub papers_submit: &'static str,
    pub papers_show: &'static str,
    /// Summary of the collapsed notes of the papers list, with their number.
    pub paper_notes: fn(usize) -> String,
    pub where_heading: &'static str,
    pub desk_address: &'static str,
    pub desk_hours: &'static str,
    pub desk_phone: &'static str,
    pub results_heading: &'static str,
    pub steps_heading: &'static str,
    pub conditions_heading: &'static str,
    pub legal_heading: &'static str,
    pub journey_heading: &'static str,
    /// Before the interlinked procedure that files a journey at once.
    pub journey_interlinked: &'static str,
    /// On the interlinked procedure itself: before the procedures it files.
    pub journey_parts: &'static str,
}

impl std::ops::Deref for PageText {
    type Target = Text;
    fn deref(&self) -> &Text {
        self.base
    }
}

impl PageText {
    pub fn channel(&self, channel: Channel) -> &'static str {
        match channel {
            Channel::InPerson => self.channels[0],
            Channel::Online => self.channels[1],
            Channel::Post => self.channels[2],
        }
    }

    pub fn fee_kind(&self, kind: FeeKind) -> &'static str {
        match kind {
            FeeKind::Charge => self.fee_kinds[0],
            FeeKind::Fee => self.fee_kinds[1],
            FeeKind::Unknown => self.fee_kinds[2],
        }
    }

    /// The heading of a list of papers of `kind` (notes have their own fold).
    pub fn paper_kind_heading(&self, kind: PaperKind) -> &'static str {
        match kind {
            PaperKind::Show => self.papers_show,
            PaperKind::Submit | PaperKind::Note => self.papers_submit,
        }
    }
}

/// Vietnamese.
pub const VI: Text = Text {
    language_name: "Tiếng Việt",
    search_label: "Tìm thủ tục hành chính",
    search_placeholder: "Ví dụ: khai sinh",
    search_hint: "Gõ tên thủ tục (có dấu hoặc không dấu) hoặc mã thủ tục. Dùng phím mũi tên để chọn, Enter để xem.",
    suggestions_label: "Tìm nhanh:",
    suggestions: &["Khai sinh", "Kết hôn", "Khai tử", "Thường trú", "Tình trạng hôn nhân", "Chứng thực", "Hộ nghèo"],
    loading: "Đang tải danh mục thủ tục…",
    loaded: |n| format!("Đã tải {n} thủ tục. Gõ để tìm."),
    result_count: |n| format!("{n} kết quả"),
    results_shown: |shown, total| format!("{total} kết quả, đang hiện {shown}"),
    results_label: "Kết quả tìm kiếm",
    show_more: "Xem thêm kết quả",
    no_results: |q| format!("Không tìm thấy thủ tục nào khớp với “{q}”."),
    no_results_help: "Hãy thử từ khóa ngắn hơn, hoặc tìm trên Cổng Dịch vụ công quốc gia:",
    did_you_mean_before: "Có phải bạn muốn tìm:",
    did_you_mean_after: "?",
    did_you_mean_status: |q| format!("Có phải bạn muốn tìm: {q}?"),
    filters_label: "Lọc kết quả",
    filter_field: "Lĩnh vực",
    filter_level: "Cấp thực hiện",
    filter_online: "Nộp trực tuyến",
    filter_life_event: "Tình huống",
    filter_any: "Tất cả",
    filter_choice: |name, n| format!("{name} ({n})"),
    levels: ["Cấp xã", "Cấp tỉnh", "Cấp bộ"],
    online_levels: ["Toàn trình", "Một phần"],
    clear_filters: "Bỏ lọc",
    within_field: |f| format!("trong lĩnh vực {f}"),
    within_levels: ["ở cấp xã", "ở cấp tỉnh", "ở cấp bộ"],
    within_online: ["nộp trực tuyến toàn trình", "nộp trực tuyến một phần"],
    within_life_event: |e| format!("thuộc tình huống “{e}”"),
    filtered_count: |total, shown, within| {
        if shown < total {
            format!("{total} kết quả {within}, đang hiện {shown}")
        } else {
            format!("{total} kết quả {within}")
        }
    },
    no_filtered_results: |within| format!("Không có kết quả {within}."),
    no_filtered_help: "Không có thủ tục nào khớp với mọi bộ lọc đã chọn. Hãy bỏ bớt bộ lọc.",
    portal_search: "Tìm trên Cổng Dịch vụ công quốc gia",
    code: "Mã thủ tục",
    field: "Lĩnh vực",
    repealed_badge: "Đã bãi bỏ",
    featured_heading: "Thủ tục thường dùng",
    life_events_heading: "Tình huống của bạn",
    fields_heading: "Theo lĩnh vực",
    field_count: |field, n| format!("{field} ({n})"),

    load_error: "Không tải được dữ liệu thủ tục hành chính.",
    load_error_help: "Vui lòng thử lại sau ít phút, hoặc tra cứu trực tiếp trên Cổng Dịch vụ công quốc gia.",
    error_no_catalog: "Trang web chưa khai báo địa chỉ tệp dữ liệu (thuộc tính catalog).",
    error_network: "Không kết nối được tới máy chủ chứa dữ liệu.",
    error_http: |status| format!("Máy chủ chứa dữ liệu trả lời lỗi {status}."),
    error_format: "Tệp dữ liệu không đúng định dạng.",
    error_overlay: "Không đọc được phần dữ liệu riêng của xã (tệp bổ sung).",
    error_version: "Tệp dữ liệu mới hơn phiên bản công cụ tra cứu này; cần cập nhật công cụ.",
    error_detail: "Chi tiết cho quản trị viên",
    retry: "Thử lại",
    details_loading: "Đang tải giấy tờ, lệ phí và thời hạn của thủ tục…",
    details_failed: "Không tải được giấy tờ, lệ phí và thời hạn của thủ tục này. Kiểm tra kết nối mạng rồi thử lại, hoặc xem thủ tục trên Cổng Dịch vụ công.",
    desk_loading: "Đang tải công cụ cho bộ phận một cửa…",
    desk_failed: "Không tải được công cụ cho bộ phận một cửa. Kiểm tra kết nối mạng rồi thử lại.",

    back: "Quay lại",
    new_tab: "(mở trong thẻ mới)",
    reset_done: "Đã làm mới cho người tiếp theo.",
    source: |name, date| match date {
        Some(d) => format!("Nguồn: {name}, cập nhật ngày {d}."),
        None => format!("Nguồn: {name}."),
    },
    kept_copy: |date| match date {
        Some(d) => format!("Không tải được dữ liệu mới: đang dùng bản đã lưu trên máy này, dữ liệu ngày {d}. Thông tin có thể đã thay đổi."),
        None => "Không tải được dữ liệu mới: đang dùng bản đã lưu trên máy này. Thông tin có thể đã thay đổi.".to_string(),
    },
    stale: |date, days| format!("Dữ liệu này cập nhật ngày {date}, cách đây {days} ngày: thủ tục, giấy tờ và lệ phí có thể đã thay đổi. Hãy kiểm tra lại trên Cổng Dịch vụ công quốc gia hoặc hỏi Bộ phận một cửa."),
    skipped: |n| format!("{n} thủ tục trong dữ liệu bị lỗi nên không hiển thị ở đây. Nếu không thấy thủ tục cần tìm, hãy tra cứu trên Cổng Dịch vụ công quốc gia."),
};

/// Vietnamese, on the procedure page.
pub static VI_PAGE: PageText = PageText {
    base: &VI,
    official_name: "Tên chính thức:",
    repealed_since: |date| match date {
        Some(d) => format!("Thủ tục này đã bãi bỏ từ {d}."),
        None => "Thủ tục này đã bãi bỏ.".to_string(),
    },
    repealed_from: |d| format!("Thủ tục này sẽ bãi bỏ từ {d}."),
    replaced_by: "Thay bằng:",
    start_online: "Nộp hồ sơ trực tuyến",
    start_lienthong: "Nộp hồ sơ liên thông",
    portal_detail: "Xem trên Cổng DVC quốc gia",
    not_online: "Thủ tục này không nộp trực tuyến được; hãy nộp trực tiếp hoặc qua bưu chính.",
    online_full: "Có thể làm toàn bộ thủ tục trực tuyến.",
    online_partial: "Có thể nộp hồ sơ trực tuyến; một số bước làm tại bộ phận một cửa.",
    no_details: "Danh mục mới có tên của thủ tục này. Giấy tờ, thời hạn và phí: xem trên Cổng Dịch vụ công quốc gia hoặc hỏi bộ phận một cửa.",
    time_heading: "Thời hạn giải quyết",
    expected_result: |weekday, date, approximate| match approximate {
        false => format!("Nộp hôm nay: dự kiến có kết quả {weekday}, {date}"),
        true => format!("Nộp hôm nay: dự kiến có kết quả khoảng {weekday}, {date}"),
    },
    weekdays: ["thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy", "Chủ nhật"],
    channels: ["Trực tiếp", "Trực tuyến", "Bưu chính"],
    time_not_stated: "Chưa ghi",
    all_channels: "Mọi hình thức",
    within_day_cutoff: |cutoff| format!("Trong ngày (hồ sơ nhận sau {cutoff} trả kết quả ngày làm việc tiếp theo)"),
    cases_legend: "Trường hợp của bạn",
    fee_heading: "Phí, lệ phí",
    fee_not_stated: "Dữ liệu chưa ghi phí, lệ phí của thủ tục này. Vui lòng hỏi bộ phận một cửa hoặc xem trên Cổng Dịch vụ công quốc gia.",
    fee_channel_not_stated: "Dữ liệu chưa ghi phí, lệ phí cho hình thức này; hỏi bộ phận một cửa hoặc xem trên Cổng DVC quốc gia.",
    fee_zero: "(miễn phí)",
    fee_zero_online: "khi nộp trực tuyến",
    fee_online_free: "Nộp hồ sơ trực tuyến: 0\u{a0}đồng.",
    fee_amount_not_stated: "Dữ liệu chưa ghi mức thu",
    fee_set_by_province: "Mức thu do Hội đồng nhân dân tỉnh quy định",
    fee_ask: "hỏi bộ phận một cửa hoặc xem trên Cổng DVC quốc gia",
    fee_exemptions: "Miễn cho:",
    fee_source: "Căn cứ:",
    in_force: |from, to| match (from, to) {
        (Some(from), Some(to)) => Some(format!("hiệu lực từ {from} đến {to}")),
        (Some(from), None) => Some(format!("hiệu lực từ {from}")),
        (None, Some(to)) => Some(format!("hiệu lực đến {to}")),
        (None, None) => None,
    },
    fee_kinds: ["Lệ phí", "Phí", "Phí, lệ phí"],
    currency_vnd: "đồng",
    papers_heading: "Hồ sơ cần chuẩn bị",
    papers_not_stated: "Dữ liệu chưa ghi thành phần hồ sơ. Vui lòng xem trên Cổng Dịch vụ công quốc gia hoặc hỏi bộ phận một cửa.",
    checklist_hint: "Đánh dấu những giấy tờ bạn đã có. Dấu chỉ lưu trên thiết bị này.",
    checklist_missing: |n| format!("Bạn còn thiếu {n} giấy tờ:"),
    checklist_complete: "Bạn đã có đủ các giấy tờ trên.",
    checklist_clear: "Xoá đánh dấu",
    start_heading: "Nộp hồ sơ",
    before_start_heading: "Trước khi nộp trực tuyến",
    before_start: &[
        "Bạn cần tài khoản định danh điện tử VNeID mức độ 2.",
        "Chụp ảnh hoặc quét sẵn các giấy tờ ở danh sách trên.",
        "Cổng Dịch vụ công quốc gia sẽ yêu cầu bạn đăng nhập bằng VNeID.",
        "Nếu không đăng nhập được, hãy mang giấy tờ đến bộ phận một cửa: cán bộ sẽ giúp bạn nộp.",
        "Trang này không bao giờ hỏi thông tin cá nhân của bạn.",
    ],
    share_heading: "Mở trang này trên điện thoại",
    qr_label: "Mã QR mở trang thủ tục này",
    share_link_label: "Liên kết đến trang này",
    copy_link: "Sao chép liên kết",
    link_copied: "Đã sao chép liên kết.",
    link_selected: "Đã chọn liên kết: hãy sao chép (nhấn giữ hoặc Ctrl+C).",
    print_checklist: "In danh sách giấy tờ",
    print_missing: "còn thiếu",
    printed_on: "In ngày",
    slip_title: "Phiếu hướng dẫn thực hiện thủ tục hành chính",
    slip_date: "Ngày",
    slip_qr_submit: "Quét mã để nộp hồ sơ trực tuyến trên Cổng Dịch vụ công quốc gia:",
    slip_qr_search: "Quét mã để tìm thủ tục trên Cổng Dịch vụ công quốc gia:",
    slip_abridged: "Giấy tờ ghi dài được rút gọn (…); nội dung đầy đủ ở trang thủ tục trên Cổng Dịch vụ công quốc gia.",
    slip_officer: "Cán bộ hướng dẫn",
    slip_signature: "(Ký, ghi rõ họ tên)",
    slip_heading: "Phiếu hướng dẫn",
    slip_empty: "Phiếu sẽ in thủ tục đang mở. Thêm thủ tục để in nhiều thủ tục trên một phiếu.",
    slip_add: "Thêm vào phiếu",
    slip_add_journey: "Thêm cả nhóm vào phiếu",
    slip_remove: "Bỏ khỏi phiếu",
    slip_size: "Khổ giấy",
    print_slip: "In phiếu hướng dẫn",
    next_citizen: "Người tiếp theo (xoá hết)",
    staff_note: "Ghi chú cho cán bộ",
    desk_pick: "Chọn một thủ tục trong danh sách để xem hướng dẫn.",
    desk_keys_heading: "Phím tắt",
    desk_keys: &[
        ("/", "tìm kiếm"),
        ("↑ ↓", "chọn trong danh sách"),
        ("Enter", "mở thủ tục"),
        ("p", "in phiếu hướng dẫn"),
        ("Esc", "quay lại"),
    ],
    originals: |n| format!("{n} bản chính"),
    copies: |n| format!("{n} bản sao"),
    forms: "Mẫu:",
    show_only: "Chỉ xuất trình, không nộp",
    papers_submit: "Giấy tờ phải nộp",
    papers_show: "Giấy tờ phải xuất trình",
    paper_notes: |n| format!("Lưu ý về hồ sơ ({n})"),
    where_heading: "Nơi nộp hồ sơ",
    desk_address: "Địa chỉ",
    desk_hours: "Giờ làm việc",
    desk_phone: "Điện thoại",
    results_heading: "Kết quả nhận được",
    steps_heading: "Trình tự thực hiện",
    conditions_heading: "Yêu cầu, điều kiện",
    legal_heading: "Căn cứ pháp lý",
    journey_heading: "Thường làm cùng",
    journey_interlinked: "Làm một lần bằng hồ sơ liên thông:",
    journey_parts: "Hồ sơ liên thông này gồm:",
};
