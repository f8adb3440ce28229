//! Resolve: [`Edition`] → [`ResolvedEdition`], every cross-file fact settled once.
//!
//! 1. Drafts are left out (unless building with drafts); documents are put in edition order:
//!    earliest possible day, then `order`, then id.
//! 2. Ids and aliases must be unique across the edition.
//! 3. References to people, places, subjects and types are bound (`names.rs`), as the content
//!    model says: a registry id; else an entry whose name or variant matches exactly; else a
//!    new entry named by the text itself, with a warning that names the closest listed entry.
//! 4. `related` is made symmetric, `in_reply_to` gets its `replies`, `doc:` links (in texts and
//!    introductions) must name a document (or an alias of one) and, after `#`, a paragraph,
//!    heading or note it has.
//! 5. Collections are linked into their tree.

mod names;

use std::collections::{BTreeMap, BTreeSet, HashMap};

use names::{Binder, Mentioned, Terms, find_in, report_shared_names, unlisted_id};

use crate::diagnostics::{Diagnostic, Diagnostics, closest};
use crate::model::document::{Document, LinkTarget, Ref, Reference};
use crate::model::id::{DocId, PersonId, PlaceId};
use crate::model::registry::Registry;
use crate::model::{
    DocIndex, Edition, ResolvedCollection, ResolvedDocument, ResolvedEdition, ResolvedEvent,
};

/// Resolves `edition`. With `drafts`, documents marked `draft: true` are kept.
pub fn edition(edition: Edition, drafts: bool) -> (ResolvedEdition, Diagnostics) {
    let mut diagnostics = Diagnostics::new();
    let Edition {
        documents,
        collections,
        home,
        people,
        places,
        mut glossary,
        events,
        registry_links,
    } = edition;

    let (mut documents, draft_ids) = order(documents, drafts);
    // Only the link checks need a text's heading and note ids.
    let anchors = documents
        .iter_mut()
        .map(|document| std::mem::take(&mut document.anchors))
        .collect();
    let ids = DocumentIds::new(&documents, anchors, draft_ids, &mut diagnostics);
    let people = Registry::new(people);
    let places = Registry::new(places);
    report_shared_names("person", &people, &mut diagnostics);
    report_shared_names("place", &places, &mut diagnostics);
    let mut binder = Binder {
        people,
        places,
        unknown_people: BTreeMap::new(),
        unknown_places: BTreeMap::new(),
        tags: Terms::new("tag"),
        types: Terms::new("type"),
        diagnostics: &mut diagnostics,
    };

    let mut resolved: Vec<ResolvedDocument> = documents
        .into_iter()
        .map(|document| bind_document(document, &mut binder))
        .collect();
    let events = events
        .into_iter()
        .map(|event| ResolvedEvent {
            people: event.people.iter().map(|r| binder.person(r)).collect(),
            places: event.places.iter().map(|r| binder.place(r)).collect(),
            event,
        })
        .collect::<Vec<_>>();
    // Introductions and descriptions name people, places and documents as texts do, but are no
    // document: their links are checked and bound, and the indexes do not list them.
    let introductions = home
        .references
        .iter()
        .chain(collections.iter().flat_map(|c| &c.references))
        .chain(&registry_links);
    for reference in introductions {
        ids.check_link(reference, binder.diagnostics);
        binder.link_target(reference);
    }
    binder.report_unknown();
    let Binder {
        people,
        places,
        tags,
        types,
        ..
    } = binder;

    relate(&mut resolved, &ids, &mut diagnostics);
    let (collections, roots) = tree(collections, &mut resolved);

    glossary.sort_by(|a, b| {
        a.term
            .to_lowercase()
            .cmp(&b.term.to_lowercase())
            .then(a.term.cmp(&b.term))
    });
    let mut events = events;
    events.sort_by(|a, b| {
        a.event
            .date
            .earliest()
            .cmp(&b.event.date.earliest())
            .then(a.event.title.cmp(&b.event.title))
    });

    let DocumentIds { index, aliases, .. } = ids;
    (
        ResolvedEdition {
            documents: resolved,
            ids: index,
            aliases,
            people,
            places,
            tags: tags.labels,
            types: types.labels,
            collections,
            roots,
            home,

            glossary,
            events,
        },
        diagnostics,
    )
}

