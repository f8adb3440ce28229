//! Problems found in an edition, as values.
//!
//! Every stage returns its [`Diagnostics`] beside its result instead of stopping at the first
//! problem, so one run reports everything. This module is the one place that prints them: as
//! rustc-style snippets with the offending source underlined, or as JSON for scripts and CI.

use std::collections::BTreeMap;
use std::io::{self, Write};

use codespan_reporting::diagnostic::{Diagnostic as Report, Label, Severity as ReportSeverity};
use codespan_reporting::files::SimpleFiles;
use codespan_reporting::term::{self, termcolor::WriteColor};
use serde::Serialize;

use crate::source::{LineIndex, SourcePath, Span};

/// How serious a problem is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The edition builds, but an editor should look (e.g. a person missing from people.yaml).
    Warning,
    /// The edition cannot be published until this is fixed.
    Error,
}

/// One problem, with where it is and how to fix it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// Warning or error.
    pub severity: Severity,
    /// Stable kebab-case name of the problem (`unknown-hand`); scripts and tests key on it.
    pub code: &'static str,
    /// What is wrong, in one sentence.
    pub message: String,
    /// Where; `None` only for problems with no place in any file.
    pub span: Option<Span>,
    /// A short remark printed under the underlined source.
    pub label: Option<String>,
    /// How to fix it.
    pub help: Option<String>,
}

impl Diagnostic {
    /// An error named `code`.
    pub fn error(code: &'static str, message: impl Into<String>) -> Diagnostic {
        Diagnostic::new(Severity::Error, code, message)
    }

    /// A warning named `code`.
    pub fn warning(code: &'static str, message: impl Into<String>) -> Diagnostic {
        Diagnostic::new(Severity::Warning, code, message)
    }

    fn new(severity: Severity, code: &'static str, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            severity,
            code,
            message: message.into(),
            span: None,
            label: None,
            help: None,
        }
    }

    /// Places the problem at `span`.
    pub fn at(mut self, span: Span) -> Diagnostic {
        self.span = Some(span);
        self
    }

    /// Adds a remark under the underlined source.
    pub fn with_label(mut self, label: impl Into<String>) -> Diagnostic {
        self.label = Some(label.into());
        self
    }

    /// Adds advice on how to fix the problem.
    pub fn with_help(mut self, help: impl Into<String>) -> Diagnostic {
        self.help = Some(help.into());
        self
    }

    fn sort_key(&self) -> (Option<&SourcePath>, usize, usize, &'static str, &str) {
        let (file, start, end) = match &self.span {
            Some(span) => (Some(&span.file), span.start, span.end),
            None => (None, 0, 0),
        };
        (file, start, end, self.code, &self.message)
    }
}

/// The problems found by a run, in the order found; [`Diagnostics::sorted`] orders them for print.
#[derive(Debug, Default)]
pub struct Diagnostics {
    list: Vec<Diagnostic>,
}

impl Diagnostics {
    /// No problems.
    pub fn new() -> Diagnostics {
        Diagnostics::default()
    }

    /// Records a problem.
    pub fn push(&mut self, diagnostic: Diagnostic) {
        self.list.push(diagnostic);
    }

    /// Records every problem of `other`.
    pub fn extend(&mut self, other: Diagnostics) {
        self.list.extend(other.list);
    }

    /// Whether any problem is an error.
    pub fn has_errors(&self) -> bool {
        self.list.iter().any(|d| d.severity == Severity::Error)
    }

    /// Number of errors.
    pub fn errors(&self) -> usize {
        self.count(Severity::Error)
    }

    /// Number of warnings.
    pub fn warnings(&self) -> usize {
        self.count(Severity::Warning)
    }

    /// Counted as printed: a problem two stages found alike (a file that changed mid-build,
    /// seen by the search index and by its page) is one.
    fn count(&self, severity: Severity) -> usize {
        self.sorted()
            .into_iter()
            .filter(|d| d.severity == severity)
            .count()
    }

    /// Turns every warning into an error: `[build] strict = true`.
    pub fn escalate_warnings(&mut self) {
        for diagnostic in &mut self.list {
            diagnostic.severity = Severity::Error;
        }
    }

