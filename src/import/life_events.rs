//! Life-event groups (Có con nhỏ, Người thân qua đời…) and journeys, built by rules.
//!
//! The national portal groups procedures by situations of life (event groups 750–759, see
//! `DOMAIN.md`), but which procedure belongs to which group is not in the published data.
//! The groups here come from a small table: folded phrases looked for in the procedure's
//! name, whole fields (lĩnh vực) that belong as a whole, and phrases that keep a procedure out.
//! Precision comes first: a citizen who opens "Người thân qua đời" must not meet a procedure
//! for companies, schools or clinics, so a missed procedure is a smaller fault than a wrong one.
//!
//! Phrases are written as [`fold`] produces them: no tones, `đ` → `d`, `y` → `i`
//! ("giai phep" for "giấy phép", "tuien sinh" for "tuyển sinh"). A phrase matches whole words only.

use crate::catalog::{Journey, LifeEvent, Procedure, Status};
use crate::fold::fold;

/// One life-event group and the rules that fill it.
struct Rule {
    id: &'static str,
    name: &'static str,
    /// The national portal's event group.
    portal_group: u32,
    /// Folded fields (lĩnh vực) whose procedures belong, unless a phrase of `except` keeps them out.
    fields: &'static [&'static str],
    /// Folded phrases of the name that make a procedure belong.
    phrases: &'static [&'static str],
    /// Folded phrases of the name that keep a procedure out, whatever matched.
    except: &'static [&'static str],
}

