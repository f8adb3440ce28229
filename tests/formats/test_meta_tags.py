"""Highwire Press `citation_*` and Dublin Core `DC.*` meta tags of each document page, as
Zotero and Google Scholar read them."""

import re

from helpers import date_start, is_absolute


def test_page_title_is_the_documents_title(site, document):
    page = site.page(document)
    (heading,) = page.tree.xpath("//h1")
    assert heading.text_content().strip() == document["title"]


def test_citation_title_is_the_documents_title(site, document):
    page = site.page(document)
    assert page.meta("citation_title") == [document["title"]]
    assert page.meta("DC.title") == [document["title"]]


def test_citation_author_is_family_comma_given_per_author(site, document):
    page = site.page(document)
    authors = page.meta("citation_author")
    csl = site.cite_json(document).get("author", [])
    assert len(authors) == len(document["authors"]) == len(csl)
    for meta, person, name in zip(authors, document["authors"], csl):
        if "literal" in name:
            # An organisation (or a name that cannot be split) is given whole.
            assert meta == person["name"]
        else:
            family, comma, given = meta.partition(", ")
            assert family == name["family"]
            assert person["name"].endswith(family)
            if name.get("given"):
                assert comma and given, meta
    assert page.meta("DC.creator") == authors


def test_citation_author_is_the_name_the_citation_files_give(site, document):
    """A reference manager saving the page and one importing cite.ris get the same names."""
    page = site.page(document)
    ris = [
        line[6:]
        for line in site.bytes(site.document_file(document, "cite.ris")).decode().split("\r\n")
        if line.startswith("AU  - ")
    ]
    assert page.meta("citation_author") == ris


def test_citation_date_is_the_documents_date(site, document):
    page = site.page(document)
    start = date_start(document)
    expected = [start.replace("-", "/")] if start else []
    assert page.meta("citation_date") == expected
    assert all(re.fullmatch(r"\d{4}(/\d{2}(/\d{2})?)?", date) for date in expected)
    assert page.meta("DC.date") == ([start] if start else [])


def test_citation_public_url_is_the_permalink(site, document):
    page = site.page(document)
    if document["url"]:
        assert page.meta("citation_public_url") == [document["url"]]
        assert page.meta("DC.identifier") == [document["url"]]
    else:
        # Without base_url there is no permalink: a relative address in a meta tag is
        # resolved by no reader, so none may be given.
        given = page.meta("citation_public_url") + page.meta("DC.identifier")
        assert [url for url in given if not is_absolute(url)] == []


def test_citation_archive_location_is_the_archival_reference(site, document):
    page = site.page(document)
    if document["sources"]:
        source = document["sources"][0]
        expected = ", ".join(p for p in (source["archive"], source["reference"]) if p)
        assert page.meta("citation_archive_location") == [expected]
    else:
        assert page.meta("citation_archive_location") == []
