//! The timeline's density chart: documents per year (or per month, for editions spanning a
//! few years), drawn as inline SVG at build time, so it needs no script and prints. Each bar
//! links to its year's (or month's) section of the timeline.

use std::fmt::Write;

use crate::index::Year;

/// Editions spanning at most this many years get a bar per month.
const MONTHLY_UP_TO_YEARS: i64 = 4;
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
    if last - first < MONTHLY_UP_TO_YEARS {
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
        // Every year of the span gets a bar, so gaps show as gaps.
        let mut by_year = years.iter().peekable();
        let step = tick_step(last - first);
        for year in first..=last {
            let count = match by_year.peek() {
                Some(y) if y.year == year => by_year.next().expect("peeked").documents(),
                _ => 0,
            };
            bars.push(Bar {
                count,
                target: format!("#y{year}"),
                label: format!("{}: {}", year_words(year), documents(count)),
                tick: (year == first || year.rem_euclid(step) == 0).then(|| year_words(year)),
            });
        }
    }
    let total: usize = bars.iter().map(|b| b.count).sum();
    if total == 0 {
        return None;
    }
    Some(svg(&bars, total))
}

fn documents(count: usize) -> String {
    format!("{count} document{}", if count == 1 { "" } else { "s" })
}

/// A tick every 1, 5, 10, 25, 50 or 100 years, so labels do not crowd.
fn tick_step(span: i64) -> i64 {
    [1, 5, 10, 25, 50, 100, 250, 500, 1000]
        .into_iter()
        .find(|step| span / step <= 12)
        .unwrap_or(1000)
}

fn svg(bars: &[Bar], total: usize) -> String {
    let max = bars.iter().map(|b| b.count).max().unwrap_or(1).max(1);
    let width = bars.len() as u32 * (BAR + GAP);
    let mut out = String::with_capacity(bars.len() * 200);
    let _ = write!(
        out,
        "<svg class=\"density-chart\" viewBox=\"0 0 {width} {}\" role=\"group\" aria-labelledby=\"density-title\">\
         <title id=\"density-title\">Documents per {}: {} in all</title>",
        HEIGHT + LABELS,
        if bars.len() > 1 && bars[0].target.contains('-') {
            "month"
        } else {
            "year"
        },
        total
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
