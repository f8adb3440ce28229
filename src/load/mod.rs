//! Load: `documents/` → [`Edition`], every file checked on its own.
//!
//! The folder is walked in sorted order (dotfiles skipped); each Markdown file is read, its
//! front matter parsed and its body scanned, in parallel; then the body is dropped. A bad file
//! is reported and left out, and the others are still loaded, so one run reports everything.
//! Symlinks are followed only while they stay inside `documents/`.

mod front_matter;
mod registries;
mod yaml;

use std::collections::{BTreeMap, BTreeSet};
use std::io;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::config::{Config, Hand};
use crate::diagnostics::{self, Diagnostic, Diagnostics};
use crate::markdown::{self, BodyAt};
use crate::model::Edition;
use crate::model::document::{Collection, Document, Home};
use crate::model::id::{CollectionId, DocId};
use crate::progress::Progress;
use crate::source::{self, SourcePath, Span};

/// The folder of editors' files, under the edition root.
pub const DOCUMENTS: &str = "documents";

/// What the walk found: files to read, by kind.
#[derive(Default)]
struct Found {
    /// Documents with the collection they belong to.
    documents: Vec<(PathBuf, Option<CollectionId>)>,
    /// `_index.md` files with their collection (`None`: the home page's).
    indexes: Vec<(PathBuf, Option<CollectionId>)>,
    /// Every folder that may be a collection, with its name.
    folders: BTreeMap<CollectionId, (String, PathBuf)>,
}

/// Loads the edition at `root`. I/O failures that are not an editor's to fix are errors.
pub fn edition(
    root: &Path,
    config: &Config,
    progress: &dyn Progress,
) -> io::Result<(Edition, Diagnostics)> {
    let mut diagnostics = Diagnostics::new();
    let documents_dir = root.join(DOCUMENTS);
    if !documents_dir.is_dir() {
        diagnostics.push(
            Diagnostic::error(
                "no-documents",
                format!("{} has no documents/ folder", root.display()),
            )
            .with_help("put the edition's Markdown files in documents/ beside book.toml"),
        );
        return Ok((Edition::default(), diagnostics));
    }
    let registries = registries::load(root, &config.hands, &mut diagnostics)?;
    let found = walk(root, &mut diagnostics);

    progress.start("Loading", found.documents.len());
    let loaded: io::Result<Vec<(Option<Document>, Diagnostics)>> = found
        .documents
        .par_iter()
        .map(|(path, collection)| {
            progress.step();
            document(root, path, collection.clone(), config)
        })
        .collect();
    progress.finish();
    let loaded = loaded?;
    let mut documents = Vec::with_capacity(loaded.len());
    for (document, found_problems) in loaded {
        diagnostics.extend(found_problems);
        documents.extend(document);
    }
    if found.documents.is_empty() {
        diagnostics.push(Diagnostic::warning(
            "no-documents",
            "documents/ holds no documents (Markdown files other than _index.md)",
        ));
    }

    let (collections, home) = indexes(root, &found, &documents, &config.hands, &mut diagnostics)?;
    let edition = Edition {
        documents,
        collections,
        home,
        people: registries.people,
        places: registries.places,
        glossary: registries.glossary,
        events: registries.events,
        registry_links: registries.links,
    };
    Ok((edition, diagnostics))
}

