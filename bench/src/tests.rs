//! Tests of generated editions as a whole: determinism, the Zipf spread, notes, dates, and a
//! manifest rebuilt from the files alone (with pulldown-cmark) equal to the one returned.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use serde::Deserialize;
use walkdir::WalkDir;

use super::*;
use crate::dates::Day;

/// Generates the edition of `documents` and `seed` into a fresh temporary folder.
fn edition(documents: usize, seed: u64) -> (tempfile::TempDir, Manifest) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let manifest = generate(dir.path(), &Params { documents, seed }).expect("generation succeeds");
    (dir, manifest)
}

/// Every file under `dir` by relative path, with its FNV-1a hash.
fn hashes(dir: &Path) -> BTreeMap<String, u64> {
    WalkDir::new(dir)
        .into_iter()
        .map(|entry| entry.expect("a readable folder"))
        .filter(|entry| entry.file_type().is_file())
        .map(|entry| {
            let mut hash = FnvHasher::default();
            hash.write(&fs::read(entry.path()).expect("a readable file"));
            let path = entry.path().strip_prefix(dir).expect("under dir");
            (path.to_string_lossy().into_owned(), hash.finish())
        })
        .collect()
}

/// The front matter keys these tests read back.
#[derive(Deserialize)]
struct Front {
    date: String,
    order: Option<usize>,
    place: String,
    authors: Vec<String>,
    recipients: Vec<String>,
    #[serde(default)]
    people: Vec<String>,
    places: Vec<String>,
    tags: Vec<String>,
    #[serde(default)]
    related: Vec<String>,
    in_reply_to: Option<String>,
}

/// A document file split into its front matter and its body.
fn read_document(path: &Path) -> (Front, String) {
    let text = fs::read_to_string(path).expect("a readable document");
    let rest = text.strip_prefix("---\n").expect("front matter first");
    let end = rest.find("\n---\n").expect("front matter closed");
    let front = serde_saphyr::from_str(&rest[..end + 1]).expect("valid front matter");
    (front, rest[end + 5..].to_owned())
}

/// What a body holds, read the way annals reads it.
#[derive(Default)]
struct BodyScan {
    /// Top-level paragraphs, block quotes and lists.
    paragraphs: usize,
    /// Words of text outside note definitions.
    words: usize,
    /// `person:` links with their paragraph.
    people: Vec<(String, usize)>,
    /// `place:` links with their paragraph.
    places: Vec<(String, usize)>,
    /// `doc:` link destinations.
    documents: Vec<String>,
    /// Labels of note references, in order.
    references: Vec<String>,
    /// Labels of note definitions, in order.
    definitions: Vec<String>,
}

fn scan(body: &str) -> BodyScan {
    let options =
        Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES | Options::ENABLE_STRIKETHROUGH;
    let mut found = BodyScan::default();
    let mut depth = 0;
    let mut in_definition = false;
    let mut text = String::new();
    for event in Parser::new_ext(body, options) {
        match event {
            Event::Start(tag) => {
                if depth == 0 {
                    match &tag {
                        Tag::Paragraph | Tag::BlockQuote(_) | Tag::List(_) => found.paragraphs += 1,
                        Tag::FootnoteDefinition(label) => {
                            in_definition = true;
                            found.definitions.push(label.to_string());
                        }
                        _ => {}
                    }
                }
                if let Tag::Link { dest_url, .. } = &tag {
                    assert!(!in_definition, "no links in notes: {dest_url}");
                    let paragraph = found.paragraphs;
                    if let Some(id) = dest_url.strip_prefix("person:") {
                        found.people.push((id.to_owned(), paragraph));
                    } else if let Some(id) = dest_url.strip_prefix("place:") {
                        found.places.push((id.to_owned(), paragraph));
                    } else if let Some(target) = dest_url.strip_prefix("doc:") {
                        found.documents.push(target.to_owned());
                    }
                }
                depth += 1;
            }
            Event::End(tag) => {
                depth -= 1;
                // A word runs on across links and emphasis ("[Alaa](place:alaa)." is one word),
                // so words are counted per block, and only blocks separate them.
                if !matches!(tag, TagEnd::Link | TagEnd::Emphasis | TagEnd::Strong) {
                    text.push(' ');
                }
                if depth == 0 {
                    if tag == TagEnd::FootnoteDefinition {
                        in_definition = false;
                    } else {
                        found.words += text.split_whitespace().count();
                    }
                    text.clear();
                }
            }
            Event::Text(words) if !in_definition => text.push_str(&words),
            Event::SoftBreak | Event::HardBreak => text.push(' '),
            Event::FootnoteReference(label) => found.references.push(label.to_string()),
            _ => {}
        }
    }
    found
}

/// Every document of the edition in `dir`: id, path, front matter, body.
fn documents(dir: &Path, manifest: &Manifest) -> Vec<(String, Front, String)> {
    manifest
        .documents
        .iter()
        .map(|(id, facts)| {
            let (front, body) = read_document(&dir.join(&facts.path));
            (id.clone(), front, body)
        })
        .collect()
}

