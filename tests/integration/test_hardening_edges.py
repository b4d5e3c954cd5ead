"""The server's edges as an attacker on the network would try them (issue #10), on SQLite and PostgreSQL: bodies
streamed without a limit, a full disk, trusted proxies, plain-HTTP sign-in, a keyring that keeps nothing, the
OpenAPI document and time stamps without a zone."""

from __future__ import annotations

import datetime as dt
import errno
import logging
import os
import select
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import httpx
import keyring
import pytest
from keyring.backends.chainer import ChainerBackend

from cdo_desktop.server.config import ServerConfig
from cdo_desktop.store.migrate import open_database
from cdo_desktop.sync import credentials
from cdo_desktop.sync.client import SyncClient
from cdo_desktop.sync.http import InsecureServer
from cdo_desktop.sync.signin import login
from tests.integration.conftest import BACKENDS, fresh_config
from tests.integration.harness import LiveServer, free_port, mutation, pg_drop, request_payload, sign_in
from tests.integration.world import PASSWORD

ROOT = Path(__file__).resolve().parents[2]
MiB = 1024 * 1024


class ServeProcess:
    """`cdo serve` as its own process, so that its memory can be read from /proc."""

    def __init__(self, config: ServerConfig, *extra: str) -> None:
        self.port = free_port()
        args = [sys.executable, "-m", "cdo_desktop", "serve", "--data-dir", str(config.data_dir), "--port", str(self.port),
                "--log-level", "warning", *extra]
        if config.database_url:
            args += ["--database-url", config.database_url]
        self.proc = subprocess.Popen(args, env={**os.environ, "PYTHONPATH": str(ROOT)}, stdout=subprocess.DEVNULL,
                                     stderr=subprocess.PIPE)
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(f"{self.url}/v1/health", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline or self.proc.poll() is not None:
                raise RuntimeError(f"cdo serve did not start: {self.proc.stderr.read().decode() if self.proc.stderr else ''}")
            time.sleep(0.2)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def peak_rss(self) -> int:
        """The process's peak resident memory (VmHWM), in bytes."""
        for line in Path(f"/proc/{self.proc.pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
        raise AssertionError("no VmHWM")

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.proc.kill()


@pytest.fixture(params=BACKENDS)
def served(request: pytest.FixtureRequest, tmp_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServeProcess]:
    config, _world, database = fresh_config(request.param, tmp_path, tmp_path_factory.getbasetemp())
    server = ServeProcess(config)
    yield server
    server.stop()
    if database:
        pg_drop(database)


def stream_chunked(port: int, path: str, *, total_mib: int, token: str | None = None, method: str = "POST") -> tuple[int | None, int]:
    """Send ``total_mib`` MiB as ``Transfer-Encoding: chunked`` (no Content-Length), stopping as soon as the server
    answers. Returns (the answer's status or None, MiB sent)."""
    head = (f"{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
            "Transfer-Encoding: chunked\r\n" + (f"Authorization: Bearer {token}\r\n" if token else "") + "\r\n")
    frame = f"{MiB:x}\r\n".encode() + b" " * MiB + b"\r\n"
    sent = 0
    with socket.create_connection(("127.0.0.1", port)) as sock:
        sock.settimeout(5)
        try:
            sock.sendall(head.encode())
            for _ in range(total_mib):
                if select.select([sock], [], [], 0)[0]:
                    break  # the server has answered: stop sending
                sock.sendall(frame)
                sent += 1
            else:
                sock.sendall(b"0\r\n\r\n")
        except OSError:  # the server stopped reading (and closed): read its answer
            pass
        sock.settimeout(30)
        try:
            data = sock.recv(65536)
        except OSError:
            data = b""
    status = int(data.split()[1]) if data.startswith(b"HTTP/1.1 ") else None
    return status, sent


def test_chunked_body_is_counted_while_it_streams_and_memory_stays_small(served: ServeProcess) -> None:
    baseline = httpx.get(f"{served.url}/v1/health").status_code
    assert baseline == 200
    token = sign_in(served.url, "a-commissioner", PASSWORD)
    before = served.peak_rss()
    # no token: refused before a byte of the body is read
    status, sent = stream_chunked(served.port, "/v1/sync/push", total_mib=400)
    assert status == 401 and sent < 64, (status, sent)
    # with a token: 413 the moment the 32 MiB limit is passed, never 400 MiB in memory
    status, sent = stream_chunked(served.port, "/v1/sync/push", total_mib=400, token=token)
    assert status == 413 and sent < 100, (status, sent)
    status, sent = stream_chunked(served.port, f"/v1/blobs/{'3' * 64}", total_mib=400, token=token, method="PUT")
    assert status == 413 and sent < 100, (status, sent)
    # the public sign-in takes 16 KB at most
    status, sent = stream_chunked(served.port, "/v1/auth/sign-in", total_mib=400)
    assert status == 413 and sent < 64, (status, sent)
    grown = served.peak_rss() - before
    print(f"peak RSS {before / MiB:.0f} MiB before, grew by {grown / MiB:.1f} MiB")  # shown with -s
    assert grown < 80 * MiB, f"peak RSS grew by {grown / MiB:.0f} MiB"
    assert httpx.get(f"{served.url}/v1/health").status_code == 200  # and the server still answers


def test_declared_length_over_the_limit_is_refused_before_reading(bureau) -> None:
    with socket.create_connection(("127.0.0.1", bureau.server.port)) as sock:
        token = sign_in(bureau.url, "a-commissioner", PASSWORD)
        sock.sendall((f"POST /v1/sync/push HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {token}\r\n"
                      f"Content-Type: application/json\r\nContent-Length: {400 * MiB}\r\n\r\n").encode())
        sock.settimeout(10)
        data = b""
        while chunk := sock.recv(65536):
            data += chunk
    assert data.startswith(b"HTTP/1.1 413") and b"too_large" in data


class _Kept(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def test_full_disk_answers_503_with_retry_after(bureau, monkeypatch) -> None:
    """The blob store's disk is full (ENOSPC on write), then the database is full (SQLite: max_page_count). Each
    is logged once by the bureau, not raised again to the HTTP server (which would log a second traceback)."""
    kept = _Kept()
    for name in ("uvicorn.error", "cdo.server"):
        logging.getLogger(name).addHandler(kept)
        monkeypatch.setattr(logging.getLogger(name), "level", logging.DEBUG)
    token = sign_in(bureau.url, "a-commissioner", PASSWORD)
    auth = {"Authorization": f"Bearer {token}"}
    real_open = Path.open

    def full_open(self: Path, mode: str = "r", *args, **kwargs):  # type: ignore[no-untyped-def]
        if self.suffix == ".part" and "w" in mode:
            raise OSError(errno.ENOSPC, "No space left on device", str(self))
        return real_open(self, mode, *args, **kwargs)

    monkeypatch.setattr(Path, "open", full_open)
    data = b"evidence" * 100
    import hashlib

    put = httpx.put(f"{bureau.url}/v1/blobs/{hashlib.sha256(data).hexdigest()}", headers=auth, content=data)
    assert put.status_code == 503 and int(put.headers["Retry-After"]) > 0
    assert put.json()["error"]["code"] == "storage_full"
    assert [(r.name, r.levelname) for r in kept.records] == [("cdo.server", "ERROR")], kept.records
    assert kept.records[0].exc_info is None and "full" in kept.records[0].getMessage()
    for name in ("uvicorn.error", "cdo.server"):
        logging.getLogger(name).removeHandler(kept)
    monkeypatch.setattr(Path, "open", real_open)
    if bureau.backend != "sqlite":
        return
    from sqlalchemy import event, text

    engine = bureau.db.writer
    with engine.connect() as conn:
        pages = conn.execute(text("PRAGMA page_count")).scalar_one()

    @event.listens_for(engine, "connect")
    def _cap(dbapi_conn, _record):  # type: ignore[no-untyped-def]
        dbapi_conn.execute(f"PRAGMA max_page_count = {pages}")

    engine.dispose()  # every new connection gets the cap: the database is now full
    w = bureau.world
    batch = [mutation("request.create", w.people[("A", "commissioner")], uuid.uuid4(), request_payload(w)).model_dump(mode="json")
             for _ in range(200)]
    pushed = httpx.post(f"{bureau.url}/v1/sync/push", headers=auth, json={"mutations": batch}, timeout=120)
    if pushed.status_code == 200:  # some fitted before the disk filled: those are answered, the rest are not
        assert 0 < len(pushed.json()["answers"]) < 200
    else:
        assert pushed.status_code == 503 and int(pushed.headers["Retry-After"]) > 0, pushed.text
        assert pushed.json()["error"]["code"] == "storage_full"
    event.remove(engine, "connect", _cap)
    engine.dispose()


def test_forwarded_headers_are_believed_only_from_named_proxies(bureau, tmp_path) -> None:
    """Without --forwarded-allow-ips a client's X-Forwarded-For is ignored (the peer's address is the client's);
    with it, the named proxy's report is believed."""
    from sqlalchemy import select

    from cdo_desktop.store.server_models import SignInThrottle

    def fail(url: str, forwarded_for: str) -> None:
        body = {"username": f"nobody-{uuid.uuid4().hex[:8]}", "password": "x", "device_id": uuid.uuid4().hex}
        assert httpx.post(f"{url}/v1/auth/sign-in", json=body, headers={"X-Forwarded-For": forwarded_for}).status_code == 401

    def addresses() -> set[str]:
        with bureau.db.read() as session:
            keys = session.execute(select(SignInThrottle.key)).scalars()  # type: ignore[call-overload]
            return {k.removeprefix("address:") for k in keys if k.startswith("address:")}

    fail(bureau.url, "10.9.8.7")
    assert addresses() == {"127.0.0.1"}  # a claimed address is not believed by default
    config = bureau.server.config
    trusting = LiveServer(ServerConfig(data_dir=config.data_dir, database_url=config.database_url,
                                       forwarded_allow_ips="127.0.0.1")).start()
    try:
        fail(trusting.url, "10.2.2.2")
        assert addresses() == {"127.0.0.1", "10.2.2.2"}
    finally:
        trusting.stop()
    # and `cdo serve` takes the option
    done = subprocess.run([sys.executable, "-m", "cdo_desktop", "serve", "--help"], capture_output=True, text=True,
                          timeout=60, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert "--forwarded-allow-ips" in done.stdout


def test_plain_http_to_another_machine_is_refused_everywhere(bureau, tmp_path) -> None:
    db = open_database(tmp_path / "desk")
    for url in ("http://bureau.example", "http://10.1.2.3:8470", "ftp://bureau.example"):
        with pytest.raises(InsecureServer) as refused:
            login(db, server_url=url, username="a-commissioner", password=PASSWORD)
        assert "https" in refused.value.en and "https" in refused.value.zh
        with pytest.raises(InsecureServer):
            SyncClient(db, server_url=url, token="x")
    # loopback over http stays possible (a bureau behind a proxy on the same machine, tests)
    assert login(db, server_url=bureau.url, username="a-commissioner", password=PASSWORD).username == "a-commissioner"
    assert login(db, server_url=bureau.url.replace("127.0.0.1", "localhost"), username="a-commissioner",
                 password=PASSWORD).username == "a-commissioner"
    db.dispose()
    done = subprocess.run(
        [sys.executable, "-m", "cdo_desktop", "login", "--data-dir", str(tmp_path / "d2"), "--server",
         "http://bureau.example", "--user", "a-commissioner", "--password-stdin"],
        input=PASSWORD + "\n", capture_output=True, text=True, timeout=60,
        env={**os.environ, "PYTHONPATH": str(ROOT), "PYTHON_KEYRING_BACKEND": "tests.integration.harness.FileTestKeyring",
             "CDO_TEST_KEYRING_FILE": str(tmp_path / "k.json")},
    )
    assert done.returncode == 2 and "https://" in done.stderr and "Traceback" not in done.stderr
    assert not (tmp_path / "k.json").exists()


def test_a_keyring_that_keeps_nothing_is_not_called_signed_in(bureau, tmp_path) -> None:
    class Empty(ChainerBackend):
        backends = []  # type: ignore[assignment]

    previous = keyring.get_keyring()
    keyring.set_keyring(Empty())
    try:
        db = open_database(tmp_path / "desk")
        with pytest.raises(credentials.CredentialsUnavailable):
            login(db, server_url=bureau.url, username="a-commissioner", password=PASSWORD)
        db.dispose()
    finally:
        keyring.set_keyring(previous)
    # the token issued for it was revoked again: nothing usable is left behind
    admin = {"Authorization": f"Bearer {sign_in(bureau.url, 'admin', PASSWORD)}"}
    tokens = [t for t in httpx.get(f"{bureau.url}/v1/admin/tokens", headers=admin).json() if t["username"] == "a-commissioner"]
    assert tokens and all(t["revoked_at"] for t in tokens)


def test_token_lists_carry_time_zones(bureau) -> None:
    token = sign_in(bureau.url, "a-commissioner", PASSWORD)
    httpx.get(f"{bureau.url}/v1/sync/pull", headers={"Authorization": f"Bearer {token}"})
    admin = {"Authorization": f"Bearer {sign_in(bureau.url, 'admin', PASSWORD)}"}
    mine = httpx.get(f"{bureau.url}/v1/auth/tokens", headers={"Authorization": f"Bearer {token}"}).json()
    everyone = httpx.get(f"{bureau.url}/v1/admin/tokens", headers=admin).json()
    stamps = [t[k] for t in mine + everyone for k in ("created_at", "last_used_at", "revoked_at") if t[k]]
    assert stamps
    for stamp in stamps:
        assert dt.datetime.fromisoformat(stamp).tzinfo is not None, stamp


def test_openapi_documents_every_refusal(bureau) -> None:
    doc = httpx.get(f"{bureau.url}/openapi.json").json()
    for path, operations in doc["paths"].items():
        for method, operation in operations.items():
            documented = set(operation["responses"])
            missing = {"400", "401", "403", "404", "413", "429"} - documented
            assert not missing, f"{method.upper()} {path} lacks {sorted(missing)}"
            assert "$ref" in str(operation["responses"]["422"]) and "ErrorBody" in str(operation["responses"]["422"])


def test_client_time_must_be_a_date_and_time(bureau) -> None:
    token = sign_in(bureau.url, "a-commissioner", PASSWORD)
    w = bureau.world
    body = mutation("request.create", w.people[("A", "commissioner")], uuid.uuid4(), request_payload(w)).model_dump(mode="json")
    for bad in (0, 1700000000, True):
        answer = httpx.post(f"{bureau.url}/v1/sync/push", headers={"Authorization": f"Bearer {token}"},
                            json={"mutations": [{**body, "client_time": bad}]})
        assert answer.status_code == 422 and answer.json()["error"]["field"] == "mutations.0.client_time", answer.text
