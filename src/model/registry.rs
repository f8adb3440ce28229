//! The registries: people, places, glossary terms and context events.
//!
//! A [`Registry`] finds an entry by id, then by exact name or variant, as the content model's
//! reference rules require; it keeps entries sorted by id so every walk is deterministic.

use std::collections::{BTreeMap, HashMap};

use crate::model::date::Date;
use crate::model::document::Ref;
use crate::source::Span;

/// A person or an organisation.
#[derive(Clone, Debug)]
pub struct Person {
    /// Display name.
    pub name: String,
    /// Sort key ("Beria, Lavrentiy"); by default the surname first, as [`Person::sort_key`] says.
    pub sort: Option<String>,
    /// Other spellings found in texts.
    pub variants: Vec<String>,
    /// Person or organisation.
    pub kind: PersonKind,
    /// Birth date.
    pub born: Option<Date>,
    /// Death date.
    pub died: Option<Date>,
    /// One-line identification (Markdown).
    pub description: Option<String>,
    /// Offices held.
    pub roles: Vec<Role>,
    /// Wikidata id (`Q123`).
    pub wikidata: Option<String>,
    /// VIAF id.
    pub viaf: Option<String>,
    /// Where people.yaml defines it; `None` for an entry made from an unknown reference.
    pub span: Option<Span>,
}

/// What kind of agent a [`Person`] is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum PersonKind {
    /// A human being.
    #[default]
    Person,
    /// A body: a ministry, a committee, a party.
    Organization,
}

/// An office held for a time.
#[derive(Clone, Debug)]
pub struct Role {
    /// The office.
    pub title: String,
    /// From when.
    pub from: Option<Date>,
    /// Until when.
    pub to: Option<Date>,
}

impl Person {
    /// The key people are sorted by: `sort`, else for a person the last word of the name
    /// first ("Beria Lavrentiy"), else the name. Compared case-insensitively.
    pub fn sort_key(&self) -> String {
        self.inverted_name().to_lowercase()
    }

    /// The name family first, as indexes and reference managers want it ("Beria, Lavrentiy"):
    /// `sort` if given, else for a person the last word of the name first, else the name.
    pub fn inverted_name(&self) -> String {
        match (&self.sort, self.kind) {
            (Some(sort), _) => sort.clone(),
            (None, PersonKind::Person) => match family_and_given(&self.name) {
                (family, Some(given)) => format!("{family}, {given}"),
                (family, None) => family.to_owned(),
            },
            (None, PersonKind::Organization) => self.name.clone(),
        }
    }
}

/// A personal name written in reading order, split into its family name (the last word) and
/// its given names: "Gary Goldberg" → ("Goldberg", Some("Gary")). The rule annals assumes
/// wherever a person has no `sort` key: in indexes, metadata and citations.
pub fn family_and_given(name: &str) -> (&str, Option<&str>) {
    let name = name.trim();
    match name.rsplit_once(' ') {
        Some((given, family)) => (family, Some(given.trim_end())),
        None => (name, None),
    }
}

/// A place.

#[derive(Clone, Debug)]
pub struct Place {
    /// Display name.
    pub name: String,
    /// Other spellings found in texts.
    pub variants: Vec<String>,
    /// Present-day country.
    pub country: Option<String>,
    /// Latitude and longitude in degrees.
    pub coordinates: Option<(f64, f64)>,
    /// GeoNames id.
    pub geonames: Option<String>,
    /// Wikidata id.
    pub wikidata: Option<String>,
    /// One-line identification (Markdown).
    pub description: Option<String>,
    /// Where places.yaml defines it; `None` for an entry made from an unknown reference.
    pub span: Option<Span>,
}

/// A glossary entry: an abbreviation or term and what it stands for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Term {
    /// The term as it appears in texts (`NKVD`).
    pub term: String,
    /// Its expansion.
    pub expansion: String,
}

