"""Bad, hostile and odd input files, as a user meets them: the command, its exit status, its message."""

import json
import os
from pathlib import Path

import pytest

from figcheck.cli import main
from figcheck.rules.figures.restated import MOST_RESTATEMENTS

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


@pytest.mark.parametrize(
    ("name", "make", "message"),
    [
        ("pipe.txt", os.mkfifo, "pipe.txt: is not a plain file (a folder, a pipe or a device)"),
        ("gone.txt", lambda path: path.symlink_to(path.parent / "nowhere.txt"), "gone.txt: links to "),
        (
            "b.txt ",
            lambda path: path.write_text(ARTICLE, encoding="utf-8"),
            "the name ends in a space after '.txt'",
        ),
    ],
)
def test_a_file_named_as_an_article_that_cannot_be_read_as_one_is_reported(
    make_collection, tmp_path: Path, capsys, name: str, make, message: str
) -> None:
    folder = make_collection({"a.txt": ARTICLE})
    make(folder / "articles" / name)
    assert run(folder, tmp_path / "out") == 2
    err = capsys.readouterr().err
    assert message in err and "its article is not checked" in err


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
        ("collections: 5\n", "suite.yaml:1:14: 'collections' must be a string or a list, not a whole number"),
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


def test_a_huge_article_is_read_whole_and_said_to_be_read_in_part_by_word_lists(
    make_collection, tmp_path: Path, capsys, monkeypatch
) -> None:
    from figcheck.extract.article import extract_articles
    from figcheck.load.articles import read_article
    from figcheck.pipeline import load_resources

    # the limit brought down from 100,000 characters, so that the test reads a few pages, not a book
    monkeypatch.setattr("figcheck.text.sentences.DEEPEST_READ", 3_000)
    paragraph = "Le ministre Andreï Beloussov a visité Moscou. Il a livré 1 200 camions en janvier.\n"
    lines = 3_000 // len(paragraph) + 20
    folder = make_collection({"a.txt": "---\nid: a\npublished: 2024-03-01\n---\n" + paragraph * lines})
    assert run(folder, tmp_path / "o") == 0
    note = capsys.readouterr().err
    assert "a.txt:" in note and "word lists only" in note
    noted_line = int(note.split("a.txt:")[1].split(":")[0])
    assert 5 < noted_line < 5 + lines  # a line of the body, past its start and before its end
    article = read_article(folder / "articles" / "a.txt", "news", [])
    assert article is not None
    (extraction,) = extract_articles([article], load_resources([]))
    # every line is read, by the model up to the noted line and by word lists after it
    assert len(extraction.figures) == lines
    assert {f["unit"] for f in extraction.figures} == {"trucks"}
    named = [m for m in extraction.mentions if m["text"] == "Andreï Beloussov"]
    assert len(named) == lines
    # the parse stops at the limit too: figures past it have no grammar, those before it have one
    from figcheck.extract.models import load_model
    from figcheck.extract.numbers import scan
    from figcheck.extract.syntax import parse_many
    from figcheck.text.sentences import sentences

    quantities = scan(article.text, "fr").quantities
    (parsed,) = parse_many(load_model("fr"), [(article.text, list(sentences(article.text)), quantities)])
    read = [g is not None for g in parsed.grammars]
    assert read[0] and not read[-1]
    assert read == sorted(read, reverse=True)


RULES = '''
from figcheck.rules import Document, Evidence, Finding, document_rule


@document_rule(code="XX001", slug="raises-on-trucks", severity="info", family="house")
def raises_on_trucks(document: Document):
    """Raises on an article about trucks."""
    if "camions" in document.text:
        raise ValueError("no trucks here")
    yield from ()


@document_rule(code="XX002", slug="never-ends", severity="info", family="house")
def never_ends(document: Document):
    """Never ends on an article about trucks."""
    while "camions" in document.text:
        pass
    yield from ()


@document_rule(code="XX003", slug="quotes-past-the-end", severity="info", family="house")
def quotes_past_the_end(document: Document):
    """Quotes evidence past the end of its article."""
    yield Finding(document.doc_id, "far away", (Evidence(document.doc_id, 999_990, 1_000_000, "x"),))
'''


