"""Extraction in worker processes, and work in processes beside, give the same tables and findings as one process."""

import io
import multiprocessing
import os
import signal
import time
from pathlib import Path

import pandas as pd
import pytest

from figcheck.beside import Later, beside, served
from figcheck.cli import _progress_bar, main
from figcheck.extract import article as article_extraction
from figcheck.pipeline import InMemory, batches, extract, run
from figcheck.rules import Document, document_rule
from figcheck.rules.runner import document_findings, preparations
from figcheck.rules.suite import default_suite
from tests.conftest import SEED_TEXT

ARTICLES = {
    "a.txt": SEED_TEXT,
    "b.txt": "---\nlanguage: en\npublished: 2025-07-10\n---\nThe ministry said about 500 tanks were delivered "
    "so far this year, according to Reuters.\n",
    "c.txt": "---\npublished: 2025-03-02\n---\nAu premier trimestre 2025, plus de 400 drones ont été livrés, "
    "a déclaré Sergueï Choïgou.\n",
    "d.txt": "Le forum a réuni environ 1 200 exposants à Moscou en mai 2025.\n",
}


@pytest.mark.slow
def test_two_workers_give_the_same_tables_as_one_process(make_collection) -> None:
    folder = make_collection(ARTICLES)
    # two batches of two articles, one for each worker
    alone, pooled = extract([folder], jobs=1), extract([folder], jobs=2, store=InMemory(batch_size=2))
    for table in ("documents", "figures", "mentions", "tokens"):
        pd.testing.assert_frame_equal(getattr(alone, table), getattr(pooled, table))
    assert len(pooled.figures) >= 10


def test_a_long_text_gives_the_same_tables_with_its_numbers_and_mentions_read_in_other_processes(
    make_collection, monkeypatch
) -> None:
    folder = make_collection({"long.txt": "\n".join(ARTICLES["c.txt"].split("---\n")[-1] for _ in range(40))})
    monkeypatch.setattr(article_extraction, "BESIDE_FROM", 1_000)
    forked: list[bool] = []

    def recorded(work, *, fork):
        forked.append(fork)
        return beside(work, fork=fork)

    monkeypatch.setattr(article_extraction, "beside", recorded)
    alone, helped = extract([folder], jobs=1), extract([folder], jobs=2)
    # its numbers while the model loads, then its mentions while it is parsed
    assert forked == [False, False, True, True]
    for table in ("documents", "figures", "mentions"):
        pd.testing.assert_frame_equal(getattr(alone, table), getattr(helped, table))
    assert len(helped.mentions) >= 40


def test_a_long_text_gives_the_same_findings_with_its_rules_text_work_done_beside(
    make_collection, monkeypatch
) -> None:
    line = "Le ministère a livré 1 200 camions en janvier, selon le comuniqué du ministère.\n"
    folder = make_collection({"long.txt": "---\npublished: 2025-03-02\n---\n" + line * 40})
    monkeypatch.setattr(batches, "BESIDE_FROM", 1_000)
    asked: list[tuple[bool, bool]] = []

    def recorded(work, *, fork, idle=False):
        asked.append((fork, idle))
        return beside(work, fork=fork, idle=idle)

    monkeypatch.setattr(batches, "beside", recorded)
    alone, helped = run([folder], default_suite(), jobs=1), run([folder], default_suite(), jobs=2)
    assert asked == [(False, True), (True, True)]
    assert [(f.code, f.evidence) for f in alone.findings] == [(f.code, f.evidence) for f in helped.findings]
    assert sum(f.slug == "misspelling" for f in helped.findings) == 40


def _document(doc_id: str, text: str) -> Document:
    return Document(doc_id, "fr", text, [], [])


def test_a_rule_gets_what_its_preparation_gave_and_prepares_only_the_articles_left() -> None:
    seen: list[str] = []

    @document_rule(
        code="ZZ901", slug="loud", severity="info", family="house", prepare=lambda t, lang: t.upper()
    )
    def loud(document, prepared):
        """Records what it was handed."""
        seen.append(prepared)
        return iter(())

    given = preparations([loud], [("a", "first", "fr")])
    assert given == {"ZZ901": {"a": "FIRST"}}
    document_findings(
        loud, [_document("a", "first"), _document("b", "second")], default_suite(), None, given["ZZ901"]
    )
    assert seen == ["FIRST", "SECOND"]


def test_a_preparation_that_fails_is_done_again_where_the_rule_runs_which_reports_it() -> None:
    def no_dictionary(text: str, language: str) -> None:
        raise ValueError("no dictionary")

    @document_rule(code="ZZ902", slug="unprepared", severity="info", family="house", prepare=no_dictionary)
    def unprepared(document, prepared):
        """Never gets that far."""
        return iter(())

    assert preparations([unprepared], [("a", "text", "fr")]) == {"ZZ902": {}}
    failures: list = []
    assert document_findings(unprepared, [_document("a", "text")], default_suite(), failures) == []
    assert "no dictionary" in failures[0].message


