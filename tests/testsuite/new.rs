//! `annals new`: a starter edition that builds at once, and never over someone's files.

use crate::harness::{EditionTest, run_annals, snapshot};

/// `annals new PATH` makes an edition that builds at once into a home page and one document.
#[test]
fn new_edition_builds_at_once() {
    let test = EditionTest::empty();
    run_annals(test.dir(), &["new", "letters"]).assert_success();
    let edition = test.dir().join("letters");
    assert!(edition.join("book.toml").is_file());
    let run = run_annals(&edition, &["build"]);
    run.assert_success();
    run.assert_stderr_lacks("warning");
    let site = test.site_at(edition.join("site"));
    assert!(site.has("index.html"), "{:?}", site.files());
    let documents = site.document_pages();
    assert_eq!(documents.len(), 1, "one sample document: {documents:?}");
    site.page(&documents[0])
        .assert_has("<h1 id=\"document-title\" dir=\"auto\">")
        .assert_has("id=\"p1\"");
}

/// `annals new` into a folder that is not empty fails with exit 1 and changes nothing.
#[test]
fn new_refuses_a_folder_that_is_not_empty() {
    let test = EditionTest::empty();
    test.write("notes.txt", "my own notes");
    test.write("documents/draft.md", "not an edition yet");
    let before = test.snapshot();
    let run = run_annals(test.dir(), &["new", "edition"]);
    run.assert_failure();
    run.assert_stderr_has(&["not empty"]);
    assert_eq!(
        before,
        snapshot(test.root()),
        "annals new changed the folder"
    );
}

/// `annals new` into an existing empty folder is fine.
#[test]
fn new_accepts_an_empty_folder() {
    let test = EditionTest::empty();
    test.annals(&["new", "."]).assert_success();
    test.build().assert_success();
}