/// A context event for timelines.
#[derive(Clone, Debug)]
pub struct Event {
    /// When.
    pub date: Date,
    /// What.
    pub title: String,
    /// More (Markdown).
    pub description: Option<String>,
    /// People involved.
    pub people: Vec<Ref>,
    /// Places involved.
    pub places: Vec<Ref>,
}

/// Something a registry can find by name.
pub trait Named {
    /// The display name.
    fn name(&self) -> &str;
    /// Other spellings.
    fn variants(&self) -> &[String];
    /// Where a registry file lists it; `None` for an entry made for an unknown name.
    fn span(&self) -> Option<&Span>;
    /// Whether a registry file lists it.
    fn is_listed(&self) -> bool {
        self.span().is_some()
    }
}

impl Named for Person {
    fn name(&self) -> &str {
        &self.name
    }
    fn variants(&self) -> &[String] {
        &self.variants
    }
    fn span(&self) -> Option<&Span> {
        self.span.as_ref()
    }
}

impl Named for Place {
    fn name(&self) -> &str {
        &self.name
    }
    fn variants(&self) -> &[String] {
        &self.variants
    }
    fn span(&self) -> Option<&Span> {
        self.span.as_ref()
    }
}

/// Entries by id, findable by exact name or variant.
#[derive(Clone, Debug)]
pub struct Registry<Id, T> {
    entries: BTreeMap<Id, T>,
    names: HashMap<String, Id>,
    shared: Vec<SharedName<Id>>,
}

/// A name or variant two entries share: lookups by it find the first.
#[derive(Clone, Debug)]
pub struct SharedName<Id> {
    /// The spelling.
    pub spelling: String,
    /// The entry it names, the first by id.
    pub first: Id,
    /// The other entry that has it.
    pub other: Id,
}

impl<Id: Ord + Clone, T: Named> Registry<Id, T> {
    /// A registry of `entries`. Where two entries share a name or variant, the name belongs to
    /// the first by id, so lookups stay deterministic.
    pub fn new(entries: BTreeMap<Id, T>) -> Registry<Id, T> {
        let mut registry = Registry {
            entries: BTreeMap::new(),
            names: HashMap::new(),
            shared: Vec::new(),
        };
        for (id, entry) in entries {
            registry.insert(id, entry);
        }
        registry
    }

    /// The entry `id`.
    pub fn get(&self, id: &Id) -> Option<&T> {
        self.entries.get(id)
    }

    /// The name to show for `id`: its entry's, or the id itself for a reference the resolver
    /// could not register (pages then still say who or where was meant).
    pub fn name_of<'r>(&'r self, id: &'r Id) -> &'r str
    where
        Id: AsRef<str>,
    {
        self.entries.get(id).map_or(id.as_ref(), Named::name)
    }

    /// The id of the entry named exactly `name` (its name or a variant).
    pub fn by_name(&self, name: &str) -> Option<&Id> {
        self.names.get(name)
    }

    /// Adds an entry unless `id` is taken.
    pub fn insert(&mut self, id: Id, entry: T) {
        if !self.entries.contains_key(&id) {
            let spellings =
                std::iter::once(entry.name()).chain(entry.variants().iter().map(String::as_str));
            for spelling in spellings {
                let first = self
                    .names
                    .entry(spelling.to_owned())
                    .or_insert_with(|| id.clone());
                if *first != id {
                    self.shared.push(SharedName {
                        spelling: spelling.to_owned(),
                        first: first.clone(),
                        other: id.clone(),
                    });
                }
            }
            self.entries.insert(id, entry);
        }
    }

    /// The names and variants two entries share, in the order the entries were added.
    pub fn shared_names(&self) -> &[SharedName<Id>] {
        &self.shared
    }

    /// Every entry, by id.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = (&Id, &T)> {
        self.entries.iter()
    }

    /// Every id, sorted.
    pub fn ids(&self) -> impl Iterator<Item = &Id> {
        self.entries.keys()
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether there are no entries.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}
