"""Figure extraction: values, qualifiers, bounds, units, and the numbers that are not figures."""

from __future__ import annotations

import pytest

from figcheck.extract.numbers import APPROX_TOLERANCE, Quantity, scan

SEED = (
    "Le ministre russe de la Défense, Andreï Beloussov, a annoncé le 4 février qu'environ 2 millions "
    "d'unités de munitions et plus de 10 000 armes avaient été officiellement mises en service dans les "
    "forces armées russes en janvier 2026.\n"
    "En janvier, plus de 10 000 armes et environ 2 millions d'unités de munitions ont été mises en service\", "
    "a déclaré le ministre russe de la Défense, cité par TASS.\n"
    "Selon les résultats de la réunion présidée par le ministre Andrey Belousov, pour l'ensemble de l'année "
    "2026, l'armée russe devrait recevoir plus de 310 000 équipements militaires et environ 21 millions "
    "d'unités de munitions.\n"
    "Il est prévu de livrer plus de 310 000 unités d'équipements militaires et environ 21 millions d'unités "
    "de munitions à l'armée pendant le reste de cette année\", a informé le ministère russe de la Défense.\n"
    "Dans un autre développement, le 3 février, le secrétaire du Conseil de sécurité russe, Sergueï Choïgou, "
    "a déclaré à TASS que les réalisations seraient exposées au Forum international de sécurité à Moscou "
    "du 26 au 29 mai.\n"
    "Le forum comprendra un certain nombre de stands présentant les réalisations nationales."
)


def one(text: str, language: str) -> Quantity:
    found = scan(text, language).quantities
    assert len(found) == 1, found
    return found[0]


def test_seed_article_gives_exactly_its_eight_figures():
    got = [(q.text, q.qualifier, q.value, q.unit, q.unit_text) for q in scan(SEED, "fr").quantities]
    assert got == [
        ("environ 2 millions", "approx", 2e6, "munitions", "unités de munitions"),
        ("plus de 10 000", "over", 1e4, "weapons", "armes"),
        ("plus de 10 000", "over", 1e4, "weapons", "armes"),
        ("environ 2 millions", "approx", 2e6, "munitions", "unités de munitions"),
        ("plus de 310 000", "over", 310000, "military_equipment", "équipements militaires"),
        ("environ 21 millions", "approx", 21e6, "munitions", "unités de munitions"),
        ("plus de 310 000", "over", 310000, "military_equipment", "unités d'équipements militaires"),
        ("environ 21 millions", "approx", 21e6, "munitions", "unités de munitions"),
    ]


def test_seed_article_dates_and_years_are_not_figures_and_nothing_is_unparsed():
    tokens = {(t.text, t.kind) for t in scan(SEED, "fr").tokens}
    assert ("4", "date") in tokens and ("3", "date") in tokens
    assert ("26", "date") in tokens and ("29", "date") in tokens
    assert ("2026", "year") in tokens
    assert ("un", "article") in tokens  # "un certain nombre", "un autre développement"
    assert not [t for t in scan(SEED, "fr").tokens if t.kind == "unparsed"]


def test_spans_are_exact_offsets_in_the_text():
    for q in scan(SEED, "fr").quantities:
        assert SEED[q.start : q.end] == q.text
        assert q.unit_start is not None and q.unit_end is not None
        assert SEED[q.unit_start : q.unit_end] == q.unit_text


def test_bounds_follow_the_qualifier():
    over = one("plus de 10 000 armes", "fr")
    assert (over.lower, over.upper, over.lower_inclusive, over.upper_inclusive) == (10000, None, False, None)
    approx = one("environ 2 millions d'obus", "fr")
    assert approx.lower == pytest.approx(2e6 * (1 - APPROX_TOLERANCE))
    assert approx.upper == pytest.approx(2e6 * (1 + APPROX_TOLERANCE))
    assert approx.lower_inclusive and approx.upper_inclusive
    exact = one("Il a acheté 12 drones.", "fr")
    assert (exact.value, exact.lower, exact.upper, exact.qualifier) == (12, 12, 12, "exact")
    rng = one("entre 5 et 10 millions de dollars", "fr")
    assert (rng.value, rng.lower, rng.upper, rng.qualifier, rng.unit) == (None, 5e6, 10e6, "range", "USD")


