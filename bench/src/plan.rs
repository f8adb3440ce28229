//! The first stage of generation: the edition's collections, and for each document what it is
//! (id, date, people, places, tags) and the shape of its body (blocks and their lengths), but
//! not its text.
//!
//! Plans come first because documents link to earlier documents' paragraphs (`doc:ID#p3`), so
//! every document's paragraph count must be known before any text is written.

use crate::dates::{Day, DayNumber, DocumentDate};
use crate::registries::Registries;
use crate::rng::{Rng, Stage, Zipf};
use crate::words::{GENRES, LANGUAGES, TAGS};

/// The first day documents are dated.
pub(crate) const FIRST_DAY: Day = Day {
    year: 1900,
    month: 1,
    day: 1,
};

/// The last day documents are dated (intervals may end a few days later).
pub(crate) const LAST_DAY: Day = Day {
    year: 1949,
    month: 12,
    day: 31,
};

/// Leaf collections hold this many documents on average.
const DOCUMENTS_PER_COLLECTION: usize = 250;

/// Leaf collections are grouped in threes; every third group is a folder of its own (a part
/// holding volumes), the others sit at the top level.
const GROUP: usize = 3;

/// A folder of `documents/` that holds documents: a volume, maybe inside a part.
pub(crate) struct Collection {
    /// Path under `documents/`: `vol-001` or `part-01/vol-004`.
    pub(crate) path: String,
    /// The part folder holding it, if any: `part-01`.
    pub(crate) part: Option<String>,
    /// Its number, from 1, and `order` within its parent.
    pub(crate) number: usize,
    /// Documents `first..end` (by index) are in it.
    pub(crate) first: usize,
    /// One past its last document.
    pub(crate) end: usize,
}

/// The leaf collections of an edition of `n_documents`, each a run of consecutive documents.
pub(crate) fn collections(n_documents: usize) -> Vec<Collection> {
    let n = (n_documents / DOCUMENTS_PER_COLLECTION).max(1);
    (0..n)
        .map(|k| {
            let group = k / GROUP;
            let part = (group % 3 == 1).then(|| format!("part-{:02}", group + 1));
            let leaf = format!("vol-{:03}", k + 1);
            Collection {
                path: match &part {
                    Some(part) => format!("{part}/{leaf}"),
                    None => leaf,
                },
                part,
                number: k + 1,
                first: k * n_documents / n,
                end: (k + 1) * n_documents / n,
            }
        })
        .collect()
}

/// Who wrote a note: a hand of `[annotators]`.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Hand {
    /// `ed`, the first hand declared, so its labels have no prefix: `[^1]`.
    Editors,
    /// `tr`, the translator: `[^tr:1]`.
    Translator,
    /// `co`, the compiler of a printed collection: `[^co:1]`.
    Compiler,
}

impl Hand {
    /// The prefix of this hand's labels.
    pub(crate) fn prefix(self) -> &'static str {
        match self {
            Hand::Editors => "",
            Hand::Translator => "tr:",
            Hand::Compiler => "co:",
        }
    }
}

/// A top-level block of a body, with its length in words (roughly: text fills a block up to
/// the end of the sentence that reaches it).
#[derive(Clone, Debug)]
pub(crate) enum Shape {
    /// Place and date of writing, a numbered paragraph.
    Dateline,
    /// A paragraph.
    Paragraph(usize),
    /// A block quote of one or more paragraphs.
    Quote(Vec<usize>),
    /// A list; `true` if ordered; one sentence per item.
    List(bool, Vec<usize>),
    /// A heading (not numbered).
    Heading,
    /// A closing and the authors' names on lines of their own: one numbered paragraph.
    Signature,
}

impl Shape {
    /// Whether the block is numbered `pN`.
    pub(crate) fn is_numbered(&self) -> bool {
        !matches!(self, Shape::Heading)
    }
}

/// What a document is and the shape of its body.
pub(crate) struct Plan {
    /// Position in the edition, which runs in date order.
    pub(crate) index: usize,
    /// Id and file name: `1931-08-12-letter-00042`.
    pub(crate) id: String,
    /// Its date.
    pub(crate) date: DocumentDate,
    /// Tie-break among documents of the same day; set by [`assign_orders`].
    pub(crate) order: Option<usize>,
    /// Genre, from [`GENRES`].
    pub(crate) genre: &'static str,
    /// Place of writing (index into the places).
    pub(crate) place: usize,
    /// Authors (indexes into the people); distinct from recipients and people.
    pub(crate) authors: Vec<usize>,
    /// Recipients.
    pub(crate) recipients: Vec<usize>,
    /// Others the document concerns (front matter `people`).
    pub(crate) people: Vec<usize>,
    /// Places the document concerns (front matter `places`).
    pub(crate) places: Vec<usize>,
    /// Tags (indexes into [`TAGS`]).
    pub(crate) tags: Vec<usize>,
    /// The language translated from, if the text is a translation.
    pub(crate) translated_from: Option<&'static str>,
    /// The body's blocks in order.
    pub(crate) shapes: Vec<Shape>,
    /// How many of them are numbered.
    pub(crate) paragraphs: usize,
    /// The hands of its notes, in the order they are referenced.
    pub(crate) notes: Vec<Hand>,
}

/// Samplers shared by all plans.
pub(crate) struct Planner<'a> {
    seed: u64,
    n_documents: usize,
    registries: &'a Registries,
    tags: Zipf,
}

