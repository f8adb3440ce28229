//! `person:`, `place:` and `doc:` links in bodies become relative links to pages that exist;
//! names and variants resolve to registry ids; bad targets are reported at the link.

use crate::harness::{BOOK, EditionTest, Site, doc, values_after};

const LETTER: &str = "documents/letter/index.html";

fn registry() -> (EditionTest, Site) {
    let test = EditionTest::fixture("links/registry");
    let run = test.build();
    run.assert_success().assert_stderr_lacks("warning");
    let site = test.site();
    (test, site)
}

/// The href of the link whose text is `text` in the page's body.
fn href_of(site: &Site, page: &str, text: &str) -> String {
    let page = site.page(page);
    let body = page.between("class=\"document-text\"", "</section>");
    let end = body
        .find(&format!("\">{text}</a>"))
        .unwrap_or_else(|| panic!("no link {text:?} in {body}"));
    let start = body[..end].rfind("href=\"").expect("the link has an href") + "href=\"".len();
    body[start..end].to_owned()
}

/// `[x](person:ID)` links to the person's page, relatively.
#[test]
fn person_link_leads_to_the_persons_page() {
    let (_test, site) = registry();
    let href = href_of(&site, LETTER, "Cde. Beriya");
    assert_eq!(href, "../../people/beria/index.html");
    assert_eq!(site.follow(LETTER, &href), "people/beria/index.html");
    site.page("people/beria/index.html")
        .assert_has("<h1>Lavrentiy Beria</h1>");
}

/// `[x](place:ID)` links to the place's page.
#[test]
fn place_link_leads_to_the_places_page() {
    let (_test, site) = registry();
    let href = href_of(&site, LETTER, "Tabriz");
    assert_eq!(site.follow(LETTER, &href), "places/tabriz/index.html");
}

/// `[x](doc:ID)` links to the document's page.
#[test]
fn doc_link_leads_to_the_document() {
    let (_test, site) = registry();
    let href = href_of(&site, LETTER, "the report");
    assert_eq!(site.follow(LETTER, &href), "documents/report/index.html");
}

/// `[x](doc:ID#p2)` links to the second paragraph of the document.
#[test]
fn doc_link_with_paragraph_leads_to_that_paragraph() {
    let (_test, site) = registry();
    let href = href_of(&site, LETTER, "its second paragraph");
    assert!(href.ends_with("documents/report/index.html#p2"), "{href}");
    // follow() also checks that the target page has id="p2".
    assert_eq!(site.follow(LETTER, &href), "documents/report/index.html");
    site.page("documents/report/index.html")
        .assert_has("<p id=\"p2\">");
}

/// `[x](doc:OLD-ID)` with an alias leads to the document's current page.
#[test]
fn doc_link_to_an_alias_leads_to_the_document() {
    let (_test, site) = registry();
    let href = href_of(&site, LETTER, "the old link");
    assert_eq!(site.follow(LETTER, &href), "documents/report/index.html");
}

/// A person or place named by name or variant is the registry entry: no warning, no new page.
#[test]
fn name_or_variant_resolves_to_the_registry_id() {
    let (_test, site) = registry();
    let page = site.page(LETTER);
    let from = page.between("<dt>From</dt><dd>", "</dd>");
    assert_eq!(
        site.follow(LETTER, &values_after(from, "href=\"")[0]),
        "people/kirov/index.html",
        "authors: [Sergei Kirov] is kirov"
    );
    let to = page.between("<dt>To</dt><dd>", "</dd>");
    assert_eq!(
        site.follow(LETTER, &values_after(to, "href=\"")[0]),
        "people/beria/index.html",
        "recipients: [Beriya] is beria"
    );
    assert_eq!(
        site.follow(LETTER, &href_of(&site, LETTER, "L. B.")),
        "people/beria/index.html",
        "person:Beriya is beria"
    );
    assert_eq!(
        site.follow(LETTER, &href_of(&site, LETTER, "the city")),
        "places/tabriz/index.html",
        "place:Tebriz is tabriz"
    );
    let people: Vec<String> = site
        .files()
        .into_iter()
        .filter(|f| f.starts_with("people/") && f != "people/index.html")
        .collect();
    assert_eq!(
        people,
        ["people/beria/index.html", "people/kirov/index.html"],
        "no entries made from names"
    );
}

/// A person's page lists the documents that name them, linking to the paragraph.
#[test]
fn person_page_links_to_the_paragraph_naming_them() {
    let (_test, site) = registry();
    let path = "people/beria/index.html";
    let page = site.page(path);
    let named = page.between("class=\"doc-anchors\"", "</span>");
    let targets: Vec<String> = values_after(named, "href=\"");
    assert!(
        targets
            .iter()
            .any(|href| href.ends_with("documents/letter/index.html#p1")),
        "{named}"
    );
    for href in targets {
        site.follow(path, &href);
    }
}

