//! Synthetic editions for annals: a deterministic generator, and (in the `annals-bench` binary)
//! the benchmark that builds them (issue 8).
//!
//! # The generator
//!
//! [`generate`] writes a complete edition of the content model into an empty folder, and
//! returns its [`Manifest`], the ground truth tests compare annals' output with. For `N`
//! documents the edition has:
//!
//! - `book.toml` with `[edition]`, three hands in `[annotators]`: `ed` (the editors, first,
//!   so their notes are unprefixed `[^1]`), `tr` (the translator) and `co` (a compiler), and
//!   `search = false`: the build the benchmark measures leaves search out;
//! - `documents/_index.md`, and about `N/250` volumes (`vol-001/`), a third of them inside parts
//!   (`part-02/vol-004/`), each with an `_index.md`; a volume is a run of consecutive documents;
//! - `people.yaml` with `N/8` entries (one in ten an organisation; some with variants, life
//!   dates in EDTF, roles), `places.yaml` with `N/20` (most with coordinates), `glossary.yaml`
//!   with 30 terms, `events.yaml` with `N/100` events;
//! - `N` documents in date order between 1900 and 1949, each with title, date (70% a day, 10% a
//!   month, 5% a year, 5% uncertain, 5% approximate, 5% an interval; same-day documents get an
//!   `order`), place, type (10 genres), 1-2 authors, 1-2 recipients, 0-3 people, 1-3 places,
//!   1-3 of 40 tags, summary, source, and sometimes classification, translation, `related` and
//!   `in_reply_to` (both to earlier documents);
//! - bodies of 300-1,500 words: paragraphs, some block quotes and lists, a rare heading, a
//!   dateline and a signature; `person:` and `place:` links; now and then a `doc:` link to a
//!   paragraph of an earlier document that exists; abbreviations of the glossary; 0-8 notes of
//!   the three hands, each referenced once and defined once.
//!
//! People, places and tags are drawn with Zipf's law (exponent 1), so a few people appear in
//! a large share of all documents: thousands at `N` = 50,000. Identifiers: people and places
//! are the slugs of their names (`anna-becker`, `karovgrad`), documents
//! `DATE-TYPE-NUMBER` (`1931-08-12-letter-00042`).
//!
//! Text comes from word lists written for this crate, assembled by a seeded SplitMix64 in
//! integer arithmetic: the same [`Params`] give byte-identical editions on every platform.
//! Documents are planned, then written, in parallel; each draws from a stream of its own.
//!
//! # The benchmark
//!
//! ```text
//! cargo run --release -p annals-bench -- [--sizes 1000,10000,50000] [--seed 1]
//!     [--work target/bench-editions] [--annals target/release/annals] [--runs 3]
//! ```
//!
//! For each size it generates an edition (kept in `WORK/N-SEED/edition/` and reused while
//! `WORK/N-SEED/stamp.json` names the same parameters and [`fingerprint`]), then times the
//! floor and `annals build EDITION --out OUT`, alternately, each `--runs` times as a child
//! process, and prints a Markdown table to paste into an issue: median wall and CPU time, peak
//! resident memory, size and files of the output, annals as a multiple of the floor, and
//! issue 8's two targets checked; progress goes to standard error.
//!
//! - The floor (`annals-bench floor EDITION OUT`) is the least any build must do: read every
//!   document, parse its front matter with serde-saphyr, render its body with pulldown-cmark,
//!   write one HTML file per document, in parallel on every core as annals does.
//! - Each output is then written again, `--runs` times, from memory (read first, untimed) on
//!   every core: what writing those files alone costs. The floor's work with its own writing
//!   replaced by the writing of annals' output is a bound under any build that writes what
//!   annals writes; the report gives it beside the target.
//! - Without `--annals`, `cargo build --release -p annals` brings the binary up to date first.
//!   Either way a copy (`WORK/annals`) is measured, so a rebuild during the run changes nothing.
//! - Before each run the previous output is deleted and `sync` writes back dirty pages, so a
//!   run does not pay for the last one's writes. Sources stay in the page cache (warm runs).
//! - Peak memory is the child's maximum resident set, read with `getrusage(RUSAGE_CHILDREN)` by
//!   a wrapper process that runs only that child (Linux reports the largest child's peak).
//! - Other work on the machine shows in wall times (the report gives the load average); CPU
//!   times vary less.
//!
//! `annals-bench generate DIR --documents N --seed S` writes one edition, for a look or a test.

