//! Where built pages go: the only module that touches the output folder.
//!
//! A build writes into a fresh staging folder beside the output (`.site.annals-staging-*`) and
//! swaps it in only after every page was written without error, so a failed, interrupted or
//! concurrent build never leaves a half-written site. Guards refuse an output folder that
//! would put editors' files at risk: the edition root, a folder holding `documents/`, an
//! ancestor of the edition, or an existing folder that annals did not make.

use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use crate::urls::SitePath;

/// Marks a folder as annals' output, so a later build may replace it.
const MARKER: &str = ".annals";
const MARKER_TEXT: &str = "This folder is built by annals and replaced on every build. Edit the edition's sources instead.\n";

/// Receives the built files, possibly from many threads at once.
pub trait Sink: Sync {
    /// A writer for the file at `path`; the caller flushes it when the file is complete, so
    /// a failed write is reported rather than lost on drop.
    fn create(&self, path: &SitePath) -> io::Result<Box<dyn Write + Send>>;
}

/// Keeps nothing: `annals check` renders every page through it to find template errors.
pub struct Discard;

impl Sink for Discard {
    fn create(&self, _path: &SitePath) -> io::Result<Box<dyn Write + Send>> {
        Ok(Box::new(io::sink()))
    }
}

/// A build in progress: files go to a staging folder until [`Staging::commit`].
pub struct Staging {
    output: PathBuf,
    staging: tempfile::TempDir,
    /// Held for the whole build, so two builds of the same output take turns.
    _lock: Option<File>,
}

/// Why an output folder was refused.
#[derive(Debug)]
pub struct UnsafeOutput {
    /// The folder.
    pub output: PathBuf,
    /// Why writing there could destroy an editor's files.
    pub reason: &'static str,
}

impl Staging {
    /// Prepares to build into `output` for the edition at `root`: checks the guards, waits for
    /// any other build of the same output, removes staging folders that killed builds left
    /// behind, and creates a fresh staging folder beside `output`.
    pub fn begin(root: &Path, output: &Path) -> Result<Staging, StagingError> {
        let output = guard(root, output)?;
        let parent = output
            .parent()
            .expect("guard refuses an output without a parent");

        fs::create_dir_all(parent).map_err(|e| StagingError::Io(with_path(e, parent)))?;
        let lock = lock_folder(parent);
        let prefix = staging_prefix(&output);
        let old = old_site(&output);
        // A build killed between moving the old site aside and moving the new one in left
        // no output: the old site is the last good one, so it goes back.
        if !output.exists() && old.is_dir() {
            fs::rename(&old, &output).map_err(|e| StagingError::Io(with_path(e, &old)))?;
        }
        remove_leftovers(parent, &prefix);
        if old.is_dir() {
            remove_tree(&old).map_err(StagingError::Io)?;
        }
        let staging = tempfile::Builder::new()
            .prefix(&prefix)
            .tempdir_in(parent)
            .map_err(|e| StagingError::Io(with_path(e, parent)))?;
        fs::write(staging.path().join(MARKER), MARKER_TEXT)
            .map_err(|e| StagingError::Io(with_path(e, staging.path())))?;
        Ok(Staging {
            output,
            staging,
            _lock: lock,
        })
    }

    /// Replaces the output folder with the staged build. The old site is moved aside first
    /// and removed only once the new one is in place.
    pub fn commit(self) -> io::Result<PathBuf> {
        let old = old_site(&self.output);

        let had_output = self.output.exists();
        if had_output {
            fs::rename(&self.output, &old).map_err(|e| with_path(e, &self.output))?;
        }
        let staged = self.staging.keep();
        if let Err(error) = fs::rename(&staged, &self.output) {
            // Put the previous site back; the staged one stays for inspection.
            if had_output {
                let _ = fs::rename(&old, &self.output);
            }
            return Err(with_path(error, &self.output));
        }
        if had_output {
            remove_tree(&old)?;
        }
        Ok(self.output)
    }
}

