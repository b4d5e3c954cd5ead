"""The demo generator's batches (`services.apply.batched`: many mutations per transaction, no savepoint each, writes
flushed together) give exactly the network and audit chain that applying each mutation in its own savepoint gives;
a refusal inside a batch rolls the whole batch back; the unflushed-row lookups answer as the flushed queries do."""

from __future__ import annotations

import datetime as dt
import hashlib
import sqlite3
import uuid
from pathlib import Path

import pytest
from sqlmodel import Session, select

from cdo_desktop.demo import network
from cdo_desktop.demo.network import generate
from cdo_desktop.domain.actor import derived_id
from cdo_desktop.domain.errors import DomainError
from cdo_desktop.domain.mutations import Mutation
from cdo_desktop.services.apply import apply, batched, resolve_actor
from cdo_desktop.services.bootstrap import ADMIN_NAME, BUREAU_CODE, BUREAU_NAME, admin_actor_id, initialise
from cdo_desktop.services.context import Context
from cdo_desktop.store import audit
from cdo_desktop.store import models as m
from cdo_desktop.store.db import Database
from cdo_desktop.store.migrate import open_database

BOOTSTRAP_AT = dt.datetime(2025, 12, 1, 1, 0, tzinfo=dt.UTC)


def _fresh(data_dir: Path) -> Database:
    """An initialised database whose bootstrap entry has a fixed instant: the whole chain is then a function of the
    seed (`ensure_initialised` would stamp it with the clock)."""
    db = open_database(data_dir)
    with db.write() as session:
        initialise(session, bureau_code=BUREAU_CODE, bureau_name=BUREAU_NAME, admin_name=ADMIN_NAME,
                   today=BOOTSTRAP_AT.date(), at=BOOTSTRAP_AT)
    return db


def _contents(path: Path) -> dict[str, tuple[int, str]]:
    """Every table's rows (sorted) as a count and a digest; the server's random epoch left out."""
    con = sqlite3.connect(path)
    out = {}
    tables = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
    for table in tables:
        cols = [r[1] for r in con.execute(f"PRAGMA table_info('{table}')") if (table, r[1]) != ("sync_counter", "epoch")]
        names = ", ".join(f'"{c}"' for c in cols)  # double quotes: identifiers (single quotes would be strings)
        rows = sorted(repr(r) for r in con.execute(f"SELECT {names} FROM '{table}'"))
        out[table] = (len(rows), hashlib.sha256("\n".join(rows).encode()).hexdigest())
    con.close()
    return out


