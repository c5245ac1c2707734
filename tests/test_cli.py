import json
from pathlib import Path

import pytest

from figcheck.cli import main
from tests.conftest import SEED_TEXT

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def seed(make_collection) -> Path:
    return make_collection({"article-fr.txt": SEED_TEXT}, name="seed")


def run_json(args: list[str], out: Path) -> dict:
    main(["run", *args, "--format", "json", "--out", str(out)])
    return json.loads((out / "findings.json").read_text(encoding="utf-8"))


def test_seed_unbalanced_quotes_with_exact_offsets(seed: Path, tmp_path: Path) -> None:
    report = run_json([str(seed), "--fail-on", "never"], tmp_path / "out")
    quotes = [f for f in report["findings"] if f["slug"] == "unbalanced-quote"]
    spans = [(e["start"], e["end"], e["line"]) for f in quotes for e in f["evidence"]]
    assert spans == [(334, 335, 2), (777, 778, 4), (1557, 1558, 6)]
    assert all(SEED_TEXT[start:end] == '"' for start, end, _ in spans)


def test_exit_status_follows_fail_on(seed: Path, tmp_path: Path) -> None:
    quotes_only = tmp_path / "quotes.yaml"
    quotes_only.write_text("select: [unbalanced-quote]\n", encoding="utf-8")
    args = ["run", str(seed), "--suite", str(quotes_only), "--out", str(tmp_path / "o"), "--quiet"]
    assert main([*args, "--fail-on", "warning"]) == 1
    assert main([*args, "--fail-on", "error"]) == 0
    assert main([*args, "--fail-on", "never"]) == 0


def test_clean_collection_exits_zero(make_collection, tmp_path: Path) -> None:
    folder = make_collection({"a.txt": "« Tout va bien », a-t-il dit."})
    suite = tmp_path / "quotes.yaml"
    suite.write_text("select: [unbalanced-quote]\n", encoding="utf-8")
    assert (
        main(["run", str(folder), "--suite", str(suite), "--fail-on", "info", "--out", str(tmp_path / "o")])
        == 0
    )


def test_bad_input_exits_two_and_writes_nothing(make_collection, tmp_path: Path, capsys) -> None:
    folder = make_collection({"a.txt": b"caf\xe9"})
    out = tmp_path / "reports"
    assert main(["run", str(folder), "--out", str(out)]) == 2
    assert "a.txt:1: byte 0xe9" in capsys.readouterr().err
    assert not out.exists() or not any(out.iterdir())


def test_bad_suite_exits_two(seed: Path, tmp_path: Path, capsys) -> None:
    suite = tmp_path / "bad.yaml"
    suite.write_text("select: [scope-conflit]\n", encoding="utf-8")
    assert main(["run", str(seed), "--suite", str(suite), "--out", str(tmp_path / "o")]) == 2
    assert "bad.yaml:1:10: unknown rule 'scope-conflit'" in capsys.readouterr().err


def test_usage_error_exits_two() -> None:
    with pytest.raises(SystemExit) as caught:
        main(["run", "--format", "pdf"])
    assert caught.value.code == 2


def test_html_report_is_self_contained_and_escapes_text(make_collection, tmp_path: Path) -> None:
    folder = make_collection({"a.txt": 'Il a écrit <script>alert(1)</script> & R&D", dit-il.'})
    main(["run", str(folder), "--out", str(tmp_path / "o"), "--fail-on", "never"])
    html = (tmp_path / "o" / "index.html").read_text(encoding="utf-8")
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; R&amp;D" in html
    assert "http://" not in html and "https://" not in html


def test_extract_prints_documents_as_json_lines(seed: Path, capsys) -> None:
    assert main(["extract", str(seed), "--table", "documents"]) == 0
    (row,) = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert (row["doc_id"], row["language"], row["length"]) == ("article-fr", "fr", len(SEED_TEXT))


def test_rules_lists_builtin_and_project_rules(capsys, monkeypatch) -> None:
    monkeypatch.chdir(ROOT)
    assert main(["rules"]) == 0
    out = capsys.readouterr().out
    assert "QT001  unbalanced-quote" in out and "HS001  ungrouped-digits" in out


def test_names_cluster_keeps_input_order_and_groups_spellings(tmp_path: Path, capsys) -> None:
    names = tmp_path / "names.txt"
    names.write_text("Andreï Beloussov\nBelov\nAndrey Belousov\nАндрей Белоусов\n", encoding="utf-8")
    assert main(["names", "cluster", str(names)]) == 0
    rows = [line.split("\t") for line in capsys.readouterr().out.splitlines()]
    assert [r[0] for r in rows] == ["Andreï Beloussov", "Belov", "Andrey Belousov", "Андрей Белоусов"]
    assert rows[0][1] == rows[2][1] == rows[3][1] != rows[1][1]
    assert [r[2] for r in rows[::2]] == ["french", "english"] and rows[3][2] == "cyrillic"


def test_names_explain_says_why(capsys) -> None:
    assert main(["names", "explain", "Sergueï Choïgou", "Sergei Shoigu"]) == 0
    out = capsys.readouterr().out
    assert "same entity" in out and "French" in out and "English" in out


def test_names_cluster_missing_file_is_an_input_error(tmp_path: Path, capsys) -> None:
    assert main(["names", "cluster", str(tmp_path / "none.txt")]) == 2
    assert "none.txt: no such file" in capsys.readouterr().err


def test_eval_scores_a_numbers_file(tmp_path: Path, capsys) -> None:
    gold = tmp_path / "numbers.jsonl"
    gold.write_text(
        json.dumps(
            {
                "id": "x-fr-1",
                "lang": "fr",
                "text": "Plus de 300 chars ont été livrés.",
                "published": None,
                "figures": [
                    {
                        "text": "Plus de 300",
                        "value": 300.0,
                        "lower": 300.0,
                        "upper": None,
                        "lower_inclusive": False,
                        "upper_inclusive": None,
                        "qualifier": "over",
                        "unit": "chars",
                    }
                ],
            }
        )
        + "\n",
        encoding="utf-8",
    )
    assert main(["eval", "numbers", str(gold)]) == 0
    assert "1.000" in capsys.readouterr().out


def test_rules_read_unit_kinds_from_the_collection_units_table(make_collection, tmp_path: Path) -> None:
    article = (
        "---\npublished: 2026-02-05\nlanguage: en\n---\n"
        "The index gained more than 40 grade points. Analysts cite about 40 grade points.\n"
    )
    folder = make_collection({"a.txt": article})
    suite = tmp_path / "drift.yaml"
    suite.write_text("select: [qualifier-drift]\n", encoding="utf-8")
    args = [str(folder), "--suite", str(suite), "--fail-on", "never"]
    counted = run_json(args, tmp_path / "counted")["findings"]
    # a collection that declares its unit a scale: "more than" and "about" are one reading on it
    (folder / "units.csv").write_text("unit,kind,lang,form\ngrade_point,percent,en,grade points\n", "utf-8")
    scaled = run_json(args, tmp_path / "scaled")["findings"]
    assert [f["slug"] for f in counted] == ["qualifier-drift"]
    assert scaled == []
