//! The `annals` command: parse the command line, run a command, print what happened, exit
//! 0 (done), 1 (the edition has errors) or 2 (annals could not read or write files).

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use annals::cli::{Cli, Command, Format};
use annals::diagnostics::Diagnostics;
use annals::progress::Progress;
use annals::{BuildOptions, Summary};
use clap::Parser;
use codespan_reporting::term::termcolor::{BufferedStandardStream, ColorChoice};

/// Building allocates many small strings on every thread; mimalloc's per-thread heaps make
/// the build measurably faster than the system allocator (see the README's benchmark).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Build {
            path,
            out,
            drafts,
            format,
        } => {
            let options = BuildOptions {
                root: path,
                output: out,
                drafts,
            };
            finish(
                annals::build(&options, &Bar::default()),
                format,
                Verb::Build,
            )
        }
        Command::Check {
            path,
            drafts,
            format,
        } => {
            let options = BuildOptions {
                root: path,
                output: None,
                drafts,
            };
            finish(
                annals::check(&options, &Bar::default()),
                format,
                Verb::Check,
            )
        }
        Command::New { path } => match annals::new::edition(&path) {
            Ok(()) => {
                let shown = annals::shown(&path);
                eprintln!("Created a new edition in {shown}/");
                eprintln!("Build it with: annals build {shown}");
                ExitCode::SUCCESS
            }
            Err(error) => {
                eprintln!("error: {error}");
                ExitCode::from(if error.kind() == std::io::ErrorKind::AlreadyExists {
                    1
                } else {
                    2
                })
            }
        },
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Verb {
    Build,
    Check,
}

fn finish(
    result: std::io::Result<(Option<Summary>, Diagnostics)>,
    format: Format,
    verb: Verb,
) -> ExitCode {
    let (summary, diagnostics) = match result {
        Ok(result) => result,
        Err(error) => {
            eprintln!("error: {error}");
            return ExitCode::from(2);
        }
    };
    let printed = match format {
        Format::Json => {
            let mut out = std::io::BufWriter::new(std::io::stdout().lock());
            diagnostics.print_json(&mut out).and_then(|()| out.flush())
        }
        Format::Human => {
            let color = if std::io::stderr().is_terminal() {
                ColorChoice::Auto
            } else {
                ColorChoice::Never
            };
            // Buffered: thousands of diagnostics must not cost a system call per fragment.
            let mut err = BufferedStandardStream::stderr(color);
            diagnostics.print_human(&mut err).and_then(|()| err.flush())
        }
    };

    if let Err(error) = printed {
        eprintln!("error: cannot print the diagnostics: {error}");
    }
    let failed = diagnostics.has_errors() || summary.is_none();
    let counts = counts(&diagnostics);
    let mut err = std::io::stderr().lock();
    let _ = match (verb, summary, failed) {
        (Verb::Build, Some(summary), false) => {
            let output = summary
                .output
                .as_deref()
                .map(annals::shown)
                .unwrap_or_default();
            writeln!(
                err,
                "Built {} into {} pages in {:.2} s{}: open {output}/index.html",
                plural(summary.documents, "document"),
                summary.pages,
                summary.seconds,
                counts.map(|c| format!(" ({c})")).unwrap_or_default(),
            )
        }
        (Verb::Build, _, _) => writeln!(
            err,
            "error: build failed ({}); nothing was written",
            counts.unwrap_or_else(|| "no site could be made".to_owned())
        ),
        (Verb::Check, Some(summary), _) => writeln!(
            err,
            "Checked {} and {} pages: {}",
            plural(summary.documents, "document"),
            summary.pages,
            counts.unwrap_or_else(|| "no problems".to_owned())
        ),
        (Verb::Check, None, _) => writeln!(err, "Check stopped: {}", counts.unwrap_or_default()),
    };
    if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// "1 document", "2 documents".
fn plural(n: usize, word: &str) -> String {
    format!("{n} {word}{}", if n == 1 { "" } else { "s" })
}

/// "2 errors, 1 warning", or `None` when there is nothing to count.
fn counts(diagnostics: &Diagnostics) -> Option<String> {
    let mut parts = Vec::new();
    if diagnostics.errors() > 0 {
        parts.push(plural(diagnostics.errors(), "error"));
    }
    if diagnostics.warnings() > 0 {
        parts.push(plural(diagnostics.warnings(), "warning"));
    }
    (!parts.is_empty()).then(|| parts.join(", "))
}

/// A progress bar on standard error, drawn only when it is a terminal.
#[derive(Default)]
struct Bar {
    bar: std::sync::Mutex<Option<indicatif::ProgressBar>>,
}

impl Progress for Bar {
    fn start(&self, stage: &'static str, total: usize) {
        let style = indicatif::ProgressStyle::with_template("{prefix:>10} [{bar:30}] {pos}/{len}")
            .expect("the template is valid")
            .progress_chars("=> ");
        let bar = indicatif::ProgressBar::new(total as u64).with_style(style);
        bar.set_prefix(stage);
        *self.bar.lock().expect("no panics while held") = Some(bar);
    }

    fn step(&self) {
        if let Some(bar) = &*self.bar.lock().expect("no panics while held") {
            bar.inc(1);
        }
    }

    fn finish(&self) {
        if let Some(bar) = self.bar.lock().expect("no panics while held").take() {
            bar.finish_and_clear();
        }
    }
}
