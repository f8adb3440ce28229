//! A Markdown file's front matter: split at the `---` fences, parsed, checked, typed.
//!
//! Front matter is the YAML between a first line `---` and the next line `---` (or `...`).
//! [`RawMeta`] mirrors the content model's keys one to one; [`document`] checks each value
//! (dates, ids) and reports every problem it finds, not just the first, before giving a
//! [`Document`] without its body.

use std::ops::Range;

use serde::Deserialize;

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::load::yaml::{self, Limits, Located, Names, OneOrMany, Placement};
use crate::model::date::Date;
use crate::model::document::{ArchivalSource, Collection, Document, Home, Link, Ref, Translation};
use crate::model::id::{CollectionId, DocId};
use crate::source::{SourcePath, Span};

/// A file cut at its front matter fences. Ranges are byte offsets in the text.
pub(crate) struct Split {
    /// The YAML between the fences.
    pub(crate) yaml: Range<usize>,
    /// The Markdown after the closing fence.
    pub(crate) body: Range<usize>,
}

/// Why a file has no usable front matter.
pub(crate) enum SplitError {
    /// The file does not start with `---`.
    Missing,
    /// The opening `---` is never closed; the range is the opening fence.
    Unclosed(Range<usize>),
}

/// Finds the front matter of `text`.
pub(crate) fn split(text: &str) -> Result<Split, SplitError> {
    let mut lines = line_ranges(text);
    let Some(first) = lines.next() else {
        return Err(SplitError::Missing);
    };
    if text[first.clone()].trim_end() != "---" {
        return Err(SplitError::Missing);
    }
    let yaml_start = first.end;
    for line in lines {
        let content = text[line.clone()].trim_end();
        if content == "---" || content == "..." {
            return Ok(Split {
                yaml: yaml_start..line.start,
                body: line.end..text.len(),
            });
        }
    }
    Err(SplitError::Unclosed(first.start..first.start + 3))
}

/// Byte ranges of each line, including its line break.
fn line_ranges(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut start = 0;
    std::iter::from_fn(move || {
        if start >= text.len() {
            return None;
        }
        let end = text[start..]
            .find('\n')
            .map_or(text.len(), |i| start + i + 1);
        let line = start..end;
        start = end;
        Some(line)
    })
}

type Refs = Option<Located<Names>>;

