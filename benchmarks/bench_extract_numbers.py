"""Throughput of figcheck.extract.numbers.scan on one core, in words per second.

The corpus is generated: thousands of French and English articles made of news-like sentences with
figures, qualifiers, dates, years, times, ages and plain prose, from a fixed seed so that runs compare.
``--corpus DIR`` measures real text instead (every ``*.txt`` under DIR; a leading ``---`` front-matter
block is skipped and the language is read from a ``-fr-``/``-en-`` in the file name, English otherwise).

    python benchmarks/bench_extract_numbers.py [--articles 4000] [--repeat 3] [--corpus DIR]
"""

from __future__ import annotations

import argparse
import random
import time
from pathlib import Path

from figcheck.extract.numbers import scan

FR = [
    "Le ministre a annoncé le {day} {month_fr} que {qual_fr}{n} {noun_fr} avaient été livrés en {year}.",
    "Selon le ministère, {qual_fr}{dec} millions d'unités de munitions seront produites d'ici la fin de l'année.",
    "Les exportations ont progressé de {pct} % au premier trimestre, à {dec} milliards d'euros.",
    "Entre {n} et {n2} {noun_fr} ont été déployés dans la région, a déclaré un porte-parole à {hour} h {minute}.",
    "Un homme de {age} ans a été interpellé mardi soir près de la gare.",
    "Le forum se tiendra du {day} au {day2} {month_fr} {year} à Moscou et réunira {word_fr} délégations.",
    "La réunion, présidée par le ministre, a examiné un certain nombre de questions de sécurité.",
    "Les autorités ont indiqué que la situation restait calme et que les discussions se poursuivaient.",
    "Il est prévu de livrer {qual_fr}{n} {noun_fr} à l'armée pendant le reste de cette année.",
    "Le budget atteindra {dec} milliards de dollars en {year}, soit {pct} % de plus qu'en {year2}.",
]
EN = [
    "The minister said on {month_en} {day} that {qual_en}{n_en} {noun_en} had been delivered in {year}.",
    "According to the ministry, {qual_en}{dec_en} million rounds of ammunition will be produced this year.",
    "Exports rose {pct} percent in the first quarter to ${dec_en} billion, officials said.",
    "Between {n_en} and {n2_en} {noun_en} were deployed to the region, a spokesman said at {hour}:{minute} pm.",
    "A {age}-year-old man was arrested on Tuesday evening near the station.",
    "The forum will be held from {month_en} {day} to {day2}, {year} in Moscow and bring together {word_en} delegations.",
    "The meeting, chaired by the minister, examined a number of security questions in detail.",
    "Authorities said the situation remained calm and that talks were continuing through the night.",
    "It is planned to deliver {qual_en}{n_en} {noun_en} to the army for the rest of this year.",
    "The budget will reach ${dec_en} billion in {year}, {pct}% more than in {year2}.",
]
# plain prose, so that figures come about as often as in news (one sentence in three holds figures)
PROSE_FR = [
    "Les autorités ont indiqué que la situation restait calme et que les discussions se poursuivaient.",
    "Le porte-parole a refusé de commenter les informations publiées par la presse locale mardi.",
    "Cette décision intervient après plusieurs semaines de négociations entre les différentes parties.",
    "Selon plusieurs observateurs, le gouvernement cherche à rassurer ses partenaires européens.",
    "L'opposition a dénoncé une mesure injuste et a appelé à manifester dans les grandes villes du pays.",
]
PROSE_EN = [
    "Authorities said the situation remained calm and that talks were continuing through the night.",
    "The spokesman declined to comment on reports published by the local press on Tuesday.",
    "The decision comes after several weeks of negotiations between the different parties involved.",
    "According to several observers, the government is seeking to reassure its European partners.",
    "The opposition denounced the measure as unfair and called for protests in the country's major cities.",
]
MONTHS_FR = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre"]
MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August", "September"]
NOUNS_FR = ["armes", "drones", "chars", "équipements militaires", "véhicules blindés", "missiles"]
NOUNS_EN = ["weapons", "drones", "tanks", "pieces of military equipment", "armoured vehicles", "missiles"]
QUAL_FR = ["", "", "plus de ", "environ ", "près de ", "au moins ", "jusqu'à ", "moins de "]
QUAL_EN = ["", "", "more than ", "about ", "nearly ", "at least ", "up to ", "fewer than "]
WORDS_FR = ["deux", "trois", "vingt-six", "quarante", "cent", "deux cents"]
WORDS_EN = ["two", "three", "twenty-six", "forty", "a hundred", "two hundred"]


