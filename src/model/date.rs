//! Dates as editors write them: EDTF (ISO 8601-2) levels 0 and 1, over the `edtf` crate.
//!
//! Grammar accepted (one value, or an interval of two):
//!
//! ```text
//! date      = year [ "-" month [ "-" day ] ] [ qualifier ]     1945-10-21  1945-10  1945
//!           | year "-" season [ qualifier ]                    2001-21 (spring) .. 2001-24 (winter)
//!           | unspecified                                      19XX  194X  1945-XX  1945-10-XX
//!           | "Y" signed-digits{5,}                            Y170000002
//! qualifier = "?" (uncertain) | "~" (approximate) | "%" (both)
//! interval  = date "/" date | date "/" ".." | ".." "/" date    1920-07-12/1920-07-13  1920-07/..
//!           | date "/" | "/" date                              an unknown end
//! ```
//!
//! The crate parses and checks the calendar (leap years included). This module adds what an
//! edition needs from a date: the earliest and latest possible day ([`Date::earliest`], which
//! orders the edition and the timeline), the date in words ("c. 1945", "12-13 July 1920"), and
//! refusals the crate does not make: reversed intervals, times of day, seasons with a day.

use std::fmt;

use edtf::level_1::{Certainty, Date as EdtfDate, Edtf, Precision, Season, Terminal};

/// One calendar day (proleptic Gregorian, astronomical years: year 0 is 1 BCE). Ordered in time.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Day {
    /// Year; may be negative.
    pub year: i64,
    /// Month, 1-12.
    pub month: u8,
    /// Day of the month, 1-31.
    pub day: u8,
}

/// A document's or event's date, checked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Date {
    edtf: Edtf,
    earliest: Day,
    latest: Option<Day>,
}

/// How much of a date is known, as calendars and reference managers count it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Known {
    /// The day (`1945-10-21`).
    Day,
    /// The month (`1945-10`, `1945-10-XX`).
    Month,
    /// The season: 1 spring, 2 summer, 3 autumn, 4 winter (`1945-21`).
    Season(u8),
    /// The year (`1945`, `1945-XX`).
    Year,
    /// Only some digits of the year (`194X`, `19XX`).
    PartOfYear,
}

/// Why a string is not a date annals accepts.
#[derive(Debug, PartialEq, Eq)]
pub enum DateError {
    /// Not EDTF at all.
    Syntax,
    /// Well-formed, but no such day (month 13, 30 February).
    NotInCalendar,
    /// An interval whose end comes before its start.
    Reversed,
    /// A date with a time of day.
    HasTime,
}

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            DateError::Syntax => "is not an EDTF date",
            DateError::NotInCalendar => "is not a day of the calendar",
            DateError::Reversed => "ends before it begins",
            DateError::HasTime => "has a time of day; a document's date is a day",
        })
    }
}

impl DateError {
    /// Advice for an editor.
    pub fn help(&self) -> &'static str {
        match self {
            DateError::Syntax => {
                "write 1945-10-21, 1945-10 or 1945; 1945-10-21? if uncertain, 1945~ if \
                 approximate; 1920-07-12/1920-07-13 for a span, 1920-07/.. if open-ended"
            }
            DateError::NotInCalendar => {
                "check that the month is 01-12 and the day exists in that month (1945-02-29 does not)"
            }
            DateError::Reversed => "write the earlier date first: 1920-07-12/1920-07-13",
            DateError::HasTime => "keep the day alone (1945-10-21) and put the time in the text",
        }
    }
}

impl Date {
    /// Parses an EDTF level 0 or 1 value.
    pub fn parse(text: &str) -> Result<Date, DateError> {
        let edtf = Edtf::parse(text).map_err(|error| match error {
            edtf::ParseError::OutOfRange => DateError::NotInCalendar,
            _ => DateError::Syntax,
        })?;
        let (earliest, latest) = match &edtf {
            Edtf::Date(date) => {
                let (first, last) = bounds(date)?;
                (first, Some(last))
            }
            Edtf::Interval(start, end) => {
                let (first, _) = bounds(start)?;
                let (_, last) = bounds(end)?;
                if last < first {
                    return Err(DateError::Reversed);
                }
                (first, Some(last))
            }
            Edtf::IntervalFrom(start, _) => (bounds(start)?.0, None),
            // With no known start, the end's own first day is the earliest day we can name.
            Edtf::IntervalTo(_, end) => {
                let (first, last) = bounds(end)?;
                (first, Some(last))
            }
            Edtf::YYear(year) => {
                let year = year.value();
                (day(year, 1, 1), Some(day(year, 12, 31)))
            }
            Edtf::DateTime(_) => return Err(DateError::HasTime),
        };
        Ok(Date {
            edtf,
            earliest,
            latest,
        })
    }