@pytest.mark.parametrize(
    ("text", "language", "qualifier", "value"),
    [
        ("au moins 1 200 véhicules", "fr", "at_least", 1200),
        ("pas moins de 40 chars", "fr", "at_least", 40),
        ("500 ou moins", "fr", "at_most", 500),
        ("jusqu'à 700 salariés", "fr", "at_most", 700),
        ("moins d'un millier de pandas", "fr", "under", 1000),
        ("quelque 300 soldats", "fr", "approx", 300),
        ("une centaine de drones", "fr", "approx", 100),
        ("more than 5,000 miles", "en", "over", 5000),
        ("at least $1.42", "en", "at_least", 1.42),
        ("fewer than a thousand pandas", "en", "under", 1000),
        ("up to 700 workers", "en", "at_most", 700),
        ("200 or greater", "en", "at_least", 200),
        ("equal to 5000 or less", "en", "at_most", 5000),
        ("nearly 3 million residents", "en", "approx", 3e6),
    ],
)
def test_qualifiers(text, language, qualifier, value):
    q = one(text, language)
    assert (q.qualifier, q.value) == (qualifier, value)


@pytest.mark.parametrize(
    ("text", "language", "value"),
    [
        ("10 000", "fr", 10000),
        ("10\u00a0000", "fr", 10000),
        ("10\u202f000", "fr", 10000),
        ("1,5 million", "fr", 1.5e6),
        ("1.458.000,00 tonnes", "fr", 1458000),
        ("0,9 billion", "fr", 9e11),
        ("10,000", "en", 10000),
        ("1.5 billion", "en", 1.5e9),
        ("vingt et un millions", "fr", 21e6),
        ("un million et demi", "fr", 1.5e6),
        ("un demi-million", "fr", 5e5),
        ("quatre-vingt-dix-neuf", "fr", 99),
        ("deux cent virgule zéro trois", "fr", 200.03),
        ("two million", "en", 2e6),
        ("five and a half million fish", "en", 5.5e6),
        ("half a million doses", "en", 5e5),
        ("a half million doses", "en", 5e5),
        ("thirty-one million two hundred fifty-six thousand seven hundred twenty-one", "en", 31256721),
        ("$3.5bn", "en", 3.5e9),
        ("2millions SEK", "fr", 2e6),
        ("30 MUSD", "en", 3e7),
        ("20 dollars 43 cents", "en", 20.43),
    ],
)
def test_values(text, language, value):
    assert one(text, language).value == pytest.approx(value)


@pytest.mark.parametrize(
    ("text", "language", "value", "span"),
    [
        ("La production recule (-0,2 %).", "fr", -0.2, "-0,2"),
        ("La production recule (- 0,2 %).", "fr", -0.2, "- 0,2"),
        ("Les importations baissent de \u22121,3 %.", "fr", -1.3, "\u22121,3"),
        ("Temperatures fell to -12 degrees.", "en", -12, "-12"),
        ("Paris - 3 000 manifestants ont défilé.", "fr", 3000, "3 000"),
    ],
)
def test_a_minus_sign_makes_a_negative_figure_and_a_dash_does_not(text, language, value, span):
    found = one(text, language)
    assert (found.value, found.text) == (pytest.approx(value), span)


