"""The report folder holds one run's files, switched from the last run's all at once.

A run that writes reports checks `--out` and locks it before it does its work (`ReportFolder`), so a
bad `--out` or a second run into the same folder stops at once with a message. At the end it writes
every file into a staging folder inside `--out`, then switches:

- `.figcheck-lock`: exists while a run holds the folder; a second run stops instead of mixing files.
- `.figcheck-manifest.json`: the files figcheck wrote there last; a file of an earlier run that this run
  does not write is removed, and only those: figcheck never removes a file it did not write.
- `.figcheck-staging/`: the new files, complete and on disk before any of them is moved in.
- `.figcheck-switch.json`: written once staging is complete, the point after which the new report
  wins. The renames that follow are not interrupted by SIGINT, SIGTERM or SIGHUP; if the process is
  killed outright or the disk fails, the next run into the folder finds this file and finishes the
  switch. A staging folder without it is a switch that never started, and is removed.

A run stopped while staging (Ctrl-C, SIGTERM, a full disk) removes its staging folder and leaves the
report as it was; one stopped during the switch finishes it first.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Mapping
from pathlib import Path
from types import TracebackType
from typing import Any

from figcheck.errors import InputError
from figcheck.stops import Stopped, Stops, act_on

LOCK = ".figcheck-lock"
MANIFEST = ".figcheck-manifest.json"
STAGING = ".figcheck-staging"
SWITCH = ".figcheck-switch.json"
MANIFEST_VERSION = 1


class WriteError(InputError):
    """A report file could not be written: the message names it and says what was left."""


# Locks: flock where there is one (released by the kernel however the process ends), msvcrt on Windows.
try:
    import fcntl

    def _try_lock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)

except ImportError:  # pragma: no cover - Windows
    import msvcrt

    def _try_lock(fd: int) -> None:
        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)  # type: ignore[attr-defined]


def _busy(folder: Path, lock: Path) -> InputError:
    try:
        holder = f" (process {int(lock.read_text(encoding='utf-8').strip())})"
    except (OSError, ValueError):
        holder = ""
    return InputError(
        folder,
        None,
        f"another figcheck run{holder} is writing this report folder; "
        "wait for it to finish or choose another --out",
    )


def _acquire(folder: Path) -> int:
    """Hold `folder`'s lock file; a lock file removed by its last holder meanwhile is taken anew."""
    lock = folder / LOCK
    while True:
        fd = os.open(lock, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            _try_lock(fd)
        except OSError:
            os.close(fd)
            raise _busy(folder, lock) from None
        try:
            same = os.path.samestat(os.fstat(fd), os.stat(lock))
        except FileNotFoundError:
            same = False
        if same:
            os.ftruncate(fd, 0)
            os.write(fd, f"{os.getpid()}\n".encode())
            return fd
        os.close(fd)


def _release(folder: Path, fd: int) -> None:
    # removed while still held, so a run waiting on this file retries on a new one
    try:
        (folder / LOCK).unlink()
    except OSError:
        pass
    os.close(fd)


def _parent_problem(path: Path, role: str) -> InputError | None:
    """Why `path` could not be created: the first existing folder above it is a file or not writable."""
    existing = path.absolute()
    while not existing.exists() and not existing.is_symlink():
        existing = existing.parent
    shown = path if existing == path.absolute() else existing
    if existing.is_symlink() and not existing.exists():
        return InputError(shown, None, f"is a broken link, so {role} {path} cannot be written")
    if not existing.is_dir():
        return InputError(shown, None, f"is a file, so {role} {path} cannot be created under it")
    if not os.access(existing, os.W_OK | os.X_OK):
        return InputError(shown, None, f"is not writable, so {role} {path} cannot be written there")
    try:  # a folder may look writable and refuse files (/proc, a read-only mount seen by root)
        with tempfile.TemporaryFile(dir=existing):
            pass
    except OSError as error:
        reason = error.strerror or str(error)
        return InputError(
            shown, None, f"refuses new files ({reason}), so {role} {path} cannot be written there"
        )
    return None


def check_out(out: Path) -> None:
    """Raise `InputError` now when `out` cannot be a report folder (exit 2 before the run's work)."""
    if out.exists() and not out.is_dir():
        raise InputError(out, None, "is a file, not a folder; --out names the folder reports are written to")
    problem = _parent_problem(out, "--out")
    if problem is not None:
        raise problem


def check_file(path: Path, option: str = "--output") -> None:
    """Raise `InputError` now when `path` cannot be written as a file."""
    if path.is_dir():
        raise InputError(path, None, f"is a folder; {option} names a file, such as {path / 'baseline.json'}")
    problem = _parent_problem(path.parent, option)
    if problem is not None:
        raise problem


def _fsync_folder(folder: Path) -> None:
    if os.name == "nt":  # pragma: no cover - folders cannot be opened there
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _write_synced(path: Path, content: str) -> None:
    # lone surrogates (file names that are not UTF-8) become \udcxx: a JSON escape, visible elsewhere
    with open(path, "w", encoding="utf-8", errors="backslashreplace") as stream:
        stream.write(content)
        stream.flush()
        os.fsync(stream.fileno())


def _plain_names(value: Any) -> list[str]:
    """File names read back from figcheck's own files: plain names in the folder, nothing else."""
    if not isinstance(value, list):
        return []
    return [
        n
        for n in value
        if isinstance(n, str) and n == Path(n).name and n not in ("", ".", "..") and "/" not in n
    ]


def _read_json(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _finish(out: Path) -> None:
    """Carry out the switch `.figcheck-switch.json` describes; doing it twice does no harm."""
    switch = _read_json(out / SWITCH)
    staging = out / STAGING
    for name in _plain_names(switch.get("write")):
        if (staging / name).exists():
            os.replace(staging / name, out / name)
    for name in _plain_names(switch.get("remove")):
        target = out / name
        if target.is_file() or target.is_symlink():
            target.unlink()
    _fsync_folder(out)
    shutil.rmtree(staging, ignore_errors=True)
    (out / SWITCH).unlink()
    _fsync_folder(out)


def _recover(out: Path) -> None:
    """Finish a switch an earlier run committed to; remove what a run stopped before that left."""
    if (out / SWITCH).exists():
        _finish(out)
    for leftover in out.glob(".figcheck-*"):
        if leftover.is_dir() and not leftover.is_symlink():
            shutil.rmtree(leftover, ignore_errors=True)
        elif leftover.name.startswith(f"{SWITCH}."):  # a switch file never completed
            leftover.unlink(missing_ok=True)


class ReportFolder:
    """`--out` for one run: checked and locked on entry, before the run works; `write` switches it."""

    def __init__(self, out: Path) -> None:
        self.out = out
        self._fd: int | None = None
        self._created = False

    def __enter__(self) -> ReportFolder:
        check_out(self.out)
        self._created = not self.out.exists()
        try:
            self.out.mkdir(parents=True, exist_ok=True)
            self._fd = _acquire(self.out)
        except OSError as error:
            self._drop_created()
            raise InputError(self.out, None, f"cannot be written: {error.strerror}") from None
        except InputError:
            self._drop_created()
            raise
        try:
            _recover(self.out)
        except OSError as error:
            self.__exit__(None, None, None)
            raise WriteError(
                self.out, None, f"an earlier run's report switch cannot be finished: {error}"
            ) from None
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        if self._fd is not None:
            _release(self.out, self._fd)
            self._fd = None
        self._drop_created()
        if isinstance(error, Stopped):
            act_on(error)

    def _drop_created(self) -> None:
        # a folder made for a run that wrote nothing is not left behind
        if self._created:
            try:
                self.out.rmdir()
            except OSError:
                pass

    def write(self, files: Mapping[str, str]) -> list[Path]:
        """Replace the report with `files` (name -> content): the folder shows the old report or the
        new one, never a mix, and files of earlier runs not written now are removed."""
        out = self.out
        staging = out / STAGING
        old = set(_plain_names(_read_json(out / MANIFEST).get("files")))
        manifest = {"figcheck_report": MANIFEST_VERSION, "files": sorted(files)}
        switch = {"write": [*files, MANIFEST], "remove": sorted(old - set(files))}
        with Stops(act=False) as stops:
            current = ""
            try:
                for name in files:
                    if (out / name).is_dir():
                        raise WriteError(out / name, None, "is a folder; figcheck writes a report file here")
                staging.mkdir()
                for name, content in files.items():
                    current = name
                    _write_synced(staging / name, content)
                current = MANIFEST
                _write_synced(staging / MANIFEST, json.dumps(manifest, indent=2) + "\n")
                _fsync_folder(staging)
            except BaseException as error:
                shutil.rmtree(staging, ignore_errors=True)
                if isinstance(error, OSError):
                    raise WriteError(
                        out / current, None, f"cannot write: {error.strerror}; {out} is as it was"
                    ) from None
                raise
            with stops.deferred():
                pending = out / f"{SWITCH}.new"
                try:
                    _write_synced(pending, json.dumps(switch, indent=2) + "\n")
                    os.replace(pending, out / SWITCH)
                except OSError as error:
                    pending.unlink(missing_ok=True)
                    shutil.rmtree(staging, ignore_errors=True)
                    raise WriteError(
                        out, None, f"cannot write: {error.strerror}; {out} is as it was"
                    ) from None
                try:
                    _finish(out)
                except OSError as error:
                    raise WriteError(
                        out,
                        None,
                        f"switching to the new report stopped: {error}; "
                        "the next figcheck run into this folder finishes it",
                    ) from None
        return [out / name for name in files]


def write_file(path: Path, content: str) -> Path:
    """Write one file whole or not at all: a temporary file beside it, renamed over it when complete."""
    check_file(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with Stops():
        fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".figcheck")
        os.close(fd)
        try:
            _write_synced(Path(temporary), content)
            os.replace(temporary, path)
        except BaseException as error:
            Path(temporary).unlink(missing_ok=True)
            if isinstance(error, OSError):
                raise WriteError(
                    path, None, f"cannot write: {error.strerror}; the file is as it was"
                ) from None
            raise
    return path
