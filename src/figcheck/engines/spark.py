"""Spark: the tables as Spark DataFrames on the run's session; Spark also extracts the articles on its
executors (`mapInArrow`) and runs the expectations on whole tables."""

from __future__ import annotations

import os
import pickle
import shutil
import sys
import threading
import uuid
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import pandas as pd

from figcheck.engines.base import Engine, EngineOptions, EngineUnavailable, Natives, arrow
from figcheck.tables.expectations import ExpectationOutcome, ExpectationSuiteSpec, validate_frame

DEFAULT_MASTER = "local[*]"  # what Spark uses when neither --master nor spark-submit names one


def _java_found() -> bool:
    """Whether PySpark can start its JVM: it runs $JAVA_HOME/bin/java, else `java` on the PATH."""
    home = os.environ.get("JAVA_HOME")
    return Path(home, "bin", "java").is_file() if home else shutil.which("java") is not None


def check_java() -> None:
    """Raise EngineUnavailable when PySpark could not start its JVM here."""
    if not _java_found():
        where = (
            f"JAVA_HOME={os.environ['JAVA_HOME']} has no bin/java" if "JAVA_HOME" in os.environ else "no java"
        )
        message = (
            f"engine 'spark' needs Java 17 and finds {where} on this machine; install it "
            "(apt install openjdk-17-jre-headless) or set JAVA_HOME"
        )
        raise EngineUnavailable("spark", "java", message)


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


def from_pandas(frames: Mapping[str, pd.DataFrame], options: EngineOptions) -> Natives:
    session = spark_session(options)
    return {name: session.createDataFrame(arrow(frame)) for name, frame in frames.items()}


def from_parquet(paths: Mapping[str, Path], options: EngineOptions) -> Natives:
    session = spark_session(options)
    return {name: session.read.parquet(str(path)) for name, path in paths.items()}


def map_batches(
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


def validate_tables(
    paths: Mapping[str, Path], spec: ExpectationSuiteSpec, options: EngineOptions
) -> list[ExpectationOutcome]:
    """The suite through Great Expectations' Spark datasource, on figures joined with `published`."""
    session = spark_session(options)
    documents = session.read.parquet(str(paths["documents"])).select("doc_id", "published")
    figures = session.read.parquet(str(paths["figures"])).join(documents, on="doc_id", how="left")
    return validate_frame(figures, spec, "figure_id", datasource="spark")


ENGINE = Engine(
    "spark",
    ("pyspark", "pyarrow"),
    from_pandas,
    from_parquet,
    map_batches,
    validate_tables,
    check_java,
)