/// Leaves drafts out (remembering their ids, so links to them are not "unknown") and sorts.
fn order(documents: Vec<Document>, drafts: bool) -> (Vec<Document>, BTreeSet<DocId>) {
    let mut draft_ids = BTreeSet::new();
    let mut kept: Vec<Document> = Vec::with_capacity(documents.len());
    for document in documents {
        if document.draft && !drafts {
            draft_ids.insert(document.id.clone());
        } else {
            kept.push(document);
        }
    }
    kept.sort_by(|a, b| {
        (a.date.earliest(), a.order, &a.id, &a.file).cmp(&(
            b.date.earliest(),
            b.order,
            &b.id,
            &b.file,
        ))
    });
    (kept, draft_ids)
}

/// Every document id and alias, checked unique.
struct DocumentIds {
    index: HashMap<DocId, DocIndex>,
    paragraphs: Vec<u32>,
    /// Each document's heading and note ids.
    anchors: Vec<Vec<String>>,
    aliases: Vec<(DocId, DocIndex)>,
    drafts: BTreeSet<DocId>,
}

impl DocumentIds {
    fn new(
        documents: &[Document],
        anchors: Vec<Vec<String>>,
        drafts: BTreeSet<DocId>,
        diagnostics: &mut Diagnostics,
    ) -> DocumentIds {
        let mut index: HashMap<DocId, DocIndex> = HashMap::with_capacity(documents.len());
        // Report duplicates in file order, so "first" means the file an editor sees first.
        let mut by_file: Vec<(usize, &Document)> = documents.iter().enumerate().collect();
        by_file.sort_by(|a, b| a.1.file.cmp(&b.1.file));
        for (position, document) in by_file {
            match index.get(&document.id) {
                Some(&first) => diagnostics.push(
                    Diagnostic::error(
                        "duplicate-id",
                        format!(
                            "id {:?} is already used by {}",
                            document.id.as_str(),
                            documents[first].file
                        ),
                    )
                    .at(document.id_span.clone())
                    .with_label("second use")
                    .with_help("every document needs its own id: rename the file or set `id:`"),
                ),
                None => {
                    index.insert(document.id.clone(), position);
                }
            }
        }
        let mut aliases: BTreeMap<DocId, DocIndex> = BTreeMap::new();
        for (position, document) in documents.iter().enumerate() {
            for (alias, span) in &document.aliases {
                let taken_by = index
                    .get(alias)
                    .map(|&i| documents[i].file.to_string())
                    .or_else(|| aliases.get(alias).map(|&i| documents[i].file.to_string()));
                match taken_by {
                    Some(other) => diagnostics.push(
                        Diagnostic::error(
                            "duplicate-alias",
                            format!("alias {:?} is already taken by {other}", alias.as_str()),
                        )
                        .at(span.clone())
                        .with_help("an old id can lead to one document only"),
                    ),
                    None => {
                        aliases.insert(alias.clone(), position);
                    }
                }
            }
        }
        DocumentIds {
            index,
            paragraphs: documents.iter().map(|d| d.paragraphs).collect(),
            anchors,
            aliases: aliases.into_iter().collect(),
            drafts,
        }
    }

    /// The document an id or alias names.
    fn find(&self, id: &str) -> Option<DocIndex> {
        find_document(&self.index, &self.aliases, id)
    }

    fn is_draft(&self, id: &str) -> bool {
        DocId::parse(id).is_ok_and(|id| self.drafts.contains(&id))
    }

    /// Binds a reference to a document, reporting it when it names nothing.
    fn bind(&self, reference: &Ref, what: &str, diagnostics: &mut Diagnostics) -> Option<DocIndex> {
        let found = self.find(&reference.text);
        if found.is_none() {
            diagnostics.push(
                self.unknown(&reference.text, what)
                    .at(reference.span.clone()),
            );
        }
        found
    }

    /// Reports a `doc:` link to a document, or a part of one, that the edition does not have.
    fn check_link(&self, reference: &Reference, diagnostics: &mut Diagnostics) {
        let LinkTarget::Document { id, fragment } = &reference.target else {
            return;
        };
        let id = id.as_str();
        let Some(target) = self.find(id) else {
            diagnostics.push(self.unknown(id, "doc: link to").at(reference.span.clone()));
            return;
        };
        if let Some(fragment) = fragment
            && let Err(problem) = self.has_anchor(target, id, fragment)
        {
            diagnostics.push(problem.at(reference.span.clone()));
        }
    }