/// The same parameters give byte-identical editions; another seed gives another edition.
#[test]
fn same_params_give_identical_editions() {
    let (first, first_manifest) = edition(300, 7);
    let (second, second_manifest) = edition(300, 7);
    let (other, _) = edition(300, 8);
    assert_eq!(hashes(first.path()), hashes(second.path()));
    assert_eq!(first_manifest, second_manifest);
    assert_ne!(hashes(first.path()), hashes(other.path()));
}

/// The generator's output is pinned: the same on every platform, and changed only on purpose.
/// After an intended change to what is generated, update the value (the benchmark's stamps use
/// the same fingerprint, so they regenerate their editions).
#[test]
fn fingerprint_is_pinned() {
    assert_eq!(format!("{:016x}", fingerprint()), "06bf909c54c2a493");
}

/// A generator refuses to mix an edition into existing files.
#[test]
fn refuses_a_folder_with_files() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    fs::write(dir.path().join("book.toml"), "").expect("a writable folder");
    let error = generate(
        dir.path(),
        &Params {
            documents: 10,
            seed: 1,
        },
    )
    .expect_err("not empty");
    assert_eq!(error.kind(), io::ErrorKind::AlreadyExists);
}

/// With Zipf's law over N/8 people, the person referred to most is in at least 20% of the
/// documents of an edition of 2,000.
#[test]
fn a_few_people_are_everywhere() {
    let (_dir, manifest) = edition(2000, 1);
    let mut counts: Vec<usize> = manifest
        .people
        .values()
        .map(|person| person.documents().len())
        .collect();
    counts.sort_unstable_by(|a, b| b.cmp(a));
    assert_eq!(counts.len(), 250);
    assert!(
        counts[0] >= 400,
        "the most referred-to person is in {} documents",
        counts[0]
    );
    assert!(
        counts[0] > 10 * counts[counts.len() / 2],
        "no long tail: {counts:?}"
    );
}

/// Every note reference has its definition and every definition is referenced, once each; at
/// most 8 notes, of the three hands, the translator's only in translations.
#[test]
fn notes_are_defined_and_referenced() {
    let (dir, manifest) = edition(400, 3);
    let mut hands = BTreeSet::new();
    for (id, _, body) in documents(dir.path(), &manifest) {
        let found = scan(&body);
        let references: BTreeSet<_> = found.references.iter().collect();
        let definitions: BTreeSet<_> = found.definitions.iter().collect();
        assert_eq!(
            references.len(),
            found.references.len(),
            "{id}: a note referenced twice"
        );
        assert_eq!(
            definitions.len(),
            found.definitions.len(),
            "{id}: a note defined twice"
        );
        assert_eq!(references, definitions, "{id}");
        assert!(found.references.len() <= 8, "{id}");
        for label in &found.references {
            let hand = label.split_once(':').map_or("ed", |(hand, _)| hand);
            assert!(["ed", "tr", "co"].contains(&hand), "{id}: {label}");
            if hand == "tr" {
                let file = fs::read_to_string(dir.path().join(&manifest.documents[&id].path));
                assert!(
                    file.expect("a readable document")
                        .contains("\ntranslation:\n"),
                    "{id}"
                );
            }
            hands.insert(hand.to_owned());
        }
    }
    assert_eq!(hands.len(), 3, "all three hands write notes");
}

/// Whether `text` is a valid day `YYYY-MM-DD`, month `YYYY-MM` or year `YYYY`; returns which
/// (3, 2 or 1 parts).
fn date_parts(text: &str) -> Option<usize> {
    let parts: Vec<&str> = text.split('-').collect();
    let digits = |part: &str, n: usize| part.len() == n && part.bytes().all(|b| b.is_ascii_digit());
    let numbers: Vec<u32> = parts.iter().map(|part| part.parse().unwrap_or(0)).collect();
    let valid = match parts.len() {
        1 => digits(parts[0], 4),
        2 => digits(parts[0], 4) && digits(parts[1], 2) && (1..=12).contains(&numbers[1]),
        3 => {
            let day = Day {
                year: i64::from(numbers[0]),
                month: numbers[1],
                day: numbers[2],
            };
            digits(parts[0], 4)
                && digits(parts[1], 2)
                && digits(parts[2], 2)
                && (1..=12).contains(&day.month)
                && day.day >= 1
                && Day::from_number(day.number()) == day
        }
        _ => false,
    };
    valid.then_some(parts.len())
}

