from datetime import date

import pytest

from figcheck.extract.periods import Period, find_periods
from figcheck.extract.periods.grammars import GRAMMARS
from figcheck.extract.periods.lexicon import lexicon
from figcheck.extract.periods.macros import MacroError, expand
from figcheck.vocabulary import SCOPES

SEED = (
    "Le ministre a annoncé le 4 février qu'environ 2 millions d'unités avaient été mises en service "
    "en janvier 2026.\n"
    "En janvier, plus de 10 000 armes ont été mises en service, a déclaré le ministre, cité par TASS.\n"
    "Pour l'ensemble de l'année 2026, l'armée devrait recevoir plus de 310 000 équipements.\n"
    "Il est prévu de livrer 21 millions d'unités à l'armée pendant le reste de cette année.\n"
    "Le forum se tiendra à Moscou du 26 au 29 mai."
)


def one(text: str, phrase: str, language: str, **kwargs: object) -> Period:
    found = [p for p in find_periods(text, language, **kwargs) if phrase in p.text or p.text in phrase]
    assert len(found) == 1, find_periods(text, language, **kwargs)
    return found[0]


def test_seed_periods_with_context_year():
    p = one(SEED, "en janvier 2026", "fr", context_year=2026)
    assert (p.text, p.scope, p.period_start, p.period_end, p.anchor) == (
        "en janvier 2026",
        "month",
        date(2026, 1, 1),
        date(2026, 1, 31),
        "explicit",
    )
    p = one(SEED, "En janvier", "fr", context_year=2026)
    assert (p.scope, p.period_start, p.period_end, p.anchor) == (
        "month",
        date(2026, 1, 1),
        date(2026, 1, 31),
        "context_year",
    )
    p = one(SEED, "l'ensemble de l'année 2026", "fr", context_year=2026)
    assert (p.text, p.scope, p.period_start, p.period_end) == (
        "Pour l'ensemble de l'année 2026",
        "whole_year",
        date(2026, 1, 1),
        date(2026, 12, 31),
    )


def test_rest_of_year_runs_from_the_reference_date():
    p = one(SEED, "pendant le reste de cette année", "fr", reference=date(2026, 2, 4))
    assert (p.text, p.scope, p.period_start, p.period_end, p.anchor) == (
        "pendant le reste de cette année",
        "rest_of_year",
        date(2026, 2, 4),
        date(2026, 12, 31),
        "reference",
    )


def test_range_of_days_is_unspecified_with_both_dates():
    p = one(SEED, "du 26 au 29 mai", "fr", reference=date(2026, 2, 4))
    assert (p.scope, p.period_start, p.period_end) == ("unspecified", date(2026, 5, 26), date(2026, 5, 29))


def test_relative_phrase_without_reference_is_unresolved():
    p = one("Plus de 500 drones ont été livrés la semaine dernière.", "semaine dernière", "fr")
    assert (p.scope, p.period_start, p.period_end, p.anchor) == ("week", None, None, "none")


