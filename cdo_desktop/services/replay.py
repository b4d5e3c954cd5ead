"""Replay the audit log into a scratch database and compare it with the live one, table by table.

Every row of the bureau's records is written by `apply` (and audited), so replaying the log's mutations in order,
with their recorded actor and time, must rebuild the same rows. A row edited or deleted behind the program's back
(``UPDATE sharing_request SET purpose=…``) shows as the first row and field that differ. Compared: every synced
table except the issued copies (those carry their own signature), plus the document number sequences; not
compared: ``seq`` (the bureau's sync stamp), accounts, tokens and other server bookkeeping (not records).
"""

from __future__ import annotations

import datetime as dt
import json
import tempfile
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlmodel import Session

from cdo_desktop.domain.errors import DomainError
from cdo_desktop.domain.mutations import Mutation
from cdo_desktop.services.apply import apply, resolve_actor
from cdo_desktop.services.bootstrap import initialise
from cdo_desktop.services.context import CHINA, REPLAYING
from cdo_desktop.store import audit, search
from cdo_desktop.store import models as m
from cdo_desktop.store.db import Database
from cdo_desktop.store.migrate import open_database

Progress = Callable[[int, int], None]
BATCH = 2000
IGNORED_COLUMNS = {"seq"}
COMPARED: tuple[type[Any], ...] = (*tuple(t for t in m.SYNCED_TABLES if t is not m.IssuedDocument), m.DocSequence)


@dataclass(frozen=True)
class Difference:
    table: str
    key: str
    field: str
    live: Any
    replayed: Any

    def describe(self) -> str:
        if self.field == "(row)" and self.replayed is None:
            return f"{self.table} {self.key}: row in the live database that no logged change creates"
        if self.field == "(row)":
            return f"{self.table} {self.key}: row deleted from the live database (the log creates it)"
        return f"{self.table} {self.key} field {self.field}: live {self.live!r}, log gives {self.replayed!r}"


@dataclass(frozen=True)
class ReplayReport:
    ok: bool
    entries: int
    rows: int
    difference: Difference | None = None
    failed_entry: int | None = None
    reason: str = ""


def _entries(session: Session, start: int = 0) -> Iterator[m.AuditEntry]:
    last = start
    while True:
        rows = list(session.execute(
            select(m.AuditEntry).where(m.AuditEntry.position > last).order_by(m.AuditEntry.position).limit(BATCH)  # type: ignore[arg-type, operator]
        ).scalars())
        if not rows:
            return
        for row in rows:
            session.expunge(row)
        yield from rows
        last = rows[-1].position or last


def _replay_one(session: Session, entry: m.AuditEntry) -> None:
    at = dt.datetime.fromisoformat(entry.at)
    payload = json.loads(entry.payload) if entry.payload else {}
    if entry.kind == "system.bootstrap":
        initialise(session, bureau_code=str(payload["code"]), bureau_name=str(payload["bureau"]),
                   admin_name=str(payload["admin"]), today=at.date(), at=at,
                   policy_seeds=int(payload.get("policy_seeds", 1)))
        return
    mutation = Mutation(id=uuid.UUID(entry.mutation_id), kind=entry.kind, actor_id=uuid.UUID(entry.actor_id),
                        entity_id=uuid.UUID(entry.entity_id), payload=payload, client_time=at)
    actor = resolve_actor(session, mutation.actor_id, on=at.astimezone(CHINA).date())
    apply(session, mutation, actor, now=at)


def replay(live: Database, scratch: Database, *, progress: Progress | None = None) -> ReplayReport:
    """Apply every logged mutation to ``scratch`` (an empty, migrated database); stops at the first that fails."""
    with live.read() as session:
        total, _ = audit.head(session)
    done = 0
    reader = live.read()
    session = reader.__enter__()
    try:
        batch: list[m.AuditEntry] = []
        for entry in _entries(session):
            batch.append(entry)
            if len(batch) >= BATCH:
                failed = _apply_batch(scratch, batch)
                if failed is not None:
                    return failed
                done += len(batch)
                batch = []
                if progress:
                    progress(done, total)
        if batch:
            failed = _apply_batch(scratch, batch)
            if failed is not None:
                return failed
            done += len(batch)
    finally:
        reader.__exit__(None, None, None)
    if progress:
        progress(done, max(total, done))
    return ReplayReport(True, done, 0)


