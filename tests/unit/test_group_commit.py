"""Group commit (`server.group_commit.PushQueue`, `server.exchange.push_group`): pushes of several desktops written
in one transaction give exactly what the same pushes written one after another gave — the same answers, refusals
included, the same rows and the same audit chain — and a group that fails is not the failure of pushes that would
have succeeded alone."""

from __future__ import annotations

import dataclasses
import os
import signal
import sqlite3
import threading
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from cdo_desktop.domain.enums import Role
from cdo_desktop.domain.mutations import Mutation
from cdo_desktop.server import exchange, group_commit
from cdo_desktop.server.group_commit import PushQueue
from cdo_desktop.server.visibility import Viewer
from cdo_desktop.store import models as m
from cdo_desktop.store.db import Database
from tests.integration.world import World
from tests.unit.test_push_batches import _chain, _clock, _contents, _copy, _request, _viewer, origin

__all__ = ["origin"]  # the fixture, shared with test_push_batches


def _groups(world: World, batches: list[list[Mutation]]) -> list[tuple[str, list[Mutation]]]:
    """A's three batches with B's pushes between them: one re-uses an id A used earlier in the same group."""
    b = world.people[("B", "commissioner")]
    first_of_a = batches[1][0].id
    return [
        ("A", batches[0]),
        ("B", [Mutation(kind="resource.record_update", actor_id=b, entity_id=world.resources["B"], payload={})]),
        ("A", batches[1]),
        ("B", [Mutation(id=first_of_a, kind="resource.record_update", actor_id=b, entity_id=world.resources["B"],
                        payload={})]),
        ("A", batches[2]),
    ]


def test_a_group_gives_what_its_pushes_one_after_another_gave(
        tmp_path: Path, origin: tuple[Path, World, list[list[Mutation]], uuid.UUID]) -> None:
    path, world, batches, _ = origin
    alone_db, group_db = _copy(path, tmp_path / "alone"), _copy(path, tmp_path / "group")
    viewers = {key: _viewer(alone_db, world, key) for key in ("A", "B")}
    pushes = [(viewers[key], batch) for key, batch in _groups(world, batches)]
    alone_clock, group_clock = _clock(), _clock()
    alone = [exchange.push_batch(alone_db, viewer, batch, clock=alone_clock) for viewer, batch in pushes]
    grouped = exchange.push_group(group_db, pushes, clock=group_clock)
    assert grouped == alone
    assert alone[3][0].reason is not None and alone[3][0].reason.code == "mutation_id_taken"
    assert [a.status for a in alone[1]] == ["accepted"]
    assert _chain(group_db) == _chain(alone_db)
    alone_db.dispose()
    group_db.dispose()
    layout = {"search_index_data", "search_index_idx"}  # FTS5's segment layout follows the flushes (as there)
    rows = [_contents(tmp_path / name / "cdo.sqlite3") for name in ("alone", "group")]
    assert {t: r for t, r in rows[1].items() if t not in layout} == {t: r for t, r in rows[0].items() if t not in layout}


ABureau = tuple[Database, World, Viewer, uuid.UUID]


@pytest.fixture
def a_bureau(tmp_path: Path, origin: tuple[Path, World, list[list[Mutation]], uuid.UUID]) -> Iterator[ABureau]:
    """A copy of the bureau database, with department A's commissioner as the viewer and actor."""
    path, world, _, _ = origin
    db = _copy(path, tmp_path / "db")
    yield db, world, _viewer(db, world, "A"), world.people[("A", "commissioner")]
    db.dispose()


