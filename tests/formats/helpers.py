"""What the format tests share: the built sites, and the expected values of a document.

The reference for every document is `data/documents.json` (validated against its own schema by
test_documents_json.py): each citation file, the JSON-LD and the meta tags must say what it
says. Expected values are derived here from that file alone, never from annals' code.
"""

from __future__ import annotations

import json
import os
import re
from functools import cached_property
from pathlib import Path
from urllib.parse import urljoin

import lxml.html
from referencing.exceptions import NoSuchResource

# The sites tests/formats/run builds, by name: the environment variable with each site's folder
# and the one with the edition it was built from.
SITES = {
    # The sample edition at the root of the repository.
    "sample": ("FORMATS_SITE_SAMPLE", "FORMATS_SOURCE_SAMPLE"),
    # tests/formats/fixtures/edge: special characters, every kind of date, drafts, aliases.
    "edge": ("FORMATS_SITE_EDGE", "FORMATS_SOURCE_EDGE"),
    # The same edition without base_url.
    "edge-nobase": ("FORMATS_SITE_EDGE_NOBASE", "FORMATS_SOURCE_EDGE_NOBASE"),
}
# Built for one purpose each, not read document by document.
EXTRA_SITES = {
    # tests/formats/fixtures/edge built with --drafts.
    "edge-drafts": ("FORMATS_SITE_EDGE_DRAFTS", "FORMATS_SOURCE_EDGE"),
    # 502 published documents and a draft, written by make_many.py: the feed's limit.
    "many": ("FORMATS_SITE_MANY", "FORMATS_SOURCE_MANY"),
}

RFC3339 = re.compile(
    r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$"
)


class Site:
    """A built site and the edition it was built from."""

    def __init__(self, name: str, root: Path, source: Path):
        self.name = name
        self.root = root
        self.source = source
        self.data = json.loads(self.text("data/documents.json"))
        self.edition = self.data["edition"]
        self.base_url: str | None = self.edition["base_url"]
        self.documents: list[dict] = self.data["documents"]
        self.by_id = {document["id"]: document for document in self.documents}

    def __repr__(self) -> str:
        return f"Site({self.name})"

    def text(self, path: str) -> str:
        return (self.root / path).read_text(encoding="utf-8")

    def bytes(self, path: str) -> bytes:
        return (self.root / path).read_bytes()

    def document_file(self, document: dict, name: str) -> str:
        """`documents/ID/NAME` of a document."""
        return document["path"] + name

    def cite_json(self, document: dict) -> dict:
        """A document's `cite.json`, parsed."""
        return json.loads(self.text(self.document_file(document, "cite.json")))

    def page(self, document: dict) -> "Page":
        return Page(self, self.document_file(document, "index.html"))

    def file_url(self, path: str) -> str:
        """The `file:` URL of a built file: what a reader opening the site from disk has."""
        return (self.root / path).resolve().as_uri()

    def address(self, path: str) -> str:
        """The address annals gives the HTML file `path`: under base_url, `x/index.html` is
        `base_url + x/`; without base_url, the file's path relative to the site root."""
        if self.base_url is None:
            return path
        if path == "index.html":
            return self.base_url
        if path.endswith("/index.html"):
            return self.base_url + path[: -len("index.html")]
        return self.base_url + path

    def html_files(self) -> list[str]:
        return sorted(
            path.relative_to(self.root).as_posix()
            for path in self.root.rglob("*.html")
        )

    def text_files(self) -> list[Path]:
        suffixes = {".html", ".xml", ".json", ".bib", ".ris", ".css", ".js", ".txt", ".svg"}
        return sorted(p for p in self.root.rglob("*") if p.is_file() and p.suffix in suffixes)

    @cached_property
    def drafts(self) -> list[dict]:
        """The source documents marked `draft: true`: their id and title."""
        return [d for d in source_documents(self.source) if d["draft"]]


class Page:
    """A built HTML page and its head metadata."""

    def __init__(self, site: Site, path: str):
        self.site = site
        self.path = path
        self.html = site.text(path)
        self.tree = lxml.html.document_fromstring(self.html)

    @property
    def url(self) -> str:
        return self.site.file_url(self.path)

    def meta(self, name: str) -> list[str]:
        return [
            element.get("content")
            for element in self.tree.iterfind(".//meta")
            if element.get("name") == name
        ]

    def json_ld(self) -> list[str]:
        return [
            element.text or ""
            for element in self.tree.iterfind(".//script")
            if element.get("type") == "application/ld+json"
        ]

    def is_redirect(self) -> bool:
        return any(
            (element.get("http-equiv") or "").lower() == "refresh"
            for element in self.tree.iterfind(".//meta")
        )


def no_network(uri):
    """A schema reference retriever that refuses: every reference must resolve offline."""
    raise NoSuchResource(ref=uri)


def is_redirect_page(site: Site, path: str) -> bool:
    return Page(site, path).is_redirect()


def load_sites(table: dict) -> dict[str, Site]:
    sites = {}
    for name, (root_var, source_var) in table.items():
        root, source = os.environ.get(root_var), os.environ.get(source_var)
        if root and source:
            sites[name] = Site(name, Path(root), Path(source))
    return sites


