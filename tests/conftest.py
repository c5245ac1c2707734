import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from figcheck.extract.article import Resources, extract_articles
from figcheck.load.articles import Article
from figcheck.pipeline import RunResult, load_resources
from figcheck.rules.runner import ReportedFinding

SEED_TEXT = (
    Path(__file__).resolve().parents[1] / "datasets" / "seed" / "articles" / "article-fr.txt"
).read_text(encoding="utf-8")


@pytest.fixture
def make_collection(tmp_path: Path) -> Callable[..., Path]:
    """A collection folder with the given articles (name -> text or bytes) and optional figures.csv."""

    def make(articles: dict[str, str | bytes], figures_csv: str | None = None, name: str = "news") -> Path:
        folder = tmp_path / name
        (folder / "articles").mkdir(parents=True)
        for file_name, content in articles.items():
            path = folder / "articles" / file_name
            if isinstance(content, bytes):
                path.write_bytes(content)
            else:
                path.write_text(content, encoding="utf-8")
        if figures_csv is not None:
            (folder / "figures.csv").write_text(figures_csv, encoding="utf-8")
        return folder

    return make


EXPECTATIONS = Path(__file__).resolve().parents[1] / "checks" / "figures.expectations.json"
# a suite that runs only the project's Great Expectations suite on the figures table
EXPECTATIONS_SUITE = "select: [failed-expectation]\nexpectations: figures.expectations.json\n"


@pytest.fixture
def make_suite(tmp_path: Path) -> Callable[..., Path]:
    """A `suite.yaml` with the given text; with `expectations`, the project's expectations file beside it."""

    def make(text: str, expectations: bool = False) -> Path:
        if expectations:
            (tmp_path / EXPECTATIONS.name).write_text(
                EXPECTATIONS.read_text(encoding="utf-8"), encoding="utf-8"
            )
        path = tmp_path / "suite.yaml"
        path.write_text(text, encoding="utf-8")
        return path

    return make


def finding_key(finding: ReportedFinding) -> tuple[object, ...]:
    """What a reader and a baseline see of a finding: engines and batches must agree on all of it."""
    return (
        finding.code,
        finding.slug,
        finding.doc_id,
        finding.message,
        tuple((str(e), e.row) for e in finding.evidence),
        finding.fingerprint,
    )


def expectation_outcomes(result: RunResult) -> list[tuple[object, ...]]:
    """What a run's table expectations found, row ids included."""
    return [
        (o.type, o.success, o.element_count, o.unexpected_count, o.unexpected_ids)
        for o in result.expectations
    ]


@pytest.fixture(scope="module")
def resources() -> Resources:
    """What an extraction reads with, loaded once per test module."""
    return load_resources([])


def figures_of(resources: Resources, text: str, language: str, published: str) -> dict[str, dict[str, Any]]:
    """The figure rows of one article's `text`, by their words."""
    article = Article(
        doc_id="a",
        path=Path("a.txt"),
        collection="c",
        text=text,
        language=language,
        body_line=1,
        published=dt.date.fromisoformat(published),
    )
    [extraction] = extract_articles([article], resources)
    return {row["text"]: row for row in extraction.figures}
