"""Paths on the command line -> collections of articles and their curated figures."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from figcheck.errors import InputError, InputProblem
from figcheck.load.articles import Article, read_article
from figcheck.load.curated import read_curated_figures

ARTICLE_SUFFIXES = (".txt", ".md")


@dataclass(frozen=True)
class Corpus:
    """Everything read from disk for one run."""

    articles: tuple[Article, ...]
    curated_figures: tuple[dict[str, Any], ...]
    collections: tuple[Path, ...]


def find_collections(paths: Iterable[Path]) -> list[Path]:
    """A path is a collection when it holds `articles/`; otherwise its sub-folders that do are."""
    found: list[Path] = []
    for path in paths:
        if not path.exists():
            raise InputError(path, None, "no such file or folder")
        if (path / "articles").is_dir():
            found.append(path)
            continue
        inner = sorted(p for p in path.iterdir() if (p / "articles").is_dir()) if path.is_dir() else []
        if not inner:
            raise InputError(
                path, None, "not a collection: expected a folder holding articles/ (or folders that do)"
            )
        found.extend(inner)
    return found


def article_files(collection: Path, problems: list[InputProblem] | None = None) -> Iterator[Path]:
    """The article files of `collection` (`.txt` and `.md` in any case), in name order. A link that leads
    out of the collection is not followed: it is added to `problems`, or raised without a list to add to,
    so that a run reads only what the collection holds."""
    collected: list[InputProblem] = [] if problems is None else problems
    for path in sorted((collection / "articles").rglob("*")):
        if path.suffix.lower() not in ARTICLE_SUFFIXES or not path.is_file():
            continue
        if inside(collection, path, collected):
            yield path
        elif problems is None:
            raise InputError.collected(collected)


def inside(collection: Path, path: Path, problems: list[InputProblem]) -> bool:
    """Whether `path`, links resolved, lies inside `collection`; a problem is added when it does not."""
    if path.resolve().is_relative_to(collection.resolve()):
        return True
    problems.append(
        InputProblem(
            path, None, f"links to {path.resolve()}, outside the collection {collection}; copy the file in"
        )
    )
    return False


def claim_id(doc_id: str, path: Path, first_path: dict[str, Path]) -> InputProblem | None:
    """Record `path` as the article called `doc_id`; the problem when an earlier file has that id."""
    if doc_id in first_path:
        message = f"id '{doc_id}' is already used by {first_path[doc_id]}; give each article its own id"
        return InputProblem(path, 1, message)
    first_path[doc_id] = path
    return None


def load_corpus(paths: Iterable[Path]) -> Corpus:
    """Read every article and curated table; raise one InputError listing every problem found."""
    collections = find_collections(paths)
    problems: list[InputProblem] = []
    articles: list[Article] = []
    curated: list[dict[str, Any]] = []
    first_path: dict[str, Path] = {}
    for collection in collections:
        in_collection = {}
        for path in article_files(collection, problems):
            article = read_article(path, collection.name, problems)
            if article is None:
                continue
            duplicate = claim_id(article.doc_id, path, first_path)
            if duplicate is not None:
                problems.append(duplicate)
                continue
            in_collection[article.doc_id] = article
            articles.append(article)
        table = collection / "figures.csv"
        if table.is_file() and inside(collection, table, problems):
            curated.extend(read_curated_figures(table, in_collection, problems))
    if problems:
        raise InputError.collected(problems)
    return Corpus(tuple(articles), tuple(curated), tuple(collections))
