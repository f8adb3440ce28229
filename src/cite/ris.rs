//! `cite.ris`: one RIS record, as EndNote, Zotero and RIS readers take it.
//!
//! Every line is a tag, two spaces, a hyphen, a space and a value, ending in CRLF as the RIS
//! specification says; `TY` comes first and `ER` last. Tags follow Zotero's reading: `PCOMM`
//! (personal communication) for correspondence with its recipients as `A2`, `MANSCPT`
//! (manuscript) for other documents, `A4` translator, `T2` the edition, `DB` the archive,
//! `AN` the reference within it.

use super::Citable;
use super::csl::{Kind, Name, csl_json};

/// The document as a RIS record.
pub fn ris(citable: &Citable<'_>) -> String {
    let item = csl_json(citable);
    let mut record = Record(String::new());
    record.line(
        "TY",
        match item.kind {
            Kind::PersonalCommunication => "PCOMM",
            Kind::Manuscript => "MANSCPT",
        },
    );
    record.line("TI", item.title);
    record.names("AU", &item.author);
    record.names("A2", &item.recipient);
    record.names("A4", &item.translator);
    let year = item.issued.year();
    if (1..=9999).contains(&year) {
        // `YYYY/MM/DD/other`: the parts known, then the date in words where the parts alone
        // would mislead (a span, an approximate date) or say too little (a season).
        let part = |index: usize| {
            item.issued
                .start
                .get(index)
                .map_or(String::new(), |n| format!("{n:02}"))
        };
        let other =
            if citable.date.is_interval() || item.issued.circa || item.issued.season.is_some() {
                citable.date.in_words()
            } else {
                String::new()
            };
        record.line("DA", &format!("{year:04}/{}/{}/{other}", part(1), part(2)));
        record.line("PY", &format!("{year:04}"));
    }
    if let Some(genre) = item.genre {
        record.line("M3", genre);
    }
    record.line("T2", item.container_title);
    if let Some(archive) = item.archive {
        record.line("DB", archive);
    }
    if let Some(location) = item.archive_location {
        record.line("AN", location);
    }
    record.line("LA", item.language);
    if let Some(note) = &item.note {
        record.line("N1", note);
    }
    if let Some(url) = item.url {
        record.line("UR", url);
    }
    record.0.push_str("ER  - \r\n");
    record.0
}

struct Record(String);

impl Record {
    /// One tagged line; a value is one line, so line breaks in it become spaces.
    fn line(&mut self, tag: &str, value: &str) {
        let value = value.replace(['\r', '\n', '\t'], " ");
        let value = value.trim();
        if value.is_empty() {
            return;
        }
        self.0.push_str(tag);
        self.0.push_str("  - ");
        self.0.push_str(value);
        self.0.push_str("\r\n");
    }

    /// One line per name, "Family, Given" as RIS has it.
    fn names(&mut self, tag: &str, names: &[Name<'_>]) {
        for name in names {
            self.line(tag, &name.inverted());
        }
    }
}
