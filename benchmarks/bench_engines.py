"""Every table rule on pandas, Polars and DuckDB over generated Parquet tables of 1M to 50M figures.

    .venv/bin/python benchmarks/bench_engines.py [--figures 1000000 10000000] [--engines pandas polars duckdb]
                                                 [--threads 1] [--data /tmp/figcheck-bench] [--validate first]

For each size the script writes `documents/`, `figures/` and `mentions/` as Parquet parts (10 figures
and 3 mentions per article) once, then, for each engine, starts a fresh process that opens them with
`figcheck.engines.tables_from_parquet`, runs every rule of kind `table` through `run_rules`, and prints
the wall and CPU time, the peak resident memory of that process (`VmHWM`) and figures per second. Findings are
compared across engines by a digest of (code, doc_id, message, evidence, fingerprint): a mismatch is
printed and makes the exit status 1.

The rows are valid against the pandera models (`--validate first` checks the first chunk of each table,
`all` every chunk, `none` skips it). A claim (claimant, unit, period, status) has one value and one
qualifier wherever it is echoed, so joins do their full work but find little; about one article in
100,000 gets one planted problem per rule, so every rule has hits to collect and cite.

`--threads 1` pins the run to one core: the process's CPU affinity, `POLARS_MAX_THREADS` and DuckDB's
`threads` setting.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd
from proc_tree import tree_cpu_seconds, tree_peak_kib, tree_rss_bytes

ROOT = Path(__file__).resolve().parents[1]
CHUNK_ARTICLES = 100_000
ROW_GROUP = 65_536  # small row groups let a lookup by id skip the rest of the file (min/max statistics)
FIGURES_PER_ARTICLE = 10
PLANT_EVERY = 100_003  # an article whose number modulo this is a rule's residue gets that rule's problem
UNITS = [
    "munitions",
    "shells",
    "weapons",
    "military_equipment",
    "drones",
    "tanks",
    "vehicles",
    "soldiers",
    "victims",
    "casualties",
    "missiles",
    "aircraft",
    "USD",
    "RUB",
    "UAH",
    "people",
    "EUR",
    "t",
    "km",
    "passenger",
    "MW",
    "barrel",
    "percent",
]
STATUSES = ["actual", "planned", "estimate", "unspecified"]
QUALIFIERS = ["exact", "approx", "over", "at_least", "under", "at_most"]
AGENCIES = ["TASS", "Reuters", "AFP", "RIA Novosti", "Interfax", "AP", "Ukrinform", "dpa", "ANSA", "EFE"]
PLANTED_AGENCY = len(AGENCIES)  # cited only by planted attribution problems, so its claims have no echoes
OUTLETS = [f"Outlet {i}" for i in range(20)]
PERSONS = 20_000
ORGANIZATIONS = 2_000
YEARS = np.arange(2015, 2027)
# scope of each figure: 0 whole year, 1 quarter, 2 month, 3 no period
SCOPE_WEIGHTS = [0.5, 0.2, 0.2, 0.1]
PLANTS = {
    "qualifier": 10,
    "unit": 20,
    "scope": 30,
    "arithmetic": 40,
    "figure": 50,
    "attribution": 60,
    "variant": 70,
    "title": 80,
    "style": 90,
}


def _mix(*codes: np.ndarray) -> np.ndarray:
    """A 64-bit hash of integer columns (splitmix64 steps), the same wherever a claim is echoed."""
    h = np.full(np.broadcast(*codes).shape, 0x9E3779B97F4A7C15, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for code in codes:
            h ^= np.asarray(code, dtype=np.uint64) + np.uint64(0x9E3779B97F4A7C15) + (h << np.uint64(6))
            h = (h ^ (h >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
            h = (h ^ (h >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
            h ^= h >> np.uint64(31)
    return h


def _ids(prefix: np.ndarray, sep: str, numbers: np.ndarray) -> pd.Series:
    return pd.Series(prefix, dtype="str") + sep + pd.Series(numbers, dtype="str")


def generate_chunk(first: int, articles: int, seed: int) -> dict[str, pd.DataFrame]:
    """Articles `first` .. `first + articles - 1`, as pandas frames shaped like the pandera models."""
    rng = np.random.default_rng([seed, first])
    n, f = articles, FIGURES_PER_ARTICLE
    number = np.arange(first, first + n)
    doc_ids = np.char.add("d", np.char.zfill(number.astype(str), 9))
    year = YEARS[_mix(number, 1) % len(YEARS)].astype(np.int64)
    published = pd.to_datetime(pd.DataFrame({"year": year + 1, "month": 1, "day": 15}))
    person = (_mix(number, 2) % PERSONS).astype(np.int64)
    organization = (_mix(number, 3) % ORGANIZATIONS).astype(np.int64)
    language = np.where(_mix(number, 4) % 10 == 0, "en", "fr")
    residue = number % PLANT_EVERY

    # Figures, as (articles, figures) arrays of codes first; values follow from the codes.
    unit = ((_mix(number, 5) % len(UNITS)).astype(np.int64)[:, None] + np.arange(f)[None, :]) % len(
        UNITS
    )  # distinct in an article
    scope = rng.choice(4, size=(n, f), p=SCOPE_WEIGHTS)
    part = rng.integers(1, 13, size=(n, f))  # month, or quarter = (part - 1) // 3 + 1
    status = rng.integers(0, len(STATUSES), size=(n, f))
    who = rng.choice(3, size=(n, f), p=[0.4, 0.3, 0.3])  # 0 the article's person, 1 an agency, 2 nobody
    agency = rng.integers(0, len(AGENCIES), size=(n, f))
    year2 = np.repeat(year[:, None], f, axis=1)
    rest_of_year = np.zeros((n, f), dtype=bool)

    # Planted problems, one kind per residue. Planted figures are unattributed, or credited to a claimant
    # nobody else quotes, so that echoes of a claim elsewhere in the archive do not multiply the hits.
    for kind in ("qualifier", "unit", "scope", "arithmetic"):
        who[residue == PLANTS[kind], :4] = 2
    p = residue == PLANTS["qualifier"]  # the same figure as a bound and as approximate
    for a in (scope, part, status, who, agency):
        a[p, 1] = a[p, 0]
    unit[p, 1] = unit[p, 0]
    p = residue == PLANTS["scope"]  # a whole-year figure given again for the rest of the year
    scope[p, 0], scope[p, 1], status[p, 1], who[p, 1], agency[p, 1] = (
        0,
        0,
        status[p, 0],
        who[p, 0],
        agency[p, 0],
    )
    unit[p, 1] = unit[p, 0]
    rest_of_year[p, 1] = True
    p = residue == PLANTS["arithmetic"]  # two quarters above their year
    scope[p, 0:3], part[p, 1], part[p, 2] = np.array([0, 1, 1]), 1, 4
    unit[p, 1] = unit[p, 2] = unit[p, 0]
    p = residue == PLANTS["attribution"]  # one figure credited to two agencies
    scope[p, 1], part[p, 1], status[p, 1], who[p, 0], who[p, 1] = scope[p, 0], part[p, 0], status[p, 0], 1, 1
    unit[p, 1] = unit[p, 0]
    agency[p, 0], agency[p, 1] = 0, PLANTED_AGENCY
    p = residue == PLANTS["figure"]  # the next article echoes this one's agency claim with another value
    echo = np.flatnonzero(p)
    echo = echo[echo + 1 < n]
    who[echo, 0] = who[echo + 1, 0] = 0
    person[echo + 1] = person[echo]
    scope[echo + 1, 0], part[echo + 1, 0] = scope[echo, 0], part[echo, 0]
    status[echo + 1, 0], year2[echo + 1, 0] = status[echo, 0], year2[echo, 0]
    unit[echo + 1, :] = unit[echo, :]

    quarter = (part - 1) // 3 + 1
    month = np.where(scope == 1, (quarter - 1) * 3 + 1, np.where(scope == 2, part, 1))
    end_month = np.where(scope == 1, quarter * 3, np.where(scope == 2, part, 12))
    start_month = np.where(rest_of_year, 2, month)
    period_start = pd.to_datetime(
        pd.DataFrame({"year": year2.ravel(), "month": start_month.ravel(), "day": 1})
    )
    period_end = pd.to_datetime(
        pd.DataFrame({"year": year2.ravel(), "month": end_month.ravel(), "day": 1})
    ) + pd.offsets.MonthEnd(0)
    no_period = (scope == 3).ravel()
    period_start[no_period] = pd.NaT
    period_end[no_period] = pd.NaT
    period_code = np.where(scope == 3, 0, year2 * 10_000 + start_month * 100 + end_month)

    claimant = np.where(who == 0, person[:, None] + 1_000, np.where(who == 1, agency, -1))
    claim = _mix(claimant + 10, unit, period_code, status)
    alone = _mix(number[:, None] * f + np.arange(f)[None, :], 6)
    key = np.where(who == 2, alone, claim)
    value = (1_000 + key % 1_000_000_000).astype(np.float64)
    qualifier = (key >> np.uint64(20)) % len(QUALIFIERS)

    p = residue == PLANTS["qualifier"]
    value[p, 1] = value[p, 0]
    qualifier[p, 0], qualifier[p, 1] = QUALIFIERS.index("over"), QUALIFIERS.index("approx")
    p = residue == PLANTS["unit"]  # one number, one qualifier, one period, two units
    for a in (value, qualifier):
        a[p, 1] = a[p, 0]
    scope[p, 1] = scope[p, 0]  # (period columns were fixed above; only the scope label follows)
    p = residue == PLANTS["scope"]
    value[p, 1], qualifier[p, 1] = value[p, 0], qualifier[p, 0]
    p = residue == PLANTS["arithmetic"]
    value[p, 0], value[p, 1], value[p, 2] = 1_000.0, 800.0, 900.0
    qualifier[p, 0:3] = QUALIFIERS.index("exact")
    p = residue == PLANTS["attribution"]
    value[p, 1], qualifier[p, 1] = value[p, 0], qualifier[p, 0]
    value[echo + 1, 0] = value[echo, 0] * 3
    qualifier[echo, 0] = qualifier[echo + 1, 0] = QUALIFIERS.index("exact")
    unit_ok = (residue == PLANTS["unit"])[:, None] & (np.arange(f) == 1)[None, :]
    if unit_ok.any():  # a unit-drift pair needs the same period dates too
        rows = np.flatnonzero(unit_ok.ravel())
        period_start.iloc[rows] = period_start.iloc[rows - 1].to_numpy()
        period_end.iloc[rows] = period_end.iloc[rows - 1].to_numpy()

    v = value.ravel()
    q = np.asarray(QUALIFIERS)[qualifier.ravel()]
    lower = np.select(
        [q == "exact", q == "approx", (q == "over") | (q == "at_least")], [v, v * 0.9, v], np.nan
    )
    upper = np.select(
        [q == "exact", q == "approx", (q == "under") | (q == "at_most")], [v, v * 1.1, v], np.nan
    )
    lower_inclusive = pd.array(np.where(q == "over", False, True), dtype="boolean")
    upper_inclusive = pd.array(np.where(q == "under", False, True), dtype="boolean")
    lower_inclusive[np.isnan(lower)] = pd.NA
    upper_inclusive[np.isnan(upper)] = pd.NA
    scope_name = np.select(
        [rest_of_year.ravel(), scope.ravel() == 0, scope.ravel() == 1, scope.ravel() == 2],
        ["rest_of_year", "whole_year", "quarter", "month"],
        "unspecified",
    )
    fig_doc = np.repeat(doc_ids, f)
    j = np.tile(np.arange(f), n)
    w = who.ravel()
    speaker_id = _ids(fig_doc, "@", np.zeros(n * f, dtype=np.int64)).where(w == 0)
    start = 200 * j + 40
    figures = pd.DataFrame(
        {
            "figure_id": _ids(fig_doc, "#", j + 1),
            "doc_id": pd.Series(fig_doc, dtype="str"),
            "sentence": j,
            "start": start,
            "end": start + 14,
            "text": pd.Series(q, dtype="str") + " " + pd.Series(v.astype(np.int64), dtype="str"),
            "value": v,
            "lower": lower,
            "upper": upper,
            "lower_inclusive": lower_inclusive,
            "upper_inclusive": upper_inclusive,
            "qualifier": pd.Series(q, dtype="str"),
            "unit": pd.Series(np.asarray(UNITS)[unit.ravel()], dtype="str"),
            "unit_text": pd.Series(np.asarray(UNITS)[unit.ravel()], dtype="str"),
            "period_text": pd.Series(
                np.where(no_period, None, "en " + year2.ravel().astype(str)), dtype="str"
            ),
            "period_text_start": pd.array(np.where(no_period, None, start + 20), dtype="Int64"),
            "period_text_end": pd.array(np.where(no_period, None, start + 27), dtype="Int64"),
            "period_start": period_start.to_numpy(),
            "period_end": period_end.to_numpy(),
            "period_scope": pd.Series(scope_name, dtype="str"),
            "period_anchor": pd.Series(np.where(no_period, None, "explicit"), dtype="str"),
            "status": pd.Series(np.asarray(STATUSES)[status.ravel()], dtype="str"),
            "speaker_id": speaker_id.astype("str"),
            "speaker_text": pd.Series(np.where(w == 0, "le ministre", None), dtype="str"),
            "source": pd.Series(
                np.where(w == 1, np.asarray([*AGENCIES, "Kyiv Post"])[agency.ravel()], None), dtype="str"
            ),
            "statement_date": np.repeat(published.to_numpy(), f),
            "origin": "extracted",
        }
    )

    # Mentions: the article's person (full name, then surname), and one organization.
    person_name = "Personne " + pd.Series(person, dtype="str")
    full, again = person_name.copy(), "M. " + pd.Series(person, dtype="str")
    title_a = pd.Series(["ministre de la Défense"] * n, dtype="str")
    title_b = title_a.copy()
    refers = pd.Series(doc_ids, dtype="str") + "@0"
    entity = "person:" + pd.Series(person, dtype="str")
    p = residue == PLANTS["variant"]
    full[p], again[p], entity[p] = "Andreï Beloussov", "Andrey Belousov", "person:belusov:andrej"
    refers[p] = None
    p = residue == PLANTS["title"]
    full[p], title_a[p], title_b[p] = (
        "Sergueï Choïgou",
        "secrétaire du Conseil de sécurité russe",
        "chef du Conseil de sécurité russe",
    )
    entity[p] = "person:shojgu:sergej"
    p = residue == PLANTS["style"]
    style = np.flatnonzero(p)
    style = style[style + 1 < n]
    full[style], full[style + 1] = "Sergueï Lavrov", "Sergei Lavrov"
    entity[style] = entity[style + 1] = "person:lavrov:sergej"
    language[style + 1] = language[style]
    names = np.where(refers.isna(), again, full)
    mentions = pd.DataFrame(
        {
            "mention_id": _ids(np.repeat(doc_ids, 3), "@", np.tile(np.arange(3), n)),
            "doc_id": pd.Series(np.repeat(doc_ids, 3), dtype="str"),
            "start": np.tile(np.array([0, 500, 900]), n),
            "end": np.tile(np.array([18, 512, 920]), n),
            "text": pd.Series(
                np.column_stack(
                    [full, again, "Organisation " + pd.Series(organization, dtype="str")]
                ).ravel(),
                dtype="str",
            ),
            "type": pd.Series(np.tile(["person", "person", "organization"], n), dtype="str"),
            "title": pd.Series(np.column_stack([title_a, title_b, np.full(n, None)]).ravel(), dtype="str"),
            "name": pd.Series(
                np.column_stack(
                    [full, names, "Organisation " + pd.Series(organization, dtype="str")]
                ).ravel(),
                dtype="str",
            ),
            "refers_to": pd.Series(
                np.column_stack([np.full(n, None), refers, np.full(n, None)]).ravel(), dtype="str"
            ),
            "convention": pd.Series(np.tile(["french", "french", None], n), dtype="str"),
            "entity_id": pd.Series(
                np.column_stack([entity, entity, "org:" + pd.Series(organization, dtype="str")]).ravel(),
                dtype="str",
            ),
            "canonical": pd.Series([None] * (3 * n), dtype="str"),
        }
    )
    documents = pd.DataFrame(
        {
            "doc_id": pd.Series(doc_ids, dtype="str"),
            "collection": "bench",
            "path": "bench/articles/" + pd.Series(doc_ids, dtype="str") + ".txt",
            "body_line": 6,
            "title": pd.Series([None] * n, dtype="str"),
            "url": pd.Series([None] * n, dtype="str"),
            "outlet": pd.Series(np.asarray(OUTLETS)[_mix(number, 7) % len(OUTLETS)], dtype="str"),
            "published": published.to_numpy(),
            "language": pd.Series(language, dtype="str"),
            "length": 2_000,
            "figure_tokens": f,
            "other_tokens": 4,
            "unparsed_tokens": 0,
            "metadata": "{}",
        }
    )
    return {"documents": documents, "figures": figures, "mentions": mentions}


# one folder of Parquet parts per table, as `figcheck run` writes them between stages
LAYOUT = "parts-us"


def write_dataset(folder: Path, figures: int, seed: int, validate: str) -> None:
    """Parquet files for `figures` rows, written chunk by chunk so memory stays flat."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from figcheck.tables.schemas import Documents, Figures, Mentions

    models = {"documents": Documents, "figures": Figures, "mentions": Mentions}
    folder.mkdir(parents=True, exist_ok=True)
    writers: dict[str, pq.ParquetWriter] = {}
    articles = figures // FIGURES_PER_ARTICLE
    try:
        for index, first in enumerate(range(0, articles, CHUNK_ARTICLES)):
            chunk = generate_chunk(first, min(CHUNK_ARTICLES, articles - first), seed)
            for name, frame in chunk.items():
                if validate == "all" or (validate == "first" and index == 0):
                    frame = models[name].validate(frame, lazy=True)
                table = pa.Table.from_pandas(frame, preserve_index=False)
                if name not in writers:
                    (folder / name).mkdir(exist_ok=True)
                    writers[name] = pq.ParquetWriter(
                        folder / name / "part-00000.parquet",
                        table.schema,
                        coerce_timestamps="us",  # as figcheck writes them: Spark refuses nanoseconds
                        allow_truncated_timestamps=True,
                    )
                table = table.cast(writers[name].schema)
                writers[name].write_table(table, row_group_size=ROW_GROUP)
    finally:
        for writer in writers.values():
            writer.close()
    (folder / "done").write_text(f"{figures} {seed} {LAYOUT}\n", encoding="utf-8")


