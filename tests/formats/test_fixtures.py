"""The edge fixture exercises what tests/formats is for; a change to it must keep that."""

import json

from helpers import archive, expected_season, is_circa


def test_edge_fixture_covers_every_case(edge_site):
    documents = edge_site.documents
    csl = {item["id"]: item for item in json.loads(edge_site.text("data/edition.json"))}
    title_chars = "".join(document["title"] for document in documents)
    for char in "&%_#${}\"'\\~^<":
        assert char in title_chars, char
    assert any(not "a" <= c.lower() <= "z" and c.isalpha() for c in title_chars), "non-Latin"
    assert any(
        "literal" in name for item in csl.values() for name in item.get("author", [])
    ), "an organisation author"
    assert any(not d["authors"] for d in documents), "an anonymous document"
    assert any(d["date"]["uncertain"] for d in documents)
    assert any(d["date"]["approximate"] for d in documents)
    assert any(d["date"]["uncertain"] and d["date"]["approximate"] for d in documents)
    assert any("/" in d["date"]["edtf"] and ".." not in d["date"]["edtf"] for d in documents)
    assert any(d["date"]["edtf"].endswith("/..") for d in documents), "an open span"
    assert any(len(d["date"]["edtf"]) == 4 and not is_circa(d) for d in documents), "a year"
    assert any(d["date"]["edtf"].startswith("-") for d in documents), "before the common era"
    assert any(expected_season(d) for d in documents), "a season"
    assert any(d["date"]["edtf"].endswith("-XX") and not is_circa(d) for d in documents)
    assert any(d["date"]["edtf"].endswith("X") and is_circa(d) for d in documents), "194X"
    assert any(d["translation"] and d["translation"]["translator"] for d in documents)
    assert any(not archive(d) for d in documents), "no archival source"
    assert any(d["aliases"] for d in documents), "a redirect page"
    assert edge_site.drafts
