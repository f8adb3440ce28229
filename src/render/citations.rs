//! What the render stage gives the `cite` module, and the files it makes from it: each
//! document's `cite.bib`, `cite.ris` and `cite.json`, and the whole edition's `data/edition.bib`
//! and `data/edition.json`.

use std::io::{self, Write};

use super::Site;
use super::document::language_name;
use crate::cite::{self, Agent, Citable};
use crate::model::DocIndex;
use crate::model::id::PersonId;
use crate::model::registry::PersonKind;
use crate::urls;

/// A citation file of one document.
#[derive(Clone, Copy, Debug)]
pub enum CiteFile {
    /// `cite.bib`.
    Bibtex,
    /// `cite.ris`.
    Ris,
    /// `cite.json` (CSL-JSON).
    CslJson,
}

impl CiteFile {
    /// Every kind, in the order pages list them.
    pub const ALL: [CiteFile; 3] = [CiteFile::Bibtex, CiteFile::Ris, CiteFile::CslJson];

    /// The file name beside the document's page.
    pub fn name(self) -> &'static str {
        match self {
            CiteFile::Bibtex => "cite.bib",
            CiteFile::Ris => "cite.ris",
            CiteFile::CslJson => "cite.json",
        }
    }

    /// What a reader is offered to download.
    pub fn label(self) -> &'static str {
        match self {
            CiteFile::Bibtex => "BibTeX",
            CiteFile::Ris => "RIS (EndNote, Zotero, Mendeley)",
            CiteFile::CslJson => "CSL-JSON",
        }
    }
}

impl Site<'_> {
    /// The citation record of document `index`, borrowed from the edition. Without a
    /// `base_url` the address is the page's path in the site.
    pub(super) fn citable<'s>(&'s self, index: DocIndex, url: Option<&'s str>) -> Citable<'s> {
        let resolved = &self.edition.documents[index];
        let document = &resolved.document;
        let agents = |ids: &'s [PersonId]| -> Vec<Agent<'s>> {
            ids.iter()
                .map(|id| match self.edition.people.get(id) {
                    Some(person) => Agent {
                        name: &person.name,
                        sort: person.sort.as_deref(),
                        organization: person.kind == PersonKind::Organization,
                    },
                    None => Agent {
                        name: id.as_str(),
                        sort: None,
                        organization: false,
                    },
                })
                .collect()
        };
        let source = document.sources.first();
        let translation = document.translation.as_ref();
        Citable {
            id: document.id.as_str(),
            title: &document.title,
            date: &document.date,
            authors: agents(&resolved.authors),
            recipients: agents(&resolved.recipients),
            doc_type: resolved
                .doc_type
                .as_ref()
                .and_then(|t| self.edition.types.get(t))
                .map(String::as_str),
            archive: source.and_then(|s| s.archive.as_deref()),
            archive_location: source.and_then(|s| s.reference.as_deref()),
            translator: translation.and_then(|t| t.translator.as_deref()),
            translated_from: translation
                .and_then(|t| t.from.as_deref())
                .map(language_name),
            language: self.config.edition.language_of(document),
            edition_title: &self.config.edition.title,
            edition_editors: &self.config.edition.editors,
            url,
        }
    }

    /// The address a citation of document `index` gives: its permalink, if the edition has a
    /// `base_url`.
    pub(super) fn citation_url(&self, index: DocIndex) -> Option<String> {
        self.permalink(&urls::document(&self.edition.documents[index].document.id))
    }

    /// One citation file of document `index`.
    pub(super) fn cite_file(
        &self,
        index: DocIndex,
        file: CiteFile,
        out: &mut dyn Write,
    ) -> io::Result<()> {
        let url = self.citation_url(index);
        let citable = self.citable(index, url.as_deref());
        match file {
            CiteFile::Bibtex => out.write_all(cite::bibtex(&citable).as_bytes()),
            CiteFile::Ris => out.write_all(cite::ris(&citable).as_bytes()),
            CiteFile::CslJson => {
                serde_json::to_writer_pretty(&mut *out, &cite::csl_json(&citable))?;
                out.write_all(b"\n")
            }
        }
    }

    /// `data/edition.bib`: every document's BibTeX entry, in edition order.
    pub(super) fn edition_bibtex(&self, out: &mut dyn Write) -> io::Result<()> {
        for index in 0..self.edition.documents.len() {
            if index > 0 {
                out.write_all(b"\n")?;
            }
            let url = self.citation_url(index);
            out.write_all(cite::bibtex(&self.citable(index, url.as_deref())).as_bytes())?;
        }
        Ok(())
    }

    /// `data/edition.json`: every document's CSL-JSON item, in edition order.
    pub(super) fn edition_csl_json(&self, out: &mut dyn Write) -> io::Result<()> {
        // One item at a time, compact: the array is written, never held.
        out.write_all(b"[")?;
        for index in 0..self.edition.documents.len() {
            if index > 0 {
                out.write_all(b",\n")?;
            }
            let url = self.citation_url(index);
            serde_json::to_writer(
                &mut *out,
                &cite::csl_json(&self.citable(index, url.as_deref())),
            )?;
        }
        out.write_all(b"]\n")
    }
}
