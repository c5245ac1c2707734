"""`findings.sarif` against the official SARIF 2.1.0 schema, and its locations against the article files."""

from __future__ import annotations

import copy
import json
import socket
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlparse

import jsonschema
import pytest
from referencing import Registry
from referencing.exceptions import NoSuchResource

from figcheck.cli import main
from tests.conftest import SEED_TEXT

SCHEMA_PATH = Path(__file__).resolve().parent / "data" / "sarif-schema-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def _no_retrieval(uri: str) -> Any:
    """The schema must be complete in itself: any reference outside the file is a test failure."""
    raise NoSuchResource(ref=uri)


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft7Validator:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    jsonschema.Draft7Validator.check_schema(schema)
    return jsonschema.Draft7Validator(
        schema,
        registry=Registry(retrieve=_no_retrieval),
        format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER,
    )


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Validation happens offline: opening a connection fails the test."""

    def refuse(*args: Any, **kwargs: Any) -> None:
        raise AssertionError(f"network access attempted: {args!r}")

    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)


def _run(collection: Path, out: Path, formats: str) -> None:
    assert main(["run", str(collection), "--format", formats, "--out", str(out), "--fail-on", "never"]) == 0


def _artifact_path(uri: str) -> Path:
    parsed = urlparse(uri)
    if parsed.scheme == "file":
        return Path(unquote(parsed.path))
    assert parsed.scheme == "", f"artifact uri {uri!r} is neither a path nor a file: URI"
    return Path(unquote(uri))


def _check_region(physical: dict[str, Any], article: Path, evidence: dict[str, Any]) -> None:
    """The region's line and column (1-based, code points) point at the evidence text in the file."""
    assert _artifact_path(physical["artifactLocation"]["uri"]).resolve() == article.resolve()
    region = physical["region"]
    lines = article.read_text(encoding="utf-8").split("\n")
    line = lines[region["startLine"] - 1]
    text = evidence["text"]
    assert line[region["startColumn"] - 1 :].startswith(text), (line, region, text)
    if region.get("endLine", region["startLine"]) == region["startLine"] and "endColumn" in region:
        assert line[region["startColumn"] - 1 : region["endColumn"] - 1] == text
    if "snippet" in region:
        assert region["snippet"]["text"] == text
    assert (region["startLine"], region["startColumn"]) == (evidence["line"], evidence["column"])


@pytest.fixture
def seed_reports(make_collection, tmp_path: Path) -> tuple[Path, dict[str, Any], dict[str, Any]]:
    collection = make_collection({"article-fr.txt": SEED_TEXT}, name="seed")
    _run(collection, tmp_path / "sarif", "sarif")
    _run(collection, tmp_path / "json", "json")
    sarif = json.loads((tmp_path / "sarif" / "findings.sarif").read_text(encoding="utf-8"))
    findings = json.loads((tmp_path / "json" / "findings.json").read_text(encoding="utf-8"))
    return collection / "articles" / "article-fr.txt", sarif, findings


def test_schema_file_is_the_sarif_2_1_0_schema() -> None:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    jsonschema.Draft7Validator.check_schema(schema)
    assert schema["title"] == "Static Analysis Results Format (SARIF) Version 2.1.0 JSON Schema"
    assert schema["properties"]["version"]["enum"] == ["2.1.0"]
    assert {"result", "run", "region", "physicalLocation", "reportingDescriptor"} <= set(
        schema["definitions"]
    )


def test_seed_sarif_is_valid(seed_reports, validator, no_network) -> None:
    _, sarif, _ = seed_reports
    errors = sorted(validator.iter_errors(sarif), key=lambda e: list(e.absolute_path))
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors)
    assert sarif["version"] == "2.1.0"
    assert len(sarif["runs"]) == 1


BROKEN = [
    (("level",), "info"),
    (("locations", 0, "physicalLocation", "region", "startLine"), 0),
    (("partialFingerprints", "figcheck/v1"), 7),
]


def test_validator_rejects_broken_results(seed_reports, validator, no_network) -> None:
    _, sarif, _ = seed_reports
    for where, bad in BROKEN:
        broken = copy.deepcopy(sarif)
        node = broken["runs"][0]["results"][0]
        for key in where[:-1]:
            node = node[key]
        node[where[-1]] = bad
        assert not validator.is_valid(broken), (where, bad)


def test_one_result_per_finding_with_rule_location_and_fingerprint(seed_reports) -> None:
    article, sarif, report = seed_reports
    run = sarif["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    rule_ids = [rule["id"] for rule in rules]
    assert len(rule_ids) == len(set(rule_ids))
    results = run["results"]
    findings = report["findings"]
    assert len(findings) == 8
    assert len(results) == len(findings)
    fingerprints = [r["partialFingerprints"] for r in results]
    assert all(fp and all(isinstance(v, str) and v for v in fp.values()) for fp in fingerprints)
    assert len({json.dumps(fp, sort_keys=True) for fp in fingerprints}) == len(results)
    for result, finding in zip(results, findings, strict=True):
        assert result["ruleId"] == finding["code"]
        assert result["ruleId"] in rule_ids
        if "ruleIndex" in result:
            assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        assert result["level"] == LEVELS[finding["severity"]]
        assert finding["fingerprint"] in result["partialFingerprints"].values()
        assert result["message"]["text"].startswith(finding["message"])
        (location,) = result["locations"]
        _check_region(location["physicalLocation"], article, finding["evidence"][0])
        related = result.get("relatedLocations", [])
        assert len(related) == len(finding["evidence"]) - 1
        for other, evidence in zip(related, finding["evidence"][1:], strict=True):
            _check_region(other["physicalLocation"], article, evidence)


def test_locations_count_file_lines_after_front_matter(make_collection, tmp_path: Path, validator) -> None:
    body = 'Il a déclaré que 1 200 obus étaient arrivés", selon le ministère.\n'
    collection = make_collection({"fm.txt": "---\ntitle: Un titre\nlanguage: fr\n---\n" + body}, name="fm")
    _run(collection, tmp_path / "out", "sarif")
    sarif = json.loads((tmp_path / "out" / "findings.sarif").read_text(encoding="utf-8"))
    assert validator.is_valid(sarif)
    (quote,) = [r for r in sarif["runs"][0]["results"] if r["properties"]["slug"] == "unbalanced-quote"]
    region = quote["locations"][0]["physicalLocation"]["region"]
    assert region["startLine"] == 5
    assert region["startColumn"] == body.index('"') + 1
