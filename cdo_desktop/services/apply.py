"""`apply`: the one way any change enters a database, on the desktop and on the bureau server alike.

Steps: find the action's row in the workflow tables, validate the payload (unknown fields, lengths, types),
run the handler (which checks role, party, state and guards before it writes), append the audit link. All of it
happens inside a SAVEPOINT of the caller's transaction: a refused action raises a `DomainError` and leaves the
database exactly as it was.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError
from sqlalchemy import event
from sqlmodel import Session, select

from cdo_desktop.domain.actor import Actor
from cdo_desktop.domain.enums import Role
from cdo_desktop.domain.errors import DomainError, NotAllowed, NotFound
from cdo_desktop.domain.mutations import Mutation, validation_error
from cdo_desktop.domain.workflow import transition_for
from cdo_desktop.services.context import Context, hold
from cdo_desktop.services.registry import AFTER, HANDLERS
from cdo_desktop.store import audit
from cdo_desktop.store import models as m
from cdo_desktop.store.db import Database


@dataclass(frozen=True)
class Applied:
    """What an accepted mutation did: the rows it wrote and its audit link."""

    mutation: Mutation
    touched: tuple[m.Synced, ...]
    audit_position: int


def _handlers() -> dict[str, Any]:
    """The handler table, its modules imported on the first change (a desktop paints its first page without them)."""
    if _LOADED:  # not "HANDLERS is filled": importing one handler module elsewhere fills it in part
        return HANDLERS
    from cdo_desktop.services import (  # noqa: F401  (each module registers its handlers)
        accountability,
        assets,
        catalogue,
        directory,
        disputes,
        documents,
        misuse,
        objections,
        receipts,
        requests,
    )

    _LOADED.append(True)
    return HANDLERS


_LOADED: list[bool] = []  # non-empty once every handler module is imported


def resolve_actor(session: Session, actor_id: uuid.UUID, *, on: dt.date | None = None) -> Actor:
    """The actor behind a commissioner appointment, refused when the appointment does not exist or has ended."""
    row = session.get(m.Commissioner, actor_id)
    if row is None:
        raise NotFound("actor_unknown", "操作人不存在", "The acting commissioner does not exist", field="actor_id")
    hold(session, row)
    if row.ended_on is not None and (on is None or row.ended_on <= on):
        raise NotAllowed(
            "actor_ended", f"{row.name}的任职已于{row.ended_on}结束", f"{row.name}'s appointment ended on {row.ended_on}"
        )
    dept = session.get(m.Department, row.department_id)
    if dept is not None:
        hold(session, dept)
    return Actor(
        id=row.id,
        department_id=row.department_id,
        role=Role(row.role),
        name=row.name,
        is_bureau=bool(dept and dept.is_bureau),
    )


def apply(
    session: Session, mutation: Mutation, actor: Actor, *, now: dt.datetime | None = None, provisional: bool = False,
    in_savepoint: bool = False,
) -> Applied:
    """Check and write one mutation in the caller's transaction; raise `DomainError` and change nothing if refused.

    ``provisional``: the change is a desktop's optimistic copy, waiting for the bureau; document numbers it gives
    are marked provisional (the bureau numbers documents, and its copy replaces this one when it arrives).
    ``in_savepoint``: the caller runs this in a SAVEPOINT of its own and rolls it back when this raises (the bureau's
    push, server/exchange): no second savepoint is taken, and the writes wait for the caller's next flush.
    """
    now = now or dt.datetime.now(dt.UTC)
    transition = transition_for(mutation.kind)
    handler = _handlers().get(mutation.kind)
    if handler is None:  # a table row without a handler is a programming error, caught by the tests
        raise DomainError("no_handler", f"操作未实现：{mutation.kind}", f"Action not implemented: {mutation.kind}")
    try:
        payload = transition.payload.model_validate(mutation.payload)
    except ValidationError as exc:
        raise validation_error(exc, prefix="payload") from None
    if mutation.actor_id != actor.id:
        raise NotAllowed("actor_mismatch", "操作人与登录用户不一致", "The mutation's actor is not the signed-in user")
    ctx = Context(
        session=session, mutation=mutation, actor=actor, transition=transition, payload=payload, now=now,
        provisional=provisional,
    )
    batch: _Batch | None = session.info.get(_BATCH)
    savepoint = None if batch is not None or in_savepoint else session.begin_nested()
    try:
        handler(ctx)
        for hook in AFTER.get(mutation.kind, ()):
            hook(ctx)
        entry = audit.append(
            session,
            mutation_id=mutation.id,
            kind=mutation.kind,
            actor_id=actor.id,
            entity_id=mutation.entity_id,
            at=now,
            payload=payload.model_dump(mode="json"),
        )
        if savepoint is not None:
            session.flush()
            savepoint.commit()
        elif batch is not None and not batch.deferred_keys:
            session.flush()
    except BaseException:
        if savepoint is not None:
            savepoint.rollback()
        elif not in_savepoint:  # in a batch the caller's whole transaction is the unit: nothing of it may be committed now
            session.rollback()
        audit.forget_tail(session)
        from cdo_desktop.services.context import forget_cached_rules

        forget_cached_rules(session)
        raise
    return Applied(mutation=mutation, touched=tuple(ctx.touched), audit_position=entry.position)


_BATCH = "cdo_batch"


@dataclass(frozen=True)
class _Batch:
    deferred_keys: bool  # SQLite: foreign keys checked at COMMIT, so writes may wait for the next flush


def _defer_foreign_keys(_session: Session, _transaction: Any, connection: Any) -> None:
    connection.exec_driver_sql("PRAGMA defer_foreign_keys=ON")  # reset by SQLite at every COMMIT and ROLLBACK


@contextlib.contextmanager
def batched(session: Session) -> Iterator[None]:
    """Apply many mutations in the caller's transactions as one unit each, for bulk writers (the demo generator).

    Every mutation is checked, written and audited exactly as one by one; what changes is what a refusal undoes.
    One by one, each mutation runs in a SAVEPOINT so that a refused one leaves the transaction as it was; in a batch
    there is no savepoint per mutation and a refusal (or any error) rolls back the caller's whole transaction. On
    SQLite the writes of the batch are flushed together when the session next flushes (a query, the commit) with
    foreign keys checked at COMMIT (``PRAGMA defer_foreign_keys``), since one flush may write a row before the row it
    refers to; elsewhere each mutation is flushed at its end as one by one.
    """
    if session.info.get(_BATCH) is not None:
        raise RuntimeError("already batched")
    deferred = session.get_bind().dialect.name == "sqlite"
    if deferred:
        if session.in_transaction():
            session.connection().exec_driver_sql("PRAGMA defer_foreign_keys=ON")
        event.listen(session, "after_begin", _defer_foreign_keys)
    session.info[_BATCH] = _Batch(deferred_keys=deferred)
    try:
        yield
    finally:
        session.info.pop(_BATCH, None)
        if deferred:
            event.remove(session, "after_begin", _defer_foreign_keys)


def apply_mutation(db: Database, mutation: Mutation, *, now: dt.datetime | None = None) -> Applied:
    """Resolve the actor and apply ``mutation`` in its own write transaction."""
    with db.write() as session:
        actor = resolve_actor(session, mutation.actor_id)
        return apply(session, mutation, actor, now=now)


def bootstrap_admin(
    session: Session, *, bureau_code: str, bureau_name: str, admin_name: str, today: dt.date,
    at: dt.datetime | None = None, policy_seeds: int | None = None,
) -> Actor:
    """Create the bureau and its first administrator in an empty database (the one write outside `apply`:
    someone must exist to act). Audited as ``system.bootstrap``. Refused when any department exists."""
    if session.exec(select(m.Department).limit(1)).first() is not None:
        raise DomainError("already_initialised", "数据库已有部门，不能重复初始化", "The directory already has departments")
    from cdo_desktop.domain.actor import derived_id

    bureau = m.Department(
        id=derived_id("bureau", bureau_code), code=bureau_code, name=bureau_name, short_name="政数局",
        level="city", is_bureau=True, revision=1,
    )
    admin = m.Commissioner(
        id=derived_id("admin", bureau_code), name=admin_name, department_id=bureau.id, role=Role.ADMIN.value,
        appointed_on=today, revision=1,
    )
    session.add(bureau)
    session.flush()
    session.add(admin)
    session.flush()
    audit.append(
        session,
        mutation_id=derived_id("bootstrap", bureau_code),
        kind="system.bootstrap",
        actor_id=admin.id,
        entity_id=bureau.id,
        at=at or dt.datetime.now(dt.UTC),
        payload={"bureau": bureau_name, "code": bureau_code, "admin": admin_name}
        | ({"policy_seeds": policy_seeds} if policy_seeds is not None and policy_seeds > 1 else {}),
    )
    return Actor(admin.id, bureau.id, Role.ADMIN, admin_name, is_bureau=True)
