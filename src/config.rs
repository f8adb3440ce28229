//! `book.toml` → [`Config`]: the edition's settings, checked, with defaults filled in.
//!
//! Every table denies unknown keys, so a typo (`titel = ...`) is an error naming the key and its
//! line instead of a silently ignored setting. `[annotators]` keeps the order it was written
//! in, because the first hand declared owns unprefixed footnotes.

use std::fmt;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use serde::de::{self, MapAccess, Visitor};

use crate::diagnostics::{self, Diagnostic, Diagnostics};
use crate::model::document::Document;
use crate::model::id::HandId;
use crate::source::{SourcePath, Span};

/// The settings file's name at the edition root.
pub const FILE_NAME: &str = "book.toml";

/// An edition's settings.
#[derive(Debug)]
pub struct Config {
    /// `[edition]`: what the edition is.
    pub edition: EditionSettings,
    /// `[build]`: how it is built.
    pub build: BuildSettings,
    /// `[annotators]`: the hands that write notes, in the order declared; never empty (an
    /// edition that declares none gets `ed`, "The editors"). The first owns unprefixed notes.
    pub hands: Vec<Hand>,
}

/// `[edition]`.
#[derive(Debug)]
pub struct EditionSettings {
    /// The edition's title; required.
    pub title: String,
    /// A subtitle.
    pub subtitle: Option<String>,
    /// One paragraph for the home page, feeds and meta tags.
    pub description: Option<String>,
    /// The editors' names.
    pub editors: Vec<String>,
    /// BCP 47 language of the edition's texts; default `en`.
    pub language: String,
    /// Where the site is published, ending with `/`; canonical permalinks, sitemap and
    /// citations use it.
    pub base_url: Option<String>,
    /// Rights statement for documents that have none.
    pub rights: Option<String>,
}

impl EditionSettings {
    /// The rights statement of `document`: its own, else the edition's.
    pub fn rights_of<'a>(&'a self, document: &'a Document) -> Option<&'a str> {
        document.rights.as_deref().or(self.rights.as_deref())
    }

    /// The language of `document` (BCP 47): its own, else the edition's.
    pub fn language_of<'a>(&'a self, document: &'a Document) -> &'a str {
        document.language.as_deref().unwrap_or(&self.language)
    }
}

/// `[build]`.
#[derive(Debug)]
pub struct BuildSettings {
    /// The output folder, relative to the edition root; default `site`.
    pub output: PathBuf,
    /// `default` (built in) or a folder name under `themes/`.
    pub theme: String,
    /// Whether to build full-text search.
    pub search: bool,
    /// Whether warnings are errors.
    pub strict: bool,
    /// Whether raw HTML in Markdown is kept as written instead of sanitised.
    pub unsafe_html: bool,
}

/// One annotator: a hand that writes notes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hand {
    /// The prefix of its note labels: `yb` in `[^yb:1]`.
    pub id: HandId,
    /// Who: "Yuri Barsegov", "The editors".
    pub name: String,
    /// In what capacity: "compiler of the printed collection".
    pub role: Option<String>,
}

impl Config {
    /// The hand declared as `id`.
    pub fn hand(&self, id: &str) -> Option<&Hand> {
        self.hands.iter().find(|hand| hand.id.as_str() == id)
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    edition: Option<toml::Spanned<RawEdition>>,
    #[serde(default)]
    build: RawBuild,
    #[serde(default)]
    annotators: RawHands,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawEdition {
    title: Option<toml::Spanned<String>>,
    subtitle: Option<String>,
    description: Option<String>,
    #[serde(default)]
    editors: Vec<String>,
    language: Option<toml::Spanned<String>>,
    base_url: Option<toml::Spanned<String>>,
    rights: Option<String>,
}

#[derive(Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawBuild {
    output: Option<PathBuf>,
    theme: Option<toml::Spanned<String>>,
    search: Option<bool>,
    strict: Option<bool>,
    unsafe_html: Option<bool>,
}

/// `[annotators]` in the order written: `id = "Name"` or `id = { name, role }`.
#[derive(Default)]
struct RawHands(Vec<(toml::Spanned<String>, RawHand)>);

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawHand {
    name: String,
    role: Option<String>,
}

impl<'de> Deserialize<'de> for RawHands {
    fn deserialize<D: de::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct HandsVisitor;
        impl<'de> Visitor<'de> for HandsVisitor {
            type Value = RawHands;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a table of annotators: id = \"Name\" or id = { name = \"...\", role = \"...\" }")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RawHands, A::Error> {
                let mut hands = Vec::new();
                while let Some(id) = map.next_key::<toml::Spanned<String>>()? {
                    let hand = map.next_value::<NameOrHand>()?.0;
                    hands.push((id, hand));
                }
                Ok(RawHands(hands))
            }
        }
        deserializer.deserialize_map(HandsVisitor)
    }
}

