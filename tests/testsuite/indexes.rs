//! The indexes of a generated edition of thousands of documents and hundreds of people, checked
//! against the generator's own record of what refers to what (issue #4): every person and
//! place page lists exactly the documents that reference it, by role, with the paragraphs
//! that name it, and every list is in edition order.

use std::collections::{BTreeMap, BTreeSet};

use annals_bench::{Manifest, Params};
use scraper::{Html, Selector};

use crate::harness::{EditionTest, Site};

/// Large enough for hundreds of people, some named in hundreds of documents.
const DOCUMENTS: usize = 2_400;

struct Generated {
    site: Site,
    /// Keeps the folders alive while the tests use them.
    _test: EditionTest,
    manifest: Manifest,
    /// Each document's place in edition order: earliest day, then order, then id.
    rank: BTreeMap<String, usize>,
}

/// Generates and builds the edition once, then checks every index of it. One test, so the
/// edition is built once and its temporary folder removed at the end.
#[test]
fn the_indexes_of_a_generated_edition_list_exactly_what_refers_to_what() {
    let generated = generate_and_build();
    every_person_page_lists_exactly_the_documents_that_reference_the_person(&generated);
    every_place_page_lists_exactly_the_documents_that_reference_the_place(&generated);
    the_people_index_counts_every_persons_documents(&generated);
    every_subject_page_lists_exactly_its_documents_in_order(&generated);
    the_timeline_holds_every_document_once_under_its_year_and_month(&generated);
    the_documents_index_lists_every_document_in_order(&generated);
}

fn generate_and_build() -> Generated {
    {
        let test = EditionTest::empty();
        let edition = test.dir().join("generated");
        let manifest = annals_bench::generate(
            &edition,
            &Params {
                documents: DOCUMENTS,
                seed: 7,
            },
        )
        .expect("the generator writes an edition");
        let out = test.dir().join("out");
        let run = crate::harness::run_annals(
            &edition,
            &["build", ".", "--out", out.to_str().expect("a UTF-8 path")],
        );
        run.assert_success();
        let mut order: Vec<(&String, _)> = manifest
            .documents
            .iter()
            .map(|(id, facts)| {
                let (year, month, day) = first_day(&facts.date);
                let earliest = (year, month.unwrap_or(1), day.unwrap_or(1));
                (id, (earliest, facts.order.unwrap_or(0)))
            })
            .collect();
        order.sort_by(|a, b| (a.1, a.0).cmp(&(b.1, b.0)));
        let rank = order
            .iter()
            .enumerate()
            .map(|(rank, (id, _))| ((*id).clone(), rank))
            .collect();
        Generated {
            site: test.site_at(out),
            _test: test,
            manifest,
            rank,
        }
    }
}

/// The documents listed under the heading with element id `group` on an entry page, each with
/// the paragraph anchors listed beside it, in page order.
fn listed(page: &Html, group: &str) -> Vec<(String, BTreeSet<usize>)> {
    let heading = Selector::parse(&format!("h2#{group}")).expect("a valid selector");
    let Some(heading) = page.select(&heading).next() else {
        return Vec::new();
    };
    let section = heading
        .parent()
        .and_then(scraper::ElementRef::wrap)
        .expect("the heading is in its section");
    let items = Selector::parse("li.doc-item").expect("a valid selector");
    let title = Selector::parse("a.doc-title").expect("a valid selector");
    let anchors = Selector::parse(".doc-anchors a").expect("a valid selector");
    section
        .select(&items)
        .map(|item| {
            let href = item
                .select(&title)
                .next()
                .and_then(|a| a.value().attr("href"))
                .expect("every listed document links to its page");
            let paragraphs = item
                .select(&anchors)
                .filter_map(|a| a.value().attr("href")?.rsplit_once("#p")?.1.parse().ok())
                .collect();
            (document_id(href), paragraphs)
        })
        .collect()
}

/// `../../documents/ID/index.html` → `ID`.
fn document_id(href: &str) -> String {
    href.trim_start_matches("../")
        .strip_prefix("documents/")
        .and_then(|rest| rest.strip_suffix("/index.html"))
        .unwrap_or_else(|| panic!("{href} is not a document page"))
        .to_owned()
}

fn assert_edition_order(generated: &Generated, page: &str, ids: &[String]) {
    let ranks: Vec<usize> = ids.iter().map(|id| generated.rank[id]).collect();
    assert!(
        ranks.windows(2).all(|pair| pair[0] < pair[1]),
        "{page} does not list its documents in edition order: {ids:?}"
    );
}

