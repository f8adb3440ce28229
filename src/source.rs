//! Where things are in an edition's source files.
//!
//! Every value an editor wrote carries a [`Span`]: the file it came from and a byte range in
//! that file as it is on disk (before any byte-order mark is stripped). Line and column are
//! computed only when a diagnostic is printed, by [`LineIndex`], so loading stays cheap.

use std::fmt;
use std::ops::Range;
use std::path::Path;
use std::sync::Arc;

/// A source file, named by the path an editor would type: the edition root as given on the
/// command line joined with the file's path inside the edition (`documents/karabakh-1920/x.md`).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SourcePath(Arc<Path>);

impl SourcePath {
    /// Names `relative` (a path inside the edition) as seen from where annals was started.
    pub fn new(root: &Path, relative: &Path) -> SourcePath {
        let shown = if root == Path::new(".") || root.as_os_str().is_empty() {
            relative.to_path_buf()
        } else {
            root.join(relative)
        };
        SourcePath(Arc::from(shown))
    }

    /// The path, usable to open the file.
    pub fn path(&self) -> &Path {
        &self.0
    }
}

impl fmt::Display for SourcePath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Forward slashes on every platform, so messages and tests read the same everywhere.
        let shown = self.0.to_string_lossy();
        f.write_str(&shown.replace('\\', "/"))
    }
}

/// A byte range in one source file.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span {
    /// The file.
    pub file: SourcePath,
    /// First byte of the range, from the start of the file.
    pub start: usize,
    /// One past the last byte; equal to `start` for a point.
    pub end: usize,
}

impl Span {
    /// A span covering `range` of `file`.
    pub fn new(file: &SourcePath, range: Range<usize>) -> Span {
        Span {
            file: file.clone(),
            start: range.start,
            end: range.end.max(range.start),
        }
    }

    /// The start of a file, for problems with the file as a whole.
    pub fn file_start(file: &SourcePath) -> Span {
        Span::new(file, 0..0)
    }

    /// The byte range.
    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }

    /// The same span moved `offset` bytes further into the file: spans found in a part of a
    /// file (the front matter, the body) are made absolute with the part's offset.
    pub fn shifted(&self, offset: usize) -> Span {
        Span {
            file: self.file.clone(),
            start: self.start + offset,
            end: self.end + offset,
        }
    }
}

/// Converts byte offsets of one text to 1-based lines and columns (columns count
/// characters). Built once per text; every query passes the same text again.
pub struct LineIndex {
    line_starts: Vec<usize>,
}

impl LineIndex {
    /// Indexes the line starts of `text`.
    pub fn new(text: &str) -> LineIndex {
        let line_starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        LineIndex { line_starts }
    }

    /// The 1-based line and column of byte `offset` of `text` (clamped to the text).
    pub fn line_col(&self, text: &str, offset: usize) -> (usize, usize) {
        let offset = floor_char_boundary(text, offset);
        let line = self.line_starts.partition_point(|&start| start <= offset) - 1;
        let column = text[self.line_starts[line]..offset].chars().count() + 1;
        (line + 1, column)
    }

    /// The byte offset in `text` of 1-based `line` and character `column` (clamped).
    pub fn offset(&self, text: &str, line: usize, column: usize) -> usize {
        let Some(&start) = self.line_starts.get(line.saturating_sub(1)) else {
            return text.len();
        };
        let rest = &text[start..];
        let within = rest
            .char_indices()
            .nth(column.saturating_sub(1))
            .map_or(rest.len(), |(index, _)| index);
        start + within
    }
}

/// The largest char boundary of `text` at or before `offset`.
pub fn floor_char_boundary(text: &str, offset: usize) -> usize {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// The smallest char boundary of `text` at or after `offset`.
pub fn ceil_char_boundary(text: &str, offset: usize) -> usize {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset += 1;
    }
    offset
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_and_column_are_one_based_and_count_characters() {
        let text = "ab\nçd\r\nef";
        let index = LineIndex::new(text);
        assert_eq!(index.line_col(text, 0), (1, 1));
        assert_eq!(index.line_col(text, 3), (2, 1));
        assert_eq!(
            index.line_col(text, 5),
            (2, 2),
            "ç is two bytes but one column"
        );
        assert_eq!(index.line_col(text, 8), (3, 1));
        assert_eq!(index.line_col(text, 999), (3, 3));
        assert_eq!(index.offset(text, 2, 2), 5);
    }
}

/// A source file's text, read and checked.
pub struct SourceText {
    /// The text, without a leading byte-order mark.
    pub text: String,
    /// Bytes removed from the start of the file (3 for a byte-order mark, else 0); add it to
    /// offsets in `text` to get offsets in the file.
    pub offset: usize,
}

/// Why a source file could not be read as text.
#[derive(Debug)]
pub enum ReadError {
    /// The file system refused: not an editor's mistake.
    Io(std::io::Error),
    /// The file is not UTF-8; `offset` is the first byte that is not.
    NotUtf8 {
        /// Offset of the first invalid byte in the file.
        offset: usize,
    },
}

/// Reads a source file as UTF-8 text, accepting (and skipping) a byte-order mark.
pub fn read_text(path: &Path) -> Result<SourceText, ReadError> {
    let bytes = std::fs::read(path).map_err(|error| {
        ReadError::Io(std::io::Error::new(
            error.kind(),
            format!("{}: {error}", path.display()),
        ))
    })?;
    let offset = if bytes.starts_with(b"\xEF\xBB\xBF") {
        3
    } else {
        0
    };
    let mut bytes = bytes;
    bytes.drain(..offset);
    match String::from_utf8(bytes) {
        Ok(text) => Ok(SourceText { text, offset }),
        Err(error) => Err(ReadError::NotUtf8 {
            offset: offset + error.utf8_error().valid_up_to(),
        }),
    }
}
