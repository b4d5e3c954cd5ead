"""Sign in to the bureau server (the token goes to the OS keyring) or choose to work offline."""

from __future__ import annotations

from typing import Any

from cdo_desktop.ui.dialogs.busy import run_with_progress
from cdo_desktop.ui.i18n import is_english
from cdo_desktop.ui.qt import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


def sign_in_and_download(db: Any, *, server_url: str, username: str, password: str) -> tuple[Any, Any]:
    """Sign in (token into the OS keyring), then download what the user may see, so that the window shows the
    signed-in person at once. Another person signing in on this desktop gets a fresh copy (the replica held what the
    previous person could see)."""
    from cdo_desktop.sync import state as sync_state
    from cdo_desktop.sync.client import SyncClient
    from cdo_desktop.sync.signin import login

    with db.read() as session:
        previous = sync_state.get(session, sync_state.COMMISSIONER_ID)
    signed = login(db, server_url=server_url, username=username, password=password)
    if previous and previous != str(signed.commissioner_id):
        with db.write() as session:
            sync_state.put(session, sync_state.EPOCH, "")  # the next pull downloads the new person's view afresh
    client = SyncClient.from_state(db)
    client.sync()
    return signed, client


class SignInDialog(QDialog):
    """Bureau address, user name and password; "Work offline" keeps everything on this computer."""

    pinned_fingerprint = ""  # the bureau root's fingerprint when this sign-in pinned it (first sign-in)

    def __init__(self, state: Any, parent: QWidget | None = None, *, url: str = "", offline: bool = True) -> None:
        super().__init__(parent)
        self.state = state
        self.signed: Any = None
        self.client: Any = None
        self.setWindowTitle(self.tr("Connect to the data bureau"))
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Sign in once with the account the bureau gave you. Your device token is kept "
                                        "in the system keyring, never in a file.")))
        form = QFormLayout()
        self.url = QLineEdit(url)
        self.url.setObjectName("url")
        self.url.setPlaceholderText("https://cdo.fszsj.gov.cn")
        self.user = QLineEdit()
        self.user.setObjectName("user")
        self.password = QLineEdit()
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("Bureau server address"), self.url)
        form.addRow(self.tr("User name"), self.user)
        form.addRow(self.tr("Password"), self.password)
        layout.addLayout(form)
        self.error = QLabel()
        self.error.setStyleSheet("color:#c62828;")
        self.error.setWordWrap(True)
        layout.addWidget(self.error)
        buttons = QDialogButtonBox()
        sign_in = QPushButton(self.tr("Sign in"))
        sign_in.setObjectName("signIn")
        sign_in.setDefault(True)
        other = QPushButton(self.tr("Work offline") if offline else self.tr("Cancel"))
        other.setObjectName("workOffline" if offline else "cancel")
        buttons.addButton(sign_in, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(other, QDialogButtonBox.ButtonRole.RejectRole)
        sign_in.clicked.connect(self.sign_in)
        other.clicked.connect(self.reject)
        layout.addWidget(buttons)

    def sign_in(self) -> None:
        url, user, password = self.url.text().strip(), self.user.text().strip(), self.password.text()
        for widget, ok, text in ((self.url, url.startswith(("https://", "http://")),
                                  self.tr("Bureau server address: must start with https://")),
                                 (self.user, bool(user), self.tr("User name: required")),
                                 (self.password, bool(password), self.tr("Password: required"))):
            if not ok:
                self.error.setText(text)
                widget.setFocus()
                return
        from cdo_desktop.sync import trust

        db = self.state.db

        with self.state.db.read() as session:
            pinned_before = trust.pinned_root(session)

        def work(progress: Any) -> Any:
            return sign_in_and_download(db, server_url=url, username=user, password=password)

        try:
            outcome = run_with_progress(
                self, self.tr("Signing in and downloading your department's records…"), work, report=False)
        except Exception as exc:
            self.error.setText(self._reason(exc))
            return
        if outcome is None:
            return
        self.signed, self.client = outcome
        self.state.sync_client = self.client
        with self.state.db.read() as session:
            pinned = trust.pinned_root(session)
        if pinned and not pinned_before:  # first sign-in: show what was pinned, to compare with the bureau's notice
            self.pinned_fingerprint = trust.root_fingerprint(pinned)
            QMessageBox.information(
                self, self.tr("Bureau certificate pinned"),
                self.tr("This computer now trusts the bureau's root certificate. Compare its fingerprint with the one "
                        "the bureau published; documents are verified against it from now on.\n\nSHA-256: %s")
                % self.pinned_fingerprint,
            )
        self.accept()

    @staticmethod
    def _reason(exc: BaseException) -> str:
        return str(getattr(exc, "en" if is_english() else "zh", None) or exc)

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        from cdo_desktop.ui.accessibility import name_widgets

        name_widgets(self)  # screen readers: every interactive widget has a name
