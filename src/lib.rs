//! annals: a static generator for scholarly editions of historical documents.
//!
//! An edition (book.toml, documents/ of Markdown with YAML front matter, optional registries)
//! flows one way through typed values:
//!
//! ```text
//! book.toml  ─ config::load ──▶ Config
//! documents/ ─ load::edition ─▶ Edition          per file, in parallel: front matter → Document;
//!                                                  body scanned for references and notes, dropped
//! Edition    ─ resolve::edition ▶ ResolvedEdition  unique ids, references bound, relations both ways
//! Resolved   ─ index::build ──▶ Indexes          people, places, subjects, timeline; linear
//! Resolved   ─ SearchIndex::build ▶ SearchIndex  every body read again, its words kept
//! + Indexes  ─ render::plan ──▶ Vec<Page>        every output file
//! Page ─ render::page ─▶ bytes ─ write::Sink ─▶ site/   in parallel: body read, rendered, written, dropped
//! ```
//!
//! Every stage also returns [`Diagnostics`]. Architecture invariants:
//! - **Stages return new values**; no stage changes an earlier one.
//! - **[`model::Edition`] holds metadata and byte offsets, never bodies or HTML**, so memory does
//!   not grow with the texts.
//! - **Nothing is written unless the whole build succeeded**: pages go to a staging folder
//!   that replaces the output only at the end ([`write::Staging`]).
//! - **Input never panics the build**: editors' mistakes are diagnostics with file, line and
//!   column; only I/O failures are `io::Error`.

pub mod cite;
pub mod cli;
pub mod config;
pub mod diagnostics;
pub mod index;
pub mod load;
pub mod markdown;
pub mod model;
pub mod new;
pub mod progress;
pub mod render;
pub mod resolve;
pub mod search;
pub mod source;
pub mod urls;
pub mod write;

use std::io;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::Instant;

use rayon::prelude::*;

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::progress::Progress;
use crate::write::Sink;

/// What to build.
pub struct BuildOptions {
    /// The edition's folder.
    pub root: PathBuf,
    /// Where to write; default: the edition's `[build] output`, relative to its folder.
    pub output: Option<PathBuf>,
    /// Whether drafts are published.
    pub drafts: bool,
}

/// What a successful build or check did.
#[derive(Debug)]
pub struct Summary {
    /// Documents published.
    pub documents: usize,
    /// Files made.
    pub pages: usize,
    /// Where the site is (for a build).
    pub output: Option<PathBuf>,
    /// How long it took.
    pub seconds: f64,
}

/// Builds the edition into its output folder. Writes nothing if there is any error.
pub fn build(
    options: &BuildOptions,
    progress: &dyn Progress,
) -> io::Result<(Option<Summary>, Diagnostics)> {
    run(options, true, progress)
}

/// Checks the edition: every stage runs and every page is rendered, nothing is written.
pub fn check(
    options: &BuildOptions,
    progress: &dyn Progress,
) -> io::Result<(Option<Summary>, Diagnostics)> {
    run(options, false, progress)
}

fn run(
    options: &BuildOptions,
    write: bool,
    progress: &dyn Progress,
) -> io::Result<(Option<Summary>, Diagnostics)> {
    let started = Instant::now();
    let root = options.root.as_path();
    let (config, mut diagnostics) = config::load(root)?;
    let Some(config) = config else {
        return Ok((None, diagnostics));
    };
    let (edition, found) = load::edition(root, &config, progress)?;
    diagnostics.extend(found);
    let (resolved, found) = resolve::edition(edition, options.drafts);
    diagnostics.extend(found);
    if config.build.strict {
        diagnostics.escalate_warnings();
    }
    let indexes = index::build(&resolved);
    let search = config.build.search.then(|| {
        let (search, found) = search::SearchIndex::build(&resolved, progress);
        diagnostics.extend(found);
        search
    });
    let theme = match render::Theme::load(
        root,
        &config.build.theme,
        &render::globals(&config, &resolved),
    ) {
        Ok(theme) => theme,
        Err(diagnostic) => {
            diagnostics.push(diagnostic);
            return Ok((None, diagnostics));
        }
    };
    let site = render::Site::new(&config, &resolved, &indexes, search.as_ref(), &theme);

    let pages = render::plan(&config, &resolved, &indexes, search.as_ref(), &theme);
    let summary = |output| Summary {
        documents: resolved.documents.len(),
        pages: pages.len(),
        output,
        seconds: started.elapsed().as_secs_f64(),
    };
    let output = options
        .output
        .clone()
        .unwrap_or_else(|| root.join(&config.build.output));
    if !write {
        if let Err(refused) = write::guard(root, &output) {
            diagnostics.push(unsafe_output(&output, refused)?);
        }
        diagnostics.extend(render_all(&site, &pages, &write::Discard, progress)?);
        return Ok((Some(summary(None)), diagnostics));
    }
    if diagnostics.has_errors() {
        return Ok((None, diagnostics));
    }
    let staging = match write::Staging::begin(root, &output) {
        Ok(staging) => staging,
        Err(refused) => {
            diagnostics.push(unsafe_output(&output, refused)?);
            return Ok((None, diagnostics));
        }
    };
    diagnostics.extend(render_all(&site, &pages, &staging, progress)?);
    if diagnostics.has_errors() {
        return Ok((None, diagnostics));
    }
    staging.commit()?;
    Ok((Some(summary(Some(output))), diagnostics))
}

/// Renders and writes every page in parallel. Template problems are diagnostics; the first
/// I/O failure stops the build.
fn render_all(
    site: &render::Site<'_>,
    pages: &[render::Page],
    sink: &dyn Sink,
    progress: &dyn Progress,
) -> io::Result<Diagnostics> {
    let problems = Mutex::new(Diagnostics::new());
    progress.start("Rendering", pages.len());
    let rendered = pages.par_iter().try_for_each(|page| -> io::Result<()> {
        progress.step();
        let mut out = sink.create(&page.path)?;
        match render::page(site, page, &mut out) {
            Ok(()) => out.flush(),
            Err(render::PageError::Io(error)) => Err(error),
            Err(render::PageError::Theme(diagnostic)) => {
                problems
                    .lock()
                    .expect("no thread panics while holding it")
                    .push(diagnostic);
                Ok(())
            }
        }
    });
    progress.finish();
    rendered?;
    Ok(problems
        .into_inner()
        .expect("no thread panics while holding it"))
}

/// The error for an output folder annals must not replace; I/O failures pass through.
fn unsafe_output(output: &Path, refused: write::StagingError) -> io::Result<Diagnostic> {
    match refused {
        write::StagingError::Io(error) => Err(error),
        write::StagingError::Unsafe(refused) => Ok(Diagnostic::error(
            "unsafe-output",
            format!(
                "refusing to build into {}: {}",
                shown(output),
                refused.reason
            ),
        )
        .with_help("choose another folder with --out, or [build] output in book.toml")),
    }
}

/// A path as the user would type it: without a leading `./`.
pub fn shown(path: &Path) -> String {
    let text = path.to_string_lossy().replace('\\', "/");
    text.strip_prefix("./").map(str::to_owned).unwrap_or(text)
}
