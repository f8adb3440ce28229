//! The corpus of broken editions in `tests/broken/` (issue #5): one tiny edition per error
//! class or hostile input, each with the exact report `annals check --format json` must print
//! and the exit code it must give.
//!
//! ```text
//! tests/broken/CASE/book.toml      only what the case needs
//! tests/broken/CASE/documents/...
//! tests/broken/CASE/expected.txt   the exact standard output of `annals check . --format json`,
//!                                  run in the case's folder (so files print as documents/x.md)
//! tests/broken/CASE/exit           the exit code: 1 with errors, 0 with warnings only
//! ```
//!
//! The expected text is the product's wording, reviewed by hand: file, line, column, code,
//! message, "did you mean". `ANNALS_BLESS=1 cargo test --test testsuite broken` rewrites every
//! expected.txt and exit from what annals prints now; review the diff before keeping it, since
//! some expectations state the correct behaviour that annals does not have yet.

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

use crate::harness::{EditionTest, sample_root};
use crate::harness::{Run, run_annals, tree};

/// `tests/broken/`.
fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/broken")
}

/// One broken edition and what checking it must give.
struct Case {
    name: String,
    expected: String,
    exit: i32,
}

/// Every case of the corpus, by name.
fn cases() -> Vec<Case> {
    let mut names: Vec<String> = fs::read_dir(corpus())
        .expect("tests/broken/ exists")
        .map(|entry| entry.expect("an entry"))
        .filter(|entry| entry.path().is_dir())
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
        .into_iter()
        .map(|name| {
            let folder = corpus().join(&name);
            let read = |file: &str| {
                fs::read_to_string(folder.join(file))
                    .unwrap_or_else(|_| panic!("tests/broken/{name} has no {file}"))
            };
            let exit = read("exit")
                .trim()
                .parse()
                .unwrap_or_else(|_| panic!("tests/broken/{name}/exit must hold an exit code"));
            Case {
                expected: read("expected.txt"),
                exit,
                name,
            }
        })
        .collect()
}

/// A copy of the case's edition in a temporary folder.
fn copy(case: &Case) -> EditionTest {
    EditionTest::fixture(&format!("../broken/{}", case.name))
}

fn blessing() -> bool {
    std::env::var_os("ANNALS_BLESS").is_some()
}

/// The lines of `expected` and `actual`, marked `-` (only expected) and `+` (only actual).
fn line_diff(expected: &str, actual: &str) -> String {
    let old: Vec<&str> = expected.lines().collect();
    let new: Vec<&str> = actual.lines().collect();
    // Longest common subsequence, from the end, then walked from the start.
    let mut common = vec![vec![0usize; new.len() + 1]; old.len() + 1];
    for i in (0..old.len()).rev() {
        for j in (0..new.len()).rev() {
            common[i][j] = if old[i] == new[j] {
                common[i + 1][j + 1] + 1
            } else {
                common[i + 1][j].max(common[i][j + 1])
            };
        }
    }
    let (mut i, mut j) = (0, 0);
    let mut diff = String::new();
    while i < old.len() || j < new.len() {
        if i < old.len() && j < new.len() && old[i] == new[j] {
            let _ = writeln!(diff, "  {}", old[i]);
            i += 1;
            j += 1;
        } else if i < old.len() && (j == new.len() || common[i + 1][j] >= common[i][j + 1]) {
            let _ = writeln!(diff, "- {}", old[i]);
            i += 1;
        } else {
            let _ = writeln!(diff, "+ {}", new[j]);
            j += 1;
        }
    }
    diff
}

/// Panics listing every problem, if there is any.
fn report(problems: &[String], total: usize, what: &str) {
    assert!(
        problems.is_empty(),
        "{} of {total} broken editions {what}:\n\n{}",
        problems.len(),
        problems.join("\n")
    );
}

/// Every broken edition makes `annals check --format json` print exactly its expected report
/// and exit with its expected code, without a panic and without writing anything. All the
/// cases that differ are reported together, each with a diff (`-` expected, `+` actual).
#[test]
fn every_broken_edition_reports_exactly_its_expected_diagnostics() {
    let cases = cases();
    let mut problems = Vec::new();
    for case in &cases {
        let test = copy(case);
        let before = tree(test.root());
        let run = run_annals(test.root(), &["check", ".", "--format", "json"]);
        run.assert_clean_exit();
        if blessing() {
            let folder = corpus().join(&case.name);
            fs::write(folder.join("expected.txt"), &run.stdout).expect("blessed");
            fs::write(folder.join("exit"), format!("{}\n", run.code.unwrap_or(-1)))
                .expect("blessed");
            continue;
        }
        let mut problem = String::new();
        if run.stdout != case.expected {
            let _ = write!(
                problem,
                "report differs (- expected, + actual):\n{}",
                line_diff(&case.expected, &run.stdout)
            );
        }
        if run.code != Some(case.exit) {
            let _ = writeln!(problem, "exit code {:?}, expected {}", run.code, case.exit);
        }
        let summary = run.stderr.lines().last().unwrap_or_default();
        if !summary.starts_with("Checked ") && !summary.starts_with("Check stopped") {
            let _ = writeln!(
                problem,
                "no summary line at the end of stderr:\n{}",
                run.stderr
            );
        }
        if tree(test.root()) != before {
            let _ = writeln!(problem, "`annals check` changed the edition's folder");
        }
        if !problem.is_empty() {
            problems.push(format!("=== tests/broken/{}\n{problem}", case.name));
        }
    }
    report(&problems, cases.len(), "differ from their expectations");
}

