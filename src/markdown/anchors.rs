//! Anchors in a body: `p1`..`pN` on top-level paragraphs, block quotes and lists, and slugs on
//! headings, unique within the document.
//!
//! Numbers count only top-level blocks of the text itself (not notes), so a paragraph keeps
//! its number when metadata or notes change, and `documents/ID/#p3` stays a stable citation.

use std::collections::HashSet;

/// Hands out the anchors of one body, in order.
#[derive(Default)]
pub(crate) struct Anchors {
    paragraphs: u32,
    used: HashSet<String>,
}

impl Anchors {
    /// The number of the next numbered block.
    pub(crate) fn next_paragraph(&mut self) -> u32 {
        self.paragraphs += 1;
        self.paragraphs
    }

    /// How many blocks were numbered.
    pub(crate) fn paragraphs(&self) -> u32 {
        self.paragraphs
    }

    /// A unique id for a heading reading `text`: its slug, with `-2`, `-3`.. on repeats. Slugs
    /// that the page already uses, or may ([`RESERVED`], paragraph anchors `p3`), get `-h`,
    /// so a heading never takes an id of the page around it.
    pub(crate) fn heading(&mut self, text: &str) -> String {
        let mut base = crate::model::id::slugify(text);
        if base.is_empty() {
            base = "section".to_owned();
        }
        let is_paragraph = base.starts_with('p') && base[1..].chars().all(|c| c.is_ascii_digit());
        if is_paragraph || is_reserved(&base) {
            base.push_str("-h");
        }
        let mut candidate = base.clone();
        let mut n = 1;
        while !self.used.insert(candidate.clone()) {
            n += 1;
            candidate = format!("{base}-{n}");
        }
        candidate
    }
}

/// Ids a document page uses outside its text (the theme's landmarks and sections, notes and
/// their marks); `*` ends a prefix. A theme that adds ids should prefix them `annals-`.
const RESERVED: &[&str] = &[
    "main",
    "top",
    "document-title",
    "notes-heading",
    "details-heading",
    "annals-*",
    "cite*",
    "hand-*",
    "note-*",
    "ref-*",
];

fn is_reserved(id: &str) -> bool {
    RESERVED
        .iter()
        .any(|reserved| match reserved.strip_suffix('*') {
            Some(prefix) => id.starts_with(prefix),
            None => id == *reserved,
        })
}

/// Whether `id` is one the theme gives a document page around its text (`document-title`,
/// `cite-apa`, `hand-ed`), which a link may name. Notes and their marks are the text's own,
/// named exactly by a scan.
pub(crate) fn is_theme_id(id: &str) -> bool {
    is_reserved(id) && !id.starts_with("note-") && !id.starts_with("ref-")
}

/// The visible link a reader copies to cite block `number`.
pub(crate) fn paragraph_link(number: u32) -> String {
    format!("<a class=\"pnum\" href=\"#p{number}\" aria-label=\"Paragraph {number}\">{number}</a>")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heading_ids_are_unique_and_never_paragraph_ids() {
        let mut anchors = Anchors::default();
        assert_eq!(anchors.heading("Enclosure"), "enclosure");
        assert_eq!(anchors.heading("Enclosure"), "enclosure-2");
        assert_eq!(anchors.heading("P3"), "p3-h");
        assert_eq!(anchors.heading("***"), "section");
        assert_eq!(anchors.heading("Main"), "main-h");
        assert_eq!(anchors.heading("Notes by hand"), "notes-by-hand");
        assert_eq!(anchors.heading("Note 3"), "note-3-h");
    }
}
