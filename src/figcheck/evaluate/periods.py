"""Score ``find_periods`` against a ``periods.jsonl`` file.

Each line is one case: ``text``, ``lang``, ``reference_date``, ``period_text`` and the gold
``scope``, ``period_start`` and ``period_end``. For each case the periods of the text are found
with the reference date; the one that overlaps ``period_text`` most (or the only one found) is
compared with the gold. Scope accuracy and exact-dates accuracy (both dates right) are reported
overall, per language and per gold scope.

Usage::

    python -m figcheck.evaluate.periods periods.jsonl [--errors] [--json]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from figcheck.extract.periods import Period, find_periods


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def pick(periods: Sequence[Period], text: str, period_text: str) -> Period | None:
    """The period overlapping ``period_text`` most, else the only period found."""
    start = text.find(period_text)
    if start < 0:
        start = text.lower().find(period_text.lower())
    best, best_overlap = None, 0
    if start >= 0:
        end = start + len(period_text)
        for p in periods:
            overlap = min(end, p.end) - max(start, p.start)
            if overlap > best_overlap:
                best, best_overlap = p, overlap
    if best is None and len(periods) == 1:
        best = periods[0]
    return best


def _rate(hits: int, total: int) -> float:
    return round(hits / total, 4) if total else 0.0


def score(path: str | Path) -> dict[str, Any]:
    """Scope and date accuracy of ``find_periods`` on a periods.jsonl file."""
    counts: dict[str, dict[str, list[int]]] = {
        "language": defaultdict(lambda: [0, 0, 0]),
        "scope": defaultdict(lambda: [0, 0, 0]),
    }
    total = [0, 0, 0]
    errors: list[dict[str, Any]] = []
    elapsed = 0.0
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if not line.strip():
                continue
            case = json.loads(line)
            text, lang = case["text"], case["lang"]
            reference = _date(case.get("reference_date"))
            t0 = time.perf_counter()
            periods = find_periods(text, lang, reference=reference)
            elapsed += time.perf_counter() - t0
            found = pick(periods, text, case["period_text"])
            gold = (case["scope"], _date(case.get("period_start")), _date(case.get("period_end")))
            scope_ok = found is not None and found.scope == gold[0]
            dates_ok = found is not None and (found.period_start, found.period_end) == gold[1:]
            for row in (total, counts["language"][lang], counts["scope"][gold[0]]):
                row[0] += 1
                row[1] += scope_ok
                row[2] += dates_ok
            if not (scope_ok and dates_ok):
                errors.append(
                    {
                        "id": case.get("id"),
                        "lang": lang,
                        "reference_date": case.get("reference_date"),
                        "period_text": case["period_text"],
                        "gold": [gold[0], str(gold[1]), str(gold[2])],
                        "found": None
                        if found is None
                        else [found.text, found.scope, str(found.period_start), str(found.period_end)],
                        "text": text,
                    }
                )

    def summary(row: list[int]) -> dict[str, Any]:
        return {
            "cases": row[0],
            "scope_accuracy": _rate(row[1], row[0]),
            "dates_accuracy": _rate(row[2], row[0]),
        }

    return {
        **summary(total),
        "by_language": {k: summary(v) for k, v in sorted(counts["language"].items())},
        "by_scope": {k: summary(v) for k, v in sorted(counts["scope"].items())},
        "seconds": round(elapsed, 4),
        "errors": errors,
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m figcheck.evaluate.periods",
        description="Score period extraction on a periods.jsonl file.",
    )
    parser.add_argument("path", help="a periods.jsonl file")
    parser.add_argument("--errors", action="store_true", help="list the cases missed")
    parser.add_argument("--json", action="store_true", help="print the whole result as JSON")
    args = parser.parse_args(argv)
    try:
        result = score(args.path)
    except (OSError, ValueError, KeyError) as exc:
        print(f"{args.path}: cannot score: {exc}", file=sys.stderr)
        return 2
    if args.json:
        if not args.errors:
            result = {k: v for k, v in result.items() if k != "errors"}
        print(json.dumps(result, indent=2, ensure_ascii=False))
        return 0
    print(f"{'':14} {'cases':>6} {'scope':>7} {'dates':>7}")
    rows = (
        [("all", result)]
        + [(f"lang {k}", v) for k, v in result["by_language"].items()]
        + [(f"scope {k}", v) for k, v in result["by_scope"].items()]
    )
    for name, row in rows:
        print(f"{name:14} {row['cases']:>6} {row['scope_accuracy']:>7.3f} {row['dates_accuracy']:>7.3f}")
    print(f"find_periods time: {result['seconds']:.3f} s")
    if args.errors:
        for e in result["errors"]:
            found = "nothing" if e["found"] is None else " ".join(map(str, e["found"]))
            print(
                f"\n{e['id']} [{e['lang']} ref {e['reference_date']}] {e['period_text']!r}\n"
                f"  gold:  {' '.join(e['gold'])}\n  found: {found}\n  text:  {e['text']}"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
