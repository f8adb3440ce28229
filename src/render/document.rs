//! The page of one document: its heading block, text, notes by hand and details.

use super::views::*;
use super::{CiteFile, Site, date_view, hand_view};
use crate::diagnostics::Diagnostic;
use crate::markdown::{self, RenderOptions};
use crate::model::{DocIndex, PlaceRef, term_label};
use crate::urls::{self, SitePath};

impl Site<'_> {
    pub(super) fn document(
        &self,
        at: &SitePath,
        index: DocIndex,
    ) -> Result<DocumentPage<'_>, Diagnostic> {
        let edition = self.edition;
        let resolved = &edition.documents[index];
        let document = &resolved.document;
        let body = document.read_body()?;
        let resolver = self.link_resolver(at);
        let rendered = markdown::render(
            &body,
            &RenderOptions {
                hands: &self.config.hands,
                links: &resolver,
                glossary: Some(&self.glossary),
                sanitize: !self.config.build.unsafe_html,
            },
        );
        // The notes come grouped by hand, in the order hands are declared: moved, not copied.
        let mut note_groups: Vec<NoteGroup> = Vec::new();
        for note in rendered.notes {
            let view = NoteView {
                marker: note.marker,
                id: note.id,
                html: note.html,
                backrefs: note.backrefs,
            };
            match note_groups.last_mut() {
                Some(group) if group.hand.id == note.hand.as_str() => group.notes.push(view),
                _ => {
                    let hand = self
                        .config
                        .hand(note.hand.as_str())
                        .expect("every note is in a declared hand");
                    note_groups.push(NoteGroup {
                        hand: hand_view(hand),
                        notes: vec![view],
                    });
                }
            }
        }
        let (place, place_text) = match &resolved.place {
            Some(PlaceRef::Known(id)) => (Some(self.place_link(at, id)), None),
            Some(PlaceRef::Text(text)) => (None, Some(text.clone())),
            None => (None, None),
        };
        // Built once: the page, its citations, meta tags and JSON-LD all use them.
        let url = self.citation_url(index);
        let citable = self.citable(index, url.as_deref());
        let description = document.summary.as_deref().map(markdown::plain_text);
        let language = document
            .language
            .clone()
            .filter(|l| *l != self.config.edition.language);
        // The theme's own words are English, so only the text itself turns right to left.
        let right_to_left = is_right_to_left(
            document
                .language
                .as_deref()
                .unwrap_or(&self.config.edition.language),
        );
        Ok(DocumentPage {
            id: document.id.to_string(),
            title: document.title.clone(),
            date: date_view(&document.date),
            date_note: document.date_note.clone(),
            place,
            place_text,
            doc_type: resolved.doc_type.as_ref().map(|t| Link {
                label: term_label(&edition.types, t),
                href: urls::doc_type(t).href_from(at),
            }),
            classification: document.classification.clone(),
            authors: self.person_links(at, &resolved.authors),
            recipients: self.person_links(at, &resolved.recipients),
            people: self.person_links(at, &resolved.people),
            places: self.place_links(at, &resolved.places),
            tags: resolved
                .tags
                .iter()
                .map(|t| Link {
                    label: term_label(&edition.tags, t),
                    href: urls::tag(t).href_from(at),
                })
                .collect(),
            summary_html: document.summary.as_deref().map(|s| self.markdown(at, s)),
            sources: document
                .sources
                .iter()
                .map(|s| SourceView {
                    archive: s.archive.clone(),
                    reference: s.reference.clone(),
                    description: s.description.clone(),
                })
                .collect(),
            published: document.published.clone(),
            translation: document.translation.as_ref().map(|t| TranslationView {
                translator: t.translator.clone(),
                from: t.from.as_deref().map(|code| language_name(code).to_owned()),
                note: t.note.clone(),
            }),
            language,
            right_to_left,
            credit: document.credit.clone(),
            rights: self.config.edition.rights_of(document).map(str::to_owned),
            links: document
                .links
                .iter()
                .map(|l| Link {
                    label: l.title.clone(),
                    href: l.url.clone(),
                })
                .collect(),
            related: self.doc_items(at, &resolved.related),
            in_reply_to: resolved.in_reply_to.map(|i| self.doc_item(at, i)),
            replies: self.doc_items(at, &resolved.replies),
            breadcrumbs: self.breadcrumbs(at, resolved.collection),
            body_html: rendered.html,
            note_groups,
            permalink: url.clone(),

            citations: self
                .citer
                .format(&citable)
                .into_iter()
                .map(|citation| CitationView {
                    style: citation.style.label(),
                    id: format!("cite-{}", citation.style.label().to_lowercase()),
                    html: citation.html,
                })
                .collect(),
            cite_files: CiteFile::ALL
                .iter()
                .map(|file| Link {
                    label: file.label().to_owned(),
                    href: file.name().to_owned(),
                })
                .collect(),
            meta: self.meta_tags(index, &citable, description.as_deref()),

            json_ld: self.json_ld(at, index, description.as_deref()),
            description,

            previous: index.checked_sub(1).map(|i| self.doc_item(at, i)),
            next: (index + 1 < edition.documents.len()).then(|| self.doc_item(at, index + 1)),
        })
    }
}

/// The English name of a BCP 47 language tag's language ("ru" → "Russian", "hy-Latn" →
/// "Armenian"); the tag itself when it names no ISO 639 language.
pub(super) fn language_name(tag: &str) -> &str {
    let language = tag.split('-').next().unwrap_or(tag).to_ascii_lowercase();
    isolang::Language::from_639_1(&language)
        .or_else(|| isolang::Language::from_639_3(&language))
        .map_or(tag, |language| language.to_name())
}

/// Whether text in the language of a BCP 47 tag is written right to left: by its script
/// subtag when it has one ("ku-Arab", "az-Latn"), else by its language (CLDR's right-to-left
/// languages), so browsers lay out Arabic, Hebrew or Persian text and its punctuation rightly.
pub(super) fn is_right_to_left(tag: &str) -> bool {
    const SCRIPTS: [&str; 9] = [
        "arab", "hebr", "syrc", "thaa", "nkoo", "adlm", "rohg", "mand", "samr",
    ];
    const LANGUAGES: [&str; 20] = [
        "ar", "arc", "ckb", "dv", "fa", "he", "iw", "ji", "khw", "ks", "mzn", "nqo", "pnb", "ps",
        "sd", "syr", "ug", "ur", "yi", "ota",
    ];
    let mut subtags = tag.split('-').map(str::to_ascii_lowercase);
    let language = subtags.next().unwrap_or_default();
    // The script comes before any extension or private use (`ar-u-nu-latn`, `en-x-arab`).
    let script = subtags
        .take_while(|subtag| subtag.len() > 1)
        .find(|subtag| subtag.len() == 4 && subtag.chars().all(|c| c.is_ascii_alphabetic()));
    match script {
        Some(script) => SCRIPTS.contains(&script.as_str()),
        None => LANGUAGES.contains(&language.as_str()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn right_to_left_by_script_else_by_language() {
        for tag in ["ar", "he", "fa-IR", "ur", "yi", "ku-Arab", "az-Arab"] {
            assert!(is_right_to_left(tag), "{tag}");
        }
        assert!(is_right_to_left("ar-u-nu-latn"));
        for tag in ["en", "ru", "hy", "ar-Latn", "fr-CA", "zh-Hant", "en-x-arab"] {
            assert!(!is_right_to_left(tag), "{tag}");
        }
    }
}