    /// The earliest day the date can mean: what orders documents and places them on the
    /// timeline ("placed by their earliest day").
    pub fn earliest(&self) -> Day {
        self.earliest
    }

    /// The latest day the date can mean; `None` for an interval open or unknown at its end.
    pub fn latest(&self) -> Option<Day> {
        self.latest
    }

    /// Whether the date is a span of days given as an interval (`1920-07-12/1920-07-13`).
    pub fn is_interval(&self) -> bool {
        !matches!(self.edtf, Edtf::Date(_) | Edtf::YYear(_))
    }

    /// Whether any part is marked uncertain (`?`) or approximate (`~`, `%`).
    pub fn is_qualified(&self) -> bool {
        self.has_certainty(|c| c != Certainty::Certain)
    }

    /// Whether any part is marked uncertain (`?` or `%`).
    pub fn is_uncertain(&self) -> bool {
        self.has_certainty(|c| matches!(c, Certainty::Uncertain | Certainty::ApproximateUncertain))
    }

    /// Whether any part is marked approximate (`~` or `%`).
    pub fn is_approximate(&self) -> bool {
        self.has_certainty(|c| {
            matches!(c, Certainty::Approximate | Certainty::ApproximateUncertain)
        })
    }

    fn has_certainty(&self, test: impl Fn(Certainty) -> bool) -> bool {
        self.ends()
            .into_iter()
            .flatten()
            .any(|date| test(date.certainty()))
    }

    fn ends(&self) -> [Option<EdtfDate>; 2] {
        match self.edtf {
            Edtf::Date(date) => [Some(date), None],
            Edtf::Interval(start, end) => [Some(start), Some(end)],
            Edtf::IntervalFrom(start, _) => [Some(start), None],
            Edtf::IntervalTo(_, end) => [None, Some(end)],
            Edtf::YYear(_) | Edtf::DateTime(_) => [None, None],
        }
    }

    /// The date in words: "21 October 1945", "c. 1945", "October 1945?", "12-13 July 1920",
    /// "30 June - 2 July 1920", "from July 1920".
    pub fn in_words(&self) -> String {
        match self.edtf {
            Edtf::Date(date) => words(&date, true),
            Edtf::Interval(start, end) => span_words(&start, &end),
            Edtf::IntervalFrom(start, Terminal::Open) => format!("from {}", words(&start, true)),
            Edtf::IntervalFrom(start, Terminal::Unknown) => {
                format!("from {} (end unknown)", words(&start, true))
            }
            Edtf::IntervalTo(Terminal::Open, end) => format!("until {}", words(&end, true)),
            Edtf::IntervalTo(Terminal::Unknown, end) => {
                format!("until {} (start unknown)", words(&end, true))
            }
            Edtf::YYear(year) => format!("year {}", year_words(year.value())),
            Edtf::DateTime(_) => unreachable!("Date::parse refuses times of day"),
        }
    }

    /// The month of the earliest day, when the date says which month it starts in (not for
    /// `1945`, `1945~`, `194X`); the timeline groups by it.
    pub fn start_month(&self) -> Option<u8> {
        let start = match self.ends() {
            [Some(date), _] | [None, Some(date)] => date,
            [None, None] => return None,
        };
        match start.precision() {
            Precision::Day(..)
            | Precision::Month(..)
            | Precision::DayOfMonth(..)
            | Precision::Season(..) => Some(self.earliest.month),
            _ => None,
        }
    }

    /// How much of the date's start (or of its only end) is known.
    pub fn precision(&self) -> Known {
        let start = match self.ends() {
            [Some(date), _] | [None, Some(date)] => date,
            [None, None] => return Known::Year,
        };
        match start.precision() {
            Precision::Day(..) => Known::Day,
            Precision::Month(..) | Precision::DayOfMonth(..) => Known::Month,
            Precision::Season(_, season) => Known::Season(season as u8 - 20),
            Precision::Year(..) | Precision::MonthOfYear(..) | Precision::DayOfYear(..) => {
                Known::Year
            }
            Precision::Decade(..) | Precision::Century(..) => Known::PartOfYear,
        }
    }

    /// A machine-readable form of the earliest day's precision for `<time datetime>` and
    /// metadata: `1945-10-21`, `1945-10` or `1945`; `None` outside years 1-9999.
    pub fn machine_start(&self) -> Option<String> {
        let first = self.earliest;
        if !(1..=9999).contains(&first.year) {
            return None;
        }
        Some(match self.precision() {
            Known::Day => format!("{:04}-{:02}-{:02}", first.year, first.month, first.day),
            Known::Month => format!("{:04}-{:02}", first.year, first.month),
            Known::Season(_) | Known::Year | Known::PartOfYear => format!("{:04}", first.year),
        })
    }
}

