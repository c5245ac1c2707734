"""`index.html` read as a user reads it, without a browser: the verdict, the order of the findings,
their stable anchors, the lines that accept or silence them (which the suite then accepts), what a
large run leaves out, and where an article comes from."""

import json
from pathlib import Path

import lxml.html
import pandas as pd
import pytest

from figcheck.cli import main
from figcheck.report import charts, view

QUOTE = 'Le ministre a parlé", a-t-il dit.\n'
TYPO = "Le ministre a parlé de néocolonalisme, a-t-il dit.\n"
PLAIN = "Le ministre a parlé, a-t-il dit.\n"
SUITE = "select: [unbalanced-quote, misspelling]\n"


@pytest.fixture
def suite(make_suite) -> Path:
    return make_suite(SUITE)


def report(folder: Path, suite: Path, out: Path, *options: str) -> tuple[int, lxml.html.HtmlElement, dict]:
    status = main(
        ["run", str(folder), "--suite", str(suite), "--out", str(out), "--format", "html,json", *options]
    )
    page = lxml.html.fromstring((out / "index.html").read_text(encoding="utf-8"))
    return status, page, json.loads((out / "findings.json").read_text(encoding="utf-8"))


def text(element: lxml.html.HtmlElement) -> str:
    return " ".join(element.text_content().split())


def test_verdict_says_whether_the_run_fails_at_its_fail_on(
    make_collection, suite: Path, tmp_path: Path
) -> None:
    folder = make_collection({"a.txt": QUOTE + TYPO})
    status, page, _ = report(folder, suite, tmp_path / "o1", "--fail-on", "warning")
    (verdict,) = page.cssselect("#verdict")
    assert status == 1 and "fail" in verdict.classes
    assert text(verdict).startswith("Fails at --fail-on warning 1 finding at warning or above")

    status, page, _ = report(folder, suite, tmp_path / "o2", "--fail-on", "error")
    (verdict,) = page.cssselect("#verdict")
    assert status == 0 and "pass" in verdict.classes
    assert text(verdict).startswith("Passes at --fail-on error No finding at error.")


def test_verdict_counts_only_new_findings_against_a_baseline(
    make_collection, suite: Path, tmp_path: Path
) -> None:
    folder = make_collection({"a.txt": QUOTE, "b.txt": PLAIN})
    baseline = tmp_path / "baseline.json"
    assert main(["baseline", str(folder), "--suite", str(suite), "--output", str(baseline)]) == 0
    (folder / "articles" / "b.txt").write_text(TYPO, encoding="utf-8")
    status, page, found = report(
        folder, suite, tmp_path / "o", "--fail-on", "info", "--baseline", str(baseline)
    )
    assert status == 1
    assert text(page.cssselect("#verdict")[0]).startswith(
        "Fails at --fail-on info 1 new finding at info or above; the run exits with status 1. "
        "Against the baseline: 1 new, 1 accepted, 0 fixed."
    )
    new = {c.get("data-fingerprint"): c.get("data-new") for c in page.cssselect("article.finding")}
    assert new == {f["fingerprint"]: "1" if f["slug"] == "misspelling" else "0" for f in found["findings"]}
    assert page.cssselect("#finding-filters input[name=new]")


def test_findings_come_most_severe_first_then_by_article(
    make_collection, suite: Path, tmp_path: Path
) -> None:
    folder = make_collection({"a.txt": TYPO, "b.txt": QUOTE + TYPO, "c.txt": QUOTE})
    _, page, _ = report(folder, suite, tmp_path / "o", "--fail-on", "never")
    shown = [(c.get("data-severity"), c.get("data-article")) for c in page.cssselect("article.finding")]
    assert shown == [("warning", "b"), ("warning", "c"), ("info", "a"), ("info", "b")]
    assert [g.get("id") for g in page.cssselect("section.severity-group")] == [
        "severity-warning",
        "severity-info",
    ]


def test_anchors_come_from_fingerprints_and_survive_an_edit_elsewhere(
    make_collection, suite: Path, tmp_path: Path
) -> None:
    folder = make_collection({"a.txt": QUOTE, "b.txt": TYPO})
    _, page, found = report(folder, suite, tmp_path / "o1", "--fail-on", "never")
    cards = page.cssselect("article.finding")
    assert {c.get("id") for c in cards} == {f"f-{f['fingerprint']}" for f in found["findings"]}
    assert all(c.get("id") == f"f-{c.get('data-fingerprint')}" for c in cards)
    quote = next(c.get("id") for c in cards if c.get("data-rule") == "unbalanced-quote")
    # another article gains a finding ahead of it: the quote's anchor stays
    (folder / "articles" / "0.txt").write_text(QUOTE, encoding="utf-8")
    _, page, _ = report(folder, suite, tmp_path / "o2", "--fail-on", "never")
    assert page.cssselect(f'article.finding[id="{quote}"][data-article="a"]')


def test_each_finding_links_to_its_evidence_in_the_article_and_back(
    make_collection, suite: Path, tmp_path: Path
) -> None:
    folder = make_collection({"a.txt": TYPO})
    _, page, found = report(folder, suite, tmp_path / "o", "--fail-on", "never")
    (finding,) = found["findings"]
    (link,) = page.cssselect(f"#f-{finding['fingerprint']} a.to-evidence")
    target = link.get("href").lstrip("#")
    (anchor,) = page.cssselect(f'details.doc span.anchor[id="{target}"]')
    mark = anchor.getnext()
    assert mark.tag == "mark" and "evidence" in mark.classes and mark.text_content() == "néocolonalisme"
    assert [a.get("href") for a in page.cssselect("details.doc a.back")] == [f"#f-{finding['fingerprint']}"]