def _watch_memory(limit_gib: float) -> None:
    """Stop this process when its resident memory passes `limit_gib`, before the machine runs out."""
    import threading

    def watch() -> None:
        while True:
            if tree_rss_bytes(os.getpid()) > limit_gib * 2**30:
                sys.stderr.write(f"stopped: resident memory passed {limit_gib} GiB\n")
                os._exit(3)
            time.sleep(0.2)

    threading.Thread(target=watch, daemon=True).start()


def run_engine(folder: Path, engine: str, threads: int | None) -> dict[str, object]:
    """One engine in this process: every table rule over the Parquet tables."""
    from figcheck.engines import EngineOptions, tables_from_parquet
    from figcheck.rules.discover import builtin_rules
    from figcheck.rules.runner import run_rules
    from figcheck.rules.suite import Suite

    rules = [r for r in builtin_rules() if r.kind == "table"]
    suite = Suite(name="bench", path=None)
    started = time.perf_counter()
    master = f"local[{threads or '*'}]" if engine == "spark" else None
    tables = tables_from_parquet(
        engine, folder, texts={}, options=EngineOptions(threads=threads, master=master)
    )
    opened = time.perf_counter() - started
    per_rule, keys = {}, []
    for rule in rules:
        t = time.perf_counter()
        found = run_rules([rule], tables, [], suite)
        per_rule[rule.slug] = (round(time.perf_counter() - t, 2), len(found))
        keys += [(f.code, f.doc_id, f.message, [str(e) for e in f.evidence], f.fingerprint) for f in found]
    seconds = time.perf_counter() - started
    # Spark's JVM and Python workers are children of this process: count them too
    return {
        "engine": engine,
        "seconds": round(seconds, 2),
        "cpu_seconds": round(tree_cpu_seconds(os.getpid()), 2),
        "open_seconds": round(opened, 2),
        "peak_rss_gib": round(tree_peak_kib(os.getpid()) / 2**20, 2),
        "rules": per_rule,
        "findings": len(keys),
        "digest": hashlib.sha256(json.dumps(keys, ensure_ascii=False).encode()).hexdigest()[:16],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--figures", type=int, nargs="+", default=[1_000_000, 10_000_000])
    parser.add_argument("--engines", nargs="+", default=["pandas", "polars", "duckdb"])
    parser.add_argument("--threads", type=int, default=1, help="cores per engine (0: all)")
    parser.add_argument("--data", type=Path, default=Path("/tmp/figcheck-bench"))
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--validate", choices=["first", "all", "none"], default="first")
    parser.add_argument("--timeout", type=int, default=900, help="seconds allowed to one engine run")
    parser.add_argument("--max-rss", type=float, default=12.0, help="GiB allowed to one engine run")
    parser.add_argument("--child", nargs=2, metavar=("FOLDER", "ENGINE"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    threads = args.threads or None
    if args.child:
        _watch_memory(args.max_rss)
        print(json.dumps(run_engine(Path(args.child[0]), args.child[1], threads)))
        return 0

    env = dict(os.environ)
    if threads:
        env["POLARS_MAX_THREADS"] = str(threads)
    digests: dict[int, set[str]] = {}
    print("| figures | engine | seconds | CPU seconds | peak RSS GiB | figures/s | findings | slowest rule |")
    print("|---:|---|---:|---:|---:|---:|---:|---|")
    for size in args.figures:
        folder = args.data / f"{size}"
        if not (folder / "done").is_file() or (folder / "done").read_text().split() != [
            str(size),
            str(args.seed),
            LAYOUT,
        ]:
            t = time.perf_counter()
            write_dataset(folder, size, args.seed, args.validate)
            print(
                f"<!-- wrote {size:,} figures in {time.perf_counter() - t:.1f} s to {folder} -->", flush=True
            )
        for engine in args.engines:
            command = [
                sys.executable,
                __file__,
                "--child",
                str(folder),
                engine,
                "--threads",
                str(args.threads),
                "--max-rss",
                str(args.max_rss),
            ]
            if threads:
                command = ["taskset", "-c", ",".join(str(c) for c in range(threads)), *command]
            try:
                done = subprocess.run(
                    command, capture_output=True, text=True, env=env, timeout=args.timeout, check=False
                )
            except subprocess.TimeoutExpired:
                print(f"| {size:,} | {engine} | > {args.timeout} (stopped) | | | | | |", flush=True)
                continue
            if done.returncode != 0:
                tail = (done.stderr.strip().splitlines() or [f"exit status {done.returncode}"])[-1]
                if done.returncode == -9:
                    tail = "killed (SIGKILL: out of memory?)"
                print(f"| {size:,} | {engine} | failed: {tail} | | | | | |", flush=True)
                continue
            result = json.loads(done.stdout.strip().splitlines()[-1])
            digests.setdefault(size, set()).add(str(result["digest"]))
            rules = result["rules"]
            assert isinstance(rules, dict)
            slowest = max(rules, key=lambda r: rules[r][0])
            print(
                f"| {size:,} | {engine} | {result['seconds']} | {result['cpu_seconds']} | "
                f"{result['peak_rss_gib']} | {size / float(result['seconds']):,.0f} | {result['findings']} | "
                f"{slowest} {rules[slowest][0]} s |",
                flush=True,
            )
            print(f"<!-- {engine} {size}: {json.dumps(rules)} digest {result['digest']} -->", flush=True)
    mismatched = [size for size, seen in digests.items() if len(seen) > 1]
    for size in mismatched:
        print(f"findings differ between engines at {size:,} figures", file=sys.stderr)
    return 1 if mismatched else 0


if __name__ == "__main__":
    raise SystemExit(main())
