"""`feed.xml`: an Atom feed (RFC 4287) of the latest documents, read by feedparser and lxml."""

import feedparser
from lxml import etree

from helpers import RFC3339, is_absolute, resolve

import pytest

# The feed and the sitemap need absolute addresses: they are written only with a base_url.
pytestmark = pytest.mark.sites(with_base_url=True)

ATOM = "{http://www.w3.org/2005/Atom}"
LIMIT = 500


def parsed(site):
    return feedparser.parse(site.bytes("feed.xml"))


def tree(site):
    return etree.fromstring(site.bytes("feed.xml"))


def children(element, name):
    return element.findall(ATOM + name)


def alternate(entry) -> str:
    links = [link for link in entry.get("links", []) if link.get("rel", "alternate") == "alternate"]
    assert len(links) == 1, entry.get("links")
    return links[0]["href"]


def document_of(site, href: str) -> dict | None:
    """The document whose permalink (or, without base_url, whose page) `href` is."""
    for document in site.documents:
        if document["url"] is not None and href == document["url"]:
            return document
        if document["url"] is None and resolve(
            site.file_url("feed.xml"), href
        ) == site.file_url(site.document_file(document, "index.html")):
            return document
    return None


def test_feed_is_well_formed_atom(site):
    root = tree(site)
    assert root.tag == ATOM + "feed"
    feed = parsed(site)
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "atom10"


def test_feed_has_id_title_updated_author_and_self_link(site):
    root = tree(site)
    for name in ("id", "title", "updated"):
        assert len(children(root, name)) == 1, name
    assert RFC3339.match(children(root, "updated")[0].text)
    assert children(root, "author") or all(children(e, "author") for e in children(root, "entry"))
    feed = parsed(site).feed
    assert feed.title == site.edition["title"]
    assert feed.id
    self_links = [link["href"] for link in feed.links if link.get("rel") == "self"]
    assert self_links == [site.address("feed.xml")]


def test_feed_entries_link_to_document_permalinks(site):
    root = tree(site)
    for element in children(root, "entry"):
        for name in ("id", "title", "updated"):
            assert len(children(element, name)) == 1, name
        assert RFC3339.match(children(element, "updated")[0].text)
    entries = parsed(site).entries
    ids = [entry.id for entry in entries]
    assert len(ids) == len(set(ids)), "duplicate entry ids"
    for entry in entries:
        document = document_of(site, alternate(entry))
        assert document is not None, f"{alternate(entry)} is no document's permalink"
        assert entry.title == document["title"]
        assert entry.updated_parsed is not None


def test_feed_has_an_entry_per_document_up_to_500(site):
    assert len(parsed(site).entries) == min(len(site.documents), LIMIT)


def test_feed_updated_is_the_latest_entry_update(site):
    root = tree(site)
    updated = [children(e, "updated")[0].text for e in children(root, "entry")]
    assert children(root, "updated")[0].text == max(updated)


def test_feed_ids_are_absolute_iris(site):
    """RFC 4287 4.2.6: an atom:id is an IRI, and "IRI" excludes relative references."""
    feed = parsed(site)
    relative = [i for i in [feed.feed.id] + [e.id for e in feed.entries] if not is_absolute(i)]
    assert relative == []


def test_feed_has_no_draft(site):
    text = site.text("feed.xml")
    for draft in site.drafts:
        assert f"documents/{draft['id']}/" not in text
        assert draft["title"] not in text


def test_feed_keeps_the_latest_500_documents(many_site):
    assert len(many_site.documents) > LIMIT
    links = {alternate(entry) for entry in parsed(many_site).entries}
    latest = {document["url"] for document in many_site.documents[-LIMIT:]}
    assert links == latest


def test_feed_of_many_documents_has_no_draft(many_site):
    assert many_site.drafts
    text = many_site.text("feed.xml")
    for draft in many_site.drafts:
        assert f"documents/{draft['id']}/" not in text
