//! The benchmark's report: Markdown tables to paste into an issue, with the machine they were
//! measured on and issue 8's two targets checked.

use std::fmt::Write;
use std::io;
use std::path::Path;
use std::process::Command;
use std::time::Duration;

use walkdir::WalkDir;

use crate::Summary;
use crate::measure::Run;

/// Issue 8: annals' full build takes at most this multiple of the floor's wall time.
const TIME_TARGET: f64 = 1.5;

/// Issue 8: annals' peak memory stays under this at 50,000 documents.
const MEMORY_TARGET: u64 = 1 << 30;

/// The documents at which [`MEMORY_TARGET`] applies.
const MEMORY_TARGET_AT: usize = 50_000;

/// The runs of one build of one edition, and its output.
pub(crate) struct Build {
    runs: Vec<Run>,
    files: u64,
    bytes: u64,
}

impl Build {
    /// `runs` (at least one) writing `files` files of `bytes` bytes in all.
    pub(crate) fn new(runs: Vec<Run>, (files, bytes): (u64, u64)) -> Build {
        assert!(!runs.is_empty(), "a build is measured at least once");
        Build { runs, files, bytes }
    }

    fn median<T: Ord + Copy>(&self, key: impl Fn(&Run) -> T) -> T {
        let mut values: Vec<T> = self.runs.iter().map(key).collect();
        values.sort_unstable();
        values[values.len() / 2]
    }

    fn wall(&self) -> Duration {
        self.median(|run| run.wall)
    }

    fn cpu(&self) -> Duration {
        self.median(|run| run.cpu)
    }

    /// The highest peak of all runs: the target is a ceiling.
    fn peak_rss(&self) -> u64 {
        self.runs.iter().map(|run| run.peak_rss).max().unwrap_or(0)
    }
}

/// One edition's results.
pub(crate) struct SizeReport {
    /// The edition.
    pub(crate) summary: Summary,
    /// How long generating it took.
    pub(crate) generation: Duration,
    /// Whether it was generated in this run (else reused).
    pub(crate) generated: bool,
    /// The floor's runs.
    pub(crate) floor: Build,
    /// annals' runs.
    pub(crate) annals: Build,
    /// The floor's output written again from memory ([`crate::floor::write_only`]): no peak
    /// memory, as it runs inside the benchmark.
    pub(crate) floor_written: Build,
    /// annals' output written again from memory, likewise.
    pub(crate) annals_written: Build,
}

/// Where the measurements were taken.
pub(crate) struct Measured {
    cores: usize,
    cpu: String,
    kernel: String,
    load: String,
    annals: String,
    runs: u32,
}

impl Measured {
    /// This machine, the annals binary at `annals` (with the workspace's commit), and the
    /// number of runs per build.
    pub(crate) fn describe(annals: &Path, runs: u32) -> Measured {
        let cpuinfo = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
        let cpu = cpuinfo
            .lines()
            .find_map(|line| {
                line.strip_prefix("model name")?
                    .split_once(':')
                    .map(|(_, name)| name.trim().to_owned())
            })
            .unwrap_or_else(|| "unknown processor".to_owned());
        let kernel = std::fs::read_to_string("/proc/sys/kernel/osrelease")
            .map(|text| format!("Linux {}", text.trim()))
            .unwrap_or_else(|_| std::env::consts::OS.to_owned());
        let commit = Command::new("git")
            .args(["describe", "--always", "--dirty"])
            .current_dir(crate::workspace())
            .output()
            .ok()
            .filter(|output| output.status.success())
            .map(|output| String::from_utf8_lossy(&output.stdout).trim().to_owned())
            .unwrap_or_else(|| "unknown commit".to_owned());
        // The 1-minute load average: other work on the machine shows in every timing.
        let load = std::fs::read_to_string("/proc/loadavg")
            .ok()
            .and_then(|text| text.split_whitespace().next().map(str::to_owned))
            .unwrap_or_else(|| "unknown".to_owned());
        Measured {
            cores: std::thread::available_parallelism().map_or(1, usize::from),
            cpu,
            kernel,
            load,
            annals: format!("`{}` at {commit}", annals.display()),
            runs,
        }
    }
}

/// The number of files under `dir` and their total size in bytes.
pub(crate) fn folder_size(dir: &Path) -> io::Result<(u64, u64)> {
    let mut files = 0;
    let mut bytes = 0;
    for entry in WalkDir::new(dir) {
        let entry = entry.map_err(io::Error::from)?;
        if entry.file_type().is_file() {
            files += 1;
            bytes += entry.metadata().map_err(io::Error::from)?.len();
        }
    }
    Ok((files, bytes))
}

