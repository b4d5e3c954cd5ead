"""Who works at this desktop: sign in, sign out and switch account (the File menu, at any time).

Signing in downloads what the person may see before the window changes, so the window shows that person at once
(never the bureau's local administrator of an offline desktop). An offline desktop that holds records of its own
is backed up before the bureau's copy replaces them.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from cdo_desktop.ui.dialogs.busy import run_with_progress
from cdo_desktop.ui.qt import QMessageBox, QObject, QWidget


def local_records(state: Any) -> int:
    """Records made on this desktop while it worked offline (requests, objections, disputes, resources)."""
    from sqlalchemy import func, select

    from cdo_desktop.store import models as m

    with state.read() as session:
        return sum(int(session.execute(select(func.count()).select_from(model)).scalar_one())
                   for model in (m.SharingRequest, m.QualityObjection, m.Dispute, m.DataResource))


class SessionControl(QObject):
    """Sign in / sign out / switch account for one window; the demo's roles are separate signed-in desktops."""

    def __init__(self, state: Any, settings: Any, window: QWidget) -> None:
        super().__init__(window)
        self.state = state
        self.settings = settings
        self.window = window

    @property
    def demo(self) -> bool:
        return bool(self.state.replicas)

    def signed_in(self) -> bool:
        return self.state.sync_client is not None and self.state.actor is not None

    def sign_in(self) -> bool:
        """Ask for the bureau account; on success the window shows the signed-in person at once."""
        from cdo_desktop.sync import state as sync_state
        from cdo_desktop.ui.dialogs.signin_dialog import SignInDialog

        if self.demo:
            return False
        with self.state.read() as session:
            url = sync_state.get(session, sync_state.SERVER_URL)
        if not url and not self._keep_offline_records():
            return False
        dialog = SignInDialog(self.state, self.window, url=url or self.settings.get("sync/bureau_url") or "",
                              offline=False)
        dialog.setObjectName("signInDialog")
        if not dialog.exec() or dialog.signed is None:
            return False
        self.settings.set("sync/bureau_url", dialog.url.text().strip())
        self.settings.set("session/offline_chosen", "")
        self.settings.set("session/actor_id", str(dialog.signed.commissioner_id))
        self.state.sign_in_as(dialog.signed.commissioner_id)
        return True

    def _keep_offline_records(self) -> bool:
        """An offline desktop with records of its own: back them up before the bureau's copy replaces them."""
        count = local_records(self.state)
        if not count:
            return True
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        target = Path(self.state.data_dir) / f"offline-before-sign-in-{stamp}.sqlite3"
        answer = QMessageBox.question(
            self.window, self.tr("Sign in"),
            self.tr("This computer holds %d records made while working offline. After signing in it shows the "
                    "bureau's records instead; the offline records are first backed up to %s. Continue?")
            % (count, target))
        if answer != QMessageBox.StandardButton.Yes:
            return False
        from cdo_desktop.store.backup import backup

        return run_with_progress(self.window, self.tr("Backing up…"),
                                 lambda p: backup(self.state.data_dir, target)) is not None

    def sign_out(self) -> bool:
        """Send what is pending, revoke this desktop's token and forget it; the records stay on this computer."""
        from cdo_desktop.store.queries import count_outbox
        from cdo_desktop.sync import state as sync_state
        from cdo_desktop.sync.signin import logout

        if self.demo or not self.signed_in():
            return False
        client = self.state.sync_client
        with self.state.read() as session:
            pending = int(count_outbox(session))
        if pending:
            run_with_progress(self.window, self.tr("Sending your changes to the bureau…"), lambda p: client.sync())
            with self.state.read() as session:
                pending = int(count_outbox(session))
        if pending:
            QMessageBox.warning(self.window, self.tr("Sign out"),
                                self.tr("%d changes have not reached the bureau yet. Sign out once they are sent "
                                        "(Sync now), so that they are not lost.") % pending)
            return False
        answer = QMessageBox.question(self.window, self.tr("Sign out"),
                                      self.tr("Sign out of the bureau? Your records stay on this computer."))
        if answer != QMessageBox.StandardButton.Yes:
            return False
        db = self.state.db
        run_with_progress(self.window, self.tr("Signing out…"), lambda p: logout(db))
        with self.state.db.write() as session:
            sync_state.put(session, sync_state.USERNAME, "")
        client.close()
        self.state.sync_client = None
        self.settings.set("session/actor_id", "")
        self.state.sign_out()
        return True

    def switch_account(self) -> bool:
        """Sign out (if signed in) and sign in as someone else."""
        if self.demo:
            return False
        if self.signed_in() and not self.sign_out():
            return False
        return self.sign_in()
