//! YAML, behind one door: the only module that uses the YAML crate (serde-saphyr).
//!
//! Front matter and registries are parsed straight into serde structs. [`Located`] gives any
//! value its byte range, so later checks (a bad date, an unknown person) can point at it; a
//! parse error becomes a [`Diagnostic`] at the right line of the file. Budgets bound what a
//! hostile or broken file can cost: nesting depth, node counts and alias expansion
//! ("billion laughs") all stop with an error instead of eating memory.

use std::fmt;
use std::marker::PhantomData;
use std::ops::Range;

use serde::Deserialize;
use serde::de::{self, DeserializeOwned, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_saphyr::{Error, MessageFormatter};

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::model::date::Date;
use crate::model::document::Ref;
use crate::source::{LineIndex, SourcePath, Span};

/// A value with the byte range it was written at, relative to the start of the YAML text.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Located<T> {
    pub(crate) value: T,
    pub(crate) range: Range<usize>,
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Located<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let spanned = serde_saphyr::Spanned::<T>::deserialize(deserializer)?;
        let span = spanned.referenced.span();
        // Values rebuilt by serde itself (not read from the text) have no position: they get
        // an empty range at the start, and callers fall back to an enclosing value's range.
        let start = span.byte_offset().unwrap_or(0) as usize;
        let len = span.byte_len().unwrap_or(0) as usize;
        Ok(Located {
            value: spanned.value,
            range: start..start + len,
        })
    }
}

/// A list of references that may also be written as one value (`authors: Straus` or
/// `authors: [a, b]`), each item with its position. A single value gets the position of the
/// whole field, which the caller knows.
#[derive(Debug, PartialEq)]
pub(crate) struct Names(pub(crate) Vec<Located<String>>);

impl<'de> Deserialize<'de> for Names {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct NamesVisitor;

        impl<'de> Visitor<'de> for NamesVisitor {
            type Value = Names;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a name or a list of names")
            }

            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
                let mut items = Vec::new();
                while let Some(item) = seq.next_element()? {
                    items.push(item);
                }
                Ok(Names(items))
            }

            fn visit_str<E: de::Error>(self, text: &str) -> Result<Self::Value, E> {
                Ok(Names(vec![Located {
                    value: text.to_owned(),
                    range: 0..0,
                }]))
            }

            fn visit_i64<E: de::Error>(self, number: i64) -> Result<Self::Value, E> {
                self.visit_str(&number.to_string())
            }

            fn visit_u64<E: de::Error>(self, number: u64) -> Result<Self::Value, E> {
                self.visit_str(&number.to_string())
            }

            fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
                Ok(Names(Vec::new()))
            }
        }

        deserializer.deserialize_any(NamesVisitor)
    }
}

/// The references of a field such as `authors`, each at its place in the file.
pub(crate) fn refs(placement: Placement<'_>, field: Option<Located<Names>>) -> Vec<Ref> {
    let Some(field) = field else {
        return Vec::new();
    };
    let whole = field.range;
    field
        .value
        .0
        .into_iter()
        .map(|item| {
            let range = if item.range.is_empty() {
                whole.clone()
            } else {
                item.range
            };
            Ref {
                text: item.value,
                span: placement.span(range),
            }
        })
        .collect()
}

/// A field that takes one value or a list of them (`published: "..."` or a list; `source:`
/// one map or a list of maps).
#[derive(Debug, PartialEq)]
pub(crate) struct OneOrMany<T>(pub(crate) Vec<T>);

