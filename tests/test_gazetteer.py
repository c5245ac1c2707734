from pathlib import Path

import pytest

from figcheck.errors import InputError
from figcheck.load.gazetteer import load_gazetteer
from figcheck.text import fold

HEADER = "entity_id,type,canonical,cyrillic,variants,titles\n"


def write(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "entities.csv"
    path.write_text(HEADER + body, encoding="utf-8")
    return path


def test_rows_become_entries_with_split_lists(tmp_path):
    path = write(
        tmp_path,
        "choigou,person,Sergueï Choïgou,Сергей Шойгу,Sergei Shoigu;Sergey Shoygu,"
        "secrétaire du Conseil de sécurité russe\n"
        "tass,agency,TASS,ТАСС,,\n",
    )
    gazetteer = load_gazetteer(path)
    choigou, tass = gazetteer.entries
    assert choigou.variants == ("Sergei Shoigu", "Sergey Shoygu")
    assert choigou.titles == ("secrétaire du Conseil de sécurité russe",)
    assert tass.cyrillic == "ТАСС" and tass.variants == () and tass.titles == ()


def test_lookup_ignores_case_and_diacritics(tmp_path):
    gazetteer = load_gazetteer(
        write(tmp_path, "choigou,person,Sergueï Choïgou,Сергей Шойгу,Sergei Shoigu,\n")
    )
    assert gazetteer.lookup("SERGUEI CHOIGOU").entity_id == "choigou"
    assert gazetteer.lookup("Сергей Шойгу").entity_id == "choigou"
    assert gazetteer.lookup("Sergueï Lavrov") is None


def test_surname_finds_the_person(tmp_path):
    gazetteer = load_gazetteer(write(tmp_path, "choigou,person,Sergueï Choïgou,,Sergei Shoigu,\n"))
    assert [e.entity_id for e in gazetteer.by_surname("Choigou")] == ["choigou"]
    assert [e.entity_id for e in gazetteer.by_surname("Shoigu")] == ["choigou"]


def test_every_bad_row_is_reported_with_its_line(tmp_path):
    path = write(
        tmp_path,
        "a,person,Andreï Beloussov,,,\n"
        "b,politician,Someone,,,\n"
        "a,person,Duplicate,,,\n"
        "c,place\n"
        "d,place,,,,\n",
    )
    with pytest.raises(InputError) as caught:
        load_gazetteer(path)
    lines = [(p.line, p.message) for p in caught.value.problems]
    assert [line for line, _ in lines] == [3, 4, 5, 6]
    assert "not one of" in lines[0][1]
    assert "already used on line 2" in lines[1][1]
    assert "2 columns" in lines[2][1]
    assert "canonical is empty" in lines[3][1]
    assert str(path) in str(caught.value)


def test_wrong_header_is_an_input_error(tmp_path):
    path = tmp_path / "entities.csv"
    path.write_text("id,kind,name\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_gazetteer(path)
    assert caught.value.problems[0].line == 1


def test_fold_keeps_cyrillic_and_drops_accents():
    assert fold("Andreï  BELOUSSOV") == "andrei beloussov"
    assert fold("Андрей") == fold("андрей")


def test_shipped_gazetteer_loads():
    path = Path(__file__).resolve().parents[1] / "datasets" / "entities.csv"
    gazetteer = load_gazetteer(path)
    assert gazetteer.lookup("Andrey Belousov").entity_id == gazetteer.lookup("Андрей Белоусов").entity_id
    assert gazetteer.lookup("Interfax").type == "agency"
