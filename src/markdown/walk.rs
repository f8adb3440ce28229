//! The walk over a body's events that both `scan` and `render` run.
//!
//! Procedure, per event:
//! 1. Top-level paragraphs, block quotes and lists get `id="pN"` and a visible anchor link;
//!    other top-level blocks (headings, tables, code) reset the current paragraph.
//! 2. Headings are buffered until their end to give them a unique slug id.
//! 3. Footnote references become marks of their hand's series; definitions are diverted into
//!    their note, so they are not part of the running text and not numbered.
//! 4. `person:`/`place:`/`doc:` links are recorded with the paragraph or note they stand in
//!    and, when rendering, pointed at their page (or unlinked if the resolver says so).
//! 5. Runs of text are checked for `[^label]` that the parser left as text: a reference to a
//!    note that has no definition.
//! 6. When rendering, the first use of each glossary term is wrapped in `<abbr>`.

use std::collections::HashMap;
use std::ops::Range;

use pulldown_cmark::{CowStr, Event, Parser, Tag, TagEnd};
use unicase::UniCase;

use super::anchors::{Anchors, paragraph_link};
use super::glossary::Glossary;
use super::notes;
use super::{LinkResolver, Problem, RenderOptions, links, options};
use crate::config::Hand;
use crate::model::document::{Anchor, LinkTarget};

/// What a walk found and wrote.
pub(super) struct Walked {
    pub(super) html: String,
    pub(super) notes: Vec<WalkedNote>,
    pub(super) references: Vec<(LinkTarget, Option<Anchor>, Range<usize>)>,
    pub(super) paragraphs: u32,
    /// Ids of headings, notes and note marks (a scan's only).
    pub(super) anchors: Vec<String>,
    pub(super) problems: Vec<Problem>,
    pub(super) has_raw_html: bool,
}

/// A note as the walk leaves it.
pub(super) struct WalkedNote {
    pub(super) hand: usize,
    pub(super) marker: String,
    pub(super) id: String,
    pub(super) html: String,
    pub(super) backrefs: Vec<String>,
}

/// Where the walk is in a link: kept (rewritten) or dropped (its text stays).
enum Closing {
    /// Emit the original end event.
    Keep,
    /// Emit this HTML instead (our own opening tag was written).
    Html(&'static str),
    /// Emit nothing (the start was dropped).
    Drop,
}

/// Where a reference stands, before note numbers are known.
enum Place {
    Paragraph(u32),
    Note(usize),
    /// A top-level heading, by its position among the headings.
    Heading(usize),
    Nowhere,
}

struct NoteState<'a> {
    hand: usize,
    number: Option<u32>,
    references: u32,
    defined: Option<Range<usize>>,
    events: Vec<Event<'a>>,
}

pub(super) struct Walk<'a, 'c> {
    text: &'a str,
    hands: &'c [Hand],
    /// `Some` when rendering; a scan writes nothing.
    render: Option<&'c RenderOptions<'c>>,
    glossary_used: Vec<bool>,
    anchors: Anchors,
    depth: usize,
    current: Place,
    closings: Vec<Closing>,
    pending_item_anchor: Option<u32>,
    heading: Option<(Tag<'a>, Vec<Event<'a>>)>,
    notes: Vec<NoteState<'a>>,
    /// Notes by label, matched in any case.
    note_index: HashMap<UniCase<String>, usize>,
    series: Vec<u32>,
    headings: Vec<String>,
    in_definition: Option<usize>,
    text_run: Option<Range<usize>>,
    in_code_block: bool,
    references: Vec<(LinkTarget, Place, Range<usize>)>,
    problems: Vec<Problem>,
    has_raw_html: bool,
    out: Vec<Event<'a>>,
}

