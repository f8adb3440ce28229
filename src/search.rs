//! Full-text search with no server: every document's words in an index that the search page
//! loads piece by piece as scripts, which browsers also run from a site opened from disk.
//!
//! Text is folded so that case and accents do not matter: compatibility decomposition (NFKD:
//! "ﬁ" is "fi", "Ｂ" is "B"), without the marks editions write or leave out at will
//! ([`DIACRITICS`]), lower-cased, and with the letters of [`LETTERS`] spelled as a query
//! without them would be ("ß" as "ss"). A term is then a run of letters, marks and digits. The
//! theme's `search.js` folds a query the same way; `tests/search-folding.json` holds the
//! pairs both are tested with. A document's terms come from its title, date, type, subjects,
//! summary, text and notes, archival source, and the names of the people and places it is
//! bound to, so a search for "Beria" finds the letter that calls him "Cde. Beriya, L. P.".
//!
//! Terms are sharded by their first two characters, so the one shard of a query word's first
//! two characters holds every term that word begins. A shard's number is the FNV-1a hash of
//! those characters' UTF-8 bytes modulo the number of shards. Shard N is
//! `search/index/N.js`: `annalsSearch.shard(N, {"term": "postings", ...})`, where postings are
//! the documents' positions in edition order, as base-36 differences from the previous one.
//! Because positions change when documents do, the page asks for every script with the
//! index's version (`?v=`), so a browser never mixes a cached part with a new one.

use std::collections::{BTreeMap, HashMap};
use std::hash::Hasher;
use std::ops::RangeInclusive;

use fnv::FnvHasher;
use rayon::prelude::*;
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::markdown;
use crate::model::{PlaceRef, ResolvedDocument, ResolvedEdition};
use crate::progress::Progress;

/// Documents a `search/documents/N.js` file lists.
pub const DOCUMENTS_PER_FILE: usize = 1000;
/// Postings a shard holds on average, at most: a few hundred kilobytes of script.
const POSTINGS_PER_SHARD: usize = 20_000;
/// The most shards an index has, however large the edition.
const MAX_SHARDS: usize = 512;
/// Documents whose terms are gathered at once: bounds the memory of terms not yet merged.
const BATCH: usize = 512;

/// The search index: every term and the documents that hold it, in shards.
pub struct SearchIndex {
    shards: Vec<BTreeMap<String, Vec<u32>>>,
    version: String,
}

impl SearchIndex {
    /// Reads every document's body again and indexes its terms. A body that cannot be read
    /// is an error, as it is for the document's page.
    pub fn build(edition: &ResolvedEdition, progress: &dyn Progress) -> (SearchIndex, Diagnostics) {
        let mut diagnostics = Diagnostics::new();
        let mut postings: HashMap<String, Vec<u32>> = HashMap::new();
        progress.start("Indexing", edition.documents.len());
        for (batch, documents) in edition.documents.chunks(BATCH).enumerate() {
            let terms: Vec<Result<String, Diagnostic>> = documents
                .par_iter()
                .map(|document| {
                    progress.step();
                    document_terms(edition, document)
                })
                .collect();
            for (offset, terms) in terms.into_iter().enumerate() {
                let position = u32::try_from(batch * BATCH + offset).unwrap_or(u32::MAX);
                match terms {
                    Ok(terms) => {
                        for term in terms.lines() {
                            match postings.get_mut(term) {
                                Some(documents) => documents.push(position),
                                None => {
                                    postings.insert(term.to_owned(), vec![position]);
                                }
                            }
                        }
                    }
                    Err(diagnostic) => diagnostics.push(diagnostic),
                }
            }
        }
        progress.finish();

        let total: usize = postings.values().map(Vec::len).sum();
        let count = (total / POSTINGS_PER_SHARD).clamp(1, MAX_SHARDS);
        let mut shards = vec![BTreeMap::new(); count];
        for (term, documents) in postings {
            shards[shard_of(&term, count)].insert(term, documents);
        }
        let version = version(edition, &shards);
        (SearchIndex { shards, version }, diagnostics)
    }

    /// A digest of the index and of the documents it lists.
    pub fn version(&self) -> &str {
        &self.version
    }

    /// How many shards the index has.
    pub fn shards(&self) -> usize {
        self.shards.len()
    }