def test_an_approximate_range_written_with_a_dash_is_one_range_and_a_change_is_two_figures():
    [share] = scan("Currently about 16\u201317 percent of trade is local.", "en").quantities
    assert (share.qualifier, share.lower, share.upper) == ("range", 16, 17)
    change = scan("The share rose from about 16 to 17 percent.", "en").quantities
    assert [(q.qualifier, q.value) for q in change] == [("approx", 16), ("exact", 17)]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("It was home to people for a few hundred years.", []),
        ("Several thousand people rallied on Saturday.", []),
        ("A hundred people rallied on Saturday.", [100]),
        ("Hundred thousand dollars were raised.", [100_000]),
    ],
)
def test_a_hundred_or_a_thousand_after_a_vague_word_is_no_figure(text, found):
    assert [q.value for q in scan(text, "en").quantities] == found


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("The 1973 building was home to many families.", "year"),
        ("He spoke after his 2016 arrest.", "year"),
        ("They built 1973 buildings.", "figure"),
        ("About 1900 policemen were deployed.", "figure"),
        ("Out of these, 1846 people were hospitalized.", "figure"),
    ],
)
def test_a_year_before_a_singular_noun_describes_it(text, kind):
    [token] = scan(text, "en").tokens
    assert token.kind == kind


def test_the_dash_of_a_range_or_a_date_is_no_sign():
    [price] = scan("Le prix est de 10 -20 euros.", "fr").quantities
    assert (price.qualifier, price.lower, price.upper) == ("range", 10, 20)
    assert [t.kind for t in scan("I will be out 2016 -11.", "en").tokens] == ["date"]


@pytest.mark.parametrize(
    ("text", "language", "unit"),
    [
        ("12 %", "fr", "percent"),
        ("12 pour cent", "fr", "percent"),
        ("12 percent", "en", "percent"),
        ("$ 5", "en", "USD"),
        ("5 €", "fr", "EUR"),
        ("5 euros", "fr", "EUR"),
        ("180ml", "en", "ml"),
        ("29 km", "fr", "km"),
        ("10 rounds of ammunition", "en", "munitions"),
        ("10 pieces of equipment", "en", "military_equipment"),
        ("10 weapons", "en", "weapons"),
    ],
)
def test_units(text, language, unit):
    assert one(text, language).unit == unit


def test_unknown_nouns_of_one_word_compare_equal():
    a = one("20 restaurants", "en")
    b = one("about 20 restaurant", "en")
    assert a.unit == b.unit and a.unit_text == "restaurants"


@pytest.mark.parametrize(
    ("text", "language", "kind"),
    [
        ("le 4 février", "fr", "date"),
        ("du 26 au 29 mai", "fr", "date"),
        ("January 5", "en", "date"),
        ("en 1988", "fr", "year"),
        ("à 21 h 26", "fr", "time"),
        ("at 3pm", "en", "time"),
        ("âgé de 45 ans", "fr", "age"),
        ("Il a plus de trente ans.", "fr", "age"),
        ("a 45-year-old man", "en", "age"),
        ("le 13e", "fr", "ordinal"),
        ("the third time", "en", "ordinal"),
        ("le premier", "fr", "ordinal"),
        ("SCP-173", "en", "identifier"),
        ("+1-222-2222-2222", "en", "phone"),
        ("un vent glacial", "fr", "article"),
        ("Which one do you prefer?", "en", "article"),
    ],
)
def test_numbers_that_are_not_figures(text, language, kind):
    result = scan(text, language)
    assert result.quantities == ()
    assert kind in {t.kind for t in result.tokens}


def test_small_number_words_that_count_are_figures():
    assert one("Vingt-six personnes meurent", "fr").value == 26
    assert one("two dogs", "en").value == 2


def test_durations_are_figures():
    q = one("pendant 3 jours", "fr")
    assert (q.value, q.unit) == (3, "day")


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "Aucun chiffre ici.",
        "99999999999999999999999999",
        "Привет мир 中文 ٣ テスト",
        "http://x.org/a?b=30%25",
    ],
)
def test_bad_input_gives_no_invented_figure(text):
    result = scan(text, "fr")
    assert result.quantities == ()
    assert all(t.kind in ("unparsed", "identifier", "article") for t in result.tokens)


def test_every_token_has_one_known_kind_and_tokens_do_not_overlap():
    result = scan(SEED + " He said 3pm, about 20 km and 45-year-old.", "fr")
    kinds = {"figure", "date", "year", "time", "ordinal", "age", "identifier", "phone", "article", "unparsed"}
    last_end = -1
    for t in result.tokens:
        assert t.kind in kinds
        assert t.start >= last_end
        last_end = t.end


