//! The template contract: one documented, serialisable view per kind of page.
//!
//! Templates never search the edition: each view holds exactly what its page shows, with
//! every href already made relative to that page. A theme author reads this file to know
//! what each template receives: every page gets `root` (the relative path back to the site
//! root, e.g. `../../`), `section` (which part of the site it is in, for navigation),
//! `title` (the page's title), `canonical` (its permalink, if the edition has a `base_url`)
//! and `page` (the view below); every template also sees the global `site` ([`SiteView`]).

use serde::Serialize;

/// What every page knows about the edition (the global `site` in templates).
#[derive(Serialize)]
pub struct SiteView {
    /// The edition's title.
    pub title: String,
    /// Its subtitle.
    pub subtitle: Option<String>,
    /// One paragraph about it.
    pub description: Option<String>,
    /// The editors' names.
    pub editors: Vec<String>,
    /// The edition's language (BCP 47).
    pub language: String,
    /// Where it is published.
    pub base_url: Option<String>,
    /// The main navigation: only sections that have something to show.
    pub nav: Vec<NavItem>,
    /// The hands that write notes, in the order declared.
    pub hands: Vec<HandView>,
}

/// A link in the main navigation.
#[derive(Serialize)]
pub struct NavItem {
    /// The section it leads to (matches a page's `section`).
    pub section: &'static str,
    /// Its label.
    pub label: &'static str,
    /// Its path from the site root (prefix it with `root`).
    pub path: String,
}

/// An annotator.
#[derive(Clone, Serialize)]
pub struct HandView {
    /// Its id (`yb`), the `data-hand` of its notes.
    pub id: String,
    /// Who.
    pub name: String,
    /// In what capacity.
    pub role: Option<String>,
}

/// A labelled link.
#[derive(Clone, Serialize)]
pub struct Link {
    /// The text.
    pub label: String,
    /// The relative href.
    pub href: String,
}

/// A date for display.
#[derive(Clone, Serialize)]
pub struct DateView {
    /// In words: "21 October 1945", "c. 1945".
    pub words: String,
    /// For `<time datetime>`: "1945-10-21"; absent outside years 1-9999.
    pub machine: Option<String>,
    /// As written (EDTF).
    pub edtf: String,
    /// Whether marked uncertain.
    pub uncertain: bool,
    /// Whether marked approximate.
    pub approximate: bool,
}

/// A document in a list. Everything but its href and anchors is computed once per build
/// ([`Listed`]) and borrowed by every list that shows the document.
#[derive(Clone, Serialize)]
pub struct DocItem<'a> {
    /// Its title.
    pub title: &'a str,
    /// Its page.
    pub href: String,
    /// Its date.
    pub date: &'a DateView,
    /// Its type, as written.
    pub doc_type: Option<&'a str>,
    /// Its authors' names, joined.
    pub authors: Option<&'a str>,
    /// Its recipients' names, joined.
    pub recipients: Option<&'a str>,
    /// Where in it the listed person or place is named (paragraphs, notes).
    pub anchors: Vec<Link>,
}

/// What every list shows of one document, computed once per build.
pub struct Listed<'a> {
    /// Its title.
    pub title: &'a str,
    /// Its page's path from the site root.
    pub path: String,
    /// Its date.
    pub date: DateView,
    /// Its type, as written.
    pub doc_type: Option<&'a str>,
    /// Its authors' names, joined.
    pub authors: Option<String>,
    /// Its recipients' names, joined.
    pub recipients: Option<String>,
}

/// A context event in a list.
#[derive(Serialize)]
pub struct EventItem {
    /// What happened.
    pub title: String,
    /// When.
    pub date: DateView,
    /// More, as HTML.
    pub description_html: Option<String>,
    /// People involved.
    pub people: Vec<Link>,
    /// Places involved.
    pub places: Vec<Link>,
}

/// `index.html`.
#[derive(Serialize)]
pub struct HomePage<'a> {
    /// The introduction from `documents/_index.md`, as HTML.
    pub introduction_html: Option<String>,
    /// Top-level collections.
    pub collections: Vec<CollectionItem>,
    /// The first documents in time.
    pub earliest: Vec<DocItem<'a>>,
    /// The last documents in time, latest first.
    pub latest: Vec<DocItem<'a>>,
    /// How many documents, people, places.
    pub counts: Counts,
    /// The dates the edition spans, in words.
    pub span: Option<String>,
}

