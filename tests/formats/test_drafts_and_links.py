"""Drafts stay out of every published file unless built with --drafts; without base_url
citations carry no address; and no file links to a root-relative address."""

import json
import re

import pytest


ROOT_RELATIVE_DOCUMENTS = re.compile(r"""(?<![\w.~%/:@-])/documents/""")
ROOT_RELATIVE_ATTRIBUTE = re.compile(r"""\b(?:href|src|action|content)\s*=\s*["']/(?!/)""")


def test_drafts_are_not_published(site):
    for draft in site.drafts:
        assert draft["id"] not in site.by_id
        assert not (site.root / "documents" / draft["id"]).exists()
        for path in ("feed.xml", "sitemap.xml", "data/edition.bib", "data/edition.json",
                     "data/documents.json"):
            if not (site.root / path).exists():
                continue  # feed and sitemap exist only with a base_url
            text = site.text(path)
            assert f"documents/{draft['id']}/" not in text, path
            assert draft["id"] not in text, path


@pytest.mark.sites(with_base_url=False)
def test_without_base_url_there_is_no_feed_or_sitemap(site):
    # Both name pages by absolute addresses (RFC 4287 ids, the sitemaps protocol's <loc>),
    # which a site without a base_url cannot give.
    assert not (site.root / "feed.xml").exists()
    assert not (site.root / "sitemap.xml").exists()


def test_no_file_names_a_draft(site):
    for draft in site.drafts:
        leaks = [
            path.relative_to(site.root).as_posix()
            for path in site.text_files()
            if draft["title"] in path.read_text(encoding="utf-8", errors="replace")
        ]
        assert leaks == []


def test_the_edge_fixture_has_a_draft(edge_site):
    assert [draft["id"] for draft in edge_site.drafts] == ["1925-draft-unpublished"]


def test_drafts_are_published_when_built_with_drafts(drafts_site):
    drafts = drafts_site.drafts
    assert drafts
    feed, sitemap = drafts_site.text("feed.xml"), drafts_site.text("sitemap.xml")
    for draft in drafts:
        address = drafts_site.address(f"documents/{draft['id']}/index.html")
        assert draft["id"] in drafts_site.by_id
        assert f"<loc>{address}</loc>" in sitemap
        assert f'href="{address}"' in feed


@pytest.mark.sites(with_base_url=False)
def test_citations_carry_no_url_without_base_url(site, document):
    bib = site.text(site.document_file(document, "cite.bib"))
    assert not re.search(r"^\s*url\s*=", bib, re.M)
    ris = site.text(site.document_file(document, "cite.ris"))
    assert not re.search(r"^UR  - ", ris, re.M)
    assert "URL" not in site.cite_json(document)
    assert document["url"] is None


@pytest.mark.sites(with_base_url=False)
def test_edition_citations_carry_no_url_without_base_url(site):
    assert not re.search(r"^\s*url\s*=", site.text("data/edition.bib"), re.M)
    assert all("URL" not in item for item in json.loads(site.text("data/edition.json")))
    assert site.edition["base_url"] is None


def test_no_file_has_a_root_relative_link(site):
    found = []
    for path in site.text_files():
        text = path.read_text(encoding="utf-8", errors="replace")
        for pattern in (ROOT_RELATIVE_DOCUMENTS, ROOT_RELATIVE_ATTRIBUTE):
            for match in pattern.finditer(text):
                context = text[max(0, match.start() - 40) : match.end() + 40]
                found.append(f"{path.relative_to(site.root)}: {context!r}")
    assert found == []
