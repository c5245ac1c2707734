"""Escaping made for each output format: what an article or a file name holds stays text in every one.

Article text, front matter and file names reach the terminal, GitHub workflow commands, CSV cells,
XML and URIs. Each format has its own dangerous characters; every writer in `report/` passes each
field it did not make itself through the function for its format here.
"""

from __future__ import annotations

import dataclasses
import os
import re
import secrets
from collections.abc import Callable
from pathlib import Path
from urllib.parse import quote

from figcheck.errors import InputError, InputProblem

# Shown as escapes on a terminal: C0 and C1 controls and DEL (ANSI sequences start with ESC or CSI),
# line and paragraph separators, the bidirectional controls that reorder what is shown (CVE-2021-42574),
# and lone surrogates (a file name that is not UTF-8).
_BIDI = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


_INVISIBLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff" + _BIDI + "]")


def _shown(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    if char in _NAMED:
        return _NAMED[char]
    if 0xDC80 <= code <= 0xDCFF:  # a byte of a file name that is not UTF-8 (surrogateescape)
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def visible(text: object) -> str:
    """One field for a terminal: control characters, ANSI escapes and newlines shown as `\\x1b`, `\\n`."""
    return _INVISIBLE.sub(_shown, str(text))


def visible_lines(text: str) -> str:
    """Text whose own line breaks are meant (a message and the line it quotes): each line made visible."""
    return "\n".join(visible(line) for line in text.split("\n"))


def visible_problem(problem: InputProblem) -> str:
    """An input problem on its line, the offending line under it, each field made visible."""
    source = problem.source_line
    return str(
        dataclasses.replace(
            problem,
            path=Path(visible(problem.path)),
            message=visible(problem.message),
            source_line=None if source is None else visible(source.rstrip()),
        )
    )


def visible_error(error: BaseException) -> str:
    """An error for standard error: each input problem on its own lines, any other message line by line."""
    if isinstance(error, InputError):
        return "\n".join(visible_problem(p) for p in error.problems) + "\n"
    return visible_lines(f"figcheck: {error}") + "\n"


# GitHub workflow commands (the escaping of @actions/toolkit's command.ts).
def workflow_data(text: str) -> str:
    """The message of a workflow command: a line break would end the command and start another; the
    other controls (ANSI escapes, bidirectional overrides) are shown as escapes, as on a terminal."""
    shown = _INVISIBLE.sub(lambda m: m.group() if m.group() in "\r\n" else _shown(m), text)
    return shown.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def workflow_property(text: str) -> str:
    """A property value (file, title): `:` would end the properties, `,` start another."""
    return workflow_data(text).replace(":", "%3A").replace(",", "%2C")


def inert_in_actions(text: str, token: Callable[[], str] = lambda: secrets.token_hex(16)) -> str:
    """`text` between `::stop-commands::` and its resume line: the runner takes no line of it as a command.

    The token is random, so nothing quoted from an article can resume command processing early.
    """
    if not text:
        return text
    key = token()
    return f"::stop-commands::{key}\n{text}{'' if text.endswith(chr(10)) else chr(10)}::{key}::\n"


def in_github_actions() -> bool:
    return os.environ.get("GITHUB_ACTIONS") == "true"


# CSV cells a spreadsheet would take as a formula (OWASP, "CSV Injection").
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n", "＝", "＋", "－", "＠")
_NUMBER = re.compile(r"[+-]?(\d+([.,]\d*)?|[.,]\d+)([eE][+-]?\d+)?")


def csv_cell(value: object) -> object:
    """A text cell that starts like a formula gets a leading `'`; numbers, even negative ones, stay."""
    if isinstance(value, str) and value.startswith(_FORMULA_START) and not _NUMBER.fullmatch(value):
        return "'" + value
    return value


# XML 1.0 allows tab, newline, carriage return and U+0020 on, less surrogates and U+FFFE, U+FFFF.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_text(text: object) -> str:
    """Text or an attribute value for XML 1.0: characters it cannot hold are written as visible escapes."""
    return _NOT_XML.sub(_shown, str(text))


def uri_reference(path: Path, base: Path) -> dict[str, str]:
    """A SARIF artifact location: relative to `base` (`SRCROOT`) when under it, else a `file:` URI.

    Percent-encoded byte for byte (RFC 3986), so `a#b.txt` is not the fragment `b.txt` of `a`, `100%.txt`
    is not a broken escape and `a:b.txt` is not the scheme `a`.
    """
    resolved = path.resolve()
    try:
        relative = resolved.relative_to(base.resolve())
    except ValueError:
        return {"uri": resolved.as_uri()}  # pathlib percent-encodes the file system's bytes
    return {"uri": quote(os.fsencode(relative.as_posix()), safe="/"), "uriBaseId": "SRCROOT"}