/// Sizes of the edition.
#[derive(Serialize)]
pub struct Counts {
    /// Documents.
    pub documents: usize,
    /// People and organisations.
    pub people: usize,
    /// Places.
    pub places: usize,
    /// Collections.
    pub collections: usize,
}

/// A collection in a list.
#[derive(Serialize)]
pub struct CollectionItem {
    /// Its title.
    pub title: String,
    /// Its page.
    pub href: String,
    /// Its description.
    pub description: Option<String>,
    /// Documents in it and its sub-collections.
    pub count: usize,
}

/// `documents/ID/index.html`.
#[derive(Serialize)]
pub struct DocumentPage<'a> {
    /// The id.
    pub id: String,
    /// The title.
    pub title: String,
    /// The date.
    pub date: DateView,
    /// A note on the date.
    pub date_note: Option<String>,
    /// Where it was written.
    pub place: Option<Link>,
    /// Where it was written, when that names no place page.
    pub place_text: Option<String>,
    /// Its type.
    pub doc_type: Option<Link>,
    /// Its classification marking.
    pub classification: Option<String>,
    /// Its authors.
    pub authors: Vec<Link>,
    /// Its recipients.
    pub recipients: Vec<Link>,
    /// Others it concerns.
    pub people: Vec<Link>,
    /// Places it concerns.
    pub places: Vec<Link>,
    /// Its subjects.
    pub tags: Vec<Link>,
    /// The editors' summary, as HTML.
    pub summary_html: Option<String>,
    /// The summary as plain text, for meta descriptions.
    pub description: Option<String>,
    /// Archival sources.
    pub sources: Vec<SourceView>,
    /// Earlier publications.
    pub published: Vec<String>,
    /// Translation.
    pub translation: Option<TranslationView>,
    /// The language of the text, when it differs from the edition's (for `lang`).
    pub language: Option<String>,
    /// Whether the text is written right to left (for `dir="rtl"`).
    pub right_to_left: bool,
    /// Acknowledgement.
    pub credit: Option<String>,
    /// Rights statement (the document's, else the edition's).
    pub rights: Option<String>,
    /// External resources.
    pub links: Vec<Link>,
    /// Related documents, both ways.
    pub related: Vec<DocItem<'a>>,
    /// The document this replies to.
    pub in_reply_to: Option<DocItem<'a>>,
    /// Documents replying to this one.
    pub replies: Vec<DocItem<'a>>,
    /// The collections it is in, outermost first.
    pub breadcrumbs: Vec<Link>,
    /// The text, as HTML.
    pub body_html: String,
    /// The notes, by hand.
    pub note_groups: Vec<NoteGroup>,
    /// Its canonical permalink, when the edition has a `base_url`.
    pub permalink: Option<String>,

    /// "Cite this document": Chicago, MLA and APA.
    pub citations: Vec<CitationView>,
    /// The citation files beside the page (BibTeX, RIS, CSL-JSON).
    pub cite_files: Vec<Link>,
    /// Highwire Press and Dublin Core `<meta>` tags, for reference managers and crawlers.
    pub meta: Vec<MetaTag>,
    /// schema.org JSON-LD, escaped for a `<script>` element.
    pub json_ld: String,
    /// The document before it in the edition.
    pub previous: Option<DocItem<'a>>,
    /// The document after it.
    pub next: Option<DocItem<'a>>,
}

/// An archival source.
#[derive(Serialize)]
pub struct SourceView {
    /// The archive.
    pub archive: Option<String>,
    /// The reference within it.
    pub reference: Option<String>,
    /// What kind of copy.
    pub description: Option<String>,
}

/// A translation.
#[derive(Serialize)]
pub struct TranslationView {
    /// Who translated.
    pub translator: Option<String>,
    /// From which language, in words where known ("Russian"), else its code.
    pub from: Option<String>,
    /// A note on the translation.
    pub note: Option<String>,
}

