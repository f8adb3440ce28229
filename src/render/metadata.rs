//! Machine-readable metadata in a document page's `<head>`, so reference managers (Zotero)
//! and scholarly crawlers recognise the page as a citable archival document: Highwire Press
//! `citation_*` tags, Dublin Core `DC.*` tags, and schema.org JSON-LD.

use serde_json::{Value, json};

use super::Site;
use super::views::MetaTag;
use crate::cite::{self, Citable};
use crate::model::id::{PersonId, PlaceId};
use crate::model::registry::PersonKind;
use crate::model::{DocIndex, PlaceRef};
use crate::urls::{self, SitePath};

impl Site<'_> {
    /// The `<meta>` tags of document `index`, in a fixed order.
    /// `citable` is the document's citation record and `description` its summary as plain
    /// text, both as the page has them.
    pub(super) fn meta_tags(
        &self,
        index: DocIndex,
        citable: &Citable<'_>,
        description: Option<&str>,
    ) -> Vec<MetaTag> {
        let edition = self.edition;
        let resolved = &edition.documents[index];
        let document = &resolved.document;
        // A reader of these tags resolves no relative address: without a base_url, none.
        let permalink = citable.url.unwrap_or_default();
        let mut tags = Vec::new();
        let mut tag = |name: &str, content: &str| {
            if !content.trim().is_empty() {
                tags.push(MetaTag {
                    name: name.to_owned(),
                    content: content.to_owned(),
                });
            }
        };
        // Named exactly as the citation files name them.
        let authors: Vec<String> = citable.authors.iter().map(cite::inverted_name).collect();
        let language = self.config.edition.language_of(document);
        let highwire_date = document
            .date
            .machine_start()
            .map(|date| date.replace('-', "/"));

        tag("citation_title", &document.title);
        for author in &authors {
            tag("citation_author", author);
        }
        if let Some(date) = &highwire_date {
            tag("citation_date", date);
            tag("citation_publication_date", date);
        }
        tag("citation_language", language);
        tag("citation_public_url", permalink);
        tag("citation_publisher", &self.config.edition.title);
        if let Some(description) = description {
            tag("citation_abstract", description);
        }
        let keywords: Vec<&str> = resolved
            .tags
            .iter()
            .filter_map(|t| edition.tags.get(t))
            .map(String::as_str)
            .collect();
        tag("citation_keywords", &keywords.join("; "));
        if let Some(source) = document.sources.first() {
            let reference = [source.archive.as_deref(), source.reference.as_deref()]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(", ");
            tag("citation_archive_location", &reference);
        }

        tag("DC.title", &document.title);
        for author in &authors {
            tag("DC.creator", author);
        }
        if let Some(date) = document.date.machine_start() {
            tag("DC.date", &date);
        }
        tag("DC.type", "Text");
        tag("DC.format", "text/html");
        tag("DC.language", language);
        tag("DC.identifier", permalink);
        tag("DC.publisher", &self.config.edition.title);
        tag("DC.relation.ispartof", &self.config.edition.title);
        if let Some(description) = description {
            tag("DC.description", description);
        }
        for keyword in keywords {
            tag("DC.subject", keyword);
        }
        for source in &document.sources {
            let text = [
                source.archive.as_deref(),
                source.reference.as_deref(),
                source.description.as_deref(),
            ]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(", ");
            tag("DC.source", &text);
        }
        if let Some(translator) = document
            .translation
            .as_ref()
            .and_then(|t| t.translator.as_deref())
        {
            tag("DC.contributor", translator);
        }
        if let Some(rights) = self.config.edition.rights_of(document) {
            tag("DC.rights", rights);
        }
        tags
    }

    /// The schema.org description of document `index`, as JSON-LD ready for a `<script>`
    /// element (every `<` escaped, so no text can close the element).
    pub(super) fn json_ld(
        &self,
        at: &SitePath,
        index: DocIndex,
        description: Option<&str>,
    ) -> String {
        let edition = self.edition;
        let resolved = &edition.documents[index];
        let document = &resolved.document;
        let permalink = self.address(at, &urls::document(&document.id));
        let agent = |id: &PersonId| -> Value {
            let person = edition.people.get(id);
            let kind = match person.map(|p| p.kind) {
                Some(PersonKind::Organization) => "Organization",
                _ => "Person",
            };
            let mut value = json!({
                "@type": kind,
                "name": edition.people.name_of(id),
                "url": self.address(at, &urls::person(id)),
            });
            if let Some(q) = person.and_then(|p| p.wikidata.as_deref()) {
                value["sameAs"] = json!(format!("https://www.wikidata.org/wiki/{q}"));
            }
            value
        };
        let place = |id: &PlaceId| -> Value {
            let entry = edition.places.get(id);
            let mut value = json!({
                "@type": "Place",
                "name": edition.places.name_of(id),
                "url": self.address(at, &urls::place(id)),
            });
            if let Some((lat, lon)) = entry.and_then(|p| p.coordinates) {
                value["geo"] =
                    json!({"@type": "GeoCoordinates", "latitude": lat, "longitude": lon});
            }
            value
        };
        let mut about: Vec<Value> = resolved.people.iter().map(agent).collect();
        about.extend(resolved.places.iter().map(place));
        let mut ld = json!({
            "@context": "https://schema.org",
            "@type": ["ArchiveComponent", "Message"],
            "@id": permalink,
            "url": permalink,
            "name": document.title,
            "inLanguage": self.config.edition.language_of(document),
            "isPartOf": {
                "@type": "Collection",
                "name": self.config.edition.title,
                "url": self.address(at, &urls::home()),
            },
            "author": resolved.authors.iter().map(agent).collect::<Vec<_>>(),
            "sender": resolved.authors.iter().map(agent).collect::<Vec<_>>(),
            "recipient": resolved.recipients.iter().map(agent).collect::<Vec<_>>(),
            "about": about,
        });
        if let Some(date) = document.date.machine_start() {
            ld["dateCreated"] = json!(date);
        }
        ld["temporalCoverage"] = json!(document.date.to_string());
        if let Some(description) = description {
            ld["description"] = json!(description);
        }
        if let Some(doc_type) = resolved
            .doc_type
            .as_ref()
            .and_then(|t| edition.types.get(t))
        {
            ld["genre"] = json!(doc_type);
        }
        let keywords: Vec<&String> = resolved
            .tags
            .iter()
            .filter_map(|t| edition.tags.get(t))
            .collect();
        if !keywords.is_empty() {
            ld["keywords"] = json!(keywords);
        }
        match &resolved.place {
            Some(PlaceRef::Known(id)) => ld["locationCreated"] = place(id),
            Some(PlaceRef::Text(text)) => {
                ld["locationCreated"] = json!({"@type": "Place", "name": text})
            }
            None => {}
        }
        if let Some(source) = document.sources.first() {
            if let Some(archive) = &source.archive {
                ld["holdingArchive"] = json!({"@type": "ArchiveOrganization", "name": archive});
            }
            if let Some(reference) = &source.reference {
                ld["itemLocation"] = json!(reference);
            }
        }
        if let Some(translator) = document
            .translation
            .as_ref()
            .and_then(|t| t.translator.as_deref())
        {
            ld["translator"] = json!({"@type": "Person", "name": translator});
        }
        if let Some(rights) = self.config.edition.rights_of(document) {
            ld["copyrightNotice"] = json!(rights);
        }
        serde_json::to_string(&ld)
            .expect("JSON values always serialise")
            .replace('<', "\\u003c")
    }
}