impl<'a> Planner<'a> {
    /// A planner for an edition of `n_documents`.
    pub(crate) fn new(seed: u64, n_documents: usize, registries: &'a Registries) -> Planner<'a> {
        Planner {
            seed,
            n_documents,
            registries,
            tags: Zipf::new(TAGS.len()),
        }
    }

    /// The plan of document `index`. Documents are spread evenly over the edition's span, each
    /// a little after its even position, so the edition runs in date order.
    pub(crate) fn plan(&self, index: usize) -> Plan {
        let mut rng = Rng::stream(self.seed, Stage::Plan, index as u64);
        let span = (LAST_DAY.number() - FIRST_DAY.number()) as usize;
        let step = span / self.n_documents;
        let offset = index * span / self.n_documents + rng.below(step.max(1));
        let day = Day::from_number(FIRST_DAY.number() + offset as DayNumber);
        let date = DocumentDate::draw(day, &mut rng);
        let genre = *rng.pick(GENRES);
        let id = format!("{}-{genre}-{:05}", date.id_prefix(), index + 1);

        let registries = self.registries;
        let n_authors = 1 + usize::from(rng.percent(20));
        let n_recipients = 1 + usize::from(rng.percent(15));
        let n_others = rng.between(0, 3);
        let mut people = registries
            .people_zipf
            .distinct(&mut rng, n_authors + n_recipients + n_others);
        let authors: Vec<usize> = people.drain(..n_authors.min(people.len())).collect();
        let recipients: Vec<usize> = people.drain(..n_recipients.min(people.len())).collect();
        let place = registries.places_zipf.sample(&mut rng);
        let n_places = rng.between(1, 3);
        let places = registries.places_zipf.distinct(&mut rng, n_places);
        let n_tags = rng.between(1, 3);
        let tags = self.tags.distinct(&mut rng, n_tags);
        let translated_from = rng.percent(25).then(|| *rng.pick(LANGUAGES));

        let shapes = shapes(&mut rng, genre);
        let paragraphs = shapes.iter().filter(|shape| shape.is_numbered()).count();
        let notes = notes(&mut rng, translated_from.is_some());
        Plan {
            index,
            id,
            date,
            order: None,
            genre,
            place,
            authors,
            recipients,
            people,
            places,
            tags,
            translated_from,
            shapes,
            paragraphs,
            notes,
        }
    }
}

/// The blocks of a body of about 330-1,300 words (the text keeps it within 300-1,500): an optional dateline, paragraphs with some block
/// quotes and lists, at most one heading, and for correspondence a signature.
fn shapes(rng: &mut Rng, genre: &str) -> Vec<Shape> {
    let mut shapes = Vec::new();
    if rng.percent(50) {
        shapes.push(Shape::Dateline);
    }
    // Text fills each part of a block (a paragraph, a quoted paragraph, an item) to the end of
    // the sentence that reaches its length, so a part runs over by about OVERSHOOT words.
    const OVERSHOOT: usize = 8;
    let mut remaining = rng.between(330, 1300) as isize;
    let mut has_heading = false;
    while remaining > 0 {
        let after_list = matches!(shapes.last(), Some(Shape::List(..)));
        let roll = rng.below(100);
        let shape = match roll {
            0..8 => Shape::Quote(
                (0..rng.between(1, 2))
                    .map(|_| rng.between(25, 80))
                    .collect(),
            ),
            // Two lists in a row would be read as one.
            8..15 if !after_list => {
                let n_items = rng.between(2, 5);
                Shape::List(
                    rng.percent(30),
                    (0..n_items).map(|_| rng.between(6, 20)).collect(),
                )
            }
            15..18 if !has_heading && !shapes.is_empty() => {
                has_heading = true;
                Shape::Heading
            }
            _ => Shape::Paragraph(rng.between(40, 170).min(remaining as usize).max(20)),
        };
        remaining -= match &shape {
            Shape::Paragraph(words) => (words + OVERSHOOT) as isize,
            Shape::Quote(parts) | Shape::List(_, parts) => {
                parts.iter().map(|words| words + OVERSHOOT).sum::<usize>() as isize
            }
            _ => 0,
        };
        shapes.push(shape);
    }
    if matches!(genre, "letter" | "telegram" | "dispatch" | "note") {
        shapes.push(Shape::Signature);
    }
    shapes
}

/// The hands of 0-8 notes: the editors' most, the translator's only in translations.
fn notes(rng: &mut Rng, translated: bool) -> Vec<Hand> {
    let n = if rng.percent(20) {
        0
    } else {
        rng.between(1, 8)
    };
    (0..n)
        .map(|_| match rng.below(100) {
            0..30 if translated => Hand::Translator,
            0..25 => Hand::Compiler,
            _ => Hand::Editors,
        })
        .collect()
}

/// Numbers runs of documents dated the same single day `order: 1, 2, ...`, so their order is
/// explicit rather than left to the id tie-break.
pub(crate) fn assign_orders(plans: &mut [Plan]) {
    let mut start = 0;
    while start < plans.len() {
        let mut end = start + 1;
        while end < plans.len()
            && plans[start].date.exact_day
            && plans[end].date.exact_day
            && plans[end].date.edtf == plans[start].date.edtf
        {
            end += 1;
        }
        if end - start > 1 {
            for (k, plan) in plans[start..end].iter_mut().enumerate() {
                plan.order = Some(k + 1);
            }
        }
        start = end;
    }
}
