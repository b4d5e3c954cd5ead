"""The bureau's pushed batches (`server.exchange.push_batch`: several mutations per write transaction, receipts and
used ids read once per transaction, rows written with their sequence number, the counter and the receipts written
once at the end) give exactly what one transaction per mutation gave (`_plain_push`, the path they replaced, kept
here as it was): the same answers, refusals included, the same rows in every table and the same audit chain."""

from __future__ import annotations

import datetime as dt
import sqlite3
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, select, text
from sqlmodel import Session, col

from cdo_desktop.domain.enums import Role
from cdo_desktop.domain.errors import DomainError, NotAllowed
from cdo_desktop.domain.mutations import Mutation
from cdo_desktop.server import exchange, ledger
from cdo_desktop.server.app import prepare_database
from cdo_desktop.server.config import ServerConfig
from cdo_desktop.server.errors import is_full
from cdo_desktop.server.visibility import Viewer
from cdo_desktop.services.apply import apply, resolve_actor
from cdo_desktop.services.context import CHINA
from cdo_desktop.store import audit, search, stale_index
from cdo_desktop.store import models as m
from cdo_desktop.store.db import Database
from cdo_desktop.store.migrate import open_database
from cdo_desktop.store.server_models import SyncReceipt
from cdo_desktop.sync.wire import MutationAnswer, Reason
from tests.integration.world import World, build_world

# --- the path before batching, as it was: one write transaction (and counter lock) per mutation ------------------


def _id_taken(session: Session, viewer: Viewer, mutation_id: uuid.UUID) -> bool:
    other = session.execute(
        select(col(SyncReceipt.account_id)).where(
            col(SyncReceipt.mutation_id) == mutation_id, col(SyncReceipt.account_id) != viewer.account_id
        ).limit(1)
    ).first()
    if other is not None:
        return True
    audited = session.execute(
        select(col(m.AuditEntry.position)).where(col(m.AuditEntry.mutation_id) == str(mutation_id)).limit(1)
    ).first()
    return audited is not None


def _plain_apply(session: Session, counter: Any, viewer: Viewer, mutation: Mutation, now: dt.datetime) -> MutationAnswer:
    savepoint = session.begin_nested()
    try:
        actor = resolve_actor(session, viewer.commissioner_id, on=now.astimezone(CHINA).date())
        if mutation.actor_id != actor.id:
            raise NotAllowed("actor_mismatch", "操作人与登录用户不一致", "The mutation's actor is not the signed-in user",
                             field="actor_id")
        applied = apply(session, mutation, actor, now=now)
        seq = ledger.stamp(session, counter, applied.touched)
        session.flush()
        savepoint.commit()
        return MutationAnswer(id=mutation.id, status="accepted", seq=seq)
    except DomainError as exc:
        savepoint.rollback()
        exchange._forget_caches(session)
        return MutationAnswer(id=mutation.id, status="refused", reason=Reason(**exc.as_dict()))


def _plain_push(db: Database, viewer: Viewer, mutation: Mutation, now: dt.datetime) -> MutationAnswer:
    digest = exchange.mutation_digest(mutation)
    with db.write() as session:
        counter = ledger.lock_counter(session)
        mine = session.execute(
            select(SyncReceipt).where(
                col(SyncReceipt.account_id) == viewer.account_id, col(SyncReceipt.mutation_id) == mutation.id
            ).limit(1)
        ).scalars().first()
        if mine is not None:
            if mine.digest and mine.digest != digest:
                return exchange._refusal(mutation, "mutation_id_reused", "该修改的标识已用于另一项修改，请重新提交",
                                         "This change's id was already used for a different change: make the change again")
            return MutationAnswer.model_validate(mine.answer)
        if _id_taken(session, viewer, mutation.id):
            answer = exchange._refusal(
                mutation, "mutation_id_taken", "该修改的标识已被其他用户或设备使用，请重新提交",
                "This change's id was already used by another user or device: make the change again")
        else:
            answer = _plain_apply(session, counter, viewer, mutation, now)
        session.add(SyncReceipt(account_id=viewer.account_id, device_id=viewer.device_id, mutation_id=mutation.id,
                                digest=digest, accepted=answer.status == "accepted", seq=answer.seq,
                                answer=answer.model_dump(mode="json"), created_at=now))
    return answer


# --- the same network twice ---------------------------------------------------------------------------------------


def _clock() -> Callable[[], dt.datetime]:
    start = dt.datetime(2026, 3, 2, 1, 0, tzinfo=dt.UTC)
    ticks = iter(range(10_000))
    return lambda: start + dt.timedelta(seconds=next(ticks))


