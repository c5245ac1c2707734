"""Generated news collections, for tests and benchmarks that need many articles.

Each article reports deliveries of one of a few things over a few periods, quotes people whose names are
spelled in several romanizations, cites agencies, and now and then drifts the way rewritten news does:
another qualifier, another scope, an unopened quotation mark. The same seed writes the same collection.

    from figcheck.synthetic import write_collection
    write_collection(Path("datasets/generated"), articles=10_000, seed=1)
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Person:
    french: str
    english: str
    title_fr: str
    title_en: str
    cyrillic: str


PEOPLE = (
    Person(
        "Andreï Beloussov", "Andrey Belousov", "ministre de la Défense", "Defence Minister", "Андрей Белоусов"
    ),
    Person(
        "Sergueï Choïgou",
        "Sergei Shoigu",
        "secrétaire du Conseil de sécurité",
        "Security Council secretary",
        "Сергей Шойгу",
    ),
    Person(
        "Sergueï Lavrov",
        "Sergey Lavrov",
        "ministre des Affaires étrangères",
        "Foreign Minister",
        "Сергей Лавров",
    ),
    Person(
        "Dmitri Peskov", "Dmitry Peskov", "porte-parole du Kremlin", "Kremlin spokesman", "Дмитрий Песков"
    ),
    Person(
        "Valeri Guerassimov",
        "Valery Gerasimov",
        "chef d'état-major",
        "chief of the general staff",
        "Валерий Герасимов",
    ),
    Person(
        "Elvira Nabioullina",
        "Elvira Nabiullina",
        "gouverneure de la Banque centrale",
        "central bank governor",
        "Эльвира Набиуллина",
    ),
)
# (French plural, English plural)
THINGS = (
    ("unités de munitions", "munitions"),
    ("drones", "drones"),
    ("chars", "tanks"),
    ("équipements militaires", "pieces of military equipment"),
    ("armes", "weapons"),
)
AGENCIES = ("TASS", "Reuters", "AFP", "RIA Novosti", "Interfax")
OUTLETS = ("Le Quotidien", "L'Hebdo", "La Gazette", "The Daily", "The Weekly Post")
MONTHS_FR = (
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
)
MONTHS_EN = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
QUALIFIERS_FR = ("plus de ", "environ ", "près de ", "", "moins de ")
QUALIFIERS_EN = ("more than ", "about ", "nearly ", "", "fewer than ")


def _number_fr(value: int) -> str:
    if value >= 1_000_000 and value % 1_000_000 == 0:
        return f"{value // 1_000_000} millions"
    return f"{value:,}".replace(",", "\u00a0")


def _number_en(value: int) -> str:
    if value >= 1_000_000 and value % 1_000_000 == 0:
        return f"{value // 1_000_000} million"
    return f"{value:,}"


def article_text(number: int, rng: random.Random) -> tuple[str, str]:
    """(language, front matter and body) of one generated article."""
    french = rng.random() < 0.6
    person = rng.choice(PEOPLE)
    year = rng.choice((2024, 2025, 2026))
    month = rng.randrange(12)
    published = dt.date(year, month + 1, rng.randint(1, 28)) + dt.timedelta(days=rng.randint(1, 20))
    thing_fr, thing_en = rng.choice(THINGS)
    whole = rng.choice((12, 21, 30, 48, 310)) * rng.choice((1_000, 10_000, 100_000))
    part = whole // rng.choice((6, 10, 12))
    agency = rng.choice(AGENCIES)
    if french:
        q = rng.choice(QUALIFIERS_FR)
        name = person.french if rng.random() < 0.85 else person.english
        sentences = [
            f"Le {person.title_fr}, {name}, a annoncé qu'en {MONTHS_FR[month]} {year}, "
            f"{q}{_number_fr(part)} {thing_fr} ont été livrés, selon {agency}.",
            f"Pour l'ensemble de l'année {year}, l'armée devrait recevoir {rng.choice(QUALIFIERS_FR)}"
            f"{_number_fr(whole)} {thing_fr}.",
            f"M. {name.split()[-1]} a ajouté que la production {rng.choice(('augmentera', 'doublera'))}.",
        ]
        if rng.random() < 0.3:
            rest = whole - part if rng.random() < 0.5 else whole
            sentences.append(
                f"Il est prévu de livrer {rng.choice(QUALIFIERS_FR)}{_number_fr(rest)} {thing_fr} "
                "pendant le reste de cette année."
            )
        if rng.random() < 0.2:
            sentences.append(
                f"Selon {rng.choice(AGENCIES)}, {_number_fr(whole)} {thing_fr} seront livrés en {year}."
            )
        if rng.random() < 0.1:
            sentences.append(f"« Nous tiendrons nos engagements, a déclaré {name}.")
        if rng.random() < 0.15:
            sentences.append(f"Le Kremlin, par la voix de {rng.choice(PEOPLE).french}, n'a pas commenté.")
        if rng.random() < 0.1:
            sentences.append(f"Selon la presse russe, {person.cyrillic} a visité l'usine.")
        language = "fr"
    else:
        q = rng.choice(QUALIFIERS_EN)
        name = person.english if rng.random() < 0.85 else person.french
        title = person.title_en[:1].upper() + person.title_en[1:]
        sentences = [
            f"{title} {name} said that in {MONTHS_EN[month]} {year}, {q}{_number_en(part)} "
            f"{thing_en} were delivered, according to {agency}.",
            f"For the whole of {year}, the army is expected to receive {rng.choice(QUALIFIERS_EN)}"
            f"{_number_en(whole)} {thing_en}.",
            f"Mr {name.split()[-1]} added that production would {rng.choice(('increase', 'double'))}.",
        ]
        if rng.random() < 0.3:
            rest = whole - part if rng.random() < 0.5 else whole
            sentences.append(
                f"About {_number_en(rest)} {thing_en} are to be delivered in the rest of the year."
            )
        if rng.random() < 0.2:
            sentences.append(f"{rng.choice(AGENCIES)} reported {_number_en(whole)} {thing_en} for {year}.")
        if rng.random() < 0.1:
            sentences.append(f"\u201cWe will keep our promises, {name} said.")
        if rng.random() < 0.1:
            sentences.append(f"Russian media wrote that {person.cyrillic} visited the plant.")
        language = "en"
    header = (
        f"---\nid: gen-{number:07d}\nlanguage: {language}\npublished: {published.isoformat()}\n"
        f"outlet: {rng.choice(OUTLETS)}\n---\n"
    )
    return language, header + " ".join(sentences) + "\n"


def write_collection(folder: Path, articles: int, seed: int = 1, per_folder: int = 1_000) -> Path:
    """Write `articles` generated articles under `folder/articles/` (in sub-folders of `per_folder`)."""
    rng = random.Random(seed)
    for number in range(articles):
        _, text = article_text(number, rng)
        sub = folder / "articles" / f"{number // per_folder:04d}"
        if number % per_folder == 0:
            sub.mkdir(parents=True, exist_ok=True)
        (sub / f"gen-{number:07d}.txt").write_text(text, encoding="utf-8")
    return folder
