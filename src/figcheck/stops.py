"""What a stop signal does to a run: SIGINT, SIGTERM and SIGHUP become an exception in the main thread,
so that every `with` and `finally` on the way up releases what it holds (worker processes, temporary
folders, the report folder and its lock) before the process ends as the signal would have ended it.

`Stops` blocks nest: an inner one takes the signals over for its span (the report switch defers them)
and hands `Stopped` on to the outer one, which acts on it once everything inside is released.
"""

from __future__ import annotations

import ctypes
import os
import signal
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType, TracebackType
from typing import Any

_DEFAULTS = (
    ("SIGINT", signal.default_int_handler),
    ("SIGTERM", signal.SIG_DFL),
    ("SIGHUP", signal.SIG_DFL),
)
_PR_SET_PDEATHSIG = 1  # prctl(2): the signal a process gets when its parent ends


class Stopped(BaseException):
    """A stop signal arrived; raised in the main thread so that what is held is released first."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


class Stops:
    """Inside the block, SIGINT, SIGTERM and SIGHUP raise `Stopped`; inside `deferred()` they wait
    until its end. At the end of the block the signal is acted on as it would have been (Ctrl-C raises
    KeyboardInterrupt, SIGTERM and SIGHUP end the process), unless `act` is False or an outer block
    will."""

    def __init__(self, *, act: bool = True) -> None:
        self.act = act
        self.deferring = False
        self.pending: int | None = None
        self.previous: dict[int, Any] = {}

    def __call__(self, signum: int, frame: FrameType | None) -> None:
        if self.deferring:
            self.pending = signum
            return
        raise Stopped(signum)

    def __enter__(self) -> Stops:
        if threading.current_thread() is not threading.main_thread():
            return self  # only the main thread receives signals
        for name, default in _DEFAULTS:
            signum = getattr(signal, name, None)
            if signum is None:
                continue
            handler = signal.getsignal(signum)
            if handler is default or isinstance(handler, Stops):  # a handler of the caller's is left alone
                self.previous[signum] = signal.signal(signum, self)
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        for signum, handler in self.previous.items():
            signal.signal(signum, handler)
        if isinstance(error, Stopped) and self.act:
            act_on(error)

    @contextmanager
    def deferred(self) -> Iterator[None]:
        self.deferring = True
        try:
            yield
        finally:
            self.deferring = False
        if self.pending is not None:
            raise Stopped(self.pending)


def act_on(stopped: Stopped) -> None:
    """Do what the signal would have done, once nothing is held: Ctrl-C raises KeyboardInterrupt,
    SIGTERM and SIGHUP end the process. Under an outer `Stops`, `stopped` goes on up to it."""
    if isinstance(signal.getsignal(stopped.signum), Stops):
        raise stopped
    if stopped.signum == getattr(signal, "SIGINT", None):
        raise KeyboardInterrupt from None
    signal.raise_signal(stopped.signum)


def in_worker(parent: int) -> None:
    """Set up a worker process of a run: the run's process decides what a stop means (Ctrl-C reaches
    the whole process group), and the worker ends with it even when it is killed outright."""
    for name, _ in _DEFAULTS:
        signum = getattr(signal, name, None)
        if signum is not None:
            signal.signal(signum, signal.SIG_IGN if name == "SIGINT" else signal.SIG_DFL)
    if sys.platform.startswith("linux"):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0)
    if os.getppid() != parent:  # the run ended before the worker could ask to end with it
        os._exit(1)
