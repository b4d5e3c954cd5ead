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
        state.actor_changed.connect(self._client_changed)
        self.soon = QTimer(self)  # a change was queued: push it shortly (several quick changes, one round)
        self.soon.setSingleShot(True)
        self.soon.setInterval(800)
        self.soon.timeout.connect(self.sync_now)
        state.sync_wanted.connect(self.soon.start)
        self.timer = QTimer(self)
        self.timer.setInterval(5 * 60 * 1000)
        self.timer.timeout.connect(self.sync_now)
        self._client_changed()

    def _client_changed(self) -> None:
        if self.state.sync_client is not None:
            self.mode = "online" if self.mode == "offline" else self.mode
            self.timer.start()
        else:
            self.mode = "offline"
            self.timer.stop()
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
            self.last_error = self.tr("Not signed in to a bureau: sign in first (File ▸ Sign in to the bureau…).")
            self.update_text()
            if not self.state.replicas:
                self.state.sign_in_wanted.emit()
            return
        if self.op is not None:
            return
        self.mode = "syncing"
        self.update_text()
        self.op = run_in_background(lambda progress: client.sync(), success=self._done, failure=self._failed)

    def _done(self, result: Any) -> None:
        self.op = None
        if getattr(result, "refused", 0):
            self.last_error = self.tr("%d changes were refused by the bureau: see My tasks") % result.refused
        self.mode = "online"
        if not getattr(result, "refused", 0):
            self.last_error = ""
        self.last_sync = dt.datetime.now(dt.UTC)
        self.state.changed.emit({"*"})
        self.update_text()

    def synced(self) -> None:
        """A sync round ran elsewhere (the demo's role switch): show it as the last sync."""
        self.mode, self.last_error = "online", ""
        self.last_sync = dt.datetime.now(dt.UTC)
        self.update_text()

    def _failed(self, exc: BaseException) -> None:
        from cdo_desktop.ui.i18n import is_english

        self.op = None
        self.mode = "error"
        self.last_error = getattr(exc, "en" if is_english() else "zh", None) or str(exc)
        self.update_text()

    def stop(self) -> None:
        self.timer.stop()
        if self.op is not None:
            self.op.cancel()
