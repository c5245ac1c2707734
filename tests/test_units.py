"""Unit lexicon: canonical ids for French and English forms, and user tables merged over the default."""

from __future__ import annotations

import pytest

from figcheck.errors import InputError
from figcheck.extract.units import default_units, load_units


@pytest.mark.parametrize(
    ("phrase", "language", "unit"),
    [
        ("unités de munitions", "fr", "munitions"),
        ("munitions", "fr", "munitions"),
        ("rounds of ammunition", "en", "munitions"),
        ("ammunition", "en", "munitions"),
        ("armes", "fr", "weapons"),
        ("weapons", "en", "weapons"),
        ("équipements militaires", "fr", "military_equipment"),
        ("unités d'équipements militaires", "fr", "military_equipment"),
        ("unités d’équipements militaires", "fr", "military_equipment"),
        ("military equipment", "en", "military_equipment"),
        ("pieces of equipment", "en", "military_equipment"),
        ("Équipement militaire", "fr", "military_equipment"),
        ("%", "fr", "percent"),
        ("pour cent", "fr", "percent"),
        ("euros", "en", "EUR"),
        ("km", "en", "km"),
    ],
)
def test_canonical(phrase, language, unit):
    assert default_units().canonical(phrase, language) == unit


def test_weapons_and_military_equipment_are_two_units():
    units = default_units()
    assert units.canonical("armes", "fr") != units.canonical("équipements militaires", "fr")


def test_unknown_phrase_has_no_canonical_unit():
    assert default_units().canonical("girafes", "fr") is None


def test_symbols_keep_their_case():
    units = default_units()
    assert units.canonical("m", "en") == "m"
    assert units.canonical("M", "en") is None


def test_user_table_is_merged_over_the_default(tmp_path):
    path = tmp_path / "units.csv"
    path.write_text(
        "unit,kind,lang,form\nshells,count,fr,obus de 152 mm\ngirafes,count,fr,girafes\n", encoding="utf-8"
    )
    units = load_units(path)
    assert units.canonical("girafes", "fr") == "girafes"
    assert units.canonical("obus de 152 mm", "fr") == "shells"
    assert units.canonical("armes", "fr") == "weapons"


def test_bad_row_names_the_file_and_line(tmp_path):
    path = tmp_path / "units.csv"
    path.write_text(
        "unit,kind,lang,form\ngirafes,count,fr,girafes\ngirafes,animal,fr,girafe\n", encoding="utf-8"
    )
    with pytest.raises(InputError) as err:
        load_units(path)
    assert f"{path}:3:" in str(err.value)
    assert "kind" in str(err.value)


def test_bad_header_is_line_one(tmp_path):
    path = tmp_path / "units.csv"
    path.write_text("id,form\nx,y\n", encoding="utf-8")
    with pytest.raises(InputError) as err:
        load_units(path)
    assert f"{path}:1:" in str(err.value)


def test_hertz_is_a_measure():
    # False alarm on real text: `50 hertz` counted as a noun, so `sous les 50 hertz` looked like a reworded count.
    units = default_units()
    assert units.canonical("hertz", "fr") == "hertz" == units.canonical("Hz", "en")
    assert units.kind("hertz") == "measure"
