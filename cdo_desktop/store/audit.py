"""The hash-chained audit log: append an entry per applied mutation; walk the chain to find the first broken link."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlmodel import Session

from cdo_desktop.domain.canonical import canonical_json, chain_hash
from cdo_desktop.store.models import AuditCheckpoint, AuditEntry

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


@dataclass(frozen=True)
class Link:
    """Where an appended entry sits in the chain."""

    position: int
    hash: str


def append(
    session: Session,
    *,
    mutation_id: uuid.UUID,
    kind: str,
    actor_id: uuid.UUID,
    entity_id: uuid.UUID,
    at: dt.datetime,
    payload: dict[str, Any],
) -> Link:
    """Append one link to the chain, in the caller's transaction.

    The row is inserted at once on the session's connection (no ORM object, no wait for the next flush): readers of
    the table see it immediately, and a rollback of the caller's savepoint or transaction takes it back as it does
    the rest. On SQLite through the DB-API connection itself: every column is text or an integer, stored as given
    (SQLAlchemy's statement execution was two thirds of an append)."""
    position, prev_hash = _tail(session)
    body = {
        "position": position + 1,
        "mutation_id": str(mutation_id),
        "kind": kind,
        "actor_id": str(actor_id),
        "entity_id": str(entity_id),
        "at": at.astimezone(dt.UTC).isoformat(timespec="microseconds"),
        "payload": canonical_json(payload),
    }
    link = Link(position + 1, chain_hash(prev_hash, body))
    connection = session.connection()
    if connection.dialect.name == "sqlite":
        connection.connection.driver_connection.execute(  # type: ignore[union-attr]
            _SQLITE_INSERT, (body["position"], body["mutation_id"], body["kind"], body["actor_id"], body["entity_id"],
                             body["at"], body["payload"], prev_hash, link.hash))
    else:
        connection.execute(_INSERT, {**body, "prev_hash": prev_hash, "hash": link.hash})
    session.info[_TAIL] = (link.position, link.hash)
    return link


_INSERT = AuditEntry.__table__.insert()  # type: ignore[attr-defined]
_SQLITE_INSERT = ("INSERT INTO audit_entry (position, mutation_id, kind, actor_id, entity_id, at, payload, prev_hash, hash) "
                  "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")


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


# --- checkpoints: the chain head, signed by the bureau, kept outside the bureau's reach on every desktop -----------

CHECKPOINT_EVERY = 1000  # the bureau stores a signed checkpoint at least every this many entries


def head(session: Session) -> tuple[int, str]:
    """(entries, hash of the last) as the database holds them now, not the session's cached tail."""
    row = session.execute(
        select(AuditEntry.position, AuditEntry.hash).order_by(AuditEntry.position.desc()).limit(1)  # type: ignore[call-overload, union-attr]
    ).first()
    return (int(row[0]), str(row[1])) if row else (0, GENESIS)


def hash_at(session: Session, position: int) -> str | None:
    """The chain's hash after ``position`` entries (GENESIS at 0); None when the chain is shorter."""
    if position == 0:
        return GENESIS
    row = session.execute(select(AuditEntry.hash).where(AuditEntry.position == position)).first()  # type: ignore[call-overload]
    return str(row[0]) if row else None


def checkpoint_message(position: int, hash_hex: str, epoch: str) -> bytes:
    return f"CDO-AUDIT-CHECKPOINT|v1|{epoch}|{position}|{hash_hex}".encode("ascii")


def restore_message(position: int, hash_hex: str, epoch: str) -> bytes:
    """What the bureau signs when it acknowledges a restore: epoch ``epoch`` starts from this (shorter) chain."""
    return f"CDO-AUDIT-RESTORE|v1|{epoch}|{position}|{hash_hex}".encode("ascii")


def signature_ok(public_hex: str, signature_hex: str, message: bytes) -> bool:
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    try:
        Ed25519PublicKey.from_public_bytes(bytes.fromhex(public_hex)).verify(bytes.fromhex(signature_hex), message)
    except (InvalidSignature, ValueError):
        return False
    return True


def sign_checkpoint(private_key: Any, position: int, hash_hex: str, epoch: str) -> str:
    """Ed25519 signature (hex) of a checkpoint with the bureau's checkpoint key."""
    return str(private_key.sign(checkpoint_message(position, hash_hex, epoch)).hex())


def checkpoint_signature_ok(public_hex: str, checkpoint: Any) -> bool:
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    try:
        key = Ed25519PublicKey.from_public_bytes(bytes.fromhex(public_hex))
        key.verify(bytes.fromhex(checkpoint.signature),
                   checkpoint_message(checkpoint.position, checkpoint.hash, checkpoint.epoch))
    except (InvalidSignature, ValueError):
        return False
    return True


def store_checkpoint(session: Session, *, private_key: Any, epoch: str, every: int = CHECKPOINT_EVERY,
                     force: bool = False) -> AuditCheckpoint | None:
    """On the bureau: sign and keep the chain head when ``every`` entries have passed since the last checkpoint."""
    position, hash_hex = head(session)
    last = session.execute(select(func.max(AuditCheckpoint.position))).scalar()
    if position == 0 or (not force and last is not None and position - int(last) < every) or last == position:
        return None
    row = AuditCheckpoint(position=position, hash=hash_hex, epoch=epoch,
                          signature=sign_checkpoint(private_key, position, hash_hex, epoch),
                          signed_at=dt.datetime.now(dt.UTC))
    session.add(row)
    return row


def verify_checkpoints(session: Session, public_hex: str | None) -> ChainReport:
    """Every kept checkpoint must be validly signed and still match the chain at its position: a truncated tail,
    a rolled-back or re-hashed chain fails, naming the checkpoint's position and the first entry it no longer sees."""
    rows = list(session.execute(select(AuditCheckpoint).order_by(AuditCheckpoint.position)).scalars())  # type: ignore[arg-type]
    entries, _ = head(session)
    previous_ok = 0
    for cp in rows:
        if public_hex and not checkpoint_signature_ok(public_hex, cp):
            return ChainReport(False, len(rows), cp.position, f"checkpoint {cp.position} has an invalid signature")
        if cp.position > entries:
            return ChainReport(False, len(rows), entries + 1,
                               f"the chain ends at entry {entries} but the bureau signed a checkpoint at entry "
                               f"{cp.position}: entries {entries + 1}–{cp.position} were removed (truncated tail)")
        if hash_at(session, cp.position) != cp.hash:
            return ChainReport(False, len(rows), previous_ok + 1,
                               f"the chain no longer matches the signed checkpoint at entry {cp.position}: an entry "
                               f"between {previous_ok + 1} and {cp.position} was rewritten and later hashes recomputed")
        previous_ok = cp.position
    return ChainReport(True, len(rows))
