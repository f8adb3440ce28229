//! Render: the resolved edition and its indexes → every output file, as bytes.
//!
//! [`plan`] lists every file of the site as a [`Page`] (a path and what goes there); [`page`]
//! renders one. Pages are independent, so the caller renders them in parallel and writes each
//! as soon as it is made: a document's body is read from its file, rendered, written and
//! dropped, and memory does not grow with the texts.

mod chart;
mod citations;
mod data;
mod document;
mod entries;
mod feeds;
mod metadata;
mod theme;
mod timeline;
pub mod views;

use std::io::Write;

use serde::Serialize;
use tera::Context;

use crate::config::Config;
use crate::diagnostics::Diagnostic;
use crate::index::Indexes;
use crate::markdown::{self, Glossary};
use crate::model::date::{Date, year_words};
use crate::model::document::{Anchor, LinkTarget};
use crate::model::id::{PersonId, PlaceId, TermId};
use crate::model::{DocIndex, ResolvedEdition, term_label};
use crate::search::{self, SearchIndex};
use crate::urls::{self, SitePath};
pub use citations::CiteFile;
pub use theme::Theme;
use views::*;

/// Why a page could not be made.
#[derive(Debug)]
pub enum PageError {
    /// The theme failed on it: an error for the edition's makers to fix.
    Theme(Diagnostic),
    /// The file could not be written.
    Io(std::io::Error),
}

impl From<Diagnostic> for PageError {
    fn from(diagnostic: Diagnostic) -> PageError {
        PageError::Theme(diagnostic)
    }
}

impl From<std::io::Error> for PageError {
    fn from(error: std::io::Error) -> PageError {
        PageError::Io(error)
    }
}

/// Everything pages are made from.
pub struct Site<'a> {
    config: &'a Config,
    edition: &'a ResolvedEdition,
    indexes: &'a Indexes,
    search: Option<&'a SearchIndex>,
    theme: &'a Theme,
    glossary: Glossary,
    citer: crate::cite::Citer,
    /// What lists show of each document, by position: a person named in 10,000 documents
    /// lists 10,000 of these, borrowed, instead of making each again.
    listed: Vec<Listed<'a>>,
}

impl<'a> Site<'a> {
    /// Prepares what every page needs: the glossary compiled, the citation styles parsed,
    /// and each document's entry in lists.
    pub fn new(
        config: &'a Config,
        edition: &'a ResolvedEdition,
        indexes: &'a Indexes,
        search: Option<&'a SearchIndex>,
        theme: &'a Theme,
    ) -> Site<'a> {
        use rayon::prelude::*;
        let names = |ids: &[PersonId]| -> Option<String> {
            let names: Vec<&str> = ids.iter().map(|id| edition.people.name_of(id)).collect();
            (!names.is_empty()).then(|| names.join(", "))
        };
        let listed = edition
            .documents
            .par_iter()
            .map(|resolved| Listed {
                title: &resolved.document.title,
                path: urls::document(&resolved.document.id).as_str().to_owned(),
                date: date_view(&resolved.document.date),
                doc_type: resolved
                    .doc_type
                    .as_ref()
                    .and_then(|t| edition.types.get(t))
                    .map(String::as_str),
                authors: names(&resolved.authors),
                recipients: names(&resolved.recipients),
            })
            .collect();
        Site {
            config,
            edition,
            indexes,
            search,
            theme,
            glossary: Glossary::new(&edition.glossary),
            citer: crate::cite::Citer::new(),
            listed,
        }
    }
}

/// One output file.
pub struct Page {
    /// Where it goes.
    pub path: SitePath,
    /// What it is.
    pub kind: PageKind,
}

