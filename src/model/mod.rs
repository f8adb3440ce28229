//! The edition as data: what `load` reads ([`Edition`]) and what `resolve` makes of it
//! ([`ResolvedEdition`]).
//!
//! Both are arenas: documents, people and places are kept once and refer to each other by id
//! or index, never by borrow, so each stage takes one value and returns the next.

pub mod date;
pub mod document;
pub mod id;
pub mod registry;

use std::collections::{BTreeMap, HashMap};

use document::{Anchor, Collection, Document, Home, Reference};
use id::{DocId, PersonId, PlaceId, TermId};
use registry::{Event, Person, Place, Registry, Term};

/// Everything the edition's files say, each file checked on its own.
#[derive(Debug, Default)]
pub struct Edition {
    /// Every document that could be read, in the order of their files.
    pub documents: Vec<Document>,
    /// Every folder under `documents/` that holds documents, by id.
    pub collections: Vec<Collection>,
    /// `documents/_index.md`.
    pub home: Home,
    /// people.yaml.
    pub people: BTreeMap<PersonId, Person>,
    /// places.yaml.
    pub places: BTreeMap<PlaceId, Place>,
    /// glossary.yaml, in file order.
    pub glossary: Vec<Term>,
    /// events.yaml, in file order.
    pub events: Vec<Event>,
    /// The `person:`, `place:` and `doc:` links in the registries' descriptions.
    pub registry_links: Vec<Reference>,
}

/// Position of a document in [`ResolvedEdition::documents`].
pub type DocIndex = usize;

/// The edition with every cross-file fact settled: unique ids, references bound to registry
/// ids, relations both ways. Drafts are already left out (unless building with drafts).
#[derive(Debug)]
pub struct ResolvedEdition {
    /// The documents in edition order: earliest possible day, then `order`, then id.
    pub documents: Vec<ResolvedDocument>,
    /// Each document's position by id.
    pub ids: HashMap<DocId, DocIndex>,
    /// Old ids and the documents they now name, sorted by old id.
    pub aliases: Vec<(DocId, DocIndex)>,
    /// Everyone in people.yaml, and everyone referred to who is not.
    pub people: Registry<PersonId, Person>,
    /// Every place in places.yaml, and every place referred to that is not.
    pub places: Registry<PlaceId, Place>,
    /// Subject terms: id and the label first written for it.
    pub tags: BTreeMap<TermId, String>,
    /// Document types: id and the label first written for it.
    pub types: BTreeMap<TermId, String>,
    /// The collections, sorted by id (so parents precede their children).
    pub collections: Vec<ResolvedCollection>,
    /// The top-level collections' positions, by `order`, then title.
    pub roots: Vec<usize>,

    /// The home page's introduction.
    pub home: Home,
    /// The glossary, sorted by term.
    pub glossary: Vec<Term>,
    /// Context events, in date order.
    pub events: Vec<ResolvedEvent>,
}

/// A document with its references bound.
#[derive(Debug)]
pub struct ResolvedDocument {
    /// What the file says.
    pub document: Document,
    /// `authors`, bound.
    pub authors: Vec<PersonId>,
    /// `recipients`, bound.
    pub recipients: Vec<PersonId>,
    /// `people`, bound.
    pub people: Vec<PersonId>,
    /// `place`: a place, or text that names none.
    pub place: Option<PlaceRef>,
    /// `places`, bound.
    pub places: Vec<PlaceId>,
    /// `tags`.
    pub tags: Vec<TermId>,
    /// `type`.
    pub doc_type: Option<TermId>,
    /// Related documents, both ways, in edition order.
    pub related: Vec<DocIndex>,
    /// The document this one replies to.
    pub in_reply_to: Option<DocIndex>,
    /// Documents that reply to this one, in edition order.
    pub replies: Vec<DocIndex>,
    /// People named in the body by `person:` links, with where.
    pub person_mentions: Vec<(PersonId, Option<Anchor>)>,
    /// Places named in the body by `place:` links, with where.
    pub place_mentions: Vec<(PlaceId, Option<Anchor>)>,
    /// Position of its collection in [`ResolvedEdition::collections`].
    pub collection: Option<usize>,
}

/// Where a document was written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PlaceRef {
    /// A place with a page.
    Known(PlaceId),
    /// Free text that names no place (nothing to make an id of).
    Text(String),
}

/// A collection in its tree.
#[derive(Debug)]
pub struct ResolvedCollection {
    /// What its `_index.md` says.
    pub collection: Collection,
    /// Its parent's position, if nested.
    pub parent: Option<usize>,
    /// Its sub-collections' positions, by `order`, then title.
    pub children: Vec<usize>,
    /// Its own documents (not those of sub-collections), in edition order.
    pub documents: Vec<DocIndex>,
    /// Documents in it and all its sub-collections.
    pub total: usize,
}

/// A context event with its references bound.
#[derive(Debug)]
pub struct ResolvedEvent {
    /// The event.
    pub event: Event,
    /// Its people.
    pub people: Vec<PersonId>,
    /// Its places.
    pub places: Vec<PlaceId>,
}

/// The label of term `id` in `labels` (the edition's tags or types), or the id itself.
pub fn term_label(labels: &BTreeMap<TermId, String>, id: &TermId) -> String {
    labels.get(id).cloned().unwrap_or_else(|| id.to_string())
}
