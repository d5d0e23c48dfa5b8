//! Calendar dates without a date crate (proleptic Gregorian, no time zones).

use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

impl Date {
    /// The date `days` after 1970-01-01 (Howard Hinnant's civil-from-days algorithm).
    pub fn from_unix_days(days: i64) -> Date {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Date { year, month, day }
    }
}

impl Date {
    /// Days since 1970-01-01 (Howard Hinnant's days-from-civil), the inverse of [`Date::from_unix_days`].
    pub fn unix_days(self) -> i64 {
        let year = i64::from(self.year) - i64::from(self.month <= 2);
        let era = year.div_euclid(400);
        let yoe = year.rem_euclid(400);
        let month = i64::from(self.month);
        let doy = (153 * (if month > 2 { month - 3 } else { month + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// Day of the week: 0 for Monday … 6 for Sunday.
    pub fn weekday(self) -> u8 {
        weekday_of(self.unix_days())
    }

    /// Reads `YYYY-MM-DD`; `None` for anything else, including days a month does not have.
    pub fn parse(text: &str) -> Option<Date> {
        let mut parts = text.split('-');
        let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
        if parts.next().is_some() || y.len() != 4 || m.len() != 2 || d.len() != 2 {
            return None;
        }
        let date = Date { year: y.parse().ok()?, month: m.parse().ok()?, day: d.parse().ok()? };
        // A date that does not exist does not survive the round trip (2026-02-30 becomes 03-02).
        (date.month >= 1 && Date::from_unix_days(date.unix_days()) == date).then_some(date)
    }
}

/// Day of the week of a day counted from 1970-01-01 (a Thursday): 0 for Monday … 6 for Sunday.
pub fn weekday_of(unix_days: i64) -> u8 {
    (unix_days + 3).rem_euclid(7) as u8
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unix_days_to_civil_dates() {
        assert_eq!(Date::from_unix_days(0).to_string(), "1970-01-01");
        assert_eq!(Date::from_unix_days(20_414).to_string(), "2025-11-22");
        assert_eq!(Date::from_unix_days(20_779).to_string(), "2026-11-22");
        assert_eq!(Date::from_unix_days(11_016).to_string(), "2000-02-29");
    }

    #[test]
    fn weekdays() {
        assert_eq!(Date::parse("2026-11-22").map(Date::weekday), Some(6), "a Sunday");
        assert_eq!(Date::parse("2026-11-23").map(Date::weekday), Some(0), "a Monday");
        assert_eq!(Date::parse("1970-01-01").map(Date::weekday), Some(3), "a Thursday");
    }

    #[test]
    fn parsing_and_day_numbers_round_trip() {
        for days in [-1, 0, 11_016, 20_779, 50_000] {
            let date = Date::from_unix_days(days);
            assert_eq!(date.unix_days(), days);
            assert_eq!(Date::parse(&date.to_string()), Some(date));
        }
        for bad in ["2026-02-30", "2026-13-01", "2026-00-10", "2026-1-01", "22/11/2026", "", "2026-11-22-1"] {
            assert_eq!(Date::parse(bad), None, "{bad}");
        }
    }
}
