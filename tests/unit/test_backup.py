"""Backup and restore: a consistent copy; a bad file is refused naming the file, and nothing is lost."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from cdo_desktop.cli import main
from cdo_desktop.demo.network import generate
from cdo_desktop.store.migrate import open_database

# scale 10 draws ten requests; the scenes that give every demo role work waiting add nine (_Generator.scenes)
REQUESTS = 10 + 9


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    d = tmp_path / "data"
    generate(open_database(d), scale=10, seed=1, with_accounts=False)
    return d


def _requests(d: Path) -> int:
    conn = sqlite3.connect(d / "cdo.sqlite3")
    try:
        return conn.execute("SELECT count(*) FROM sharing_request").fetchone()[0]
    finally:
        conn.close()


def test_backup_then_restore_round_trips(data_dir: Path, tmp_path: Path) -> None:
    target = tmp_path / "copy.sqlite3"
    assert main(["--data-dir", str(data_dir), "backup", str(target)]) == 0
    conn = sqlite3.connect(data_dir / "cdo.sqlite3")
    conn.execute("DELETE FROM search_index")
    conn.commit()
    conn.close()
    other = tmp_path / "other"
    assert main(["--data-dir", str(other), "restore", str(target)]) == 0
    assert _requests(other) == _requests(data_dir) == REQUESTS
    assert main(["--data-dir", str(other), "audit", "verify"]) == 0


@pytest.mark.parametrize("content", [b"", b"hello, not a database", b"SQLite format 3\x00" + b"\x00" * 100])
def test_a_bad_file_is_refused_and_the_database_is_kept(data_dir: Path, tmp_path: Path, content: bytes,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(content)
    assert main(["--data-dir", str(data_dir), "restore", str(bad)]) == 2
    err = capsys.readouterr().err
    assert str(bad) in err and "Traceback" not in err
    assert _requests(data_dir) == REQUESTS


def test_a_backup_with_a_broken_audit_chain_is_refused(data_dir: Path, tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "copy.sqlite3"
    assert main(["--data-dir", str(data_dir), "backup", str(target)]) == 0
    conn = sqlite3.connect(target)
    conn.execute("UPDATE audit_entry SET kind = 'request.forged' WHERE position = 3")
    conn.commit()
    conn.close()
    assert main(["--data-dir", str(data_dir), "restore", str(target)]) == 2
    assert "3" in capsys.readouterr().err
    assert _requests(data_dir) == REQUESTS
