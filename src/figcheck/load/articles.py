"""Article files -> `Article` records: encoding, YAML front matter, language.

Offsets everywhere count characters of the body, the text after the front matter.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from figcheck.errors import InputError, InputProblem
from figcheck.load.files import DatesAsTextLoader, read_text
from figcheck.load.language import SUPPORTED_LANGUAGES, detect_language
from figcheck.vocabulary import FIRST_DATE, LAST_DATE

FRONT_MATTER_FENCE = "---"
KNOWN_KEYS = ("id", "title", "url", "outlet", "published", "language")


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


def read_article(path: Path, collection: str, problems: list[InputProblem]) -> Article | None:
    """Read one article file; append what is wrong with it to `problems` and return None then."""
    try:
        content = read_text(path)
    except InputError as error:
        problems.extend(error.problems)
        return None
    header, text, body_line = _split_front_matter(path, content, problems)
    if header is None:
        return None
    meta = _check_header(path, header, content.split("\n")[: body_line - 1], problems)
    if meta is None:
        return None
    declared = meta.get("language")
    detected = declared is None
    language = detect_language(text) if declared is None else str(declared)
    return Article(
        doc_id=str(meta.get("id") or path.stem),
        path=path,
        collection=collection,
        text=text,
        language=language,
        body_line=body_line,
        title=_optional_str(meta.get("title")),
        url=_optional_str(meta.get("url")),
        outlet=_optional_str(meta.get("outlet")),
        published=meta.get("published"),
        language_detected=detected,
        metadata={k: v for k, v in meta.items() if k not in KNOWN_KEYS},
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


def _check_header(
    path: Path, header: dict[str, Any], lines: list[str], problems: list[InputProblem]
) -> dict[str, Any] | None:
    def line_of(key: str) -> int | None:
        return next((i + 1 for i, text in enumerate(lines) if text.startswith(f"{key}:")), None)

    before = len(problems)
    meta = {str(k): v for k, v in header.items()}
    published = meta.get("published")
    if published is not None:
        reason = None
        try:
            meta["published"] = dt.date.fromisoformat(str(published))
        except ValueError:
            reason = "not a date (YYYY-MM-DD)"
        else:
            if not FIRST_DATE.year < meta["published"].year < LAST_DATE.year:
                reason = f"outside the years figcheck can date ({FIRST_DATE.year + 1}-{LAST_DATE.year - 1})"
        if reason is not None:
            line = line_of("published")
            problems.append(
                InputProblem(
                    path,
                    line,
                    f"front matter: published is '{published}', {reason}",
                    None,
                    lines[line - 1] if line else None,
                )
            )
    language = meta.get("language")
    if language is not None and str(language) not in SUPPORTED_LANGUAGES:
        line = line_of("language")
        problems.append(
            InputProblem(
                path,
                line,
                f"front matter: unknown language code '{language}'; "
                f"use one of {', '.join(SUPPORTED_LANGUAGES)} or leave it out to detect it",
                None,
                lines[line - 1] if line else None,
            )
        )
    return meta if len(problems) == before else None


def _optional_str(value: Any) -> str | None:
    return None if value is None else str(value)
