//! The sample edition at the repository root builds cleanly into the site it promises.

use crate::harness::{EditionTest, count, values_after};

const TELEGRAM: &str = "documents/1920-07-16-ordzhonikidze-to-lenin/index.html";
const COLLECTION: &str = "collections/karabakh-1920/index.html";

/// The sample builds with exit 0 and reports no problem at all.
#[test]
fn sample_builds_without_problems() {
    let test = EditionTest::empty();
    let (run, site) = test.build_sample("out");
    run.assert_success()
        .assert_stderr_lacks("warning")
        .assert_stderr_lacks("error")
        .assert_stderr_has(&["Built 13 documents"]);
    assert!(site.has("index.html"));
}

/// The sample has 13 documents: 12 in the collection karabakh-1920 and one of 1945.
#[test]
fn sample_has_thirteen_documents() {
    let test = EditionTest::empty();
    let (run, site) = test.build_sample("out");
    run.assert_success();
    assert_eq!(
        site.document_pages().len(),
        13,
        "{:?}",
        site.document_pages()
    );
    let index = site.page("documents/index.html");
    assert_eq!(count(index.main(), "<a class=\"doc-title\""), 13);
    let collection = site.page(COLLECTION);
    let listed = collection.between("id=\"documents-heading\"", "</section>");
    let hrefs = values_after(listed, "<a class=\"doc-title\" href=\"");
    assert_eq!(hrefs.len(), 12, "{listed}");
    for href in &hrefs {
        let target = site.follow(COLLECTION, href);
        assert!(target.contains("/1920-07-"), "{target}");
    }
    assert!(site.has("documents/1945-10-21-bagirov-maslennikov-to-beria/index.html"));
    site.page("index.html").assert_has("13 documents");
}

/// The telegram of 16 July 1920 has notes of three hands (ed, pc, yb), each in its group.
#[test]
fn ordzhonikidze_telegram_has_notes_of_three_hands() {
    let test = EditionTest::empty();
    let (run, site) = test.build_sample("out");
    run.assert_success();
    let page = site.page(TELEGRAM);
    let hands = values_after(&page.html, "<section class=\"note-group\" data-hand=\"");
    assert_eq!(hands, ["ed", "pc", "yb"]);
    for hand in ["ed", "pc", "yb"] {
        page.assert_has(&format!("<sup class=\"note-ref\" data-hand=\"{hand}\">"));
        page.assert_has(&format!(
            "<li id=\"note-{hand}-1\" class=\"note\" data-hand=\"{hand}\">"
        ));
    }
    page.assert_has("class=\"hand-name\">Yuri Barsegov")
        .assert_has("class=\"hand-name\">The printed collection")
        .assert_has("class=\"hand-name\">The editors")
        .assert_unique_ids();
}

/// Every person and place linked from any document page has a page of its own.
#[test]
fn every_linked_person_and_place_has_a_page() {
    let test = EditionTest::empty();
    let (run, site) = test.build_sample("out");
    run.assert_success();
    let mut people = 0;
    let mut places = 0;
    for path in site.document_pages() {
        let page = site.page(&path);
        for href in page.hrefs() {
            if href.contains("/people/") && !href.ends_with("people/index.html") {
                people += 1;
                let target = site.follow(&path, &href);
                assert!(target.starts_with("people/"), "{target}");
            } else if href.contains("/places/") && !href.ends_with("places/index.html") {
                places += 1;
                let target = site.follow(&path, &href);
                assert!(target.starts_with("places/"), "{target}");
            }
        }
    }
    assert!(
        people > 13 && places > 13,
        "{people} person and {places} place links"
    );
}