/// The report in Markdown.
pub(crate) fn markdown(reports: &[SizeReport], measured: &Measured) -> String {
    let mut out = String::new();
    let w = &mut out;
    let line = "writing to a String cannot fail";
    writeln!(w, "### annals-bench\n").expect(line);
    writeln!(
        w,
        "Machine: {} cores available ({}), {}, load average {} when the benchmark started. \
         annals: {}. Wall time and CPU time (user + system, all threads) are medians of {} \
         runs, min-max of wall time in brackets; peak RSS is the highest of the runs.\n",
        measured.cores,
        measured.cpu,
        measured.kernel,
        measured.load,
        measured.annals,
        measured.runs
    )
    .expect(line);
    writeln!(
        w,
        "| documents | build | wall time | CPU | peak RSS | output | files | time / floor | CPU / floor |\n\
         |---:|---|---:|---:|---:|---:|---:|---:|---:|"
    )
    .expect(line);
    for report in reports {
        let floor_wall = report.floor.wall().as_secs_f64();
        let floor_cpu = report.floor.cpu().as_secs_f64();
        for (name, build) in [
            ("floor", &report.floor),
            ("annals build", &report.annals),
            ("floor's output, written alone", &report.floor_written),
            ("annals' output, written alone", &report.annals_written),
        ] {
            let walls = build.runs.iter().map(|run| run.wall);
            let min = walls.clone().min().unwrap_or_default();
            let max = walls.max().unwrap_or_default();
            writeln!(
                w,
                "| {} | {name} | {:.2} s ({:.2}-{:.2}) | {:.2} s | {} | {} | {} | {:.2}× | {:.2}× |",
                thousands(report.summary.documents as u64),
                build.wall().as_secs_f64(),
                min.as_secs_f64(),
                max.as_secs_f64(),
                build.cpu().as_secs_f64(),
                match build.peak_rss() {
                    0 => "—".to_owned(),
                    peak => mebibytes(peak),
                },
                mebibytes(build.bytes),
                thousands(build.files),
                build.wall().as_secs_f64() / floor_wall,
                build.cpu().as_secs_f64() / floor_cpu,
            )
            .expect(line);
        }
    }

    writeln!(
        w,
        "\nEditions (seeded, generated by `annals-bench`):\n\n\
         | documents | people | places | words | top person in | edition | files | generation |\n\
         |---:|---:|---:|---:|---:|---:|---:|---:|"
    )
    .expect(line);
    for report in reports {
        let summary = &report.summary;
        writeln!(
            w,
            "| {} | {} | {} | {} | {} documents | {} | {} | {:.1} s{} |",
            thousands(summary.documents as u64),
            thousands(summary.people as u64),
            thousands(summary.places as u64),
            thousands(summary.words as u64),
            thousands(summary.top_person_documents as u64),
            mebibytes(summary.bytes),
            thousands(summary.files),
            report.generation.as_secs_f64(),
            if report.generated { "" } else { " (earlier)" },
        )
        .expect(line);
    }

    writeln!(w, "\nTargets of issue 8:\n").expect(line);
    for report in reports {
        let ratio = report.annals.wall().as_secs_f64() / report.floor.wall().as_secs_f64();
        let documents = thousands(report.summary.documents as u64);
        writeln!(
            w,
            "- {documents} documents: annals takes {ratio:.2}× the floor's wall time (target ≤ {TIME_TARGET}×): {}",
            verdict(ratio <= TIME_TARGET)
        )
        .expect(line);
        // The floor's own work, less its writing, plus the writing of annals' output: what a
        // build that did the floor's work and nothing else but write annals' files would take.
        let floor = report.floor.wall().as_secs_f64();
        let bound = (floor - report.floor_written.wall().as_secs_f64()
            + report.annals_written.wall().as_secs_f64())
            / floor;
        writeln!(
            w,
            "  - the floor's work, its writing replaced by the writing of annals' output, would take about {bound:.2}× the floor"
        )
        .expect(line);
        if report.summary.documents >= MEMORY_TARGET_AT {
            let peak = report.annals.peak_rss();
            writeln!(
                w,
                "- {documents} documents: annals' peak RSS is {} (target < 1 GiB): {}",
                mebibytes(peak),
                verdict(peak < MEMORY_TARGET)
            )
            .expect(line);
        }
    }

    for report in reports {
        // annals ends a build with one summary line ("Built N documents into M pages in T s");
        // anything else on standard error is a warning worth reading.
        let lines: Vec<&str> = report.annals.runs[0]
            .stderr
            .lines()
            .filter(|text| !text.trim().is_empty() && !text.starts_with("Built "))
            .collect();
        if !lines.is_empty() {
            writeln!(
                w,
                "\nannals wrote {} more lines to standard error at {} documents (first 40):\n\n```text",
                lines.len(),
                thousands(report.summary.documents as u64)
            )
            .expect(line);
            for text in lines.iter().take(40) {
                writeln!(w, "{text}").expect(line);
            }
            writeln!(w, "```").expect(line);
        }
    }
    out
}

fn verdict(met: bool) -> &'static str {
    if met { "met" } else { "**missed**" }
}

/// `12345678` as `12,345,678`.
fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (k, digit) in digits.chars().enumerate() {
        if k > 0 && (digits.len() - k).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

/// Bytes in MiB, with one decimal below 100.
fn mebibytes(bytes: u64) -> String {
    let mib = bytes as f64 / 1_048_576.0;
    if mib < 100.0 {
        format!("{mib:.1} MiB")
    } else {
        format!("{mib:.0} MiB")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Large numbers are grouped by thousands, as in the issue's text.
    #[test]
    fn groups_thousands() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(1000), "1,000");
        assert_eq!(thousands(50_000), "50,000");
        assert_eq!(thousands(1_234_567), "1,234,567");
    }
}
