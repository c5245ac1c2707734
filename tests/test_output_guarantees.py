"""What figcheck guarantees about its output (docs/guarantees.md): every format escapes what an article
or a file name holds, and the report folder holds one run's files, switched all at once."""

from __future__ import annotations

import csv
import errno
import io
import json
import os
import signal
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest

import figcheck
from figcheck.cli import main
from figcheck.report.write import ReportFolder

ONE_QUOTE = 'Le ministre a parlé de croissance", a-t-il dit.\n'
TWO_QUOTES = 'Le ministre a parlé de croissance", a-t-il dit.\nIl a ajouté "rien.\n'
ESC = "\x1b"


@pytest.fixture
def suite(make_suite) -> Path:
    return make_suite("select: [unbalanced-quote]\n")


def run(folder: Path, suite: Path, out: Path, formats: str, *extra: str) -> int:
    args = ["run", str(folder), "--suite", str(suite), "--format", formats, "--out", str(out)]
    return main([*args, "--fail-on", "never", *extra])


def workflow_commands(output: str) -> list[str]:
    """The lines a GitHub runner acts on, as it reads them: `::stop-commands::T` up to `::T::` is inert."""
    commands, resume = [], None
    for line in output.splitlines():
        line = line.strip()
        if resume is not None:
            resume = None if line == resume else resume
        elif line.startswith("::stop-commands::"):
            resume = f"::{line.removeprefix('::stop-commands::')}::"
            commands.append("::stop-commands::")
        elif line.startswith("::") or "##[" in line:
            commands.append(line)
    return commands


# Escaping per format


def test_file_name_cannot_forge_a_github_workflow_command(
    make_collection, suite: Path, tmp_path: Path, capsys
) -> None:
    forged = "a\n::error title=forged::pwned\n::add-mask::secret\n.txt"
    folder = make_collection({forged: ONE_QUOTE})
    assert run(folder, suite, tmp_path / "o", "github") == 0
    commands = workflow_commands(capsys.readouterr().out)
    assert [c.split(" ")[0] for c in commands] == ["::warning", "::stop-commands::"]
    assert (
        "a%0A%3A%3Aerror title=forged%3A%3Apwned%0A%3A%3Aadd-mask%3A%3Asecret%0A.txt,line=1," in commands[0]
    )


def test_github_annotations_show_terminal_controls_of_a_file_name_as_escapes(
    make_collection, suite: Path, tmp_path: Path, capsys
) -> None:
    folder = make_collection({f"esc{ESC}[31mred\u202egnp.txt": ONE_QUOTE})
    assert run(folder, suite, tmp_path / "o", "github") == 0
    annotation = workflow_commands(capsys.readouterr().out)[0]
    assert ESC not in annotation and "\u202e" not in annotation
    assert "file=" in annotation and "esc\\x1b[31mred\\u202egnp.txt" in annotation


def test_listing_is_inert_on_a_github_runner_without_format_github(
    make_collection, suite: Path, tmp_path: Path, capsys, monkeypatch
) -> None:
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    folder = make_collection({"::error::pwned ##[add-mask]x.txt": ONE_QUOTE})
    assert run(folder, suite, tmp_path / "o", "json") == 0
    out = capsys.readouterr().out
    assert "::error::pwned ##[add-mask]x.txt:1:34: QT001 unbalanced-quote" in out
    assert workflow_commands(out) == ["::stop-commands::"]


def test_formula_cells_are_quoted_in_csv_and_numbers_kept(make_collection, capsys) -> None:
    front = "---\nid: '-12'\ntitle: '=HYPERLINK(\"http://x\",\"y\")'\noutlet: '@SUM(A1)'\n---\n"
    folder = make_collection({"a.txt": front + "Le budget baisse de 12 %.\n"})
    assert main(["extract", str(folder), "--table", "documents", "--format", "csv"]) == 0
    (row,) = csv.DictReader(io.StringIO(capsys.readouterr().out))
    assert row["title"] == '\'=HYPERLINK("http://x","y")'
    assert row["outlet"] == "'@SUM(A1)"
    assert row["doc_id"] == "-12"  # a negative number stays a number