/// A document's front matter as written: one field per key of the content model. Unknown
/// keys are reported by [`yaml::parse_mapping`], all of them, from this struct's own fields.
#[derive(Deserialize)]
struct RawMeta {
    id: Option<Located<String>>,
    aliases: Refs,
    title: Option<Located<String>>,
    date: Option<Located<String>>,
    date_note: Option<String>,
    order: Option<i64>,
    place: Option<Located<String>>,
    #[serde(rename = "type")]
    doc_type: Option<Located<String>>,
    classification: Option<String>,
    authors: Refs,
    recipients: Refs,
    people: Refs,
    places: Refs,
    tags: Refs,
    summary: Option<String>,
    source: Option<OneOrMany<RawSource>>,
    published: Option<OneOrMany<String>>,
    translation: Option<RawTranslation>,
    language: Option<Located<String>>,
    credit: Option<String>,
    rights: Option<String>,
    links: Option<Vec<RawLink>>,
    related: Refs,
    in_reply_to: Option<Located<String>>,
    draft: Option<bool>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSource {
    archive: Option<String>,
    reference: Option<String>,
    description: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTranslation {
    translator: Option<String>,
    from: Option<String>,
    note: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLink {
    title: String,
    url: Located<String>,
}

/// An `_index.md`'s front matter.
#[derive(Deserialize, Default)]
struct RawIndex {
    title: Option<String>,
    description: Option<String>,
    order: Option<i64>,
}

/// Where a file sits and what its text is.
pub(crate) struct FileText<'a> {
    pub(crate) file: &'a SourcePath,
    /// The text, without a byte-order mark.
    pub(crate) text: &'a str,
    /// Bytes before `text` in the file (a byte-order mark).
    pub(crate) offset: usize,
}

impl FileText<'_> {
    fn span(&self, range: Range<usize>) -> Span {
        Placement {
            file: self.file,
            offset: self.offset,
        }
        .span(range)
    }
}

/// What a document file's front matter gives.
pub(crate) struct Parsed {
    /// The document, when its front matter is usable.
    pub(crate) document: Option<Document>,
    /// Where its body starts in the file, when the front matter is closed: the body is
    /// checked even when the front matter has errors, so one run reports both.
    pub(crate) body_offset: Option<usize>,
}

/// Checks a document's front matter; every problem found is in `diagnostics`.
pub(crate) fn document(
    source: &FileText<'_>,
    default_id: Option<DocId>,
    collection: Option<CollectionId>,
    diagnostics: &mut Diagnostics,
) -> Parsed {
    let split = match split(source.text) {
        Ok(split) => split,
        Err(error) => {
            diagnostics.push(split_diagnostic(error, source));
            return Parsed {
                document: None,
                body_offset: None,
            };
        }
    };
    let body_offset = source.offset + split.body.start;
    Parsed {
        document: meta(source, &split, default_id, collection, diagnostics),
        body_offset: Some(body_offset),
    }
}

/// The document its front matter describes, if it can be made.
fn meta(
    source: &FileText<'_>,
    split: &Split,
    default_id: Option<DocId>,
    collection: Option<CollectionId>,
    diagnostics: &mut Diagnostics,
) -> Option<Document> {
    let placement = Placement {
        file: source.file,
        offset: source.offset + split.yaml.start,
    };
    let (raw, problems) = yaml::parse_mapping::<RawMeta>(
        &source.text[split.yaml.clone()],
        placement,
        Limits::FrontMatter,
    );
    for problem in problems {
        diagnostics.push(problem);
    }
    let raw = raw?;
    let fence = source.span(0..3);
    let mut checker = Checker {
        placement,
        diagnostics,
    };
    let id = checker.id(raw.id, default_id, &fence);
    let title = checker.required(raw.title, "title", &fence);
    let date = checker.date(raw.date, &fence);
    let aliases = checker.aliases(raw.aliases);
    let language = raw.language.and_then(|language| checker.language(language));
    let links = raw
        .links
        .unwrap_or_default()
        .into_iter()
        .filter_map(|link| checker.link(link))
        .collect();
    let (id, title, date) = (id?, title?, date?);
    let refs = |refs: Refs| yaml::refs(placement, refs);
    Some(Document {
        id: id.0,
        id_span: id.1,
        file: source.file.clone(),
        collection,
        body_offset: source.offset + split.body.start,
        title,
        date,
        date_note: raw.date_note,
        order: raw.order.unwrap_or(0),
        place: raw.place.map(|place| located_ref(placement, place)),
        doc_type: raw.doc_type.map(|t| located_ref(placement, t)),
        classification: raw.classification,
        authors: refs(raw.authors),
        recipients: refs(raw.recipients),
        people: refs(raw.people),
        places: refs(raw.places),
        tags: refs(raw.tags),
        summary: raw.summary,
        sources: raw
            .source
            .map(|sources| {
                sources
                    .0
                    .into_iter()
                    // `source: {}` says nothing to show or cite.
                    .filter(|s| {
                        s.archive.is_some() || s.reference.is_some() || s.description.is_some()
                    })
                    .map(|s| ArchivalSource {
                        archive: s.archive,
                        reference: s.reference,
                        description: s.description,
                    })
                    .collect()
            })
            .unwrap_or_default(),
        published: raw.published.map(|p| p.0).unwrap_or_default(),
        translation: raw.translation.map(|t| Translation {
            translator: t.translator,
            from: t.from,
            note: t.note,
        }),
        language,
        credit: raw.credit,
        rights: raw.rights,
        links,
        related: refs(raw.related),
        in_reply_to: raw.in_reply_to.map(|r| located_ref(placement, r)),
        aliases,
        draft: raw.draft.unwrap_or(false),
        references: Vec::new(),
        paragraphs: 0,
        anchors: Vec::new(),
    })
}

fn located_ref(placement: Placement<'_>, value: Located<String>) -> Ref {
    Ref {
        text: value.value,
        span: placement.span(value.range),
    }
}

struct Checker<'a, 'd> {
    placement: Placement<'a>,
    diagnostics: &'d mut Diagnostics,
}

impl Checker<'_, '_> {
    fn required(
        &mut self,
        value: Option<Located<String>>,
        key: &str,
        fence: &Span,
    ) -> Option<String> {
        match value {
            Some(value) if !value.value.trim().is_empty() => Some(value.value),
            Some(value) => {
                self.diagnostics.push(
                    Diagnostic::error("missing-field", format!("`{key}` is empty"))
                        .at(self.placement.span(value.range)),
                );
                None
            }
            None => {
                self.diagnostics.push(
                    Diagnostic::error("missing-field", format!("this document has no `{key}`"))
                        .at(fence.clone())
                        .with_label("in this front matter")
                        .with_help(format!(
                            "every document needs `title` and `date`; add `{key}: ...`"
                        )),
                );
                None
            }
        }
    }

