"""The global, gap-free sequence: allocated inside each write transaction under one lock, plus the epoch.

Every writer first locks the single `SyncCounter` row (``SELECT … FOR UPDATE`` on PostgreSQL; on SQLite the
write transaction already began ``IMMEDIATE``). Writers therefore commit one after another in sequence order, so a
reader that sees head ``h`` sees every row stamped ``<= h`` — the property that makes a pull cursor safe.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable
from pathlib import Path

from sqlalchemy import text
from sqlmodel import Session, select

from cdo_desktop.store import models as m
from cdo_desktop.store.db import Database
from cdo_desktop.store.server_models import SyncCounter

MARKER = "server-epoch.json"


def lock_counter(session: Session) -> SyncCounter:
    """Take the writers' lock and return the counter row (created if a database lacks it)."""
    row = session.exec(select(SyncCounter).where(SyncCounter.id == 1).with_for_update()).first()
    if row is None:
        row = SyncCounter(id=1, seq=0, epoch=str(uuid.uuid4()))
        session.add(row)
        session.flush()
    return row


def read_counter(session: Session) -> SyncCounter:
    row = session.get(SyncCounter, 1)
    return row if row is not None else SyncCounter(id=1, seq=0, epoch="")


def stamp(session: Session, counter: SyncCounter, rows: Iterable[m.Synced]) -> int:
    """Give the next sequence number to every row of one accepted mutation."""
    counter.seq += 1
    stamp_rows(session, rows, counter.seq)
    session.add(counter)
    return counter.seq


def stamp_rows(session: Session, rows: Iterable[m.Synced], seq: int) -> None:
    """Give ``seq`` to every row of one accepted mutation (the caller advances the counter)."""
    for row in rows:
        if row.seq != seq:  # rows written with their number already (`services.context.PENDING_SEQ`) stay as they are
            row.seq = seq
        session.add(row)


def sequence_unstamped(db: Database) -> int:
    """Give a sequence number to every row written outside a push (bootstrap, demo data, admin commands).

    One number per row, in table order (parents before children), so that pull pages stay small.
    """
    stamped = 0
    with db.write() as session:
        counter = lock_counter(session)
        for model in m.SYNCED_TABLES:
            table = model.__tablename__
            count = session.connection().execute(text(f"SELECT COUNT(*) FROM {table} WHERE seq IS NULL")).scalar_one()
            if not count:
                continue
            session.connection().execute(
                text(
                    f"UPDATE {table} SET seq = :base + numbered.n FROM "
                    f"(SELECT id AS nid, row_number() OVER (ORDER BY id) AS n FROM {table} WHERE seq IS NULL) AS numbered "
                    f"WHERE {table}.id = numbered.nid"
                ),
                {"base": counter.seq},
            )
            counter.seq += int(count)
            stamped += int(count)
        session.add(counter)
    return stamped


def rotate_epoch(db: Database) -> str:
    """A new epoch: every client re-downloads everything and pushes its unconfirmed outbox again."""
    with db.write() as session:
        counter = lock_counter(session)
        counter.epoch = str(uuid.uuid4())
        session.add(counter)
        return counter.epoch


def check_restore(db: Database, data_dir: Path) -> tuple[str, bool]:
    """At start: if the database is behind the high-water mark recorded in the data folder (it was restored from
    an older backup), start a new epoch. Returns (epoch, rotated)."""
    marker = Path(data_dir) / MARKER
    with db.read() as session:
        counter = read_counter(session)
        epoch, head = counter.epoch, counter.seq
    rotated = False
    try:
        seen = json.loads(marker.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        seen = {}
    if seen.get("epoch") == epoch and int(seen.get("head", 0)) > head:
        epoch = rotate_epoch(db)
        rotated = True
    record_head(data_dir, epoch, head)
    return epoch, rotated


def record_head(data_dir: Path, epoch: str, head: int) -> None:
    """Remember the highest sequence number served under ``epoch`` (never lowered within an epoch)."""
    marker = Path(data_dir) / MARKER
    try:
        seen = json.loads(marker.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        seen = {}
    if seen.get("epoch") == epoch and int(seen.get("head", 0)) >= head:
        return
    tmp = marker.with_suffix(f".{uuid.uuid4().hex}.tmp")
    tmp.write_text(json.dumps({"epoch": epoch, "head": head}), encoding="utf-8")
    tmp.replace(marker)


class LedgerApplier:
    """Writes an import's rows on the bureau's own database: each accepted change gets its sequence number in the
    import's transaction, so that desktops pull the rows while the server runs (`transfer.importer.Applier`)."""

    def __init__(self) -> None:
        self.counter: SyncCounter | None = None

    def begin(self, session: Session) -> None:
        self.counter = lock_counter(session)

    def apply(self, session: Session, mutation: object, actor: object) -> None:
        from cdo_desktop.domain.actor import Actor
        from cdo_desktop.domain.mutations import Mutation
        from cdo_desktop.services.apply import apply

        assert isinstance(mutation, Mutation) and isinstance(actor, Actor) and self.counter is not None
        stamp(session, self.counter, apply(session, mutation, actor).touched)


def applier_for(db: Database) -> LedgerApplier | None:
    """The ledger's applier when ``db`` is a bureau's database (it has a sequence counter), else None."""
    with db.read() as session:
        return LedgerApplier() if session.get(SyncCounter, 1) is not None else None
