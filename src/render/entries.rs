//! People and places: the A-Z indexes and the page of each entry, with its documents by role.

use super::views::*;
use super::{Site, date_view};
use crate::model::date::{Date, year_words};
use crate::model::id::{PersonId, PlaceId};
use crate::model::registry::PersonKind;
use crate::urls::{self, SitePath};

impl Site<'_> {
    pub(super) fn people_index(&self, at: &SitePath) -> RegistryIndexPage {
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
                    detail: life(person.born.as_ref(), person.died.as_ref(), year_of),
                    count,
                };
                (person.sort_key(), item)
            })
            .collect();
        entries.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.href.cmp(&b.1.href)));
        registry_index(entries)
    }

    pub(super) fn places_index(&self, at: &SitePath) -> RegistryIndexPage {
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

    pub(super) fn person(&self, at: &SitePath, id: &PersonId) -> EntryPage<'_> {
        let person = self
            .edition
            .people
            .get(id)
            .expect("people pages are planned from the registry");
        let roles = self.indexes.people.get(id);
        let mut groups = Vec::new();
        if let Some(roles) = roles {
            groups.extend(group("Author", "wrote", self.doc_items(at, &roles.wrote)));
            groups.extend(group(
                "Recipient",
                "received",
                self.doc_items(at, &roles.received),
            ));
            groups.extend(group(
                "Named in",
                "named",
                self.doc_items_at(at, &roles.named),
            ));
        }
        let authorities = [
            wikidata(person.wikidata.as_deref()),
            person.viaf.as_ref().map(|viaf| Link {
                label: format!("VIAF {viaf}"),
                href: format!("https://viaf.org/viaf/{viaf}/"),
            }),
        ];
        EntryPage {
            name: person.name.clone(),
            kind: match person.kind {
                PersonKind::Person => "person",
                PersonKind::Organization => "organization",
            },
            variants: person.variants.clone(),
            description_html: person.description.as_deref().map(|d| self.markdown(at, d)),
            life: life(person.born.as_ref(), person.died.as_ref(), Date::in_words),
            roles: person
                .roles
                .iter()
                .map(|role| RoleView {
                    title: role.title.clone(),
                    dates: span(
                        role.from.as_ref(),
                        role.to.as_ref(),
                        Date::in_words,
                        ("from", "until"),
                    ),
                })
                .collect(),
            country: None,
            coordinates: None,
            authorities: authorities.into_iter().flatten().collect(),
            registered: person.span.is_some(),
            groups,
            events: roles
                .map(|r| r.events.iter().map(|&e| self.event_item(at, e)).collect())
                .unwrap_or_default(),
            count: roles.map_or(0, |r| r.documents()),
        }
    }

    pub(super) fn place(&self, at: &SitePath, id: &PlaceId) -> EntryPage<'_> {
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
                self.doc_items(at, &roles.written),
            ));
            groups.extend(group(
                "Named in",
                "named",
                self.doc_items_at(at, &roles.named),
            ));
        }
        let authorities = [
            wikidata(place.wikidata.as_deref()),
            place.geonames.as_ref().map(|geonames| Link {
                label: format!("GeoNames {geonames}"),
                href: format!("https://www.geonames.org/{geonames}"),
            }),
        ];
        EntryPage {
            name: place.name.clone(),
            kind: "place",
            variants: place.variants.clone(),
            description_html: place.description.as_deref().map(|d| self.markdown(at, d)),
            life: None,
            roles: Vec::new(),
            country: place.country.clone(),
            coordinates: place.coordinates.map(coordinates),
            authorities: authorities.into_iter().flatten().collect(),
            registered: place.span.is_some(),
            groups,
            events: roles
                .map(|r| r.events.iter().map(|&e| self.event_item(at, e)).collect())
                .unwrap_or_default(),
            count: roles.map_or(0, |r| r.documents()),
        }
    }

    pub(super) fn event_item(&self, at: &SitePath, index: usize) -> EventItem {
        let resolved = &self.edition.events[index];
        EventItem {
            title: resolved.event.title.clone(),
            date: date_view(&resolved.event.date),
            description_html: resolved
                .event
                .description
                .as_deref()
                .map(|d| self.markdown(at, d)),
            people: self.person_links(at, &resolved.people),
            places: self.place_links(at, &resolved.places),
        }
    }
}

fn group<'a>(heading: &str, id: &str, documents: Vec<DocItem<'a>>) -> Option<DocGroup<'a>> {
    (!documents.is_empty()).then(|| DocGroup {
        heading: heading.to_owned(),
        id: id.to_owned(),
        documents,
    })
}

/// Life dates, each date given by `words`: "29 March 1899 - 23 December 1953", "born 1873".
fn life(born: Option<&Date>, died: Option<&Date>, words: fn(&Date) -> String) -> Option<String> {
    span(born, died, words, ("born", "died"))
}

/// A span of two dates, either of which may be unknown; the pair names a lone
/// start and a lone end: "from 1918", "until 1921".
fn span(
    start: Option<&Date>,
    end: Option<&Date>,
    words: fn(&Date) -> String,
    (starts, ends): (&str, &str),
) -> Option<String> {
    match (start, end) {
        (Some(start), Some(end)) => Some(format!("{} - {}", words(start), words(end))),
        (Some(start), None) => Some(format!("{starts} {}", words(start))),
        (None, Some(end)) => Some(format!("{ends} {}", words(end))),
        (None, None) => None,
    }
}

/// The link to a Wikidata item, when the entry has one.
fn wikidata(item: Option<&str>) -> Option<Link> {
    item.map(|q| Link {
        label: format!("Wikidata {q}"),
        href: format!("https://www.wikidata.org/wiki/{q}"),
    })
}

/// A date as its first year, for the compact life dates of indexes ("1899 - 1953").
fn year_of(date: &Date) -> String {
    year_words(date.earliest().year)
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
