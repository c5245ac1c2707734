"""Work done in a second process while this one goes on: a long article's mentions are found there while
its numbers are scanned and its sentences parsed here.

The second process is a fork of this one, so it starts with the language models already loaded and
nothing to send but the result back. Where processes cannot be forked, the work is done here, when its
result is asked for.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from multiprocessing.connection import Connection
from typing import Any, TypeVar

from figcheck.stops import in_worker

T = TypeVar("T")


@contextmanager
def beside(work: Callable[[], T], *, fork: bool = True) -> Iterator[Callable[[], T]]:
    """Start `work` in a forked process (when `fork` and the platform allow) and yield the function that
    waits for its result; an error of `work` is raised there. On leaving the block the process is ended,
    whatever happened inside it."""
    if not fork or "fork" not in multiprocessing.get_all_start_methods():
        yield work
        return
    context = multiprocessing.get_context("fork")
    receiving, sending = context.Pipe(duplex=False)
    process = context.Process(target=_serve, args=(work, sending, os.getpid()), daemon=True)
    process.start()
    sending.close()

    def result() -> T:
        try:
            done, value = receiving.recv()
        except EOFError:
            raise RuntimeError(
                f"the process beside this one ended with exit code {process.exitcode}"
            ) from None
        if not done:
            raise value
        return value  # type: ignore[no-any-return]

    try:
        yield result
    finally:
        receiving.close()
        if process.is_alive():
            process.terminate()
        process.join()


def _serve(work: Callable[[], Any], sending: Connection, parent: int) -> None:
    in_worker(parent)
    try:
        outcome: tuple[bool, Any] = (True, work())
    except Exception as error:
        outcome = (False, error)
    sending.send(outcome)
    sending.close()
