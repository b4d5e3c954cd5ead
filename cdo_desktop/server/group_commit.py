"""Group commit: pushes that reach the bureau while another push is being written are written together, in one
transaction, one after another, as if each had been pushed alone.

Every push takes the writers' lock (`ledger.lock_counter`) for the whole of its transaction. When fifty desktops
push at the same moment, fifty transactions used to queue for that lock one by one, each paying the lock, the rules,
the audit tail and the commit again — and on SQLite the waiters slept in SQLite's busy handler while the lock was
already free. Here the pushes of one server process queue in memory instead: the first becomes the *leader* and
writes what is queued (its own push first), while those arriving meanwhile wait; when its group is committed it
answers every push of the group and hands the lead to the first push still queued, which writes the next group.

Nothing about a push's meaning changes (`exchange.push_group`): each mutation is still applied through
`services.apply` by its own actor, in arrival order, with its audit link and sequence number, and gives the answer,
rows and audit entry it would have given written alone (a group is tried without savepoints and done again with a
savepoint per mutation when anything in it is refused); its answer is given only once the transaction holding it
is committed. A group that fails as a whole on something other than a busy or full database is written again push
by push, so that one push's failure is not another's; a busy or full database fails every push of the group (503,
retried by each desktop). Large pushes (a desktop catching up on a week of work) are written alone by
`exchange.push_batch`. A push whose thread is interrupted while it waits leaves the queue (and passes the lead on if
it had been handed to it); if it had already been written, its desktop hears the answer when it sends it again.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from cdo_desktop.domain.mutations import Mutation
from cdo_desktop.server import exchange
from cdo_desktop.server.errors import is_busy, is_full
from cdo_desktop.server.issuing import Issuer
from cdo_desktop.server.visibility import Viewer
from cdo_desktop.store.db import Database
from cdo_desktop.sync.wire import MutationAnswer

log = logging.getLogger("cdo.server")

GROUP_MUTATIONS = 200  # a group takes queued pushes until it holds this many mutations
ALONE_MUTATIONS = 20  # a push of more mutations is written by itself (`exchange.push_batch`)


@dataclass(eq=False)
class _Push:
    viewer: Viewer
    mutations: list[Mutation]
    answers: list[MutationAnswer] | None = None
    error: BaseException | None = None
    committed: Any = None  # what ``after_commit`` gave for its group
    woken: threading.Event = field(default_factory=threading.Event)

    @property
    def done(self) -> bool:
        return self.answers is not None or self.error is not None


@dataclass
class GroupStats:
    """What the queue has done since the server started (read by tests and benchmarks)."""

    pushes: int = 0
    groups: int = 0
    largest: int = 0


class PushQueue:
    """The pushes of one server process, written in groups. ``after_commit`` runs once per group, after its
    commit and before its pushes are answered; what it returns is handed to each push of the group (the server
    reads its head there, records it and keeps its checkpoints)."""

    def __init__(self, db: Database, issuer: Issuer | None = None,
                 after_commit: Callable[[], Any] | None = None) -> None:
        self.db = db
        self.issuer = issuer
        self.after_commit = after_commit
        self.stats = GroupStats()
        self._mutex = threading.Lock()
        self._queue: list[_Push] = []
        self._leading = False

    def push(self, viewer: Viewer, mutations: list[Mutation]) -> tuple[list[MutationAnswer], Any]:
        """Write one push (with whatever else is queued) and return its answers and what ``after_commit`` gave
        after its group, or raise what failed it."""
        mine = _Push(viewer, mutations)
        with self._mutex:
            self._queue.append(mine)
            lead = not self._leading
            self._leading = True
        if not lead:
            try:
                mine.woken.wait()  # with its answers, or to lead
            except BaseException:
                self._abandon(mine)
                raise
        while not mine.done:  # leading: write groups until this push has been written
            group = self._take()
            try:
                self._write(group)
            finally:
                self._answer(group, mine)
        if mine.error is not None:
            raise mine.error
        assert mine.answers is not None
        return mine.answers, mine.committed

    def _take(self) -> list[_Push]:
        with self._mutex:
            group: list[_Push] = []
            size = 0
            while self._queue and size < GROUP_MUTATIONS:
                push = self._queue[0]
                alone = len(push.mutations) > ALONE_MUTATIONS
                if group and alone:
                    break
                group.append(self._queue.pop(0))
                size += len(push.mutations)
                if alone:
                    break
            return group

    def _write(self, group: list[_Push]) -> None:
        """Write ``group`` and set each push's answers or error (nothing is answered yet)."""
        self.stats.pushes += len(group)
        self.stats.groups += 1
        self.stats.largest = max(self.stats.largest, len(group))
        try:
            if len(group) == 1:
                group[0].answers = exchange.push_batch(self.db, group[0].viewer, group[0].mutations, issuer=self.issuer)
            else:
                results = exchange.push_group(self.db, [(p.viewer, p.mutations) for p in group], issuer=self.issuer)
                for push, answers in zip(group, results, strict=True):
                    push.answers = answers
        except Exception as exc:
            if len(group) == 1 or is_busy(exc) or is_full(exc):
                for push in group:
                    push.error = exc
            else:  # one push's failure is not the others': each is written again by itself
                log.warning("a group of %d pushes failed (%s): writing them one by one", len(group), exc)
                for push in group:
                    try:
                        push.answers = exchange.push_batch(self.db, push.viewer, push.mutations, issuer=self.issuer)
                    except Exception as alone:
                        push.error = alone
        if self.after_commit is not None and any(p.answers is not None for p in group):
            try:
                committed = self.after_commit()
            except BaseException as exc:  # committed, but the head cannot be said: an error each desktop retries
                log.exception("after a group commit")  # (sent again, a push gets the same answers back)
                failure = exc if isinstance(exc, Exception) else RuntimeError("interrupted after a group commit")
                for push in group:
                    push.answers, push.error = None, failure
                if failure is not exc:
                    raise
                return
            for push in group:
                push.committed = committed

    def _answer(self, group: list[_Push], leader: _Push) -> None:
        """Wake the group's other pushes with their answers; pass the lead on if pushes are queued and the leader's
        own push has been written, else give it up."""
        for push in group:
            if not push.done:  # only when writing was interrupted (a BaseException on its way up)
                push.error = RuntimeError("the push was interrupted before it was written")
            if push is not leader:
                push.woken.set()
        if not leader.done:  # a guard: a leader's push heads the queue when it takes the lead, so its first group
            return  # holds it; were it still queued, the leader would write the next group itself
        with self._mutex:
            if self._queue:
                self._queue[0].woken.set()
            else:
                self._leading = False

    def _abandon(self, push: _Push) -> None:
        """A waiting push whose thread was interrupted: out of the queue if no group has taken it, and the lead
        passed on if it had been handed to it (else every later push of the process would wait for it)."""
        with self._mutex:
            if push not in self._queue:
                return  # taken into a group: written and answered to nobody; sent again, it gets that answer
            handed_the_lead = push.woken.is_set() and not push.done
            self._queue.remove(push)
            if handed_the_lead:
                if self._queue:
                    self._queue[0].woken.set()
                else:
                    self._leading = False
