"""Format validation of annals' machine-readable output (issue #6).

tests/formats/run builds the sites and passes their folders in FORMATS_SITE_* variables
(see helpers.SITES); run the suite through it. Tests that take `site` run once per site,
tests that take `site` and `document` once per published document of each site.
"""

import pytest

from helpers import EXTRA_SITES, SITES, load_sites

_sites = load_sites(SITES)
_extra = load_sites(EXTRA_SITES)


def pytest_configure(config):
    missing = [name for name in (*SITES, *EXTRA_SITES) if name not in {**_sites, **_extra}]
    if missing:
        raise pytest.UsageError(
            "the format tests read sites that tests/formats/run builds; "
            f"missing: {', '.join(missing)}. Run tests/formats/run [PYTEST ARGS]."
        )


def pytest_generate_tests(metafunc):
    names = metafunc.fixturenames
    if "document" in names:
        sites = _chosen(metafunc)
        pairs = [(site, document) for site in sites for document in site.documents]
        metafunc.parametrize(
            ("site", "document"),
            pairs,
            ids=[f"{site.name}/{document['id']}" for site, document in pairs],
        )
    elif "site" in names:
        sites = _chosen(metafunc)
        metafunc.parametrize("site", sites, ids=[site.name for site in sites])


def _chosen(metafunc):
    """The sites a test runs on: all, or as `@pytest.mark.sites(with_base_url=...)` says."""
    marker = metafunc.definition.get_closest_marker("sites")
    sites = list(_sites.values())
    if marker is not None and "with_base_url" in marker.kwargs:
        wanted = marker.kwargs["with_base_url"]
        sites = [site for site in sites if (site.base_url is not None) == wanted]
    return sites


@pytest.fixture(scope="session")
def drafts_site():
    """tests/formats/fixtures/edge built with --drafts."""
    return _extra["edge-drafts"]


@pytest.fixture(scope="session")
def many_site():
    """An edition of 502 published documents and one draft (make_many.py)."""
    return _extra["many"]


@pytest.fixture(scope="session")
def edge_site():
    return _sites["edge"]
