//! Calendar days and the EDTF forms documents and registries are dated with.
//!
//! Forms written, with the share of documents given each ([`DocumentDate::draw`]):
//!
//! ```text
//! 1931-08-12              full day                   70%
//! 1931-08                 month only                 10%
//! 1931                    year only                   5%
//! 1931-08-12?             uncertain day               5%
//! 1931-08-12~  1931-08~   approximate day or month    5%
//! 1931-08-12/1931-08-15   interval of 1-10 days       5%
//! ```

use crate::rng::Rng;

/// Days since 1 January 1970 in the proleptic Gregorian calendar.
pub(crate) type DayNumber = i64;

/// A calendar day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Day {
    pub(crate) year: i64,
    pub(crate) month: u32,
    pub(crate) day: u32,
}

/// English month names, for dates in words.
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

impl Day {
    /// The day `number` days after 1970-01-01 (Hinnant's `civil_from_days`).
    pub(crate) fn from_number(number: DayNumber) -> Day {
        let z = number + 719_468;
        let era = z.div_euclid(146_097);
        let day_of_era = z.rem_euclid(146_097);
        let year_of_era =
            (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
        let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
        let shifted_month = (5 * day_of_year + 2) / 153;
        let day = (day_of_year - (153 * shifted_month + 2) / 5 + 1) as u32;
        let month = if shifted_month < 10 {
            shifted_month + 3
        } else {
            shifted_month - 9
        } as u32;
        let year = year_of_era + era * 400 + i64::from(month <= 2);
        Day { year, month, day }
    }

    /// The number of this day (Hinnant's `days_from_civil`).
    pub(crate) fn number(self) -> DayNumber {
        let year = self.year - i64::from(self.month <= 2);
        let era = year.div_euclid(400);
        let year_of_era = year.rem_euclid(400);
        let month = i64::from(self.month);
        let day_of_year = (153 * (if month > 2 { month - 3 } else { month + 9 }) + 2) / 5
            + i64::from(self.day)
            - 1;
        let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
        era * 146_097 + day_of_era - 719_468
    }

    /// `1931-08-12`.
    pub(crate) fn iso(self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }

    /// `1931-08`.
    pub(crate) fn iso_month(self) -> String {
        format!("{:04}-{:02}", self.year, self.month)
    }

    /// "12 August 1931".
    pub(crate) fn words(self) -> String {
        format!(
            "{} {} {}",
            self.day,
            MONTHS[self.month as usize - 1],
            self.year
        )
    }
}

/// A document's date: the EDTF text and the day it was drawn around.
pub(crate) struct DocumentDate {
    /// The value of `date:` in the front matter.
    pub(crate) edtf: String,
    /// The day the date was drawn around; its earliest possible day, except for a month or
    /// year written alone, which start earlier.
    pub(crate) day: Day,
    /// Whether the date is a single, certain day (so same-day documents get an `order`).
    pub(crate) exact_day: bool,
}

impl DocumentDate {
    /// A date around `day` in one of the forms of the module doc.
    pub(crate) fn draw(day: Day, rng: &mut Rng) -> DocumentDate {
        let roll = rng.below(100);
        let edtf = match roll {
            0..70 => day.iso(),
            70..80 => day.iso_month(),
            80..85 => format!("{:04}", day.year),
            85..90 => format!("{}?", day.iso()),
            90..95 if rng.percent(50) => format!("{}~", day.iso()),
            90..95 => format!("{}~", day.iso_month()),
            _ => {
                let end = Day::from_number(day.number() + rng.between(1, 10) as DayNumber);
                format!("{}/{}", day.iso(), end.iso())
            }
        };
        DocumentDate {
            edtf,
            day,
            exact_day: roll < 70,
        }
    }

    /// The start of an id: `1931-08-12`, `1931-08` or `1931`, as precise as the date.
    pub(crate) fn id_prefix(&self) -> &str {
        let end = self.edtf.find(['?', '~', '/']).unwrap_or(self.edtf.len());
        &self.edtf[..end]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Day numbers and calendar days convert both ways, leap days included.
    #[test]
    fn day_numbers_round_trip() {
        assert_eq!(Day::from_number(0).iso(), "1970-01-01");
        let leap = Day {
            year: 1904,
            month: 2,
            day: 29,
        };
        assert_eq!(Day::from_number(leap.number()), leap);
        for number in -30_000..-10_000 {
            assert_eq!(Day::from_number(number).number(), number);
        }
    }
}
