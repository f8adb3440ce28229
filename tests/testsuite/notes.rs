//! Footnotes by hand: each note belongs to an annotator, is grouped and labelled by it, and
//! links to and from its mark; mistakes are errors at the mark.

use std::collections::BTreeSet;

use crate::harness::{EditionTest, Page, Site, count, doc, values_after};

const TELEGRAM: &str = "documents/telegram/index.html";

fn three_hands() -> Site {
    EditionTest::fixture("notes/three_hands").build_ok()
}

/// The `<section class="note-group">` of `hand` on the page.
fn group<'a>(page: &'a Page, hand: &str) -> &'a str {
    page.between(
        &format!("<section class=\"note-group\" data-hand=\"{hand}\""),
        "</section>",
    )
}

/// The marks of the notes in a group, in order.
fn markers(group: &str) -> Vec<String> {
    values_after(group, "<span class=\"note-marker\">")
        .iter()
        .map(|rest| rest.split('<').next().unwrap_or_default().to_owned())
        .collect()
}

/// An edition with the annotators of `book` and one document with `body`.
fn with_notes(book: &str, body: &str) -> EditionTest {
    EditionTest::inline(&[
        ("book.toml", book),
        ("documents/a.md", &doc("title: A\ndate: 1920-07-16", body)),
    ])
}

/// `[^1]` belongs to the first hand declared, whatever its id.
#[test]
fn unprefixed_note_belongs_to_the_first_declared_hand() {
    let test = with_notes(
        "[edition]\ntitle = \"X\"\n\n[annotators]\nzz = \"The compiler\"\ned = \"The editors\"\n",
        "Text.[^1]\n\n[^1]: The compiler's note.\n",
    );
    let page = test.build_ok().page("documents/a/index.html");
    page.assert_has("<sup class=\"note-ref\" data-hand=\"zz\">")
        .assert_has("<li id=\"note-zz-1\" class=\"note\" data-hand=\"zz\">")
        .assert_lacks("data-hand=\"ed\"");
    assert!(group(&page, "zz").contains("The compiler's note."));
    assert!(group(&page, "zz").contains("The compiler</h3>"));
}

/// A note's label matches its definition whatever the case, as CommonMark's link labels do:
/// `[^Note]` refers to `[^note]:`, `[^yb:X]` to `[^yb:x]:` and `[^STRASSE]` to `[^straße]:`.
#[test]
fn note_labels_match_in_any_case() {
    let test = with_notes(
        "[edition]\ntitle = \"X\"\n\n[annotators]\ned = \"The editors\"\nyb = \"Yuri Barsegov\"\n",
        "A note[^Note], another[^yb:X] and a third[^STRASSE].\n\n[^note]: The editors' note.\n\
         [^yb:x]: Barsegov's note.\n[^straße]: On the street.\n",
    );
    let page = test.build_ok().page("documents/a/index.html");
    page.assert_has("<a id=\"ref-ed-1\" href=\"#note-ed-1\"")
        .assert_has("<a id=\"ref-yb-1\" href=\"#note-yb-1\"");
    assert!(group(&page, "ed").contains("The editors' note."));
    assert!(group(&page, "yb").contains("Barsegov's note."));
    assert!(group(&page, "ed").contains("On the street."));
}

/// Without `[annotators]`, unprefixed notes are the editors'.
#[test]
fn notes_are_the_editors_when_no_hands_are_declared() {
    let test = with_notes("[edition]\ntitle = \"X\"\n", "Text.[^1]\n\n[^1]: A note.\n");
    let page = test.build_ok().page("documents/a/index.html");
    page.assert_has("<li id=\"note-ed-1\" class=\"note\" data-hand=\"ed\">");
    assert!(group(&page, "ed").contains("The editors"));
}

/// `[^yb:1]` is hand yb's note: its mark and its note carry yb.
#[test]
fn prefixed_note_belongs_to_its_hand() {
    let page = three_hands().page(TELEGRAM);
    page.assert_has(
        "<sup class=\"note-ref\" data-hand=\"yb\"><a id=\"ref-yb-1\" href=\"#note-yb-1\"",
    );
    let yb = group(&page, "yb");
    assert!(
        yb.contains("<li id=\"note-yb-1\" class=\"note\" data-hand=\"yb\">"),
        "{yb}"
    );
    assert!(yb.contains("Emphasis added – Y.B."), "{yb}");
    assert!(
        !group(&page, "ed").contains("Emphasis added"),
        "the note is not in the editors' group"
    );
}

/// Each group of notes is headed by its hand's name (and role).
#[test]
fn notes_are_labelled_with_their_hands_name() {
    let page = three_hands().page(TELEGRAM);
    for (hand, name) in [
        ("ed", "The editors"),
        ("pc", "The printed collection"),
        ("yb", "Yuri Barsegov"),
    ] {
        let notes = group(&page, hand);
        assert!(
            notes.contains(&format!("class=\"hand-name\">{name}")),
            "group {hand} is not labelled {name}: {notes}"
        );
    }
    assert!(group(&page, "yb").contains("compiler of the printed collection"));
}

