//! `EditionTest`: an edition in a temporary folder, the real `annals` binary run on it, and
//! helpers to read what it wrote.
//!
//! Every test gets its own temporary folder laid out as
//!
//! ```text
//! TMP/edition/   the edition (a copy of a fixture, or files written by the test)
//! TMP/           free for other things, e.g. `--out ../out`
//! ```
//!
//! so tests run in parallel without sharing anything. Assertions read files the way a reader
//! would: a page exists, its links lead to files that exist, its ids are unique.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::io::Read;
use std::path::{Component, Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::thread;
use std::time::{Duration, Instant};

/// The smallest book.toml: a title.
pub(crate) const BOOK: &str = "[edition]\ntitle = \"Test edition\"\n";

/// A document file: front matter lines (without the fences), then the body.
pub(crate) fn doc(front_matter: &str, body: &str) -> String {
    format!("---\n{front_matter}\n---\n{body}")
}

/// The fixtures' folder: `tests/testsuite/`.
fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/testsuite")
}

/// The sample edition at the repository root.
pub(crate) fn sample_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A throwaway edition and the runs of `annals` on it.
pub(crate) struct EditionTest {
    dir: Arc<tempfile::TempDir>,
    root: PathBuf,
}

impl EditionTest {
    /// An empty edition folder.
    pub(crate) fn empty() -> EditionTest {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let root = dir.path().join("edition");
        fs::create_dir(&root).expect("the edition folder");
        EditionTest {
            dir: Arc::new(dir),
            root,
        }
    }

    /// A copy of the fixture edition at `tests/testsuite/NAME/`.
    pub(crate) fn fixture(name: &str) -> EditionTest {
        let test = EditionTest::empty();
        let from = fixtures().join(name);
        assert!(from.is_dir(), "no fixture {}", from.display());
        copy_tree(&from, &test.root);
        test
    }

    /// An edition made of the given files (path inside the edition, contents).
    pub(crate) fn inline(files: &[(&str, &str)]) -> EditionTest {
        let test = EditionTest::empty();
        for (path, contents) in files {
            test.write(path, contents);
        }
        test
    }

    /// Writes (or replaces) a file of the edition.
    pub(crate) fn write(&self, path: &str, contents: impl AsRef<[u8]>) -> &EditionTest {
        let target = self.root.join(path);
        if let Some(parent) = target.parent() {
            fs::create_dir_all(parent).expect("the file's folder");
        }
        fs::write(&target, contents).expect("the file is written");
        self
    }

    /// The edition's folder.
    pub(crate) fn root(&self) -> &Path {
        &self.root
    }

    /// The temporary folder that holds the edition (for outputs beside it).
    pub(crate) fn dir(&self) -> &Path {
        self.dir.path()
    }

    /// Builds the sample edition at the repository root (read in place) into `NAME` in the
    /// test's folder.
    pub(crate) fn build_sample(&self, name: &str) -> (Run, Site) {
        let out = self.dir().join(name);
        let root = sample_root();
        let run = run_annals(
            self.dir(),
            &[
                "build",
                root.to_str().expect("a UTF-8 path"),
                "--out",
                out.to_str().expect("a UTF-8 path"),
            ],
        );
        (run, self.site_at(out))
    }

    /// Runs `annals ARGS` in the edition's folder.
    pub(crate) fn annals(&self, args: &[&str]) -> Run {
        run_annals(&self.root, args)
    }

    /// Runs `annals build` in the edition's folder (output: its `site/`).
    pub(crate) fn build(&self) -> Run {
        self.annals(&["build"])
    }

    /// Builds into the default `site/`, which must succeed, and returns the site.
    pub(crate) fn build_ok(&self) -> Site {
        self.build().assert_success();
        self.site()
    }

    /// The edition's default output, `site/`.
    pub(crate) fn site(&self) -> Site {
        self.site_at(self.root.join("site"))
    }

    /// The site at `path`, which keeps the temporary folder alive as long as it is used.
    pub(crate) fn site_at(&self, path: PathBuf) -> Site {
        Site {
            root: path,
            _keep: Arc::clone(&self.dir),
        }
    }

    /// Every file under the edition's folder with its bytes, to show that nothing changed.
    pub(crate) fn snapshot(&self) -> BTreeMap<String, Vec<u8>> {
        snapshot(&self.root)
    }
}

/// Runs the real binary with `args` in `cwd`, failing the test if it hangs.
pub(crate) fn run_annals(cwd: &Path, args: &[&str]) -> Run {
    spawn(cwd, args).wait(HANG)
}

/// How long any one run may take before it counts as a hang.
pub(crate) const HANG: Duration = Duration::from_secs(60);