impl<'de, T: Deserialize<'de>> Deserialize<'de> for OneOrMany<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct OneOrManyVisitor<T>(PhantomData<T>);

        impl<'de, T: Deserialize<'de>> Visitor<'de> for OneOrManyVisitor<T> {
            type Value = OneOrMany<T>;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("one value or a list of values")
            }

            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
                let mut items = Vec::new();
                while let Some(item) = seq.next_element()? {
                    items.push(item);
                }
                Ok(OneOrMany(items))
            }

            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
                T::deserialize(de::value::MapAccessDeserializer::new(map))
                    .map(|one| OneOrMany(vec![one]))
            }

            fn visit_str<E: de::Error>(self, text: &str) -> Result<Self::Value, E> {
                T::deserialize(de::value::StrDeserializer::new(text))
                    .map(|one| OneOrMany(vec![one]))
            }

            // A bare number or boolean is taken as its text, as the single-value fields are.
            fn visit_i64<E: de::Error>(self, number: i64) -> Result<Self::Value, E> {
                self.visit_str(&number.to_string())
            }

            fn visit_u64<E: de::Error>(self, number: u64) -> Result<Self::Value, E> {
                self.visit_str(&number.to_string())
            }

            fn visit_f64<E: de::Error>(self, number: f64) -> Result<Self::Value, E> {
                self.visit_str(&number.to_string())
            }

            fn visit_bool<E: de::Error>(self, value: bool) -> Result<Self::Value, E> {
                self.visit_str(&value.to_string())
            }

            fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
                Ok(OneOrMany(Vec::new()))
            }
        }

        deserializer.deserialize_any(OneOrManyVisitor(PhantomData))
    }
}

/// How much a file may cost to parse.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Limits {
    /// A document's front matter: small and shallow.
    FrontMatter,
    /// A registry such as people.yaml: may hold tens of thousands of entries.
    Registry,
}

/// Where a YAML text sits in its file, so errors and spans point at the file's lines.
#[derive(Clone, Copy)]
pub(crate) struct Placement<'a> {
    pub(crate) file: &'a SourcePath,
    /// Byte offset of the YAML text in the file.
    pub(crate) offset: usize,
}

impl Placement<'_> {
    /// The span in the file of `range`, a range in the YAML text.
    pub(crate) fn span(&self, range: Range<usize>) -> Span {
        Span::new(self.file, range).shifted(self.offset)
    }
}

/// The EDTF date `value` holds, or an `invalid-date` error pointing at it.
pub(crate) fn date(
    value: &Located<String>,
    placement: Placement<'_>,
    diagnostics: &mut Diagnostics,
) -> Option<Date> {
    match Date::parse(value.value.trim()) {
        Ok(date) => Some(date),
        Err(error) => {
            diagnostics.push(
                Diagnostic::error("invalid-date", format!("date {:?} {error}", value.value))
                    .at(placement.span(value.range.clone()))
                    .with_help(error.help()),
            );
            None
        }
    }
}

/// Parses `yaml` into `T`, or says what is wrong and where.
pub(crate) fn parse<T: DeserializeOwned>(
    yaml: &str,
    placement: Placement<'_>,
    limits: Limits,
) -> Result<T, Diagnostic> {
    let budget = match limits {
        Limits::FrontMatter => serde_saphyr::budget! { max_depth: 24, max_nodes: 100_000 },
        Limits::Registry => serde_saphyr::budget! { max_depth: 24, max_nodes: 5_000_000 },
    };
    let options = serde_saphyr::options! {
        budget: budget,
        strict_booleans: true,
        with_snippet: false,
    };
    serde_saphyr::from_str_with_options(yaml, options)
        .map_err(|error| diagnostic(&error, yaml, placement, limits))
}

/// Parses the mapping `yaml` into `T`, a struct that does not deny unknown fields, and reports
/// every key `T` does not know (with "did you mean") besides any other problem: a typo in one
/// key must not hide a bad date two lines further down. `None` when `T` cannot be made.
pub(crate) fn parse_mapping<T: DeserializeOwned>(
    yaml: &str,
    placement: Placement<'_>,
    limits: Limits,
) -> (Option<T>, Vec<Diagnostic>) {
    let known = fields_of::<T>();
    // The common case, every key known, needs one parse; a second one, with every key's
    // place, only runs when a key may be unknown.
    let surely_known =
        block_keys(yaml).is_some_and(|keys| keys.iter().all(|key| known.contains(key)));
    if surely_known {
        return match parse(yaml, placement, limits) {
            Ok(value) => (Some(value), Vec::new()),
            Err(diagnostic) => (None, vec![diagnostic]),
        };
    }
    let keys: Entries<de::IgnoredAny> = match parse(yaml, placement, limits) {
        Ok(keys) => keys,
        Err(diagnostic) => return (None, vec![diagnostic]),
    };
    let mut diagnostics: Vec<Diagnostic> = keys
        .0
        .iter()
        .filter(|(key, _)| !known.contains(&key.value.as_str()))
        .map(|(key, _)| {
            Diagnostic::error("unknown-key", format!("unknown key `{}`", key.value))
                .at(placement.span(key.range.clone()))
                .with_help(unknown_key_help(&key.value, known))
        })
        .collect();
    match parse(yaml, placement, limits) {
        Ok(value) => (Some(value), diagnostics),
        Err(diagnostic) => {
            diagnostics.push(diagnostic);
            (None, diagnostics)
        }
    }
}