    /// The problems sorted by file, then position, each once.
    pub fn sorted(&self) -> Vec<&Diagnostic> {
        let mut sorted: Vec<&Diagnostic> = self.list.iter().collect();
        sorted.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
        sorted.dedup();
        sorted
    }

    /// Prints every problem as a source snippet to `out`, which may colour it.
    pub fn print_human(&self, out: &mut dyn WriteColor) -> io::Result<()> {
        let sources = Sources::read(&self.list);
        let config = term::Config::default();
        for diagnostic in self.sorted() {
            let report = sources.report(diagnostic);
            term::emit_to_write_style(out, &config, &sources.files, &report)
                .map_err(io::Error::other)?;
        }
        Ok(())
    }

    /// Prints every problem as one JSON document: `{"diagnostics": [...], "errors": N, "warnings": N}`.
    pub fn print_json(&self, out: &mut dyn Write) -> io::Result<()> {
        let sources = Sources::read(&self.list);
        let diagnostics: Vec<JsonDiagnostic> =
            self.sorted().into_iter().map(|d| sources.json(d)).collect();
        let report = JsonReport {
            diagnostics,
            errors: self.errors(),
            warnings: self.warnings(),
        };
        serde_json::to_writer_pretty(&mut *out, &report)?;
        writeln!(out)
    }
}

impl IntoIterator for Diagnostics {
    type Item = Diagnostic;
    type IntoIter = std::vec::IntoIter<Diagnostic>;

    fn into_iter(self) -> Self::IntoIter {
        self.list.into_iter()
    }
}

/// What `--format json` prints.
#[derive(Serialize)]
struct JsonReport<'a> {
    diagnostics: Vec<JsonDiagnostic<'a>>,
    errors: usize,
    warnings: usize,
}

/// A diagnostic as `--format json` prints it. Lines and columns are 1-based; columns count
/// characters.

#[derive(Serialize)]
struct JsonDiagnostic<'a> {
    severity: Severity,
    code: &'a str,
    message: &'a str,
    file: Option<String>,
    line: Option<usize>,
    column: Option<usize>,
    end_line: Option<usize>,
    end_column: Option<usize>,
    label: Option<&'a str>,
    help: Option<&'a str>,
}

/// The text of every file named by a diagnostic, read once when printing. Files that cannot be
/// read any more (or are not UTF-8) are shown as far as they can be. A byte-order mark is left
/// out of the text shown, and spans (which count it) are moved back over it, so columns on
/// the first line count what an editor sees.
struct Sources {
    files: SimpleFiles<String, String>,
    by_path: BTreeMap<SourcePath, SourceFile>,
}

/// One file as printing sees it.
struct SourceFile {
    /// Its id among `Sources::files`.
    id: usize,
    /// Bytes of a byte-order mark removed from the start.
    bom: usize,
    /// Its lines, for JSON's line and column.
    lines: LineIndex,
}

impl Sources {
    fn read(diagnostics: &[Diagnostic]) -> Sources {
        let mut files = SimpleFiles::new();
        let mut by_path = BTreeMap::new();
        for span in diagnostics.iter().filter_map(|d| d.span.as_ref()) {
            by_path.entry(span.file.clone()).or_insert_with(|| {
                let bytes = std::fs::read(span.file.path()).unwrap_or_default();
                let bom = if bytes.starts_with(b"\xEF\xBB\xBF") {
                    3
                } else {
                    0
                };
                let text = String::from_utf8_lossy(&bytes[bom..]).into_owned();
                let lines = LineIndex::new(&text);
                let id = files.add(span.file.to_string(), text);
                SourceFile { id, bom, lines }
            });
        }
        Sources { files, by_path }
    }

    fn text(&self, file: &SourceFile) -> &str {
        self.files
            .get(file.id)
            .expect("every diagnostic's file was added in Sources::read")
            .source()
    }

    /// The file of `span` and the span's range in its shown text: whole characters, so a
    /// single invalid byte is still one character wide.
    fn locate(&self, span: &Span) -> (&SourceFile, std::ops::Range<usize>) {
        let file = &self.by_path[&span.file];
        let text = self.text(file);
        let start = crate::source::floor_char_boundary(text, span.start.saturating_sub(file.bom));
        let end =
            crate::source::ceil_char_boundary(text, span.end.saturating_sub(file.bom)).max(start);
        (file, start..end)
    }