/// A hand given by its name alone, or as a table.
struct NameOrHand(RawHand);

impl<'de> Deserialize<'de> for NameOrHand {
    fn deserialize<D: de::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct HandVisitor;
        impl<'de> Visitor<'de> for HandVisitor {
            type Value = NameOrHand;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a name, or a table { name = \"...\", role = \"...\" }")
            }
            fn visit_str<E: de::Error>(self, name: &str) -> Result<NameOrHand, E> {
                Ok(NameOrHand(RawHand {
                    name: name.to_owned(),
                    role: None,
                }))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<NameOrHand, A::Error> {
                RawHand::deserialize(de::value::MapAccessDeserializer::new(map)).map(NameOrHand)
            }
        }
        deserializer.deserialize_any(HandVisitor)
    }
}

/// Reads and checks `book.toml` at `root`. `None` when it is missing or unusable; the
/// diagnostics say why. I/O failures other than a missing file are returned as errors.
pub fn load(root: &Path) -> std::io::Result<(Option<Config>, Diagnostics)> {
    let file = SourcePath::new(root, Path::new(FILE_NAME));
    let mut diagnostics = Diagnostics::new();
    if !file.path().is_file() {
        diagnostics.push(
            Diagnostic::error(
                "no-book-toml",
                format!(
                    "no {FILE_NAME} in {}: this is not an edition",
                    root.display()
                ),
            )
            .with_help(format!(
                "run annals in an edition's folder, or create one with `annals new {}`",
                root.display()
            )),
        );
        return Ok((None, diagnostics));
    }
    let source = match crate::source::read_text(file.path()) {
        Ok(source) => source,
        Err(error) => {
            diagnostics.push(diagnostics::from_read_error(error, &file)?);
            return Ok((None, diagnostics));
        }
    };
    let (raw, errors) = parse(&source.text);
    for error in &errors {
        diagnostics.push(toml_diagnostic(error, &file, source.offset));
    }
    let Some(raw) = raw else {
        return Ok((None, diagnostics));
    };
    let at = |range: std::ops::Range<usize>| Span::new(&file, range).shifted(source.offset);
    let config = check(raw, root, &at, &mut diagnostics);
    Ok((config, diagnostics))
}

/// Parses book.toml. Every unknown key is reported (each with its place) and left out, so
/// one typo does not hide the rest of the edition's problems; other errors stop here.
fn parse(text: &str) -> (Option<RawConfig>, Vec<toml::de::Error>) {
    let mut table = match toml::de::DeTable::parse(text) {
        Ok(table) => table,
        Err(error) => return (None, vec![error]),
    };
    let mut errors = Vec::new();
    loop {
        match RawConfig::deserialize(toml::de::Deserializer::from(table.clone())) {
            Ok(raw) => return (Some(raw), errors),
            Err(error) => {
                let unknown = error.message().starts_with("unknown field");
                let removed = unknown
                    && error
                        .span()
                        .is_some_and(|span| remove_key(table.get_mut(), &span));
                errors.push(error);
                if !removed {
                    return (None, errors);
                }
            }
        }
    }
}