impl<'a, 'c> Walk<'a, 'c> {
    /// Walks `text`: a scan without `render`, which writes nothing.
    pub(super) fn run(
        text: &'a str,
        hands: &'c [Hand],
        render: Option<&'c RenderOptions<'c>>,
    ) -> Walked {
        let glossary_terms = render.and_then(|r| r.glossary).map_or(0, Glossary::len);
        let mut walk = Walk {
            text,
            hands,
            render,
            glossary_used: vec![false; glossary_terms],
            anchors: Anchors::default(),
            depth: 0,
            current: Place::Nowhere,
            closings: Vec::new(),
            pending_item_anchor: None,
            heading: None,
            notes: Vec::new(),
            note_index: HashMap::new(),
            series: vec![0; hands.len()],
            headings: Vec::new(),
            in_definition: None,
            text_run: None,
            in_code_block: false,

            references: Vec::new(),
            problems: Vec::new(),
            has_raw_html: false,
            out: Vec::new(),
        };
        for (event, range) in Parser::new_ext(text, options()).into_offset_iter() {
            walk.event(event, range);
        }
        walk.finish()
    }

    fn rendering(&self) -> bool {
        self.render.is_some()
    }

    /// Whether a link or image destination may be written: raw HTML is kept as written
    /// (`unsafe_html`), or the address is one a browser does not execute.
    fn allowed(&self, destination: &str) -> bool {
        self.render
            .is_none_or(|render| !render.sanitize || links::is_safe(destination))
    }

    fn event(&mut self, event: Event<'a>, range: Range<usize>) {
        if !matches!(event, Event::Text(_)) {
            self.end_text_run();
        }
        match event {
            Event::Start(tag @ Tag::CodeBlock(_)) => {
                self.in_code_block = true;
                self.start(tag, range);
            }
            Event::End(tag @ TagEnd::CodeBlock) => {
                self.in_code_block = false;
                self.end(tag);
            }
            Event::Start(tag) => self.start(tag, range),
            Event::End(tag) => self.end(tag),
            // Code is shown as written: no note marks to check, no glossary terms to mark.
            Event::Text(text) if self.in_code_block => self.emit(Event::Text(text)),
            Event::Text(text) => {
                self.text_run = Some(match self.text_run.take() {
                    Some(run) => run.start..range.end,
                    None => range,
                });
                self.text(text);
            }
            Event::FootnoteReference(label) => self.note_reference(&label, range),
            Event::Html(_) | Event::InlineHtml(_) => {
                self.has_raw_html = true;
                self.emit(event);
            }
            other => self.emit(other),
        }
    }

    /// Sends an output event to wherever output goes now: a heading being buffered, a note
    /// being defined, or the running text.
    fn emit(&mut self, event: Event<'a>) {
        // A heading's text makes its id, which a scan records too.
        if let Some((_, buffer)) = &mut self.heading {
            buffer.push(event);
            return;
        }
        if !self.rendering() {
            return;
        }
        if let Some(note) = self.in_definition {
            self.notes[note].events.push(event);
        } else {
            self.out.push(event);
        }
    }

