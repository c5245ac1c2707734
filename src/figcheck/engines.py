"""Which dataframe engine the table rules run on: pandas (default), Polars, DuckDB or Spark.

This is the only module that imports an engine other than pandas. The validated pandas tables (or the
Parquet files written between stages) go in; `Tables` of narwhals LazyFrames backed by the chosen engine
come out, so every table rule runs unchanged on every engine. Engines are imported lazily, only when
chosen: Polars and DuckDB come with the `scale` extra, Spark with the `spark` extra.

Spark also runs extraction: `map_batches` sends batches of article files to the executors with
`mapInArrow`. The other engines extract in a process pool on one machine (`figcheck.pipeline.batched`).
"""

from __future__ import annotations

import importlib.util
import os
import pickle
import shutil
import sys
import threading
import uuid
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import narwhals as nw
import pandas as pd

from figcheck.rules.tables_view import Tables
from figcheck.tables.expectations import ExpectationOutcome, ExpectationSuiteSpec, validate_frame

TABLES = ("documents", "figures", "mentions")
ID_COLUMNS = {"documents": "doc_id", "figures": "figure_id", "mentions": "mention_id", "tokens": "doc_id"}
ROW_GROUP = 65_536
DEFAULT_ENGINE = "pandas"
DEFAULT_MASTER = "local[*]"  # what Spark uses when neither --master nor spark-submit names one
# String columns Polars reads as Categorical: words from small vocabularies, entity ids and the article
# id. A row then holds a 4-byte code instead of a string, which makes the hash tables of the rules'
# joins and group-bys (about one key per figure, as most rules compare figures within an article) a
# third smaller: at 50M figures the run peaks at 7.5 GiB instead of 11.8. Categoricals compare and sort
# as their strings, so the findings do not change. Not the ids of figures and mentions: with one
# category per row, the categories would only add a copy of the column.
POLARS_CATEGORICAL = {
    "documents": ("doc_id", "collection", "outlet", "language"),
    "figures": (
        "doc_id",
        "qualifier",
        "unit",
        "unit_text",
        "unit_kind",
        "period_text",
        "period_scope",
        "period_anchor",
        "status",
        "speaker_text",
        "source",
        "origin",
    ),
    "mentions": ("doc_id", "type", "title", "convention", "entity_id"),
}
EXTRAS = {"polars": "scale", "duckdb": "scale", "pyarrow": "scale", "pyspark": "spark"}


class EngineUnavailable(RuntimeError):
    """The chosen engine's package, or the runtime it needs, is not installed."""

    def __init__(self, engine: str, package: str, message: str | None = None) -> None:
        extra = EXTRAS.get(package, "scale")
        super().__init__(
            message
            or f"engine '{engine}' needs the '{package}' package; install it with pip install 'figcheck[{extra}]'"
        )
        self.engine = engine
        self.package = package


def _java_found() -> bool:
    """Whether PySpark can start its JVM: it runs $JAVA_HOME/bin/java, else `java` on the PATH."""
    home = os.environ.get("JAVA_HOME")
    return Path(home, "bin", "java").is_file() if home else shutil.which("java") is not None


@dataclass(frozen=True)
class EngineOptions:
    """`threads`: DuckDB's thread count (Polars reads `POLARS_MAX_THREADS` when first imported);
    `master`: the Spark master URL (`local[2]`, `spark://host:7077`, `yarn`, ...)."""

    threads: int | None = None
    master: str | None = None


Natives = dict[str, Any]
# (function, jobs, options, finished) -> one result per job, in any order; `finished(count)` is called
# with the number of jobs done while they run
BatchMap = Callable[
    [Callable[[Any], Any], Sequence[Any], EngineOptions, Callable[[int], None]], Iterator[Any]
]
# (Parquet folders by table, suite, options) -> one outcome per expectation
TableValidator = Callable[[Mapping[str, Path], ExpectationSuiteSpec, EngineOptions], list[ExpectationOutcome]]