@pytest.mark.parametrize(
    ("language", "text", "phrase", "reference", "scope", "start", "end"),
    [
        (
            "fr",
            "Livrés la semaine dernière.",
            "la semaine dernière",
            "2019-11-07",
            "week",
            "2019-10-28",
            "2019-11-03",
        ),
        (
            "fr",
            "Produits au premier trimestre 2023.",
            "premier trimestre 2023",
            "2024-01-01",
            "quarter",
            "2023-01-01",
            "2023-03-31",
        ),
        (
            "fr",
            "Livrés le mois dernier.",
            "le mois dernier",
            "2019-01-15",
            "month",
            "2018-12-01",
            "2018-12-31",
        ),
        (
            "fr",
            "Livrés l'an dernier.",
            "l'an dernier",
            "2019-06-01",
            "whole_year",
            "2018-01-01",
            "2018-12-31",
        ),
        (
            "fr",
            "Livrés de 2014 à 2018.",
            "de 2014 à 2018",
            "2019-06-01",
            "multi_year",
            "2014-01-01",
            "2018-12-31",
        ),
        (
            "fr",
            "Livrés dans les années 1990.",
            "les années 1990",
            "2019-06-01",
            "multi_year",
            "1990-01-01",
            "1999-12-31",
        ),
        (
            "fr",
            "Livrés depuis le début de l'année.",
            "depuis le début de l'année",
            "2019-06-01",
            "year_to_date",
            "2019-01-01",
            "2019-06-01",
        ),
        (
            "fr",
            "Livrés d'ici la fin de l'année.",
            "d'ici la fin de l'année",
            "2019-06-01",
            "rest_of_year",
            "2019-06-01",
            "2019-12-31",
        ),
        ("fr", "Livrés hier.", "hier", "2019-06-01", "day", "2019-05-31", "2019-05-31"),
        ("fr", "Livrés le 4 février 2026.", "le 4 février 2026", None, "day", "2026-02-04", "2026-02-04"),
        (
            "fr",
            "Livrés au cours du premier semestre.",
            "premier semestre",
            "2019-09-01",
            "half_year",
            "2019-01-01",
            "2019-06-30",
        ),
        (
            "en",
            "Delivered in the last week of September 2014.",
            "last week of September 2014",
            None,
            "week",
            "2014-09-22",
            "2014-09-28",
        ),
        ("en", "Delivered in Q1 2023.", "Q1 2023", None, "quarter", "2023-01-01", "2023-03-31"),
        ("en", "Delivered in H1.", "H1", "2023-09-01", "half_year", "2023-01-01", "2023-06-30"),
        ("en", "Delivered in 2014-2018.", "2014-2018", None, "multi_year", "2014-01-01", "2018-12-31"),
        ("en", "Delivered in the 1980s.", "the 1980s", None, "multi_year", "1980-01-01", "1989-12-31"),
        (
            "en",
            "Delivered for the whole of 2026.",
            "for the whole of 2026",
            None,
            "whole_year",
            "2026-01-01",
            "2026-12-31",
        ),
        (
            "en",
            "Delivered so far this year.",
            "so far this year",
            "2026-03-10",
            "year_to_date",
            "2026-01-01",
            "2026-03-10",
        ),
        (
            "en",
            "Will be delivered by the end of the year.",
            "by the end of the year",
            "2026-03-10",
            "rest_of_year",
            "2026-03-10",
            "2026-12-31",
        ),
        ("en", "Delivered yesterday.", "yesterday", "2026-03-10", "day", "2026-03-09", "2026-03-09"),
        ("en", "Delivered last month.", "last month", "2026-01-10", "month", "2025-12-01", "2025-12-31"),
        (
            "en",
            "Will be delivered next month.",
            "next month",
            "2026-01-10",
            "month",
            "2026-02-01",
            "2026-02-28",
        ),
        (
            "en",
            "Will be delivered next year.",
            "next year",
            "2026-01-10",
            "whole_year",
            "2027-01-01",
            "2027-12-31",
        ),
        (
            "fr",
            "Livrés entre janvier et mars 2018.",
            "entre janvier et mars 2018",
            None,
            "quarter",
            "2018-01-01",
            "2018-03-31",
        ),
        (
            "fr",
            "D'avril à décembre, 40 000 unités ont été livrées.",
            "D'avril à décembre",
            "2019-12-20",
            "other",
            "2019-04-01",
            "2019-12-31",
        ),
        (
            "en",
            "From November to February, sales fell.",
            "From November to February",
            "2019-03-10",
            "other",
            "2018-11-01",
            "2019-02-28",
        ),
        (
            "en",
            "Sales are expected to reach 42,000 across 2019 as a whole.",
            "2019 as a whole",
            "2019-05-15",
            "whole_year",
            "2019-01-01",
            "2019-12-31",
        ),
        (
            "fr",
            "Sur l'année 2017 dans son ensemble, 500 bornes seront installées.",
            "Sur l'année 2017 dans son ensemble",
            "2017-03-01",
            "whole_year",
            "2017-01-01",
            "2017-12-31",
        ),
        (
            "fr",
            "La loi sera appliquée, selon le texte voté mercredi 25 janvier.",
            "mercredi 25 janvier",
            "2017-01-27",
            "day",
            "2017-01-25",
            "2017-01-25",
        ),
        (
            "en",
            "The rule will apply from next month, the council decided on Wednesday, January 25.",
            "on Wednesday, January 25",
            "2017-01-27",
            "day",
            "2017-01-25",
            "2017-01-25",
        ),
        (
            "en",
            "Delivered in nineteen ninety six.",
            "nineteen ninety six",
            None,
            "whole_year",
            "1996-01-01",
            "1996-12-31",
        ),
        # a part of the statement's day
        (
            "fr",
            "Ce matin, 300 manifestants ont été expulsés.",
            "Ce matin",
            "2018-12-26",
            "day",
            "2018-12-26",
            "2018-12-26",
        ),
        (
            "en",
            "This morning, 300 people protested.",
            "This morning",
            "2018-12-26",
            "day",
            "2018-12-26",
            "2018-12-26",
        ),
        # "ce dimanche" said on a Tuesday of what happened is the Sunday just past, not the next one
        (
            "fr",
            "Ce dimanche, 300 personnes ont manifesté.",
            "Ce dimanche",
            "2018-12-25",
            "day",
            "2018-12-23",
            "2018-12-23",
        ),
        (
            "en",
            "This Sunday, 300 people protested.",
            "This Sunday",
            "2018-12-25",
            "day",
            "2018-12-23",
            "2018-12-23",
        ),
        # the weekend: "ce week-end" tells the one just past or the one to come by its verb
        (
            "fr",
            "Ce week-end, 300 personnes vont manifester.",
            "Ce week-end",
            "2018-12-25",
            "other",
            "2018-12-29",
            "2018-12-30",
        ),
        # "le week-end dernier": the last one before the statement's week; "over the weekend": the last one
        # begun; "next weekend": the first one to come
        (
            "fr",
            "Ce week-end, 300 personnes ont manifesté.",
            "Ce week-end",
            "2018-12-26",
            "other",
            "2018-12-22",
            "2018-12-23",
        ),
        (
            "en",
            "This weekend, 300 people will protest.",
            "This weekend",
            "2018-12-28",
            "other",
            "2018-12-29",
            "2018-12-30",
        ),
        (
            "fr",
            "Le week-end dernier, 300 personnes ont manifesté.",
            "Le week-end dernier",
            "2018-12-28",
            "other",
            "2018-12-22",
            "2018-12-23",
        ),
        (
            "en",
            "Over the weekend, 300 people protested.",
            "Over the weekend",
            "2018-12-28",
            "other",
            "2018-12-22",
            "2018-12-23",
        ),
        (
            "en",
            "Next weekend, 300 people will protest.",
            "Next weekend",
            "2018-12-30",
            "other",
            "2019-01-05",
            "2019-01-06",
        ),
    ],
)
def test_phrase_scope_and_dates(language, text, phrase, reference, scope, start, end):
    ref = date.fromisoformat(reference) if reference else None
    p = one(text, phrase, language, reference=ref)
    assert p.scope == scope
    assert (str(p.period_start), str(p.period_end)) == (start, end)