def _contents(path: Path) -> dict[str, list[str]]:
    """Every table's rows, sorted (the server's random epoch left out)."""
    con = sqlite3.connect(path)
    out = {}
    for (table,) in con.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").fetchall():
        cols = [r[1] for r in con.execute(f"PRAGMA table_info('{table}')") if (table, r[1]) != ("sync_counter", "epoch")]
        names = ", ".join(f'"{c}"' for c in cols)
        out[table] = sorted(repr(r) for r in con.execute(f"SELECT {names} FROM '{table}'"))
    con.close()
    return out


def _copy(src: Path, dst: Path, *, keeps_search_index: bool = True) -> Database:
    dst.mkdir(parents=True)
    source, target = sqlite3.connect(src / "cdo.sqlite3"), sqlite3.connect(dst / "cdo.sqlite3")
    source.backup(target)
    source.close()
    target.close()
    return open_database(dst, keeps_search_index=keeps_search_index)


def _viewer(db: Database, world: World, key: str) -> Viewer:
    person = world.people[(key, "commissioner")]
    with db.read() as session:
        account = session.execute(select(m.Account).where(col(m.Account.commissioner_id) == person)).scalars().one()
    return Viewer(account_id=account.id, commissioner_id=person, department_id=world.depts[key], role=Role.COMMISSIONER,
                  is_bureau=False, device_id=f"device-{key}")


def _request(world: World, entity: uuid.UUID, actor: uuid.UUID, items: list[str], resource: str = "B",
             mutation_id: uuid.UUID | None = None) -> Mutation:
    return Mutation(id=mutation_id or uuid.uuid4(), kind="request.create", actor_id=actor, entity_id=entity, payload={
        "requester_department_id": str(world.depts["A"]), "resource_id": str(world.resources[resource]),
        "items": items, "purpose": "核验身份", "period_start": "2026-03-01", "period_end": "2026-12-31"})


@pytest.fixture(scope="module")
def origin(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, World, list[list[Mutation]], uuid.UUID]]:
    """A bureau database with the integration world, one id already used by B, and A's batches to push."""
    root = tmp_path_factory.mktemp("push")
    db = prepare_database(ServerConfig(data_dir=root / "origin"))
    world = build_world(db)
    a, b = world.people[("A", "commissioner")], world.people[("B", "commissioner")]
    used_by_b = uuid.uuid4()
    _plain_push(db, _viewer(db, world, "B"), Mutation(
        id=used_by_b, kind="resource.record_update", actor_id=b, entity_id=world.resources["B"], payload={}),
        dt.datetime(2026, 3, 2, 0, 30, tzinfo=dt.UTC))
    db.dispose()
    desktop = open_database(root / "origin")  # the bureau left its search index stale: indexed as a desktop does
    assert stale_index.rebuild_if_stale(desktop)
    desktop.dispose()
    first, again, new_resource = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
    req = [uuid.uuid4() for _ in range(6)]
    world.resources["C"] = uuid.uuid4()  # the refused request's resource: not in the database
    world.resources["A2"] = new_resource
    created = _request(world, req[0], a, ["姓名", "证件号", "地址"], mutation_id=first)  # flagged: A's resource has them
    batch1 = [
        created,
        _request(world, req[1], a, ["姓名"]),
        Mutation(kind="request.submit", actor_id=a, entity_id=req[0], payload={}),  # the row written just before
        _request(world, req[2], a, ["姓名"], resource="C"),  # no such resource: refused
        Mutation(kind="request.submit", actor_id=b, entity_id=req[1], payload={}),  # not the signed-in actor
        created,  # pushed again in the same batch: the first answer again
        _request(world, req[3], a, ["地址"], mutation_id=first),  # the same id, other content
        _request(world, req[3], a, ["地址"], mutation_id=used_by_b),  # an id B used
        Mutation(kind="resource.create", actor_id=a, entity_id=new_resource, payload={  # a new candidate ...
            "code": "RES-A2", "department_id": str(world.depts["A"]), "name": "A部门婚姻数据",
            "items": [{"name": "姓名"}, {"name": "证件号"}, {"name": "地址"}, {"name": "婚姻状况"}]}),
        _request(world, req[4], a, ["姓名", "证件号", "地址"]),  # ... flagged in the same transaction
        Mutation(id=again, kind="request.submit", actor_id=a, entity_id=req[1], payload={}),
    ]
    clean = [uuid.uuid4() for _ in range(3)]  # a batch the rules accept whole: written without savepoints
    other_resource = uuid.uuid4()
    batch0 = [
        _request(world, clean[0], a, ["姓名", "证件号", "地址"]),
        Mutation(kind="request.submit", actor_id=a, entity_id=clean[0], payload={}),
        Mutation(kind="resource.create", actor_id=a, entity_id=other_resource, payload={
            "code": "RES-A3", "department_id": str(world.depts["A"]), "name": "A部门住址数据",
            "items": [{"name": "姓名"}, {"name": "证件号"}, {"name": "地址"}, {"name": "邮编"}]}),
        _request(world, clean[1], a, ["姓名", "证件号", "地址"]),
        _request(world, clean[2], a, ["姓名"]),
        Mutation(kind="request.submit", actor_id=a, entity_id=clean[2], payload={}),
    ]
    batch2 = [
        created,  # answered in an earlier batch
        Mutation(id=again, kind="request.submit", actor_id=a, entity_id=req[1], payload={}),  # other client time
        Mutation(kind="request.submit", actor_id=a, entity_id=req[1], payload={}),  # refused: submitted already
        _request(world, req[5], a, ["姓名", "证件号"]),
        batch1[-1],  # the same change again
    ]
    yield root / "origin", world, [batch0, batch1, batch2], used_by_b


