"""The `cdo` command line contract: init, workdays, demo-data with accounts, help, clean errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from cdo_desktop.cli import main


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "cdo_desktop", *args], capture_output=True, text=True, check=False)


def test_workdays_add_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--data-dir", str(tmp_path), "workdays", "add", "2026-09-30", "3", "--json"]) == 2  # no database
    assert main(["--data-dir", str(tmp_path), "init", "--json"]) == 0
    capsys.readouterr()
    assert main(["--data-dir", str(tmp_path), "workdays", "add", "2026-09-30", "3", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["due"] == "2026-10-10" and data["uncertain"] is False
    assert data["skipped"][0] == {"date": "2026-10-01", "name": "国庆节"}


def test_workdays_in_an_unknown_year_is_uncertain(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--data-dir", str(tmp_path), "init", "--json"]) == 0
    capsys.readouterr()
    assert main(["--data-dir", str(tmp_path), "workdays", "add", "2031-06-02", "5", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["uncertain"] is True


def test_bad_date_is_a_clear_message_not_a_traceback(tmp_path: Path) -> None:
    result = run("--data-dir", str(tmp_path), "workdays", "add", "2026-02-30", "3")
    assert result.returncode == 2
    assert "DATE" in result.stderr and "YYYY-MM-DD" in result.stderr and "Traceback" not in result.stderr


def test_every_command_has_help() -> None:
    for args in (["--help"], ["init", "--help"], ["demo-data", "--help"], ["workdays", "add", "--help"],
                 ["audit", "verify", "--help"]):
        result = run(*args)
        assert result.returncode == 0 and "usage" in result.stdout, args


def test_demo_data_is_deterministic_and_writes_accounts(tmp_path: Path) -> None:
    from sqlmodel import col, select

    from cdo_desktop.services.accounts import verify_password
    from cdo_desktop.store import models as m
    from cdo_desktop.store.migrate import open_database

    accounts = tmp_path / "accounts.json"
    for name in ("one", "two"):
        assert main(["--data-dir", str(tmp_path / name), "demo-data", "--scale", "40", "--seed", "3",
                     "--password", "s3cret-pass", "--accounts", str(accounts), "--json"]) == 0
    signins = json.loads(accounts.read_text(encoding="utf-8"))
    assert {"username", "password", "role", "department"} <= set(signins[0])
    assert {s["role"] for s in signins} >= {"admin", "arbitrator", "commissioner", "cdo"}
    dumps = []
    for name in ("one", "two"):
        db = open_database(tmp_path / name)
        with db.read() as session:
            rows = session.exec(select(m.SharingRequest).order_by(col(m.SharingRequest.id))).all()
            dumps.append([(r.id, r.state, r.purpose, r.items) for r in rows])
            account = session.exec(select(m.Account).where(m.Account.username == signins[-1]["username"])).one()
            assert verify_password(account.password_hash, "s3cret-pass")
            assert account.password_hash.startswith("$argon2id$")
            # the one printed demo password is hashed once per network, not once per account (demo/network.py)
            hashes = session.exec(select(m.Account.password_hash)).all()
            assert len(set(hashes)) == 1 and len(hashes) == len(signins)
    # 40 drawn at random, and the nine of the scenes that give every demo role work waiting (_Generator.scenes)
    assert dumps[0] == dumps[1] and len(dumps[0]) == 40 + 9
    states = {s for _, s, _, _ in dumps[0]}
    assert len(states) >= 5


def test_a_newer_database_gives_a_clear_error(tmp_path: Path) -> None:
    import sqlite3

    assert run("--data-dir", str(tmp_path), "init").returncode == 0
    raw = sqlite3.connect(tmp_path / "cdo.sqlite3")
    raw.execute("UPDATE alembic_version SET version_num = '9999_future'")
    raw.commit()
    raw.close()
    result = run("--data-dir", str(tmp_path), "init")
    assert result.returncode == 2 and "Traceback" not in result.stderr and "newer" in result.stderr
