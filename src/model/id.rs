//! Identifiers: the keys that tie an edition together and name its URLs.
//!
//! Every id is `[a-z0-9-]+`, checked once when it is made, so URLs built from ids never need
//! escaping and can never leave their folder (no `/`, no `..`). Ids are cheap to clone: many
//! references share one allocation.

use std::fmt;
use std::sync::Arc;

use serde::Serialize;

/// Why a string is not an id.
#[derive(Debug, PartialEq, Eq)]
pub struct InvalidId {
    /// The first offending character, if any (none for an empty id).
    pub bad_char: Option<char>,
}

impl fmt::Display for InvalidId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.bad_char {
            None => f.write_str("an id cannot be empty"),
            Some(c) => write!(
                f,
                "{c:?} is not allowed in an id: use lowercase letters a-z, digits 0-9 and '-'"
            ),
        }
    }
}

/// Checks that `text` is a valid id: non-empty, only `[a-z0-9-]`.
pub fn validate(text: &str) -> Result<(), InvalidId> {
    if text.is_empty() {
        return Err(InvalidId { bad_char: None });
    }
    match text
        .chars()
        .find(|c| !(c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '-'))
    {
        Some(c) => Err(InvalidId { bad_char: Some(c) }),
        None => Ok(()),
    }
}

/// The slug of any text, as an id would be derived from it: `"Ardebil’"` → `ardebil`,
/// `"Письмо 12"` → `pismo-12`. May be empty when the text has no letters or digits.
///
/// Apostrophes are dropped rather than turned into hyphens, both those written (`Lenin's`
/// → `lenins`) and those transliteration makes of soft signs (`ь` → `'`).
pub fn slugify(text: &str) -> String {
    let latin = deunicode::deunicode(text).replace(['\'', '’', 'ʼ'], "");
    slug::slugify(latin)
}

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
        #[serde(transparent)]
        pub struct $name(Arc<str>);

        impl $name {
            /// Takes `text` as it is, if it is a valid id.
            pub fn parse(text: &str) -> Result<$name, InvalidId> {
                validate(text)?;
                Ok($name(Arc::from(text)))
            }

            /// The id derived from free text (a file name, a name): its slug, if not empty.
            pub fn from_text(text: &str) -> Option<$name> {
                let slug = slugify(text);
                (!slug.is_empty()).then(|| $name(Arc::from(slug)))
            }

            /// The id as written.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }
    };
}

id_type!(
    /// A document: its `id` field, or its file name slugified.
    DocId
);
id_type!(
    /// A person or organisation: a key of people.yaml, or the slug of a name not in it.
    PersonId
);
id_type!(
    /// A place: a key of places.yaml, or the slug of a name not in it.
    PlaceId
);
id_type!(
    /// An annotator, a key of `[annotators]` in book.toml (`ed`, `yb`).
    HandId
);
id_type!(
    /// A subject term (`tags`) or a document type (`type`), slugified.
    TermId
);

/// A collection: the path of its folder under `documents/`, each segment slugified
/// (`comp1-afghanistan/ch1-provisional-agreement`).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct CollectionId(Arc<str>);

impl CollectionId {
    /// The collection of a folder, from its path segments under `documents/`; `None` when a
    /// segment has no letters or digits to make a slug of.
    pub fn from_segments<'a>(segments: impl IntoIterator<Item = &'a str>) -> Option<CollectionId> {
        let mut slugs = Vec::new();
        for segment in segments {
            let slug = slugify(segment);
            if slug.is_empty() {
                return None;
            }
            slugs.push(slug);
        }
        (!slugs.is_empty()).then(|| CollectionId(Arc::from(slugs.join("/"))))
    }

    /// The path, segments joined by `/`.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The collection that contains this one, if it is nested.
    pub fn parent(&self) -> Option<CollectionId> {
        self.0
            .rsplit_once('/')
            .map(|(parent, _)| CollectionId(Arc::from(parent)))
    }
}

impl fmt::Display for CollectionId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_refuse_path_characters_and_capitals() {
        assert!(DocId::parse("1920-07-10-letter").is_ok());
        assert_eq!(
            DocId::parse("../etc").unwrap_err().bad_char,
            Some('.'),
            "a path must never become an id"
        );
        assert_eq!(DocId::parse("a/b").unwrap_err().bad_char, Some('/'));
        assert_eq!(DocId::parse("Beria").unwrap_err().bad_char, Some('B'));
        assert_eq!(DocId::parse("").unwrap_err().bad_char, None);
    }

    #[test]
    fn ids_from_text_are_slugs() {
        assert_eq!(PlaceId::from_text("Ardebil’").unwrap().as_str(), "ardebil");
        assert_eq!(DocId::from_text("Письмо 12").unwrap().as_str(), "pismo-12");
        assert_eq!(DocId::from_text("!!!"), None);
    }

    #[test]
    fn collections_are_slugified_paths() {
        let id = CollectionId::from_segments(["Karabakh 1920", "Part One"]).unwrap();
        assert_eq!(id.as_str(), "karabakh-1920/part-one");
        assert_eq!(id.parent().unwrap().as_str(), "karabakh-1920");
    }
}