def test_a_project_rule_that_fails_is_located_and_the_run_goes_on(
    make_collection, tmp_path: Path, capsys, monkeypatch
) -> None:
    import json

    from figcheck.rules import runner

    monkeypatch.setattr(runner, "DOCUMENT_RULE_SECONDS", 0.5)
    folder = make_collection({"a.txt": ARTICLE, "b.txt": ARTICLE.replace("id: a", "id: b") + '" ouvert\n'})
    checks = tmp_path / "checks"
    checks.mkdir()
    (checks / "house.py").write_text(RULES, encoding="utf-8")
    (checks / "suite.yaml").write_text("select: [XX, QT001]\n", encoding="utf-8")
    assert run(folder, tmp_path / "out", "--suite", str(checks / "suite.yaml")) == 2
    err = capsys.readouterr().err
    assert "house.py:9: rule XX001 raises-on-trucks on article 'a' raised ValueError: no trucks here" in err
    assert "rule XX002 never-ends on article 'b' did not finish within 0.5 s" in err
    assert (
        "rule XX003 quotes-past-the-end on article 'a' gave a wrong finding: its evidence 999990-1000000"
        in err
    )
    found = json.loads((tmp_path / "out" / "findings.json").read_text(encoding="utf-8"))["findings"]
    assert [(f["code"], f["doc_id"]) for f in found] == [("QT001", "b")]


def test_an_article_whose_rows_break_a_table_check_is_set_aside(
    make_collection, tmp_path: Path, capsys, monkeypatch
) -> None:
    import dataclasses
    import datetime as dt
    import json

    from figcheck.pipeline import batches

    def extract_badly(articles, resources, helpers=0):
        extractions = extract_articles(articles, resources, helpers)
        bad = {
            **extractions[0].figures[0],
            "period_start": dt.date(2024, 2, 1),
            "period_end": dt.date(2024, 1, 1),
        }
        return [dataclasses.replace(extractions[0], figures=(bad,)), *extractions[1:]]

    extract_articles = batches.extract_articles
    monkeypatch.setattr(batches, "extract_articles", extract_badly)
    folder = make_collection({"a.txt": ARTICLE, "b.txt": ARTICLE.replace("id: a", "id: b") + '" ouvert\n'})
    assert run(folder, tmp_path / "out") == 2
    assert "a.txt:5: figcheck read rows here that break its own table checks" in capsys.readouterr().err
    found = json.loads((tmp_path / "out" / "findings.json").read_text(encoding="utf-8"))["findings"]
    assert {f["doc_id"] for f in found} == {"b"}


def test_ctrl_c_ends_the_run_with_a_word_and_status_130(
    make_collection, tmp_path: Path, capsys, monkeypatch
) -> None:
    from figcheck import cli

    def interrupted(args):
        raise KeyboardInterrupt

    monkeypatch.setattr(cli, "_run_suite", interrupted)
    assert run(make_collection({"a.txt": ARTICLE}), tmp_path / "out") == 130
    assert "figcheck: interrupted" in capsys.readouterr().err


def test_more_jobs_than_cores_are_capped_with_a_word(make_collection, tmp_path: Path, capsys) -> None:
    import os

    assert run(make_collection({"a.txt": ARTICLE}), tmp_path / "out", "--jobs", "4096") == 0
    assert f"--jobs 4096 is more than the {os.cpu_count()} cores here" in capsys.readouterr().err


def test_an_option_of_the_wrong_kind_is_located(make_collection, tmp_path: Path, capsys) -> None:
    import shutil

    checks = tmp_path / "checks"
    checks.mkdir()
    shutil.copy(Path(__file__).parents[1] / "checks" / "ungrouped_digits.py", checks)
    suite = checks / "typed.yaml"
    suite.write_text("options:\n  ungrouped-digits:\n    min_digits: 'five'\n", encoding="utf-8")
    assert run(make_collection({"a.txt": ARTICLE}), tmp_path / "out", "--suite", str(suite)) == 2
    err = capsys.readouterr().err
    assert (
        "typed.yaml:3:5: option 'min_digits' of rule 'ungrouped-digits' is 'five', not a whole number" in err
    )


