//! `cite.bib`: one BibTeX entry, readable by BibTeX, biber (biblatex) and BibTeX parsers.
//!
//! The entry is `@misc` keyed by the document id, the type every BibTeX style knows. Fields
//! BibTeX styles print (`author`, `title`, `howpublished`, `year`, `note`) carry the whole
//! citation; biblatex reads `date` (EDTF, as it supports), `type`, `editor`, `translator` and
//! `url` as well. Text is escaped for LaTeX (`\&`, `\%`, `\textbackslash{}`, ...), so braces
//! always balance; the title is braced twice, so styles keep its capitals.

use std::fmt::Write;

use super::Citable;
use super::csl::{CslItem, Name, csl_json};
use crate::model::date::year_words;

/// The document as a BibTeX entry, ending in a newline. `data/edition.bib` is every entry,
/// separated by blank lines; keys are the document ids, so they are unique in an edition.
pub fn bibtex(citable: &Citable<'_>) -> String {
    let item = csl_json(citable);
    let edtf = citable.date.to_string();
    let mut fields: Vec<(&str, String)> = Vec::new();
    if !item.author.is_empty() {
        fields.push(("author", names(&item.author)));
    }
    fields.push(("title", format!("{{{}}}", escape(item.title))));
    if let Some(description) = description(&item) {
        fields.push(("type", escape(&description)));
    }
    // biblatex reads EDTF, but `%` would start a comment in some readers: it marks a date
    // both uncertain and approximate, and biblatex's `~` (approximate) is the nearest.
    fields.push(("date", edtf.replace('%', "~")));
    // BibTeX styles print `year` as written: a year before the common era in words.
    fields.push(("year", year_words(item.issued.year())));
    fields.push(("howpublished", escape(item.container_title)));
    if !item.editor.is_empty() {
        fields.push(("editor", names(&item.editor)));
    }
    if !item.translator.is_empty() {
        fields.push(("translator", names(&item.translator)));
    }
    let source = [item.archive, item.archive_location]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(", ");
    let note = [
        Some(source.as_str()).filter(|s| !s.is_empty()),
        item.note.as_deref(),
    ]
    .into_iter()
    .flatten()
    .map(|part| part.trim_end_matches('.'))
    .collect::<Vec<_>>()
    .join(". ");
    if !note.is_empty() {
        fields.push(("note", format!("{}.", escape(&note))));
    }
    if let Some(address) = item.url {
        fields.push(("url", url(address)));
    }

    let mut entry = format!("@misc{{{},\n", item.id);
    let last = fields.len() - 1;
    for (index, (key, value)) in fields.iter().enumerate() {
        let comma = if index == last { "" } else { "," };
        writeln!(entry, "  {key} = {{{value}}}{comma}").expect("writing to a String");
    }
    entry.push_str("}\n");
    entry
}

/// Text for a BibTeX field: LaTeX's special characters escaped, line breaks as spaces.
fn escape(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            // BibTeX counts braces even after a backslash to find where a value ends, so a
            // lone brace of the text must not be a brace at all.
            '{' => escaped.push_str("\\textbraceleft{}"),
            '}' => escaped.push_str("\\textbraceright{}"),
            '%' | '&' | '#' | '_' | '$' => {
                escaped.push('\\');
                escaped.push(c);
            }
            '\\' => escaped.push_str("\\textbackslash{}"),
            '~' => escaped.push_str("\\textasciitilde{}"),
            '^' => escaped.push_str("\\textasciicircum{}"),
            '\n' | '\r' | '\t' => escaped.push(' '),
            _ => escaped.push(c),
        }
    }
    escaped
}

/// Names joined by `and`: "Family, Given"; an organisation braced, so it is never split.
fn names(names: &[Name<'_>]) -> String {
    let name = |name: &Name<'_>| match name {
        Name::Person {
            family,
            given: Some(given),
        } => format!("{}, {}", braced_if_split(family), escape(given)),
        Name::Person {
            family,
            given: None,
        } => braced_if_split(family),
        Name::Literal(literal) => format!("{{{}}}", escape(literal)),
    };
    names.iter().map(name).collect::<Vec<_>>().join(" and ")
}

/// A family name, braced if BibTeX would read it as two names or as "Last, First".
fn braced_if_split(family: &str) -> String {
    let escaped = escape(family);
    if family.contains(',') || family.to_lowercase().split_whitespace().any(|w| w == "and") {
        format!("{{{escaped}}}")
    } else {
        escaped
    }
}

/// What the document is, for biblatex's `type`: "Telegram to Georgy Chicherin and Vladimir
/// Lenin", as the Chicago entry says it.
fn description(item: &CslItem<'_>) -> Option<String> {
    let recipients = reading_order(&item.recipient);
    let genre = item.genre.map(capitalized);
    match (genre, recipients) {
        (Some(genre), Some(recipients)) => Some(format!("{genre} to {recipients}")),
        (None, Some(recipients)) => Some(format!("To {recipients}")),
        (genre, None) => genre,
    }
}

/// "A", "A and B", "A, B, and C", each name in reading order.
fn reading_order(names: &[Name<'_>]) -> Option<String> {
    let shown: Vec<String> = names
        .iter()
        .map(|name| match name {
            Name::Person {
                family,
                given: Some(given),
            } => format!("{given} {family}"),
            Name::Person { family, .. } => (*family).to_owned(),
            Name::Literal(literal) => (*literal).to_owned(),
        })
        .collect();
    match shown.as_slice() {
        [] => None,
        [one] => Some(one.clone()),
        [first, second] => Some(format!("{first} and {second}")),
        [init @ .., last] => Some(format!("{}, and {last}", init.join(", "))),
    }
}

fn capitalized(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// A URL for biblatex's verbatim `url` field: nothing is escaped there, so the few characters
/// that would break the entry (braces, backslash, space) are percent-encoded instead.
fn url(url: &str) -> String {
    let mut encoded = String::with_capacity(url.len());
    for c in url.chars() {
        match c {
            '{' => encoded.push_str("%7B"),
            '}' => encoded.push_str("%7D"),
            '\\' => encoded.push_str("%5C"),
            ' ' => encoded.push_str("%20"),
            _ => encoded.push(c),
        }
    }
    encoded
}