def test_waiting_for_work_beside_gives_up_after_the_seconds_it_is_given() -> None:
    with beside(lambda: time.sleep(30)) as result, pytest.raises(TimeoutError):
        result(0.2)


def test_preparations_that_do_not_end_in_time_are_left_to_the_rules(monkeypatch) -> None:
    # the rules then prepare where they run, under their own time limit, which reports the rule
    monkeypatch.setattr(batches, "DOCUMENT_RULE_SECONDS", 0.1)
    with beside(lambda: time.sleep(30) or {"SP001": {}}, idle=True) as prepared:
        assert batches._ready(prepared, 2) == {}


def test_idle_work_beside_runs_at_the_lowest_priority() -> None:
    with beside(lambda: os.nice(0), idle=True) as niceness:
        assert niceness() == 19


def test_work_beside_runs_in_another_process_and_hands_back_its_result() -> None:
    with beside(os.getpid) as result:
        assert result() != os.getpid()
    with beside(os.getpid, fork=False) as result:
        assert result() == os.getpid()


def test_an_error_beside_is_raised_where_the_result_is_asked_for() -> None:
    with beside(lambda: int("five")) as result, pytest.raises(ValueError, match="five"):
        result()


def test_leaving_the_block_ends_the_work_beside() -> None:
    with pytest.raises(KeyError), beside(lambda: time.sleep(60)):
        raise KeyError("the caller failed")
    assert multiprocessing.active_children() == []


def test_a_process_served_later_runs_the_work_it_is_handed() -> None:
    with served(os.getpid) as ask:
        assert ask(os.getpid)() != os.getpid()
    with served(os.getpid) as ask:
        assert ask(pow, 2, 10)() == 1024
    with served(os.getpid, fork=False) as ask:
        assert ask(os.getpid)() == os.getpid()


def test_a_process_served_but_never_asked_ends_with_the_block() -> None:
    with served(os.getpid):
        pass
    assert multiprocessing.active_children() == []


def test_an_error_of_work_served_comes_back_and_a_later_sequence_raises_it_on_every_read() -> None:
    with served(os.getpid) as ask:
        outcomes = Later(ask(int, "five"))
        for _ in range(2):
            with pytest.raises(ValueError, match="five"):
                len(outcomes)
    assert list(Later(lambda: [1, 2])) == [1, 2]


def test_a_process_beside_that_missed_its_stop_still_ends_with_the_block() -> None:
    # a stop sent before the process replaced the handler it inherited is lost: ending must not hang
    previous = signal.signal(signal.SIGTERM, lambda *_: None)
    try:
        started = time.monotonic()
        with served(lambda: time.sleep(1)):
            pass
        with beside(lambda: "x" * 10_000_000):
            pass
    finally:
        signal.signal(signal.SIGTERM, previous)
    assert multiprocessing.active_children() == []
    assert time.monotonic() - started < 30


def test_progress_counts_the_articles_of_each_batch_extracted(make_collection) -> None:
    seen: list[tuple[str, int, int]] = []
    store = InMemory(batch_size=3)
    extract([make_collection(ARTICLES)], progress=lambda *step: seen.append(step), jobs=2, store=store)
    assert seen == [("extracting", 3, 4), ("extracting", 4, 4)]


def test_progress_is_reported_after_each_rule(make_collection) -> None:
    seen: list[tuple[str, int, int]] = []
    result = run(
        [make_collection(ARTICLES)],
        default_suite(),
        progress=lambda *step: seen.append(step),
        store=InMemory(batch_size=1),
    )
    rules = len(result.rules)
    assert rules > 5
    assert [s for s in seen if s[0] == "checking"] == [("checking", n, rules) for n in range(1, rules + 1)]
    assert seen.index(("checking", 1, rules)) == len(ARTICLES)  # after every article is extracted


@pytest.mark.parametrize("jobs", ["-1", "two"])
def test_bad_jobs_value_is_a_usage_error(jobs: str, tmp_path: Path) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["run", str(tmp_path), "--jobs", jobs])
    assert caught.value.code == 2


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_on_a_terminal_counts_articles_then_rules_to_the_end() -> None:
    terminal, piped = _Terminal(), io.StringIO()
    for stream in (terminal, piped):
        show = _progress_bar(stream)
        for done in (10, 25, 40):
            show("extracting", done, 40)
        for done in (1, 2, 3):
            show("checking", done, 3)
    shown = terminal.getvalue()
    assert "extracting" in shown and "40/40" in shown
    assert "checking" in shown and "3/3" in shown and shown.index("40/40") < shown.index("3/3")
    assert piped.getvalue() == ""  # no bar in a log file


def test_no_bar_for_a_short_collection() -> None:
    terminal = _Terminal()
    show = _progress_bar(terminal)
    show("extracting", 3, 3)
    show("checking", 12, 12)
    assert terminal.getvalue() == ""