def test_a_text_file_in_utf_16_without_its_mark_is_refused_not_read_as_text(
    make_collection, tmp_path: Path, capsys
) -> None:
    folder = make_collection({"a.txt": ARTICLE.encode("utf-16-le")})
    assert run(folder, tmp_path / "out") == 2
    assert "a.txt:1: a NUL byte at offset 1: the file is UTF-16 or binary" in capsys.readouterr().err
    table = tmp_path / "table"
    table.mkdir()
    (table / "articles.jsonl").write_bytes('{"id": "a", "text": "5 camions"}\n'.encode("utf-16-le"))
    assert run(table, tmp_path / "out") == 2
    assert "articles.jsonl:1:2: a NUL byte: the file is UTF-16 or binary" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("front_matter", "line", "message"),
    [
        ("id: a\nx: !!float abc", 3, "tag:yaml.org,2002:float value 'abc' cannot be read"),
        (
            "id: a\npublished: !!timestamp 2025-02-30",
            3,
            "value '2025-02-30' cannot be read (day is out of range",
        ),
        ("id: a\nx: " + "[" * 5000 + "]" * 5000, 3, "values are nested more than 100 deep"),
        ('id: a\ntitle: "\\ud800"', 3, "title is a text with '\\ud800', an escape of no character"),
        ("{id: a, published: 2025-13-01}", 2, "published is '2025-13-01', not a date"),
        ('id: a\n"published": 2025-13-01', 3, "published is '2025-13-01', not a date"),
        ("id: a\nscore: .nan", 3, "score is nan, not a number a table can hold"),
    ],
)
def test_front_matter_values_that_cannot_be_read_are_located_however_the_yaml_writes_them(
    make_collection, tmp_path: Path, capsys, front_matter: str, line: int, message: str
) -> None:
    folder = make_collection({"a.txt": f"---\n{front_matter}\n---\nLe ministère a livré 1 200 camions.\n"})
    assert run(folder, tmp_path / "out") == 2
    err = capsys.readouterr().err
    assert f"a.txt:{line}: front matter: " in err and message in err


@pytest.mark.parametrize(
    ("table", "content", "message"),
    [
        (
            "articles.jsonl",
            '{"id": "a", "text": "5 camions \\ud800"}\n',
            "articles.jsonl:1: text is a text with '\\ud800'",
        ),
        (
            "articles.csv",
            'id,text,text\na,"Il a livré 5 camions.",x\n',
            "articles.csv:1: column 'text' is given twice",
        ),
        (
            "articles.jsonl",
            '{"id": "a", "text": "5 camions"}\n{"id": "b", "text": "6 camions", "text": "x"}\n',
            "articles.jsonl:2: not valid here: key 'text' is given twice in one object",
        ),
    ],
)
def test_an_article_table_that_cannot_be_read_as_written_is_located(
    tmp_path: Path, capsys, table: str, content: str, message: str
) -> None:
    folder = tmp_path / "table"
    folder.mkdir()
    (folder / table).write_text(content, encoding="utf-8")
    assert run(folder, tmp_path / "out") == 2
    assert message in capsys.readouterr().err


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("[" * 100_000 + "]" * 100_000, "not valid JSON here: values nested too deep"),
        (
            '{"figcheck_baseline": ' + "9" * 5000 + "}",
            "not valid JSON here: a number longer than Python reads",
        ),
    ],
)
def test_a_baseline_nested_too_deep_or_with_a_huge_number_is_refused(
    make_collection, tmp_path: Path, capsys, content: str, message: str
) -> None:
    baseline = tmp_path / "baseline.json"
    baseline.write_text(content, encoding="utf-8")
    assert run(make_collection({"a.txt": ARTICLE}), tmp_path / "out", "--baseline", str(baseline)) == 2
    assert f"baseline.json: {message}" in capsys.readouterr().err


def test_a_long_cell_is_read_and_a_long_wrong_value_shown_by_its_start(
    make_collection, tmp_path: Path, capsys
) -> None:
    table = tmp_path / "table"
    table.mkdir()
    long_text = "Le ministère a livré 1 200 camions en janvier. " * 5_000  # 240 KB in one cell
    (table / "articles.csv").write_text(f'id,text\nlong,"{long_text}"\n', encoding="utf-8")
    main(["extract", str(table), "--table", "documents"])
    assert '"doc_id": "long"' in capsys.readouterr().out
    figures = "doc_id,text,value,qualifier,unit\na,1 200," + '"' + "9" * 200_000 + '",exact,camions\n'
    assert run(make_collection({"a.txt": ARTICLE}, figures), tmp_path / "out") == 2
    err = capsys.readouterr().err
    assert (
        "figures.csv:2:3: column 'value' is '9999" in err and "… (200,000 characters)', not a number" in err
    )
    assert max(len(line) for line in err.splitlines()) < 300


def test_an_empty_articles_folder_is_a_collection_of_no_articles(
    make_collection, tmp_path: Path, capsys
) -> None:
    assert run(make_collection({}), tmp_path / "out") == 0
    assert "in 0 articles" in capsys.readouterr().out