impl Sink for Staging {
    fn create(&self, path: &SitePath) -> io::Result<Box<dyn Write + Send>> {
        let target = self.staging.path().join(path.as_str());
        // Folders are made when a file first needs one: most files go to a folder that
        // exists, and asking first would cost every file a look-up.
        let file = match File::create(&target) {
            Err(error) if error.kind() == io::ErrorKind::NotFound => {
                let folder = target
                    .parent()
                    .expect("a staged file is inside the staging folder");
                fs::create_dir_all(folder).map_err(|e| with_path(e, folder))?;
                File::create(&target)
            }
            created => created,
        }
        .map_err(|e| with_path(e, &target))?;
        Ok(Box::new(io::BufWriter::with_capacity(64 * 1024, file)))
    }
}

/// Why a build could not begin.
#[derive(Debug)]
pub enum StagingError {
    /// The output folder is one annals must not replace.
    Unsafe(UnsafeOutput),
    /// The file system refused.
    Io(io::Error),
}

/// Checks that annals may replace `output` with the site of the edition at `root`; gives the
/// output's absolute path. `check` asks it too, so it reports what `build` would refuse.
pub fn guard(root: &Path, output: &Path) -> Result<PathBuf, StagingError> {
    let output = absolute(output).map_err(StagingError::Io)?;
    let root = absolute(root).map_err(StagingError::Io)?;
    check_output(&root, &output).map_err(StagingError::Unsafe)?;
    if output.parent().is_none() {
        return Err(StagingError::Unsafe(UnsafeOutput {
            output,
            reason: "it is the root of the file system",
        }));
    }
    Ok(output)
}

fn check_output(root: &Path, output: &Path) -> Result<(), UnsafeOutput> {
    let refuse = |reason| {
        Err(UnsafeOutput {
            output: output.to_path_buf(),
            reason,
        })
    };
    if output == root {
        return refuse("it is the edition's own folder");
    }
    if root.starts_with(output) {
        return refuse("it contains the edition");
    }
    if output.starts_with(root.join("documents")) {
        return refuse("it is inside documents/, where editors write");
    }
    // A folder annals built holds documents/ too (its pages); the marker tells them apart.
    if output.join(MARKER).is_file() {
        return Ok(());
    }
    if output.join("documents").exists() {
        return refuse("it holds a documents/ folder, which may be an edition's sources");
    }
    if output.join("book.toml").exists() {
        return refuse("it holds a book.toml, so it looks like an edition");
    }
    let is_empty_folder = |path: &Path| {
        fs::read_dir(path)
            .map(|mut entries| entries.next().is_none())
            .unwrap_or(false)
    };
    if output.exists() && !is_empty_folder(output) {
        return refuse("it is not empty and was not built by annals (it has no .annals file)");
    }
    Ok(())
}

/// `.site.annals-staging-` for an output folder named `site`.
fn staging_prefix(output: &Path) -> String {
    let name = output
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    format!(".{name}.annals-staging-")
}

/// Where the previous site waits while the new one is moved in: `.site.annals-old`.
fn old_site(output: &Path) -> PathBuf {
    let name = output
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    output.with_file_name(format!(".{name}.annals-old"))
}

/// Removes a folder annals made, with several threads: removing thousands of files is bound
/// by the disk's latency, not by the processor, and the requests overlap.
fn remove_tree(folder: &Path) -> io::Result<()> {
    let mut files = Vec::new();
    let mut folders = Vec::new();
    for entry in walkdir::WalkDir::new(folder).contents_first(true) {
        let entry = entry.map_err(io::Error::other)?;
        if entry.file_type().is_dir() {
            folders.push((entry.depth(), entry.into_path()));
        } else {
            files.push(entry.into_path());
        }
    }
    in_parallel(&files, |file| fs::remove_file(file))?;
    // Deepest first, each depth in parallel: a folder is empty once the one below is gone.
    folders.sort_by_key(|(depth, _)| std::cmp::Reverse(*depth));
    for depth in folders.chunk_by(|a, b| a.0 == b.0) {
        let paths: Vec<PathBuf> = depth.iter().map(|(_, path)| path.clone()).collect();
        in_parallel(&paths, |path| fs::remove_dir(path))?;
    }
    Ok(())
}

