"""The status-bar sync indicator: offline / online / syncing / N pending / last sync, and "sync now"."""

from __future__ import annotations

import datetime as dt
from typing import Any

from cdo_desktop.store.queries import count_outbox
from cdo_desktop.ui.qt import QLabel, QTimer, QWidget
from cdo_desktop.ui.worker import run_in_background


class SyncIndicator(QLabel):
    """Shows the outbox count and the sync client's state; runs a sync round in the background when asked."""

    def __init__(self, state: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("syncIndicator")
        self.state = state
        self.mode = "offline"
        self.last_sync: dt.datetime | None = None
        self.last_error = ""
        self.op: Any = None
        state.changed.connect(lambda entities: self.update_text())
        self.timer = QTimer(self)
        self.timer.setInterval(5 * 60 * 1000)
        self.timer.timeout.connect(self.sync_now)
        if state.sync_client is not None:
            self.mode = "online"
            self.timer.start()
        self.update_text()

    def pending(self) -> int:
        with self.state.read() as session:
            return int(count_outbox(session))

    def update_text(self) -> None:
        modes = {"offline": self.tr("Offline"), "online": self.tr("Online"), "syncing": self.tr("Syncing…"),
                 "error": self.tr("Bureau unreachable")}
        parts = [modes.get(self.mode, self.mode)]
        parts.append(self.tr("%d pending") % self.pending())
        if self.last_sync is not None:
            parts.append(self.tr("last sync %s") % self.last_sync.astimezone().strftime("%H:%M"))
        self.setText(" · ".join(parts))
        tip = self.last_error or (self.tr("Not connected to a bureau server: changes stay on this computer.")
                                  if self.state.sync_client is None else "")
        self.setToolTip(tip)

    def sync_now(self) -> None:
        client = self.state.sync_client
        if client is None:
            self.mode = "offline"
            self.last_error = self.tr("Sync is not available yet: no bureau server is configured.")
            self.update_text()
            return
        if self.op is not None:
            return
        self.mode = "syncing"
        self.update_text()
        self.op = run_in_background(lambda progress: client.sync_once(), success=self._done, failure=self._failed)

    def _done(self, result: Any) -> None:
        self.op = None
        self.mode = "online"
        self.last_error = ""
        self.last_sync = dt.datetime.now(dt.UTC)
        self.state.changed.emit({"*"})
        self.update_text()

    def _failed(self, exc: BaseException) -> None:
        self.op = None
        self.mode = "error"
        self.last_error = str(exc)
        self.update_text()

    def stop(self) -> None:
        self.timer.stop()
        if self.op is not None:
            self.op.cancel()
