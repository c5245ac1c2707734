"""Paths on the command line -> collections of articles and their curated figures.

A collection is a folder holding an `articles/` folder of article files (text, Markdown, web pages), an
article table (`articles.jsonl`, `articles.csv`, `articles.parquet`), or both. Each article is named by
an `ArticleSource` (a file, or a table and row) until it is read, so a run holds no more texts than the
batch it is reading.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from figcheck.errors import InputError, InputProblem
from figcheck.load.articles import MARKDOWN_SUFFIXES, PAGE_SUFFIXES, Article, read_article
from figcheck.load.curated import read_curated_figures
from figcheck.load.tables import TABLES, Columns, TableRow, read_rows, table_columns, table_rows

ARTICLE_SUFFIXES = (".txt", *MARKDOWN_SUFFIXES, *PAGE_SUFFIXES)


@dataclass(frozen=True)
class ArticleSource:
    """Where one article is read from: a file, or a row of an article table."""

    collection: Path
    path: Path
    row: TableRow | None = None
    columns: Columns = ()  # a table's column of each field

    def __str__(self) -> str:
        return str(self.path) if self.row is None else f"{self.path}:{self.row.line}"

    @property
    def line(self) -> int:
        return 1 if self.row is None else self.row.line


def read_sources(
    sources: Sequence[ArticleSource],
) -> Iterator[tuple[ArticleSource, Article | None, list[InputProblem]]]:
    """Each source's article (None when it cannot be read) and what is wrong with it, in order; the rows
    of one table are read together."""
    for (path, in_table), group in itertools.groupby(sources, key=lambda s: (s.path, s.row is not None)):
        run = list(group)
        if in_table:
            rows = [s.row for s in run if s.row is not None]
            read = read_rows(path, rows, run[0].columns, run[0].collection.name)
            for source, (article, problems) in zip(run, read, strict=True):
                yield source, article, problems
            continue
        for source in run:
            found: list[InputProblem] = []
            yield source, read_article(source.path, source.collection.name, found), found


def is_collection(path: Path) -> bool:
    return (path / "articles").is_dir() or any((path / table).is_file() for table in TABLES)


@dataclass(frozen=True)
class Corpus:
    """Everything read from disk for one run."""

    articles: tuple[Article, ...]
    curated_figures: tuple[dict[str, Any], ...]
    collections: tuple[Path, ...]


def find_collections(paths: Iterable[Path]) -> list[Path]:
    """A path is a collection when it holds `articles/` or an article table; otherwise its sub-folders
    that do are."""
    found: list[Path] = []
    for path in paths:
        if not path.exists():
            raise InputError(path, None, "no such file or folder")
        if is_collection(path):
            found.append(path)
            continue
        inner = sorted(p for p in path.iterdir() if is_collection(p)) if path.is_dir() else []
        if not inner:
            raise InputError(
                path,
                None,
                "not a collection: expected a folder holding articles/ or an article table "
                f"({', '.join(TABLES)}), or folders that do",
            )
        found.extend(inner)
    # a collection named twice (on the command line and in the suite, or as itself and its parent) is read once
    unique: dict[Path, Path] = {}
    for path in found:
        unique.setdefault(path.resolve(), path)
    return list(unique.values())


def article_sources(collection: Path, problems: list[InputProblem]) -> Iterator[ArticleSource]:
    """The articles of `collection`: its article files (`ARTICLE_SUFFIXES` in any case) in name order,
    then the rows of its article tables. A link that leads out of the collection is not followed, and a
    table that cannot be read is not: each is added to `problems`, so that a run reads only what the
    collection holds; so is a file named as an article that is no file to read (a link to nothing, a
    pipe) or whose name ends in a space."""
    for path in _files_under(collection / "articles", problems):
        if path.suffix.lower().rstrip() not in ARTICLE_SUFFIXES:
            continue
        wrong = _not_readable_as_an_article(path)
        if wrong is not None:
            problems.append(InputProblem(path, None, f"{wrong}; its article is not checked"))
        elif inside(collection, path, problems):
            yield ArticleSource(collection, path)
    tables = [collection / t for t in TABLES if (collection / t).is_file()]
    columns = table_columns(collection, problems) if tables else ()
    for table in tables:
        if inside(collection, table, problems):
            yield from (
                ArticleSource(collection, table, row, columns) for row in table_rows(table, columns, problems)
            )


def _not_readable_as_an_article(path: Path) -> str | None:
    """Why a file named as an article cannot be read as one, so that it is reported, not passed over."""
    if path.suffix != path.suffix.rstrip():
        return f"the name ends in a space after '{path.suffix.rstrip()}'; rename the file without it"
    if path.is_symlink() and not path.exists():
        return f"links to {os.readlink(path)}, which does not exist"
    if not path.is_file():
        return "is not a plain file (a folder, a pipe or a device)"
    return None


def _files_under(folder: Path, problems: list[InputProblem]) -> list[Path]:
    """The files under `folder`, in name order; a folder that cannot be listed is added to `problems`,
    not passed over."""
    if not folder.is_dir():
        return []
    found: list[Path] = []

    def unreadable(error: OSError) -> None:
        reason = error.strerror or str(error)
        problems.append(
            InputProblem(
                Path(error.filename), None, f"cannot be read ({reason}); its articles are not checked"
            )
        )

    for root, _folders, files in os.walk(folder, onerror=unreadable):
        found.extend(Path(root) / name for name in files)
    return sorted(found)


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


def claim_id(doc_id: str, source: ArticleSource, first: dict[str, ArticleSource]) -> InputProblem | None:
    """Record `source` as the article called `doc_id`; the problem when an earlier article has that id."""
    if doc_id in first:
        message = f"id '{doc_id}' is already used by {first[doc_id]}; give each article its own id"
        return InputProblem(source.path, source.line, message)
    first[doc_id] = source
    return None


def load_corpus(paths: Iterable[Path]) -> Corpus:
    """Read every article and curated table; raise one InputError listing every problem found."""
    collections = find_collections(paths)
    problems: list[InputProblem] = []
    articles: list[Article] = []
    curated: list[dict[str, Any]] = []
    first: dict[str, ArticleSource] = {}
    for collection in collections:
        in_collection = {}
        for source, article, found in read_sources(list(article_sources(collection, problems))):
            problems.extend(found)
            if article is None:
                continue
            duplicate = claim_id(article.doc_id, source, first)
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