def test_adverb_between_qualifying_verb_and_number() -> None:
    (quantity,) = scan("La dette publique dépasse désormais 3 000 milliards d'euros.", "fr").quantities
    assert (quantity.qualifier, quantity.value, quantity.lower_inclusive) == ("over", 3e12, False)


def test_clock_time_after_a_full_date_is_not_a_figure() -> None:
    result = scan("Le texte a été signé le 1er août 2023 à 10 heures.", "fr")
    assert result.quantities == ()
    assert [t.kind for t in result.tokens if t.text == "10"] == ["time"]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Le taux a doublé [4], selon le rapport.", "fr"),
        ("The firm said so.[12] Sales fell.", "en"),
    ],
)
def test_footnote_marks_are_not_figures(text, language):
    result = scan(text, language)
    assert result.quantities == ()
    assert {t.kind for t in result.tokens} == {"identifier"}


def test_a_footnote_mark_does_not_hide_the_counted_noun():
    q = one("Il gagne 3 [2] matchs.", "fr")
    assert (q.value, q.unit_text) == (3, "matchs")


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Le séisme a frappé à 0215 TU, selon l'institut.", "fr"),
        ("The blast came at 6 a.m. local time (2300 GMT).", "en"),
    ],
)
def test_four_digit_clock_times_before_a_time_zone_are_not_figures(text, language):
    result = scan(text, language)
    assert result.quantities == ()
    assert "time" in {t.kind for t in result.tokens}


def test_four_digits_before_a_unit_stay_a_figure():
    assert one("It cost 2300 dollars.", "en").value == 2300


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("La compagnie a cloué au sol ses 777 Max.", "fr"),
        ("Astronomers named it 55 Cancri e last year.", "en"),
        ("La numéro deux mondiale a abandonné.", "fr"),
        ("Le régiment 152 a quitté la ville.", "fr"),
        ("Leaders of the Group of Twenty met.", "en"),
        ("Flight number three left late.", "en"),
    ],
)
def test_numbers_inside_names_are_identifiers(text, language):
    result = scan(text, language)
    assert result.quantities == ()
    assert "identifier" in {t.kind for t in result.tokens}


@pytest.mark.parametrize(
    ("text", "language", "value"),
    [
        ("Quatre soldats ont été tués.", "fr", 4),
        ("Officials said: Nine Americans were freed.", "en", 9),
        ("He paid 20Rs for it.", "en", 20),
    ],
)
def test_capitalised_numbers_that_count_stay_figures(text, language, value):
    assert one(text, language).value == value


@pytest.mark.parametrize(
    ("text", "language", "kind"),
    [
        ("Elle termine 12 e du classement général.", "fr", "ordinal"),
        ("He came 2 nd in the sprint.", "en", "ordinal"),
        ("Le budget 2023/24 a été voté.", "fr", "year"),
        ("Revenue in fiscal 2021-22 was flat.", "en", "year"),
    ],
)
def test_spaced_ranks_and_fiscal_year_labels_are_not_figures(text, language, kind):
    result = scan(text, language)
    assert result.quantities == ()
    assert kind in {t.kind for t in result.tokens}


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Le chanteur est mort à 63 ans.", "fr"),
        ("Elle a fêté ses 90 ans en famille.", "fr"),
        ("Les salariés âgés de moins de 30 ans.", "fr"),
        ("Les jeunes diplômés de moins de 26 ans.", "fr"),
        ("A woman of 92 was rescued.", "en"),
        ("The actor died at 81 in Paris.", "en"),
        ("for infants between nine months and 5 years of age", "en"),
    ],
)
def test_ages_are_not_figures(text, language):
    result = scan(text, language)
    assert result.quantities == ()
    assert "age" in {t.kind for t in result.tokens}


@pytest.mark.parametrize(
    ("text", "language", "value"),
    [
        ("Il fête ses 25 ans de carrière.", "fr", 25),
        ("Elle a 40 ans et 2 enfants.", "fr", 2),
    ],
)
def test_durations_and_counts_beside_an_age_stay_figures(text, language, value):
    assert one(text, language).value == value