    fn date(&mut self, value: Option<Located<String>>, fence: &Span) -> Option<Date> {
        self.required(value.clone(), "date", fence)?;
        yaml::date(&value?, self.placement, self.diagnostics)
    }

    fn id(
        &mut self,
        value: Option<Located<String>>,
        default: Option<DocId>,
        fence: &Span,
    ) -> Option<(DocId, Span)> {
        match value {
            Some(value) => {
                let span = self.placement.span(value.range);
                match DocId::parse(&value.value) {
                    Ok(id) => Some((id, span)),
                    Err(error) => {
                        self.diagnostics.push(
                            Diagnostic::error(
                                "invalid-id",
                                format!("id {:?}: {error}", value.value),
                            )
                            .at(span)
                            .with_help(suggest_id(&value.value)),
                        );
                        None
                    }
                }
            }
            None => match default {
                Some(id) => Some((id, fence.clone())),
                None => {
                    self.diagnostics.push(
                        Diagnostic::error("invalid-id", "no id can be made from this file's name")
                            .at(fence.clone())
                            .with_help("rename the file with letters or digits, or add `id: ...` to the front matter"),
                    );
                    None
                }
            },
        }
    }

    fn aliases(&mut self, aliases: Refs) -> Vec<(DocId, Span)> {
        let mut checked = Vec::new();
        for alias in yaml::refs(self.placement, aliases) {
            match DocId::parse(&alias.text) {
                Ok(id) => checked.push((id, alias.span)),
                Err(error) => self.diagnostics.push(
                    Diagnostic::error("invalid-id", format!("alias {:?}: {error}", alias.text))
                        .at(alias.span)
                        .with_help(suggest_id(&alias.text)),
                ),
            }
        }
        checked
    }

    fn language(&mut self, language: Located<String>) -> Option<String> {
        if crate::config::is_language_tag(&language.value) {
            Some(language.value)
        } else {
            self.diagnostics.push(
                Diagnostic::error(
                    "invalid-value",
                    format!("language {:?} is not a BCP 47 tag", language.value),
                )
                .at(self.placement.span(language.range))
                .with_help("write a tag such as \"en\", \"ru\" or \"hy\""),
            );
            None
        }
    }