    /// Shard `number` as the script `search/index/N.js`.
    pub fn shard_script(&self, number: usize) -> String {
        let mut terms = serde_json::Map::new();
        for (term, documents) in &self.shards[number] {
            let mut list = String::with_capacity(documents.len() * 3);
            let mut previous = 0;
            for &position in documents {
                if !list.is_empty() {
                    list.push(',');
                }
                push_base36(&mut list, position - previous);
                previous = position;
            }
            terms.insert(term.clone(), serde_json::Value::String(list));
        }
        let json = serde_json::Value::Object(terms);
        format!("annalsSearch.shard({number},{json});\n")
    }
}

/// A document's terms, distinct and sorted, one a line.
fn document_terms(
    edition: &ResolvedEdition,
    resolved: &ResolvedDocument,
) -> Result<String, Diagnostic> {
    let document = &resolved.document;
    let body = document.read_body()?;
    let mut folded = String::with_capacity(body.len() + 256);
    let mut add = |text: &str| fold(text, &mut folded);
    add(&document.title);
    add(&document.date.in_words());
    if let Some(summary) = &document.summary {
        add(&markdown::searchable_text(summary));
    }
    add(&markdown::searchable_text(&body));
    let tags = resolved.tags.iter().filter_map(|id| edition.tags.get(id));
    let doc_type = resolved
        .doc_type
        .as_ref()
        .and_then(|id| edition.types.get(id));
    for label in tags.chain(doc_type) {
        add(label);
    }
    for source in &document.sources {
        for text in [&source.archive, &source.reference, &source.description] {
            add(text.as_deref().unwrap_or_default());
        }
    }
    let people = [&resolved.authors, &resolved.recipients, &resolved.people]
        .into_iter()
        .flatten()
        .chain(resolved.person_mentions.iter().map(|(id, _)| id));
    for id in people {
        add(edition.people.name_of(id));
    }
    let places = resolved
        .places
        .iter()
        .chain(resolved.place_mentions.iter().map(|(id, _)| id));
    for id in places {
        add(edition.places.name_of(id));
    }
    match &resolved.place {
        Some(PlaceRef::Known(id)) => add(edition.places.name_of(id)),
        Some(PlaceRef::Text(text)) => add(text),
        None => {}
    }
    Ok(terms(&folded))
}

/// Marks that editions write or leave out at will: accents and other diacritics, Hebrew
/// points, Arabic vowel signs. Other marks (Indic vowel signs, the virama) belong to their
/// letters and stay.
const DIACRITICS: [RangeInclusive<char>; 12] = [
    '\u{0300}'..='\u{036f}',
    '\u{0591}'..='\u{05bd}',
    '\u{05bf}'..='\u{05bf}',
    '\u{05c1}'..='\u{05c2}',
    '\u{05c4}'..='\u{05c5}',
    '\u{05c7}'..='\u{05c7}',
    '\u{064b}'..='\u{065f}',
    '\u{0670}'..='\u{0670}',
    '\u{1ab0}'..='\u{1aff}',
    '\u{1dc0}'..='\u{1dff}',
    '\u{20d0}'..='\u{20ff}',
    '\u{fe20}'..='\u{fe2f}',
];

/// Letters that decomposition leaves whole but readers take for others, lower-case, and how a
/// query without them spells them.
const LETTERS: [(char, &str); 9] = [
    ('ß', "ss"),
    ('ı', "i"),
    ('ς', "σ"),
    ('ł', "l"),
    ('đ', "d"),
    ('ð', "d"),
    ('ø', "o"),
    ('æ', "ae"),
    ('œ', "oe"),
];

/// Appends `text` decomposed (NFKD) and without [`DIACRITICS`], then a space. ASCII passes
/// as it is: it has nothing to decompose, and decomposition never reorders across it.
fn fold(text: &str, out: &mut String) {
    let mut rest = text;
    while !rest.is_empty() {
        let ascii = rest.find(|c: char| !c.is_ascii()).unwrap_or(rest.len());
        out.push_str(&rest[..ascii]);
        rest = &rest[ascii..];
        let other = rest.find(|c: char| c.is_ascii()).unwrap_or(rest.len());
        out.extend(
            rest[..other]
                .nfkd()
                .filter(|c| !DIACRITICS.iter().any(|range| range.contains(c))),
        );
        rest = &rest[other..];
    }
    out.push(' ');
}