@pytest.mark.parametrize("batch", [network.BATCH, 7])
def test_batched_generation_gives_the_network_and_chain_of_one_by_one(tmp_path: Path, batch: int,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """At the generator's own batch size (one batch at this scale) and at 7 mutations per batch, so that a batch ends
    inside every step of every chain: the data must not depend on where the commits fall."""
    monkeypatch.setattr(network, "BATCH", batch)
    results, chains, contents = [], [], []
    for one_by_one in (True, False):
        data_dir = tmp_path / ("one_by_one" if one_by_one else "batched")
        db = _fresh(data_dir)
        results.append(generate(db, scale=40, with_accounts=False, one_by_one=one_by_one))
        with db.read() as session:
            assert audit.verify_chain(session).ok
            chains.append([(e.position, e.kind, e.entity_id, e.hash)
                           for e in session.execute(select(m.AuditEntry).order_by(m.AuditEntry.position)).scalars()])  # type: ignore[arg-type]
        db.dispose()
        contents.append(_contents(data_dir / "cdo.sqlite3"))
    slow, fast = chains
    assert results[0].mutations == results[1].mutations > 150
    assert len(slow) == results[0].mutations + 1  # and the bootstrap
    assert fast == slow  # the same entries, in the same order, to the head hash
    assert contents[1] == contents[0]  # every table, row for row (the search index included)
    assert contents[0]["sharing_request"][0] >= 40


def _department(admin_id: uuid.UUID, code: str, n: int) -> Mutation:
    return Mutation(id=derived_id("test-batch", n), kind="department.create", actor_id=admin_id,
                    entity_id=derived_id("test-batch-dept", n), payload={"code": code, "name": f"测试部门{n}"})


def test_a_refusal_in_a_batch_rolls_back_the_whole_batch(tmp_path: Path) -> None:
    db = _fresh(tmp_path)
    with Session(db.writer, expire_on_commit=False) as session, batched(session):
        admin = resolve_actor(session, admin_actor_id())  # type: ignore[arg-type]
        apply(session, _department(admin.id, "T-1", 1), admin)
        session.commit()  # the first batch
        apply(session, _department(admin.id, "T-2", 2), admin)
        with pytest.raises(DomainError):
            apply(session, _department(admin.id, "T-2", 3), admin)  # the code is taken (by the unflushed row)
        assert session.get(m.Department, derived_id("test-batch-dept", 2)) is None  # already rolled back
        apply(session, _department(admin.id, "T-4", 4), admin)  # the chain goes on from the last committed link
        session.commit()
    with db.read() as session:
        codes = set(session.exec(select(m.Department.code)).all())
        assert {"T-1", "T-4"} <= codes and "T-2" not in codes
        assert audit.verify_chain(session).ok
        assert audit.head(session)[0] == 3  # bootstrap, T-1, T-4
    db.dispose()


def test_unflushed_lookups_answer_as_the_flushed_queries(tmp_path: Path) -> None:
    """`Context.exists`, `get` and `rows_where` see rows written but not yet flushed, stored rows and their unflushed
    changes, exactly as ``session.get`` and a query after a flush do."""
    db = _fresh(tmp_path)
    with Session(db.writer, expire_on_commit=False) as session:
        session.connection().exec_driver_sql("PRAGMA defer_foreign_keys=ON")  # flags of made-up resources, rolled back
        admin = resolve_actor(session, admin_actor_id())  # type: ignore[arg-type]
        mutation = _department(admin.id, "T-9", 9)
        ctx = Context(session=session, mutation=mutation, actor=admin, transition=None,  # type: ignore[arg-type]
                      payload=None, now=BOOTSTRAP_AT)  # type: ignore[arg-type]
        bureau = session.get(m.Department, admin.department_id)
        assert bureau is not None
        stored_flag = m.DuplicateFlag(id=uuid.uuid4(), subject_kind="request", subject_id=bureau.id,
                                      subject_department_id=bureau.id, matched_resource_id=uuid.uuid4(),
                                      matched_department_id=bureau.id, flagged_on=BOOTSTRAP_AT.date())
        session.execute(m.DuplicateFlag.__table__.insert(), [  # type: ignore[attr-defined]
            {c.name: getattr(stored_flag, c.name) for c in m.DuplicateFlag.__table__.columns}])  # type: ignore[attr-defined]
        new = m.Department(id=uuid.uuid4(), code="T-NEW", name="未写入的部门")
        ctx.touch(new)
        pending_flag = m.DuplicateFlag(id=uuid.uuid4(), subject_kind="request", subject_id=bureau.id,
                                       subject_department_id=bureau.id, matched_resource_id=uuid.uuid4(),
                                       matched_department_id=bureau.id, flagged_on=BOOTSTRAP_AT.date())
        ctx.touch(pending_flag)
        assert session.new  # nothing flushed yet
        assert ctx.exists(m.Department, new.id) and ctx.exists(m.Department, bureau.id)
        assert not ctx.exists(m.Department, uuid.uuid4())
        assert ctx.get(m.Department, new.id) is new
        found = ctx.rows_where(m.DuplicateFlag, "subject_id", bureau.id)
        assert session.new  # still nothing flushed
        assert [f.id for f in found] == [stored_flag.id, pending_flag.id]
        flushed = session.exec(select(m.DuplicateFlag).where(m.DuplicateFlag.subject_id == bureau.id)).all()
        assert not session.new
        assert found == list(flushed)  # the same objects, in the same order
        session.rollback()
    db.dispose()


@pytest.mark.parametrize("checkpoint_pages", [None, 0])
def test_bulk_writing_keeps_each_commit_and_sets_the_pragmas_back(tmp_path: Path, checkpoint_pages: int | None) -> None:
    """The demo's connection gets a larger page cache and rarer checkpoints (`store.db.bulk_writing`): a batch
    committed inside the block is committed (seen from another connection at once, not held in a transaction around
    the block), and the connection leaves the block with the values it had."""
    from cdo_desktop.store.db import BULK_CACHE_KIB, BULK_WAL_PAGES, bulk_writing

    db = _fresh(tmp_path / "bulk")
    path = db.path
    assert path is not None
    with db.writer.connect() as connection:
        raw = connection.connection.driver_connection
        before = [raw.execute(f"PRAGMA {p}").fetchone()[0] for p in ("cache_size", "wal_autocheckpoint")]
        pages = {} if checkpoint_pages is None else {"checkpoint_pages": checkpoint_pages}  # 0: a download from nothing
        with bulk_writing(connection, **pages), Session(bind=connection, expire_on_commit=False) as session:
            assert raw.execute("PRAGMA cache_size").fetchone()[0] == -BULK_CACHE_KIB
            assert raw.execute("PRAGMA wal_autocheckpoint").fetchone()[0] == pages.get("checkpoint_pages", BULK_WAL_PAGES)
            session.add(m.DocSequence(kind="probe", year=2026, last=7))
            session.commit()
            other = sqlite3.connect(path)
            try:
                assert other.execute("SELECT last FROM doc_sequence WHERE kind = 'probe'").fetchone() == (7,)
            finally:
                other.close()
        assert [raw.execute(f"PRAGMA {p}").fetchone()[0] for p in ("cache_size", "wal_autocheckpoint")] == before
        with pytest.raises(RuntimeError), bulk_writing(connection, **pages):  # set back when the block fails, too
            raise RuntimeError("a batch failed")
        assert [raw.execute(f"PRAGMA {p}").fetchone()[0] for p in ("cache_size", "wal_autocheckpoint")] == before
    db.dispose()