    /// A link of the document's `links`, refused when its address would run code in the
    /// reader's browser (`javascript:`, `data:`), as such a link in the text is. A link
    /// without a title is shown by its address.
    fn link(&mut self, link: RawLink) -> Option<Link> {
        let url = link.url.value.trim();
        if !crate::markdown::is_safe_link(url) {
            self.diagnostics.push(
                Diagnostic::error(
                    "unsafe-link",
                    format!("link {url:?} would run code in the reader's browser"),
                )
                .at(self.placement.span(link.url.range))
                .with_help("link to an http:, https: or mailto: address"),
            );
            return None;
        }
        let title = match link.title.trim() {
            "" => url.to_owned(),
            title => title.to_owned(),
        };
        Some(Link {
            title,
            url: url.to_owned(),
        })
    }
}

fn suggest_id(text: &str) -> String {
    match DocId::from_text(text) {
        Some(slug) => format!(
            "ids use a-z, 0-9 and '-'; did you mean {:?}?",
            slug.as_str()
        ),
        None => "ids use a-z, 0-9 and '-'".to_owned(),
    }
}

fn split_diagnostic(error: SplitError, source: &FileText<'_>) -> Diagnostic {
    match error {
        SplitError::Missing => Diagnostic::error("no-front-matter", "this document has no front matter")
            .at(source.span(0..0))
            .with_help("start the file with a line `---`, then `title: ...` and `date: ...`, then a line `---`"),
        SplitError::Unclosed(fence) => Diagnostic::error("unclosed-front-matter", "the front matter is never closed")
            .at(source.span(fence))
            .with_label("opened here")
            .with_help("end the front matter with a line `---` before the text"),
    }
}

/// Reads an `_index.md`: front matter (optional) and introduction. `name` is the folder's name,
/// the title when none is given.
pub(crate) fn collection(
    source: &FileText<'_>,
    id: CollectionId,
    name: &str,
    diagnostics: &mut Diagnostics,
) -> (Collection, usize) {
    let (raw, introduction, offset) = index_parts(source, diagnostics);
    let collection = Collection {
        id,
        title: raw.title.unwrap_or_else(|| name.to_owned()),
        description: raw.description,
        order: raw.order,
        introduction,
        references: Vec::new(),
    };
    (collection, offset)
}

/// Reads `documents/_index.md`, the home page's introduction.
pub(crate) fn home(source: &FileText<'_>, diagnostics: &mut Diagnostics) -> (Home, usize) {
    let (raw, introduction, offset) = index_parts(source, diagnostics);
    let home = Home {
        title: raw.title,
        description: raw.description,
        introduction,
        references: Vec::new(),
    };
    (home, offset)
}

/// The front matter, the introduction if there is one, and the introduction's offset in the
/// file.
fn index_parts(
    source: &FileText<'_>,
    diagnostics: &mut Diagnostics,
) -> (RawIndex, Option<String>, usize) {
    let (raw, body) = match split(source.text) {
        Ok(split) => {
            let placement = Placement {
                file: source.file,
                offset: source.offset + split.yaml.start,
            };
            let yaml_text = &source.text[split.yaml];
            let raw = if yaml_text.trim().is_empty() {
                RawIndex::default()
            } else {
                let (raw, problems) =
                    yaml::parse_mapping(yaml_text, placement, Limits::FrontMatter);
                for problem in problems {
                    diagnostics.push(problem);
                }
                raw.unwrap_or_default()
            };
            (raw, (&source.text[split.body.clone()], split.body.start))
        }
        Err(SplitError::Missing) => (RawIndex::default(), (source.text, 0)),
        Err(error) => {
            diagnostics.push(split_diagnostic(error, source));
            (RawIndex::default(), ("", 0))
        }
    };
    let introduction = (!body.0.trim().is_empty()).then(|| body.0.to_owned());
    (raw, introduction, source.offset + body.1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_at_fences_with_crlf_and_dots() {
        let text = "---\r\ntitle: T\r\n...\r\nBody";
        let split = split(text).ok().unwrap();
        assert_eq!(&text[split.yaml], "title: T\r\n");
        assert_eq!(&text[split.body], "Body");
        assert!(matches!(
            super::split("no fences"),
            Err(SplitError::Missing)
        ));
        assert!(matches!(super::split(""), Err(SplitError::Missing)));
        assert!(matches!(
            super::split("---\ntitle: T\n"),
            Err(SplitError::Unclosed(_))
        ));
    }
}