const RULES: &[Rule] = &[
    Rule {
        id: "co-con-nho",
        name: "Có con nhỏ",
        portal_group: 750,
        fields: &[],
        // Birth registration, the interlinked birth + health-insurance procedures, maternity
        // benefits, adoption, the ID card for children, support for small children's schooling.
        phrases: &[
            "khai sinh",
            "tre em duoi 6 tuoi",
            "thai san",
            "nuoi con nuoi",
            "lam con nuoi",
            "can cuoc cho nguoi duoi 14 tuoi",
            "tre em mau giao",
            "tre em mam non",
            "tre em nha tre",
        ],
        except: &[
            // Re-registration and late registration for adults, copies of a birth certificate:
            // not about a small child.
            "dang ki lai",
            "cho nguoi da co ho so",
            "ban sao",
            // "Ghi vào sổ hộ tịch việc hộ tịch khác (khai sinh; giám hộ; …)": every kind of record at once.
            "viec ho tich khac",
            "cac viec ho tich",
            // Licences of foreign adoption agencies.
            "to chuc con nuoi",
            // Maternity benefit after a miscarriage; recovery leave after any illness.
            "sai thai",
            "om dau thai san",
        ],
    },
    Rule {
        id: "hoc-tap",
        name: "Học tập",
        portal_group: 751,
        fields: &[],
        // What a pupil, a student or a parent asks for; not the founding and licensing of schools.
        phrases: &[
            "hoc bong",
            "hoc phi",
            "chi phi hoc tap",
            "ho tro hoc tap",
            "chuien truong",
            "tiep nhan hoc sinh",
            "tuien sinh",
            "xet tuien",
            "tot nghiep trung hoc",
            "van bang",
            "bang tot nghiep",
            "ho tro an trua",
            "hoc sinh ban tru",
            "tre em nha tre ban tru",
            "chinh sach noi tru",
            "cu di hoc",
            "thoi gian hoc tap",
            "tam dung hoc",
            "du thi tot nghiep",
            "chung chi ung dung cong nghe thong tin",
            "tre em mau giao",
            "tre em mam non",
        ],
        except: &[
            "thanh lap",
            "giai the",
            "sap nhap",
            "chia tach",
            "cho phep",
            "tu van du hoc",
            // "Quy chế tuyển sinh" of a training institution.
            "qui che",
            // "Xét tuyển công chức / viên chức" is recruitment (Việc làm), not schooling.
            "vien chuc",
            "cong chuc",
            // Patents and trademarks ("văn bằng bảo hộ").
            "van bang bao ho",
        ],
    },
    Rule {
        id: "viec-lam",
        name: "Việc làm",
        portal_group: 752,
        fields: &[],
        // The worker's side: unemployment benefit, job support, work abroad, skills
        // certificates, civil-service recruitment, work accidents and occupational diseases.
        phrases: &[
            "that nghiep",
            "viec lam",
            "lam viec o nuoc ngoai",
            "lam viec ngoai tinh",
            "dao tao nghe cho nguoi lao dong",
            "xet tuien cong chuc",
            "xet tuien vien chuc",
            "thi tuien cong chuc",
            "thi tuien vien chuc",
            "ki nang nghe",
            "tien ve xe cho nguoi lao dong",
            "dang ki lao dong",
            "tai nan lao dong",
            "benh nghe nghiep",
            "tnld",
            "bnn",
            "hop dong lao dong truc tiep giao ket",
        ],
        except: &[
            // Work permits of foreigners, and everything on the employer's or agency's side.
            "nguoi lao dong nuoc ngoai",
            "doanh nghiep",
            "ki qui",
            "dich vu viec lam",
            "nguoi su dung lao dong",
            "hoat dong danh gia",
            "thua nhan lan nhau",
            "giao duc nghe nghiep",
            "muc dong",
            "hoat dong dich vu",
            "thong bao danh sach",
        ],
    },
    Rule {
        id: "cu-tru",
        name: "Cư trú và giấy tờ tùy thân",
        portal_group: 753,
        fields: &["dang ki quan li cu tru", "cap quan li can cuoc"],
        phrases: &[
            "dang ki thuong tru",
            "dang ki tam tru",
            "can cuoc",
            "ho chieu pho thong",
            "dinh danh dien tu",
            "chung minh nhan dan",
            "giai thong hanh",
        ],
        except: &[
            // Electronic identity of organisations, licences of identity-service companies,
            // permits for Lao citizens holding a border pass.
            "cho co quan to chuc",
            "kinh doanh dich vu",
            "cong dan lao",
        ],
    },
    Rule {
        id: "hon-nhan",
        name: "Hôn nhân và gia đình",
        portal_group: 754,
        fields: &[],
        phrases: &[
            "ket hon",
            "li hon",
            "tinh trang hon nhan",
            "giam ho",
            "nhan cha me con",
            "xac dinh cha me con",
            "nuoi con nuoi",
            "lam con nuoi",
        ],
        except: &["to chuc con nuoi", "thai san"],
    },
    Rule {
        id: "dat-dai-nha-o",
        name: "Điện lực, nhà ở, đất đai",
        portal_group: 755,
        fields: &["dat dai"],
        // Land certificates (sổ đỏ) and changes to them, houses and their permits, house
        // numbers, social housing, rooftop solar of a home.
        phrases: &["nha o", "so nha", "dien mat troi mai nha", "quien su dung dat"],
        except: &[
            // Organisations, investors and projects.
            "to chuc kinh te",
            "doi voi to chuc",
            "du an",
            "chu truong dau tu",
            "chu dau tu",
            "uu dai dau tu",
            "hui dong von",
            "khu kinh te",
            "khoang san",
            "cong trinh ngam",
            "lan bien",
            "thue dat tra tien",
            "dat thue cua nha nuoc",
            "tien thue dat",
            "thi truong bat dong san",
            "hinh thanh trong tuong lai",
            "nha o thuong mai",
            "cap bu lai suat",
            // The state's own steps: notices, plans, schemes, valuations, seizures.
            "ban hanh thong bao",
            "khau tru kinh phi",
            "de an",
            "ke hoach phat trien",
            "chuong trinh phat trien",
            "cong nang",
            "nha o cong vu",
            "tham dinh phe duiet phuong an",
            "tham dinh gia",
            "thu hoi nha o",
            "cuong che",
            "la tai san cong",
            // Tourism support for homestays; "(trừ trường hợp nhà ở riêng lẻ)".
            "du lich",
            "tru truong hop nha o",
        ],
    },
    Rule {
        id: "suc-khoe",
        name: "Sức khỏe và y tế",
        portal_group: 756,
        fields: &[],
        phrases: &[
            "bao hiem i te",
            "bhit",
            "kham benh chua benh",
            "kham chua benh",
            "khuiet tat",
            "giam dinh i khoa",
            "phau thuat",
            "dang ki cai nghien",
            "om dau",
            "phuc hoi suc khoe",
            "benh hiem ngheo",
        ],
        except: &[
            // Licences of doctors and clinics, contracts between clinics and the insurer.
            "giai phep hanh nghe",
            "giai phep hoat dong",
            "hanh nghe",
            "co so kham benh",
            "co so kcb",
            "hop dong kham",
            "cho phep",
            "cong bo",
            "thi diem",
            "ngon ngu",
            "xuat khau",
            "nhap khau",
            "danh sach doi tuong",
            // Disability in other contexts: employers, publishers, schools, sport, scholarships.
            "co so san xuat",
            "to chuc phi loi nhuan",
            "giao duc nghe nghiep",
            "the thao",
            "hoc bong",
            "nghe nhan",
            // Belong to other groups.
            "thai san",
            "mai tang",
            "tro cap chet",
            "tro cap xa hoi hang thang",
            "thue",
        ],
    },
    Rule {
        id: "phuong-tien",
        name: "Phương tiện và người lái",
        portal_group: 757,
        fields: &["dang ki quan li phuong tien giao thong co gioi xe mai chuien dung", "sat hach cap giai phep lai xe"],
        phrases: &["giai phep lai xe", "dang ki xe", "bien so xe"],
        // Test centres, practice grounds, driving schools, smart-vehicle pilots.
        except: &[
            "trung tam sat hach",
            "san tap lai",
            "dao tao lai xe",
            "xe tap lai",
            "phuong tien giao thong thong minh",
        ],
    },
    Rule {
        id: "huu-tri",
        name: "Hưu trí",
        portal_group: 758,
        fields: &[],
        phrases: &["luong huu", "huu tri", "nghi huu", "bao hiem xa hoi mot lan", "nguoi cao tuoi"],
        except: &[
            // "Sở hữu trí tuệ" folds to "... huu tri ...".
            "so huu tri tue",
            // Employers pausing contributions; pension-fund companies.
            "qui huu tri va tu tuat",
            "qui bao hiem huu tri",
            // "… chưa được hưởng một trong các chế độ … hưu trí": a pension the person does not have.
            "chua duoc huong mot trong cac che do",
            // Benefits after a death belong to "Người thân qua đời".
            "mai tang",
            "chet",
        ],
    },
    Rule {
        id: "nguoi-than-qua-doi",
        name: "Người thân qua đời",
        portal_group: 759,
        fields: &[],
        // Death registration, funeral and cremation support, survivors' benefits, benefits of a
        // person who died, inheritance. "Chết" alone is too wide ("thai chết", "chủ doanh nghiệp
        // chết" in a company-change procedure), so only its phrases that are about a death are used.
        //
        // "Xóa đăng ký thường trú" is not only for a death: it is also done for people who moved,
        // settled abroad or lost their nationality, so it is in "Cư trú" as well. It is here because
        // a death is the most common reason a family comes for it, and it is the second step of the
        // khai tử journey (Hải Phòng's interlinked 2.002913 files it together with the death).
        // "Xóa đăng ký tạm trú" is left out: a death does not need it.
        phrases: &[
            "khai tu",
            "dang ki lai viec tu",
            "mai tang",
            "hoa tang",
            "tu tuat",
            "tro cap tuat",
            "tu tran",
            "bi chet",
            "da chet",
            "tai nan chet",
            "chet truoc khi",
            "tro cap chet",
            "xoa dang ki thuong tru",
            "thua ke",
            "phan chia di san",
            "nhan di san",
        ],
        except: &[
            "thai chet",
            "khong co nguoi thua ke",
            // Employers pausing contributions to the pension and survivors' fund.
            "tam dung dong",
            "xac nhan thoi gian dong",
            "viec ho tich khac",
            "cac viec ho tich",
            // Land leased from the state (mostly companies) sold or bequeathed.
            "thue dat tra tien",
            "dat thue cua nha nuoc",
            "doanh nghiep",
        ],
    },
];

