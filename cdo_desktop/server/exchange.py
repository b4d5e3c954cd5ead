"""Push and pull on the bureau's side: each pushed mutation in its own transaction and savepoint with the real
actor's rights, its answer kept under (account, device, mutation id); the current copies of rows by id (pull pages
are `server.pages`)."""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from typing import Any

from sqlalchemy import bindparam, select
from sqlmodel import Session

from cdo_desktop.domain.actor import Actor
from cdo_desktop.domain.canonical import canonical_json, sha256_hex
from cdo_desktop.domain.errors import DomainError, NotAllowed
from cdo_desktop.domain.mutations import Mutation
from cdo_desktop.server import evidence, ledger
from cdo_desktop.server.errors import is_busy, is_full
from cdo_desktop.server.issuing import Issuer, issue_touched
from cdo_desktop.server.visibility import Viewer, restrict
from cdo_desktop.services.apply import apply, batched, resolve_actor
from cdo_desktop.services.context import CHINA, PENDING_SEQ
from cdo_desktop.store.db import Database
from cdo_desktop.store.models import AuditEntry, Commissioner, Department
from cdo_desktop.store.server_models import SyncReceipt
from cdo_desktop.sync.wire import TABLES, MutationAnswer, Reason, WireRow, row_to_wire

log = logging.getLogger("cdo.server")


def mutation_digest(mutation: Mutation) -> str:
    return sha256_hex(canonical_json(mutation.model_dump(mode="json")))


def _refusal(mutation: Mutation, code: str, zh: str, en: str, field: str | None = "id") -> MutationAnswer:
    return MutationAnswer(id=mutation.id, status="refused", reason=Reason(code=code, zh=zh, en=en, field=field))


Writer = Callable[[], AbstractContextManager[Session]]


@contextlib.contextmanager
def batch_writer(db: Database) -> Iterator[Writer]:
    """Write transactions for one pushed batch: on SQLite all on one connection, so a batch of 100 does not open a
    connection per transaction and run its set-up pragmas (the store opens a connection per transaction).
    Elsewhere: `Database.write`."""
    if not db.is_sqlite:
        yield db.write
        return
    with db.writer.connect() as connection:

        yield lambda: db.write_on(connection)


# A pushed batch is written in transactions of several mutations (each still in its own savepoint), so that the
# counter lock, the actor, the rules (calendar, policy, 集约化 candidates), the rows read and the audit tail are
# taken once per transaction instead of once per mutation. A transaction takes no more mutations once it has run
# this long: other writers (other desktops' pushes) wait at most about this long for the lock.
TRANSACTION_SECONDS = 0.05


def push_batch(db: Database, viewer: Viewer, mutations: list[Mutation], *, issuer: Issuer | None = None,
               write: Writer | None = None, transaction_seconds: float = TRANSACTION_SECONDS,
               clock: Callable[[], dt.datetime] | None = None) -> list[MutationAnswer]:
    """Apply a pushed batch in order and return the answers of the mutations committed.

    Each mutation is checked, applied and answered exactly as by `push_one`, as if in its own savepoint; they share
    a write transaction until it has run ``transaction_seconds`` (0: one transaction per mutation). A transaction
    is first tried without a savepoint per mutation (`services.apply.batched`: the writes of its mutations flushed
    together); if any of its mutations is refused by the rules or fails, it is rolled back and done again with a
    savepoint each, so that the refusal changes nothing else. A busy or full database stops the batch: the
    transaction in progress is committed with the mutations answered before the failure (or, if that fails too,
    dropped with them), and the answers committed so far are returned; when there are none the error is raised
    (503 with Retry-After, see errors.install). ``clock``: the time each mutation is applied at (default: now;
    read once per mutation, so a transaction done again applies each at the same time)."""
    answers: list[MutationAnswer] = []
    times: list[dt.datetime] = []
    read_clock = clock or _utc_now

    def at(index: int) -> dt.datetime:
        while len(times) <= index:
            times.append(read_clock())
        return times[index]

    with contextlib.ExitStack() as stack:
        if write is None:
            write = stack.enter_context(batch_writer(db))
        while len(answers) < len(mutations):
            first = len(answers)
            rest = mutations[first:]
            try:
                together = _push_together(write, viewer, mutations, issuer, at, first, transaction_seconds)
            except Exception as exc:  # busy or full: as below, with nothing of this transaction committed
                if not answers:
                    raise
                log.warning("push stopped after %d of %d mutations: %s", len(answers), len(mutations), exc)
                break
            if together is not None:
                answers += together
                continue
            done: list[MutationAnswer] = []
            failure: BaseException | None = None
            try:
                with write() as session:
                    transaction = _Transaction(session, [(viewer, rest)])
                    began = time.perf_counter()
                    for i, mutation in enumerate(rest, start=first):
                        try:
                            done.append(transaction.push(viewer, mutation, issuer, at(i)))
                        except Exception as exc:
                            if not (is_busy(exc) or is_full(exc)):
                                raise
                            failure = exc  # commit the mutations answered before it, then stop
                            break
                        if time.perf_counter() - began >= transaction_seconds:
                            break
                    transaction.finish()
            except Exception as exc:
                if not (is_busy(exc) or is_full(exc)):
                    raise
                failure, done = exc, []
            answers += done
            if failure is not None:
                if not answers:
                    raise failure
                break
    return answers