/// `annals` started with `args` in `cwd`, its output collected on threads so that a full pipe
/// never blocks it.
pub(crate) struct Running {
    pub(crate) child: Child,
    args: String,
    pub(crate) started: Instant,
    stdout: thread::JoinHandle<Vec<u8>>,
    stderr: thread::JoinHandle<Vec<u8>>,
}

pub(crate) fn spawn(cwd: &Path, args: &[&str]) -> Running {
    let mut child = Command::new(env!("CARGO_BIN_EXE_annals"))
        .args(args)
        .current_dir(cwd)
        .env_remove("RUST_BACKTRACE")
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("annals starts");
    let mut out = child.stdout.take().expect("a piped stdout");
    let mut err = child.stderr.take().expect("a piped stderr");
    Running {
        child,
        args: args.join(" "),
        started: Instant::now(),
        stdout: thread::spawn(move || {
            let mut bytes = Vec::new();
            let _ = out.read_to_end(&mut bytes);
            bytes
        }),
        stderr: thread::spawn(move || {
            let mut bytes = Vec::new();
            let _ = err.read_to_end(&mut bytes);
            bytes
        }),
    }
}

impl Running {
    /// Waits for the end, killing the process and failing the test after `limit`.
    pub(crate) fn wait(self, limit: Duration) -> Run {
        let args = self.args.clone();
        self.wait_at_most(limit).unwrap_or_else(|| {
            panic!("`annals {args}` still ran after {limit:?}: it hangs on this input")
        })
    }

    /// Waits for the end; after `limit`, kills the process and gives `None`.
    pub(crate) fn wait_at_most(mut self, limit: Duration) -> Option<Run> {
        let status = loop {
            if let Some(status) = self.child.try_wait().expect("the child can be waited for") {
                break status;
            }
            if self.started.elapsed() > limit {
                self.kill();
                return None;
            }
            thread::sleep(Duration::from_millis(5));
        };
        let elapsed = self.started.elapsed();
        Some(Run {
            args: self.args,
            code: status.code(),
            stdout: String::from_utf8_lossy(&self.stdout.join().expect("stdout is read"))
                .into_owned(),
            stderr: String::from_utf8_lossy(&self.stderr.join().expect("stderr is read"))
                .into_owned(),
            elapsed,
        })
    }

    /// Kills the process at once (SIGKILL on Unix) and reaps it.
    pub(crate) fn kill(mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = self.stdout.join();
        let _ = self.stderr.join();
    }
}

/// Runs `annals ARGS` in `cwd`, failing the test if it takes longer than `limit`.
pub(crate) fn annals_within(cwd: &Path, args: &[&str], limit: Duration) -> Run {
    spawn(cwd, args).wait(limit)
}

/// What one run of `annals` did.
pub(crate) struct Run {
    args: String,
    /// The exit code (`None`: killed by a signal).
    pub(crate) code: Option<i32>,
    /// Standard output.
    pub(crate) stdout: String,
    /// Standard error: diagnostics and the summary.
    pub(crate) stderr: String,
    /// How long it took.
    pub(crate) elapsed: Duration,
}

impl Run {
    pub(crate) fn show(&self) -> String {
        let cut = |text: &str| -> String {
            if text.len() > 4000 {
                let end = (0..=4000)
                    .rev()
                    .find(|&i| text.is_char_boundary(i))
                    .unwrap_or(0);
                format!("{}\n[... {} more bytes]", &text[..end], text.len() - end)
            } else {
                text.to_owned()
            }
        };
        format!(
            "`annals {}` exited with {:?} after {:?}\n--- stdout\n{}\n--- stderr\n{}",
            self.args,
            self.code,
            self.elapsed,
            cut(&self.stdout),
            cut(&self.stderr)
        )
    }

    /// Asserts exit 0 or 1 and no panic.
    pub(crate) fn assert_clean_exit(&self) -> &Run {
        assert!(
            !self.stderr.contains("panicked"),
            "annals panicked:\n{}",
            self.show()
        );
        assert!(
            matches!(self.code, Some(0 | 1)),
            "expected exit 0 or 1 (101 is a panic, None a signal):\n{}",
            self.show()
        );
        self
    }

    /// Asserts exit 0 without a panic.
    pub(crate) fn assert_success(&self) -> &Run {
        self.assert_clean_exit();
        assert_eq!(self.code, Some(0), "expected success:\n{}", self.show());
        self
    }

    /// Asserts exit 1 (the edition has errors) without a panic.
    pub(crate) fn assert_failure(&self) -> &Run {
        self.assert_clean_exit();
        assert_eq!(self.code, Some(1), "expected exit code 1:\n{}", self.show());
        self
    }

