//! Folders are collections: a page each, with title, introduction and documents in order;
//! nested folders nest; documents link back to their collections.

use crate::harness::{EditionTest, Site, values_after};

const VOL_B: &str = "collections/vol-b/index.html";

fn volumes() -> Site {
    EditionTest::fixture("collections/volumes").build_ok()
}

/// The titles of the links in a `<ul class="collection-list">` or breadcrumb list, in order.
fn link_titles(html: &str) -> Vec<String> {
    values_after(html, "/index.html\">")
        .iter()
        .map(|rest| rest.split('<').next().unwrap_or_default().to_owned())
        .collect()
}

/// A folder gets `collections/PATH/index.html` with its `_index.md` title and introduction.
#[test]
fn folder_is_a_collection_page_with_its_title_and_introduction() {
    let site = volumes();
    let page = site.page(VOL_B);
    page.assert_has("<h1>Volume B, placed first</h1>")
        .assert_has("Letters of July 1920.")
        .assert_has("This volume <em>introduces</em> the letters.");
    assert!(site.has("collections/vol-a/index.html"));
}

/// A collection lists its own documents in edition order (by date), not by file name.
#[test]
fn collection_lists_its_documents_in_order() {
    let site = volumes();
    let page = site.page(VOL_B);
    let documents = page.between("id=\"documents-heading\"", "</section>");
    let hrefs = values_after(documents, "<a class=\"doc-title\" href=\"");
    let targets: Vec<String> = hrefs.iter().map(|h| site.follow(VOL_B, h)).collect();
    assert_eq!(
        targets,
        [
            "documents/z-first/index.html",
            "documents/a-second/index.html"
        ]
    );
}

/// A collection counts the documents of its sub-collections too.
#[test]
fn collection_counts_the_documents_of_its_parts() {
    let page = volumes().page(VOL_B);
    page.assert_has("<p>5 documents.</p>");
}

/// Folders inside a collection are its parts, each with its own page, linked from it.
#[test]
fn nested_folders_make_nested_collections() {
    let site = volumes();
    for path in [
        "collections/vol-b/part-x/index.html",
        "collections/vol-b/part-y/index.html",
        "collections/vol-b/part-y/deeper/index.html",
    ] {
        assert!(site.has(path), "no {path}: {:?}", site.files());
    }
    let page = site.page(VOL_B);
    let parts = page.between("id=\"parts-heading\"", "</section>");
    let targets: Vec<String> = values_after(parts, "href=\"")
        .iter()
        .map(|href| site.follow(VOL_B, href))
        .collect();
    assert_eq!(targets.len(), 2, "{parts}");
    assert!(targets.contains(&"collections/vol-b/part-x/index.html".to_owned()));
    let part = site.page("collections/vol-b/part-y/index.html");
    let crumbs = part.between("class=\"breadcrumbs\"", "</nav>");
    let back: Vec<String> = values_after(crumbs, "href=\"")
        .iter()
        .map(|href| site.follow(&part.path, href))
        .collect();
    assert_eq!(back, [VOL_B], "a part links back to its collection");
}

/// Parts are listed in the `order` of their `_index.md`.
#[test]
fn parts_follow_their_order() {
    let page = volumes().page(VOL_B);
    let parts = page.between("id=\"parts-heading\"", "</section>");
    assert_eq!(
        link_titles(parts),
        ["Part Y, placed first", "Part X, placed second"]
    );
}

/// Top-level collections follow their `_index.md` `order` on the home and collections pages.
#[test]
fn top_level_collections_follow_their_order() {
    let site = volumes();
    let home = site.page("index.html");
    let listed = home.between("<ul class=\"collection-list\">", "</ul>");
    assert_eq!(
        link_titles(listed),
        ["Volume B, placed first", "Volume A, placed second"],
        "home page"
    );
    let index = site.page("collections/index.html");
    let titles: Vec<String> = link_titles(index.main())
        .into_iter()
        .filter(|t| t.starts_with("Volume"))
        .collect();
    assert_eq!(
        titles,
        ["Volume B, placed first", "Volume A, placed second"],
        "collections page"
    );
}

/// A folder without `_index.md` is still a collection, named after the folder.
#[test]
fn folder_without_index_is_named_after_itself() {
    let page = volumes().page("collections/vol-b/part-y/deeper/index.html");
    page.assert_has("<h1>deeper</h1>");
}

/// A document's breadcrumbs link to its collection and the ones around it, outermost first.
#[test]
fn document_links_back_to_its_collections() {
    let site = volumes();
    let path = "documents/x1/index.html";
    let page = site.page(path);
    let crumbs = page.between("class=\"breadcrumbs\"", "</nav>");
    let targets: Vec<String> = values_after(crumbs, "href=\"")
        .iter()
        .map(|href| site.follow(path, href))
        .collect();
    assert_eq!(
        targets,
        [VOL_B, "collections/vol-b/part-x/index.html"],
        "{crumbs}"
    );
    assert_eq!(
        link_titles(crumbs),
        ["Volume B, placed first", "Part X, placed second"]
    );
}

/// A document at the top of documents/ belongs to no collection and shows no breadcrumbs.
#[test]
fn top_level_document_has_no_breadcrumbs() {
    let test = EditionTest::inline(&[
        ("book.toml", crate::harness::BOOK),
        (
            "documents/loose.md",
            &crate::harness::doc("title: Loose\ndate: 1920", "Text.\n"),
        ),
    ]);
    let site = test.build_ok();
    site.page("documents/loose/index.html")
        .assert_lacks("breadcrumbs");
    assert!(
        !site.files().iter().any(|f| f.starts_with("collections/")),
        "no collections: {:?}",
        site.files()
    );
}
