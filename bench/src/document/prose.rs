//! Running text: sentences assembled from the word lists, naming people, places and glossary
//! terms now and then. Every `person:` and `place:` link is recorded with the number of the
//! block being written, which is how the manifest knows the paragraph of each mention.

use super::{MAX_WORDS, Writer};
use crate::words::{ADJECTIVES, ADVERBS, GLOSSARY, NOUNS, OPENINGS, PREPOSITIONS, VERBS};

impl Writer<'_> {
    /// Sentences until at least `words` words are written, or one sentence once the body is
    /// near [`MAX_WORDS`].
    pub(super) fn sentences(&mut self, words: usize) -> Vec<String> {
        let mut sentences = Vec::new();
        let mut written = 0;
        while written < words && (written == 0 || self.words + written < MAX_WORDS - 60) {
            let sentence = self.sentence();
            written += sentence.split_whitespace().count();
            sentences.push(sentence);
        }
        self.words += written;
        sentences
    }

    pub(super) fn person_link(&mut self, rank: usize) -> String {
        let person = &self.context.registries.people[rank];
        self.people.push((person.id.clone(), Some(self.paragraph)));
        format!("[{}](person:{})", person.name, person.id)
    }

    pub(super) fn place_link(&mut self, rank: usize) -> String {
        let place = &self.context.registries.places[rank];
        self.places.push((place.id.clone(), Some(self.paragraph)));
        format!("[{}](place:{})", place.name, place.id)
    }

    pub(super) fn noun_phrase(&mut self) -> String {
        let rng = &mut self.rng;
        match rng.below(5) {
            0 => format!("the {}", rng.pick(NOUNS)),
            1 => format!("the {} of the {}", rng.pick(NOUNS), rng.pick(NOUNS)),
            2 if rng.percent(15) => format!("the *{}* {}", rng.pick(ADJECTIVES), rng.pick(NOUNS)),
            _ => format!("the {} {}", rng.pick(ADJECTIVES), rng.pick(NOUNS)),
        }
    }

    pub(super) fn subject(&mut self) -> String {
        match self.rng.below(100) {
            0..14 => {
                let rank = if self.rng.percent(85) {
                    *self.rng.pick(&self.cast)
                } else {
                    self.context.registries.people_zipf.sample(&mut self.rng)
                };
                self.person_link(rank)
            }
            14..19 => format!("the {}", self.rng.pick(GLOSSARY).0),
            _ => self.noun_phrase(),
        }
    }

    pub(super) fn object(&mut self) -> String {
        if self.rng.percent(9) {
            let rank = if self.rng.percent(70) {
                *self.rng.pick(&self.plan.places)
            } else {
                self.context.registries.places_zipf.sample(&mut self.rng)
            };
            let noun = self.rng.pick(NOUNS);
            let preposition = self.rng.pick(PREPOSITIONS);
            let place = self.place_link(rank);
            format!("the {noun} {preposition} {place}")
        } else {
            self.noun_phrase()
        }
    }

    /// One sentence of running text, which may name people and places.
    pub(super) fn sentence(&mut self) -> String {
        let sentence = match self.rng.below(4) {
            0 => format!(
                "{} {} {}.",
                self.subject(),
                self.rng.pick(VERBS),
                self.object()
            ),
            1 => format!(
                "{} {} {} {} {} {}.",
                self.rng.pick(OPENINGS),
                self.subject(),
                self.rng.pick(VERBS),
                self.object(),
                self.rng.pick(PREPOSITIONS),
                self.object()
            ),
            2 => format!(
                "{} {} {} {}, and {} {} {}.",
                self.subject(),
                self.rng.pick(ADVERBS),
                self.rng.pick(VERBS),
                self.object(),
                self.subject(),
                self.rng.pick(VERBS),
                self.object()
            ),
            _ => format!(
                "{} {} that {} had {} {}.",
                self.subject(),
                self.rng.pick(VERBS),
                self.subject(),
                self.rng.pick(VERBS),
                self.object()
            ),
        };
        capitalized(&sentence)
    }

    /// A sentence without links, for summaries and notes.
    pub(super) fn plain_sentence(&mut self) -> String {
        let rng = &mut self.rng;
        let sentence = format!(
            "the {} {} {} the {} {} {} the {}.",
            rng.pick(NOUNS),
            rng.pick(ADVERBS),
            rng.pick(VERBS),
            rng.pick(ADJECTIVES),
            rng.pick(NOUNS),
            rng.pick(PREPOSITIONS),
            rng.pick(NOUNS)
        );
        capitalized(&sentence)
    }
}

/// `text` with its first letter in upper case; a sentence opening with a link is left alone.
pub(super) fn capitalized(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
