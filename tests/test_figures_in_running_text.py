"""Figures of running news text where punctuation, quotations and set phrases decide what a figure is
and who states it: the counted noun of a part, the points of a change, ages set off after a name,
speech quoted over several sentences, typographic apostrophes, penalties imposed."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.conftest import figures_of


def figures(resources, text: str, language: str, published: str = "2024-05-14") -> dict[str, dict]:
    return figures_of(resources, text, language, published)


@pytest.mark.parametrize(
    ("text", "language", "figure", "unit"),
    [
        ("Inspectors rejected 9 out of 40 imported crates at the port.", "en", "9", "crates"),
        ("The comet passed some 12 light years from the star.", "en", "some 12", "light_year"),
        ("La nébuleuse se trouve à 300 années-lumière de la Terre.", "fr", "300", "light_year"),
        ("The fire burned 85 square miles of forest.", "en", "85", "square_mile"),
        ("Le parc couvre 14 km carrés au nord de la ville.", "fr", "14", "km2"),
    ],
)
def test_a_part_out_of_a_whole_and_compound_units_count_what_they_name(
    resources, text, language, figure, unit
):
    row = figures(resources, text, language)[figure]
    assert unit in (row["unit"], row["unit_text"])


def test_a_number_in_a_stretch_of_time_is_no_part_of_it(resources):
    rows = figures(resources, "Messi scored 2 goals, then 3 in 20 minutes.", "en")
    assert rows["3"]["unit"] != "minute"


def test_a_signed_change_beside_a_percentage_is_in_points(resources):
    rows = figures(
        resources, "Le taux d'emploi atteint 61,2 % dans la région (+0,4) et 58,9 % ailleurs (-1,1).", "fr"
    )
    assert rows["61,2"]["unit"] == "percent"
    assert rows["0,4"]["unit"] == "percentage_point"
    assert rows["-1,1"]["unit"] == "percentage_point"
    after = figures(
        resources, "Employment reached 44.4 % among the young (+0.6) and 38.2 among older workers.", "en"
    )
    assert after["38.2"]["unit"] == "percent"  # no change: the percentage before it


@pytest.mark.parametrize(
    ("text", "language", "age"),
    [
        ("Après le vote, Marc Olivier, 63 ans, a salué 400 militants.", "fr", "63"),
        ("The eldest sister, age 31, told police about 14 others.", "en", "31"),
        ("His younger brother, 19, was held with 3 others.", "en", "19"),
        ("Sa sœur, 27 ans, a retrouvé 2 témoins.", "fr", "27"),
    ],
)
def test_an_age_set_off_after_a_name_is_no_figure(resources, text, language, age):
    assert age not in figures(resources, text, language)


def test_en_plus_d_une_is_no_bound(resources):
    rows = figures(resources, "Elle doit payer 8 000 euros en plus d'une interdiction de gérer.", "fr")
    assert "plus d'une" not in rows
    assert rows["8 000"]["qualifier"] == "exact"


def test_a_penalty_imposed_is_a_fact_and_a_penalty_incurred_the_terms_of_a_rule(resources):
    rows = figures(
        resources,
        "Le maire a été condamné à 20 000 euros d'amende. Un élu risque une amende de 50 000 euros.",
        "fr",
    )
    assert rows["20 000"]["status"] == "actual"
    assert rows["50 000"]["status"] == "unspecified"
    assert (
        figures(resources, "Offenders must pay a fine of up to $10,000.", "en")["up to $10,000"]["status"]
        == "unspecified"
    )


def test_compter_makes_a_plan_only_of_an_infinitive(resources):
    assert figures(resources, "Paris compte 56 887 vols et agressions.", "fr")["56 887"]["status"] == "actual"


def test_a_quotation_over_several_sentences_is_its_speaker_s(resources):
    text = (
        "Le soir des résultats, Claire Mercier a tweeté : « Quelle soirée ? Deux millions d'électeurs nous "
        "ont suivis. » Le lendemain, 300 policiers patrouillaient."
    )
    rows = figures(resources, text, "fr")
    assert rows["Deux millions"]["speaker_text"] == "Claire Mercier"
    assert rows["300"]["speaker_text"] is None


def test_a_quotation_inside_the_quotation_leaves_it_its_speaker(resources):
    text = "Marc Dupont a déclaré : « Le “plan B” est prêt. Il coûte 300 millions d'euros. »"
    assert figures(resources, text, "fr")["300 millions"]["speaker_text"] == "Marc Dupont"


def test_a_typographic_apostrophe_keeps_the_speaker_whole(resources):
    rows = figures(resources, "Le bilan s'élève à 12 morts, a précisé l’agence d’Anatolie.", "fr")
    assert rows["12"]["speaker_text"].endswith("d’Anatolie")


def test_a_period_right_after_a_later_figure_is_that_figure_s(resources):
    rows = figures(resources, "En 2022, les ventes ont reculé de 3,1 % et de 4,6 % en 2021.", "fr")
    assert rows["3,1"]["period_start"] == dt.date(2022, 1, 1)
    assert rows["4,6"]["period_start"] == dt.date(2021, 1, 1)
    shared = figures(resources, "Les ventes étaient de 12 % et 15 % en 2021.", "fr")
    assert shared["12"]["period_start"] == dt.date(2021, 1, 1)


def test_a_count_after_a_weekday_and_a_comma_is_a_figure_of_that_day(resources):
    rows = figures(resources, "Late Monday, 14 climbers were brought down from the ridge.", "en")
    assert rows["14"]["unit_text"] == "climbers"
    assert (rows["14"]["period_scope"], rows["14"]["period_start"]) == ("day", dt.date(2024, 5, 13))


def test_a_verb_the_pipeline_leaves_as_written_still_reports(resources):
    rows = figures(
        resources, "Pour le premier trimestre, l'Insee indique une estimation de 61 300 naissances.", "fr"
    )
    assert rows["61 300"]["speaker_text"] == "Insee"


def test_an_impersonal_subject_is_no_speaker_and_it_stands_for_the_last_one(resources):
    assert (
        figures(resources, "On annonce 300 licenciements dans l'usine.", "fr")["300"]["speaker_text"] is None
    )
    rows = figures(
        resources, "The health ministry said 12 people died. It added that 300 were injured.", "en"
    )
    assert rows["300"]["speaker_text"] == "health ministry"


def test_every_conversion_in_one_bracket_takes_the_qualifier_it_converts(resources):
    rows = figures(
        resources, "The lake covered about 4.2 hectares (10.4 acres; .042 square km) in June.", "en"
    )
    assert [rows[f]["qualifier"] for f in ("about 4.2", "10.4", ".042")] == ["approx"] * 3


@pytest.mark.parametrize(
    ("text", "figure", "start"),
    [
        # the period before dates other figures first: the one after is shared
        (
            "Au premier trimestre 2021, le taux était à 8,4 % et 7,9 %, avant de baisser à 7,1 et 6,8 au "
            "troisième trimestre 2022.",
            "7,1",
            dt.date(2022, 7, 1),
        ),
        # the two ends of one change share the period after them
        (
            "En 2023, le prix a grimpé, passant de 4,1 à 4,6 euros entre mars et juin 2023.",
            "4,1",
            dt.date(2023, 3, 1),
        ),
    ],
)
def test_a_period_after_two_figures_is_shared_when_nothing_else_dates_the_first(
    resources, text, figure, start
):
    assert figures(resources, text, "fr")[figure]["period_start"] == start


def test_a_race_time_is_a_figure_in_seconds_and_a_clock_time_is_none(resources):
    rows = figures(
        resources,
        "She finished six minutes ahead and won the marathon in 2:19:12, and he ran the mile in 3:51.40. "
        "The alarm rang 12:34:20 that night.",
        "en",
    )
    assert rows["2:19:12"]["value"] == 2 * 3600 + 19 * 60 + 12
    # it counts nothing, whatever the figure before it counts
    assert rows["2:19:12"]["unit"] is rows["3:51.40"]["unit"] is None
    assert rows["3:51.40"]["value"] == 3 * 60 + 51.40
    assert "12:34:20" not in rows  # a clock's hours take two digits
    french = figures(resources, "Elle a couru le 1 500 m en 3:51,40.", "fr")
    assert french["3:51,40"]["value"] == 3 * 60 + 51.40


def test_a_comparison_word_reaches_its_period_past_an_abbreviation(resources):
    rows = figures(resources, "Le taux atteint 12 %, contre 10 % pour M. Martin en 2017.", "fr")
    assert rows["12"]["period_text"] is None
    assert rows["10"]["period_start"] == dt.date(2017, 1, 1)


def test_a_comparison_s_period_ends_with_its_phrase_and_its_sentence(resources):
    text = (
        "Sur les neuf premiers mois, la ville compte 5 210 mariages, contre 5 480 en 2022, soit une baisse "
        "de 4,9 %. En 2022, la hausse atteignait 2,2 % et 1,7 % en 2021."
    )
    rows = figures(resources, text, "fr", published="2023-10-20")
    assert rows["5 480"]["period_start"] == dt.date(2022, 1, 1)
    assert rows["4,9"]["period_start"] == dt.date(2023, 1, 1)  # the nine months, not the compared year
    # "soit" of the sentence before compares nothing here
    assert rows["2,2"]["period_start"] == dt.date(2022, 1, 1)


def test_how_long_something_lasted_frames_no_later_sentence(resources):
    text = "Ministers negotiated the pact over the last three years. While 31 states have signed it, 12 have ratified it."
    assert figures(resources, text, "en")["31"]["period_text"] is None
    # a stretch opening its sentence frames the sentences after it
    opening = figures(
        resources, "Sur un an, le chômage baisse de 0,3 %. Les jeunes inscrits sont 12 000 de plus.", "fr"
    )
    assert opening["12 000"]["period_text"] == "Sur un an"


def test_a_paragraph_that_reports_a_source_goes_on_reporting_whoever_it_cites_last(resources):
    text = (
        "According to the ministry, 1,200 schools closed in March. The teachers' union also said 300 of them "
        "would reopen. For example, 45% of the schools in Lyon stayed shut.\n"
        "Traffic fell by 12% that month."
    )
    rows = figures(resources, text, "en", published="2023-04-02")
    assert rows["1,200"]["speaker_text"] == "the ministry"
    assert rows["45"]["speaker_text"] == "The teachers' union"
    assert rows["12"]["speaker_text"] is None  # the next paragraph reports no one


@pytest.mark.parametrize(
    ("lead", "dated"),
    [
        # the day a study was made known is not the day of what it found
        ("In findings published Wednesday, researchers reported that the river had dried up.", False),
        ("On Wednesday, the river burst its banks near the town.", True),
    ],
)
def test_a_lead_s_day_dates_later_paragraphs_only_when_it_tells_an_event(resources, lead, dated):
    text = f"Saturday, May 18, 2024\n{lead}\nRescuers found 14 stranded families.\n"
    period = figures(resources, text, "en", published="2024-05-18")["14"]["period_start"]
    assert period == (dt.date(2024, 5, 15) if dated else None)


def test_a_hearsay_adverb_on_a_figure_s_bound_makes_it_an_estimate(resources):
    rows = figures(
        resources, "The heat wave is blamed for reportedly upwards of 300 deaths in the region.", "en"
    )
    assert rows["upwards of 300"]["status"] == "estimate"


def test_a_record_s_start_gives_no_period_for_a_shift_to_move(resources):
    text = (
        "Il devient le plus jeune président depuis 1872. Il y a trois semaines, 53 % des électeurs ont voté. "
        "En mai, le chômage était de 9 %. Un an plus tôt, il était de 10 %."
    )
    rows = figures(resources, text, "fr", published="2018-06-23")
    # "depuis 1872" frames nothing, so the shift has nothing to move: the sentence names its own time, undated
    assert rows["53"]["period_text"] == "Il y a trois semaines"
    assert rows["53"]["period_start"] is None
    assert (rows["10"]["period_start"], rows["10"]["period_scope"]) == (dt.date(2017, 5, 1), "month")


@pytest.mark.parametrize(
    ("text", "language", "start", "end"),
    [
        ("Dans la nuit de vendredi à samedi 1er avril, la crue a fait 154 morts.", "fr", (3, 31), (4, 1)),
        ("Entre lundi et mercredi, 200 personnes ont été évacuées.", "fr", (3, 27), (3, 29)),
        ("From Friday to Saturday, 200 people were evacuated.", "en", (3, 31), (4, 1)),
    ],
)
def test_a_range_of_weekdays_is_a_period(resources, text, language, start, end):
    (row,) = figures(resources, text, language, published="2017-04-02").values()
    assert (row["period_start"], row["period_end"]) == (dt.date(2017, *start), dt.date(2017, *end))


def test_a_lead_s_event_over_two_days_dates_the_next_paragraph(resources):
    text = (
        "2 avril 2017. – La ville a été frappée dans la nuit de vendredi à samedi 1er avril par une crue.\n"
        "Au moins 154 personnes ont péri, selon le gouvernement.\n"
    )
    row = figures(resources, text, "fr", published="2017-04-02")["Au moins 154"]
    assert (row["period_start"], row["period_end"]) == (dt.date(2017, 3, 31), dt.date(2017, 4, 1))


@pytest.mark.parametrize(
    ("text", "language", "figure"),
    [
        ("Les sociaux-démocrates réalisent leur pire score depuis 1933, avec 20,5 % des voix.", "fr", "20,5"),
        ("Turnout reached its highest level since the winter of 2006-2007, at 71%.", "en", "71"),
    ],
)
def test_the_start_of_a_record_dates_no_figure(resources, text, language, figure):
    row = figures(resources, text, language, published="2017-09-26")[figure]
    assert row["period_start"] is None


def test_a_stretch_since_a_year_still_dates_its_figure(resources):
    row = figures(resources, "Depuis 2010, le chômage a baissé de 3 %.", "fr", published="2017-09-26")["3"]
    assert (row["period_start"], row["period_scope"]) == (dt.date(2010, 1, 1), "multi_year")


def test_a_score_after_a_name_is_two_figures_that_count_nothing(resources):
    rows = figures(resources, "Tickets cost $40. Maroochydore defeated Caboolture 43–5 on Saturday.", "en")
    assert (rows["43"]["value"], rows["5"]["value"]) == (43, 5)
    assert rows["43"]["unit"] is rows["5"]["unit"] is None  # not the dollars of the sentence before


def test_a_range_after_a_place_name_is_a_range(resources):
    rows = figures(resources, "La fraude coûtait chaque année en France 60 à 80 milliards d'euros.", "fr")
    assert (rows["60 à 80 milliards"]["lower"], rows["60 à 80 milliards"]["upper"]) == (60e9, 80e9)


@pytest.mark.parametrize(
    ("text", "language", "start"),
    [
        ("The chain sold 22 stores in the past year and a half.", "en", dt.date(2018, 12, 21)),
        ("La chaîne a vendu 22 magasins depuis un an et demi.", "fr", dt.date(2018, 12, 21)),
        # the twelve months up to the statement, not the calendar year before it
        ("Over the past year, the chain sold 22 stores.", "en", dt.date(2019, 6, 21)),
    ],
)
def test_a_stretch_of_a_unit_and_a_half_or_of_the_past_unit(resources, text, language, start):
    rows = figures(resources, text, language, published="2020-06-21")
    assert list(rows) == ["22"]  # "a half" counts nothing
    assert (rows["22"]["period_start"], rows["22"]["period_end"]) == (start, dt.date(2020, 6, 21))


def test_an_english_clause_in_the_present_holds_now_not_in_the_year_told_before(resources):
    text = (
        "In 2015, the chain invested in home deliveries and sold 40 stores. It closed 12 more. "
        "A report says only 5% of grocery sales comes from this segment."
    )
    rows = figures(resources, text, "en", published="2020-06-21")
    assert rows["12"]["period_start"] == dt.date(2015, 1, 1)  # told in the past: the year before it
    assert rows["5"]["period_start"] is None


def test_a_lead_attributed_by_selon_makes_its_paragraph_report_that_source(resources):
    text = (
        "La création d'emplois a ralenti au troisième trimestre, selon l'Insee. Avec 29 700 emplois créés, la "
        "baisse est sensible.\nLa population active croît de 150 000 personnes par an."
    )
    rows = figures(resources, text, "fr", published="2017-11-11")
    assert rows["29 700"]["speaker_text"] == "Insee"
    assert rows["150 000"]["speaker_text"] is None


@pytest.mark.parametrize(
    ("text", "language", "figure", "start"),
    [
        # a figure between the superlative and its period is what the period dates
        ("Their largest customer has bought 300 planes since 2010.", "en", "300", dt.date(2010, 1, 1)),
        ("The West has sent 300 tanks to the region since 2022.", "en", "300", dt.date(2022, 1, 1)),
        ("Les plus pauvres ont perdu 10 % de leur revenu depuis 2008.", "fr", "10", dt.date(2008, 1, 1)),
    ],
)
def test_a_period_since_a_year_is_no_record_start_when_it_dates_a_figure(
    resources, text, language, figure, start
):
    assert figures(resources, text, language, published="2023-06-21")[figure]["period_start"] == start


def test_a_lead_s_event_told_by_someone_still_dates_the_next_paragraph(resources):
    text = "Saturday, May 18, 2024\nA river burst its banks on Wednesday, police said.\nRescuers found 14 families.\n"
    assert figures(resources, text, "en", published="2024-05-18")["14"]["period_start"] == dt.date(
        2024, 5, 15
    )


def test_a_reaction_without_figures_does_not_take_over_a_paragraph_s_source(resources):
    text = (
        "According to the Labor Department, unemployment fell 2% in the third quarter. Economists said they "
        "were surprised. The number of jobseekers fell to 3.4 million."
    )
    rows = figures(resources, text, "en", published="2023-11-11")
    assert rows["3.4 million"]["speaker_text"] == rows["2"]["speaker_text"]


@pytest.mark.parametrize(
    ("text", "language", "figure", "expected"),
    [
        # a shift moves any dated period back, a stretch too
        (
            "Over the past 12 months, sales rose 5%. A year earlier, they had risen 3%.",
            "en",
            "3",
            ("other", 2018),
        ),
        # "the last quarter" stays the calendar quarter before
        ("In the last quarter, the firm sold 300 cars.", "en", "300", ("quarter", 2020)),
        # two years and a half are several years
        ("Depuis deux ans et demi, 300 usines ont fermé.", "fr", "300", ("multi_year", 2017)),
    ],
)
def test_shifts_and_stretches_keep_their_units(resources, text, language, figure, expected):
    row = figures(resources, text, language, published="2020-06-21")[figure]
    assert (row["period_scope"], row["period_start"].year) == expected


def test_a_model_number_after_a_name_stays_a_name(resources):
    rows = figures(resources, "The airline ordered 20 Boeing 737-800 jets.", "en")
    assert "737" not in rows and all(row["qualifier"] != "range" for row in rows.values())
