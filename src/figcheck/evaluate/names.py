"""Scorer for name keys: variant recall, distinct precision, convention accuracy.

Usage: ``python -m figcheck.evaluate.names VARIANTS.tsv DISTINCT.tsv``

- variant recall: share of same-entity spelling pairs (all pairs within each entity) that get one key,
  with ``cluster`` run over all the names of the variants file at once (gold ``type`` passed as types);
- distinct precision: share of the distinct pairs whose two names get different keys;
- convention accuracy: share of rows whose gold convention is french, english (bgn_pcgn counts as
  english), german, iso9 or cyrillic for which ``convention`` gives that label.
"""

from __future__ import annotations

import csv
import json
import sys
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from figcheck.text.names import cluster, convention

SCORED_CONVENTIONS = {"french", "english", "german", "iso9", "cyrillic"}
ALIASES = {"bgn_pcgn": "english"}


def _read(path: str | Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))


def score(variants_path: str | Path, distinct_path: str | Path, *, details: bool = False) -> dict[str, Any]:
    """Scores of ``cluster`` and ``convention`` on a variants file and a distinct-pairs file."""
    rows = _read(variants_path)
    names = [r["name"] for r in rows]
    keys = cluster(names, [r["type"] for r in rows])
    key_of = dict(zip(names, keys, strict=True))

    by_entity: dict[str, list[int]] = defaultdict(list)
    for i, row in enumerate(rows):
        by_entity[row["entity_id"]].append(i)
    pairs = hits = 0
    missed: list[tuple[str, str]] = []
    for members in by_entity.values():
        for x in range(len(members)):
            for y in range(x + 1, len(members)):
                pairs += 1
                a, b = members[x], members[y]
                if keys[a] == keys[b]:
                    hits += 1
                else:
                    missed.append((names[a], names[b]))

    distinct = _read(distinct_path)
    apart = 0
    merged: list[tuple[str, str, str]] = []
    for row in distinct:
        if key_of[row["name_a"]] != key_of[row["name_b"]]:
            apart += 1
        else:
            merged.append((row["name_a"], row["name_b"], row["relation"]))

    scored = correct = 0
    wrong: list[tuple[str, str, str]] = []
    for row in rows:
        gold = ALIASES.get(row["convention"], row["convention"])
        if gold not in SCORED_CONVENTIONS:
            continue
        scored += 1
        got = convention(row["name"])
        if got == gold:
            correct += 1
        else:
            wrong.append((row["name"], gold, got))

    result: dict[str, Any] = {
        "variant_pairs": pairs,
        "variant_recall": hits / pairs if pairs else 1.0,
        "distinct_pairs": len(distinct),
        "distinct_precision": apart / len(distinct) if distinct else 1.0,
        "convention_rows": scored,
        "convention_accuracy": correct / scored if scored else 1.0,
    }
    if details:
        result["missed_variant_pairs"] = missed
        result["merged_distinct_pairs"] = merged
        result["wrong_conventions"] = wrong
    return result


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    details = "--details" in args
    args = [a for a in args if a != "--details"]
    if len(args) != 2:
        usage = "usage: python -m figcheck.evaluate.names VARIANTS.tsv DISTINCT.tsv [--details]"
        print(usage, file=sys.stderr)
        return 2
    print(json.dumps(score(args[0], args[1], details=details), ensure_ascii=False, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