impl fmt::Display for Date {
    /// The date as EDTF, exactly as it was given.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.edtf)
    }
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// English name of month `month` (1-12).
pub fn month_name(month: u8) -> &'static str {
    MONTHS[usize::from(month.clamp(1, 12)) - 1]
}

fn day(year: i64, month: u8, day: u8) -> Day {
    Day { year, month, day }
}

fn is_leap(year: i64) -> bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
}

fn days_in_month(year: i64, month: u8) -> u8 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// A run of `unit` years named by its first digits (19XX → 1900-1999; -19XX → -1999 to -1900).
fn year_run(year: i32, unit: i64) -> (i64, i64) {
    let year = i64::from(year);
    if year < 0 {
        (year - (unit - 1), year)
    } else {
        (year, year + unit - 1)
    }
}

/// Months of a season, by the northern meteorological convention (EDTF leaves it open).
fn season_months(season: Season) -> (u8, u8) {
    match season {
        Season::Spring => (3, 5),
        Season::Summer => (6, 8),
        Season::Autumn => (9, 11),
        Season::Winter => (12, 2),
    }
}

fn bounds(date: &EdtfDate) -> Result<(Day, Day), DateError> {
    let whole_years = |first: i64, last: i64| (day(first, 1, 1), day(last, 12, 31));
    Ok(match date.precision() {
        Precision::Century(year) => {
            let (first, last) = year_run(year, 100);
            whole_years(first, last)
        }
        Precision::Decade(year) => {
            let (first, last) = year_run(year, 10);
            whole_years(first, last)
        }
        Precision::Year(year) | Precision::MonthOfYear(year) | Precision::DayOfYear(year) => {
            whole_years(i64::from(year), i64::from(year))
        }
        Precision::Season(year, season) => {
            let year = i64::from(year);
            let (first, last) = season_months(season);
            let last_year = if last < first { year + 1 } else { year };
            (
                day(year, first, 1),
                day(last_year, last, days_in_month(last_year, last)),
            )
        }
        Precision::Month(year, month) | Precision::DayOfMonth(year, month) => {
            // The crate reads a season with a day (2001-21-XX) as month 21: not EDTF.
            let month = u8::try_from(month)
                .ok()
                .filter(|m| (1..=12).contains(m))
                .ok_or(DateError::Syntax)?;
            let year = i64::from(year);
            (
                day(year, month, 1),
                day(year, month, days_in_month(year, month)),
            )
        }
        Precision::Day(year, month, d) => {
            // The crate checked the calendar, so these fit.
            let the_day = day(i64::from(year), month as u8, d as u8);
            (the_day, the_day)
        }
    })
}

/// A year for readers: astronomical year 0 is 1 BCE, -43 is 44 BCE.
pub fn year_words(year: i64) -> String {
    if year > 0 {
        year.to_string()
    } else {
        format!("{} BCE", 1 - year)
    }
}

/// One date in words. `with_year` is false for the start of a span within one year.
fn words(date: &EdtfDate, with_year: bool) -> String {
    let year = |y: i32| {
        if with_year {
            format!(" {}", year_words(i64::from(y)))
        } else {
            String::new()
        }
    };
    let bare = match date.precision() {
        Precision::Day(y, m, d) => format!("{d} {}{}", month_name(m as u8), year(y)),
        Precision::Month(y, m) | Precision::DayOfMonth(y, m) => {
            format!("{}{}", month_name(m as u8), year(y))
        }
        Precision::Year(y) | Precision::MonthOfYear(y) | Precision::DayOfYear(y) => {
            year_words(i64::from(y))
        }
        Precision::Season(y, season) => {
            let name = match season {
                Season::Spring => "spring",
                Season::Summer => "summer",
                Season::Autumn => "autumn",
                Season::Winter => "winter",
            };
            format!("{name}{}", year(y))
        }
        Precision::Decade(y) if y > 0 => format!("{}s", year_words(i64::from(y))),
        // "the 190s BCE" would be ambiguous; the years are named instead.
        Precision::Decade(y) => {
            let (first, last) = year_run(y, 10);
            format!("{}-{}", year_words(first), year_words(last))
        }
        Precision::Century(y) => {
            let (first, last) = year_run(y, 100);
            format!("{}-{}", year_words(first), year_words(last))
        }
    };
    qualified(bare, date.certainty())
}

fn qualified(words: String, certainty: Certainty) -> String {
    match certainty {
        Certainty::Certain => words,
        Certainty::Uncertain => format!("{words}?"),
        Certainty::Approximate => format!("c. {words}"),
        Certainty::ApproximateUncertain => format!("c. {words}?"),
    }
}