@dataclass(frozen=True)
class Engine:
    """How one engine turns tables into native lazy frames that narwhals wraps."""

    name: str
    package: str | None
    from_pandas: Callable[[Mapping[str, pd.DataFrame], EngineOptions], Natives]
    from_parquet: Callable[[Mapping[str, Path], EngineOptions], Natives]
    # extraction spread by the engine itself; None: a process pool on this machine
    map_batches: BatchMap | None = None
    # table expectations run by the engine on whole tables; None: GX on pandas, batch by batch
    validate_tables: TableValidator | None = None

    def available(self) -> bool:
        return self.package is None or importlib.util.find_spec(self.package) is not None


def _arrow(frame: pd.DataFrame) -> Any:
    # One Arrow copy of each table, shared by the engines that read Arrow without another copy.
    import pyarrow as pa

    return pa.Table.from_pandas(frame, preserve_index=False)


def _parts(path: Path) -> str:
    """A table's Parquet files: one file, or every part in its folder."""
    return str(path / "*.parquet") if path.is_dir() else str(path)


def _pandas_from_pandas(frames: Mapping[str, pd.DataFrame], options: EngineOptions) -> Natives:
    return dict(frames)


def _pandas_from_parquet(paths: Mapping[str, Path], options: EngineOptions) -> Natives:
    return {name: pd.read_parquet(path) for name, path in paths.items()}


def _categorical(name: str, frame: Any) -> Any:
    import polars as pl

    schema = frame.collect_schema()
    columns = [c for c in POLARS_CATEGORICAL.get(name, ()) if schema.get(c) == pl.String]
    return frame.with_columns(pl.col(columns).cast(pl.Categorical)) if columns else frame


def _polars_from_pandas(frames: Mapping[str, pd.DataFrame], options: EngineOptions) -> Natives:
    import polars as pl

    return {name: _categorical(name, pl.from_arrow(_arrow(frame)).lazy()) for name, frame in frames.items()}  # type: ignore[union-attr]


def _polars_from_parquet(paths: Mapping[str, Path], options: EngineOptions) -> Natives:
    import polars as pl

    return {name: _categorical(name, pl.scan_parquet(_parts(path))) for name, path in paths.items()}


def _duckdb_connection(options: EngineOptions) -> Any:
    import duckdb

    # A connection of the run's own, so runs in one process never see each other's tables.
    return duckdb.connect(":memory:", config={"threads": options.threads} if options.threads else {})


def _duckdb_from_pandas(frames: Mapping[str, pd.DataFrame], options: EngineOptions) -> Natives:
    connection = _duckdb_connection(options)
    return {name: connection.from_arrow(_arrow(frame)) for name, frame in frames.items()}


def _duckdb_from_parquet(paths: Mapping[str, Path], options: EngineOptions) -> Natives:
    connection = _duckdb_connection(options)
    return {name: connection.read_parquet(_parts(path)) for name, path in paths.items()}


