"""The numbers scorer: matching rules, per-language counts, and the command line."""

from __future__ import annotations

import json

import pytest

from figcheck.evaluate.numbers import main, matches, score


def fig(text, qualifier, value, lower, upper, li, ui):
    return {
        "text": text,
        "qualifier": qualifier,
        "value": value,
        "lower": lower,
        "upper": upper,
        "lower_inclusive": li,
        "upper_inclusive": ui,
        "unit": None,
    }


CASES = [
    {
        "id": "t-fr-1",
        "lang": "fr",
        "text": "Plus de 150 animaux sont saisis.",
        "figures": [fig("Plus de 150", "over", 150.0, 150.0, None, False, None)],
    },
    {"id": "t-fr-2", "lang": "fr", "text": "Je reviens le 12 janvier 2016.", "figures": []},
    {
        "id": "t-en-1",
        "lang": "en",
        "text": "about $ 14 million and between 20 and 30 cars",
        "figures": [
            fig("about $ 14 million", "approx", 14e6, None, None, None, None),
            fig("between 20 and 30", "range", None, 20.0, 30.0, True, True),
        ],
    },
    {"id": "t-en-2", "lang": "en", "text": "I'll be back at 7pm with 2 friends", "figures": []},
]


@pytest.fixture
def gold(tmp_path):
    path = tmp_path / "numbers.jsonl"
    path.write_text("\n".join(json.dumps(c) for c in CASES) + "\n", encoding="utf-8")
    return path


def test_approx_compares_value_and_qualifier_only():
    g = fig("environ 2", "approx", 2.0, None, None, None, None)
    assert matches(g, fig("environ 2", "approx", 2.0, 1.8, 2.2, True, True))
    assert not matches(g, fig("2", "exact", 2.0, 2.0, 2.0, True, True))


def test_bounds_and_inclusiveness_are_compared():
    g = fig("plus de 5", "over", 5.0, 5.0, None, False, None)
    assert matches(g, dict(g))
    assert not matches(g, fig("au moins 5", "at_least", 5.0, 5.0, None, True, None))


def test_score_counts_per_language_and_overall(gold):
    result = score(gold)
    assert result["overall"]["tp"] == 3
    assert result["en"]["fp"] == 1  # "2 friends" in a negative case
    assert result["fr"]["precision"] == 1.0 and result["fr"]["recall"] == 1.0
    assert result["overall"]["cases"] == 4


def test_main_prints_a_table_and_errors(gold, capsys):
    assert main([str(gold), "--errors"]) == 0
    out = capsys.readouterr().out
    assert "overall" in out and "fr" in out and "en" in out
    assert "spurious" in out and "t-en-2" in out


def test_main_reports_an_unreadable_file(tmp_path, capsys):
    assert main([str(tmp_path / "missing.jsonl")]) == 2
    assert "missing.jsonl" in capsys.readouterr().err
