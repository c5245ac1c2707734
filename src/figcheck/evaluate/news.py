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
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import regex

from figcheck.evaluate.numbers import same_number
from figcheck.extract.article import Resources, extract_articles
from figcheck.extract.sentences import sentences
from figcheck.load.articles import Article
from figcheck.pipeline import load_resources
from figcheck.text import strip_accents_compatible

SCORED_KINDS = frozenset({"count", "money", "percent", "rate"})
# the fields of a pair, in the order of the table; status_lenient is reported beside status
FIELDS = ("value", "qualifier", "unit", "period", "status", "status_lenient", "speaker")
BOUNDS = ("lower", "upper", "lower_inclusive", "upper_inclusive")
CONTEXT_CHARS = 160
WORD = regex.compile(r"[\p{L}\p{N}]+")
# written forms of the gold unit ``percent``
PERCENT = regex.compile(r"%|\b(?:pour|per)\s*cent\b", regex.IGNORECASE)


class GoldFileError(Exception):
    """A gold file that cannot be read: the path, the line and what is wrong."""

    def __init__(self, path: Path, line: int | None, reason: str) -> None:
        super().__init__(f"{path}:{line}: {reason}" if line else f"{path}: {reason}")
        self.path, self.line, self.reason = path, line, reason


# --- field comparisons: pure functions of a gold figure and an extracted figure (dicts) ---------------


def fold(text: str) -> str:
    """Lower case without accents."""
    return strip_accents_compatible(text.casefold())


def _singular(word: str) -> str:
    return word[:-1] if len(word) > 2 and word[-1] in "sx" else word


def unit_words(text: str | None) -> list[str]:
    """The words of a unit, folded and singular; ``%`` reads ``percent``."""
    if not text:
        return []
    return [_singular(w) for w in WORD.findall(fold(PERCENT.sub(" percent ", text)))]


def names_unit(extracted: str | None, gold: str | None) -> bool:
    """Whether an extracted unit text names a gold unit word: the same after folding, or one of its words."""
    want, have = unit_words(gold), unit_words(extracted)
    if not want or not have:
        return False
    return want == have or (len(want) == 1 and want[0] in have)


def value_right(gold: Mapping[str, Any], found: Mapping[str, Any]) -> bool:
    return same_number(gold.get("value"), found.get("value"))


def qualifier_right(gold: Mapping[str, Any], found: Mapping[str, Any]) -> bool:
    """The same qualifier, and for all but ``approx`` the same bounds and inclusiveness."""
    if gold.get("qualifier") != found.get("qualifier"):
        return False
    return gold.get("qualifier") == "approx" or all(same_number(gold.get(k), found.get(k)) for k in BOUNDS)


def unit_right(gold: Mapping[str, Any], found: Mapping[str, Any]) -> bool:
    """The extracted unit or unit text names the gold unit or its English name."""
    golds = [u for u in (gold.get("unit"), gold.get("unit_norm")) if u]
    founds = [u for u in (found.get("unit"), found.get("unit_text")) if u]
    if not golds:
        return not founds
    return any(names_unit(f, g) for f in founds for g in golds)


def _iso(day: Any) -> str | None:
    if day is None:
        return None
    if isinstance(day, dt.datetime):
        return day.date().isoformat()
    if isinstance(day, dt.date):
        return day.isoformat()
    text = str(day)
    return text[:10] if text else None


def gold_period(gold: Mapping[str, Any]) -> tuple[str, str | None, str | None] | None:
    """(scope, first day, last day) of the gold period, or None."""
    period = gold.get("period")
    if not period:
        return None
    return (period.get("scope"), _iso(period.get("start")), _iso(period.get("end")))


def found_period(found: Mapping[str, Any]) -> tuple[str, str | None, str | None] | None:
    """(scope, first day, last day) of the extracted period, or None when it has none."""
    start, end = _iso(found.get("period_start")), _iso(found.get("period_end"))
    scope = found.get("period_scope")
    if start is None and end is None and scope in (None, "unspecified"):
        return None
    return (str(scope), start, end)


