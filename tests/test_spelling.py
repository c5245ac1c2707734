"""Misspelling detector on small texts, against the installed Hunspell dictionaries."""

from __future__ import annotations

import pytest

from figcheck.text.spelling import Misspelling, find_misspellings, load_speller
from figcheck.text.spelling import _one_edit_variants as one_edit_variants

INSTALL = "apt-get install -y hunspell-fr-comprehensive hunspell-en-us hunspell-en-gb libenchant-2-2"


@pytest.fixture(scope="module")
def fr():
    speller = load_speller("fr")
    if speller is None:
        pytest.skip(f"no Hunspell fr_FR dictionary through enchant; install with: {INSTALL}")
    return speller


@pytest.fixture(scope="module")
def en():
    speller = load_speller("en")
    if speller is None:
        pytest.skip(f"no Hunspell en_US dictionary through enchant; install with: {INSTALL}")
    return speller


def words(text, speller, **options):
    return [(m.word, m.suggestion) for m in find_misspellings(text, speller, **options)]


def test_one_typo_in_a_news_paragraph_is_the_only_finding(fr):
    text = (
        "Le ministre russe de la Défense, Andreï Beloussov, a annoncé le 4 février qu'environ "
        "2 millions d'unités avaient été livrées. Le forum traitera de la lutte contre le "
        "néocolonalisme, le terrorisme et l'idéologie extrémiste, a-t-il déclaré à TASS."
    )
    found = find_misspellings(text, fr)
    assert found == [
        Misspelling(
            start=text.index("néocolonalisme"),
            end=text.index("néocolonalisme") + len("néocolonalisme"),
            word="néocolonalisme",
            suggestion="néocolonialisme",
        )
    ]


def test_offsets_point_at_the_word_after_an_elided_clitic(fr):
    text = "Les autorités ont voulu d'organisater un référendum aujourd'hui."
    (found,) = find_misspellings(text, fr)
    assert text[found.start : found.end] == "organisater" == found.word
    assert found.suggestion == "organisateur"


def test_typographic_apostrophe_counts_as_an_apostrophe(fr):
    assert words("Il l’a appris aujourd’hui, jusqu’à la fin d’organisater.", fr) == [
        ("organisater", "organisateur")
    ]


def test_both_classical_and_reformed_spellings_are_accepted(fr):
    # The comprehensive French dictionary accepts the 1990 rectifications.
    assert words("Le pays connait une crise et maitrise mal l'évènement comme l'événement.", fr) == []


def test_capitalised_and_all_caps_words_are_names(fr):
    assert words("Le Néocolonalisme, le NÉOCOLONALISME et Moscou.", fr) == []


def test_protected_span_is_never_flagged(fr):
    text = "La lutte contre le néocolonalisme."
    start = text.index("néocolonalisme")
    assert words(text, fr, protected=[(start, start + 3)]) == []


def test_addresses_hashtags_and_paths_are_not_prose(fr):
    text = "Voir www.néocolonalisme.fr, #néocolonalisme, néocolonalisme@exemple.fr et /néocolonalisme/."
    assert words(text, fr) == []


def test_words_with_digits_and_short_words_are_skipped(fr):
    text = "Le circtuit12 et le circtuit 2024 à 10h50 ; le pri du mpg."
    assert words(text, fr) == [("circtuit", "circuit")]


def test_compound_of_known_parts_passes_and_a_combining_form_is_skipped(fr):
    text = "La frontière turquo-syrienne, la zone irako -syrienne et le porte-parole."
    assert words(text, fr) == []


def test_last_part_of_a_compound_is_checked(fr):
    assert words("Le porte-parloe du gouvernement a parlé.", fr) == [("parloe", "parole")]


def test_abbreviation_followed_by_the_sentence_is_skipped(fr):
    assert words("Le préisd. de la République a parlé.", fr) == []
    assert words("Il a parlé au préisdent.", fr) == [("préisdent", "président")]


def test_english_verb_with_a_french_ending_is_a_loan(fr):
    assert words("Le ministre a twitté que les sites ont été hackés.", fr) == []


def test_foreign_quotation_is_not_flagged(fr):
    assert words("Il est passé sous le portail « Arbeit macht frei » hier soir.", fr) == []


def test_missing_accent_on_a_first_letter_is_a_typo(fr):
    assert words("L'athlète a egalement gagné.", fr) == [("egalement", "également")]


def test_english_typo_is_flagged_and_british_spelling_is_not(en):
    text = "The spokeman said the programme was cancelled because the colour was not favoured."
    assert words(text, en) == [("spokeman", "spokesman")]


def test_english_possessive_and_solid_compounds_pass(en):
    text = "The company's fursuit makers and eyeholes, defunding and unaired ads."
    assert words(text, en) == []


def test_words_glued_to_a_name_or_an_initial_are_part_of_it(en):
    text = "Researchers studied A. millepora near reefs where Arnel dela Vega works."
    assert words(text, en) == []


def test_spanish_passage_in_english_text_is_not_flagged(en):
    assert words('He said "hay muchos abortos pese a la amenaza penal" on Sunday.', en) == []


def test_editorial_brackets_cut_words(en):
    assert words('He was "[e]xtremely pained" by the tariff con[c]essions.', en) == []


def test_language_without_a_dictionary_gives_none():
    assert load_speller("xx") is None


def test_one_edit_variants_cover_every_kind_of_edit():
    variants = set(one_edit_variants("abc", "abcx"))
    assert {"bc", "ac", "ab"} <= variants  # deletions
    assert {"xabc", "axbc", "abxc", "abcx"} <= variants  # insertions
    assert {"xbc", "axc", "abx"} <= variants  # substitutions
    assert {"bac", "acb"} <= variants  # transpositions
    assert "cba" not in variants


@pytest.mark.parametrize(
    ("language", "text", "meant"),
    [
        ("en", "The army fired two missles at the convoy.", "missiles"),  # a letter left out
        ("en", "The ministry did not recieve the report.", "receive"),  # two letters swapped
        ("fr", "Le gouvernment a présenté son budget.", "gouvernement"),  # a letter left out
        ("fr", "Le ministre est appellé à témoigner.", "appelé"),  # a letter doubled
        # a letter left out where two short words could make a compound ("fat" + "heed", "dee" + "gates")
        ("en", "The painter, who fatheed three children, died in Rome.", "fathered"),
        ("en", "About 300 deegates voted for the motion.", "delegates"),
        # two neighbours as near: the word read far more often ("prescient", "mither" are rare)
        ("en", "The presient of the club resigned on Monday.", "president"),
        ("en", "She said her mther had been ill for weeks.", "mother"),
        # Hunspell puts another word first ("liker", "wame"); one neighbour is a usual slip away
        ("en", "Police said the kiler had fled north.", "killer"),
        ("en", "Wamer air is expected on Sunday.", None),  # a capital: a sentence opener, left alone
        ("en", "The sea was wamer than usual this summer.", "warmer"),
    ],
)
def test_the_suggestion_is_the_word_the_slip_came_from(request, language, text, meant):
    speller = request.getfixturevalue(language)
    assert [found.suggestion for found in find_misspellings(text, speller)] == ([meant] if meant else [])


def test_a_word_in_use_that_no_dictionary_lists_is_not_a_slip(en, fr):
    assert words("Still, noone came to the tapings of the show.", en) == []
    assert words("Il a le coeur sur la main.", fr) == []
