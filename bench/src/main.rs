//! `annals-bench`: generates synthetic editions, builds them with annals and with the floor, and
//! prints a Markdown table of wall time, peak memory and output size (issue 8). The crate doc of
//! the library describes the editions and the method.

mod floor;
mod measure;
mod report;

use std::ffi::OsString;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::time::{Duration, Instant};

use annals_bench::{Manifest, Params};
use clap::{Args, Parser, Subcommand};
use serde::{Deserialize, Serialize};

use measure::Run;
use report::{Build, Measured, SizeReport};

/// Benchmark annals on synthetic editions of N documents: annals' full build against the floor
/// (front matter parsed, bodies rendered and written, nothing else), each in its own process.
#[derive(Parser, Debug)]
#[command(name = "annals-bench", args_conflicts_with_subcommands = true)]
struct Cli {
    #[command(subcommand)]
    command: Option<Tool>,
    #[command(flatten)]
    bench: BenchArgs,
}

/// Flags of the benchmark.
#[derive(Args, Debug)]
struct BenchArgs {
    /// Numbers of documents, one edition each.
    #[arg(long, value_delimiter = ',', default_value = "1000,10000,50000")]
    sizes: Vec<usize>,
    /// Seed of the generated editions.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Where editions and outputs go (default: target/bench-editions in the workspace).
    #[arg(long, value_name = "DIR")]
    work: Option<PathBuf>,
    /// The annals binary to measure (default: target/release/annals, brought up to date with
    /// `cargo build --release -p annals` first).
    #[arg(long, value_name = "PATH")]
    annals: Option<PathBuf>,
    /// Runs of each build; the table gives the median.
    #[arg(long, default_value_t = 3, value_parser = clap::value_parser!(u32).range(1..))]
    runs: u32,
}

/// Tools besides the benchmark.
#[derive(Subcommand, Debug)]
enum Tool {
    /// Generate one edition into an empty folder.
    Generate {
        /// The folder to create.
        dir: PathBuf,
        /// Number of documents.
        #[arg(long, default_value_t = 1000)]
        documents: usize,
        /// Seed.
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
    /// The floor: parse every document's front matter, render its body, write it; nothing else.
    Floor {
        /// The edition's folder.
        edition: PathBuf,
        /// Where to write.
        out: PathBuf,
    },
    /// Run a command, then write its wall time and peak memory to a file (used by the benchmark).
    #[command(hide = true)]
    Measure {
        /// Where to write the result.
        #[arg(long)]
        result: PathBuf,
        /// The command and its arguments.
        #[arg(last = true, required = true)]
        command: Vec<OsString>,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let outcome = match cli.command {
        Some(Tool::Generate {
            dir,
            documents,
            seed,
        }) => generate(&dir, &Params { documents, seed }),
        Some(Tool::Floor { edition, out }) => floor::run(&edition, &out).map(|_| ()),
        Some(Tool::Measure { result, command }) => measure::wrap(&result, &command),
        None => bench(&cli.bench),
    };
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("annals-bench: {error}");
            ExitCode::FAILURE
        }
    }
}

/// The workspace's root, where `target/` is.
fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("the bench crate is a folder of the workspace")
        .to_owned()
}

fn generate(dir: &Path, params: &Params) -> io::Result<()> {
    let start = Instant::now();
    let manifest = annals_bench::generate(dir, params)?;
    let summary = Summary::of(&manifest, dir)?;
    eprintln!(
        "{}: {} documents, {} words, {} files, {} bytes in {:.1} s",
        dir.display(),
        manifest.documents.len(),
        summary.words,
        summary.files,
        summary.bytes,
        start.elapsed().as_secs_f64()
    );
    Ok(())
}

/// What a generated edition holds, kept in its stamp so a reused edition can be described.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub(crate) struct Summary {
    /// Documents.
    pub(crate) documents: usize,
    /// Entries of people.yaml.
    pub(crate) people: usize,
    /// Entries of places.yaml.
    pub(crate) places: usize,
    /// Words of all bodies, notes excluded.
    pub(crate) words: usize,
    /// Documents referring to the person most referred to.
    pub(crate) top_person_documents: usize,
    /// Files of the edition.
    pub(crate) files: u64,
    /// Bytes of the edition.
    pub(crate) bytes: u64,
}

impl Summary {
    fn of(manifest: &Manifest, dir: &Path) -> io::Result<Summary> {
        let (files, bytes) = report::folder_size(dir)?;
        Ok(Summary {
            documents: manifest.documents.len(),
            people: manifest.people.len(),
            places: manifest.places.len(),
            words: manifest
                .documents
                .values()
                .map(|document| document.words)
                .sum(),
            top_person_documents: manifest
                .people
                .values()
                .map(|person| person.documents().len())
                .max()
                .unwrap_or(0),
            files,
            bytes,
        })
    }
}

/// `WORK/N-SEED/stamp.json`: the edition beside it was generated from these parameters by a
/// generator of this fingerprint, so it can be reused.
#[derive(Serialize, Deserialize, PartialEq, Debug)]
struct Stamp {
    documents: usize,
    seed: u64,
    fingerprint: String,
    generation_seconds: f64,
    summary: Summary,
}

