//! Render: the resolved edition and its indexes → every output file, as bytes.
//!
//! [`plan`] lists every file of the site as a [`Page`] (a path and what goes there); [`page`]
//! renders one. Pages are independent, so the caller renders them in parallel and writes each
//! as soon as it is made: a document's body is read from its file, rendered, written and
//! dropped, and memory does not grow with the texts.

mod chart;
mod data;
mod theme;
pub mod views;

use serde::Serialize;
use tera::Context;

use crate::config::Config;
use crate::diagnostics::Diagnostic;
use crate::index::{Entry, Indexes};
use crate::markdown::{self, Glossary, RenderOptions};
use crate::model::date::{Date, month_name, year_words};
use crate::model::document::{Anchor, LinkTarget};
use crate::model::id::{PersonId, PlaceId, TermId};
use crate::model::registry::PersonKind;
use crate::model::{DocIndex, PlaceRef, ResolvedEdition};
use crate::urls::{self, SitePath};
pub use theme::Theme;
use views::*;

/// Everything pages are made from.
pub struct Site<'a> {
    /// The edition's settings.
    pub config: &'a Config,
    /// The edition.
    pub edition: &'a ResolvedEdition,
    /// Its indexes.
    pub indexes: &'a Indexes,
    /// The theme.
    pub theme: &'a Theme,
    /// The glossary, compiled for matching.
    pub glossary: &'a Glossary,
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
    /// `data/documents.json`.
    DocumentsJson,
    /// Its JSON Schema.
    DocumentsSchema,
    /// A static file of the theme (position in [`Theme::statics`]).
    Static(usize),
}

