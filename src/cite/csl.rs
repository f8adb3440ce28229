//! The citation record, in CSL's data model: what `cite.json` holds and every other output
//! reads.
//!
//! [`CslItem`] lists its fields once ([`CslItem::fields`]); serialising them gives CSL-JSON
//! valid against the CSL 1.0.2 data schema (`csl-data.json`), and the same list, with the date
//! narrowed, is what the CSL processor formats ([`CslItem::processor_item`]).

use std::collections::BTreeMap;

use hayagriva::citationberg::json as processor;
use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};

use super::{Agent, Citable};
use crate::model::date::{Date, Known};
use crate::model::registry::family_and_given;

/// A document's citation in CSL's data model; serialise it for CSL-JSON.
#[derive(Clone, Debug)]
pub struct CslItem<'a> {
    pub(super) id: &'a str,
    pub(super) kind: Kind,
    pub(super) title: &'a str,
    pub(super) author: Vec<Name<'a>>,
    pub(super) recipient: Vec<Name<'a>>,
    pub(super) issued: Issued,
    pub(super) genre: Option<&'a str>,
    pub(super) container_title: &'a str,
    pub(super) editor: Vec<Name<'a>>,
    pub(super) translator: Vec<Name<'a>>,
    pub(super) archive: Option<&'a str>,
    pub(super) archive_location: Option<&'a str>,
    pub(super) language: &'a str,
    pub(super) note: Option<String>,
    pub(super) url: Option<&'a str>,
}

/// The CSL item type.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Kind {
    /// Correspondence: anything with recipients. CSL 1.0.2 has no `letter` type.
    PersonalCommunication,
    /// Any other archival document: memoranda, reports, resolutions, minutes.
    Manuscript,
}

impl Kind {
    fn as_str(self) -> &'static str {
        match self {
            Kind::PersonalCommunication => "personal_communication",
            Kind::Manuscript => "manuscript",
        }
    }
}

/// A person or organisation as every citation format writes it, family name first:
/// "Kirov, Sergei", or an organisation's whole name. Meta tags for reference managers use it
/// too, so a page and its citation files never name anyone differently.
pub fn inverted_name(agent: &Agent<'_>) -> String {
    Name::of(agent).inverted()
}

/// A name as CSL takes it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Name<'a> {
    /// A person whose family name is known.
    Person {
        /// "Kirov".
        family: &'a str,
        /// "Sergei".
        given: Option<&'a str>,
    },
    /// An organisation, or a name that cannot be split safely: printed whole.
    Literal(&'a str),
}

impl<'a> Name<'a> {
    /// The name of a person or organisation of the registry.
    pub(super) fn of(agent: &Agent<'a>) -> Name<'a> {
        let name = agent.name.trim();
        if agent.organization {
            return Name::Literal(name);
        }
        let Some((family, rest)) = agent.sort.and_then(|sort| sort.split_once(',')) else {
            return Name::from_display(name);
        };
        let family = family.trim();
        if family.is_empty() {
            return Name::from_display(name);
        }
        // The given name as the page shows it ("Sergei Kirov" → "Sergei"), else as sorted
        // ("Kirov, Sergei Mironovich" → "Sergei Mironovich").
        let shown = name
            .strip_suffix(family)
            .filter(|given| given.ends_with(' '))
            .map(str::trim_end);
        let given = shown
            .or(Some(rest.trim()))
            .filter(|given| !given.is_empty());
        Name::Person { family, given }
    }

    /// A name written in reading order ("Gary Goldberg"): its last word is the family name, as
    /// the people index assumes when a person has no sort key.
    fn from_display(name: &'a str) -> Name<'a> {
        let name = name.trim();
        // Several names, or one already inverted, cannot be split safely: keep them whole.
        if name.contains([',', '&', ';']) || name.contains(" and ") {
            return Name::Literal(name);
        }
        let (family, given) = family_and_given(name);
        Name::Person { family, given }
    }

    /// "Family, Given", the family name alone, or the whole name of an organisation.
    pub(super) fn inverted(self) -> String {
        match self {
            Name::Person {
                family,
                given: Some(given),
            } => format!("{family}, {given}"),
            Name::Person {
                family,
                given: None,
            } => family.to_owned(),
            Name::Literal(name) => name.to_owned(),
        }
    }

    fn to_processor(self) -> processor::NameValue {
        match self {
            // A family name alone has nothing to invert, and hayagriva, inverting it, drops a
            // particle: "van der Berg" would be cited as "Berg".
            Name::Person {
                family,
                given: None,
            } => processor::NameValue::Literal(processor::LiteralName {
                literal: family.to_owned(),
            }),
            Name::Person {
                family,
                given: Some(given),
            } => processor::NameValue::Item(processor::NameItem {
                family: family.to_owned(),
                given: Some(given.to_owned()),
                non_dropping_particle: None,
                dropping_particle: None,
                suffix: None,
                comma_suffix: None,
            }),
            Name::Literal(literal) => processor::NameValue::Literal(processor::LiteralName {
                literal: literal.to_owned(),
            }),
        }
    }
}

impl Serialize for Name<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        match self {
            Name::Person { family, given } => {
                map.serialize_entry("family", family)?;
                if let Some(given) = given {
                    map.serialize_entry("given", given)?;
                }
            }
            Name::Literal(literal) => map.serialize_entry("literal", literal)?,
        }
        map.end()
    }
}