/// What an output file shows.
pub enum PageKind {
    /// The home page.
    Home,
    /// Every document.
    Documents,
    /// One document.
    Document(DocIndex),
    /// A redirect from an old id.
    Alias(DocIndex),
    /// Every collection.
    Collections,
    /// One collection.
    Collection(usize),
    /// The index of people.
    People,
    /// One person.
    Person(PersonId),
    /// The index of places.
    Places,
    /// One place.
    Place(PlaceId),
    /// The index of subjects.
    Tags,
    /// One subject.
    Tag(TermId),
    /// The index of document types.
    Types,
    /// One document type.
    Type(TermId),
    /// The glossary.
    Glossary,
    /// The timeline.
    Timeline,
    /// The search page.
    Search,
    /// A shard of the search index.
    SearchShard(usize),
    /// A part of the search index's list of documents.
    SearchDocuments(usize),
    /// `data/documents.json`.
    DocumentsJson,
    /// A citation file of a document.
    Cite(DocIndex, CiteFile),
    /// `data/edition.bib`.
    EditionBibtex,
    /// `data/edition.json`.
    EditionCslJson,
    /// A sitemap listing these pages.
    Sitemap(Vec<SitePath>),
    /// The index of these sitemap files.
    SitemapIndex(Vec<SitePath>),
    /// The Atom feed.
    Feed,
    /// Its JSON Schema.
    DocumentsSchema,
    /// A static file of the theme (position in [`Theme::statics`]).
    Static(usize),
}

/// Lists every file of the site, in a fixed order.
pub fn plan(
    config: &Config,
    edition: &ResolvedEdition,
    indexes: &Indexes,
    search: Option<&SearchIndex>,
    theme: &Theme,
) -> Vec<Page> {
    let page = |path, kind| Page { path, kind };
    let mut pages = vec![
        page(urls::home(), PageKind::Home),
        page(urls::documents(), PageKind::Documents),
        page(urls::people(), PageKind::People),
        page(urls::places(), PageKind::Places),
        page(urls::timeline(), PageKind::Timeline),
        page(
            SitePath::fixed("data/documents.json"),
            PageKind::DocumentsJson,
        ),
        page(
            SitePath::fixed("data/documents.schema.json"),
            PageKind::DocumentsSchema,
        ),
        page(SitePath::fixed("data/edition.bib"), PageKind::EditionBibtex),
        page(
            SitePath::fixed("data/edition.json"),
            PageKind::EditionCslJson,
        ),
    ];
    if !edition.collections.is_empty() {
        pages.push(page(urls::collections(), PageKind::Collections));
    }
    if !edition.tags.is_empty() {
        pages.push(page(urls::tags(), PageKind::Tags));
    }
    if !edition.types.is_empty() {
        pages.push(page(urls::types(), PageKind::Types));
    }
    if !edition.glossary.is_empty() {
        pages.push(page(urls::glossary(), PageKind::Glossary));
    }
    if let Some(search) = search {
        pages.push(page(urls::search(), PageKind::Search));
        for number in 0..search.shards() {
            pages.push(page(
                urls::search_script("index", number),
                PageKind::SearchShard(number),
            ));
        }
        for number in 0..edition.documents.len().div_ceil(search::DOCUMENTS_PER_FILE) {
            pages.push(page(
                urls::search_script("documents", number),
                PageKind::SearchDocuments(number),
            ));
        }
    }
    for (index, document) in edition.documents.iter().enumerate() {
        pages.push(page(
            urls::document(&document.document.id),
            PageKind::Document(index),
        ));
        for file in CiteFile::ALL {
            pages.push(page(
                urls::document_file(&document.document.id, file.name()),
                PageKind::Cite(index, file),
            ));
        }
    }

    for (alias, index) in &edition.aliases {
        pages.push(page(urls::document(alias), PageKind::Alias(*index)));
    }
    for (index, collection) in edition.collections.iter().enumerate() {
        pages.push(page(
            urls::collection(&collection.collection.id),
            PageKind::Collection(index),
        ));
    }
    for id in indexes.people.keys() {
        pages.push(page(urls::person(id), PageKind::Person(id.clone())));
    }
    for id in indexes.places.keys() {
        pages.push(page(urls::place(id), PageKind::Place(id.clone())));
    }
    for id in indexes.tags.keys() {
        pages.push(page(urls::tag(id), PageKind::Tag(id.clone())));
    }
    for id in indexes.types.keys() {
        pages.push(page(urls::doc_type(id), PageKind::Type(id.clone())));
    }
    for (index, (name, _)) in theme.statics().iter().enumerate() {
        // The search page's script, which no other page loads, goes only with the search.
        if search.is_none() && name == theme::SEARCH_SCRIPT {
            continue;
        }
        pages.push(page(urls::asset(name), PageKind::Static(index)));
    }
    // The sitemap and the feed name pages by absolute addresses: they need a base_url.
    if config.edition.base_url.is_some() {
        pages.push(page(SitePath::fixed("feed.xml"), PageKind::Feed));
        let sitemaps = feeds::plan_sitemaps(&pages);
        pages.extend(sitemaps);
    }
    pages
}