mod dates;
mod document;
pub mod manifest;
mod plan;
mod registries;
mod rng;
#[cfg(test)]
mod tests;
mod words;
mod yaml;

use std::collections::BTreeMap;
use std::fmt::Write;
use std::hash::Hasher;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use fnv::FnvHasher;
use rayon::prelude::*;

pub use manifest::{DocumentFacts, Manifest, PersonFacts, PlaceFacts};

use document::Context;
use plan::{Collection, FIRST_DAY, LAST_DAY, Planner};
use registries::Registries;
use rng::{Rng, Stage};

/// What to generate.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Params {
    /// Number of documents; at least 1.
    pub documents: usize,
    /// Seed of every random choice; the same seed gives the same edition.
    pub seed: u64,
}

impl Params {
    /// Entries of `people.yaml`: `N/8`, at least 16.
    pub fn people(&self) -> usize {
        (self.documents / 8).max(16)
    }

    /// Entries of `places.yaml`: `N/20`, at least 8.
    pub fn places(&self) -> usize {
        (self.documents / 20).max(8)
    }

    /// Entries of `events.yaml`: `N/100`, at least 3.
    pub fn events(&self) -> usize {
        (self.documents / 100).max(3)
    }
}

/// Writes the edition of `params` into `dir`, which must be empty or absent, and returns its
/// manifest. Files are written in parallel.
pub fn generate(dir: &Path, params: &Params) -> io::Result<Manifest> {
    if dir.exists() && dir.read_dir()?.next().is_some() {
        return Err(io::Error::new(
            io::ErrorKind::AlreadyExists,
            format!(
                "{} is not empty; an edition is generated into an empty folder",
                dir.display()
            ),
        ));
    }
    generate_into(&Folder(dir.to_owned()), params)
}

/// Raised by a change to the generator that the small edition of [`fingerprint`] may not show
/// (one that only larger editions meet, such as two people with the same initial and surname).
const REVISION: u32 = 2;

/// A digest of the generator itself: the FNV-1a hash of [`REVISION`] and of every file of a
/// small edition. It changes whenever the generator's output does, so a stamp holding it tells
/// whether an edition generated earlier is still what the generator would write now.
pub fn fingerprint() -> u64 {
    let digest = Digest::default();
    generate_into(
        &digest,
        &Params {
            documents: 64,
            seed: 0,
        },
    )
    .expect("generating into memory cannot fail");
    let files = digest.0.into_inner().expect("no writer panicked");
    let mut hash = FnvHasher::default();
    hash.write(&REVISION.to_le_bytes());
    for (path, file_hash) in files {
        hash.write(path.as_bytes());
        hash.write(&file_hash.to_le_bytes());
    }
    hash.finish()
}

/// Where generated files go: `path` is relative to the edition, with `/` separators.
trait Sink: Sync {
    fn put(&self, path: &str, text: &str) -> io::Result<()>;
}

/// Files in a folder, its subfolders created as needed.
struct Folder(PathBuf);

impl Sink for Folder {
    fn put(&self, path: &str, text: &str) -> io::Result<()> {
        let file = self.0.join(path);
        match std::fs::write(&file, text) {
            Err(error) if error.kind() == io::ErrorKind::NotFound => {
                let parent = file.parent().expect("a file in the edition has a parent");
                std::fs::create_dir_all(parent)?;
                std::fs::write(&file, text)
            }
            result => result,
        }
        .map_err(|error| io::Error::new(error.kind(), format!("{}: {error}", file.display())))
    }
}

/// The hash of each file, by path.
#[derive(Default)]
struct Digest(Mutex<BTreeMap<String, u64>>);

impl Sink for Digest {
    fn put(&self, path: &str, text: &str) -> io::Result<()> {
        let mut hash = FnvHasher::default();
        hash.write(text.as_bytes());
        let mut files = self.0.lock().expect("no writer panicked");
        files.insert(path.to_owned(), hash.finish());
        Ok(())
    }
}