fn ids(list: &[(String, BTreeSet<usize>)]) -> Vec<String> {
    list.iter().map(|(id, _)| id.clone()).collect()
}

fn set(list: &[(String, BTreeSet<usize>)]) -> BTreeSet<String> {
    list.iter().map(|(id, _)| id.clone()).collect()
}

/// Every person page lists exactly the documents the person wrote, received and is named in,
/// each group in edition order, with the paragraphs that name them.
fn every_person_page_lists_exactly_the_documents_that_reference_the_person(generated: &Generated) {
    let busiest = generated
        .manifest
        .people
        .values()
        .map(|facts| facts.documents().len())
        .max()
        .unwrap_or(0);
    assert!(
        generated.manifest.people.len() >= 200 && busiest >= 100,
        "the edition must have hundreds of people, some in hundreds of documents"
    );
    for (id, facts) in &generated.manifest.people {
        let path = format!("people/{id}/index.html");
        let page = Html::parse_document(&generated.site.page(&path).html);
        let wrote = listed(&page, "wrote");
        let received = listed(&page, "received");
        let named = listed(&page, "named");
        let expect = |set: &BTreeSet<String>| set.clone();
        assert_eq!(set(&wrote), expect(&facts.authored), "{path}: Author");
        assert_eq!(set(&received), expect(&facts.received), "{path}: Recipient");
        let expected_named: BTreeSet<String> = facts.named.keys().cloned().collect();
        assert_eq!(set(&named), expected_named, "{path}: Named in");
        for (document, paragraphs) in &named {
            assert_eq!(
                paragraphs, &facts.named[document],
                "{path}: the paragraphs of {document} that name {id}"
            );
        }
        for list in [&wrote, &received, &named] {
            assert_edition_order(generated, &path, &ids(list));
        }
    }
}

/// Every place page lists exactly the documents written there and those naming it.
fn every_place_page_lists_exactly_the_documents_that_reference_the_place(generated: &Generated) {
    for (id, facts) in &generated.manifest.places {
        let path = format!("places/{id}/index.html");
        let page = Html::parse_document(&generated.site.page(&path).html);
        let written = listed(&page, "written");
        let named = listed(&page, "named");
        assert_eq!(set(&written), facts.written_at, "{path}: Written here");
        let expected: BTreeSet<String> = facts.named.keys().cloned().collect();
        assert_eq!(set(&named), expected, "{path}: Named in");
        for (document, paragraphs) in &named {
            assert_eq!(
                paragraphs, &facts.named[document],
                "{path}: paragraphs of {document}"
            );
        }
        assert_edition_order(generated, &path, &ids(&written));
        assert_edition_order(generated, &path, &ids(&named));
    }
}

/// The people index counts each person's documents, and its A-Z bar leads to its letters.
fn the_people_index_counts_every_persons_documents(generated: &Generated) {
    let page = Html::parse_document(&generated.site.page("people/index.html").html);
    let entry = Selector::parse(".registry-list > li").expect("a valid selector");
    let link = Selector::parse("a").expect("a valid selector");
    let count = Selector::parse(".count").expect("a valid selector");
    let mut seen = 0;
    for item in page.select(&entry) {
        let href = item
            .select(&link)
            .next()
            .and_then(|a| a.value().attr("href"))
            .expect("a link");
        let id = href
            .trim_start_matches("../people/")
            .trim_end_matches("/index.html");
        let facts = &generated.manifest.people[id];
        let shown: usize = item
            .select(&count)
            .next()
            .map(|c| c.text().collect::<String>())
            .and_then(|text| text.split_whitespace().next()?.parse().ok())
            .expect("a count");
        assert_eq!(shown, facts.documents().len(), "people/index.html: {id}");
        seen += 1;
    }
    assert_eq!(
        seen,
        generated.manifest.people.len(),
        "every person is in the index"
    );
    let letters = Selector::parse("nav.az a").expect("a valid selector");
    let ids: BTreeSet<String> = page
        .select(&Selector::parse("[id]").expect("a valid selector"))
        .filter_map(|e| e.value().id().map(str::to_owned))
        .collect();
    for letter in page.select(&letters) {
        let target = letter
            .value()
            .attr("href")
            .expect("a link")
            .trim_start_matches('#');
        assert!(ids.contains(target), "the A-Z bar's #{target} exists");
    }
}

