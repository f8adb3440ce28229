//! The command line: commands and flags, no logic.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

/// annals turns an edition of historical documents (Markdown with YAML front matter) into
/// a static website: documents, people, places, subjects, a timeline, citations.
#[derive(Parser, Debug)]
#[command(name = "annals", version, about, propagate_version = true)]
#[command(after_help = "Examples:
  annals new my-edition          Start a new edition in the folder my-edition
  annals build                   Build the edition in this folder into site/
  annals build my-edition --out ../preview
  annals check --format json     Report problems as JSON, for scripts and CI

Open site/index.html in a browser to read the result.")]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The commands.
#[derive(Subcommand, Debug)]
pub enum Command {
    /// Build the edition into a static site (by default in its site/ folder).
    #[command(after_help = "Examples:
  annals build                   Build the edition in this folder
  annals build ../caucasus       Build another edition
  annals build --drafts --out ../preview

Nothing is written if the edition has errors; the previous site stays as it was.")]
    Build {
        /// The edition's folder, holding book.toml and documents/.
        #[arg(default_value = ".")]
        path: PathBuf,
        /// Where to write the site (default: [build] output of book.toml, else site/).
        #[arg(long, value_name = "DIR")]
        out: Option<PathBuf>,
        /// Include documents marked `draft: true`.
        #[arg(long)]
        drafts: bool,
        /// How to report problems.
        #[arg(long, value_enum, default_value_t = Format::Human)]
        format: Format,
    },
    /// Check the edition for problems without writing anything.
    #[command(after_help = "Examples:
  annals check                   Check the edition in this folder
  annals check --format json     One JSON document on standard output

Exits with 1 when there are errors, 0 otherwise.")]
    Check {
        /// The edition's folder, holding book.toml and documents/.
        #[arg(default_value = ".")]
        path: PathBuf,
        /// Also check documents marked `draft: true` as if published.
        #[arg(long)]
        drafts: bool,
        /// How to report problems.
        #[arg(long, value_enum, default_value_t = Format::Human)]
        format: Format,
    },
    /// Create a new edition with a sample document, ready to build.
    #[command(after_help = "Example:
  annals new letters && cd letters && annals build")]
    New {
        /// The folder to create (it must not exist, or be empty).
        path: PathBuf,
    },
}

/// How problems are reported.
#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Readable messages with the source underlined, on standard error.
    Human,
    /// One JSON document on standard output.
    Json,
}
