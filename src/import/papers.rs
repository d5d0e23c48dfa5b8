//! Telling papers from notes in the portal's papers lists (data traps 3 and 4): group headings
//! are free text, and rows with no original and no copy are mostly rules or sub-headings.

use crate::catalog::{PaperGroup, PaperKind};
use crate::fold;

/// Sets the kind of every paper. A group's heading gives the kind of its rows; a group without
/// a heading continues a papers group before it, but not a notes group (row order is scrambled,
/// data trap 5: the form often follows the notes). A row with an original or a copy to bring is
/// never a note; a row with neither is a note when it reads as a rule, condition or sub-heading.
pub fn classify(groups: &mut [PaperGroup]) {
    let mut current = PaperKind::Submit;
    for group in groups {
        current = match group.heading.as_deref().and_then(heading_kind) {
            Some(kind) => kind,
            None if group.heading.is_none() && current == PaperKind::Note => PaperKind::Submit,
            None => current,
        };
        for paper in &mut group.papers {
            let counted = paper.original > 0 || paper.copy > 0;
            paper.kind = match current {
                _ if !counted && reads_as_note(&paper.name) => PaperKind::Note,
                PaperKind::Note if counted => PaperKind::Submit,
                kind => kind,
            };
        }
    }
}

/// The kind a heading announces, when it announces one; a case name ("Trường hợp …") does not.
fn heading_kind(heading: &str) -> Option<PaperKind> {
    let h = fold::fold(heading);
    if h.contains("luu i") || h.starts_with("so luong ho so") || h.starts_with("ghi chu") {
        Some(PaperKind::Note)
    } else if h.contains("xuat trinh") && !h.contains("nop") {
        Some(PaperKind::Show)
    } else if h.contains("phai nop") || h.contains("giai to nop") || h.starts_with("thanh phan ho so") {
        Some(PaperKind::Submit)
    } else {
        None
    }
}

/// Words that open a rule or a condition rather than name a document.
const NOTE_OPENERS: &[&str] = &[
    "truong hop",
    "trong truong hop",
    "doi voi",
    "neu",
    "luu i",
    "ghi chu",
    "nguoi",
    "ca nhan",
    "co quan",
    "khi",
    "viec",
    "cac",
    "so luong",
    "so bo",
    "ban chup",
    "moi",
    "tat ca",
    "khong",
    "mien",
    "tai lieu quy dinh tai",
    "chua co qui dinh",
    // Explanations of forms the system makes, not papers to bring.
    "phieu nai la",
    "phieu duoc tao lap",
];

/// The folded text without a leading list number: "a)", "2.", "(6)", "iii.", "6.3.1.6.".
fn without_enumerator(folded: &str) -> &str {
    let mut rest = folded;
    for _ in 0..4 {
        let Some((first, tail)) = rest.split_once(' ') else { break };
        let numeral = first.chars().all(|c| c.is_ascii_digit())
            || first.len() == 1
            || ["ii", "iii", "iv", "vi", "vii", "viii", "ix"].contains(&first);
        // "02 ảnh 3x4" is a count, not a list number: keep numbers followed by a noun alone.
        if !numeral || (first.len() > 1 && first.starts_with('0')) {
            break;
        }
        rest = tail;
    }
    rest
}

/// True for a row that is a rule, a condition or a sub-heading, not a document.
fn reads_as_note(name: &str) -> bool {
    let trimmed = name.trim();
    if trimmed.starts_with('+') || trimmed.ends_with(':') {
        return true;
    }
    let folded = fold::fold(trimmed);
    let f = without_enumerator(&folded);
    let starts_with_word = |opener: &&str| f == *opener || f.starts_with(&format!("{opener} "));
    NOTE_OPENERS.iter().any(starts_with_word) || f.contains(" phai ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::Paper;

    fn paper(name: &str, original: u16, copy: u16) -> Paper {
        Paper { name: name.into(), original, copy, ..Paper::default() }
    }

    fn group(heading: Option<&str>, papers: Vec<Paper>) -> PaperGroup {
        PaperGroup { heading: heading.map(str::to_owned), papers }
    }

    fn kinds(groups: &[PaperGroup]) -> Vec<PaperKind> {
        groups.iter().flat_map(|g| g.papers.iter().map(|p| p.kind)).collect()
    }

    #[test]
    fn headings_set_the_kind_and_continuations_keep_it() {
        let mut groups = vec![
            group(Some("* Giấy tờ phải nộp:"), vec![paper("- Tờ khai đăng ký khai sinh", 1, 0)]),
            group(None, vec![paper("- Giấy chứng sinh", 1, 0)]),
            group(Some("* Giấy tờ phải xuất trình:"), vec![paper("- Hộ chiếu/Thẻ căn cước", 1, 0)]),
            group(Some("* Lưu ý :"), vec![paper("- Giấy tờ nước ngoài phải hợp pháp hóa lãnh sự", 0, 0)]),
            // After notes, a group without heading is papers again (1.001193's form comes here).
            group(None, vec![paper("- Tờ khai đăng ký khai sinh theo mẫu", 1, 0)]),
        ];
        classify(&mut groups);
        use PaperKind::*;
        assert_eq!(kinds(&groups), vec![Submit, Submit, Show, Note, Submit]);
    }

    #[test]
    fn rules_without_counts_are_notes_but_documents_without_counts_stay_papers() {
        let mut groups = vec![group(
            Some("Trường hợp đăng ký cho trẻ em bị bỏ rơi"),
            vec![
                paper("Trường hợp giấy tờ tùy thân sử dụng là: Hộ chiếu, Thẻ căn cước…", 0, 0),
                paper("+ Đối với giấy tờ xuất trình khi đăng ký hộ tịch, người tiếp nhận…", 0, 0),
                paper("- Người có yêu cầu thực hiện việc nộp/xuất trình…", 0, 0),
                paper("- Chứng cứ chứng minh quan hệ cha, con gồm:", 0, 0),
                paper("- Bản sao hợp đồng, đơn đặt hàng hoặc hoá đơn mua bán tiền chất thuốc nổ", 0, 0),
                paper("Danh sách đối tượng cấp lại giấy chứng nhận huấn luyện", 0, 0),
                paper("a) Các tài liệu quy định tại các điểm c, d của Mục 1.3.1.1 là bản sao", 0, 0),
                paper("2. Số lượng hồ sơ: 01 (bộ)", 0, 0),
                paper("02 ảnh (3×4 cm) của người trong danh sách", 0, 0),
                paper("Chưa có quy định cụ thể.", 0, 0),
                paper("Phiếu được tạo lập khi trích xuất thông tin … để người đó kiểm tra và ký xác nhận.", 0, 0),
                paper("- Trường hợp trẻ em bị bỏ rơi thì phải có biên bản", 1, 0),
            ],
        )];
        classify(&mut groups);
        use PaperKind::*;
        assert_eq!(
            kinds(&groups),
            vec![Note, Note, Note, Note, Submit, Submit, Note, Note, Submit, Note, Note, Submit]
        );
    }
}