@pytest.mark.parametrize(
    ("text", "language", "qualifier", "value"),
    [
        ("Près de la moitié des salariés sont en grève.", "fr", "approx", 50),
        ("Les trois quarts du stock ont brûlé.", "fr", "exact", 75),
        ("Roughly two-thirds of the crops failed.", "en", "approx", 66.67),
        ("He kept a third of the money.", "en", "exact", 33.33),
    ],
)
def test_fractions_of_a_whole_are_percent_figures(text, language, qualifier, value):
    q = one(text, language)
    assert (q.qualifier, q.value, q.unit) == (qualifier, value, "percent")


@pytest.mark.parametrize(
    ("text", "language", "values"),
    [
        ("Les trois quarts des 12 dépôts et la moitié des 40 camions ont brûlé.", "fr", [75, 12, 50, 40]),
        (
            "Two-thirds of 9 towns, half of 30 farms and one third of 3 mills flooded.",
            "en",
            [66.67, 9, 50, 30, 33.33, 3],
        ),
    ],
)
def test_each_fraction_replaces_only_the_number_words_it_is_made_of(text, language, values):
    assert [q.value for q in scan(text, language).quantities] == values


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Les ventes ont baissé au cours de la première moitié de l'année 2019.", "fr"),
        ("Le prix a été réduit de moitié.", "fr"),
        ("Sales rose in the second half of 2019.", "en"),
        ("They waited half an hour.", "en"),
    ],
)
def test_halves_of_a_period_or_a_change_are_not_proportions(text, language):
    assert [q for q in scan(text, language).quantities if q.unit == "percent"] == []


@pytest.mark.parametrize(
    ("text", "language", "values"),
    [
        ("Le taux de chômage grimpe de 7,1 à 7,4 %.", "fr", [7.1, 7.4]),
        ("La réforme a fait passer l'âge légal de 62 à 64 ans.", "fr", [62, 64]),
        ("Exports climbed over the year from 40 to 55 tonnes.", "en", [40, 55]),
    ],
)
def test_both_ends_of_a_change_are_two_figures(text, language, values):
    quantities = scan(text, language).quantities
    assert [(q.qualifier, q.value) for q in quantities] == [("exact", v) for v in values]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Un billet coûte de 20 à 30 euros.", "fr"),
        ("Prices range from 5 to 10 dollars.", "en"),
    ],
)
def test_an_interval_without_a_verb_of_change_stays_a_range(text, language):
    assert one(text, language).qualifier == "range"


@pytest.mark.parametrize(
    ("text", "language", "qualifier", "value"),
    [
        ("A dozen houses burned.", "en", "approx", 12),
        ("at least two dozen arrests", "en", "at_least", 24),
        ("trois douzaines d'oeufs", "fr", "approx", 36),
        ("deux centaines de soldats", "fr", "approx", 200),
    ],
)
def test_counts_of_dozens_and_hundreds_are_approximate_figures(text, language, qualifier, value):
    q = one(text, language)
    assert (q.qualifier, q.value) == (qualifier, value)


@pytest.mark.parametrize(
    ("text", "language"),
    [("Dozens of houses burned.", "en"), ("Des centaines de soldats.", "fr")],
)
def test_vague_dozens_and_hundreds_are_not_figures(text, language):
    assert scan(text, language).quantities == ()


@pytest.mark.parametrize(
    ("text", "value"),
    [("Neuf communes ont voté contre.", 9), ("Sur les neuf derniers matchs, il en a gagné 6.", 9)],
)
def test_neuf_before_a_plural_noun_counts(text, value):
    assert scan(text, "fr").quantities[0].value == value