    /// Whether document `target` has the anchor a `doc:ID#fragment` link names: a paragraph
    /// `p1`..`pN` as the page writes it, a heading or a note.
    fn has_anchor(&self, target: DocIndex, id: &str, fragment: &str) -> Result<(), Diagnostic> {
        let paragraphs = self.paragraphs[target];
        let number = fragment
            .strip_prefix('p')
            .and_then(|n| n.parse::<u32>().ok());
        if let Some(number) = number {
            return if format!("p{number}") != fragment {
                Err(Diagnostic::error(
                    "unknown-paragraph",
                    format!("#{fragment} is written p{number} on the page"),
                )
                .with_help(format!("write #p{number}")))
            } else if number == 0 || number > paragraphs {
                Err(Diagnostic::error(
                    "unknown-paragraph",
                    format!("document {id:?} has no paragraph p{number} (it has {paragraphs})"),
                )
                .with_help("paragraphs are numbered p1, p2, ... in the order of the text"))
            } else {
                Ok(())
            };
        }
        let anchors = &self.anchors[target];
        if anchors.iter().any(|anchor| anchor == fragment) || crate::markdown::is_theme_id(fragment)
        {
            return Ok(());
        }
        // A few are enough to show what ids look like; a long text may have thousands.
        const SHOWN: usize = 8;
        let help = match closest(fragment, anchors.iter().map(String::as_str)) {
            Some(anchor) => format!("did you mean #{anchor}?"),
            None if anchors.is_empty() => {
                format!("link to a paragraph, p1 to p{paragraphs}")
            }
            None => format!(
                "link to a paragraph (p1 to p{paragraphs}), a heading or a note: {}{}",
                anchors[..anchors.len().min(SHOWN)].join(", "),
                if anchors.len() > SHOWN { ", ..." } else { "" }
            ),
        };
        Err(Diagnostic::error(
            "unknown-anchor",
            format!("document {id:?} has no heading or note #{fragment}"),
        )
        .with_help(help))
    }

    fn unknown(&self, id: &str, what: &str) -> Diagnostic {
        if self.is_draft(id) {
            return Diagnostic::warning(
                "draft-link",
                format!("{what} {id:?} is a draft, left out of this build"),
            )
            .with_help("build with --drafts to include it, or remove the link");
        }
        let help = match closest(id, self.index.keys().map(DocId::as_str)) {
            Some(known) => format!("did you mean {known:?}?"),
            None => "check the id against the document's file name or its `id:`".to_owned(),
        };
        Diagnostic::error(
            "unknown-document",
            format!("{what} {id:?} names no document"),
        )
        .with_help(help)
    }
}

/// The document `id` names: its own id, else an old id (`aliases` sorted by old id).
fn find_document(
    ids: &HashMap<DocId, DocIndex>,
    aliases: &[(DocId, DocIndex)],
    id: &str,
) -> Option<DocIndex> {
    let id = DocId::parse(id).ok()?;
    ids.get(&id).copied().or_else(|| {
        aliases
            .binary_search_by(|(alias, _)| alias.cmp(&id))
            .ok()
            .map(|i| aliases[i].1)
    })
}

fn bind_document(document: Document, binder: &mut Binder<'_>) -> ResolvedDocument {
    let people_of = |binder: &mut Binder<'_>, refs: &[Ref]| -> Vec<PersonId> {
        let mut ids: Vec<PersonId> = Vec::with_capacity(refs.len());
        for reference in refs {
            let id = binder.person(reference);
            if !ids.contains(&id) {
                ids.push(id);
            }
        }
        ids
    };
    let authors = people_of(binder, &document.authors);
    let recipients = people_of(binder, &document.recipients);
    let people = people_of(binder, &document.people);
    let place = document.place.as_ref().map(|r| binder.place_of_writing(r));
    let mut places = Vec::new();
    for reference in &document.places {
        let id = binder.place(reference);
        if !places.contains(&id) {
            places.push(id);
        }
    }
    let mut person_mentions = Vec::new();
    let mut place_mentions = Vec::new();
    for reference in &document.references {
        match binder.link_target(reference) {
            Some(Mentioned::Person(id)) => person_mentions.push((id, reference.anchor.clone())),
            Some(Mentioned::Place(id)) => place_mentions.push((id, reference.anchor.clone())),
            None => {}
        }
    }
    let doc_tags = document
        .tags
        .iter()
        .filter_map(|t| binder.tags.bind(t, binder.diagnostics))
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let doc_type = document
        .doc_type
        .as_ref()
        .and_then(|t| binder.types.bind(t, binder.diagnostics));
    ResolvedDocument {
        authors,
        recipients,
        people,
        place,
        places,
        tags: doc_tags,
        doc_type,
        related: Vec::new(),
        in_reply_to: None,
        replies: Vec::new(),
        person_mentions,
        place_mentions,
        collection: None,
        document,
    }
}