/// The notes of one hand.
#[derive(Serialize)]
pub struct NoteGroup {
    /// The hand.
    pub hand: HandView,
    /// Its notes, by number.
    pub notes: Vec<NoteView>,
}

/// One note.
#[derive(Serialize)]
pub struct NoteView {
    /// Its mark.
    pub marker: String,
    /// Its element id.
    pub id: String,
    /// Its content, as HTML.
    pub html: String,
    /// Ids of the marks referring to it.
    pub backrefs: Vec<String>,
}

/// `documents/index.html`: every document in edition order.
#[derive(Serialize)]
pub struct DocumentsPage<'a> {
    /// The documents.
    pub documents: Vec<DocItem<'a>>,
    /// The index of document types, when documents have types.
    pub types: Option<String>,
}

/// `collections/PATH/index.html`.
#[derive(Serialize)]
pub struct CollectionPage<'a> {
    /// Its title.
    pub title: String,
    /// Its description.
    pub description: Option<String>,
    /// Its introduction, as HTML.
    pub introduction_html: Option<String>,
    /// Its parents, outermost first.
    pub breadcrumbs: Vec<Link>,
    /// Its sub-collections.
    pub children: Vec<CollectionItem>,
    /// Its own documents, in edition order.
    pub documents: Vec<DocItem<'a>>,
    /// Documents in it and its sub-collections.
    pub total: usize,
}

/// `collections/index.html`.
#[derive(Serialize)]
pub struct CollectionsPage {
    /// Every top-level collection, with its sub-collections nested.
    pub collections: Vec<CollectionTree>,
}

/// A collection and its sub-collections.
#[derive(Serialize)]
pub struct CollectionTree {
    /// The collection.
    pub item: CollectionItem,
    /// Its sub-collections.
    pub children: Vec<CollectionTree>,
}

/// An A-Z index of people or places.
#[derive(Serialize)]
pub struct RegistryIndexPage {
    /// The letters that have entries, for the A-Z bar.
    pub letters: Vec<Link>,
    /// Entries grouped by letter.
    pub groups: Vec<LetterGroup>,
    /// Number of entries.
    pub total: usize,
    /// Number of entries named in at least one document.
    pub with_documents: usize,
}

/// Entries under one letter.
#[derive(Serialize)]
pub struct LetterGroup {
    /// The letter.
    pub letter: String,
    /// Its element id (`letter-b`).
    pub id: String,
    /// The entries.
    pub entries: Vec<RegistryItem>,
}

/// A person or place in an index.
#[derive(Serialize)]
pub struct RegistryItem {
    /// Display name.
    pub name: String,
    /// Its page.
    pub href: String,
    /// Identification, as HTML.
    pub description_html: Option<String>,
    /// Life dates ("1899-1953") or country.
    pub detail: Option<String>,
    /// Number of documents.
    pub count: usize,
}

/// `people/ID/index.html` and `places/ID/index.html`.
#[derive(Serialize)]
pub struct EntryPage<'a> {
    /// Display name.
    pub name: String,
    /// "person", "organization" or "place".
    pub kind: &'static str,
    /// Other spellings.
    pub variants: Vec<String>,
    /// Identification, as HTML.
    pub description_html: Option<String>,
    /// Life dates in words, for people.
    pub life: Option<String>,
    /// Offices held.
    pub roles: Vec<RoleView>,
    /// Present-day country, for places.
    pub country: Option<String>,
    /// Coordinates, for places.
    pub coordinates: Option<CoordinatesView>,
    /// Authority records (Wikidata, VIAF, GeoNames).
    pub authorities: Vec<Link>,
    /// Whether the entry is in the registry (false: made from a reference).
    pub registered: bool,
    /// Documents by role ("Author", "Recipient", "Named in").
    pub groups: Vec<DocGroup<'a>>,
    /// Context events.
    pub events: Vec<EventItem>,
    /// Number of distinct documents.
    pub count: usize,
}

/// An office held.
#[derive(Serialize)]
pub struct RoleView {
    /// The office.
    pub title: String,
    /// When, in words.
    pub dates: Option<String>,
}

