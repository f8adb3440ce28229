//! Integration tests of annals: each module builds tiny editions with the real binary and
//! checks what a reader or an editor would notice. Issue #3, "Build an edition end to end".

mod harness;

// The command line: help, version, paths, the summary line.
mod cli;
// `annals new`: a starter edition that builds at once.
mod new;
// book.toml: the minimum that builds, unknown and missing keys.
mod config;
// Document front matter: every field shown, errors with their line, dates, order, ids, drafts.
mod front_matter;
// Folders as collections: pages, introductions, order, nesting, breadcrumbs.
mod collections;
// Footnotes by hand: attribution, grouping, links both ways, errors.
mod notes;
// person:, place: and doc: links in bodies.
mod links;
// Paragraph anchors p1..pN and heading ids.
mod anchors;
// Raw HTML: sanitised by default, kept with unsafe_html.
mod sanitize;
// Edition themes overriding the built-in templates and static files.
mod theme;
// The output folder: URLs, redirects, link integrity, determinism, safety of the swap.
mod output;
// Broken input is reported with a place, never a panic.
mod errors;
// The sample edition at the repository root.
mod sample;
// People, places, subjects and the timeline of a generated edition of thousands of documents.
mod indexes;
// Full-text search: the search page and the index it reads.
mod search;

// tests/broken/: one broken edition per error class, with its exact JSON report and exit code.
mod broken;
// Inputs that must neither crash nor hang annals: huge, deep, linked, killed, concurrent.
mod robustness;
// Property-based fuzzing of front matter, bodies and book.toml: no panic, every error placed.
mod fuzz;
