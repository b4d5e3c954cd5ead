"""An in-process keyring for `--demo`, `--self-test` and tests: tokens live in memory and die with the process.

It is never chosen by keyring on its own (its priority refuses to be read, so keyring finds it not viable): it is
used only where code installs it explicitly with ``keyring.set_keyring(InProcessKeyring())``. A desktop without an
OS keyring therefore still gets the clear "install gnome-keyring or KWallet" error, never a silent in-memory store.
"""

from __future__ import annotations

import keyring.backend
from jaraco.classes import properties


class InProcessKeyring(keyring.backend.KeyringBackend):
    """Secrets in a dict of this process only."""

    @properties.classproperty
    def priority(cls) -> float:
        raise RuntimeError("in-process keyring: only used when installed explicitly")

    def __init__(self) -> None:
        super().__init__()  # type: ignore[no-untyped-call]
        self.store: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.store.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.store[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.store.pop((service, username), None)
