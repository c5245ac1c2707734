import unicodedata

import pytest

from figcheck.text import strip_accents, strip_accents_compatible


def _whole(text: str, form: str) -> str:
    return "".join(c for c in unicodedata.normalize(form, text) if not unicodedata.combining(c))


@pytest.mark.parametrize(
    "text",
    ["Sergueï Choïgou", "Ёлкин Й", "e\u0301te\u0301", "Œuvre ﬁnale １２", "Erdoğan", "", "plain"],
)
def test_folding_a_character_at_a_time_is_folding_the_whole_text(text):
    assert strip_accents(text) == _whole(text, "NFD")
    assert strip_accents_compatible(text) == _whole(text, "NFKD")


def test_accents_go_and_letters_stay():
    assert strip_accents("Andreï Beloussov, Белоусов") == "Andrei Beloussov, Белоусов"
    assert strip_accents_compatible("ﬁ") == "fi"
    assert strip_accents("ﬁ") == "ﬁ"
