"""Whole-process wall time of `figcheck run` on the small collections: start-up, models, rules, reports.

    .venv/bin/python benchmarks/bench_seed.py [--runs 3] [COLLECTION...]

Each collection (default `datasets/seed` and `datasets/examples`) is checked with
`checks/default.yaml` in a fresh `figcheck` process, `--runs` times, writing JSON to a temporary folder;
the median, fastest and slowest wall times are printed with the number of findings of the last run.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FIGCHECK = Path(sys.executable).parent / "figcheck"
DEFAULT = [ROOT / "datasets" / "seed", ROOT / "datasets" / "examples"]


def time_run(collection: Path, out: Path) -> tuple[float, int]:
    command = [
        str(FIGCHECK),
        "run",
        str(collection),
        "--suite",
        str(ROOT / "checks" / "default.yaml"),
        "--format",
        "json",
        "--out",
        str(out),
        "--fail-on",
        "never",
        "--quiet",
    ]
    started = time.perf_counter()
    subprocess.run(command, check=True, cwd=ROOT, stdout=subprocess.DEVNULL)
    seconds = time.perf_counter() - started
    findings = len(json.loads((out / "findings.json").read_text(encoding="utf-8"))["findings"])
    return seconds, findings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("collections", nargs="*", type=Path, default=DEFAULT)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    print(f"{'collection':<20} {'median s':>9} {'min s':>7} {'max s':>7} {'findings':>9}")
    for collection in args.collections:
        times, findings = [], 0
        for _ in range(args.runs):
            with tempfile.TemporaryDirectory() as out:
                seconds, findings = time_run(collection, Path(out))
            times.append(seconds)
        print(
            f"{collection.name:<20} {statistics.median(times):>9.2f} {min(times):>7.2f} {max(times):>7.2f} "
            f"{findings:>9}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
