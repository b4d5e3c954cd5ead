"""The outbox: a local change and its queued mutation in one transaction; rebasing pending changes on bureau rows.

One entry the bureau or this version refuses is kept aside with its reason; it never holds up the entries after it.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence
from dataclasses import dataclass

from pydantic import ValidationError
from sqlalchemy import delete, func, select, update
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlmodel import Session, col

from cdo_desktop.domain.errors import DomainError
from cdo_desktop.domain.mutations import Mutation, validation_error
from cdo_desktop.services.apply import Applied, apply, resolve_actor
from cdo_desktop.store.db import Database
from cdo_desktop.store.models import OutboxEntry, RefusedChange
from cdo_desktop.store.server_models import OutboxAnswer
from cdo_desktop.sync import replica, state


def apply_local(db: Database, mutation: Mutation, *, now: dt.datetime | None = None) -> Applied:
    """Apply ``mutation`` to the desktop's copy at once (pending) and queue it, in one transaction.

    Raises `DomainError` (and changes nothing) when the rules refuse it locally already.
    """
    now = now or dt.datetime.now(dt.UTC)
    with db.write() as session:
        replica.capture_shadows(session)
        actor = resolve_actor(session, mutation.actor_id)
        applied = apply(session, mutation, actor, now=now, provisional=True)
        session.add(
            OutboxEntry(
                mutation_id=mutation.id,
                kind=mutation.kind,
                entity_id=mutation.entity_id,
                mutation=mutation.model_dump(mode="json"),
                created_at=now,
                attempts=0,
            )
        )
    return applied


def pending_count(session: Session) -> int:
    return int(session.execute(select(func.count()).select_from(OutboxEntry)).scalar_one())


@dataclass
class RebaseResult:
    confirmed: int = 0
    refused: int = 0
    reapplied: int = 0
    deferred: int = 0


def _refuse(session: Session, entry: OutboxEntry, code: str, zh: str, en: str) -> None:
    session.merge(
        RefusedChange(
            mutation_id=entry.mutation_id,
            kind=entry.kind,
            entity_id=entry.entity_id,
            mutation=entry.mutation,
            code=code[:64],
            reason_zh=zh,
            reason_en=en,
            refused_at=dt.datetime.now(dt.UTC),
        )
    )
    session.delete(entry)


def rebase_pending(session: Session, *, final: bool) -> RebaseResult:
    """After the bureau's rows were laid down (shadows already restored): confirm what the bureau accepted and the
    cursor has passed, keep what it refused in "refused changes", and apply the rest again on top.

    A pending mutation that no longer applies locally is refused here only if it was never sent and the copy is
    complete (``final``); otherwise it waits, without local effect, for the bureau's answer.
    """
    result = RebaseResult()
    cursor = state.cursor(session)
    answers = {a.mutation_id: a for a in session.execute(select(OutboxAnswer)).scalars()}
    result.confirmed = _confirm(session, [mid for mid, a in answers.items() if a.accepted and (a.seq or 0) <= cursor])
    replica.capture_shadows(session)
    entries = list(session.execute(select(OutboxEntry).order_by(OutboxEntry.position)).scalars())  # type: ignore[arg-type]
    for entry in entries:
        answer = answers.get(entry.mutation_id)
        if answer is not None and not answer.accepted:
            _refuse(session, entry, answer.code, answer.reason_zh, answer.reason_en)
            session.delete(answer)
            result.refused += 1
            continue
        try:
            mutation = _readable(entry)
            actor = resolve_actor(session, mutation.actor_id)
            apply(session, mutation, actor, provisional=True)
            result.reapplied += 1
        except DomainError as exc:
            if final and answer is None and entry.attempts == 0:
                _refuse(session, entry, exc.code, exc.zh, exc.en)
                result.refused += 1
            else:
                result.deferred += 1
    session.flush()
    return result


_CONFIRM_CHUNK = 500  # ids per statement, well inside SQLite's bound parameters


def _confirm(session: Session, mutation_ids: list[uuid.UUID]) -> int:
    """Drop the outbox entries the bureau accepted and the cursor has passed, with their answers (an answer whose
    entry is gone stays, as before): two set-based deletes per chunk rather than two ORM deletes per entry — a
    desktop back from weeks offline confirms thousands at once. Returns the entries dropped."""
    dropped = 0
    for start in range(0, len(mutation_ids), _CONFIRM_CHUNK):
        chunk = mutation_ids[start:start + _CONFIRM_CHUNK]
        queued = select(col(OutboxEntry.mutation_id)).where(col(OutboxEntry.mutation_id).in_(chunk))
        session.execute(delete(OutboxAnswer).where(col(OutboxAnswer.mutation_id).in_(queued)),
                        execution_options={"synchronize_session": "fetch"})
        done = session.execute(delete(OutboxEntry).where(col(OutboxEntry.mutation_id).in_(chunk)),
                               execution_options={"synchronize_session": "fetch"})
        dropped += int(done.rowcount)  # type: ignore[attr-defined]
    return dropped


def _readable(entry: OutboxEntry) -> Mutation:
    """The queued mutation; one this version cannot read (queued by an older version, e.g. with a control
    character the rules now refuse) is a `DomainError` like any other refusal, never a crash of the whole sync."""
    try:
        return Mutation.model_validate(entry.mutation)
    except ValidationError as exc:
        raise validation_error(exc) from None


def count_attempt(session: Session, positions: list[int]) -> None:
    """One more attempt for these outbox entries (one statement for a whole batch)."""
    if positions:
        session.execute(update(OutboxEntry).where(col(OutboxEntry.position).in_(positions))
                        .values(attempts=OutboxEntry.attempts + 1))


@dataclass(frozen=True)
class Answer:
    """The bureau's answer to one outbox entry, as `record_answers` stores it in `OutboxAnswer` (a plain record:
    building a table model per answer costs more than writing it)."""

    mutation_id: uuid.UUID
    accepted: bool
    seq: int | None = None
    code: str = ""
    reason_zh: str = ""
    reason_en: str = ""
    field: str | None = None


def record_answers(session: Session, answers: Sequence[Answer | OutboxAnswer]) -> None:
    """Keep the bureau's answers (a newer answer to the same mutation replaces the older), in one statement."""
    if not answers:
        return
    table = OutboxAnswer.__table__  # type: ignore[attr-defined]
    columns = [c.name for c in table.columns]
    stmt = sqlite_insert(table)
    stmt = stmt.on_conflict_do_update(index_elements=["mutation_id"],
                                      set_={c: stmt.excluded[c] for c in columns if c != "mutation_id"})
    session.execute(stmt, [{c: getattr(a, c) for c in columns} for a in answers])


def forget_answers(session: Session) -> None:
    session.execute(delete(OutboxAnswer))


def dismiss_refused(db: Database, mutation_id: uuid.UUID) -> bool:
    """The user has read a refused change: hide it from the task list (kept in the table for the record)."""
    with db.write() as session:
        row = session.get(RefusedChange, mutation_id)
        if row is None or row.dismissed:
            return False
        row.dismissed = True
        return True


class OutboxApplier:
    """Writes an import's rows on a connected desktop: each applied locally (pending) and queued, in the import's
    one transaction (the bureau's copies replace them when it accepts)."""

    def begin(self, session: Session) -> None:
        replica.capture_shadows(session)

    def apply(self, session: Session, mutation: Mutation, actor: object) -> None:
        from cdo_desktop.domain.actor import Actor

        assert isinstance(actor, Actor)
        now = dt.datetime.now(dt.UTC)
        apply(session, mutation, actor, now=now, provisional=True)
        session.add(OutboxEntry(mutation_id=mutation.id, kind=mutation.kind, entity_id=mutation.entity_id,
                                mutation=mutation.model_dump(mode="json"), created_at=now, attempts=0))
