"""Time of `cluster` on one core over generated name mentions (1,000,000 by default).

    .venv/bin/python benchmarks/bench_names.py [--mentions 1000000] [--entities 60000] [--seed 7]

Entities are generated in Cyrillic (given name, patronymic, surname built from syllables and the usual
suffixes, gendered), then each mention is written in one convention (Cyrillic, English, French,
German, Polish, scholarly), with or without its patronymic; frequent entities are mentioned more.
"""

from __future__ import annotations

import argparse
import random
import time

from figcheck.text.names import cluster
from figcheck.text.names.keys import parse

MALE = (
    "Александр Алексей Анатолий Андрей Антон Аркадий Борис Вадим Валентин Валерий Василий Виктор "
    "Виталий Владимир Вячеслав Геннадий Георгий Григорий Денис Дмитрий Евгений Егор Иван Игорь Илья "
    "Кирилл Константин Леонид Максим Михаил Никита Николай Олег Павел Пётр Роман Сергей Станислав "
    "Степан Тимофей Тимур Фёдор Юрий Яков Ярослав"
).split()
FEMALE = (
    "Алла Анастасия Анна Валентина Галина Дарья Евгения Екатерина Елена Елизавета Жанна Ирина Ксения "
    "Лариса Людмила Мария Марина Надежда Наталья Нина Ольга Светлана София Татьяна Юлия"
).split()
ONSETS = "б в г д ж з к л м н п р с т ф х ц ч ш щ бр гр др кр пр тр ст сл см зв хл шч".split()
VOWELS = "а о у е и ы я ю ё".split()
SUFFIXES = [
    ("ов", "ова"),
    ("ев", "ева"),
    ("ин", "ина"),
    ("ский", "ская"),
    ("енко", "енко"),
    ("ёв", "ёва"),
    ("цев", "цева"),
    ("ых", "ых"),
    ("ук", "ук"),
]

# Cyrillic letter -> spelling, per convention (positional rules kept to iotated vowels and -ий/-ый)
_BASE = dict(
    zip(
        "абвгдезийклмнопрстуфхцчшщъыьэюяё",
        [
            "a",
            "b",
            "v",
            "g",
            "d",
            "e",
            "z",
            "i",
            "y",
            "k",
            "l",
            "m",
            "n",
            "o",
            "p",
            "r",
            "s",
            "t",
            "u",
            "f",
            "kh",
            "ts",
            "ch",
            "sh",
            "shch",
            "",
            "y",
            "",
            "e",
            "yu",
            "ya",
            "yo",
        ],
        strict=True,
    )
)
_BASE["ж"] = "zh"
RENDER = {
    "english": dict(_BASE),
    "french": {
        **_BASE,
        "у": "ou",
        "ш": "ch",
        "ч": "tch",
        "щ": "chtch",
        "ж": "j",
        "й": "ï",
        "ю": "iou",
        "я": "ia",
        "ё": "io",
        "х": "kh",
        "ц": "ts",
    },
    "german": {
        **_BASE,
        "в": "w",
        "ш": "sch",
        "ч": "tsch",
        "щ": "schtsch",
        "ж": "sch",
        "з": "s",
        "й": "j",
        "ю": "ju",
        "я": "ja",
        "ё": "jo",
        "х": "ch",
        "ц": "z",
        "ы": "y",
    },
    "polish": {
        **_BASE,
        "в": "w",
        "ш": "sz",
        "ч": "cz",
        "щ": "szcz",
        "ж": "ż",
        "й": "j",
        "ю": "ju",
        "я": "ja",
        "ё": "io",
        "х": "ch",
        "ц": "c",
        "л": "ł",
    },
    "scholarly": {
        **_BASE,
        "ш": "š",
        "ч": "č",
        "щ": "šč",
        "ж": "ž",
        "й": "j",
        "ю": "ju",
        "я": "ja",
        "ё": "ë",
        "х": "ch",
        "ц": "c",
        "ь": "'",
    },
}
INITIAL_E = {"english": "ye", "french": "ie", "german": "je", "polish": "je", "scholarly": "e"}


def romanize(word: str, conv: str) -> str:
    if conv == "cyrillic":
        return word
    table = RENDER[conv]
    low = word.lower()
    out = []
    for i, ch in enumerate(low):
        if ch == "е" and (i == 0 or low[i - 1] in "аеёиоуыэюяьъ"):
            out.append(INITIAL_E[conv])
        elif (
            ch == "с"
            and conv in ("french", "german")
            and 0 < i < len(low) - 1
            and low[i - 1] in "аеиоуыэюя"
            and low[i + 1] in "аеиоуыэюя"
        ):
            out.append("ss")
        else:
            out.append(table.get(ch, ch))
    text = "".join(out)
    for end, repl in (("iy", "y"), ("yy", "y")):
        if conv == "english" and text.endswith(end):
            text = text[: -len(end)] + repl
    return text[:1].upper() + text[1:]


def patronymic(father: str, female: bool) -> str:
    stem = father[:-1] if father[-1] in "йь" else father
    if father.endswith("ий"):
        stem, suffix = father[:-2], ("ьевна" if female else "ьевич")
    elif father[-1] in "йь":
        suffix = "евна" if female else "евич"
    elif father[-1] in "ая":
        stem, suffix = father[:-1], ("ична" if female else "ич")
    else:
        suffix = "овна" if female else "ович"
    return stem + suffix


def entities(count: int, rng: random.Random) -> list[tuple[str, str, str]]:
    out = []
    for _ in range(count):
        stem = "".join(rng.choice(ONSETS) + rng.choice(VOWELS) for _ in range(rng.randint(1, 3)))
        male_suffix, female_suffix = rng.choice(SUFFIXES)
        female = rng.random() < 0.3
        given = rng.choice(FEMALE if female else MALE)
        father = rng.choice(MALE)
        surname = stem + (female_suffix if female else male_suffix)
        out.append((given, patronymic(father, female), surname[:1].upper() + surname[1:]))
    return out


def mentions(people: list[tuple[str, str, str]], count: int, rng: random.Random) -> list[str]:
    conventions = ["english"] * 5 + ["french"] * 2 + ["german", "polish", "scholarly", "cyrillic"]
    weights = [1.0 / (rank + 1) ** 0.8 for rank in range(len(people))]
    picks = rng.choices(range(len(people)), weights=weights, k=count)
    out = []
    for i in picks:
        given, pat, surname = people[i]
        conv = rng.choice(conventions)
        words = [given, pat, surname] if rng.random() < 0.4 else [given, surname]
        out.append(" ".join(romanize(w, conv) for w in words))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--mentions", type=int, default=1_000_000)
    parser.add_argument("--entities", type=int, default=60_000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    names = mentions(entities(args.entities, rng), args.mentions, rng)
    distinct = len(set(names))
    parse("Сергей Шойгу")  # tables load once

    start = time.perf_counter()
    keys = cluster(names)
    elapsed = time.perf_counter() - start
    print(
        f"cluster: {len(names):,} mentions ({distinct:,} distinct spellings) -> "
        f"{len(set(keys)):,} entity keys in {elapsed:.2f} s ({len(names) / elapsed:,.0f} mentions/s)"
    )


if __name__ == "__main__":
    main()
