//! What a reader, a reference manager and a BibTeX or RIS reader see of a citation.

use super::csl::Name;
use super::*;
use crate::model::date::Date;

/// The documents' metadata a [`Citable`] borrows.
struct Fixture {
    date: Date,
    editors: Vec<String>,
    title: &'static str,
    authors: Vec<Agent<'static>>,
    recipients: Vec<Agent<'static>>,
    doc_type: Option<&'static str>,
}

const KIROV: Agent<'static> = Agent {
    name: "Sergei Kirov",
    sort: Some("Kirov, Sergei Mironovich"),
    organization: false,
};
const CHICHERIN: Agent<'static> = Agent {
    name: "Georgy Chicherin",
    sort: Some("Chicherin, Georgy Vasilyevich"),
    organization: false,
};
const LENIN: Agent<'static> = Agent {
    name: "Vladimir Lenin",
    sort: Some("Lenin, Vladimir Ilyich"),
    organization: false,
};

impl Fixture {
    /// Kirov's telegram of 12 July 1920 to Chicherin and Lenin.
    fn telegram() -> Fixture {
        Fixture {
            date: date("1920-07-12"),
            editors: vec!["Anna Ivanova".to_owned(), "Thomas Brown".to_owned()],
            title: "Telegram from S. Kirov to G. Chicherin and V. Lenin on the Possibility of a Conference",
            authors: vec![KIROV],
            recipients: vec![CHICHERIN, LENIN],
            doc_type: Some("telegram"),
        }
    }

    /// The same text as a memorandum with no recipients.
    fn memorandum() -> Fixture {
        Fixture {
            recipients: Vec::new(),
            doc_type: Some("memorandum"),
            ..Fixture::telegram()
        }
    }

    fn citable(&self) -> Citable<'_> {
        Citable {
            id: "1920-07-12-kirov-to-chicherin",
            title: self.title,
            date: &self.date,
            authors: self.authors.clone(),
            recipients: self.recipients.clone(),
            doc_type: self.doc_type,
            archive: Some("RGASPI"),
            archive_location: Some("f. 80, op. 4, d. 54, l. 1"),
            translator: Some("Gary Goldberg"),
            translated_from: Some("Russian"),
            language: "en",
            edition_title: "Documents on the South Caucasus, 1920-1945",
            edition_editors: &self.editors,
            url: Some("https://example.org/caucasus/documents/1920-07-12-kirov-to-chicherin/"),
        }
    }
}

fn date(edtf: &str) -> Date {
    Date::parse(edtf).expect("the test's dates are EDTF")
}

fn entry(citable: &Citable<'_>, style: Style) -> FormattedCitation {
    Citer::new()
        .format(citable)
        .into_iter()
        .find(|citation| citation.style == style)
        .expect("every style is formatted")
}

/// The entry as a reader sees it: the HTML's text, its tags gone and its escapes read.
fn text(citable: &Citable<'_>, style: Style) -> String {
    plain(&entry(citable, style).html)
}

/// Every style's entry as a reader sees it, in [`Style::ALL`] order.
fn texts(citable: &Citable<'_>) -> Vec<String> {
    Citer::new()
        .format(citable)
        .iter()
        .map(|citation| plain(&citation.html))
        .collect()
}

fn plain(html: &str) -> String {
    scraper::Html::parse_fragment(html)
        .root_element()
        .text()
        .collect()
}

fn json(citable: &Citable<'_>) -> serde_json::Value {
    serde_json::to_value(csl_json(citable)).expect("CSL-JSON serialises")
}

// Formatted entries.

/// The Chicago entry names author, title, recipients, edition, editors, translator, date,
/// archival reference, archive and permalink, in Chicago's order.
#[test]
fn chicago_entry_cites_the_archival_telegram() {
    let fixture = Fixture::telegram();
    assert_eq!(
        text(&fixture.citable(), Style::Chicago),
        "Kirov, Sergei. “Telegram from S. Kirov to G. Chicherin and V. Lenin on the Possibility \
         of a Conference.” Telegram to Georgy Chicherin and Vladimir Lenin. In Documents on the \
         South Caucasus, 1920-1945, edited by Anna Ivanova and Thomas Brown, translated by Gary \
         Goldberg. July 12, 1920. F. 80, op. 4, d. 54, l. 1. RGASPI. \
         https://example.org/caucasus/documents/1920-07-12-kirov-to-chicherin/."
    );
}

