//! The floor of the benchmark (`annals-bench floor EDITION OUT`): the least work any build of an
//! edition must do, measured in the same run as annals so the two can be compared.
//!
//! 1. Walk `documents/` (walkdir, sorted, dotfiles skipped) for `*.md` other than `_index.md`.
//! 2. In parallel over every core (rayon, as annals does): read the file, split the front
//!    matter at `---`, parse it with serde-saphyr (annals' YAML crate) into a JSON value.
//! 3. Render the body with pulldown-cmark 0.13 (tables, footnotes, strikethrough: annals'
//!    dialect) and write it to `OUT/documents/ID/index.html`.
//!
//! Nothing else: no registries, no links resolved, no templates, no index pages.
//!
//! [`write_only`] is a floor of another kind: the time to write annals' own output, computed
//! by nothing.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use nix::sys::resource::{UsageWho, getrusage};
use pulldown_cmark::{Options, Parser};
use rayon::prelude::*;
use walkdir::WalkDir;

/// Renders every document of the edition in `edition` into `out`; returns how many.
pub(crate) fn run(edition: &Path, out: &Path) -> io::Result<usize> {
    let mut files: Vec<PathBuf> = Vec::new();
    let walk = WalkDir::new(edition.join("documents"))
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|entry| {
            entry.depth() == 0 || !entry.file_name().to_string_lossy().starts_with('.')
        });
    for entry in walk {
        let entry = entry.map_err(io::Error::from)?;
        let path = entry.path();
        if entry.file_type().is_file()
            && path.extension().is_some_and(|extension| extension == "md")
            && entry.file_name() != "_index.md"
        {
            files.push(path.to_owned());
        }
    }
    files.par_iter().try_for_each(|file| render(file, out))?;
    Ok(files.len())
}

/// Parses and renders one document.
fn render(file: &Path, out: &Path) -> io::Result<()> {
    let invalid = |message: String| {
        io::Error::new(
            io::ErrorKind::InvalidData,
            format!("{}: {message}", file.display()),
        )
    };
    let text = fs::read_to_string(file)?;
    let rest = text
        .strip_prefix("---\n")
        .ok_or_else(|| invalid("no front matter".to_owned()))?;
    let end = rest
        .find("\n---\n")
        .ok_or_else(|| invalid("front matter is not closed".to_owned()))?;
    let (front_matter, body) = (&rest[..end + 1], &rest[end + 5..]);
    let meta: serde_json::Value =
        serde_saphyr::from_str(front_matter).map_err(|error| invalid(error.to_string()))?;
    let stem = file
        .file_stem()
        .and_then(|stem| stem.to_str())
        .unwrap_or_default();
    let id = meta
        .get("id")
        .and_then(serde_json::Value::as_str)
        .unwrap_or(stem);

    let options =
        Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES | Options::ENABLE_STRIKETHROUGH;
    let mut html = String::with_capacity(body.len() * 3 / 2 + 100);
    html.push_str("<!DOCTYPE html>\n<meta charset=\"utf-8\">\n<title>");
    // Ids are `[a-z0-9-]+`, nothing to escape.
    html.push_str(id);
    html.push_str("</title>\n");
    pulldown_cmark::html::push_html(&mut html, Parser::new_ext(body, options));

    let dir = out.join("documents").join(id);
    fs::create_dir_all(&dir)?;
    fs::write(dir.join("index.html"), html)
}

/// A second floor, of output rather than work: every file under `site` (a build's output) is
/// read into memory, then written again under `out`, folders first, then files, in parallel on
/// every core. Only the writing is timed: it is the least time any build that writes this
/// output could take, whatever it computes. Returns that wall time and the processor time of
/// this process meanwhile.
pub(crate) fn write_only(site: &Path, out: &Path) -> io::Result<(Duration, Duration)> {
    let mut folders = Vec::new();
    let mut files = Vec::new();
    for entry in WalkDir::new(site).sort_by_file_name() {
        let entry = entry.map_err(io::Error::from)?;
        let relative = entry
            .path()
            .strip_prefix(site)
            .expect("walkdir yields paths under its root")
            .to_owned();
        if entry.file_type().is_dir() {
            folders.push(relative);
        } else {
            files.push((relative, fs::read(entry.path())?));
        }
    }
    let cpu_before = cpu_time()?;
    let start = Instant::now();
    for folder in &folders {
        fs::create_dir_all(out.join(folder))?;
    }
    files
        .par_iter()
        .try_for_each(|(relative, bytes)| fs::write(out.join(relative), bytes))?;
    Ok((start.elapsed(), cpu_time()? - cpu_before))
}

/// User and system time of this process, all threads.
fn cpu_time() -> io::Result<Duration> {
    let usage = getrusage(UsageWho::RUSAGE_SELF).map_err(io::Error::from)?;
    let duration = |time: nix::sys::time::TimeVal| {
        Duration::from_secs(time.tv_sec() as u64) + Duration::from_micros(time.tv_usec() as u64)
    };
    Ok(duration(usage.user_time()) + duration(usage.system_time()))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The copy it times is the output itself: the same files with the same bytes, empty
    /// folders included, so what is timed is writing exactly what the build wrote.
    #[test]
    fn write_only_writes_the_same_tree() {
        let site = tempfile::tempdir().expect("a temporary folder");
        let out = tempfile::tempdir().expect("a temporary folder");
        let out = out.path().join("copy");
        fs::create_dir_all(site.path().join("documents/a")).expect("folders");
        fs::create_dir_all(site.path().join("empty")).expect("folders");
        fs::write(site.path().join("index.html"), "<p>home</p>").expect("a file");
        fs::write(site.path().join("documents/a/cite.bib"), [0u8, 159, 255]).expect("a file");

        write_only(site.path(), &out).expect("the copy");

        assert_eq!(fs::read(out.join("index.html")).unwrap(), b"<p>home</p>");
        assert_eq!(
            fs::read(out.join("documents/a/cite.bib")).unwrap(),
            [0u8, 159, 255]
        );
        assert!(out.join("empty").is_dir());
        let count = WalkDir::new(&out).into_iter().count();
        assert_eq!(count, 6, "the root, three folders and two files");
    }
}
