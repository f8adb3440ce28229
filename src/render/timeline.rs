//! The timeline page: documents and events by year and month, with the density chart.

use super::views::*;
use super::{Site, chart};
use crate::index::Entry;
use crate::model::date::{month_name, year_words};
use crate::urls::SitePath;

impl Site<'_> {
    pub(super) fn timeline(&self, at: &SitePath) -> TimelinePage<'_> {
        let years: Vec<YearView> = self
            .indexes
            .timeline
            .iter()
            .map(|year| YearView {
                label: year_words(year.year),
                id: format!("y{}", year.year),
                count: year.documents(),
                months: year
                    .months
                    .iter()
                    .map(|month| MonthView {
                        label: match month.month {
                            Some(m) => format!("{} {}", month_name(m), year_words(year.year)),
                            None => format!("{}, month not known", year_words(year.year)),
                        },
                        id: match month.month {
                            Some(m) => format!("y{}-{m:02}", year.year),
                            None => format!("y{}-00", year.year),
                        },
                        entries: month
                            .entries
                            .iter()
                            .map(|entry| match entry {
                                Entry::Document(i) => {
                                    TimelineEntry::Document(self.doc_item(at, *i))
                                }
                                Entry::Event(i) => TimelineEntry::Event(self.event_item(at, *i)),
                            })
                            .collect(),
                    })
                    .collect(),
            })
            .collect();
        TimelinePage {
            chart_svg: chart::density(&self.indexes.timeline, year_words),
            documents: self.edition.documents.len(),
            events: self.edition.events.len(),
            years,
        }
    }
}