    /// Asserts that standard error contains every one of `parts`.
    pub(crate) fn assert_stderr_has(&self, parts: &[&str]) -> &Run {
        for part in parts {
            assert!(
                self.stderr.contains(part),
                "stderr lacks {part:?}:\n{}",
                self.show()
            );
        }
        self
    }

    /// Asserts that standard error does not contain `part`.
    pub(crate) fn assert_stderr_lacks(&self, part: &str) -> &Run {
        assert!(
            !self.stderr.contains(part),
            "stderr has {part:?}:\n{}",
            self.show()
        );
        self
    }

    /// Asserts that some diagnostic points at a line and column of `file` (`┌─ FILE:L:C`).
    pub(crate) fn assert_located_in(&self, file: &str) -> &Run {
        let prefix = format!("┌─ {file}:");
        let located = self.stderr.lines().any(|line| {
            line.trim_start()
                .strip_prefix(&prefix)
                .and_then(|rest| rest.split_once(':'))
                .is_some_and(|(line, column)| {
                    line.parse::<usize>().is_ok() && column.trim().parse::<usize>().is_ok()
                })
        });
        assert!(
            located,
            "no diagnostic at a line of {file}:\n{}",
            self.show()
        );
        self
    }

    /// Asserts that a diagnostic with `code` points at `place` (`documents/a.md:4:1`): the
    /// place is shown under the headline that names the code.
    pub(crate) fn assert_diagnostic(&self, code: &str, place: &str) -> &Run {
        let headline = format!("[{code}]");
        let found = self
            .stderr
            .split("\n\n")
            .any(|block| block.contains(&headline) && block.contains(&format!("┌─ {place}\n")));
        assert!(
            found,
            "no diagnostic {headline} at {place}:\n{}",
            self.show()
        );
        self
    }
}

/// A built site on disk.
pub(crate) struct Site {
    root: PathBuf,
    /// The temporary folder the site is in, kept until the site is dropped.
    _keep: Arc<tempfile::TempDir>,
}

impl Site {
    /// The site's folder.
    pub(crate) fn root(&self) -> &Path {
        &self.root
    }

    /// Whether the site has the file at `path` (relative, `/`-separated).
    pub(crate) fn has(&self, path: &str) -> bool {
        self.root.join(path).is_file()
    }

    /// Every file of the site, relative and `/`-separated.
    pub(crate) fn files(&self) -> BTreeSet<String> {
        walkdir::WalkDir::new(&self.root)
            .into_iter()
            .map(|entry| entry.expect("the site can be walked"))
            .filter(|entry| entry.file_type().is_file())
            .map(|entry| relative(&self.root, &entry))
            .collect()
    }

    /// The page of every document (not the index of documents).
    pub(crate) fn document_pages(&self) -> Vec<String> {
        self.files()
            .into_iter()
            .filter(|f| f.starts_with("documents/") && f.ends_with("/index.html"))
            .filter(|f| f != "documents/index.html")
            .collect()
    }

    /// Every file of the site with its bytes.
    pub(crate) fn snapshot(&self) -> BTreeMap<String, Vec<u8>> {
        snapshot(&self.root)
    }

    /// The page at `path`, which must exist.
    pub(crate) fn page(&self, path: &str) -> Page {
        let file = self.root.join(path);
        let html = fs::read_to_string(&file).unwrap_or_else(|error| {
            panic!(
                "cannot read page {path} ({error}); the site has:\n{}",
                self.files().into_iter().collect::<Vec<_>>().join("\n")
            )
        });
        Page {
            path: path.to_owned(),
            html,
        }
    }

    /// Follows the relative `href` found on the page at `from` and asserts that it leads to a
    /// file that exists (and, with a `#fragment`, to an element with that id). Returns the
    /// target's path in the site.
    pub(crate) fn follow(&self, from: &str, href: &str) -> String {
        match self.resolve(from, href) {
            Ok(target) => target,
            Err(problem) => panic!("{problem}"),
        }
    }