def period_right(gold: Mapping[str, Any], found: Mapping[str, Any]) -> bool:
    return gold_period(gold) == found_period(found)


def status_right(gold: Mapping[str, Any], found: Mapping[str, Any], *, lenient: bool = False) -> bool:
    """The same status; ``lenient``: ``unspecified`` stands for ``actual`` on either side."""
    a, b = gold.get("status"), found.get("status")
    if lenient:
        a, b = ("actual" if s == "unspecified" else s for s in (a, b))
    return a == b


def found_speaker(found: Mapping[str, Any]) -> str | None:
    """The extracted speaker text and source, as one text (None when neither is given)."""
    parts = [p for p in (found.get("speaker_text"), found.get("source")) if p]
    return " / ".join(dict.fromkeys(parts)) if parts else None


def speaker_right(gold: Mapping[str, Any], found: Mapping[str, Any]) -> bool:
    """Both none, or the gold speaker's last word is a word of the extracted speaker text or source."""
    speaker = gold.get("speaker")
    words = set(WORD.findall(fold(found_speaker(found) or "")))
    if not speaker:
        return not words
    last = WORD.findall(fold(speaker))
    return bool(last) and last[-1] in words


def scored_fields(gold: Mapping[str, Any]) -> tuple[str, ...]:
    """The fields scored on a pair with this gold figure."""
    if gold.get("kind") in SCORED_KINDS:
        return FIELDS
    return ("value", "qualifier", "unit")


def compare(gold: Mapping[str, Any], found: Mapping[str, Any]) -> dict[str, bool]:
    """Field -> right, for the fields scored on this pair."""
    checks = {
        "value": value_right,
        "qualifier": qualifier_right,
        "unit": unit_right,
        "period": period_right,
        "status": status_right,
        "status_lenient": lambda g, f: status_right(g, f, lenient=True),
        "speaker": speaker_right,
    }
    return {name: checks[name](gold, found) for name in scored_fields(gold)}


def fully_right(checks: Mapping[str, bool]) -> bool:
    return all(ok for name, ok in checks.items() if name != "status_lenient")


# --- matching -----------------------------------------------------------------------------------------


def overlap(a: Mapping[str, Any], b: Mapping[str, Any]) -> int:
    return min(int(a["end"]), int(b["end"])) - max(int(a["start"]), int(b["start"]))


def match(gold: Sequence[Mapping[str, Any]], found: Sequence[Mapping[str, Any]]) -> list[tuple[int, int]]:
    """(gold index, extracted index) pairs whose spans overlap, one to one, greatest overlap first."""
    candidates = sorted(
        (
            (-overlap(g, f), abs(int(g["start"]) - int(f["start"])), i, j)
            for i, g in enumerate(gold)
            for j, f in enumerate(found)
            if overlap(g, f) > 0
        ),
    )
    pairs: list[tuple[int, int]] = []
    used_gold: set[int] = set()
    used_found: set[int] = set()
    for _, _, i, j in candidates:
        if i not in used_gold and j not in used_found:
            pairs.append((i, j))
            used_gold.add(i)
            used_found.add(j)
    return sorted(pairs)


# --- scores -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Tally:
    right: int = 0
    scored: int = 0

    @property
    def accuracy(self) -> float:
        return self.right / self.scored if self.scored else 0.0

    def add(self, ok: bool) -> Tally:
        return Tally(self.right + ok, self.scored + 1)


