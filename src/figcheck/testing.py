"""Run a rule's `.cases.yaml`: each case is a text (or several articles) and the findings it must give.

```yaml
rule: qualifier-drift
language: fr                 # default for every case
cases:
  lower_bound_then_approximate:
    text: Plus de 310 000 équipements en 2026. Environ 310 000 équipements en 2026.
    findings:
      - evidence: ["Plus de 310 000", "Environ 310 000"]
        message: "lower bound"          # optional: a part of the message
  across_articles:
    articles:
      - {id: a, text: "...", outlet: Le Monde, published: 2026-02-04}
      - {id: b, text: "...", language: en}
    findings: [...]
```
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from figcheck.load.articles import Article
from figcheck.load.language import detect_language
from figcheck.load.schema import raise_problems, read_yaml, schema_problems
from figcheck.pipeline import check_loaded, load_resources
from figcheck.rules.registry import Rule
from figcheck.rules.runner import ReportedFinding
from figcheck.rules.suite import Suite


@dataclass(frozen=True)
class Case:
    rule: str
    name: str
    path: Path
    articles: tuple[Article, ...]
    expected: tuple[Mapping[str, Any], ...]
    options: Mapping[str, Any]


def read_cases(path: Path) -> Iterator[Case]:
    """The cases of a `.cases.yaml`, checked against `cases.schema.yaml`: a mistyped key would
    silently weaken a test."""
    file = read_yaml(path)
    raise_problems(schema_problems(file, "cases.schema.yaml"))
    data = file.data
    language = data.get("language", "fr")
    for name, body in (data.get("cases") or {}).items():
        specs = body.get("articles") or [{"id": "case", "text": body["text"]}]
        articles = tuple(
            Article(
                doc_id=str(spec.get("id", f"case{i}")),
                path=path,
                collection="cases",
                text=str(spec["text"]).rstrip("\n"),
                language=spec.get("language", body.get("language", language)),
                body_line=1,
                outlet=spec.get("outlet"),
                published=_date(spec.get("published", body.get("published"))),
            )
            for i, spec in enumerate(specs)
        )
        yield Case(
            data["rule"], name, path, articles, tuple(body.get("findings") or ()), body.get("options") or {}
        )


EXAMPLE_ARTICLE = re.compile(r"^\(article (\w+)(?:, (French|English))?\)\s*", re.MULTILINE)
EXAMPLE_PUBLISHED = dt.date(2026, 2, 5)
LANGUAGE_NAMES = {"French": "fr", "English": "en"}


def example_articles(section: str, path: Path) -> tuple[Article, ...]:
    """The articles of a docstring's Bad or Good example.

    Wrapped lines are one paragraph; `(article A)` or `(article B, English)` starts another article.
    Examples are read as published on 2026-02-05, so that relative periods resolve.
    """
    parts = EXAMPLE_ARTICLE.split(section)
    if len(parts) == 1:
        chunks: list[tuple[str, str | None, str]] = [("example", None, section)]
    else:
        chunks = [(parts[i], parts[i + 1], parts[i + 2]) for i in range(1, len(parts) - 2, 3)]
    return tuple(
        Article(
            doc_id=name,
            path=path,
            collection="docs",
            text=" ".join(text.split()),
            language=LANGUAGE_NAMES[language] if language else detect_language(text),
            body_line=1,
            published=EXAMPLE_PUBLISHED,
        )
        for name, language, text in chunks
    )


def _date(value: str | None) -> dt.date | None:
    # the schema has checked the text is a date
    return None if value is None else dt.date.fromisoformat(value)


def find_rule(name: str, rules: Sequence[Rule]) -> Rule:
    matches = [r for r in rules if name in (r.code, r.slug)]
    if not matches:
        raise LookupError(f"no rule '{name}'")
    return matches[0]


# Models load once per test session, not once per case.
shared_resources = functools.cache(lambda: load_resources([]))


def run_case(case: Case, rules: Sequence[Rule]) -> list[ReportedFinding]:
    rule = find_rule(case.rule, rules)
    suite = Suite(name=f"case {case.name}", path=None, options={rule.slug: dict(case.options)})
    return list(check_loaded(case.articles, [rule], suite, shared_resources()).findings)


def mismatch(case: Case, findings: Sequence[ReportedFinding]) -> str | None:
    """Why the findings differ from what the case expects, or None when they match."""
    got = [[e.text for e in f.evidence] for f in findings]
    if len(findings) != len(case.expected):
        return f"expected {len(case.expected)} findings, got {len(findings)}: {got}"
    for expected, finding in zip(case.expected, findings, strict=True):
        evidence = [e.text for e in finding.evidence]
        wanted = expected.get("evidence")
        # one evidence text may be written bare, not as a list of one
        if wanted is not None and ([wanted] if isinstance(wanted, str) else list(wanted)) != evidence:
            return f"expected evidence {wanted}, got {evidence}"
        if "message" in expected and expected["message"] not in finding.message:
            return f"expected a message containing {expected['message']!r}, got {finding.message!r}"
    return None
