"""Connecting to a bureau server: the local demo bureau (`--demo`), sign-in of desktop replicas, sync clients.

The demo starts the bureau server in a background thread on its own data folder with the Foshan network, and
gives each demo role its own desktop replica (data folder) signed in over HTTP, exactly as separate PCs would be.
Demo tokens live in an in-memory keyring for this process only: they are tokens of a throwaway local server.
"""

from __future__ import annotations

import socket
import threading
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import keyring

from cdo_desktop.sync.memory_keyring import InProcessKeyring

DEMO_PASSWORD = "demo-pass-2026"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class LocalBureau:
    """The bureau server (`cdo serve`) in a daemon thread on 127.0.0.1."""

    def __init__(self, data_dir: Path, port: int | None = None) -> None:
        from cdo_desktop.server.config import ServerConfig

        self.config = ServerConfig(data_dir=Path(data_dir))
        self.port = port or free_port()
        self.server: Any = None
        self.thread: threading.Thread | None = None
        self.app: Any = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> LocalBureau:
        import uvicorn

        from cdo_desktop.server.app import create_app

        self.app = create_app(self.config)
        config = uvicorn.Config(self.app, host="127.0.0.1", port=self.port, log_level="warning", lifespan="off")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True, name="cdo-demo-bureau")
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("the demo bureau server did not start")
            time.sleep(0.02)
        return self

    def stop(self) -> None:
        if self.server is not None:
            self.server.should_exit = True
        if self.thread is not None:
            self.thread.join(timeout=15)
        if self.app is not None:
            from cdo_desktop.server.app import close_app

            close_app(self.app)
        self.server = self.thread = self.app = None


@dataclass
class Replica:
    """One desktop's copy: its data folder, database, sync client and the person signed in."""

    key: str
    data_dir: Path
    db: Any
    client: Any
    commissioner_id: uuid.UUID


def prepare_demo_bureau(folder: Path, *, scale: int, step: Any = None) -> None:
    """Fill the demo bureau's database with the Foshan network (once)."""
    from sqlalchemy import func, select

    from cdo_desktop.demo.network import generate
    from cdo_desktop.services.bootstrap import ensure_initialised
    from cdo_desktop.store import models as m
    from cdo_desktop.store.migrate import open_database

    db = open_database(folder)
    try:
        ensure_initialised(db)
        with db.read() as session:
            ready = session.execute(select(func.count()).select_from(m.SharingRequest)).scalar_one()
        if not ready:
            generate(db, scale=scale, password=DEMO_PASSWORD, step=step)
    finally:
        db.dispose()


def demo_usernames(bureau_dir: Path) -> dict[str, tuple[str, uuid.UUID]]:
    """Demo role → (user name, commissioner id), found in the bureau's data like `demo_roles.cast`."""
    from sqlalchemy import select

    from cdo_desktop.store import models as m
    from cdo_desktop.store.db import Database
    from cdo_desktop.ui.demo_roles import cast

    db = Database.for_data_dir(bureau_dir)
    try:
        with db.read() as session:
            roles = cast(session)
            out = {}
            for role in roles:
                account = session.execute(select(m.Account).where(m.Account.commissioner_id == role.commissioner_id)
                                          ).scalars().first()
                if account is not None:
                    out[role.key] = (account.username, role.commissioner_id)
    finally:
        db.dispose()
    return out


def sign_in_replica(key: str, folder: Path, *, server_url: str, username: str, password: str) -> Replica:
    """Open (or create) a desktop replica, sign it in and download what its user may see."""
    from cdo_desktop.sync.client import SyncClient
    from cdo_desktop.sync.signin import login
    from cdo_desktop.ui.app import open_local

    db = open_local(folder)
    signed = login(db, server_url=server_url, username=username, password=password, device_name=f"demo-{key}")
    client = SyncClient.from_state(db)
    client.sync()  # first download, or catching up with what happened while the desktop was closed
    return Replica(key, folder, db, client, signed.commissioner_id)


def _words(key: str, *args: Any) -> str:
    """The words a user understands for a stage of building the demo, in the UI language."""
    from cdo_desktop.ui.qt import QCoreApplication

    texts = {
        "directory": QCoreApplication.translate("Demo", "Creating the Foshan departments, people and data catalogue…"),
        "requests": QCoreApplication.translate("Demo", "Filing the sample sharing requests (%d of %d)…"),
        "accounts": QCoreApplication.translate("Demo", "Creating sign-in accounts for the demo people (%d of %d)…"),
        "index": QCoreApplication.translate("Demo", "Building the search index…"),
        "bureau": QCoreApplication.translate("Demo", "Starting the local data bureau…"),
        "desktop": QCoreApplication.translate("Demo", "Setting up the desktop of %s and downloading its records…"),
        "a": QCoreApplication.translate("Demo", "Commissioner A"),
        "b": QCoreApplication.translate("Demo", "Commissioner B"),
        "arbitrator": QCoreApplication.translate("Demo", "the arbitrator"),
        "admin": QCoreApplication.translate("Demo", "the administrator"),
    }
    text = texts.get(key, key)
    return text % args if args else text


# where each stage of building the demo sits on the progress bar (0–1000)
SPANS = {"directory": (0, 30), "requests": (30, 200), "accounts": (200, 650), "index": (650, 700)}


def start_demo(root: Path, *, scale: int, progress: Any = None) -> tuple[LocalBureau, dict[str, Replica]]:
    """The whole demo: bureau server with the network, one signed-in desktop replica per demo role.

    ``progress.update(done, 1000, words)`` tells a user-readable stage and a determinate share of the work."""
    keyring.set_keyring(InProcessKeyring())
    bureau_dir = root / "bureau"

    def report(done: int, text: str) -> None:
        if progress is not None:
            progress.update(done, 1000, text)

    def step(stage: str, done: int, total: int) -> None:
        low, high = SPANS[stage]
        share = low + (high - low) * done // max(total, 1)
        report(share, _words(stage, done + 1, total) if stage in ("requests", "accounts") else _words(stage))

    report(0, _words("directory"))
    prepare_demo_bureau(bureau_dir, scale=scale, step=step)
    report(700, _words("bureau"))
    bureau = LocalBureau(bureau_dir).start()
    replicas: dict[str, Replica] = {}
    people = demo_usernames(bureau_dir)
    for i, (key, (username, _cid)) in enumerate(people.items()):
        report(750 + 250 * i // max(len(people), 1), _words("desktop", _words(key)))
        replicas[key] = sign_in_replica(key, root / f"desktop-{key}", server_url=bureau.url, username=username,
                                        password=DEMO_PASSWORD)
    report(1000, "")
    return bureau, replicas
