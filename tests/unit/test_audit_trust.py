"""`cdo audit verify` against attacks the hash chain alone misses: a row edited or deleted behind the program's back,
a truncated tail, a forged entry with every later hash recomputed; and a missing or empty database is refused."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from cdo_desktop.cli import main
from cdo_desktop.demo.network import generate
from cdo_desktop.domain.canonical import chain_hash
from cdo_desktop.store import audit
from cdo_desktop.store.migrate import open_database


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data_dir = tmp_path_factory.mktemp("trust-demo")
    generate(open_database(data_dir), scale=30, seed=11, with_accounts=False)
    return data_dir


def _copy(demo_dir: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "data"
    shutil.copytree(demo_dir, copy)
    return copy


def _sql(data: Path, *statements: str) -> None:
    db = sqlite3.connect(data / "cdo.sqlite3")
    for statement in statements:
        db.execute(statement)
    db.commit()
    db.close()


def _verify(data: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, dict[str, object]]:
    capsys.readouterr()
    code = main(["--data-dir", str(data), "audit", "verify", "--json"])
    return code, json.loads(capsys.readouterr().out)


def test_the_demo_replays_to_the_same_rows(demo_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, report = _verify(demo_dir, capsys)
    assert code == 0, report
    assert report["replayed"] and report["replayed"] > 100


def test_an_edited_row_is_named_with_its_field(demo_dir: Path, tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    data = _copy(demo_dir, tmp_path)
    _sql(data, "UPDATE sharing_request SET purpose = '用于其他目的' "
               "WHERE id = (SELECT id FROM sharing_request ORDER BY id LIMIT 1 OFFSET 2)")
    code, report = _verify(data, capsys)
    assert code == 1
    difference = report["difference"]
    assert isinstance(difference, dict)
    assert difference["table"] == "sharing_request" and difference["field"] == "purpose"
    assert difference["live"] == "用于其他目的"


def test_a_deleted_row_is_named(demo_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = _copy(demo_dir, tmp_path)
    victim = sqlite3.connect(data / "cdo.sqlite3").execute(
        "SELECT id FROM dispute_event ORDER BY id LIMIT 1 OFFSET 1").fetchone()[0]
    _sql(data, f"DELETE FROM dispute_event WHERE id = '{victim}'")
    code, report = _verify(data, capsys)
    assert code == 1
    difference = report["difference"]
    assert isinstance(difference, dict) and difference["table"] == "dispute_event" and difference["field"] == "(row)"
    assert "deleted" in str(report["reason"])


def test_a_truncated_tail_is_found(demo_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = _copy(demo_dir, tmp_path)
    _sql(data, "DELETE FROM audit_entry WHERE position > (SELECT max(position) - 5 FROM audit_entry)")
    code, report = _verify(data, capsys)
    assert code == 1  # the rows the last five changes wrote are no longer explained by the log
    assert report["difference"]


def _sign_checkpoint(data: Path) -> int:
    """The bureau's signed checkpoint at the current head, its public key where `cdo audit verify` looks."""
    key = Ed25519PrivateKey.generate()
    folder = data / "signing"
    folder.mkdir()
    raw = key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    (folder / "checkpoint-key.pub").write_text(raw.hex(), encoding="ascii")
    db = open_database(data)
    with db.write() as session:
        row = audit.store_checkpoint(session, private_key=key, epoch="e1", force=True)
        assert row is not None
        position = row.position
    db.dispose()
    return position


def test_a_rehashed_chain_is_caught_by_the_signed_checkpoint(demo_dir: Path, tmp_path: Path,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    data = _copy(demo_dir, tmp_path)
    head = _sign_checkpoint(data)
    assert _verify(data, capsys)[0] == 0
    db = open_database(data)
    with db.write() as session:
        from sqlmodel import select

        from cdo_desktop.store.models import AuditEntry

        prev = audit.GENESIS
        for row in session.exec(select(AuditEntry).order_by(AuditEntry.position)):  # type: ignore[arg-type]
            if row.position == 20:
                row.at = row.at.replace(":00", ":01", 1)  # a forged time; the payload and rows untouched
            row.prev_hash = prev
            row.hash = chain_hash(prev, audit.entry_body(row))
            prev = row.hash
            session.add(row)
    db.dispose()
    code, report = _verify(data, capsys)
    assert code == 1
    assert report["broken_at"] == 1 and f"checkpoint at entry {head}" in str(report["reason"])
    # the same chain cut short: named from the first missing entry
    _sql(data, f"DELETE FROM audit_entry WHERE position > {head - 3}")
    code, report = _verify(data, capsys)
    assert code == 1 and report["broken_at"] == head - 2, report


def test_an_empty_or_missing_database_is_refused_not_recreated(tmp_path: Path,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "d"
    data.mkdir()
    (data / "cdo.sqlite3").write_bytes(b"")
    assert main(["--data-dir", str(data), "audit", "verify"]) == 2
    assert "0 字节" in capsys.readouterr().err
    assert (data / "cdo.sqlite3").stat().st_size == 0  # untouched
    missing = tmp_path / "missing"
    assert main(["--data-dir", str(missing), "audit", "verify"]) == 2
    assert main(["--data-dir", str(missing), "backup", str(tmp_path / "b.sqlite3")]) != 0
    assert not (missing / "cdo.sqlite3").exists()
    assert main(["--data-dir", str(missing), "init"]) == 0  # the one command that creates
    assert main(["--data-dir", str(missing), "audit", "verify"]) == 0


def test_a_change_admitted_under_an_older_rule_still_replays(demo_dir: Path, tmp_path: Path,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    """A rule tightened since a change was admitted (here: a grant expires only once its period of use has run out)
    does not make the genuine history unreplayable: the replay checks rights and states, not today's guards."""
    import datetime as dt
    import uuid

    from sqlmodel import Session, select

    from cdo_desktop.domain.mutations import Mutation
    from cdo_desktop.services.apply import apply, resolve_actor
    from cdo_desktop.services.context import REPLAYING
    from cdo_desktop.store import models as m

    data = _copy(demo_dir, tmp_path)
    db = open_database(data)
    with Session(db.writer) as session:
        now = dt.datetime.now(dt.UTC)
        request = session.exec(select(m.SharingRequest).where(m.SharingRequest.state == "granted")
                               .where(m.SharingRequest.period_end >= now.date())).first()  # type: ignore[operator]
        if request is None:
            pytest.skip("the demo holds no grant whose period still runs today")
        arbitrator = session.exec(select(m.Commissioner).where(m.Commissioner.role == "arbitrator")).first()
        assert arbitrator is not None
        mutation = Mutation(id=uuid.uuid4(), kind="request.expire", actor_id=arbitrator.id, entity_id=request.id,
                            payload={}, client_time=now)
        session.info[REPLAYING] = True  # admitted as the older rule did (no check of the period)
        apply(session, mutation, resolve_actor(session, arbitrator.id, on=now.date()), now=now)
        session.info.pop(REPLAYING)
        session.commit()
    db.dispose()
    code, report = _verify(data, capsys)
    assert code == 0, report
