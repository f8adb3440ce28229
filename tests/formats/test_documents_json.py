"""`data/documents.json` against `data/documents.schema.json` (JSON Schema 2020-12)."""

import json

from jsonschema import Draft202012Validator
from referencing import Registry

from helpers import Page, no_network


def validator(site) -> Draft202012Validator:
    schema = json.loads(site.text("data/documents.schema.json"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(
        schema,
        registry=Registry(retrieve=no_network),
        format_checker=Draft202012Validator.FORMAT_CHECKER,
    )


def test_documents_schema_is_draft_2020_12(site):
    schema = json.loads(site.text("data/documents.schema.json"))
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def test_documents_json_validates_against_its_schema(site):
    data = json.loads(site.text("data/documents.json"))
    assert data["$schema"] == "documents.schema.json"
    problems = [
        f"{'/'.join(map(str, error.absolute_path))}: {error.message}"
        for error in validator(site).iter_errors(data)
    ]
    assert problems == []


def test_the_schema_rejects_a_document_without_a_title(site):
    data = json.loads(site.text("data/documents.json"))
    del data["documents"][0]["title"]
    assert not validator(site).is_valid(data)


def test_documents_json_lists_every_document_page(site):
    """Every built document page (not a redirect) is in documents.json, and nothing else."""
    built = {
        path.parent.name
        for path in (site.root / "documents").glob("*/index.html")
        if not Page(site, path.relative_to(site.root).as_posix()).is_redirect()
    }
    assert built == set(site.by_id)
    assert len(site.documents) == len(site.by_id), "duplicate ids"


def test_documents_json_urls_are_permalinks(site, document):
    assert document["path"] == f"documents/{document['id']}/"
    if site.base_url:
        assert document["url"] == site.base_url + document["path"]
    else:
        assert document["url"] is None
