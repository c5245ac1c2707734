"""What a rule is: a function plus the metadata on its decorator, and the sections of its docstring."""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import regex

from figcheck.vocabulary import SEVERITIES

CODE = regex.compile(r"^[A-Z]{1,4}\d{3}$")
SLUG = regex.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
SECTION = regex.compile(r"^(\w[\w ]*)\n(-{3,})$", regex.MULTILINE)
KINDS = ("table", "document")


@dataclass(frozen=True)
class CuratedRow:
    """The row of a `figures.csv` a curated figure was read from: its file, line and text."""

    path: str
    line: int
    text: str


@dataclass(frozen=True)
class Evidence:
    """One span of one article that a finding rests on; for a curated figure a finding blames as written
    in its table, also that table's row (`row`), which reports then show and locate instead."""

    doc_id: str
    start: int
    end: int
    text: str
    row: CuratedRow | None = None

    def __str__(self) -> str:
        return f'{self.doc_id}:{self.start}-{self.end} "{self.text}"'


@dataclass(frozen=True)
class Finding:
    """What a rule yields; the engine adds code, slug, severity and fingerprint."""

    doc_id: str | None
    message: str
    evidence: tuple[Evidence, ...]
    suggestion: str | None = None


@dataclass(frozen=True)
class Rule:
    """A registered rule: call it through `figcheck.rules.runner`, not directly."""

    code: str
    slug: str
    severity: str
    family: str
    kind: str
    function: Callable[..., Iterator[Finding]]
    options: Mapping[str, Any] = field(default_factory=dict)
    aliases: tuple[str, ...] = ()
    # a document rule's work on an article's text alone (see `document_rule`)
    prepare: Callable[[str, str], Any] | None = None

    @property
    def doc(self) -> str:
        return inspect.cleandoc(self.function.__doc__ or "")

    @property
    def summary(self) -> str:
        return self.doc.split("\n", 1)[0].strip()

    @property
    def sections(self) -> dict[str, str]:
        """Docstring sections by title (Why, Bad, Good, Options, References), numpydoc style."""
        doc = self.doc
        heads = list(SECTION.finditer(doc))
        return {
            head.group(1).strip(): doc[
                head.end() : heads[i + 1].start() if i + 1 < len(heads) else len(doc)
            ].strip()
            for i, head in enumerate(heads)
        }

    @property
    def source(self) -> Path:
        return Path(inspect.getfile(self.function))

    def selectors(self) -> tuple[str, ...]:
        """Names a suite may use to pick this rule."""
        return (self.code, self.slug, self.family, *self.aliases)


def _register(
    kind: str,
    code: str,
    slug: str,
    severity: str,
    family: str,
    aliases: tuple[str, ...],
    prepare: Callable[[str, str], Any] | None = None,
) -> Callable[[Callable[..., Iterator[Finding]]], Rule]:
    if not CODE.match(code):
        raise ValueError(f"rule code '{code}' must be a family prefix and three digits, e.g. FG001")
    if not SLUG.match(slug):
        raise ValueError(f"rule slug '{slug}' must be kebab-case, e.g. qualifier-drift")
    if severity not in SEVERITIES:
        raise ValueError(f"rule {code}: severity '{severity}' is not one of {', '.join(SEVERITIES)}")

    def wrap(function: Callable[..., Iterator[Finding]]) -> Rule:
        parameters = inspect.signature(function).parameters.values()
        options = {p.name: p.default for p in parameters if p.kind is inspect.Parameter.KEYWORD_ONLY}
        if not inspect.getdoc(function):
            raise ValueError(f"rule {code} {slug} needs a docstring: what it flags, Why, Bad, Good")
        return Rule(code, slug, severity, family, kind, function, options, aliases, prepare)

    return wrap


def rule(
    *, code: str, slug: str, severity: str, family: str, aliases: tuple[str, ...] = ()
) -> Callable[[Callable[..., Iterator[Finding]]], Rule]:
    """A table rule: `fn(tables, *, options...)` selects hits with narwhals over whole tables."""
    return _register("table", code, slug, severity, family, aliases)


def document_rule(
    *,
    code: str,
    slug: str,
    severity: str,
    family: str,
    aliases: tuple[str, ...] = (),
    prepare: Callable[[str, str], Any] | None = None,
) -> Callable[[Callable[..., Iterator[Finding]]], Rule]:
    """A document rule: `fn(document, *, options...)` reads one article's text and rows. With `prepare`,
    `fn(document, prepared, *, options...)`: `prepared` is what `prepare(text, language)` gave for the
    article, work on its text alone that a run may do in a second process while the article is
    extracted (a long article's dictionary lookups)."""
    return _register("document", code, slug, severity, family, aliases, prepare)