def test_month_without_year_reads_past_or_future_from_the_sentence():
    ref = date(2018, 5, 20)
    past = one("Plus de 500 drones ont été livrés en novembre.", "en novembre", "fr", reference=ref)
    assert past.period_start == date(2017, 11, 1)
    future = one("Plus de 500 drones seront livrés en novembre.", "en novembre", "fr", reference=ref)
    assert future.period_start == date(2018, 11, 1)


def test_weekday_relative_to_reference():
    p = one(
        "The ministry said on Tuesday that 500 drones were delivered.",
        "on Tuesday",
        "en",
        reference=date(2026, 2, 6),
    )
    assert p.period_start == date(2026, 2, 3)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Chaque week-end, 300 personnes manifestent.", "fr"),
        ("Ce week-end-là, 300 personnes ont manifesté.", "fr"),
        ("Ce matin-là, 300 personnes ont manifesté.", "fr"),
        ("The Easter weekend saw 300 protests.", "en"),
        ("Every weekend, 300 people protest.", "en"),
    ],
)
def test_a_weekend_or_a_part_of_a_day_named_by_no_relative_word_is_no_period(text, language):
    assert find_periods(text, language, reference=date(2018, 12, 26)) == []


def test_figures_are_not_years():
    text = "Plus de 1 200 véhicules et 2 000 chars, soit 1500 unités."
    assert find_periods(text, "fr", reference=date(2020, 1, 1)) == []
    assert find_periods("More than 1,200 vehicles and 2,000 tanks.", "en") == []


