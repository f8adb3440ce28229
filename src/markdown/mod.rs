//! Markdown bodies: one pass over pulldown-cmark's events, used twice.
//!
//! 1. [`scan`] (load stage, per file, in parallel) walks a body to find what other stages need:
//!    its `person:`/`place:`/`doc:` links with the paragraph each stands in, the number of
//!    numbered blocks, and every problem with its notes and links. Nothing is kept of the text.
//! 2. [`render`] (render stage) walks it again, writing HTML: paragraph anchors, heading ids,
//!    note marks by hand, resolved links, glossary abbreviations, then sanitises raw HTML.
//!
//! Both are the same [`walk::Walk`] over the same events, so what scan counts is what render
//! writes: paragraph numbers and note ids cannot disagree between the index and the page.

mod anchors;
mod glossary;
mod links;
mod notes;
mod sanitize;
mod walk;

use std::ops::Range;

pub(crate) use anchors::is_theme_id;
pub use glossary::Glossary;
pub(crate) use links::is_safe as is_safe_link;

use crate::config::Hand;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::model::document::{LinkTarget, Reference};
use crate::model::id::HandId;
use crate::source::{SourcePath, Span};

/// The Markdown dialect of every body: CommonMark with GitHub's tables, footnotes and
/// strikethrough. No smart punctuation, which would change the characters of a source text.
fn options() -> pulldown_cmark::Options {
    use pulldown_cmark::Options;
    Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES | Options::ENABLE_STRIKETHROUGH
}

/// Where a body sits: its file and the byte offset of its first character there.
#[derive(Clone, Copy)]
pub struct BodyAt<'a> {
    /// The file.
    pub file: &'a SourcePath,
    /// Offset of the body in the file.
    pub offset: usize,
}

/// What [`scan`] finds in a body.
pub struct BodyScan {
    /// Links to people, places and documents, in order.
    pub references: Vec<Reference>,
    /// Number of numbered blocks.
    pub paragraphs: u32,
    /// The ids of its headings and notes.
    pub anchors: Vec<String>,
}

/// Scans `body` for references, paragraphs and problems with notes and links.
pub fn scan(body: &str, at: BodyAt<'_>, hands: &[Hand], diagnostics: &mut Diagnostics) -> BodyScan {
    scan_keeping(body, at, hands, diagnostics, |_| true)
}

/// The `person:`, `place:` and `doc:` links of an introduction (`_index.md`) and the problems
/// with them. An introduction is plain Markdown, its footnotes not notes by hand, so only
/// problems with links are its.
pub fn scan_links(
    body: &str,
    at: BodyAt<'_>,
    hands: &[Hand],
    diagnostics: &mut Diagnostics,
) -> Vec<Reference> {
    const LINK_PROBLEMS: [&str; 2] = ["empty-link-target", "unknown-link-scheme"];
    scan_keeping(body, at, hands, diagnostics, |code| {
        LINK_PROBLEMS.contains(&code)
    })
    .references
}

fn scan_keeping(
    body: &str,
    at: BodyAt<'_>,
    hands: &[Hand],
    diagnostics: &mut Diagnostics,
    keep: impl Fn(&str) -> bool,
) -> BodyScan {
    let result = walk::Walk::run(body, hands, None);
    for problem in result.problems.into_iter().filter(|p| keep(p.code)) {
        let mut diagnostic =
            Diagnostic::error(problem.code, problem.message)
                .at(Span::new(at.file, problem.range).shifted(at.offset));
        if let Some(help) = problem.help {
            diagnostic = diagnostic.with_help(help);
        }
        diagnostics.push(diagnostic);
    }
    BodyScan {
        references: result
            .references
            .into_iter()
            .map(|(target, anchor, range)| Reference {
                target,
                anchor,
                span: Span::new(at.file, range).shifted(at.offset),
            })
            .collect(),
        paragraphs: result.paragraphs,
        anchors: result.anchors,
    }
}

/// A body as HTML, with its notes apart so a theme can place them (endnotes, sidenotes).
pub struct RenderedBody {
    /// The text, with anchors and note marks.
    pub html: String,
    /// The notes, grouped by hand in the order hands are declared, then by number.
    pub notes: Vec<RenderedNote>,
}

/// One note, ready for a template.
pub struct RenderedNote {
    /// Whose note.
    pub hand: HandId,
    /// Its mark in the text ("1", "a", "iv").
    pub marker: String,
    /// Its element id (`note-yb-1`).
    pub id: String,
    /// Its content as HTML.
    pub html: String,
    /// The ids of the marks that refer to it, for links back.
    pub backrefs: Vec<String>,
}