def test_a_file_name_that_is_not_utf8_is_read_and_shown_escaped(
    make_collection, tmp_path: Path, capsys
) -> None:
    folder = make_collection({})
    (folder / "articles" / os.fsdecode(b"bad\xe9name.txt")).write_text(ARTICLE, encoding="utf-8")
    assert main(["extract", str(folder), "--table", "documents"]) == 0
    assert "bad\\\\xe9name.txt" in capsys.readouterr().out


def test_a_figure_restated_hundreds_of_times_is_one_finding_on_its_first_restatements(
    make_collection, tmp_path: Path
) -> None:
    line = "The operator carried 3.2 million passengers in 2024, about 3.2 million in 2024. "
    folder = make_collection({"a.txt": "---\nid: a\nlanguage: en\npublished: 2025-02-11\n---\n" + line * 120})
    assert run(folder, tmp_path / "out") == 0
    findings = json.loads((tmp_path / "out" / "findings.json").read_text(encoding="utf-8"))["findings"]
    drifts = [f for f in findings if f["code"] == "FG005"]
    assert len(drifts) == 1
    assert len(drifts[0]["evidence"]) == 2 * MOST_RESTATEMENTS


@pytest.mark.skipif(not Path("/proc/self").is_dir(), reason="needs a folder that refuses new files")
def test_a_baseline_output_in_a_folder_that_refuses_files_stops_before_the_run(
    make_collection, capsys
) -> None:
    assert main(["baseline", str(make_collection({"a.txt": ARTICLE})), "--output", "/proc/x.json"]) == 2
    captured = capsys.readouterr()
    assert "/proc: refuses new files" in captured.err and "recorded" not in captured.out


def test_figures_csv_naming_a_column_twice_is_refused(make_collection, tmp_path: Path, capsys) -> None:
    figures = "doc_id,text,value,value\na,1 200,1200,5\n"
    assert run(make_collection({"a.txt": ARTICLE}, figures), tmp_path / "out") == 2
    assert "figures.csv:1: column 'value' given twice" in capsys.readouterr().err


def test_a_folder_of_articles_that_cannot_be_listed_is_reported(
    make_collection, tmp_path: Path, capsys, monkeypatch
) -> None:
    folder = make_collection({"a.txt": ARTICLE})
    (folder / "articles" / "locked").mkdir()
    (folder / "articles" / "locked" / "b.txt").write_text(ARTICLE.replace("id: a", "id: b"), encoding="utf-8")
    listing = os.scandir

    def scandir(path):  # as an unprivileged user sees a folder with mode 000
        if Path(path).name == "locked":
            raise PermissionError(13, "Permission denied", str(path))
        return listing(path)

    monkeypatch.setattr(os, "scandir", scandir)
    assert run(folder, tmp_path / "out") == 2
    assert (
        "locked: cannot be read (Permission denied); its articles are not checked" in capsys.readouterr().err
    )


def test_a_figures_csv_date_the_tables_cannot_hold_is_located(
    make_collection, tmp_path: Path, capsys
) -> None:
    figures = "doc_id,text,value,qualifier,unit,statement_date\na,1 200,1200,exact,camions,9999-12-31\n"
    assert run(make_collection({"a.txt": ARTICLE}, figures), tmp_path / "out") == 2
    assert "figures.csv:2:6: column 'statement_date' is '9999-12-31', not a date (YYYY-MM-DD) from 1678" in (
        capsys.readouterr().err
    )


def test_a_collection_named_twice_is_read_once(make_collection, tmp_path: Path, capsys) -> None:
    folder = make_collection({"a.txt": ARTICLE})
    args = [
        "run",
        str(folder),
        str(folder / ".." / folder.name),
        "--out",
        str(tmp_path / "out"),
        "--format",
        "json",
    ]
    assert main(args) == 0
    assert "in 1 articles" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--format", ""], "argument --format: no format given; choose from"),
        (["--format", " , "], "argument --format: no format given; choose from"),
        (["--out", ""], "argument --out: an empty path; name a file or folder"),
        (["--suite", " "], "argument --suite: an empty path"),
    ],
)
def test_an_empty_option_is_a_usage_error_not_the_working_folder(
    make_collection, tmp_path: Path, capsys, monkeypatch, arguments: list[str], message: str
) -> None:
    folder = make_collection({"a.txt": ARTICLE})
    monkeypatch.chdir(tmp_path)
    with pytest.raises(SystemExit) as stopped:
        main(["run", str(folder), *arguments])
    assert stopped.value.code == 2
    assert message in capsys.readouterr().err
    assert not (tmp_path / "index.html").exists()
