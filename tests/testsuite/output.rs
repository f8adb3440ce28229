//! The output folder: where pages go, redirects for old ids, links that all lead somewhere,
//! the same bytes every time, and a previous site that survives a failed or refused build.

use std::fs;

use crate::harness::{BOOK, EditionTest, Site, assert_same_files, between, doc, snapshot};

/// The sample edition built into `name`, which must succeed.
fn sample_site(test: &EditionTest, name: &str) -> Site {
    let (run, site) = test.build_sample(name);
    run.assert_success();
    site
}

fn small() -> EditionTest {
    EditionTest::fixture("output/small")
}

/// Names in the edition's folder and beside the output that a build left behind.
fn leftovers(test: &EditionTest) -> Vec<String> {
    let mut names = Vec::new();
    for folder in [test.root(), test.dir()] {
        for entry in fs::read_dir(folder).expect("a readable folder") {
            let name = entry
                .expect("an entry")
                .file_name()
                .to_string_lossy()
                .into_owned();
            if name.contains("annals-staging") {
                names.push(name);
            }
        }
    }
    names
}

/// The output has the home page, a page per document, per collection, and the indexes.
#[test]
fn site_has_home_documents_and_collections() {
    let site = small().build_ok();
    for path in [
        "index.html",
        "documents/index.html",
        "documents/a/index.html",
        "documents/b/index.html",
        "collections/vol/index.html",
        "people/index.html",
        "places/index.html",
        "timeline/index.html",
    ] {
        assert!(site.has(path), "no {path}: {:?}", site.files());
    }
}

/// Each old id in `aliases` gets a page redirecting to the document, with a canonical link.
#[test]
fn aliases_get_redirect_pages() {
    let site = small().build_ok();
    for alias in ["old-a", "older-a"] {
        let path = format!("documents/{alias}/index.html");
        let page = site.page(&path);
        let refresh = page.between("<meta http-equiv=\"refresh\" content=\"", "\"");
        let url = refresh
            .strip_prefix("0; url=")
            .unwrap_or_else(|| panic!("not an immediate refresh: {refresh}"));
        assert_eq!(site.follow(&path, url), "documents/a/index.html");
        page.assert_has("<link rel=\"canonical\" href=\"https://example.org/ed/documents/a/\">");
        // Every link of the page leads to the new page (the icon is inline data, no link).
        for href in page
            .hrefs()
            .iter()
            .filter(|h| !h.starts_with("https:") && !h.starts_with("data:"))
        {
            assert_eq!(site.follow(&path, href), "documents/a/index.html");
        }
    }
}

/// Every internal link of every page of the sample edition leads to a file and id that exist.
#[test]
fn every_internal_link_resolves() {
    let test = EditionTest::empty();
    let site = sample_site(&test, "out");
    let pages = site
        .files()
        .into_iter()
        .filter(|f| f.ends_with(".html"))
        .count();
    assert!(pages > 50, "the sample makes many pages: {pages}");
    site.assert_links_resolve();
}

/// Every internal link of a small edition (no types, subjects or registries) leads somewhere.
#[test]
fn every_internal_link_resolves_in_a_small_edition() {
    let site = small().build_ok();
    site.assert_links_resolve();
}

/// Without `base_url` no link is root-absolute, so the site works from disk and any base path.
#[test]
fn links_are_relative_without_base_url() {
    let test = small();
    test.write("book.toml", BOOK);
    let site = test.build_ok();
    let mut absolute = Vec::new();
    for path in site.files().into_iter().filter(|f| f.ends_with(".html")) {
        let page = site.page(&path);
        for href in page.hrefs().into_iter().chain(page.attribute("src")) {
            if href.starts_with('/') {
                absolute.push(format!("{path}: {href}"));
            }
        }
    }
    assert!(
        absolute.is_empty(),
        "root-absolute links:\n{}",
        absolute.join("\n")
    );
}

/// Two builds of the same edition are byte for byte the same, file for file.
#[test]
fn building_twice_gives_identical_output() {
    let test = EditionTest::empty();
    let first = sample_site(&test, "first");
    let second = sample_site(&test, "second");
    assert_same_files(&first.snapshot(), &second.snapshot(), "two builds");
}

/// Building again replaces the previous site: changes show, removed documents are gone.
#[test]
fn rebuild_replaces_the_previous_site() {
    let test = small();
    test.build_ok();
    test.write(
        "documents/vol/a.md",
        doc(
            "title: Document A, revised\ndate: 1920-07-12",
            "New text.\n",
        ),
    );
    fs::remove_file(test.root().join("documents/b.md")).expect("b.md is removed");
    test.build().assert_success();
    let site = test.site();
    site.page("documents/a/index.html")
        .assert_has("Document A, revised");
    assert!(!site.has("documents/b/index.html"), "{:?}", site.files());
    assert!(leftovers(&test).is_empty(), "{:?}", leftovers(&test));
}