/// The top-level keys of a block mapping written plainly (`key: value` lines at one
/// indentation, plain keys), read from the text without parsing it; `None` for anything
/// else (flow or complex mappings, quoted keys, odd indentation), which the parser must read.
fn block_keys(yaml: &str) -> Option<Vec<&str>> {
    let mut indent = None;
    let mut keys = Vec::new();
    for line in yaml.lines() {
        let content = line.trim_start_matches(' ');
        if content.trim().is_empty() || content.starts_with('#') {
            continue;
        }
        let depth = line.len() - content.len();
        match indent {
            None => indent = Some(depth),
            Some(indent) if depth > indent => continue,
            Some(indent) if depth < indent => return None,
            Some(_) => {}
        }
        let (key, rest) = content.split_once(':')?;
        let plain = !key.is_empty()
            && key
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
        if !plain || !(rest.is_empty() || rest.starts_with([' ', '\t', '\r'])) {
            return None;
        }
        keys.push(key);
    }
    Some(keys)
}

/// The field names a serde struct accepts, as its derived `Deserialize` declares them; so the
/// list of known keys is the struct itself, never a copy kept by hand.
fn fields_of<T: DeserializeOwned>() -> &'static [&'static str] {
    let mut fields: &'static [&'static str] = &[];
    let _ = T::deserialize(FieldProbe(&mut fields));
    fields
}

/// A deserializer that only records the fields a struct asks for, then stops.
struct FieldProbe<'a>(&'a mut &'static [&'static str]);

/// Why [`FieldProbe`] stops: always, once it has what it came for.
#[derive(Debug)]
struct Stop;

impl fmt::Display for Stop {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("field probe")
    }
}

impl std::error::Error for Stop {}

impl de::Error for Stop {
    fn custom<M: fmt::Display>(_: M) -> Stop {
        Stop
    }
}

impl<'de> Deserializer<'de> for FieldProbe<'_> {
    type Error = Stop;

    fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Stop> {
        Err(Stop)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        fields: &'static [&'static str],
        _: V,
    ) -> Result<V::Value, Stop> {
        *self.0 = fields;
        Err(Stop)
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        option unit unit_struct newtype_struct seq tuple tuple_struct map enum identifier
        ignored_any
    }
}