def _group(n: int, sep: str) -> str:
    return f"{n:,}".replace(",", sep)


def article(rng: random.Random, lang: str, sentences: int) -> str:
    templates = FR if lang == "fr" else EN
    prose = PROSE_FR if lang == "fr" else PROSE_EN
    out = []
    for _ in range(sentences):
        if rng.random() < 0.65:
            out.append(rng.choice(prose))
            continue
        n, n2 = sorted(rng.sample(range(2, 400_000), 2))
        out.append(
            rng.choice(templates).format(
                day=rng.randint(1, 14),
                day2=rng.randint(15, 28),
                month_fr=rng.choice(MONTHS_FR),
                month_en=rng.choice(MONTHS_EN),
                year=rng.randint(1990, 2030),
                year2=rng.randint(1990, 2030),
                n=_group(n, "\u00a0"),
                n2=_group(n2, " "),
                n_en=_group(n, ","),
                n2_en=_group(n2, ","),
                dec=f"{rng.randint(1, 99)},{rng.randint(1, 9)}",
                dec_en=f"{rng.randint(1, 99)}.{rng.randint(1, 9)}",
                pct=rng.randint(1, 60),
                hour=rng.randint(0, 23),
                minute=f"{rng.randint(0, 59):02d}",
                age=rng.randint(18, 90),
                noun_fr=rng.choice(NOUNS_FR),
                noun_en=rng.choice(NOUNS_EN),
                qual_fr=rng.choice(QUAL_FR),
                qual_en=rng.choice(QUAL_EN),
                word_fr=rng.choice(WORDS_FR),
                word_en=rng.choice(WORDS_EN),
            )
        )
    return " ".join(out)


def generated(n_articles: int, seed: int = 20260204) -> list[tuple[str, str]]:
    rng = random.Random(seed)
    return [
        (lang, article(rng, lang, rng.randint(12, 40)))
        for lang in ("fr", "en")
        for _ in range(n_articles // 2)
    ]


def from_dir(root: Path) -> list[tuple[str, str]]:
    docs = []
    for path in sorted(root.rglob("*.txt")):
        text = path.read_text(encoding="utf-8")
        if text.startswith("---"):
            end = text.find("\n---", 3)
            text = text[text.find("\n", end + 1) + 1 :] if end >= 0 else text
        lang = "fr" if "-fr-" in path.name or "/fr" in str(path.parent) else "en"
        docs.append((lang, text))
    return docs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=4000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--corpus", type=Path)
    args = parser.parse_args()
    docs = from_dir(args.corpus) if args.corpus else generated(args.articles)
    words = sum(len(text.split()) for _, text in docs)
    scan("Plus de 10 000 armes.", "fr")  # load the grammars before timing
    scan("More than 10,000 weapons.", "en")
    best = float("inf")
    figures = 0
    for _ in range(args.repeat):
        t0 = time.perf_counter()
        figures = sum(len(scan(text, lang).quantities) for lang, text in docs)
        best = min(best, time.perf_counter() - t0)
    print(f"{len(docs)} articles, {words:,} words, {figures:,} figures")
    print(f"best of {args.repeat}: {best:.2f} s, {words / best:,.0f} words/s (one core)")


if __name__ == "__main__":
    main()
