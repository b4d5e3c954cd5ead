"""A modal progress dialog around one background operation, with cancel."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from cdo_desktop.ui.qt import QCoreApplication, QEventLoop, QProgressDialog, QWidget
from cdo_desktop.ui.widgets import show_error
from cdo_desktop.ui.worker import Progress, run_in_background


def run_with_progress(parent: QWidget | None, text: str, fn: Callable[[Progress], Any], *,
                      report: bool = True) -> Any:
    """Run ``fn`` in the background behind a progress dialog; returns its result, or None if it failed/was cancelled
    (the failure is shown to the user unless ``report`` is False, in which case it is raised)."""
    dialog = QProgressDialog(text, dialog_cancel_text(), 0, 0, parent)
    dialog.setMinimumDuration(300)
    dialog.setWindowTitle("CDO Desktop")
    loop = QEventLoop()
    outcome: dict[str, Any] = {}

    def progress(done: int, total: int, message: str) -> None:
        dialog.setMaximum(total)
        dialog.setValue(done)
        if message:
            dialog.setLabelText(message)

    op = run_in_background(fn, success=lambda r: outcome.setdefault("result", r),
                           failure=lambda e: outcome.setdefault("error", e), progress=progress)
    op.signals.finished.connect(loop.quit)
    dialog.canceled.connect(op.cancel)
    if not op.done:
        loop.exec()
    # The outcome travels as a queued signal: an operation that ended before the loop ran (a refusal raised at
    # once) has posted it but it is not delivered yet — deliver it, or the failure would vanish as "cancelled".
    deadline = time.monotonic() + 5
    while "result" not in outcome and "error" not in outcome and time.monotonic() < deadline:
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
    dialog.close()
    if "error" in outcome:
        from cdo_desktop.ui.worker import Cancelled

        if not isinstance(outcome["error"], Cancelled):
            if not report:
                raise outcome["error"]
            show_error(parent, outcome["error"], text)
        return None
    return outcome.get("result")


def dialog_cancel_text() -> str:
    from cdo_desktop.ui.qt import QCoreApplication

    return QCoreApplication.translate("Busy", "Cancel")