def test_junit_stays_valid_xml_with_control_characters(make_collection, suite: Path, tmp_path: Path) -> None:
    folder = make_collection({"a\x01b\x0c.txt": ONE_QUOTE}, name="news\x1b[2J")
    assert run(folder, suite, tmp_path / "o", "junit") == 0
    root = ET.parse(tmp_path / "o" / "junit.xml").getroot()  # raises on invalid XML
    (case,) = [c for c in root.iter("testcase") if c.find("system-out") is not None]
    assert "a\\x01b\\x0c.txt:1:34: QT001" in case.find("system-out").text
    assert root.find("testsuite").get("name") == "news\\x1b[2J"


@pytest.mark.parametrize("name", ["a#b.txt", "100%25.txt", "a:b c.txt"])
def test_sarif_artifact_uri_names_the_file(
    make_collection, suite: Path, tmp_path: Path, monkeypatch, name: str
) -> None:
    folder = make_collection({name: ONE_QUOTE})
    monkeypatch.chdir(tmp_path)  # the article is under the working directory: a relative reference
    assert run(folder, suite, tmp_path / "o", "sarif") == 0
    sarif = json.loads((tmp_path / "o" / "findings.sarif").read_text(encoding="utf-8"))
    (location,) = sarif["runs"][0]["results"][0]["locations"]
    uri = location["physicalLocation"]["artifactLocation"]["uri"]
    parsed = urlparse(uri)
    assert (parsed.scheme, parsed.fragment, parsed.query) == ("", "", "")
    assert tmp_path / unquote(parsed.path) == folder / "articles" / name


def test_terminal_shows_control_characters_instead_of_running_them(
    make_collection, suite: Path, tmp_path: Path, capsys
) -> None:
    folder = make_collection({f"{ESC}]0;pwned\x07{ESC}[2J.txt": ONE_QUOTE, "b.txt": b"caf\xe9 \x1b[31m"})
    assert run(folder, suite, tmp_path / "o", "json") == 2
    err = capsys.readouterr().err
    assert "b.txt:1: byte 0xe9" in err and ESC not in err
    (folder / "articles" / "b.txt").unlink()
    assert run(folder, suite, tmp_path / "o", "json") == 0
    out = capsys.readouterr().out
    assert "\\x1b]0;pwned\\x07\\x1b[2J.txt:1:34: QT001 unbalanced-quote" in out
    assert ESC not in out and "\x07" not in out


# The report folder


def visible_files(folder: Path) -> set[str]:
    return {p.name for p in folder.iterdir() if not p.name.startswith(".figcheck-")}


def figcheck_files(folder: Path) -> set[str]:
    return {p.name for p in folder.iterdir() if p.name.startswith(".figcheck-")}


def test_report_folder_holds_one_runs_files_and_keeps_the_users(
    make_collection, suite: Path, tmp_path: Path
) -> None:
    folder, out = make_collection({"a.txt": ONE_QUOTE}), tmp_path / "reports"
    assert run(folder, suite, out, "html,json,sarif,junit") == 0
    (out / "notes.txt").write_text("mine\n", encoding="utf-8")
    assert run(folder, suite, out, "json") == 0
    assert visible_files(out) == {"findings.json", "notes.txt"}
    assert figcheck_files(out) == {".figcheck-manifest.json"}  # no staging folder, no lock left


@pytest.mark.parametrize(
    ("command", "message"),
    [
        (["run", "--out", "{file}"], "{file}: is a file, not a folder"),
        (["run", "--out", "{file}/reports"], "{file}: is a file, so --out {file}/reports cannot be created"),
        (["baseline", "--output", "{dir}"], "{dir}: is a folder; --output names a file"),
    ],
)
def test_unwritable_destination_is_reported_before_the_run(
    make_collection, tmp_path: Path, capsys, monkeypatch, command: list[str], message: str
) -> None:
    def no_work(*args: object, **kwargs: object) -> None:
        raise AssertionError("the run started before its destination was checked")

    monkeypatch.setattr("figcheck.cli.run", no_work)
    (tmp_path / "a-file").write_text("x\n", encoding="utf-8")
    names = {"file": str(tmp_path / "a-file"), "dir": str(tmp_path)}
    folder = make_collection({"a.txt": ONE_QUOTE})
    assert main([command[0], str(folder), *(c.format(**names) for c in command[1:])]) == 2
    assert message.format(**names) in capsys.readouterr().err


