"""On Spark (`local[2]`), extraction, rules and expectations give the findings of a run in memory."""

from __future__ import annotations

import importlib.util
import json
import shutil
from pathlib import Path

import pytest

from figcheck.cli import main
from figcheck.engines import EngineOptions
from figcheck.pipeline import ParquetBatches, run
from figcheck.rules.suite import read_suite
from figcheck.synthetic import write_collection
from tests.conftest import expectation_outcomes, finding_key

pytestmark = [
    pytest.mark.slow,  # a JVM, and each test runs the flow on Spark: about 40 % of the whole suite
    pytest.mark.skipif(
        importlib.util.find_spec("pyspark") is None or shutil.which("java") is None,
        reason="Spark needs pip install 'figcheck[spark]' and Java 17 (apt install openjdk-17-jre-headless)",
    ),
    # pyspark 4.1 leaves the sockets of its Arrow transfers to the garbage collector
    pytest.mark.filterwarnings("ignore::ResourceWarning"),
    pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning"),
]

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "datasets" / "examples"
SEED = ROOT / "datasets" / "seed"
SUITE = ROOT / "checks" / "default.yaml"
LOCAL = EngineOptions(master="local[2]")


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_collection(
        tmp_path_factory.mktemp("spark") / "generated", articles=40, seed=11, per_folder=20
    )


@pytest.mark.parametrize("collection", ["examples", "generated"])
def test_spark_gives_the_findings_of_a_run_in_memory(collection: str, generated: Path) -> None:
    path = EXAMPLES if collection == "examples" else generated
    suite = read_suite(SUITE)
    expected = run([path], suite)
    steps: list[tuple[str, int, int]] = []
    got = run(
        [path],
        suite,
        lambda *step: steps.append(step),
        "spark",
        jobs=0,
        options=LOCAL,
        store=ParquetBatches(batch_size=10),
    )
    extracting = [done for stage, done, _ in steps if stage == "extracting"]
    articles = len(expected.shown.documents)
    assert extracting == sorted(extracting) and extracting[-1] == articles
    assert [s for s in steps if s[0] == "checking"][-1] == ("checking", len(got.rules), len(got.rules))
    assert expected.findings, "the collection must give findings for the comparison to mean something"
    assert [finding_key(f) for f in got.findings] == [finding_key(f) for f in expected.findings]
    # the examples break one table expectation: Great Expectations on Spark must name the same row
    assert expectation_outcomes(got) == expectation_outcomes(expected)


def test_figcheck_run_on_spark_writes_the_same_report(tmp_path: Path) -> None:
    out = {engine: tmp_path / engine for engine in ("pandas", "spark")}
    for engine, folder in out.items():
        arguments = ["run", str(SEED), "--engine", engine, "--out", str(folder), "--format", "json,sarif"]
        status = main(
            [*arguments, "--fail-on", "never", "--quiet", "--suite", str(SUITE), "--master", "local[2]"]
        )
        assert status == 0
    findings = {
        engine: [
            (f["code"], f["message"], f["fingerprint"], f["evidence"])
            for f in json.loads((folder / "findings.json").read_text(encoding="utf-8"))["findings"]
        ]
        for engine, folder in out.items()
    }
    assert len(findings["spark"]) == 8
    assert findings["spark"] == findings["pandas"]