/// A closed span: shares the month and year where it can ("12-13 July 1920",
/// "30 June - 2 July 1920", "1920-1921").
fn span_words(start: &EdtfDate, end: &EdtfDate) -> String {
    if start == end {
        return words(start, true);
    }
    let both_certain =
        start.certainty() == Certainty::Certain && end.certainty() == Certainty::Certain;
    match (start.precision(), end.precision()) {
        (Precision::Day(y1, m1, d1), Precision::Day(y2, m2, d2))
            if both_certain && y1 == y2 && m1 == m2 =>
        {
            format!(
                "{d1}-{d2} {} {}",
                month_name(m2 as u8),
                year_words(i64::from(y2))
            )
        }
        (Precision::Year(y1), Precision::Year(y2)) if both_certain => {
            format!(
                "{}-{}",
                year_words(i64::from(y1)),
                year_words(i64::from(y2))
            )
        }
        (
            Precision::Day(y1, ..) | Precision::Month(y1, _),
            Precision::Day(y2, ..) | Precision::Month(y2, _),
        ) if both_certain && y1 == y2 => {
            format!("{} - {}", words(start, false), words(end, true))
        }
        _ => format!("{} - {}", words(start, true), words(end, true)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words_of(text: &str) -> String {
        Date::parse(text).unwrap().in_words()
    }

    #[test]
    fn dates_read_in_words() {
        assert_eq!(words_of("1945-10-21"), "21 October 1945");
        assert_eq!(words_of("1945-10"), "October 1945");
        assert_eq!(words_of("1945"), "1945");
        assert_eq!(words_of("1945-10-21?"), "21 October 1945?");
        assert_eq!(words_of("1945~"), "c. 1945");
        assert_eq!(words_of("1945%"), "c. 1945?");
        assert_eq!(words_of("1920-07-12/1920-07-13"), "12-13 July 1920");
        assert_eq!(words_of("1920-06-30/1920-07-02"), "30 June - 2 July 1920");
        assert_eq!(words_of("1920/1921"), "1920-1921");
        assert_eq!(words_of("1920-07/.."), "from July 1920");
        assert_eq!(words_of("../1920"), "until 1920");
        assert_eq!(words_of("194X"), "1940s");
        assert_eq!(words_of("19XX"), "1900-1999");
        assert_eq!(words_of("2001-21"), "spring 2001");
        assert_eq!(words_of("-0043"), "44 BCE");
        assert_eq!(words_of("1936-04-30~"), "c. 30 April 1936");
        assert_eq!(words_of("1920-07-12/1920-07-12"), "12 July 1920");
        assert_eq!(words_of("-019X"), "200 BCE-191 BCE");
        assert_eq!(words_of("000X"), "1 BCE-9");
    }

    #[test]
    fn earliest_day_orders_dates() {
        let earliest = |text: &str| Date::parse(text).unwrap().earliest();
        assert_eq!(earliest("1945-10"), day(1945, 10, 1));
        assert_eq!(earliest("1945~"), day(1945, 1, 1));
        assert_eq!(earliest("19XX"), day(1900, 1, 1));
        assert_eq!(earliest("../1920-07"), day(1920, 7, 1));
        assert!(earliest("1945-10-21?") > earliest("1945-10"));
        assert_eq!(
            Date::parse("1944-02-XX").unwrap().latest(),
            Some(day(1944, 2, 29))
        );
        assert_eq!(Date::parse("1920-07/..").unwrap().latest(), None);
    }

    #[test]
    fn refuses_what_is_not_a_document_date() {
        assert_eq!(Date::parse("21 Oct 1945"), Err(DateError::Syntax));
        assert_eq!(Date::parse("1945-13-01").unwrap_err(), DateError::Syntax);
        assert_eq!(Date::parse("1945-02-29"), Err(DateError::NotInCalendar));
        assert_eq!(
            Date::parse("1920-07-13/1920-07-12"),
            Err(DateError::Reversed)
        );
        assert_eq!(Date::parse("1945-10-21T10:00:00Z"), Err(DateError::HasTime));
        assert_eq!(Date::parse("2001-21-XX"), Err(DateError::Syntax));
        assert_eq!(Date::parse(""), Err(DateError::Syntax));
    }

    #[test]
    fn machine_form_keeps_the_precision() {
        let machine = |text: &str| Date::parse(text).unwrap().machine_start();
        assert_eq!(machine("1945-10-21?").as_deref(), Some("1945-10-21"));
        assert_eq!(machine("1945-10").as_deref(), Some("1945-10"));
        assert_eq!(machine("1945~").as_deref(), Some("1945"));
        assert_eq!(machine("-0043"), None);
    }
}