def test_second_run_into_a_folder_in_use_stops_with_a_message(
    make_collection, suite: Path, tmp_path: Path, capsys
) -> None:
    folder, out = make_collection({"a.txt": ONE_QUOTE}), tmp_path / "reports"
    assert run(folder, suite, out, "json") == 0
    before = (out / "findings.json").read_bytes()
    with ReportFolder(out):  # another run holds the folder
        assert run(make_collection({"b.txt": TWO_QUOTES}, name="other"), suite, out, "json") == 2
    assert f"{out}: another figcheck run (process {os.getpid()}) is writing this report folder" in (
        capsys.readouterr().err
    )
    assert (out / "findings.json").read_bytes() == before


def test_full_disk_leaves_the_report_as_it_was(
    make_collection, suite: Path, tmp_path: Path, capsys, monkeypatch
) -> None:
    folder, out = make_collection({"a.txt": ONE_QUOTE}), tmp_path / "reports"
    assert run(folder, suite, out, "html,json") == 0
    before = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}
    (folder / "articles" / "a.txt").write_text(TWO_QUOTES, encoding="utf-8")
    synced, real_fsync = [], os.fsync

    def fsync(fd: int) -> None:
        synced.append(fd)
        if len(synced) == 2:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    assert run(folder, suite, out, "html,json,sarif") == 2
    assert f"{out / 'findings.json'}: cannot write: No space left on device; {out} is as it was" in (
        capsys.readouterr().err
    )
    assert {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()} == before


def test_leftovers_of_a_killed_run_are_cleared_by_the_next(
    make_collection, suite: Path, tmp_path: Path
) -> None:
    folder, out = make_collection({"a.txt": ONE_QUOTE}), tmp_path / "reports"
    (out / ".figcheck-staging").mkdir(parents=True)
    (out / ".figcheck-staging" / "index.html").write_text("half", encoding="utf-8")
    (out / ".figcheck-k2j4h1x9").mkdir()  # an older figcheck's staging folder
    assert run(folder, suite, out, "json") == 0
    assert visible_files(out) == {"findings.json"}
    assert figcheck_files(out) == {".figcheck-manifest.json"}


KILL = """
import os, signal, sys
from figcheck.cli import main

moment, sig = sys.argv[1], getattr(signal, sys.argv[2])
real_fsync, real_replace = os.fsync, os.replace

def fsync(fd):
    real_fsync(fd)
    if moment == "staging":
        os.kill(os.getpid(), sig)

def replace(source, target):
    real_replace(source, target)
    if moment == "switch" and os.path.basename(os.path.dirname(source)) == ".figcheck-staging":
        os.kill(os.getpid(), sig)

os.fsync, os.replace = fsync, replace
sys.exit(main(sys.argv[3:]))
"""


@pytest.mark.slow
@pytest.mark.parametrize(("moment", "signame"), [("staging", "SIGTERM"), ("switch", "SIGINT")])
def test_killed_run_leaves_the_old_report_or_the_new_one(
    make_collection, suite: Path, tmp_path: Path, moment: str, signame: str
) -> None:
    folder, out = make_collection({"a.txt": ONE_QUOTE}), tmp_path / "reports"
    assert run(folder, suite, out, "html,json,sarif") == 0
    before = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}
    (folder / "articles" / "a.txt").write_text(TWO_QUOTES, encoding="utf-8")
    args = ["run", str(folder), "--suite", str(suite), "--format", "json,junit", "--out", str(out)]
    env = {**os.environ, "PYTHONPATH": str(Path(figcheck.__file__).parents[1])}
    killed = subprocess.run(
        [sys.executable, "-c", KILL, moment, signame, *args], env=env, capture_output=True, check=False
    )
    # Ctrl-C ends figcheck with a word and the shell's status for it; SIGTERM ends it as the signal does
    expected = 130 if signame == "SIGINT" else -getattr(signal, signame)
    assert killed.returncode == expected, killed.stderr.decode()
    assert figcheck_files(out) == {".figcheck-manifest.json"}  # no staging folder, no lock
    if moment == "staging":
        assert {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()} == before
    else:
        assert visible_files(out) == {"findings.json", "junit.xml"}
        assert len(json.loads((out / "findings.json").read_text(encoding="utf-8"))["findings"]) == 2


