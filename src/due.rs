//! The expected result date (ngày hẹn trả kết quả) of a dossier.
//!
//! Rules, applied to a [`ProcessingTime`] and the moment of filing:
//! - Office hours end at 17:00. A dossier filed on a non-working day, or at or after 17:00, counts
//!   as filed at opening on the next working day.
//! - `WorkingDays` N: due on the Nth working day after the filing day. N up to 0.5 (half a day):
//!   the filing day if filed before noon, else the next working day. Other fractions round up.
//! - `WithinDay`: the filing day if filed before the cutoff (15:00 unless the record gives one),
//!   else the next working day.
//! - `CalendarDays` N: the filing day plus N days; `Months` N: the same day N months later (the
//!   month's last day if it is shorter). Either moves to the next working day if needed. Fractions
//!   round up.
//! - `UnspecifiedDays` N: counted as working days, and approximate (the source did not say which kind).
//! - `Text`, or no value: no date.
//! - Approximate whenever a year from filing to result is not covered by the holiday table, or the
//!   cutoff cannot be read (15:00 is used).
//! - A value that is negative, not finite or above 3650, or a time of day past 23:59: no date.

use crate::catalog::{ProcessingTime, TimeUnit};
use crate::date::Date;
use crate::holidays::Holidays;

/// Offices close at 17:00.
const CLOSING: u16 = 17 * 60;
/// A dossier counted as filed at the next opening is filed at this time.
const OPENING: u16 = 7 * 60;
const NOON: u16 = 12 * 60;
const MINUTES_PER_DAY: u16 = 24 * 60;
/// `WithinDay` cutoff when the record gives none.
const DEFAULT_CUTOFF: u16 = 15 * 60;
/// Largest processing time accepted, in any unit.
const MAX_VALUE: f32 = 3650.0;
/// Longest run of days off searched before giving up (a malformed table must not loop for long).
const MAX_CLOSURE_DAYS: u32 = 366;

/// When the result is expected.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Due {
    pub date: Date,
    /// The date may be off: the holiday table does not cover every year involved, the kind of
    /// days was not stated, or the record's cutoff was unreadable.
    pub approximate: bool,
}

/// The expected result date of a dossier filed on `filed` at `minutes_since_midnight` (local time),
/// by the rules of the module documentation; `None` when the time gives no date.
pub fn result_date(
    time: &ProcessingTime,
    filed: Date,
    minutes_since_midnight: u16,
    holidays: &Holidays,
) -> Option<Due> {
    if minutes_since_midnight >= MINUTES_PER_DAY {
        return None;
    }
    let (day, minutes) = effective_filing(filed, minutes_since_midnight, holidays)?;
    let (date, uncertain) = match time.unit {
        TimeUnit::WithinDay => within_day(time.cutoff.as_deref(), day, minutes, holidays)?,
        TimeUnit::WorkingDays => (working_days(amount(time)?, day, minutes, holidays)?, false),
        TimeUnit::UnspecifiedDays => (working_days(amount(time)?, day, minutes, holidays)?, true),
        TimeUnit::CalendarDays => (on_or_after(add_days(day, whole(amount(time)?)), holidays)?, false),
        TimeUnit::Months => (on_or_after(add_months(day, whole(amount(time)?))?, holidays)?, false),
        TimeUnit::Text => return None,
    };
    let covered = (filed.year..=date.year).all(|year| holidays.covers(year));
    Some(Due { date, approximate: uncertain || !covered })
}

/// The day and time the dossier counts as filed: the next opening if the office was closed.
fn effective_filing(filed: Date, minutes: u16, holidays: &Holidays) -> Option<(Date, u16)> {
    if holidays.is_working_day(filed) && minutes < CLOSING {
        Some((filed, minutes))
    } else {
        next_working_day(filed, holidays).map(|day| (day, OPENING))
    }
}

/// The value of a numeric processing time, if it is sane.
fn amount(time: &ProcessingTime) -> Option<f32> {
    time.value.filter(|value| value.is_finite() && (0.0..=MAX_VALUE).contains(value))
}

/// Whole days or months, fractions rounded up; `value` is in `0..=MAX_VALUE`.
fn whole(value: f32) -> u32 {
    value.ceil() as u32
}

fn working_days(value: f32, day: Date, minutes: u16, holidays: &Holidays) -> Option<Date> {
    let count = if value > 0.0 && value <= 0.5 { u32::from(minutes >= NOON) } else { whole(value) };
    nth_working_day_after(day, count, holidays)
}

