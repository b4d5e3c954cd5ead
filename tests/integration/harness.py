"""Test harness: a real uvicorn server on a loopback port in a thread, PostgreSQL databases, a TCP proxy that cuts
connections, an in-memory keyring, and desktops (database + sync client)."""

from __future__ import annotations

import contextlib
import os
import random
import shutil
import socket
import threading
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import keyring.backend
import pytest
import uvicorn

from cdo_desktop.server.app import create_app
from cdo_desktop.server.config import ServerConfig
from cdo_desktop.store.migrate import open_database
from cdo_desktop.sync.client import SyncClient
from cdo_desktop.sync.http import RetryPolicy
from cdo_desktop.sync.memory_keyring import InProcessKeyring

PG_ADMIN = "postgresql://postgres@127.0.0.1:5432/test"
FAST_RETRY = RetryPolicy(attempts=40, base_s=0.01, max_s=0.2)


MemoryKeyring = InProcessKeyring  # the product's in-process keyring, installed explicitly by the tests


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def pg_reachable() -> str | None:
    """None when PostgreSQL answers, else why not."""
    try:
        import psycopg

        with psycopg.connect(PG_ADMIN, connect_timeout=3):
            return None
    except Exception as exc:
        return f"PostgreSQL on 127.0.0.1:5432 unreachable: {exc}"


def require_postgres() -> None:
    """Skip the calling test when PostgreSQL does not answer; fail it instead under ``CDO_REQUIRE_POSTGRES`` (set by
    .ci/run: CI must not skip PostgreSQL silently)."""
    why = pg_reachable()
    if why:
        if os.environ.get("CDO_REQUIRE_POSTGRES"):
            pytest.fail(f"CDO_REQUIRE_POSTGRES is set but {why}")
        pytest.skip(why)


@contextlib.contextmanager
def pg_scratch(prefix: str) -> Iterator[str]:
    """A new, empty PostgreSQL database for one test (`require_postgres` first): its name; dropped afterwards."""
    require_postgres()
    name = f"{prefix}_{uuid.uuid4().hex[:10]}"
    pg_execute(f'CREATE DATABASE "{name}"')
    try:
        yield name
    finally:
        pg_drop(name)


def pg_execute(sql: str) -> None:
    import psycopg

    with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
        conn.execute(sql)


def pg_url(name: str) -> str:
    return f"postgresql+psycopg://postgres@127.0.0.1:5432/{name}"


def pg_drop(name: str) -> None:
    pg_execute(
        f"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{name}' AND pid <> pg_backend_pid()"
    )
    pg_execute(f'DROP DATABASE IF EXISTS "{name}"')


class LiveServer:
    """`cdo serve` in a thread: the same app, a real socket, real HTTP."""

    def __init__(self, config: ServerConfig, port: int | None = None) -> None:
        self.config = config
        self.port = port or free_port()
        self.server: uvicorn.Server | None = None
        self.thread: threading.Thread | None = None
        self.app: Any = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def db(self) -> Any:
        return self.app.state.db

    def start(self) -> LiveServer:
        self.app = create_app(self.config)
        config = uvicorn.Config(
            self.app, host="127.0.0.1", port=self.port, log_level="warning", lifespan="off", proxy_headers=False
        )
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)
        self.thread.start()
        deadline = time.monotonic() + 15
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("server did not start")
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
        self.server = self.thread = None

    def restart(self) -> None:
        self.stop()
        self.start()


class CuttingProxy:
    """A TCP proxy that forwards to ``target_port`` and, with probability ``cut_rate`` per chunk, cuts the
    connection (both directions) at that point: before a request arrives, mid-request or mid-answer."""

    def __init__(self, target_port: int, *, seed: int, cut_rate: float = 0.0) -> None:
        self.target_port = target_port
        self.random = random.Random(seed)
        self.cut_rate = cut_rate
        self.cuts = 0
        self.sock = socket.socket()
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(64)
        self.port = self.sock.getsockname()[1]
        self.closed = False
        self.lock = threading.Lock()
        threading.Thread(target=self._accept, daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def _cut(self) -> bool:
        with self.lock:
            hit = self.random.random() < self.cut_rate
            self.cuts += hit
            return hit

    def _accept(self) -> None:
        while not self.closed:
            try:
                client, _ = self.sock.accept()
            except OSError:
                return
            try:
                upstream = socket.create_connection(("127.0.0.1", self.target_port), timeout=5)
            except OSError:
                client.close()
                continue
            for a, b in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pipe, args=(a, b), daemon=True).start()

    def _pipe(self, src: socket.socket, dst: socket.socket) -> None:
        try:
            while True:
                data = src.recv(65536)
                if not data:
                    break
                if self._cut():
                    cut_at = self.random.randrange(len(data) + 1) if len(data) else 0
                    dst.sendall(data[:cut_at])
                    break
                dst.sendall(data)
        except OSError:
            pass
        finally:
            for s in (src, dst):
                try:
                    s.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass
                s.close()

    def close(self) -> None:
        self.closed = True
        self.sock.close()


