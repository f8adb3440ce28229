//! The URL scheme of a built edition, in one place.
//!
//! Every output file has a [`SitePath`] (`documents/ID/index.html`). Pages link to each other
//! with relative hrefs ([`SitePath::href_from`]) so a site works under any base path and when
//! opened straight from disk; hrefs name `index.html` explicitly because a browser reading
//! `file://` folders does not look for it. Canonical permalinks ([`permalink`]) use the
//! edition's `base_url` and the pretty folder form (`documents/ID/`), which never changes.

use std::fmt;

use crate::model::id::{CollectionId, DocId, PersonId, PlaceId, TermId};

/// The path of one output file relative to the site root, `/`-separated, never starting with
/// `/` and never containing `..` (every segment comes from an id or a fixed name).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SitePath(String);

impl SitePath {
    /// A fixed path such as `feed.xml`; the caller guarantees it is a safe relative path.
    pub fn fixed(path: &str) -> SitePath {
        debug_assert!(!path.starts_with('/') && !path.split('/').any(|s| s == ".."));
        SitePath(path.to_owned())
    }

    fn page(folder: &str) -> SitePath {
        SitePath(format!("{folder}/index.html"))
    }

    /// The path as a string.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// How many folders deep the file is: 0 for `index.html`.
    fn depth(&self) -> usize {
        self.0.matches('/').count()
    }

    /// The prefix that leads from this file back to the site root: `""` or `"../../"`.
    pub fn root_from(&self) -> String {
        "../".repeat(self.depth())
    }

    /// The relative href from the page at `from` to this file.
    pub fn href_from(&self, from: &SitePath) -> String {
        if self == from {
            return self.0.rsplit('/').next().unwrap_or_default().to_owned();
        }
        format!("{}{}", from.root_from(), self.0)
    }

    /// The file's pretty URL path for permalinks: `documents/ID/` for `documents/ID/index.html`.
    pub fn pretty(&self) -> &str {
        self.0.strip_suffix("index.html").unwrap_or(&self.0)
    }
}

impl fmt::Display for SitePath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The home page.
pub fn home() -> SitePath {
    SitePath::fixed("index.html")
}

/// A document's page; also where its old ids (aliases) redirect from.
pub fn document(id: &DocId) -> SitePath {
    SitePath::page(&format!("documents/{id}"))
}

/// A file beside a document's page, such as `cite.bib`.
pub fn document_file(id: &DocId, name: &str) -> SitePath {
    SitePath(format!("documents/{id}/{name}"))
}

/// The index of all documents.
pub fn documents() -> SitePath {
    SitePath::page("documents")
}

/// The index of collections.
pub fn collections() -> SitePath {
    SitePath::page("collections")
}

/// A collection's page.
pub fn collection(id: &CollectionId) -> SitePath {
    SitePath::page(&format!("collections/{id}"))
}

/// The index of people.
pub fn people() -> SitePath {
    SitePath::page("people")
}

/// One person's page.
pub fn person(id: &PersonId) -> SitePath {
    SitePath::page(&format!("people/{id}"))
}

/// The index of places.
pub fn places() -> SitePath {
    SitePath::page("places")
}

/// One place's page.
pub fn place(id: &PlaceId) -> SitePath {
    SitePath::page(&format!("places/{id}"))
}

/// The index of subject terms.
pub fn tags() -> SitePath {
    SitePath::page("tags")
}

/// One subject term's page.
pub fn tag(id: &TermId) -> SitePath {
    SitePath::page(&format!("tags/{id}"))
}

/// The index of document types.
pub fn types() -> SitePath {
    SitePath::page("types")
}

/// The page of one document type.
pub fn doc_type(id: &TermId) -> SitePath {
    SitePath::page(&format!("types/{id}"))
}

/// The glossary.
pub fn glossary() -> SitePath {
    SitePath::page("glossary")
}

/// The search page.
pub fn search() -> SitePath {
    SitePath::page("search")
}

/// A script of the search index: `search/index/N.js` or `search/documents/N.js`.
pub fn search_script(part: &str, number: usize) -> SitePath {
    SitePath::fixed(&format!("search/{part}/{number}.js"))
}

/// The timeline.
pub fn timeline() -> SitePath {
    SitePath::page("timeline")
}

/// A file of the theme's static assets (`static/style.css` → `static/style.css`).
pub fn asset(name: &str) -> SitePath {
    SitePath(format!("static/{name}"))
}

/// The canonical, absolute URL of `path`: the edition's `base_url` + its pretty form.
pub fn permalink(base_url: &str, path: &SitePath) -> String {
    format!("{}/{}", base_url.trim_end_matches('/'), path.pretty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hrefs_are_relative_and_name_index_html() {
        let doc = document(&DocId::parse("a").unwrap());
        let person = person(&PersonId::parse("beria").unwrap());
        assert_eq!(person.href_from(&doc), "../../people/beria/index.html");
        assert_eq!(person.href_from(&home()), "people/beria/index.html");
        assert_eq!(doc.href_from(&doc), "index.html");
        assert_eq!(home().href_from(&doc), "../../index.html");
    }

    #[test]
    fn permalinks_use_the_pretty_folder_form() {
        let doc = document(&DocId::parse("a").unwrap());
        assert_eq!(
            permalink("https://example.org/ed/", &doc),
            "https://example.org/ed/documents/a/"
        );
    }
}
