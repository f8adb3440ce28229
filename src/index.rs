//! Index: [`ResolvedEdition`] → [`Indexes`], what every list page shows, built in one pass.
//!
//! Each index is filled by walking the documents once, in edition order, and pushing each
//! document into the lists it belongs to, so every list is already in edition order and a
//! person named in 10,000 documents costs 10,000 pushes, never a search (getzola/zola#1897).

use std::collections::BTreeMap;

use crate::model::date::{Date, Day};
use crate::model::document::Anchor;
use crate::model::id::{PersonId, PlaceId, TermId};
use crate::model::{DocIndex, PlaceRef, ResolvedEdition};

/// Every list the site shows, by what it lists.
#[derive(Debug, Default)]
pub struct Indexes {
    /// Per person: the documents they wrote, received, or are named in.
    pub people: BTreeMap<PersonId, Roles>,
    /// Per place: the documents written there or naming it.
    pub places: BTreeMap<PlaceId, PlaceRoles>,
    /// Per subject term: its documents.
    pub tags: BTreeMap<TermId, Vec<DocIndex>>,
    /// Per document type: its documents.
    pub types: BTreeMap<TermId, Vec<DocIndex>>,
    /// Documents and events by year and month.
    pub timeline: Vec<Year>,
}

/// A person's documents by role, each list in edition order.
#[derive(Debug, Default)]
pub struct Roles {
    /// Documents they wrote.
    pub wrote: Vec<DocIndex>,
    /// Documents addressed to them.
    pub received: Vec<DocIndex>,
    /// Documents that name them, with the paragraphs or notes where (none when they are named
    /// only in the metadata).
    pub named: Vec<(DocIndex, Vec<Anchor>)>,
    /// Context events they take part in (positions in `events`).
    pub events: Vec<usize>,
}

impl Roles {
    /// Number of distinct documents.
    pub fn documents(&self) -> usize {
        let named = self.named.iter().map(|(d, _)| d);
        distinct(
            self.wrote
                .iter()
                .chain(&self.received)
                .chain(named)
                .copied(),
        )
    }
}

/// A place's documents by role.
#[derive(Debug, Default)]
pub struct PlaceRoles {
    /// Documents written there.
    pub written: Vec<DocIndex>,
    /// Documents that name it, with where.
    pub named: Vec<(DocIndex, Vec<Anchor>)>,
    /// Context events there.
    pub events: Vec<usize>,
}

impl PlaceRoles {
    /// Number of distinct documents.
    pub fn documents(&self) -> usize {
        let named = self.named.iter().map(|(d, _)| d);
        distinct(self.written.iter().chain(named).copied())
    }
}

/// One year of the timeline.
#[derive(Debug)]
pub struct Year {
    /// The year (astronomical numbering).
    pub year: i64,
    /// Its months in order; month `None` gathers what is dated to the year only, first.
    pub months: Vec<Month>,
}

impl Year {
    /// How many documents the year holds, in all its months.
    pub fn documents(&self) -> usize {
        self.months.iter().map(Month::documents).sum()
    }

    /// How many documents month `month` (1-12) of the year holds.
    pub fn documents_in(&self, month: u8) -> usize {
        self.months
            .iter()
            .filter(|m| m.month == Some(month))
            .map(Month::documents)
            .sum()
    }
}

/// One month of the timeline.
#[derive(Debug)]
pub struct Month {
    /// 1-12, or `None` for "sometime in the year".
    pub month: Option<u8>,
    /// What happened, by earliest day.
    pub entries: Vec<Entry>,
}

impl Month {
    /// How many of its entries are documents.
    pub fn documents(&self) -> usize {
        self.entries
            .iter()
            .filter(|e| matches!(e, Entry::Document(_)))
            .count()
    }
}

/// A timeline entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Entry {
    /// A document.
    Document(DocIndex),
    /// A context event (position in `events`).
    Event(usize),
}

