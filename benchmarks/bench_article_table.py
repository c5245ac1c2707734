"""Whole `figcheck run` over a Parquet article table of generated articles, against the same articles as
files.

    .venv/bin/python benchmarks/bench_article_table.py [--articles 20000] [--engine duckdb] [--jobs 0]
                                                       [--data /tmp/figcheck-article-table]

The articles come from `figcheck.synthetic` (seed 1): once as a collection of text files with front
matter, once as one `articles.parquet` (columns id, language, published, outlet, text; row groups of
10,000 rows) read in batches. Each runs `figcheck run --format json` in a fresh process; the table prints
the wall time, the CPU time, the peak resident memory of the whole process tree (sampled every 0.2 s
from /proc), articles per second, the findings and a digest of them (code, article, message,
fingerprint). Different digests are printed and make the exit status 1.
"""

from __future__ import annotations

import argparse
import os
import random
import tempfile
import time
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
from bench_collection import print_row, run_once

from figcheck.synthetic import article_text, write_collection

ROW_GROUP = 10_000


def article_row(generated: str) -> dict[str, Any]:
    """A generated article (front matter and body) as a table row."""
    _, header, body = generated.split("---\n", 2)
    row: dict[str, Any] = dict(line.split(": ", 1) for line in header.strip().splitlines())
    row["text"] = body.removesuffix("\n")
    return row


def write_table(path: Path, articles: int, seed: int = 1) -> Path:
    """The articles `write_collection(..., seed)` writes, as the rows of one Parquet table."""
    rng = random.Random(seed)
    path.parent.mkdir(parents=True, exist_ok=True)
    schema = pa.schema([(name, pa.string()) for name in ("id", "language", "published", "outlet", "text")])
    with pq.ParquetWriter(path, schema) as writer:
        for start in range(0, articles, ROW_GROUP):
            rows = [
                article_row(article_text(n, rng)[1]) for n in range(start, min(articles, start + ROW_GROUP))
            ]
            writer.write_table(pa.Table.from_pylist(rows, schema=schema))
    return path


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", type=int, default=20_000)
    parser.add_argument("--engine", default="duckdb")
    parser.add_argument("--jobs", type=int, default=0, help="extraction processes (0: one per core)")
    parser.add_argument("--data", type=Path, default=Path(tempfile.gettempdir()) / "figcheck-article-table")
    args = parser.parse_args()

    data = args.data / str(args.articles)
    files, table = data / "files", data / "table"
    if not (data / "done").is_file():
        started = time.perf_counter()
        write_collection(files, args.articles, seed=1)
        write_table(table / "articles.parquet", args.articles, seed=1)
        (data / "done").write_text(f"{args.articles}\n", encoding="utf-8")
        print(
            f"<!-- wrote {args.articles:,} articles twice in {time.perf_counter() - started:.0f} s to {data} -->"
        )
    size = (table / "articles.parquet").stat().st_size
    print(
        f"{args.articles:,} generated articles ({size / 2**20:.1f} MiB of Parquet), --engine {args.engine}, "
        f"--jobs {args.jobs}, {os.cpu_count()} cores\n"
    )
    print(
        "| articles as | seconds | CPU seconds | peak RSS GiB (process tree) | articles/s | findings | digest |"
    )
    print("|---|---:|---:|---:|---:|---:|---|")
    digests = set()
    for name, collection in (("Parquet table", table), ("text files", files)):
        result = run_once(collection, args.engine, args.jobs, None)
        digests.add(result["digest"])
        print_row(name, result, args.articles)
    if len(digests) > 1:
        print("\nthe table's findings differ from the files' findings")
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
