"""Machine formats for CI: JUnit, GitHub annotations, baselines, and the JSON report."""

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from figcheck.cli import main

QUOTES_AND_TYPO = 'Le ministre a parlé de néocolonalisme", a-t-il dit.\n'
SUITE = "select: [unbalanced-quote, misspelling]\n"


@pytest.fixture
def suite(make_suite) -> Path:
    return make_suite(SUITE)


def test_junit_has_a_case_per_rule_and_fails_at_fail_on(make_collection, suite: Path, tmp_path: Path) -> None:
    folder = make_collection({"a.txt": QUOTES_AND_TYPO}, name="news")
    out = tmp_path / "out"
    assert (
        main(
            [
                "run",
                str(folder),
                "--suite",
                str(suite),
                "--format",
                "junit",
                "--out",
                str(out),
                "--fail-on",
                "warning",
            ]
        )
        == 1
    )
    root = ET.parse(out / "junit.xml").getroot()
    (collection,) = root.findall("testsuite")
    cases = {c.get("name"): c for c in collection.findall("testcase")}
    assert set(cases) == {"QT001 unbalanced-quote", "SP001 misspelling"}
    assert cases["QT001 unbalanced-quote"].find("failure") is not None
    assert cases["SP001 misspelling"].find("failure") is None  # info is below --fail-on warning
    assert "néocolonalisme" in cases["SP001 misspelling"].find("system-out").text
    assert (collection.get("name"), collection.get("tests"), collection.get("failures")) == ("news", "2", "1")


def test_github_annotations_point_at_file_line_and_column(
    make_collection, suite: Path, tmp_path: Path, capsys
) -> None:
    folder = make_collection({"a.txt": "---\ntitle: x\n---\n" + QUOTES_AND_TYPO})
    main(
        [
            "run",
            str(folder),
            "--suite",
            str(suite),
            "--format",
            "github",
            "--out",
            str(tmp_path / "o"),
            "--fail-on",
            "never",
        ]
    )
    lines = [line for line in capsys.readouterr().out.splitlines() if line.startswith("::")]
    assert lines[0].startswith("::warning file=") and ",line=4,col=38," in lines[0]
    assert "title=QT001 unbalanced-quote::" in lines[0]
    assert lines[1].startswith("::notice ") and "néocolonalisme" in lines[1]
    assert not (tmp_path / "o").exists()  # github annotations go to standard output only


@pytest.mark.slow
def test_baseline_accepts_known_findings_and_reports_new_and_fixed(
    make_collection, suite: Path, tmp_path: Path, capsys
) -> None:
    folder = make_collection({"a.txt": QUOTES_AND_TYPO, "b.txt": "« Tout va bien », dit-il."})
    baseline = tmp_path / "baseline.json"
    assert main(["baseline", str(folder), "--suite", str(suite), "--output", str(baseline)]) == 0
    recorded = json.loads(baseline.read_text(encoding="utf-8"))
    assert len(recorded["findings"]) == 2
    args = [
        "run",
        str(folder),
        "--suite",
        str(suite),
        "--baseline",
        str(baseline),
        "--fail-on",
        "info",
        "--format",
        "json,sarif",
        "--out",
        str(tmp_path / "o"),
    ]
    assert main(args) == 0  # everything found is accepted
    (folder / "articles" / "a.txt").write_text("Le ministre a parlé de néocolonalisme.\n", encoding="utf-8")
    (folder / "articles" / "b.txt").write_text("« Tout va mal, dit-il.\n", encoding="utf-8")
    capsys.readouterr()
    assert main(args) == 1  # b.txt's new quote problem counts
    assert "1 new, 1 accepted, 1 fixed" in capsys.readouterr().out
    sarif = json.loads((tmp_path / "o" / "findings.sarif").read_text(encoding="utf-8"))
    states = sorted(r["baselineState"] for r in sarif["runs"][0]["results"])
    assert states == ["new", "unchanged"]


def test_bad_baseline_file_is_an_input_error(make_collection, suite: Path, tmp_path: Path, capsys) -> None:
    folder = make_collection({"a.txt": QUOTES_AND_TYPO})
    bad = tmp_path / "baseline.json"
    bad.write_text("[1, 2", encoding="utf-8")
    assert (
        main(["run", str(folder), "--suite", str(suite), "--baseline", str(bad), "--out", str(tmp_path)]) == 2
    )
    assert "baseline.json:1:6: not valid JSON" in capsys.readouterr().err


def json_report(folder: Path, suite: Path, out: Path) -> dict:
    main(
        [
            "run",
            str(folder),
            "--suite",
            str(suite),
            "--format",
            "json",
            "--out",
            str(out),
            "--fail-on",
            "never",
        ]
    )
    return json.loads((out / "findings.json").read_text(encoding="utf-8"))


def test_json_report_locates_evidence(make_collection, suite: Path, tmp_path: Path) -> None:
    report = json_report(make_collection({"a.txt": QUOTES_AND_TYPO}), suite, tmp_path / "o")
    assert report["counts"]["rule"] == {"unbalanced-quote": 1, "misspelling": 1}
    evidence = report["findings"][0]["evidence"][0]
    assert (evidence["text"], evidence["line"], evidence["column"]) == ('"', 1, 38)
    assert all(len(f["fingerprint"]) == 16 for f in report["findings"])


def test_fingerprints_survive_edits_elsewhere_in_the_article(
    make_collection, suite: Path, tmp_path: Path
) -> None:
    folder = make_collection({"a.txt": QUOTES_AND_TYPO})
    before = [f["fingerprint"] for f in json_report(folder, suite, tmp_path / "o")["findings"]]
    (folder / "articles" / "a.txt").write_text(
        "Un nouveau paragraphe en tête.\n" + QUOTES_AND_TYPO, encoding="utf-8"
    )
    assert [f["fingerprint"] for f in json_report(folder, suite, tmp_path / "o")["findings"]] == before


def test_each_report_module_declaring_a_format_is_a_choice_of_run(capsys) -> None:
    import pytest

    from figcheck.cli import main
    from figcheck.report.formats import output_formats

    formats = output_formats()
    assert set(formats) == {"github", "html", "json", "junit", "sarif"}
    files = [f.file for f in formats.values() if f.file]
    assert len(files) == len(set(files)) == 4
    with pytest.raises(SystemExit):
        main(["run", "--format", "html,pdf"])
    assert "unknown format pdf; choose from github, html, json, junit, sarif" in capsys.readouterr().err
