//! Broken input is an editor's mistake, reported with file, line and column and exit 1:
//! never a panic (exit 101), never a hang.

use std::time::{Duration, Instant};

use crate::harness::{BOOK, EditionTest, doc};

/// An edition with book.toml, one good document and the broken file `name`.
fn with_broken(name: &str, contents: &[u8]) -> EditionTest {
    let test = EditionTest::inline(&[
        ("book.toml", BOOK),
        (
            "documents/good.md",
            &doc("title: Good\ndate: 1920", "Text.\n"),
        ),
    ]);
    test.write(name, contents);
    test
}

/// A document that is not UTF-8 is reported at its first bad byte.
#[test]
fn non_utf8_document_is_reported() {
    let test = with_broken(
        "documents/latin1.md",
        b"---\ntitle: Caf\xe9 de la Paix\ndate: 1920\n---\nText.\n",
    );
    test.build()
        .assert_failure()
        .assert_stderr_has(&["UTF-8"])
        .assert_diagnostic("not-utf8", "documents/latin1.md:2:11");
    assert!(!test.root().join("site").exists());
}

/// An empty document file is reported: it has no front matter.
#[test]
fn empty_document_is_reported() {
    let test = with_broken("documents/empty.md", b"");
    test.build()
        .assert_failure()
        .assert_stderr_has(&["front matter"])
        .assert_diagnostic("no-front-matter", "documents/empty.md:1:1");
}

/// Front matter that is never closed is reported at its opening fence.
#[test]
fn unclosed_front_matter_is_reported() {
    let test = with_broken(
        "documents/open.md",
        b"---\ntitle: Open\ndate: 1920\nThe text begins without a closing fence.\n",
    );
    test.build()
        .assert_failure()
        .assert_stderr_has(&["never closed"])
        .assert_diagnostic("unclosed-front-matter", "documents/open.md:1:1");
}

/// Front matter that is a YAML list instead of `key: value` lines is reported.
#[test]
fn front_matter_list_is_reported() {
    let test = with_broken(
        "documents/list.md",
        b"---\n- title: A list\n- date: 1920\n---\nText.\n",
    );
    test.build()
        .assert_failure()
        .assert_diagnostic("bad-yaml", "documents/list.md:2:1");
}

/// A "billion laughs" of YAML aliases in front matter is reported at once, with its place.
#[test]
fn yaml_alias_bomb_is_reported_quickly() {
    let bomb = "---\n\
        title: Bomb\n\
        date: 1920\n\
        a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n\
        b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\n\
        c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n\
        d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n\
        e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n\
        f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\n\
        g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]\n\
        h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]\n\
        i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]\n\
        ---\nText.\n";
    let test = with_broken("documents/bomb.md", bomb.as_bytes());
    let started = Instant::now();
    let run = test.build();
    assert!(
        started.elapsed() < Duration::from_secs(10),
        "took {:?}",
        started.elapsed()
    );
    run.assert_failure().assert_located_in("documents/bomb.md");
}

/// The same bomb inside a field that takes a list is stopped too.
#[test]
fn yaml_alias_bomb_in_a_list_field_is_reported_quickly() {
    let bomb = "---\n\
        title: Bomb\n\
        date: 1920\n\
        tags: &i [&h [&g [&f [&e [&d [&c [&b [&a [\"lol\",\"lol\",\"lol\"]]]]]]]]]\n\
        published: [*i,*i,*i,*i,*i,*i,*i,*i,*i,*i,*i,*i,*i,*i,*i,*i]\n\
        ---\nText.\n";
    let test = with_broken("documents/bomb.md", bomb.as_bytes());
    let started = Instant::now();
    let run = test.build();
    assert!(started.elapsed() < Duration::from_secs(10));
    run.assert_failure().assert_located_in("documents/bomb.md");
}

/// A book.toml that is not UTF-8 is reported, not a crash.
#[test]
fn non_utf8_book_toml_is_reported() {
    let test = with_broken("book.toml", b"[edition]\ntitle = \"Caf\xe9\"\n");
    test.build()
        .assert_failure()
        .assert_diagnostic("not-utf8", "book.toml:2:13");
}

/// A registry that is a list instead of a mapping is reported in that file.
#[test]
fn registry_of_the_wrong_shape_is_reported() {
    let test = with_broken("documents/people.yaml", b"- beria\n- kirov\n");
    test.build()
        .assert_failure()
        .assert_diagnostic("bad-yaml", "documents/people.yaml:1:1");
}

/// Every broken file is reported in one run, and the good ones do not hide them.
#[test]
fn reports_every_broken_file_in_one_run() {
    let test = with_broken("documents/empty.md", b"");
    test.write(
        "documents/latin1.md",
        b"---\ntitle: Caf\xe9\ndate: 1920\n---\n".as_slice(),
    );
    test.write("documents/open.md", "---\ntitle: Open\n");
    let run = test.build();
    run.assert_failure()
        .assert_diagnostic("no-front-matter", "documents/empty.md:1:1")
        .assert_diagnostic("not-utf8", "documents/latin1.md:2:11")
        .assert_diagnostic("unclosed-front-matter", "documents/open.md:1:1")
        .assert_stderr_has(&["3 errors"]);
}