/// The MLA entry has the same facts in MLA's order, with the day before the month.
#[test]
fn mla_entry_cites_the_archival_telegram() {
    let fixture = Fixture::telegram();
    assert_eq!(
        text(&fixture.citable(), Style::Mla),
        "Kirov, Sergei. “Telegram from S. Kirov to G. Chicherin and V. Lenin on the Possibility \
         of a Conference.” Telegram to Georgy Chicherin and Vladimir Lenin. Documents on the \
         South Caucasus, 1920-1945, edited by Anna Ivanova and Thomas Brown, translated by Gary \
         Goldberg, 12 July 1920, RGASPI, f. 80, op. 4, d. 54, l. 1, \
         https://example.org/caucasus/documents/1920-07-12-kirov-to-chicherin/."
    );
}

/// The APA entry gives initials, the date after the author, and the archive with its reference.
#[test]
fn apa_entry_cites_the_archival_telegram() {
    let fixture = Fixture::telegram();
    assert_eq!(
        text(&fixture.citable(), Style::Apa),
        "Kirov, S. (1920, July 12). Telegram from S. Kirov to G. Chicherin and V. Lenin on the \
         Possibility of a Conference (G. Goldberg, Trans.) [Telegram to Georgy Chicherin & \
         Vladimir Lenin]. In A. Ivanova & T. Brown (Eds.), Documents on the South Caucasus, \
         1920-1945. RGASPI (f. 80, op. 4, d. 54, l. 1). \
         https://example.org/caucasus/documents/1920-07-12-kirov-to-chicherin/"
    );
}

/// For the items an edition cites, our styles give what the official Chicago, MLA and APA
/// styles give (MLA's official style leaves recipients out, so it is compared on a memorandum).
#[test]
fn entries_match_the_official_styles() {
    use hayagriva::archive::{ArchivedStyle, locales};
    use hayagriva::citationberg::Style as CslStyle;
    use hayagriva::{
        BufWriteFormat, CitationItem, CitationRequest, CitePurpose, standalone_citation,
    };

    let locales = locales();
    let official = |style: ArchivedStyle, citable: &Citable<'_>| {
        let CslStyle::Independent(mut csl) = style.get() else {
            panic!("the archive's styles are independent");
        };
        // A "full" citation is the bibliography entry inside the citation's own affixes.
        csl.citation.layout.prefix = None;
        csl.citation.layout.suffix = None;
        let item = csl_json(citable).processor_item();
        let cite = CitationItem::new(&item, None, None, false, Some(CitePurpose::Full));
        let rendered =
            standalone_citation(CitationRequest::new(vec![cite], &csl, None, &locales, None));
        let mut text = String::new();
        rendered
            .write_buf(&mut text, BufWriteFormat::Plain)
            .expect("writing to a String");
        text
    };
    let same = |ours: &str, theirs: &str| {
        assert_eq!(ours.trim_end_matches('.'), theirs.trim_end_matches('.'));
    };
    let telegram = Fixture::telegram();
    let memorandum = Fixture::memorandum();
    same(
        &text(&telegram.citable(), Style::Chicago),
        &official(ArchivedStyle::ChicagoNotes, &telegram.citable()),
    );
    same(
        &text(&telegram.citable(), Style::Apa),
        &official(
            ArchivedStyle::AmericanPsychologicalAssociation,
            &telegram.citable(),
        ),
    );
    same(
        &text(&memorandum.citable(), Style::Mla),
        &official(
            ArchivedStyle::ModernLanguageAssociation,
            &memorandum.citable(),
        ),
    );
}

/// The HTML entry escapes what the editors wrote, italicises the edition and links the
/// permalink.
#[test]
fn html_entry_is_escaped_and_italicises_the_edition() {
    let fixture = Fixture {
        title: "Report on <script>alert(1)</script> & Other Matters",
        ..Fixture::telegram()
    };
    let html = entry(&fixture.citable(), Style::Chicago).html;
    assert!(html.contains("Report on &lt;script&gt;alert(1)&lt;/script&gt; &amp; Other Matters"));
    assert!(!html.contains("<script>"));
    assert!(html.contains("In <i>Documents on the South Caucasus, 1920-1945</i>, edited by"));
    assert!(html.ends_with(
        "<a href=\"https://example.org/caucasus/documents/1920-07-12-kirov-to-chicherin/\">\
         https://example.org/caucasus/documents/1920-07-12-kirov-to-chicherin/</a>."
    ));
}

