//! Paragraph anchors: top-level blocks are `p1`, `p2`, ... each with a link a reader can
//! copy; notes do not shift them; headings carry slugs; ids are unique.

use crate::harness::{BOOK, EditionTest, Page, Site, doc, values_after};

const PAGE: &str = "documents/a/index.html";

/// Builds a one-document edition with `body` and returns the site.
fn built(body: &str) -> Site {
    EditionTest::inline(&[
        ("book.toml", BOOK),
        ("documents/a.md", &doc("title: A\ndate: 1920-07-12", body)),
    ])
    .build_ok()
}

/// The `pN` ids of the page, in order.
fn paragraph_ids(page: &Page) -> Vec<String> {
    page.ids()
        .into_iter()
        .filter(|id| id.starts_with('p') && id[1..].chars().all(|c| c.is_ascii_digit()))
        .filter(|id| id.len() > 1)
        .collect()
}

/// The number of the block that contains `text`.
fn number_of(page: &Page, text: &str) -> String {
    let body = page.between("class=\"document-text\"", "</section>");
    let at = body
        .find(text)
        .unwrap_or_else(|| panic!("{text:?} is not in {body}"));
    let start = body[..at]
        .rfind(" id=\"p")
        .expect("a numbered block before it")
        + 5;
    let end = body[start..].find('"').expect("the id ends") + start;
    body[start..end].to_owned()
}

const BLOCKS: &str = "\
# Title heading

First paragraph.

> A quoted passage,
>
> in two paragraphs.

- one
- two

## A heading

Last paragraph.
";

/// Top-level paragraphs, block quotes and lists are p1, p2, ... in order; nothing else is.
#[test]
fn top_level_blocks_are_numbered_in_order() {
    let site = built(BLOCKS);
    let page = site.page(PAGE);
    assert_eq!(paragraph_ids(&page), ["p1", "p2", "p3", "p4"]);
    page.assert_has("<p id=\"p1\">")
        .assert_has("<blockquote id=\"p2\">")
        .assert_has("<ul id=\"p3\">")
        .assert_has("<p id=\"p4\">");
    assert_eq!(number_of(&page, "First paragraph."), "p1");
    assert_eq!(number_of(&page, "in two paragraphs."), "p2");
    assert_eq!(number_of(&page, "two</li>"), "p3");
    assert_eq!(number_of(&page, "Last paragraph."), "p4");
}

/// Every numbered block shows its number as a link to itself.
#[test]
fn each_number_is_a_visible_link_to_its_block() {
    let site = built(BLOCKS);
    let page = site.page(PAGE);
    for id in paragraph_ids(&page) {
        let number = &id[1..];
        let link = format!("href=\"#{id}\" aria-label=\"Paragraph {number}\">{number}</a>");
        page.assert_has(&link);
        site.follow(PAGE, &format!("#{id}"));
    }
}

/// Footnote definitions are not numbered blocks.
#[test]
fn footnote_definitions_are_not_numbered() {
    let site = built("One.[^1]\n\n[^1]: A note.\n\n[^2]: Another.\n\nTwo.[^2]\n");
    let page = site.page(PAGE);
    assert_eq!(paragraph_ids(&page), ["p1", "p2"]);
    assert_eq!(number_of(&page, "Two."), "p2");
    let notes = page.between("class=\"notes\"", "class=\"document-details\"");
    assert!(
        !notes.contains("id=\"p"),
        "a note got a paragraph id: {notes}"
    );
}

/// Adding a note to a document leaves every paragraph number as it was.
#[test]
fn adding_a_note_keeps_paragraph_numbers() {
    let without = built("One.\n\nTwo.\n\n> Three.\n\nFour.\n");
    let with =
        built("One.\n\nTwo.[^1]\n\n[^1]: A new note,\n    in two lines.\n\n> Three.\n\nFour.\n");
    let (without, with) = (without.page(PAGE), with.page(PAGE));
    for text in ["One.", "Two.", "Three.", "Four."] {
        assert_eq!(
            number_of(&without, text),
            number_of(&with, text),
            "the number of {text:?} changed"
        );
    }
    assert_eq!(paragraph_ids(&with), ["p1", "p2", "p3", "p4"]);
}

/// Headings carry the slug of their text as id; a repeated heading gets a suffix.
#[test]
fn headings_carry_slug_ids() {
    let site = built("## The Enclosure\n\nText.\n\n## The Enclosure\n\nMore.\n");
    let page = site.page(PAGE);
    page.assert_has("<h2 id=\"the-enclosure\">The Enclosure</h2>")
        .assert_has("<h2 id=\"the-enclosure-2\">The Enclosure</h2>");
}

/// Headings, paragraphs and notes never repeat an id, even a heading that reads `P1`.
#[test]
fn ids_on_a_page_are_unique() {
    let site = built(
        "# P1\n\nOne.[^1]\n\n## Notes\n\nTwo.[^2]\n\n## Notes\n\nThree.[^1]\n\n[^1]: Note one.\n[^2]: Note two.\n",
    );
    let page = site.page(PAGE);
    page.assert_unique_ids();
    let links: Vec<String> = values_after(&page.html, "href=\"#");
    for target in links {
        site.follow(PAGE, &format!("#{target}"));
    }
}

/// A heading "Main" does not take the id `main` of the page's skip-link target.
#[test]
fn heading_ids_do_not_collide_with_the_page_template() {
    let site = built("# Main\n\nText.\n");
    site.page(PAGE).assert_unique_ids();
}