/// A date as CSL has it: one date, or the two ends of a span, each `[year, month?, day?]`.
/// Years are astronomical, as EDTF and the processor count them (0 is 1 BCE); CSL-JSON counts
/// as citeproc-js does (-1 is 1 BC, no year 0), so [`Issued`]'s serialisation converts them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Issued {
    /// The first (or only) date.
    pub(super) start: Vec<i64>,
    /// The end of a closed span.
    pub(super) end: Option<Vec<i64>>,
    /// The season of a single date given by its season: 1 spring .. 4 winter.
    pub(super) season: Option<u8>,
    /// Approximate, uncertain, or a year given only in part (`194X`): CSL has one flag for
    /// all. A month or day left unspecified (`1920-07-XX`) is not: the date is then as
    /// precise as its parts.
    pub(super) circa: bool,
}

impl Issued {
    fn of(date: &Date) -> Issued {
        // Each end of a span is read by the model's own parser, so precision is never guessed.
        let edtf = date.to_string();
        let ends = date
            .is_interval()
            .then(|| edtf.split_once('/'))
            .flatten()
            .map(|(start, end)| (Date::parse(start).ok(), Date::parse(end).ok()));
        let (first, last) = match ends {
            Some((Some(start), end)) => (start, end),
            Some((None, Some(end))) => (end, None),
            _ => (*date, None),
        };
        let part_of_year = |end: &Date| end.precision() == Known::PartOfYear;
        Issued {
            start: date_parts(&first),
            end: last.as_ref().map(date_parts),
            season: match first.precision() {
                Known::Season(season) if last.is_none() => Some(season),
                _ => None,
            },
            circa: date.is_qualified()
                || part_of_year(&first)
                || last.as_ref().is_some_and(part_of_year),
        }
    }

    /// One date standing for the whole: the part both ends share ("12-13 July 1920" → July
    /// 1920), or the first year, marked circa. The processor formats single dates only.
    fn single(&self) -> (Vec<i64>, bool) {
        let Some(end) = &self.end else {
            return (self.start.clone(), self.circa);
        };
        let shared: Vec<i64> = self
            .start
            .iter()
            .zip(end)
            .take_while(|(a, b)| a == b)
            .map(|(a, _)| *a)
            .collect();
        if shared.is_empty() {
            (self.start[..1].to_vec(), true)
        } else {
            (shared, self.circa)
        }
    }

    /// The first year, astronomical.
    pub(super) fn year(&self) -> i64 {
        self.start[0]
    }
}

impl Serialize for Issued {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        /// `[year, month?, day?]` with the year counted as citeproc-js does.
        struct Csl<'p>(&'p [i64]);
        impl Serialize for Csl<'_> {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                let mut seq = serializer.serialize_seq(Some(self.0.len()))?;
                for (index, &part) in self.0.iter().enumerate() {
                    let bc = index == 0 && part <= 0;
                    seq.serialize_element(&if bc { part - 1 } else { part })?;
                }
                seq.end()
            }
        }
        struct Parts<'i>(&'i Issued);
        impl Serialize for Parts<'_> {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                let mut seq = serializer.serialize_seq(None)?;
                seq.serialize_element(&Csl(&self.0.start))?;
                if let Some(end) = &self.0.end {
                    seq.serialize_element(&Csl(end))?;
                }
                seq.end()
            }
        }
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("date-parts", &Parts(self))?;
        if let Some(season) = self.season {
            map.serialize_entry("season", &season)?;
        }
        if self.circa {
            map.serialize_entry("circa", &true)?;
        }
        map.end()
    }
}

/// `[year, month, day]` down to the precision the date was given in.
fn date_parts(date: &Date) -> Vec<i64> {
    let first = date.earliest();
    let precision = match date.precision() {
        Known::Day => 3,
        Known::Month => 2,
        Known::Season(_) | Known::Year | Known::PartOfYear => 1,
    };
    [first.year, i64::from(first.month), i64::from(first.day)][..precision].to_vec()
}