@dataclass(frozen=True)
class Scores:
    """The scores of one language, or of all."""

    articles: int = 0
    gold: int = 0
    extracted: int = 0
    matched: int = 0
    fields: Mapping[str, Tally] = field(default_factory=dict)
    fully_right: Tally = Tally()  # over every gold figure

    @property
    def precision(self) -> float:
        return self.matched / self.extracted if self.extracted else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "articles": self.articles,
            "gold": self.gold,
            "extracted": self.extracted,
            "matched": self.matched,
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
            **{
                name: {"accuracy": t.accuracy, "right": t.right, "scored": t.scored}
                for name, t in self.fields.items()
            },
            "fully_right": {
                "accuracy": self.fully_right.accuracy,
                "right": self.fully_right.right,
                "scored": self.fully_right.scored,
            },
        }


@dataclass(frozen=True)
class Error:
    """A missed gold figure (``missed``), an extracted figure matching none (``spurious``) or a wrong field."""

    field: str
    article_id: str
    text: str
    gold: str
    got: str
    context: str

    def line(self) -> str:
        return f"{self.field:<9} {self.article_id}  «{self.text}»  gold={self.gold}  got={self.got}  | {self.context}"


@dataclass(frozen=True)
class Outcome:
    """What became of one gold figure: the extracted figure paired with it (None when missed) and, for a
    pair, each scored field -> right."""

    article_id: str
    gold: Mapping[str, Any]
    found: Mapping[str, Any] | None
    checks: Mapping[str, bool]

    @property
    def fully_right(self) -> bool:
        return self.found is not None and fully_right(self.checks)


@dataclass(frozen=True)
class Result:
    """Scores per language and ``overall`` (always last), every gold figure's outcome and every error, in
    reading order."""

    scores: Mapping[str, Scores]
    outcomes: tuple[Outcome, ...] = ()
    errors: tuple[Error, ...] = ()

    def as_dict(self) -> dict[str, Any]:
        return {key: s.as_dict() for key, s in self.scores.items()}


@dataclass
class _Totals:
    articles: int = 0
    gold: int = 0
    extracted: int = 0
    matched: int = 0
    fields: dict[str, Tally] = field(default_factory=lambda: {name: Tally() for name in FIELDS})
    fully_right: Tally = Tally()

    def frozen(self) -> Scores:
        return Scores(
            self.articles, self.gold, self.extracted, self.matched, dict(self.fields), self.fully_right
        )


def read_articles(path: Path, *, lang: str | None = None) -> list[dict[str, Any]]:
    """The articles of a gold file (of one language when ``lang`` is given)."""
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise GoldFileError(path, None, f"cannot read: {error}") from None
    articles = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            article = json.loads(line)
        except json.JSONDecodeError as error:
            raise GoldFileError(path, number, f"not JSON: {error.msg}") from None
        missing = [k for k in ("id", "lang", "body", "figures") if k not in article]
        if missing:
            raise GoldFileError(path, number, f"no {', '.join(missing)}; each line is one article")
        if not isinstance(article["figures"], list) or not all(
            isinstance(f, dict) and isinstance(f.get("start"), int) and isinstance(f.get("end"), int)
            for f in article["figures"]
        ):
            raise GoldFileError(path, number, "figures must be a list of objects with start and end offsets")
        try:
            _published(article)
        except (TypeError, ValueError):
            raise GoldFileError(path, number, f"published is {article['published']!r}, not a date") from None
        if lang is None or article["lang"] == lang:
            articles.append(article)
    return articles


def _published(article: Mapping[str, Any]) -> dt.date | None:
    published = article.get("published")
    return dt.date.fromisoformat(published) if published else None


def extract(
    path: Path, articles: Sequence[Mapping[str, Any]], resources: Resources
) -> list[tuple[dict[str, Any], ...]]:
    """The extracted figures of each article, all articles of a file extracted in one call."""
    records = [
        Article(
            doc_id=str(a["id"]),
            path=path,
            collection=path.stem,
            text=a["body"],
            language=a["lang"],
            body_line=1,
            published=_published(a),
        )
        for a in articles
    ]
    return [extraction.figures for extraction in extract_articles(records, resources)]


