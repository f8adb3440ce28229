//! Full-text search: `search/index.html`, and the index it reads, which holds every word of
//! every published document, folded, and the names of the people and places it is bound to.

use std::collections::{BTreeMap, BTreeSet};

use crate::harness::{BOOK, EditionTest, Site, doc};

/// The index as the search page reads it: each term and the titles of its documents.
fn index(site: &Site) -> BTreeMap<String, BTreeSet<String>> {
    let script = |path: &str, call: &str| -> serde_json::Value {
        let text = site.page(path).html;
        let json = text
            .strip_prefix(call)
            .and_then(|rest| rest.split_once(','))
            .and_then(|(_, rest)| rest.strip_suffix(");\n"))
            .unwrap_or_else(|| panic!("{path} is a call of {call}: {text}"));
        serde_json::from_str(json).expect("the script's data is JSON")
    };
    let files = site.files();
    let mut titles = Vec::new();
    for number in 0.. {
        let path = format!("search/documents/{number}.js");
        if !files.contains(&path) {
            break;
        }
        for entry in script(&path, "annalsSearch.documents(")
            .as_array()
            .expect("a list")
        {
            let page = entry[0].as_str().expect("a path");
            assert!(site.has(page), "{page} is a page of the site");
            titles.push(entry[1].as_str().expect("a title").to_owned());
        }
    }
    let mut terms = BTreeMap::new();
    for path in files.iter().filter(|f| f.starts_with("search/index/")) {
        let shard = script(path, "annalsSearch.shard(");
        for (term, postings) in shard.as_object().expect("terms") {
            let mut position = 0;
            let documents = postings.as_str().expect("postings").split(',').map(|step| {
                position += usize::from_str_radix(step, 36).expect("base 36");
                titles[position].clone()
            });
            let old = terms.insert(term.clone(), documents.collect());
            assert!(old.is_none(), "{term} is in one shard only");
        }
    }
    terms
}

fn titles(index: &BTreeMap<String, BTreeSet<String>>, term: &str) -> Vec<String> {
    index
        .get(term)
        .map(|titles| titles.iter().cloned().collect())
        .unwrap_or_default()
}

/// Every word of a document's title, text and notes is found, without accents and in lower
/// case; so are the names of the people its links name, as the registry writes them. A draft
/// is not indexed.
#[test]
fn every_word_of_every_published_document_is_indexed() {
    let test = EditionTest::inline(&[
        ("book.toml", BOOK),
        ("documents/people.yaml", "beria:\n  name: Lavrentiy Beria\n"),
        (
            "documents/a.md",
            &doc(
                "title: A telegram\ndate: 1945-10-21",
                "[Cde. Bériya](person:beria) arrived.[^1]\n\n[^1]: The editors: from Tiflis.\n",
            ),
        ),
        (
            "documents/b.md",
            &doc(
                "title: A letter\ndate: 1920-07-12",
                "ΟΔΟΣ and Шаумян, **in bold**.\n",
            ),
        ),
        (
            "documents/c.md",
            &doc("title: A draft\ndate: 1920\ndraft: true", "A secretword.\n"),
        ),
        (
            "documents/d.md",
            &doc(
                "title: Minutes\ndate: 1921-03\ntype: protocol\ntags: [Agrarian reform]\n\
                 source:\n  archive: GARF\n  reference: f. 130, op. 4",
                "An un*believ*able Straße.<br>Moscow\n\n<div>Narkomindel headquarters</div>\n",
            ),
        ),
    ]);
    let site = test.build_ok();
    let index = index(&site);
    for term in [
        "beriya",
        "beria",
        "lavrentiy",
        "tiflis",
        "editors",
        "telegram",
        "cde",
    ] {
        assert_eq!(titles(&index, term), ["A telegram"], "{term}");
    }
    for term in ["οδοσ", "шаумян", "bold", "letter"] {
        assert_eq!(titles(&index, term), ["A letter"], "{term}");
    }
    // The date in words, the type, the subjects and the archival source; words joined by
    // inline markup, separated by a line break, and in raw HTML.
    for term in [
        "march",
        "1921",
        "protocol",
        "agrarian",
        "garf",
        "130",
        "unbelievable",
        "strasse",
        "moscow",
        "narkomindel",
    ] {
        assert_eq!(titles(&index, term), ["Minutes"], "{term}");
    }
    assert_eq!(titles(&index, "a"), ["A letter", "A telegram"]);
    for absent in [
        "Bériya",
        "bériya",
        "secretword",
        "draft",
        "person",
        "unbeliev",
        "br",
    ] {
        assert!(!index.contains_key(absent), "{absent} is not a term");
    }
    site.page("index.html")
        .assert_has("<a href=\"search/index.html\">Search</a>");
    site.page("search/index.html")
        .assert_has("data-shards=\"1\"")
        .assert_has("class=\"search-without-script\"");
}

/// With `search = false`, no search page, no index, no script and no link to them.
#[test]
fn search_can_be_left_out() {
    let test = EditionTest::inline(&[
        ("book.toml", &format!("{BOOK}\n[build]\nsearch = false\n")),
        ("documents/a.md", &doc("title: A\ndate: 1920", "Text.\n")),
    ]);
    let site = test.build_ok();
    let files = site.files();
    assert!(files.iter().all(|file| !file.starts_with("search/")));
    assert!(!files.contains("static/search.js"));
    assert!(files.contains("static/style.css"));
    site.page("index.html").assert_lacks("search/index.html");
}
