from datetime import date

from figcheck.extract.dates import find_statement_dates

SEED = (
    "Le ministre russe de la Défense a annoncé le 4 février qu'environ 2 millions d'unités avaient été "
    "mises en service en janvier 2026.\n"
    "Dans un autre développement, le 3 février, le secrétaire a déclaré à TASS que le forum aurait lieu "
    "du 26 au 29 mai."
)


def test_day_without_year_takes_the_context_year():
    found = find_statement_dates(SEED, "fr", context_year=2026)
    assert [(d.text, d.date, d.anchor) for d in found] == [
        ("le 4 février", date(2026, 2, 4), "context_year"),
        ("le 3 février", date(2026, 2, 3), "context_year"),
    ]


def test_weekday_is_on_or_before_the_published_date():
    found = find_statement_dates(
        "The minister said on Tuesday that drones arrived.", "en", published=date(2026, 2, 6)
    )
    assert [(d.text, d.date, d.anchor) for d in found] == [("on Tuesday", date(2026, 2, 3), "published")]


def test_day_after_published_date_moves_to_previous_year():
    found = find_statement_dates("On February 10, he said so.", "en", published=date(2026, 2, 6))
    assert found[0].date == date(2025, 2, 10)


def test_explicit_date():
    found = find_statement_dates("Le 3 février 2026, il a déclaré", "fr")
    assert [(d.text, d.date, d.anchor) for d in found] == [
        ("Le 3 février 2026", date(2026, 2, 3), "explicit")
    ]


def test_unresolvable_weekday_is_left_out():
    assert find_statement_dates("Il a déclaré mardi que", "fr") == []


def test_offsets_point_into_the_text():
    for d in find_statement_dates(SEED, "fr", published=date(2026, 2, 5)):
        assert SEED[d.start : d.end] == d.text


def test_day_written_with_a_year_after_publication_is_not_a_statement_date():
    # False alarm on real text: `to start trading on July 1, 2020` dated a 2019 statement in 2020.
    text = "The commissioner said the framework is enough to start trading on July 1, 2020."
    assert find_statement_dates(text, "en", date(2019, 7, 10)) == []


def test_days_read_from_each_sentences_matched_phrases_keep_their_offsets_in_the_article():
    from figcheck.extract.timeframes import sentence_phrases
    from figcheck.text.sentences import sentences

    spans = list(sentences(SEED))
    phrases = sentence_phrases(SEED, "fr", spans)
    found = find_statement_dates(SEED, "fr", context_year=2026, phrases=phrases)
    assert [(SEED[d.start : d.end], d.date) for d in found] == [
        ("le 4 février", date(2026, 2, 4)),
        ("le 3 février", date(2026, 2, 3)),
    ]


def test_a_sentence_without_figures_is_parsed_only_where_its_period_may_frame_later_figures():
    from figcheck.extract.dating import framing_sentences
    from figcheck.extract.numbers import scan
    from figcheck.extract.timeframes import sentence_phrases
    from figcheck.extract.units import default_units
    from figcheck.text.sentences import sentences

    text = (
        "La saison a commencé en mars. Un groupe de 22 coureuses se forme. "  # frames the figures after it
        "Le club est né en 1990. En 2015, 300 licenciés ont été comptés. "  # the figures name their own year
        "La course a eu lieu le 3 avril.\n"  # last of its paragraph
        "Il y avait 40 équipes."
    )
    spans = list(sentences(text))
    phrases = sentence_phrases(text, "fr", spans)
    quantities = scan(text, "fr", default_units()).quantities
    assert [
        text[spans[s].start : spans[s].end]
        for s in sorted(framing_sentences(text, spans, phrases, quantities))
    ] == ["La saison a commencé en mars."]