    fn start(&mut self, tag: Tag<'a>, range: Range<usize>) {
        let top_level = self.depth == 0 && self.in_definition.is_none();
        self.depth += 1;
        if top_level && !matches!(tag, Tag::FootnoteDefinition(_)) {
            self.current = Place::Nowhere;
        }
        match tag {
            Tag::Paragraph if top_level => {
                let number = self.number_block();
                self.emit(Event::Html(
                    format!("<p id=\"p{number}\">{}", paragraph_link(number)).into(),
                ));
                self.closings.push(Closing::Html("</p>\n"));
            }
            Tag::BlockQuote(_) if top_level => {
                let number = self.number_block();
                self.emit(Event::Html(
                    format!("<blockquote id=\"p{number}\">\n{}", paragraph_link(number)).into(),
                ));
                self.closings.push(Closing::Html("</blockquote>\n"));
            }
            Tag::List(start) if top_level => {
                let number = self.number_block();
                self.pending_item_anchor = Some(number);
                let (open, close) = match start {
                    Some(1) => (format!("<ol id=\"p{number}\">\n"), "</ol>\n"),
                    Some(first) => (
                        format!("<ol id=\"p{number}\" start=\"{first}\">\n"),
                        "</ol>\n",
                    ),
                    None => (format!("<ul id=\"p{number}\">\n"), "</ul>\n"),
                };
                self.emit(Event::Html(open.into()));
                self.closings.push(Closing::Html(close));
            }
            Tag::Item => {
                self.emit(Event::Start(Tag::Item));
                if let Some(number) = self.pending_item_anchor.take() {
                    self.emit(Event::InlineHtml(paragraph_link(number).into()));
                }
                self.closings.push(Closing::Keep);
            }
            Tag::FootnoteDefinition(label) => {
                let note = self.note(&label, range.clone());
                if let Some(note) = note {
                    if self.notes[note].defined.is_some() {
                        self.problem(
                            "duplicate-note",
                            format!("note [^{label}] is defined twice"),
                            range.clone(),
                            None,
                        );
                    }
                    self.notes[note].defined = Some(range);
                }
                self.in_definition = note;
                self.closings.push(Closing::Drop);
            }
            Tag::Heading { .. } => {
                self.heading = Some((tag, Vec::new()));
                self.closings.push(Closing::Keep);
            }
            Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            } => self.link_start(link_type, dest_url, title, id, range),
            Tag::Image { ref dest_url, .. } if !self.allowed(dest_url) => {
                // The image's alt text stays, as text.
                self.closings.push(Closing::Drop);
            }
            other => {
                self.emit(Event::Start(other));
                self.closings.push(Closing::Keep);
            }
        }
    }

    fn end(&mut self, tag: TagEnd) {
        self.depth -= 1;
        let closing = self.closings.pop().unwrap_or(Closing::Keep);
        match tag {
            TagEnd::Heading(level) => {
                let Some((mut tag, buffer)) = self.heading.take() else {
                    return;
                };
                if let Tag::Heading { id, .. } = &mut tag {
                    let text: String = buffer
                        .iter()
                        .filter_map(|event| match event {
                            Event::Text(text) | Event::Code(text) => Some(text.as_ref()),
                            _ => None,
                        })
                        .collect();
                    let heading = self.anchors.heading(&text);
                    self.headings.push(heading.clone());
                    *id = Some(heading.into());
                }
                self.emit(Event::Start(tag));
                for event in buffer {
                    self.emit(event);
                }
                self.emit(Event::End(TagEnd::Heading(level)));
            }
            TagEnd::FootnoteDefinition => self.in_definition = None,
            other => match closing {
                Closing::Keep => self.emit(Event::End(other)),
                Closing::Html(html) => self.emit(Event::Html(html.into())),
                Closing::Drop => {}
            },
        }
    }

    fn number_block(&mut self) -> u32 {
        let number = self.anchors.next_paragraph();
        self.current = Place::Paragraph(number);
        number
    }

    fn place(&self) -> Place {
        match (self.in_definition, &self.current) {
            (Some(note), _) => Place::Note(note),
            (None, Place::Paragraph(number)) => Place::Paragraph(*number),
            // Its id is known at its end: the position finds it then.
            _ if self.heading.is_some() => Place::Heading(self.headings.len()),
            _ => Place::Nowhere,
        }
    }

    fn link_start(
        &mut self,
        link_type: pulldown_cmark::LinkType,
        dest_url: CowStr<'a>,
        title: CowStr<'a>,
        id: CowStr<'a>,
        range: Range<usize>,
    ) {
        let target = match links::target(&dest_url) {
            Ok(Some(target)) => target,
            Ok(None) if let Some(scheme) = links::misspelt_scheme(&dest_url) => {
                self.problem(
                    "unknown-link-scheme",
                    format!("link to {:?} has a scheme annals does not know", &*dest_url),
                    range,
                    Some(format!("did you mean {scheme}:?")),
                );
                self.closings.push(Closing::Drop);
                return;
            }
            Ok(None) if !self.allowed(&dest_url) => {
                self.closings.push(Closing::Drop);
                return;
            }
            Ok(None) => {
                self.emit(Event::Start(Tag::Link {
                    link_type,
                    dest_url,
                    title,
                    id,
                }));
                self.closings.push(Closing::Keep);
                return;
            }
            Err(scheme) => {
                self.problem(
                    "empty-link-target",
                    format!("this {scheme}: link names nothing"),
                    range,
                    Some(format!(
                        "write the id after the colon, e.g. ({scheme}:an-id)"
                    )),
                );
                self.closings.push(Closing::Drop);
                return;
            }
        };
        let href = self.render.and_then(|render| (render.links)(&target));

        let place = self.place();
        self.references.push((target, place, range));
        match href {
            Some(href) => {
                self.emit(Event::Start(Tag::Link {
                    link_type,
                    dest_url: href.into(),
                    title,
                    id,
                }));
                self.closings.push(Closing::Keep);
            }
            None => self.closings.push(Closing::Drop),
        }
    }

    /// The note for `label`, made on first sight; `None` (and a problem) for an unknown hand.
    fn note(&mut self, label: &str, range: Range<usize>) -> Option<usize> {
        // Labels match whatever their case, by the same folding as pulldown-cmark's (CommonMark's
        // for link labels): `[^Note]` refers to `[^note]:`, `[^STRASSE]` to `[^straße]:`.
        let key = UniCase::new(label.to_owned());
        if let Some(&index) = self.note_index.get(&key) {
            return Some(index);
        }
        let parsed = notes::parse_label(label);
        match notes::owner(&parsed, self.hands) {
            Ok(hand) => {
                let index = self.notes.len();
                self.notes.push(NoteState {
                    hand,
                    number: None,
                    references: 0,
                    defined: None,
                    events: Vec::new(),
                });
                self.note_index.insert(key, index);
                Some(index)
            }
            Err(prefix) => {
                let declared: Vec<&str> = self.hands.iter().map(|h| h.id.as_str()).collect();
                let help = match crate::diagnostics::closest(prefix, declared.iter().copied()) {
                    Some(id) => format!(
                        "did you mean {id:?}? Declared hands: {}.",
                        declared.join(", ")
                    ),
                    None => format!(
                        "declare it under [annotators] in book.toml; declared hands: {}.",
                        declared.join(", ")
                    ),
                };
                self.problem(
                    "unknown-hand",
                    format!("footnote hand {prefix:?} is not declared"),
                    range,
                    Some(help),
                );
                None
            }
        }
    }

    fn note_reference(&mut self, label: &str, range: Range<usize>) {
        let Some(index) = self.note(label, range) else {
            return;
        };
        let hand = self.notes[index].hand;
        let number = match self.notes[index].number {
            Some(number) => number,
            None => {
                self.series[hand] += 1;
                self.notes[index].number = Some(self.series[hand]);
                self.series[hand]
            }
        };
        self.notes[index].references += 1;
        if self.rendering() {
            let hand_info = &self.hands[hand];
            let marker = notes::marker(hand, hand_info, number);
            let nth = self.notes[index].references;
            let mut name = String::new();
            pulldown_cmark_escape::escape_html(&mut name, &hand_info.name)
                .expect("writing to a String");
            let html = format!(
                "<sup class=\"note-ref\" data-hand=\"{hand_id}\"><a id=\"{ref_id}\" href=\"#{note_id}\" \
                 role=\"doc-noteref\" aria-label=\"Note {marker}, {name}\">{marker}</a></sup>",
                hand_id = hand_info.id,
                ref_id = ref_id(hand_info, number, nth),
                note_id = note_id(hand_info, number),
            );
            self.emit(Event::InlineHtml(html.into()));
        }
    }

    fn text(&mut self, text: CowStr<'a>) {
        let Some(glossary) = self.render.and_then(|render| render.glossary) else {
            self.emit(Event::Text(text));
            return;
        };
        let mut rest: &str = &text;
        while let Some((found, index)) = glossary.first_unused(rest, &self.glossary_used) {
            self.glossary_used[index] = true;
            let mut title = String::new();
            pulldown_cmark_escape::escape_html(&mut title, glossary.expansion(index))
                .expect("writing to a String");
            let before = rest[..found.start].to_owned();
            let term = rest[found.clone()].to_owned();
            if !before.is_empty() {
                self.emit(Event::Text(before.into()));
            }
            self.emit(Event::InlineHtml(
                format!("<abbr title=\"{title}\">").into(),
            ));
            self.emit(Event::Text(term.into()));
            self.emit(Event::InlineHtml("</abbr>".into()));
            rest = &rest[found.end..];
        }
        if rest.len() == text.len() {
            self.emit(Event::Text(text));
        } else if !rest.is_empty() {
            let rest = rest.to_owned();
            self.emit(Event::Text(rest.into()));
        }
    }

    /// Checks a finished run of text for `[^label]` the parser did not take as a reference.
    fn end_text_run(&mut self) {
        let Some(run) = self.text_run.take() else {
            return;
        };
        let text: &'a str = self.text;
        let source = &text[run.clone()];
        let mut from = 0;
        while let Some(found) = source[from..].find("[^") {
            let start = from + found;
            from = start + 2;
            let escaped = source[..start].ends_with('\\');
            let Some(length) = source[start + 2..].find(']') else {
                break;
            };
            let label = &source[start + 2..start + 2 + length];
            if escaped
                || label.is_empty()
                || label.contains(char::is_whitespace)
                || label.contains('[')
            {
                continue;
            }
            let range = run.start + start..run.start + start + 2 + length + 1;
            // A mark whose hand is not declared is reported as that: it is the mistake.
            if notes::owner(&notes::parse_label(label), self.hands).is_err() {
                self.note(label, range);
                continue;
            }
            self.problem(
                "undefined-note",
                format!("footnote [^{label}] has no definition"),
                range,
                Some(format!(
                    "add a line `[^{label}]: the note's text` after the paragraph"
                )),
            );
        }
    }

    fn problem(
        &mut self,
        code: &'static str,
        message: String,
        range: Range<usize>,
        help: Option<String>,
    ) {
        self.problems.push(Problem {
            code,
            message,
            range,
            help,
        });
    }

    fn finish(mut self) -> Walked {
        self.end_text_run();
        for note in &self.notes {
            if let (0, Some(defined)) = (note.references, &note.defined) {
                let label_end = self.text[defined.clone()]
                    .find("]:")
                    .map_or(defined.end, |i| defined.start + i + 1);
                self.problems.push(Problem {
                    code: "unused-note",
                    message: "this note is never referred to in the text".to_owned(),
                    range: defined.start..label_end,
                    help: Some(
                        "add its mark [^label] where it belongs, or remove the note".to_owned(),
                    ),
                });
            }
        }
        let hands = self.hands;
        let note_ids: Vec<Option<String>> = self
            .notes
            .iter()
            .map(|note| note.number.map(|number| note_id(&hands[note.hand], number)))
            .collect();
        let references = self
            .references
            .into_iter()
            .map(|(target, place, range)| {
                let anchor = match place {
                    Place::Paragraph(number) => Some(Anchor::Paragraph(number)),
                    Place::Note(note) => note_ids[note].clone().map(Anchor::Note),
                    Place::Heading(heading) => {
                        self.headings.get(heading).cloned().map(Anchor::Heading)
                    }
                    Place::Nowhere => None,
                };
                (target, anchor, range)
            })
            .collect();
        // What a `doc:` link may name besides paragraphs: for a scan, headings, notes and marks.
        let anchors = match self.render {
            Some(_) => Vec::new(),
            None => {
                let marks = self.notes.iter().filter_map(|note| {
                    let number = note.number?;
                    let hand = &hands[note.hand];
                    Some((1..=note.references).map(move |nth| ref_id(hand, number, nth)))
                });
                std::mem::take(&mut self.headings)
                    .into_iter()
                    .chain(note_ids.iter().flatten().cloned())
                    .chain(marks.flatten())
                    .collect()
            }
        };
        let mut html = String::new();
        let mut notes = Vec::new();
        if self.render.is_some() {
            html.reserve(self.text.len() * 3 / 2);
            pulldown_cmark::html::push_html(&mut html, self.out.into_iter());
            let mut numbered: Vec<NoteState<'a>> = self
                .notes
                .into_iter()
                .filter(|n| n.number.is_some())
                .collect();
            numbered.sort_by_key(|note| (note.hand, note.number));
            for note in numbered {
                let hand = &hands[note.hand];
                let number = note.number.expect("only numbered notes are kept");
                let mut note_html = String::new();
                pulldown_cmark::html::push_html(&mut note_html, note.events.into_iter());
                notes.push(WalkedNote {
                    hand: note.hand,
                    marker: notes::marker(note.hand, hand, number),
                    id: note_id(hand, number),
                    html: note_html,
                    backrefs: (1..=note.references)
                        .map(|nth| ref_id(hand, number, nth))
                        .collect(),
                });
            }
        }
        Walked {
            html,
            notes,
            references,
            paragraphs: self.anchors.paragraphs(),
            anchors,
            problems: self.problems,
            has_raw_html: self.has_raw_html,
        }
    }
}

