"""Work done in a second process while this one goes on: a long article's numbers are read there while
the language model loads here, and its mentions while its sentences are parsed here; the rules' work on
its text alone (its dictionary lookups) on the time the others leave; Great Expectations is imported
there while the articles are read here, and the expectations run there while the rules run here.

The second process is a fork of this one, so it starts with all this one has loaded (the language
models) and sends only its result back; work handed to it later travels pickled. Where processes cannot
be forked, the work is done here, when its result is asked for.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from functools import partial
from multiprocessing.connection import Connection
from typing import Any, Protocol, TypeVar, overload

from figcheck.stops import in_worker

T = TypeVar("T")
T_co = TypeVar("T_co", covariant=True)


class Waiting(Protocol[T_co]):
    """Waits for work done beside: at most `timeout` seconds when given (else `TimeoutError`)."""

    def __call__(self, timeout: float | None = None) -> T_co: ...


# Below this many characters of text, a second process costs more than it saves.
BESIDE_FROM = 20_000


@contextmanager
def beside(work: Callable[[], T], *, fork: bool = True, idle: bool = False) -> Iterator[Waiting[T]]:
    """Start `work` in a forked process (when `fork` and the platform allow) and yield the function that
    waits for its result, at most the seconds it is given (else `TimeoutError`); an error of `work` is
    raised there. With `idle`, the process runs on the time the others leave (its lowest priority): work
    that is done before anyone waits for it. On leaving the block the process is ended, whatever
    happened inside it. Without a fork the work is done when its result is asked for."""
    if not _forks(fork):

        def done_here(timeout: float | None = None) -> T:
            return work()

        yield done_here
        return
    with _forked(work, None, idle) as (_, result):
        yield result


@contextmanager
def served(prepare: Callable[[], Any], *, fork: bool = True) -> Iterator[Callable[..., Callable[[], Any]]]:
    """A forked process that gets ready at once (`prepare`: an import that takes seconds) and then runs the
    one piece of work it is handed. Yields `ask(function, *arguments)`, which hands them over (they are
    pickled) and returns the function that waits for the result. Without `fork`, `ask` runs the work
    here, when its result is asked for."""
    if not _forks(fork):
        yield partial
        return
    with _forked(None, prepare, False) as (sending, result):

        def ask(function: Callable[..., Any], *arguments: Any) -> Callable[[], Any]:
            sending.send((function, arguments))
            return result

        yield ask


def _forks(asked: bool) -> bool:
    return asked and "fork" in multiprocessing.get_all_start_methods()


@contextmanager
def _forked(
    work: Callable[[], Any] | None, prepare: Callable[[], Any] | None, idle: bool
) -> Iterator[tuple[Connection, Waiting[Any]]]:
    context = multiprocessing.get_context("fork")
    here, there = context.Pipe()
    process = context.Process(
        target=_serve, args=(there, here, os.getpid(), work, prepare, idle), daemon=True
    )
    process.start()
    there.close()

    def result(timeout: float | None = None) -> Any:
        if timeout is not None and not here.poll(timeout):
            raise TimeoutError(f"the work beside did not end in {timeout:g} s")
        try:
            done, value = here.recv()
        except EOFError:
            raise RuntimeError(
                f"the process beside this one ended with exit code {process.exitcode}"
            ) from None
        if not done:
            raise value
        return value

    try:
        yield here, result
    finally:
        here.close()  # the process reads the end of its work, or fails to send, and ends
        process.terminate()
        process.join(ENDING_SECONDS)
        if process.is_alive():  # a stop that came before it could act on one is lost: end it outright
            process.kill()
            process.join()


# how long a process beside is given to end when asked
ENDING_SECONDS = 5
# the niceness of an idle process beside: the scheduler gives it only the time no other process wants
LOWEST_PRIORITY = 19


def _serve(
    connection: Connection,
    parents_end: Connection,
    parent: int,
    work: Callable[[], Any] | None,
    prepare: Callable[[], Any] | None,
    idle: bool,
) -> None:
    in_worker(parent)
    parents_end.close()  # so that the parent closing it ends `recv` here
    if idle:
        os.nice(LOWEST_PRIORITY)
    try:
        if work is None:
            if prepare is not None:
                prepare()
            function, arguments = connection.recv()
            work = partial(function, *arguments)
        outcome: tuple[bool, Any] = (True, work())
    except EOFError:
        return  # the run went on without asking for the work
    except Exception as error:
        outcome = (False, error)
    try:
        connection.send(outcome)
    except OSError:
        return  # the run no longer waits for it
    except Exception as error:  # what cannot be pickled cannot travel: say so rather than vanish
        connection.send((False, RuntimeError(f"the work beside could not hand back its outcome: {error}")))
    connection.close()


class Later(Sequence[T]):
    """A sequence another process is computing, waited for (`result`) when first read; its error, if it
    failed, is raised by every read."""

    def __init__(self, result: Callable[[], Sequence[T]]) -> None:
        self._result = result
        self._items: tuple[T, ...] | None = None
        self._error: Exception | None = None

    def _read(self) -> tuple[T, ...]:
        if self._error is not None:
            raise self._error
        if self._items is None:
            try:
                self._items = tuple(self._result())
            except Exception as error:
                self._error = error
                raise
        return self._items

    @overload
    def __getitem__(self, index: int) -> T: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[T]: ...
    def __getitem__(self, index: int | slice) -> T | Sequence[T]:
        return self._read()[index]

    def __len__(self) -> int:
        return len(self._read())