/// Walks `documents/`, sorted, skipping dotfiles and anything a symlink leads to outside it.
fn walk(root: &Path, diagnostics: &mut Diagnostics) -> Found {
    let documents_dir = root.join(DOCUMENTS);
    let canonical_root =
        std::fs::canonicalize(&documents_dir).unwrap_or_else(|_| documents_dir.clone());
    let mut found = Found::default();
    let entries = walkdir::WalkDir::new(&documents_dir)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|entry| {
            entry.depth() == 0 || !entry.file_name().to_string_lossy().starts_with('.')
        });
    let mut iterator = entries;
    while let Some(entry) = iterator.next() {
        let entry = match entry {
            Ok(entry) => entry,
            Err(error) => {
                let path = error.path().unwrap_or(&documents_dir);
                let shown = SourcePath::new(root, path.strip_prefix(root).unwrap_or(path));
                let what = match error.io_error() {
                    _ if error.loop_ancestor().is_some() => "it is a symlink loop".to_owned(),
                    Some(io) => format!("it cannot be read ({})", io.kind()),
                    None => "it cannot be read".to_owned(),
                };
                diagnostics.push(
                    Diagnostic::warning("skipped-file", format!("skipped {shown}: {what}"))
                        .with_help("remove the link or fix the file's permissions"),
                );
                continue;
            }
        };
        let relative = entry
            .path()
            .strip_prefix(root)
            .unwrap_or(entry.path())
            .to_path_buf();
        if entry.path_is_symlink() {
            let inside = std::fs::canonicalize(entry.path())
                .is_ok_and(|target| target.starts_with(&canonical_root));
            if !inside {
                diagnostics.push(
                    Diagnostic::warning(
                        "skipped-file",
                        format!(
                            "skipped {}: it is a symlink to somewhere outside documents/",
                            SourcePath::new(root, &relative)
                        ),
                    )
                    .with_help("copy the file into documents/ instead of linking to it"),
                );
                if entry.file_type().is_dir() {
                    iterator.skip_current_dir();
                }
                continue;
            }
        }
        let segments: Vec<String> = relative
            .iter()
            .skip(1)
            .map(|s| s.to_string_lossy().into_owned())
            .collect();
        if entry.file_type().is_dir() {
            if entry.depth() > 0 {
                match CollectionId::from_segments(segments.iter().map(String::as_str)) {
                    Some(id) => {
                        if let Some((_, other)) = found.folders.get(&id) {
                            diagnostics.push(
                                Diagnostic::error(
                                    "duplicate-id",
                                    format!(
                                        "folders {} and {} would both be collection {id}",
                                        other.display(),
                                        relative.display()
                                    ),
                                )
                                .with_help("rename one of the folders"),
                            );
                            iterator.skip_current_dir();
                            continue;
                        }
                        let name = segments.last().cloned().unwrap_or_default();
                        found.folders.insert(id, (name, relative.clone()));
                    }
                    None => {
                        diagnostics.push(
                            Diagnostic::warning(
                                "skipped-file",
                                format!(
                                    "skipped folder {}: its name has no letters or digits",
                                    relative.display()
                                ),
                            )
                            .with_help("rename the folder"),
                        );
                        iterator.skip_current_dir();
                    }
                }
            }
            continue;
        }
        match entry.path().extension().and_then(|e| e.to_str()) {
            Some("md") => {}
            // Markdown that the content model's `*.md` leaves out: said, not silently lost.
            Some(other)
                if other.eq_ignore_ascii_case("md") || other.eq_ignore_ascii_case("markdown") =>
            {
                let renamed = entry.path().with_extension("md");
                diagnostics.push(
                    Diagnostic::warning(
                        "skipped-file",
                        format!(
                            "skipped {}: documents are the files ending in .md",
                            SourcePath::new(root, &relative)
                        ),
                    )
                    .with_help(format!(
                        "rename it to {}",
                        renamed.file_name().unwrap_or_default().to_string_lossy()
                    )),
                );
                continue;
            }
            _ => continue,
        }
        // A pipe or a device would block the read forever; only regular files are texts.
        if !entry.file_type().is_file() {
            diagnostics.push(
                Diagnostic::warning(
                    "skipped-file",
                    format!(
                        "skipped {}: it is not a regular file",
                        SourcePath::new(root, &relative)
                    ),
                )
                .with_help("documents are ordinary files; remove it or replace it with one"),
            );
            continue;
        }

        let folder = &segments[..segments.len() - 1];
        let collection = CollectionId::from_segments(folder.iter().map(String::as_str));
        if entry.file_name() == "_index.md" {
            found.indexes.push((relative, collection));
        } else {
            found.documents.push((relative, collection));
        }
    }
    found
}

