"""`documents/ID/cite.bib` and `data/edition.bib`, read by bibtexparser (v2)."""

import re

import bibtexparser
from bibtexparser import middlewares
from pylatexenc import latex2text

from helpers import (
    archive,
    archive_reference,
    first_year,
    names,
    translator,
)

# LaTeX to text, as a reader of the entry sees it. pylatexenc reads \textasciicircum as the
# modifier letter ˆ (U+02C6), where LaTeX prints the ASCII caret, and does not know the braces
# LaTeX prints for \textbraceleft and \textbraceright.
_context = latex2text.get_default_latex_context_db()
_context.add_context_category(
    "annals-tests",
    prepend=True,
    macros=[
        latex2text.MacroTextSpec("textasciicircum", "^"),
        latex2text.MacroTextSpec("textbraceleft", "{"),
        latex2text.MacroTextSpec("textbraceright", "}"),
    ],
)
_decoder = latex2text.LatexNodes2Text(latex_context=_context)

# Fields whose value is not LaTeX text: biblatex reads `url` verbatim and `date` as EDTF.
VERBATIM = {"url", "date", "year"}


def decode(latex: str) -> str:
    return _decoder.latex_to_text(latex)


def parse(text: str):
    """The library bibtexparser reads, names split as BibTeX splits them."""
    return bibtexparser.parse_string(
        text,
        append_middleware=[middlewares.SeparateCoAuthors(), middlewares.SplitNameParts()],
    )


def raw_fields(text: str) -> dict[str, dict[str, str]]:
    """Each entry's fields as written (enclosing braces removed, nothing decoded)."""
    library = bibtexparser.parse_string(text)
    return {entry.key: {f.key: f.value for f in entry.fields} for entry in library.entries}


def as_shown(name) -> str:
    """A parsed BibTeX name in reading order, decoded: "Ludwig van Beethoven"."""
    return " ".join(decode(part) for part in name.first + name.von + name.last + name.jr)


def one_entry(site, document):
    library = parse(site.text(site.document_file(document, "cite.bib")))
    assert library.failed_blocks == [], [b.error for b in library.failed_blocks]
    assert len(library.entries) == 1
    return library.entries[0]


def test_edition_bib_parses_with_one_entry_per_published_document(site):
    library = parse(site.text("data/edition.bib"))
    assert library.failed_blocks == [], [
        (block.start_line, block.error) for block in library.failed_blocks
    ]
    keys = [entry.key for entry in library.entries]
    assert len(keys) == len(set(keys)), "duplicate keys"
    assert sorted(keys) == sorted(site.by_id)
    # Nothing but entries and the blank lines between them.
    assert len(library.blocks) == len(library.entries), [
        type(block).__name__ for block in library.blocks if block not in library.entries
    ]


def test_cite_bib_is_one_misc_entry_keyed_by_the_document_id(site, document):
    entry = one_entry(site, document)
    assert entry.key == document["id"]
    assert entry.entry_type == "misc"


def test_cite_bib_round_trips_the_documents_metadata(site, document):
    entry = one_entry(site, document)
    fields = {field.key: field.value for field in entry.fields}

    assert decode(fields["title"]) == document["title"]
    if document["authors"]:
        assert [as_shown(name) for name in fields["author"]] == names(document["authors"])
    else:
        assert "author" not in fields
    # BibTeX styles print `year` as it is: a year before the common era in words.
    year = first_year(document)
    assert fields["year"] == (str(year) if year > 0 else f"{1 - year} BCE")
    # biblatex reads EDTF; `%` (uncertain and approximate) is written as `~` (approximate).
    assert fields["date"] == document["date"]["edtf"].replace("%", "~")
    assert decode(fields["howpublished"]) == site.edition["title"]
    if site.edition["editors"]:
        assert [as_shown(name) for name in fields["editor"]] == site.edition["editors"]
    if translator(document):
        assert [as_shown(name) for name in fields["translator"]] == [translator(document)]
    else:
        assert "translator" not in fields

    source = ", ".join(part for part in (archive(document), archive_reference(document)) if part)
    if source:
        assert source.rstrip(".") in decode(fields["note"])
    if document["url"]:
        assert fields["url"] == document["url"]
    else:
        assert "url" not in fields


def test_cite_bib_is_the_documents_entry_in_edition_bib(site, document):
    alone = raw_fields(site.text(site.document_file(document, "cite.bib")))
    edition = raw_fields(site.text("data/edition.bib"))
    assert alone[document["id"]] == edition[document["id"]]


def test_bibtex_braces_balance_as_bibtex_counts_them(site, document):
    """BibTeX (0.99d) counts every brace, escaped or not, to find where a value ends: a value
    whose braces do not balance that way runs on into the following fields and entries."""
    fields = raw_fields(site.text(site.document_file(document, "cite.bib")))[document["id"]]
    unbalanced = {}
    for key, value in fields.items():
        depth = 0
        for char in value:
            depth += {"{": 1, "}": -1}.get(char, 0)
            if depth < 0:
                break
        if depth != 0:
            unbalanced[key] = value
    assert unbalanced == {}


def test_latex_special_characters_are_escaped(site, document):
    fields = raw_fields(site.text(site.document_file(document, "cite.bib")))[document["id"]]
    unescaped = {
        key: value
        for key, value in fields.items()
        if key not in VERBATIM and re.search(r"(?<!\\)[&%#_$^~]", value)
    }
    assert unescaped == {}


def test_url_field_has_no_character_that_ends_a_verbatim_field(site, document):
    fields = raw_fields(site.text(site.document_file(document, "cite.bib")))[document["id"]]
    if "url" in fields:
        assert not re.search(r"[{}\\\s]", fields["url"])


def test_edition_bib_is_utf8_without_byte_order_mark(site):
    data = site.bytes("data/edition.bib")
    assert not data.startswith(b"\xef\xbb\xbf")
    data.decode("utf-8")