/// Binds `related`, `in_reply_to` and `doc:` links; makes relations symmetric.
fn relate(documents: &mut [ResolvedDocument], ids: &DocumentIds, diagnostics: &mut Diagnostics) {
    let mut related: Vec<BTreeSet<DocIndex>> = vec![BTreeSet::new(); documents.len()];
    let mut replies: Vec<Vec<DocIndex>> = vec![Vec::new(); documents.len()];
    for (index, resolved) in documents.iter_mut().enumerate() {
        let document = &resolved.document;
        for reference in &document.related {
            if let Some(other) = ids
                .bind(reference, "related document", diagnostics)
                .filter(|&o| o != index)
            {
                related[index].insert(other);
                related[other].insert(index);
            }
        }
        if let Some(reference) = &document.in_reply_to {
            resolved.in_reply_to = ids
                .bind(reference, "in_reply_to", diagnostics)
                .filter(|&o| o != index);
            if let Some(other) = resolved.in_reply_to {
                replies[other].push(index);
            }
        }
        for reference in &document.references {
            ids.check_link(reference, diagnostics);
        }
    }
    for (index, resolved) in documents.iter_mut().enumerate() {
        resolved.related = std::mem::take(&mut related[index]).into_iter().collect();
        resolved.replies = std::mem::take(&mut replies[index]);
    }
}

/// Links collections into a tree and gives each its documents.
fn tree(
    collections: Vec<crate::model::document::Collection>,
    documents: &mut [ResolvedDocument],
) -> (Vec<ResolvedCollection>, Vec<usize>) {
    let mut collections: Vec<ResolvedCollection> = collections
        .into_iter()
        .map(|collection| ResolvedCollection {
            collection,
            parent: None,
            children: Vec::new(),
            documents: Vec::new(),
            total: 0,
        })
        .collect();
    collections.sort_by(|a, b| a.collection.id.cmp(&b.collection.id));
    let position: HashMap<_, _> = collections
        .iter()
        .enumerate()
        .map(|(i, c)| (c.collection.id.clone(), i))
        .collect();
    // Parents first, so each document's count climbs the tree by position.
    for index in 0..collections.len() {
        let parent = collections[index]
            .collection
            .id
            .parent()
            .and_then(|p| position.get(&p).copied());
        collections[index].parent = parent;
        if let Some(parent) = parent {
            collections[parent].children.push(index);
        }
    }
    for (index, resolved) in documents.iter_mut().enumerate() {
        let Some(id) = &resolved.document.collection else {
            continue;
        };
        let Some(&at) = position.get(id) else {
            continue;
        };
        resolved.collection = Some(at);
        collections[at].documents.push(index);
        let mut next = Some(at);
        while let Some(at) = next {
            collections[at].total += 1;
            next = collections[at].parent;
        }
    }
    let keys: Vec<(Option<i64>, String)> = collections
        .iter()
        .map(|c| (c.collection.order, c.collection.title.to_lowercase()))
        .collect();
    let by_order = |&a: &usize, &b: &usize| order_key(&keys[a]).cmp(&order_key(&keys[b]));
    for collection in &mut collections {
        collection.children.sort_by(by_order);
    }
    let mut roots: Vec<usize> = (0..collections.len())
        .filter(|&i| collections[i].parent.is_none())
        .collect();
    roots.sort_by(by_order);
    (collections, roots)
}

/// Ordered collections first (by `order`), then the rest by title.
fn order_key(key: &(Option<i64>, String)) -> (bool, i64, &str) {
    (key.0.is_none(), key.0.unwrap_or(0), &key.1)
}

impl ResolvedEdition {
    /// The person a `person:` link's text names, by the same rules as binding: id, name or
    /// variant, else the entry made for the unknown name (`unlisted_id`).
    pub fn person_named(&self, text: &str) -> Option<PersonId> {
        let text = text.trim();
        find_in(&self.people, text, |t| PersonId::parse(t).ok())
            .or_else(|| Some(unlisted_id(&self.people, text, PersonId::from_text)))
            .filter(|id| self.people.get(id).is_some())
    }

    /// The document an id or old id names.
    pub fn document_named(&self, id: &str) -> Option<DocIndex> {
        find_document(&self.ids, &self.aliases, id)
    }

    /// The place a `place:` link's text names, as [`ResolvedEdition::person_named`] does.
    pub fn place_named(&self, text: &str) -> Option<PlaceId> {
        let text = text.trim();
        find_in(&self.places, text, |t| PlaceId::parse(t).ok())
            .or_else(|| Some(unlisted_id(&self.places, text, PlaceId::from_text)))
            .filter(|id| self.places.get(id).is_some())
    }
}
