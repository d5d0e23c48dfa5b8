//! Public days off and working days of public offices.
//!
//! The table is data (`holidays.txt`, one entry a line, format and sources in its comments): the
//! Tết days, the day next to 2/9 and swapped working days are set by the government each year and
//! cannot be computed. A commune may add local days with [`Holidays::extend`].

use std::collections::{BTreeMap, BTreeSet};

use crate::date::Date;

/// The shipped table.
const SHIPPED: &str = include_str!("holidays.txt");

/// Longest range accepted on one line, in days (Tết breaks have been 9 days at most).
const MAX_RANGE_DAYS: i64 = 31;

/// Days off and make-up working days, by days since 1970-01-01.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Holidays {
    /// Days off, with their names.
    off: BTreeMap<i64, String>,
    /// Saturdays and Sundays that are working days, with the reason.
    work: BTreeMap<i64, String>,
    /// Years whose whole schedule is listed.
    years: BTreeSet<i32>,
}

/// One line of the table.
#[derive(Debug, PartialEq)]
enum Entry {
    Year(i32),
    Off { first: i64, last: i64, name: String },
    Work { day: i64, reason: String },
}

impl Holidays {
    /// The shipped table. Empty (no year covered, so every result is approximate) if it does not
    /// parse, which a unit test rules out.
    pub fn shipped() -> Holidays {
        Holidays::parse(SHIPPED).unwrap_or_default()
    }

    /// Reads the table format of `holidays.txt`. An error names the line and says what is wrong.
    pub fn parse(text: &str) -> Result<Holidays, String> {
        let mut table = Holidays::default();
        for (index, raw) in text.lines().enumerate() {
            let line = raw.split_once('#').map_or(raw, |(before, _)| before).trim();
            if line.is_empty() {
                continue;
            }
            parse_line(line)
                .and_then(|entry| table.add(entry))
                .map_err(|error| format!("holidays line {}: {error}: `{line}`", index + 1))?;
        }
        Ok(table)
    }

    /// Adds another table, e.g. a commune's local days. On a date both tables list, `other` wins
    /// (its day off replaces a make-up day, and the reverse); its covered years are added.
    pub fn extend(&mut self, other: Holidays) {
        for day in other.off.keys() {
            self.work.remove(day);
        }
        for day in other.work.keys() {
            self.off.remove(day);
        }
        self.off.extend(other.off);
        self.work.extend(other.work);
        self.years.extend(other.years);
    }

    /// Monday to Friday and not a day off, or a listed make-up working day.
    pub fn is_working_day(&self, date: Date) -> bool {
        let day = date.unix_days();
        self.work.contains_key(&day) || !(is_weekend(day) || self.off.contains_key(&day))
    }

    /// The name of the day off on `date`, if the table lists one.
    pub fn day_off(&self, date: Date) -> Option<&str> {
        self.off.get(&date.unix_days()).map(String::as_str)
    }

    /// Whether every day off of `year` is known; results that depend on other years are approximate.
    pub fn covers(&self, year: i32) -> bool {
        self.years.contains(&year)
    }

    fn add(&mut self, entry: Entry) -> Result<(), String> {
        match entry {
            Entry::Year(year) => {
                self.years.insert(year);
            }
            Entry::Off { first, last, name } => {
                if let Some(day) = (first..=last).find(|day| self.work.contains_key(day)) {
                    return Err(format!("{} is also listed as a working day", Date::from_unix_days(day)));
                }
                self.off.extend((first..=last).map(|day| (day, name.clone())));
            }
            Entry::Work { day, reason } => {
                if self.off.contains_key(&day) {
                    return Err(format!("{} is also listed as a day off", Date::from_unix_days(day)));
                }
                self.work.insert(day, reason);
            }
        }
        Ok(())
    }
}

/// Saturday or Sunday (1970-01-01 was a Thursday).
fn is_weekend(day: i64) -> bool {
    crate::date::weekday_of(day) >= 5
}

fn parse_line(line: &str) -> Result<Entry, String> {
    if let Some(year) = line.strip_prefix("year:") {
        return parse_year(year.trim()).map(Entry::Year);
    }
    if let Some(rest) = line.strip_prefix("work:") {
        let (date, reason) = split_name(rest.trim())?;
        let day = parse_day(date)?;
        if !is_weekend(day) {
            return Err(format!("{date} is not a Saturday or Sunday, so it is a working day anyway"));
        }
        return Ok(Entry::Work { day, reason });
    }
    let (dates, name) = split_name(line)?;
    let (first, last) = match dates.split_once("..") {
        Some((first, last)) => (parse_day(first)?, parse_day(last)?),
        None => parse_day(dates).map(|day| (day, day))?,
    };
    if last < first {
        return Err("the range ends before it starts".to_string());
    }
    if last - first >= MAX_RANGE_DAYS {
        return Err(format!("a range is at most {MAX_RANGE_DAYS} days"));
    }
    Ok(Entry::Off { first, last, name })
}

/// Splits `date name` at the first space; the name is required.
fn split_name(text: &str) -> Result<(&str, String), String> {
    match text.split_once(char::is_whitespace) {
        Some((date, name)) if !name.trim().is_empty() => Ok((date, name.trim().to_string())),
        _ => Err("a date needs a name or reason after it".to_string()),
    }
}

fn parse_day(text: &str) -> Result<i64, String> {
    Date::parse(text).map(Date::unix_days).ok_or_else(|| format!("`{text}` is not a date (YYYY-MM-DD)"))
}

