//! `sitemap.xml` and `feed.xml`: the site's pages for search engines, and its documents as
//! an Atom feed for readers. Both come from theme templates, like every other page, and use
//! absolute addresses from `base_url` (site-relative ones without it).
//!
//! A sitemap may list 50,000 addresses; larger editions get `sitemap.xml` as an index of
//! `sitemap-1.xml`, `sitemap-2.xml`, ... as the sitemaps protocol requires.

use serde::Serialize;

use std::io::Write;

use super::{Page, PageError, PageKind, Site};
use crate::model::date::Day;
use crate::urls::{self, SitePath};

/// Addresses per sitemap file, the protocol's limit.
const SITEMAP_LIMIT: usize = 50_000;
/// Documents in the feed: the latest by date. A feed is for following an edition, not for
/// downloading it (`data/documents.json` is).
const FEED_ENTRIES: usize = 500;

/// The sitemap files for the HTML pages among `pages`.
pub(super) fn plan_sitemaps(pages: &[Page]) -> Vec<Page> {
    let listed: Vec<SitePath> = pages
        .iter()
        .filter(|page| page.kind.is_listed())
        .map(|page| page.path.clone())
        .collect();
    if listed.len() <= SITEMAP_LIMIT {
        return vec![Page {
            path: SitePath::fixed("sitemap.xml"),
            kind: PageKind::Sitemap(listed),
        }];
    }
    let chunks: Vec<Vec<SitePath>> = listed
        .chunks(SITEMAP_LIMIT)
        .map(<[SitePath]>::to_vec)
        .collect();
    let mut sitemaps: Vec<Page> = chunks
        .into_iter()
        .enumerate()
        .map(|(i, chunk)| Page {
            path: SitePath::fixed(&format!("sitemap-{}.xml", i + 1)),
            kind: PageKind::Sitemap(chunk),
        })
        .collect();
    let parts = sitemaps.iter().map(|page| page.path.clone()).collect();
    sitemaps.push(Page {
        path: SitePath::fixed("sitemap.xml"),
        kind: PageKind::SitemapIndex(parts),
    });
    sitemaps
}

#[derive(Serialize)]
struct SitemapView {
    urls: Vec<String>,
}

#[derive(Serialize)]
struct FeedView {
    id: String,
    link: String,
    self_link: String,
    updated: String,
    entries: Vec<FeedEntry>,
}

#[derive(Serialize)]
struct FeedEntry {
    id: String,
    title: String,
    link: String,
    updated: String,
    date_words: String,
    authors: Vec<String>,
    summary: Option<String>,
}

impl Site<'_> {
    /// A sitemap listing `paths`, or an index of the sitemap files `paths`.
    pub(super) fn sitemap(
        &self,
        at: &SitePath,
        paths: &[SitePath],
        template: &str,
        out: &mut dyn Write,
    ) -> Result<(), PageError> {
        let view = SitemapView {
            urls: paths.iter().map(|path| self.address(at, path)).collect(),
        };
        let context = self.context(at, "sitemap", "Sitemap", &view)?;
        self.theme.render(template, &context, out)
    }

    /// The Atom feed of the latest documents by date.
    pub(super) fn feed(&self, at: &SitePath, out: &mut dyn Write) -> Result<(), PageError> {
        let documents = &self.edition.documents;
        let entries: Vec<FeedEntry> = documents
            .iter()
            .rev()
            .take(FEED_ENTRIES)
            .map(|resolved| {
                let document = &resolved.document;
                let link = self.address(at, &urls::document(&document.id));
                FeedEntry {
                    id: link.clone(),
                    title: document.title.clone(),
                    link,
                    updated: rfc3339(document.date.latest().unwrap_or(document.date.earliest())),
                    date_words: document.date.in_words(),
                    authors: resolved
                        .authors
                        .iter()
                        .map(|id| self.edition.people.name_of(id).to_owned())
                        .collect(),
                    summary: document.summary.as_deref().map(crate::markdown::plain_text),
                }
            })
            .collect();
        let updated = entries
            .iter()
            .map(|e| e.updated.clone())
            .max()
            .unwrap_or_else(|| {
                rfc3339(Day {
                    year: 1970,
                    month: 1,
                    day: 1,
                })
            });
        let home = self.address(at, &urls::home());
        let view = FeedView {
            id: home.clone(),
            link: home,
            self_link: self.address(at, at),
            updated,
            entries,
        };
        let context = self.context(at, "feed", &self.config.edition.title, &view)?;
        self.theme.render("feed.xml", &context, out)
    }
}

/// A day as an RFC 3339 timestamp at midnight UTC; years outside 0001-9999 (which RFC 3339
/// cannot write) are clamped to its range.
fn rfc3339(day: Day) -> String {
    let (year, month, day) = match day.year {
        ..=0 => (1, 1, 1),
        10000.. => (9999, 12, 31),
        year => (year, day.month, day.day),
    };
    format!("{year:04}-{month:02}-{day:02}T00:00:00Z")
}

impl PageKind {
    /// Whether the page belongs in the sitemap: HTML pages, not redirects or data.
    fn is_listed(&self) -> bool {
        !matches!(
            self,
            PageKind::Alias(_)
                | PageKind::Static(_)
                | PageKind::DocumentsJson
                | PageKind::DocumentsSchema
                | PageKind::Cite(..)
                | PageKind::EditionBibtex
                | PageKind::EditionCslJson
                | PageKind::Sitemap(_)
                | PageKind::SitemapIndex(_)
                | PageKind::Feed
                | PageKind::SearchShard(_)
                | PageKind::SearchDocuments(_)
        )
    }
}