def _apply_batch(scratch: Database, batch: list[m.AuditEntry]) -> ReplayReport | None:
    current = batch[0]
    try:
        with scratch.write() as session:
            session.info[search.NO_INDEX] = True  # nothing searches the scratch copy
            session.info[REPLAYING] = True  # the rules of the day admitted these changes: not re-judged by today's
            for entry in batch:
                current = entry
                _replay_one(session, entry)
    except (DomainError, ValueError, KeyError) as exc:
        position = current.position or 1
        return ReplayReport(False, position - 1, 0, failed_entry=position,
                            reason=f"entry {position} ({current.kind}) cannot be replayed: {exc}")
    return None


def _norm(value: Any) -> Any:
    if isinstance(value, dt.datetime):  # kept as a time; compared by `_same`
        return value.astimezone(dt.UTC).replace(tzinfo=None) if value.tzinfo else value
    if isinstance(value, (uuid.UUID, dt.date)):
        return str(value)
    if isinstance(value, (list, dict)):
        return json.dumps(value, sort_keys=True, ensure_ascii=False)
    return value


def _same(live: Any, replayed: Any) -> bool:
    """Equal values; for times read back from SQLite (which drops the offset of an aware time) the live value
    may be the same instant written in UTC or in China time (the demo writes China time, the server UTC)."""
    if live == replayed:
        return True
    if isinstance(live, dt.datetime) and isinstance(replayed, dt.datetime):
        return live == replayed + dt.timedelta(hours=8)  # China has kept UTC+8 without summer time since 1991
    return False


def _rows(session: Session, model: type[Any]) -> Iterator[tuple[tuple[Any, ...], dict[str, Any]]]:
    table = model.__table__
    keys = list(table.primary_key.columns)
    columns = [c for c in table.columns if c.name not in IGNORED_COLUMNS]
    last: tuple[Any, ...] | None = None
    while True:
        query = select(*columns).order_by(*keys).limit(BATCH)
        if last is not None:
            from sqlalchemy import tuple_

            query = query.where(tuple_(*keys) > tuple_(*last))
        rows = session.execute(query).mappings().all()
        if not rows:
            return
        for row in rows:
            key = tuple(row[k.name] for k in keys)
            yield tuple(_norm(v) for v in key), {c.name: _norm(row[c.name]) for c in columns}
        last = tuple(rows[-1][k.name] for k in keys)


def compare(live: Database, replayed: Database, *, progress: Progress | None = None) -> tuple[Difference | None, int]:
    """The first row and field where ``live`` differs from ``replayed`` (tables in dependency order), and the
    number of rows compared. Both sides are read in key order, a batch at a time (bounded memory)."""
    compared = 0
    with live.read() as a, replayed.read() as b:
        for model in COMPARED:
            name = model.__tablename__
            left, right = _rows(a, model), _rows(b, model)
            lrow, rrow = next(left, None), next(right, None)
            while lrow is not None or rrow is not None:
                if rrow is None or (lrow is not None and lrow[0] < rrow[0]):
                    assert lrow is not None
                    return Difference(name, "/".join(map(str, lrow[0])), "(row)", "present", None), compared
                if lrow is None or rrow[0] < lrow[0]:
                    return Difference(name, "/".join(map(str, rrow[0])), "(row)", None, "present"), compared
                for field, value in rrow[1].items():
                    if not _same(lrow[1].get(field), value):
                        return Difference(name, "/".join(map(str, lrow[0])), field, lrow[1].get(field), value), compared
                compared += 1
                if progress and compared % 10000 == 0:
                    progress(compared, 0)
                lrow, rrow = next(left, None), next(right, None)
    return None, compared


def verify_rows(live: Database, *, scratch_dir: Path | None = None, progress: Progress | None = None) -> ReplayReport:
    """Replay ``live``'s audit log into a scratch SQLite database and compare every record table."""
    with tempfile.TemporaryDirectory(prefix="cdo-replay-", dir=scratch_dir) as tmp:
        scratch = open_database(Path(tmp))
        try:
            report = replay(live, scratch, progress=progress)
            if not report.ok:
                return report
            difference, rows = compare(live, scratch)
        finally:
            scratch.dispose()
    if difference is not None:
        return ReplayReport(False, report.entries, rows, difference=difference, reason=difference.describe())
    return ReplayReport(True, report.entries, rows)
