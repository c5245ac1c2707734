"""Generated text and files: extraction and the loaders never crash, never invent a span, never hang.

The budget is fixed (examples per test, and a derandomized search) so that the suite takes the same time
on every run.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from figcheck.errors import InputError
from figcheck.extract.article import Resources, extract_articles
from figcheck.extract.models import load_model
from figcheck.load.articles import Article, read_article
from figcheck.load.curated import read_curated_figures
from figcheck.rules.suite import read_suite

BUDGET = settings(
    max_examples=150,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
WORDS = [
    "Le",
    "ministre",
    "a",
    "livré",
    "plus de",
    "environ",
    "1 200",
    "2,5",
    "millions",
    "de",
    "camions",
    "en",
    "janvier",
    "2024",
    "selon",
    "l'Insee",
    "«",
    "»",
    '"',
    "%",
    "€",
    "The",
    "army",
    "said",
    "about",
    "40,000",
    "trucks",
    "in",
    "2027",
    "over",
    "the",
    "whole",
    "year",
    "Белоусов",
    "mardi",
    "-",
    "–",
    "(",
    ")",
    ".",
    ",",
    ":",
    ";",
    "\n",
    "  ",
    "\u202f",
    "\u00a0",
    "trois",
    "twelve",
    "a dozen",
    "1er",
    "12/03",
    "10h30",
    "n°",
    "3e",
    "e",
    "x",
    "",
]
texts = st.lists(st.sampled_from(WORDS) | st.text(max_size=6), max_size=60).map(" ".join)


@pytest.fixture(scope="module")
def resources() -> Resources:
    models = {language: load_model(language) for language in ("fr", "en")}
    return Resources(pipeline_for=models.get)


@pytest.mark.slow
@BUDGET
@given(text=texts, language=st.sampled_from(["fr", "en"]))
def test_extraction_spans_are_the_text_they_name(resources: Resources, text: str, language: str) -> None:
    article = Article("a", Path("a.txt"), "c", text, language, 1, published=dt.date(2024, 3, 1))
    (extracted,) = extract_articles([article], resources)
    for figure in extracted.figures:
        assert text[figure["start"] : figure["end"]] == figure["text"]
        if figure["period_text_start"] is not None:
            assert text[figure["period_text_start"] : figure["period_text_end"]] == figure["period_text"]
        for day in (figure["period_start"], figure["period_end"], figure["statement_date"]):
            assert day is None or dt.date(1678, 1, 1) <= day <= dt.date(2261, 12, 31)
    for mention in extracted.mentions:
        assert text[mention["start"] : mention["end"]] == mention["text"]


@BUDGET
@given(raw=st.binary(max_size=300) | texts.map(lambda t: ("---\nid: a\n" + t).encode()))
def test_an_article_file_is_read_or_its_problem_located(tmp_path: Path, raw: bytes) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(raw)
    problems: list = []
    article = read_article(path, "c", problems)
    assert (article is None) == bool(problems)
    assert all(p.path == path for p in problems)


@BUDGET
@given(table=st.text(alphabet="doc_id,textvalueqrunt\n\"'=1.5e9-a ", max_size=200))
def test_a_figures_table_is_read_or_its_problems_located(tmp_path: Path, table: str) -> None:
    path = tmp_path / "figures.csv"
    path.write_text(table, encoding="utf-8")
    article = Article("a", Path("a.txt"), "c", "a 1.5 text", "fr", 1)
    problems: list = []
    rows = read_curated_figures(path, {"a": article}, problems)
    assert all(p.path == path and (p.line is None or p.line >= 1) for p in problems)
    assert all(row["doc_id"] == "a" for row in rows)


@BUDGET
@given(suite=st.text(alphabet="selctignorqus:[]{},-&*!\n 'AL1", max_size=120))
def test_a_suite_is_read_or_its_problems_located(tmp_path: Path, suite: str) -> None:
    path = tmp_path / "suite.yaml"
    path.write_text(suite, encoding="utf-8")
    try:
        read_suite(path)
    except InputError as error:
        assert all(p.path == path for p in error.problems)