/// The filing day if before the cutoff, else the next working day; flagged if the cutoff is unreadable.
fn within_day(cutoff: Option<&str>, day: Date, minutes: u16, holidays: &Holidays) -> Option<(Date, bool)> {
    let (cutoff, unreadable) = match cutoff.map(parse_clock) {
        None => (DEFAULT_CUTOFF, false),
        Some(Some(cutoff)) => (cutoff, false),
        Some(None) => (DEFAULT_CUTOFF, true),
    };
    let date = nth_working_day_after(day, u32::from(minutes >= cutoff), holidays)?;
    Some((date, unreadable))
}

/// Minutes since midnight of `HH:MM`.
fn parse_clock(text: &str) -> Option<u16> {
    let (hours, minutes) = text.trim().split_once(':')?;
    let (h, m): (u16, u16) = (hours.parse().ok()?, minutes.parse().ok()?);
    (minutes.len() == 2 && h < 24 && m < 60).then_some(h * 60 + m)
}

/// The `count`th working day after `day` (`day` itself for 0).
fn nth_working_day_after(day: Date, count: u32, holidays: &Holidays) -> Option<Date> {
    (0..count).try_fold(day, |day, _| next_working_day(day, holidays))
}

/// The first working day after `day`.
fn next_working_day(day: Date, holidays: &Holidays) -> Option<Date> {
    (1..=MAX_CLOSURE_DAYS).map(|offset| add_days(day, offset)).find(|next| holidays.is_working_day(*next))
}

/// `day` if it is a working day, else the next one.
fn on_or_after(day: Date, holidays: &Holidays) -> Option<Date> {
    if holidays.is_working_day(day) {
        Some(day)
    } else {
        next_working_day(day, holidays)
    }
}

fn add_days(day: Date, days: u32) -> Date {
    Date::from_unix_days(day.unix_days() + i64::from(days))
}

/// The same day `months` later, or that month's last day if it is shorter.
fn add_months(day: Date, months: u32) -> Option<Date> {
    let index = i64::from(day.year) * 12 + i64::from(day.month) - 1 + i64::from(months);
    let year = i32::try_from(index.div_euclid(12)).ok()?;
    let month = u8::try_from(index.rem_euclid(12) + 1).ok()?;
    Some(Date { year, month, day: day.day.min(days_in_month(year, month)) })
}

