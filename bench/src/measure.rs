//! Timing a command and reading its peak memory.
//!
//! Linux reports the maximum resident set of reaped children through
//! `getrusage(RUSAGE_CHILDREN)`: the largest of them, not a sum. A process that has run
//! only one child thus learns exactly that child's peak. So every measured command runs under
//! a wrapper, `annals-bench measure --result FILE -- COMMAND...`, a fresh process that runs the
//! command, waits, and writes wall time, peak memory and exit code to `FILE`. The wrapper
//! passes the command's output through; the benchmark captures it.

use std::ffi::OsString;
use std::fs;
use std::io;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use nix::sys::resource::{UsageWho, getrusage};

/// One run of a command.
#[derive(Clone, Debug)]
pub(crate) struct Run {
    /// From spawning the command to its exit.
    pub(crate) wall: Duration,
    /// Processor time it used, user and system, on all its threads.
    pub(crate) cpu: Duration,
    /// Its maximum resident set, in bytes.
    pub(crate) peak_rss: u64,
    /// Everything it wrote to standard error.
    pub(crate) stderr: String,
}

/// The wrapper's side: runs `command`, then writes `WALL_NANOS PEAK_KIB EXIT_CODE CPU_MICROS`
/// to `result`.
pub(crate) fn wrap(result: &Path, command: &[OsString]) -> io::Result<()> {
    let (program, args) = command
        .split_first()
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "no command to measure"))?;
    let start = Instant::now();
    let status = Command::new(program).args(args).status()?;
    let wall = start.elapsed();
    let usage = getrusage(UsageWho::RUSAGE_CHILDREN).map_err(io::Error::from)?;
    // A command killed by a signal has no code; -1 stands for that.
    let code = status.code().unwrap_or(-1);
    let micros =
        |time: nix::sys::time::TimeVal| time.tv_sec() as i128 * 1_000_000 + time.tv_usec() as i128;
    let cpu = micros(usage.user_time()) + micros(usage.system_time());
    fs::write(
        result,
        format!("{} {} {code} {cpu}\n", wall.as_nanos(), usage.max_rss()),
    )
}

/// The benchmark's side: runs `command` under the wrapper (`wrapper` is this executable);
/// `result` is a scratch file. A command that fails is an error holding its standard error.
pub(crate) fn run(wrapper: &Path, result: &Path, command: &[OsString]) -> io::Result<Run> {
    let output = Command::new(wrapper)
        .arg("measure")
        .arg("--result")
        .arg(result)
        .arg("--")
        .args(command)
        .output()?;
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    let failed = |message: String| io::Error::other(format!("{message}\n{stderr}"));
    if !output.status.success() {
        return Err(failed(format!(
            "the measuring wrapper failed ({})",
            output.status
        )));
    }
    let text = fs::read_to_string(result)?;
    let fields: Vec<i128> = text
        .split_whitespace()
        .map(|field| {
            field
                .parse()
                .map_err(|_| failed(format!("unreadable result {text:?}")))
        })
        .collect::<io::Result<_>>()?;
    let [wall_nanos, peak_kib, code, cpu_micros] = fields[..] else {
        return Err(failed(format!("unreadable result {text:?}")));
    };
    if code != 0 {
        let shown: Vec<_> = command.iter().map(|part| part.to_string_lossy()).collect();
        return Err(failed(format!("`{}` exited with {code}", shown.join(" "))));
    }
    Ok(Run {
        wall: Duration::from_nanos(wall_nanos as u64),
        cpu: Duration::from_micros(cpu_micros as u64),
        peak_rss: peak_kib as u64 * 1024,
        stderr,
    })
}
