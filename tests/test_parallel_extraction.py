"""Extraction in worker processes gives the same tables, in the same order, as in one process."""

import io
from pathlib import Path

import pandas as pd
import pytest

from figcheck.cli import _progress_bar, main
from figcheck.pipeline import extract
from tests.conftest import SEED_TEXT

ARTICLES = {
    "a.txt": SEED_TEXT,
    "b.txt": "---\nlanguage: en\npublished: 2025-07-10\n---\nThe ministry said about 500 tanks were delivered "
    "so far this year, according to Reuters.\n",
    "c.txt": "---\npublished: 2025-03-02\n---\nAu premier trimestre 2025, plus de 400 drones ont été livrés, "
    "a déclaré Sergueï Choïgou.\n",
    "d.txt": "Le forum a réuni environ 1 200 exposants à Moscou en mai 2025.\n",
}


def test_two_workers_give_the_same_tables_as_one_process(make_collection) -> None:
    folder = make_collection(ARTICLES)
    alone, pooled = extract([folder], jobs=1), extract([folder], jobs=2)
    for table in ("documents", "figures", "mentions", "tokens"):
        pd.testing.assert_frame_equal(getattr(alone, table), getattr(pooled, table))
    assert len(pooled.figures) >= 10


def test_progress_is_reported_for_every_article(make_collection) -> None:
    seen: list[tuple[int, int]] = []
    extract([make_collection(ARTICLES)], progress=lambda done, total: seen.append((done, total)), jobs=2)
    assert seen == [(1, 4), (2, 4), (3, 4), (4, 4)]


@pytest.mark.parametrize("jobs", ["-1", "two"])
def test_bad_jobs_value_is_a_usage_error(jobs: str, tmp_path: Path) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["run", str(tmp_path), "--jobs", jobs])
    assert caught.value.code == 2


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_on_a_terminal_counts_articles_to_the_end() -> None:
    terminal, piped = _Terminal(), io.StringIO()
    for stream in (terminal, piped):
        show = _progress_bar(stream)
        for done in (10, 25, 40):
            show(done, 40)
    assert "extracting" in terminal.getvalue() and "40/40" in terminal.getvalue()
    assert piped.getvalue() == ""  # no bar in a log file


def test_no_bar_for_a_short_collection() -> None:
    terminal = _Terminal()
    _progress_bar(terminal)(3, 3)
    assert terminal.getvalue() == ""
