import datetime as dt
from pathlib import Path

import pytest

from figcheck.errors import InputError
from figcheck.load.collections import load_corpus
from figcheck.load.language import detect_language

FRONT = """---
id: moscow-1
title: "Livraisons"
url: https://example.org/a
outlet: Le Quotidien
published: 2026-02-05
language: fr
licence: CC BY 2.5
---
Plus de 10 000 armes ont été livrées.
"""


def test_front_matter_fields_and_body_offsets(make_collection) -> None:
    corpus = load_corpus([make_collection({"a.txt": FRONT})])
    article = corpus.articles[0]
    assert article.doc_id == "moscow-1"
    assert article.published == dt.date(2026, 2, 5)
    assert article.outlet == "Le Quotidien"
    assert article.metadata == {"licence": "CC BY 2.5"}
    assert article.text.startswith("Plus de 10 000")
    assert article.body_line == 10


def test_id_defaults_to_file_name_and_language_is_detected(make_collection) -> None:
    corpus = load_corpus(
        [
            make_collection(
                {
                    "kyiv-report.txt": "The army said that more than 500 drones were "
                    "delivered in the first week of the month."
                }
            )
        ]
    )
    assert corpus.articles[0].doc_id == "kyiv-report"
    assert corpus.articles[0].language == "en"
    assert corpus.articles[0].language_detected


def test_detects_french() -> None:
    assert detect_language("Le ministre a annoncé que les livraisons de munitions sont terminées.") == "fr"


def test_folder_of_collections_is_expanded(make_collection, tmp_path: Path) -> None:
    make_collection({"a.txt": "Texte."}, name="one")
    make_collection({"b.txt": "Text."}, name="two")
    corpus = load_corpus([tmp_path])
    assert [c.name for c in corpus.collections] == ["one", "two"]


def _problems(paths: list[Path]) -> list[str]:
    with pytest.raises(InputError) as caught:
        load_corpus(paths)
    return [str(p) for p in caught.value.problems]


def test_undecodable_bytes_name_file_and_line(make_collection) -> None:
    folder = make_collection({"bad.txt": "premi\u00e8re ligne\nseconde \xff ligne".encode("latin-1")})
    (problem,) = _problems([folder])
    assert "bad.txt:1:" in problem and "not UTF-8" in problem


def test_unclosed_front_matter(make_collection) -> None:
    (problem,) = _problems([make_collection({"a.txt": "---\nid: x\nTexte."})])
    assert "a.txt:1: front matter: opening '---' is never closed" in problem


def test_malformed_front_matter_names_its_line(make_collection) -> None:
    (problem,) = _problems([make_collection({"a.txt": "---\nid: x\ntitle: [unclosed\n---\nTexte."})])
    assert "a.txt:" in problem and "front matter" in problem


def test_bad_published_date(make_collection) -> None:
    (problem,) = _problems([make_collection({"a.txt": "---\npublished: 2026-13-01\n---\nTexte."})])
    assert "a.txt:2: front matter: published is '2026-13-01', not a date (YYYY-MM-DD)" in problem


def test_unknown_language_code(make_collection) -> None:
    (problem,) = _problems([make_collection({"a.txt": "---\nlanguage: xx\n---\nTexte."})])
    assert "a.txt:2: front matter: language is 'xx', not a language code" in problem


def test_every_problem_is_collected_before_stopping(make_collection) -> None:
    folder = make_collection({"a.txt": "---\nlanguage: xx\n---\nTexte.", "b.txt": b"\xff\xfe\x00"})
    assert len(_problems([folder])) == 2


def test_duplicate_ids_are_reported(make_collection) -> None:
    folder = make_collection({"a.txt": "---\nid: same\n---\nUn.", "b.txt": "---\nid: same\n---\nDeux."})
    (problem,) = _problems([folder])
    assert "id 'same' is already used" in problem


def test_missing_path_and_folder_without_articles(tmp_path: Path) -> None:
    assert "no such file or folder" in _problems([tmp_path / "nowhere"])[0]
    assert "not a collection" in _problems([tmp_path])[0]


CSV_HEADER = "doc_id,text,value,qualifier,unit\n"


def test_curated_figures_are_located_in_the_text(make_collection) -> None:
    folder = make_collection({"a.txt": FRONT}, CSV_HEADER + "moscow-1,10 000,10000,over,weapons\n")
    (row,) = load_corpus([folder]).curated_figures
    assert (row["start"], row["end"], row["value"]) == (8, 14, 10000.0)


def test_csv_row_with_a_missing_column(make_collection) -> None:
    folder = make_collection({"a.txt": FRONT}, CSV_HEADER + "moscow-1,10 000,10000,over\n")
    (problem,) = _problems([folder])
    assert "figures.csv:2: 4 cells for 5 columns" in problem


def test_csv_header_missing_a_required_column(make_collection) -> None:
    folder = make_collection({"a.txt": FRONT}, "doc_id,text,value\nmoscow-1,10 000,10000\n")
    (problem,) = _problems([folder])
    assert "figures.csv:1: missing column 'qualifier', 'unit'" in problem


def test_csv_non_numeric_value(make_collection) -> None:
    folder = make_collection({"a.txt": FRONT}, CSV_HEADER + "moscow-1,10 000,dix mille,over,weapons\n")
    (problem,) = _problems([folder])
    assert "figures.csv:2:3: column 'value' is 'dix mille', not a number" in problem


def test_csv_text_not_in_article(make_collection) -> None:
    folder = make_collection({"a.txt": FRONT}, CSV_HEADER + "moscow-1,20 000,20000,over,weapons\n")
    assert "text '20 000' is not in article 'moscow-1'" in _problems([folder])[0]
