use super::*;
use crate::catalog::{Lifecycle, RecordSource};

fn procedure(code: &str, name: &str, field: &str) -> Procedure {
    Procedure {
        code: code.into(),
        name: name.into(),
        field: Some(field.into()),
        source: RecordSource::PortalIndex,
        ..Procedure::default()
    }
}

fn catalog() -> Vec<Procedure> {
    vec![
        procedure("1.000894", "Thủ tục đăng ký kết hôn", "Hộ tịch"),
        procedure("1.001193", "Thủ tục đăng ký khai sinh", "Hộ tịch"),
        procedure("1.004884", "Thủ tục đăng ký lại khai sinh", "Hộ tịch"),
        procedure("2.000528", "Thủ tục đăng ký khai sinh có yếu tố nước ngoài", "Hộ tịch"),
        procedure("1.000080", "Thủ tục đăng ký kết hôn có yếu tố nước ngoài", "Hộ tịch"),
        procedure("1.004194", "Đăng ký tạm trú", "Đăng ký, quản lý cư trú"),
        procedure("1.004222", "Đăng ký thường trú", "Đăng ký, quản lý cư trú"),
        procedure("1.004873", "Thủ tục cấp Giấy xác nhận tình trạng hôn nhân", "Hộ tịch"),
        procedure("1.013978", "Đăng ký đất đai, cấp Giấy chứng nhận quyền sử dụng đất lần đầu", "Đất đai"),
        procedure("9.000001", "Kết quả đăng ký hôn nhân", "Khác"),
        procedure("1.000656", "Thủ tục đăng ký khai tử", "Hộ tịch"),
    ]
}

fn codes(index: &Index, procedures: &[Procedure], query: &str) -> Vec<String> {
    index.search(query, 10).iter().map(|h| procedures[h.doc].code.clone()).collect()
}

fn first(query: &str) -> String {
    let p = catalog();
    codes(&Index::new(&p), &p, query).first().cloned().unwrap_or_default()
}

#[test]
fn unaccented_and_shouted_queries_find_accented_names() {
    assert_eq!(first("dang ky ket hon"), "1.000894");
    assert_eq!(first("khai sinh"), "1.001193");
    assert_eq!(first("ĐĂNG KÍ KẾT HÔN"), "1.000894");
    // Decomposed input (combining marks) is the same query.
    assert_eq!(first("\u{110}a\u{306}ng ky\u{301} ke\u{302}\u{301}t ho\u{302}n"), "1.000894");
}

#[test]
fn the_last_word_is_a_prefix_while_typing() {
    assert_eq!(first("ket ho"), "1.000894");
    assert_eq!(first("thuong tr"), "1.004222");
    assert_eq!(first("dang ky khai s"), "1.001193");
}

#[test]
fn slips_are_forgiven_by_word_length() {
    assert_eq!(first("dang ky khai sihn"), "1.001193", "swapped letters");
    assert_eq!(first("dang ky thuongg tru"), "1.004222", "a letter too many");
    assert_eq!(first("dang ky ket hn"), "1.000894", "the last word is short but a prefix of nothing: hn");
}

#[test]
fn regional_spellings_are_found_but_never_beat_the_exact_word() {
    // tr/ch: "tạm chú" is "tạm trú".
    assert_eq!(first("dang ky tam chu"), "1.004194");
    // s/x: "sác nhận" is "xác nhận".
    assert_eq!(first("sac nhan tinh trang hon nhan"), "1.004873");
    let p = vec![
        procedure("1", "Đăng ký tạm trú", "Cư trú"),
        procedure("2", "Đăng ký tạm chú", "Khác"), // a (made-up) name with the exact word
    ];
    assert_eq!(codes(&Index::new(&p), &p, "tam chu")[0], "2");
}

#[test]
fn everyday_words_and_abbreviations_find_official_names() {
    assert_eq!(first("so do"), "1.013978");
    assert_eq!(first("nhap ho khau"), "1.004222");
    assert_eq!(first("xac nhan doc than"), "1.004873");
    assert_eq!(first("giay chung tu"), "1.000656");
    assert_eq!(first("con toi moi sinh"), "1.001193");
    assert_eq!(first("tôi muốn làm thủ tục đăng ký kết hôn"), "1.000894");
}

