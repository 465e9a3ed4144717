"""Exceptions nothing caught, on the main thread or any other, go to the log and the GUI.

`install(sink, log)` replaces sys.excepthook and threading.excepthook: the traceback goes to
the log and an UnhandledError to the sink (the bridge, whose notification area shows it).
PySide6 hands exceptions raised in slots and virtual overrides to sys.excepthook too.
`uninstall()` puts the previous hooks back (tests, shutdown).
"""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass
from types import TracebackType

from core.events import UnhandledError
from core.ports import EventSink
from core.timefmt import utcnow

_default_log = logging.getLogger(__name__)

SysHook = Callable[[type[BaseException], BaseException, TracebackType | None], object]
ThreadingHook = Callable[[threading.ExceptHookArgs], object]


def _message(exc: BaseException | None, exc_type: type[BaseException]) -> str:
    text = str(exc) if exc is not None else ""
    return f"{exc_type.__name__}: {text}" if text else exc_type.__name__


@dataclass(slots=True)
class ExceptHooks:
    """The installed pair of hooks and the ones they replaced."""

    sink: EventSink
    log: logging.Logger
    prev_sys: SysHook = sys.__excepthook__
    prev_threading: ThreadingHook = threading.__excepthook__

    def report(
        self,
        where: str,
        exc_type: type[BaseException],
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        """Log with the traceback and publish UnhandledError; never raises."""
        self.log.critical(
            "unhandled exception in %s: %s",
            where,
            _message(exc, exc_type),
            exc_info=(exc_type, exc, tb) if exc is not None else None,
        )
        try:
            self.sink.publish(UnhandledError(where, _message(exc, exc_type), utcnow()))
        except Exception:
            self.log.exception("could not report the unhandled exception in %s", where)

    def sys_hook(
        self,
        exc_type: type[BaseException],
        exc: BaseException,
        tb: TracebackType | None,
    ) -> None:
        """sys.excepthook: the main thread, and Python code Qt called (slots, overrides)."""
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)  # Ctrl+C in a terminal stays Ctrl+C
            return
        self.report(threading.current_thread().name, exc_type, exc, tb)

    def threading_hook(self, args: threading.ExceptHookArgs) -> None:
        """threading.excepthook: an exception that ended a thread's run()."""
        if issubclass(args.exc_type, SystemExit):
            return  # what the default hook does too: a thread may exit this way
        name = args.thread.name if args.thread is not None else "a thread"
        self.report(f"thread {name}", args.exc_type, args.exc_value, args.exc_traceback)


# The interpreter's hooks are process-wide; so is the record of what they replaced.
_installed: ExceptHooks | None = None


def install(sink: EventSink, log: logging.Logger | None = None) -> ExceptHooks:
    """Route unhandled exceptions of every thread to `log` and to `sink` (call on the main thread).

    Installing again replaces the sink and keeps the original hooks for `uninstall`.
    """
    global _installed
    prev_sys: SysHook = sys.excepthook
    prev_threading: ThreadingHook = threading.excepthook
    if _installed is not None:
        prev_sys, prev_threading = _installed.prev_sys, _installed.prev_threading
    hooks = ExceptHooks(sink, log or _default_log, prev_sys, prev_threading)
    sys.excepthook = hooks.sys_hook
    threading.excepthook = hooks.threading_hook
    _installed = hooks
    return hooks


def uninstall() -> None:
    """Put back the hooks that `install` replaced (idempotent)."""
    global _installed
    hooks, _installed = _installed, None
    if hooks is None:
        return
    sys.excepthook = hooks.prev_sys
    threading.excepthook = hooks.prev_threading


def installed() -> ExceptHooks | None:
    """The hooks in place, if `install` put them there."""
    return _installed