/// A field's value, for serialising and for the processor.
enum Field<'i> {
    Text(&'i str),
    Names(&'i [Name<'i>]),
    Issued(&'i Issued),
}

impl<'a> CslItem<'a> {
    fn new(citable: &Citable<'a>) -> CslItem<'a> {
        let names = |agents: &[Agent<'a>]| -> Vec<Name<'a>> {
            agents
                .iter()
                .filter(|agent| !agent.name.trim().is_empty())
                .map(Name::of)
                .collect()
        };
        let recipient = names(&citable.recipients);
        CslItem {
            id: citable.id,
            kind: if recipient.is_empty() {
                Kind::Manuscript
            } else {
                Kind::PersonalCommunication
            },
            title: citable.title,
            author: names(&citable.authors),
            recipient,
            issued: Issued::of(citable.date),
            genre: citable.doc_type,
            container_title: citable.edition_title,
            editor: citable
                .edition_editors
                .iter()
                .map(|editor| Name::from_display(editor))
                .collect(),
            translator: citable
                .translator
                .map(Name::from_display)
                .into_iter()
                .collect(),
            archive: citable.archive,
            archive_location: citable.archive_location,
            language: citable.language,
            note: citable
                .translated_from
                .map(|language| format!("Translated from {language}.")),
            url: citable.url,
        }
    }

    /// Every field present, in CSL-JSON's names and a conventional order.
    fn fields(&self) -> Vec<(&'static str, Field<'_>)> {
        fn names<'i>(
            key: &'static str,
            names: &'i [Name<'i>],
        ) -> Option<(&'static str, Field<'i>)> {
            (!names.is_empty()).then_some((key, Field::Names(names)))
        }
        fn text<'i>(key: &'static str, text: Option<&'i str>) -> Option<(&'static str, Field<'i>)> {
            Some((key, Field::Text(text?)))
        }
        [
            Some(("id", Field::Text(self.id))),
            Some(("type", Field::Text(self.kind.as_str()))),
            Some(("title", Field::Text(self.title))),
            names("author", &self.author),
            names("recipient", &self.recipient),
            Some(("issued", Field::Issued(&self.issued))),
            text("genre", self.genre),
            text("container-title", Some(self.container_title)),
            names("editor", &self.editor),
            names("translator", &self.translator),
            text("archive", self.archive),
            text("archive_location", self.archive_location),
            text("language", Some(self.language)),
            text("note", self.note.as_deref()),
            text("URL", self.url),
        ]
        .into_iter()
        .flatten()
        .collect()
    }

    /// The item as the CSL processor takes it: the date narrowed to one ([`Issued::single`]),
    /// without the note, which no style prints.
    pub(super) fn processor_item(&self) -> processor::Item {
        let mut item = BTreeMap::new();
        for (key, field) in self.fields() {
            let value = match field {
                Field::Text(_) if key == "note" => continue,
                Field::Text(text) => processor::Value::String(text.to_owned()),
                Field::Names(names) => {
                    processor::Value::Names(names.iter().map(|name| name.to_processor()).collect())
                }
                Field::Issued(issued) => match processor_date(issued) {
                    Some(date) => date,
                    None => continue,
                },
            };
            item.insert(key.to_owned(), value);
        }
        processor::Item(item)
    }
}

/// The narrowed date, if its year fits the processor (years of ±32767).
fn processor_date(issued: &Issued) -> Option<processor::Value> {
    let (parts, circa) = issued.single();
    let parts = parts
        .into_iter()
        .map(i16::try_from)
        .collect::<Result<Vec<i16>, _>>()
        .ok()?;
    Some(processor::Value::Date(processor::DateValue::DateParts {
        date_parts: processor::VecDateRange(vec![processor::VecDate(parts)]),
        literal: None,
        // hayagriva 0.10 panics formatting a season ("stack location does not match"): the
        // citation shows the year, and `cite.json` keeps the season.
        season: None,
        circa,
    }))
}

impl Serialize for CslItem<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let fields = self.fields();
        let mut map = serializer.serialize_map(Some(fields.len()))?;
        for (key, field) in &fields {
            match field {
                Field::Text(text) => map.serialize_entry(key, text)?,
                Field::Names(names) => map.serialize_entry(key, names)?,
                Field::Issued(issued) => map.serialize_entry(key, issued)?,
            }
        }
        map.end()
    }
}

/// The document as CSL-JSON (`cite.json`); `data/edition.json` is the array of all of them.
pub fn csl_json<'a>(citable: &Citable<'a>) -> CslItem<'a> {
    CslItem::new(citable)
}
