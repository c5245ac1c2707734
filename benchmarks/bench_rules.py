"""Time every table rule on a synthetic corpus of 1,000,000 figures in 100,000 articles.

    .venv/bin/python benchmarks/bench_rules.py [--articles 100000] [--figures-per-article 10]
                                               [--seed 7] [--no-validate] [--no-expectations]

The tables are generated directly as pandas frames that the pandera models `Documents`, `Figures` and
`Mentions` accept (validated before timing unless `--no-validate`), wrapped the way
`figcheck.pipeline.tables_of` wraps them (narwhals lazy frames over pandas), and every rule of kind
`table` found by `builtin_rules()` runs through `run_rules` with an empty suite.

The corpus imitates a news archive: each article quotes one claimant (a person, an organization or
an agency) on military units, plus a few unattributed civil figures. A claim (claimant, unit,
period, status) has one value wherever it is echoed, and parts of a year fit their year, so a rule
finds little beyond what is planted on purpose: about 0.2 % of articles get one deliberate problem
per rule (a qualifier or unit changed, a whole-year figure repeated for the rest of the year,
quarters that overflow their year, a drifted value, a swapped agency, a second spelling, a second
title). The table printed at the end gives, per rule, its time, its findings and what was planted.

With `--expectations` on (the default) the Great Expectations suite `checks/figures.expectations.json`
is also run on the figures table, timed apart, so that `failed-expectation` has outcomes to read.
Peak memory is the process's maximum resident set size (`resource.getrusage`), which includes the
generated tables.
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

import narwhals as nw
import numpy as np
import pandas as pd

from figcheck.rules.discover import builtin_rules
from figcheck.rules.runner import run_rules
from figcheck.rules.suite import Suite
from figcheck.rules.tables_view import Tables
from figcheck.tables.schemas import (
    DOCUMENT_COLUMNS,
    FIGURE_COLUMNS,
    MENTION_COLUMNS,
    Documents,
    Figures,
    Mentions,
)

ROOT = Path(__file__).resolve().parents[1]

MILITARY = [
    "munitions",
    "shells",
    "weapons",
    "military_equipment",
    "drones",
    "tanks",
    "vehicles",
    "soldiers",
    "victims",
    "casualties",
    "missiles",
    "aircraft",
    "USD",
    "RUB",
    "UAH",
]
CIVIL = ["people", "EUR", "t", "km", "passenger", "MW", "percent", "barrel"]
UNITS = MILITARY + CIVIL
UNIT_TEXT = {
    "fr": {
        "munitions": "munitions",
        "shells": "obus",
        "weapons": "armes",
        "military_equipment": "équipements militaires",
        "drones": "drones",
        "tanks": "chars",
        "vehicles": "véhicules blindés",
        "soldiers": "soldats",
        "victims": "victimes",
        "casualties": "blessés",
        "missiles": "missiles",
        "aircraft": "avions",
        "USD": "dollars",
        "RUB": "roubles",
        "UAH": "hryvnias",
        "people": "personnes",
        "EUR": "euros",
        "t": "tonnes",
        "km": "kilomètres",
        "passenger": "passagers",
        "MW": "mégawatts",
        "percent": "%",
        "barrel": "barils",
    },
    "en": {
        "munitions": "rounds of ammunition",
        "shells": "shells",
        "weapons": "weapons",
        "military_equipment": "pieces of military equipment",
        "drones": "drones",
        "tanks": "tanks",
        "vehicles": "armoured vehicles",
        "soldiers": "soldiers",
        "victims": "dead",
        "casualties": "wounded",
        "missiles": "missiles",
        "aircraft": "aircraft",
        "USD": "dollars",
        "RUB": "roubles",
        "UAH": "hryvnias",
        "people": "people",
        "EUR": "euros",
        "t": "tonnes",
        "km": "kilometres",
        "passenger": "passengers",
        "MW": "megawatts",
        "percent": "%",
        "barrel": "barrels",
    },
}
QUALIFIER_WORDS = {
    "fr": {
        "exact": "",
        "approx": "environ ",
        "over": "plus de ",
        "at_least": "au moins ",
        "under": "moins de ",
        "at_most": "au plus ",
    },
    "en": {
        "exact": "",
        "approx": "about ",
        "over": "more than ",
        "at_least": "at least ",
        "under": "fewer than ",
        "at_most": "at most ",
    },
}
POINT_TO_BOUND = {"exact": "over", "approx": "at_least"}
BOUND_TO_POINT = {"over": "approx", "at_least": "exact", "under": "approx", "at_most": "exact"}
AGENCIES = ["TASS", "RIA Novosti", "Interfax", "Reuters", "AFP", "Ukrinform"]
OUTLETS = [
    "La Gazette du Dniestr",
    "Eastern Ledger",
    "Le Courrier de Bessarabie",
    "Baltic Wire Review",
    "Northern Dispatch",
    "Le Journal du Dniepr",
    "L'Observateur du Sud",
]
FIRST = [
    "Sergueï",
    "Andreï",
    "Dmitri",
    "Oleksandr",
    "Vadym",
    "Olena",
    "Iouri",
    "Mykola",
    "Anatoli",
    "Evgueni",
]
FIRST_EN = [
    "Sergei",
    "Andrei",
    "Dmitry",
    "Oleksandr",
    "Vadym",
    "Olena",
    "Yuri",
    "Mykola",
    "Anatoly",
    "Yevgeny",
]
LAST = [
    "Roudenko",
    "Tkatchenko",
    "Kovaltchouk",
    "Hrebeniouk",
    "Zviaguine",
    "Belyakov",
    "Savtchouk",
    "Lytvyn",
    "Morozov",
    "Sokolov",
    "Pavlenko",
    "Kravtchouk",
    "Orlov",
    "Melnyk",
    "Bondarenko",
]
LAST_EN = [
    "Rudenko",
    "Tkachenko",
    "Kovalchuk",
    "Hrebeniuk",
    "Zvyagin",
    "Belyakov",
    "Savchuk",
    "Lytvyn",
    "Morozov",
    "Sokolov",
    "Pavlenko",
    "Kravchuk",
    "Orlov",
    "Melnyk",
    "Bondarenko",
]
# Each person's title, and a title of another post in the same body for the planted title drift.
TITLES = {
    "fr": [
        "président de la commission de la Défense",
        "secrétaire du Conseil de sécurité",
        "président de la commission du budget",
        "porte-parole du ministère de la Défense",
    ],
    "en": [
        "chair of the Defence Committee",
        "secretary of the Security Council",
        "chairman of the budget committee",
        "spokesman for the Defence Ministry",
    ],
}
OTHER_TITLES = {
    "fr": [
        "secrétaire de la commission de la Défense",
        "chef du Conseil de sécurité",
        "secrétaire de la commission du budget",
        "directeur du ministère de la Défense",
    ],
    "en": [
        "secretary of the Defence Committee",
        "head of the Security Council",
        "secretary of the budget committee",
        "director of the Defence Ministry",
    ],
}
ORGANIZATIONS = [
    "ministère de la Défense",
    "ministère de l'Économie",
    "état-major",
    "Rosoboronexport",
    "Ukroboronprom",
    "Banque centrale",
    "service des douanes",
    "ministère de l'Énergie",
]
SCOPES = np.array(
    ["whole_year", "month", "quarter", "half_year", "year_to_date", "rest_of_year", "unspecified"]
)
SCOPE_WEIGHTS = np.array([0.36, 0.24, 0.2, 0.05, 0.04, 0.01, 0.10])
STATUSES = np.array(["actual", "planned", "estimate", "unspecified"])
QUALIFIERS = np.array(["exact", "approx", "over", "at_least", "under", "at_most"])
QUALIFIER_WEIGHTS = np.array([0.4, 0.3, 0.2, 0.05, 0.03, 0.02])
PLANT_SHARE = 0.002


def mix(*columns: np.ndarray) -> np.ndarray:
    """A deterministic pseudo-random number in [0, 1) for each row of integer key columns."""
    h = np.full(len(columns[0]), 0x9E3779B97F4A7C15, dtype=np.uint64)
    for column in columns:
        h ^= (
            column.astype(np.uint64)
            + np.uint64(0x9E3779B97F4A7C15)
            + (h << np.uint64(6))
            + (h >> np.uint64(2))
        )
        h *= np.uint64(0xBF58476D1CE4E5B9)
        h ^= h >> np.uint64(31)
    return (h >> np.uint64(11)).astype(np.float64) / float(1 << 53)


def round_figure(values: np.ndarray) -> np.ndarray:
    """Three significant digits, as reported figures usually are."""
    digits = np.floor(np.log10(np.maximum(values, 1.0)))
    scale = 10.0 ** np.maximum(digits - 2, 0)
    return np.maximum(np.round(values / scale) * scale, 1.0)


def number_text(value: float, language: str) -> str:
    if value >= 1_000_000 and value % 100_000 == 0:
        millions = value / 1_000_000
        shown = f"{millions:g}".replace(".", "," if language == "fr" else ".")
        return f"{shown} millions" if language == "fr" else f"{shown} million"
    grouped = f"{value:,.0f}"
    return grouped.replace(",", "\u202f") if language == "fr" else grouped


def generate(n_docs: int, per_doc: int, seed: int) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame, dict]:
    rng = np.random.default_rng(seed)
    doc_index = np.arange(n_docs)
    doc_ids = np.array([f"a{i:06d}" for i in doc_index], dtype=object)
    french = rng.random(n_docs) < 0.6
    language = np.where(french, "fr", "en")
    published = pd.Timestamp("2024-02-01") + pd.to_timedelta(rng.integers(0, 880, n_docs), unit="D")
    stated = published - pd.to_timedelta(rng.integers(0, 3, n_docs), unit="D")
    year = published.year.to_numpy()

    # Claimants: persons 0..P-1, organizations P..P+O-1, agencies after.
    n_persons, n_orgs = 3000, len(ORGANIZATIONS)
    kind = rng.choice(3, n_docs, p=[0.6, 0.1, 0.3])
    claimant = np.where(
        kind == 0,
        rng.integers(0, n_persons, n_docs),
        np.where(
            kind == 1,
            n_persons + rng.integers(0, n_orgs, n_docs),
            n_persons + n_orgs + rng.integers(0, len(AGENCIES), n_docs),
        ),
    )
    planted: dict[str, int] = {}

    # --- mentions: the claimant's mention (person or organization), an agency mention when cited.
    person = kind == 0
    first = claimant % len(FIRST)
    last = (claimant // len(FIRST)) % len(LAST)
    french_form = np.array([f"{FIRST[f]} {LAST[s]}" for f, s in zip(first, last, strict=True)], dtype=object)
    english_form = np.array(
        [f"{FIRST_EN[f]} {LAST_EN[s]}" for f, s in zip(first, last, strict=True)], dtype=object
    )
    written = np.where(french, french_form, english_form)
    title_index = claimant % len(TITLES["fr"])
    title = np.where(
        french,
        np.array(TITLES["fr"], dtype=object)[title_index],
        np.array(TITLES["en"], dtype=object)[title_index],
    )
    rows = {
        "mention_id": doc_ids + "@1",
        "doc_id": doc_ids,
        "start": np.zeros(n_docs, dtype=np.int64),
        "end": np.zeros(n_docs, dtype=np.int64),
        "text": np.where(
            person,
            written,
            np.array(ORGANIZATIONS + AGENCIES, dtype=object)[
                np.clip(claimant - n_persons, 0, n_orgs + len(AGENCIES) - 1)
            ],
        ),
        "type": np.where(person, "person", np.where(kind == 1, "organization", "agency")),
        "title": np.where(person, title, None),
        "name": None,  # set below: the person's full name, the organization's own name
        "refers_to": np.full(n_docs, None, dtype=object),
        "convention": np.where(person, np.where(french, "french", "english"), None),
        "entity_id": np.where(kind == 2, None, np.array([f"e{c}" for c in claimant], dtype=object)),
        "canonical": np.where(person, french_form, None),
    }
    rows["name"] = np.where(kind == 1, rows["text"], np.where(person, written, None))
    title_start = 40
    rows["start"] = np.full(n_docs, title_start + 25)
    rows["end"] = rows["start"] + np.array([len(t) for t in rows["text"]])
    mentions = pd.DataFrame(rows)
    # A surname alone later in the article, linked to the full name.
    surname = mentions[person].copy()
    surname["mention_id"] = surname["doc_id"] + "@2"
    surname["text"] = np.where(french[person], "M. ", "Mr ") + np.array(
        [t.split(" ")[-1] for t in surname["name"]], dtype=object
    )
    surname["title"] = None
    surname["refers_to"] = surname["doc_id"] + "@1"
    surname["convention"] = None
    surname["start"] = 900
    surname["end"] = 900 + surname["text"].str.len()
    extra = [surname]
    persons_docs = np.flatnonzero(person)
    plant_docs = rng.choice(persons_docs, size=(3, int(n_docs * PLANT_SHARE)), replace=False)
    # name-variant: the other romanization as a second full name (also feeds name-style-drift).
    variant = mentions.iloc[plant_docs[0]].copy()
    variant["mention_id"] = variant["doc_id"] + "@3"
    variant["text"] = np.where(french[plant_docs[0]], english_form[plant_docs[0]], french_form[plant_docs[0]])
    variant["name"] = variant["text"]
    variant["convention"] = np.where(french[plant_docs[0]], "english", "french")
    variant["title"] = None
    variant["start"], variant["end"] = 1200, 1200 + variant["text"].str.len()
    extra.append(variant)
    planted["name-variant"] = len(variant)
    # title-drift: the same name again with a title of another role.
    retitled = mentions.iloc[plant_docs[1]].copy()
    retitled["mention_id"] = retitled["doc_id"] + "@3"
    other = title_index[plant_docs[1]]
    retitled["title"] = np.where(
        french[plant_docs[1]],
        np.array(OTHER_TITLES["fr"], dtype=object)[other],
        np.array(OTHER_TITLES["en"], dtype=object)[other],
    )
    retitled["start"], retitled["end"] = 1300, 1300 + retitled["text"].str.len()
    extra.append(retitled)
    planted["title-drift"] = len(retitled)
    # name-style-drift: an article that writes the other language's romanization throughout.
    styled = plant_docs[2]
    mentions.loc[styled, "text"] = np.where(french[styled], english_form[styled], french_form[styled])
    mentions.loc[styled, "name"] = mentions.loc[styled, "text"]
    mentions.loc[styled, "end"] = mentions.loc[styled, "start"] + mentions.loc[styled, "text"].str.len()
    planted["name-style-drift"] = len(styled)
    mentions = pd.concat([mentions, *extra], ignore_index=True)

    # --- figures: per_doc - 3 from the claimant's claims on military units, 3 unattributed civil ones.
    attributed = per_doc - 3
    n = n_docs * per_doc
    doc = np.repeat(doc_index, per_doc)
    slot = np.tile(np.arange(per_doc), n_docs)
    is_attr = slot < attributed
    who = claimant[doc]
    unit_index = np.where(
        is_attr,
        (who * 7 + rng.integers(0, 3, n) * 5) % len(MILITARY),
        len(MILITARY) + rng.integers(0, len(CIVIL), n),
    )
    fig_year = year[doc] - (rng.random(n) < 0.3)
    scope = rng.choice(len(SCOPES), n, p=SCOPE_WEIGHTS)
    month = rng.integers(1, 13, n)
    quarter = rng.integers(1, 5, n)
    half = rng.integers(1, 3, n)
    stated_fig = stated[doc]
    fig_year = np.where(np.isin(scope, [4, 5]), stated_fig.year.to_numpy(), fig_year)
    start = pd.to_datetime({"year": fig_year, "month": 1, "day": 1})
    start = np.where(scope == 1, pd.to_datetime({"year": fig_year, "month": month, "day": 1}), start)
    start = np.where(
        scope == 2, pd.to_datetime({"year": fig_year, "month": quarter * 3 - 2, "day": 1}), start
    )
    start = np.where(scope == 3, pd.to_datetime({"year": fig_year, "month": half * 6 - 5, "day": 1}), start)
    rest_start = stated_fig.to_numpy()
    start = np.where(scope == 5, rest_start, start)
    start = pd.DatetimeIndex(start)
    year_end = pd.to_datetime({"year": fig_year, "month": 12, "day": 31})
    end = np.where(scope == 0, year_end, year_end)
    end = np.where(scope == 1, (start + pd.offsets.MonthEnd(0)).to_numpy(), end)
    end = np.where(scope == 2, (start + pd.offsets.QuarterEnd(0)).to_numpy(), end)
    end = np.where(scope == 3, (start + pd.DateOffset(months=6) - pd.Timedelta(days=1)).to_numpy(), end)
    end = np.where(scope == 4, np.minimum(stated_fig.to_numpy(), year_end.to_numpy()), end)
    end = pd.DatetimeIndex(end)
    undated = scope == 6
    status_index = np.where(
        scope == 5,
        1,
        np.where(
            scope == 0, rng.choice(4, n, p=[0.5, 0.35, 0.1, 0.05]), rng.choice(4, n, p=[0.75, 0.1, 0.1, 0.05])
        ),
    )
    # One value per claim (claimant, unit, period, status); civil figures per article. Parts of a
    # year stay within their share of the year, so the year's parts fit the whole.
    owner = np.where(is_attr, who, 10_000_000 + doc)
    base = 10 ** (3 + 4 * mix(owner, unit_index, fig_year))
    jitter = mix(owner, unit_index, start.asi8 // 86_400_000_000_000, status_index, scope)
    days = (end - start).days.to_numpy() + 1
    share = np.where(scope == 0, 0.95 + 0.1 * jitter, (0.6 + 0.25 * jitter) * days / 366)
    share = np.where(undated, 0.1 + 0.9 * jitter, share)
    value = round_figure(base * share)
    value = np.where(unit_index == UNITS.index("percent"), np.round(1 + 60 * jitter), value)
    qualifier_index = np.searchsorted(
        np.cumsum(QUALIFIER_WEIGHTS), mix(owner, unit_index, scope, status_index) * 0.999
    )
    qualifier = QUALIFIERS[qualifier_index].astype(object)

    figures = pd.DataFrame(
        {
            "figure_id": np.char.add(np.char.add(doc_ids[doc].astype(str), "#"), (slot + 1).astype(str)),
            "doc_id": doc_ids[doc],
            "sentence": slot,
            "start": 100 + slot * 120,
            "unit": np.array(UNITS, dtype=object)[unit_index],
            "value": value,
            "qualifier": qualifier,
            "period_scope": SCOPES[scope].astype(object),
            "period_start": start.where(~undated),
            "period_end": end.where(~undated),
            "status": STATUSES[status_index].astype(object),
            "speaker_id": np.where(is_attr & (kind[doc] != 2), doc_ids[doc] + "@1", None),
            "source": np.where(
                is_attr & (kind[doc] == 2),
                np.array(AGENCIES, dtype=object)[np.clip(who - n_persons - n_orgs, 0, len(AGENCIES) - 1)],
                None,
            ),
            "statement_date": stated_fig,
            "language": language[doc],
        }
    )

    # --- planted problems, each on its own articles, on unattributed copies unless the rule needs a claimant.
    n_plant = int(n_docs * PLANT_SHARE)
    chosen = rng.permutation(n_docs)[: 7 * n_plant].reshape(7, n_plant)
    first_row = chosen * per_doc  # slot 0: attributed, military
    dated = figures["period_start"].notna().to_numpy()

    def copy_into(target_rows: np.ndarray, source_rows: np.ndarray, **changes: object) -> None:
        keep = ["figure_id", "doc_id", "sentence", "start"]
        replaced = figures.iloc[source_rows].drop(columns=keep).reset_index(drop=True)
        for column, values in changes.items():
            replaced[column] = values
        replaced["speaker_id"] = None
        replaced["source"] = None
        for column in replaced.columns:
            figures.loc[figures.index[target_rows], column] = replaced[column].to_numpy()

    # qualifier-drift: a dated figure again with a bound instead of a point (or the reverse).
    src = first_row[0][dated[first_row[0]]]
    q = figures["qualifier"].to_numpy()[src]
    flipped = np.array([POINT_TO_BOUND.get(x) or BOUND_TO_POINT[x] for x in q], dtype=object)
    copy_into(src + per_doc - 1, src, qualifier=flipped)
    planted["qualifier-drift"] = len(src)
    # unit-drift: a dated figure of 1,000 or more again with another unit.
    src = first_row[1][dated[first_row[1]] & (figures["value"].to_numpy()[first_row[1]] >= 1000)]
    other_unit = np.array(
        [MILITARY[(MILITARY.index(u) + 1) % len(MILITARY)] for u in figures["unit"].to_numpy()[src]],
        dtype=object,
    )
    copy_into(src + per_doc - 1, src, unit=other_unit)
    planted["unit-drift"] = len(src)
    # scope-conflict: a whole-year figure again for the rest of that year.
    src = first_row[2]
    whole_start = pd.to_datetime({"year": stated[chosen[2]].year, "month": 1, "day": 1})
    whole_end = pd.to_datetime({"year": stated[chosen[2]].year, "month": 12, "day": 31})
    copy_into(
        src,
        src,
        period_scope="whole_year",
        period_start=whole_start.to_numpy(),
        period_end=whole_end.to_numpy(),
        status="planned",
    )
    copy_into(
        src + per_doc - 1,
        src,
        period_scope="rest_of_year",
        period_start=stated[chosen[2]].to_numpy(),
        period_end=whole_end.to_numpy(),
        status="planned",
    )
    planted["scope-conflict"] = len(src)
    # period-arithmetic: two quarters that together exceed their year.
    src = first_row[3]
    q_year = stated[chosen[3]].year
    copy_into(
        src,
        src,
        period_scope="whole_year",
        qualifier="exact",
        period_start=pd.to_datetime({"year": q_year, "month": 1, "day": 1}).to_numpy(),
        period_end=pd.to_datetime({"year": q_year, "month": 12, "day": 31}).to_numpy(),
    )
    big = round_figure(figures["value"].to_numpy()[src] * 0.7)
    for offset, (first_month, last_day) in (
        (per_doc - 1, ("01-01", "03-31")),
        (per_doc - 2, ("04-01", "06-30")),
    ):
        copy_into(
            src + offset,
            src,
            period_scope="quarter",
            qualifier="exact",
            value=big,
            status="actual",
            period_start=pd.to_datetime([f"{y}-{first_month}" for y in q_year]).to_numpy(),
            period_end=pd.to_datetime([f"{y}-{last_day}" for y in q_year]).to_numpy(),
        )
    planted["period-arithmetic"] = len(src)
    # figure-drift: a claim echoed with a value that cannot be the same (half of it, exactly).
    src = first_row[4][dated[first_row[4]]]
    figures.loc[figures.index[src], "value"] = round_figure(figures["value"].to_numpy()[src] * 0.5)
    figures.loc[figures.index[src], "qualifier"] = "exact"
    planted["figure-drift"] = len(src)
    # attribution-drift: an agency's claim credited to another agency.
    agency_docs = chosen[5][kind[chosen[5]] == 2]
    src = agency_docs * per_doc
    src = src[dated[src]]
    figures.loc[figures.index[src], "source"] = [
        AGENCIES[(AGENCIES.index(s) + 1) % len(AGENCIES)] for s in figures["source"].to_numpy()[src]
    ]
    planted["attribution-drift"] = len(src)
    # failed-expectation: a handful of munitions figures read a thousand times too large.
    src = first_row[6][:20]
    copy_into(src + per_doc - 1, src, unit="munitions", value=2e10)
    planted["failed-expectation"] = 1

    # --- bounds, texts and the columns derived from them.
    value = figures["value"].to_numpy(dtype=float)
    qualifier = figures["qualifier"].to_numpy()
    exact, approx = qualifier == "exact", qualifier == "approx"
    lower_side = np.isin(qualifier, ["over", "at_least"]) | exact | approx
    upper_side = np.isin(qualifier, ["under", "at_most"]) | exact | approx
    figures["lower"] = np.where(lower_side, np.where(approx, value * 0.9, value), np.nan)
    figures["upper"] = np.where(upper_side, np.where(approx, value * 1.1, value), np.nan)
    figures["lower_inclusive"] = pd.array(np.where(lower_side, qualifier != "over", None), dtype="boolean")
    figures["upper_inclusive"] = pd.array(np.where(upper_side, qualifier != "under", None), dtype="boolean")
    lang = figures.pop("language").to_numpy()
    units = figures["unit"].to_numpy()
    figures["text"] = [
        QUALIFIER_WORDS[la][q] + number_text(v, la) for la, q, v in zip(lang, qualifier, value, strict=True)
    ]
    figures["end"] = figures["start"] + figures["text"].str.len()
    figures["unit_text"] = [UNIT_TEXT[la][u] for la, u in zip(lang, units, strict=True)]
    figures["period_text"] = np.where(figures["period_start"].isna(), None, "in " + figures["period_scope"])
    figures["period_text_start"] = pd.array(
        np.where(figures["period_start"].isna(), None, figures["end"] + 1), dtype="Int64"
    )
    figures["period_text_end"] = figures["period_text_start"] + 12
    figures["period_anchor"] = np.where(
        figures["period_start"].isna(),
        None,
        np.where(figures["period_scope"] == "rest_of_year", "reference", "explicit"),
    )
    speakers = mentions.set_index("mention_id")["text"]
    figures["speaker_text"] = figures["speaker_id"].map(speakers)
    figures["origin"] = "extracted"
    figures = figures[list(FIGURE_COLUMNS)]

    counts = figures.groupby("doc_id").size()
    documents = pd.DataFrame(
        {
            "doc_id": doc_ids,
            "collection": "bench",
            "path": np.char.add(np.char.add("datasets/bench/articles/", doc_ids.astype(str)), ".txt"),
            "body_line": 8,
            "title": np.char.add("Article ", doc_ids.astype(str)),
            "url": None,
            "outlet": np.array(OUTLETS, dtype=object)[doc_index % len(OUTLETS)],
            "published": published,
            "language": language,
            "length": 1600,
            "figure_tokens": counts.reindex(doc_ids).to_numpy(),
            "other_tokens": rng.integers(0, 6, n_docs),
            "unparsed_tokens": 0,
            "metadata": "{}",
        }
    )[list(DOCUMENT_COLUMNS)]
    mentions = mentions[list(MENTION_COLUMNS)]
    return documents, figures, mentions, planted


def peak_mib() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--figures-per-article", type=int, default=10)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--no-validate", action="store_true", help="skip the pandera validation of the tables"
    )
    parser.add_argument("--no-expectations", action="store_true", help="skip the Great Expectations suite")
    parser.add_argument("--only", action="append", help="run only this rule (slug); may be repeated")
    args = parser.parse_args(argv)

    started = time.perf_counter()
    documents, figures, mentions, planted = generate(args.articles, args.figures_per_article, args.seed)
    print(
        f"generated {len(documents):,} documents, {len(figures):,} figures, {len(mentions):,} mentions "
        f"in {time.perf_counter() - started:.1f} s"
    )
    if not args.no_validate:
        started = time.perf_counter()
        documents = Documents.validate(documents)
        figures = Figures.validate(figures)
        mentions = Mentions.validate(mentions)
        print(f"pandera validation: {time.perf_counter() - started:.1f} s")

    outcomes: list = []
    if not args.no_expectations:
        from figcheck.tables.expectations import read_expectations, validate_figures

        started = time.perf_counter()
        outcomes = validate_figures(
            figures, documents, read_expectations(ROOT / "checks" / "figures.expectations.json")
        )
        print(f"expectations (Great Expectations, {len(outcomes)}): {time.perf_counter() - started:.1f} s")

    tables = Tables(
        documents=nw.from_native(documents).lazy(),
        figures=nw.from_native(figures).lazy(),
        mentions=nw.from_native(mentions).lazy(),
        texts={},
        expectations=tuple(outcomes),
    )
    suite = Suite(name="bench", path=None)
    rules = [r for r in builtin_rules() if r.kind == "table" and (not args.only or r.slug in args.only)]
    print(f"\n{'rule':<20} {'seconds':>8} {'findings':>9} {'planted':>8}")
    total, found, failed = 0.0, 0, []
    for rule in rules:
        started = time.perf_counter()
        try:
            findings = run_rules([rule], tables, [], suite)
        except Exception as error:  # report the rule that breaks at scale and go on with the others
            seconds = time.perf_counter() - started
            failed.append(rule.slug)
            print(
                f"{rule.slug:<20} {seconds:>8.2f} {'failed':>9} {planted.get(rule.slug, 0):>8}  "
                f"{type(error).__name__}: {error}"
            )
            total += seconds
            continue
        seconds = time.perf_counter() - started
        total += seconds
        found += len(findings)
        print(f"{rule.slug:<20} {seconds:>8.2f} {len(findings):>9,} {planted.get(rule.slug, 0):>8,}")
    print(f"{'total':<20} {total:>8.2f} {found:>9,}")
    print(f"peak memory (max RSS): {peak_mib():,.0f} MiB")
    if failed:
        print(f"failed: {', '.join(failed)}")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