#[test]
fn whole_phrase_beats_all_words_beats_some_words() {
    let p = catalog();
    let index = Index::new(&p);
    // 9.000001 has all of "dang", "ky", "ket", "hon" but not together.
    let ranked = codes(&index, &p, "dang ky ket hon");
    let pos = |c: &str| ranked.iter().position(|x| x == c).unwrap();
    assert!(pos("1.000080") < pos("9.000001"), "{ranked:?}");
    // 1.004873 says "hôn" of it ("… tình trạng hôn nhân").
    assert!(pos("9.000001") < pos("1.004873"), "{ranked:?}");
}

#[test]
fn rare_words_weigh_more_than_common_ones() {
    // "ngoai" is in two names, "dang" and "ky" in nearly all: the query's point is "nuoc ngoai".
    let ranked = codes(&Index::new(&catalog()), &catalog(), "dang ky nuoc ngoai");
    assert!(["2.000528", "1.000080"].contains(&ranked[0].as_str()), "{ranked:?}");
}

#[test]
fn staff_names_and_keywords_come_first_and_repealed_procedures_last() {
    let mut p = catalog();
    p[1].friendly_name = Some("Làm giấy khai sinh cho con".into());
    p[1].keywords = vec!["đẻ con".into()];
    let index = Index::new(&p);
    assert_eq!(codes(&index, &p, "de con")[0], "1.001193");
    assert_eq!(codes(&index, &p, "lam giay khai sinh")[0], "1.001193");
    p[1].lifecycle = Lifecycle { status: Status::Repealed, ..Lifecycle::default() };
    let index = Index::new(&p);
    let ranked = codes(&index, &p, "dang ky khai sinh");
    assert_ne!(ranked[0], "1.001193", "{ranked:?}");
    assert!(ranked.contains(&"1.001193".to_string()), "still found");
}

#[test]
fn life_event_names_find_their_procedures() {
    let catalog = Catalog {
        procedures: catalog(),
        life_events: vec![crate::catalog::LifeEvent {
            id: "nguoi-than-qua-doi".into(),
            name: "Người thân qua đời".into(),
            portal_group: Some(759),
            procedures: vec!["1.000656".into()],
        }],
        ..Catalog::default()
    };
    let index = Index::from_catalog(&catalog);
    let hits = index.search("nguoi than qua doi", 3);
    assert_eq!(catalog.procedures[hits[0].doc].code, "1.000656");
}

#[test]
fn codes_are_found_with_or_without_the_dot() {
    let p = catalog();
    let index = Index::new(&p);
    assert_eq!(codes(&index, &p, "1.001193"), vec!["1.001193"]);
    assert_eq!(codes(&index, &p, "1001193"), vec!["1.001193"]);
    assert_eq!(codes(&index, &p, "1.0011"), vec!["1.001193"]);
}

#[test]
fn ties_are_broken_by_catalog_order() {
    let p =
        vec![procedure("2", "Chứng thực di chúc", "Chứng thực"), procedure("1", "Chứng thực di chúc", "Chứng thực")];
    assert_eq!(codes(&Index::new(&p), &p, "chung thuc di chuc"), ["2", "1"]);
}

#[test]
fn nothing_matches_nothing_and_suggests_a_spelling() {
    let p = catalog();
    let index = Index::new(&p);
    assert!(index.search("", 10).is_empty());
    assert!(index.search("   ", 10).is_empty());
    assert!(index.search("xyzw", 10).is_empty());
    assert_eq!(index.did_you_mean("khai sihn").as_deref(), Some("khai sinh"));
    assert_eq!(index.did_you_mean("khai sinh"), None);
}

#[test]
fn matched_terms_include_what_the_query_stands_for() {
    let p = catalog();
    let index = Index::new(&p);
    let terms = index.terms_of("so do");
    assert!(terms.contains(&"chung".to_string()) && terms.contains(&"dat".to_string()), "{terms:?}");
    // Words in the catalog are marked as typed, not with their near spellings.
    let terms = index.terms_of("dang ky khai sinh");
    assert!(terms.contains(&"sinh".to_string()) && !terms.contains(&"tinh".to_string()), "{terms:?}");
    assert!(index.terms_of("khai sihn").contains(&"sinh".to_string()), "a slip is marked as the word meant");
}

