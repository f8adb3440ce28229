//! `data/documents.json`: every published document's metadata with its references resolved,
//! for scripts, other tools and archives. Its JSON Schema, `data/documents.schema.json`, is
//! published beside it and is the contract of this file: a test validates the output
//! against it.

use std::io::{self, Write};

use serde::Serialize;

use crate::config::Config;
use crate::model::date::{Date, Day};
use crate::model::id::{PersonId, PlaceId, TermId};
use crate::model::{PlaceRef, ResolvedDocument, ResolvedEdition, term_label};
use crate::urls;

/// The schema, as published.
pub(super) const SCHEMA: &str = include_str!("documents.schema.json");

#[derive(Serialize)]
struct DataFile<'a> {
    #[serde(rename = "$schema")]
    schema: &'static str,
    edition: EditionData<'a>,
    documents: Each<'a>,
}

#[derive(Serialize)]
struct EditionData<'a> {
    title: &'a str,
    subtitle: Option<&'a str>,
    description: Option<&'a str>,
    editors: &'a [String],
    language: &'a str,
    base_url: Option<&'a str>,
    rights: Option<&'a str>,
}

#[derive(Serialize)]
struct DocumentData<'a> {
    id: &'a str,
    url: Option<String>,
    path: String,
    title: &'a str,
    date: DateData,
    date_note: Option<&'a str>,
    order: i64,
    place: Option<Named>,
    #[serde(rename = "type")]
    doc_type: Option<Named>,
    classification: Option<&'a str>,
    authors: Vec<Named>,
    recipients: Vec<Named>,
    people: Vec<Named>,
    places: Vec<Named>,
    tags: Vec<Named>,
    summary: Option<&'a str>,
    sources: Vec<SourceData<'a>>,
    published: &'a [String],
    translation: Option<TranslationData<'a>>,
    language: Option<&'a str>,
    credit: Option<&'a str>,
    rights: Option<&'a str>,
    links: Vec<LinkData<'a>>,
    related: Vec<&'a str>,
    in_reply_to: Option<&'a str>,
    replies: Vec<&'a str>,
    collection: Option<&'a str>,
    aliases: Vec<&'a str>,
    paragraphs: u32,
    mentions: Vec<Mention>,
}

#[derive(Serialize)]
struct DateData {
    edtf: String,
    words: String,
    earliest: String,
    latest: Option<String>,
    uncertain: bool,
    approximate: bool,
}

/// A registry entry or term by id and name; `id` is absent for free text.
#[derive(Serialize)]
struct Named {
    id: Option<String>,
    name: String,
}

#[derive(Serialize)]
struct SourceData<'a> {
    archive: Option<&'a str>,
    reference: Option<&'a str>,
    description: Option<&'a str>,
}

#[derive(Serialize)]
struct TranslationData<'a> {
    translator: Option<&'a str>,
    from: Option<&'a str>,
    note: Option<&'a str>,
}

#[derive(Serialize)]
struct LinkData<'a> {
    title: &'a str,
    url: &'a str,
}

/// A `person:` or `place:` link in the text, with where it stands.
#[derive(Serialize)]
struct Mention {
    kind: &'static str,
    id: String,
    anchor: Option<String>,
}

/// The documents of the file, made one at a time as they are written: the whole file is
/// never held in memory (it is hundreds of megabytes for a large edition).
struct Each<'a> {
    config: &'a Config,
    edition: &'a ResolvedEdition,
    aliases: Vec<Vec<&'a str>>,
}

impl Serialize for Each<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.edition.documents.iter().zip(&self.aliases).map(
            |(document, aliases)| {
                document_data(self.config, self.edition, document, aliases.clone())
            },
        ))
    }
}

/// Writes `data/documents.json` (compact: it is for programs, and a tenth of an edition's size
/// goes here).
pub(super) fn documents_json(
    config: &Config,
    edition: &ResolvedEdition,
    out: &mut dyn Write,
) -> io::Result<()> {
    let mut aliases: Vec<Vec<&str>> = vec![Vec::new(); edition.documents.len()];
    for (alias, index) in &edition.aliases {
        aliases[*index].push(alias.as_str());
    }
    let file = DataFile {
        schema: "documents.schema.json",
        edition: EditionData {
            title: &config.edition.title,
            subtitle: config.edition.subtitle.as_deref(),
            description: config.edition.description.as_deref(),
            editors: &config.edition.editors,
            language: &config.edition.language,
            base_url: config.edition.base_url.as_deref(),
            rights: config.edition.rights.as_deref(),
        },
        documents: Each {
            config,
            edition,
            aliases,
        },
    };
    serde_json::to_writer(&mut *out, &file).map_err(io::Error::from)?;
    out.write_all(b"\n")
}