/// Removes the key written at `span` from `table` or a table inside it.
fn remove_key(table: &mut toml::de::DeTable<'_>, span: &std::ops::Range<usize>) -> bool {
    let found = table.keys().find(|key| key.span() == *span).cloned();
    if let Some(key) = found {
        table.remove(&key);
        return true;
    }
    table.iter_mut().any(|(_, value)| match value.get_mut() {
        toml::de::DeValue::Table(inner) => remove_key(inner, span),
        _ => false,
    })
}

fn check(
    raw: RawConfig,
    root: &Path,
    at: &dyn Fn(std::ops::Range<usize>) -> Span,
    diagnostics: &mut Diagnostics,
) -> Option<Config> {
    // Without a title the edition is still checked; the error keeps it from being built.
    let has_edition = raw.edition.is_some();
    let (edition, edition_span) = match raw.edition {
        Some(edition) => {
            let span = edition.span();
            (edition.into_inner(), span)
        }
        None => {
            diagnostics.push(
                Diagnostic::error(
                    "missing-field",
                    format!("{FILE_NAME} has no [edition] table"),
                )
                .at(at(0..0))
                .with_help("add [edition] with at least title = \"...\""),
            );
            (RawEdition::default(), 0..0)
        }
    };
    let title = match edition.title {
        Some(title) if !title.get_ref().trim().is_empty() => title.into_inner(),
        Some(title) => {
            diagnostics.push(
                Diagnostic::error("missing-field", "the edition's title is empty")
                    .at(at(title.span())),
            );
            String::new()
        }
        None => {
            if has_edition {
                diagnostics.push(
                    Diagnostic::error("missing-field", "[edition] has no title")
                        .at(at(edition_span.start..edition_span.start))
                        .with_help("add title = \"...\" under [edition]"),
                );
            }
            String::new()
        }
    };
    let language = match edition.language {
        Some(language) if is_language_tag(language.get_ref()) => language.into_inner(),
        Some(language) => {
            diagnostics.push(
                Diagnostic::error("invalid-value", "language is not a BCP 47 language tag")
                    .at(at(language.span()))
                    .with_help("write a tag such as \"en\", \"ru\" or \"hy-Latn\""),
            );
            "en".to_owned()
        }
        None => "en".to_owned(),
    };
    let base_url = edition.base_url.and_then(|url| match base_url(url.get_ref()) {
        Ok(base) => Some(base),
        Err(problem) => {
            diagnostics.push(
                Diagnostic::error("invalid-value", format!("base_url {problem}"))
                    .at(at(url.span()))
                    .with_help("write the address the site is published at, e.g. \"https://example.org/edition/\""),
            );
            None
        }
    });
    let theme = match raw.build.theme {
        Some(theme) if theme.get_ref() == "default" => theme.into_inner(),
        Some(theme) if HandId::parse(theme.get_ref()).is_err() => {
            diagnostics.push(
                Diagnostic::error("invalid-value", "theme must name a folder under themes/")
                    .at(at(theme.span()))
                    .with_help("use lowercase letters, digits and '-': theme = \"my-theme\""),
            );
            "default".to_owned()
        }
        Some(theme) if !root.join("themes").join(theme.get_ref()).is_dir() => {
            diagnostics.push(
                Diagnostic::error(
                    "unknown-theme",
                    format!("theme {:?} has no folder themes/{}/", theme.get_ref(), theme.get_ref()),
                )
                .at(at(theme.span()))
                .with_help("set [build] theme = \"default\", or create the folder with templates/ and static/"),

            );
            "default".to_owned()
        }
        Some(theme) => theme.into_inner(),
        None => "default".to_owned(),
    };
    let hands = check_hands(raw.annotators, at, diagnostics);
    Some(Config {
        edition: EditionSettings {
            title,
            subtitle: edition.subtitle,
            description: edition.description,
            editors: edition.editors,
            language,
            base_url,
            rights: edition.rights,
        },
        build: BuildSettings {
            output: raw.build.output.unwrap_or_else(|| PathBuf::from("site")),
            theme,
            search: raw.build.search.unwrap_or(true),
            strict: raw.build.strict.unwrap_or(false),
            unsafe_html: raw.build.unsafe_html.unwrap_or(false),
        },
        hands,
    })
}

