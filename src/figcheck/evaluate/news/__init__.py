"""Score figures in context against a ``news_figures.jsonl`` gold file.

Each line of the gold file is an article: ``id``, ``lang``, ``published``, ``body`` and ``figures``, every
figure the article reports with its offsets in ``body``, value and bounds, ``unit`` and ``unit_norm``,
``kind``, ``period``, ``status`` and ``speaker``. The articles of a file are extracted together, the way
``figcheck run`` extracts a collection, and the extracted figures are compared with the gold ones:

- **found**: a gold figure is found when an extracted figure's span overlaps it. Pairs are made one to
  one, greatest overlap first. Precision = matched / extracted, recall = matched / gold.
- On each pair:

  - **value**: the same number (both none for a range);
  - **qualifier**: the same qualifier and, except for ``approx``, the same bounds and inclusiveness;
  - **unit**: the extracted ``unit`` or ``unit_text`` names the gold ``unit`` or ``unit_norm``: equal, or
    the gold word is one of the words of the extracted one, with accents, case and a plural ``s``/``x``
    aside (``%`` reads ``percent``). A gold figure with no unit wants none extracted;
  - **period**: both none, or the same scope and the same first and last days. An extracted figure with
    no dates and scope ``unspecified`` has none;
  - **status**: strict (the same status) and lenient (``unspecified`` stands for ``actual`` on either
    side);
  - **speaker**: both none, or the last word of the gold speaker is a word of the extracted
    ``speaker_text`` or ``source`` (accents and case aside).

  Period, status and speaker are scored on gold figures of kind ``count``, ``money``, ``percent`` and
  ``rate`` only; value, qualifier and unit on every pair. Each accuracy is over the pairs where the
  field is scored.
- **fully right**: the figure is found and every field scored on it is right (status strict). Its
  denominator is **every gold figure**: a missed figure is not fully right.

Usage::

    python -m figcheck.evaluate.news news_figures.jsonl [--errors] [--lang fr|en]

Where each part lives: ``fields.py`` (each field's comparison of a gold and an extracted figure, and the
one-to-one matching of figures), ``scoring.py`` (the gold file read, the articles extracted, the tallies and
outcomes), ``shown.py`` (how figures and fields are written in error lines), ``table.py`` (the score table).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from figcheck.evaluate.news.fields import (
    BOUNDS,
    FIELDS,
    SCORED_KINDS,
    compare,
    fold,
    found_period,
    found_speaker,
    fully_right,
    gold_period,
    match,
    names_unit,
    overlap,
    period_right,
    qualifier_right,
    scored_fields,
    speaker_right,
    status_right,
    unit_right,
    unit_words,
    value_right,
)
from figcheck.evaluate.news.scoring import (
    Error,
    GoldFileError,
    Outcome,
    Result,
    Scores,
    Tally,
    extract,
    read_articles,
    score,
)
from figcheck.evaluate.news.table import ROW_NAMES, table

__all__ = [
    "BOUNDS",
    "FIELDS",
    "ROW_NAMES",
    "SCORED_KINDS",
    "Error",
    "GoldFileError",
    "Outcome",
    "Result",
    "Scores",
    "Tally",
    "compare",
    "extract",
    "fold",
    "found_period",
    "found_speaker",
    "fully_right",
    "gold_period",
    "main",
    "match",
    "names_unit",
    "overlap",
    "period_right",
    "qualifier_right",
    "read_articles",
    "score",
    "scored_fields",
    "speaker_right",
    "status_right",
    "table",
    "unit_right",
    "unit_words",
    "value_right",
]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="figcheck eval news", description="Score figures in context on news_figures.jsonl files."
    )
    parser.add_argument("paths", nargs="+", type=Path, metavar="FILE", help="news_figures.jsonl files")
    parser.add_argument(
        "--errors",
        action="store_true",
        help="list missed and spurious figures and every wrong field, one line each",
    )
    parser.add_argument("--lang", choices=("fr", "en"), help="score one language only")
    args = parser.parse_args(argv)
    try:
        result = score(args.paths, lang=args.lang)
    except GoldFileError as error:
        print(error, file=sys.stderr)
        return 2
    if args.errors:
        for wrong in result.errors:
            print(wrong.line())
        print()
    sys.stdout.write(table(result))
    return 0