fn days_in_month(year: i32, month: u8) -> u8 {
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> Date {
        Date::parse(text).unwrap()
    }

    fn time(unit: TimeUnit, value: Option<f32>) -> ProcessingTime {
        ProcessingTime { value, unit, text: String::new(), cutoff: None }
    }

    fn clock(text: &str) -> u16 {
        parse_clock(text).unwrap()
    }

    /// The result date and whether it is approximate, with the shipped table.
    fn due(time: &ProcessingTime, filed: &str, at: &str) -> Option<(String, bool)> {
        result_date(time, date(filed), clock(at), &Holidays::shipped())
            .map(|due| (due.date.to_string(), due.approximate))
    }

    fn exact(day: &str) -> Option<(String, bool)> {
        Some((day.to_string(), false))
    }

    #[test]
    fn working_days_skip_the_tet_break() {
        // Friday before Tết Bính Ngọ: the break is 14-22/2, so day 1 is Monday 23/2.
        let five = time(TimeUnit::WorkingDays, Some(5.0));
        assert_eq!(due(&five, "2026-02-13", "09:00"), exact("2026-02-27"));
        assert_eq!(due(&time(TimeUnit::WorkingDays, Some(1.0)), "2026-02-13", "09:00"), exact("2026-02-23"));
    }

    #[test]
    fn working_days_skip_weekends() {
        let three = time(TimeUnit::WorkingDays, Some(3.0));
        assert_eq!(due(&three, "2026-03-04", "10:00"), exact("2026-03-09"), "Wednesday + 3 is Monday");
        let ten = time(TimeUnit::WorkingDays, Some(10.0));
        assert_eq!(due(&ten, "2026-03-02", "10:00"), exact("2026-03-16"), "two whole weeks");
    }

    #[test]
    fn filing_on_a_weekend_or_after_hours_counts_from_the_next_working_day() {
        let one = time(TimeUnit::WorkingDays, Some(1.0));
        assert_eq!(due(&one, "2026-03-07", "09:00"), exact("2026-03-10"), "Saturday counts as Monday");
        assert_eq!(due(&one, "2026-03-06", "17:30"), exact("2026-03-10"), "Friday evening counts as Monday");
        assert_eq!(due(&one, "2026-03-06", "17:00"), exact("2026-03-10"), "closed at 17:00");
        assert_eq!(due(&one, "2026-03-06", "16:59"), exact("2026-03-09"), "still office hours");
        assert_eq!(due(&one, "2026-02-18", "09:00"), exact("2026-02-24"), "filed online during Tết");
    }

    #[test]
    fn within_day_depends_on_the_cutoff() {
        let mut within = time(TimeUnit::WithinDay, None);
        assert_eq!(due(&within, "2026-03-06", "14:59"), exact("2026-03-06"));
        assert_eq!(due(&within, "2026-03-06", "15:00"), exact("2026-03-09"), "Friday after 15:00 gives Monday");
        assert_eq!(due(&within, "2026-03-07", "08:00"), exact("2026-03-09"), "Saturday: Monday morning");
        within.cutoff = Some("16:00".to_string());
        assert_eq!(due(&within, "2026-03-06", "15:30"), exact("2026-03-06"), "the record's cutoff");
        assert_eq!(due(&within, "2026-03-06", "17:05"), exact("2026-03-09"), "office closed");
        within.cutoff = Some("late".to_string());
        assert_eq!(due(&within, "2026-03-06", "14:00"), Some(("2026-03-06".to_string(), true)), "unreadable cutoff");
    }

    #[test]
    fn half_a_day_and_other_fractions() {
        let half = time(TimeUnit::WorkingDays, Some(0.5));
        assert_eq!(due(&half, "2026-03-04", "09:00"), exact("2026-03-04"), "morning: same day");
        assert_eq!(due(&half, "2026-03-04", "13:30"), exact("2026-03-05"), "afternoon: next working day");
        assert_eq!(due(&half, "2026-03-06", "13:30"), exact("2026-03-09"), "Friday afternoon: Monday");
        let one_and_half = time(TimeUnit::WorkingDays, Some(1.5));
        assert_eq!(due(&one_and_half, "2026-03-04", "09:00"), exact("2026-03-06"), "rounded up to 2");
        assert_eq!(due(&time(TimeUnit::WorkingDays, Some(0.0)), "2026-03-04", "16:00"), exact("2026-03-04"));
    }

    #[test]
    fn hung_kings_april_30_and_may_1_2026() {
        let one = time(TimeUnit::WorkingDays, Some(1.0));
        assert_eq!(due(&one, "2026-04-24", "09:00"), exact("2026-04-28"), "Monday 27/4 makes up for Sunday 26/4");
        let two = time(TimeUnit::WorkingDays, Some(2.0));
        assert_eq!(due(&two, "2026-04-29", "09:00"), exact("2026-05-05"), "30/4 to 3/5 off");
    }

    #[test]
    fn national_day_2026_and_its_make_up_saturday() {
        let one = time(TimeUnit::WorkingDays, Some(1.0));
        assert_eq!(due(&one, "2026-08-28", "09:00"), exact("2026-09-03"), "29/8 to 2/9 off");
        assert_eq!(due(&one, "2026-08-21", "09:00"), exact("2026-08-22"), "Saturday 22/8 is a working day");
        assert_eq!(due(&one, "2026-08-22", "09:00"), exact("2026-08-24"), "filed on the make-up Saturday");
    }

    #[test]
    fn calendar_days_land_on_a_working_day() {
        let three = time(TimeUnit::CalendarDays, Some(3.0));
        assert_eq!(due(&three, "2026-03-02", "09:00"), exact("2026-03-05"));
        assert_eq!(due(&three, "2026-03-04", "09:00"), exact("2026-03-09"), "Saturday moves to Monday");
        let ten = time(TimeUnit::CalendarDays, Some(10.0));
        assert_eq!(due(&ten, "2026-02-05", "09:00"), exact("2026-02-23"), "15/2 is in the Tết break");
        assert_eq!(due(&time(TimeUnit::CalendarDays, Some(2.5)), "2026-03-02", "09:00"), exact("2026-03-05"));
    }

    #[test]
    fn months_clamp_to_the_month_end() {
        let one = time(TimeUnit::Months, Some(1.0));
        assert_eq!(due(&one, "2026-01-30", "09:00"), exact("2026-03-02"), "28/2 is a Saturday");
        assert_eq!(due(&one, "2026-03-31", "09:00"), exact("2026-05-04"), "30/4 is a holiday");
        assert_eq!(due(&one, "2026-05-29", "09:00"), exact("2026-06-29"));
        assert_eq!(due(&time(TimeUnit::Months, Some(2.0)), "2025-12-31", "09:00"), exact("2026-03-02"));
        assert_eq!(due(&time(TimeUnit::Months, Some(12.0)), "2025-03-03", "09:00"), exact("2026-03-03"));
        assert_eq!(add_months(date("2028-01-31"), 1), Some(date("2028-02-29")), "leap year");
        assert_eq!(add_months(date("2100-01-31"), 1), Some(date("2100-02-28")), "not a leap year");
    }

    #[test]
    fn unspecified_days_count_as_working_days_but_are_approximate() {
        let five = time(TimeUnit::UnspecifiedDays, Some(5.0));
        assert_eq!(due(&five, "2026-02-13", "09:00"), Some(("2026-02-27".to_string(), true)));
    }

    #[test]
    fn years_the_table_does_not_cover_are_approximate() {
        let five = time(TimeUnit::WorkingDays, Some(5.0));
        assert_eq!(due(&five, "2026-03-02", "09:00"), exact("2026-03-09"));
        assert_eq!(due(&five, "2027-03-01", "09:00"), Some(("2027-03-08".to_string(), true)));
        assert_eq!(due(&five, "2026-12-29", "09:00"), Some(("2027-01-06".to_string(), true)), "crosses into 2027");
        assert_eq!(due(&five, "2024-12-31", "09:00"), Some(("2025-01-08".to_string(), true)), "filed in 2024");
        let empty = Holidays::default();
        let result = result_date(&five, date("2026-02-13"), clock("09:00"), &empty).unwrap();
        assert_eq!((result.date, result.approximate), (date("2026-02-20"), true), "no table: weekends only");
    }

    #[test]
    fn text_or_missing_values_give_no_date() {
        assert_eq!(due(&time(TimeUnit::Text, Some(5.0)), "2026-03-02", "09:00"), None);
        for unit in [TimeUnit::WorkingDays, TimeUnit::CalendarDays, TimeUnit::Months, TimeUnit::UnspecifiedDays] {
            assert_eq!(due(&time(unit, None), "2026-03-02", "09:00"), None, "{unit:?}");
        }
        assert!(due(&time(TimeUnit::WithinDay, None), "2026-03-02", "09:00").is_some(), "needs no value");
    }

    #[test]
    fn absurd_values_give_no_date_quickly() {
        for value in [-1.0, -0.5, f32::NAN, f32::INFINITY, 3650.5, 1e9] {
            for unit in [TimeUnit::WorkingDays, TimeUnit::CalendarDays, TimeUnit::Months] {
                assert_eq!(due(&time(unit, Some(value)), "2026-03-02", "09:00"), None, "{unit:?} {value}");
            }
        }
        let longest = due(&time(TimeUnit::WorkingDays, Some(3650.0)), "2026-03-02", "09:00").unwrap();
        assert!(longest.1, "beyond the table: approximate ({})", longest.0);
        assert!(due(&time(TimeUnit::Months, Some(3650.0)), "2026-03-02", "09:00").is_some_and(|due| due.1));
        let one = time(TimeUnit::WorkingDays, Some(1.0));
        assert_eq!(result_date(&one, date("2026-03-02"), MINUTES_PER_DAY, &Holidays::shipped()), None);
    }

    #[test]
    fn a_table_with_no_working_days_gives_no_date() {
        let mut text = String::new();
        for year in 2026..=2028 {
            for month in 1..=12 {
                text.push_str(&format!(
                    "{year}-{month:02}-01..{year}-{month:02}-{:02} closed\n",
                    days_in_month(year, month)
                ));
            }
        }
        let closed = Holidays::parse(&text).unwrap();
        assert_eq!(result_date(&time(TimeUnit::WorkingDays, Some(1.0)), date("2026-03-02"), 540, &closed), None);
    }

    #[test]
    fn clock_times() {
        assert_eq!(parse_clock("15:00"), Some(900));
        assert_eq!(parse_clock(" 7:30 "), Some(450));
        for bad in ["24:00", "15:60", "15", "15:0", "", "ab:cd"] {
            assert_eq!(parse_clock(bad), None, "{bad}");
        }
    }
}