/// Every date is one of the forms of `dates.rs`, in about the intended shares.
#[test]
fn dates_take_the_intended_forms() {
    let (dir, manifest) = edition(2000, 5);
    let mut forms: BTreeMap<&str, usize> = BTreeMap::new();
    for (id, front, _) in documents(dir.path(), &manifest) {
        let date = front.date.as_str();
        let form = if let Some((start, end)) = date.split_once('/') {
            assert_eq!(
                (date_parts(start), date_parts(end)),
                (Some(3), Some(3)),
                "{id}: {date}"
            );
            assert!(start < end, "{id}: {date}");
            "interval"
        } else if let Some(day) = date.strip_suffix('?') {
            assert_eq!(date_parts(day), Some(3), "{id}: {date}");
            "uncertain"
        } else if let Some(day) = date.strip_suffix('~') {
            assert!(matches!(date_parts(day), Some(2 | 3)), "{id}: {date}");
            "approximate"
        } else {
            match date_parts(date) {
                Some(3) => "day",
                Some(2) => "month",
                Some(1) => "year",
                _ => panic!("{id}: {date} is not a date"),
            }
        };
        *forms.entry(form).or_default() += 1;
        assert!(
            id.starts_with(date.split(['/', '?', '~']).next().unwrap()),
            "{id}: {date}"
        );
    }
    let share = |form: &str| forms.get(form).copied().unwrap_or(0) * 100 / 2000;
    assert!((65..=75).contains(&share("day")), "{forms:?}");
    assert!((7..=13).contains(&share("month")), "{forms:?}");
    for form in ["year", "uncertain", "approximate", "interval"] {
        assert!((3..=7).contains(&share(form)), "{forms:?}");
    }
}

/// The first key whose values differ between `found` and `expected`, with both values; a
/// whole manifest is too long to read in a failed `assert_eq!`.
fn first_difference<V: PartialEq + std::fmt::Debug>(
    found: &BTreeMap<String, V>,
    expected: &BTreeMap<String, V>,
) -> Option<String> {
    let keys: BTreeSet<&String> = found.keys().chain(expected.keys()).collect();
    keys.into_iter()
        .find(|key| found.get(*key) != expected.get(*key))
        .map(|key| {
            format!(
                "{key}: files say {:?}, manifest says {:?}",
                found.get(key),
                expected.get(key)
            )
        })
}

/// The number a document id ends with: its position in the edition, from 1.
fn number(id: &str) -> usize {
    id.rsplit('-')
        .next()
        .and_then(|n| n.parse().ok())
        .expect("ids end with a number")
}

/// The manifest says exactly what the files say: re-reading every document (front matter with
/// serde-saphyr, body with pulldown-cmark, numbering blocks as the content model does) gives
/// the same manifest. Bodies are 300-1,500 words, and `doc:` links, `related` and
/// `in_reply_to` reach earlier documents and paragraphs that exist.
#[test]
fn manifest_matches_the_files() {
    let (dir, manifest) = edition(600, 11);
    let mut rebuilt = Manifest::new(
        manifest.people.keys().map(String::as_str),
        manifest.places.keys().map(String::as_str),
    );
    let all = documents(dir.path(), &manifest);
    for (id, front, body) in &all {
        let found = scan(body);
        let facts = &manifest.documents[id];
        assert!(
            (300..=1500).contains(&found.words),
            "{id} has {} words",
            found.words
        );
        for target in found
            .documents
            .iter()
            .chain(&front.related)
            .chain(&front.in_reply_to)
        {
            let (target_id, anchor) = target.split_once('#').unwrap_or((target, ""));
            let target_facts = manifest
                .documents
                .get(target_id)
                .unwrap_or_else(|| panic!("{id}: no {target}"));
            assert!(
                number(target_id) < number(id),
                "{id} refers to a later document, {target}"
            );
            if let Some(number) = anchor.strip_prefix('p') {
                let number: usize = number.parse().expect("pN");
                assert!(
                    (1..=target_facts.paragraphs).contains(&number),
                    "{id}: {target}"
                );
            }
        }
        let named =
            |listed: &[String], links: Vec<(String, usize)>| -> Vec<(String, Option<usize>)> {
                listed
                    .iter()
                    .map(|id| (id.clone(), None))
                    .chain(
                        links
                            .into_iter()
                            .map(|(id, paragraph)| (id, Some(paragraph))),
                    )
                    .collect()
            };
        rebuilt.add(manifest::Contribution {
            id: id.clone(),
            facts: DocumentFacts {
                path: facts.path.clone(),
                date: front.date.clone(),
                order: front.order,
                collection: facts.path["documents/".len()..facts.path.rfind('/').unwrap()]
                    .to_owned(),
                paragraphs: found.paragraphs,
                words: found.words,
            },
            authors: front.authors.clone(),
            recipients: front.recipients.clone(),
            people: named(&front.people, found.people),
            place: front.place.clone(),
            places: named(&front.places, found.places),
            tags: front.tags.clone(),
        });
    }
    assert_eq!(
        first_difference(&rebuilt.documents, &manifest.documents),
        None
    );
    assert_eq!(first_difference(&rebuilt.people, &manifest.people), None);
    assert_eq!(first_difference(&rebuilt.places, &manifest.places), None);
    assert_eq!(first_difference(&rebuilt.tags, &manifest.tags), None);
    assert_eq!(manifest.tags.len(), words::TAGS.len());
}