#[test]
fn variants_come_after_the_main_procedure_unless_asked_for() {
    let p = vec![
        procedure("1.014064", "Cấp lại thẻ căn cước", "Căn cước"),
        procedure("1.014063", "Cấp đổi thẻ căn cước", "Căn cước"),
        procedure("1.014061", "Cấp thẻ căn cước cho người từ đủ 14 tuổi trở lên", "Căn cước"),
    ];
    let index = Index::new(&p);
    // The main procedure has the longer name, yet comes first when no variant is asked for.
    assert_eq!(codes(&index, &p, "the can cuoc")[0], "1.014061");
    assert_eq!(codes(&index, &p, "cap lai the can cuoc")[0], "1.014064");
    assert_eq!(codes(&index, &p, "doi the can cuoc")[0], "1.014063");
}

#[test]
fn special_cases_come_after_unless_asked_for() {
    let p = vec![
        procedure(
            "2.001263",
            "Đăng ký việc nuôi con nuôi của công dân Việt Nam thường trú ở trong nước",
            "Nuôi con nuôi",
        ),
        procedure("1.003976", "Đăng ký việc nuôi con nuôi có yếu tố nước ngoài", "Nuôi con nuôi"),
        // "nuôi" is a common word, not a slip of "nước".
        procedure("3.000001", "Cấp phép nuôi trồng thủy sản", "Thủy sản"),
    ];
    let index = Index::new(&p);
    // The foreign case says less besides the query, but only a query that says it wants it.
    assert_eq!(codes(&index, &p, "dang ky nuoi con nuoi")[0], "2.001263");
    assert_eq!(codes(&index, &p, "dang ky nuoi con nuoi nuoc ngoai")[0], "1.003976");
}

#[test]
fn procedures_only_organisations_file_come_after() {
    let mut p = vec![
        procedure("1.012753", "Cấp Giấy chứng nhận quyền sử dụng đất lần đầu", "Đất đai"),
        procedure("1.013978", "Đăng ký, cấp Giấy chứng nhận quyền sử dụng đất lần đầu", "Đất đai"),
    ];
    p[0].subjects = vec!["Doanh nghiệp".into(), "Tổ chức (không bao gồm doanh nghiệp, HTX)".into()];
    p[1].subjects = vec!["Công dân Việt Nam".into(), "Doanh nghiệp".into()];
    let index = Index::new(&p);
    assert_eq!(codes(&index, &p, "cap giay chung nhan quyen su dung dat lan dau")[0], "1.013978");
    assert_eq!(p[0].for_people(), Some(false));
    assert_eq!(p[1].for_people(), Some(true));
}

#[test]
fn the_tables_words_stand_for_themselves_not_for_near_spellings() {
    let p = vec![
        procedure("1", "Cấp giấy chứng nhận quyền sử dụng đất", "Đất đai"),
        procedure("2", "Cấp giấy phép vận chuyển vật liệu nổ", "Khác"),
    ];
    let index = Index::new(&p);
    let words = |source| -> Vec<&str> {
        let term = index.term("dat", source);
        term.alternatives.iter().map(|(id, _)| index.words[*id as usize].as_str()).collect()
    };
    // "đất" from "sổ đỏ" in the table is spelled right; typed, it may be a regional "vật".
    assert_eq!(words(Source::Table), ["dat"]);
    assert_eq!(words(Source::Typed), ["dat", "vat"]);
    assert_eq!(words(Source::Typing), ["dat", "vat"]);
}

#[test]
fn a_procedure_that_says_little_of_the_query_does_not_match_it() {
    let p = vec![
        procedure("1", "Cấp giấy phép xây dựng nhà ở riêng lẻ", "Xây dựng"),
        procedure("2", "Đăng ký tạm trú", "Cư trú"),
        procedure("3", "Cấp giấy phép lái xe", "Đường bộ"),
        procedure("4", "Cấp phiếu lý lịch tư pháp", "Tư pháp"),
    ];
    let index = Index::new(&p);
    let found = codes(&index, &p, "xin phép xây nhà ở riêng");
    // "Cấp giấy phép lái xe" shares "phép" alone: a small part of what the query says.
    assert_eq!(found, ["1"]);
}