/// The life-event groups of these procedures, in the portal's order; each group lists its
/// procedures in catalog order (by code). Groups without procedures are left out, and so are
/// repealed procedures.
pub fn life_events(procedures: &[Procedure]) -> Vec<LifeEvent> {
    let folded: Vec<(&Procedure, String, String)> = procedures
        .iter()
        .filter(|p| p.lifecycle.status != Status::Repealed)
        .map(|p| (p, fold(&p.name), fold(p.field.as_deref().unwrap_or(""))))
        .collect();
    RULES
        .iter()
        .filter_map(|rule| {
            let mut codes: Vec<String> = folded
                .iter()
                .filter(|(_, name, field)| rule.matches(name, field))
                .map(|(p, _, _)| p.code.clone())
                .collect();
            codes.sort();
            codes.dedup();
            (!codes.is_empty()).then(|| LifeEvent {
                id: rule.id.into(),
                name: rule.name.into(),
                portal_group: Some(rule.portal_group),
                procedures: codes,
            })
        })
        .collect()
}

impl Rule {
    fn matches(&self, name: &str, field: &str) -> bool {
        let wanted =
            self.phrases.iter().any(|p| has_phrase(name, p)) || self.fields.iter().any(|f| has_phrase(field, f));
        wanted && !self.except.iter().any(|p| has_phrase(name, p))
    }
}