/// Every mark links to its note and every note back to its mark, on the same page.
#[test]
fn notes_and_marks_link_to_each_other() {
    let site = three_hands();
    let page = site.page(TELEGRAM);
    let text = page.between("class=\"document-text\"", "</section>");
    let notes = page.between("class=\"notes\"", "class=\"document-details\"");
    let marks = values_after(text, "role=\"doc-noteref\"");
    assert_eq!(marks.len(), 5, "five marks in the text: {text}");
    let to_notes = values_after(text, "href=\"#note-");
    assert_eq!(to_notes.len(), 5, "{text}");
    for target in &to_notes {
        site.follow(TELEGRAM, &format!("#note-{target}"));
    }
    let back = values_after(notes, "href=\"#ref-");
    assert_eq!(back.len(), 5, "each note links back: {notes}");
    for target in &back {
        site.follow(TELEGRAM, &format!("#ref-{target}"));
    }
    // The mark of note X is the one its back link names, and the other way round.
    for target in &to_notes {
        let note = page.between(&format!("<li id=\"note-{target}\""), "</li>");
        let back = values_after(note, "href=\"#");
        assert_eq!(back.len(), 1, "{note}");
        assert!(
            page.html
                .contains(&format!("id=\"{}\" href=\"#note-{target}\"", back[0])),
            "note-{target} links back to {}, which is not its mark",
            back[0]
        );
    }
}

/// Notes of three hands make three groups, and each hand's marks are a series of its own.
#[test]
fn three_hands_make_three_groups_with_distinct_marks() {
    let page = three_hands().page(TELEGRAM);
    assert_eq!(count(&page.html, "<section class=\"note-group\""), 3);
    let hands: Vec<String> = values_after(&page.html, "<section class=\"note-group\" data-hand=\"");
    assert_eq!(hands, ["ed", "pc", "yb"], "in the order declared");
    let series: Vec<Vec<String>> = ["ed", "pc", "yb"]
        .iter()
        .map(|hand| markers(group(&page, hand)))
        .collect();
    assert_eq!(series[0].len(), 2);
    assert_eq!(series[1].len(), 1);
    assert_eq!(series[2].len(), 2);
    let mut seen = BTreeSet::new();
    for marker in series.iter().flatten() {
        assert!(
            seen.insert(marker.clone()),
            "mark {marker:?} is used by two hands: {series:?}"
        );
    }
    // The marks in the text read as the notes' marks.
    let text = page.between("class=\"document-text\"", "</section>");
    for marker in series.iter().flatten() {
        assert!(
            text.contains(&format!("\">{marker}</a></sup>")),
            "mark {marker} is not in the text"
        );
    }
}

/// Note definitions are not part of the text: they appear only in the notes.
#[test]
fn note_text_appears_only_among_the_notes() {
    let page = three_hands().page(TELEGRAM);
    let text = page.between("class=\"document-text\"", "</section>");
    assert!(!text.contains("The source marks this passage"), "{text}");
    assert_eq!(count(&page.html, "The source marks this passage"), 1);
}

/// A mark of an undeclared hand is an error at the mark naming it and the declared hands.
#[test]
fn rejects_unknown_hand() {
    let test = with_notes(
        "[edition]\ntitle = \"X\"\n\n[annotators]\ned = \"The editors\"\nyb = \"Yuri Barsegov\"\n",
        "Text[^yv:1].\n\n[^yv:1]: A note.\n",
    );
    let run = test.build();
    run.assert_failure()
        .assert_stderr_has(&["\"yv\""])
        .assert_diagnostic("unknown-hand", "documents/a.md:5:5");
    assert!(
        run.stderr.to_lowercase().contains("declared hands: ed, yb"),
        "names the declared hands:\n{}",
        run.stderr
    );
    assert!(!test.root().join("site").exists());
}

/// A mark without a note is an error at the mark.
#[test]
fn rejects_reference_without_definition() {
    let test = with_notes(
        "[edition]\ntitle = \"X\"\n",
        "Text.[^1] More.[^2]\n\n[^1]: One.\n",
    );
    test.build()
        .assert_failure()
        .assert_stderr_has(&["[^2]"])
        .assert_diagnostic("undefined-note", "documents/a.md:5:16");
}

/// A note that no mark refers to is an error at the note.
#[test]
fn rejects_definition_never_referenced() {
    let test = with_notes(
        "[edition]\ntitle = \"X\"\n",
        "Text.[^1]\n\n[^1]: One.\n\n[^2]: Never referred to.\n",
    );
    test.build()
        .assert_failure()
        .assert_diagnostic("unused-note", "documents/a.md:9:1");
}
