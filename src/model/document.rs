//! What one file says: a document, a collection's `_index.md`, already checked.
//!
//! A [`Document`] holds metadata and where its body starts in its file, never the body or its
//! HTML: the render stage reads the body again, so memory does not grow with the texts.

use crate::diagnostics::Diagnostic;
use crate::model::date::Date;
use crate::model::id::{CollectionId, DocId};
use crate::source::{SourcePath, Span};

/// A reference as an editor wrote it: a registry id, a name or variant, or a document id. What
/// it means is decided in `resolve`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ref {
    /// The text.
    pub text: String,
    /// Where it was written.
    pub span: Span,
}

/// Where a document's archive keeps it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ArchivalSource {
    /// The archive (`GAPPOD`, `RGASPI`).
    pub archive: Option<String>,
    /// Fonds, inventory, file, sheet: `f. 1, op. 89, d. [95]`.
    pub reference: Option<String>,
    /// What kind of copy: `Original. Typescript.`
    pub description: Option<String>,
}

/// Who translated the text, and from what.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Translation {
    /// The translator's name.
    pub translator: Option<String>,
    /// The language translated from (BCP 47).
    pub from: Option<String>,
    /// A note on the translation.
    pub note: Option<String>,
}

/// An external resource about the document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Link {
    /// What the link leads to.
    pub title: String,
    /// The address.
    pub url: String,
}

/// What a `person:`, `place:` or `doc:` link in a body points at, as written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LinkTarget {
    /// `person:beria`.
    Person(String),
    /// `place:tabriz`.
    Place(String),
    /// `doc:ID` or `doc:ID#p3`.
    Document {
        /// The document id.
        id: String,
        /// The fragment after `#`, if any (`p3`).
        fragment: Option<String>,
    },
}

/// Where in a document's page something occurs.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Anchor {
    /// The numbered top-level block `pN`.
    Paragraph(u32),
    /// A note, by its element id (`note-yb-1`).
    Note(String),
    /// A heading, by its element id (`enclosure`).
    Heading(String),
}

impl Anchor {
    /// The fragment that links to it, without `#`.
    pub fn fragment(&self) -> String {
        match self {
            Anchor::Paragraph(number) => format!("p{number}"),
            Anchor::Note(id) | Anchor::Heading(id) => id.clone(),
        }
    }
}

/// A `person:`, `place:` or `doc:` link found in a body.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reference {
    /// What it points at.
    pub target: LinkTarget,
    /// Where the link stands on the page.
    pub anchor: Option<Anchor>,
    /// Where it was written.
    pub span: Span,
}

/// One document, as its file describes it.
#[derive(Clone, Debug)]
pub struct Document {
    /// Unique id: the `id` field, or the file name slugified.
    pub id: DocId,
    /// Where the id was given (the `id` field, or the start of the file).
    pub id_span: Span,
    /// The file.
    pub file: SourcePath,
    /// The folder it is in, if not directly under `documents/`.
    pub collection: Option<CollectionId>,
    /// Byte offset in the file where the Markdown body starts.
    pub body_offset: usize,
    /// `title`.
    pub title: String,
    /// `date`, checked.
    pub date: Date,
    /// `date_note`.
    pub date_note: Option<String>,
    /// `order`: tie-break among documents of the same date; 0 when absent.
    pub order: i64,
    /// `place`: where it was written, a place reference or free text.
    pub place: Option<Ref>,
    /// `type`: the genre as written (`telegram`).
    pub doc_type: Option<Ref>,
    /// `classification`.
    pub classification: Option<String>,
    /// `authors`.
    pub authors: Vec<Ref>,
    /// `recipients`.
    pub recipients: Vec<Ref>,
    /// `people`: others the document concerns.
    pub people: Vec<Ref>,
    /// `places`.
    pub places: Vec<Ref>,
    /// `tags`.
    pub tags: Vec<Ref>,
    /// `summary` (Markdown).
    pub summary: Option<String>,
    /// `source`: one or more archival sources.
    pub sources: Vec<ArchivalSource>,
    /// `published`: earlier publications.
    pub published: Vec<String>,
    /// `translation`.
    pub translation: Option<Translation>,
    /// `language`, when it differs from the edition's.
    pub language: Option<String>,
    /// `credit`.
    pub credit: Option<String>,
    /// `rights`.
    pub rights: Option<String>,
    /// `links`.
    pub links: Vec<Link>,
    /// `related`: document ids.
    pub related: Vec<Ref>,
    /// `in_reply_to`: a document id.
    pub in_reply_to: Option<Ref>,
    /// `aliases`: former ids, checked.
    pub aliases: Vec<(DocId, Span)>,
    /// `draft`.
    pub draft: bool,
    /// `person:`, `place:` and `doc:` links in the body and its notes, in order.
    pub references: Vec<Reference>,
    /// Number of numbered blocks (`p1`..`pN`) in the body.
    pub paragraphs: u32,
    /// The other ids a link may name in the body: its headings' and its notes'.
    pub anchors: Vec<String>,
}

impl Document {
    /// Reads the document's body again from its file: the edition keeps no bodies, so each
    /// stage that needs one reads it when it needs it.
    pub fn read_body(&self) -> Result<String, Diagnostic> {
        let changed = || {
            Diagnostic::error(
                "file-changed",
                format!("{} changed while the edition was being built", self.file),
            )
            .with_help("build again once the file is saved")
        };
        let text = crate::source::read_text(self.file.path()).map_err(|_| changed())?;
        let start = self
            .body_offset
            .checked_sub(text.offset)
            .ok_or_else(changed)?;
        text.text
            .get(start..)
            .map(str::to_owned)
            .ok_or_else(changed)
    }
}

/// A folder under `documents/`, described by its optional `_index.md`.
#[derive(Clone, Debug)]
pub struct Collection {
    /// Its path under `documents/`, slugified.
    pub id: CollectionId,
    /// `title`, else the folder name.
    pub title: String,
    /// `description`.
    pub description: Option<String>,
    /// `order` among its siblings; unordered collections follow, by title.
    pub order: Option<i64>,
    /// The Markdown introduction after the front matter.
    pub introduction: Option<String>,
    /// `person:`, `place:` and `doc:` links in the introduction.
    pub references: Vec<Reference>,
}

/// The home page's `documents/_index.md`.
#[derive(Clone, Debug, Default)]
pub struct Home {
    /// `title` of the introduction, if it has one.
    pub title: Option<String>,
    /// `description`.
    pub description: Option<String>,
    /// The Markdown introduction.
    pub introduction: Option<String>,
    /// `person:`, `place:` and `doc:` links in the introduction.
    pub references: Vec<Reference>,
}