/// A title ending in a question mark is not followed by a period as well.
#[test]
fn question_mark_ending_a_title_is_not_doubled() {
    let fixture = Fixture {
        title: "Who Is to Blame?",
        doc_type: None,
        recipients: Vec::new(),
        ..Fixture::telegram()
    };
    let citations = texts(&fixture.citable());
    assert!(citations[0].contains("“Who Is to Blame?” In Documents"));
    assert!(citations[1].contains("“Who Is to Blame?” Documents"));
    assert!(citations.iter().all(|citation| !citation.contains("?.")));
}

/// A title ending in a quotation keeps its closing mark: within the quotation marks of Chicago
/// and MLA its own marks become single; APA, which does not quote titles, keeps them double.
#[test]
fn quotation_ending_a_title_keeps_its_closing_mark() {
    let fixture = Fixture {
        title: "On the “Eastern Question”",
        ..Fixture::memorandum()
    };
    let citations = texts(&fixture.citable());
    assert!(
        citations[0].contains("Kirov, Sergei. “On the ‘Eastern Question’.” Memorandum."),
        "{}",
        citations[0]
    );
    assert!(
        citations[1].contains("Kirov, Sergei. “On the ‘Eastern Question’.” Memorandum."),
        "{}",
        citations[1]
    );
    assert!(
        citations[2].contains("On the “Eastern Question” (G. Goldberg, Trans.) [Memorandum]"),
        "{}",
        citations[2]
    );
}

/// A name with a particle and no given name is cited whole in every style.
#[test]
fn family_name_alone_keeps_its_particle() {
    let fixture = Fixture {
        authors: vec![Agent {
            name: "van der Berg",
            sort: Some("van der Berg,"),
            organization: false,
        }],
        ..Fixture::memorandum()
    };
    for citation in texts(&fixture.citable()) {
        assert!(citation.starts_with("van der Berg. "), "{citation}");
    }
}

/// A span of days is cited by what both days share, and CSL-JSON keeps both ends.
#[test]
fn span_is_cited_by_the_month_both_days_share() {
    let fixture = Fixture {
        date: date("1920-07-12/1920-07-13"),
        ..Fixture::telegram()
    };
    let citable = fixture.citable();
    assert!(text(&citable, Style::Chicago).contains(". July 1920. F. 80"));
    assert_eq!(
        json(&citable)["issued"],
        serde_json::json!({"date-parts": [[1920, 7, 12], [1920, 7, 13]]})
    );
}

/// An approximate year is marked in each style's way, and APA writes "(ca. 1920)", not
/// "(ca. 1920,)" as the official style does in hayagriva (typst/hayagriva#246).
#[test]
fn approximate_year_is_marked() {
    let fixture = Fixture {
        date: date("1920~"),
        ..Fixture::telegram()
    };
    let citations = texts(&fixture.citable());
    assert!(citations[0].contains(" [1920?]. "));
    assert!(citations[1].contains(", circa 1920, "));
    assert!(citations[2].starts_with("Kirov, S. (ca. 1920). "));
}

/// A document with no author begins with its title, and an organisation is named whole.
#[test]
fn anonymous_and_corporate_authors() {
    let anonymous = Fixture {
        authors: Vec::new(),
        ..Fixture::telegram()
    };
    assert!(text(&anonymous.citable(), Style::Chicago).starts_with("“Telegram from S. Kirov"));
    let bureau = Fixture {
        authors: vec![Agent {
            name: "Caucasus Bureau of the CC RCP(b)",
            sort: None,
            organization: true,
        }],
        ..Fixture::telegram()
    };
    assert!(
        text(&bureau.citable(), Style::Apa)
            .starts_with("Caucasus Bureau of the CC RCP(b). (1920, July 12). ")
    );
}

/// One `Citer` serves every render thread.
#[test]
fn citer_is_shared_across_threads() {
    fn shared<T: Send + Sync>() {}
    shared::<Citer>();
}

// BibTeX.

/// Whether the braces of a BibTeX entry balance as BibTeX counts them: every brace, escaped or
/// not, and never more closing than opening ones so far.
fn balanced(bib: &str) -> bool {
    let mut depth = 0i32;
    for c in bib.chars() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            _ => {}
        }
        if depth < 0 {
            return false;
        }
    }
    depth == 0
}

