"""`sitemap.xml` (sitemaps.org protocol 0.9), checked against the files built."""

from lxml import etree

from helpers import is_absolute, is_redirect_page

import pytest

# The feed and the sitemap need absolute addresses: they are written only with a base_url.
pytestmark = pytest.mark.sites(with_base_url=True)

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def locations(site) -> list[str]:
    root = etree.fromstring(site.bytes("sitemap.xml"))
    assert root.tag == SITEMAP + "urlset"
    urls = root.findall(SITEMAP + "url")
    assert all(len(url.findall(SITEMAP + "loc")) == 1 for url in urls)
    return [url.find(SITEMAP + "loc").text for url in urls]


def test_sitemap_is_a_well_formed_urlset_in_the_0_9_namespace(site):
    data = site.bytes("sitemap.xml")
    assert data.startswith(b'<?xml version="1.0" encoding="UTF-8"?>')
    root = etree.fromstring(data)
    assert root.tag == SITEMAP + "urlset"
    assert {child.tag for child in root} <= {SITEMAP + "url"}
    assert len(root) <= 50_000 and len(data) <= 50 * 1024 * 1024


def test_sitemap_lists_every_html_page_but_redirects(site):
    pages = [path for path in site.html_files() if not is_redirect_page(site, path)]
    listed = locations(site)
    assert len(listed) == len(set(listed)), "an address listed twice"
    assert sorted(listed) == sorted(site.address(path) for path in pages)


def test_sitemap_lists_no_redirect(site):
    redirects = {site.address(p) for p in site.html_files() if is_redirect_page(site, p)}
    assert redirects.isdisjoint(locations(site))


def test_sitemap_urls_are_absolute(site):
    """The protocol: each <loc> is a full URL, with its protocol."""
    relative = [url for url in locations(site) if not is_absolute(url)]
    assert relative == []


def test_sitemap_urls_are_under_base_url(site):
    if site.base_url:
        assert [url for url in locations(site) if not url.startswith(site.base_url)] == []


def test_sitemap_has_no_draft(site):
    listed = set(locations(site))
    for draft in site.drafts:
        assert site.address(f"documents/{draft['id']}/index.html") not in listed
