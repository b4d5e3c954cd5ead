"""A keyring backend for the self-test's subprocess (selected with PYTHON_KEYRING_BACKEND): a working, in-memory
stand-in for an unlocked OS keyring, so that the "usable keyring" answer can be checked on a headless machine."""

from __future__ import annotations

import keyring.backend


class ProbeKeyring(keyring.backend.KeyringBackend):
    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()  # type: ignore[no-untyped-call]
        self.store: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.store.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.store[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.store.pop((service, username), None)