def _chain(db: Database) -> list[tuple[int | None, str, str]]:
    with db.read() as session:
        assert audit.verify_chain(session).ok
        return [(e.position, e.kind, e.hash) for e in
                session.execute(select(m.AuditEntry).order_by(col(m.AuditEntry.position))).scalars()]


@pytest.mark.parametrize("transaction_seconds", [60.0, 0.0], ids=["one-transaction", "one-per-mutation"])
def test_push_batch_gives_what_one_transaction_per_mutation_gave(
        tmp_path: Path, origin: tuple[Path, World, list[list[Mutation]], uuid.UUID], transaction_seconds: float) -> None:
    path, world, batches, _ = origin
    plain_db, fast_db = _copy(path, tmp_path / "plain"), _copy(path, tmp_path / "fast")
    viewer = _viewer(plain_db, world, "A")
    plain_clock, fast_clock = _clock(), _clock()
    plain = [[_plain_push(plain_db, viewer, mu, plain_clock()) for mu in batch] for batch in batches]
    fast = [exchange.push_batch(fast_db, viewer, batch, transaction_seconds=transaction_seconds, clock=fast_clock)
            for batch in batches]
    assert fast == plain
    assert [a.status for a in plain[0]] == ["accepted"] * 6
    statuses = [a.status if a.reason is None else a.reason.code for a in plain[1]]
    assert statuses == ["accepted", "accepted", "accepted", "not_found", "actor_mismatch", "accepted",
                        "mutation_id_reused", "mutation_id_taken", "accepted", "accepted", "accepted"]
    assert [a.reason.code if a.reason else a.status for a in plain[2]] == [
        "accepted", "mutation_id_reused", "invalid_state", "accepted", "accepted"]
    assert _chain(fast_db) == _chain(plain_db)
    found = []
    for db in (plain_db, fast_db):
        with db.read() as session:
            found.append([search.search_ids(session, entity, q) for entity in ("request", "resource")
                          for q in ("核验", "身份", "测试部门A", "住址", "佛数")])
    assert found[1] == found[0] and any(found[0])
    plain_db.dispose()
    fast_db.dispose()
    plain_rows, fast_rows = _contents(tmp_path / "plain" / "cdo.sqlite3"), _contents(tmp_path / "fast" / "cdo.sqlite3")
    # FTS5 keeps its index in segments whose layout follows how the entries were written (one flush per mutation
    # or one per transaction); the entries themselves (the search_index rows, their sizes) are compared
    layout = {"search_index_data", "search_index_idx"}
    assert {t: r for t, r in fast_rows.items() if t not in layout} == {t: r for t, r in plain_rows.items() if t not in layout}
    assert len(plain_rows["search_index"]) > 10
    assert any(world.resources["A2"].hex in row for row in plain_rows["duplicate_flag"])  # flagged in the same transaction


