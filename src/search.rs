//! Full-text search with no server: every document's words in an index that the search page
//! loads piece by piece as scripts, which browsers also run from a site opened from disk.
//!
//! A term is a run of letters and digits of the text decomposed (NFD), without its combining
//! marks and lower-cased: "Beriya", "BERIYA" and "Bériya" are one term. The theme's
//! `search.js` folds a query the same way. A document's terms come from its title, summary
//! and text (notes included) and from the names of the people and places it is bound to, so
//! a search for "Beria" finds the letter that calls him "Cde. Beriya, L. P.".
//!
//! Terms are sharded by their first two characters, so the one shard of a query word's first
//! two characters holds every term that word begins. A shard's number is the FNV-1a hash of
//! those characters' UTF-8 bytes modulo the number of shards. Shard N is
//! `search/index/N.js`: `annalsSearch.shard(N, {"term": "postings", ...})`, where postings are
//! the documents' positions in edition order, as base-36 differences from the previous one.

use std::collections::{BTreeMap, HashMap};

use rayon::prelude::*;
use unicode_normalization::char::{decompose_canonical, is_combining_mark};

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
        (SearchIndex { shards }, diagnostics)
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

/// A document's terms, distinct and sorted, one a line: from its title, summary and text,
/// and the names of everyone and every place it is bound to.
fn document_terms(
    edition: &ResolvedEdition,
    resolved: &ResolvedDocument,
) -> Result<String, Diagnostic> {
    let document = &resolved.document;
    let body = document.read_body()?;
    let mut folded = String::with_capacity(body.len() + 256);
    fold(&document.title, &mut folded);
    if let Some(summary) = &document.summary {
        fold(&markdown::plain_text(summary), &mut folded);
    }
    fold(&markdown::plain_text(&body), &mut folded);
    let people = [&resolved.authors, &resolved.recipients, &resolved.people]
        .into_iter()
        .flatten()
        .chain(resolved.person_mentions.iter().map(|(id, _)| id));
    for id in people {
        fold(edition.people.name_of(id), &mut folded);
    }
    let places = resolved
        .places
        .iter()
        .chain(resolved.place_mentions.iter().map(|(id, _)| id));
    for id in places {
        fold(edition.places.name_of(id), &mut folded);
    }
    match &resolved.place {
        Some(PlaceRef::Known(id)) => fold(edition.places.name_of(id), &mut folded),
        Some(PlaceRef::Text(text)) => fold(text, &mut folded),
        None => {}
    }
    Ok(distinct(&folded.to_lowercase()))
}

/// Appends `text` decomposed (NFD) and without combining marks, then a space. Lower-casing
/// comes after, over the whole text, as the browser's `toLowerCase` does (a Greek final
/// sigma depends on what follows it).
fn fold(text: &str, out: &mut String) {
    for c in text.chars() {
        if c.is_ascii() {
            out.push(c);
        } else {
            decompose_canonical(c, |part| {
                if !is_combining_mark(part) {
                    out.push(part);
                }
            });
        }
    }
    out.push(' ');
}

/// The distinct runs of letters and digits of `folded`, sorted, one a line.
fn distinct(folded: &str) -> String {
    let mut words: Vec<&str> = folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .collect();
    words.sort_unstable();
    words.dedup();
    words.join("\n")
}

/// The shard of `term` among `count`: by the hash of its first two characters.
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

    fn terms(text: &str) -> Vec<String> {
        let mut folded = String::new();
        fold(text, &mut folded);
        let distinct = distinct(&folded.to_lowercase());
        distinct.lines().map(str::to_owned).collect()
    }

    #[test]
    fn terms_are_folded_words() {
        assert_eq!(terms("Cde. BÉRIYA, L. P."), ["beriya", "cde", "l", "p"]);
        assert_eq!(
            terms("Шаумян’s 1920-07-12"),
            ["07", "12", "1920", "s", "шаумян"]
        );
        assert_eq!(terms("Straße İstanbul"), ["istanbul", "straße"]);
        // A Greek final sigma stays final, as the browser lower-cases it.
        assert_eq!(terms("ΟΔΟΣ ΣΑ"), ["οδος", "σα"]);
        // Letters and digits as the browser's \p{Alphabetic} and \p{N} read them.
        assert_eq!(
            terms("Ⓐbc ǅemal ﬁre Ⅻ ²"),
            ["²", "ǆemal", "ⅻ", "ⓐbc", "ﬁre"]
        );
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
