//! Progress of the stages that take seconds on a large edition (loading, rendering), reported
//! to whoever runs the build: the command line draws a bar, tests and `check` stay silent.

/// Receives progress; called from many threads at once.
pub trait Progress: Sync {
    /// A stage begins, with `total` steps to do.
    fn start(&self, stage: &'static str, total: usize);
    /// One step of the current stage is done.
    fn step(&self);
    /// The current stage is over.
    fn finish(&self);
}

/// Reports nothing.
pub struct Silent;

impl Progress for Silent {
    fn start(&self, _stage: &'static str, _total: usize) {}
    fn step(&self) {}
    fn finish(&self) {}
}