/// A previous site, as an earlier build would have left it.
fn previous_site(test: &EditionTest) {
    test.write(
        "site/.annals",
        "This folder is built by annals and replaced on every build. Edit the edition's sources instead.\n",
    );
    test.write("site/index.html", "<p>The previous site.</p>\n");
}

/// `annals build` on a broken edition reports what `annals check` reports and, when that
/// includes an error, exits 1 and writes nothing: no output folder appears, and a previous
/// site stays exactly as it was. Editions with warnings only build (exit 0).
#[test]
fn build_of_a_broken_edition_writes_nothing() {
    let cases = cases();
    let mut problems = Vec::new();
    for case in &cases {
        let mut problem = String::new();
        let test = copy(case);
        let check = run_annals(test.root(), &["check", ".", "--format", "json"]);
        let before = tree(test.root());
        let build = run_annals(test.root(), &["build", ".", "--format", "json"]);
        build.assert_clean_exit();
        if build.stdout != check.stdout {
            let _ = write!(
                problem,
                "build reports differently from check (- check, + build):\n{}",
                line_diff(&check.stdout, &build.stdout)
            );
        }
        if case.exit == 0 {
            if build.code != Some(0) {
                let _ = writeln!(problem, "warnings only, yet build exited {:?}", build.code);
            }
        } else {
            if build.code != Some(1) {
                let _ = writeln!(problem, "build exited {:?}, expected 1", build.code);
            }
            let changed = changes(&before, &tree(test.root()));
            if !changed.is_empty() {
                let _ = writeln!(problem, "build wrote {changed:?}");
            }
            let test = copy(case);
            previous_site(&test);
            let before = tree(test.root());
            let again = run_annals(test.root(), &["build", ".", "--format", "json"]);
            again.assert_clean_exit();
            let changed = changes(&before, &tree(test.root()));
            if !changed.is_empty() {
                let _ = writeln!(problem, "over a previous site, build changed {changed:?}");
            }
        }
        if !problem.is_empty() {
            problems.push(format!("=== tests/broken/{}\n{problem}", case.name));
        }
    }
    report(&problems, cases.len(), "are built wrongly");
}

/// The entries that differ between two trees.
fn changes(
    before: &std::collections::BTreeMap<String, Option<Vec<u8>>>,
    after: &std::collections::BTreeMap<String, Option<Vec<u8>>>,
) -> Vec<String> {
    let mut changed: Vec<String> = after
        .iter()
        .filter(|(name, bytes)| before.get(*name) != Some(bytes))
        .map(|(name, _)| name.clone())
        .collect();
    changed.extend(
        before
            .keys()
            .filter(|name| !after.contains_key(*name))
            .map(|name| format!("{name} (removed)")),
    );
    changed
}

/// The diagnostics of `unknown-hand` as an editor reads them: a headline with the code, the
/// place as `file:line:col`, the source line with the mistake underlined by `^`, the help,
/// and a summary line at the end.
#[test]
fn human_format_underlines_the_source_line() {
    let case = cases()
        .into_iter()
        .find(|case| case.name == "unknown-hand")
        .expect("the unknown-hand case");
    let test = copy(&case);
    let run = run_annals(test.root(), &["check"]);
    run.assert_failure();
    let expected = "\
error[unknown-hand]: footnote hand \"yv\" is not declared
  ┌─ documents/letter.md:5:19
  │
5 │ The bureau decided[^yv:2] to send troops.
  │                   ^^^^^^^
  │
  = help: did you mean \"yb\"? Declared hands: ed, yb.

error[unknown-hand]: footnote hand \"yv\" is not declared
  ┌─ documents/letter.md:7:1
  │
7 │ [^yv:2]: A note.
  │ ^^^^^^^^^^^^^^^^
  │
  = help: did you mean \"yb\"? Declared hands: ed, yb.

";
    let (diagnostics, summary) = run
        .stderr
        .rsplit_once("Checked ")
        .unwrap_or_else(|| panic!("no summary line:\n{}", run.show()));
    assert_eq!(
        diagnostics,
        expected,
        "{}",
        line_diff(expected, diagnostics)
    );
    assert!(
        summary.starts_with("2 documents and ") && summary.ends_with(" pages: 2 errors\n"),
        "summary: Checked {summary}"
    );
}