    fn report(&self, diagnostic: &Diagnostic) -> Report<usize> {
        let severity = match diagnostic.severity {
            Severity::Warning => ReportSeverity::Warning,
            Severity::Error => ReportSeverity::Error,
        };
        let mut report = Report::new(severity)
            .with_code(diagnostic.code)
            .with_message(&diagnostic.message);
        if let Some(span) = &diagnostic.span {
            let (file, range) = self.locate(span);
            let text = self.text(file);
            // Underline at most the rest of the first line, and not a whole screen of it: a
            // span over a 50,000-character line must stay readable.
            let line_end = text[range.start..]
                .find(['\n', '\r'])
                .map_or(text.len(), |i| range.start + i);
            let limit = crate::source::floor_char_boundary(text, range.start + 120);
            let end = range.end.min(line_end).min(limit).max(range.start);
            let mut label = Label::primary(file.id, range.start..end);
            if let Some(remark) = &diagnostic.label {
                label = label.with_message(remark);
            }
            report = report.with_labels(vec![label]);
        }
        if let Some(help) = &diagnostic.help {
            report = report.with_notes(vec![format!("help: {help}")]);
        }
        report
    }

    fn json<'a>(&self, diagnostic: &'a Diagnostic) -> JsonDiagnostic<'a> {
        let (file, start, end) = match &diagnostic.span {
            Some(span) => {
                let (file, range) = self.locate(span);
                let text = self.text(file);
                let start = file.lines.line_col(text, range.start);
                let end = file.lines.line_col(text, range.end);
                (Some(span.file.to_string()), Some(start), Some(end))
            }
            None => (None, None, None),
        };
        JsonDiagnostic {
            severity: diagnostic.severity,
            code: diagnostic.code,
            message: &diagnostic.message,
            file,
            line: start.map(|(line, _)| line),
            column: start.map(|(_, column)| column),
            end_line: end.map(|(line, _)| line),
            end_column: end.map(|(_, column)| column),
            label: diagnostic.label.as_deref(),
            help: diagnostic.help.as_deref(),
        }
    }
}

/// The candidate nearest to `word`, for "did you mean": at most one edit (a swap of two
/// neighbours counts as one) per four characters away, at least one; ties go to the first in
/// alphabetical order.
pub fn closest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let length = word.chars().count();
    let allowed = (length / 4).max(1);
    candidates
        .into_iter()
        // Lengths further apart than the allowed edits cannot match: skip the costly distance.
        .filter(|candidate| {
            candidate.len().abs_diff(word.len()) <= allowed * 4
                && candidate.chars().count().abs_diff(length) <= allowed
        })
        .map(|candidate| (strsim::osa_distance(word, candidate), candidate))
        .filter(|(distance, _)| *distance <= allowed)
        .min()
        .map(|(_, candidate)| candidate)
}

/// The diagnostic for a source file that is not UTF-8, or the I/O error that stopped reading it.
pub fn from_read_error(
    error: crate::source::ReadError,
    file: &SourcePath,
) -> Result<Diagnostic, io::Error> {
    match error {
        crate::source::ReadError::Io(error) => Err(error),
        crate::source::ReadError::NotUtf8 { offset } => {
            Ok(Diagnostic::error("not-utf8", "this file is not UTF-8 text")
                .at(Span::new(file, offset..offset + 1))
                .with_label("this byte is not UTF-8")
                .with_help(
                    "save the file as UTF-8 (most editors offer it under \"Save with encoding\")",
                ))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The same problem found by two stages is printed and counted once; different problems
    /// are all kept.
    #[test]
    fn a_problem_found_twice_counts_once() {
        let mut diagnostics = Diagnostics::new();
        let changed = || Diagnostic::error("file-changed", "documents/a.md changed");
        diagnostics.push(changed());
        diagnostics.push(Diagnostic::warning("shared-name", "two people are Smith"));
        diagnostics.push(changed());
        assert_eq!(diagnostics.errors(), 1);
        assert_eq!(diagnostics.warnings(), 1);
        assert_eq!(diagnostics.sorted().len(), 2);
    }
}