class _Redo(Exception):
    """A mutation of a transaction without savepoints was refused or failed: do the transaction again with them."""


def _push_together(write: Writer, viewer: Viewer, mutations: list[Mutation], issuer: Issuer | None,
                   at: Callable[[int], dt.datetime], first: int, transaction_seconds: float,
                   ) -> list[MutationAnswer] | None:
    """``mutations[first:]`` (as many as ``transaction_seconds`` allows) in one transaction without a savepoint
    each; their answers once committed, or None (and nothing written) when one of them was refused by the rules or
    failed, or the commit failed. A busy or full database is raised. ``at(i)``: the time of ``mutations[i]``."""
    done: list[MutationAnswer] = []
    try:
        with write() as session:
            transaction = _Transaction(session, [(viewer, mutations[first:])])
            began = time.perf_counter()
            with batched(session):
                for i in range(first, len(mutations)):
                    done.append(transaction.push(viewer, mutations[i], issuer, at(i), together=True))
                    if time.perf_counter() - began >= transaction_seconds:
                        break
                transaction.finish()
    except Exception as exc:
        if is_busy(exc) or is_full(exc):
            raise
        return None
    return done


def push_group(db: Database, pushes: list[tuple[Viewer, list[Mutation]]], *, issuer: Issuer | None = None,
               clock: Callable[[], dt.datetime] | None = None) -> list[list[MutationAnswer]]:
    """Several pushes, of different desktops, in one write transaction (`group_commit`): each push in turn as
    `push_batch` would write it — its viewer's receipts and actor, its mutations in order — after the pushes before
    it, sharing the counter lock, the receipts read and written, and the rules. As in `push_batch` the transaction is
    first tried without a savepoint per mutation; if any mutation of the group is refused or fails it is rolled back
    and done again with a savepoint each. Every push's answers, or the error that failed the transaction (nothing of
    it committed). ``clock``: the time each mutation is applied at (default: now, read once per mutation, so a
    transaction done again applies each at the same time)."""
    read_clock = clock or _utc_now
    times: list[dt.datetime] = []
    offsets = [0]
    for _viewer, mutations in pushes:
        offsets.append(offsets[-1] + len(mutations))

    def at(push: int, index: int) -> dt.datetime:
        while len(times) <= offsets[push] + index:
            times.append(read_clock())
        return times[offsets[push] + index]

    with batch_writer(db) as write:
        try:
            with write() as session:
                transaction = _Transaction(session, pushes)
                with batched(session):
                    results = [[transaction.push(viewer, mutation, issuer, at(p, i), together=True)
                                for i, mutation in enumerate(mutations)] for p, (viewer, mutations) in enumerate(pushes)]
                    transaction.finish()
            return results
        except Exception as exc:
            if is_busy(exc) or is_full(exc):
                raise
        with write() as session:  # a mutation was refused or failed: again, with a savepoint each
            transaction = _Transaction(session, pushes)
            results = [[transaction.push(viewer, mutation, issuer, at(p, i)) for i, mutation in enumerate(mutations)]
                       for p, (viewer, mutations) in enumerate(pushes)]
            transaction.finish()
        return results


def push_one(db: Database, viewer: Viewer, mutation: Mutation, *, issuer: Issuer | None = None,
             write: Writer | None = None) -> MutationAnswer:
    """Apply one mutation, in its own transaction and savepoint, and record the answer under (account, device, id).

    The same account pushing the same change again gets the first answer again; the same id with other content,
    or an id another account (or the bureau) already used, is refused for this mutation alone. A rule's refusal
    or an unexpected error rolls back this mutation only. A busy or full database is raised (the batch stops there;
    the mutations answered so far keep their answers). Documents the mutation creates are issued (and signed) by
    ``issuer`` in the same savepoint. ``write``: where the transaction comes from (`batch_writer`; default
    `Database.write`).
    """
    with (write or db.write)() as session:
        transaction = _Transaction(session, [(viewer, [mutation])])
        answer = transaction.push(viewer, mutation, issuer, _utc_now())
        transaction.finish()
        return answer


def _utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


