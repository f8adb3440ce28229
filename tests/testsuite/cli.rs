//! The command line: help, version, where a build reads and writes, the summary line.

use crate::harness::{BOOK, EditionTest, doc, run_annals};

fn two_documents() -> EditionTest {
    EditionTest::inline(&[
        ("book.toml", BOOK),
        (
            "documents/a.md",
            &doc("title: A\ndate: 1920-07-12", "Text.\n"),
        ),
        (
            "documents/b.md",
            &doc("title: B\ndate: 1920-07-13", "Text.\n"),
        ),
    ])
}

/// `annals --help` lists the three commands and shows examples.
#[test]
fn help_lists_commands_and_examples() {
    let test = EditionTest::empty();
    let run = test.annals(&["--help"]);
    run.assert_success();
    let commands = crate::harness::between(&run.stdout, "Commands:", "Options:")
        .unwrap_or_else(|| panic!("no Commands section:\n{}", run.stdout));
    for command in ["build", "check", "new"] {
        assert!(
            commands
                .lines()
                .any(|line| line.trim_start().starts_with(&format!("{command} "))),
            "--help does not list {command}:\n{}",
            run.stdout
        );
    }
    assert!(run.stdout.contains("Examples:"), "{}", run.stdout);
    assert!(run.stdout.contains("annals new "), "{}", run.stdout);
    assert!(run.stdout.contains("annals build"), "{}", run.stdout);
}

/// `annals build --help` shows examples of building.
#[test]
fn build_help_has_examples() {
    let run = EditionTest::empty().annals(&["build", "--help"]);
    run.assert_success();
    let examples = run
        .stdout
        .split_once("Examples:")
        .map(|(_, rest)| rest)
        .unwrap_or_else(|| panic!("no examples:\n{}", run.stdout));
    assert!(examples.contains("annals build"), "{}", run.stdout);
    assert!(run.stdout.contains("--out"), "{}", run.stdout);
}

/// `annals --version` prints the package's version.
#[test]
fn version_prints_the_version() {
    let run = EditionTest::empty().annals(&["--version"]);
    run.assert_success();
    assert_eq!(
        run.stdout.trim(),
        format!("annals {}", env!("CARGO_PKG_VERSION"))
    );
}

/// `annals build PATH --out DIR` reads PATH and writes DIR, both relative to where it runs.
#[test]
fn build_writes_to_the_folder_given_with_out() {
    let test = two_documents();
    let run = run_annals(test.dir(), &["build", "edition", "--out", "preview"]);
    run.assert_success();
    let site = test.site_at(test.dir().join("preview"));
    assert!(site.has("index.html"), "{:?}", site.files());
    assert!(site.has("documents/a/index.html"), "{:?}", site.files());
    assert!(
        !test.root().join("site").exists(),
        "nothing is written to the default output when --out is given"
    );
}

/// Without PATH, `annals build` builds the edition in the current folder into its site/.
#[test]
fn path_defaults_to_the_current_folder() {
    let test = two_documents();
    let site = test.build_ok();
    assert!(site.has("index.html"));
    assert!(site.has("documents/b/index.html"));
}

/// `annals build PATH` without --out writes PATH's own site/ folder.
#[test]
fn build_of_another_folder_writes_its_site() {
    let test = two_documents();
    run_annals(test.dir(), &["build", "edition"]).assert_success();
    assert!(test.site().has("index.html"));
    assert!(
        !test.dir().join("site").exists(),
        "not the current folder's"
    );
}

/// The last line names documents, pages (as many as files made), seconds and the index.html.
#[test]
fn summary_names_documents_pages_seconds_and_index() {
    let test = two_documents();
    let run = test.build();
    run.assert_success();
    let last = run.stderr.trim_end().lines().last().unwrap_or_default();
    let words: Vec<&str> = last.split_whitespace().collect();
    // Built 2 documents into N pages in S s: open site/index.html
    assert_eq!(words.first(), Some(&"Built"), "{last}");
    assert_eq!(words.get(1), Some(&"2"), "{last}");
    assert_eq!(words.get(2), Some(&"documents"), "{last}");
    let pages: usize = words
        .get(4)
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("no page count in {last:?}"));
    assert_eq!(words.get(5), Some(&"pages"), "{last}");
    let seconds: f64 = words
        .get(7)
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("no seconds in {last:?}"));
    assert!((0.0..60.0).contains(&seconds), "{last}");
    assert!(last.contains(" s"), "{last}");
    let opened = last
        .rsplit_once("open ")
        .map(|(_, path)| path.trim())
        .unwrap_or_else(|| panic!("says nowhere to open: {last:?}"));
    assert!(opened.ends_with("index.html"), "{last}");
    assert!(
        test.root().join(opened).is_file(),
        "the summary names {opened}, which does not exist"
    );
    let written = test
        .site()
        .files()
        .into_iter()
        .filter(|f| !f.starts_with('.'))
        .count();
    assert_eq!(pages, written, "the page count is the number of files made");
}

/// One document is "1 document", not "1 documents".
#[test]
fn summary_uses_the_singular_for_one_document() {
    let test = EditionTest::inline(&[
        ("book.toml", BOOK),
        ("documents/a.md", &doc("title: A\ndate: 1920", "Text.\n")),
    ]);
    let run = test.build();
    run.assert_success();
    run.assert_stderr_has(&["Built 1 document into"]);
}

/// `annals check` reports errors with exit 1 and writes nothing.
#[test]
fn check_reports_errors_and_writes_nothing() {
    let test = EditionTest::inline(&[
        ("book.toml", BOOK),
        (
            "documents/a.md",
            &doc("title: A\ndate: 1920-13-45", "Text.\n"),
        ),
    ]);
    let before = test.snapshot();
    test.annals(&["check"])
        .assert_failure()
        .assert_diagnostic("invalid-date", "documents/a.md:3:7");
    assert_eq!(
        before,
        test.snapshot(),
        "check changed the edition's folder"
    );
}
