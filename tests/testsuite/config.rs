//! book.toml: a title is all an edition needs; typos and omissions are errors with a place.

use crate::harness::{EditionTest, doc};

fn with_book(book: &str) -> EditionTest {
    EditionTest::inline(&[
        ("book.toml", book),
        (
            "documents/a.md",
            &doc("title: A\ndate: 1920-07-12", "Text.\n"),
        ),
    ])
}

/// A one-line `[edition] title` and one document make a site, without warnings.
#[test]
fn title_and_one_document_are_enough() {
    let test = with_book("[edition]\ntitle = \"X\"\n");
    let run = test.build();
    run.assert_success().assert_stderr_lacks("warning");
    let site = test.site();
    assert!(site.has("index.html"));
    site.page("documents/a/index.html")
        .assert_has("<h1 id=\"document-title\" dir=\"auto\">A</h1>");
    site.page("index.html").assert_has("<title>X</title>");
}

/// A misspelt key in book.toml is an error naming the key and its line and column.
#[test]
fn rejects_unknown_key_in_book_toml() {
    let test = with_book("[edition]\ntitle = \"X\"\ntitel = \"Y\"\n");
    let before = test.snapshot();
    test.build()
        .assert_failure()
        .assert_stderr_has(&["titel"])
        .assert_diagnostic("unknown-key", "book.toml:3:1");
    assert_eq!(before, test.snapshot(), "a failed build wrote something");
}

/// A misspelt key in `[build]` is an error too, not a silently ignored setting.
#[test]
fn rejects_unknown_key_in_build_table() {
    let test = with_book("[edition]\ntitle = \"X\"\n\n[build]\nouptut = \"public\"\n");
    test.build()
        .assert_failure()
        .assert_stderr_has(&["ouptut"])
        .assert_diagnostic("unknown-key", "book.toml:5:1");
    assert!(!test.root().join("public").exists());
}

/// An edition without a title is refused.
#[test]
fn rejects_missing_title() {
    let test = with_book("[edition]\nsubtitle = \"No title here\"\n");
    test.build()
        .assert_failure()
        .assert_stderr_has(&["title", "book.toml"]);
    assert!(!test.root().join("site").exists());
}

/// A folder without book.toml is not an edition.
#[test]
fn rejects_a_folder_without_book_toml() {
    let test = EditionTest::inline(&[(
        "documents/a.md",
        &doc("title: A\ndate: 1920-07-12", "Text.\n"),
    )]);
    test.build()
        .assert_failure()
        .assert_stderr_has(&["book.toml"]);
    assert!(!test.root().join("site").exists());
}
