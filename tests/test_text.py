import unicodedata

import pytest

from figcheck.text import replacing, strip_accents, strip_accents_compatible
from figcheck.text.names.slips import SlipIndex, one_slip


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


def test_sorted_spans_find_a_long_span_that_starts_far_before():
    from figcheck.text.spans import sorted_spans

    spans = sorted_spans([(0, 500), *((n, n + 3) for n in range(10, 400, 10))])
    assert spans.touch(450, 455)  # only the long first span reaches there
    assert not spans.touch(500, 510)
    assert spans.touch(12, 13) and not spans.touch(503, 504)


def test_keep_disjoint_keeps_the_most_wanted_and_returns_text_order():
    from figcheck.text.spans import keep_disjoint

    wanted_first = [(10, 20), (15, 30), (0, 10), (20, 25), (5, 12)]
    assert keep_disjoint(wanted_first, lambda s: s) == [(0, 10), (10, 20), (20, 25)]


def test_replacing_writes_every_character_of_its_table() -> None:
    plain = replacing({"\u2019": "'", "\u2014": "-", "\u00a0": " "})
    assert plain("l\u2019armée\u00a0\u2014 l\u2019État") == "l'armée - l'État"
    assert plain("rien à changer") == "rien à changer"


def test_replacing_refuses_a_table_whose_order_would_matter() -> None:
    with pytest.raises(ValueError, match="order"):
        replacing({"č": "ch", "c": "ts"})


@pytest.mark.parametrize("slip", ["Macron", "Maccron", "Marcon", "Makron", "Macrn", "macron"])
def test_a_slip_index_finds_every_word_one_slip_away(slip: str) -> None:
    index = SlipIndex()
    for word in ("Poutine", "Macron", "Borne", "Mackron"):
        index.add(word)
    found = [index.words[n] for n in index.near(slip) if one_slip(index.words[n], slip)]
    assert "Macron" in found or slip.lower() == "macron"
    assert "Poutine" not in found and "Borne" not in found


def test_a_slip_index_gives_its_words_in_the_order_added() -> None:
    index = SlipIndex()
    for word in ("Marcon", "Poutine", "Macron"):
        index.add(word)
    assert [index.words[n] for n in index.near("Macrom")] == ["Macron"]
    assert [index.words[n] for n in index.near("Macorn")] == ["Marcon", "Macron"]