/// The variables every template sees as `site`.
pub fn globals(config: &Config, edition: &ResolvedEdition) -> Context {
    let mut nav = vec![
        NavItem {
            section: "home",
            label: "Home",
            path: urls::home().to_string(),
        },
        NavItem {
            section: "documents",
            label: "Documents",
            path: urls::documents().to_string(),
        },
    ];
    if !edition.collections.is_empty() {
        nav.push(NavItem {
            section: "collections",
            label: "Collections",
            path: urls::collections().to_string(),
        });
    }
    nav.push(NavItem {
        section: "timeline",
        label: "Timeline",
        path: urls::timeline().to_string(),
    });
    nav.push(NavItem {
        section: "people",
        label: "People",
        path: urls::people().to_string(),
    });
    nav.push(NavItem {
        section: "places",
        label: "Places",
        path: urls::places().to_string(),
    });
    if !edition.tags.is_empty() {
        nav.push(NavItem {
            section: "tags",
            label: "Subjects",
            path: urls::tags().to_string(),
        });
    }
    if !edition.glossary.is_empty() {
        nav.push(NavItem {
            section: "glossary",
            label: "Glossary",
            path: urls::glossary().to_string(),
        });
    }
    if config.build.search {
        nav.push(NavItem {
            section: "search",
            label: "Search",
            path: urls::search().to_string(),
        });
    }
    let site = SiteView {
        title: config.edition.title.clone(),
        subtitle: config.edition.subtitle.clone(),
        description: config.edition.description.clone(),
        editors: config.edition.editors.clone(),
        language: config.edition.language.clone(),
        base_url: config.edition.base_url.clone(),
        nav,
        hands: config.hands.iter().map(hand_view).collect(),
    };
    let mut context = Context::new();
    context.insert("site", &site);
    context
}