fn generate_into(sink: &dyn Sink, params: &Params) -> io::Result<Manifest> {
    assert!(params.documents > 0, "an edition has at least one document");
    let n = params.documents;
    let registries = Registries::new(params.people(), params.places());
    let planner = Planner::new(params.seed, n, &registries);
    let mut plans: Vec<plan::Plan> = (0..n)
        .into_par_iter()
        .map(|index| planner.plan(index))
        .collect();
    plan::assign_orders(&mut plans);
    let collections = plan::collections(n);

    sink.put("book.toml", &book_toml(params))?;
    sink.put("documents/_index.md", &home(params, &collections))?;
    sink.put(
        "documents/people.yaml",
        &registries.people_yaml(params.seed),
    )?;
    sink.put(
        "documents/places.yaml",
        &registries.places_yaml(params.seed),
    )?;
    sink.put("documents/glossary.yaml", &registries::glossary_yaml())?;
    let events = registries.events_yaml(params.seed, params.events(), FIRST_DAY, LAST_DAY);
    sink.put("documents/events.yaml", &events)?;
    for (path, text) in collection_indexes(params.seed, &collections, &plans) {
        sink.put(&path, &text)?;
    }

    let context = Context {
        seed: params.seed,
        registries: &registries,
        plans: &plans,
    };
    let contributions = collections
        .par_iter()
        .flat_map(|collection| {
            plans[collection.first..collection.end]
                .par_iter()
                .map(|plan| {
                    let (text, contribution) = document::write(&context, plan, &collection.path);
                    sink.put(&contribution.facts.path, &text)?;
                    Ok(contribution)
                })
        })
        .collect::<io::Result<Vec<_>>>()?;

    let mut manifest = Manifest::new(
        registries.people.iter().map(|person| person.id.as_str()),
        registries.places.iter().map(|place| place.id.as_str()),
    );
    for contribution in contributions {
        manifest.add(contribution);
    }
    Ok(manifest)
}

fn book_toml(params: &Params) -> String {
    let n = params.documents;
    let seed = params.seed;
    format!(
        r#"[edition]
title = "A Synthetic Edition of {n} Documents"
subtitle = "Generated by annals-bench with seed {seed}"
description = "Invented correspondence of invented people, generated to measure annals. No text of this edition is historical."
editors = ["annals-bench"]
language = "en"
base_url = "https://example.org/synthetic-{n}-{seed}/"
rights = "Synthetic text; no rights reserved."

[annotators]
ed = "The editors"
tr = {{ name = "The translators", role = "notes on the translation" }}
co = {{ name = "The compiler", role = "compiler of the printed collection the texts are taken from" }}

[build]
search = false
"#
    )
}

fn home(params: &Params, collections: &[Collection]) -> String {
    format!(
        "---\ntitle: \"A Synthetic Edition of {} Documents\"\n---\nThis edition was generated by \
         annals-bench from seed {}. Its {} documents, in {} volumes, are invented: people, \
         places and events included.\n\nThe notes of the editors, of the translators and of \
         the compiler are marked as such.\n",
        params.documents,
        params.seed,
        params.documents,
        collections.len()
    )
}

/// The `_index.md` of every part and volume, with paths. A part is ordered among the volumes
/// at the top level by the number of its first volume.
fn collection_indexes(
    seed: u64,
    collections: &[Collection],
    plans: &[plan::Plan],
) -> Vec<(String, String)> {
    let mut files = Vec::new();
    let mut last_part: Option<&str> = None;
    for collection in collections {
        let year = |index: usize| plans[index].date.day.year;
        let (from, to) = (year(collection.first), year(collection.end - 1));
        if let Some(part) = collection.part.as_deref()
            && last_part != Some(part)
        {
            let text = format!(
                "---\ntitle: \"Part {}, from {from}\"\ndescription: \"Volumes of documents from {from} onwards.\"\norder: {}\n---\n",
                part.trim_start_matches("part-").trim_start_matches('0'),
                collection.number,
            );
            files.push((format!("documents/{part}/_index.md"), text));
            last_part = Some(part);
        }
        let mut rng = Rng::stream(seed, Stage::Collections, collection.number as u64);
        let mut text = format!(
            "---\ntitle: \"Volume {}: {from}-{to}\"\ndescription: \"Documents {} to {} of the edition, from {from} to {to}.\"\norder: {}\n---\n",
            collection.number,
            collection.first + 1,
            collection.end,
            collection.number
        );
        for n in 0..rng.between(1, 2) {
            if n > 0 {
                text.push('\n');
            }
            writeln!(
                text,
                "The documents of this volume concern the {} {} and the {} of the {}.",
                rng.pick(words::ADJECTIVES),
                rng.pick(words::NOUNS),
                rng.pick(words::NOUNS),
                rng.pick(words::NOUNS),
            )
            .expect("String");
        }
        files.push((format!("documents/{}/_index.md", collection.path), text));
    }
    files
}