fn diagnostic(error: &Error, yaml: &str, placement: Placement<'_>, limits: Limits) -> Diagnostic {
    // The place is where the text went wrong (where an alias was used); the message is the
    // cause, inside the wrappers that say so.
    let located = error.without_snippet();
    let mut error = error;
    while let Error::AliasError { error: inner, .. } | Error::WithSnippet { error: inner, .. } =
        error
    {
        error = inner;
    }
    let message = serde_saphyr::DefaultMessageFormatter
        .format_message(error)
        .into_owned();
    let range = located
        .location()
        .filter(|location| location.line() > 0)
        .map(|location| {
            let span = location.span();
            match span.byte_offset() {
                Some(start) => start as usize..(start + span.byte_len().unwrap_or(0)) as usize,
                // Syntax errors carry only a line and column.
                None => {
                    let start = LineIndex::new(yaml).offset(
                        yaml,
                        location.line() as usize,
                        location.column() as usize,
                    );

                    start..start
                }
            }
        })
        .unwrap_or(0..0);
    let (code, message, help) = match error {
        Error::SerdeUnknownField {
            field, expected, ..
        } => (
            "unknown-key",
            format!("unknown key `{field}`"),
            Some(unknown_key_help(field, expected)),
        ),
        Error::SerdeMissingField { field, .. } => (
            "missing-field",
            format!("`{field}` is required"),
            Some(format!("add a line `{field}: ...`")),
        ),
        Error::NullIntoString { .. } => (
            "bad-yaml",
            "this value is empty".to_owned(),
            Some("write a value after the colon, or remove the line".to_owned()),
        ),
        Error::DuplicateMappingKey { key, .. } => (
            "duplicate-key",
            match key {
                Some(key) => format!("`{key}` is given twice"),
                None => "a key is given twice".to_owned(),
            },
            Some("keep one of them".to_owned()),
        ),
        // Only a whole text that is not a mapping: the same error inside a value (a list
        // where a map belongs) has a different cause.
        Error::Unexpected { expected, .. }
            if expected.contains("mapping") && range.start == first_content(yaml) =>
        {
            (
                "bad-yaml",
                "this must be a set of `key: value` lines, not a list or a single value".to_owned(),
                Some(
                    match limits {
                        Limits::FrontMatter => {
                            "write one `key: value` per line, e.g. `title: ...` and `date: 1945-10-21`"
                        }
                        Limits::Registry => {
                            "write one entry per line, `id: {name: ...}`, e.g. `beria: {name: Lavrentiy Beria}`"

                        }
                    }
                    .to_owned(),
                ),
            )
        }
        Error::Budget { .. } | Error::AliasReplayLimitExceeded { .. } => (
            "bad-yaml",
            "this YAML is too large, too deeply nested or expands too many aliases to be read"
                .to_owned(),
            Some(match limits {
                Limits::FrontMatter => "a document's front matter needs no aliases or deep nesting",
                Limits::Registry => "write each entry out in full instead of repeating it through aliases",
            }
            .to_owned()),
        ),
        // A value where fields or a list belong, inside the text.
        Error::Unexpected { expected, .. } if expected.contains("mapping") => (
            "bad-yaml",
            "this must be a set of `key: value` fields".to_owned(),
            Some(match limits {
                Limits::FrontMatter => "write the fields on lines of their own, indented under the key, or as `{key: value, ...}`",
                Limits::Registry => "write the entry's fields as `id: {name: ...}`",
            }
            .to_owned()),
        ),
        Error::Unexpected { expected, .. } if expected.contains("sequence") => (
            "bad-yaml",
            "this must be a list".to_owned(),
            Some("write each item on a line of its own starting with `- `, or as `[a, b]`".to_owned()),
        ),
        // Our own structs' names mean nothing to an editor: say what the value should be.
        Error::SerdeInvalidType {
            unexpected,
            expected,
            ..
        } if expected.starts_with("struct ") => (
            "bad-yaml",
            format!("this must be a set of `key: value` fields, not {unexpected}"),
            Some(match limits {
                Limits::FrontMatter => "write the fields on lines of their own, indented under the key, or as `{key: value, ...}`; see the content model for each key's fields",
                Limits::Registry => "write the entry's fields as `id: {name: ...}`",
            }
            .to_owned()),
        ),
        Error::MultipleDocuments { .. } => (
            "bad-yaml",
            "a second YAML document begins here".to_owned(),
            Some("a file holds one YAML document: remove the `---` line, or move the rest to its own file".to_owned()),
        ),
        _ => ("bad-yaml", message, None),
    };
    let mut diagnostic = Diagnostic::error(code, message).at(placement.span(range));
    if let Some(help) = help {
        diagnostic = diagnostic.with_help(help);
    }
    diagnostic
}

/// The offset of the first character of `yaml` that is not blank or a comment.
fn first_content(yaml: &str) -> usize {
    let mut offset = 0;
    for line in yaml.split_inclusive('\n') {
        let trimmed = line.trim_start();
        if !trimmed.is_empty() && !trimmed.starts_with('#') {
            return offset + (line.len() - trimmed.len());
        }
        offset += line.len();
    }
    offset
}