def score(
    paths: Path | str | Iterable[Path | str],
    *,
    lang: str | None = None,
    resources: Resources | None = None,
) -> Result:
    """Scores of figcheck's extraction on news_figures.jsonl files, per language and overall."""
    if isinstance(paths, (str, Path)):
        paths = [paths]
    resources = resources if resources is not None else load_resources([])
    totals: dict[str, _Totals] = {}
    outcomes: list[Outcome] = []
    errors: list[Error] = []
    for path in map(Path, paths):
        articles = read_articles(path, lang=lang)
        if not articles:
            continue
        for article, found in zip(articles, extract(path, articles, resources), strict=True):
            _score_article(article, list(found), totals, outcomes, errors)
    ordered = {k: totals[k].frozen() for k in sorted(totals)}
    overall = _Totals()
    for t in totals.values():
        overall.articles += t.articles
        overall.gold += t.gold
        overall.extracted += t.extracted
        overall.matched += t.matched
        overall.fields = {n: _sum(overall.fields[n], t.fields[n]) for n in FIELDS}
        overall.fully_right = _sum(overall.fully_right, t.fully_right)
    ordered["overall"] = overall.frozen()
    return Result(ordered, tuple(outcomes), tuple(errors))


def _sum(a: Tally, b: Tally) -> Tally:
    return Tally(a.right + b.right, a.scored + b.scored)


def _score_article(
    article: Mapping[str, Any],
    found: list[dict[str, Any]],
    totals: dict[str, _Totals],
    outcomes: list[Outcome],
    errors: list[Error],
) -> None:
    gold = list(article["figures"])
    body, doc_id = article["body"], str(article["id"])
    t = totals.setdefault(article["lang"], _Totals())
    t.articles += 1
    t.gold += len(gold)
    t.extracted += len(found)
    pairs = dict(match(gold, found))
    t.matched += len(pairs)
    spans = list(sentences(body))
    # (offset, order at one offset, error): errors in reading order, a figure's own lines together
    lines: list[tuple[int, int, Error]] = []

    def report(figure: Mapping[str, Any], order: int, name: str, wanted: str, got: str) -> None:
        start, end = int(figure["start"]), int(figure["end"])
        where = _context(body, spans, start, end)
        lines.append((start, order, Error(name, doc_id, str(figure.get("text") or ""), wanted, got, where)))

    for i, g in enumerate(gold):
        f = found[pairs[i]] if i in pairs else None
        checks = compare(g, f) if f is not None else {}
        outcome = Outcome(doc_id, g, f, checks)
        outcomes.append(outcome)
        t.fully_right = t.fully_right.add(outcome.fully_right)
        if f is None:
            report(g, 0, "missed", _figure(g, gold=True), "none")
        for name, ok in checks.items():
            t.fields[name] = t.fields[name].add(ok)
            if not ok and name != "status_lenient":
                report(g, 1, name, _SHOW[name](g, True), _SHOW[name](f, False))
    paired = set(pairs.values())
    for j, f in enumerate(found):
        if j not in paired:
            report(f, 2, "spurious", "none", _figure(f, gold=False))
    errors.extend(e for _, _, e in sorted(lines, key=lambda line: line[:2]))


# --- how figures and fields are shown in error lines --------------------------------------------------


def _number(value: Any) -> str:
    if value is None:
        return "—"
    if isinstance(value, bool):
        return str(value).lower()
    try:
        number = float(value)
    except (TypeError, ValueError):
        return str(value)
    return str(int(number)) if number.is_integer() else f"{number:g}"


def _bounds(f: Mapping[str, Any]) -> str:
    qualifier = f.get("qualifier")
    if qualifier == "approx":
        return f"approx {_number(f.get('value'))}"
    left = "[" if f.get("lower_inclusive") else "("
    right = "]" if f.get("upper_inclusive") else ")"
    lower = "" if f.get("lower") is None else _number(f.get("lower"))
    upper = "" if f.get("upper") is None else _number(f.get("upper"))
    interval = f"{left}{lower}, {upper}{right}"
    if qualifier == "range":
        return f"range {interval}"
    return f"{qualifier} {_number(f.get('value'))} {interval}"


