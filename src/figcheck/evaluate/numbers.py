"""Score figure extraction against a ``numbers.jsonl`` gold file.

Each line of the gold file is a case: ``id``, ``lang``, ``text`` and ``figures`` (value, lower, upper,
lower_inclusive, upper_inclusive, qualifier). An extracted figure matches a gold figure of the same case
when the qualifier is the same and so are the value and the bounds; for ``approx`` only the value and the
qualifier are compared. Each gold figure matches at most one extracted figure. A figure extracted from a
negative case (no gold figure) is a false positive.

Usage::

    python -m figcheck.evaluate.numbers numbers.jsonl [--errors] [--lang fr|en]
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from figcheck.extract.numbers import Quantity, scan

FIELDS = ("value", "lower", "upper", "lower_inclusive", "upper_inclusive")


def same_number(a: Any, b: Any) -> bool:
    if a is None or b is None:
        return a is None and b is None
    if isinstance(a, bool) or isinstance(b, bool):
        return bool(a) == bool(b)
    return math.isclose(float(a), float(b), rel_tol=1e-9, abs_tol=1e-12)


def matches(gold: dict[str, Any], found: dict[str, Any]) -> bool:
    """Whether an extracted figure (as a dict) is the gold figure."""
    if gold.get("qualifier") != found.get("qualifier"):
        return False
    if gold.get("qualifier") == "approx":
        return same_number(gold.get("value"), found.get("value"))
    return all(same_number(gold.get(f), found.get(f)) for f in FIELDS)


def as_dict(q: Quantity) -> dict[str, Any]:
    return {
        "text": q.text,
        "value": q.value,
        "lower": q.lower,
        "upper": q.upper,
        "lower_inclusive": q.lower_inclusive,
        "upper_inclusive": q.upper_inclusive,
        "qualifier": q.qualifier,
        "unit": q.unit,
    }


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    cases: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {
            "cases": self.cases,
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
        }


@dataclass
class CaseResult:
    id: str
    lang: str
    text: str
    missed: list[dict[str, Any]] = field(default_factory=list)
    spurious: list[dict[str, Any]] = field(default_factory=list)
    tp: int = 0


def score_case(case: dict[str, Any]) -> CaseResult:
    """Match the figures extracted from one case with its gold figures."""
    found = [as_dict(q) for q in scan(case["text"], case["lang"]).quantities]
    gold = list(case.get("figures") or [])
    result = CaseResult(case.get("id", ""), case["lang"], case["text"])
    unmatched = list(found)
    for g in gold:
        for k, f in enumerate(unmatched):
            if matches(g, f):
                del unmatched[k]
                result.tp += 1
                break
        else:
            result.missed.append(g)
    result.spurious = unmatched
    return result


def read_cases(path: Path) -> Iterable[dict[str, Any]]:
    with Path(path).open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)


def score(path: Path | str, *, lang: str | None = None) -> dict[str, Any]:
    """Precision, recall and F1 overall and per language, and the per-case results under ``cases``."""
    totals: dict[str, Counts] = {"overall": Counts()}
    results: list[CaseResult] = []
    for case in read_cases(Path(path)):
        if lang is not None and case["lang"] != lang:
            continue
        r = score_case(case)
        results.append(r)
        for key in ("overall", case["lang"]):
            c = totals.setdefault(key, Counts())
            c.cases += 1
            c.tp += r.tp
            c.fp += len(r.spurious)
            c.fn += len(r.missed)
    out: dict[str, Any] = {
        k: v.as_dict() for k, v in sorted(totals.items(), key=lambda kv: kv[0] != "overall")
    }
    out["cases"] = results
    return out


def _fmt_fig(f: dict[str, Any]) -> str:
    if f.get("qualifier") == "range":
        return f"{f.get('text')!r} range [{f.get('lower')}, {f.get('upper')}]"
    return f"{f.get('text')!r} {f.get('qualifier')} {f.get('value')}"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m figcheck.evaluate.numbers", description=__doc__.splitlines()[0]
    )
    parser.add_argument("path", type=Path, help="a numbers.jsonl gold file")
    parser.add_argument("--errors", action="store_true", help="list missed and spurious figures per case")
    parser.add_argument("--lang", choices=("fr", "en"), help="score one language only")
    args = parser.parse_args(argv)
    try:
        result = score(args.path, lang=args.lang)
    except (OSError, json.JSONDecodeError, KeyError) as exc:
        print(f"{args.path}: cannot read the gold file: {exc}", file=sys.stderr)
        return 2
    if args.errors:
        for r in result["cases"]:
            if not r.missed and not r.spurious:
                continue
            print(f"{r.id} [{r.lang}] {r.text.strip()[:160]!r}")
            for g in r.missed:
                print(f"    missed    {_fmt_fig(g)}")
            for f in r.spurious:
                print(f"    spurious  {_fmt_fig(f)}")
        print()
    print(f"{'':8} {'cases':>6} {'tp':>5} {'fp':>5} {'fn':>5} {'precision':>10} {'recall':>8} {'f1':>7}")
    for key, c in result.items():
        if key == "cases":
            continue
        print(
            f"{key:8} {c['cases']:>6} {c['tp']:>5} {c['fp']:>5} {c['fn']:>5} "
            f"{c['precision']:>10.3f} {c['recall']:>8.3f} {c['f1']:>7.3f}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