/// Renders one file.
pub fn page(site: &Site<'_>, page: &Page, out: &mut dyn Write) -> Result<(), PageError> {
    let at = &page.path;
    let edition = site.edition;
    match &page.kind {
        PageKind::Static(index) => Ok(out.write_all(&site.theme.statics()[*index].1)?),
        PageKind::DocumentsJson => Ok(data::documents_json(site.config, edition, out)?),
        PageKind::DocumentsSchema => Ok(out.write_all(data::SCHEMA.as_bytes())?),
        PageKind::Cite(index, file) => Ok(site.cite_file(*index, *file, out)?),
        PageKind::EditionBibtex => Ok(site.edition_bibtex(out)?),
        PageKind::EditionCslJson => Ok(site.edition_csl_json(out)?),

        PageKind::Sitemap(paths) => site.sitemap(at, paths, "sitemap.xml", out),
        PageKind::SitemapIndex(paths) => site.sitemap(at, paths, "sitemap-index.xml", out),
        PageKind::Feed => site.feed(at, out),
        PageKind::Home => site.html(
            out,
            "home.html",
            at,
            "home",
            &site.config.edition.title,
            &home(site, at),
        ),
        PageKind::Documents => {
            let view = DocumentsPage {
                documents: (0..edition.documents.len())
                    .map(|i| site.doc_item(at, i))
                    .collect(),
                types: (!edition.types.is_empty()).then(|| urls::types().href_from(at)),
            };

            site.html(out, "documents.html", at, "documents", "Documents", &view)
        }
        PageKind::Document(index) => {
            let view = site.document(at, *index)?;
            let title = view.title.clone();
            site.html(out, "document.html", at, "documents", &title, &view)
        }
        PageKind::Alias(index) => {
            let document = &edition.documents[*index].document;
            let view = RedirectPage {
                href: urls::document(&document.id).href_from(at),
                title: document.title.clone(),
            };
            let mut context = site.context(at, "documents", &document.title, &view)?;
            context.insert(
                "canonical",
                &site.address(at, &urls::document(&document.id)),
            );

            site.theme.render("redirect.html", &context, out)
        }
        PageKind::Collections => {
            let view = CollectionsPage {
                collections: edition
                    .roots
                    .iter()
                    .map(|&i| site.collection_tree(at, i))
                    .collect(),
            };
            site.html(
                out,
                "collections.html",
                at,
                "collections",
                "Collections",
                &view,
            )
        }
        PageKind::Collection(index) => {
            let view = site.collection(at, *index);
            let title = view.title.clone();
            site.html(out, "collection.html", at, "collections", &title, &view)
        }
        PageKind::People => site.html(
            out,
            "people.html",
            at,
            "people",
            "People",
            &site.people_index(at),
        ),
        PageKind::Person(id) => {
            let view = site.person(at, id);
            let name = view.name.clone();
            site.html(out, "entry.html", at, "people", &name, &view)
        }
        PageKind::Places => site.html(
            out,
            "places.html",
            at,
            "places",
            "Places",
            &site.places_index(at),
        ),
        PageKind::Place(id) => {
            let view = site.place(at, id);
            let name = view.name.clone();
            site.html(out, "entry.html", at, "places", &name, &view)
        }
        PageKind::Tags => {
            let view = site.terms(at, &edition.tags, &site.indexes.tags, urls::tag);
            site.html(out, "terms.html", at, "tags", "Subjects", &view)
        }
        PageKind::Tag(id) => {
            let view = site.term(at, id, "Subject", &edition.tags, &site.indexes.tags);
            let label = view.label.clone();
            site.html(out, "term.html", at, "tags", &label, &view)
        }
        PageKind::Types => {
            let view = site.terms(at, &edition.types, &site.indexes.types, urls::doc_type);
            site.html(out, "terms.html", at, "documents", "Document types", &view)
        }
        PageKind::Type(id) => {
            let view = site.term(at, id, "Type", &edition.types, &site.indexes.types);
            let label = view.label.clone();
            site.html(out, "term.html", at, "documents", &label, &view)
        }
        PageKind::Glossary => {
            let view = GlossaryPage {
                terms: edition
                    .glossary
                    .iter()
                    .map(|t| GlossaryItem {
                        id: format!("term-{}", crate::model::id::slugify(&t.term)),
                        term: t.term.clone(),
                        expansion: t.expansion.clone(),
                    })
                    .collect(),
            };
            site.html(out, "glossary.html", at, "glossary", "Glossary", &view)
        }
        PageKind::Timeline => site.html(
            out,
            "timeline.html",
            at,
            "timeline",
            "Timeline",
            &site.timeline(at),
        ),
        PageKind::Search => {
            let view = SearchPage {
                version: site.search.map_or("", SearchIndex::version).to_owned(),
                documents: edition.documents.len(),
                shards: site.search.map_or(0, SearchIndex::shards),
                documents_per_file: search::DOCUMENTS_PER_FILE,
            };
            site.html(out, "search.html", at, "search", "Search", &view)
        }
        PageKind::SearchShard(number) => {
            let script = site.search.map(|search| search.shard_script(*number));
            Ok(out.write_all(script.unwrap_or_default().as_bytes())?)
        }
        PageKind::SearchDocuments(number) => {
            let first = number * search::DOCUMENTS_PER_FILE;
            let listed = site
                .listed
                .iter()
                .skip(first)
                .take(search::DOCUMENTS_PER_FILE);
            let documents: Vec<(&str, &str, &str)> = listed
                .map(|listed| {
                    (
                        listed.path.as_str(),
                        listed.title,
                        listed.date.words.as_str(),
                    )
                })
                .collect();
            Ok(out.write_all(search::documents_script(*number, &documents).as_bytes())?)
        }
    }
}

fn hand_view(hand: &crate::config::Hand) -> HandView {
    HandView {
        id: hand.id.to_string(),
        name: hand.name.clone(),
        role: hand.role.clone(),
    }
}

fn date_view(date: &Date) -> DateView {
    DateView {
        words: date.in_words(),
        machine: date.machine_start(),
        edtf: date.to_string(),
        uncertain: date.is_uncertain(),
        approximate: date.is_approximate(),
    }
}

