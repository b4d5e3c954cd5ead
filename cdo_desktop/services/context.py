"""What a handler needs while applying one mutation: the session, the actor, the clock, calendar and policy."""

from __future__ import annotations

import datetime as dt
import functools
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

from sqlalchemy import event
from sqlalchemy.orm.util import identity_key
from sqlmodel import Session, SQLModel, select

from cdo_desktop.domain.actor import Actor
from cdo_desktop.domain.enums import DocumentKind, Party
from cdo_desktop.domain.errors import Conflict, NotFound
from cdo_desktop.domain.mutations import Mutation, Payload
from cdo_desktop.domain.numbering import DEFAULT_PREFIXES, PROVISIONAL_MARK, format_number
from cdo_desktop.domain.policy import DeadlineKind, DueDate, Policy
from cdo_desktop.domain.workdays import BureauDay, HolidayCalendar
from cdo_desktop.domain.workflow import Transition, check_transition
from cdo_desktop.store import models as m
from cdo_desktop.store.lookup import Lookup

CHINA = ZoneInfo("Asia/Shanghai")
T = TypeVar("T", bound=SQLModel)

_CALENDAR_KEY = "cdo_calendar"
_POLICY_KEY = "cdo_policy"
_DEPT_KEY = "cdo_departments"
_SEQUENCES_KEY = "cdo_doc_sequences"
_WRITTEN_KEY = "cdo_written_rows"


def _written(session: Session) -> dict[type, dict[Any, Any]]:
    """The rows written (`Context.touch`) since the session last flushed or rolled back, by (model, id).

    A row added since the last flush is not yet in the session's identity map: ``session.get`` would flush the
    session and query the database to return this same object. Looking here first finds it without either (in a
    batch of mutations, `services.apply.batched`, the rows of earlier mutations wait unflushed too)."""
    rows: dict[type, dict[Any, Any]] | None = session.info.get(_WRITTEN_KEY)
    if rows is None:
        rows = {}
        session.info[_WRITTEN_KEY] = rows
        event.listen(session, "after_flush", _forget_written)
        event.listen(session, "after_soft_rollback", _forget_written)
    return rows


def _forget_written(session: Session, *_: Any) -> None:
    # after a flush the rows are in the identity map; after a rollback the pending ones are gone
    session.info[_WRITTEN_KEY].clear()


_HELD_KEY = "cdo_held_rows"
# session.info: the sequence number the bureau gives the mutation being applied, if it is accepted; `Context.touch`
# stamps it at once, so that a row is written once with its number (server/exchange)
PENDING_SEQ = "cdo_pending_seq"


def hold(session: Session, row: Any) -> Any:
    """Keep ``row`` in the session's identity map until the transaction ends: the identity map holds its objects
    weakly, so a row read by one mutation (the actor, a department, a resource) would otherwise be read again by
    the next mutation of the same transaction. The ORM keeps a held row current within its transaction (a
    rolled-back savepoint expires what it changed; it is read again on next use); held rows are let go when the
    transaction ends, so a later transaction reads the database again."""
    transaction = session.get_transaction()
    held = session.info.get(_HELD_KEY)
    if held is None or held[0] is not transaction:
        held = (transaction, [])
        session.info[_HELD_KEY] = held
    held[1].append(row)
    return row


def load_calendar(session: Session) -> HolidayCalendar:
    cached = session.info.get(_CALENDAR_KEY)
    if cached is None:
        rows = session.exec(select(m.HolidayDay)).all()
        complete = {y.year for y in session.exec(select(m.HolidayYear)).all() if y.complete}
        cached = HolidayCalendar.from_days((BureauDay(r.date, r.workday, r.name) for r in rows), complete)
        session.info[_CALENDAR_KEY] = cached
    return cached


def load_policy(session: Session) -> Policy:
    cached = session.info.get(_POLICY_KEY)
    if cached is None:
        cached = Policy.from_rows(session.exec(select(m.PolicyDeadline)).all())
        session.info[_POLICY_KEY] = cached
    return cached


