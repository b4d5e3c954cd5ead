"""The audit chain: intact after real work; one changed byte in any row is found and named."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from cdo_desktop.cli import main
from cdo_desktop.demo.network import generate
from cdo_desktop.store.migrate import open_database

COLUMNS = ["mutation_id", "kind", "actor_id", "entity_id", "at", "payload", "prev_hash", "hash"]


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data_dir = tmp_path_factory.mktemp("demo")
    generate(open_database(data_dir), scale=30, seed=7, with_accounts=False)
    return data_dir


def test_chain_of_demo_network_is_intact(demo_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--data-dir", str(demo_dir), "audit", "verify"]) == 0
    assert "intact" in capsys.readouterr().out


@pytest.mark.parametrize("column", COLUMNS)
@pytest.mark.parametrize("row", [1, 17, "last"])
def test_one_changed_byte_breaks_the_chain_at_that_row(demo_dir: Path, tmp_path: Path, column: str,
                                                       row: int | str) -> None:
    copy = tmp_path / "data"
    shutil.copytree(demo_dir, copy)
    db = sqlite3.connect(copy / "cdo.sqlite3")
    position = db.execute("SELECT max(position) FROM audit_entry").fetchone()[0] if row == "last" else row
    value = db.execute(f"SELECT {column} FROM audit_entry WHERE position = ?", (position,)).fetchone()[0]
    index = len(value) // 2
    flipped = chr(ord(value[index]) ^ 1)
    db.execute(f"UPDATE audit_entry SET {column} = ? WHERE position = ?",
               (value[:index] + flipped + value[index + 1 :], position))
    db.commit()
    db.close()
    result = subprocess.run([sys.executable, "-m", "cdo_desktop", "--data-dir", str(copy), "audit", "verify", "--json"],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 1, result.stdout + result.stderr
    assert f'"broken_at": {position}' in result.stdout


def test_a_deleted_row_is_found(demo_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    copy = tmp_path / "data"
    shutil.copytree(demo_dir, copy)
    db = sqlite3.connect(copy / "cdo.sqlite3")
    db.execute("DELETE FROM audit_entry WHERE position = 5")
    db.commit()
    db.close()
    assert main(["--data-dir", str(copy), "audit", "verify"]) == 1
    assert "6" in capsys.readouterr().out