/// How links are turned into hrefs while rendering: the relative href of a target from the
/// page being rendered, or `None` to leave the link's text unlinked.
pub type LinkResolver<'a> = &'a (dyn Fn(&LinkTarget) -> Option<String> + Sync);

/// Everything render needs besides the text.
pub struct RenderOptions<'a> {
    /// The edition's hands.
    pub hands: &'a [Hand],
    /// Turns `person:`/`place:`/`doc:` targets into hrefs.
    pub links: LinkResolver<'a>,
    /// Terms to mark with `<abbr>` at their first use.
    pub glossary: Option<&'a Glossary>,
    /// Whether raw HTML is sanitised (`[build] unsafe_html = false`).
    pub sanitize: bool,
}

/// Renders a document body.
pub fn render(body: &str, options: &RenderOptions<'_>) -> RenderedBody {
    let result = walk::Walk::run(body, options.hands, Some(options));
    let clean = |html: String| {
        if result.has_raw_html && options.sanitize {
            sanitize::clean(&html)
        } else {
            html
        }
    };
    let html = clean(result.html);
    let notes = result
        .notes
        .into_iter()
        .map(|note| RenderedNote {
            hand: options.hands[note.hand].id.clone(),
            marker: note.marker,
            id: note.id,
            html: clean(note.html),
            backrefs: note.backrefs,
        })
        .collect();
    RenderedBody { html, notes }
}

/// Renders a short Markdown text (a summary, a description, an introduction) without
/// paragraph numbers or notes; links resolve as in bodies.
pub fn render_fragment(text: &str, links: LinkResolver<'_>, sanitize: bool) -> String {
    let (html, has_raw_html) = walk::fragment(text, links, sanitize);

    if sanitize && has_raw_html {
        sanitize::clean(&html)
    } else {
        html
    }
}

/// A problem found while walking a body, with its byte range in the body.
struct Problem {
    code: &'static str,
    message: String,
    range: Range<usize>,
    help: Option<String>,
}

/// The words of a Markdown text as a reader sees them, for the search index. Inline markup
/// joins what it marks (`un*believ*able` is one word), as do inline HTML tags; the end of a
/// block, a line break or a tag of an HTML block separates words; text inside raw HTML counts.
pub fn searchable_text(text: &str) -> String {
    use pulldown_cmark::{Event, Parser, TagEnd};
    let mut words = String::with_capacity(text.len());
    for event in Parser::new_ext(text, options()) {
        match event {
            Event::Text(t) | Event::Code(t) => words.push_str(&t),
            // A tag of a block of raw HTML, or a line break, separates words; an inline tag
            // (`<b>`, `<i>`) joins them as Markdown's own inline markup does.
            Event::Html(ref html) | Event::InlineHtml(ref html) => {
                let block = matches!(event, Event::Html(_));
                let separates = |tag: &str| block || tag.to_ascii_lowercase().starts_with("<br");
                let mut tag_start = None;
                for (at, c) in html.char_indices() {
                    match (c, tag_start) {
                        ('<', _) => tag_start = Some(at),
                        ('>', Some(start)) => {
                            if separates(&html[start..at]) {
                                words.push(' ');
                            }
                            tag_start = None;
                        }
                        (_, None) => words.push(c),
                        _ => {}
                    }
                }
            }
            Event::SoftBreak | Event::HardBreak | Event::Rule => words.push(' '),
            Event::End(
                TagEnd::Emphasis
                | TagEnd::Strong
                | TagEnd::Strikethrough
                | TagEnd::Link
                | TagEnd::Superscript
                | TagEnd::Subscript,
            ) => {}
            Event::End(_) | Event::FootnoteReference(_) => words.push(' '),
            _ => {}
        }
    }
    words
}

/// The text of a short Markdown text without its markup, on one line: for meta descriptions
/// and feeds. Its words are those search reads ([`searchable_text`]), so inline markup inside
/// a word does not split it.
pub fn plain_text(text: &str) -> String {
    searchable_text(text)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A summary reads in a meta description as on the page: inline markup inside a word
    /// does not split it, a line break or a tag separates, raw HTML's text stays.
    #[test]
    fn plain_text_keeps_words_whole() {
        assert_eq!(
            plain_text("An un*believ*able\nreport<br>from <b>Tiflis</b>."),
            "An unbelievable report from Tiflis."
        );
    }
}