def test_modal_may_is_not_a_month():
    assert find_periods("The ministry may deliver 500 drones.", "en", reference=date(2020, 1, 1)) == []


def test_spans_match_the_text_and_scopes_are_known():
    for p in find_periods(SEED, "fr", reference=date(2026, 2, 4)):
        assert SEED[p.start : p.end] == p.text
        assert p.scope in SCOPES


def test_unknown_language_is_refused():
    with pytest.raises(ValueError):
        find_periods("en 2026", "de")


def test_since_new_year_is_year_to_date() -> None:
    (period,) = find_periods(
        "Depuis le 1er janvier, 300 drones ont été livrés.", "fr", reference=date(2023, 5, 10)
    )
    assert (period.scope, period.period_start, period.period_end) == (
        "year_to_date",
        date(2023, 1, 1),
        date(2023, 5, 10),
    )


def test_word_classes_expand_through_every_level() -> None:
    macros = {
        "A": "a{{B}}",
        "B": "b{{C}}",
        "C": "c{{D}}",
        "D": "d{{E}}",
        "E": "e{{F}}",
        "F": "f{{G}}",
        "G": "g",
    }
    assert expand("<{{A}}>", macros) == "<abcdefg>"


def test_an_unknown_word_class_raises_instead_of_staying_in_the_pattern() -> None:
    with pytest.raises(MacroError, match="MONHT"):
        expand(r"(?:{{MONHT}})\s+{{YEAR4}}", {"YEAR4": r"\d{4}"})


def test_a_word_class_that_contains_itself_raises() -> None:
    with pytest.raises(MacroError, match="A -> B -> A"):
        expand("{{A}}", {"A": "x{{B}}", "B": "y{{A}}"})


@pytest.mark.parametrize("language", ["fr", "en"])
def test_every_grammar_expands_to_a_pattern_without_word_class_names(language: str) -> None:
    compiled = lexicon(language).grammars
    assert len(compiled) == len(GRAMMARS)
    assert all("{{" not in pattern.pattern for _name, pattern, _resolver, _kinds in compiled)


def test_phrases_matched_once_resolve_against_each_reference_as_a_fresh_search_does():
    from figcheck.extract.periods.finder import match_phrases, resolve_phrases

    text = "Il a parlé mardi ; les livraisons reprendront en mars."
    matched = match_phrases(text, "fr")
    for reference in (date(2026, 2, 6), date(2026, 5, 20)):
        assert resolve_phrases(matched, reference, None) == find_periods(text, "fr", reference)
    moved = resolve_phrases(match_phrases(text, "fr", offset=100), date(2026, 2, 6), None)
    assert [(p.start, p.end) for p in moved] == [
        (p.start + 100, p.end + 100) for p in find_periods(text, "fr", date(2026, 2, 6))
    ]


def test_matched_phrases_are_plain_data_that_resolve_the_same_after_a_trip_to_another_process():
    import pickle

    from figcheck.extract.periods.finder import match_phrases, resolve_phrases

    text = "Du 3 au 5 mars 2024, puis pendant le reste de cette année, 400 camions seront livrés."
    matched = match_phrases(text, "fr")
    found = matched.matches[0][1]
    with pytest.raises(IndexError):
        found.group("no such group")
    copied = pickle.loads(pickle.dumps(matched))
    assert resolve_phrases(copied, date(2024, 3, 1), None) == resolve_phrases(matched, date(2024, 3, 1), None)
    assert [p.text for p in resolve_phrases(copied, date(2024, 3, 1), None)] == [
        "Du 3 au 5 mars 2024",
        "pendant le reste de cette année",
    ]
