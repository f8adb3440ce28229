//! The registries beside the documents: people.yaml, places.yaml, glossary.yaml, events.yaml.
//!
//! Each is optional. Entries are checked one by one (ids, dates, coordinates) and a bad entry
//! is reported and left out; the others are kept. Descriptions are Markdown: their `person:`,
//! `place:` and `doc:` links are collected to be checked as an introduction's are.

use std::collections::BTreeMap;
use std::path::Path;

use serde::Deserialize;

use crate::config::Hand;
use crate::diagnostics::{self, Diagnostic, Diagnostics};
use crate::load::yaml::{self, Entries, Limits, Located, Names, Placement};
use crate::markdown::{self, BodyAt};
use crate::model::date::Date;
use crate::model::document::Reference;
use crate::model::id::{PersonId, PlaceId};
use crate::model::registry::{Event, Person, PersonKind, Place, Role, Term};
use crate::source::{self, SourcePath};

/// Everything the registries hold.
#[derive(Default)]
pub(crate) struct Registries {
    pub(crate) people: BTreeMap<PersonId, Person>,
    pub(crate) places: BTreeMap<PlaceId, Place>,
    pub(crate) glossary: Vec<Term>,
    pub(crate) events: Vec<Event>,
    /// The links written in people's, places' and events' descriptions.
    pub(crate) links: Vec<Reference>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPerson {
    name: String,
    sort: Option<String>,
    #[serde(default)]
    variants: Vec<String>,
    #[serde(default)]
    kind: RawKind,
    born: Option<Located<String>>,
    died: Option<Located<String>>,
    description: Option<Located<String>>,
    #[serde(default)]
    roles: Vec<RawRole>,
    wikidata: Option<String>,
    viaf: Option<String>,
}

#[derive(Deserialize, Default, Clone, Copy)]
#[serde(rename_all = "lowercase")]
enum RawKind {
    #[default]
    Person,
    #[serde(alias = "organisation")]
    Organization,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRole {
    title: String,
    from: Option<Located<String>>,
    to: Option<Located<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPlace {
    name: String,
    #[serde(default)]
    variants: Vec<String>,
    country: Option<String>,
    coordinates: Option<Located<Vec<f64>>>,
    geonames: Option<String>,
    wikidata: Option<String>,
    description: Option<Located<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEvent {
    date: Located<String>,
    title: String,
    description: Option<Located<String>>,
    people: Option<Located<Names>>,
    places: Option<Located<Names>>,
}

/// Reads every registry under `documents/`. I/O failures are returned; editors' mistakes are
/// diagnostics.
pub(crate) fn load(
    root: &Path,
    hands: &[Hand],
    diagnostics: &mut Diagnostics,
) -> std::io::Result<Registries> {
    let mut registries = Registries::default();
    let mut descriptions = Descriptions {
        hands,
        links: Vec::new(),
    };
    if let Some(people) = read::<Entries<RawPerson>>(root, "people.yaml", diagnostics)? {
        registries.people = people_of(people, &mut descriptions, diagnostics);
    }
    if let Some(places) = read::<Entries<RawPlace>>(root, "places.yaml", diagnostics)? {
        registries.places = places_of(places, &mut descriptions, diagnostics);
    }
    if let Some((terms, _)) = read::<Entries<String>>(root, "glossary.yaml", diagnostics)? {
        registries.glossary = terms
            .0
            .into_iter()
            .map(|(term, expansion)| Term {
                term: term.value,
                expansion,
            })
            .collect();
    }
    if let Some(events) = read::<Vec<RawEvent>>(root, "events.yaml", diagnostics)? {
        registries.events = events_of(events, &mut descriptions, diagnostics);
    }
    registries.links = descriptions.links;
    Ok(registries)
}

/// A parsed registry and where its YAML is.
type Read<T> = (T, Placed);

/// A registry file's name, and its YAML text with that text's offset in the file.
struct Placed {
    file: SourcePath,
    offset: usize,
    text: String,
}

impl Placed {
    fn placement(&self) -> Placement<'_> {
        Placement {
            file: &self.file,
            offset: self.offset,
        }
    }
}

fn read<T: serde::de::DeserializeOwned>(
    root: &Path,
    name: &str,
    diagnostics: &mut Diagnostics,
) -> std::io::Result<Option<Read<T>>> {
    let relative = Path::new("documents").join(name);
    if !root.join(&relative).is_file() {
        return Ok(None);
    }
    let file = SourcePath::new(root, &relative);
    let text = match source::read_text(file.path()) {
        Ok(text) => text,
        Err(error) => {
            diagnostics.push(diagnostics::from_read_error(error, &file)?);
            return Ok(None);
        }
    };
    if text.text.trim().is_empty() {
        return Ok(None);
    }
    let placed = Placed {
        file: file.clone(),
        offset: text.offset,
        text: text.text,
    };
    match yaml::parse::<T>(&placed.text, placed.placement(), Limits::Registry) {
        Ok(value) => Ok(Some((value, placed))),
        Err(diagnostic) => {
            diagnostics.push(diagnostic);
            Ok(None)
        }
    }
}

fn registry_id<Id>(
    key: &Located<String>,
    placed: &Placed,
    parse: impl Fn(&str) -> Result<Id, crate::model::id::InvalidId>,
    diagnostics: &mut Diagnostics,
) -> Option<Id> {
    match parse(&key.value) {
        Ok(id) => Some(id),
        Err(error) => {
            diagnostics.push(
                Diagnostic::error("invalid-id", format!("id {:?}: {error}", key.value))
                    .at(placed.placement().span(key.range.clone()))
                    .with_help(
                        "registry ids use a-z, 0-9 and '-': `beria: {name: Lavrentiy Beria}`",
                    ),
            );
            None
        }
    }
}

/// The entry's name, which its page, links and citations show; `None`, with an error at the
/// entry, when it is blank.
fn entry_name(
    name: String,
    key: &Located<String>,
    placed: &Placed,
    diagnostics: &mut Diagnostics,
) -> Option<String> {
    let trimmed = name.trim();
    if trimmed.is_empty() {
        diagnostics.push(
            Diagnostic::error("missing-field", format!("{:?} has a blank name", key.value))
                .at(placed.placement().span(key.range.clone()))
                .with_help("write the name its page and links show, e.g. `name: Lavrentiy Beria`"),
        );
        return None;
    }
    Some(if trimmed.len() == name.len() {
        name
    } else {
        trimmed.to_owned()
    })
}

/// Reads descriptions, keeping the links written in them.
struct Descriptions<'a> {
    hands: &'a [Hand],
    links: Vec<Reference>,
}

impl Descriptions<'_> {
    /// The text of `description`; its links are kept and problems with them reported. Where
    /// the text is written as it reads (a plain value on one line), a problem points at its
    /// link; where YAML has moved the text's bytes (quotes, escapes, folded lines, a block),
    /// at the start of the description.
    fn read(
        &mut self,
        description: Option<Located<String>>,
        placed: &Placed,
        diagnostics: &mut Diagnostics,
    ) -> Option<String> {
        let Located { value, range } = description?;
        let verbatim = !range.is_empty() && placed.text.get(range.clone()) == Some(value.as_str());
        let at = BodyAt {
            file: &placed.file,
            offset: placed.offset + range.start,
        };
        if verbatim {
            let links = markdown::scan_links(&value, at, self.hands, diagnostics);
            self.links.extend(links);
        } else {
            let start = placed.placement().span(range.start..range.start);
            let mut found = Diagnostics::new();
            let links = markdown::scan_links(&value, at, self.hands, &mut found);
            for diagnostic in found {
                diagnostics.push(diagnostic.at(start.clone()));
            }
            self.links.extend(links.into_iter().map(|link| Reference {
                span: start.clone(),
                ..link
            }));
        }
        Some(value)
    }
}

/// Two dates of an entry where the second cannot come before the first (born and died, a
/// role's from and to): an error at the second when it certainly does.
fn date_pair(
    (first, first_key): (Option<Located<String>>, &str),
    (second, second_key): (Option<Located<String>>, &str),
    placed: &Placed,
    diagnostics: &mut Diagnostics,
) -> (Option<Date>, Option<Date>) {
    let range = second.as_ref().map(|second| second.range.clone());
    let first = optional_date(first, placed, diagnostics);
    let second = optional_date(second, placed, diagnostics);
    if let (Some(earlier), Some(later), Some(range)) = (&first, &second, range)
        && later.latest().is_some_and(|last| last < earlier.earliest())
    {
        diagnostics.push(
            Diagnostic::error(
                "invalid-date",
                format!(
                    "dates out of order: {first_key} {}, {second_key} {}",
                    earlier.in_words(),
                    later.in_words()
                ),
            )
            .at(placed.placement().span(range))
            .with_help("check both dates: one of them is mistyped"),
        );
    }
    (first, second)
}

fn optional_date(
    value: Option<Located<String>>,
    placed: &Placed,
    diagnostics: &mut Diagnostics,
) -> Option<Date> {
    yaml::date(&value?, placed.placement(), diagnostics)
}

fn people_of(
    (people, placed): Read<Entries<RawPerson>>,
    descriptions: &mut Descriptions<'_>,
    diagnostics: &mut Diagnostics,
) -> BTreeMap<PersonId, Person> {
    let mut checked = BTreeMap::new();
    for (key, raw) in people.0 {
        let Some(id) = registry_id(&key, &placed, PersonId::parse, diagnostics) else {
            continue;
        };
        let Some(name) = entry_name(raw.name, &key, &placed, diagnostics) else {
            continue;
        };
        let roles = raw
            .roles
            .into_iter()
            .map(|role| {
                let (from, to) =
                    date_pair((role.from, "from"), (role.to, "to"), &placed, diagnostics);
                Role {
                    title: role.title,
                    from,
                    to,
                }
            })
            .collect();
        let (born, died) = date_pair((raw.born, "born"), (raw.died, "died"), &placed, diagnostics);
        let person = Person {
            name,
            sort: raw.sort,
            variants: raw.variants,
            kind: match raw.kind {
                RawKind::Person => PersonKind::Person,
                RawKind::Organization => PersonKind::Organization,
            },
            born,
            died,
            description: descriptions.read(raw.description, &placed, diagnostics),
            roles,
            wikidata: raw.wikidata,
            viaf: raw.viaf,
            span: Some(placed.placement().span(key.range)),
        };
        checked.insert(id, person);
    }
    checked
}

fn places_of(
    (places, placed): Read<Entries<RawPlace>>,
    descriptions: &mut Descriptions<'_>,
    diagnostics: &mut Diagnostics,
) -> BTreeMap<PlaceId, Place> {
    let mut checked = BTreeMap::new();
    for (key, raw) in places.0 {
        let Some(id) = registry_id(&key, &placed, PlaceId::parse, diagnostics) else {
            continue;
        };
        let Some(name) = entry_name(raw.name, &key, &placed, diagnostics) else {
            continue;
        };
        let coordinates = raw.coordinates.and_then(|c| match c.value.as_slice() {
            [lat, lon] if (-90.0..=90.0).contains(lat) && (-180.0..=180.0).contains(lon) => Some((*lat, *lon)),
            _ => {
                diagnostics.push(
                    Diagnostic::error("invalid-value", "coordinates must be [latitude, longitude] in degrees")
                        .at(placed.placement().span(c.range))
                        .with_help("for example `coordinates: [38.08, 46.29]`; latitude -90..90, longitude -180..180"),
                );
                None
            }
        });
        checked.insert(
            id,
            Place {
                name,
                variants: raw.variants,
                country: raw.country,
                coordinates,
                geonames: raw.geonames,
                wikidata: raw.wikidata,
                description: descriptions.read(raw.description, &placed, diagnostics),
                span: Some(placed.placement().span(key.range)),
            },
        );
    }
    checked
}

fn events_of(
    (events, placed): Read<Vec<RawEvent>>,
    descriptions: &mut Descriptions<'_>,
    diagnostics: &mut Diagnostics,
) -> Vec<Event> {
    let refs = |list| yaml::refs(placed.placement(), list);
    let mut checked = Vec::new();
    for raw in events {
        let Some(date) = optional_date(Some(raw.date), &placed, diagnostics) else {
            continue;
        };
        checked.push(Event {
            date,
            title: raw.title,
            description: descriptions.read(raw.description, &placed, diagnostics),
            people: refs(raw.people),
            places: refs(raw.places),
        });
    }
    checked
}
