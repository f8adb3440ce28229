//! The second stage of generation: one document's file (front matter and Markdown body) from
//! its plan, and what it refers to, for the manifest.
//!
//! The body is written block by block, numbering blocks as the content model does, so every
//! `person:` and `place:` link is recorded with the paragraph it stands in. Notes are placed
//! after the text is written, one per sentence at most, and defined at the end in the order
//! they are referenced; every reference has its definition and every definition is referenced.

use std::fmt::Write;

use crate::manifest::{Contribution, DocumentFacts};
use crate::plan::{Hand, Plan, Shape};
use crate::registries::Registries;
use crate::rng::{Rng, Stage};
use crate::words::{ADJECTIVES, ARCHIVES, NOUNS, SURNAMES, TAGS, VERBS};
use crate::yaml;

mod prose;

use prose::capitalized;

/// The most words a body has (issue 8: bodies of 300-1,500 words).
const MAX_WORDS: usize = 1500;

/// What every document of an edition is written against.
pub(crate) struct Context<'a> {
    /// The seed of the edition.
    pub(crate) seed: u64,
    /// People and places.
    pub(crate) registries: &'a Registries,
    /// Every document's plan, by index, for links to earlier documents.
    pub(crate) plans: &'a [Plan],
}

/// Document `plan` as the text of its file, and its contribution to the manifest.
pub(crate) fn write(
    context: &Context<'_>,
    plan: &Plan,
    collection: &str,
) -> (String, Contribution) {
    let mut writer = Writer {
        rng: Rng::stream(context.seed, Stage::Text, plan.index as u64),
        context,
        plan,
        cast: Vec::new(),
        paragraph: 0,
        people: plan
            .people
            .iter()
            .map(|&rank| (context.registries.people[rank].id.clone(), None))
            .collect(),
        places: plan
            .places
            .iter()
            .map(|&rank| (context.registries.places[rank].id.clone(), None))
            .collect(),
        words: 0,
    };
    writer.cast = plan
        .authors
        .iter()
        .chain(&plan.recipients)
        .chain(&plan.people)
        .copied()
        .collect();
    let extra = writer.rng.between(0, 4);
    for _ in 0..extra {
        writer
            .cast
            .push(context.registries.people_zipf.sample(&mut writer.rng));
    }
    let mut text = writer.front_matter();
    writer.body(&mut text);

    let registries = context.registries;
    let ids = |ranks: &[usize]| {
        ranks
            .iter()
            .map(|&rank| registries.people[rank].id.clone())
            .collect()
    };
    let contribution = Contribution {
        id: plan.id.clone(),
        facts: DocumentFacts {
            path: format!("documents/{collection}/{}.md", plan.id),
            date: plan.date.edtf.clone(),
            order: plan.order,
            collection: collection.to_owned(),
            paragraphs: plan.paragraphs,
            words: writer.words,
        },
        authors: ids(&plan.authors),
        recipients: ids(&plan.recipients),
        people: writer.people,
        place: registries.places[plan.place].id.clone(),
        places: writer.places,
        tags: plan.tags.iter().map(|&tag| TAGS[tag].to_owned()).collect(),
    };
    (text, contribution)
}

/// A block being written: its shape and its text, one list of sentences per paragraph of a
/// quote or item of a list (one for other blocks).
struct Block<'a> {
    shape: &'a Shape,
    parts: Vec<Vec<String>>,
}

/// The state of one document being written.
struct Writer<'a> {
    rng: Rng,
    context: &'a Context<'a>,
    plan: &'a Plan,
    /// The people the body names most: front matter people, and a few more.
    cast: Vec<usize>,
    /// The number of the block being written (`p1` is 1).
    paragraph: usize,
    /// Front matter `people`, then each `person:` link with its paragraph.
    people: Vec<(String, Option<usize>)>,
    /// Front matter `places`, then each `place:` link with its paragraph.
    places: Vec<(String, Option<usize>)>,
    /// Words of text written so far.
    words: usize,
}

