"""`documents/ID/cite.ris`, read by rispy."""

import re

import rispy
from rispy.config import TYPE_OF_REFERENCE_MAPPING

from helpers import (
    archive,
    archive_reference,
    date_start,
    first_year,
    expected_season,
    is_circa,
    names,
    translator,
)

LINE = re.compile(r"^[A-Z][A-Z0-9]  - ")


def ris_bytes(site, document) -> bytes:
    return site.bytes(site.document_file(document, "cite.ris"))


def read(site, document) -> dict:
    """The one record rispy reads, lines split at CRLF only."""
    text = ris_bytes(site, document).decode("utf-8")
    records = rispy.loads(text, newline="\r\n")
    assert len(records) == 1
    return records[0]


def csl_names(site, document, role) -> list[str]:
    """A role's names as the CSL item splits them, "Family, Given" as RIS writes them."""
    item = site.cite_json(document)
    return [
        name.get("literal") or ", ".join(p for p in (name["family"], name.get("given")) if p)
        for name in item.get(role, [])
    ]


def as_shown(name: str, csl_family: str | None) -> str:
    """A RIS "Family, Given" name in reading order."""
    family, comma, given = name.partition(", ")
    return f"{given} {family}" if comma and csl_family == family else name


def test_cite_ris_lines_end_in_crlf_with_ty_first_and_er_last(site, document):
    data = ris_bytes(site, document)
    assert data.endswith(b"\r\n")
    lines = data[:-2].split(b"\r\n")
    assert all(b"\n" not in line and b"\r" not in line for line in lines), "a bare CR or LF"
    text = [line.decode("utf-8") for line in lines]
    assert text[0].startswith("TY  - ")
    assert text[-1] == "ER  - "
    assert [line for line in text if not LINE.match(line)] == []
    assert sum(line.startswith("TY  - ") for line in text) == 1
    assert sum(line.startswith("ER  - ") for line in text) == 1


def test_cite_ris_is_one_record_with_known_tags(site, document):
    record = read(site, document)
    assert "unknown_tag" not in record
    assert record["type_of_reference"] in TYPE_OF_REFERENCE_MAPPING
    assert record["type_of_reference"] == ("PCOMM" if document["recipients"] else "MANSCPT")


def test_cite_ris_round_trips_the_documents_metadata(site, document):
    record = read(site, document)
    item = site.cite_json(document)

    def shown(role, tag):
        families = [name.get("family") for name in item.get(role, [])]
        values = record.get(tag, [])
        assert len(values) == len(families), (tag, values)
        return [as_shown(value, family) for value, family in zip(values, families)]

    assert record["title"] == document["title"]
    assert shown("author", "authors") == names(document["authors"])
    assert record.get("authors", []) == csl_names(site, document, "author")
    assert shown("recipient", "secondary_authors") == names(document["recipients"])
    assert shown("translator", "subsidiary_authors") == (
        [translator(document)] if translator(document) else []
    )
    assert record["secondary_title"] == site.edition["title"]
    assert record.get("name_of_database") == archive(document)
    assert record.get("accession_number") == archive_reference(document)
    assert record.get("urls", []) == ([document["url"]] if document["url"] else [])
    assert record["language"] == (document["language"] or site.edition["language"])


def test_cite_ris_date_is_the_documents_date(site, document):
    record = read(site, document)
    if not 1 <= first_year(document) <= 9999:
        # RIS writes four-digit years: a date outside them is left out, not written wrong.
        assert "year" not in record and "date" not in record
        return
    assert record["year"] == f"{first_year(document):04}"
    # DA is YYYY/MM/DD/other: the parts known, then the date in words for a span, a
    # qualified date or a season.
    match = re.fullmatch(r"(\d{4})/(\d{2})?/(\d{2})?/(.*)", record["date"])
    assert match, record["date"]
    year, month, day, other = match.groups()
    assert "-".join(p for p in (year, month, day) if p) == date_start(document)
    edtf = document["date"]["edtf"]
    qualified = is_circa(document) or "/" in edtf or expected_season(document) is not None
    assert other == (document["date"]["words"] if qualified else "")