/// The element id of note `number` of `hand`.
fn note_id(hand: &Hand, number: u32) -> String {
    format!("note-{}-{number}", hand.id)
}

/// The element id of the `nth` mark referring to note `number` of `hand`.
fn ref_id(hand: &Hand, number: u32, nth: u32) -> String {
    if nth == 1 {
        format!("ref-{}-{number}", hand.id)
    } else {
        format!("ref-{}-{number}-{nth}", hand.id)
    }
}

/// Renders a short text with links resolved, and says whether it held raw HTML. With
/// `sanitize`, links and images to addresses a browser would execute are left out.
pub(super) fn fragment(text: &str, links: LinkResolver<'_>, sanitize: bool) -> (String, bool) {
    let mut has_raw_html = false;
    let mut dropped = Vec::new();
    let allowed = |destination: &str| !sanitize || links::is_safe(destination);
    let events = Parser::new_ext(text, options()).filter_map(|event| match event {
        Event::Start(Tag::Image { ref dest_url, .. }) if !allowed(dest_url) => {
            dropped.push(true);
            None
        }
        Event::End(TagEnd::Image) => {
            (!dropped.pop().unwrap_or(false)).then_some(Event::End(TagEnd::Image))
        }
        Event::Start(Tag::Link {
            link_type,
            dest_url,
            title,
            id,
        }) => match links::target(&dest_url) {
            Ok(Some(target)) => match links(&target) {
                Some(href) => {
                    dropped.push(false);
                    Some(Event::Start(Tag::Link {
                        link_type,
                        dest_url: href.into(),
                        title,
                        id,
                    }))
                }
                None => {
                    dropped.push(true);
                    None
                }
            },
            Ok(None) if !allowed(&dest_url) => {
                dropped.push(true);
                None
            }
            Ok(None) => {
                dropped.push(false);
                Some(Event::Start(Tag::Link {
                    link_type,
                    dest_url,
                    title,
                    id,
                }))
            }
            Err(_) => {
                dropped.push(true);
                None
            }
        },
        Event::End(TagEnd::Link) => {
            (!dropped.pop().unwrap_or(false)).then_some(Event::End(TagEnd::Link))
        }
        Event::Html(_) | Event::InlineHtml(_) => {
            has_raw_html = true;
            Some(event)
        }
        other => Some(other),
    });
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, events);
    (html, has_raw_html)
}
