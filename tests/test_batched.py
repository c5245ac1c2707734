"""A run in batches, with the tables on disk between stages, gives what a run in memory gives."""

from __future__ import annotations

import dataclasses
import importlib.util
import json
from collections.abc import Callable
from functools import cache
from pathlib import Path

import pytest

from figcheck.cli import main
from figcheck.engines import ENGINES
from figcheck.errors import InputError
from figcheck.pipeline import ParquetBatches, Progress, RunResult, run
from figcheck.rules.suite import Suite, read_suite
from figcheck.synthetic import write_collection
from figcheck.tables.expectations import ExpectationOutcome, merge_outcomes
from tests.conftest import expectation_outcomes, finding_key

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "datasets" / "examples"
SUITE = ROOT / "checks" / "default.yaml"
LOCAL_ENGINES = [
    pytest.param(
        name,
        marks=pytest.mark.skipif(
            not ENGINES[name].available() or importlib.util.find_spec("pyarrow") is None,
            reason=f"pip install 'figcheck[scale]' to test {name}",
        ),
    )
    for name in ("pandas", "polars", "duckdb")
]


def _batched(
    paths: list[Path],
    suite: Suite,
    engine: str,
    progress: Progress | None = None,
    jobs: int = 1,
    batch_size: int = 500,
    tables: Path | None = None,
) -> RunResult:
    return run(paths, suite, progress, engine, jobs, store=ParquetBatches(tables, batch_size))


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_collection(
        tmp_path_factory.mktemp("generated") / "generated", articles=60, seed=7, per_folder=25
    )


@pytest.fixture(scope="module")
def in_memory(generated: Path) -> Callable[[str], RunResult]:
    """A collection's run in memory, run once and only when a test asks for it."""
    suite = read_suite(SUITE)
    paths = {"examples": EXAMPLES, "generated": generated}
    return cache(lambda collection: run([paths[collection]], suite))


@pytest.mark.slow
def test_generated_collection_trips_rules_across_articles(in_memory: Callable[[str], RunResult]) -> None:
    slugs = {f.slug for f in in_memory("generated").findings}
    assert {"figure-drift", "name-variant", "scope-conflict", "unbalanced-quote"} <= slugs


@pytest.mark.slow
@pytest.mark.parametrize("engine", LOCAL_ENGINES)
@pytest.mark.parametrize("collection", ["examples", "generated"])
def test_batches_give_the_findings_of_a_run_in_memory(
    engine: str, collection: str, generated: Path, in_memory: Callable[[str], RunResult]
) -> None:
    path = EXAMPLES if collection == "examples" else generated
    # batches of 4 articles: names, figures and expectations all span several batches
    got = _batched([path], read_suite(SUITE), engine, jobs=1, batch_size=4)
    assert [finding_key(f) for f in got.findings] == [finding_key(f) for f in in_memory(collection).findings]
    assert expectation_outcomes(got) == expectation_outcomes(in_memory(collection))


@pytest.mark.slow
def test_worker_processes_give_the_same_findings(
    generated: Path, in_memory: Callable[[str], RunResult]
) -> None:
    got = _batched([generated], read_suite(SUITE), "pandas", jobs=2, batch_size=10)
    assert [finding_key(f) for f in got.findings] == [finding_key(f) for f in in_memory("generated").findings]


def test_progress_counts_articles_after_each_batch(generated: Path) -> None:
    seen: list[tuple[str, int, int]] = []
    result = _batched(
        [generated], read_suite(SUITE), "pandas", lambda *step: seen.append(step), jobs=1, batch_size=25
    )
    assert seen[:3] == [("extracting", 25, 60), ("extracting", 50, 60), ("extracting", 60, 60)]
    rules = len(result.rules)
    assert seen[3:] == [("checking", n, rules) for n in range(1, rules + 1)]


def test_problems_in_every_batch_are_reported_together(make_collection) -> None:
    good = "---\nid: {id}\nlanguage: fr\n---\nPlus de 500 drones ont été livrés en 2025.\n"
    folder = make_collection(
        {
            "a.txt": good.format(id="a"),
            "b.txt": b"\xff not utf-8",
            "c.txt": good.format(id="c"),
            "d.txt": good.format(id="a"),
        }
    )
    with pytest.raises(InputError) as caught:
        _batched([folder], read_suite(SUITE), "pandas", jobs=1, batch_size=2)
    reported = [(p.path.name, p.message) for p in caught.value.problems]
    assert [name for name, _ in reported] == ["b.txt", "d.txt"]
    assert "already used by" in reported[1][1] and "a.txt" in reported[1][1]


def test_kept_tables_hold_every_article_and_resolved_entities(generated: Path, tmp_path: Path) -> None:
    pd = pytest.importorskip("pandas")
    tables = tmp_path / "tables"
    _batched([generated], read_suite(SUITE), "pandas", jobs=1, batch_size=25, tables=tables)
    assert sorted(p.name for p in (tables / "figures").iterdir()) == [
        f"part-0000{i}.parquet" for i in range(3)
    ]
    documents = pd.read_parquet(tables / "documents")
    mentions = pd.read_parquet(tables / "mentions")
    assert len(documents) == 60
    people = mentions[(mentions["type"] == "person") & mentions["name"].notna()]
    assert people["entity_id"].notna().all()
    # one person spelled in French, English and Cyrillic across batches is one entity
    spellings = people.groupby("entity_id")["name"].nunique()
    assert spellings.max() >= 2


def test_tables_folder_must_be_new_or_empty(generated: Path, tmp_path: Path) -> None:
    (tmp_path / "old.parquet").write_bytes(b"")
    with pytest.raises(InputError, match="not empty"):
        _batched([generated], read_suite(SUITE), "pandas", tables=tmp_path)


