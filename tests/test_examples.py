"""The `examples` collection gives exactly the findings its README promises, and the seed its eight."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from figcheck.cli import main
from figcheck.pipeline import RunResult, run
from figcheck.rules.suite import read_suite
from figcheck.text.spelling import load_speller

ROOT = Path(__file__).resolve().parents[1]
SUITE = ROOT / "checks" / "default.yaml"
EXAMPLES = ROOT / "datasets" / "examples"
SEED = ROOT / "datasets" / "seed"
INSTALL = "apt-get install -y hunspell-fr-comprehensive hunspell-en-us hunspell-en-gb libenchant-2-2"

# One finding per rule; the table of datasets/examples/README.md.
PROMISED = Counter(
    {
        ("scope-conflict", "fr-obus-bilan-annuel"): 1,
        ("unbalanced-quote", "fr-obus-bilan-annuel"): 1,
        ("period-arithmetic", "en-drone-output-quarters"): 1,
        ("misspelling", "en-drone-output-quarters"): 1,
        ("qualifier-drift", "fr-budget-defense"): 1,
        ("title-drift", "fr-budget-defense"): 1,
        ("ungrouped-digits", "fr-budget-defense"): 1,
        ("unit-drift", "en-weapons-deliveries"): 1,
        ("name-variant", "en-weapons-deliveries"): 1,
        ("figure-drift", "fr-victimes-bilan"): 1,
        ("name-style-drift", "fr-victimes-bilan"): 1,
        ("attribution-drift", "en-shell-production"): 1,
        ("failed-expectation", "en-shell-production"): 1,
        ("approximation-drift", "fr-crue-evacuations"): 1,
        ("name-typo", "fr-crue-evacuations"): 1,
    }
)
CLEAN = ("fr-clean-ble", "en-clean-rail")


@pytest.fixture(scope="module", autouse=True)
def dictionaries() -> None:
    """The misspelling findings need the system's Hunspell dictionaries."""
    for language in ("fr", "en"):
        if load_speller(language) is None:
            pytest.skip(f"no Hunspell {language} dictionary through enchant; install with: {INSTALL}")


@pytest.fixture(scope="module")
def examples() -> RunResult:
    return run([EXAMPLES], read_suite(SUITE))


def test_examples_give_exactly_the_promised_findings(examples: RunResult) -> None:
    assert Counter((f.slug, f.doc_id) for f in examples.findings) == PROMISED


def test_clean_articles_give_no_finding_and_no_evidence(examples: RunResult) -> None:
    assert set(CLEAN) <= set(examples.extracted.documents["doc_id"])
    touched = {f.doc_id for f in examples.findings} | {
        e.doc_id for f in examples.findings for e in f.evidence
    }
    assert touched.isdisjoint(CLEAN)


def test_cross_article_findings_show_both_articles(examples: RunResult) -> None:
    for slug in ("figure-drift", "name-style-drift"):
        (finding,) = [f for f in examples.findings if f.slug == slug]
        assert {e.doc_id for e in finding.evidence} == {"fr-victimes-bilan", "fr-victimes-kherson"}


def test_failed_expectation_points_at_the_curated_row(examples: RunResult) -> None:
    (finding,) = [f for f in examples.findings if f.slug == "failed-expectation"]
    assert [e.text for e in finding.evidence] == ["20 million"]
    assert "ten billion munitions" in finding.message


def test_seed_gives_its_eight_findings(tmp_path: Path) -> None:
    out = tmp_path / "out"
    status = main(
        [
            "run",
            str(SEED),
            "--suite",
            str(SUITE),
            "--format",
            "json",
            "--out",
            str(out),
            "--fail-on",
            "never",
            "--quiet",
        ]
    )
    assert status == 0
    report = json.loads((out / "findings.json").read_text(encoding="utf-8"))
    assert Counter(f["slug"] for f in report["findings"]) == Counter(
        {
            "unbalanced-quote": 3,
            "name-variant": 1,
            "title-drift": 1,
            "scope-conflict": 2,
            "misspelling": 1,
        }
    )
    munitions = [
        f for f in report["findings"] if f["slug"] == "scope-conflict" and "munitions" in f["message"]
    ]
    assert len(munitions) == 1
    assert "2,000,000" in munitions[0]["message"]