    /// Where `href` on page `from` leads, or why it leads nowhere.
    fn resolve(&self, from: &str, href: &str) -> Result<String, String> {
        let (path, fragment) = match href.split_once('#') {
            Some((path, fragment)) => (path, Some(fragment)),
            None => (href, None),
        };
        if path.starts_with('/') {
            return Err(format!(
                "{from}: href {href:?} is not relative: it breaks under another base path and from disk"
            ));
        }
        let target = if path.is_empty() {
            from.to_owned()
        } else {
            let base = Path::new(from).parent().unwrap_or(Path::new(""));
            let mut parts: Vec<String> = Vec::new();
            for component in base.join(path).components() {
                match component {
                    Component::Normal(part) => parts.push(part.to_string_lossy().into_owned()),
                    Component::ParentDir if parts.pop().is_none() => {
                        return Err(format!("{from}: href {href:?} leaves the site"));
                    }
                    _ => {}
                }
            }
            parts.join("/")
        };
        if !self.has(&target) {
            return Err(format!(
                "{from}: href {href:?} leads to {target}, which is not a file of the site"
            ));
        }
        if let Some(fragment) = fragment.filter(|f| !f.is_empty()) {
            if !target.ends_with(".html") {
                return Err(format!("{from}: href {href:?} has a fragment but no page"));
            }
            if !self.page(&target).ids().iter().any(|id| id == fragment) {
                return Err(format!(
                    "{from}: href {href:?}: {target} has no element with id {fragment:?}"
                ));
            }
        }
        Ok(target)
    }

    /// Asserts that every internal link of every page leads somewhere ([`Site::broken_links`]).
    pub(crate) fn assert_links_resolve(&self) {
        let broken = self.broken_links();
        assert!(
            broken.is_empty(),
            "{} broken links:\n{}",
            broken.len(),
            broken.join("\n")
        );
    }

    /// Checks every `href` and `src` of every page: external ones (with a scheme) are left
    /// alone, every other one must be relative and lead to a file (and id) that exists.
    /// Returns the problems found, one line each.
    fn broken_links(&self) -> Vec<String> {
        let mut problems = Vec::new();
        for path in self.files().into_iter().filter(|p| p.ends_with(".html")) {
            let page = self.page(&path);
            for href in page
                .attribute("href")
                .into_iter()
                .chain(page.attribute("src"))
            {
                if has_scheme(&href) {
                    continue;
                }
                if let Err(problem) = self.resolve(&path, &href) {
                    problems.push(problem);
                }
            }
        }
        problems
    }
}

/// Whether `href` starts with a URL scheme (`https:`, `mailto:`).
fn has_scheme(href: &str) -> bool {
    match href.split_once(':') {
        Some((scheme, _)) => {
            !scheme.is_empty()
                && scheme
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
                && !scheme.contains('/')
        }
        None => false,
    }
}

/// One HTML page of a site.
pub(crate) struct Page {
    /// Its path in the site.
    pub(crate) path: String,
    /// Its text.
    pub(crate) html: String,
}

impl Page {
    /// Only the `<main>` element: the part of a page that is about its subject.
    pub(crate) fn main(&self) -> &str {
        let start = self
            .html
            .find("<main")
            .unwrap_or_else(|| panic!("{} has no <main>", self.path));
        let end = self.html[start..]
            .find("</main>")
            .map(|i| start + i + "</main>".len())
            .unwrap_or_else(|| panic!("{} never closes <main>", self.path));
        &self.html[start..end]
    }

    /// Every value of the attribute `name` (`id`, `href`), in order.
    pub(crate) fn attribute(&self, name: &str) -> Vec<String> {
        attribute_values(&self.html, name)
    }

    /// Every `id` on the page, in order.
    pub(crate) fn ids(&self) -> Vec<String> {
        self.attribute("id")
    }

    /// Every `href` on the page, in order.
    pub(crate) fn hrefs(&self) -> Vec<String> {
        self.attribute("href")
    }

    /// The text from the first `start` to the next `end` after it (both excluded).
    pub(crate) fn between(&self, start: &str, end: &str) -> &str {
        between(&self.html, start, end).unwrap_or_else(|| {
            panic!(
                "{} has nothing between {start:?} and {end:?}:\n{}",
                self.path, self.html
            )
        })
    }

    /// Asserts that the page contains `part`.
    pub(crate) fn assert_has(&self, part: &str) -> &Page {
        assert!(
            self.html.contains(part),
            "{} lacks {part:?}:\n{}",
            self.path,
            self.main_or_all()
        );
        self
    }

    /// Asserts that the page does not contain `part`.
    pub(crate) fn assert_lacks(&self, part: &str) -> &Page {
        assert!(
            !self.html.contains(part),
            "{} has {part:?}:\n{}",
            self.path,
            self.main_or_all()
        );
        self
    }

    /// Asserts that no id appears twice on the page.
    pub(crate) fn assert_unique_ids(&self) -> &Page {
        let mut seen = BTreeSet::new();
        let repeated: Vec<String> = self
            .ids()
            .into_iter()
            .filter(|id| !seen.insert(id.clone()))
            .collect();
        assert!(
            repeated.is_empty(),
            "{} repeats ids {repeated:?}",
            self.path
        );
        self
    }