@pytest.mark.slow
def test_switch_cut_short_by_sigkill_is_finished_by_the_next_run(
    make_collection, suite: Path, tmp_path: Path
) -> None:
    folder, out = make_collection({"a.txt": ONE_QUOTE}), tmp_path / "reports"
    assert run(folder, suite, out, "html") == 0
    args = ["run", str(folder), "--suite", str(suite), "--format", "json,junit", "--out", str(out)]
    env = {**os.environ, "PYTHONPATH": str(Path(figcheck.__file__).parents[1])}
    killed = subprocess.run(
        [sys.executable, "-c", KILL, "switch", "SIGKILL", *args], env=env, capture_output=True, check=False
    )
    assert killed.returncode == -signal.SIGKILL
    assert (out / ".figcheck-switch.json").exists()  # findings.json is in, junit.xml still staged
    assert run(folder, suite, out, "sarif") == 0
    # the cut switch was finished first (junit.xml in, index.html out), so this run's removes both
    assert visible_files(out) == {"findings.sarif"}
    assert figcheck_files(out) == {".figcheck-manifest.json"}


def children_of(pid: int) -> set[int]:
    """Processes whose parent is `pid`, read from /proc."""
    children = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:  # the process ended while being read
            continue
        if int(fields[1]) == pid:
            children.add(int(stat.parent.name))
    return children


def running(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.slow
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads processes from /proc")
@pytest.mark.parametrize("signame", ["SIGTERM", "SIGKILL"])
@pytest.mark.parametrize("engine", ["pandas", "duckdb"])
def test_a_killed_run_leaves_no_worker_and_no_tables_folder(
    make_collection, suite: Path, tmp_path: Path, engine: str, signame: str
) -> None:
    text = "En 2019, 5 000 camions ont été livrés, selon le ministère. " * 40 + "\n"
    folder = make_collection({f"a{i:02}.txt": text for i in range(70)})
    temporary, out = tmp_path / "tmp", tmp_path / "reports"
    temporary.mkdir()
    env = {**os.environ, "TMPDIR": str(temporary), "PYTHONPATH": str(Path(figcheck.__file__).parents[1])}
    command = [sys.executable, "-m", "figcheck", "run", str(folder), "--suite", str(suite), "--out", str(out)]
    command += ["--engine", engine, "--format", "json", "--fail-on", "never"]
    # pandas extracts 32 articles a batch, so 70 make work for two processes; duckdb keeps its tables
    # in a temporary folder
    started = subprocess.Popen([*command, "--jobs", "2"], env=env, stderr=subprocess.PIPE)
    workers: set[int] = set()
    for _ in range(600):
        workers = children_of(started.pid)
        if len(workers) >= 2 if engine == "pandas" else any(temporary.iterdir()):
            break
        time.sleep(0.05)
    else:
        pytest.fail("the run did not get to its extraction")
    started.send_signal(getattr(signal, signame))
    stderr = started.communicate(timeout=60)[1]
    assert started.returncode == -getattr(signal, signame)
    for _ in range(100):  # a worker ended by its parent's end takes a moment to go
        if not any(running(pid) for pid in workers):
            break
        time.sleep(0.05)
    assert not any(running(pid) for pid in workers)
    if signame == "SIGTERM":
        assert not any(temporary.iterdir())  # the run removed its tables on the way out
        assert b"interrupted (SIGTERM)" in stderr
    else:  # killed outright, the run could not: the next one clears what it left
        subprocess.run(command, env=env, check=True, capture_output=True)
        assert not any(temporary.iterdir())
    assert not (out / ".figcheck-lock").exists()


def test_a_reader_that_stops_early_ends_the_listing_quietly(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(Path(figcheck.__file__).parents[1])}
    # the reading end is closed before figcheck writes: its first write finds no reader
    started = subprocess.Popen(
        [sys.executable, "-m", "figcheck", "rules"], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    assert started.stdout is not None
    started.stdout.close()
    stderr = started.communicate(timeout=120)[1]
    assert started.returncode == 128 + signal.SIGPIPE
    assert b"Traceback" not in stderr