/// Each subject page lists exactly its documents, in edition order.
fn every_subject_page_lists_exactly_its_documents_in_order(generated: &Generated) {
    let item = Selector::parse("li.doc-item a.doc-title").expect("a valid selector");
    for (tag, documents) in &generated.manifest.tags {
        let path = format!("tags/{tag}/index.html");
        let page = Html::parse_document(&generated.site.page(&path).html);
        let listed: Vec<String> = page
            .select(&item)
            .map(|a| document_id(a.value().attr("href").expect("a link")))
            .collect();
        let found: BTreeSet<String> = listed.iter().cloned().collect();
        assert_eq!(&found, documents, "{path}");
        assert_edition_order(generated, &path, &listed);
    }
}

/// The timeline holds every document once, under the year of its earliest day and, when the
/// date names a month, under that month (documents dated to a year alone come first in their
/// year); sections are in time order and documents in edition order within each; the density
/// chart's bars link to sections of the page.
fn the_timeline_holds_every_document_once_under_its_year_and_month(generated: &Generated) {
    let page = Html::parse_document(&generated.site.page("timeline/index.html").html);
    let months = Selector::parse("section.month").expect("a valid selector");
    let item = Selector::parse("li.doc-item a.doc-title").expect("a valid selector");
    let mut seen = BTreeSet::new();
    let mut previous_section = None;
    for month in page.select(&months) {
        let id = month
            .select(&Selector::parse("h3").expect("a valid selector"))
            .next()
            .and_then(|h| h.value().id())
            .expect("each month has its anchor");
        // `y1920-07`, or `y1920-00` for "month not known".
        let (year, number) = id[1..].rsplit_once('-').expect("yYEAR-MM");
        let section: (i64, u8) = (
            year.parse().expect("a year"),
            number.parse().expect("a month"),
        );
        assert!(
            previous_section.is_none_or(|previous| previous < section),
            "timeline section {id} is out of order"
        );
        previous_section = Some(section);
        let listed: Vec<String> = month
            .select(&item)
            .map(|a| document_id(a.value().attr("href").expect("a link")))
            .collect();
        for document in &listed {
            let (year, month, _) = first_day(&generated.manifest.documents[document].date);
            assert_eq!(
                year, section.0,
                "{document} is under the year of its earliest day"
            );
            let expected_month = month.unwrap_or(0);
            assert_eq!(expected_month, section.1, "{document} is under {id}");
            assert!(seen.insert(document.clone()), "{document} is listed once");
        }
        assert_edition_order(generated, id, &listed);
    }
    assert_eq!(
        seen.len(),
        generated.manifest.documents.len(),
        "every document is on the timeline"
    );
    let ids: BTreeSet<String> = page
        .select(&Selector::parse("[id]").expect("a valid selector"))
        .filter_map(|e| e.value().id().map(str::to_owned))
        .collect();
    let bars = Selector::parse("svg.density-chart a").expect("a valid selector");
    let mut bar_count = 0;
    for bar in page.select(&bars) {
        let target = bar
            .value()
            .attr("href")
            .expect("a link")
            .trim_start_matches('#');
        assert!(
            ids.contains(target),
            "the chart's bar for #{target} leads to its section"
        );
        bar_count += 1;
    }
    assert!(bar_count > 0, "the timeline draws its density chart");
}

/// The documents index lists every document in edition order.
fn the_documents_index_lists_every_document_in_order(generated: &Generated) {
    let page = Html::parse_document(&generated.site.page("documents/index.html").html);
    let item = Selector::parse("li.doc-item a.doc-title").expect("a valid selector");
    let listed: Vec<String> = page
        .select(&item)
        .map(|a| document_id(a.value().attr("href").expect("a link")))
        .collect();
    let all: BTreeSet<String> = generated.manifest.documents.keys().cloned().collect();
    assert_eq!(listed.iter().cloned().collect::<BTreeSet<_>>(), all);
    assert_edition_order(generated, "documents/index.html", &listed);
}

/// The first day a generated date can mean, as (year, month, day), with the parts the date
/// does not give left out. The generator writes `YYYY`, `YYYY-MM` and `YYYY-MM-DD`, each maybe
/// marked `?` or `~`, and spans `DAY/DAY`. Read here rather than with annals' own date code,
/// so that the order and placement annals gives are checked against something independent.
fn first_day(edtf: &str) -> (i64, Option<u8>, Option<u8>) {
    let start = edtf.split('/').next().unwrap_or(edtf);
    let mut parts = start.trim_end_matches(['?', '~']).split('-');
    let year = parts
        .next()
        .and_then(|year| year.parse().ok())
        .unwrap_or_else(|| panic!("a generated year in {edtf:?}"));
    let mut next = || {
        parts
            .next()
            .map(|part| part.parse().expect("a generated month or day"))
    };
    let month = next();
    (year, month, next())
}