def test_report_of_a_batched_run_details_the_articles_with_findings(generated: Path, tmp_path: Path) -> None:
    pytest.importorskip("polars")
    out = tmp_path / "out"
    status = main(
        [
            "run",
            str(generated),
            "--engine",
            "polars",
            "--out",
            str(out),
            "--fail-on",
            "never",
            "--quiet",
            "--suite",
            str(SUITE),
        ]
    )
    assert status == 0
    findings = json.loads((out / "findings.json").read_text(encoding="utf-8"))["findings"]
    html = (out / "index.html").read_text(encoding="utf-8")
    with_findings = {f["doc_id"] for f in findings if f["doc_id"]}
    shown = {line.split('data-doc="')[1].split('"')[0] for line in html.splitlines() if 'class="doc"' in line}
    assert with_findings <= shown < {f"gen-{n:07d}" for n in range(60)}
    assert "of 60 articles with findings" in html


def _outcome(success: bool, element: int, unexpected: int, missing: int = 0) -> ExpectationOutcome:
    return ExpectationOutcome(
        "expect_column_values_to_be_between",
        {"column": "value", "mostly": 0.8},
        "",
        success,
        element,
        unexpected,
        tuple(f"f{i}" for i in range(unexpected)),
        missing,
    )


def test_mostly_is_applied_to_the_rows_of_every_batch() -> None:
    # 1 of 2 checked rows fails in the first batch (50 %), none of 8 in the second: 1 of 10 overall (90 %)
    merged = merge_outcomes([[_outcome(False, 3, 1, missing=1)], [_outcome(True, 8, 0)]])
    assert [(o.success, o.element_count, o.unexpected_count, o.missing_count) for o in merged] == [
        (True, 11, 1, 1)
    ]
    assert merged[0].unexpected_ids == ("f0",)
    failing = merge_outcomes([[_outcome(False, 3, 2)], [_outcome(True, 4, 0)]])
    assert failing[0].success is False


@pytest.mark.slow
def test_an_article_breaking_a_table_check_is_set_aside_in_its_batch(
    generated: Path, in_memory: Callable[[str], RunResult], monkeypatch: pytest.MonkeyPatch
) -> None:
    import datetime as dt

    import figcheck.pipeline.batches as batches

    extract_articles = batches.extract_articles

    def extract_badly(
        articles, resources, helpers=0
    ):  # the first article of each batch gives a period out of order
        extractions = extract_articles(articles, resources, helpers)
        first = extractions[0]
        bad = [
            {**row, "period_start": dt.date(2024, 2, 1), "period_end": dt.date(2024, 1, 1)}
            for row in first.figures
        ]
        return [dataclasses.replace(first, figures=tuple(bad)), *extractions[1:]]

    monkeypatch.setattr(batches, "extract_articles", extract_badly)
    result = _batched([generated], read_suite(SUITE), "pandas", jobs=1, batch_size=30)
    assert [p.path.name for p in result.problems] == ["gen-0000000.txt", "gen-0000030.txt"]
    assert all("break its own table checks" in p.message for p in result.problems)
    set_aside = {"gen-0000000", "gen-0000030"}
    kept = [f for f in in_memory("generated").findings if f.doc_id not in set_aside and f.family != "names"]
    got = {finding_key(f) for f in result.findings}
    assert {finding_key(f) for f in kept if f.code.startswith("QT")} <= got


def test_expectations_over_the_whole_table_are_refused_before_any_batch(
    generated: Path, tmp_path: Path
) -> None:
    spec = tmp_path / "whole.expectations.json"
    expectations = [
        {"type": "expect_column_values_to_not_be_null", "kwargs": {"column": "value"}},
        {"type": "expect_column_mean_to_be_between", "kwargs": {"column": "value", "min_value": 0}},
        {"type": "expect_column_values_to_be_unique", "kwargs": {"column": "text"}},
    ]
    spec.write_text(json.dumps({"name": "whole", "expectations": expectations}, indent=2), encoding="utf-8")
    suite = dataclasses.replace(read_suite(SUITE), expectations=spec)
    tables = tmp_path / "tables"
    with pytest.raises(InputError) as caught:
        _batched([generated], suite, "pandas", jobs=1, tables=tables)
    lines = {p.line: p.message for p in caught.value.problems}
    text = spec.read_text(encoding="utf-8").splitlines()
    assert [text[line - 1].strip() for line in lines] == [
        '"type": "expect_column_mean_to_be_between",',
        '"type": "expect_column_values_to_be_unique",',
    ]
    assert all("checks the whole table at once" in m and "use pandas or spark" in m for m in lines.values())
    assert not tables.exists()  # refused before a single article was read
    # in memory the same suite runs on the whole table
    assert [o.type for o in run([generated], suite).expectations] == [e["type"] for e in expectations]


def test_both_stores_keep_the_same_mentions(generated: Path, tmp_path: Path) -> None:
    pd = pytest.importorskip("pandas")
    from figcheck.pipeline import extract

    tables = tmp_path / "tables"
    _batched([generated], read_suite(SUITE), "pandas", jobs=1, batch_size=25, tables=tables)
    on_disk = pd.read_parquet(tables / "mentions")
    in_memory = extract([generated]).mentions
    columns = ["doc_id", "start", "end", "name", "entity_id", "canonical", "convention"]
    order = ["doc_id", "start", "end"]
    expected = in_memory[columns].sort_values(order).reset_index(drop=True).astype(object)
    got = on_disk[columns].sort_values(order).reset_index(drop=True).astype(object)
    # a lone surname keeps the spelling convention extraction read, in memory as on disk
    assert got.where(got.notna(), None).equals(expected.where(expected.notna(), None))