/// Builds every index of `edition`.
pub fn build(edition: &ResolvedEdition) -> Indexes {
    let mut indexes = Indexes::default();
    for id in edition.people.ids() {
        indexes.people.insert(id.clone(), Roles::default());
    }
    for id in edition.places.ids() {
        indexes.places.insert(id.clone(), PlaceRoles::default());
    }
    for (index, document) in edition.documents.iter().enumerate() {
        for id in &document.authors {
            roles(&mut indexes.people, id).wrote.push(index);
        }
        for id in &document.recipients {
            roles(&mut indexes.people, id).received.push(index);
        }
        for (id, anchors) in named(&document.people, &document.person_mentions) {
            roles(&mut indexes.people, id).named.push((index, anchors));
        }
        if let Some(PlaceRef::Known(id)) = &document.place {
            place_roles(&mut indexes.places, id).written.push(index);
        }
        for (id, anchors) in named(&document.places, &document.place_mentions) {
            place_roles(&mut indexes.places, id)
                .named
                .push((index, anchors));
        }
        for tag in &document.tags {
            indexes.tags.entry(tag.clone()).or_default().push(index);
        }
        if let Some(doc_type) = &document.doc_type {
            indexes
                .types
                .entry(doc_type.clone())
                .or_default()
                .push(index);
        }
    }
    for (index, event) in edition.events.iter().enumerate() {
        for id in &event.people {
            roles(&mut indexes.people, id).events.push(index);
        }
        for id in &event.places {
            place_roles(&mut indexes.places, id).events.push(index);
        }
    }
    indexes.timeline = timeline(edition);
    indexes
}

/// Everyone (or everywhere) a document names, by id, each with the distinct paragraphs and
/// notes that name them in the order the text does: `listed` are named in the metadata
/// (with no anchor of their own), `mentions` in the text.
fn named<'a, Id: Ord>(
    listed: &'a [Id],
    mentions: &'a [(Id, Option<Anchor>)],
) -> BTreeMap<&'a Id, Vec<Anchor>> {
    let mut named: BTreeMap<&Id, Vec<Anchor>> = listed.iter().map(|id| (id, Vec::new())).collect();
    for (id, anchor) in mentions {
        let anchors = named.entry(id).or_default();
        if let Some(anchor) = anchor
            && !anchors.contains(anchor)
        {
            anchors.push(anchor.clone());
        }
    }
    named
}

/// How many distinct documents `lists` hold together.
fn distinct(lists: impl Iterator<Item = DocIndex>) -> usize {
    let mut all: Vec<DocIndex> = lists.collect();
    all.sort_unstable();
    all.dedup();
    all.len()
}

fn roles<'a>(people: &'a mut BTreeMap<PersonId, Roles>, id: &PersonId) -> &'a mut Roles {
    people.entry(id.clone()).or_default()
}

fn place_roles<'a>(
    places: &'a mut BTreeMap<PlaceId, PlaceRoles>,
    id: &PlaceId,
) -> &'a mut PlaceRoles {
    places.entry(id.clone()).or_default()
}

/// Merges documents (already in edition order) and events (in date order) by earliest day,
/// and groups them by year and month.
fn timeline(edition: &ResolvedEdition) -> Vec<Year> {
    let key = |date: &Date| -> (Day, Option<u8>) { (date.earliest(), date.start_month()) };
    let documents = edition
        .documents
        .iter()
        .enumerate()
        .map(|(i, d)| (key(&d.document.date), Entry::Document(i)));
    let events = edition
        .events
        .iter()
        .enumerate()
        .map(|(i, e)| (key(&e.event.date), Entry::Event(i)));
    let mut entries: Vec<((Day, Option<u8>), Entry)> = documents.chain(events).collect();
    // Stable: documents keep their edition order among themselves on the same day.
    entries.sort_by_key(|((day, month), _)| (day.year, month.is_some(), *day));
    let mut years: Vec<Year> = Vec::new();
    for ((day, month), entry) in entries {
        if years.last().is_none_or(|y| y.year != day.year) {
            years.push(Year {
                year: day.year,
                months: Vec::new(),
            });
        }
        let year = years.last_mut().expect("pushed above");
        if year.months.last().is_none_or(|m| m.month != month) {
            year.months.push(Month {
                month,
                entries: Vec::new(),
            });
        }
        year.months
            .last_mut()
            .expect("pushed above")
            .entries
            .push(entry);
    }
    years
}