@pytest.mark.parametrize("transaction_seconds", [60.0, 0.0], ids=["one-transaction", "one-per-mutation"])
def test_an_actor_whose_appointment_a_push_ends_is_resolved_again(
        tmp_path: Path, origin: tuple[Path, World, list[list[Mutation]], uuid.UUID], transaction_seconds: float) -> None:
    """The actor is resolved once per transaction (`_Transaction._actor_on`), and again after a mutation that wrote
    an appointment: an administrator ending their own appointment is refused from then on, as one by one."""
    path, world, _, _ = origin
    plain_db, fast_db = _copy(path, tmp_path / "plain"), _copy(path, tmp_path / "fast")
    admin = world.people[("bureau", "admin")]
    with plain_db.read() as session:
        account = session.execute(select(m.Account).where(col(m.Account.commissioner_id) == admin)).scalars().one()
    viewer = Viewer(account_id=account.id, commissioner_id=admin, department_id=world.bureau, role=Role.ADMIN,
                    is_bureau=True, device_id="device-admin")
    batch = [
        Mutation(kind="department.create", actor_id=admin, entity_id=uuid.uuid4(), payload={"code": "T-D", "name": "测试部门D"}),
        Mutation(kind="commissioner.end", actor_id=admin, entity_id=admin, payload={"ended_on": "2026-03-02"}),
        Mutation(kind="department.create", actor_id=admin, entity_id=uuid.uuid4(), payload={"code": "T-E", "name": "测试部门E"}),
    ]
    plain_clock, fast_clock = _clock(), _clock()
    plain = [_plain_push(plain_db, viewer, mu, plain_clock()) for mu in batch]
    fast = exchange.push_batch(fast_db, viewer, batch, transaction_seconds=transaction_seconds, clock=fast_clock)
    assert fast == plain
    assert [a.reason.code if a.reason else a.status for a in plain] == ["accepted", "accepted", "actor_ended"]
    assert _chain(fast_db) == _chain(plain_db)
    plain_db.dispose()
    fast_db.dispose()


def _index_entries(path: Path) -> list[tuple[Any, ...]]:
    con = sqlite3.connect(path / "cdo.sqlite3")
    try:
        return sorted(con.execute("SELECT rowid, body, entity, entity_id FROM search_index").fetchall())
    finally:
        con.close()


def test_the_bureau_keeps_no_search_index_and_marks_it_stale_for_the_desktop(
        tmp_path: Path, origin: tuple[Path, World, list[list[Mutation]], uuid.UUID]) -> None:
    """A bureau database (``keeps_search_index`` off) writes the same rows as one that keeps the index, leaves the
    index alone and marks it stale; the desktop app opening it rebuilds exactly the entries the index would hold."""
    path, world, batches, _ = origin
    indexed, bureau = _copy(path, tmp_path / "indexed"), _copy(path, tmp_path / "bureau", keeps_search_index=False)
    viewer = _viewer(indexed, world, "A")
    with bureau.read() as session:
        assert not stale_index.is_stale(session)
    before = _index_entries(tmp_path / "bureau")
    indexed_clock, bureau_clock = _clock(), _clock()
    for batch in batches:
        assert (exchange.push_batch(bureau, viewer, batch, clock=bureau_clock)
                == exchange.push_batch(indexed, viewer, batch, clock=indexed_clock))
    with bureau.read() as session:
        assert stale_index.is_stale(session)
    with indexed.read() as session:
        assert not stale_index.is_stale(session)
    assert _index_entries(tmp_path / "bureau") == before  # nothing indexed by the bureau
    assert _index_entries(tmp_path / "indexed") != before
    index = {t for t in _contents(tmp_path / "indexed" / "cdo.sqlite3") if t.startswith("search_index")} | {"sync_state"}
    bureau.dispose()
    rows = [_contents(tmp_path / name / "cdo.sqlite3") for name in ("indexed", "bureau")]
    assert {t: r for t, r in rows[1].items() if t not in index} == {t: r for t, r in rows[0].items() if t not in index}
    assert rows[1]["sync_state"] == sorted(rows[0]["sync_state"] + ["('search_index_stale', '1')"])
    desktop = open_database(tmp_path / "bureau")  # the desktop app's opener: it rebuilds what the bureau left stale
    assert stale_index.rebuild_if_stale(desktop) and not stale_index.rebuild_if_stale(desktop)
    with desktop.read() as session:
        assert not stale_index.is_stale(session)
    desktop.dispose()
    indexed.dispose()
    assert _index_entries(tmp_path / "bureau") == _index_entries(tmp_path / "indexed")


def test_a_rolled_back_write_takes_its_stale_mark_with_it(tmp_path: Path) -> None:
    """The mark is written with the first searchable write of each transaction: a savepoint rolled back takes it
    back and the next write marks again; a transaction writing no searchable row leaves no mark."""
    db = open_database(tmp_path / "bureau", keeps_search_index=False)

    def stale() -> bool:
        with db.read() as session:
            return stale_index.is_stale(session)

    def department(code: str) -> m.Department:
        return m.Department(id=uuid.uuid4(), code=code, name=f"部门{code}", revision=1)

    with db.write() as session:
        session.add(m.DocSequence(kind="x", year=2026, last=1))
    assert not stale()
    with db.write() as session:
        savepoint = session.begin_nested()
        session.add(department("D1"))
        session.flush()
        savepoint.rollback()
    assert not stale()
    with db.write() as session:
        savepoint = session.begin_nested()
        session.add(department("D2"))
        session.flush()
        savepoint.rollback()
        session.add(department("D3"))
    assert stale()
    db.dispose()