@pytest.mark.parametrize("text", ["Il a acheté un vélo neuf.", "La maison a été remise à neuf plus tard."])
def test_neuf_as_an_adjective_is_no_figure(text):
    assert scan(text, "fr").quantities == ()


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Tous les pays sauf un ont signé.", "fr"),
        ("Le texte a recueilli 40 voix pour et une contre.", "fr"),
        ("On compte 12 Français, 3 Belges et un Suisse.", "fr"),
        ("Every member but one voted yes.", "en"),
        ("The motion passed with one abstention.", "en"),
        ("Police arrested 4 men and one woman.", "en"),
    ],
)
def test_one_counting_in_a_tally_or_an_enumeration_is_a_figure(text, language):
    assert 1 in [q.value for q in scan(text, language).quantities]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Il a 3 enfants. Un jour, il est parti.", "fr"),
        ("Two men died and one of them was a doctor.", "en"),
        ("No one was hurt.", "en"),
    ],
)
def test_articles_and_the_pronoun_one_stay_no_figure(text, language):
    assert 1 not in [q.value for q in scan(text, language).quantities]


def test_an_article_before_a_vote_is_no_tally():
    assert scan("La loi est passée après un vote serré.", "fr").quantities == ()


def qualifiers(text: str, language: str) -> list[tuple[float | None, str]]:
    return [(q.value, q.qualifier) for q in scan(text, language).quantities]


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("The lake lies roughly 30 km (19 miles) north of town.", "en", [(30, "approx"), (19, "approx")]),
        ("Le tunnel fait plus de 3 km (1,9 mile) de long.", "fr", [(3, "over"), (1.9, "over")]),
        (
            "Le pont coûte 2 millions de dollars (environ 1,8 million d'euros).",
            "fr",
            [(2e6, "exact"), (1.8e6, "approx")],
        ),
        ("The wall is 12 feet (3.7 metres) high.", "en", [(12, "exact"), (3.7, "exact")]),
    ],
)
def test_a_conversion_in_brackets_takes_the_qualifier_of_the_number_it_converts(text, language, expected):
    assert qualifiers(text, language) == expected


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        (
            "Roughly 2 million tonnes of grain and 300 thousand tonnes of oil.",
            "en",
            [(2e6, "approx"), (3e5, "approx")],
        ),
        ("Le prix est d'environ 4 000 euros ou 4 500 dollars.", "fr", [(4000, "approx"), (4500, "approx")]),
        ("About 300 died and 20 were hurt.", "en", [(300, "approx"), (20, "exact")]),
        ("Environ 50 maisons ont brûlé et 12 familles sont à la rue.", "fr", [(50, "approx"), (12, "exact")]),
        ("Au moins 9 morts et 49 blessés.", "fr", [(9, "at_least"), (49, "exact")]),
    ],
)
def test_an_approximation_governs_the_numbers_coordinated_with_its_figure(text, language, expected):
    assert qualifiers(text, language) == expected


@pytest.mark.parametrize(
    ("text", "language", "bounds"),
    [
        ("The bill will run between US$40 and 60 million.", "en", (4e7, 6e7)),
        ("Repairs cost between £2 and £3 billion.", "en", (2e9, 3e9)),
        ("Le chantier coûtera entre 4 et 6 milliards d'euros.", "fr", (4e9, 6e9)),
        ("The price rose to between $900 and $1.2 million.", "en", (900, 1.2e6)),
    ],
)
def test_a_scale_word_after_the_second_end_of_a_range_applies_to_the_first(text, language, bounds):
    q = one(text, language)
    assert (q.qualifier, q.lower, q.upper) == ("range", *bounds)


@pytest.mark.parametrize(
    ("text", "language", "unit"),
    [
        ("Both shops lie within 3 km of the station.", "en", "km"),
        ("The results are due within ten days.", "en", "day"),
        ("Les habitants dans un rayon de 5 kilomètres ont été évacués.", "fr", "km"),
        ("Il doit répondre dans un délai de 15 jours.", "fr", "day"),
    ],
)
def test_within_bounds_a_distance_or_a_delay_from_above(text, language, unit):
    q = one(text, language)
    assert (q.qualifier, q.unit, q.upper_inclusive) == ("at_most", unit, True)


