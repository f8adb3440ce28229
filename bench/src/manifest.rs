//! The ground truth of a generated edition: which documents refer to which person, place and
//! tag, and how, as plain maps that tests compare with what annals built.
//!
//! Every map is a `BTreeMap` or `BTreeSet`, so iteration is sorted and two manifests of the same
//! edition are equal. Paragraph numbers follow the content model: top-level paragraphs, block
//! quotes and lists of a body are `p1`, `p2`, ... in order; headings and note definitions are
//! not numbered.

use std::collections::{BTreeMap, BTreeSet};

/// What a generated edition contains, for tests.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Manifest {
    /// Every document, by id.
    pub documents: BTreeMap<String, DocumentFacts>,
    /// Every person and organisation of `people.yaml`, by id, including those no document
    /// refers to.
    pub people: BTreeMap<String, PersonFacts>,
    /// Every place of `places.yaml`, by id, including those no document refers to.
    pub places: BTreeMap<String, PlaceFacts>,
    /// Every tag used, as written in front matter (already a slug), with its documents.
    pub tags: BTreeMap<String, BTreeSet<String>>,
}

/// One document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DocumentFacts {
    /// Its file, relative to the edition: `documents/part-01/vol-004/1931-08-12-letter-00042.md`.
    pub path: String,
    /// The `date:` of its front matter, as written (EDTF).
    pub date: String,
    /// Its `order:`, if it has one.
    pub order: Option<usize>,
    /// Its collection's path under `documents/`: `part-01/vol-004`.
    pub collection: String,
    /// How many numbered blocks (`p1`..`pN`) its body has.
    pub paragraphs: usize,
    /// How many words its text has (notes not counted).
    pub words: usize,
}

/// How documents refer to one person or organisation.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PersonFacts {
    /// Documents it wrote (front matter `authors`).
    pub authored: BTreeSet<String>,
    /// Documents it received (front matter `recipients`).
    pub received: BTreeSet<String>,
    /// Documents that name it, in front matter `people` or in the body (`person:` links), with
    /// the numbers of the paragraphs whose links name it; empty if only the front matter does.
    pub named: BTreeMap<String, BTreeSet<usize>>,
}

/// How documents refer to one place.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PlaceFacts {
    /// Documents written there (front matter `place`).
    pub written_at: BTreeSet<String>,
    /// Documents that name it, in front matter `places` or in the body (`place:` links), with
    /// the numbers of the paragraphs whose links name it; empty if only the front matter does.
    pub named: BTreeMap<String, BTreeSet<usize>>,
}

impl PersonFacts {
    /// Every document that refers to this person in any way, sorted.
    pub fn documents(&self) -> BTreeSet<&str> {
        self.authored
            .iter()
            .chain(&self.received)
            .chain(self.named.keys())
            .map(String::as_str)
            .collect()
    }
}

impl PlaceFacts {
    /// Every document that refers to this place in any way, sorted.
    pub fn documents(&self) -> BTreeSet<&str> {
        self.written_at
            .iter()
            .chain(self.named.keys())
            .map(String::as_str)
            .collect()
    }
}

/// What one document contributes to the manifest, gathered while it is written.
pub(crate) struct Contribution {
    pub(crate) id: String,
    pub(crate) facts: DocumentFacts,
    pub(crate) authors: Vec<String>,
    pub(crate) recipients: Vec<String>,
    /// Front matter `people`, then every `person:` link with its paragraph.
    pub(crate) people: Vec<(String, Option<usize>)>,
    pub(crate) place: String,
    /// Front matter `places`, then every `place:` link with its paragraph.
    pub(crate) places: Vec<(String, Option<usize>)>,
    pub(crate) tags: Vec<String>,
}

impl Manifest {
    /// A manifest listing `people` and `places`, referred to by no document yet.
    pub(crate) fn new<'a>(
        people: impl IntoIterator<Item = &'a str>,
        places: impl IntoIterator<Item = &'a str>,
    ) -> Manifest {
        Manifest {
            documents: BTreeMap::new(),
            people: people
                .into_iter()
                .map(|id| (id.to_owned(), PersonFacts::default()))
                .collect(),
            places: places
                .into_iter()
                .map(|id| (id.to_owned(), PlaceFacts::default()))
                .collect(),
            tags: BTreeMap::new(),
        }
    }

    /// Records what one document refers to.
    pub(crate) fn add(&mut self, document: Contribution) {
        let id = document.id;
        for author in document.authors {
            self.person(author).authored.insert(id.clone());
        }
        for recipient in document.recipients {
            self.person(recipient).received.insert(id.clone());
        }
        for (person, paragraph) in document.people {
            let paragraphs = self.person(person).named.entry(id.clone()).or_default();
            paragraphs.extend(paragraph);
        }
        self.place(document.place).written_at.insert(id.clone());
        for (place, paragraph) in document.places {
            let paragraphs = self.place(place).named.entry(id.clone()).or_default();
            paragraphs.extend(paragraph);
        }
        for tag in document.tags {
            self.tags.entry(tag).or_default().insert(id.clone());
        }
        self.documents.insert(id, document.facts);
    }

    fn person(&mut self, id: String) -> &mut PersonFacts {
        self.people
            .get_mut(&id)
            .expect("documents only refer to registered people")
    }

    fn place(&mut self, id: String) -> &mut PlaceFacts {
        self.places
            .get_mut(&id)
            .expect("documents only refer to registered places")
    }
}