/// The terms of text [`fold`] wrote: lower-cased, [`LETTERS`] spelled out, distinct, sorted,
/// one a line.
fn terms(folded: &str) -> String {
    distinct(&spell(&folded.to_lowercase()))
}

/// Lower-cased `text` with the letters of [`LETTERS`] spelled out.
fn spell(text: &str) -> String {
    if text.is_ascii() {
        return text.to_owned();
    }
    let mut spelled = String::with_capacity(text.len());
    for c in text.chars() {
        match LETTERS.iter().find(|(letter, _)| *letter == c) {
            Some((_, spelling)) => spelled.push_str(spelling),
            None => spelled.push(c),
        }
    }
    spelled
}

/// The distinct runs of letters, marks and digits of `folded`, sorted, one a line.
fn distinct(folded: &str) -> String {
    let mut words: Vec<&str> = folded
        .split(|c: char| !(c.is_alphanumeric() || is_combining_mark(c)))
        .filter(|word| !word.is_empty())
        .collect();
    words.sort_unstable();
    words.dedup();
    words.join("\n")
}

/// The FNV-1a digest of the documents (id, title, date) and of every term and its postings.
fn version(edition: &ResolvedEdition, shards: &[BTreeMap<String, Vec<u32>>]) -> String {
    let mut hash = FnvHasher::default();
    for resolved in &edition.documents {
        let document = &resolved.document;
        for text in [
            document.id.as_str(),
            &document.title,
            &document.date.to_string(),
        ] {
            hash.write(text.as_bytes());
            hash.write_u8(0);
        }
    }
    for (term, documents) in shards.iter().flatten() {
        hash.write(term.as_bytes());
        for &position in documents {
            hash.write_u32(position);
        }
    }
    format!("{:016x}", hash.finish())
}

/// The shard of `term` among `count`: by the hash of its first two characters. FNV-1a in 32
/// bits, written out here because `search.js` computes the same with JavaScript's 32-bit
/// integer arithmetic (`Math.imul`).
fn shard_of(term: &str, count: usize) -> usize {
    let key_end = term.char_indices().nth(2).map_or(term.len(), |(at, _)| at);
    let mut hash: u32 = 0x811c_9dc5;
    for byte in &term.as_bytes()[..key_end] {
        hash ^= u32::from(*byte);
        hash = hash.wrapping_mul(0x0100_0193);
    }
    hash as usize % count
}

fn push_base36(out: &mut String, mut number: u32) {
    let mut digits = [0u8; 7];
    let mut length = 0;
    loop {
        digits[length] = b"0123456789abcdefghijklmnopqrstuvwxyz"[(number % 36) as usize];
        length += 1;
        number /= 36;
        if number == 0 {
            break;
        }
    }
    for &digit in digits[..length].iter().rev() {
        out.push(char::from(digit));
    }
}

/// `search/documents/N.js`: documents `N × DOCUMENTS_PER_FILE` onwards, each as its path
/// from the site root, title and date in words.
pub fn documents_script(number: usize, documents: &[(&str, &str, &str)]) -> String {
    format!(
        "annalsSearch.documents({number},{});\n",
        serde_json::json!(documents)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms_of(text: &str) -> Vec<String> {
        let mut folded = String::new();
        fold(text, &mut folded);
        terms(&folded).lines().map(str::to_owned).collect()
    }

    /// The pairs `search.js` is tested with too: a text and its terms, in any order.
    #[test]
    fn terms_are_folded_as_the_search_page_folds_them() {
        let pairs: Vec<(String, Vec<String>)> =
            serde_json::from_str(include_str!("../tests/search-folding.json"))
                .expect("the pairs are JSON");
        assert!(pairs.len() >= 20);
        for (text, mut expected) in pairs {
            expected.sort();
            expected.dedup();
            assert_eq!(terms_of(&text), expected, "{text}");
        }
    }

    #[test]
    fn a_term_and_its_prefixes_of_two_characters_share_a_shard() {
        for count in [1, 7, 512] {
            assert_eq!(shard_of("beriya", count), shard_of("be", count));
            assert_eq!(shard_of("шаумян", count), shard_of("ша", count));
        }
    }

    #[test]
    fn postings_are_base36_differences() {
        let mut out = String::new();
        for number in [0, 35, 36, 1295, u32::MAX] {
            push_base36(&mut out, number);
            out.push(' ');
        }
        assert_eq!(out, "0 z 10 zz 1z141z3 ");
    }
}
