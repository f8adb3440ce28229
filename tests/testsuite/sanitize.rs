//! Raw HTML in Markdown: scripts, event handlers and `javascript:` URLs are removed, harmless
//! markup such as `<span lang>` stays; `[build] unsafe_html = true` keeps everything.

use crate::harness::{BOOK, EditionTest, Page, doc};

const RAW: &str = "\
Text <span lang=\"ru\">да</span> and <b onclick=\"steal()\">bold</b> and \
<a href=\"javascript:alert(2)\">a raw link</a>.[^1]

<script>alert(\"boom\")</script>

<div onmouseover=\"track()\">A division.</div>

[^1]: A note with <i onclick=\"steal()\">markup</i>.
";

fn page_of(book: &str, front_matter: &str, body: &str) -> Page {
    EditionTest::inline(&[
        ("book.toml", book),
        ("documents/a.md", &doc(front_matter, body)),
    ])
    .build_ok()
    .page("documents/a/index.html")
}

/// The part of the page made from the document: text and notes.
fn from_document(page: &Page) -> &str {
    page.between("class=\"document-text\"", "class=\"document-details\"")
}

/// `<script>` written in a document does not reach the page.
#[test]
fn removes_scripts() {
    let page = page_of(BOOK, "title: A\ndate: 1920", RAW);
    let html = from_document(&page);
    assert!(!html.contains("<script"), "{html}");
    assert!(!html.contains("boom"), "{html}");
}

/// Event-handler attributes are removed, in the text and in notes; the elements stay.
#[test]
fn removes_event_handlers() {
    let page = page_of(BOOK, "title: A\ndate: 1920", RAW);
    let html = from_document(&page);
    for handler in ["onclick", "onmouseover", "steal()", "track()"] {
        assert!(!html.contains(handler), "{handler} survived: {html}");
    }
    assert!(html.contains("<b>bold</b>"), "{html}");
    assert!(html.contains("A division."), "{html}");
    assert!(html.contains("<i>markup</i>"), "the note's markup: {html}");
}

/// `javascript:` URLs in raw HTML links are removed.
#[test]
fn removes_javascript_urls_from_raw_html() {
    let page = page_of(BOOK, "title: A\ndate: 1920", RAW);
    let html = from_document(&page);
    assert!(!html.contains("javascript:"), "{html}");
    assert!(html.contains("a raw link"), "the link text stays: {html}");
}

/// `javascript:` URLs of Markdown links are removed too, also in a body without raw HTML.
#[test]
fn removes_javascript_urls_from_markdown_links() {
    let page = page_of(
        BOOK,
        "title: A\ndate: 1920\nsummary: \"A [summary link](javascript:alert(3)).\"",
        "Plain [click](javascript:alert(1)) and ![image](javascript:alert(2)).[^1]\n\n\
         [^1]: A [note link](javascript:alert(4)).\n",
    );
    let main = page.main();
    assert!(!main.contains("javascript:"), "{main}");
    assert!(main.contains("click"), "the link text stays: {main}");
}

/// `<span lang="ru">` is kept: editors mark the language of a passage with it.
#[test]
fn keeps_language_spans() {
    let page = page_of(BOOK, "title: A\ndate: 1920", RAW);
    assert!(from_document(&page).contains("<span lang=\"ru\">да</span>"));
}

/// With `[build] unsafe_html = true`, raw HTML is kept as written.
#[test]
fn unsafe_html_keeps_raw_html() {
    let page = page_of(
        "[edition]\ntitle = \"X\"\n\n[build]\nunsafe_html = true\n",
        "title: A\ndate: 1920",
        RAW,
    );
    let html = from_document(&page);
    assert!(html.contains("<script>alert(\"boom\")</script>"), "{html}");
    assert!(html.contains("<b onclick=\"steal()\">bold</b>"), "{html}");
    assert!(html.contains("href=\"javascript:alert(2)\""), "{html}");
}
