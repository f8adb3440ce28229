"""The schema.org JSON-LD of every document page, expanded by PyLD.

Tests have no network, so the schema.org context is served by a local stand-in that maps every
term into the schema.org vocabulary; any other remote document is refused.
"""

import json
from urllib.parse import urlparse

import pytest
from pyld import jsonld

from helpers import archive, date_start, names, resolve, translator

SCHEMA = "https://schema.org/"
CONTEXT = {"@context": {"@vocab": SCHEMA}}


def load_document(url, options=None):
    if urlparse(url).hostname in ("schema.org", "www.schema.org"):
        return {
            "contentType": "application/ld+json",
            "contextUrl": None,
            "documentUrl": url,
            "document": CONTEXT,
        }
    raise jsonld.JsonLdError(
        f"no network in tests: {url}", "jsonld.LoadDocumentError", code="loading document failed"
    )


def script(site, document) -> str:
    scripts = site.page(document).json_ld()
    assert len(scripts) == 1, "one JSON-LD script"
    return scripts[0]


def expanded(site, document) -> dict:
    """The page's description, expanded with the page's own address as base."""
    page = site.page(document)
    nodes = jsonld.expand(
        json.loads(script(site, document)),
        {"base": page.url, "documentLoader": load_document},
    )
    assert len(nodes) == 1, "one top-level node"
    return nodes[0]


def values(node: dict, term: str) -> list:
    return [v.get("@value") for v in node.get(SCHEMA + term, [])]


def nodes(node: dict, term: str) -> list[dict]:
    return node.get(SCHEMA + term, [])


def name(node: dict) -> str:
    (value,) = values(node, "name")
    return value


def test_json_ld_parses_as_json(site, document):
    data = json.loads(script(site, document))
    assert data["@context"] in ("https://schema.org", "https://schema.org/", "http://schema.org")
    assert "</" not in script(site, document)


def test_json_ld_expands_to_the_document(site, document):
    node = expanded(site, document)
    page = site.page(document)
    # The node is the document: its permalink, or (without base_url) the page itself.
    assert node["@id"] == (document["url"] or page.url)
    assert SCHEMA + "ArchiveComponent" in node["@type"]
    assert SCHEMA + "Message" in node["@type"]
    assert values(node, "name") == [document["title"]]
    start = date_start(document)
    assert values(node, "dateCreated") == ([start] if start else [])


def test_json_ld_names_the_documents_people(site, document):
    node = expanded(site, document)
    assert [name(agent) for agent in nodes(node, "author")] == names(document["authors"])
    assert [name(agent) for agent in nodes(node, "recipient")] == names(document["recipients"])
    for agent in nodes(node, "author") + nodes(node, "recipient"):
        assert {SCHEMA + "Person", SCHEMA + "Organization"} & set(agent["@type"])
    if translator(document):
        assert [name(agent) for agent in nodes(node, "translator")] == [translator(document)]
    else:
        assert nodes(node, "translator") == []


def test_json_ld_is_part_of_the_edition(site, document):
    node = expanded(site, document)
    page = site.page(document)
    (edition,) = nodes(node, "isPartOf")
    assert name(edition) == site.edition["title"]
    (url,) = values(edition, "url")
    home = site.base_url or site.file_url("index.html")
    assert resolve(page.url, url) == home


def test_json_ld_names_the_holding_archive(site, document):
    node = expanded(site, document)
    holding = nodes(node, "holdingArchive")
    if archive(document):
        (organisation,) = holding
        assert SCHEMA + "ArchiveOrganization" in organisation["@type"]
        assert name(organisation) == archive(document)
    else:
        assert holding == []


@pytest.mark.sites(with_base_url=True)
def test_json_ld_addresses_are_absolute_with_base_url(site, document):
    data = json.loads(script(site, document))
    assert data["@id"] == document["url"]
    assert data["url"] == document["url"]
    assert data["isPartOf"]["url"] == site.base_url
