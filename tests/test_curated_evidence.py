"""A failed expectation about a curated figure points at its `figures.csv` row in every report."""

import html
import json
from pathlib import Path

import pytest

from figcheck.cli import main
from figcheck.pipeline import ParquetBatches, run
from figcheck.rules.registry import CuratedRow
from figcheck.rules.suite import read_suite
from tests.conftest import EXPECTATIONS_SUITE, finding_key
from tests.test_engines import ENGINE_PARAMS

ARTICLE = (
    "---\nid: a\npublished: 2026-02-05\nlanguage: fr\n---\nL'armée a reçu 2 000 000 munitions en 2026.\n"
)
# line 3 breaks the plausible range for munitions; line 2 is a plausible figure of the same article
FIGURES = (
    "doc_id,text,value,qualifier,unit\n"
    "a,2 000 000,2000000,exact,munitions\n"
    "a,2 000 000,20000000000,exact,munitions\n"
)
BAD_ROW = "a,2 000 000,20000000000,exact,munitions"


@pytest.fixture
def reports(
    make_collection, make_suite, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> tuple[Path, Path, str]:
    folder = make_collection({"a.txt": ARTICLE}, FIGURES)
    suite = make_suite(EXPECTATIONS_SUITE, expectations=True)
    out = tmp_path / "out"
    args = ["run", str(folder), "--suite", str(suite), "--format", "json,sarif,html"]
    assert main([*args, "--out", str(out), "--fail-on", "never"]) == 0
    return folder / "figures.csv", out, capsys.readouterr().out


def test_text_listing_names_the_row(reports: tuple[Path, Path, str]) -> None:
    table, _, listing = reports
    (line,) = [line for line in listing.splitlines() if "failed-expectation" in line]
    assert line.startswith(f"{table}:3:1: TB001 failed-expectation")


def test_json_evidence_is_the_row(reports: tuple[Path, Path, str]) -> None:
    table, out, _ = reports
    (finding,) = json.loads((out / "findings.json").read_text(encoding="utf-8"))["findings"]
    (evidence,) = finding["evidence"]
    assert (evidence["path"], evidence["line"], evidence["column"]) == (str(table), 3, 1)
    assert evidence["curated_row"] == BAD_ROW
    assert evidence["text"] == "2 000 000" and evidence["doc_id"] == "a"


def test_sarif_location_is_the_row(reports: tuple[Path, Path, str]) -> None:
    table, out, _ = reports
    (result,) = json.loads((out / "findings.sarif").read_text(encoding="utf-8"))["runs"][0]["results"]
    location = result["locations"][0]["physicalLocation"]
    assert Path(location["artifactLocation"]["uri"]).name == "figures.csv"
    assert location["region"]["startLine"] == location["region"]["endLine"] == 3
    assert location["region"]["startColumn"] == 1
    assert location["region"]["endColumn"] == len(BAD_ROW) + 1
    assert location["region"]["snippet"]["text"] == BAD_ROW
    assert "relatedLocations" not in result


def test_html_card_shows_the_row(reports: tuple[Path, Path, str]) -> None:
    table, out, _ = reports
    page = html.unescape((out / "index.html").read_text(encoding="utf-8"))
    card = page[page.index('class="finding warning"') :]
    card = card[: card.index("</article>")]
    assert 'a,<mark class="evidence" data-start="2" data-end="11">2 000 000</mark>,20000000000' in card
    assert f"{table}:3 · " in card
    assert "L'armée a reçu" not in card


@pytest.mark.parametrize("engine", ENGINE_PARAMS)
@pytest.mark.parametrize("on_disk", [False, True], ids=["memory", "parquet"])
def test_every_engine_cites_the_same_row(
    make_collection, make_suite, tmp_path: Path, engine: str, on_disk: bool
) -> None:
    folder = make_collection({"a.txt": ARTICLE}, FIGURES)
    suite = read_suite(make_suite(EXPECTATIONS_SUITE, expectations=True))
    on_pandas = run([folder], suite).findings
    store = ParquetBatches(tmp_path / "tables") if on_disk else None
    got = run([folder], suite, engine=engine, store=store).findings
    assert [finding_key(f) for f in got] == [finding_key(f) for f in on_pandas]
    assert [e.row for f in got for e in f.evidence] == [CuratedRow(str(folder / "figures.csv"), 3, BAD_ROW)]