fn document_data<'a>(
    config: &'a Config,
    edition: &'a ResolvedEdition,
    resolved: &'a ResolvedDocument,
    aliases: Vec<&'a str>,
) -> DocumentData<'a> {
    let document = &resolved.document;
    let path = urls::document(&document.id);
    let person = |id: &PersonId| Named {
        id: Some(id.to_string()),
        name: edition.people.name_of(id).to_owned(),
    };
    let place = |id: &PlaceId| Named {
        id: Some(id.to_string()),
        name: edition.places.name_of(id).to_owned(),
    };
    let term = |labels: &std::collections::BTreeMap<TermId, String>, id: &TermId| Named {
        id: Some(id.to_string()),
        name: term_label(labels, id),
    };
    let id_of = |index: &usize| edition.documents[*index].document.id.as_str();
    let mut mentions: Vec<Mention> = resolved
        .person_mentions
        .iter()
        .map(|(id, anchor)| Mention {
            kind: "person",
            id: id.to_string(),
            anchor: anchor.as_ref().map(|a| a.fragment()),
        })
        .collect();
    mentions.extend(resolved.place_mentions.iter().map(|(id, anchor)| Mention {
        kind: "place",
        id: id.to_string(),
        anchor: anchor.as_ref().map(|a| a.fragment()),
    }));
    DocumentData {
        id: document.id.as_str(),
        url: config
            .edition
            .base_url
            .as_deref()
            .map(|base| urls::permalink(base, &path)),
        path: path.pretty().to_owned(),
        title: &document.title,
        date: date_data(&document.date),
        date_note: document.date_note.as_deref(),
        order: document.order,
        place: resolved.place.as_ref().map(|p| match p {
            PlaceRef::Known(id) => place(id),
            PlaceRef::Text(text) => Named {
                id: None,
                name: text.clone(),
            },
        }),
        doc_type: resolved.doc_type.as_ref().map(|t| term(&edition.types, t)),
        classification: document.classification.as_deref(),
        authors: resolved.authors.iter().map(person).collect(),
        recipients: resolved.recipients.iter().map(person).collect(),
        people: resolved.people.iter().map(person).collect(),
        places: resolved.places.iter().map(place).collect(),
        tags: resolved
            .tags
            .iter()
            .map(|t| term(&edition.tags, t))
            .collect(),
        summary: document.summary.as_deref(),
        sources: document
            .sources
            .iter()
            .map(|s| SourceData {
                archive: s.archive.as_deref(),
                reference: s.reference.as_deref(),
                description: s.description.as_deref(),
            })
            .collect(),
        published: &document.published,
        translation: document.translation.as_ref().map(|t| TranslationData {
            translator: t.translator.as_deref(),
            from: t.from.as_deref(),
            note: t.note.as_deref(),
        }),
        language: document.language.as_deref(),
        credit: document.credit.as_deref(),
        rights: config.edition.rights_of(document),
        links: document
            .links
            .iter()
            .map(|l| LinkData {
                title: &l.title,
                url: &l.url,
            })
            .collect(),
        related: resolved.related.iter().map(id_of).collect(),
        in_reply_to: resolved.in_reply_to.as_ref().map(id_of),
        replies: resolved.replies.iter().map(id_of).collect(),
        collection: resolved
            .collection
            .map(|c| edition.collections[c].collection.id.as_str()),
        aliases,
        paragraphs: document.paragraphs,
        mentions,
    }
}

/// ISO 8601, with the expanded form for years outside 0-9999 (`-0044-03-15`, `+12000-01-01`).
fn iso(day: Day) -> String {
    let year = match day.year {
        0..=9999 => format!("{:04}", day.year),
        year if year < 0 => format!("-{:04}", -year),
        year => format!("+{year}"),
    };
    format!("{year}-{:02}-{:02}", day.month, day.day)
}

fn date_data(date: &Date) -> DateData {
    DateData {
        edtf: date.to_string(),
        words: date.in_words(),
        earliest: iso(date.earliest()),
        latest: date.latest().map(iso),
        uncertain: date.is_uncertain(),
        approximate: date.is_approximate(),
    }
}