/// LaTeX's special characters in a title are escaped, braces balance, and a BibTeX parser
/// reads the title back as written.
#[test]
fn bibtex_escapes_special_characters() {
    let title = "R&D at 100% #1 {draft} costs $5 ~ ^ \\ under_score";
    let fixture = Fixture {
        title,
        ..Fixture::telegram()
    };
    let bib = bibtex(&fixture.citable());
    assert!(bib.contains(
        "title = {{R\\&D at 100\\% \\#1 \\textbraceleft{}draft\\textbraceright{} costs \\$5 \
         \\textasciitilde{} \\textasciicircum{} \\textbackslash{} under\\_score}}"
    ));
    assert!(balanced(&bib));
    let parsed = biblatex::Bibliography::parse(&bib).expect("the entry parses");
    let entry = parsed
        .get("1920-07-12-kirov-to-chicherin")
        .expect("keyed by the document id");
    use biblatex::ChunksExt;
    assert_eq!(
        entry
            .title()
            .expect("has a title")
            .format_verbatim()
            .replace(['{', '}'], ""),
        "R&D at 100% #1 draft costs $5 ~ ^ \\ under_score"
    );
}

/// The whole entry for the telegram: a `@misc` keyed by the document id, with the archive, the
/// translator, the edition and the permalink.
#[test]
fn bibtex_entry_for_the_telegram() {
    let fixture = Fixture::telegram();
    let bib = bibtex(&fixture.citable());
    assert_eq!(
        bib,
        "@misc{1920-07-12-kirov-to-chicherin,\n  \
         author = {Kirov, Sergei},\n  \
         title = {{Telegram from S. Kirov to G. Chicherin and V. Lenin on the Possibility of a \
         Conference}},\n  \
         type = {Telegram to Georgy Chicherin and Vladimir Lenin},\n  \
         date = {1920-07-12},\n  \
         year = {1920},\n  \
         howpublished = {Documents on the South Caucasus, 1920-1945},\n  \
         editor = {Ivanova, Anna and Brown, Thomas},\n  \
         translator = {Goldberg, Gary},\n  \
         note = {RGASPI, f. 80, op. 4, d. 54, l. 1. Translated from Russian.},\n  \
         url = {https://example.org/caucasus/documents/1920-07-12-kirov-to-chicherin/}\n\
         }\n"
    );
    let parsed = biblatex::Bibliography::parse(&bib).expect("the entry parses");
    let entry = parsed
        .get("1920-07-12-kirov-to-chicherin")
        .expect("keyed by the document id");
    let authors = entry.author().expect("has an author");
    assert_eq!(
        (authors[0].name.as_str(), authors[0].given_name.as_str()),
        ("Kirov", "Sergei")
    );
}

/// An organisation's name is braced, so BibTeX never splits it at "and".
#[test]
fn bibtex_keeps_an_organisation_whole() {
    let fixture = Fixture {
        authors: vec![Agent {
            name: "Council of Workers and Peasants",
            sort: None,
            organization: true,
        }],
        ..Fixture::telegram()
    };
    assert!(bibtex(&fixture.citable()).contains("author = {{Council of Workers and Peasants}},"));
}

// RIS.

/// The record starts with `TY`, ends with `ER`, and every line is `XX  - value` ending in CRLF.
#[test]
fn ris_record_for_the_telegram() {
    let fixture = Fixture::telegram();
    let ris = ris(&fixture.citable());
    assert_eq!(
        ris,
        "TY  - PCOMM\r\n\
         TI  - Telegram from S. Kirov to G. Chicherin and V. Lenin on the Possibility of a \
         Conference\r\n\
         AU  - Kirov, Sergei\r\n\
         A2  - Chicherin, Georgy\r\n\
         A2  - Lenin, Vladimir\r\n\
         A4  - Goldberg, Gary\r\n\
         DA  - 1920/07/12/\r\n\
         PY  - 1920\r\n\
         M3  - telegram\r\n\
         T2  - Documents on the South Caucasus, 1920-1945\r\n\
         DB  - RGASPI\r\n\
         AN  - f. 80, op. 4, d. 54, l. 1\r\n\
         LA  - en\r\n\
         N1  - Translated from Russian.\r\n\
         UR  - https://example.org/caucasus/documents/1920-07-12-kirov-to-chicherin/\r\n\
         ER  - \r\n"
    );
}