    fn main_or_all(&self) -> &str {
        if self.html.contains("<main") && self.html.contains("</main>") {
            self.main()
        } else {
            &self.html
        }
    }
}

/// The text after each occurrence of `prefix` up to the next `"`: `values_after(html,
/// "<a class=\"doc-title\" href=\"")` lists the documents of a list, in order.
pub(crate) fn values_after(html: &str, prefix: &str) -> Vec<String> {
    let mut values = Vec::new();
    let mut rest = html;
    while let Some(at) = rest.find(prefix) {
        rest = &rest[at + prefix.len()..];
        let end = rest.find('"').unwrap_or(rest.len());
        values.push(rest[..end].to_owned());
        rest = &rest[end..];
    }
    values
}

/// Every value of the attribute `name` in `html`: `name="..."` preceded by whitespace, so
/// `id` does not match `data-id` or `aria-labelledby`.
pub(crate) fn attribute_values(html: &str, name: &str) -> Vec<String> {
    let needle = format!("{name}=\"");
    let mut values = Vec::new();
    let mut from = 0;
    while let Some(found) = html[from..].find(&needle) {
        let at = from + found;
        let start = at + needle.len();
        let end = html[start..].find('"').map_or(html.len(), |i| start + i);
        let preceded_by_space = html[..at]
            .chars()
            .next_back()
            .is_some_and(char::is_whitespace);
        if preceded_by_space {
            values.push(unescape(&html[start..end]));
        }
        from = end;
    }
    values
}

/// Undoes the escaping of the few entities an attribute value may hold.
fn unescape(value: &str) -> String {
    value
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&#x27;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// The text between the first `start` and the next `end` after it.
pub(crate) fn between<'a>(text: &'a str, start: &str, end: &str) -> Option<&'a str> {
    let from = text.find(start)? + start.len();
    let to = text[from..].find(end)? + from;
    Some(&text[from..to])
}

/// How many times `part` occurs in `text`.
pub(crate) fn count(text: &str, part: &str) -> usize {
    text.matches(part).count()
}

/// Every file under `root` with its bytes, by relative `/`-separated path.
pub(crate) fn snapshot(root: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut files = BTreeMap::new();
    if !root.exists() {
        return files;
    }
    for entry in walkdir::WalkDir::new(root) {
        let entry = entry.expect("the folder can be walked");
        if entry.file_type().is_file() {
            let bytes = fs::read(entry.path()).expect("a readable file");
            files.insert(relative(root, &entry), bytes);
        }
    }
    files
}

/// Every file and folder under `root` (folders as `name/`, with no bytes), to show that a
/// run created nothing, not even an empty folder.
pub(crate) fn tree(root: &Path) -> BTreeMap<String, Option<Vec<u8>>> {
    let mut entries = BTreeMap::new();
    for entry in walkdir::WalkDir::new(root).min_depth(1) {
        let entry = entry.expect("the folder can be walked");
        if entry.file_type().is_dir() {
            entries.insert(format!("{}/", relative(root, &entry)), None);
        } else {
            let bytes = fs::read(entry.path()).unwrap_or_default();
            entries.insert(relative(root, &entry), Some(bytes));
        }
    }
    entries
}

/// The entry's path under `root`, `/`-separated.
fn relative(root: &Path, entry: &walkdir::DirEntry) -> String {
    entry
        .path()
        .strip_prefix(root)
        .expect("under the root")
        .to_string_lossy()
        .replace('\\', "/")
}

/// Copies the folder `from` into `to`.
fn copy_tree(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.expect("the fixture can be walked");
        let relative = entry.path().strip_prefix(from).expect("under the fixture");
        let target = to.join(relative);
        if entry.file_type().is_dir() {
            fs::create_dir_all(&target).expect("a folder of the copy");
        } else {
            fs::copy(entry.path(), &target).expect("a file of the copy");
        }
    }
}

/// Asserts that two snapshots hold the same files with the same bytes, naming the first
/// difference.
pub(crate) fn assert_same_files(
    left: &BTreeMap<String, Vec<u8>>,
    right: &BTreeMap<String, Vec<u8>>,
    what: &str,
) {
    let left_names: BTreeSet<&String> = left.keys().collect();
    let right_names: BTreeSet<&String> = right.keys().collect();
    assert_eq!(left_names, right_names, "{what}: the files differ");
    for (name, bytes) in left {
        assert!(
            right[name] == *bytes,
            "{what}: {name} differs:\n--- first\n{}\n--- second\n{}",
            String::from_utf8_lossy(bytes),
            String::from_utf8_lossy(&right[name])
        );
    }
}
