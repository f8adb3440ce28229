//! Document front matter: every field of the content model reaches the page; mistakes are
//! errors at their line; dates in words; edition order; ids; drafts.

use crate::harness::{BOOK, EditionTest, Page, Site, doc, values_after};

const MESSAGE: &str = "documents/message/index.html";
const REPLY: &str = "documents/reply/index.html";

fn all_fields() -> Site {
    EditionTest::fixture("front_matter/all_fields").build_ok()
}

/// The text of the `<dd>` after `<dt>LABEL</dt>` on the page.
fn field<'a>(page: &'a Page, label: &str) -> &'a str {
    page.between(&format!("<dt>{label}</dt><dd"), "</dd></div>")
}

/// A one-document edition with the front matter lines given; its page, once built.
fn one_document(front_matter: &str) -> Page {
    let test = EditionTest::inline(&[
        ("book.toml", BOOK),
        ("documents/a.md", &doc(front_matter, "Text.\n")),
    ]);
    test.build_ok().page("documents/a/index.html")
}

/// The date as a one-document edition shows it, in the heading block.
fn date_shown(edtf: &str) -> String {
    let page = one_document(&format!("title: A\ndate: \"{edtf}\""));
    field(&page, "Date").to_owned()
}

/// Title, date, date note, place, type, classification, authors and recipients head the page.
#[test]
fn heading_shows_title_date_place_type_classification_and_parties() {
    let site = all_fields();
    let page = site.page(MESSAGE);
    page.assert_has(
        "<h1 id=\"document-title\" dir=\"auto\">Message on Arming the Autonomous Movement</h1>",
    );
    let date = field(&page, "Date");
    assert!(
        date.contains("<time datetime=\"1945-10-21\">21 October 1945</time>"),
        "{date}"
    );
    assert!(
        date.contains("The date is clarified by the content."),
        "date_note: {date}"
    );
    let place = field(&page, "Place");
    assert!(place.contains(">Baku</a>"), "{place}");
    let href = &values_after(place, "href=\"")[0];
    assert_eq!(site.follow(MESSAGE, href), "places/baku/index.html");
    let doc_type = field(&page, "Type");
    assert!(doc_type.contains(">memorandum</a>"), "{doc_type}");
    let href = &values_after(doc_type, "href=\"")[0];
    assert_eq!(site.follow(MESSAGE, href), "types/memorandum/index.html");
    assert!(field(&page, "Classification").contains("Top Secret"));
    let authors = field(&page, "From");
    let names: Vec<String> = values_after(authors, "/index.html\">");
    assert_eq!(
        names
            .iter()
            .map(|n| n.split('<').next().unwrap_or_default())
            .collect::<Vec<_>>(),
        ["Ivan Maslennikov", "Mir Jafar Bagirov"],
        "authors in the order written: {authors}"
    );
    for href in values_after(authors, "href=\"") {
        site.follow(MESSAGE, &href);
    }
    let recipients = field(&page, "To");
    assert!(recipients.contains(">Lavrentiy Beria</a>"), "{recipients}");
    assert_eq!(
        site.follow(MESSAGE, &values_after(recipients, "href=\"")[0]),
        "people/beria/index.html"
    );
}

/// The summary is rendered as Markdown and doubles as the meta description.
#[test]
fn summary_is_shown_as_markdown() {
    let page = all_fields().page(MESSAGE);
    page.assert_has("Two officials report the <em>selection</em> of operatives.");
    page.assert_has(
        "<meta name=\"description\" content=\"Two officials report the selection of operatives.\">",
    );
}

/// People, places and subjects the document concerns are listed with links that work.
#[test]
fn people_places_and_tags_are_listed_with_their_pages() {
    let site = all_fields();
    let page = site.page(MESSAGE);
    let people = field(&page, "People");
    assert!(people.contains(">Joseph Stalin</a>"), "{people}");
    let places = field(&page, "Places");
    assert!(
        places.contains(">Tabriz</a>") && places.contains(">Ardebil</a>"),
        "{places}"
    );
    let tags = field(&page, "Subjects");
    let targets: Vec<String> = values_after(tags, "href=\"")
        .iter()
        .map(|href| site.follow(MESSAGE, href))
        .collect();
    assert_eq!(
        targets,
        [
            "tags/iranian-azerbaijan/index.html",
            "tags/security-services/index.html"
        ]
    );
    for href in values_after(people, "href=\"")
        .into_iter()
        .chain(values_after(places, "href=\""))
    {
        site.follow(MESSAGE, &href);
    }
}

