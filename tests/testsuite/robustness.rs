//! Inputs that must neither crash nor hang annals (issue #5): huge and deeply nested
//! documents, symlinks, unusual file names, thousands of notes, Windows line endings, and a
//! build that is killed or runs twice at once.
//!
//! Every run here has a time limit: a hang fails the test instead of stalling the suite. A run
//! passes the "clean exit" bar when it exits 0 or 1 and nothing panicked (no exit 101, no
//! signal, no "panicked" on standard error).

use std::fs;
use std::io::Write;
use std::path::Path;
use std::process::Command;
use std::thread;
use std::time::{Duration, Instant};

use crate::harness::{
    BOOK, EditionTest, HANG, Running, annals_within, assert_same_files, between, doc, run_annals,
    snapshot, spawn,
};

/// Names of staging folders that a build left in `folder`.
fn staging_leftovers(folder: &Path) -> Vec<String> {
    fs::read_dir(folder)
        .expect("a readable folder")
        .map(|entry| {
            entry
                .expect("an entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .filter(|name| name.contains("annals-staging"))
        .collect()
}

/// Every file of `root` whose bytes contain `needle`.
fn files_containing(root: &Path, needle: &str) -> Vec<String> {
    snapshot(root)
        .into_iter()
        .filter(|(_, bytes)| bytes.windows(needle.len()).any(|w| w == needle.as_bytes()))
        .map(|(name, _)| name)
        .collect()
}

/// A document of about 100 MB (generated at test time, never committed) builds, and its page
/// holds its last paragraph. Its time is printed for the record (`--nocapture`).
#[test]
fn hundred_megabyte_document_builds() {
    let test = EditionTest::inline(&[("book.toml", BOOK)]);
    let path = test.root().join("documents/big.md");
    fs::create_dir_all(path.parent().expect("a folder")).expect("documents/");
    let mut file = std::io::BufWriter::new(fs::File::create(&path).expect("big.md"));
    file.write_all(b"---\ntitle: A very long report\ndate: 1920-07-10\n---\n")
        .expect("written");
    let filler =
        "The Caucasus Bureau asked Moscow for instructions on Karabakh and Zangezur. ".repeat(6);
    let mut paragraphs = 0;
    let mut size = 0;
    while size < 100 * 1024 * 1024 {
        paragraphs += 1;
        let paragraph = format!("Paragraph {paragraphs}. {filler}\n\n");
        size += paragraph.len();
        file.write_all(paragraph.as_bytes()).expect("written");
    }
    file.write_all(b"The last words of the report.\n")
        .expect("written");
    file.flush().expect("written");
    drop(file);
    paragraphs += 1;

    let run = annals_within(test.root(), &["build"], Duration::from_secs(180));
    run.assert_success();
    eprintln!(
        "a {size}-byte document of {paragraphs} paragraphs built in {:?}",
        run.elapsed
    );
    let page = fs::read(test.root().join("site/documents/big/index.html")).expect("its page");
    let tail = String::from_utf8_lossy(&page[page.len().saturating_sub(200_000)..]).into_owned();
    assert!(tail.contains("The last words of the report."));
    assert!(
        tail.contains(&format!("id=\"p{paragraphs}\"")),
        "the last paragraph is numbered p{paragraphs}"
    );
}

/// Documents nested thousands of levels deep, by name.
fn nested_documents() -> Vec<(&'static str, String)> {
    let deep = 5000;
    vec![
        ("quotes-on-one-line", format!("{} deep\n", ">".repeat(deep))),
        (
            "quotes-line-by-line",
            (1..1500)
                .map(|i| format!("{} level {i}\n", ">".repeat(i)))
                .collect(),
        ),
        (
            "bullet-lists",
            (0..1000)
                .map(|i| format!("{}- item {i}\n", "  ".repeat(i)))
                .collect(),
        ),
        (
            "ordered-lists",
            (0..1000)
                .map(|i| format!("{}1. item {i}\n", "   ".repeat(i)))
                .collect(),
        ),
        (
            "quotes-and-lists",
            format!("{}deep\n", "> - ".repeat(deep / 2)),
        ),
        (
            "emphasis",
            format!("{}deep{}\n", "*_".repeat(deep), "_*".repeat(deep)),
        ),
        (
            "brackets",
            format!("{}deep{}\n", "[".repeat(deep), "]".repeat(deep)),
        ),
        (
            "links-in-links",
            format!(
                "{}deep{}\n",
                "[".repeat(deep),
                "](https://example.org/)".repeat(deep)
            ),
        ),
        (
            "html",
            format!("{}deep{}\n", "<div>".repeat(deep), "</div>".repeat(deep)),
        ),
        (
            "backticks",
            format!("{}code{}\n", "`".repeat(deep), "`".repeat(deep)),
        ),
    ]
}

/// Markdown nested thousands deep (block quotes, lists, emphasis, brackets, links, HTML)
/// builds without a panic, a stack overflow or a hang, and every document gets its page.
#[test]
fn deeply_nested_markdown_builds() {
    let test = EditionTest::inline(&[("book.toml", BOOK)]);
    let documents = nested_documents();
    for (name, body) in &documents {
        test.write(
            &format!("documents/{name}.md"),
            doc(&format!("title: Nested {name}\ndate: 1920"), body),
        );
    }
    let run = run_annals(test.root(), &["build"]);
    run.assert_success();
    eprintln!("nested documents built in {:?}", run.elapsed);
    for (name, _) in &documents {
        let page = test
            .root()
            .join(format!("site/documents/{name}/index.html"));
        assert!(page.is_file(), "no page for {name}:\n{}", run.show());
    }
}

/// A symlink loop inside documents/ is skipped with a warning naming it as the editor would
/// (`documents/sub/loop`), and the build neither hangs nor fails.
#[cfg(unix)]
#[test]
fn symlink_loops_are_skipped() {
    let test = EditionTest::inline(&[
        ("book.toml", BOOK),
        (
            "documents/sub/good.md",
            &doc("title: Good\ndate: 1920", "Text.\n"),
        ),
    ]);
    std::os::unix::fs::symlink("..", test.root().join("documents/sub/loop")).expect("a link");
    std::os::unix::fs::symlink("self.md", test.root().join("documents/self.md")).expect("a link");
    let run = annals_within(test.root(), &["build"], Duration::from_secs(20));
    run.assert_success()
        .assert_stderr_has(&["warning[skipped-file]"])
        .assert_stderr_has(&["documents/sub/loop"])
        .assert_stderr_has(&["documents/self.md"]);
    // Paths in messages are written as an editor types them, as everywhere else.
    assert!(
        !run.stderr.contains("./documents/"),
        "a skipped file is named with a leading ./:\n{}",
        run.show()
    );
    assert!(test.root().join("site/documents/good/index.html").is_file());
}

/// Symlinks that lead outside documents/ (a file, a folder, /etc/passwd) are skipped with a
/// warning each, and nothing they point to reaches the site.
#[cfg(unix)]
#[test]
fn symlinks_outside_documents_are_skipped() {
    let test = EditionTest::inline(&[
        ("book.toml", BOOK),
        (
            "documents/good.md",
            &doc("title: Good\ndate: 1920", "Text.\n"),
        ),
        (
            "private/secret.md",
            &doc("title: Secret\ndate: 1920", "SECRET-OUTSIDE-TEXT\n"),
        ),
        (
            "private/more/other.md",
            &doc("title: Other\ndate: 1920", "SECRET-FOLDER-TEXT\n"),
        ),
    ]);
    let link = |target: &str, name: &str| {
        std::os::unix::fs::symlink(target, test.root().join("documents").join(name))
            .expect("a link")
    };
    link("../private/secret.md", "secret.md");
    link("../private/more", "more");
    link("/etc/passwd", "passwd.md");
    let run = run_annals(test.root(), &["build"]);
    run.assert_success();
    for name in ["secret.md", "more", "passwd.md"] {
        run.assert_stderr_has(&[&format!(
            "skipped documents/{name}: it is a symlink to somewhere outside documents/"
        )]);
    }
    let site = test.root().join("site");
    for needle in ["SECRET-OUTSIDE-TEXT", "SECRET-FOLDER-TEXT", "root:x:0:0"] {
        let leaked = files_containing(&site, needle);
        assert!(leaked.is_empty(), "{needle} leaked into {leaked:?}");
    }
    assert!(!site.join("documents/secret").exists());
    assert!(site.join("documents/good/index.html").is_file());
}

/// A FIFO named like a document does not block the build forever: it is not a file an
/// editor wrote, so it is skipped.
#[cfg(unix)]
#[test]
fn fifo_in_documents_does_not_hang() {
    let test = EditionTest::inline(&[
        ("book.toml", BOOK),
        (
            "documents/good.md",
            &doc("title: Good\ndate: 1920", "Text.\n"),
        ),
    ]);
    let status = Command::new("mkfifo")
        .arg(test.root().join("documents/pipe.md"))
        .status()
        .expect("mkfifo runs");
    assert!(status.success());
    annals_within(test.root(), &["check"], Duration::from_secs(5))
        .assert_success()
        .assert_stderr_has(&["documents/pipe.md"]);
}

/// File names with spaces, accents and non-Latin letters (Cyrillic, Armenian, Chinese,
/// Arabic) build, and their pages get slug ids; a folder name too.
#[test]
fn file_names_with_spaces_and_other_scripts_get_slug_ids() {
    let page = |title: &str| doc(&format!("title: {title}\ndate: 1920"), "Text.\n");
    let test = EditionTest::inline(&[
        ("book.toml", BOOK),
        ("documents/letter from Kirov.md", &page("Spaces")),
        ("documents/Lettre à Gérard.md", &page("Accents")),
        ("documents/Карабах 1920/Письмо Кирова.md", &page("Cyrillic")),
        ("documents/Նամակ.md", &page("Armenian")),
        ("documents/信.md", &page("Chinese")),
        ("documents/رسالة.md", &page("Arabic")),
    ]);
    run_annals(test.root(), &["build"]).assert_success();
    let site = test.root().join("site");
    for path in [
        "documents/letter-from-kirov/index.html",
        "documents/lettre-a-gerard/index.html",
        "documents/pismo-kirova/index.html",
        "documents/namak/index.html",
        "documents/xin/index.html",
        "documents/rsl/index.html",
        "collections/karabakh-1920/index.html",
    ] {
        assert!(
            site.join(path).is_file(),
            "no {path}; the site has {:?}",
            snapshot(&site).into_keys().collect::<Vec<_>>()
        );
    }
}

/// A file name that is not UTF-8 (possible on Linux) is read, not a crash.
#[cfg(target_os = "linux")]
#[test]
fn file_name_that_is_not_utf8_builds() {
    use std::os::unix::ffi::OsStrExt;
    let test = EditionTest::inline(&[("book.toml", BOOK)]);
    let name = std::ffi::OsStr::from_bytes(b"caf\xe9 letter.md");
    let path = test.root().join("documents").join(name);
    fs::create_dir_all(path.parent().expect("a folder")).expect("documents/");
    fs::write(&path, doc("title: Latin-1 name\ndate: 1920", "Text.\n")).expect("written");
    run_annals(test.root(), &["build"]).assert_success();
    assert!(
        test.root()
            .join("site/documents/caf-letter/index.html")
            .is_file()
    );
}

/// Two files in one folder whose names differ only by case would be one id, and one URL on
/// a case-insensitive disk: a duplicate-id error, and nothing is written.
#[test]
fn ids_that_differ_only_by_case_are_duplicates() {
    let test = EditionTest::inline(&[
        ("book.toml", BOOK),
        (
            "documents/Letter.md",
            &doc("title: First\ndate: 1920", "Text.\n"),
        ),
        (
            "documents/letter.md",
            &doc("title: Second\ndate: 1921", "Text.\n"),
        ),
    ]);
    run_annals(test.root(), &["build"])
        .assert_failure()
        .assert_stderr_has(&[
            "error[duplicate-id]: id \"letter\" is already used by documents/Letter.md",
        ])
        .assert_stderr_has(&["┌─ documents/letter.md:1:1"]);
    assert!(!test.root().join("site").exists());
}

/// One document with 10,000 footnotes builds quickly, every note linked both ways.
#[test]
fn ten_thousand_footnotes_build() {
    let mut body = String::new();
    for n in 1..=10_000 {
        body.push_str(&format!("Paragraph {n} cites a source[^{n}].\n\n"));
    }
    for n in 1..=10_000 {
        body.push_str(&format!("[^{n}]: Note number {n}.\n"));
    }
    let test = EditionTest::inline(&[
        ("book.toml", BOOK),
        (
            "documents/notes.md",
            &doc("title: Notes\ndate: 1920", &body),
        ),
    ]);
    let run = run_annals(test.root(), &["build"]);
    run.assert_success();
    eprintln!("10,000 footnotes built in {:?}", run.elapsed);
    let page =
        fs::read_to_string(test.root().join("site/documents/notes/index.html")).expect("the page");
    for n in [1, 5_000, 10_000] {
        assert!(page.contains(&format!("id=\"note-ed-{n}\"")), "no note {n}");
        assert!(
            page.contains(&format!("href=\"#note-ed-{n}\"")),
            "no mark {n}"
        );
        assert!(
            page.contains(&format!("id=\"ref-ed-{n}\"")),
            "no mark id {n}"
        );
    }
    assert_eq!(page.matches("class=\"note\"").count(), 10_000);
}

/// 10,000 references to notes that were never defined (a conversion that lost the notes) are
/// 10,000 errors, each with its line, reported in seconds: the report must not re-read the
/// file for every error.
#[test]
fn ten_thousand_undefined_footnotes_are_reported_quickly() {
    let filler = "The text goes on for a while before the next reference. ".repeat(5);
    let body: String = (1..=10_000)
        .map(|n| format!("Paragraph {n} cites a source[^n{n}]. {filler}\n\n"))
        .collect();
    let test = EditionTest::inline(&[
        ("book.toml", BOOK),
        (
            "documents/lost.md",
            &doc("title: Lost notes\ndate: 1920", &body),
        ),
    ]);
    let limit = Duration::from_secs(8);
    let run = spawn(test.root(), &["check", "--format", "json"])
        .wait_at_most(limit)
        .unwrap_or_else(|| {
            panic!("10,000 errors took more than {limit:?} to report (about 1 s would do)")
        });
    run.assert_failure();
    eprintln!("10,000 undefined notes reported in {:?}", run.elapsed);
    let report: serde_json::Value = serde_json::from_str(&run.stdout).expect("a JSON report");
    let diagnostics = report["diagnostics"].as_array().expect("a list");
    assert_eq!(diagnostics.len(), 10_000);
    let last = &diagnostics[9_999];
    assert_eq!(last["code"], "undefined-note");
    assert_eq!(last["file"], "documents/lost.md");
    assert_eq!(last["line"], 4 + 2 * 9_999 + 1);
}

/// A document saved on Windows (byte-order mark, CRLF line endings) checks clean and builds
/// a page with the right title, paragraphs, note and person link, and no stray `\r`.
#[test]
fn crlf_and_bom_document_builds_its_page() {
    let text = "\u{feff}---\r\ntitle: Saved on Windows\r\ndate: 1920-07-10\r\nauthors: [kirov]\r\n---\r\n\
                The first paragraph[^1].\r\n\r\nThe second, to [Kirov](person:kirov).\r\n\r\n\
                [^1]: The note.\r\n";
    let test = EditionTest::inline(&[
        ("book.toml", BOOK),
        (
            "documents/people.yaml",
            "kirov:\r\n  name: Sergei Kirov\r\n",
        ),
        ("documents/windows.md", text),
    ]);
    let check = run_annals(test.root(), &["check", "--format", "json"]);
    check.assert_success();
    assert_eq!(
        check.stdout,
        "{\n  \"diagnostics\": [],\n  \"errors\": 0,\n  \"warnings\": 0\n}\n"
    );
    run_annals(test.root(), &["build"]).assert_success();
    let page = fs::read_to_string(test.root().join("site/documents/windows/index.html"))
        .expect("the page");
    assert!(page.contains("<title>Saved on Windows"), "{page}");
    assert!(
        !page.contains('\u{feff}'),
        "the byte-order mark reached the page"
    );
    assert!(!page.contains("Windows\r"), "a \\r stayed in the title");
    assert!(page.contains("id=\"p1\"") && page.contains("id=\"p2\""));
    assert!(page.contains("id=\"note-ed-1\""));
    assert!(page.contains("The note."));
    assert!(page.contains("people/kirov/"));
    assert!(test.root().join("site/people/kirov/index.html").is_file());
}

/// An edition large enough that rendering takes a while: `documents` documents of 20
/// paragraphs, with tags and a person each.
fn large_edition(documents: usize) -> EditionTest {
    let test = EditionTest::inline(&[("book.toml", BOOK)]);
    for n in 0..documents {
        let body = format!("Paragraph about item {n}, with enough words to render.\n\n").repeat(20);
        test.write(
            &format!("documents/vol-{}/doc-{n:05}.md", n % 7),
            doc(
                &format!(
                    "title: Document {n}\ndate: 1920-{:02}-{:02}\ntags: [subject-{}]\nauthors: [person-{}]",
                    n % 12 + 1,
                    n % 28 + 1,
                    n % 40,
                    n % 60
                ),
                &body,
            ),
        );
    }
    test
}

/// Waits until a build has staged at least `pages` document pages, then kills it; `false` if
/// the build ended first.
fn kill_while_rendering(root: &Path, running: Running, pages: usize) -> bool {
    let mut running = running;
    loop {
        if running
            .child
            .try_wait()
            .expect("the child can be waited for")
            .is_some()
        {
            running.kill();
            return false;
        }
        let staged = staging_leftovers(root).into_iter().any(|name| {
            fs::read_dir(root.join(name).join("documents"))
                .map(|entries| entries.count() >= pages)
                .unwrap_or(false)
        });
        if staged {
            running.kill();
            return true;
        }
        assert!(
            running.started.elapsed() < HANG,
            "the build never started rendering"
        );
        thread::sleep(Duration::from_millis(2));
    }
}

/// A build killed (SIGKILL) while it renders leaves the previous site byte for byte as it
/// was; the next build succeeds, gives the new site and leaves no staging folder behind.
/// Kills at other moments leave either the old site or the new one, whole.
#[test]
fn killed_build_leaves_the_previous_site_intact() {
    let test = large_edition(600);
    let first = run_annals(test.root(), &["build"]);
    first.assert_success();
    let site = test.root().join("site");
    let previous = snapshot(&site);

    // The new version of the edition, and its site built elsewhere for comparison.
    test.write(
        "documents/vol-0/doc-00000.md",
        doc(
            "title: Document 0, revised\ndate: 1920-01-01",
            "New text.\n",
        ),
    );
    let reference = test.dir().join("reference");
    let reference_arg = reference.to_str().expect("a UTF-8 path");
    run_annals(test.root(), &["build", "--out", reference_arg]).assert_success();
    let revised = snapshot(&reference);

    let started = Instant::now();
    let killed = kill_while_rendering(test.root(), spawn(test.root(), &["build"]), 20);
    assert!(killed, "the build ended before it could be killed");
    eprintln!("killed the build after {:?}", started.elapsed());
    assert_same_files(&previous, &snapshot(&site), "the site after a killed build");

    // Kills at a spread of moments of a build: the site is always one of the two, whole.
    for tenths in [1, 5, 9] {
        let delay = first.elapsed * tenths / 10;
        let running = spawn(test.root(), &["build"]);
        thread::sleep(delay);
        running.kill();
        let now = snapshot(&site);
        assert!(
            now == previous || now == revised,
            "after a kill at {delay:?} the site is neither the previous one nor the new one \
             ({} files; previous {}, new {})",
            now.len(),
            previous.len(),
            revised.len()
        );
    }

    run_annals(test.root(), &["build"]).assert_success();
    assert_eq!(staging_leftovers(test.root()), Vec::<String>::new());
    assert_same_files(&revised, &snapshot(&site), "the site after the next build");
}

/// Two builds of the same edition into the same folder at once: both succeed (or one fails
/// cleanly), the site equals a single clean build byte for byte, and no staging folder is
/// left, whether or not a previous site was there.
#[test]
fn concurrent_builds_do_not_corrupt_the_site() {
    let test = large_edition(200);
    let reference = test.dir().join("reference");
    let reference_arg = reference.to_str().expect("a UTF-8 path");
    run_annals(test.root(), &["build", "--out", reference_arg]).assert_success();
    let expected = snapshot(&reference);
    let site = test.root().join("site");
    for round in ["without a previous site", "over a previous site"] {
        let first = spawn(test.root(), &["build"]);
        let second = spawn(test.root(), &["build"]);
        let outcomes = [first.wait(HANG), second.wait(HANG)];
        let succeeded = outcomes.iter().filter(|o| o.code == Some(0)).count();
        for outcome in &outcomes {
            outcome.assert_clean_exit();
        }
        assert!(
            succeeded >= 1,
            "{round}: no build succeeded:\n{}\n{}",
            outcomes[0].show(),
            outcomes[1].show()
        );
        assert_same_files(&expected, &snapshot(&site), round);
        assert_eq!(
            staging_leftovers(test.root()),
            Vec::<String>::new(),
            "{round}"
        );
    }
}

/// Dates millions of years apart (EDTF's `Y` years, or a mistyped year) build at once: the
/// timeline's chart groups the span into at most 150 bars, named for the years each stands
/// for, and each bar leads to a section of the timeline that lists its documents.
#[test]
fn dates_millions_of_years_apart_give_a_chart_of_bounded_size() {
    let test = EditionTest::inline(&[
        ("book.toml", BOOK),
        ("documents/a.md", &doc("title: A\ndate: 1920-07-12", "A.\n")),
        (
            "documents/b.md",
            &doc("title: B\ndate: \"Y170000002\"", "B.\n"),
        ),
        (
            "documents/c.md",
            &doc("title: C\ndate: \"-0044-03-15\"", "C.\n"),
        ),
    ]);
    test.build().assert_success();
    let timeline = test.site().page("timeline/index.html");
    let chart = timeline.between("<svg class=\"density-chart\"", "</svg>");
    let bars = chart.matches("<rect ").count();
    assert_eq!(bars, 3, "one bar for each stretch that has documents");
    let ticks = chart.matches("<text class=\"tick\"").count();
    assert!(ticks <= 20, "{ticks} labels under the chart");
    assert!(
        chart.contains("Documents per 2000000 years: 3 in all"),
        "{chart}"
    );
    assert!(chart.contains("aria-label=\"170000000–171999999: 1 document\""));
    let ids = timeline.ids();
    for href in timeline.hrefs() {
        if let Some(target) = href.strip_prefix('#') {
            assert!(
                ids.iter().any(|id| id == target),
                "#{target} is on the page"
            );
        }
    }
    let width: u32 = between(chart, "viewBox=\"0 0 ", "\"")
        .unwrap_or_default()
        .split(' ')
        .next()
        .and_then(|w| w.parse().ok())
        .expect("the chart's width");
    assert!(width <= 150 * 14, "a chart {width} wide");
}

/// Labels under the chart do not crowd: the first bar is labelled only when the next label is
/// at least half the labels' spacing away (here the first bar, 61-42 BCE, is three bars from
/// "1 BCE", with a label every ten bars).
#[test]
fn chart_labels_keep_their_spacing() {
    let test = EditionTest::inline(&[
        ("book.toml", BOOK),
        (
            "documents/a.md",
            &doc("title: A\ndate: \"-0043-03-15\"", "A.\n"),
        ),
        ("documents/b.md", &doc("title: B\ndate: 1920-07-12", "B.\n")),
    ]);
    test.build().assert_success();
    let timeline = test.site().page("timeline/index.html");
    let chart = timeline.between("<svg class=\"density-chart\"", "</svg>");
    let xs: Vec<u32> = chart
        .split("<text class=\"tick\" x=\"")
        .skip(1)
        .map(|rest| {
            rest[..rest.find('"').expect("x ends")]
                .parse()
                .expect("x is a number")
        })
        .collect();
    let gaps: Vec<u32> = xs.windows(2).map(|pair| pair[1] - pair[0]).collect();
    let (narrowest, widest) = (gaps.iter().min(), gaps.iter().max());
    assert!(gaps.len() >= 5, "labels at {xs:?}");
    assert!(
        narrowest.zip(widest).is_some_and(|(n, w)| n * 2 >= *w),
        "labels at {xs:?}"
    );
}

/// Markdown files that the content model's `*.md` leaves out (`B.MD`, `c.Md`, `d.markdown`)
/// are not silently lost: each is named in a warning that says how to rename it.
#[test]
fn markdown_files_not_ending_in_md_are_named_in_a_warning() {
    let text = doc("title: A\ndate: 1920", "Text.\n");
    let test = EditionTest::inline(&[
        ("book.toml", BOOK),
        ("documents/a.md", &text),
        ("documents/B.MD", &text),
        ("documents/c.Md", &text),
        ("documents/d.markdown", &text),
    ]);
    test.build()
        .assert_success()
        .assert_stderr_has(&["documents/B.MD", "rename it to B.md"])
        .assert_stderr_has(&["documents/c.Md", "rename it to c.md"])
        .assert_stderr_has(&["documents/d.markdown", "rename it to d.md"])
        .assert_stderr_has(&["Built 1 document"]);
}
