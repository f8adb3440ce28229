//! The timeline's density chart: documents per year (or per month, for editions spanning a
//! few years), drawn as inline SVG at build time, so it needs no script and prints. Each bar
//! links to its year's (or month's) section of the timeline.

use std::fmt::Write;

use crate::index::Year;

/// Editions spanning at most this many years get a bar per month.
const MONTHLY_UP_TO_YEARS: i64 = 4;
/// The most bars drawn: a year a bar up to this span, then longer stretches.
const MAX_BARS: i64 = 150;
const BAR: u32 = 12;
const GAP: u32 = 2;
const HEIGHT: u32 = 120;
const LABELS: u32 = 18;

/// One bar: what it counts, where it links, how it is labelled.
struct Bar {
    count: usize,
    target: String,
    label: String,
    /// Shown under the axis, for some bars.
    tick: Option<String>,
}

/// The chart for `years` (the timeline's years, in order), or `None` without documents.
pub(super) fn density(years: &[Year], year_words: impl Fn(i64) -> String) -> Option<String> {
    let first = years.first()?.year;
    let last = years.last()?.year;
    let mut bars = Vec::new();
    let per;
    if last - first < MONTHLY_UP_TO_YEARS {
        per = "month".to_owned();
        for year in years {
            for month in 1..=12u8 {
                let count = year.documents_in(month);
                let name = crate::model::date::month_name(month);
                bars.push(Bar {
                    count,
                    target: format!("#y{}-{month:02}", year.year),
                    label: format!("{name} {}: {}", year_words(year.year), documents(count)),
                    tick: (month == 1).then(|| year_words(year.year)),
                });
            }
        }
    } else {
        // Every stretch of the span gets a bar, so gaps show as gaps; a stretch is one year
        // unless the span is too long to draw a bar a year.
        let step = years_per_bar(first, last);
        per = match step {
            1 => "year".to_owned(),
            _ => format!("{step} years"),
        };
        let start = |year: i64| year - year.rem_euclid(step);
        let tick = tick_step((start(last) - start(first)) / step).saturating_mul(step);
        // The first bar is labelled, unless the next label is under half a tick away.
        let label_first = (tick - start(first).rem_euclid(tick)).saturating_mul(2) >= tick;
        let mut by_year = years.iter().peekable();
        let mut from = start(first);
        while from <= last {
            let to = from.saturating_add(step - 1);
            let mut count = 0;
            let mut target = None;
            while let Some(year) = by_year.next_if(|y| y.year <= to) {
                count += year.documents();
                target.get_or_insert(year.year);
            }
            let words = if step == 1 {
                year_words(from)
            } else {
                format!("{}–{}", year_words(from), year_words(to))
            };
            bars.push(Bar {
                count,
                target: format!("#y{}", target.unwrap_or(from)),
                label: format!("{words}: {}", documents(count)),
                tick: ((from == start(first) && label_first) || from.rem_euclid(tick) == 0)
                    .then(|| year_words(from)),
            });
            let Some(next) = from.checked_add(step) else {
                break;
            };
            from = next;
        }
    }
    let total: usize = bars.iter().map(|b| b.count).sum();
    if total == 0 {
        return None;
    }
    Some(svg(&bars, &per, total))
}

fn documents(count: usize) -> String {
    format!("{count} document{}", if count == 1 { "" } else { "s" })
}

/// Years a bar stands for: one, or for a span too long to draw (a date in another era, a
/// mistyped year), 2, 5, 10, 20, 50, 100… so the chart keeps at most [`MAX_BARS`] bars.
/// Bars start at multiples of their length, so the count is that of multiples met.
fn years_per_bar(first: i64, last: i64) -> i64 {
    let mut magnitude = 1_i64;
    loop {
        for step in [1_i64, 2, 5].map(|m| m.saturating_mul(magnitude)) {
            if last.div_euclid(step) - first.div_euclid(step) < MAX_BARS {
                return step;
            }
        }
        magnitude = magnitude.saturating_mul(10);
    }
}

/// A tick every 1, 5, 10, 25, 50 or 100 bars, so labels do not crowd.
fn tick_step(bars: i64) -> i64 {
    [1, 5, 10, 25, 50, 100]
        .into_iter()
        .find(|step| bars / step <= 12)
        .unwrap_or(100)
}

fn svg(bars: &[Bar], per: &str, total: usize) -> String {
    let max = bars.iter().map(|b| b.count).max().unwrap_or(1).max(1);
    let width = bars.len() as u32 * (BAR + GAP);
    let mut out = String::with_capacity(bars.len() * 200);
    let _ = write!(
        out,
        "<svg class=\"density-chart\" viewBox=\"0 0 {width} {}\" role=\"group\" aria-labelledby=\"density-title\">\
         <title id=\"density-title\">Documents per {per}: {total} in all</title>",
        HEIGHT + LABELS,
    );
    for (i, bar) in bars.iter().enumerate() {
        let x = i as u32 * (BAR + GAP);
        if bar.count > 0 {
            let height = ((bar.count as f64 / max as f64) * f64::from(HEIGHT - 4))
                .ceil()
                .max(2.0) as u32;
            let _ = write!(
                out,
                "<a href=\"{}\" aria-label=\"{}\"><rect class=\"bar\" x=\"{x}\" y=\"{}\" width=\"{BAR}\" height=\"{height}\"><title>{}</title></rect></a>",
                bar.target,
                bar.label,
                HEIGHT - height,
                bar.label
            );
        }
        if let Some(tick) = &bar.tick {
            let _ = write!(
                out,
                "<text class=\"tick\" x=\"{x}\" y=\"{}\">{tick}</text>",
                HEIGHT + LABELS - 4
            );
        }
    }
    let _ = write!(
        out,
        "<line class=\"axis\" x1=\"0\" y1=\"{HEIGHT}\" x2=\"{width}\" y2=\"{HEIGHT}\"/></svg>"
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bar_a_year_up_to_the_limit_then_never_more_bars_than_it() {
        assert_eq!(years_per_bar(1800, 1800 + MAX_BARS - 1), 1);
        assert_eq!(years_per_bar(1800, 1800 + MAX_BARS), 2);
        let spans = [
            (1770, 1920),
            (-500, 1945),
            (1920, 170_000_002),
            (-170_000_002, 1920),
            (i64::from(i32::MIN), i64::from(i32::MAX)),
        ];
        for (first, last) in spans {
            let step = years_per_bar(first, last);
            let bars = last.div_euclid(step) - first.div_euclid(step) + 1;
            assert!(
                bars <= MAX_BARS,
                "{first}..{last}: {bars} bars of {step} years"
            );
        }
    }
}