# built once (an IN of a list built per query cost a tenth of a transaction's set-up): Core statements on the
# table columns, the list bound at execution
_RECEIPT_COLUMNS = SyncReceipt.__table__.c  # type: ignore[attr-defined]
_RECEIPTS_OF = select(_RECEIPT_COLUMNS.account_id, _RECEIPT_COLUMNS.mutation_id, _RECEIPT_COLUMNS.digest,
                      _RECEIPT_COLUMNS.answer).where(_RECEIPT_COLUMNS.mutation_id.in_(bindparam("ids", expanding=True)))
_AUDITED_OF = select(AuditEntry.__table__.c.mutation_id).where(  # type: ignore[attr-defined]
    AuditEntry.__table__.c.mutation_id.in_(bindparam("ids", expanding=True)))  # type: ignore[attr-defined]


class _Transaction:
    """One write transaction of one or more pushes (`push_group`): it holds the counter lock (serialising writers:
    audit, numbers and seq stay gap-free), knows the receipts and audited ids of the mutations it may answer (read
    once, with the lock held, and kept up to date as its pushes are answered), and writes the counter and the
    receipts once, at `finish`."""

    def __init__(self, session: Session, pushes: list[tuple[Viewer, list[Mutation]]]) -> None:
        self.session = session
        self.counter = ledger.lock_counter(session)
        self.head = self.counter.seq
        self.receipts: list[dict[str, Any]] = []  # the SyncReceipt rows to write at `finish`
        self._actors: dict[uuid.UUID, tuple[dt.date, Actor]] = {}  # by commissioner
        # the first answer given to each account for an id (digest, answer); the accounts that used each id; the ids
        # in the audit log (used by the bureau, or by a mutation accepted)
        self.answered: dict[tuple[uuid.UUID, uuid.UUID], tuple[str, dict[str, Any]]] = {}
        self.used_by: dict[uuid.UUID, set[uuid.UUID]] = {}
        self.audited: set[uuid.UUID] = set()
        ids = list({m.id: None for _viewer, mutations in pushes for m in mutations})
        connection = session.connection()
        for start in range(0, len(ids), 500):
            part = ids[start : start + 500]
            for account_id, mutation_id, digest, answer in connection.execute(_RECEIPTS_OF, {"ids": part}):
                self.answered.setdefault((account_id, mutation_id), (digest, answer))
                self.used_by.setdefault(mutation_id, set()).add(account_id)
            self.audited.update(uuid.UUID(x) for x in connection.execute(
                _AUDITED_OF, {"ids": [str(i) for i in part]}).scalars())

    def _taken(self, viewer: Viewer, mutation_id: uuid.UUID) -> bool:
        """The id was used by another account or is in the audit log (asked only when ``viewer``'s account has no
        answer for it)."""
        return bool(self.used_by.get(mutation_id, set()) - {viewer.account_id}) or mutation_id in self.audited

    def push(self, viewer: Viewer, mutation: Mutation, issuer: Issuer | None, now: dt.datetime, *,
             together: bool = False) -> MutationAnswer:
        """`push_one`'s work for one mutation of ``viewer``'s push; ``together``: without a savepoint of its own
        (`_push_together`), raising `_Redo` where it would have rolled its savepoint back."""
        digest = mutation_digest(mutation)
        mine = self.answered.get((viewer.account_id, mutation.id))
        if mine is not None:
            if mine[0] and mine[0] != digest:
                return _refusal(
                    mutation, "mutation_id_reused", "该修改的标识已用于另一项修改，请重新提交",
                    "This change's id was already used for a different change: make the change again",
                )
            return MutationAnswer.model_validate(mine[1])
        if self._taken(viewer, mutation.id):
            answer = _refusal(
                mutation, "mutation_id_taken", "该修改的标识已被其他用户或设备使用，请重新提交",
                "This change's id was already used by another user or device: make the change again",
            )
        elif together:
            answer = self._apply_together(viewer, mutation, now, issuer)
        else:
            answer = self._apply_in_savepoint(viewer, mutation, now, issuer)
        dumped = answer.model_dump(mode="json")
        self.answered[(viewer.account_id, mutation.id)] = (digest, dumped)
        self.used_by.setdefault(mutation.id, set()).add(viewer.account_id)
        if answer.status == "accepted":
            self.audited.add(mutation.id)
        self.receipts.append({
            "account_id": viewer.account_id, "device_id": viewer.device_id, "mutation_id": mutation.id,
            "digest": digest, "accepted": answer.status == "accepted", "seq": answer.seq, "answer": dumped,
            "created_at": now,
        })
        return answer

    def _actor_on(self, viewer: Viewer, now: dt.datetime) -> Actor:
        """The signed-in actor on the day of ``now`` (`resolve_actor`), resolved once per transaction, viewer and day.
        Every actor is resolved again after a mutation that wrote an appointment or a department (it may be anyone's)
        or was refused."""
        on = now.astimezone(CHINA).date()
        known = self._actors.get(viewer.commissioner_id)
        if known is None or known[0] != on:
            known = (on, resolve_actor(self.session, viewer.commissioner_id, on=on))
            self._actors[viewer.commissioner_id] = known
        return known[1]

    def _forget_actors_if_changed(self, touched: tuple[Any, ...]) -> None:
        if any(isinstance(row, (Commissioner, Department)) for row in touched):
            self._actors.clear()

    def finish(self) -> None:
        """Write what the transaction's mutations gave: the counter's new head and their receipts."""
        if self.head != self.counter.seq:
            self.counter.seq = self.head
            self.session.add(self.counter)
        if self.receipts:  # one Core executemany: the rows the ORM wrote from SyncReceipt objects, without them
            self.session.connection().execute(_INSERT_RECEIPT, self.receipts)

    def _apply_together(self, viewer: Viewer, mutation: Mutation, now: dt.datetime,
                        issuer: Issuer | None) -> MutationAnswer:
        """As `_apply_in_savepoint`, in a transaction of `services.apply.batched` (no savepoint, writes flushed with
        the next query or at commit); a refusal or failure raises `_Redo` (the transaction is then rolled back)."""
        session = self.session
        seq = self.head + 1
        session.info[PENDING_SEQ] = seq
        try:
            actor = self._actor_on(viewer, now)
            if mutation.actor_id != actor.id:
                raise _Redo
            applied = apply(session, mutation, actor, now=now)
            if mutation.kind == "dispute.add_evidence":
                evidence.check_attach(session, viewer, mutation.payload)
            if mutation.kind == "asset.value":
                evidence.check_report(session, viewer, mutation.payload)
            issued = issue_touched(session, issuer, applied.touched)
            ledger.stamp_rows(session, [*applied.touched, *issued], seq)
            self._forget_actors_if_changed(applied.touched)
        except Exception as exc:
            raise _Redo from exc
        finally:
            session.info.pop(PENDING_SEQ, None)
        self.head = seq
        return MutationAnswer(id=mutation.id, status="accepted", seq=seq)

    def _apply_in_savepoint(self, viewer: Viewer, mutation: Mutation, now: dt.datetime,
                            issuer: Issuer | None) -> MutationAnswer:
        session = self.session
        seq = self.head + 1  # the number this mutation gets if accepted: rows are written with it at once
        savepoint = session.begin_nested()
        session.info[PENDING_SEQ] = seq
        try:
            actor = self._actor_on(viewer, now)
            if mutation.actor_id != actor.id:
                raise NotAllowed(
                    "actor_mismatch", "操作人与登录用户不一致", "The mutation's actor is not the signed-in user",
                    field="actor_id",
                )
            applied = apply(session, mutation, actor, now=now, in_savepoint=True)
            session.flush()
            if mutation.kind == "dispute.add_evidence":  # after the rules, so a non-party hears "not allowed" first
                evidence.check_attach(session, viewer, mutation.payload)
            if mutation.kind == "asset.value":  # a valuation report, like evidence, must be the department's own file
                evidence.check_report(session, viewer, mutation.payload)
            issued = issue_touched(session, issuer, applied.touched)
            ledger.stamp_rows(session, [*applied.touched, *issued], seq)
            session.flush()
            savepoint.commit()
            self._forget_actors_if_changed(applied.touched)
            self.head = seq
            return MutationAnswer(id=mutation.id, status="accepted", seq=seq)
        except DomainError as exc:
            savepoint.rollback()
            _forget_caches(session)
            self._actors.clear()
            return MutationAnswer(id=mutation.id, status="refused", reason=Reason(**exc.as_dict()))
        except Exception as exc:
            savepoint.rollback()
            _forget_caches(session)
            self._actors.clear()
            if is_busy(exc) or is_full(exc):
                raise
            error_id = uuid.uuid4().hex[:12]
            log.exception("mutation %s (%s) failed unexpectedly, error %s", mutation.id, mutation.kind, error_id)
            return _refusal(
                mutation, "internal", f"服务器处理该修改时出错，编号 {error_id}",
                f"The server failed on this change, error id {error_id}", field=None,
            )
        finally:
            session.info.pop(PENDING_SEQ, None)


_INSERT_RECEIPT = SyncReceipt.__table__.insert()  # type: ignore[attr-defined]


def _forget_caches(session: Session) -> None:
    from cdo_desktop.services.context import forget_cached_rules
    from cdo_desktop.store import audit

    audit.forget_tail(session)
    forget_cached_rules(session)


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