def forget_cached_rules(session: Session) -> None:
    """Calendar, policy or departments changed: reload them on next use."""
    for key in (_CALENDAR_KEY, _POLICY_KEY, _DEPT_KEY, "cdo_duplicate_candidates", _SEQUENCES_KEY):
        session.info.pop(key, None)


def _locked_sequence(session: Session, kind: str, year: int) -> m.DocSequence:
    """The number sequence ``(kind, year)``, read ``FOR UPDATE`` once per transaction: the row stays locked (and
    unchanged by anyone else) until the transaction ends, so later numbers of the same transaction use the row
    already read instead of selecting it again. A savepoint's rollback drops the cache (`forget_cached_rules`)."""
    transaction = session.get_transaction()
    cached = session.info.get(_SEQUENCES_KEY)
    if cached is None or cached[0] is not transaction:
        cached = (transaction, {})
        session.info[_SEQUENCES_KEY] = cached
    rows: dict[tuple[str, int], m.DocSequence] = cached[1]
    seq = rows.get((kind, year))
    if seq is None:
        # without autoflush: a sequence row this transaction made and has not flushed is in ``rows`` already
        with session.no_autoflush:
            seq = session.exec(
                select(m.DocSequence).where(m.DocSequence.kind == kind, m.DocSequence.year == year).with_for_update()
            ).first()
        if seq is None:
            seq = m.DocSequence(kind=kind, year=year, last=0)
        rows[(kind, year)] = seq
    return seq


@functools.cache
def _keys_where(model: type[SQLModel], column: str) -> Lookup:
    """``SELECT id FROM table WHERE column = :value``, built once per model and column: run on the session's
    connection, it reads the stored rows without the ORM's autoflush and object loading."""
    return Lookup(model.__table__, "id", column)  # type: ignore[attr-defined]


# session.info flag: the audit replay re-applies logged changes; the business rules (guards) they passed when they
# were admitted are not re-judged by today's rules (services/replay.py)
REPLAYING = "replaying_audit_log"


