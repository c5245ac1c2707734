"""One article as a text file, Markdown, a saved web page and a row of each kind of article table gives
the same figures and findings; bad input in every form is located at its file, line or row."""

from __future__ import annotations

import csv
import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from figcheck.cli import main
from figcheck.errors import InputError
from figcheck.load.collections import load_corpus
from figcheck.load.markdown import markdown_text, position
from figcheck.pipeline import ParquetBatches, check_loaded, load_resources, run
from figcheck.rules.discover import all_rules
from figcheck.rules.suite import default_suite, select_rules

PAGE = Path(__file__).parent / "data" / "forms" / "rail.html"
PARAGRAPHS = (
    "The national rail operator carried 3.2 million passengers in 2024, its chief executive, "
    "Bohdan Vasylyshyn, said on Monday.",
    '"We expect growth to continue," Mr Vasylyshyn said, adding that 45 new carriages would enter '
    "service in March 2025.",
    "Later, the operator said it carried about 3.2 million passengers in 2024.",
)
TEXT = "\n".join(PARAGRAPHS)
FIELDS: dict[str, Any] = {
    "id": "rail",
    "title": "Rail operator carries more passengers",
    "outlet": "Eastern Ledger",
    "published": "2025-02-11",
    "language": "en",
}
FRONT = "---\n" + "".join(f"{k}: {v}\n" for k, v in FIELDS.items()) + "---\n"
MARKDOWN = (
    FRONT
    + "The national rail operator carried **3.2 million passengers** in 2024, its chief\n"
    + "executive, [Bohdan Vasylyshyn](https://ledger.example/people/bv), said on Monday.\n\n"
    + '"We expect growth to continue," Mr Vasylyshyn said, adding that *45 new carriages*\n'
    + "would enter service in March 2025.\n\n"
    + "Later, the operator said it carried about 3.2 million passengers in 2024.\n"
)


