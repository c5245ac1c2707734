"""The news scorer: span matching, each field comparison, the scores and the command line."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from figcheck.cli import main as figcheck_main
from figcheck.evaluate.news import (
    FIELDS,
    Result,
    compare,
    match,
    names_unit,
    period_right,
    qualifier_right,
    score,
    speaker_right,
    status_right,
    unit_right,
    value_right,
)

FR_BODY = (
    "Selon la préfecture, 12 personnes ont été blessées lors de la tempête du 3 mars 2025.\n"
    "La mairie prévoit environ 40 000 euros de réparations.\n"
)
EN_BODY = "Police said 7 cars were damaged on Tuesday.\nThe race covered 15 km.\n"


def gold(body: str, text: str, value: float | None, unit: str | None, unit_norm: str | None, **extra):
    start = body.index(text)
    figure = {
        "start": start,
        "end": start + len(text),
        "text": text,
        "value": value,
        "lower": value,
        "upper": value,
        "lower_inclusive": True,
        "upper_inclusive": True,
        "qualifier": "exact",
        "unit": unit,
        "unit_norm": unit_norm,
        "kind": "count",
        "period": None,
        "status": "actual",
        "speaker": None,
        "note": None,
    }
    return {**figure, **extra}


ARTICLES = [
    {
        "id": "test-fr-1",
        "lang": "fr",
        "published": "2025-03-04",
        "body": FR_BODY,
        "figures": [
            gold(
                FR_BODY,
                "12",
                12,
                "personnes",
                "person",
                period={"text": "du 3 mars 2025", "start": "2025-03-03", "end": "2025-03-03", "scope": "day"},
                speaker="la préfecture",
            ),
            gold(
                FR_BODY,
                "environ 40 000",
                40000,
                "euros",
                "euro",
                lower=None,
                upper=None,
                lower_inclusive=None,
                upper_inclusive=None,
                qualifier="approx",
                kind="money",
                status="planned",
                speaker="La mairie",
            ),
        ],
    },
    {
        "id": "test-en-1",
        "lang": "en",
        "published": "2025-03-06",
        "body": EN_BODY,
        "figures": [
            gold(
                EN_BODY,
                "7",
                7,
                "cars",
                "car",
                period={"text": "on Tuesday", "start": "2025-03-04", "end": "2025-03-04", "scope": "day"},
                speaker="Police",
            ),
            gold(EN_BODY, "15", 15, "km", "kilometre", kind="measure"),
        ],
    },
]


def span(start: int, end: int, **extra):
    return {"start": start, "end": end, **extra}


# --- matching ---------------------------------------------------------------------------------------


def test_spans_pair_one_to_one_by_greatest_overlap():
    golds = [span(0, 10), span(12, 16)]
    found = [span(0, 3), span(2, 10), span(11, 14)]
    assert match(golds, found) == [(0, 1), (1, 2)]


def test_an_extracted_figure_overlapping_two_gold_figures_takes_the_larger_overlap():
    golds = [span(0, 4), span(5, 12)]
    found = [span(3, 12)]
    assert match(golds, found) == [(1, 0)]


def test_touching_spans_do_not_overlap():
    assert match([span(0, 5)], [span(5, 8)]) == []


# --- fields -----------------------------------------------------------------------------------------


def test_value_is_the_same_number_and_none_for_a_range():
    assert value_right({"value": 12}, {"value": 12.0})
    assert not value_right({"value": 12}, {"value": 13.0})
    assert value_right({"value": None}, {"value": None})
    assert not value_right({"value": None}, {"value": 5.0})


def test_approx_compares_the_qualifier_only():
    g = {"qualifier": "approx", "value": 15, "lower": None, "upper": None}
    assert qualifier_right(g, {"qualifier": "approx", "value": 15.0, "lower": 13.5, "upper": 16.5})
    assert not qualifier_right(g, {"qualifier": "exact", "value": 15.0, "lower": 15.0, "upper": 15.0})


def test_other_qualifiers_compare_bounds_and_inclusiveness():
    g = {"qualifier": "over", "lower": 5, "upper": None, "lower_inclusive": False, "upper_inclusive": None}
    assert qualifier_right(g, {**g, "lower": 5.0})
    assert not qualifier_right(g, {**g, "lower_inclusive": True})
    rng = {"qualifier": "range", "lower": 20, "upper": 30, "lower_inclusive": True, "upper_inclusive": True}
    assert not qualifier_right(rng, {**rng, "lower": 300})


def test_unit_folds_accents_case_and_plural():
    assert names_unit("Etat", "états")
    assert names_unit("jeu", "jeux")
    assert names_unit("PERSONNE", "personnes")
    assert not names_unit("personnel", "personnes")


def test_a_unit_written_as_a_symbol_names_itself():
    assert names_unit("$", "$")
    assert not names_unit("$", "€")


def test_unit_gold_word_may_be_one_word_of_the_extracted_text():
    assert names_unit("blessés graves", "blessé")
    assert not names_unit("light", "light years")
    assert names_unit("light years", "light-years")


def test_unit_matches_on_either_side_of_either_name():
    g = {"unit": "personnes", "unit_norm": "person"}
    assert unit_right(g, {"unit": "people", "unit_text": "personnes"})
    assert unit_right(g, {"unit": "person", "unit_text": None})
    assert not unit_right(g, {"unit": None, "unit_text": None})
    assert unit_right({"unit": "percent", "unit_norm": "percent"}, {"unit": None, "unit_text": "%"})


def test_no_gold_unit_wants_none_extracted():
    assert unit_right({"unit": None, "unit_norm": None}, {"unit": None, "unit_text": None})
    assert not unit_right({"unit": None, "unit_norm": None}, {"unit": "km", "unit_text": "km"})


def test_unspecified_scope_without_dates_is_no_period():
    nothing = {"period_start": None, "period_end": None, "period_scope": "unspecified"}
    assert period_right({"period": None}, nothing)
    assert not period_right({"period": None}, {**nothing, "period_scope": "whole_year"})
    open_ended = {"period_start": None, "period_end": dt.date(1970, 12, 31), "period_scope": "unspecified"}
    assert not period_right({"period": None}, open_ended)


def test_period_needs_the_same_scope_and_dates():
    g = {"period": {"text": "en mars", "start": "2025-03-01", "end": "2025-03-31", "scope": "month"}}
    found = {"period_start": dt.date(2025, 3, 1), "period_end": dt.date(2025, 3, 31), "period_scope": "month"}
    assert period_right(g, found)
    assert not period_right(g, {**found, "period_scope": "other"})
    assert not period_right(g, {**found, "period_end": dt.date(2025, 3, 30)})
    assert not period_right(g, {"period_start": None, "period_end": None, "period_scope": "unspecified"})


def test_lenient_status_reads_unspecified_as_actual():
    assert not status_right({"status": "actual"}, {"status": "unspecified"})
    assert status_right({"status": "actual"}, {"status": "unspecified"}, lenient=True)
    assert status_right({"status": "unspecified"}, {"status": "actual"}, lenient=True)
    assert not status_right({"status": "planned"}, {"status": "unspecified"}, lenient=True)


def test_speaker_is_the_gold_last_word_in_speaker_text_or_source():
    assert speaker_right({"speaker": "Andreï Beloussov"}, {"speaker_text": "le ministre Beloussov"})
    assert speaker_right({"speaker": "the NDRRMC"}, {"speaker_text": None, "source": "NDRRMC"})
    assert speaker_right({"speaker": "Insee"}, {"speaker_text": "l'INSEE", "source": None})
    assert not speaker_right({"speaker": "Insee"}, {"speaker_text": None, "source": None})
    assert not speaker_right({"speaker": "the United Nations"}, {"speaker_text": "United", "source": None})


def test_no_gold_speaker_wants_none_extracted():
    assert speaker_right({"speaker": None}, {"speaker_text": None, "source": None})
    assert not speaker_right({"speaker": None}, {"speaker_text": "police", "source": None})


def test_period_status_and_speaker_are_scored_on_counts_money_percent_and_rate_only():
    found = {"value": 2.0, "qualifier": "exact", "unit": "day", "unit_text": "days"}
    for kind in ("count", "money", "percent", "rate"):
        assert set(compare({"kind": kind, "value": 2}, found)) == set(FIELDS)
    for kind in ("duration", "measure", "score", "other"):
        assert set(compare({"kind": kind, "value": 2}, found)) == {"value", "qualifier", "unit"}


# --- scores and command line ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def gold_file(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("news") / "news_figures.jsonl"
    path.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in ARTICLES), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def result(gold_file: Path) -> Result:
    return score(gold_file)


def test_scores_per_language_then_overall(result: Result):
    assert list(result.scores) == ["en", "fr", "overall"]
    overall = result.scores["overall"]
    assert (overall.articles, overall.gold) == (2, 4)
    assert overall.extracted == result.scores["en"].extracted + result.scores["fr"].extracted
    assert overall.fully_right.scored == 4
    assert overall.fields["value"].scored == overall.matched
    assert 0.0 <= overall.precision <= 1.0 and 0.0 <= overall.f1 <= 1.0
    assert set(overall.as_dict()) >= {"gold", "extracted", "matched", "precision", "recall", "fully_right"}


def test_a_plain_count_is_found_with_its_value(result: Result):
    twelve = next(o for o in result.outcomes if o.gold["text"] == "12")
    assert twelve.found is not None
    assert "12" in twelve.found["text"]
    assert twelve.checks["value"]


def test_missed_figures_are_not_fully_right(result: Result):
    missed = [o for o in result.outcomes if o.found is None]
    right = sum(o.fully_right for o in result.outcomes)
    assert right == result.scores["overall"].fully_right.right
    assert right <= len(result.outcomes) - len(missed)


def test_lang_scores_one_language(gold_file: Path):
    assert list(score(gold_file, lang="fr").scores) == ["fr", "overall"]


def test_cli_prints_the_table(gold_file: Path, capsys):
    assert figcheck_main(["eval", "news", str(gold_file)]) == 0
    out = capsys.readouterr().out
    header = out.splitlines()[0].split()
    assert header == ["en", "fr", "overall"]
    for row in ("figures gold", "found precision", "found recall", "unit", "status lenient", "fully right"):
        assert any(line.startswith(row) for line in out.splitlines()), row


def test_cli_error_lines_start_with_the_field(gold_file: Path, capsys):
    assert figcheck_main(["eval", "news", str(gold_file), "--errors"]) == 0
    lines = capsys.readouterr().out.split("\n\n")[0].splitlines()
    fields = {"missed", "spurious", "value", "qualifier", "unit", "period", "status", "speaker"}
    for line in lines:
        assert line.split()[0] in fields, line
        assert " test-" in line and "gold=" in line and "got=" in line and " | " in line


def test_a_bad_line_is_reported_with_its_number(tmp_path: Path, capsys):
    path = tmp_path / "bad.jsonl"
    path.write_text(json.dumps(ARTICLES[0]) + "\n{not json\n", encoding="utf-8")
    assert figcheck_main(["eval", "news", str(path)]) == 2
    assert f"{path}:2: not JSON" in capsys.readouterr().err
