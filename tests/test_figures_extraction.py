"""The figures table of an article: every quantity with its period, status, speaker, source and date."""

import datetime as dt

import pandas as pd
import pytest

from figcheck.load.articles import Article
from figcheck.pipeline import Extracted, extract_loaded
from figcheck.testing import shared_resources
from tests.conftest import SEED_TEXT


def extracted(text: str, language: str = "fr", published: dt.date | None = None) -> Extracted:
    article = Article(
        "a",
        path=__import__("pathlib").Path("a.txt"),
        collection="t",
        text=text,
        language=language,
        body_line=1,
        published=published,
    )
    return extract_loaded((article,), shared_resources())


@pytest.fixture(scope="module")
def seed() -> pd.DataFrame:
    return extracted(SEED_TEXT).figures


def day(value: str) -> pd.Timestamp:
    return pd.Timestamp(value)


def test_seed_gives_exactly_its_eight_figures(seed: pd.DataFrame) -> None:
    assert (
        list(seed["text"])
        == ["environ 2 millions", "plus de 10 000", "plus de 10 000", "environ 2 millions"]
        + ["plus de 310 000", "environ 21 millions"] * 2
    )
    assert list(seed["sentence"]) == [0, 0, 1, 1, 2, 2, 3, 3]


def test_seed_january_figures(seed: pd.DataFrame) -> None:
    january = seed.iloc[:4]
    assert set(january["period_scope"]) == {"month"}
    assert set(january["period_start"]) == {day("2026-01-01")} and set(january["period_end"]) == {
        day("2026-01-31")
    }
    assert set(january["status"]) == {"actual"}
    assert set(january["statement_date"]) == {day("2026-02-04")}
    assert all("Andreï Beloussov" in s for s in january["speaker_text"])
    assert list(january["source"].fillna("")) == ["", "", "TASS", "TASS"]
    assert list(january["period_text"]) == ["en janvier 2026"] * 2 + ["En janvier"] * 2
    munitions = january[january["unit"] == "munitions"]
    assert list(munitions["qualifier"]) == ["approx", "approx"] and set(munitions["value"]) == {2_000_000}
    weapons = january[january["unit"] == "weapons"]
    assert set(weapons["lower"]) == {10_000} and not any(weapons["lower_inclusive"])
    assert weapons["upper"].isna().all()


def test_seed_whole_year_and_rest_of_year_plans(seed: pd.DataFrame) -> None:
    whole, rest = seed.iloc[4:6], seed.iloc[6:8]
    assert set(whole["period_scope"]) == {"whole_year"} and set(rest["period_scope"]) == {"rest_of_year"}
    assert (set(whole["period_start"]), set(whole["period_end"])) == (
        {day("2026-01-01")},
        {day("2026-12-31")},
    )
    assert (set(rest["period_start"]), set(rest["period_end"])) == ({day("2026-02-04")}, {day("2026-12-31")})
    assert set(seed.iloc[4:]["status"]) == {"planned"}
    assert list(seed.iloc[4:]["unit"]) == ["military_equipment", "munitions"] * 2
    assert set(rest["speaker_text"]) == {"ministère russe de la Défense"}
    assert set(seed.iloc[4:][seed.iloc[4:]["unit"] == "munitions"]["value"]) == {21_000_000}


def test_seed_dates_and_places_are_not_figures() -> None:
    tokens = extracted(SEED_TEXT).tokens
    assert set(tokens[tokens["kind"] == "figure"]["text"]) == {
        "2 millions",
        "10 000",
        "310 000",
        "21 millions",
    }
    assert (tokens["kind"] == "unparsed").sum() == 0
    assert {"4", "2026"} <= set(tokens[tokens["kind"] != "figure"]["text"])


def test_speaker_is_who_the_sentence_quotes_not_who_it_names() -> None:
    figures = extracted(
        "Emmanuel Macron a rencontré Olaf Scholz. Plus de 300 chars ont été livrés en 2025, "
        "a déclaré Olaf Scholz.",
        published=dt.date(2026, 1, 5),
    ).figures
    assert list(figures["speaker_text"]) == ["Olaf Scholz"]


def test_a_sentence_without_speech_has_no_speaker() -> None:
    figures = extracted(
        "Emmanuel Macron a visité une usine qui produit plus de 300 chars par an.",
        published=dt.date(2026, 1, 5),
    ).figures
    assert figures["speaker_id"].isna().all()


def test_relative_period_uses_the_published_date_without_a_statement_date() -> None:
    figures = extracted(
        "The army received 500 drones last month.", language="en", published=dt.date(2026, 3, 10)
    ).figures
    assert (figures.loc[0, "period_start"], figures.loc[0, "period_end"]) == (
        day("2026-02-01"),
        day("2026-02-28"),
    )
    assert figures.loc[0, "period_anchor"] == "reference"


def test_empty_and_figureless_articles_give_no_rows() -> None:
    assert extracted("").figures.empty
    assert extracted("Le ministre a parlé longuement du forum.").figures.empty
