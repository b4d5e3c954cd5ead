"""Push and pull on the bureau's side: each pushed mutation in its own transaction with the real actor's rights;
pull pages of visible rows after a cursor, cut at whole sequence numbers."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select
from sqlmodel import Session, col

from cdo_desktop.domain.errors import DomainError, NotAllowed
from cdo_desktop.domain.mutations import Mutation
from cdo_desktop.server import ledger
from cdo_desktop.server.issuing import Issuer, issue_touched
from cdo_desktop.server.visibility import Viewer, restrict
from cdo_desktop.services.apply import apply, resolve_actor
from cdo_desktop.services.context import CHINA
from cdo_desktop.store.db import Database
from cdo_desktop.store.server_models import SyncReceipt
from cdo_desktop.sync.wire import PAGE_BYTES, TABLES, MutationAnswer, PullPage, Reason, WireRow, row_to_wire


def push_one(db: Database, viewer: Viewer, mutation: Mutation, *, issuer: Issuer | None = None) -> MutationAnswer:
    """Apply one mutation (or repeat the first answer to its id from this device); documents it creates are
    issued (and signed) by ``issuer`` in the same transaction."""
    now = dt.datetime.now(dt.UTC)
    with db.write() as session:
        counter = ledger.lock_counter(session)  # serialises writers: audit, numbers and seq stay gap-free
        receipt = session.get(SyncReceipt, (viewer.device_id, mutation.id))
        if receipt is not None:
            return MutationAnswer.model_validate(receipt.answer)
        try:
            actor = resolve_actor(session, viewer.commissioner_id, on=now.astimezone(CHINA).date())
            if mutation.actor_id != actor.id:
                raise NotAllowed(
                    "actor_mismatch", "操作人与登录用户不一致", "The mutation's actor is not the signed-in user",
                    field="actor_id",
                )
            applied = apply(session, mutation, actor, now=now)
            issued = issue_touched(session, issuer, applied.touched)
            seq = ledger.stamp(session, counter, [*applied.touched, *issued])
            answer = MutationAnswer(id=mutation.id, status="accepted", seq=seq)
        except DomainError as exc:
            answer = MutationAnswer(id=mutation.id, status="refused", reason=Reason(**exc.as_dict()))
        session.add(
            SyncReceipt(
                device_id=viewer.device_id,
                mutation_id=mutation.id,
                account_id=viewer.account_id,
                accepted=answer.status == "accepted",
                seq=answer.seq,
                answer=answer.model_dump(mode="json"),
                created_at=now,
            )
        )
    return answer


def _visible(session: Session, viewer: Viewer, table: str, low: int, high: int, limit: int | None) -> list[Any]:
    model = TABLES[table]
    query = select(model).where(col(model.seq) > low, col(model.seq) <= high)
    query = restrict(query, table, viewer).order_by(model.seq)  # type: ignore[arg-type]
    if limit is not None:
        query = query.limit(limit)
    return list(session.execute(query).scalars())


_ORDER = {name: i for i, name in enumerate(TABLES)}


def pull_page(session: Session, viewer: Viewer, *, after: int, limit: int) -> PullPage:
    """Rows changed after ``after`` that ``viewer`` may see, whole sequence numbers only, at most about
    ``limit`` rows or `PAGE_BYTES` (a single mutation larger than that still travels whole)."""
    counter = ledger.read_counter(session)
    head = counter.seq
    now = dt.datetime.now(dt.UTC)
    if after >= head:
        return PullPage(epoch=counter.epoch, head=head, cursor=min(after, head), more=False, rows=[], server_time=now)
    found: list[tuple[int, int, str, Any]] = []
    for table in TABLES:
        found += [(r.seq, _ORDER[table], table, r) for r in _visible(session, viewer, table, after, head, limit + 1)]
    found.sort(key=lambda item: (item[0], item[1]))
    rows: list[WireRow] = []
    size = 0
    cut: int | None = None  # the first sequence number not (wholly) in this page
    for seq, _order, table, row in found:
        if len(rows) >= limit or size >= PAGE_BYTES:
            cut = seq
            break
        data = row_to_wire(row)
        size += sum(len(str(v)) + len(k) + 6 for k, v in data.items())  # about the JSON size, cheaply
        rows.append(WireRow(table=table, seq=seq, row=data))
    if cut is None:
        return PullPage(epoch=counter.epoch, head=head, cursor=head, more=False, rows=rows, server_time=now)
    whole = [r for r in rows if r.seq < cut]
    if whole:
        return PullPage(epoch=counter.epoch, head=head, cursor=cut - 1, more=True, rows=whole, server_time=now)
    # one mutation wrote more rows than a page holds: send all of it
    big: list[WireRow] = []
    for table in TABLES:
        big += [WireRow(table=table, seq=cut, row=row_to_wire(r)) for r in _visible(session, viewer, table, cut - 1, cut, None)]
    return PullPage(epoch=counter.epoch, head=head, cursor=cut, more=cut < head, rows=big, server_time=now)


def rows_by_id(session: Session, viewer: Viewer, table: str, ids: list[Any]) -> list[WireRow]:
    """The current server copies of some rows the viewer may see (used by tools and tests to compare)."""
    model = TABLES[table]
    query = restrict(select(model).where(model.id.in_(ids)), table, viewer)  # type: ignore[attr-defined]
    return [WireRow(table=table, seq=r.seq or 0, row=row_to_wire(r)) for r in session.execute(query).scalars()]


def apply_sequenced(db: Database, mutation: Mutation) -> int:
    """Apply a mutation directly on the bureau's database (admin commands, seeding) and give it a sequence number.

    Raises `DomainError` when refused. Returns the sequence number.
    """
    with db.write() as session:
        counter = ledger.lock_counter(session)
        actor = resolve_actor(session, mutation.actor_id)
        applied = apply(session, mutation, actor)
        return ledger.stamp(session, counter, applied.touched)
