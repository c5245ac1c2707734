"""A rule that fails does not stop the run: its failure is located and the other rules run on.

Project rules are the user's code: they may raise, loop for ever on an odd article, or quote evidence
that is not in the article. Each call of a rule runs under a time limit, and what goes wrong becomes a
problem that names the rule's file and line, the rule and the article.
"""

from __future__ import annotations

import inspect
import signal
import threading
import traceback
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from figcheck.errors import InputError, InputProblem
from figcheck.rules.registry import Finding, Rule

# Time a rule may take on one article, and a table rule on the whole collection.
DOCUMENT_RULE_SECONDS = 60
TABLE_RULE_SECONDS = 600


class RuleError(Exception):
    """What a rule gave is wrong (evidence outside its article, text it does not quote)."""


class RuleTimeout(Exception):
    """The rule did not finish within its time."""


def guarded(
    rule: Rule,
    seconds: float,
    failures: list[InputProblem] | None,
    call: Callable[..., Iterable[Finding]],
    *args: Any,
) -> list[Finding]:
    """The findings of `call(*args)`, or none when it fails: its failure is added to `failures`, or raised
    as an InputError without a list to add it to."""
    try:
        with time_limit(seconds):
            return list(call(*args))
    except Exception as error:
        doc_id = getattr(args[0], "doc_id", None) if args else None
        problem = _failure(rule, error, doc_id, seconds)
        if failures is None:
            raise InputError.collected([problem]) from error
        failures.append(problem)
        return []


def _failure(rule: Rule, error: Exception, doc_id: str | None, seconds: float) -> InputProblem:
    path, line = _where(rule, error)
    on = f" on article '{doc_id}'" if doc_id is not None else ""
    if isinstance(error, RuleTimeout):
        what = f"did not finish within {seconds:g} s"
    elif isinstance(error, RuleError):
        what = f"gave a wrong finding: {error}"
    else:
        what = f"raised {type(error).__name__}: {error}"
    left = "its findings there are left out" if doc_id is not None else "its findings are left out"
    return InputProblem(path, line, f"rule {rule.code} {rule.slug}{on} {what}; {left}")


def _where(rule: Rule, error: Exception) -> tuple[Path, int | None]:
    """The rule's file, at the line where it raised (else where it is defined)."""
    source = inspect.getsourcefile(rule.function)
    if source is None:
        return Path(rule.function.__module__), None
    frames = [f for f in traceback.extract_tb(error.__traceback__) if f.filename == source]
    if frames and not isinstance(error, RuleError | RuleTimeout):
        return Path(source), frames[-1].lineno
    return Path(source), inspect.getsourcelines(rule.function)[1]


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise RuleTimeout in the block after `seconds`; without an alarm clock (no SIGALRM, or not the
    main thread) the block runs unlimited."""
    if not hasattr(signal, "SIGALRM") or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expire(signum: int, frame: Any) -> None:
        raise RuleTimeout

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
