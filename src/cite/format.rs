//! Chicago, MLA and APA entries for the page, formatted by hayagriva from our CSL styles.
//!
//! 1. [`Citer::new`] parses the three styles once per build; a `Citer` is shared by the
//!    render threads.
//! 2. [`Citer::format`] gives hayagriva the document's [`CslItem`] and asks each style for the
//!    item's bibliography entry (a "full" citation, so no in-text citation is rendered).
//! 3. The entry is flattened into runs of formatted text, where doubled punctuation left by the
//!    processor is removed ([`tidy`]), then written as escaped HTML.

use std::borrow::Cow;

use hayagriva::citationberg::IndependentStyle;
use hayagriva::citationberg::json::{Item, Value};
use hayagriva::citationberg::{FontStyle, FontWeight, VerticalAlign};
use hayagriva::{
    CitationItem, CitationRequest, CitePurpose, ElemChild, ElemChildren, Formatting,
    standalone_citation,
};

use super::Citable;
use super::csl::csl_json;

/// A citation style on the page.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Style {
    /// Chicago Manual of Style, 18th edition, notes and bibliography: the bibliography entry.
    Chicago,
    /// MLA Handbook, 9th edition: the works-cited entry.
    Mla,
    /// APA Publication Manual, 7th edition: the reference-list entry.
    Apa,
}

impl Style {
    /// Every style, in the order the page shows them.
    pub const ALL: [Style; 3] = [Style::Chicago, Style::Mla, Style::Apa];

    /// The short name readers know: "Chicago", "MLA", "APA".
    pub fn label(self) -> &'static str {
        match self {
            Style::Chicago => "Chicago",
            Style::Mla => "MLA",
            Style::Apa => "APA",
        }
    }

    /// Whether the style prints a title in quotation marks.
    fn quotes_titles(self) -> bool {
        matches!(self, Style::Chicago | Style::Mla)
    }

    fn csl(self) -> &'static str {
        match self {
            Style::Chicago => include_str!("styles/chicago.csl"),
            Style::Mla => include_str!("styles/mla.csl"),
            Style::Apa => include_str!("styles/apa.csl"),
        }
    }
}

/// One style's entry for a document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FormattedCitation {
    /// Which style.
    pub style: Style,
    /// The entry as HTML, escaped and safe to insert into a page: `<i>` for italics and the
    /// permalink as a link.
    pub html: String,
}

/// The citation styles, parsed once and shared across threads.
pub struct Citer {
    styles: Vec<(Style, IndependentStyle)>,
}

impl Default for Citer {
    fn default() -> Citer {
        Citer::new()
    }
}

impl Citer {
    /// Parses the built-in styles.
    pub fn new() -> Citer {
        let styles = Style::ALL
            .into_iter()
            .map(|style| {
                let parsed = IndependentStyle::from_xml(style.csl())
                    .expect("the built-in styles are valid CSL, as the tests check");
                (style, parsed)
            })
            .collect();
        Citer { styles }
    }

    /// The document's entry in every style, in [`Style::ALL`] order.
    pub fn format(&self, citable: &Citable<'_>) -> Vec<FormattedCitation> {
        let item = csl_json(citable).processor_item();
        let quoted = with_inner_quotes(&item);
        self.styles
            .iter()
            .map(|(style, csl)| {
                let item = match &quoted {
                    Some(quoted) if style.quotes_titles() => quoted,
                    _ => &item,
                };
                let entry = entry(csl, item);
                FormattedCitation {
                    style: *style,
                    html: html(&tidy(runs(&entry))),
                }
            })
            .collect()
    }
}

/// The item with the double quotation marks of its title made single, when it has any.
///
/// Chicago and MLA print a title in double quotation marks, and both manuals then make the
/// title's own double marks single: “On the ‘Eastern Question’.” It also keeps the title whole:
/// hayagriva takes a title's closing ” for the style's closing quotation mark written twice and
/// drops it ("“On the “Eastern Question.”").
fn with_inner_quotes(item: &Item) -> Option<Item> {
    let Some(Value::String(title)) = item.0.get("title") else {
        return None;
    };
    if !title.contains(['“', '”']) {
        return None;
    }
    let single = title.replace('“', "‘").replace('”', "’");
    let mut quoted = item.clone();
    quoted.0.insert("title".to_owned(), Value::String(single));
    Some(quoted)
}

