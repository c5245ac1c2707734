"""How figcheck reads a user's text file: one decoding and one YAML reading for every kind of file.

Every file a user gives (articles, `figures.csv`, `units.csv`, gazetteers, suites, case files,
expectations, baselines) is read here, so that each is decoded the same way and a failure names the file
and line. YAML is read without aliases, which a few bytes can make expand to gigabytes, and a key given
twice in one mapping is an error rather than the last one silently winning.
"""

from __future__ import annotations

import csv
import json
import re
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import yaml

from figcheck.errors import InputError

# A cell may hold a whole article (`articles.csv`), and the file is in memory already: the reader's
# default limit of 128 KB would refuse articles figcheck reads from any other file.
csv.field_size_limit(2**31 - 1)


def decode(path: Path, raw: bytes) -> str:
    """`raw` as UTF-8 text (a byte-order mark dropped; CRLF and lone CR line ends read as LF)."""
    at = raw.find(b"\0")
    if at >= 0:  # what UTF-16 without its byte-order mark, or a binary file, looks like
        raise InputError(
            path,
            raw.count(b"\n", 0, at) + 1,
            f"a NUL byte at offset {at}: the file is UTF-16 or binary, not text; save it as UTF-8",
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise InputError(
            path,
            line,
            f"byte 0x{raw[error.start]:02x} at offset {error.start} is not UTF-8; save the file as UTF-8",
        ) from None
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def decode_line(path: Path, line: int, raw: bytes) -> str:
    """One line of a table read line by line (`raw`, line `line` of `path`), decoded as `decode` decodes
    a whole file; a byte-order mark dropped from the first line, line ends kept."""
    at = raw.find(b"\0")
    if at >= 0:
        raise InputError(
            path, line, "a NUL byte: the file is UTF-16 or binary, not text; save it as UTF-8", column=at + 1
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise InputError(
            path,
            line,
            f"byte 0x{raw[error.start]:02x} is not UTF-8; save the table as UTF-8",
            column=error.start + 1,
        ) from None
    return text.removeprefix("\ufeff") if line == 1 else text


def read_text(path: Path) -> str:
    """The text of the file at `path` (see `decode`); an unreadable file is an InputError."""
    try:
        raw = path.read_bytes()
    except IsADirectoryError:
        raise InputError(path, None, "is a folder, not a file") from None
    except OSError as error:
        raise InputError(path, None, f"cannot be read: {error.strerror or error}") from None
    return decode(path, raw)


# deeper than this, a YAML or JSON value is no configuration a person wrote, and reading it would
# exhaust Python's stack
DEEPEST_VALUE = 100


class StrictLoader(yaml.SafeLoader):
    """Safe YAML without aliases, without a key given twice in one mapping, nested at most
    `DEEPEST_VALUE` deep, and whose tagged values that cannot be built (`!!float abc`) are errors at
    their line, not crashes."""

    depth = 0

    def compose_node(self, parent: Any, index: Any) -> Any:
        event = self.peek_event()  # type: ignore[no-untyped-call]  # untyped in types-PyYAML
        if self.check_event(yaml.AliasEvent):
            raise yaml.composer.ComposerError(
                None, None, "aliases (*name) are not allowed; write the value out", event.start_mark
            )
        if self.depth >= DEEPEST_VALUE:
            raise yaml.composer.ComposerError(
                None, None, f"values are nested more than {DEEPEST_VALUE} deep", event.start_mark
            )
        self.depth += 1
        try:
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1

    def construct_object(self, node: Any, deep: bool = False) -> Any:
        try:
            return super().construct_object(node, deep)
        except (ValueError, TypeError, OverflowError) as error:
            raise yaml.constructor.ConstructorError(
                None, None, f"{node.tag} value {node.value!r} cannot be read ({error})", node.start_mark
            ) from None

    def compose_mapping_node(self, anchor: Any) -> Any:
        node = super().compose_mapping_node(anchor)
        seen: set[str] = set()
        for key, _ in node.value:
            if isinstance(key, yaml.ScalarNode):
                if key.value in seen:
                    raise yaml.composer.ComposerError(
                        None, None, f"key '{key.value}' is given twice", key.start_mark
                    )
                seen.add(key.value)
        return node


class DatesAsTextLoader(StrictLoader):
    """Strict YAML with dates left as text, so a bad date is reported by its key, not as a crash."""


DatesAsTextLoader.yaml_implicit_resolvers = {
    first: [(tag, pattern) for tag, pattern in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in StrictLoader.yaml_implicit_resolvers.items()
}


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def no_character(value: object) -> str | None:
    """What is wrong with `value` (a string, or a list or mapping of them) when it holds a lone
    surrogate: what a YAML or JSON escape such as `\\ud800` makes, which is no character and which no
    table can hold."""
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, default=str)
    found = _LONE_SURROGATE.search(text)
    if found is None:
        return None
    return f"a text with '\\u{ord(found.group()):04x}', an escape of no character; write the character itself"


def named_twice(names: Iterable[str]) -> str | None:
    """`column 'a', 'b'` when some of `names` (a table's header) is given twice, where the last copy
    would silently win; else None."""
    twice = sorted(name for name, count in Counter(names).items() if count > 1)
    return f"column {', '.join(repr(n) for n in twice)}" if twice else None


class _KeyTwice(ValueError):
    pass


def _no_key_twice(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    seen: set[str] = set()
    for key, _ in pairs:
        if key in seen:
            raise _KeyTwice(key)
        seen.add(key)
    return dict(pairs)


def json_data(path: Path, text: str) -> Any:
    """The JSON data of `text` (read from `path`): an error names its line and column; a key given twice
    in one object (the last would silently win), a value nested thousands deep or an integer of
    thousands of digits is an error too, not a crash."""
    try:
        return json.loads(text, object_pairs_hook=_no_key_twice)
    except _KeyTwice as error:
        raise InputError(path, None, f"not valid here: key '{error}' is given twice in one object") from None
    except json.JSONDecodeError as error:
        raise InputError(path, error.lineno, f"not valid JSON: {error.msg}", column=error.colno) from None
    except RecursionError:
        raise InputError(path, None, "not valid JSON here: values nested too deep") from None
    except ValueError:  # an integer longer than Python reads
        raise InputError(path, None, "not valid JSON here: a number longer than Python reads") from None


def yaml_error(path: Path, error: yaml.YAMLError) -> InputError:
    """`error` as an InputError at its line and column."""
    mark = getattr(error, "problem_mark", None)
    reason = getattr(error, "problem", None) or "not valid YAML"
    if mark is None:
        return InputError(path, None, f"not valid YAML: {reason}")
    return InputError(path, mark.line + 1, f"not valid YAML: {reason}", column=mark.column + 1)


def yaml_tree(path: Path, text: str) -> yaml.Node | None:
    """The YAML node tree of `text` (read from `path`), to report problems at their line."""
    try:
        return yaml.compose(text, Loader=StrictLoader)
    except yaml.YAMLError as error:
        raise yaml_error(path, error) from None


def yaml_data(path: Path, text: str) -> Any:
    """The YAML data of `text` (read from `path`), dates left as text (see `DatesAsTextLoader`)."""
    try:
        return yaml.load(text, Loader=DatesAsTextLoader)
    except yaml.YAMLError as error:
        raise yaml_error(path, error) from None