/// A `doc:` link to an id that no document has is an error at the link.
#[test]
fn rejects_doc_link_to_unknown_document() {
    let test = EditionTest::inline(&[
        ("book.toml", BOOK),
        (
            "documents/a.md",
            &doc(
                "title: A\ndate: 1920",
                "First.\n\nSee [the lost one](doc:nowhere).\n",
            ),
        ),
    ]);
    test.build()
        .assert_failure()
        .assert_stderr_has(&["nowhere"])
        .assert_diagnostic("unknown-document", "documents/a.md:7:5");
}

/// A person named in a heading is listed with a link to that heading, on their page and in
/// `data/documents.json`.
#[test]
fn person_named_in_a_heading_is_found_at_the_heading() {
    let test = EditionTest::inline(&[
        ("book.toml", BOOK),
        ("documents/people.yaml", "beria:\n  name: Lavrentiy Beria\n"),
        (
            "documents/a.md",
            &doc(
                "title: A\ndate: 1920",
                "Text.\n\n## Letter from [Beria](person:beria)\n\nMore text.\n",
            ),
        ),
    ]);
    test.build().assert_success();
    let site = test.site();
    let path = "people/beria/index.html";
    let page = site.page(path);
    let named = page.between("class=\"doc-anchors\"", "</span>");
    let targets = values_after(named, "href=\"");
    assert_eq!(targets.len(), 1, "{named}");
    assert!(
        targets[0].ends_with("documents/a/index.html#letter-from-beria"),
        "{named}"
    );
    site.follow(path, &targets[0]);
    assert!(named.contains(">heading</a>"), "{named}");
    let data: serde_json::Value =
        serde_json::from_str(&site.page("data/documents.json").html).expect("JSON");
    assert_eq!(
        data["documents"][0]["mentions"][0]["anchor"],
        "letter-from-beria"
    );
}

/// A `doc:ID#pN` link to a paragraph the document does not have is an error at the link.
#[test]
fn rejects_doc_link_to_missing_paragraph() {
    let test = EditionTest::inline(&[
        ("book.toml", BOOK),
        (
            "documents/a.md",
            &doc("title: A\ndate: 1920", "See [b](doc:b#p9).\n"),
        ),
        (
            "documents/b.md",
            &doc("title: B\ndate: 1920", "One.\n\nTwo.\n"),
        ),
    ]);
    test.build()
        .assert_failure()
        .assert_stderr_has(&["p9"])
        .assert_diagnostic("unknown-paragraph", "documents/a.md:5:5");
}

/// A `doc:ID#fragment` link may name a heading, a note or a note's mark of the document, or an
/// id the theme gives the page (its title), and leads there; a
/// fragment the page does not have (a misspelt heading, `p01` for `p1`) is an error at the
/// link that says what was meant.
#[test]
fn doc_link_fragments_name_headings_and_notes_of_the_document() {
    let target = doc(
        "title: B\ndate: 1920",
        "One.[^1]\n\n## Enclosure\n\nTwo.\n\n[^1]: A note.\n",
    );
    let test = EditionTest::inline(&[
        ("book.toml", BOOK),
        (
            "documents/a.md",
            &doc(
                "title: A\ndate: 1920",
                "See [the enclosure](doc:b#enclosure), [its note](doc:b#note-ed-1), [its mark](doc:b#ref-ed-1)\n\
                 and [its title](doc:b#document-title).\n",
            ),
        ),
        ("documents/b.md", &target),
    ]);
    test.build().assert_success();
    let site = test.site();
    for text in ["the enclosure", "its note", "its mark", "its title"] {
        let href = href_of(&site, "documents/a/index.html", text);
        assert_eq!(
            site.follow("documents/a/index.html", &href),
            "documents/b/index.html"
        );
    }
    test.write(
        "documents/a.md",
        doc(
            "title: A\ndate: 1920",
            "See [the enclosure](doc:b#enclosre) and [one](doc:b#p01).\n",
        ),
    );
    test.build()
        .assert_failure()
        .assert_stderr_has(&["did you mean #enclosure?", "write #p1"])
        .assert_diagnostic("unknown-anchor", "documents/a.md:5:5")
        .assert_diagnostic("unknown-paragraph", "documents/a.md:5:41");
}

