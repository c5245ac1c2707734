from collections import Counter
from collections.abc import Iterator
from itertools import groupby
from typing import Any

import narwhals as nw

from figcheck.rules import Finding, Tables, hits_of, join, prefetch, rule, spans
from figcheck.text import fold
from figcheck.text.names import spelled_alike
from figcheck.text.names.conventions import how_spellings_differ
from figcheck.text.names.slips import one_slip


def spellings(tables: Tables) -> nw.LazyFrame[Any]:
    """Full-name mentions of persons: the spellings an article actually writes."""
    return tables.mentions.filter(
        (nw.col("type") == "person") & nw.col("refers_to").is_null() & ~nw.col("entity_id").is_null()
    ).select("mention_id", "doc_id", "entity_id", "text", "name", "convention", "canonical")


def misspelled(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The rows whose name some other row spells differently.

    Forms that only add or leave out parts (`Mme`, a middle name, an initial for the given name) or
    drop the accent of a capital spell the name alike and are not variants of each other.
    """
    names = {r["name"] or r["text"] for r in rows}
    clashing = {a for a in names if any(not spelled_alike(a, b) for b in names if b != a)}
    return [r for r in rows if (r["name"] or r["text"]) in clashing]


def difference(rows: list[dict[str, Any]]) -> str:
    """How the spellings of `rows` differ: "romanization" when any two are two conventions of one
    non-Latin name, "diacritics" when they differ only by accents, else "spelling"."""
    texts = sorted({r["text"] for r in rows})
    kinds = {how_spellings_differ(a, b) for i, a in enumerate(texts) for b in texts[i + 1 :]}
    return next((k for k in ("romanization", "spelling") if k in kinds), "diacritics")


def describe(rows: list[dict[str, Any]], kind: str) -> str:
    """`"Andreï Beloussov" (french, 1×), "Andrey Belousov" (english, 1×)`; a convention is named only
    for romanizations, where it tells the reader something."""
    counts = Counter((r["text"], r["convention"]) for r in rows)
    if kind != "romanization":
        return ", ".join(f'"{text}" ({n}×)' for text, n in Counter(r["text"] for r in rows).items())
    return ", ".join(
        f'"{text}" ({convention or "unknown"}, {n}×)' for (text, convention), n in counts.items()
    )


def suggested_form(
    rows: list[dict[str, Any]], majority_convention: str | None, collection: Counter[str], kind: str
) -> str:
    """The gazetteer's form when the person is pinned; else the spelling the article uses most, then the
    one the collection uses most; then the article's main convention for a romanization, or the accented
    form when the spellings differ only by accents (dropping them is the usual slip)."""
    pinned: str | None = next((r["canonical"] for r in rows if r["canonical"]), None)
    if pinned:
        return pinned
    in_article: Counter[str] = Counter(r["text"] for r in rows)
    conventions = {r["text"]: r["convention"] for r in rows}

    def preference(text: str) -> tuple[int, int, int]:
        if kind == "romanization":
            tie_break = int(conventions[text] == majority_convention)
        else:
            tie_break = int(kind == "diacritics" and not text.isascii())
        return in_article[text], collection[text], tie_break

    form: str = max(in_article, key=preference)  # the first written wins a full tie
    return form


@rule(code="NM001", slug="name-variant", severity="warning", family="names")
def name_variant(tables: Tables) -> Iterator[Finding]:
    """One person's name is spelled two or more ways in one article.

    Why
    ---
    A reader, a search engine or a fact-checker cannot tell that "Andreï Beloussov" and "Andrey
    Belousov" are one minister. Mixed spellings come from pasting an English wire into a French
    article. The suggestion is the gazetteer's form when the person is pinned in
    `datasets/entities.csv`, else the spelling the article uses most, then the one the collection uses
    most. Conventions are named only for romanizations of a non-Latin name; a name that differs by
    accents alone is said to, and the accented form is suggested on a tie.

    Bad
    ---
    Le ministre Andreï Beloussov a présidé la réunion. Selon le ministre Andrey Belousov, les
    livraisons continueront.

    Good
    ----
    Le ministre Andreï Beloussov a présidé la réunion. Selon M. Beloussov, les livraisons continueront.

    A surname standing alone is compared with the full name it stands for: "Brudzinski" after "Joachim
    Brudziński" drops a diacritic, "Maccron" after "Emmanuel Macron" doubles a letter.
    """
    yield from _full_names(tables)
    yield from _surnames_alone(tables)


def _surnames_alone(tables: Tables) -> Iterator[Finding]:
    """A surname alone spelled otherwise than in the full name it stands for."""
    alone = tables.mentions.filter(
        (nw.col("type") == "person") & ~nw.col("refers_to").is_null() & ~nw.col("name").is_null()
    ).select("mention_id", "doc_id", "text", "name", "refers_to")
    every = list(hits_of(alone.sort("mention_id").collect()))
    # how often each article writes each person's surname as the full name writes it, alone
    kept: Counter[tuple[str, str]] = Counter(
        (r["doc_id"], r["name"]) for r in every if r["text"].split()[-1] == r["name"].split()[-1]
    )
    rows = [r for r in every if _respelled(r["text"], r["name"])]
    prefetch(tables, [i for r in rows for i in (r["refers_to"], r["mention_id"])], table="mentions")
    for (doc_id, full), group in groupby(
        sorted(rows, key=lambda r: (r["doc_id"], r["name"], r["mention_id"])),
        key=lambda r: (r["doc_id"], r["name"]),
    ):
        written = list(group)
        surname = full.split()[-1]
        forms = Counter(r["text"].split()[-1] for r in written)
        same = all(fold(form) == fold(surname) for form in forms)
        listing = ", ".join(f'"{form}" ({n}×)' for form, n in forms.items())
        ways = "with and without diacritics" if same else f"{len(forms) + 1} ways"
        # the spelling the article writes most; on a tie, the full name's
        uses = Counter({surname: 1 + kept[(doc_id, full)], **forms})
        form = max(uses, key=lambda f: (uses[f], f == surname))
        yield Finding(
            doc_id=doc_id,
            message=f'one person spelled {ways}: "{full}", then the surname alone {listing}',
            evidence=spans(
                tables, written[0]["refers_to"], *[r["mention_id"] for r in written], table="mentions"
            ),
            suggestion=f"write '{form}' throughout",
        )


def _respelled(text: str, name: str) -> bool:
    """Whether the last word of a surname mention writes the full name's last word with other accents
    or one slip (a letter changed, left out, doubled or swapped); a title standing for the person
    ("le président") is no spelling, nor an accent left off a capital or another apostrophe."""
    alone, surname = text.split()[-1], name.split()[-1]
    if fold(alone) == fold(surname):
        return alone[1:].replace("’", "'") != surname[1:].replace("’", "'")
    return one_slip(alone, surname)


def _full_names(tables: Tables) -> Iterator[Finding]:
    written = spellings(tables)
    varied = (
        written.group_by("doc_id", "entity_id")
        .agg(nw.col("text").n_unique().alias("forms"))
        .filter(nw.col("forms") >= 2)
        .select("doc_id", "entity_id")
    )
    hits = (
        join(written, varied, on=["doc_id", "entity_id"]).sort("doc_id", "entity_id", "mention_id").collect()
    )
    prefetch(tables, hits["mention_id"].to_list(), table="mentions")
    # how often the whole collection writes each spelling of the people found varied
    written_by_entity = (
        join(written, varied.select("entity_id").unique(), on="entity_id")
        .group_by("entity_id", "text")
        .agg(nw.len().alias("uses"))
        .collect()
    )
    collection: dict[str, Counter[str]] = {}
    for row in hits_of(written_by_entity):
        collection.setdefault(row["entity_id"], Counter())[row["text"]] += row["uses"]
    rows_by_doc = groupby(hits_of(hits), key=lambda r: r["doc_id"])
    for doc_id, doc_group in rows_by_doc:
        doc_rows = list(doc_group)
        conventions = Counter(r["convention"] for r in doc_rows if r["convention"])
        majority = conventions.most_common(1)[0][0] if conventions else None
        for entity_id, entity_rows in groupby(doc_rows, key=lambda r: r["entity_id"]):
            rows = misspelled(list(entity_rows))
            if not rows:
                continue
            kind = difference(rows)
            form = suggested_form(rows, majority, collection.get(entity_id, Counter()), kind)
            ways = (
                "with and without diacritics"
                if kind == "diacritics"
                else f"{len({r['text'] for r in rows})} ways"
            )
            yield Finding(
                doc_id=doc_id,
                message=f"one person spelled {ways}: {describe(rows, kind)}",
                evidence=spans(tables, *[r["mention_id"] for r in rows], table="mentions"),
                suggestion=f"write '{form}' throughout",
            )
