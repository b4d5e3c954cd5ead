"""Background work: run an operation off the UI thread, report progress, allow cancel, answer on the UI thread.

Like Anki's ``QueryOp``: the operation receives a `Progress` handle and never touches a widget; ``success`` or
``failure`` run on the UI thread afterwards.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable
from typing import Any

from cdo_desktop.ui.qt import QObject, QRunnable, QThreadPool, Signal


class Cancelled(Exception):
    """The user cancelled the operation."""


class Progress:
    """Handed to the operation: ``update(done, total, text)``; ``check()`` raises `Cancelled` when asked to stop."""

    def __init__(self, op: Op) -> None:
        self._op = op

    def update(self, done: int, total: int = 0, text: str = "") -> None:
        self.check()
        self._op.signals.progress.emit(done, total, text)

    @property
    def cancelled(self) -> bool:
        return self._op.cancel_requested

    def check(self) -> None:
        if self._op.cancel_requested:
            raise Cancelled()


class _Signals(QObject):
    progress = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(object)
    finished = Signal()


class Op(QRunnable):
    """One background operation. Create with `run_in_background`."""

    def __init__(self, fn: Callable[[Progress], Any]) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self.fn = fn
        self.signals = _Signals()
        self.cancel_requested = False
        self.done = False

    def cancel(self) -> None:
        self.cancel_requested = True

    def run(self) -> None:
        try:
            result = self.fn(Progress(self))
        except BaseException as exc:  # handed to the UI thread; never lost
            exc.__cdo_traceback__ = traceback.format_exc()  # type: ignore[attr-defined]
            self.signals.failed.emit(exc)
        else:
            self.signals.succeeded.emit(result)
        finally:
            self.done = True
            self.signals.finished.emit()


_running: set[Op] = set()


def run_in_background(
    fn: Callable[[Progress], Any],
    *,
    success: Callable[[Any], None] | None = None,
    failure: Callable[[BaseException], None] | None = None,
    progress: Callable[[int, int, str], None] | None = None,
    pool: QThreadPool | None = None,
) -> Op:
    """Start ``fn(progress)`` on the thread pool; callbacks are delivered on the UI thread (queued signals)."""
    op = Op(fn)
    if success is not None:
        op.signals.succeeded.connect(success)
    if failure is not None:
        op.signals.failed.connect(failure)
    if progress is not None:
        op.signals.progress.connect(progress)
    _running.add(op)
    op.signals.finished.connect(lambda: _running.discard(op))
    (pool or QThreadPool.globalInstance()).start(op)
    return op


def wait_all(timeout_ms: int = 30_000) -> bool:
    """Wait for every running operation (used at exit and by tests)."""
    return QThreadPool.globalInstance().waitForDone(timeout_ms)