/// A build with an error leaves the previous site exactly as it was.
#[test]
fn failed_build_leaves_the_previous_site_untouched() {
    let test = small();
    let site = test.build_ok();
    let before = site.snapshot();
    assert!(!before.is_empty());
    test.write(
        "documents/b.md",
        doc("title: Document B\ndate: 1920-13-13", "Text of B.\n"),
    );
    test.build()
        .assert_failure()
        .assert_diagnostic("invalid-date", "documents/b.md:3:7")
        .assert_stderr_has(&["nothing was written"]);
    assert_same_files(&before, &site.snapshot(), "the site after a failed build");
    assert!(leftovers(&test).is_empty(), "{:?}", leftovers(&test));
}

/// The edition's own folder is refused as output, and nothing in it is deleted.
#[test]
fn refuses_the_edition_root_as_output() {
    let test = small();
    let before = test.snapshot();
    test.annals(&["build", "--out", "."])
        .assert_failure()
        .assert_stderr_has(&["refusing"]);
    assert_eq!(before, test.snapshot(), "the edition changed");
    assert!(leftovers(&test).is_empty(), "{:?}", leftovers(&test));
}

/// A folder holding documents/ (an edition's sources) is refused as output, and kept intact.
#[test]
fn refuses_an_output_holding_documents() {
    let test = small();
    let other = test.dir().join("other");
    fs::create_dir_all(other.join("documents")).expect("the other folder");
    fs::write(other.join("documents/precious.md"), "An editor's work.").expect("a file");
    let before = snapshot(&other);
    test.annals(&["build", "--out", "../other"])
        .assert_failure()
        .assert_stderr_has(&["refusing", "documents"]);
    assert_eq!(before, snapshot(&other), "the other folder changed");
}

/// A folder that annals did not make and that is not empty is refused as output.
#[test]
fn refuses_a_foreign_folder_as_output() {
    let test = small();
    let other = test.dir().join("mine");
    fs::create_dir_all(&other).expect("the folder");
    fs::write(other.join("notes.txt"), "Mine.").expect("a file");
    let before = snapshot(&other);
    test.annals(&["build", "--out", "../mine"])
        .assert_failure()
        .assert_stderr_has(&["refusing"]);
    assert_eq!(before, snapshot(&other));
}

/// A successful build leaves no staging folder beside the output.
#[test]
fn no_staging_leftovers_after_a_build() {
    let test = small();
    test.build_ok();
    test.annals(&["build", "--out", "../out"]).assert_success();
    assert!(leftovers(&test).is_empty(), "{:?}", leftovers(&test));
    let names: Vec<String> = fs::read_dir(test.root())
        .expect("the edition")
        .map(|e| {
            e.expect("an entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    let mut names = names;
    names.sort();
    assert_eq!(names, ["book.toml", "documents", "site"]);
}

/// `[build] output` in book.toml chooses the output folder.
#[test]
fn output_setting_in_book_toml_is_used() {
    let test = EditionTest::inline(&[
        (
            "book.toml",
            "[edition]\ntitle = \"X\"\n\n[build]\noutput = \"public\"\n",
        ),
        ("documents/a.md", &doc("title: A\ndate: 1920", "Text.\n")),
    ]);
    let run = test.build();
    run.assert_success();
    let site = test.site_at(test.root().join("public"));
    assert!(site.has("documents/a/index.html"), "{:?}", site.files());
    assert!(!test.root().join("site").exists());
    let summary = between(&run.stderr, "open ", "\n").unwrap_or_default();
    assert!(
        summary.contains("public"),
        "the summary names public/: {}",
        run.stderr
    );
}

/// A text in a right-to-left language (Arabic, Hebrew) is laid out right to left, whether the
/// language is the edition's or the document's own; the theme's English words around it, and a
/// text in a left-to-right language, are not. Titles and notes take the direction of their
/// first letters.
#[test]
fn right_to_left_texts_set_their_direction() {
    let test = EditionTest::inline(&[
        (
            "book.toml",
            "[edition]\ntitle = \"Wathaiq\"\nlanguage = \"ar\"\n",
        ),
        (
            "documents/a.md",
            &doc("title: A\ndate: 1920", "Nass.[^1]\n\n[^1]: Note.\n"),
        ),
        (
            "documents/b.md",
            &doc("title: B\ndate: 1920\nlanguage: en", "Text.\n"),
        ),
    ]);
    test.build().assert_success();
    let site = test.site();
    let text = |page: &crate::harness::Page| {
        page.between("<section class=\"document-text\"", ">")
            .to_owned()
    };
    let a = site.page("documents/a/index.html");
    a.assert_has("<html lang=\"ar\">")
        .assert_has("<h1 id=\"document-title\" dir=\"auto\">")
        .assert_has("<div class=\"note-body\" dir=\"auto\">");
    assert!(text(&a).contains("dir=\"rtl\""), "{}", text(&a));
    let b = site.page("documents/b/index.html");
    assert!(text(&b).contains("lang=\"en\""), "{}", text(&b));
    assert!(!text(&b).contains("dir="), "{}", text(&b));

    let english = EditionTest::inline(&[
        ("book.toml", BOOK),
        (
            "documents/c.md",
            &doc("title: C\ndate: 1920\nlanguage: he", "Text.\n"),
        ),
    ]);
    english.build().assert_success();
    let c = english.site().page("documents/c/index.html");
    assert!(text(&c).contains("lang=\"he\" dir=\"rtl\""), "{}", text(&c));
}