/// A value never breaks its line, and a span keeps its words in the date's free part.
#[test]
fn ris_values_stay_on_one_line() {
    let fixture = Fixture {
        title: "A Title\r\nOver Two Lines",
        date: date("1920-07-12/1920-07-13"),
        recipients: Vec::new(),
        ..Fixture::telegram()
    };
    let ris = ris(&fixture.citable());
    assert!(ris.starts_with("TY  - MANSCPT\r\n"));
    assert!(ris.contains("TI  - A Title  Over Two Lines\r\n"));
    assert!(ris.contains("DA  - 1920/07/12/12-13 July 1920\r\n"));
    for line in ris.split_terminator("\r\n") {
        let (tag, _) = line
            .split_once("  - ")
            .expect("tag, two spaces, hyphen, space");
        assert!(tag.len() == 2 && !line.contains('\n'), "{line:?}");
    }
}

// CSL-JSON.

/// The item has the `id` and `type` CSL requires, names split as CSL wants them, and its
/// date as date-parts.
#[test]
fn csl_json_for_the_telegram() {
    let fixture = Fixture::telegram();
    assert_eq!(
        json(&fixture.citable()),
        serde_json::json!({
            "id": "1920-07-12-kirov-to-chicherin",
            "type": "personal_communication",
            "title": "Telegram from S. Kirov to G. Chicherin and V. Lenin on the Possibility of a Conference",
            "author": [{"family": "Kirov", "given": "Sergei"}],
            "recipient": [
                {"family": "Chicherin", "given": "Georgy"},
                {"family": "Lenin", "given": "Vladimir"}
            ],
            "issued": {"date-parts": [[1920, 7, 12]]},
            "genre": "telegram",
            "container-title": "Documents on the South Caucasus, 1920-1945",
            "editor": [
                {"family": "Ivanova", "given": "Anna"},
                {"family": "Brown", "given": "Thomas"}
            ],
            "translator": [{"family": "Goldberg", "given": "Gary"}],
            "archive": "RGASPI",
            "archive_location": "f. 80, op. 4, d. 54, l. 1",
            "language": "en",
            "note": "Translated from Russian.",
            "URL": "https://example.org/caucasus/documents/1920-07-12-kirov-to-chicherin/"
        })
    );
}

/// Every key, type, name and date keeps to the CSL 1.0.2 data schema (`csl-data.json` of
/// citation-style-language/schema): its item properties, its types, its name and date objects.
#[test]
fn csl_json_keeps_to_the_csl_data_schema() {
    const NAME_KEYS: [&str; 3] = ["family", "given", "literal"];
    const TYPES: [&str; 45] = [
        "article",
        "article-journal",
        "article-magazine",
        "article-newspaper",
        "bill",
        "book",
        "broadcast",
        "chapter",
        "classic",
        "collection",
        "dataset",
        "document",
        "entry",
        "entry-dictionary",
        "entry-encyclopedia",
        "event",
        "figure",
        "graphic",
        "hearing",
        "interview",
        "legal_case",
        "legislation",
        "manuscript",
        "map",
        "motion_picture",
        "musical_score",
        "pamphlet",
        "paper-conference",
        "patent",
        "performance",
        "periodical",
        "personal_communication",
        "post",
        "post-weblog",
        "regulation",
        "report",
        "review",
        "review-book",
        "software",
        "song",
        "speech",
        "standard",
        "thesis",
        "treaty",
        "webpage",
    ];
    let names = ["author", "recipient", "editor", "translator"];
    let texts = [
        "id",
        "title",
        "genre",
        "container-title",
        "archive",
        "archive_location",
        "language",
        "note",
        "URL",
    ];
    let telegram = Fixture::telegram();
    let anonymous_span = Fixture {
        authors: Vec::new(),
        recipients: Vec::new(),
        doc_type: None,
        date: date("1920-06-30/1920-07~"),
        ..Fixture::telegram()
    };
    for citable in [telegram.citable(), anonymous_span.citable()] {
        let item = json(&citable);
        let item = item.as_object().expect("an item is an object");
        assert!(item.contains_key("id") && item.contains_key("type"));
        assert!(TYPES.contains(&item["type"].as_str().expect("type is a string")));
        for (key, value) in item {
            if names.contains(&key.as_str()) {
                for name in value.as_array().expect("names are an array") {
                    let name = name.as_object().expect("a name is an object");
                    assert!(
                        name.keys().all(|k| NAME_KEYS.contains(&k.as_str())),
                        "{name:?}"
                    );
                    assert!(name.values().all(serde_json::Value::is_string));
                }
            } else if key == "issued" {
                let issued = value.as_object().expect("a date is an object");
                assert!(
                    issued
                        .keys()
                        .all(|k| ["date-parts", "season", "circa"].contains(&k.as_str()))
                );
                let parts = issued["date-parts"]
                    .as_array()
                    .expect("date-parts is an array");
                assert!((1..=2).contains(&parts.len()));
                for part in parts {
                    let part = part.as_array().expect("each date is an array");
                    assert!((1..=3).contains(&part.len()) && part.iter().all(|n| n.is_i64()));
                }
            } else {
                assert!(key == "type" || texts.contains(&key.as_str()), "{key}");
                assert!(value.is_string(), "{key}");
            }
        }
    }
}