def suite_with(pre: str, suite: Path) -> Path:
    edited = suite.with_name("edited.yaml")
    edited.write_text(suite.read_text(encoding="utf-8") + pre + "\n", encoding="utf-8")
    return edited


def test_the_lines_a_card_gives_silence_the_rule_or_lower_its_severity(
    make_collection, suite: Path, tmp_path: Path
) -> None:
    folder = make_collection({"a.txt": QUOTE + TYPO})
    _, page, _ = report(folder, suite, tmp_path / "o", "--fail-on", "never")
    card = page.cssselect("article.finding[data-rule=unbalanced-quote]")[0]
    accept, ignore, lower = [pre.text_content() for pre in card.cssselect(".howto pre")]
    assert ignore == "ignore:\n  - unbalanced-quote" and lower == "severity:\n  unbalanced-quote: info"
    assert str(suite) in text(card.cssselect(".howto")[0])

    _, page, found = report(folder, suite_with(ignore, suite), tmp_path / "o2", "--fail-on", "never")
    assert [f["slug"] for f in found["findings"]] == ["misspelling"]
    _, page, found = report(folder, suite_with(lower, suite), tmp_path / "o3", "--fail-on", "never")
    assert {f["slug"]: f["severity"] for f in found["findings"]}["unbalanced-quote"] == "info"

    baseline = tmp_path / "one.json"
    baseline.write_text(
        json.dumps({"figcheck_baseline": 1, "findings": [json.loads(accept)]}), encoding="utf-8"
    )
    status, page, _ = report(
        folder, suite, tmp_path / "o4", "--fail-on", "warning", "--baseline", str(baseline)
    )
    assert status == 0 and "0 new" not in text(page.cssselect("#verdict")[0])
    assert "Against the baseline: 1 new, 1 accepted" in text(page.cssselect("#verdict")[0])
    assert "docs/rules.md#qt001-unbalanced-quote" in text(card)


def test_articles_without_findings_are_listed_not_reproduced(
    make_collection, suite: Path, tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.setattr(view, "MAX_LISTED_ARTICLES", 2)
    folder = make_collection({"a.txt": QUOTE, "b.txt": PLAIN, "c.txt": PLAIN, "d.txt": PLAIN})
    _, page, _ = report(folder, suite, tmp_path / "o", "--fail-on", "never")
    assert [(d.get("data-doc"), d.get("open")) for d in page.cssselect("details.doc")] == [("a", "")]
    assert len(page.cssselect("#listed-articles tbody tr")) == 2
    (note,) = page.cssselect("#documents p.capped")
    assert (
        text(note)
        == f"1 more articles are left out here; figcheck extract {folder} --table documents lists them all."
    )


def test_an_article_shows_where_it_comes_from(make_collection, suite: Path, tmp_path: Path) -> None:
    front = (
        "---\ntitle: Un titre\nurl: https://example.org/a\noutlet: Le Journal\nlicence: CC BY 4.0\n"
        "attribution: Rédaction du Journal\n---\n"
    )
    folder = make_collection({"a.txt": front + QUOTE})
    _, page, _ = report(folder, suite, tmp_path / "o", "--fail-on", "never")
    (provenance,) = page.cssselect("details.doc .provenance")
    assert text(provenance) == (
        "url: https://example.org/a · outlet: Le Journal · licence: CC BY 4.0 · attribution: Rédaction du Journal"
    )
    assert provenance.cssselect("a")[0].get("href") == "https://example.org/a"


def test_many_articles_and_long_lists_start_closed(
    make_collection, suite: Path, tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.setattr(view, "OPEN_ARTICLES", 1)
    monkeypatch.setattr(view, "LONG_LIST", 1)
    folder = make_collection({"a.txt": QUOTE, "b.txt": QUOTE, "c.txt": PLAIN, "d.txt": PLAIN})
    _, page, _ = report(folder, suite, tmp_path / "o", "--fail-on", "never")
    assert [d.get("open") for d in page.cssselect("details.doc")] == [None, None]
    assert page.cssselect("details#other-articles")[0].get("open") is None
    assert "follow a finding's link to its evidence" in text(page.cssselect("#documents")[0])


def figure(figure_id: str, start: str, end: str, scope: str) -> dict:
    return {
        "figure_id": figure_id,
        "text": "plus de 310 000",
        "unit": "armes",
        "value": 310000.0,
        "lower": 310000.0,
        "upper": None,
        "qualifier": "over",
        "period_start": pd.Timestamp(start),
        "period_end": pd.Timestamp(end),
        "period_scope": scope,
        "status": "actual",
        "speaker_text": None,
        "source": None,
    }


def test_chart_has_ticks_a_legend_for_each_colour_and_clips_a_far_outlier() -> None:
    figures = [
        figure("a#1", "2024-01-01", "2024-12-31", "whole_year"),
        figure("a#2", "2024-03-01", "2024-03-31", "month"),
        figure("a#3", "2024-04-01", "2024-12-31", "rest_of_year"),
        figure("a#4", "1950-01-01", "1950-12-31", "whole_year"),
    ]
    drawn = charts.chart(figures, {"a#2"})
    assert [b.clipped for b in drawn.bars] == ["", "", "", "before"]
    assert drawn.bars[3].label.startswith("◂") and "(1950)" in drawn.bars[3].label
    # the outlier does not squeeze the others: the whole year 2024 spans the plot
    assert drawn.bars[0].width > charts.PLOT * 0.95
    assert [b.found for b in drawn.bars] == [False, True, False, False]
    assert [t.label for t in drawn.ticks][:3] == ["2024-01", "2024-03", "2024-05"]
    assert [words for _, words in drawn.legend] == ["whole year", "rest of the year", "month"]
