//! Binding names to registries: people, places, subjects and types (step 3 of [`super`]).
//!
//! A reference finds its entry by id (in any case), else by an exact name or variant; anything
//! else becomes an entry of its own, with a warning naming the closest listed entry. Subjects
//! and types are one entry per slug.

use std::collections::{BTreeMap, BTreeSet};

use unicase::UniCase;

use crate::diagnostics::{Diagnostic, Diagnostics, closest};
use crate::model::PlaceRef;
use crate::model::document::{LinkTarget, Ref, Reference};
use crate::model::id::{PersonId, PlaceId, TermId};
use crate::model::registry::{Named, Person, PersonKind, Place, Registry};

/// Binds people, places, subjects and types, making entries for references not in the
/// registries.
pub(super) struct Binder<'d> {
    pub(super) people: Registry<PersonId, Person>,
    pub(super) places: Registry<PlaceId, Place>,
    /// Unknown references by new id: the text and every place it was written.
    pub(super) unknown_people: BTreeMap<PersonId, Vec<Ref>>,
    pub(super) unknown_places: BTreeMap<PlaceId, Vec<Ref>>,
    pub(super) tags: Terms,
    pub(super) types: Terms,
    pub(super) diagnostics: &'d mut Diagnostics,
}

/// Subjects (tags) or document types, by slug; the first spelling of each is its label.
pub(super) struct Terms {
    /// "tag" or "type", for messages.
    what: &'static str,
    pub(super) labels: BTreeMap<TermId, String>,
    /// Spellings already reported, so a slip repeated in many documents is said once.
    reported: BTreeSet<String>,
}

impl Terms {
    pub(super) fn new(what: &'static str) -> Terms {
        Terms {
            what,
            labels: BTreeMap::new(),
            reported: BTreeSet::new(),
        }
    }

    /// The term `reference` names. Spellings that differ only in case are one term; others
    /// that make the same id ("C" and "C++") are one term too, with a warning, and a spelling
    /// with no letters or digits to make an id of is left out with a warning.
    pub(super) fn bind(
        &mut self,
        reference: &Ref,
        diagnostics: &mut Diagnostics,
    ) -> Option<TermId> {
        let text = reference.text.trim();
        let what = self.what;
        let Some(id) = TermId::from_text(text) else {
            if self.reported.insert(text.to_owned()) {
                diagnostics.push(
                    Diagnostic::warning(
                        "unnamed-term",
                        format!("{what} {text:?} has no letters or digits to make an id of; it is left out"),
                    )
                    .at(reference.span.clone())
                    .with_help("write it in words"),
                );
            }
            return None;
        };
        let label = self
            .labels
            .entry(id.clone())
            .or_insert_with(|| text.to_owned());
        if UniCase::new(&**label) != UniCase::new(text) && self.reported.insert(text.to_owned()) {
            diagnostics.push(
                Diagnostic::warning(
                    "merged-term",
                    format!(
                        "{what} {text:?} is listed as {label:?}: both make the id {:?}",
                        id.as_str()
                    ),
                )
                .at(reference.span.clone())
                .with_help("spell the two alike, or make them differ in letters or digits"),
            );
        }
        Some(id)
    }
}

/// Warns of a name or variant that two entries share ("Ivanov" for A. and B. Ivanov): a
/// reference by it goes to the first by id, which may not be the one meant.
pub(super) fn report_shared_names<Id: AsRef<str> + Ord + Clone, T: Named>(
    what: &str,
    registry: &Registry<Id, T>,
    diagnostics: &mut Diagnostics,
) {
    for shared in registry.shared_names() {
        let (spelling, first, other) = (
            &shared.spelling,
            shared.first.as_ref(),
            shared.other.as_ref(),
        );
        let mut warning = Diagnostic::warning(
            "shared-name",
            format!(
                "{spelling:?} names {what} {first:?} and {what} {other:?}; a reference by it goes to {first:?}"
            ),
        )
        .with_help(format!(
            "refer to {other:?} by its id, or keep {spelling:?} for one of them"
        ));
        if let Some(span) = registry.get(&shared.other).and_then(Named::span) {
            warning = warning.at(span.clone());
        }
        diagnostics.push(warning);
    }
}

