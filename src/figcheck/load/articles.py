"""Article files -> `Article` records: encoding, YAML front matter, language.

Offsets everywhere count characters of the body, the text after the front matter. A text file's body is
its text; a Markdown file's body is its text without markup (`load/markdown.py`), a web page's the text
its main part holds (`load/pages.py`), a table row's its text column (`load/tables.py`).
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from figcheck.errors import InputError, InputProblem, shortened
from figcheck.load.files import DatesAsTextLoader, StrictLoader, no_character, read_text
from figcheck.load.language import SUPPORTED_LANGUAGES, detect_language
from figcheck.vocabulary import FIRST_DATE, LAST_DATE

FRONT_MATTER_FENCE = "---"
KNOWN_KEYS = ("id", "title", "url", "outlet", "published", "language")
MARKDOWN_SUFFIXES = (".md", ".markdown")
PAGE_SUFFIXES = (".html", ".htm")


@dataclass(frozen=True)
class Article:
    """One article: its body text and what its front matter says about it."""

    doc_id: str
    path: Path
    collection: str
    text: str
    language: str
    body_line: int  # 1-based line of the file where the body starts
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: dt.date | None = None
    language_detected: bool = False
    metadata: Mapping[str, Any] = field(default_factory=dict)
    row: int | None = None  # 1-based row of an article table; `body_line` is then the row's line
    # (body offset, file line, file column) where each run of body text copied from the file starts,
    # for a body that is not the file's text as it stands (Markdown); empty: body lines are file lines
    anchors: tuple[tuple[int, int, int], ...] = ()


# A problem about a metadata key: (key, what is wrong with its value) -> the problem, located
ProblemAt = Callable[[str, str], InputProblem]


def read_article(path: Path, collection: str, problems: list[InputProblem]) -> Article | None:
    """Read one article file (text, Markdown or web page, by its suffix); append what is wrong with it to
    `problems` and return None then."""
    try:
        content = read_text(path)
    except InputError as error:
        problems.extend(error.problems)
        return None
    if path.suffix.lower() in PAGE_SUFFIXES:
        from figcheck.load.pages import read_page  # lxml and trafilatura load only for web pages

        return read_page(path, content, collection, problems)
    header, text, body_line = _split_front_matter(path, content, problems)
    if header is None:
        return None
    lines = content.split("\n")[: body_line - 1]
    meta = checked_metadata(header, _front_matter_problem(path, lines), problems)
    if meta is None:
        return None
    anchors: tuple[tuple[int, int, int], ...] = ()
    if path.suffix.lower() in MARKDOWN_SUFFIXES:
        from figcheck.load.markdown import markdown_text

        text, anchors = markdown_text(text, body_line)
    return article_of(meta, text, path, collection, body_line, path.stem, anchors=anchors)


def article_of(
    meta: Mapping[str, Any],
    text: str,
    path: Path,
    collection: str,
    body_line: int,
    default_id: str,
    row: int | None = None,
    anchors: tuple[tuple[int, int, int], ...] = (),
) -> Article:
    """The article of checked metadata (`checked_metadata`) and a body; the language is detected when the
    metadata does not give it."""
    declared = meta.get("language")
    return Article(
        doc_id=str(meta.get("id") or default_id),
        path=path,
        collection=collection,
        text=text,
        language=detect_language(text) if declared is None else str(declared),
        body_line=body_line,
        title=_optional_str(meta.get("title")),
        url=_optional_str(meta.get("url")),
        outlet=_optional_str(meta.get("outlet")),
        published=meta.get("published"),
        language_detected=declared is None,
        metadata={k: v for k, v in meta.items() if k not in KNOWN_KEYS},
        row=row,
        anchors=anchors,
    )


def _split_front_matter(
    path: Path, content: str, problems: list[InputProblem]
) -> tuple[dict[str, Any] | None, str, int]:
    lines = content.split("\n")
    if not lines or lines[0].strip() != FRONT_MATTER_FENCE:
        return {}, content, 1
    try:
        closing = next(i for i in range(1, len(lines)) if lines[i].strip() == FRONT_MATTER_FENCE)
    except StopIteration:
        problems.append(
            InputProblem(
                path,
                1,
                "front matter: opening '---' is never closed; add a line '---' after it",
                None,
                lines[0],
            )
        )
        return None, "", 1
    try:
        header = yaml.load("\n".join(lines[1:closing]), Loader=DatesAsTextLoader) or {}
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 2
        reason = getattr(error, "problem", None) or "not valid YAML"
        problems.append(
            InputProblem(
                path,
                line,
                f"front matter: {reason}; write it as YAML 'key: value' lines",
                None,
                lines[line - 1] if line - 1 < len(lines) else None,
            )
        )
        return None, "", 1
    if not isinstance(header, dict):
        problems.append(InputProblem(path, 2, "front matter: expected 'key: value' lines", None, lines[1]))
        return None, "", 1
    body = "\n".join(lines[closing + 1 :])
    return header, body, closing + 2


def _front_matter_problem(path: Path, lines: list[str]) -> ProblemAt:
    def problem(key: str, message: str) -> InputProblem:
        line = _key_lines(lines).get(key)  # read again only for a front matter with a problem
        shown = lines[line - 1] if line else None
        return InputProblem(path, line, f"front matter: {key} is {message}", None, shown)

    return problem


def _key_lines(lines: list[str]) -> dict[str, int]:
    """The line of each key of the front matter `lines` (its fences included), however it is written:
    `published: …`, `"published": …`, `{published: …}`."""
    node = yaml.compose("\n".join(lines[1:-1]), Loader=StrictLoader)
    if not isinstance(node, yaml.MappingNode):
        return {}
    return {
        str(key.value): key.start_mark.line + 2 for key, _ in node.value if isinstance(key, yaml.ScalarNode)
    }


def checked_metadata(
    header: Mapping[Any, Any], problem_at: ProblemAt, problems: list[InputProblem]
) -> dict[str, Any] | None:
    """`header` with `published` read as a date; None when a value is wrong, each wrong value added to
    `problems` as `problem_at` locates it."""
    before = len(problems)
    meta = {str(k): v for k, v in header.items()}
    published = meta.get("published")
    if isinstance(published, dt.datetime):
        published = meta["published"] = published.date()
    if published is not None and not isinstance(published, dt.date):
        try:
            meta["published"] = dt.date.fromisoformat(str(published))
        except ValueError:
            problems.append(problem_at("published", f"'{shortened(published)}', not a date (YYYY-MM-DD)"))
    if (
        isinstance(meta.get("published"), dt.date)
        and not FIRST_DATE.year < meta["published"].year < LAST_DATE.year
    ):
        years = f"{FIRST_DATE.year + 1}-{LAST_DATE.year - 1}"
        problems.append(
            problem_at(
                "published", f"'{shortened(published)}', outside the years figcheck can date ({years})"
            )
        )
    for key, value in meta.items():
        if isinstance(value, float) and not math.isfinite(value):  # `.nan`, `.inf`: no JSON can hold them
            problems.append(
                problem_at(key, f"{value}, not a number a table can hold; quote it to keep it as text")
            )
        wrong = no_character(value)
        if wrong is not None:
            problems.append(problem_at(key, wrong))
    language = meta.get("language")
    if language is not None and str(language) not in SUPPORTED_LANGUAGES:
        problems.append(
            problem_at(
                "language",
                f"'{shortened(language)}', not a language code figcheck reads; "
                f"use one of {', '.join(SUPPORTED_LANGUAGES)} or leave it out to detect it",
            )
        )
    return meta if len(problems) == before else None


def _optional_str(value: Any) -> str | None:
    return None if value is None else str(value)
