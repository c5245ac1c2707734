import pytest

from figcheck.extract.sources import find_citations, find_sources
from figcheck.text.sentences import sentences


def test_seed_attributions():
    text = (
        "Plus de 10 000 armes ont été mises en service, a déclaré le ministre, cité par TASS.\n"
        "Le 3 février, le secrétaire a déclaré à TASS que le forum aurait lieu."
    )
    found = find_sources(text, "fr")
    assert [(s.text, s.agency) for s in found] == [("cité par TASS", "TASS"), ("a déclaré à TASS", "TASS")]
    for s in found:
        assert text[s.start : s.end] == s.text


@pytest.mark.parametrize(
    ("text", "language", "agency"),
    [
        ("selon Reuters, 500 drones", "fr", "Reuters"),
        ("selon l'agence de presse russe RIA Novosti", "fr", "RIA Novosti"),
        ("d'après l’AFP", "fr", "AFP"),
        ("TASS a rapporté que", "fr", "TASS"),
        ("according to Reuters", "en", "Reuters"),
        ("he told AFP on Monday", "en", "AFP"),
        ("Interfax reported on Monday", "en", "Interfax"),
        ("in an interview with the Associated Press", "en", "AP"),
    ],
)
def test_cue_and_agency(text, language, agency):
    assert [s.agency for s in find_sources(text, language)] == [agency]


def test_agency_name_without_cue_is_not_an_attribution():
    assert find_sources("Le directeur de TASS a démissionné.", "fr") == []
    assert find_sources("AP reporters were there.", "en") == []


@pytest.mark.parametrize(
    ("text", "language", "outlet"),
    [
        (
            "Le fonds verse 3 millions d'euros par an [ source : ((fr)) – « Le fonds en question ». "
            "Le Courrier picard, 4 mai 2016. ] aux communes.",
            "fr",
            "Le Courrier picard",
        ),
        (
            'The fund pays $3 million a year [source: "Fund cut", The Herald, 4 May 2016] to towns.',
            "en",
            "The Herald",
        ),
        ("The fund pays $3 million a year [source: The Herald] to towns.", "en", "The Herald"),
    ],
)
def test_an_inline_citation_names_its_outlet(text, language, outlet):
    assert [c.agency for c in find_citations(text, language)] == [outlet]


def test_a_stop_inside_brackets_does_not_end_the_sentence():
    text = "Le fonds verse 3 millions [ source : « Le fonds ». Le Courrier, 4 mai 2016. ] aux communes. Fin."
    assert [text[s.start : s.end] for s in sentences(text)][-1] == "Fin."
    assert len(list(sentences(text))) == 2
