"""What a figure is about, read from its sentence and its context: counted noun, status, speaker, period."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.conftest import figures_of


def figures(resources, text: str, language: str, published: str = "2024-03-08") -> dict[str, dict]:
    return figures_of(resources, text, language, published)


def period(row: dict) -> tuple[str, str | None, str | None]:
    start, end = row["period_start"], row["period_end"]
    return row["period_scope"], start and start.isoformat(), end and end.isoformat()


def test_counted_noun_is_the_head_past_its_modifiers(resources):
    rows = figures(
        resources, "Floods closed seven health facilities and 1,200 confirmed cases were counted.", "en"
    )
    assert rows["seven"]["unit_text"] == "facilities"
    assert rows["1,200"]["unit_text"] == "cases"


def test_a_number_spelled_in_words_counts_the_noun_past_its_adjectives(resources):
    rows = figures(resources, "Around one million indigenous people live in the forest.", "en")
    assert rows["Around one million"]["unit_text"] == "people"


def test_french_counted_noun_past_an_adjective(resources):
    rows = figures(resources, "Les autorités ont recensé 450 nouveaux cas dans la région.", "fr")
    assert rows["450"]["unit_text"] == "cas"


@pytest.mark.parametrize(
    ("text", "language", "statuses"),
    [
        pytest.param(
            "The army received 12,000 trucks in 2026. The army should receive about 40,000 trucks in 2027.",
            "en",
            {"12,000": "actual", "about 40,000": "planned"},
            id="a modal makes a plan, a past verb a fact",
        ),
        pytest.param(
            "Le nouveau stade peut accueillir 42 000 spectateurs. Le club pourrait recruter 3 joueurs.",
            "fr",
            {"42 000": "actual", "3": "planned"},
            id="what can be is no plan, what could be is",
        ),
        pytest.param(
            "Le ministère, qui a livré 300 camions en janvier, devrait en recevoir 900 en mars.",
            "fr",
            {"300": "actual", "900": "planned"},
            id="two figures of one sentence may differ",
        ),
        pytest.param(
            "Les pompiers ont dû intervenir 240 fois dans la nuit. Ils devaient recevoir 60 renforts.",
            "fr",
            {"240": "actual", "60": "planned"},
            id="what had to be done was done, what was to be done is a plan",
        ),
        pytest.param(
            "Elle aurait dû percevoir moins de 19 000 euros. Elle a perçu 45 000 euros.",
            "fr",
            {"moins de 19 000": "unspecified", "45 000": "actual"},
            id="what should have been is neither fact nor plan",
        ),
        pytest.param(
            "Des foyers ont été privés de courant (jusqu'à 330 000, puis 237 000).",
            "fr",
            {"jusqu'à 330 000": "actual", "237 000": "actual"},
            id="a conjunction is no modal, whatever its lemma",
        ),
    ],
)
def test_the_status_of_each_figure_comes_from_the_verb_that_governs_it(resources, text, language, statuses):
    rows = figures(resources, text, language)
    assert {figure: rows[figure]["status"] for figure in statuses} == statuses


def test_an_estimated_count_is_an_estimate(resources):
    rows = figures(resources, "An estimated 5,000 people fled the town on Monday.", "en")
    assert rows["5,000"]["status"] == "estimate"


def test_according_to_names_the_speaker(resources):
    rows = figures(resources, "According to the coast guard, 31 fishermen were rescued.", "en")
    assert "coast guard" in rows["31"]["speaker_text"]


def test_a_reporting_verb_after_the_figure_names_its_subject(resources):
    rows = figures(resources, "Port officials said 80 containers fell into the sea.", "en")
    assert "officials" in rows["80"]["speaker_text"]


def test_whoever_promises_a_figure_states_it(resources):
    rows = figures(
        resources, "The regional governor has promised each family will receive 5,000 euros.", "en"
    )
    assert "governor" in rows["5,000"]["speaker_text"] and rows["5,000"]["status"] == "planned"
    rows = figures(resources, "Le maire a promis que 300 logements seraient construits.", "fr")
    assert "maire" in rows["300"]["speaker_text"]


def test_a_figure_nobody_states_has_no_speaker(resources):
    rows = figures(resources, "The bridge carries 40,000 cars a day.", "en")
    assert rows["40,000"]["speaker_text"] is None


def test_a_pronoun_subject_stands_for_the_previous_speaker(resources):
    rows = figures(
        resources,
        "The mayor Ana Lopes said 40 schools were closed. She added that 12 clinics had shut.",
        "en",
    )
    assert "Lopes" in rows["40"]["speaker_text"]
    assert "Lopes" in rows["12"]["speaker_text"]


def test_an_attribution_opening_a_paragraph_holds_for_the_paragraph(resources):
    rows = figures(
        resources,
        "Cependant, selon un rapport du Conseil national des forêts, la sécheresse pèse sur les pins. "
        "Les pertes touchent 240 communes du massif.\n"
        "Le massif accueille 3 000 randonneurs chaque été.",
        "fr",
    )
    assert "Conseil" in rows["240"]["speaker_text"]
    assert rows["3 000"]["speaker_text"] is None  # the next paragraph is the article's own


def test_an_attribution_inside_a_paragraph_does_not_carry(resources):
    rows = figures(
        resources,
        "Le port a rouvert. Selon la capitainerie, 80 navires attendent. La ville compte 12 quais.",
        "fr",
    )
    assert "capitainerie" in rows["80"]["speaker_text"]
    assert rows["12"]["speaker_text"] is None


def test_a_release_introduced_with_a_colon_holds_for_the_figures_after_it(resources):
    rows = figures(
        resources,
        "Selon l'Observatoire régional, le bilan de l'hiver est lourd :\nLa région compte 820 sans-abri.",
        "fr",
    )
    assert "Observatoire" in rows["820"]["speaker_text"]


def test_a_comparison_period_dates_only_the_compared_figure(resources):
    rows = figures(
        resources,
        "Le pays a enregistré 63 500 naissances en septembre 2016, contre 65 449 en septembre 2015.",
        "fr",
        published="2016-10-20",
    )
    assert period(rows["63 500"]) == ("month", "2016-09-01", "2016-09-30")
    assert period(rows["65 449"]) == ("month", "2015-09-01", "2015-09-30")


def test_a_word_that_compares_figures_compares_only_with_a_figure_after_it(resources):
    rows = figures(
        resources,
        "Exports reached 200 tonnes in 2023, against 180 tonnes in 2022. "
        "Divers pulled 12 survivors from the river on Tuesday.",
        "en",
    )
    assert period(rows["200"]) == ("whole_year", "2023-01-01", "2023-12-31")
    assert period(rows["180"]) == ("whole_year", "2022-01-01", "2022-12-31")
    assert period(rows["12"]) == ("day", "2024-03-05", "2024-03-05")


def test_a_sentence_without_a_period_takes_its_paragraph_period(resources):
    rows = figures(
        resources,
        "Le mois de juin 2016 est marqué par une hausse du chômage. Ainsi, 5 400 chômeurs de plus sont inscrits.",
        "fr",
        published="2016-07-26",
    )
    assert period(rows["5 400"]) == ("month", "2016-06-01", "2016-06-30")


@pytest.mark.parametrize(
    ("text", "language", "published", "figure", "expected"),
    [
        (
            "In 2016, the country held a referendum on the union, which it joined in 1973. "
            "About 52% of the voters chose to leave.",
            "en",
            "2019-03-28",
            "About 52",
            ("whole_year", "2016-01-01", "2016-12-31"),
        ),
        (
            "La course a eu lieu le 3 avril. La championne entame une saison qui devrait être longue, tant sa "
            "domination reste forte en cette année olympique. Un groupe de 22 coureuses se forme.",
            "fr",
            "2016-04-04",
            "22",
            ("day", "2016-04-03", "2016-04-03"),
        ),
        (  # a year that names an edition frames nothing
            "On Tuesday, the academy announced the winners of the 2019 Nobel Prize in Physics. "
            "The prize money was shared by 3 laureates.",
            "en",
            "2019-10-10",
            "3",
            ("day", "2019-10-08", "2019-10-08"),
        ),
    ],
)
def test_a_period_of_a_clause_under_the_main_one_frames_no_later_sentence(
    resources, text, language, published, figure, expected
):
    assert period(figures(resources, text, language, published)[figure]) == expected


def test_a_day_named_in_the_sentence_dates_the_event(resources):
    rows = figures(resources, "On Wednesday, the tremor left five people dead.", "en", published="2024-03-08")
    assert period(rows["five"]) == ("day", "2024-03-06", "2024-03-06")


def test_the_dateline_dates_figures_that_nothing_else_dates(resources):
    rows = figures(
        resources, "4 mars 2024. – Le séisme a fait 300 blessés dans la province.", "fr", "2024-03-04"
    )
    assert period(rows["300"]) == ("day", "2024-03-04", "2024-03-04")


def test_the_day_of_an_event_does_not_date_a_state_described_beside_it(resources):
    text = (
        "7 mai 2024. – Le gouvernement a lancé lundi une campagne de vaccination dans 300 écoles.\n"
        "La campagne coûte 4 millions d'euros et nécessite 2 000 infirmières. Les syndicats ont manifesté "
        "avec 500 personnes."
    )
    rows = figures(resources, text, "fr", "2024-05-07")
    assert period(rows["300"]) == ("day", "2024-05-06", "2024-05-06")
    assert period(rows["4 millions"]) == period(rows["2 000"]) == ("unspecified", None, None)
    assert period(rows["500"]) == ("day", "2024-05-06", "2024-05-06")


def test_without_a_model_each_sentence_is_read_on_its_own(resources):
    from figcheck.extract.article import Resources

    rows = figures(Resources(units=resources.units), "The army received 12,000 trucks in 2026.", "en")
    assert rows["12,000"]["status"] == "actual"


@pytest.mark.parametrize(
    ("text", "language", "figure", "expected"),
    [
        # back from the statement day by the stretch's units, both days counted ("sur un an" said on 30
        # November 2016 runs from 30 November 2015)
        (
            "Sur un an, le chômage a reculé de 2 % dans la région.",
            "fr",
            "2",
            ("other", "2015-11-30", "2016-11-30"),
        ),
        # "depuis" a count of units runs up to the statement, whatever bounds the count
        (
            "Depuis plus de neuf mois, 300 usines ont fermé.",
            "fr",
            "300",
            ("other", "2016-02-29", "2016-11-30"),
        ),
        # several years, or a decade, are a stretch of several years; its number is no year
        (
            "Ces quatre dernières années, 300 usines ont fermé.",
            "fr",
            "300",
            ("multi_year", "2012-11-30", "2016-11-30"),
        ),
        (
            "Depuis une décennie, 300 usines ont fermé.",
            "fr",
            "300",
            ("multi_year", "2006-11-30", "2016-11-30"),
        ),
        (
            "For more than two years, 300 workers have been on strike.",
            "en",
            "300",
            ("multi_year", "2014-11-30", "2016-11-30"),
        ),
        # a stretch to come, or said of a plan, runs from the statement on
        (
            "Au cours des trois prochaines années, 300 usines vont fermer.",
            "fr",
            "300",
            ("multi_year", "2016-11-30", "2019-11-29"),
        ),
        (
            "Over the next three years, 300 plants will close.",
            "en",
            "300",
            ("multi_year", "2016-11-30", "2019-11-29"),
        ),
        (
            "Le gouvernement va investir 3 milliards d'euros en trois ans.",
            "fr",
            "3 milliards",
            ("multi_year", "2016-11-30", "2019-11-29"),
        ),
        (
            "The government will invest 3 billion dollars over three years.",
            "en",
            "3 billion",
            ("multi_year", "2016-11-30", "2019-11-29"),
        ),
    ],
)
def test_a_stretch_runs_up_to_the_statement_day_or_from_it(resources, text, language, figure, expected):
    assert period(figures(resources, text, language, "2016-11-30")[figure]) == expected


@pytest.mark.parametrize(
    ("text", "language", "figure"),
    [
        # a stretch that says it is past stays past under a plan
        ("The firm will reopen the 12 plants it closed over the past three years.", "en", "12"),
        ("L'entreprise va rouvrir 12 usines fermées ces trois dernières années.", "fr", "12"),
    ],
)
def test_a_stretch_that_says_it_is_past_is_not_turned_ahead_by_a_plan(resources, text, language, figure):
    assert period(figures(resources, text, language, "2016-11-30")[figure]) == (
        "multi_year",
        "2013-11-30",
        "2016-11-30",
    )


def test_a_plan_turns_ahead_no_stretch_of_another_sentence(resources):
    rows = figures(
        resources, "Sur un an, le chômage a reculé de 2 %. Le gouvernement va créer 300 emplois.", "fr"
    )
    assert rows["300"]["period_end"] is None or rows["300"]["period_end"] <= dt.date(2024, 3, 8)


def test_now_is_the_statement_day(resources):
    rows = figures(resources, "La commune compte désormais 17 boulangeries.", "fr", "2016-04-07")
    assert period(rows["17"]) == ("day", "2016-04-07", "2016-04-07")


def test_a_year_ago_moves_the_compared_figure_period_back(resources):
    rows = figures(
        resources,
        "Le port a traité 412 navires en mars 2022, contre 380 il y a un an.",
        "fr",
        "2022-04-15",
    )
    assert period(rows["412"]) == ("month", "2022-03-01", "2022-03-31")
    assert period(rows["380"]) == ("month", "2021-03-01", "2021-03-31")


def test_a_data_release_dates_the_figures_after_it(resources):
    rows = figures(
        resources,
        "L'Insee publie ce mardi les chiffres des faillites pour le mois de mai 2021.\n"
        "Elles touchent 3 100 entreprises ce mois-ci, contre 2 900 le mois précédent.",
        "fr",
        "2021-07-06",
    )
    assert period(rows["3 100"]) == ("month", "2021-05-01", "2021-05-31")
    assert period(rows["2 900"]) == ("month", "2021-04-01", "2021-04-30")
    assert "Insee" in rows["3 100"]["speaker_text"]


def test_the_ends_of_a_change_take_the_ends_of_its_years(resources):
    rows = figures(
        resources,
        "La part des cyclistes a grimpé entre 2008 et 2019, passant de 4,5 % à 11,2 %.",
        "fr",
        "2020-05-02",
    )
    assert period(rows["4,5"]) == ("whole_year", "2008-01-01", "2008-12-31")
    assert period(rows["11,2"]) == ("whole_year", "2019-01-01", "2019-12-31")


def test_an_elliptical_count_counts_what_the_figure_before_it_counts(resources):
    rows = figures(
        resources, "Lille recense 4 312 cambriolages, devant Roubaix (1 208) et Tourcoing (977).", "fr"
    )
    assert rows["1 208"]["unit_text"] == "cambriolages"
    assert rows["977"]["unit_text"] == "cambriolages"


@pytest.mark.parametrize(
    ("text", "language", "published", "event", "promise", "day"),
    [
        (
            "On Wednesday, a building collapsed in the city. Rescuers pulled 12 survivors from the rubble. "
            "The governor promised each family will receive 50,000 dollars.",
            "en",
            "2024-03-08",
            "12",
            "50,000",
            "2024-03-06",
        ),
        (
            "7 mai 2024. – Un immeuble s'est effondré lundi à Lyon.\nLes secours ont sorti 12 survivants des "
            "décombres. Le maire a promis que chaque famille recevra 5 000 euros.",
            "fr",
            "2024-05-07",
            "12",
            "5 000",
            "2024-05-06",
        ),
    ],
)
def test_the_day_of_a_past_event_does_not_date_a_plan_made_after_it(
    resources, text, language, published, event, promise, day
):
    rows = figures(resources, text, language, published)
    assert period(rows[event]) == ("day", day, day)
    assert rows[promise]["status"] == "planned"
    assert period(rows[promise]) == ("unspecified", None, None)


def test_the_lead_day_under_a_dateline_dates_later_paragraphs(resources):
    rows = figures(
        resources,
        "9 juin 2023. – Une crue a frappé la vallée mardi.\nPlus de 60 caves ont été inondées.",
        "fr",
        "2023-06-09",
    )
    assert period(rows["Plus de 60"]) == ("day", "2023-06-06", "2023-06-06")


def test_the_lead_day_is_the_day_that_dates_its_figure(resources):
    # the lead names when the figures came out (Tuesday) and the day they count (the harvest of 2 May)
    rows = figures(
        resources,
        "12 mai 2022. – Selon les chiffres publiés mardi, la coopérative a livré 300 tonnes de blé lors de "
        "la récolte du 2 mai.\nQuelque 120 camions ont été chargés.",
        "fr",
        "2022-05-12",
    )
    assert period(rows["300"]) == ("day", "2022-05-02", "2022-05-02")
    assert period(rows["Quelque 120"]) == ("day", "2022-05-02", "2022-05-02")


def test_a_relative_day_named_before_the_day_of_the_sentence_is_read_as_of_publication(resources):
    rows = figures(
        resources,
        "Mardi, la coopérative a livré 300 tonnes de blé, deux fois plus que lors de la récolte du 2 mai.",
        "fr",
        "2022-05-12",
    )
    assert period(rows["300"]) == ("day", "2022-05-10", "2022-05-10")  # not the Tuesday before 2 May


@pytest.mark.parametrize(
    ("text", "language", "figure"),
    [
        ("Yesterday, the ministry said 5 people died in the fire.", "en", "5"),
        ("Hier, le ministère a annoncé que 5 personnes sont mortes dans l'incendie.", "fr", "5"),
    ],
)
def test_the_day_a_statement_names_for_itself_is_read_as_of_publication(resources, text, language, figure):
    # the day the statement was made, not the day before it
    assert period(figures(resources, text, language, "2019-01-04")[figure]) == (
        "day",
        "2019-01-03",
        "2019-01-03",
    )


def test_a_date_alone_on_the_first_line_dates_nothing(resources):
    rows = figures(
        resources, "Friday, January 4, 2019\nThe bridge carries 40,000 cars a day.", "en", "2019-01-04"
    )
    assert rows["40,000"]["period_start"] is None


def test_a_present_participle_of_speech_names_its_speaker(resources):
    rows = figures(
        resources,
        "La maire de Nantes, Claire Vidal, se montre prudente, estimant que la fréquentation sera de 8 %.",
        "fr",
    )
    assert "Vidal" in rows["8"]["speaker_text"]


def test_a_fact_about_the_running_year_covers_it_so_far(resources):
    rows = figures(resources, "The park counted 40% more visitors in 2019 than in 2018.", "en", "2019-08-24")
    assert period(rows["40"]) == ("year_to_date", "2019-01-01", "2019-08-24")


def test_a_plan_for_the_running_year_covers_all_of_it(resources):
    rows = figures(resources, "The army should receive 40,000 trucks in 2019.", "en", "2019-08-24")
    assert period(rows["40,000"]) == ("whole_year", "2019-01-01", "2019-12-31")


def test_a_hearsay_adverb_makes_an_estimate(resources):
    rows = figures(resources, "There are reportedly 640 goats on the island.", "en")
    assert rows["640"]["status"] == "estimate"


def test_be_to_with_an_infinitive_is_a_plan(resources):
    rows = figures(resources, "The two winners are to share a prize of 9,000 euros.", "en")
    assert rows["9,000"]["status"] == "planned"


def test_a_count_reached_by_a_past_day_holds_at_that_day(resources):
    rows = figures(resources, "The charity had handed out 7,400 blankets by November 22.", "en", "2020-01-01")
    assert period(rows["7,400"]) == ("day", "2019-11-22", "2019-11-22")


def test_the_terms_of_a_rule_are_neither_fact_nor_plan(resources):
    rows = figures(resources, "Le règlement fixe un plafond de 25 joueurs par équipe.", "fr")
    assert rows["25"]["status"] == "unspecified"


def test_a_period_dates_the_figures_of_its_own_clause_only(resources):
    rows = figures(
        resources,
        "The port handled 300 ships in March.\n"
        "The harbour employs 2,400 dockers, and the old quay, first paved in 1998, holds 14 cranes.",
        "en",
    )
    # "in 1998" belongs to the clause that describes the quay, not to the cranes nor the dockers
    assert period(rows["14"]) == ("unspecified", None, None)
    assert period(rows["2,400"]) == ("unspecified", None, None)
    assert period(rows["300"]) == ("month", "2024-03-01", "2024-03-31")


def test_a_period_inside_the_figures_own_phrase_dates_it(resources):
    rows = figures(
        resources,
        "Un chercheur a étudié 57 millions de dossiers ouverts entre 1990 et 2004.",
        "fr",
    )
    assert period(rows["57 millions"]) == ("multi_year", "1990-01-01", "2004-12-31")


def test_a_rate_per_unit_of_time_takes_no_governing_period(resources):
    rows = figures(
        resources,
        "En 2015, la ville a accueilli 300 000 visiteurs.\n"
        "En 2015, le musée a vendu 4 000 billets. L'entretien du musée coûte 2 millions d'euros par an.",
        "fr",
    )
    assert period(rows["4 000"]) == ("whole_year", "2015-01-01", "2015-12-31")
    assert period(rows["2 millions"]) == ("unspecified", None, None)


def test_a_number_joined_to_a_noun_by_a_hyphen_describes_a_thing(resources):
    rows = figures(resources, "On Monday a ten-storey building collapsed and 12 people died.", "en")
    assert period(rows["ten"]) == ("unspecified", None, None)
    assert period(rows["12"]) == ("day", "2024-03-04", "2024-03-04")


def test_a_year_said_whole_is_not_cut_short(resources):
    rows = figures(
        resources,
        "En 2017, 3 000 bornes ont été installées. Sur toute l'année 2017, 9 000 bornes ont été installées.",
        "fr",
        published="2017-04-08",
    )
    assert period(rows["3 000"]) == ("year_to_date", "2017-01-01", "2017-04-08")
    assert period(rows["9 000"]) == ("whole_year", "2017-01-01", "2017-12-31")


def test_a_forecast_the_parser_reads_without_a_verb_is_a_plan(resources):
    rows = figures(
        resources,
        "Julien Guillot, porte-parole du constructeur, table sur 20 500 véhicules vendus en 2018.",
        "fr",
        published="2018-03-10",
    )
    assert rows["20 500"]["status"] == "planned"


def test_the_remaining_months_of_a_year_are_the_rest_of_it(resources):
    rows = figures(
        resources,
        '"We expect 4,800 passengers to be carried in the remaining months of 2019," Corbett said.',
        "en",
        published="2019-02-12",
    )
    assert period(rows["4,800"]) == ("rest_of_year", "2019-02-12", "2019-12-31")


def test_a_conditional_under_a_past_statement_is_a_plan_and_alone_hearsay(resources):
    rows = figures(
        resources,
        "La porte-parole de l'agence a annoncé que 44 000 doses seraient livrées en 2024. "
        "Selon des témoins, une dizaine de personnes seraient mortes. "
        "Le ministre a déclaré que les pertes étaient estimées à 500 chars.",
        "fr",
    )
    assert rows["44 000"]["status"] == "planned"
    assert rows["une dizaine"]["status"] == "estimate"
    # an estimate a past statement reports stays an estimate
    assert rows["500"]["status"] == "estimate"


def test_a_figure_the_parser_cuts_off_still_takes_its_sentence_s_period_and_status(resources):
    rows = figures(
        resources,
        "49 200 colis alimentaires doivent encore être distribués pendant le reste de l'année, a ajouté "
        "M. Lebrun.",
        "fr",
        published="2018-09-15",
    )
    assert period(rows["49 200"]) == ("rest_of_year", "2018-09-15", "2018-12-31")
    assert rows["49 200"]["status"] == "planned"


def test_the_following_quarters_run_on_from_the_period_before(resources):
    rows = figures(
        resources,
        "De janvier à mars 2016, 14 100 emplois ont été créés. Au cours des trois trimestres suivants, "
        "21 800 emplois ont été créés.",
        "fr",
        published="2017-01-12",
    )
    assert period(rows["21 800"]) == ("other", "2016-04-01", "2016-12-31")


def test_the_first_end_of_a_change_takes_the_month_before_the_governing_one(resources):
    rows = figures(
        resources,
        "L'office publie les chiffres de l'emploi pour le mois de mars 2024. "
        "Dans l'Ain, le taux d'emploi passe de 61,2 à 61,8 %.",
        "fr",
        published="2024-05-02",
    )
    assert period(rows["61,2"]) == ("month", "2024-02-01", "2024-02-29")
    assert period(rows["61,8"]) == ("month", "2024-03-01", "2024-03-31")


def test_a_shift_written_right_after_its_figure_dates_that_figure(resources):
    rows = figures(
        resources,
        "Le taux d'occupation atteint 71,4 % pour mars, contre 70,2 % le mois précédent et 68,9 % il y a un an.",
        "fr",
        published="2024-05-02",
    )
    # "le mois précédent" is the month before the one the sentence names, not before the statement
    assert period(rows["70,2"]) == ("month", "2024-02-01", "2024-02-29")
    assert period(rows["68,9"]) == ("month", "2023-03-01", "2023-03-31")


def test_a_day_that_only_dates_an_event_is_not_when_later_sentences_were_said(resources):
    rows = figures(
        resources,
        "The ferry service resumed on November 12. Inspections ran on December 2 and 3. "
        "The port authority said 46 crews took part.",
        "en",
        published="2025-01-06",
    )
    # "December 2 and 3" is read from the published day, not in the past of November 12
    assert period(rows["46"]) == ("other", "2024-12-02", "2024-12-03")


def test_a_day_named_in_a_statement_still_holds_for_the_sentences_after_it(resources):
    rows = figures(
        resources,
        "On November 12, the minister said the port would reopen. He added that traffic fell by 12% last month.",
        "en",
        published="2025-01-06",
    )
    assert period(rows["12"]) == ("month", "2024-10-01", "2024-10-31")


def test_a_capitalised_noun_after_de_is_what_is_counted(resources):
    rows = figures(
        resources,
        "Ils sont aujourd'hui 15 porte-parole. À Roanne, une centaine de Gilets jaunes se sont retrouvés.",
        "fr",
    )
    assert rows["une centaine"]["unit_text"] == "Gilets"


def test_a_noun_the_lexicon_knows_takes_its_unit_in_both_languages(resources):
    french = figures(resources, "En mars, 14 300 visiteurs ont été accueillis.", "fr")
    english = figures(resources, "In March, the number of visitors welcomed reached 17,300.", "en")
    assert french["14 300"]["unit"] == english["17,300"]["unit"] == "visitors"


@pytest.mark.parametrize(
    ("text", "figure", "speaker"),
    [
        # "d'après" is one preposition in two tokens
        (
            "Le mois de mai a vu 4 100 logements construits, d'après Marie Tessier, porte-parole.",
            "4 100",
            "Tessier",
        ),
        # an incise after the figure: the subject comes after its verb
        ("Le nombre de lits occupés s'élève à 2 300, a rappelé Mme Tessier.", "2 300", "Tessier"),
        # "M." read as a passive subject by the parser: the verb is active all the same
        ("M. Girard a ensuite évoqué 3 800 colis distribués en mai.", "3 800", "Girard"),
    ],
)
def test_attribution_structures_name_the_speaker(resources, text, figure, speaker):
    rows = figures(resources, text, "fr")
    assert speaker in (rows[figure]["speaker_text"] or "")


def test_a_figure_hanging_on_the_verb_that_reports_it_takes_its_status_from_the_sentence(resources):
    # the parser reads "alimentaires" as the verb of the complement and ties the figure to "a annoncé"
    text = (
        "Marc Perrin, porte-parole de la Croix-Rouge, a annoncé que 15800 colis alimentaires seraient "
        "distribués sur toute l'année 2018."
    )
    assert figures(resources, text, "fr", "2018-10-07")["15800"]["status"] == "planned"


def test_a_figure_for_the_rest_of_the_year_is_still_to_come(resources):
    text = "Dealers said 28,300 vehicles are still due to be sold over the rest of the year."
    row = figures(resources, text, "en", "2019-10-19")["28,300"]
    assert (row["period_scope"], row["status"]) == ("rest_of_year", "planned")


@pytest.mark.parametrize(
    ("text", "language", "figure"),
    [
        ("A ten-storey block collapsed. The blast killed nine, with a boy the only survivor.", "en", "nine"),
        ("A ten-storey block collapsed on Monday. A total of 27 are confirmed dead.", "en", "A total of 27"),
        ("Un immeuble de dix étages s'est effondré. Au total, 14 ont péri dans l'incendie.", "fr", "14"),
    ],
)
def test_a_number_counting_no_noun_counts_people_when_its_clause_is_about_casualties(
    resources, text, language, figure
):
    assert figures(resources, text, language, "2019-01-04")[figure]["unit"] == "people"


def test_a_toll_counts_the_noun_before_it_also_at_the_end_of_a_change(resources):
    text = "Rescuers found more bodies on Tuesday, raising the death toll from 12 to 19."
    rows = figures(resources, text, "en", "2019-01-04")
    assert rows["19"]["unit_text"] == "death"


def test_the_figures_of_a_sentence_with_an_inline_citation_come_from_its_outlet(resources):
    text = (
        "Cette aide représente 4 millions d'euros par mois [ source : ((fr)) – « L'aide revue ». "
        "Le Courrier picard, 2 mars 2016. ] et le pays en reverse 70 % aux soldats."
    )
    rows = figures(resources, text, "fr", "2016-10-27")
    assert {rows["4 millions"]["source"], rows["70"]["source"]} == {"Le Courrier picard"}
    # the citation's date is when the outlet wrote: it neither dates the figure nor says when it was stated
    assert (rows["70"]["period_start"], rows["70"]["statement_date"]) == (None, None)


def test_the_lead_day_under_a_date_line_dates_the_events_told_in_later_paragraphs(resources):
    text = (
        "Friday, January 4, 2019\n"
        "A bridge collapsed on Monday in the port city.\n"
        "Divers searched the river overnight. 14 cars were swept away. The bridge has 6 lanes and the "
        "crossings were 80 percent full."
    )
    rows = figures(resources, text, "en", "2019-01-04")
    assert period(rows["14"]) == ("day", "2018-12-31", "2018-12-31")  # the lead's event, in the past tense
    # a possession and a copula describe how things were, not what happened on Monday
    assert period(rows["6"]) == period(rows["80"]) == ("unspecified", None, None)


def test_a_dateline_that_gives_only_the_day_of_publication_dates_no_later_paragraph(resources):
    text = (
        "13 février 2017. – Le tabagisme recule en France depuis plusieurs années.\n"
        "Les ouvriers fument deux fois plus que les cadres, avec 38 % de fumeurs réguliers."
    )
    assert period(figures(resources, text, "fr", "2017-02-13")["38"]) == ("unspecified", None, None)


def test_a_period_does_not_date_a_figure_beyond_a_semicolon(resources):
    rows = figures(
        resources, "Hungary spent 1.2% of its GDP on defence in 2018; the alliance asks for 2%.", "en"
    )
    assert period(rows["1.2"]) == ("whole_year", "2018-01-01", "2018-12-31")
    assert period(rows["2"]) == ("unspecified", None, None)


def test_the_terms_of_a_rule_take_no_period_from_another_sentence(resources):
    text = (
        "La croissance a atteint 1,2 % au premier trimestre. Elle reste sous le seuil de 1,5 % qui permet "
        "de créer des emplois."
    )
    rows = figures(resources, text, "fr", "2016-07-29")
    assert period(rows["1,2"]) == ("quarter", "2016-01-01", "2016-03-31")
    assert period(rows["1,5"]) == ("unspecified", None, None)
