//! `annals new`: writes a small starter edition that builds at once and shows every kind of
//! file an editor writes (settings, a collection, a document with notes, registries).

use std::fs;
use std::io;
use std::path::Path;

/// The starter edition: paths and contents.
const FILES: &[(&str, &str)] = &[
    (
        "book.toml",
        r#"[edition]
title = "A New Edition"
subtitle = "A digital documentary edition"
description = "Replace this with one paragraph about the edition."
editors = ["Your Name"]
language = "en"
# base_url = "https://example.org/edition/"   # where the site will be published

[build]
output = "site"

[annotators]
ed = "The editors"
"#,
    ),
    (
        "documents/_index.md",
        "---\ntitle: About this edition\n---\nThis introduction appears on the home page. Write it in Markdown.\n",
    ),
    (
        "documents/people.yaml",
        "# Persons and organisations: id, then at least a name.\nsmith:\n  name: John Smith\n  sort: Smith, John\n  description: Consul, the author of the sample letter.\n",
    ),
    (
        "documents/places.yaml",
        "# Places: id, then at least a name.\ntiflis:\n  name: Tiflis\n  variants: [Tbilisi]\n  country: Georgia\n  coordinates: [41.7151, 44.8271]\n",
    ),
    (
        "documents/letters/_index.md",
        "---\ntitle: Letters\norder: 1\n---\nA folder is a collection. This text introduces it.\n",
    ),
    (
        "documents/letters/1920-07-12-sample-letter.md",
        r#"---
title: Letter from the Consul in Tiflis
date: 1920-07-12
place: tiflis
type: letter
authors: [smith]
summary: A sample document; replace it with your own.
source:
  archive: Name of the archive
  reference: "f. 1, op. 1, d. 1"
---
The text of the document, one paragraph per block.[^1] Name people with links such as
[the Consul](person:smith) and places such as [Tiflis](place:tiflis).

[^1]: An editors' note. Notes of other annotators use their prefix, as in `[^yb:1]`.
"#,
    ),
];

/// Creates a starter edition in `path`, which must not exist or be empty.
pub fn edition(path: &Path) -> io::Result<()> {
    if path.exists() && fs::read_dir(path)?.next().is_some() {
        return Err(io::Error::new(
            io::ErrorKind::AlreadyExists,
            format!(
                "{} already exists and is not empty; choose a new folder",
                path.display()
            ),
        ));
    }
    for (name, contents) in FILES {
        let target = path.join(name);
        if let Some(folder) = target.parent() {
            fs::create_dir_all(folder)?;
        }
        fs::write(&target, contents)?;
    }
    Ok(())
}