impl<'a> Writer<'a> {
    fn person_name(&self, rank: usize) -> &str {
        &self.context.registries.people[rank].name
    }

    fn names(&self, ranks: &[usize]) -> String {
        let names: Vec<&str> = ranks.iter().map(|&rank| self.person_name(rank)).collect();
        names.join(" and ")
    }

    fn front_matter(&mut self) -> String {
        let plan = self.plan;
        let registries = self.context.registries;
        let person_ids = |ranks: &[usize]| -> Vec<&str> {
            ranks
                .iter()
                .map(|&rank| registries.people[rank].id.as_str())
                .collect()
        };
        let mut out = String::from("---\n");
        yaml::field(&mut out, 0, "title", &self.title());
        yaml::field(&mut out, 0, "date", &plan.date.edtf);
        if let Some(order) = plan.order {
            writeln!(out, "order: {order}").expect("String");
        }
        yaml::field(&mut out, 0, "place", &registries.places[plan.place].id);
        yaml::field(&mut out, 0, "type", plan.genre);
        if self.rng.percent(20) {
            let marking = self.rng.pick(&[
                "Secret",
                "Top Secret",
                "Confidential",
                "Strictly confidential",
            ]);
            yaml::field(&mut out, 0, "classification", marking);
        }
        writeln!(out, "authors: {}", yaml::list(&person_ids(&plan.authors))).expect("String");
        writeln!(
            out,
            "recipients: {}",
            yaml::list(&person_ids(&plan.recipients))
        )
        .expect("String");
        if !plan.people.is_empty() {
            writeln!(out, "people: {}", yaml::list(&person_ids(&plan.people))).expect("String");
        }
        let place_ids: Vec<&str> = plan
            .places
            .iter()
            .map(|&rank| registries.places[rank].id.as_str())
            .collect();
        writeln!(out, "places: {}", yaml::list(&place_ids)).expect("String");
        let tags: Vec<&str> = plan.tags.iter().map(|&tag| TAGS[tag]).collect();
        writeln!(out, "tags: {}", yaml::list(&tags)).expect("String");
        let summary = self.summary();
        yaml::field(&mut out, 0, "summary", &summary);
        out.push_str("source:\n");
        let archive = self.rng.pick(ARCHIVES);
        yaml::field(&mut out, 2, "archive", archive);
        let reference = format!(
            "f. {}, op. {}, d. {}, l. {}",
            self.rng.between(1, 900),
            self.rng.between(1, 20),
            self.rng.between(1, 999),
            self.rng.between(1, 300)
        );
        yaml::field(&mut out, 2, "reference", &reference);
        if self.rng.percent(50) {
            let description = self.rng.pick(&[
                "Original. Typescript.",
                "Copy.",
                "Original. Manuscript.",
                "Draft.",
            ]);
            yaml::field(&mut out, 2, "description", description);
        }
        if self.rng.percent(10) {
            let published = [format!(
                "Collected Documents, vol. {}, doc. No. {}",
                self.rng.between(1, 12),
                self.rng.between(1, 700)
            )];
            writeln!(out, "published: {}", yaml::list(&published)).expect("String");
        }
        if let Some(language) = plan.translated_from {
            out.push_str("translation:\n");
            let translator = format!(
                "{} {}",
                self.rng.pick(&["A.", "B.", "M.", "R."]),
                self.rng.pick(SURNAMES)
            );
            yaml::field(&mut out, 2, "translator", &translator);
            yaml::field(&mut out, 2, "from", language);
        }
        if plan.index > 0 && self.rng.percent(15) {
            let n_related = self.rng.between(1, 2);
            let mut related: Vec<&str> = (0..n_related)
                .map(|_| self.earlier(300).id.as_str())
                .collect();
            related.dedup();
            writeln!(out, "related: {}", yaml::list(&related)).expect("String");
        }
        if plan.index > 0
            && matches!(plan.genre, "letter" | "telegram" | "note")
            && self.rng.percent(25)
        {
            let id = &self.earlier(100).id;
            yaml::field(&mut out, 0, "in_reply_to", id);
        }
        out.push_str("---\n");
        out
    }

