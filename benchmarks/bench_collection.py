"""Whole `figcheck run` over a generated collection of 200,000 articles, per engine.

    .venv/bin/python benchmarks/bench_collection.py [--articles 200000] [--engines pandas polars duckdb]
                                                    [--jobs 0] [--data /tmp/figcheck-collection]
    .venv/bin/python benchmarks/bench_collection.py --engines spark [--master local[2]]

The collection is written once by `figcheck.synthetic.write_collection` (seed 1) and kept in `--data`.
Each engine then runs `figcheck run --format json` in a fresh process. The table prints the wall time,
the CPU time of the run and its worker processes, the peak resident memory of the run's whole process
tree (sampled every 0.2 s from /proc, so it includes extraction workers and Spark's JVM), articles per
second, the number of findings and a digest of them: a different digest on one engine is printed and
makes the exit status 1. pandas holds the collection in memory; the other engines run in batches.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

from proc_tree import tree_rss_bytes

from figcheck.synthetic import write_collection


def run_once(data: Path, engine: str, jobs: int, master: str | None) -> dict[str, object]:
    out = Path(tempfile.mkdtemp(prefix=f"figcheck-bench-{engine}-"))
    command = [
        sys.executable,
        "-m",
        "figcheck.cli",
        "run",
        str(data),
        "--engine",
        engine,
        "--jobs",
        str(jobs),
        "--format",
        "json",
        "--out",
        str(out),
        "--fail-on",
        "never",
        "--quiet",
    ]
    if master:
        command += ["--master", master]
    before = os.times()
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    peak = 0

    def watch() -> None:
        nonlocal peak
        while process.poll() is None:
            peak = max(peak, tree_rss_bytes(process.pid))
            time.sleep(0.2)

    watcher = threading.Thread(target=watch, daemon=True)
    watcher.start()
    stdout, stderr = process.communicate()
    seconds = time.perf_counter() - started
    watcher.join()
    after = os.times()
    if process.returncode != 0:
        raise SystemExit(f"{engine}: exit {process.returncode}\n{stderr[-2000:]}")
    findings = json.loads((out / "findings.json").read_text(encoding="utf-8"))["findings"]
    digest = hashlib.sha256(
        json.dumps([(f["code"], f["doc_id"], f["message"], f["fingerprint"]) for f in findings]).encode()
    ).hexdigest()[:16]
    cpu = (after.children_user + after.children_system) - (before.children_user + before.children_system)
    return {
        "seconds": seconds,
        "cpu": cpu,
        "peak": peak,
        "findings": len(findings),
        "digest": digest,
        "summary": stdout.strip().splitlines()[-1] if stdout.strip() else "",
    }


def print_row(name: str, result: dict[str, Any], articles: int) -> None:
    """One row of the benchmark's Markdown table."""
    print(
        f"| {name} | {result['seconds']:.1f} | {result['cpu']:.1f} | {result['peak'] / 2**30:.2f} | "
        f"{articles / result['seconds']:,.0f} | {result['findings']} | `{result['digest']}` |",
        flush=True,
    )


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", type=int, default=200_000)
    parser.add_argument("--engines", nargs="+", default=["pandas", "polars", "duckdb"])
    parser.add_argument("--jobs", type=int, default=0, help="extraction processes (0: one per core)")
    parser.add_argument("--master", help="Spark master URL (default: local[*])")
    parser.add_argument("--data", type=Path, default=Path(tempfile.gettempdir()) / "figcheck-collection")
    args = parser.parse_args()

    data = args.data / str(args.articles)
    marker = data / "done"
    if not marker.is_file():
        started = time.perf_counter()
        write_collection(data, args.articles, seed=1)
        marker.write_text(f"{args.articles}\n", encoding="utf-8")
        print(f"<!-- wrote {args.articles:,} articles in {time.perf_counter() - started:.0f} s to {data} -->")
    print(f"{args.articles:,} generated articles, --jobs {args.jobs}, {os.cpu_count()} cores\n")
    print("| engine | seconds | CPU seconds | peak RSS GiB (process tree) | articles/s | findings | digest |")
    print("|---|---:|---:|---:|---:|---:|---|")
    digests = set()
    for engine in args.engines:
        result = run_once(data, engine, args.jobs, args.master)
        digests.add(result["digest"])
        print_row(engine, result, args.articles)
    if len(digests) > 1:
        print("\nfindings differ between engines")
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
