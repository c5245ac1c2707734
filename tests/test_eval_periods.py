import json

from figcheck.evaluate.periods import main, score

CASES = [
    {
        "id": "t-fr-1",
        "lang": "fr",
        "text": "Plus de 500 drones ont été livrés en janvier 2026.",
        "reference_date": "2026-02-04",
        "period_text": "janvier 2026",
        "period_start": "2026-01-01",
        "period_end": "2026-01-31",
        "scope": "month",
    },
    {
        "id": "t-en-1",
        "lang": "en",
        "text": "About 2 million shells will be produced for the rest of the year.",
        "reference_date": "2026-02-04",
        "period_text": "rest of the year",
        "period_start": "2026-02-04",
        "period_end": "2026-12-31",
        "scope": "rest_of_year",
    },
    {
        "id": "t-en-2",
        "lang": "en",
        "text": "About 2 million shells were produced.",
        "reference_date": "2026-02-04",
        "period_text": "last week",
        "period_start": "2026-01-26",
        "period_end": "2026-02-01",
        "scope": "week",
    },
]


def write(tmp_path):
    path = tmp_path / "periods.jsonl"
    path.write_text("".join(json.dumps(c, ensure_ascii=False) + "\n" for c in CASES), encoding="utf-8")
    return path


def test_score_counts_scope_and_dates(tmp_path):
    result = score(write(tmp_path))
    assert result["cases"] == 3
    assert result["scope_accuracy"] == round(2 / 3, 4)
    assert result["dates_accuracy"] == round(2 / 3, 4)
    assert result["by_language"]["fr"]["scope_accuracy"] == 1.0
    assert result["by_scope"]["week"]["scope_accuracy"] == 0.0
    assert [e["id"] for e in result["errors"]] == ["t-en-2"]


def test_main_prints_table_and_errors(tmp_path, capsys):
    assert main([str(write(tmp_path)), "--errors"]) == 0
    out = capsys.readouterr().out
    assert "lang fr" in out and "t-en-2" in out


def test_main_reports_a_missing_file(tmp_path, capsys):
    assert main([str(tmp_path / "missing.jsonl")]) == 2
    assert "cannot score" in capsys.readouterr().err
