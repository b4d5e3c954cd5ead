"""The command line against a real server: `cdo login`, `cdo sync --json`, `cdo admin`, the keyring rules, and the
demo network's accounts signing in to a server started on that data folder."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

from cdo_desktop.server.app import prepare_database
from cdo_desktop.server.config import ServerConfig
from cdo_desktop.sync.outbox import apply_local
from tests.integration.harness import LiveServer, mutation, request_payload, sign_in
from tests.integration.world import PASSWORD

ROOT = Path(__file__).resolve().parents[2]


def cdo(*args: str, env: dict[str, str] | None = None, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "cdo_desktop", *args], input=stdin, capture_output=True, text=True, timeout=120,
        env={**os.environ, "PYTHONPATH": str(ROOT), **(env or {})},
    )


def test_login_without_a_keyring_says_what_to_install(bureau, tmp_path) -> None:
    done = cdo("login", "--data-dir", str(tmp_path / "d"), "--server", bureau.url, "--user", "a-commissioner",
               "--password-stdin", stdin=PASSWORD + "\n", env={"PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"})
    assert done.returncode == 2
    assert "gnome-keyring" in done.stderr and "plain text" in done.stderr and "Traceback" not in done.stderr


def test_login_then_sync_json(bureau, tmp_path) -> None:
    env = {"PYTHON_KEYRING_BACKEND": "tests.integration.harness.FileTestKeyring",
           "CDO_TEST_KEYRING_FILE": str(tmp_path / "keyring.json")}
    data = tmp_path / "desk"
    done = cdo("login", "--data-dir", str(data), "--server", bureau.url, "--user", "a-commissioner",
               "--password-stdin", "--json", stdin=PASSWORD + "\n", env=env)
    assert done.returncode == 0, done.stderr
    stored = json.loads((tmp_path / "keyring.json").read_text())
    token = stored[f"cdo-desktop|a-commissioner@{bureau.url}"]
    assert token not in (data / "cdo.sqlite3").read_bytes().decode("latin-1")  # no secret in the database
    first = cdo("sync", "--data-dir", str(data), "--json", env=env)
    assert first.returncode == 0, first.stderr
    report = json.loads(first.stdout)
    assert report["pulled"] > 0 and report["pending"] == 0 and set(report) >= {"pushed", "accepted", "refused"}
    from cdo_desktop.store.migrate import open_database

    db = open_database(data)
    w = bureau.world
    apply_local(db, mutation("request.create", w.people[("A", "commissioner")], uuid.uuid4(), request_payload(w)))
    db.dispose()
    second = json.loads(cdo("sync", "--data-dir", str(data), "--json", env=env).stdout)
    assert (second["pushed"], second["accepted"], second["pending"]) == (1, 1, 0)


def test_admin_commands(tmp_path) -> None:
    data = tmp_path / "srv"
    added = cdo("admin", "department", "add", "FS-GA", "佛山市公安局", "--data-dir", str(data), "--json")
    assert added.returncode == 0, added.stderr
    user = cdo("admin", "user", "add", "ga-zhuanyuan", "--department", "FS-GA", "--name", "张三", "--password-stdin",
               "--data-dir", str(data), "--json", stdin="long-password-1\n")
    assert user.returncode == 0, user.stderr
    server = LiveServer(ServerConfig(data_dir=data)).start()
    try:
        assert sign_in(server.url, "ga-zhuanyuan", "long-password-1")
        tokens = json.loads(cdo("admin", "token", "list", "--data-dir", str(data), "--json").stdout)
        assert len(tokens) == 1
        assert cdo("admin", "token", "revoke", tokens[0]["id"], "--data-dir", str(data)).returncode == 0
    finally:
        server.stop()
    epoch = json.loads(cdo("admin", "epoch", "rotate", "--data-dir", str(data), "--json").stdout)["epoch"]
    assert uuid.UUID(epoch)


@pytest.mark.slow  # a demo network generated, then served
def test_demo_accounts_sign_in_to_a_server_on_that_folder(tmp_path) -> None:
    from cdo_desktop.demo.network import generate

    config = ServerConfig(data_dir=tmp_path / "srv")
    db = prepare_database(config)
    result = generate(db, scale=5, seed=1, password="demo-pass-2026", progress=False)
    db.dispose()
    server = LiveServer(config).start()
    try:
        for account in (result.accounts[0], result.accounts[-1]):
            assert sign_in(server.url, account["username"], account["password"])
    finally:
        server.stop()
