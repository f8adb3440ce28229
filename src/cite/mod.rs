//! Citing a document: the "Cite this document" section and the files reference managers read.
//!
//! Part of the render stage. The render stage fills one [`Citable`] per document from the
//! resolved edition (borrowed, cheap to build in parallel), and this module turns it into:
//!
//! - [`Citer::format`] gives Chicago (notes and bibliography), MLA and APA entries, each as
//!   HTML safe to insert into a page ([`FormattedCitation`]);
//! - [`bibtex`] gives `documents/ID/cite.bib`, and concatenated, `data/edition.bib`;
//! - [`ris`] gives `documents/ID/cite.ris`;
//! - [`csl_json`] gives `documents/ID/cite.json`, and as a JSON array, `data/edition.json`.
//!
//! Every output is one function of the same record ([`CslItem`]), so the three formats and the
//! page never disagree. Each names the archival source, the translator, the edition as the
//! container, and the permalink. Nothing depends on the clock: no access dates.
//!
//! **How the entries are formatted.** A CSL processor, hayagriva (typst's, the maintained Rust
//! one), renders three small CSL styles of ours (`styles/*.csl`), written for the only two
//! kinds of item an edition cites: correspondence (CSL `personal_communication`, with
//! recipients; CSL has no `letter` type) and other archival documents (`manuscript`). The
//! official Chicago, MLA and APA styles, which hayagriva also bundles, give the same entries
//! for these items (a test checks it) but cost about 1 ms a document in release mode, because
//! hayagriva walks their thousands of branches again for every entry: 50 s of CPU for 50,000
//! documents. Ours cost about 100 µs a document for the three. They also avoid what hayagriva
//! gets wrong with the official styles: "(1920,)" for a year in APA (typst/hayagriva#246),
//! the editors printed as authors of an anonymous document, "?." after a title ending in a
//! question mark, and title case, which turns "C.C." into "C.c." (titles are printed as the
//! editors wrote them). BibTeX, RIS and CSL-JSON are simple formats, written here with strict
//! escaping.

mod bibtex;
mod csl;
mod format;
mod ris;

pub use bibtex::bibtex;
pub use csl::{CslItem, csl_json, inverted_name};
pub use format::{Citer, FormattedCitation, Style};
pub use ris::ris;

use crate::model::date::Date;

/// What a document's citation is made from, borrowed from the resolved edition.
#[derive(Clone, Debug)]
pub struct Citable<'a> {
    /// The document id, `[a-z0-9-]+`: the citation key in every format.
    pub id: &'a str,
    /// The title, as the page shows it.
    pub title: &'a str,
    /// The date.
    pub date: &'a Date,
    /// Who wrote it, in order.
    pub authors: Vec<Agent<'a>>,
    /// To whom, in order. A document with recipients is cited as correspondence.
    pub recipients: Vec<Agent<'a>>,
    /// The genre as written (`telegram`, `memorandum`).
    pub doc_type: Option<&'a str>,
    /// The archive of the first archival source (`RGASPI`).
    pub archive: Option<&'a str>,
    /// The reference within that archive (`f. 80, op. 4, d. 54, l. 1`).
    pub archive_location: Option<&'a str>,
    /// The translator's name, as written ("Gary Goldberg").
    pub translator: Option<&'a str>,
    /// The language translated from, in words ("Russian").
    pub translated_from: Option<&'a str>,
    /// The language of the text as published (BCP 47, `en`).
    pub language: &'a str,
    /// The edition's title: the container the document is cited in.
    pub edition_title: &'a str,
    /// The edition's editors, as written in book.toml ("Name One").
    pub edition_editors: &'a [String],
    /// The canonical permalink, base_url + `documents/ID/`; none when the edition has no
    /// `base_url`, since a citation's address must work from anywhere.
    pub url: Option<&'a str>,
}

/// A person or an organisation named in a citation.
#[derive(Clone, Copy, Debug)]
pub struct Agent<'a> {
    /// Display name ("Sergei Kirov").
    pub name: &'a str,
    /// The registry's sort key ("Kirov, Sergei Mironovich"): its part before the comma is the
    /// family name. Without one, the last word of `name` is, as for the people index.
    pub sort: Option<&'a str>,
    /// An organisation is cited by its whole name.
    pub organization: bool,
}

#[cfg(test)]
mod tests;