# --- The edition's sources ------------------------------------------------------------------

FRONT_MATTER = re.compile(r"\A\ufeff?---\r?\n(.*?)\r?\n---\r?\n", re.S)


def source_documents(edition: Path) -> list[dict]:
    """Each document file's id, title and draft flag, read from its front matter: enough to
    know what a build must leave out, without a YAML parser."""
    documents = []
    for path in sorted((edition / "documents").rglob("*.md")):
        if path.name == "_index.md":
            continue
        match = FRONT_MATTER.match(path.read_text(encoding="utf-8"))
        fields = {}
        for line in (match.group(1) if match else "").splitlines():
            key, sep, value = line.partition(":")
            if sep and not line.startswith((" ", "\t")):
                fields[key.strip()] = value.strip().strip("'\"")
        documents.append(
            {
                "id": fields.get("id") or path.stem,
                "title": fields.get("title", ""),
                "draft": fields.get("draft") == "true",
            }
        )
    return documents


# --- Expected values ------------------------------------------------------------------------


def known_ends(edtf: str) -> list[str]:
    """The ends of an EDTF date that are dates (not `..` or empty), qualifiers removed."""
    ends = edtf.split("/") if "/" in edtf else [edtf]
    return [end.rstrip("?~%") for end in ends if end not in ("", "..")]


def precision(end: str) -> int:
    """How many of year, month, day an EDTF date gives: a season, or a month or day left
    unspecified (`XX`), counts as not given."""
    parts = end.lstrip("-").split("-")
    if len(parts) >= 2 and "X" not in parts[1] and int(parts[1]) > 12:
        return 1
    given = 1
    while given < len(parts) and "X" not in parts[given]:
        given += 1
    return given


def season(end: str) -> int | None:
    """1 spring .. 4 winter for a date given by its season (`1920-21`)."""
    parts = end.lstrip("-").split("-")
    if len(parts) == 2 and "X" not in parts[1] and int(parts[1]) > 12:
        return int(parts[1]) - 20
    return None


def date_start(document: dict) -> str | None:
    """The date's earliest day at the precision it was written in: `1920-07-12`, `1920-07`
    or `1920`; None outside years 1-9999 or without a known end."""
    ends = known_ends(document["date"]["edtf"])
    earliest = document["date"]["earliest"]
    if not ends or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", earliest) or earliest < "0001":
        return None
    return "-".join(earliest.split("-")[: precision(ends[0])])


def date_parts(end: str) -> list[int]:
    """One end as CSL date-parts. The year counts as citeproc-js reads it, with no year 0:
    EDTF's -0043 (astronomical) is 44 BC, -44."""
    year, *rest = end.lstrip("-").split("-")[: precision(end)]
    year = int(year.replace("X", "0")) * (-1 if end.startswith("-") else 1)
    return [year if year > 0 else year - 1, *(int(part) for part in rest)]


def expected_date_parts(document: dict) -> list[list[int]]:
    """CSL `issued.date-parts`: one date, or both ends of a closed span."""
    ends = known_ends(document["date"]["edtf"])
    if "/" in document["date"]["edtf"] and len(ends) == 2:
        return [date_parts(ends[0]), date_parts(ends[1])]
    return [date_parts(ends[0])] if ends else []


def expected_season(document: dict) -> int | None:
    """CSL `issued.season`, for a single date given by its season."""
    ends = known_ends(document["date"]["edtf"])
    return season(ends[0]) if "/" not in document["date"]["edtf"] and ends else None


def first_year(document: dict) -> int:
    """The earliest day's year, astronomical as `earliest` writes it (`-0043-03-15`)."""
    earliest = document["date"]["earliest"]
    year = int(earliest.lstrip("-").split("-")[0])
    return -year if earliest.startswith("-") else year


def is_circa(document: dict) -> bool:
    """CSL's one flag for uncertain, approximate and a year given in part (`194X`); a month
    or day left unspecified leaves the date as precise as its parts."""
    date = document["date"]
    partial_year = any("X" in end.lstrip("-").split("-")[0] for end in known_ends(date["edtf"]))
    return date["uncertain"] or date["approximate"] or partial_year


def names(people: list[dict]) -> list[str]:
    return [person["name"] for person in people]


def archive(document: dict) -> str | None:
    sources = document["sources"]
    return sources[0]["archive"] if sources else None


def archive_reference(document: dict) -> str | None:
    sources = document["sources"]
    return sources[0]["reference"] if sources else None


def translator(document: dict) -> str | None:
    translation = document["translation"]
    return translation["translator"] if translation else None


def reading_order(family: str | None, given: str | None) -> str:
    """A split name put back together as a page shows it: "Ivan Maslennikov"."""
    return " ".join(part for part in (given, family) if part)


def csl_name_as_shown(name: dict) -> str:
    if "literal" in name:
        return name["literal"]
    return reading_order(name.get("family"), name.get("given"))


def is_absolute(url: str) -> bool:
    return re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:", url) is not None


def resolve(base: str, url: str) -> str:
    return urljoin(base, url)