/// A person missing from people.yaml is a warning with "did you mean"; the build succeeds.
#[test]
fn unknown_person_is_a_warning_suggesting_the_close_id() {
    let test = EditionTest::inline(&[
        ("book.toml", BOOK),
        ("documents/people.yaml", "beria:\n  name: Lavrentiy Beria\n"),
        (
            "documents/a.md",
            &doc("title: A\ndate: 1920", "To [Cde. Berria](person:berria).\n"),
        ),
    ]);
    let run = test.build();
    run.assert_success()
        .assert_stderr_has(&["warning", "berria", "people.yaml", "did you mean \"beria\""])
        .assert_diagnostic("unknown-person", "documents/a.md:5:4");
    let site = test.site();
    let path = "documents/a/index.html";
    let page = site.page(path);
    let body = page.between("class=\"document-text\"", "</section>");
    let hrefs = values_after(body, "<a href=\"");
    assert_eq!(hrefs.len(), 1, "{body}");
    site.follow(path, &hrefs[0]);
}

/// An unknown name whose slug is the id of a listed person under another name ("O Brien" and
/// `o-brien`, Patrick O'Brien) is not given to that person: it gets an entry of its own, in
/// the front matter and in the text alike, and the warning names the listed id.
#[test]
fn unknown_name_is_not_given_to_the_listed_person_with_its_slug() {
    let test = EditionTest::inline(&[
        ("book.toml", BOOK),
        (
            "documents/people.yaml",
            "o-brien:\n  name: Patrick O'Brien\n",
        ),
        (
            "documents/a.md",
            &doc(
                "title: A\ndate: 1920\nauthors: [\"O Brien\"]",
                "Signed [O Brien](<person:O Brien>) and [P. O'Brien](person:o-brien).\n",
            ),
        ),
    ]);
    test.build().assert_success().assert_stderr_has(&[
        "\"O Brien\" is not in people.yaml",
        "did you mean \"o-brien\"",
    ]);
    let site = test.site();
    let page = site.page("documents/a/index.html");
    let from = page.between("<dt>From</dt>", "</dd>");
    assert!(
        from.contains("people/o-brien-2/index.html\">O Brien</a>"),
        "{from}"
    );
    assert_eq!(
        href_of(&site, "documents/a/index.html", "O Brien"),
        "../../people/o-brien-2/index.html"
    );
    assert_eq!(
        href_of(&site, "documents/a/index.html", "P. O'Brien"),
        "../../people/o-brien/index.html"
    );
    site.page("people/o-brien/index.html")
        .assert_has("Patrick O&#39;Brien")
        .assert_lacks("O Brien</a>");
}

/// An id written with capitals (`Stalin`, `Tiflis`) is that id, with no warning; a place of
/// writing whose slug is a listed place's id under another name is said, like a link.
#[test]
fn ids_are_read_in_any_case_and_a_place_of_writing_is_not_taken_on_a_guess() {
    let test = EditionTest::inline(&[
        ("book.toml", BOOK),
        ("documents/people.yaml", "stalin:\n  name: Joseph Stalin\n"),
        (
            "documents/places.yaml",
            "tiflis:\n  name: Tbilisi\nnew-york:\n  name: New York City\n",
        ),
        (
            "documents/a.md",
            &doc(
                "title: A\ndate: 1920\nplace: Tiflis\nauthors: [Stalin]",
                "Text.\n",
            ),
        ),
        (
            "documents/b.md",
            &doc("title: B\ndate: 1920\nplace: New York", "Text.\n"),
        ),
    ]);
    let run = test.build();
    run.assert_success()
        .assert_stderr_has(&[
            "place \"New York\" is not in places.yaml",
            "did you mean \"new-york\"?",
        ])
        .assert_stderr_lacks("Stalin");
    let site = test.site();
    site.page("documents/a/index.html")
        .assert_has("<a href=\"../../places/tiflis/index.html\">Tbilisi</a>")
        .assert_has("<a href=\"../../people/stalin/index.html\">Joseph Stalin</a>");
    site.page("documents/b/index.html")
        .assert_has("<a href=\"../../places/new-york-2/index.html\">New York</a>");
}

/// With `strict = true` the same warning is an error.
#[test]
fn unknown_person_is_an_error_when_strict() {
    let test = EditionTest::inline(&[
        (
            "book.toml",
            "[edition]\ntitle = \"X\"\n\n[build]\nstrict = true\n",
        ),
        ("documents/people.yaml", "beria:\n  name: Lavrentiy Beria\n"),
        (
            "documents/a.md",
            &doc("title: A\ndate: 1920", "To [Cde. Berria](person:berria).\n"),
        ),
    ]);
    test.build().assert_failure().assert_stderr_has(&["berria"]);
    assert!(!test.root().join("site").exists());
}