/// `annals check` on the sample edition at the repository root reports nothing at all and
/// exits 0, in both formats.
#[test]
fn sample_edition_checks_clean() {
    let root = sample_root();
    let json = run_annals(&root, &["check", ".", "--format", "json"]);
    json.assert_success();
    assert_eq!(
        json.stdout,
        "{\n  \"diagnostics\": [],\n  \"errors\": 0,\n  \"warnings\": 0\n}\n"
    );
    let human = run_annals(&root, &["check", "."]);
    human.assert_success().assert_stderr_has(&[": no problems"]);
    assert_eq!(human.stderr.lines().count(), 1, "{}", human.show());
}

/// An error in a theme's template is reported in the template's file, at its line and
/// column, in the JSON report too, where scripts and CI read the place.
#[test]
fn template_error_carries_its_file_and_line() {
    let test = EditionTest::inline(&[
        (
            "book.toml",
            "[edition]\ntitle = \"Test edition\"\n\n[build]\ntheme = \"mine\"\n",
        ),
        (
            "documents/good.md",
            "---\ntitle: A good document\ndate: 1920-07-01\n---\nText.\n",
        ),
        ("themes/mine/templates/document.html", "{% if %}\n"),
    ]);
    let run: Run = run_annals(test.root(), &["check", ".", "--format", "json"]);
    run.assert_failure();
    let report: serde_json::Value = serde_json::from_str(&run.stdout).expect("a JSON report");
    let diagnostic = &report["diagnostics"][0];
    assert_eq!(diagnostic["code"], "template", "{}", run.stdout);
    let place = (
        diagnostic["file"].as_str(),
        diagnostic["line"].as_u64(),
        diagnostic["column"].as_u64(),
    );
    assert_eq!(
        place,
        (
            Some("themes/mine/templates/document.html"),
            Some(1),
            Some(7)
        ),
        "{}",
        run.stdout
    );
}

/// The corpus has a case for every error class of the content model and every diagnostic
/// code annals emits from an edition, and at least 30 cases in all; every expected error
/// has a file and a line unless it is about no file at all.
#[test]
fn corpus_covers_every_error_class() {
    let cases = cases();
    assert!(cases.len() >= 30, "only {} cases", cases.len());
    let codes = [
        "bad-toml",
        "bad-yaml",
        "draft-link",
        "duplicate-alias",
        "duplicate-id",
        "duplicate-key",
        "duplicate-note",
        "empty-collection",
        "empty-link-target",
        "invalid-date",
        "invalid-id",
        "invalid-value",
        "merged-term",
        "missing-field",
        "no-book-toml",
        "no-documents",
        "no-front-matter",
        "not-utf8",
        "shared-name",
        "unclosed-front-matter",
        "undefined-note",
        "unknown-anchor",
        "unknown-document",
        "unknown-hand",
        "unknown-key",
        "unknown-link-scheme",
        "unknown-paragraph",
        "unknown-person",
        "unknown-place",
        "unknown-theme",
        "unnamed-term",
        "unsafe-link",
        "unsafe-output",
        "unused-note",
    ];
    let mut problems = Vec::new();
    let mut seen = std::collections::BTreeSet::new();
    for case in &cases {
        let report: serde_json::Value = serde_json::from_str(&case.expected)
            .unwrap_or_else(|error| panic!("tests/broken/{}: {error}", case.name));
        let diagnostics = report["diagnostics"].as_array().expect("a list");
        if diagnostics.is_empty() {
            problems.push(format!("{}: expects no diagnostic", case.name));
        }
        for diagnostic in diagnostics {
            let code = diagnostic["code"].as_str().expect("a code");
            seen.insert(code.to_owned());
            let placeless = ["no-book-toml", "no-documents", "unsafe-output"].contains(&code);
            if diagnostic["severity"] == "error" && !placeless && diagnostic["line"].is_null() {
                problems.push(format!("{}: {code} has no line", case.name));
            }
        }
    }
    for code in codes {
        if !seen.contains(code) {
            problems.push(format!("no case expects {code}"));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Text in a code block is shown as written, so a note label there is not a reference: a
/// document that explains the `[^1]` and `[^yb:1]` syntax in a fenced or an indented code
/// block has no error (inline code already works this way).
#[test]
fn note_labels_in_code_blocks_are_not_references() {
    let body = "How to cite:\n\n```\nText[^1] and a compiler's note[^yv:2].\n```\n\n\
                Or indented:\n\n    See[^3] here.\n\nInline `[^4]` is text too.\n";
    let test = EditionTest::inline(&[
        ("book.toml", "[edition]\ntitle = \"Test edition\"\n"),
        (
            "documents/guide.md",
            &format!("---\ntitle: A guide\ndate: 1920\n---\n{body}"),
        ),
    ]);
    let run = run_annals(test.root(), &["check", ".", "--format", "json"]);
    run.assert_success();
    assert_eq!(
        run.stdout,
        "{\n  \"diagnostics\": [],\n  \"errors\": 0,\n  \"warnings\": 0\n}\n"
    );
}