/// The edition of `params` under `folder`, generated unless its stamp shows it is current.
/// Returns its stamp and whether it was generated now.
fn edition(folder: &Path, params: &Params) -> io::Result<(Stamp, bool)> {
    let fingerprint = format!("{:016x}", annals_bench::fingerprint());
    let stamp_path = folder.join("stamp.json");
    if let Ok(text) = fs::read_to_string(&stamp_path)
        && let Ok(stamp) = serde_json::from_str::<Stamp>(&text)
        && stamp.documents == params.documents
        && stamp.seed == params.seed
        && stamp.fingerprint == fingerprint
    {
        return Ok((stamp, false));
    }
    if folder.exists() {
        fs::remove_dir_all(folder)?;
    }
    let dir = folder.join("edition");
    eprintln!(
        "generating {} documents (seed {}) into {}",
        params.documents,
        params.seed,
        dir.display()
    );
    let start = Instant::now();
    let manifest = annals_bench::generate(&dir, params)?;
    let generation_seconds = start.elapsed().as_secs_f64();
    let stamp = Stamp {
        documents: params.documents,
        seed: params.seed,
        fingerprint,
        generation_seconds,
        summary: Summary::of(&manifest, &dir)?,
    };
    let text = serde_json::to_string_pretty(&stamp).expect("a stamp is plain data");
    fs::write(&stamp_path, text)?;
    nix::unistd::sync();
    Ok((stamp, true))
}

/// The annals binary: the one given, or the workspace's release build, brought up to date.
fn annals_binary(given: Option<&Path>) -> io::Result<PathBuf> {
    if let Some(path) = given {
        return Ok(path.to_owned());
    }
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    eprintln!("cargo build --release -p annals");
    let status = Command::new(cargo)
        .args(["build", "--release", "-p", "annals"])
        .current_dir(workspace())
        .status()?;
    if !status.success() {
        return Err(io::Error::other("`cargo build --release -p annals` failed"));
    }
    Ok(workspace().join("target/release/annals"))
}

fn bench(args: &BenchArgs) -> io::Result<()> {
    let work = args
        .work
        .clone()
        .unwrap_or_else(|| workspace().join("target/bench-editions"));
    let annals = annals_binary(args.annals.as_deref())?;
    // Measure a copy: a rebuild of annals during the benchmark must not change what is measured.
    fs::create_dir_all(&work)?;
    let snapshot = work.join("annals");
    // Through a new file, in case `--annals` names the snapshot itself.
    let copy = work.join("annals.new");
    fs::copy(&annals, &copy)?;
    fs::rename(&copy, &snapshot)?;
    let measured = Measured::describe(&annals, args.runs);
    let this = std::env::current_exe()?;
    let mut reports = Vec::new();
    for &documents in &args.sizes {
        let params = Params {
            documents,
            seed: args.seed,
        };
        let folder = work.join(format!("{documents}-{}", args.seed));
        let (stamp, generated) = edition(&folder, &params)?;
        let edition = folder.join("edition");
        let result = folder.join("measure.txt");
        let floor_out = folder.join("out-floor");
        let annals_out = folder.join("out-annals");
        let floor_command: Vec<OsString> = vec![
            this.clone().into(),
            "floor".into(),
            edition.clone().into(),
            floor_out.clone().into(),
        ];
        let annals_command: Vec<OsString> = vec![
            snapshot.clone().into(),
            "build".into(),
            edition.clone().into(),
            "--out".into(),
            annals_out.clone().into(),
        ];
        let mut floor_runs = Vec::new();
        let mut annals_runs = Vec::new();
        // Alternate the two, so drift in the machine's load falls on both alike.
        for run in 1..=args.runs {
            for (name, command, out, runs) in [
                ("floor", &floor_command, &floor_out, &mut floor_runs),
                ("annals", &annals_command, &annals_out, &mut annals_runs),
            ] {
                if out.exists() {
                    fs::remove_dir_all(out)?;
                }
                // Write back what the last run left dirty, so this run does not pay for it.
                nix::unistd::sync();
                let measured = measure::run(&this, &result, command)?;
                eprintln!(
                    "{documents} documents, {name}, run {run}/{}: {:.2} s, {:.0} MiB",
                    args.runs,
                    measured.wall.as_secs_f64(),
                    measured.peak_rss as f64 / 1_048_576.0
                );
                runs.push(measured);
            }
        }
        let written_out = folder.join("out-written");
        let floor_written = write_only(&floor_out, &written_out, "the floor's", args.runs)?;
        let annals_written = write_only(&annals_out, &written_out, "annals'", args.runs)?;
        let floor_build = Build::new(floor_runs, report::folder_size(&floor_out)?);
        let annals_build = Build::new(annals_runs, report::folder_size(&annals_out)?);
        reports.push(SizeReport {
            summary: stamp.summary,
            generation: Duration::from_secs_f64(stamp.generation_seconds),
            generated,
            floor: floor_build,
            annals: annals_build,
            floor_written,
            annals_written,
        });
    }
    print!("{}", report::markdown(&reports, &measured));
    Ok(())
}

/// [`floor::write_only`] of the output in `site`, `runs` times into `out`; `whose` names it
/// in the progress lines.
fn write_only(site: &Path, out: &Path, whose: &str, runs: u32) -> io::Result<Build> {
    let mut measured = Vec::new();
    for run in 1..=runs {
        if out.exists() {
            fs::remove_dir_all(out)?;
        }
        nix::unistd::sync();
        let (wall, cpu) = floor::write_only(site, out)?;
        eprintln!(
            "{whose} output written alone, run {run}/{runs}: {:.2} s",
            wall.as_secs_f64()
        );
        measured.push(Run {
            wall,
            cpu,
            peak_rss: 0,
            stderr: String::new(),
        });
    }
    let build = Build::new(measured, report::folder_size(out)?);
    // A copy of an output kept beside it: nothing to look at, only space taken.
    fs::remove_dir_all(out)?;
    Ok(build)
}