@dataclass
class Context:
    session: Session
    mutation: Mutation
    actor: Actor
    transition: Transition
    payload: Payload
    now: dt.datetime
    provisional: bool = False
    touched: list[m.Synced] = field(default_factory=list)

    @property
    def today(self) -> dt.date:
        return self.now.astimezone(CHINA).date()

    def get(self, model: type[T], key: Any, *, field: str = "entity_id") -> T:
        """Load a row or refuse with a message naming the field that pointed to it (a row written but not yet
        flushed is found without flushing, see `_written`)."""
        row: T | None = None
        if key is not None:
            row = _written(self.session).get(model, {}).get(key)
            if row is None:
                row = self.session.get(model, key)
                if row is not None:
                    hold(self.session, row)
        if row is None:
            table = getattr(model, "__tablename__", model.__name__)
            raise NotFound(
                "not_found",
                f"找不到所引用的记录（{field}：{key}）",
                f"The record referred to by '{field}' ({key}) does not exist in {table}",
                field=field,
            )
        return row

    def exists(self, model: type[SQLModel], key: Any) -> bool:
        """Whether a row of ``model`` with primary key ``key`` exists, in the database or written and not yet flushed
        (the same answer as ``session.get(model, key) is not None``, without flushing the session first)."""
        if key in _written(self.session).get(model, {}):
            return True
        if self.session.identity_map.get(identity_key(model, key)) is not None:
            return True
        return bool(_keys_where(model, "id").values(self.session.connection(), key))

    def rows_where(self, model: type[T], column: str, value: Any) -> list[T]:
        """The rows of ``model`` whose ``column`` equals ``value``, as the query would give them after a flush, without
        flushing. The query runs without autoflush (rows already stored come back as the session's objects, their
        unflushed changes kept) and is filtered again on the objects' values; the rows written and not yet flushed
        that match follow (the rows of a column written once, such as a subject's id, come in the query's order)."""
        keys = _keys_where(model, column).values(self.session.connection(), value)
        with self.session.no_autoflush:
            stored = [r for r in (self.session.get(model, k) for k in keys) if r is not None and getattr(r, column) == value]
        seen = {id(r) for r in stored}
        waiting = [r for r in _written(self.session).get(model, {}).values()
                   if getattr(r, column) == value and id(r) not in seen]
        return stored + waiting

    def department(self, dept_id: uuid.UUID, *, field: str) -> m.Department:
        dept = self.get(m.Department, dept_id, field=field)
        if not dept.active:
            raise NotFound(
                "department_inactive", f"部门“{dept.name}”已停用", f"Department '{dept.name}' is inactive", field=field
            )
        return dept

    def parties(self, **departments: uuid.UUID | None) -> set[Party]:
        """The parties the actor holds: BUREAU if of the bureau, plus each named party whose department is the actor's."""
        held = {Party(name) for name, dept in departments.items() if dept is not None and dept == self.actor.department_id}
        if self.actor.is_bureau:
            held.add(Party.BUREAU)
        return held

    def check(self, *, state: str | None, parties: set[Party], facts: dict[str, Any]) -> None:
        check_transition(self.transition, state=state, role=self.actor.role, parties=parties, facts=facts,
                         guards=not self.session.info.get(REPLAYING))

    def check_base_revision(self, row: m.Synced) -> None:
        base = self.mutation.base_revision
        if base and row.revision != base:
            raise Conflict(
                "stale_revision",
                "该记录已被他人修改，请刷新后重试",
                f"The record changed since you opened it (revision {base}, now {row.revision}); refresh and retry",
            )

    def touch(self, row: m.Synced) -> None:
        """Record a write: bump the revision, clear the bureau sequence (on the bureau: the number the mutation gets
        if accepted, `PENDING_SEQ`; a desktop's copy has none until the bureau's arrives)."""
        row.revision = (row.revision or 0) + 1
        row.seq = self.session.info.get(PENDING_SEQ)
        self.session.add(row)
        self.touched.append(row)
        _written(self.session).setdefault(type(row), {})[row.id] = row

    def due(self, kind: DeadlineKind, start: dt.date) -> DueDate:
        return load_policy(self.session).due(kind, start, load_calendar(self.session))

    def add_workdays(self, start: dt.date, days: int) -> tuple[dt.date, bool]:
        result = load_calendar(self.session).add_workdays(start, days)
        return result.due, result.uncertain

    def next_number(self, kind: DocumentKind) -> str:
        """The next number of ``kind`` this year; on a desktop copy a provisional one until the bureau numbers it."""
        year = self.today.year
        if self.provisional:
            return provisional_number(kind, year, self.mutation.entity_id)
        seq = _locked_sequence(self.session, kind.value, year)
        seq.last += 1
        self.session.add(seq)
        return format_number(kind, year, seq.last, DEFAULT_PREFIXES)

    def next_reply_number(self, dept: m.Department) -> str:
        """The provider's own number for a reply: its prefix from the directory, its own yearly sequence; on a
        desktop copy a provisional one until the bureau numbers it."""
        from cdo_desktop.domain.numbering import DocumentNumber, default_reply_prefix, reply_sequence_key

        year = self.today.year
        prefix = dept.reply_prefix or default_reply_prefix(dept.short_name or dept.name)
        if self.provisional:
            return f"{prefix}〔{year}〕{PROVISIONAL_MARK}-{self.mutation.entity_id.hex[:6]}"
        key = reply_sequence_key(str(dept.id))
        seq = _locked_sequence(self.session, key, year)
        seq.last += 1
        self.session.add(seq)
        return str(DocumentNumber(prefix, year, seq.last))

    def event(self, dispute_id: uuid.UUID, action: str, note: str = "") -> None:
        from cdo_desktop.domain.actor import derived_id

        row = m.DisputeEvent(
            id=derived_id(self.mutation.id, "event"),
            dispute_id=dispute_id,
            at=self.now,
            action=action,
            actor_id=self.actor.id,
            department_id=self.actor.department_id,
            note=note,
        )
        self.touch(row)


def provisional_number(kind: DocumentKind, year: int, entity_id: uuid.UUID) -> str:
    """A number that says it is not final (``佛数享〔2026〕待定-1a2b3c``): the bureau's copy brings the real one."""
    return f"{DEFAULT_PREFIXES[kind]}〔{year}〕{PROVISIONAL_MARK}-{entity_id.hex[:6]}"


Handler = Callable[[Context], None]