def test_within_before_a_count_is_no_bound():
    assert qualifiers("Floods hit farms within the 3 regions.", "en") == [(3, "exact")]


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("Divers pulled the wreck from beneath 40 metres of water.", "en", [(40, "exact")]),
        ("On a extrait la sonde d'en dessous de 6 mètres de sable.", "fr", [(6, "exact")]),
        ("Delegates came from over 100 countries.", "en", [(100, "over")]),
        ("Turnout went from below 40% to 55%.", "en", [(40, "under"), (55, "exact")]),
    ],
)
def test_from_under_a_measure_is_a_place_not_a_bound(text, language, expected):
    assert qualifiers(text, language) == expected


@pytest.mark.parametrize(
    ("text", "language", "bounds"),
    [
        ("Il reste 3 ou 4 bateaux au port.", "fr", (3, 4)),
        ("The repair takes two or three weeks.", "en", (2, 3)),
        ("About 10 or 12 volunteers turned up.", "en", None),
    ],
)
def test_two_close_alternatives_of_one_count_are_one_range(text, language, bounds):
    found = scan(text, language).quantities
    if bounds is None:  # an approximate pair stays two figures, as the gold leaves it undecided
        assert len(found) == 2
        return
    assert [(q.qualifier, q.lower, q.upper) for q in found] == [("range", *bounds)]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Pick 1, 2 or 3 cards.", "en"),
        ("Il a gagné 3 ou 9 fois.", "fr"),
        ("The winning numbers were 4 or 5.", "en"),
    ],
)
def test_lists_far_apart_or_bare_alternatives_stay_separate_figures(text, language):
    assert "range" not in [q.qualifier for q in scan(text, language).quantities]


@pytest.mark.parametrize(
    ("text", "language", "values"),
    [
        ("Le vaccin évite 9 infections sur 10.", "fr", [9]),
        ("Il pleut 3 jours sur 10 en été.", "fr", [3]),
        ("Seven times out of ten, the favourite wins.", "en", [7]),
        ("The lab confirmed 4 out of 15 samples.", "en", [4, 15]),
        ("Only 2 out of 10 applicants got a place.", "en", [2, 10]),
        ("Mortality reached 12 deaths per 100,000 people last winter.", "en", [12]),
        ("On compte 31 médecins pour 10 000 habitants dans la vallée.", "fr", [31]),
        ("The port employs 2,400 dockers, 1,200 per shift.", "en", [2400, 1200]),
        ("Incomes made a difference of one per 100,000 residents.", "en", []),
    ],
)
def test_the_round_base_of_a_rate_is_no_figure_of_its_own(text, language, values):
    assert [q.value for q in scan(text, language).quantities] == values


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Le gâteau a été coupé en deux avant le dessert.", "fr"),
        ("La région est scindée en deux depuis la guerre.", "fr"),
        ("The tanker broke in two during the storm.", "en"),
    ],
)
def test_a_set_phrase_ending_on_two_counts_nothing(text, language):
    assert scan(text, language).quantities == ()


def test_a_set_phrase_before_a_counted_noun_still_counts():
    assert [q.value for q in scan("Le terrain est coupé en deux parcelles.", "fr").quantities] == [2]


def test_a_housing_estate_named_by_a_number_is_no_figure():
    found = scan("Un bus a brûlé dans la cité des 3000 d'Aulnay-sous-Bois.", "fr")
    assert found.quantities == ()
    assert ("3000", "identifier") in [(t.text, t.kind) for t in found.tokens]


@pytest.mark.parametrize(
    ("text", "qualifier"),
    [("Wind gusts as high as 120 km/h were recorded.", "at_most"), ("Fares start as low as $9.", "at_least")],
)
def test_the_ends_of_a_spread_of_values_are_bounds(text, qualifier):
    assert one(text, "en").qualifier == qualifier


def test_a_number_before_past_is_a_clock_time_and_one_before_other_words_a_figure():
    result = scan("The train left at ten past eight with 9 carriages.", "en")
    assert [t.kind for t in result.tokens if t.text == "ten"] == ["time"]
    assert [q.text for q in result.quantities] == ["9"]


def test_a_long_run_of_number_words_is_read_as_the_numbers_it_lists():
    quantities = scan("mille deux cent trente-quatre " * 60, "fr").quantities
    assert [q.value for q in quantities] == [1234] * 60