    /// A document before this one, at most `within` places back.
    fn earlier(&mut self, within: usize) -> &'a Plan {
        let index = self.plan.index;
        let first = index.saturating_sub(within);
        &self.context.plans[self.rng.between(first, index - 1)]
    }

    fn title(&mut self) -> String {
        let plan = self.plan;
        let genre = capitalized(plan.genre);
        let authors = self.names(&plan.authors);
        match plan.genre {
            "letter" | "telegram" | "dispatch" | "note" => {
                format!("{genre} from {authors} to {}", self.names(&plan.recipients))
            }
            "memorandum" | "report" | "statement" => format!(
                "{genre} by {authors} on the {} {}",
                self.rng.pick(ADJECTIVES),
                self.rng.pick(NOUNS)
            ),
            _ => {
                let place = &self.context.registries.places[plan.place].name;
                format!(
                    "{genre} of {authors} concerning the {} of {place}",
                    self.rng.pick(NOUNS)
                )
            }
        }
    }

    fn summary(&mut self) -> String {
        let authors = self.names(&self.plan.authors);
        let recipients = self.names(&self.plan.recipients);
        let mut summary = format!(
            "{authors} {} {recipients} of the *{}* {} of the {} and {} the {}.",
            if self.plan.authors.len() > 1 {
                "inform"
            } else {
                "informs"
            },
            self.rng.pick(ADJECTIVES),
            self.rng.pick(NOUNS),
            self.rng.pick(NOUNS),
            self.rng.pick(VERBS),
            self.rng.pick(NOUNS),
        );
        if self.rng.percent(50) {
            summary.push(' ');
            summary.push_str(&self.plain_sentence());
        }
        summary
    }

    /// The body: blocks, then note definitions.
    fn body(&mut self, out: &mut String) {
        let plan = self.plan;
        let mut blocks: Vec<Block<'_>> = Vec::with_capacity(plan.shapes.len());
        let mut link_budget = if plan.index > 0 && self.rng.percent(12) {
            self.rng.between(1, 2)
        } else {
            0
        };
        for shape in &plan.shapes {
            if shape.is_numbered() {
                self.paragraph += 1;
            }
            let parts = match shape {
                Shape::Dateline => vec![vec![self.dateline()]],
                Shape::Paragraph(words) => {
                    let mut sentences = self.sentences(*words);
                    if link_budget > 0 && self.rng.percent(40) {
                        link_budget -= 1;
                        sentences.push(self.document_link_sentence());
                    }
                    vec![sentences]
                }
                Shape::Quote(parts) | Shape::List(_, parts) => {
                    parts.iter().map(|&words| self.sentences(words)).collect()
                }
                Shape::Heading => {
                    let heading = *self
                        .rng
                        .pick(&["Enclosure", "Annex", "Postscript", "Appendix"]);
                    self.words += 1;
                    vec![vec![heading.to_owned()]]
                }
                Shape::Signature => vec![vec![self.signature()]],
            };
            blocks.push(Block { shape, parts });
        }
        let notes = self.place_notes(&mut blocks);

        for (n, block) in blocks.iter().enumerate() {
            if n > 0 {
                out.push('\n');
            }
            render_block(block, out);
        }
        for (label, text) in notes {
            write!(out, "\n[^{label}]: {text}\n").expect("String");
        }
    }

    /// Appends one note reference to each of `plan.notes.len()` different sentences of the
    /// running text, and returns the labels and texts of the notes in reference order.
    fn place_notes(&mut self, blocks: &mut [Block<'_>]) -> Vec<(String, String)> {
        let mut slots = Vec::new();
        for (b, block) in blocks.iter().enumerate() {
            if matches!(
                block.shape,
                Shape::Paragraph(_) | Shape::Quote(_) | Shape::List(..)
            ) {
                for (p, part) in block.parts.iter().enumerate() {
                    slots.extend((0..part.len()).map(|s| (b, p, s)));
                }
            }
        }
        let mut chosen = Vec::new();
        while chosen.len() < self.plan.notes.len().min(slots.len()) {
            let slot = slots[self.rng.below(slots.len())];
            if !chosen.contains(&slot) {
                chosen.push(slot);
            }
        }
        chosen.sort_unstable();
        let mut counts = [0usize; 3];
        chosen
            .into_iter()
            .zip(&self.plan.notes)
            .map(|((b, p, s), &hand)| {
                let count = &mut counts[hand as usize];
                *count += 1;
                let label = format!("{}{count}", hand.prefix());
                write!(blocks[b].parts[p][s], "[^{label}]").expect("String");
                (label, self.note_text(hand))
            })
            .collect()
    }

    fn note_text(&mut self, hand: Hand) -> String {
        match (hand, self.rng.below(4)) {
            (Hand::Translator, 0 | 1) => format!(
                "The original reads \"{}\"; the word is rendered here as *{}*.",
                self.rng.pick(NOUNS),
                self.rng.pick(NOUNS)
            ),
            (Hand::Compiler, 0) => "Emphasis added by the compiler.".to_owned(),
            (_, 0) => format!(
                "{}, f. {}, op. {}, d. {}, vol. {}, fol. {}.",
                self.rng.pick(ARCHIVES),
                self.rng.between(1, 900),
                self.rng.between(1, 20),
                self.rng.between(1, 999),
                self.rng.between(1, 4),
                self.rng.between(1, 300)
            ),
            (_, 1) => "Not printed.".to_owned(),
            _ => {
                let mut text = self.plain_sentence();
                if self.rng.percent(40) {
                    text.push(' ');
                    text.push_str(&self.plain_sentence());
                }
                text
            }
        }
    }

    fn dateline(&mut self) -> String {
        let place = self.place_link(self.plan.place);
        let when = if self.plan.date.exact_day {
            self.plan.date.day.words()
        } else {
            "undated".to_owned()
        };
        let line = format!("{place}, {when}.");
        self.words += line.split_whitespace().count();
        line
    }

    fn signature(&mut self) -> String {
        let mut lines: Vec<String> = Vec::new();
        if self.rng.percent(50) {
            lines.push(
                (*self
                    .rng
                    .pick(&["Respectfully yours,", "With respect,", "Signed:"]))
                .to_owned(),
            );
        }
        for &author in &self.plan.authors {
            lines.push(self.person_link(author));
        }
        let signature = lines.join("\\\n");
        self.words += signature.split_whitespace().count();
        signature
    }

    /// A sentence pointing at a paragraph of an earlier document.
    fn document_link_sentence(&mut self) -> String {
        let target = self.earlier(300);
        let paragraph = self.rng.between(1, target.paragraphs);
        let anchor = if self.rng.percent(80) {
            format!("#p{paragraph}")
        } else {
            String::new()
        };
        let when = if target.date.exact_day {
            target.date.day.words()
        } else {
            format!("{}", target.date.day.year)
        };
        let sentence = format!(
            "See also [the {} of {when}](doc:{}{anchor}).",
            target.genre, target.id
        );
        self.words += sentence.split_whitespace().count();
        sentence
    }
}

/// Appends `block` as Markdown, ending with a blank line.
fn render_block(block: &Block<'_>, out: &mut String) {
    match block.shape {
        Shape::Heading => writeln!(out, "## {}", block.parts[0][0]).expect("String"),
        Shape::Quote(_) => {
            for (n, part) in block.parts.iter().enumerate() {
                if n > 0 {
                    out.push_str(">\n");
                }
                writeln!(out, "> {}", part.join(" ")).expect("String");
            }
        }
        Shape::List(ordered, _) => {
            for (n, item) in block.parts.iter().enumerate() {
                if *ordered {
                    write!(out, "{}. ", n + 1).expect("String");
                } else {
                    out.push_str("- ");
                }
                writeln!(out, "{}", item.join(" ")).expect("String");
            }
        }
        Shape::Dateline | Shape::Paragraph(_) | Shape::Signature => {
            writeln!(out, "{}", block.parts[0].join(" ")).expect("String");
        }
    }
}