fn unknown_key_help(field: &str, expected: &[&str]) -> String {
    match crate::diagnostics::closest(field, expected.iter().copied()) {
        Some(candidate) => format!(
            "did you mean `{candidate}`? Known keys: {}",
            expected.join(", ")
        ),
        None => format!("known keys: {}", expected.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Deserialize, Debug)]
    #[serde(deny_unknown_fields)]
    struct Sample {
        title: Located<String>,
        #[serde(default)]
        authors: Option<Located<Names>>,
    }

    fn parse_sample(yaml: &str) -> Result<Sample, Diagnostic> {
        let file = SourcePath::new(std::path::Path::new("."), std::path::Path::new("x.md"));
        parse(
            yaml,
            Placement {
                file: &file,
                offset: 4,
            },
            Limits::FrontMatter,
        )
    }

    #[test]
    fn located_values_know_their_bytes() {
        let yaml = "title: \"Héllo\"\nauthors: [a, bé]\n";
        let sample = parse_sample(yaml).unwrap();
        assert_eq!(&yaml[sample.title.range.clone()], "\"Héllo\"");
        let authors = sample.authors.unwrap().value.0;
        assert_eq!(&yaml[authors[1].range.clone()], "bé");
    }

    #[test]
    fn one_value_stands_for_a_list() {
        let yaml = "title: T\nauthors: Straus\n";
        let sample = parse_sample(yaml).unwrap();
        let file = SourcePath::new(std::path::Path::new("."), std::path::Path::new("x.md"));
        let authors = refs(
            Placement {
                file: &file,
                offset: 0,
            },
            sample.authors,
        );
        assert_eq!(authors.len(), 1);
        assert_eq!(authors[0].text, "Straus");
        assert_eq!(
            &yaml[authors[0].span.range()],
            "Straus",
            "a single name takes the field's place"
        );
    }

    #[test]
    fn unknown_keys_point_at_the_key_and_suggest() {
        let yaml = "title: T\nauthros: [a]\n";
        let diagnostic = parse_sample(yaml).unwrap_err();
        assert_eq!(diagnostic.code, "unknown-key");
        let span = diagnostic.span.unwrap();
        assert_eq!(&yaml[span.start - 4..span.end - 4], "authros");
        assert!(diagnostic.help.unwrap().contains("did you mean `authors`"));
    }

    #[test]
    fn plain_block_keys_are_read_without_parsing_and_anything_else_is_left_to_the_parser() {
        assert_eq!(
            block_keys("# c\ntitle: T\nauthors:\n  - a\nsummary: >\n  text: here\ndate: 1945\n"),
            Some(vec!["title", "authors", "summary", "date"])
        );
        assert_eq!(block_keys("{title: T}"), None);
        assert_eq!(block_keys("\"title\": T"), None);
        assert_eq!(block_keys("? complex\n: value"), None);
        assert_eq!(block_keys("title: T\nnot a key line\n"), None);
        assert_eq!(block_keys("  title: T\ndate: 1945\n"), None);
    }

    #[test]
    fn alias_bombs_stop_with_an_error() {
        let mut yaml = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x]\n");
        for level in 1..12 {
            let prev = level - 1;
            yaml.push_str(&format!(
                "a{level}: &a{level} [*a{prev}, *a{prev}, *a{prev}, *a{prev}, *a{prev}, *a{prev}, *a{prev}, *a{prev}, *a{prev}]\n"
            ));
        }
        yaml.push_str("title: T\n");
        let diagnostic = parse_sample(&yaml).unwrap_err();
        assert!(
            matches!(diagnostic.code, "bad-yaml" | "unknown-key"),
            "{diagnostic:?}"
        );
    }
}

/// A YAML mapping read in file order, keys with their positions: registries are mappings
/// from id to entry, and an id's position is where errors about it point.
#[derive(Debug, Default)]
pub(crate) struct Entries<V>(pub(crate) Vec<(Located<String>, V)>);

impl<'de, V: Deserialize<'de>> Deserialize<'de> for Entries<V> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct EntriesVisitor<V>(PhantomData<V>);

        impl<'de, V: Deserialize<'de>> Visitor<'de> for EntriesVisitor<V> {
            type Value = Entries<V>;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a mapping of `id: entry` lines")
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut entries = Vec::new();
                while let Some(key) = map.next_key::<Located<String>>()? {
                    entries.push((key, map.next_value()?));
                }
                Ok(Entries(entries))
            }

            fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
                Ok(Entries(Vec::new()))
            }
        }

        deserializer.deserialize_map(EntriesVisitor(PhantomData))
    }
}
