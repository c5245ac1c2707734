"""Bad, hostile and odd input files, as a user meets them: the command, its exit status, its message."""

from pathlib import Path

import pytest

from figcheck.cli import main

ARTICLE = "---\nid: a\npublished: 2024-03-01\n---\nLe ministère a livré 1 200 camions en janvier.\n"


def run(folder: Path, out: Path, *extra: str) -> int:
    return main(["run", str(folder), "--out", str(out), "--format", "json", "--fail-on", "never", *extra])


def test_a_link_out_of_the_collection_is_reported_not_read(make_collection, tmp_path: Path, capsys) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOKEN=hunter2 and 5 000 euros\n", encoding="utf-8")
    folder = make_collection({"a.txt": ARTICLE})
    (folder / "articles" / "env.txt").symlink_to(secret)
    assert run(folder, tmp_path / "out") == 2
    err = capsys.readouterr().err
    assert "env.txt: links to" in err and "outside the collection" in err
    assert not (tmp_path / "out" / "findings.json").exists()


def test_upper_case_suffixes_are_articles(make_collection, tmp_path: Path, capsys) -> None:
    folder = make_collection({"A.TXT": ARTICLE})
    main(["extract", str(folder), "--table", "documents"])
    assert '"doc_id": "a"' in capsys.readouterr().out


def test_carriage_return_line_ends_keep_the_front_matter(make_collection, capsys) -> None:
    folder = make_collection({"a.txt": ARTICLE.replace("\n", "\r").encode("utf-8")})
    main(["extract", str(folder), "--table", "documents"])
    out = capsys.readouterr().out
    assert '"doc_id": "a"' in out and "2024-03-01" in out


def test_a_yaml_alias_bomb_in_front_matter_is_refused(make_collection, tmp_path: Path, capsys) -> None:
    bomb = "---\na: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
    bomb += (
        "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n---\nTexte.\n"
    )
    folder = make_collection({"a.txt": bomb})
    assert run(folder, tmp_path / "out") == 2
    assert "a.txt:3:" in capsys.readouterr().err


def test_a_publication_date_figcheck_cannot_hold_is_located(make_collection, tmp_path: Path, capsys) -> None:
    folder = make_collection({"a.txt": ARTICLE.replace("2024-03-01", "2500-06-01")})
    assert run(folder, tmp_path / "out") == 2
    assert "a.txt:3: front matter: published is '2500-06-01', outside the years" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("suite", "message"),
    [
        ("select: [QT]\nselect: [ALL]\n", "suite.yaml:2:1: not valid YAML: key 'select' is given twice"),
        ("collections: 5\n", "suite.yaml:1:14: 'collections' must be a list of names"),
        ("rules: ['/etc/*.py']\n", "suite.yaml:1:8: rules pattern '/etc/*.py' leaves the suite's folder"),
        ("expectations: none.json\n", "suite.yaml:1:15: expectations file 'none.json' does not exist"),
        ("select: &s [ALL]\nignore: *s\n", "suite.yaml:2:9: not valid YAML: aliases (*name) are not allowed"),
    ],
)
def test_suite_mistakes_are_located(
    make_collection, tmp_path: Path, capsys, suite: str, message: str
) -> None:
    folder = make_collection({"a.txt": ARTICLE})
    (tmp_path / "suite.yaml").write_text(suite, encoding="utf-8")
    assert run(folder, tmp_path / "out", "--suite", str(tmp_path / "suite.yaml")) == 2
    assert message in capsys.readouterr().err


def test_a_suite_not_in_utf8_is_located(make_collection, tmp_path: Path, capsys) -> None:
    folder = make_collection({"a.txt": ARTICLE})
    (tmp_path / "suite.yaml").write_bytes(b"name: caf\xe9\n")
    assert run(folder, tmp_path / "out", "--suite", str(tmp_path / "suite.yaml")) == 2
    assert "suite.yaml:1: byte 0xe9 at offset 9 is not UTF-8" in capsys.readouterr().err


def test_figures_csv_not_in_utf8_is_located(make_collection, tmp_path: Path, capsys) -> None:
    folder = make_collection({"a.txt": ARTICLE})
    (folder / "figures.csv").write_bytes(
        b"doc_id,text,value,qualifier,unit\na,1 200,1200,exact,camions\xe9\n"
    )
    assert run(folder, tmp_path / "out") == 2
    assert "figures.csv:2: byte 0xe9" in capsys.readouterr().err


def test_infinite_values_are_refused_and_lines_count_quoted_newlines(
    make_collection, tmp_path: Path, capsys
) -> None:
    table = 'doc_id,text,value,qualifier,unit\na,1 200,1200,exact,"camions\nlivrés"\na,1 200,-1e400,exact,x\n'
    folder = make_collection({"a.txt": ARTICLE}, figures_csv=table)
    assert run(folder, tmp_path / "out") == 2
    assert "figures.csv:4:3: column 'value' is '-1e400', not a number" in capsys.readouterr().err


def test_a_run_of_text_without_stops_is_read_in_bounded_pieces() -> None:
    from figcheck.text.sentences import LONGEST_SENTENCE, sentences

    text = "mot " * 5000 + "Fin. Une phrase."
    spans = list(sentences(text))
    assert max(s.end - s.start for s in spans) <= LONGEST_SENTENCE
    assert "".join(text[s.start : s.end] for s in spans).replace(" ", "") == text.replace(" ", "")


def test_a_shift_past_the_dates_the_tables_hold_leaves_the_period_undated(make_collection) -> None:
    from figcheck.pipeline import extract

    article = "---\nid: a\nlanguage: en\npublished: 2019-04-27\n---\nThe church was built 900 years ago "
    article += "by 300 workers, the museum said.\n"
    figures = extract([make_collection({"a.txt": article})]).figures
    assert figures["value"].tolist() == [300.0]
    assert figures["period_start"].isna().all()


def test_a_number_of_any_length_is_grouped_by_the_house_rule(make_collection, tmp_path: Path) -> None:
    import json

    folder = make_collection({"a.txt": ARTICLE.replace("1 200", "1" * 5000)})
    suite = Path(__file__).parents[1] / "checks" / "default.yaml"  # its folder holds the house rules
    assert run(folder, tmp_path / "o", "--suite", str(suite)) == 0
    found = json.loads((tmp_path / "o" / "findings.json").read_text(encoding="utf-8"))["findings"]
    assert [f["slug"] for f in found if f["code"] == "HS001"] == ["ungrouped-digits"]


@pytest.mark.slow
def test_an_article_longer_than_the_model_takes_is_read_by_pieces() -> None:
    from figcheck.extract import mentions
    from figcheck.extract.models import load_model

    nlp = load_model("fr")
    if nlp is None:
        pytest.skip("no French model installed")
    paragraph = "Le ministre Andreï Beloussov a rencontré Sergueï Choïgou à Moscou.\n"
    text = paragraph * (mentions.LONGEST_NER_TEXT // len(paragraph) + 5)
    found = mentions.find_mentions(text, "fr", None, nlp)
    assert len(found) == 3 * text.count("\n")
    assert {(m.text, m.type) for m in found} == {
        ("Andreï Beloussov", "person"),
        ("Sergueï Choïgou", "person"),
        ("Moscou", "place"),
    }