/// Whether folded `text` holds the folded `phrase` as whole words.
fn has_phrase(text: &str, phrase: &str) -> bool {
    text.match_indices(phrase).any(|(at, _)| {
        let before = at == 0 || text.as_bytes()[at - 1] == b' ';
        let end = at + phrase.len();
        let after = end == text.len() || text.as_bytes()[end] == b' ';
        before && after
    })
}

/// A journey of the national defaults: its steps, and the interlinked procedure that files
/// them at once.
struct JourneyRule {
    name: &'static str,
    steps: &'static [Step],
    interlinked: Option<&'static str>,
}

enum Step {
    /// A procedure named by its code in `DOMAIN.md`.
    Code(&'static str),
    /// The procedure with this name (folded, with or without a leading "Thủ tục"); the first
    /// by code if several have it.
    Name(&'static str),
    /// One of the funeral supports, found by name: which one applies depends on the benefit
    /// the person who died received.
    Funeral(&'static str),
}

/// Said on a journey that lists several funeral supports.
const FUNERAL_NOTE: &str = "Mai táng phí: chỉ làm thủ tục đúng với chế độ người mất đang hưởng.";

const JOURNEYS: &[JourneyRule] = &[
    JourneyRule {
        name: "Khai sinh, thường trú, thẻ BHYT cho trẻ dưới 6 tuổi",
        steps: &[Step::Code("1.001193"), Step::Name("Đăng ký thường trú")],
        interlinked: Some("2.000986"),
    },
    JourneyRule {
        name: "Khai sinh, thẻ BHYT cho trẻ dưới 6 tuổi",
        steps: &[Step::Code("1.001193")],
        interlinked: Some("2.001023"),
    },
    JourneyRule {
        name: "Khai tử, xóa thường trú, mai táng phí",
        steps: &[
            Step::Name("Đăng ký khai tử"),
            Step::Name("Xóa đăng ký thường trú"),
            Step::Funeral("Hỗ trợ chi phí mai táng cho đối tượng bảo trợ xã hội"),
            Step::Funeral("Hỗ trợ chi phí mai táng đối với đối tượng hưởng trợ cấp hưu trí xã hội"),
            Step::Funeral("Hưởng trợ cấp mai táng"),
        ],
        interlinked: None,
    },
];

/// The journeys (procedures done together) that these procedures allow: the national
/// defaults of `DOMAIN.md`, keeping only the procedures present and not repealed. A journey
/// left with fewer than two procedures, counting the interlinked one, is dropped.
pub fn journeys(procedures: &[Procedure]) -> Vec<Journey> {
    let available: Vec<(&Procedure, String)> = procedures
        .iter()
        .filter(|p| p.lifecycle.status != Status::Repealed)
        .map(|p| (p, without_prefix(&fold(&p.name)).to_string()))
        .collect();
    let by_code = |code: &str| available.iter().find(|(p, _)| p.code == code).map(|(p, _)| p.code.clone());
    let by_name = |name: &str| {
        let wanted = fold(name);
        let wanted = without_prefix(&wanted);
        available.iter().filter(|(_, n)| n == wanted).map(|(p, _)| p.code.clone()).min()
    };
    JOURNEYS
        .iter()
        .filter_map(|rule| {
            let mut codes: Vec<String> = Vec::new();
            let mut funerals = 0;
            for step in rule.steps {
                let code = match step {
                    Step::Code(code) => by_code(code),
                    Step::Name(name) => by_name(name),
                    Step::Funeral(name) => by_name(name).inspect(|_| funerals += 1),
                };
                if let Some(code) = code {
                    if !codes.contains(&code) {
                        codes.push(code);
                    }
                }
            }
            let interlinked = rule.interlinked.and_then(by_code);
            if codes.len() + usize::from(interlinked.is_some()) < 2 {
                return None;
            }
            Some(Journey {
                name: rule.name.into(),
                procedures: codes,
                interlinked,
                note: (funerals > 1).then(|| FUNERAL_NOTE.to_string()),
            })
        })
        .collect()
}

/// A folded name without its leading "thủ tục".
fn without_prefix(folded: &str) -> &str {
    folded.strip_prefix("thu tuc ").unwrap_or(folded)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::Lifecycle;

    fn procedure(code: &str, name: &str, field: &str) -> Procedure {
        Procedure { code: code.into(), name: name.into(), field: Some(field.into()), ..Procedure::default() }
    }

    fn group<'a>(events: &'a [LifeEvent], id: &str) -> Vec<&'a str> {
        events
            .iter()
            .find(|e| e.id == id)
            .map(|e| e.procedures.iter().map(String::as_str).collect())
            .unwrap_or_default()
    }

    #[test]
    fn every_phrase_is_written_folded_and_ids_are_unique() {
        for rule in RULES {
            for phrase in rule.fields.iter().chain(rule.phrases).chain(rule.except) {
                assert!(!phrase.is_empty(), "{}", rule.id);
                assert_eq!(&fold(phrase), phrase, "{}: write the phrase as fold makes it", rule.id);
            }
            assert_eq!(RULES.iter().filter(|r| r.id == rule.id).count(), 1, "{}", rule.id);
        }
        let groups: Vec<u32> = RULES.iter().map(|r| r.portal_group).collect();
        assert_eq!(groups, (750..=759).collect::<Vec<_>>());
    }

    #[test]
    fn phrases_match_whole_words_only() {
        assert!(has_phrase("dang ki khai tu", "khai tu"));
        assert!(has_phrase("khai tu luu dong", "khai tu"));
        assert!(!has_phrase("dang ki khai tuong", "khai tu"));
        assert!(!has_phrase("xkhai tu", "khai tu"));
        assert!(has_phrase("a khai tuan khai tu", "khai tu"));
    }

    #[test]
    fn death_group_keeps_deaths_and_leaves_out_look_alikes() {
        let procedures = [
            procedure("1.000656", "Thủ tục đăng ký khai tử", "Hộ tịch"),
            procedure("1.003197", "Xóa đăng ký thường trú", "Đăng ký, quản lý cư trú"),
            procedure("1.010028", "Xóa đăng ký tạm trú", "Đăng ký, quản lý cư trú"),
            procedure("1.000894", "Thủ tục đăng ký kết hôn", "Hộ tịch"),
            procedure("1.001731", "Hỗ trợ chi phí mai táng cho đối tượng bảo trợ xã hội", "Bảo trợ xã hội"),
            procedure("2.000717", "Truy lĩnh lương hưu của người hưởng đã chết nhưng còn chế độ chưa nhận", "BHXH"),
            // "việc tự quyết định" and "việc từ ngày" fold to "viec tu": not a death.
            procedure("1.009661", "Thủ tục thông báo về việc tự quyết định ngừng hoạt động dự án", "Đầu tư"),
            procedure("1.014181", "Tính thời gian công tác, nghỉ chờ việc từ ngày 01 tháng 11 năm 1987", "BHXH"),
            procedure("1.014180", "TẠM DỪNG ĐÓNG VÀO QUỸ HƯU TRÍ VÀ TỬ TUẤT.", "Bảo hiểm xã hội"),
            procedure(
                "1.014165",
                "Hưởng chế độ thai sản đối với lao động nữ sảy thai, có thai chết trong tử cung",
                "BHXH",
            ),
            procedure(
                "2.002011",
                "Đăng ký thay đổi chủ doanh nghiệp tư nhân trong trường hợp chủ doanh nghiệp chết",
                "DN",
            ),
            procedure(
                "3.000410",
                "Quyết định xác lập quyền sở hữu toàn dân đối với tài sản không có người thừa kế",
                "Công sản",
            ),
            procedure(
                "2.001406",
                "Chứng thực văn bản phân chia di sản mà di sản là động sản, quyền sử dụng đất, nhà ở",
                "Chứng thực",
            ),
            procedure("1.003838", "Cho phép nghiên cứu, sưu tầm di sản văn hóa phi vật thể", "Di sản văn hóa"),
        ];
        let events = life_events(&procedures);
        assert_eq!(group(&events, "nguoi-than-qua-doi"), ["1.000656", "1.001731", "1.003197", "2.000717", "2.001406"]);
        assert_eq!(group(&events, "cu-tru"), ["1.003197", "1.010028"]);
        assert_eq!(group(&events, "hon-nhan"), ["1.000894"]);
        assert!(group(&events, "co-con-nho").is_empty(), "a miscarriage is not a small child");
        assert!(group(&events, "huu-tri").is_empty(), "{:?}", group(&events, "huu-tri"));
    }

    #[test]
    fn small_child_group_is_about_small_children() {
        let procedures = [
            procedure("1.001193", "Thủ tục đăng ký khai sinh", "Hộ tịch"),
            procedure("1.004884", "Thủ tục đăng ký lại khai sinh", "Hộ tịch"),
            procedure("1.004772", "Thủ tục đăng ký khai sinh cho người đã có hồ sơ, giấy tờ cá nhân", "Hộ tịch"),
            procedure("2.000635", "Cấp bản sao Trích lục hộ tịch, bản sao Giấy khai sinh", "Hộ tịch"),
            procedure(
                "2.001023",
                "Liên thông các thủ tục hành chính về đăng ký khai sinh, cấp Thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi",
                "Hộ tịch",
            ),
            procedure("2.001263", "Đăng ký việc nuôi con nuôi trong nước", "Nuôi con nuôi"),
            procedure(
                "1.005133",
                "Thủ tục Cấp giấy phép hoạt động của tổ chức con nuôi nước ngoài tại Việt Nam",
                "Nuôi con nuôi",
            ),
            procedure("1.014062", "Cấp thẻ căn cước cho người dưới 14 tuổi", "Cấp, quản lý căn cước"),
            procedure("1.014061", "Cấp thẻ căn cước cho người từ đủ 14 tuổi trở lên", "Cấp, quản lý căn cước"),
        ];
        let events = life_events(&procedures);
        assert_eq!(group(&events, "co-con-nho"), ["1.001193", "1.014062", "2.001023", "2.001263"]);
        assert_eq!(group(&events, "hon-nhan"), ["2.001263"]);
        assert_eq!(group(&events, "cu-tru"), ["1.014061", "1.014062"]);
        assert_eq!(group(&events, "suc-khoe"), ["2.001023"]);
    }

    #[test]
    fn other_groups_leave_out_their_traps() {
        let procedures = [
            // "sở hữu trí tuệ" folds to "so huu tri tue".
            procedure(
                "1.007846",
                "Thủ tục tạm dừng làm thủ tục hải quan đối với hàng hoá có yêu cầu bảo hộ quyền sở hữu trí tuệ",
                "Hải quan",
            ),
            procedure("1.014171", "HƯỞNG LƯƠNG HƯU ĐỐI VỚI NGƯỜI THAM GIA BẢO HIỂM XÃ HỘI BẮT BUỘC", "Bảo hiểm xã hội"),
            procedure("1.014113", "Xét tuyển công chức", "Công chức, viên chức"),
            procedure("3.000182", "Tuyển sinh trung học cơ sở", "Giáo dục trung học"),
            procedure("1.012963", "Thành lập hoặc cho phép thành lập trường tiểu học", "Giáo dục tiểu học"),
            procedure(
                "1.014199",
                "Cấp giấy phép lao động đối với người lao động nước ngoài làm việc tại Việt Nam",
                "Việc làm",
            ),
            procedure("1.014748", "Hưởng trợ cấp thất nghiệp (Cấp tỉnh)", "Việc làm"),
            procedure("1.014137", "Thủ tục cấp thẻ bảo hiểm y tế", "Bảo hiểm y tế"),
            procedure("1.012278", "Cấp mới giấy phép hoạt động khám bệnh, chữa bệnh", "Khám bệnh, chữa bệnh"),
            procedure(
                "1.013978",
                "Đăng ký đất đai, cấp Giấy chứng nhận quyền sử dụng đất lần đầu đối với hộ gia đình, cá nhân",
                "Đất đai",
            ),
            procedure(
                "1.014275",
                "Tổ chức kinh tế nhận chuyển nhượng quyền sử dụng đất để thực hiện dự án đầu tư",
                "Đất đai",
            ),
            procedure(
                "1.009122",
                "Cấp giấy phép xây dựng có thời hạn đối với công trình, nhà ở riêng lẻ",
                "Hoạt động xây dựng",
            ),
            procedure("1.010038", "Tách hộ", "Đăng ký, quản lý cư trú"),
            procedure("3.000346", "Cấp giấy phép lái xe", "Sát hạch, cấp giấy phép lái xe"),
            procedure(
                "3.000355",
                "Cấp giấy phép sát hạch cho trung tâm sát hạch lái xe loại 1, loại 2",
                "Sát hạch, cấp giấy phép lái xe",
            ),
        ];
        let events = life_events(&procedures);
        assert_eq!(group(&events, "huu-tri"), ["1.014171"]);
        assert_eq!(group(&events, "hoc-tap"), ["3.000182"]);
        assert_eq!(group(&events, "viec-lam"), ["1.014113", "1.014748"]);
        assert_eq!(group(&events, "suc-khoe"), ["1.014137"]);
        assert_eq!(group(&events, "dat-dai-nha-o"), ["1.009122", "1.013978"]);
        assert_eq!(group(&events, "cu-tru"), ["1.010038"]);
        assert_eq!(group(&events, "phuong-tien"), ["3.000346"]);
        assert!(group(&events, "nguoi-than-qua-doi").is_empty());
    }

    #[test]
    fn groups_are_in_portal_order_lists_by_code_and_empty_groups_and_repealed_procedures_left_out() {
        let mut repealed = procedure(
            "2.000986",
            "Liên thông về đăng ký khai sinh, đăng ký thường trú, cấp thẻ BHYT cho trẻ em dưới 6 tuổi",
            "Hộ tịch",
        );
        repealed.lifecycle = Lifecycle { status: Status::Repealed, ..Lifecycle::default() };
        let procedures = [
            procedure("1.004222", "Đăng ký thường trú", "Đăng ký, quản lý cư trú"),
            repealed,
            procedure("1.000656", "Thủ tục đăng ký khai tử", "Hộ tịch"),
            // Decomposed diacritics (data trap 9) match as well.
            procedure("1.001193", "Thu\u{309} tu\u{323}c đăng ky\u{301} khai sinh", "Hộ tịch"),
        ];
        let events = life_events(&procedures);
        let ids: Vec<&str> = events.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(ids, ["co-con-nho", "cu-tru", "nguoi-than-qua-doi"]);
        assert_eq!(events[0].name, "Có con nhỏ");
        assert_eq!(events[0].portal_group, Some(750));
        assert_eq!(events[0].procedures, ["1.001193"]);
    }

    #[test]
    fn journeys_keep_the_procedures_present() {
        let all = [
            procedure("1.000656", "Thủ tục đăng ký khai tử", "Hộ tịch"),
            procedure("1.001193", "Thủ tục đăng ký khai sinh", "Hộ tịch"),
            procedure("1.001731", "Hỗ trợ chi phí mai táng cho đối tượng bảo trợ xã hội", "Bảo trợ xã hội"),
            procedure("1.003197", "Xóa đăng ký thường trú", "Đăng ký, quản lý cư trú"),
            procedure("1.004222", "Đăng ký thường trú", "Đăng ký, quản lý cư trú"),
            procedure("1.014177", "HƯỞNG TRỢ CẤP MAI TÁNG", "Bảo hiểm xã hội"),
            procedure("2.000986", "Liên thông thủ tục hành chính về đăng ký khai sinh, đăng ký thường trú, cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi", "Hộ tịch"),
            procedure("2.001023", "Liên thông các thủ tục hành chính về đăng ký khai sinh, cấp Thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi", "Hộ tịch"),
        ];
        let journeys = journeys(&all);
        assert_eq!(journeys.len(), 3);
        assert_eq!(journeys[0].name, "Khai sinh, thường trú, thẻ BHYT cho trẻ dưới 6 tuổi");
        assert_eq!(journeys[0].procedures, ["1.001193", "1.004222"]);
        assert_eq!(journeys[0].interlinked.as_deref(), Some("2.000986"));
        assert_eq!(journeys[1].procedures, ["1.001193"]);
        assert_eq!(journeys[1].interlinked.as_deref(), Some("2.001023"));
        assert_eq!(journeys[2].name, "Khai tử, xóa thường trú, mai táng phí");
        assert_eq!(journeys[2].procedures, ["1.000656", "1.003197", "1.001731", "1.014177"]);
        assert_eq!(journeys[2].interlinked, None);
        assert!(journeys[2].note.is_some(), "two funeral procedures: say which one to do");

        // Without the interlinked procedures and without permanent residence.
        let some: Vec<Procedure> =
            all.iter().filter(|p| ["1.001193", "1.000656", "1.003197"].contains(&p.code.as_str())).cloned().collect();
        let journeys = super::journeys(&some);
        assert_eq!(journeys.len(), 1, "a birth alone is not a journey: {journeys:?}");
        assert_eq!(journeys[0].procedures, ["1.000656", "1.003197"]);
        assert_eq!(journeys[0].note, None);

        // A repealed interlinked procedure is not offered; the journey stands on its two steps.
        let mut repealed = all.to_vec();
        for p in &mut repealed {
            if p.code.starts_with("2.") {
                p.lifecycle.status = Status::Repealed;
            }
        }
        let journeys = super::journeys(&repealed);
        assert_eq!(journeys.iter().map(|j| j.interlinked.clone()).collect::<Vec<_>>(), [None, None]);
        assert_eq!(journeys[0].procedures, ["1.001193", "1.004222"]);
    }

    /// The rules on the real national dataset (`../shared/data` next to this repository).
    #[test]
    fn rules_hold_on_the_national_data() {
        use crate::import::national::{import, Options, Scope};
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let dir = root.parent().unwrap_or(root).join("shared/data/national-2026-07");
        if !dir.join("index.csv").exists() {
            println!("skipped: no national dataset at {}", dir.display());
            return;
        }
        let options = Options { scope: Scope::All, generated_at: "2026-07-17".into() };
        let catalog = import(&dir, &options).expect("the national dataset imports").catalog;
        let events = life_events(&catalog.procedures);
        assert_eq!(events.len(), RULES.len(), "every group has procedures");
        let has = |id: &str, code: &str| group(&events, id).contains(&code);
        assert!(has("co-con-nho", "1.001193"));
        assert!(has("co-con-nho", "2.000986"));
        assert!(has("nguoi-than-qua-doi", "1.000656"));
        assert!(has("nguoi-than-qua-doi", "1.003197"));
        assert!(has("hon-nhan", "1.000894"));
        assert!(has("hon-nhan", "1.004873"));
        assert!(has("cu-tru", "1.004222"));
        assert!(has("dat-dai-nha-o", "1.013978"));
        assert!(has("suc-khoe", "1.014137"));
        assert!(has("huu-tri", "1.014027"));
        assert!(!has("huu-tri", "1.007846"), "sở hữu trí tuệ is not a pension");
        for p in &catalog.procedures {
            let name = fold(&p.name);
            if p.field.as_deref() == Some("Hộ tịch") && has_phrase(&name, "ket hon") {
                assert!(!has("nguoi-than-qua-doi", &p.code), "{} {}", p.code, p.name);
            }
            if has("nguoi-than-qua-doi", &p.code) {
                assert!(!has_phrase(&name, "doanh nghiep"), "{} {}", p.code, p.name);
            }
        }
        for event in &events {
            let mut sorted = event.procedures.clone();
            sorted.sort();
            sorted.dedup();
            assert_eq!(event.procedures, sorted, "{}", event.id);
        }
        let journeys = journeys(&catalog.procedures);
        let summary: Vec<(&[String], Option<&str>)> =
            journeys.iter().map(|j| (j.procedures.as_slice(), j.interlinked.as_deref())).collect();
        assert_eq!(summary.len(), 3, "{journeys:?}");
        assert_eq!(summary[0], (&["1.001193".to_string(), "1.004222".to_string()][..], Some("2.000986")));
        assert_eq!(summary[1], (&["1.001193".to_string()][..], Some("2.001023")));
        assert_eq!(&summary[2].0[..2], ["1.000656", "1.003197"]);
    }
}