class Desktop:
    """One office PC: its own database and a sync client signed in as ``username``."""

    def __init__(self, root: Path, server_url: str, username: str, password: str, **client_kwargs: Any) -> None:
        self.root = root
        self.db = open_database(root)
        self.username = username
        from cdo_desktop.sync.signin import login

        self.signed = login(self.db, server_url=server_url, username=username, password=password, retry=FAST_RETRY)
        from cdo_desktop.sync import credentials

        token = credentials.load_token(server_url, username)
        assert token
        self.token = token
        client_kwargs.setdefault("retry", FAST_RETRY)
        self.client = SyncClient(self.db, server_url=server_url, token=token, **client_kwargs)

    @property
    def actor_id(self) -> uuid.UUID:
        return self.signed.commissioner_id

    def close(self) -> None:
        self.client.close()
        self.db.dispose()


def copy_sqlite(src_dir: Path, dst_dir: Path) -> None:
    dst_dir.mkdir(parents=True, exist_ok=True)
    shutil.copy2(src_dir / "cdo.sqlite3", dst_dir / "cdo.sqlite3")


def sign_in(url: str, username: str, password: str, device: str | None = None) -> str:
    answer = httpx.post(
        f"{url}/v1/auth/sign-in",
        json={"username": username, "password": password, "device_id": device or uuid.uuid4().hex},
        timeout=30,
    )
    answer.raise_for_status()
    return str(answer.json()["token"])


def _norm(value: Any) -> Any:
    """Compare values the way the database means them (UUID text, UTC instants)."""
    if isinstance(value, str) and len(value) >= 19 and value[4] == "-" and value[10] == "T":
        import datetime as dt

        parsed = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
        return (parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.UTC)).astimezone(dt.UTC).isoformat()
    return value


def normalise(row: dict[str, Any]) -> dict[str, Any]:
    return {k: _norm(v) for k, v in row.items()}


def server_rows(url: str, token: str) -> dict[tuple[str, str], dict[str, Any]]:
    """Everything the user may see, as the bureau has it (through the pull API, from the beginning)."""
    out: dict[tuple[str, str], dict[str, Any]] = {}
    after = 0
    with httpx.Client(base_url=url, headers={"Authorization": f"Bearer {token}"}, timeout=60) as client:
        while True:
            page = client.get("/v1/sync/pull", params={"after": after, "limit": 2000}).json()
            for r in page["rows"]:
                out[(r["table"], r["row"]["id"])] = normalise(r["row"])
            after = page["cursor"]
            if not page["more"]:
                return out


def local_rows(db: Any) -> dict[tuple[str, str], dict[str, Any]]:
    from sqlalchemy import select

    from cdo_desktop.sync.replica import to_json
    from cdo_desktop.sync.wire import TABLES

    out: dict[tuple[str, str], dict[str, Any]] = {}
    with db.read() as session:
        for name, model in TABLES.items():
            for row in session.connection().execute(select(model.__table__)).mappings():
                data = normalise({k: to_json(v) for k, v in row.items()})
                out[(name, data["id"])] = data
    return out


def mutation(kind: str, actor: uuid.UUID, entity: uuid.UUID, payload: dict[str, Any], base: int = 0) -> Any:
    from cdo_desktop.domain.mutations import Mutation

    return Mutation(kind=kind, actor_id=actor, entity_id=entity, payload=payload, base_revision=base)


def request_payload(world: Any, requester: str = "A", provider: str = "B", items: list[str] | None = None) -> dict[str, Any]:
    return {
        "requester_department_id": str(world.depts[requester]), "resource_id": str(world.resources[provider]),
        "items": items or ["姓名"], "purpose": "核验身份", "period_start": "2026-03-01", "period_end": "2026-12-31",
    }


class FileTestKeyring(keyring.backend.KeyringBackend):
    """Tests only: a keyring in a JSON file named by ``CDO_TEST_KEYRING_FILE``, so that `cdo login` and `cdo sync`
    subprocesses share it (select with ``PYTHON_KEYRING_BACKEND=tests.integration.harness.FileTestKeyring``)."""

    priority = 1  # type: ignore[assignment]

    def _load(self) -> dict[str, str]:
        import json
        import os

        path = Path(os.environ["CDO_TEST_KEYRING_FILE"])
        return json.loads(path.read_text()) if path.exists() else {}

    def _save(self, data: dict[str, str]) -> None:
        import json
        import os

        Path(os.environ["CDO_TEST_KEYRING_FILE"]).write_text(json.dumps(data))

    def get_password(self, service: str, username: str) -> str | None:
        return self._load().get(f"{service}|{username}")

    def set_password(self, service: str, username: str, password: str) -> None:
        data = self._load()
        data[f"{service}|{username}"] = password
        self._save(data)

    def delete_password(self, service: str, username: str) -> None:
        data = self._load()
        data.pop(f"{service}|{username}", None)
        self._save(data)