fn parse_year(text: &str) -> Result<i32, String> {
    match text.parse() {
        Ok(year) if text.len() == 4 => Ok(year),
        _ => Err(format!("`{text}` is not a year (YYYY)")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> Date {
        Date::parse(text).unwrap()
    }

    fn working(table: &Holidays, text: &str) -> bool {
        table.is_working_day(date(text))
    }

    #[test]
    fn weekdays_from_unix_days() {
        assert!(!is_weekend(0), "1970-01-01 was a Thursday");
        assert!(is_weekend(date("2026-02-14").unix_days()), "Saturday");
        assert!(is_weekend(date("2026-02-15").unix_days()), "Sunday");
        assert!(!is_weekend(date("2026-02-16").unix_days()), "Monday");
        assert!(!is_weekend(date("1969-12-31").unix_days()), "Wednesday, before the epoch");
    }

    #[test]
    fn shipped_table_parses_and_covers_2025_and_2026_only() {
        assert!(Holidays::parse(SHIPPED).is_ok(), "{:?}", Holidays::parse(SHIPPED).err());
        let table = Holidays::shipped();
        assert!(table.covers(2025) && table.covers(2026));
        assert!(!table.covers(2024), "no schedule listed");
        assert!(!table.covers(2027), "2027 is provisional until the government publishes it");
    }

    #[test]
    fn shipped_days_off_2026() {
        let table = Holidays::shipped();
        for day in ["2026-01-01", "2026-01-02", "2026-02-16", "2026-02-20", "2026-04-27", "2026-04-30", "2026-05-01"] {
            assert!(!working(&table, day), "{day} is a day off");
        }
        for day in ["2026-08-31", "2026-09-01", "2026-09-02"] {
            assert!(!working(&table, day), "{day} is in the Quốc khánh break");
        }
        for day in ["2026-01-05", "2026-02-13", "2026-02-23", "2026-04-28", "2026-09-03"] {
            assert!(working(&table, day), "{day} is an ordinary working day");
        }
        assert!(!working(&table, "2026-03-07") && !working(&table, "2026-03-08"), "an ordinary weekend");
        assert_eq!(table.day_off(date("2026-02-17")), Some("Tết Nguyên đán"));
        assert_eq!(table.day_off(date("2026-02-23")), None);
    }

    #[test]
    fn make_up_saturdays_are_working_days() {
        let table = Holidays::shipped();
        assert!(working(&table, "2026-01-10"), "for Friday 2026-01-02");
        assert!(working(&table, "2026-08-22"), "for Monday 2026-08-31");
        assert!(working(&table, "2025-04-26"), "for Friday 2025-05-02");
        assert!(!working(&table, "2025-05-02"));
    }

    #[test]
    fn shipped_2025_and_provisional_2027() {
        let table = Holidays::shipped();
        for day in ["2025-01-01", "2025-01-27", "2025-01-31", "2025-04-07", "2025-09-01", "2025-09-02"] {
            assert!(!working(&table, day), "{day}");
        }
        assert!(working(&table, "2025-02-03"), "back after Tết 2025");
        for day in ["2027-02-05", "2027-02-11", "2027-04-16", "2027-05-03", "2027-09-03"] {
            assert!(!working(&table, day), "{day}");
        }
    }

    #[test]
    fn parse_reads_comments_ranges_and_years() {
        let text = "# a comment\n\nyear: 2030 # trailing comment\n2030-01-01 New Year\n\
                    2030-02-02..2030-02-04 Tết\nwork: 2030-02-09 make-up\n";
        let table = Holidays::parse(text).unwrap();
        assert!(table.covers(2030) && !table.covers(2031));
        assert!(!working(&table, "2030-01-01"));
        assert!(!working(&table, "2030-02-04"), "range end is included");
        assert!(working(&table, "2030-02-05"));
        assert!(working(&table, "2030-02-09"), "make-up Saturday");
        assert_eq!(table.day_off(date("2030-02-03")), Some("Tết"));
    }

    #[test]
    fn parse_errors_name_the_line() {
        let cases = [
            ("2026-02-30 Tết", "line 1", "not a date"),
            ("# ok\n2026-02-16", "line 2", "needs a name"),
            ("\n\n2026-02-20..2026-02-16 Tết", "line 3", "ends before it starts"),
            ("2026-01-01..2026-03-01 long", "line 1", "at most 31 days"),
            ("work: 2026-02-16 Monday", "line 1", "not a Saturday or Sunday"),
            ("year: 26", "line 1", "not a year"),
            ("holiday: 2026-01-01 New Year", "line 1", "not a date"),
            (
                "work: 2026-01-10 make-up\n2026-01-09..2026-01-11 off",
                "line 2",
                "2026-01-10 is also listed as a working day",
            ),
            ("2026-01-10 off\nwork: 2026-01-10 make-up", "line 2", "also listed as a day off"),
        ];
        for (text, line, message) in cases {
            let error = Holidays::parse(text).unwrap_err();
            assert!(error.contains(line) && error.contains(message), "{text:?} gave {error:?}");
        }
    }

    #[test]
    fn extend_adds_local_days_and_the_overlay_wins() {
        let mut table = Holidays::shipped();
        let local = Holidays::parse("2026-03-10 Lễ hội địa phương\nwork: 2026-08-29 trực lễ\n").unwrap();
        table.extend(local);
        assert!(!working(&table, "2026-03-10"), "local day off added");
        assert!(working(&table, "2026-08-29"), "overlay's working Saturday replaces the day off");
        assert!(!working(&table, "2026-02-16"), "national days kept");
        assert!(table.covers(2026) && !table.covers(2027), "coverage unchanged by an overlay without years");

        let mut base = Holidays::parse("work: 2030-02-09 make-up").unwrap();
        base.extend(Holidays::parse("2030-02-09 local day off").unwrap());
        assert!(!working(&base, "2030-02-09"), "overlay's day off replaces the make-up day");
    }
}