/// The item's bibliography entry in one style. The style's own locale holds every term it
/// uses, so no locale files are needed.
fn entry(style: &IndependentStyle, item: &Item) -> ElemChildren {
    let cite = CitationItem::new(item, None, None, false, Some(CitePurpose::Full));
    standalone_citation(CitationRequest::new(vec![cite], style, None, &[], None))
}

/// A stretch of text with one formatting, possibly a link.
#[derive(Debug)]
struct Run<'e> {
    text: Cow<'e, str>,
    formatting: Formatting,
    link: Option<&'e str>,
}

/// The entry's text in reading order.
fn runs(children: &ElemChildren) -> Vec<Run<'_>> {
    fn walk<'e>(children: &'e ElemChildren, runs: &mut Vec<Run<'e>>) {
        for child in &children.0 {
            match child {
                ElemChild::Text(text) => runs.push(Run {
                    text: Cow::Borrowed(&text.text),
                    formatting: text.formatting,
                    link: None,
                }),
                ElemChild::Link { text, url } => runs.push(Run {
                    text: Cow::Borrowed(&text.text),
                    formatting: text.formatting,
                    link: Some(url),
                }),
                ElemChild::Markup(text) => runs.push(Run {
                    text: Cow::Borrowed(text),
                    formatting: Formatting::default(),
                    link: None,
                }),
                ElemChild::Elem(elem) => walk(&elem.children, runs),
                // Placeholders for the consumer of in-text citations; entries have none.
                ElemChild::Transparent { .. } => {}
            }
        }
    }
    let mut runs = Vec::new();
    walk(children, &mut runs);
    runs
}

/// Removes the period or comma the processor adds after a title that already ends in `?`, `!`
/// or `.`: "“Who Is to Blame?.”" becomes "“Who Is to Blame?”", "C.C.." becomes "C.C.".
fn tidy(mut runs: Vec<Run<'_>>) -> Vec<Run<'_>> {
    const DOUBLED: [(&str, &str); 10] = [
        ("?.”", "?”"),
        ("!.”", "!”"),
        ("..”", ".”"),
        ("?,”", "?”"),
        ("!,”", "!”"),
        ("?.’", "?’"),
        ("!.’", "!’"),
        ("..’", ".’"),
        ("?,’", "?’"),
        ("!,’", "!’"),
    ];
    let mut last = None;
    for run in &mut runs {
        if run.text.contains(['”', '’']) {
            for (doubled, single) in DOUBLED {
                if run.text.contains(doubled) {
                    run.text = Cow::Owned(run.text.replace(doubled, single));
                }
            }
        }
        let doubled = matches!(
            (last, run.text.chars().next()),
            (Some('?' | '!' | '.'), Some('.')) | (Some('?' | '!'), Some(','))
        );
        if doubled {
            run.text = Cow::Owned(run.text[1..].to_owned());
        }
        last = run.text.chars().last().or(last);
    }
    runs
}

/// The runs as HTML: text escaped, `<i>`, `<b>`, `<sup>`, `<sub>` for formatting, links as
/// `<a href>`.
fn html(runs: &[Run<'_>]) -> String {
    let mut html = String::new();
    for run in runs {
        let mut tags = Vec::new();
        if let Some(url) = run.link {
            html.push_str("<a href=\"");
            pulldown_cmark_escape::escape_href(&mut html, url).expect("writing to a String");
            html.push_str("\">");
            tags.push("</a>");
        }
        let formatting = &run.formatting;
        for (on, open, close) in [
            (formatting.font_style == FontStyle::Italic, "<i>", "</i>"),
            (formatting.font_weight == FontWeight::Bold, "<b>", "</b>"),
            (
                formatting.vertical_align == VerticalAlign::Sup,
                "<sup>",
                "</sup>",
            ),
            (
                formatting.vertical_align == VerticalAlign::Sub,
                "<sub>",
                "</sub>",
            ),
        ] {
            if on {
                html.push_str(open);
                tags.push(close);
            }
        }
        pulldown_cmark_escape::escape_html(&mut html, &run.text).expect("writing to a String");
        for close in tags.iter().rev() {
            html.push_str(close);
        }
    }
    html
}
