"""The hash-chained audit log: append an entry per applied mutation; walk the chain to find the first broken link."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlmodel import Session

from cdo_desktop.domain.canonical import canonical_json, chain_hash
from cdo_desktop.store.models import AuditEntry

GENESIS = "0" * 64
_TAIL = "audit_tail"


def entry_body(entry: AuditEntry) -> dict[str, Any]:
    """The fields covered by an entry's hash (everything but the hashes themselves)."""
    return {
        "position": entry.position,
        "mutation_id": entry.mutation_id,
        "kind": entry.kind,
        "actor_id": entry.actor_id,
        "entity_id": entry.entity_id,
        "at": entry.at,
        "payload": entry.payload,
    }


def _tail(session: Session) -> tuple[int, str]:
    cached = session.info.get(_TAIL)
    if cached is not None:
        return cached  # type: ignore[no-any-return]
    row = session.execute(
        select(AuditEntry.position, AuditEntry.hash).order_by(AuditEntry.position.desc()).limit(1)  # type: ignore[call-overload, union-attr]
    ).first()
    return (row[0], row[1]) if row else (0, GENESIS)


def append(
    session: Session,
    *,
    mutation_id: uuid.UUID,
    kind: str,
    actor_id: uuid.UUID,
    entity_id: uuid.UUID,
    at: dt.datetime,
    payload: dict[str, Any],
) -> AuditEntry:
    """Append one link to the chain, in the caller's transaction."""
    position, prev_hash = _tail(session)
    entry = AuditEntry(
        position=position + 1,
        mutation_id=str(mutation_id),
        kind=kind,
        actor_id=str(actor_id),
        entity_id=str(entity_id),
        at=at.astimezone(dt.UTC).isoformat(timespec="microseconds"),
        payload=canonical_json(payload),
        prev_hash=prev_hash,
        hash="",
    )
    entry.hash = chain_hash(prev_hash, entry_body(entry))
    session.add(entry)
    session.info[_TAIL] = (entry.position, entry.hash)
    return entry


def forget_tail(session: Session) -> None:
    """Drop the cached tail (after a rollback the cached link may not exist)."""
    session.info.pop(_TAIL, None)


@dataclass(frozen=True)
class ChainReport:
    ok: bool
    checked: int
    broken_at: int | None = None
    reason: str = ""


def _entries(session: Session, batch: int = 5000) -> Iterator[AuditEntry]:
    last = 0
    while True:
        rows = list(
            session.execute(
                select(AuditEntry).where(AuditEntry.position > last).order_by(AuditEntry.position).limit(batch)  # type: ignore[arg-type, operator]
            ).scalars()
        )
        if not rows:
            return
        yield from rows
        last = rows[-1].position or last
        session.expunge_all()


def verify_chain(session: Session) -> ChainReport:
    """Walk the chain from the first entry; report the first entry whose link or hash does not hold."""
    prev_hash = GENESIS
    expected_position = 1
    checked = 0
    for entry in _entries(session):
        if entry.position != expected_position:
            return ChainReport(False, checked, entry.position, f"entry {expected_position} is missing")
        if entry.prev_hash != prev_hash:
            return ChainReport(False, checked, entry.position, "prev_hash does not match the previous entry")
        if chain_hash(prev_hash, entry_body(entry)) != entry.hash:
            return ChainReport(False, checked, entry.position, "hash does not match the entry's content")
        prev_hash = entry.hash
        expected_position += 1
        checked += 1
    return ChainReport(True, checked)
