"""A saved web page -> its article: the main text and the page's metadata, read by trafilatura.

trafilatura finds the article's main part and reads the page's metadata (its `<meta>` tags, Open Graph
and JSON-LD); navigation, comments, related-article lists and other boilerplate are left out, and each
paragraph of the article is a line of the body. The headline is the article's title, not a line of its
body. Offsets of a page count characters of that extracted text.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import lxml.html
import trafilatura

from figcheck.errors import InputProblem
from figcheck.load.articles import Article, ProblemAt, article_of, checked_metadata

# Dates from the page's markup only: a date guessed from its text could be any date the article cites.
_DATES = {"extensive_search": False, "original_date": True}


def read_page(path: Path, content: str, collection: str, problems: list[InputProblem]) -> Article | None:
    """The article of the web page `content` (read from `path`); None, with the problems added, when the
    page holds no article text or says something figcheck cannot use."""
    if not content.strip():
        problems.append(InputProblem(path, None, "the page is empty; save the article's page again"))
        return None
    found = trafilatura.bare_extraction(
        content,
        with_metadata=True,
        include_comments=False,
        favor_precision=True,
        # without the fallback extractors: on a page with no article they return its menus as text
        fast=True,
        deduplicate=False,
        date_extraction_params=_DATES,
    )
    text = "" if found is None or isinstance(found, dict) else (found.text or "").strip()
    if found is None or isinstance(found, dict) or not text:
        problems.append(
            InputProblem(path, None, "no article text found in the page; save the page of the article itself")
        )
        return None
    title = found.title
    lines = text.split("\n")
    if title and lines[0].strip() == title.strip():
        text = "\n".join(lines[1:]).strip()
    header: dict[str, Any] = {
        "title": title,
        "url": found.url,
        "outlet": found.sitename,
        "published": found.date,
        "language": _page_language(content),
        "author": found.author,
    }
    meta = checked_metadata({k: v for k, v in header.items() if v}, _page_problem(path), problems)
    if meta is None:
        return None
    return article_of(meta, text, path, collection, 1, path.stem)


def _page_language(content: str) -> str | None:
    """The language code of the page's `<html lang>` attribute (`en-GB` -> `en`), when it has one."""
    try:
        declared = lxml.html.document_fromstring(content.encode("utf-8")).get("lang")
    except (ValueError, lxml.etree.ParserError):
        return None
    return declared.split("-")[0].strip().lower() or None if declared else None


def _page_problem(path: Path) -> ProblemAt:
    def problem(key: str, message: str) -> InputProblem:
        return InputProblem(path, None, f"the page's {key} is {message}")

    return problem