@pytest.mark.parametrize("transaction_seconds", [60.0, 0.0], ids=["one-transaction", "one-per-mutation"])
def test_a_full_database_keeps_exactly_the_answers_committed(
        tmp_path: Path, origin: tuple[Path, World, list[list[Mutation]], uuid.UUID], transaction_seconds: float) -> None:
    """The database fills up halfway through a batch (SQLite's max_page_count): the answers returned are exactly
    the mutations committed (receipts, counter and chain agree); with none committed, the error is raised."""
    path, world, _, _ = origin
    db = _copy(path, tmp_path / "full")
    viewer = _viewer(db, world, "A")
    a = world.people[("A", "commissioner")]
    with db.writer.connect() as conn:
        pages = conn.execute(text("PRAGMA page_count")).scalar_one()

    @event.listens_for(db.writer, "connect")
    def _cap(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.execute(f"PRAGMA max_page_count = {pages + 4}")

    db.writer.dispose()  # the store keeps its connections: every one opened from now on gets the cap
    batch = [_request(world, uuid.uuid4(), a, ["姓名"], mutation_id=uuid.uuid4()) for _ in range(150)]
    try:
        answers = exchange.push_batch(db, viewer, batch, transaction_seconds=transaction_seconds)
    except Exception as exc:
        assert is_full(exc), exc
        answers = []
    event.remove(db.writer, "connect", _cap)
    db.writer.dispose()
    assert len(answers) < len(batch)
    assert all(x.status == "accepted" for x in answers)
    assert [x.id for x in answers] == [mu.id for mu in batch[: len(answers)]]
    with db.read() as session:
        kept = set(session.execute(select(col(SyncReceipt.mutation_id))).scalars())
        assert {mu.id for mu in batch} & kept == {x.id for x in answers}
        head = ledger.read_counter(session).seq
        assert all(x.seq == head - len(answers) + 1 + i for i, x in enumerate(answers))
        assert audit.verify_chain(session).ok
    db.dispose()


def test_candidates_read_as_columns_are_the_orm_rows(session: Session) -> None:
    """The 集约化 candidates, read as columns, are the ones (in the same order) the ORM rows gave."""
    from types import SimpleNamespace

    from cdo_desktop.domain.duplicates import Candidate
    from cdo_desktop.services import assets

    stmt = (select(m.DataResource, m.Department).join(m.Department, col(m.Department.id) == m.DataResource.department_id)
            .where(col(m.Department.level) == "city"))
    rows = {res.id: Candidate(res.id, res.name, dept.id, dept.name, tuple(i.get("name", "") for i in res.items))
            for res, dept in session.execute(stmt)}
    session.info.pop("cdo_duplicate_candidates", None)
    read = assets._city_candidates(SimpleNamespace(session=session))  # type: ignore[arg-type]
    assert len(rows) >= 3
    assert list(read.items()) == list(rows.items())


def test_answers_stored_from_plain_records_are_those_of_table_models(tmp_path: Path) -> None:
    """The desktop keeps the bureau's answers from plain records (`outbox.Answer`) exactly as from `OutboxAnswer`s."""
    from cdo_desktop.store.server_models import OutboxAnswer
    from cdo_desktop.sync import outbox

    fields: list[dict[str, Any]] = [
        {"mutation_id": uuid.uuid4(), "accepted": True, "seq": 7},
        {"mutation_id": uuid.uuid4(), "accepted": False, "seq": None, "code": "invalid_state", "reason_zh": "状态不允许",
         "reason_en": "Not in this state", "field": "entity_id"},
        {"mutation_id": uuid.uuid4(), "accepted": False, "code": "refused", "reason_zh": "拒绝", "reason_en": "Refused"},
    ]
    stored = []
    for name, make in (("models", OutboxAnswer), ("plain", outbox.Answer)):
        db = open_database(tmp_path / name)
        with db.write() as session:
            outbox.record_answers(session, [make(**f) for f in fields])  # type: ignore[operator]
            outbox.record_answers(session, [make(**(fields[0] | {"seq": 8}))])  # a newer answer replaces the older
        db.dispose()
        stored.append(_contents(tmp_path / name / "cdo.sqlite3")["outbox_answer"])
    assert stored[1] == stored[0] and len(stored[0]) == 3