/// Runs `remove` on every path with a few threads; the first error wins.
fn in_parallel(
    paths: &[PathBuf],
    remove: impl Fn(&Path) -> io::Result<()> + Sync,
) -> io::Result<()> {
    const THREADS: usize = 8;
    let chunk = paths.len().div_ceil(THREADS).max(1);
    std::thread::scope(|scope| {
        let workers: Vec<_> = paths
            .chunks(chunk)
            .map(|part| {
                scope.spawn(|| {
                    part.iter()
                        .try_for_each(|path| remove(path).map_err(|e| with_path(e, path)))
                })
            })
            .collect();
        workers
            .into_iter()
            .try_for_each(|worker| worker.join().expect("removing files does not panic"))
    })
}

/// Removes staging folders of this output left by builds that were killed. Safe because the
/// caller holds the lock that every build of this output holds while it runs.
fn remove_leftovers(parent: &Path, prefix: &str) {
    let Ok(entries) = fs::read_dir(parent) else {
        return;
    };
    for entry in entries.flatten() {
        let is_ours = entry.file_name().to_string_lossy().starts_with(prefix);
        let is_folder = entry.file_type().map(|t| t.is_dir()).unwrap_or(false);
        if is_ours && is_folder {
            let _ = fs::remove_dir_all(entry.path());
        }
    }
}

/// Takes an exclusive lock on the folder that holds the output, waiting for any other build.
/// Where the platform cannot lock a folder, builds simply do not wait for each other.
fn lock_folder(folder: &Path) -> Option<File> {
    let handle = File::open(folder).ok()?;
    handle.lock().ok()?;
    Some(handle)
}

/// The path as the guards must see it: symlinks resolved where it exists, so `site -> ..`
/// cannot slip past them, and `.` and `..` read where it does not exist yet (no symlink can
/// stand there), so neither can `new/../documents`.
fn absolute(path: &Path) -> io::Result<PathBuf> {
    use std::path::Component;
    let mut resolved = PathBuf::new();
    for component in std::path::absolute(path)?.components() {
        match component {
            Component::Prefix(_) | Component::RootDir => resolved.push(component),
            Component::CurDir => {}
            Component::ParentDir => {
                resolved.pop();
            }
            Component::Normal(name) => {
                resolved.push(name);
                if let Ok(real) = fs::canonicalize(&resolved) {
                    resolved = real;
                }
            }
        }
    }
    Ok(resolved)
}

fn with_path(error: io::Error, path: &Path) -> io::Error {
    io::Error::new(error.kind(), format!("{}: {error}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_to_replace_the_edition_or_foreign_folders() {
        let edition = tempfile::tempdir().unwrap();
        let root = edition.path();
        fs::create_dir(root.join("documents")).unwrap();
        fs::create_dir(root.join("notes")).unwrap();
        fs::write(root.join("notes/todo.txt"), "mine").unwrap();
        for output in [
            root.to_path_buf(),
            root.parent().unwrap().to_path_buf(),
            root.join("documents/out"),
            root.join("notes"),
            // Through folders that do not exist yet.
            root.join("new/../documents/out"),
            root.join("new/.."),
            root.join("new/../../"),
        ] {
            assert!(
                matches!(Staging::begin(root, &output), Err(StagingError::Unsafe(_))),
                "{} must be refused",
                output.display()
            );
        }
        assert_eq!(
            fs::read_to_string(root.join("notes/todo.txt")).unwrap(),
            "mine"
        );
    }

    #[test]
    fn commit_replaces_the_previous_site_whole() {
        let edition = tempfile::tempdir().unwrap();
        let output = edition.path().join("site");
        let write = |staging: &Staging, path: &str, bytes: &[u8]| {
            let mut file = staging.create(&SitePath::fixed(path)).unwrap();
            file.write_all(bytes).unwrap();
            file.flush().unwrap();
        };
        let first = Staging::begin(edition.path(), &output).unwrap();
        write(&first, "old.html", b"old");
        first.commit().unwrap();
        let second = Staging::begin(edition.path(), &output).unwrap();
        write(&second, "a/new.html", b"new");
        assert!(
            output.join("old.html").exists(),
            "the old site stays until commit"
        );
        second.commit().unwrap();
        assert!(!output.join("old.html").exists());
        assert_eq!(fs::read(output.join("a/new.html")).unwrap(), b"new");
        let leftovers: Vec<_> = fs::read_dir(edition.path()).unwrap().collect();
        assert_eq!(leftovers.len(), 1, "only site/ remains beside the edition");
    }
}