impl Site<'_> {
    fn context<T: Serialize>(
        &self,
        at: &SitePath,
        section: &str,
        title: &str,
        view: &T,
    ) -> Result<Context, Diagnostic> {
        let mut context = Context::new();
        context.insert("root", &at.root_from());
        context.insert("here", at.as_str());
        context.insert("section", section);
        context.insert("title", title);
        context.insert("canonical", &self.permalink(at));

        let value = tera::Value::try_from_serializable(view).map_err(|e| {
            Diagnostic::error(
                "template",
                format!("cannot pass page {at} to the theme: {e}"),
            )
        })?;
        context.insert_value("page", value);
        Ok(context)
    }

    #[allow(clippy::too_many_arguments)]
    fn html<T: Serialize>(
        &self,
        out: &mut dyn Write,
        template: &str,
        at: &SitePath,
        section: &str,
        title: &str,
        view: &T,
    ) -> Result<(), PageError> {
        let context = self.context(at, section, title, view)?;
        self.theme.render(template, &context, out)
    }

    /// The canonical permalink of `path`, when the edition has a `base_url`.
    fn permalink(&self, path: &SitePath) -> Option<String> {
        let base = self.config.edition.base_url.as_deref()?;
        Some(urls::permalink(base, path))
    }

    /// How the page at `at` names `target` for keeps: its permalink, or without a
    /// `base_url` a relative address, so no link of the site leaves it.
    fn address(&self, at: &SitePath, target: &SitePath) -> String {
        self.permalink(target)
            .unwrap_or_else(|| target.href_from(at))
    }

    fn person_links(&self, at: &SitePath, ids: &[PersonId]) -> Vec<Link> {
        ids.iter()
            .map(|id| Link {
                label: self.edition.people.name_of(id).to_owned(),
                href: urls::person(id).href_from(at),
            })
            .collect()
    }

    fn place_links(&self, at: &SitePath, ids: &[PlaceId]) -> Vec<Link> {
        ids.iter().map(|id| self.place_link(at, id)).collect()
    }

    fn place_link(&self, at: &SitePath, id: &PlaceId) -> Link {
        Link {
            label: self.edition.places.name_of(id).to_owned(),
            href: urls::place(id).href_from(at),
        }
    }

    fn doc_item(&self, at: &SitePath, index: DocIndex) -> DocItem<'_> {
        let listed = &self.listed[index];
        DocItem {
            title: listed.title,
            href: format!("{}{}", at.root_from(), listed.path),
            date: &listed.date,
            doc_type: listed.doc_type,
            authors: listed.authors.as_deref(),
            recipients: listed.recipients.as_deref(),
            anchors: Vec::new(),
        }
    }

    fn doc_items(&self, at: &SitePath, indexes: &[DocIndex]) -> Vec<DocItem<'_>> {
        indexes.iter().map(|&i| self.doc_item(at, i)).collect()
    }

    /// Documents in a list, each with links to where in it something is named.
    fn doc_items_at(&self, at: &SitePath, named: &[(DocIndex, Vec<Anchor>)]) -> Vec<DocItem<'_>> {
        named
            .iter()
            .map(|(index, anchors)| {
                let mut item = self.doc_item(at, *index);
                item.anchors = anchors
                    .iter()
                    .map(|anchor| Link {
                        label: match anchor {
                            Anchor::Paragraph(number) => format!("¶{number}"),
                            Anchor::Note(_) => "note".to_owned(),
                            Anchor::Heading(_) => "heading".to_owned(),
                        },
                        href: format!("{}#{}", item.href, anchor.fragment()),
                    })
                    .collect();
                item
            })
            .collect()
    }

    /// How links in Markdown on the page at `at` become hrefs.
    fn link_resolver<'s>(
        &'s self,
        at: &'s SitePath,
    ) -> impl Fn(&LinkTarget) -> Option<String> + Sync + 's {
        move |target: &LinkTarget| match target {
            LinkTarget::Person(text) => self
                .edition
                .person_named(text)
                .map(|id| urls::person(&id).href_from(at)),
            LinkTarget::Place(text) => self
                .edition
                .place_named(text)
                .map(|id| urls::place(&id).href_from(at)),
            LinkTarget::Document { id, fragment } => {
                let index = self.edition.document_named(id)?;
                let href = urls::document(&self.edition.documents[index].document.id).href_from(at);
                Some(match fragment {
                    Some(fragment) => format!("{href}#{fragment}"),
                    None => href,
                })
            }
        }
    }

    fn markdown(&self, at: &SitePath, text: &str) -> String {
        let resolver = self.link_resolver(at);
        markdown::render_fragment(text, &resolver, !self.config.build.unsafe_html)
    }

    fn collection_item(&self, at: &SitePath, index: usize) -> CollectionItem {
        let collection = &self.edition.collections[index];
        CollectionItem {
            title: collection.collection.title.clone(),
            href: urls::collection(&collection.collection.id).href_from(at),
            description: collection.collection.description.clone(),
            count: collection.total,
        }
    }

    fn collection_tree(&self, at: &SitePath, index: usize) -> CollectionTree {
        CollectionTree {
            item: self.collection_item(at, index),
            children: self.edition.collections[index]
                .children
                .iter()
                .map(|&c| self.collection_tree(at, c))
                .collect(),
        }
    }

    /// Links to collection `innermost` and the collections that hold it, outermost first.
    fn breadcrumbs(&self, at: &SitePath, innermost: Option<usize>) -> Vec<Link> {
        let mut breadcrumbs = Vec::new();
        let mut next = innermost;
        while let Some(position) = next {
            let collection = &self.edition.collections[position];
            breadcrumbs.push(Link {
                label: collection.collection.title.clone(),
                href: urls::collection(&collection.collection.id).href_from(at),
            });
            next = collection.parent;
        }
        breadcrumbs.reverse();
        breadcrumbs
    }

    fn collection(&self, at: &SitePath, index: usize) -> CollectionPage<'_> {
        let resolved = &self.edition.collections[index];
        let breadcrumbs = self.breadcrumbs(at, resolved.parent);
        CollectionPage {
            title: resolved.collection.title.clone(),
            description: resolved.collection.description.clone(),
            introduction_html: resolved
                .collection
                .introduction
                .as_deref()
                .map(|t| self.markdown(at, t)),
            breadcrumbs,
            children: resolved
                .children
                .iter()
                .map(|&c| self.collection_item(at, c))
                .collect(),
            documents: self.doc_items(at, &resolved.documents),
            total: resolved.total,
        }
    }

    fn terms(
        &self,
        at: &SitePath,
        labels: &std::collections::BTreeMap<TermId, String>,
        index: &std::collections::BTreeMap<TermId, Vec<DocIndex>>,
        url: fn(&TermId) -> SitePath,
    ) -> TermsPage {
        let mut terms: Vec<TermItem> = labels
            .iter()
            .map(|(id, label)| TermItem {
                label: label.clone(),
                href: url(id).href_from(at),
                count: index.get(id).map_or(0, Vec::len),
            })
            .collect();
        terms.sort_by(|a, b| {
            a.label
                .to_lowercase()
                .cmp(&b.label.to_lowercase())
                .then(a.href.cmp(&b.href))
        });
        TermsPage { terms }
    }

    fn term(
        &self,
        at: &SitePath,
        id: &TermId,
        kind: &'static str,
        labels: &std::collections::BTreeMap<TermId, String>,
        index: &std::collections::BTreeMap<TermId, Vec<DocIndex>>,
    ) -> TermPage<'_> {
        TermPage {
            label: term_label(labels, id),
            kind,
            documents: index
                .get(id)
                .map(|docs| self.doc_items(at, docs))
                .unwrap_or_default(),
        }
    }
}

fn home<'s>(site: &'s Site<'_>, at: &SitePath) -> HomePage<'s> {
    let edition = site.edition;
    let count = edition.documents.len();
    let shown = 5.min(count);
    let span = match (edition.documents.first(), edition.documents.last()) {
        (Some(first), Some(last)) => Some(format!(
            "{} - {}",
            year_words(first.document.date.earliest().year),
            year_words(
                last.document
                    .date
                    .latest()
                    .unwrap_or(last.document.date.earliest())
                    .year
            )
        )),
        _ => None,
    };
    HomePage {
        introduction_html: edition
            .home
            .introduction
            .as_deref()
            .map(|t| site.markdown(at, t)),
        collections: edition
            .roots
            .iter()
            .map(|&i| site.collection_item(at, i))
            .collect(),

        earliest: (0..shown).map(|i| site.doc_item(at, i)).collect(),
        latest: (count - shown..count)
            .rev()
            .map(|i| site.doc_item(at, i))
            .collect(),
        counts: Counts {
            documents: count,
            people: edition.people.len(),
            places: edition.places.len(),
            collections: edition.collections.len(),
        },
        span,
    }
}
