"""Seconds figcheck takes on hostile article shapes, at two sizes: time must grow in proportion.

    .venv/bin/python benchmarks/bench_hostile.py [--size 50000] [--factor 4]

Each shape is made at `--size` characters and at `--factor` times that, and read the way a run reads it:
the whole extraction (numbers, mentions with spaCy, parse, periods) and the spelling check. The ratio of
the two times should stay near the factor; a ratio near its square means a quadratic path.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import time
from collections.abc import Callable
from pathlib import Path

from figcheck.extract.article import extract_articles
from figcheck.load.articles import Article
from figcheck.pipeline import load_resources
from figcheck.text.spelling import find_misspellings, load_speller

FR_LINE = "En 2019, 5 camions ont été livrés lundi et 10 % de plus en janvier, selon le ministère, "
EN_LINE = "In 2019, 5 trucks were delivered on Monday and 10% more in January, the ministry said, "
# small numbers that count nothing: each may be a clock time, which is read around the number only
BARE_LINE = "Ils étaient 3 au départ, puis 7, et 12 à l'arrivée. "
FRACTION_LINE = "la moitié de la ville, 3 chats. "  # a fraction of a whole, then a number beside it
BRACKETED = "(3) "  # a list with no stop: hundreds of figures hang on one word of one long sentence
SCORES = "15-14, "  # scores with no stop, which the parser chains one under the other
NUMBER_WORDS = "mille deux cent trente-quatre "  # numbers in words with nothing between them
SHAPES: dict[str, tuple[str, Callable[[int], str]]] = {
    "one long number": ("fr", lambda n: "Il y a " + "1" * n + " camions."),
    "one long word": ("fr", lambda n: "Il y a " + "a" * n + " camions."),
    "one line, French, dense figures": ("fr", lambda n: (FR_LINE * (n // len(FR_LINE) + 1))[:n]),
    "one line, English, dense figures": ("en", lambda n: (EN_LINE * (n // len(EN_LINE) + 1))[:n]),
    "short lines, French": ("fr", lambda n: ((FR_LINE.rstrip(", ") + ".\n") * (n // len(FR_LINE) + 1))[:n]),
    "small bare numbers, French": ("fr", lambda n: (BARE_LINE * (n // len(BARE_LINE) + 1))[:n]),
    "fractions, French": ("fr", lambda n: (FRACTION_LINE * (n // len(FRACTION_LINE) + 1))[:n]),
    "bracketed numbers, French": ("fr", lambda n: (BRACKETED * (n // len(BRACKETED) + 1))[:n]),
    "scores, French": ("fr", lambda n: (SCORES * (n // len(SCORES) + 1))[:n]),
    "number words, French": ("fr", lambda n: (NUMBER_WORDS * (n // len(NUMBER_WORDS) + 1))[:n]),
    "one run of brackets": ("fr", lambda n: "(" * n),
}


def seconds(text: str, language: str, resources) -> float:
    article = Article("x", Path("x.txt"), "bench", text, language, 1, published=dt.date(2024, 3, 1))
    speller = load_speller(language)
    start = time.perf_counter()
    # as a run alone on the machine reads it: the mentions found beside, on another core
    extract_articles([article], resources, helpers=(os.cpu_count() or 1) - 1)
    if speller is not None:
        find_misspellings(text, speller)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--size", type=int, default=50_000, help="characters of the smaller input")
    parser.add_argument("--factor", type=int, default=4, help="how many times larger the second input is")
    parser.add_argument(
        "--shape", action="append", choices=sorted(SHAPES), help="only these shapes (repeatable)"
    )
    args = parser.parse_args()
    resources = load_resources([])
    for language in ("fr", "en"):  # models loaded and warmed up before the clock runs
        seconds("Il y a 5 camions.", language, resources)
    print(
        f"{'shape':36} {args.size:>10,} ch {args.size * args.factor:>10,} ch   ratio (linear: {args.factor})"
    )
    for name, (language, make) in SHAPES.items():
        if args.shape and name not in args.shape:
            continue
        small = seconds(make(args.size), language, resources)
        large = seconds(make(args.size * args.factor), language, resources)
        print(f"{name:36} {small:>11.2f} s {large:>11.2f} s   {large / small:5.1f}")


if __name__ == "__main__":
    main()