def spark_session(options: EngineOptions) -> Any:
    """The run's Spark session, on `options.master` (default: `local[*]`, or the master of `spark-submit`)."""
    # Executors run the interpreter running figcheck, so they import the same figcheck and pyarrow.
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    from pyspark.sql import SparkSession

    builder = SparkSession.builder.appName("figcheck")
    if options.master:
        builder = builder.master(options.master)
    session = (
        builder.config("spark.sql.session.timeZone", "UTC")
        # dates are naive in every table: Spark must not shift them to a time zone
        .config("spark.sql.timestampType", "TIMESTAMP_NTZ")
        .config("spark.ui.showConsoleProgress", "false")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    if (session.sparkContext.master or "").startswith("local"):
        # the tables of one machine are small for Spark: 200 shuffle partitions only add tasks
        session.conf.set("spark.sql.shuffle.partitions", str(2 * session.sparkContext.defaultParallelism))
    return session


def _spark_from_pandas(frames: Mapping[str, pd.DataFrame], options: EngineOptions) -> Natives:
    session = spark_session(options)
    return {name: session.createDataFrame(_arrow(frame)) for name, frame in frames.items()}


def _spark_from_parquet(paths: Mapping[str, Path], options: EngineOptions) -> Natives:
    session = spark_session(options)
    return {name: session.read.parquet(str(path)) for name, path in paths.items()}


def _spark_map_batches(
    function: Callable[[Any], Any],
    jobs: Sequence[Any],
    options: EngineOptions,
    finished: Callable[[int], None],
) -> Iterator[Any]:
    """`function` over `jobs` on Spark's executors, one job per task; the results are pickled back.

    The results come back together at the end, so a thread reads Spark's status tracker meanwhile and
    passes the tasks done to `finished`.
    """
    import pyarrow as pa

    session = spark_session(options)
    rows = [(number, pickle.dumps(job)) for number, job in enumerate(jobs)]
    frame = session.createDataFrame(rows, "number long, job binary").repartition(max(1, len(rows)), "number")

    def apply(batches: Iterator[Any]) -> Iterator[Any]:
        for batch in batches:
            numbers = batch.column("number").to_pylist()
            done = [pickle.dumps(function(pickle.loads(job))) for job in batch.column("job").to_pylist()]
            yield pa.RecordBatch.from_pydict({"number": numbers, "result": done})

    context = session.sparkContext
    group = f"figcheck-extract-{uuid.uuid4().hex}"
    context.setJobGroup(group, "figcheck: extracting articles")
    stop = threading.Event()
    watcher = threading.Thread(target=_watch_tasks, args=(context, group, len(rows), finished, stop))
    watcher.start()
    try:
        results = frame.mapInArrow(apply, "number long, result binary").collect()
    finally:
        stop.set()
        watcher.join()
        context.setLocalProperty("spark.jobGroup.id", None)  # the rules' jobs are not extraction
    for row in results:
        yield pickle.loads(row["result"])


def _watch_tasks(
    context: Any, group: str, tasks: int, finished: Callable[[int], None], stop: threading.Event
) -> None:
    """Every half second until `stop`, the tasks done in the stage of `group` that runs the `tasks` jobs."""
    tracker = context.statusTracker()
    reported = 0
    while not stop.wait(0.5):
        jobs = [tracker.getJobInfo(job) for job in tracker.getJobIdsForGroup(group)]
        stages = [tracker.getStageInfo(stage) for job in jobs if job for stage in job.stageIds]
        done = max((s.numCompletedTasks for s in stages if s and s.numTasks == tasks), default=0)
        if done > reported:
            reported = done
            finished(done)


def _spark_validate_tables(
    paths: Mapping[str, Path], spec: ExpectationSuiteSpec, options: EngineOptions
) -> list[ExpectationOutcome]:
    """The suite through Great Expectations' Spark datasource, on figures joined with `published`."""
    session = spark_session(options)
    documents = session.read.parquet(str(paths["documents"])).select("doc_id", "published")
    figures = session.read.parquet(str(paths["figures"])).join(documents, on="doc_id", how="left")
    return validate_frame(figures, spec, "figure_id", datasource="spark")


ENGINES: dict[str, Engine] = {
    "pandas": Engine("pandas", None, _pandas_from_pandas, _pandas_from_parquet),
    "polars": Engine("polars", "polars", _polars_from_pandas, _polars_from_parquet),
    "duckdb": Engine("duckdb", "duckdb", _duckdb_from_pandas, _duckdb_from_parquet),
    "spark": Engine(
        "spark",
        "pyspark",
        _spark_from_pandas,
        _spark_from_parquet,
        _spark_map_batches,
        _spark_validate_tables,
    ),
}


def engine_named(name: str) -> Engine:
    """The engine called `name`, checked to be installed."""
    if name not in ENGINES:
        raise ValueError(f"unknown engine '{name}'; choose from {', '.join(ENGINES)}")
    engine = ENGINES[name]
    if not engine.available():
        raise EngineUnavailable(name, engine.package or name)
    if name != "pandas" and importlib.util.find_spec("pyarrow") is None:
        raise EngineUnavailable(name, "pyarrow")
    if name == "spark" and not _java_found():
        where = (
            f"JAVA_HOME={os.environ['JAVA_HOME']} has no bin/java" if "JAVA_HOME" in os.environ else "no java"
        )
        message = (
            f"engine 'spark' needs Java 17 and finds {where} on this machine; install it "
            "(apt install openjdk-17-jre-headless) or set JAVA_HOME"
        )
        raise EngineUnavailable(name, "java", message)
    return engine


def available_engines() -> list[str]:
    return [name for name, engine in ENGINES.items() if engine.available()]


def _tables(
    natives: Mapping[str, Any], texts: Mapping[str, str], expectations: Sequence[ExpectationOutcome]
) -> Tables:
    lazy = {name: nw.from_native(natives[name]).lazy() for name in TABLES}
    return Tables(
        documents=lazy["documents"],
        figures=lazy["figures"],
        mentions=lazy["mentions"],
        texts=texts,
        expectations=tuple(expectations),
    )


def tables_from_pandas(
    engine: str,
    documents: pd.DataFrame,
    figures: pd.DataFrame,
    mentions: pd.DataFrame,
    texts: Mapping[str, str],
    expectations: Sequence[ExpectationOutcome] = (),
    options: EngineOptions = EngineOptions(),
) -> Tables:
    """The validated pandas tables as `Tables` on `engine`."""
    frames = {"documents": documents, "figures": figures, "mentions": mentions}
    return _tables(engine_named(engine).from_pandas(frames, options), texts, expectations)


def parquet_paths(folder: Path) -> dict[str, Path]:
    """Where each table's Parquet parts go: `folder/figures/part-00000.parquet`, ..."""
    return {name: folder / name for name in (*TABLES, "tokens")}


def write_part(folder: Path, number: int, tables: Mapping[str, pd.DataFrame]) -> None:
    """Write one batch's validated tables as part `number` of each table under `folder`.

    Rows are sorted by id and written in small row groups: a rule citing its evidence looks figures up by
    id, and the row groups' min/max statistics let Polars and DuckDB skip all but one of them.
    """
    paths = parquet_paths(folder)
    for name, frame in tables.items():
        paths[name].mkdir(parents=True, exist_ok=True)
        write_table(
            frame.sort_values(ID_COLUMNS[name], kind="stable"), paths[name] / f"part-{number:05d}.parquet"
        )


def write_table(frame: pd.DataFrame, path: Path) -> None:
    """One Parquet file, in small row groups, with timestamps in microseconds (Spark refuses nanoseconds)."""
    frame.to_parquet(
        path, index=False, row_group_size=ROW_GROUP, coerce_timestamps="us", allow_truncated_timestamps=True
    )


def write_parquet(
    folder: Path, documents: pd.DataFrame, figures: pd.DataFrame, mentions: pd.DataFrame
) -> None:
    """Write whole validated tables between stages, as one part each."""
    write_part(folder, 0, {"documents": documents, "figures": figures, "mentions": mentions})


def tables_from_parquet(
    engine: str,
    folder: Path,
    texts: Mapping[str, str],
    expectations: Sequence[ExpectationOutcome] = (),
    options: EngineOptions = EngineOptions(),
) -> Tables:
    """`Tables` on `engine` that scan the Parquet parts under `folder` (Polars and DuckDB stream them)."""
    paths = {name: path for name, path in parquet_paths(folder).items() if name in TABLES}
    return _tables(engine_named(engine).from_parquet(paths, options), texts, expectations)
