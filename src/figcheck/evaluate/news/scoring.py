"""Scoring: the gold file read, its articles extracted together, each gold figure's outcome, the tallies per
language and every error in reading order."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from figcheck.evaluate.news.fields import FIELDS, compare, fully_right, match
from figcheck.evaluate.news.shown import SHOW_FIELD, context_line, show_figure
from figcheck.extract.article import Resources, extract_articles
from figcheck.load.articles import Article
from figcheck.pipeline import load_resources
from figcheck.text.sentences import sentences


class GoldFileError(Exception):
    """A gold file that cannot be read: the path, the line and what is wrong."""

    def __init__(self, path: Path, line: int | None, reason: str) -> None:
        super().__init__(f"{path}:{line}: {reason}" if line else f"{path}: {reason}")
        self.path, self.line, self.reason = path, line, reason


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
        where = context_line(body, spans, start, end)
        lines.append((start, order, Error(name, doc_id, str(figure.get("text") or ""), wanted, got, where)))

    for i, g in enumerate(gold):
        f = found[pairs[i]] if i in pairs else None
        checks = compare(g, f) if f is not None else {}
        outcome = Outcome(doc_id, g, f, checks)
        outcomes.append(outcome)
        t.fully_right = t.fully_right.add(outcome.fully_right)
        if f is None:
            report(g, 0, "missed", show_figure(g, gold=True), "none")
        for name, ok in checks.items():
            t.fields[name] = t.fields[name].add(ok)
            if not ok and name != "status_lenient":
                report(g, 1, name, SHOW_FIELD[name](g, True), SHOW_FIELD[name](f or {}, False))
    paired = set(pairs.values())
    for j, f in enumerate(found):
        if j not in paired:
            report(f, 2, "spurious", "none", show_figure(f, gold=False))
    errors.extend(e for _, _, e in sorted(lines, key=lambda line: line[:2]))