/// Source, publication, translation, credit, rights and external links are all shown.
#[test]
fn details_show_source_publication_translation_credit_rights_links() {
    let page = all_fields().page(MESSAGE);
    let source = field(&page, "Archival source");
    for part in ["GAPPOD", "f. 1, op. 89, d. 95", "Original."] {
        assert!(source.contains(part), "source lacks {part:?}: {source}");
    }
    assert!(
        field(&page, "Published in")
            .contains("An earlier printed collection, Baku, 1995, doc. No. 7")
    );
    let translation = field(&page, "Translation");
    assert!(translation.contains("Gary Goldberg"), "{translation}");
    assert!(
        translation.contains("Russian"),
        "from: ru in words: {translation}"
    );
    assert!(field(&page, "Credit").contains("Obtained by Jamil Hasanli."));
    let rights = field(&page, "Rights");
    assert!(rights.contains("Reuse for research permitted."), "{rights}");
    assert!(
        !rights.contains("Edition-wide"),
        "the document's own rights win: {rights}"
    );
    let links = field(&page, "Links");
    assert!(
        links.contains(
            "<a href=\"https://digitalarchive.wilsoncenter.org/\">Wilson Center record</a>"
        ),
        "{links}"
    );
}

/// `source` may be a list: every source is shown, in order.
#[test]
fn a_list_of_sources_shows_each() {
    let page = all_fields().page(REPLY);
    let sources = field(&page, "Archival source");
    let first = sources.find("First Archive").expect("the first source");
    let second = sources.find("Second Archive").expect("the second source");
    assert!(first < second, "{sources}");
    assert!(sources.contains("f. 3, op. 4"), "{sources}");
}

/// A document without `rights` shows the edition's rights statement.
#[test]
fn edition_rights_apply_where_a_document_has_none() {
    let page = all_fields().page(REPLY);
    assert!(field(&page, "Rights").contains("Edition-wide rights statement."));
}

/// A place of writing that is free text is shown as written; any link it gets works.
#[test]
fn free_text_place_is_shown_as_written() {
    let site = all_fields();
    let page = site.page(REPLY);
    let place = field(&page, "Place");
    assert!(place.contains("Moscow, in the Kremlin"), "{place}");
    for href in values_after(place, "href=\"") {
        site.follow(REPLY, &href);
    }
}

/// `language` marks the text with its language.
#[test]
fn language_marks_the_text() {
    let page = all_fields().page(REPLY);
    page.assert_has("lang=\"ru\"");
}

/// `related` is shown on both documents, each linking to the other.
#[test]
fn related_is_shown_on_both_documents() {
    let site = all_fields();
    let message = site.page(MESSAGE);
    let related = field(&message, "Related");
    assert!(related.contains(">Reply from Moscow</a>"), "{related}");
    assert_eq!(
        site.follow(MESSAGE, &values_after(related, "href=\"")[0]),
        REPLY
    );
    let reply = site.page(REPLY);
    let related = field(&reply, "Related");
    assert!(
        related.contains(">Message on Arming the Autonomous Movement</a>"),
        "the other direction: {related}"
    );
    assert_eq!(
        site.follow(REPLY, &values_after(related, "href=\"")[0]),
        MESSAGE
    );
}

/// `in_reply_to` links the reply to the document, and the document lists its "Replies".
#[test]
fn in_reply_to_shows_replies_on_the_other() {
    let site = all_fields();
    let reply = site.page(REPLY);
    let to = field(&reply, "In reply to");
    assert_eq!(site.follow(REPLY, &values_after(to, "href=\"")[0]), MESSAGE);
    let message = site.page(MESSAGE);
    let replies = field(&message, "Replies");
    assert!(replies.contains(">Reply from Moscow</a>"), "{replies}");
    assert_eq!(
        site.follow(MESSAGE, &values_after(replies, "href=\"")[0]),
        REPLY
    );
}

/// A misspelt front matter key is an error naming the key, at its line and column.
#[test]
fn rejects_unknown_front_matter_key() {
    let test = EditionTest::inline(&[
        ("book.toml", BOOK),
        (
            "documents/a.md",
            &doc("title: A\ndate: 1920-07-12\nauthor: kirov", "Text.\n"),
        ),
    ]);
    test.build()
        .assert_failure()
        .assert_stderr_has(&["`author`"])
        .assert_diagnostic("unknown-key", "documents/a.md:4:1");
    assert!(!test.root().join("site").exists());
}