/// How a reference text finds its registry entry: by id in any case (`Stalin` for `stalin`),
/// then by exact name or variant.
pub(super) fn find_in<Id: Ord + Clone, T: Named>(
    registry: &Registry<Id, T>,
    text: &str,
    parse: impl Fn(&str) -> Option<Id>,
) -> Option<Id> {
    parse(&text.to_ascii_lowercase())
        .filter(|id| registry.get(id).is_some())
        .or_else(|| registry.by_name(text).cloned())
}

/// The id of the entry made for a name that no registry lists: the name's slug, unless a
/// listed entry has that id under another name ("O Brien", and people.yaml's `o-brien` for
/// Patrick O'Brien); then the slug with `-2`, `-3`…, so no document is given to a listed
/// person or place on a guess. Names with the same slug share their entry.
pub(super) fn unlisted_id<Id: AsRef<str> + Ord + Clone, T: Named>(
    registry: &Registry<Id, T>,
    text: &str,
    slug: impl Fn(&str) -> Option<Id>,
) -> Id {
    let base = slug(text)
        .or_else(|| slug("unnamed"))
        .expect("\"unnamed\" is an id");
    let free = |id: &Id| registry.get(id).is_none_or(|entry| !entry.is_listed());
    if free(&base) {
        return base;
    }
    (2..)
        .filter_map(|n: u32| slug(&format!("{}-{n}", base.as_ref())))
        .find(free)
        .expect("some number is free")
}

/// Who or where a `person:` or `place:` link names.
pub(super) enum Mentioned {
    Person(PersonId),
    Place(PlaceId),
}

impl Binder<'_> {
    /// The person or place a link in a text names, made an entry when unknown; `None` for a
    /// `doc:` link.
    pub(super) fn link_target(&mut self, reference: &Reference) -> Option<Mentioned> {
        let written = |text: &str| Ref {
            text: text.to_owned(),
            span: reference.span.clone(),
        };
        match &reference.target {
            LinkTarget::Person(text) => Some(Mentioned::Person(self.person(&written(text)))),
            LinkTarget::Place(text) => Some(Mentioned::Place(self.place(&written(text)))),
            LinkTarget::Document { .. } => None,
        }
    }

    pub(super) fn person(&mut self, reference: &Ref) -> PersonId {
        let parse = |t: &str| PersonId::parse(t).ok();
        let people = (&mut self.people, &mut self.unknown_people);
        bind(
            people,
            reference,
            parse,
            PersonId::from_text,
            unlisted_person,
        )
    }

    pub(super) fn place(&mut self, reference: &Ref) -> PlaceId {
        let parse = |t: &str| PlaceId::parse(t).ok();
        let places = (&mut self.places, &mut self.unknown_places);
        bind(places, reference, parse, PlaceId::from_text, unlisted_place)
    }

    /// The place of writing: free text is allowed, so an unknown one becomes an entry
    /// without a warning; text with nothing to make an id of stays text.
    pub(super) fn place_of_writing(&mut self, reference: &Ref) -> PlaceRef {
        let text = reference.text.trim();
        if let Some(id) = find_in(&self.places, text, |t| PlaceId::parse(t).ok()) {
            return PlaceRef::Known(id);
        }
        let Some(slug) = PlaceId::from_text(text) else {
            return PlaceRef::Text(text.to_owned());
        };
        // A listed place has the slug under another name: the editor may have meant it, so
        // this is said, as for a `place:` link, rather than taken on a guess.
        if self.places.get(&slug).is_some_and(Named::is_listed) {
            return PlaceRef::Known(self.place(reference));
        }
        self.places.insert(slug.clone(), unlisted_place(text));
        PlaceRef::Known(slug)
    }

    /// One warning per unknown name, at its first use, naming the closest other entry (from
    /// the registry, or made from another reference: "Stratus" is probably "Straus").
    pub(super) fn report_unknown(&mut self) {
        let people = std::mem::take(&mut self.unknown_people);
        if !people.is_empty() {
            let known = lowered_names(&self.people);
            for (id, uses) in people {
                let warning = unknown_warning("person", "people.yaml", id.as_str(), &uses, &known);
                self.diagnostics.push(warning);
            }
        }
        let places = std::mem::take(&mut self.unknown_places);
        if !places.is_empty() {
            let known = lowered_names(&self.places);
            for (id, uses) in places {
                let warning = unknown_warning("place", "places.yaml", id.as_str(), &uses, &known);
                self.diagnostics.push(warning);
            }
        }
    }
}