/// Dates become CSL dates at the precision given; open ends, unknown starts and unspecified
/// digits included. Years before the common era count as citeproc-js reads them (-44 is
/// 44 BC), not as EDTF writes them (-0043).
#[test]
fn dates_become_csl_dates() {
    let issued = |edtf: &str| {
        let fixture = Fixture {
            date: date(edtf),
            ..Fixture::telegram()
        };
        json(&fixture.citable())["issued"].clone()
    };
    assert_eq!(
        issued("1920-07"),
        serde_json::json!({"date-parts": [[1920, 7]]})
    );
    assert_eq!(
        issued("1920-07-12?"),
        serde_json::json!({"date-parts": [[1920, 7, 12]], "circa": true})
    );
    assert_eq!(
        issued("1920-07/.."),
        serde_json::json!({"date-parts": [[1920, 7]]})
    );
    assert_eq!(
        issued("../1920-07"),
        serde_json::json!({"date-parts": [[1920, 7]]})
    );
    assert_eq!(
        issued("194X"),
        serde_json::json!({"date-parts": [[1940]], "circa": true})
    );
    assert_eq!(
        issued("1920-07-XX"),
        serde_json::json!({"date-parts": [[1920, 7]]})
    );
    assert_eq!(
        issued("1920-21"),
        serde_json::json!({"date-parts": [[1920]], "season": 1})
    );
    assert_eq!(
        issued("-0043-03-15"),
        serde_json::json!({"date-parts": [[-44, 3, 15]]})
    );
    assert_eq!(
        issued("0000/0001"),
        serde_json::json!({"date-parts": [[-1], [1]]})
    );
}

/// A year before the common era reaches BibTeX styles in words, and the formatted citation
/// keeps the day.
#[test]
fn years_before_the_common_era() {
    let fixture = Fixture {
        date: date("-0043-03-15"),
        ..Fixture::telegram()
    };
    let citable = fixture.citable();
    assert!(bibtex(&citable).contains("year = {44 BCE},"));
    assert!(bibtex(&citable).contains("date = {-0043-03-15},"));
    assert!(text(&citable, Style::Chicago).contains(". March 15, 44 BC. F. 80"));
}

/// Names are split as the registry sorts them and shown as the page names them.
#[test]
fn names_follow_the_registry() {
    let person = |name, sort| {
        Name::of(&Agent {
            name,
            sort,
            organization: false,
        })
    };
    assert_eq!(
        person("Sergei Kirov", Some("Kirov, Sergei Mironovich")),
        Name::Person {
            family: "Kirov",
            given: Some("Sergei")
        }
    );
    assert_eq!(
        person("Lavrentiy Beria", Some("Beria, Lavrentiy Pavlovich")),
        Name::Person {
            family: "Beria",
            given: Some("Lavrentiy")
        }
    );
    assert_eq!(
        person("Beriya", Some("Beria, Lavrentiy")),
        Name::Person {
            family: "Beria",
            given: Some("Lavrentiy")
        }
    );
    assert_eq!(
        person("Gary Goldberg", None),
        Name::Person {
            family: "Goldberg",
            given: Some("Gary")
        }
    );
    assert_eq!(
        person("Babaev", Some("Babaev")),
        Name::Person {
            family: "Babaev",
            given: None
        }
    );
    assert_eq!(
        person("Kirov and Ordzhonikidze", None),
        Name::Literal("Kirov and Ordzhonikidze")
    );
}

/// BibTeX counts braces even after a backslash, so a lone brace in a title must not unbalance
/// the entry (the next entry of edition.bib would be lost).
#[test]
fn bibtex_keeps_braces_balanced_around_a_lone_brace() {
    for title in ["An unbalanced { brace", "A closing } alone", "}{"] {
        let fixture = Fixture {
            title,
            ..Fixture::telegram()
        };
        let bib = bibtex(&fixture.citable());
        let braces = bib.matches('{').count() as i64 - bib.matches('}').count() as i64;
        assert_eq!(braces, 0, "{bib}");
        assert!(balanced(&bib), "{bib}");
    }
}