/// A document without a title is an error in that file.
#[test]
fn rejects_missing_title() {
    let test = EditionTest::inline(&[
        ("book.toml", BOOK),
        ("documents/a.md", &doc("date: 1920-07-12", "Text.\n")),
    ]);
    test.build()
        .assert_failure()
        .assert_stderr_has(&["title"])
        .assert_diagnostic("missing-field", "documents/a.md:1:1");
}

/// A document without a date is an error in that file.
#[test]
fn rejects_missing_date() {
    let test = EditionTest::inline(&[
        ("book.toml", BOOK),
        ("documents/a.md", &doc("title: A", "Text.\n")),
    ]);
    test.build()
        .assert_failure()
        .assert_stderr_has(&["date"])
        .assert_diagnostic("missing-field", "documents/a.md:1:1");
}

/// A date that is not EDTF is an error naming the date, at its line.
#[test]
fn rejects_invalid_date_naming_it() {
    let test = EditionTest::inline(&[
        ("book.toml", BOOK),
        (
            "documents/a.md",
            &doc("title: A\ndate: 1945-13-01", "Text.\n"),
        ),
    ]);
    test.build()
        .assert_failure()
        .assert_stderr_has(&["1945-13-01"])
        .assert_diagnostic("invalid-date", "documents/a.md:3:7");
}

/// Two documents with one id are an error at the second's `id:`.
#[test]
fn rejects_duplicate_ids() {
    let test = EditionTest::inline(&[
        ("book.toml", BOOK),
        (
            "documents/a.md",
            &doc("title: A\ndate: 1920\nid: same", "Text.\n"),
        ),
        (
            "documents/b.md",
            &doc("title: B\ndate: 1920\nid: same", "Text.\n"),
        ),
    ]);
    test.build()
        .assert_failure()
        .assert_stderr_has(&["same"])
        .assert_diagnostic("duplicate-id", "documents/b.md:4:5");
}

/// `related` and `in_reply_to` must name documents that exist.
#[test]
fn rejects_relations_to_unknown_documents() {
    let test = EditionTest::inline(&[
        ("book.toml", BOOK),
        (
            "documents/a.md",
            &doc(
                "title: A\ndate: 1920\nrelated: [nothing-here]\nin_reply_to: nowhere",
                "Text.\n",
            ),
        ),
    ]);
    test.build()
        .assert_failure()
        .assert_stderr_has(&["nothing-here", "nowhere"])
        .assert_diagnostic("unknown-document", "documents/a.md:4:11")
        .assert_diagnostic("unknown-document", "documents/a.md:5:14");
}

/// `1945-10-21` reads "21 October 1945".
#[test]
fn day_is_shown_in_words() {
    let date = date_shown("1945-10-21");
    assert!(
        date.contains("<time datetime=\"1945-10-21\">21 October 1945</time>"),
        "{date}"
    );
}

/// `1945~` reads "c. 1945".
#[test]
fn approximate_year_reads_circa() {
    let date = date_shown("1945~");
    assert!(date.contains(">c. 1945<"), "{date}");
}

/// `1920-07-12/1920-07-13` reads "12-13 July 1920".
#[test]
fn interval_within_a_month_reads_as_a_span_of_days() {
    let date = date_shown("1920-07-12/1920-07-13");
    assert!(date.contains(">12-13 July 1920<"), "{date}");
}

/// `1945-10-21?` shows the day and that it is uncertain.
#[test]
fn uncertain_day_is_marked_uncertain() {
    let date = date_shown("1945-10-21?");
    assert!(date.contains("21 October 1945"), "{date}");
    assert!(date.contains("uncertain"), "{date}");
}