/// Lists every file of the site, in a fixed order.
pub fn plan(edition: &ResolvedEdition, indexes: &Indexes, theme: &Theme) -> Vec<Page> {
    let mut pages = vec![
        Page {
            path: urls::home(),
            kind: PageKind::Home,
        },
        Page {
            path: urls::documents(),
            kind: PageKind::Documents,
        },
        Page {
            path: urls::people(),
            kind: PageKind::People,
        },
        Page {
            path: urls::places(),
            kind: PageKind::Places,
        },
        Page {
            path: urls::timeline(),
            kind: PageKind::Timeline,
        },
    ];
    let page = |path, kind| Page { path, kind };
    pages.push(page(
        SitePath::fixed("data/documents.json"),
        PageKind::DocumentsJson,
    ));
    pages.push(page(
        SitePath::fixed("data/documents.schema.json"),
        PageKind::DocumentsSchema,
    ));
    if !edition.collections.is_empty() {
        pages.push(page(
            SitePath::fixed("collections/index.html"),
            PageKind::Collections,
        ));
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
    for (index, document) in edition.documents.iter().enumerate() {
        pages.push(page(
            urls::document(&document.document.id),
            PageKind::Document(index),
        ));
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
        pages.push(page(urls::asset(name), PageKind::Static(index)));
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
            path: "collections/index.html".into(),
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
pub fn page(site: &Site<'_>, page: &Page) -> Result<Vec<u8>, Diagnostic> {
    let at = &page.path;
    let edition = site.edition;
    match &page.kind {
        PageKind::Static(index) => Ok(site.theme.statics()[*index].1.clone()),
        PageKind::DocumentsJson => Ok(data::documents_json(site.config, edition)),
        PageKind::DocumentsSchema => Ok(data::SCHEMA.as_bytes().to_vec()),
        PageKind::Home => site.html(
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
            };
            site.html("documents.html", at, "documents", "Documents", &view)
        }
        PageKind::Document(index) => {
            let view = site.document(at, *index)?;
            let title = view.title.clone();
            site.html("document.html", at, "documents", &title, &view)
        }
        PageKind::Alias(index) => {
            let document = &edition.documents[*index].document;
            let view = RedirectPage {
                href: urls::document(&document.id).href_from(at),
                title: document.title.clone(),
            };
            let mut context = site.context(at, "documents", &document.title, &view)?;
            context.insert("canonical", &site.permalink(&urls::document(&document.id)));
            site.theme.render("redirect.html", &context)
        }
        PageKind::Collections => {
            let view = CollectionsPage {
                collections: edition
                    .collections
                    .iter()
                    .enumerate()
                    .filter(|(_, c)| c.parent.is_none())
                    .map(|(i, _)| site.collection_tree(at, i))
                    .collect(),
            };
            site.html("collections.html", at, "collections", "Collections", &view)
        }
        PageKind::Collection(index) => {
            let view = site.collection(at, *index);
            let title = view.title.clone();
            site.html("collection.html", at, "collections", &title, &view)
        }
        PageKind::People => site.html(
            "people.html",
            at,
            "people",
            "People",
            &site.people_index(at),
        ),
        PageKind::Person(id) => {
            let view = site.person(at, id);
            let name = view.name.clone();
            site.html("entry.html", at, "people", &name, &view)
        }
        PageKind::Places => site.html(
            "places.html",
            at,
            "places",
            "Places",
            &site.places_index(at),
        ),
        PageKind::Place(id) => {
            let view = site.place(at, id);
            let name = view.name.clone();
            site.html("entry.html", at, "places", &name, &view)
        }
        PageKind::Tags => {
            let view = site.terms(at, &edition.tags, &site.indexes.tags, urls::tag);
            site.html("terms.html", at, "tags", "Subjects", &view)
        }
        PageKind::Tag(id) => {
            let view = site.term(at, id, "Subject", &edition.tags, &site.indexes.tags);
            let label = view.label.clone();
            site.html("term.html", at, "tags", &label, &view)
        }
        PageKind::Types => {
            let view = site.terms(at, &edition.types, &site.indexes.types, urls::doc_type);
            site.html("terms.html", at, "documents", "Document types", &view)
        }
        PageKind::Type(id) => {
            let view = site.term(at, id, "Type", &edition.types, &site.indexes.types);
            let label = view.label.clone();
            site.html("term.html", at, "documents", &label, &view)
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
            site.html("glossary.html", at, "glossary", "Glossary", &view)
        }
        PageKind::Timeline => site.html(
            "timeline.html",
            at,
            "timeline",
            "Timeline",
            &site.timeline(at),
        ),
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
        context.insert(
            "canonical",
            &self
                .config
                .edition
                .base_url
                .as_ref()
                .map(|_| self.permalink(at)),
        );
        let value = tera::Value::try_from_serializable(view).map_err(|e| {
            Diagnostic::error(
                "template",
                format!("cannot pass page {at} to the theme: {e}"),
            )
        })?;
        context.insert_value("page", value);
        Ok(context)
    }

    fn html<T: Serialize>(
        &self,
        template: &str,
        at: &SitePath,
        section: &str,
        title: &str,
        view: &T,
    ) -> Result<Vec<u8>, Diagnostic> {
        let context = self.context(at, section, title, view)?;
        self.theme.render(template, &context)
    }

    fn permalink(&self, path: &SitePath) -> String {
        urls::permalink(self.config.edition.base_url.as_deref(), path)
    }

    fn person_link(&self, at: &SitePath, id: &PersonId) -> Link {
        let label = self
            .edition
            .people
            .get(id)
            .map_or_else(|| id.to_string(), |p| p.name.clone());
        Link {
            label,
            href: urls::person(id).href_from(at),
        }
    }

    fn place_link(&self, at: &SitePath, id: &PlaceId) -> Link {
        let label = self
            .edition
            .places
            .get(id)
            .map_or_else(|| id.to_string(), |p| p.name.clone());
        Link {
            label,
            href: urls::place(id).href_from(at),
        }
    }

    fn names(&self, ids: &[PersonId]) -> Option<String> {
        let names: Vec<&str> = ids
            .iter()
            .map(|id| {
                self.edition
                    .people
                    .get(id)
                    .map_or(id.as_str(), |p| p.name.as_str())
            })
            .collect();
        (!names.is_empty()).then(|| names.join(", "))
    }

    fn doc_item(&self, at: &SitePath, index: DocIndex) -> DocItem {
        let resolved = &self.edition.documents[index];
        let document = &resolved.document;
        DocItem {
            title: document.title.clone(),
            href: urls::document(&document.id).href_from(at),
            date: date_view(&document.date),
            doc_type: resolved
                .doc_type
                .as_ref()
                .and_then(|t| self.edition.types.get(t).cloned()),
            authors: self.names(&resolved.authors),
            recipients: self.names(&resolved.recipients),
            anchors: Vec::new(),
        }
    }

    /// A document in a list with links to where in it something is named.
    fn doc_item_at(&self, at: &SitePath, index: DocIndex, anchors: &[Anchor]) -> DocItem {
        let mut item = self.doc_item(at, index);
        item.anchors = anchors
            .iter()
            .map(|anchor| Link {
                label: match anchor {
                    Anchor::Paragraph(number) => format!("¶{number}"),
                    Anchor::Note(_) => "note".to_owned(),
                },
                href: format!("{}#{}", item.href, anchor.fragment()),
            })
            .collect();
        item
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

    fn document(&self, at: &SitePath, index: DocIndex) -> Result<DocumentPage, Diagnostic> {
        let edition = self.edition;
        let resolved = &edition.documents[index];
        let document = &resolved.document;
        let body = read_body(document)?;
        let resolver = self.link_resolver(at);
        let rendered = markdown::render(
            &body,
            &RenderOptions {
                hands: &self.config.hands,
                links: &resolver,
                glossary: Some(self.glossary),
                sanitize: !self.config.build.unsafe_html,
            },
        );
        let note_groups = self
            .config
            .hands
            .iter()
            .filter_map(|hand| {
                let notes: Vec<NoteView> = rendered
                    .notes
                    .iter()
                    .filter(|note| note.hand == hand.id)
                    .map(|note| NoteView {
                        marker: note.marker.clone(),
                        id: note.id.clone(),
                        html: note.html.clone(),
                        backrefs: note.backrefs.clone(),
                    })
                    .collect();
                (!notes.is_empty()).then(|| NoteGroup {
                    hand: hand_view(hand),
                    notes,
                })
            })
            .collect();
        let (place, place_text) = match &resolved.place {
            Some(PlaceRef::Known(id)) => (Some(self.place_link(at, id)), None),
            Some(PlaceRef::Text(text)) => (None, Some(text.clone())),
            None => (None, None),
        };
        let mut breadcrumbs = Vec::new();
        let mut next = resolved.collection;
        while let Some(position) = next {
            let collection = &edition.collections[position];
            breadcrumbs.push(Link {
                label: collection.collection.title.clone(),
                href: urls::collection(&collection.collection.id).href_from(at),
            });
            next = collection.parent;
        }
        breadcrumbs.reverse();
        let language = document
            .language
            .clone()
            .filter(|l| *l != self.config.edition.language);
        Ok(DocumentPage {
            id: document.id.to_string(),
            title: document.title.clone(),
            date: date_view(&document.date),
            date_note: document.date_note.clone(),
            place,
            place_text,
            doc_type: resolved.doc_type.as_ref().map(|t| Link {
                label: edition
                    .types
                    .get(t)
                    .cloned()
                    .unwrap_or_else(|| t.to_string()),
                href: urls::doc_type(t).href_from(at),
            }),
            classification: document.classification.clone(),
            authors: resolved
                .authors
                .iter()
                .map(|id| self.person_link(at, id))
                .collect(),
            recipients: resolved
                .recipients
                .iter()
                .map(|id| self.person_link(at, id))
                .collect(),
            people: resolved
                .people
                .iter()
                .map(|id| self.person_link(at, id))
                .collect(),
            places: resolved
                .places
                .iter()
                .map(|id| self.place_link(at, id))
                .collect(),
            tags: resolved
                .tags
                .iter()
                .map(|t| Link {
                    label: edition
                        .tags
                        .get(t)
                        .cloned()
                        .unwrap_or_else(|| t.to_string()),
                    href: urls::tag(t).href_from(at),
                })
                .collect(),
            summary_html: document.summary.as_deref().map(|s| self.markdown(at, s)),
            description: document.summary.as_deref().map(markdown::plain_text),
            sources: document
                .sources
                .iter()
                .map(|s| SourceView {
                    archive: s.archive.clone(),
                    reference: s.reference.clone(),
                    description: s.description.clone(),
                })
                .collect(),
            published: document.published.clone(),
            translation: document.translation.as_ref().map(|t| TranslationView {
                translator: t.translator.clone(),
                from: t.from.as_deref().map(language_name),
                note: t.note.clone(),
            }),
            language,
            credit: document.credit.clone(),
            rights: document
                .rights
                .clone()
                .or_else(|| self.config.edition.rights.clone()),
            links: document
                .links
                .iter()
                .map(|l| Link {
                    label: l.title.clone(),
                    href: l.url.clone(),
                })
                .collect(),
            related: resolved
                .related
                .iter()
                .map(|&i| self.doc_item(at, i))
                .collect(),
            in_reply_to: resolved.in_reply_to.map(|i| self.doc_item(at, i)),
            replies: resolved
                .replies
                .iter()
                .map(|&i| self.doc_item(at, i))
                .collect(),
            breadcrumbs,
            body_html: rendered.html,
            note_groups,
            permalink: self.permalink(&urls::document(&document.id)),
            previous: index.checked_sub(1).map(|i| self.doc_item(at, i)),
            next: (index + 1 < edition.documents.len()).then(|| self.doc_item(at, index + 1)),
        })
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

    fn collection(&self, at: &SitePath, index: usize) -> CollectionPage {
        let resolved = &self.edition.collections[index];
        let mut breadcrumbs = Vec::new();
        let mut next = resolved.parent;
        while let Some(position) = next {
            let parent = &self.edition.collections[position];
            breadcrumbs.push(Link {
                label: parent.collection.title.clone(),
                href: urls::collection(&parent.collection.id).href_from(at),
            });
            next = parent.parent;
        }
        breadcrumbs.reverse();
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
            documents: resolved
                .documents
                .iter()
                .map(|&d| self.doc_item(at, d))
                .collect(),
            total: resolved.total,
        }
    }

    fn people_index(&self, at: &SitePath) -> RegistryIndexPage {
        let mut entries: Vec<(String, RegistryItem)> = self
            .edition
            .people
            .iter()
            .map(|(id, person)| {
                let count = self
                    .indexes
                    .people
                    .get(id)
                    .map_or(0, |roles| roles.documents());
                let item = RegistryItem {
                    name: person.name.clone(),
                    href: urls::person(id).href_from(at),
                    description_html: person.description.as_deref().map(|d| self.markdown(at, d)),
                    detail: life(person.born.as_ref(), person.died.as_ref()),
                    count,
                };
                (person.sort_key(), item)
            })
            .collect();
        entries.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.href.cmp(&b.1.href)));
        registry_index(entries)
    }

    fn places_index(&self, at: &SitePath) -> RegistryIndexPage {
        let mut entries: Vec<(String, RegistryItem)> = self
            .edition
            .places
            .iter()
            .map(|(id, place)| {
                let count = self
                    .indexes
                    .places
                    .get(id)
                    .map_or(0, |roles| roles.documents());
                let item = RegistryItem {
                    name: place.name.clone(),
                    href: urls::place(id).href_from(at),
                    description_html: place.description.as_deref().map(|d| self.markdown(at, d)),
                    detail: place.country.clone(),
                    count,
                };
                (place.name.to_lowercase(), item)
            })
            .collect();
        entries.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.href.cmp(&b.1.href)));
        registry_index(entries)
    }

    fn person(&self, at: &SitePath, id: &PersonId) -> EntryPage {
        let person = self
            .edition
            .people
            .get(id)
            .expect("people pages are planned from the registry");
        let roles = self.indexes.people.get(id);
        let mut groups = Vec::new();
        if let Some(roles) = roles {
            let plain = |list: &[DocIndex]| {
                list.iter()
                    .map(|&i| self.doc_item(at, i))
                    .collect::<Vec<_>>()
            };
            groups.extend(group("Author", "wrote", plain(&roles.wrote)));
            groups.extend(group("Recipient", "received", plain(&roles.received)));
            groups.extend(group(
                "Named in",
                "named",
                roles
                    .named
                    .iter()
                    .map(|(i, anchors)| self.doc_item_at(at, *i, anchors))
                    .collect(),
            ));
        }
        let mut authorities = Vec::new();
        if let Some(q) = &person.wikidata {
            authorities.push(Link {
                label: format!("Wikidata {q}"),
                href: format!("https://www.wikidata.org/wiki/{q}"),
            });
        }
        if let Some(viaf) = &person.viaf {
            authorities.push(Link {
                label: format!("VIAF {viaf}"),
                href: format!("https://viaf.org/viaf/{viaf}/"),
            });
        }
        EntryPage {
            name: person.name.clone(),
            kind: match person.kind {
                PersonKind::Person => "person",
                PersonKind::Organization => "organization",
            },
            variants: person.variants.clone(),
            description_html: person.description.as_deref().map(|d| self.markdown(at, d)),
            life: life(person.born.as_ref(), person.died.as_ref()),
            roles: person
                .roles
                .iter()
                .map(|role| RoleView {
                    title: role.title.clone(),
                    dates: match (&role.from, &role.to) {
                        (Some(from), Some(to)) => {
                            Some(format!("{} - {}", from.in_words(), to.in_words()))
                        }
                        (Some(from), None) => Some(format!("from {}", from.in_words())),
                        (None, Some(to)) => Some(format!("until {}", to.in_words())),
                        (None, None) => None,
                    },
                })
                .collect(),
            country: None,
            coordinates: None,
            authorities,
            registered: person.span.is_some(),
            groups,
            events: roles
                .map(|r| r.events.iter().map(|&e| self.event_item(at, e)).collect())
                .unwrap_or_default(),
            count: roles.map_or(0, |r| r.documents()),
        }
    }

    fn place(&self, at: &SitePath, id: &PlaceId) -> EntryPage {
        let place = self
            .edition
            .places
            .get(id)
            .expect("place pages are planned from the registry");
        let roles = self.indexes.places.get(id);
        let mut groups = Vec::new();
        if let Some(roles) = roles {
            groups.extend(group(
                "Written here",
                "written",
                roles
                    .written
                    .iter()
                    .map(|&i| self.doc_item(at, i))
                    .collect(),
            ));
            groups.extend(group(
                "Named in",
                "named",
                roles
                    .named
                    .iter()
                    .map(|(i, anchors)| self.doc_item_at(at, *i, anchors))
                    .collect(),
            ));
        }
        let mut authorities = Vec::new();
        if let Some(q) = &place.wikidata {
            authorities.push(Link {
                label: format!("Wikidata {q}"),
                href: format!("https://www.wikidata.org/wiki/{q}"),
            });
        }
        if let Some(geonames) = &place.geonames {
            authorities.push(Link {
                label: format!("GeoNames {geonames}"),
                href: format!("https://www.geonames.org/{geonames}"),
            });
        }
        EntryPage {
            name: place.name.clone(),
            kind: "place",
            variants: place.variants.clone(),
            description_html: place.description.as_deref().map(|d| self.markdown(at, d)),
            life: None,
            roles: Vec::new(),
            country: place.country.clone(),
            coordinates: place.coordinates.map(coordinates),
            authorities,
            registered: place.span.is_some(),
            groups,
            events: roles
                .map(|r| r.events.iter().map(|&e| self.event_item(at, e)).collect())
                .unwrap_or_default(),
            count: roles.map_or(0, |r| r.documents()),
        }
    }

    fn event_item(&self, at: &SitePath, index: usize) -> EventItem {
        let resolved = &self.edition.events[index];
        EventItem {
            title: resolved.event.title.clone(),
            date: date_view(&resolved.event.date),
            description_html: resolved
                .event
                .description
                .as_deref()
                .map(|d| self.markdown(at, d)),
            people: resolved
                .people
                .iter()
                .map(|id| self.person_link(at, id))
                .collect(),
            places: resolved
                .places
                .iter()
                .map(|id| self.place_link(at, id))
                .collect(),
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
    ) -> TermPage {
        TermPage {
            label: labels.get(id).cloned().unwrap_or_else(|| id.to_string()),
            kind,
            documents: index
                .get(id)
                .map(|docs| docs.iter().map(|&i| self.doc_item(at, i)).collect())
                .unwrap_or_default(),
        }
    }

    fn timeline(&self, at: &SitePath) -> TimelinePage {
        let years: Vec<YearView> = self
            .indexes
            .timeline
            .iter()
            .map(|year| YearView {
                label: year_words(year.year),
                id: format!("y{}", year.year),
                count: year
                    .months
                    .iter()
                    .flat_map(|m| &m.entries)
                    .filter(|e| matches!(e, Entry::Document(_)))
                    .count(),
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

fn home(site: &Site<'_>, at: &SitePath) -> HomePage {
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
            .collections
            .iter()
            .enumerate()
            .filter(|(_, c)| c.parent.is_none())
            .map(|(i, _)| site.collection_item(at, i))
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

fn group(heading: &str, id: &str, documents: Vec<DocItem>) -> Option<DocGroup> {
    (!documents.is_empty()).then(|| DocGroup {
        heading: heading.to_owned(),
        id: id.to_owned(),
        documents,
    })
}

fn life(born: Option<&Date>, died: Option<&Date>) -> Option<String> {
    match (born, died) {
        (Some(born), Some(died)) => Some(format!("{} - {}", born.in_words(), died.in_words())),
        (Some(born), None) => Some(format!("born {}", born.in_words())),
        (None, Some(died)) => Some(format!("died {}", died.in_words())),
        (None, None) => None,
    }
}

fn coordinates((lat, lon): (f64, f64)) -> CoordinatesView {
    let words = format!(
        "{:.4}° {}, {:.4}° {}",
        lat.abs(),
        if lat >= 0.0 { "N" } else { "S" },
        lon.abs(),
        if lon >= 0.0 { "E" } else { "W" }
    );
    CoordinatesView {
        lat,
        lon,
        words,
        map: format!("https://www.openstreetmap.org/?mlat={lat}&mlon={lon}#map=10/{lat}/{lon}"),
    }
}

/// Groups sorted entries under their initial letters.
fn registry_index(entries: Vec<(String, RegistryItem)>) -> RegistryIndexPage {
    let total = entries.len();
    let with_documents = entries.iter().filter(|(_, e)| e.count > 0).count();
    let mut groups: Vec<LetterGroup> = Vec::new();
    for (key, item) in entries {
        let letter = initial(&key);
        if groups.last().is_none_or(|g| g.letter != letter) {
            let id = format!(
                "letter-{}",
                crate::model::id::slugify(&letter)
                    .chars()
                    .next()
                    .map_or("other".to_owned(), |c| c.to_string())
            );
            groups.push(LetterGroup {
                letter,
                id,
                entries: Vec::new(),
            });
        }
        groups.last_mut().expect("pushed above").entries.push(item);
    }
    // Two letters may share a slug (É and E): keep ids unique.
    let mut seen = std::collections::HashSet::new();
    for group in &mut groups {
        let mut id = group.id.clone();
        let mut n = 1;
        while !seen.insert(id.clone()) {
            n += 1;
            id = format!("{}-{n}", group.id);
        }
        group.id = id;
    }
    RegistryIndexPage {
        letters: groups
            .iter()
            .map(|g| Link {
                label: g.letter.clone(),
                href: format!("#{}", g.id),
            })
            .collect(),
        groups,
        total,
        with_documents,
    }
}

/// The index letter of a sort key: its first letter, upper-cased; `#` for anything else.
fn initial(key: &str) -> String {
    match key.chars().find(|c| c.is_alphanumeric()) {
        Some(c) if c.is_alphabetic() => c.to_uppercase().collect(),
        _ => "#".to_owned(),
    }
}

/// The English name of a language code, for the common ones; the code otherwise.
fn language_name(code: &str) -> String {
    let name = match code.split('-').next().unwrap_or(code) {
        "ar" => "Arabic",
        "az" => "Azerbaijani",
        "de" => "German",
        "en" => "English",
        "es" => "Spanish",
        "fa" => "Persian",
        "fr" => "French",
        "hy" => "Armenian",
        "it" => "Italian",
        "ka" => "Georgian",
        "ku" => "Kurdish",
        "pl" => "Polish",
        "ru" => "Russian",
        "tr" => "Turkish",
        "uk" => "Ukrainian",
        _ => return code.to_owned(),
    };
    name.to_owned()
}

/// Reads a document's body again from its file.
fn read_body(document: &crate::model::document::Document) -> Result<String, Diagnostic> {
    let changed = || {
        Diagnostic::error(
            "file-changed",
            format!(
                "{} changed while the edition was being built",
                document.file
            ),
        )
        .with_help("build again once the file is saved")
    };
    let text = crate::source::read_text(document.file.path()).map_err(|_| changed())?;
    let start = document
        .body_offset
        .checked_sub(text.offset)
        .ok_or_else(changed)?;
    text.text
        .get(start..)
        .map(str::to_owned)
        .ok_or_else(changed)
}