fn check_hands(
    raw: RawHands,
    at: &dyn Fn(std::ops::Range<usize>) -> Span,
    diagnostics: &mut Diagnostics,
) -> Vec<Hand> {
    let mut hands: Vec<Hand> = Vec::new();
    let mut spans = Vec::new();
    for (id, hand) in raw.0 {
        match HandId::parse(id.get_ref()) {
            Ok(hand_id) => {
                hands.push(Hand {
                    id: hand_id,
                    name: hand.name,
                    role: hand.role,
                });
                spans.push(id.span());
            }
            Err(error) => diagnostics.push(
                Diagnostic::error("invalid-id", format!("annotator id {:?}: {error}", id.get_ref()))
                    .at(at(id.span()))
                    .with_help("an annotator's id is the prefix of its notes, as in [^yb:1]: use a-z, 0-9 and '-'"),
            ),
        }
    }
    // A note's second mark is `ref-ed-1-2`, as is the first mark of note 2 of a hand `ed-1`:
    // such a pair of hands would give two marks one anchor.
    for (hand, span) in hands.iter().zip(spans) {
        let id = hand.id.as_str();
        let Some((base, number)) = id.rsplit_once('-') else {
            continue;
        };
        // Note numbers start at 1 and have no leading zero: `ed-0` and `ed-01` cannot clash.
        let is_note_number = !number.is_empty()
            && !number.starts_with('0')
            && number.bytes().all(|b| b.is_ascii_digit());
        if is_note_number && hands.iter().any(|h| h.id.as_str() == base) {
            diagnostics.push(
                Diagnostic::error(
                    "invalid-id",
                    format!("annotator id {id:?} is {base:?} and a number, so their notes' anchors could be the same"),
                )
                .at(at(span))
                .with_help(format!("give it an id that does not begin with \"{base}-\" and a number, such as \"{base}{number}\"")),
            );
        }
    }
    if hands.is_empty() {
        hands.push(Hand {
            id: HandId::parse("ed").expect("\"ed\" is a valid id"),
            name: "The editors".to_owned(),
            role: None,
        });
    }
    hands
}

/// The address the site is published at, ending in `/` so page paths can follow it, or what
/// is wrong with it: it must be an http(s) address with a host and without a query or
/// fragment, which would come before the page paths.
fn base_url(text: &str) -> Result<String, &'static str> {
    let text = text.trim();
    let url = url::Url::parse(text).map_err(|_| "is not an http(s) address")?;
    if !matches!(url.scheme(), "http" | "https") {
        return Err("is not an http(s) address");
    }
    // The URL standard forgives `https:///x/` and `https:/x/` by reading `x` as the host;
    // an editor who wrote them most likely left the host out.
    let after_scheme = &text[url.scheme().len()..];
    let host_written = after_scheme
        .strip_prefix("://")
        .is_some_and(|rest| !rest.starts_with(['/', '\\']));
    if !host_written || url.host_str().is_none_or(str::is_empty) {
        return Err("names no host");
    }
    if !url.username().is_empty() || url.password().is_some() {
        return Err("holds a user name or password, which every permalink would show");
    }
    if url.query().is_some() || url.fragment().is_some() {
        return Err("has a query or a fragment (after ? or #), which page paths cannot follow");
    }
    let address = url.as_str();
    Ok(format!("{}/", address.strip_suffix('/').unwrap_or(address)))
}

/// A loose check of a BCP 47 tag: subtags of 1-8 letters or digits, joined by `-`.
pub fn is_language_tag(tag: &str) -> bool {
    !tag.is_empty()
        && tag.split('-').all(|sub| {
            (1..=8).contains(&sub.len()) && sub.chars().all(|c| c.is_ascii_alphanumeric())
        })
}