/// Reads one document file.
fn document(
    root: &Path,
    relative: &Path,
    collection: Option<CollectionId>,
    config: &Config,
) -> io::Result<(Option<Document>, Diagnostics)> {
    let mut diagnostics = Diagnostics::new();
    let file = SourcePath::new(root, relative);
    let text = match source::read_text(file.path()) {
        Ok(text) => text,
        Err(error) => {
            diagnostics.push(diagnostics::from_read_error(error, &file)?);
            return Ok((None, diagnostics));
        }
    };
    let stem = relative
        .file_stem()
        .map(|s| s.to_string_lossy())
        .unwrap_or_default();
    let source = front_matter::FileText {
        file: &file,
        text: &text.text,
        offset: text.offset,
    };
    let parsed = front_matter::document(
        &source,
        DocId::from_text(&stem),
        collection,
        &mut diagnostics,
    );
    let Some(body_offset) = parsed.body_offset else {
        return Ok((None, diagnostics));
    };
    let scan = markdown::scan(
        &text.text[body_offset - text.offset..],
        BodyAt {
            file: &file,
            offset: body_offset,
        },
        &config.hands,
        &mut diagnostics,
    );
    let document = parsed.document.map(|document| Document {
        references: scan.references,
        paragraphs: scan.paragraphs,
        anchors: scan.anchors,
        ..document
    });
    Ok((document, diagnostics))
}

/// Reads the `_index.md` files and names every collection that holds documents.
fn indexes(
    root: &Path,
    found: &Found,
    documents: &[Document],
    hands: &[Hand],
    diagnostics: &mut Diagnostics,
) -> io::Result<(Vec<Collection>, Home)> {
    let mut home = Home::default();
    let mut described = BTreeMap::new();
    for (relative, collection) in &found.indexes {
        let file = SourcePath::new(root, relative);
        let text = match source::read_text(file.path()) {
            Ok(text) => text,
            Err(error) => {
                diagnostics.push(diagnostics::from_read_error(error, &file)?);
                continue;
            }
        };
        let source = front_matter::FileText {
            file: &file,
            text: &text.text,
            offset: text.offset,
        };
        // Links in an introduction are checked and resolved as a document's are.
        let scan = |introduction: &Option<String>, offset, diagnostics: &mut Diagnostics| {
            let Some(text) = introduction else {
                return Vec::new();
            };
            let at = BodyAt {
                file: &file,
                offset,
            };
            markdown::scan_links(text, at, hands, diagnostics)
        };
        match collection {
            None => {
                let (introduced, offset) = front_matter::home(&source, diagnostics);
                let references = scan(&introduced.introduction, offset, diagnostics);
                home = Home {
                    references,
                    ..introduced
                };
            }
            Some(id) => {
                let name = found
                    .folders
                    .get(id)
                    .map(|(name, _)| name.as_str())
                    .unwrap_or_default();
                let (introduced, offset) =
                    front_matter::collection(&source, id.clone(), name, diagnostics);
                let references = scan(&introduced.introduction, offset, diagnostics);
                described.insert(
                    id.clone(),
                    Collection {
                        references,
                        ..introduced
                    },
                );
            }
        }
    }
    // A folder is a collection when it, or a folder inside it, holds a document.
    let mut used: BTreeSet<CollectionId> = BTreeSet::new();
    for id in documents.iter().filter_map(|d| d.collection.as_ref()) {
        let mut next = Some(id.clone());
        // A folder already counted has had its parents counted too.
        while let Some(id) = next.filter(|id| !used.contains(id)) {
            next = id.parent();
            used.insert(id);
        }
    }
    let collections = used
        .into_iter()
        .map(|id| {
            described.remove(&id).unwrap_or_else(|| {
                let name = found
                    .folders
                    .get(&id)
                    .map(|(name, _)| name.clone())
                    .unwrap_or_else(|| id.to_string());
                Collection {
                    id,
                    title: name,
                    description: None,
                    order: None,
                    introduction: None,
                    references: Vec::new(),
                }
            })
        })
        .collect();
    for (id, _) in described {
        let path = found
            .folders
            .get(&id)
            .map(|(_, path)| path.join("_index.md"))
            .unwrap_or_default();
        diagnostics.push(
            Diagnostic::warning(
                "empty-collection",
                format!("collection {id} holds no documents"),
            )
            .at(Span::file_start(&SourcePath::new(root, &path)))
            .with_help("add documents to the folder, or remove its _index.md"),
        );
    }
    Ok((collections, home))
}
