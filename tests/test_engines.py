"""Every table rule gives the same findings on pandas, Polars and DuckDB, in memory and from Parquet."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from figcheck.cli import main
from figcheck.engines import ENGINES, EngineUnavailable, engine_named, tables_from_parquet, write_parquet
from figcheck.pipeline import Extracted, documents_of, extract, tables_of
from figcheck.rules.discover import all_rules
from figcheck.rules.registry import Rule
from figcheck.rules.runner import ReportedFinding, run_rules
from figcheck.rules.suite import Suite
from figcheck.tables.build import texts_of
from figcheck.testing import shared_resources
from tests.conftest import SEED_TEXT, finding_key

# Spark starts a JVM: it is compared with pandas in tests/test_spark.py, on fewer cases
OTHER_ENGINES = [name for name in ENGINES if name not in ("pandas", "spark")]
FindingsBy = dict[str, list[ReportedFinding]]  # findings of each test collection


def _engine_param(name: str) -> object:
    package = ENGINES[name].package
    missing = package is not None and importlib.util.find_spec(package) is None
    missing = missing or importlib.util.find_spec("pyarrow") is None
    reason = f"{package} is not installed (pip install 'figcheck[scale]')"
    return pytest.param(name, marks=pytest.mark.skipif(missing, reason=reason), id=name)


ENGINE_PARAMS = [_engine_param(name) for name in OTHER_ENGINES]


def _article(doc_id: str, published: str, outlet: str, *lines: str) -> str:
    body = "\n".join(lines)
    return f"---\nid: {doc_id}\npublished: {published}\noutlet: {outlet}\nlanguage: fr\n---\n{body}\n"


# Each article is written to trip one or more table rules; `figure-drift` and `name-style-drift` need
# two articles that disagree.
ARTICLES = {
    "livraisons.txt": _article(
        "livraisons",
        "2026-02-05",
        "Le Quotidien",
        "Le ministre russe de la Défense, Andreï Beloussov, a annoncé qu'en janvier 2026, "
        "plus de 10 000 armes ont été livrées.",
        "Le ministère évoque plus de 10 000 équipements militaires livrés en janvier 2026.",
        "Pour l'ensemble de l'année 2026, l'armée devrait recevoir environ 21 millions "
        "d'unités de munitions.",
        "Il est prévu de livrer environ 21 millions d'unités de munitions pendant le reste de cette année, "
        "selon le ministre Andrey Belousov.",
        "Plus de 2 500 drones seront livrés en 2026. Le ministère évoque environ 2 500 drones pour 2026.",
    ),
    "conseil.txt": _article(
        "conseil",
        "2026-02-04",
        "Le Quotidien",
        "Le secrétaire du Conseil de sécurité russe, Sergueï Choïgou, a déclaré que le forum "
        "aura lieu en mai.",
        "M. Choïgou a ajouté que les banques y participeront.",
        "Le chef du Conseil de sécurité russe a déclaré que le programme comprend des tables rondes.",
    ),
    "agences.txt": _article(
        "agences",
        "2026-02-05",
        "Le Quotidien",
        "Selon TASS, plus de 310 000 équipements militaires seront livrés en 2026.",
        "Selon Reuters, plus de 310 000 équipements militaires seront livrés en 2026.",
        "Le ministre Sergueï Lavrov s'est exprimé mardi à Moscou.",
    ),
    "hebdo.txt": _article(
        "hebdo",
        "2026-02-06",
        "L'Hebdo",
        "Selon TASS, environ 200 000 équipements militaires seront livrés en 2026.",
        "Le ministre Sergei Lavrov s'est exprimé mercredi à Genève.",
    ),
    "drones.txt": _article(
        "drones",
        "2026-01-10",
        "L'Hebdo",
        "Au premier trimestre 2025, 400 drones ont été livrés.",
        "Au deuxième trimestre 2025, 500 drones ont été livrés.",
        "En 2025, 800 drones ont été livrés.",
    ),
    "plan.txt": _article(
        "plan",
        "2026-02-05",
        "Le Quotidien",
        "En janvier 2026, plus de 5 000 chars ont été livrés.",
        "Pour l'ensemble de l'année 2026, l'armée devrait recevoir moins de 8 000 chars.",
        "Il est prévu de livrer plus de 6 000 chars pendant le reste de cette année.",
    ),
}
# Several parts of a year overflow the same whole-year figure: which part is cited first must not
# depend on the order an engine returns joined rows in.
OVERFLOWING_YEARS = {
    f"annee{i}.txt": _article(
        f"annee{i}",
        "2026-01-10",
        "L'Hebdo",
        f"Au premier trimestre 2025, 40{i} drones ont été livrés.",
        f"Au deuxième trimestre 2025, 50{i} chars ont été livrés.",
        f"Au troisième trimestre 2025, 50{i} drones ont été livrés.",
        f"Au premier trimestre 2025, 60{i} chars ont été livrés.",
        f"En 2025, 80{i} drones ont été livrés.",
        f"En 2025, 70{i} chars ont été livrés.",
        "En janvier 2025, 900 chars ont été livrés.",
    )
    for i in range(1, 7)
}
# The rules the fixture collection must trip on pandas, or the comparison proves little.
EXPECTED_SLUGS = {
    "scope-conflict",
    "qualifier-drift",
    "unit-drift",
    "name-variant",
    "title-drift",
    "attribution-drift",
    "figure-drift",
    "name-style-drift",
    "period-arithmetic",
}


def _table_rules() -> list[Rule]:
    return [r for r in all_rules(()) if r.kind == "table"]


def _findings(extracted: Extracted, engine: str) -> list[ReportedFinding]:
    suite = Suite(name="engines", path=None)
    return run_rules(_table_rules(), tables_of(extracted, (), engine), documents_of(extracted), suite)


@pytest.fixture(scope="module")
def collections(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Extracted]:
    root = tmp_path_factory.mktemp("engines")
    made = {}
    sources = {"fixture": ARTICLES, "seed": {"article-fr.txt": SEED_TEXT}, "years": OVERFLOWING_YEARS}
    for name, articles in sources.items():
        folder = root / name / "articles"
        folder.mkdir(parents=True)
        for file_name, text in articles.items():
            (folder / file_name).write_text(text, encoding="utf-8")
        made[name] = extract([folder.parent], resources=shared_resources())
    return made


@pytest.fixture(scope="module")
def on_pandas(collections: dict[str, Extracted]) -> FindingsBy:
    return {name: _findings(extracted, "pandas") for name, extracted in collections.items()}


def test_fixture_trips_every_table_rule_on_pandas(on_pandas: FindingsBy) -> None:
    assert {f.slug for f in on_pandas["fixture"]} >= EXPECTED_SLUGS


@pytest.mark.parametrize("collection", ["fixture", "seed"])
@pytest.mark.parametrize("engine", ENGINE_PARAMS)
def test_same_findings_as_pandas(
    engine: str, collection: str, collections: dict[str, Extracted], on_pandas: FindingsBy
) -> None:
    got = [finding_key(f) for f in _findings(collections[collection], engine)]
    assert got == [finding_key(f) for f in on_pandas[collection]]


@pytest.mark.parametrize("engine", ENGINE_PARAMS)
def test_same_part_cited_for_an_overflowing_year(
    engine: str, collections: dict[str, Extracted], on_pandas: FindingsBy
) -> None:
    assert len(on_pandas["years"]) >= 6
    assert [finding_key(f) for f in _findings(collections["years"], engine)] == [
        finding_key(f) for f in on_pandas["years"]
    ]


@pytest.mark.parametrize("engine", ENGINE_PARAMS)
def test_same_suggestions_and_severities_as_pandas(
    engine: str, collections: dict[str, Extracted], on_pandas: FindingsBy
) -> None:
    got = [(f.code, f.suggestion, f.severity) for f in _findings(collections["fixture"], engine)]
    assert got == [(f.code, f.suggestion, f.severity) for f in on_pandas["fixture"]]


# A bug found by comparing engines: pandas hands a null string to Python as NaN, which is truthy.
def test_name_variant_never_suggests_nan_on_pandas(on_pandas: FindingsBy) -> None:
    suggestions = [f.suggestion for f in on_pandas["fixture"] if f.slug == "name-variant"]
    assert suggestions and all("'nan'" not in (s or "") for s in suggestions)


@pytest.mark.parametrize("engine", ["pandas", *ENGINE_PARAMS])
def test_same_findings_from_parquet(
    engine: str, tmp_path: Path, collections: dict[str, Extracted], on_pandas: FindingsBy
) -> None:
    if importlib.util.find_spec("pyarrow") is None:
        pytest.skip("writing Parquet needs pyarrow (pip install 'figcheck[scale]')")
    extracted = collections["fixture"]
    write_parquet(tmp_path, extracted.documents, extracted.figures, extracted.mentions)
    tables = tables_from_parquet(engine, tmp_path, texts_of(extracted.articles))
    got = run_rules(_table_rules(), tables, documents_of(extracted), Suite(name="engines", path=None))
    assert [finding_key(f) for f in got] == [finding_key(f) for f in on_pandas["fixture"]]


@pytest.mark.parametrize("engine", ENGINE_PARAMS)
def test_run_takes_an_engine(engine: str, on_pandas: FindingsBy, tmp_path: Path) -> None:
    folder = tmp_path / "news" / "articles"
    folder.mkdir(parents=True)
    for file_name, text in ARTICLES.items():
        (folder / file_name).write_text(text, encoding="utf-8")
    suite = tmp_path / "tables.yaml"
    suite.write_text(f"select: [{', '.join(r.code for r in _table_rules())}]\n", encoding="utf-8")
    out = tmp_path / "out"
    status = main(
        [
            "run",
            str(folder.parent),
            "--suite",
            str(suite),
            "--engine",
            engine,
            "--format",
            "json",
            "--out",
            str(out),
            "--fail-on",
            "never",
            "--quiet",
        ]
    )
    assert status == 0
    report = json.loads((out / "findings.json").read_text(encoding="utf-8"))
    got = [(f["code"], f["doc_id"], f["message"], f["fingerprint"]) for f in report["findings"]]
    assert got == [(f.code, f.doc_id, f.message, f.fingerprint) for f in on_pandas["fixture"]]


def test_unknown_engine_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["run", "--engine", "dask"])
    assert exit_.value.code == 2
    assert "invalid choice: 'dask'" in capsys.readouterr().err


def test_spark_without_pyspark_names_the_spark_extra(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util, "find_spec", lambda name, *a: None if name == "pyspark" else real(name, *a)
    )
    assert main(["run", str(tmp_path), "--engine", "spark"]) == 2


def test_missing_engine_package_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util, "find_spec", lambda name, *a: None if name == "duckdb" else real(name, *a)
    )
    with pytest.raises(EngineUnavailable, match=r"figcheck\[scale\]"):
        engine_named("duckdb")


@pytest.mark.skipif(importlib.util.find_spec("pyspark") is None, reason="pip install 'figcheck[spark]'")
def test_spark_without_java_says_how_to_get_it(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("JAVA_HOME", str(tmp_path / "no-jdk"))
    assert main(["run", str(tmp_path), "--engine", "spark"]) == 2
    error = capsys.readouterr().err
    assert "Java 17" in error and "no-jdk has no bin/java" in error and "openjdk-17-jre-headless" in error
    monkeypatch.delenv("JAVA_HOME")
    monkeypatch.setenv("PATH", str(tmp_path))
    assert main(["run", str(tmp_path), "--engine", "spark"]) == 2
    assert "finds no java on this machine" in capsys.readouterr().err