/// The entry `reference` names in `registry`, else one made from its text, whose uses are
/// kept in `unknown` for the warning.
fn bind<Id: AsRef<str> + Ord + Clone, T: Named>(
    (registry, unknown): (&mut Registry<Id, T>, &mut BTreeMap<Id, Vec<Ref>>),
    reference: &Ref,
    parse: impl Fn(&str) -> Option<Id>,
    slug: impl Fn(&str) -> Option<Id>,
    unlisted: impl FnOnce(&str) -> T,
) -> Id {
    let text = reference.text.trim();
    if let Some(id) = find_in(registry, text, parse) {
        return id;
    }
    let id = unlisted_id(registry, text, slug);
    unknown
        .entry(id.clone())
        .or_default()
        .push(reference.clone());
    // A later use of the same unknown name finds the entry made at its first.
    registry.insert(id.clone(), unlisted(text));
    id
}

/// The entry for a person no registry lists: the name as written.
fn unlisted_person(name: &str) -> Person {
    Person {
        name: name.to_owned(),
        sort: None,
        variants: Vec::new(),
        kind: PersonKind::Person,
        born: None,
        died: None,
        description: None,
        roles: Vec::new(),
        wikidata: None,
        viaf: None,
        span: None,
    }
}

/// The entry for a place no registry lists: the name as written.
fn unlisted_place(name: &str) -> Place {
    Place {
        name: name.to_owned(),
        variants: Vec::new(),
        country: None,
        coordinates: None,
        geonames: None,
        wikidata: None,
        description: None,
        span: None,
    }
}

/// Every entry of `registry` as (id, lower-cased name): made once per registry, not once per
/// unknown name.
fn lowered_names<Id: AsRef<str> + Ord + Clone, T: Named>(
    registry: &Registry<Id, T>,
) -> Vec<(&str, String)> {
    registry
        .iter()
        .map(|(id, entry)| (id.as_ref(), entry.name().to_lowercase()))
        .collect()
}

/// `known`: every entry of the registry as (id, lower-cased name), the new one among them.
fn unknown_warning(
    what: &str,
    registry: &str,
    new_id: &str,
    uses: &[Ref],
    known: &[(&str, String)],
) -> Diagnostic {
    let first = &uses[0];
    // Compare the slug with ids, and the text with names, lower-cased.
    let others = || known.iter().filter(|(id, _)| *id != new_id);
    let by_id = closest(new_id, others().map(|(id, _)| *id));
    let text = first.text.trim().to_lowercase();
    let by_name = closest(&text, others().map(|(_, name)| name.as_str()))
        .and_then(|name| others().find(|(_, n)| n == name).map(|(id, _)| *id));
    let more = match uses.len() {
        1 => String::new(),
        n => format!(" (used {n} times)"),
    };
    let mut help = match by_id.or(by_name) {
        Some(id) => format!(
            "did you mean {id:?}? Write its id, or add {:?} to its variants. ",
            first.text.trim()
        ),
        None => String::new(),
    };
    help.push_str(&format!("Otherwise add `{new_id}: {{name: ...}}` to {registry}; until then it is listed as {new_id:?}."));
    Diagnostic::warning(
        if what == "person" {
            "unknown-person"
        } else {
            "unknown-place"
        },
        format!("{what} {:?} is not in {registry}{more}", first.text),
    )
    .at(first.span.clone())
    .with_help(help)
}