def _unit(f: Mapping[str, Any], gold: bool) -> str:
    keys = ("unit", "unit_norm") if gold else ("unit", "unit_text")
    shown = [str(f.get(k)) for k in keys if f.get(k)]
    return "/".join(dict.fromkeys(shown)) or "none"


def _period(f: Mapping[str, Any], gold: bool) -> str:
    period = gold_period(f) if gold else found_period(f)
    if period is None:
        return "none"
    scope, start, end = period
    return f"{scope} {start or '?'}..{end or '?'}"


def _figure(f: Mapping[str, Any], *, gold: bool) -> str:
    unit = _unit(f, gold)
    return _bounds(f) + ("" if unit == "none" else f" {unit}")


_SHOW = {
    "value": lambda f, gold: _number(f.get("value")),
    "qualifier": lambda f, gold: _bounds(f),
    "unit": _unit,
    "period": _period,
    "status": lambda f, gold: str(f.get("status") or "none"),
    "speaker": lambda f, gold: str((f.get("speaker") if gold else found_speaker(f)) or "none"),
}


def _context(body: str, spans: Sequence[Any], start: int, end: int) -> str:
    """The sentence around ``body[start:end]``, on one line, trimmed to about CONTEXT_CHARS characters."""
    left, right = start, end
    for span in spans:
        if span.start <= start < span.end or span.start < end <= span.end:
            left, right = min(left, span.start), max(right, span.end)
    if right - left > CONTEXT_CHARS:
        half = max((CONTEXT_CHARS - (end - start)) // 2, 20)
        cut_left, cut_right = max(left, start - half), min(right, end + half)
        text = (
            ("…" if cut_left > left else "") + body[cut_left:cut_right] + ("…" if cut_right < right else "")
        )
    else:
        text = body[left:right]
    return " ".join(text.split())


# --- the table ----------------------------------------------------------------------------------------

ROW_NAMES = {
    "value": "value",
    "qualifier": "qualifier",
    "unit": "unit",
    "period": "period",
    "status": "status strict",
    "status_lenient": "status lenient",
    "speaker": "speaker",
}


def table(result: Result) -> str:
    """The scores as a text table, one column per language and one for all."""
    keys = list(result.scores)
    cols = [result.scores[k] for k in keys]

    def share(t: Tally) -> str:
        return f"{t.accuracy:.3f} ({t.right}/{t.scored})" if t.scored else "—"

    rows: list[tuple[str, list[str]]] = [
        ("articles", [str(s.articles) for s in cols]),
        ("figures gold", [str(s.gold) for s in cols]),
        ("figures extracted", [str(s.extracted) for s in cols]),
        ("figures matched", [str(s.matched) for s in cols]),
        ("found precision", [share(Tally(s.matched, s.extracted)) for s in cols]),
        ("found recall", [share(Tally(s.matched, s.gold)) for s in cols]),
        ("found F1", [f"{s.f1:.3f}" for s in cols]),
    ]
    rows += [(ROW_NAMES[name], [share(s.fields.get(name, Tally())) for s in cols]) for name in FIELDS]
    rows.append(("fully right", [share(s.fully_right) for s in cols]))
    label = max(len(r[0]) for r in rows)
    width = max(len(c) for _, cells in rows for c in cells + keys) + 2
    lines = [" " * label + "".join(f"{k:>{width}}" for k in keys)]
    lines += [f"{name:<{label}}" + "".join(f"{c:>{width}}" for c in cells) for name, cells in rows]
    lines.append("value, qualifier, unit: over the matched figures; period, status, speaker: over the")
    lines.append("matched count, money, percent and rate figures; fully right: over all gold figures")
    return "\n".join(lines) + "\n"


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


if __name__ == "__main__":
    raise SystemExit(main())