def write_table(path: Path, rows: list[dict[str, Any]]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.suffix == ".jsonl":
        path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    elif path.suffix == ".csv":
        with path.open("w", newline="", encoding="utf-8") as file:
            writer = csv.DictWriter(file, fieldnames=list(rows[0]))
            writer.writeheader()
            writer.writerows(rows)
    else:
        pq.write_table(pa.Table.from_pylist(rows), path, row_group_size=100)
    return path


def form(folder: Path, name: str) -> Path:
    """A collection holding the article in form `name`."""
    collection = folder / name
    articles = collection / "articles"
    articles.mkdir(parents=True)
    if name == "txt":
        (articles / "rail.txt").write_text(FRONT + TEXT + "\n", encoding="utf-8")
    elif name == "md":
        (articles / "rail.md").write_text(MARKDOWN, encoding="utf-8")
    elif name == "html":
        shutil.copy(PAGE, articles / "rail.html")
    else:
        write_table(collection / f"articles.{name}", [{**FIELDS, "text": TEXT}])
    return collection


FORMS = ("txt", "md", "html", "jsonl", "csv", "parquet")


@pytest.fixture(scope="module")
def checked(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """Each form's article read and checked with the default rules, the models loaded once."""
    folder = tmp_path_factory.mktemp("forms")
    collections = {name: form(folder, name) for name in FORMS}
    resources = load_resources(tuple(collections.values()))
    suite = default_suite()
    rules = select_rules(suite, all_rules(()))
    results = {}
    for name, collection in collections.items():
        (article,) = load_corpus([collection]).articles
        results[name] = (article, check_loaded([article], rules, suite, resources))
    return results


@pytest.mark.parametrize("name", FORMS[1:])
def test_each_form_reads_as_the_text_file(checked: dict[str, Any], name: str) -> None:
    plain, _ = checked["txt"]
    article, _ = checked[name]
    assert article.text == plain.text.removesuffix("\n")  # a text file ends with a line end
    assert (article.doc_id, article.title, article.published, article.language) == (
        plain.doc_id,
        plain.title,
        plain.published,
        plain.language,
    )


@pytest.mark.parametrize("name", FORMS[1:])
def test_each_form_gives_the_same_figures_and_findings(checked: dict[str, Any], name: str) -> None:
    def figures(result: Any) -> list[dict[str, Any]]:
        frame = result.extracted.figures.drop(columns=[])
        return json.loads(frame.to_json(orient="records", date_format="iso"))

    def findings(result: Any) -> list[tuple[object, ...]]:
        return [
            (f.code, f.message, tuple(str(e) for e in f.evidence), f.fingerprint) for f in result.findings
        ]

    _, plain = checked["txt"]
    _, result = checked[name]
    assert figures(result) == figures(plain)
    assert findings(result) == findings(plain)
    assert any(f.code == "FG005" for f in result.findings)  # the drift between 3.2 million and about


def test_a_page_keeps_its_article_and_metadata_and_leaves_out_the_rest(checked: dict[str, Any]) -> None:
    page, _ = checked["html"]
    assert page.url == "https://ledger.example/business/2025/02/11/rail-operator-passengers"
    assert page.metadata == {"author": "Marta Kowal"}
    for left_out in ("Weather", "Related articles", "Bus fares", "late 300 times", "Sign up", "©"):
        assert left_out not in page.text
    assert page.text.count("\n") == 2  # three paragraphs, three lines


def _sarif(collection: Path, out: Path) -> dict[str, Any]:
    command = ["run", str(collection), "--format", "sarif", "--out", str(out), "--fail-on", "never"]
    assert main(command) == 0
    sarif: dict[str, Any] = json.loads((out / "findings.sarif").read_text(encoding="utf-8"))
    return sarif


def test_a_markdown_finding_points_into_the_markdown_file(tmp_path: Path) -> None:
    sarif = _sarif(form(tmp_path, "md"), tmp_path / "out")
    regions = [
        loc["physicalLocation"]["region"] for r in sarif["runs"][0]["results"] for loc in r["locations"]
    ]
    lines = MARKDOWN.split("\n")
    for region in regions:
        line = lines[region["startLine"] - 1]
        snippet = region["snippet"]["text"]
        # the evidence starts where the file shows it, marks and wrapped lines notwithstanding
        assert line[region["startColumn"] - 1 :].startswith(snippet.split()[0])


@pytest.mark.parametrize("suffix", ["jsonl", "csv", "parquet"])
def test_a_row_finding_points_at_its_row(tmp_path: Path, suffix: str) -> None:
    other = {**FIELDS, "id": "other", "text": "The ferry carried 12,000 cars in 2024."}
    write_table(tmp_path / "news" / f"articles.{suffix}", [other, {**FIELDS, "text": TEXT}])
    sarif = _sarif(tmp_path / "news", tmp_path / "out")
    (result,) = [r for r in sarif["runs"][0]["results"] if r["ruleId"] == "FG005"]
    location = result["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"].endswith(f"articles.{suffix}")
    # the second row: line 3 of a CSV (under its header), line 2 of JSON Lines, row 2 of Parquet
    assert location["region"]["startLine"] == {"csv": 3, "jsonl": 2, "parquet": 2}[suffix]


def test_extract_says_where_each_figure_comes_from(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    table = write_table(
        tmp_path / "news" / "articles.csv", [{**FIELDS, "url": "https://x.example/a", "text": TEXT}]
    )
    assert main(["extract", str(tmp_path / "news")]) == 0
    first = json.loads(capsys.readouterr().out.splitlines()[0])
    assert (first["path"], first["row"], first["url"]) == (str(table), 1, "https://x.example/a")


def _problems(paths: list[Path]) -> list[str]:
    with pytest.raises(InputError) as error:
        load_corpus(paths)
    return [str(p) for p in error.value.problems]


def test_bad_rows_are_each_named_by_table_line_and_column(tmp_path: Path) -> None:
    rows = [
        {**FIELDS, "id": "a", "published": "2026-13-01", "text": PARAGRAPHS[0]},
        {**FIELDS, "id": "b", "text": ""},
        {**FIELDS, "id": "c", "language": "xx", "text": PARAGRAPHS[0]},
        {**FIELDS, "id": "c", "text": PARAGRAPHS[0]},
        {**FIELDS, "id": "", "text": PARAGRAPHS[0]},
    ]
    for suffix in ("csv", "jsonl", "parquet"):
        table = write_table(tmp_path / suffix / f"articles.{suffix}", rows)
        first = 2 if suffix == "csv" else 1
        problems = _problems([tmp_path / suffix])
        assert problems == [
            f"{table}:{first}: published is '2026-13-01', not a date (YYYY-MM-DD)",
            f"{table}:{first + 1}: text is empty; each row needs its article's text",
            f"{table}:{first + 2}: language is 'xx', not a language code figcheck reads; "
            "use one of fr, en or leave it out to detect it",
            # the fourth row's id is no reuse: the row that had it first was not read
            f"{table}:{first + 4}: id is empty; give each row an id, or leave the column out",
        ]


def test_a_csv_row_is_located_at_the_line_it_starts_on(tmp_path: Path) -> None:
    rows = [
        {**FIELDS, "id": "a", "text": TEXT},
        {**FIELDS, "id": "b", "published": "2025-02-30", "text": TEXT},
    ]
    table = write_table(tmp_path / "news" / "articles.csv", rows)
    # the first row's text spans three lines: the second row starts on line 5
    assert _problems([tmp_path / "news"]) == [
        f"{table}:5: published is '2025-02-30', not a date (YYYY-MM-DD)"
    ]


def test_a_reused_id_names_both_rows(tmp_path: Path) -> None:
    rows = [{**FIELDS, "id": "c", "text": TEXT}, {**FIELDS, "id": "c", "text": TEXT}]
    table = write_table(tmp_path / "news" / "articles.jsonl", rows)
    assert _problems([tmp_path / "news"]) == [
        f"{table}:2: id 'c' is already used by {table}:1; give each article its own id"
    ]


def test_broken_text_tables_are_located(tmp_path: Path) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "articles.jsonl").write_text(
        json.dumps({"id": "a", "text": TEXT})
        + "\nnot json\n\n[1]\n"
        + json.dumps({"id": "b", "text": 7})
        + "\n"
    )
    (folder / "articles.csv").write_text('id,text\nc,"one, two",three\n')
    jsonl, table = folder / "articles.jsonl", folder / "articles.csv"
    assert _problems([folder]) == [
        f"{jsonl}:2:1: not valid JSON: Expecting value\n    not json",
        f'{jsonl}:4: expected an object {{"text": ...}} on each line\n    [1]',
        f"{jsonl}:5: text is 7, not text; each row needs its article's text",
        f"{table}:2: has 3 fields, the header 2; quote fields holding commas",
    ]


def test_a_table_without_its_text_column_stops_before_reading(tmp_path: Path) -> None:
    table = write_table(tmp_path / "news" / "articles.parquet", [{"id": "a", "body": TEXT}])
    (problem,) = _problems([tmp_path / "news"])
    assert problem.startswith(f"{table}:1: no column 'text' for the article text; its columns are id, body")


def test_columns_yaml_names_the_columns(tmp_path: Path) -> None:
    write_table(tmp_path / "news" / "articles.csv", [{"slug": "rail", "body": TEXT, "day": "2025-02-11"}])
    (tmp_path / "news" / "columns.yaml").write_text("id: slug\ntext: body\npublished: day\n")
    (article,) = load_corpus([tmp_path / "news"]).articles
    assert (article.doc_id, article.text, str(article.published), article.row) == (
        "rail",
        TEXT,
        "2025-02-11",
        1,
    )


def test_a_bad_columns_yaml_is_located(tmp_path: Path) -> None:
    write_table(tmp_path / "news" / "articles.csv", [{"id": "a", "text": TEXT}])
    (tmp_path / "news" / "columns.yaml").write_text("text: text\nbody: text\n")
    assert _problems([tmp_path / "news"]) == [
        f"{tmp_path / 'news' / 'columns.yaml'}:2: 'body: text' is not a field and its column; "
        "fields: id, text, title, url, published, language, outlet\n    body: text"
    ]


def test_bad_markdown_and_pages_are_located(make_collection: Callable[..., Path]) -> None:
    folder = make_collection(
        {
            "a.md": "---\nid: a\npublished: 2025-99-01\n---\nSome *text*.\n",
            "menu.html": "<html><body><nav><a href='/'>Home</a></nav></body></html>",
            "de.html": PAGE.read_text(encoding="utf-8").replace('lang="en-GB"', 'lang="de"'),
        }
    )
    articles = folder / "articles"
    assert _problems([folder]) == [
        f"{articles / 'a.md'}:3: front matter: published is '2025-99-01', not a date (YYYY-MM-DD)\n"
        "    published: 2025-99-01",
        f"{articles / 'de.html'}: the page's language is 'de', not a language code figcheck reads; "
        "use one of fr, en or leave it out to detect it",
        f"{articles / 'menu.html'}: no article text found in the page; save the page of the article itself",
    ]


def test_bad_input_exits_2_and_writes_no_report(tmp_path: Path) -> None:
    write_table(tmp_path / "news" / "articles.parquet", [{**FIELDS, "published": "2026-13-01", "text": TEXT}])
    out = tmp_path / "out"
    assert main(["run", str(tmp_path / "news"), "--out", str(out)]) == 2
    assert not out.exists() or not any(out.iterdir())


def test_a_large_table_is_read_across_chunks_and_row_groups_in_order(tmp_path: Path) -> None:
    rows = [
        {"id": f"a{n}", "text": f"The ferry carried {n + 1} cars in 2024.", "language": "en"}
        for n in range(700)
    ]
    write_table(tmp_path / "news" / "articles.parquet", rows)
    articles = load_corpus([tmp_path / "news"]).articles
    assert [a.doc_id for a in articles] == [r["id"] for r in rows]
    assert articles[650].text == rows[650]["text"] and articles[650].row == 651


def test_a_table_runs_in_batches_on_disk(tmp_path: Path) -> None:
    rows = [{**FIELDS, "id": f"r{n}", "text": TEXT} for n in range(5)]
    write_table(tmp_path / "news" / "articles.parquet", rows)
    suite = default_suite()
    in_memory = run([tmp_path / "news"], suite)
    batched = run([tmp_path / "news"], suite, store=ParquetBatches(batch_size=2))
    assert sorted(f.fingerprint for f in batched.findings) == sorted(
        f.fingerprint for f in in_memory.findings
    )
    assert batched.findings


def test_markdown_marks_are_read_as_words_at_their_place_in_the_file() -> None:
    body = "## Rail *figures*\n\nFares rose by **12 per cent** &amp; [more](https://x.example)\nin 2024.\n"
    text, anchors = markdown_text(body, body_line=5)
    assert text == "Rail figures\nFares rose by 12 per cent & more in 2024."
    lines = body.split("\n")
    for word in ("figures", "12 per cent", "&", "more", "2024"):
        line, column = position(anchors, text.index(word))
        source = lines[line - 5][column - 1 :]
        assert source.startswith("&amp;" if word == "&" else word)


def test_a_run_reports_an_id_used_twice_in_one_batch(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = [{"id": "c", "text": PARAGRAPHS[0]}, {"id": "c", "text": PARAGRAPHS[2]}]
    table = write_table(tmp_path / "news" / "articles.jsonl", rows)
    assert main(["run", str(tmp_path / "news"), "--out", str(tmp_path / "out")]) == 2
    assert f"{table}:2: id 'c' is already used by {table}:1; give each article its own id" in (
        capsys.readouterr().err
    )