fn toml_diagnostic(error: &toml::de::Error, file: &SourcePath, offset: usize) -> Diagnostic {
    let message = error.message().trim();
    let code = if message.starts_with("unknown field") {
        "unknown-key"
    } else if message.starts_with("missing field") {
        "missing-field"
    } else {
        "bad-toml"
    };
    let message = match code {
        "unknown-key" => format!(
            "unknown key in {FILE_NAME}: {}",
            message.trim_start_matches("unknown field ")
        ),
        _ => format!("{FILE_NAME}: {message}"),
    };
    let span = error.span().unwrap_or(0..0);
    Diagnostic::error(code, message).at(Span::new(file, span).shifted(offset))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load_text(text: &str) -> (Option<Config>, Vec<Diagnostic>) {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(FILE_NAME), text).unwrap();
        let (config, diagnostics) = load(dir.path()).unwrap();
        (config, diagnostics.into_iter().collect())
    }

    #[test]
    fn a_title_is_enough() {
        let (config, diagnostics) = load_text("[edition]\ntitle = \"Letters\"\n");
        let config = config.unwrap();
        assert!(diagnostics.is_empty());
        assert_eq!(config.edition.language, "en");
        assert_eq!(config.build.output, PathBuf::from("site"));
        assert_eq!(config.hands[0].id.as_str(), "ed");
    }

    #[test]
    fn base_url_is_an_address_page_paths_can_follow() {
        for (text, base) in [
            (
                "https://example.org/caucasus/",
                "https://example.org/caucasus/",
            ),
            (
                "https://example.org/caucasus",
                "https://example.org/caucasus/",
            ),
            ("http://example.org", "http://example.org/"),
            (
                "https://example.org/my edition/",
                "https://example.org/my%20edition/",
            ),
            ("HTTPS://Example.org/a//", "https://example.org/a//"),
        ] {
            assert_eq!(base_url(text).as_deref(), Ok(base), "{text}");
        }
        for text in [
            "example.org/edition",
            "ftp://example.org/",
            "https://",
            "https:///edition/",
            "https:/example.org/edition/",
            "https:\\\\example.org/",
            "https://example.org/?edition=x",
            "https://example.org/#top",
            "https://user:secret@example.org/",
        ] {
            assert!(base_url(text).is_err(), "{text} must be refused");
        }
    }

    #[test]
    fn annotator_ids_clash_only_with_a_note_number() {
        let (_, diagnostics) = load_text(
            "[edition]\ntitle = \"T\"\n[annotators]\ned = \"A\"\ned-0 = \"B\"\ned-01 = \"C\"\ned-b = \"D\"\n",
        );
        assert!(diagnostics.is_empty(), "{diagnostics:?}");
        let (_, diagnostics) =
            load_text("[edition]\ntitle = \"T\"\n[annotators]\ned = \"A\"\ned-12 = \"B\"\n");
        assert_eq!(diagnostics.len(), 1, "{diagnostics:?}");
    }

    #[test]
    fn annotators_keep_their_order() {
        let (config, _) = load_text(
            "[edition]\ntitle = \"T\"\n[annotators]\nzz = \"Last alphabetically\"\nyb = { name = \"Yuri Barsegov\", role = \"compiler\" }\n",
        );
        let config = config.unwrap();
        let ids: Vec<&str> = config.hands.iter().map(|h| h.id.as_str()).collect();
        assert_eq!(ids, ["zz", "yb"]);
        assert_eq!(config.hands[1].role.as_deref(), Some("compiler"));
    }

    #[test]
    fn unknown_keys_are_errors_at_their_line_and_the_rest_is_still_read() {
        let text = "[edition]\ntitle = \"T\"\ntitel = \"typo\"\n[build]\nstrcit = true\n";
        let (config, diagnostics) = load_text(text);
        assert_eq!(
            config.unwrap().edition.title,
            "T",
            "one typo must not hide the rest"
        );
        assert_eq!(diagnostics.len(), 2, "{diagnostics:?}");
        assert!(diagnostics.iter().all(|d| d.code == "unknown-key"));

        assert!(
            diagnostics[0].message.contains("titel"),
            "{}",
            diagnostics[0].message
        );
        let span = diagnostics[0].span.as_ref().unwrap();
        assert_eq!(&text[span.range()], "titel");
    }
}