/// Documents are listed by earliest possible day, then `order`, then id; never by file name.
#[test]
fn documents_sort_by_earliest_day_then_order_then_id() {
    let test = EditionTest::inline(&[
        ("book.toml", BOOK),
        // Files named so that their order is not the edition's.
        (
            "documents/1-late.md",
            &doc("title: Late\ndate: 1920-08-01", "x\n"),
        ),
        // Earliest possible day 1920-07-01: before every day in July.
        (
            "documents/2-month.md",
            &doc("title: Month\ndate: 1920-07", "x\n"),
        ),
        (
            "documents/3-span.md",
            &doc("title: Span\ndate: 1920-07-11/1920-07-20", "x\n"),
        ),
        (
            "documents/4-second.md",
            &doc("title: Second\ndate: 1920-07-12\norder: 2", "x\n"),
        ),
        (
            "documents/5-first.md",
            &doc("title: First\ndate: 1920-07-12\norder: 1", "x\n"),
        ),
        (
            "documents/6-zulu.md",
            &doc("title: Zulu\ndate: 1920-07-12\norder: 3\nid: zulu", "x\n"),
        ),
        (
            "documents/7-alpha.md",
            &doc("title: Alpha\ndate: 1920-07-12\norder: 3\nid: alpha", "x\n"),
        ),
        (
            "documents/8-early.md",
            &doc("title: Early\ndate: 1919", "x\n"),
        ),
    ]);
    let site = test.build_ok();
    let page = site.page("documents/index.html");
    let order = values_after(page.main(), "<a class=\"doc-title\" href=\"../documents/");
    assert_eq!(
        order,
        [
            "8-early/index.html",
            "2-month/index.html",
            "3-span/index.html",
            "5-first/index.html",
            "4-second/index.html",
            "alpha/index.html",
            "zulu/index.html",
            "1-late/index.html",
        ]
    );
}

/// `id:` replaces the file name in the URL.
#[test]
fn id_overrides_the_file_name() {
    let test = EditionTest::inline(&[
        ("book.toml", BOOK),
        (
            "documents/1920-07-12-some-file.md",
            &doc("title: A\ndate: 1920-07-12\nid: kirov-telegram", "Text.\n"),
        ),
    ]);
    let site = test.build_ok();
    assert!(
        site.has("documents/kirov-telegram/index.html"),
        "{:?}",
        site.files()
    );
    assert!(!site.has("documents/1920-07-12-some-file/index.html"));
}

/// A file name in another script gets a Latin slug as its id.
#[test]
fn non_ascii_file_name_gets_a_slug_id() {
    let test = EditionTest::inline(&[
        ("book.toml", BOOK),
        (
            "documents/Письмо Кирова.md",
            &doc("title: Letter\ndate: 1920-07-12", "Text.\n"),
        ),
    ]);
    let site = test.build_ok();
    let pages = site.document_pages();
    assert_eq!(pages.len(), 1, "{pages:?}");

    let id = pages[0]
        .strip_prefix("documents/")
        .and_then(|p| p.strip_suffix("/index.html"))
        .expect("documents/ID/index.html");
    assert!(
        !id.is_empty()
            && id
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
        "id {id:?} is not [a-z0-9-]+"
    );
    assert_eq!(id, "pismo-kirova");
}

/// `draft: true` leaves a document out, unless the build is run with --drafts.
#[test]
fn drafts_are_left_out_unless_asked_for() {
    let test = EditionTest::inline(&[
        ("book.toml", BOOK),
        (
            "documents/done.md",
            &doc("title: Done\ndate: 1920", "Text.\n"),
        ),
        (
            "documents/wip.md",
            &doc(
                "title: Work in progress\ndate: 1920\ndraft: true",
                "Text.\n",
            ),
        ),
    ]);
    let site = test.build_ok();
    assert!(site.has("documents/done/index.html"));
    assert!(!site.has("documents/wip/index.html"));
    site.page("documents/index.html")
        .assert_lacks("Work in progress");

    test.annals(&["build", "--drafts", "--out", "../with-drafts"])
        .assert_success();
    let with_drafts = test.site_at(test.dir().join("with-drafts"));
    assert!(with_drafts.has("documents/wip/index.html"));
    with_drafts
        .page("documents/index.html")
        .assert_has("Work in progress");
}

/// An archival source given only by its description is shown as written, with no stray
/// punctuation before it, and an empty one (`{}`) is not shown at all.
#[test]
fn a_source_with_only_a_description_is_shown_as_written() {
    let test = EditionTest::inline(&[
        ("book.toml", BOOK),
        (
            "documents/a.md",
            &doc(
                "title: A\ndate: 1920\nsource:\n  - description: \"711.90H/41: Telegram\"\n  - {}",
                "Text.\n",
            ),
        ),
    ]);
    test.build().assert_success();
    let page = test.site().page("documents/a/index.html");
    let sources = page.between("<dt>Archival source</dt>", "</dd>");
    assert_eq!(
        sources, "<dd><ul class=\"plain\"><li>711.90H/41: Telegram</li></ul>",
        "{sources}"
    );
}