def test_a_group_the_rules_accept_whole_is_written_without_savepoints(
        tmp_path: Path, origin: tuple[Path, World, list[list[Mutation]], uuid.UUID], monkeypatch: pytest.MonkeyPatch) -> None:
    path, world, batches, _ = origin
    alone_db, group_db = _copy(path, tmp_path / "alone"), _copy(path, tmp_path / "group")
    a, b = world.people[("A", "commissioner")], world.people[("B", "commissioner")]
    viewers = {key: _viewer(alone_db, world, key) for key in ("A", "B")}
    pushes = [
        (viewers["A"], batches[0]),  # accepted whole
        (viewers["B"], [Mutation(kind="resource.record_update", actor_id=b, entity_id=world.resources["B"], payload={})]),
        (viewers["A"], [_request(world, uuid.uuid4(), a, ["姓名"])]),
    ]
    alone_clock, group_clock = _clock(), _clock()
    alone = [exchange.push_batch(alone_db, viewer, batch, clock=alone_clock) for viewer, batch in pushes]

    def no_savepoints(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("a group the rules accept whole needs no savepoint")

    monkeypatch.setattr(exchange._Transaction, "_apply_in_savepoint", no_savepoints)
    assert exchange.push_group(group_db, pushes, clock=group_clock) == alone
    assert all(answer.status == "accepted" for answers in alone for answer in answers)
    assert _chain(group_db) == _chain(alone_db)
    alone_db.dispose()
    group_db.dispose()
    rows = [_contents(tmp_path / name / "cdo.sqlite3") for name in ("alone", "group")]
    layout = {"search_index_data", "search_index_idx"}
    assert {t: r for t, r in rows[1].items() if t not in layout} == {t: r for t, r in rows[0].items() if t not in layout}


def test_an_appointment_ended_by_one_push_of_a_group_refuses_the_next_push_of_that_person(
        tmp_path: Path, origin: tuple[Path, World, list[list[Mutation]], uuid.UUID]) -> None:
    """Actors are resolved once per transaction and person (`_Transaction._actor_on`) and all forgotten after a
    change to an appointment: B's second device is refused after the bureau ends B's appointment earlier in the
    same group, as one push after another."""
    path, world, _, _ = origin
    alone_db, group_db = _copy(path, tmp_path / "alone"), _copy(path, tmp_path / "group")
    b, admin = world.people[("B", "commissioner")], world.people[("bureau", "admin")]
    with alone_db.read() as session:
        account = session.execute(select(m.Account).where(m.Account.commissioner_id == admin)).scalars().one()  # type: ignore[arg-type]
    bureau = Viewer(account_id=account.id, commissioner_id=admin, department_id=world.bureau, role=Role.ADMIN,
                    is_bureau=True, device_id="device-admin")
    b_viewer = _viewer(alone_db, world, "B")
    b_again = dataclasses.replace(b_viewer, device_id="device-B-2")
    record = {"kind": "resource.record_update", "actor_id": b, "entity_id": world.resources["B"], "payload": {}}
    pushes = [
        (b_viewer, [Mutation(**record)]),  # B's actor resolved (and kept)
        (bureau, [Mutation(kind="commissioner.end", actor_id=admin, entity_id=b, payload={"ended_on": "2026-03-02"})]),
        (b_again, [Mutation(**record)]),
    ]
    alone_clock, group_clock = _clock(), _clock()
    alone = [exchange.push_batch(alone_db, viewer, batch, clock=alone_clock) for viewer, batch in pushes]
    assert exchange.push_group(group_db, pushes, clock=group_clock) == alone
    assert [answers[0].reason.code if answers[0].reason else answers[0].status for answers in alone] == [
        "accepted", "accepted", "actor_ended"]
    assert _chain(group_db) == _chain(alone_db)
    alone_db.dispose()
    group_db.dispose()


def _queue_with_gate(db: Database, waiting: int) -> PushQueue:
    """A queue whose first group, once committed, waits until ``waiting`` pushes are queued behind it."""
    released = threading.Event()
    queue: PushQueue

    def after_commit() -> str:
        if not released.is_set():
            while len(queue._queue) < waiting:
                threading.Event().wait(0.005)
            released.set()
        return "head"

    queue = PushQueue(db, after_commit=after_commit)
    return queue


def test_pushes_queued_while_one_is_written_are_written_together(a_bureau: ABureau) -> None:
    db, world, viewer, a = a_bureau
    queue = _queue_with_gate(db, waiting=7)
    answers: dict[int, object] = {}

    def push(i: int) -> None:
        answers[i] = queue.push(viewer, [_request(world, uuid.uuid4(), a, ["姓名"])])

    threads = [threading.Thread(target=push, args=(i,)) for i in range(8)]
    threads[0].start()
    while queue.stats.groups == 0:  # the first push leads and is written alone
        threading.Event().wait(0.001)
    for t in threads[1:]:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert (queue.stats.pushes, queue.stats.groups, queue.stats.largest) == (8, 2, 7)
    seqs = sorted(ans[0][0].seq for ans in answers.values())  # type: ignore[index]
    assert all(ans[1] == "head" for ans in answers.values())  # type: ignore[index]
    assert seqs == list(range(seqs[0], seqs[0] + 8))  # gap-free, one each
    assert len(_chain(db)) > 8  # the chain verifies (`_chain` checks it)


def test_a_group_that_fails_is_written_push_by_push(a_bureau: ABureau, monkeypatch: pytest.MonkeyPatch) -> None:
    db, world, viewer, a = a_bureau
    pushes = [[_request(world, uuid.uuid4(), a, ["姓名"])] for _ in range(3)]

    def broken(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("a bug in one push")

    monkeypatch.setattr(exchange, "push_group", broken)
    queue = PushQueue(db)
    group = [group_commit._Push(viewer, batch) for batch in pushes]
    queue._write(group)
    assert [p.error for p in group] == [None] * 3
    assert [p.answers[0].status for p in group if p.answers] == ["accepted"] * 3

    def busy(*_args: object, **_kwargs: object) -> None:
        raise sqlite3.OperationalError("database is locked")

    monkeypatch.setattr(exchange, "push_group", busy)
    group = [group_commit._Push(viewer, batch) for batch in pushes]
    queue._write(group)  # busy: every push of the group hears it (503, retried), none is written alone
    assert all(isinstance(p.error, sqlite3.OperationalError) and p.answers is None for p in group)


def test_a_large_push_is_written_alone_and_others_wait_their_turn(a_bureau: ABureau) -> None:
    db, world, viewer, a = a_bureau
    queue = PushQueue(db)
    small = [group_commit._Push(viewer, [_request(world, uuid.uuid4(), a, ["姓名"])]) for _ in range(2)]
    large = group_commit._Push(viewer, [_request(world, uuid.uuid4(), a, ["姓名"])
                                        for _ in range(group_commit.ALONE_MUTATIONS + 1)])
    queue._queue = [small[0], large, small[1]]
    assert queue._take() == [small[0]]
    assert queue._take() == [large]
    assert queue._take() == [small[1]]


def test_a_push_whose_head_cannot_be_read_after_commit_is_answered_the_same_when_sent_again(a_bureau: ABureau) -> None:
    """The group is committed but the server cannot say its head (``after_commit`` fails): the push hears the error
    (a 5xx its desktop retries), and the same push sent again gets the answer given the first time, not a second
    change."""
    db, world, viewer, a = a_bureau
    failing = [True]

    def after_commit() -> tuple[str, int]:
        if failing[0]:
            raise OSError("the data folder is not writable")
        return "epoch", 0

    queue = PushQueue(db, after_commit=after_commit)
    change = [_request(world, uuid.uuid4(), a, ["姓名"])]
    with pytest.raises(OSError):
        queue.push(viewer, change)
    failing[0] = False
    answers, committed = queue.push(viewer, change)
    assert committed == ("epoch", 0)
    assert answers[0].status == "accepted"
    seq = answers[0].seq
    again, _ = queue.push(viewer, change)
    assert again == answers and again[0].seq == seq
    chain = _chain(db)
    with db.read() as session:
        audited = session.execute(select(m.AuditEntry.position).where(
            m.AuditEntry.mutation_id == str(change[0].id))).all()  # type: ignore[arg-type]
    assert len(audited) == 1 and len(chain) > 1  # applied once; the chain verifies


class _Interrupted(BaseException):
    """What a signal handler raises in the waiting thread (as KeyboardInterrupt would)."""


def _fake_writes(monkeypatch: pytest.MonkeyPatch, gate: threading.Event) -> None:
    """push_batch waits for ``gate`` (a leader's long write); both answer "accepted" without a database."""
    def batch(_db: object, _viewer: object, mutations: list[object], issuer: object = None) -> list[str]:
        gate.wait(10)
        return ["accepted"] * len(mutations)

    def group(_db: object, pushes: list[tuple[object, list[object]]], issuer: object = None) -> list[list[str]]:
        return [["accepted"] * len(batch) for _viewer, batch in pushes]

    monkeypatch.setattr(exchange, "push_batch", batch)
    monkeypatch.setattr(exchange, "push_group", group)


def test_a_push_interrupted_while_it_waits_leaves_the_queue_and_later_pushes_are_written(
        monkeypatch: pytest.MonkeyPatch) -> None:
    gate = threading.Event()
    _fake_writes(monkeypatch, gate)
    queue = PushQueue(None, after_commit=lambda: ("epoch", 1))  # type: ignore[arg-type]
    answers: dict[str, object] = {}
    leader = threading.Thread(target=lambda: answers.setdefault("leader", queue.push("v", ["m"])))  # type: ignore[arg-type]
    leader.start()
    while queue.stats.groups == 0:
        threading.Event().wait(0.001)

    def interrupt(_signum: int, _frame: object) -> None:
        raise _Interrupted

    before = signal.signal(signal.SIGUSR1, interrupt)
    timer = threading.Timer(0.2, lambda: os.kill(os.getpid(), signal.SIGUSR1))
    try:
        timer.start()
        with pytest.raises(_Interrupted):
            queue.push("v", ["interrupted"])  # type: ignore[arg-type]  # this (main) thread follows, and is interrupted
    finally:
        timer.cancel()
        signal.signal(signal.SIGUSR1, before)
    assert queue._queue == []  # it left the queue
    gate.set()
    leader.join(10)
    assert answers["leader"] == (["accepted"], ("epoch", 1))
    later = threading.Thread(target=lambda: answers.setdefault("later", queue.push("v", ["later"])))  # type: ignore[arg-type]
    later.start()
    later.join(10)
    assert answers.get("later") == (["accepted"], ("epoch", 1)) and not queue._leading


def test_an_interrupted_after_commit_answers_every_push_of_the_group_with_an_error(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Committed, but the head cannot be said: no push is answered without it (its desktop sends it again and gets
    the same answers); the leader's own thread carries the interruption on."""
    _fake_writes(monkeypatch, threading.Event())

    def interrupted() -> None:
        raise _Interrupted

    queue = PushQueue(None, after_commit=interrupted)  # type: ignore[arg-type]
    group = [group_commit._Push("v", ["a"]), group_commit._Push("w", ["b"])]  # type: ignore[arg-type]
    with pytest.raises(_Interrupted):
        queue._write(group)
    assert all(p.answers is None and isinstance(p.error, RuntimeError) for p in group)