/// Coordinates and a public map link.
#[derive(Serialize)]
pub struct CoordinatesView {
    /// Latitude, degrees.
    pub lat: f64,
    /// Longitude, degrees.
    pub lon: f64,
    /// "38.0800° N, 46.2919° E".
    pub words: String,
    /// A public map at this point.
    pub map: String,
}

/// Documents listed under a heading.
#[derive(Serialize)]
pub struct DocGroup<'a> {
    /// The heading.
    pub heading: String,
    /// The element id.
    pub id: String,
    /// The documents, in edition order.
    pub documents: Vec<DocItem<'a>>,
}

/// `tags/index.html` and `types/index.html`.
#[derive(Serialize)]
pub struct TermsPage {
    /// Every term with its document count.
    pub terms: Vec<TermItem>,
}

/// A term in an index.
#[derive(Serialize)]
pub struct TermItem {
    /// The label.
    pub label: String,
    /// Its page.
    pub href: String,
    /// Number of documents.
    pub count: usize,
}

/// `tags/TAG/index.html` and `types/TYPE/index.html`.
#[derive(Serialize)]
pub struct TermPage<'a> {
    /// The label.
    pub label: String,
    /// "Subject" or "Type".
    pub kind: &'static str,
    /// Its documents in edition order.
    pub documents: Vec<DocItem<'a>>,
}

/// `search/index.html`: what its script needs to find the index.
#[derive(Serialize)]
pub struct SearchPage {
    /// The index's version, asked for with every script so no cached part is stale.
    pub version: String,
    /// How many documents the index lists.
    pub documents: usize,
    /// How many shards `search/index/` holds.
    pub shards: usize,
    /// How many documents each file of `search/documents/` lists.
    pub documents_per_file: usize,
}

/// `glossary/index.html`.
#[derive(Serialize)]
pub struct GlossaryPage {
    /// The terms, alphabetically.
    pub terms: Vec<GlossaryItem>,
}

/// A glossary entry.
#[derive(Serialize)]
pub struct GlossaryItem {
    /// The term.
    pub term: String,
    /// Its element id.
    pub id: String,
    /// Its expansion.
    pub expansion: String,
}

/// `timeline/index.html`.
#[derive(Serialize)]
pub struct TimelinePage<'a> {
    /// The density chart, as inline SVG; none without dated documents.
    pub chart_svg: Option<String>,
    /// Years in order.
    pub years: Vec<YearView<'a>>,
    /// Number of documents.
    pub documents: usize,
    /// Number of events.
    pub events: usize,
}

/// A year of the timeline.
#[derive(Serialize)]
pub struct YearView<'a> {
    /// The year in words ("1920", "44 BCE").
    pub label: String,
    /// Its element id (`y1920`).
    pub id: String,
    /// Documents in it.
    pub count: usize,
    /// Its months.
    pub months: Vec<MonthView<'a>>,
}

/// A month of the timeline.
#[derive(Serialize)]
pub struct MonthView<'a> {
    /// "July 1920", or "1920, month unknown".
    pub label: String,
    /// Its element id (`y1920-07`).
    pub id: String,
    /// Its entries in order.
    pub entries: Vec<TimelineEntry<'a>>,
}

/// A timeline entry: a document or an event.
#[derive(Serialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum TimelineEntry<'a> {
    /// A document.
    Document(DocItem<'a>),
    /// A context event.
    Event(EventItem),
}

/// A redirect page for an old id.
#[derive(Serialize)]
pub struct RedirectPage {
    /// Where the document is now (relative).
    pub href: String,
    /// Its title.
    pub title: String,
}

/// A formatted citation.
#[derive(Serialize)]
pub struct CitationView {
    /// The style's name ("Chicago", "MLA", "APA").
    pub style: &'static str,
    /// Its element id (`cite-chicago`).
    pub id: String,
    /// The citation as HTML (escaped; italics as `<i>`).
    pub html: String,
}

/// A `<meta name content>` tag.

#[derive(Serialize)]
pub struct MetaTag {
    /// Its name (`citation_title`, `DC.creator`).
    pub name: String,
    /// Its content.
    pub content: String,
}
