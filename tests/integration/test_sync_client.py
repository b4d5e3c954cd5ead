"""The desktop's sync client against a real server: first download, outbox, confirmation, refusals, conflicts."""

from __future__ import annotations

import uuid

from sqlmodel import select

from cdo_desktop.store import models as m
from cdo_desktop.store import search
from cdo_desktop.sync import state
from cdo_desktop.sync.outbox import apply_local
from tests.integration.harness import Desktop, local_rows, mutation, request_payload, server_rows
from tests.integration.world import PASSWORD


def desktop(bureau, tmp_path, user: str) -> Desktop:
    return Desktop(tmp_path / user, bureau.url, user, PASSWORD)


def test_first_sync_copies_what_the_user_may_see(bureau, tmp_path) -> None:
    a = desktop(bureau, tmp_path, "a-commissioner")
    report = a.client.sync()
    assert report.pending == 0 and report.pulled > 0 and report.clock_skew_s is not None
    assert local_rows(a.db) == server_rows(bureau.url, a.token)
    with a.db.read() as session:
        assert state.cursor(session) == int(__import__("httpx").get(f"{bureau.url}/v1/health").json()["head"])
    a.close()


def test_offline_change_is_pushed_confirmed_and_replaced_by_the_bureau_copy(bureau, tmp_path) -> None:
    w = bureau.world
    a = desktop(bureau, tmp_path, "a-commissioner")
    a.client.sync()
    rid = uuid.uuid4()
    apply_local(a.db, mutation("request.create", a.actor_id, rid, request_payload(w)))
    with a.db.read() as session:
        local = session.get(m.SharingRequest, rid)
        assert local is not None and local.seq is None
        assert len(list(session.exec(select(m.OutboxEntry)))) == 1
    report = a.client.sync()
    assert (report.pushed, report.accepted, report.refused, report.pending) == (1, 1, 0, 0)
    with a.db.read() as session:
        row = session.get(m.SharingRequest, rid)
        assert row is not None and row.seq is not None
        assert not list(session.exec(select(m.OutboxEntry)))
    b = desktop(bureau, tmp_path, "b-commissioner")
    b.client.sync()
    with b.db.read() as session:
        assert session.get(m.SharingRequest, rid) is None  # a draft is the requester's own
    apply_local(a.db, mutation("request.submit", a.actor_id, rid, {}))
    a.client.sync()
    b.client.sync()
    with b.db.read() as session:
        assert session.get(m.SharingRequest, rid) is not None  # the provider sees it once submitted
    assert local_rows(a.db) == server_rows(bureau.url, a.token)
    a.close()
    b.close()


def test_two_offline_departments_act_on_the_same_request_one_wins(bureau, tmp_path) -> None:
    w = bureau.world
    a = desktop(bureau, tmp_path, "a-commissioner")
    b = desktop(bureau, tmp_path, "b-commissioner")
    clerk = desktop(bureau, tmp_path, "bureau-arbitrator")
    a.client.sync()
    rid = uuid.uuid4()
    # a period of use that has run out, so that the bureau may mark the grant expired
    ended = request_payload(w) | {"period_start": "2026-03-01", "period_end": "2026-10-31"}
    apply_local(a.db, mutation("request.create", a.actor_id, rid, ended))
    apply_local(a.db, mutation("request.submit", a.actor_id, rid, {}))
    a.client.sync()
    clerk.client.sync()
    # unconditional data: the bureau's check grants it (the owner cannot refuse)
    apply_local(clerk.db, mutation("request.check_grant", clerk.actor_id, rid, {}))
    clerk.client.sync()
    b.client.sync()
    # both offline now: the provider revokes the grant, the bureau lets it expire
    apply_local(b.db, mutation("request.revoke", b.actor_id, rid, {"reason": "超范围使用"}))
    expire = mutation("request.expire", clerk.actor_id, rid, {})
    apply_local(clerk.db, expire)
    with clerk.db.read() as session:
        assert session.get(m.SharingRequest, rid).state == "expired"  # optimistic
    first = b.client.sync()
    second = clerk.client.sync()
    assert (first.accepted, first.refused) == (1, 0)
    assert (second.accepted, second.refused, second.pending) == (0, 1, 0)
    with clerk.db.read() as session:
        assert session.get(m.SharingRequest, rid).state == "revoked"  # rolled back to the bureau's copy
        refused = session.get(m.RefusedChange, expire.id)
        assert refused is not None and refused.code == "invalid_state" and refused.reason_zh and refused.reason_en
    for d in (a, b, clerk):
        d.client.sync()
        assert local_rows(d.db) == server_rows(bureau.url, d.token)
        d.close()


def test_locally_created_rows_disappear_when_refused(bureau, tmp_path) -> None:
    w = bureau.world
    a = desktop(bureau, tmp_path, "a-commissioner")
    a.client.sync()
    # the admin ends A's appointment while the desktop is offline
    from cdo_desktop.server.exchange import apply_sequenced
    from cdo_desktop.services.bootstrap import admin_actor_id

    rid = uuid.uuid4()
    create = mutation("request.create", a.actor_id, rid, request_payload(w))
    apply_local(a.db, create)
    apply_sequenced(bureau.db, mutation("commissioner.end", admin_actor_id(), a.actor_id, {"ended_on": "2026-03-10"}))
    report = a.client.push()
    assert report.refused == 1
    with a.db.read() as session:
        assert session.get(m.SharingRequest, rid) is None
        assert session.get(m.RefusedChange, create.id).code == "actor_ended"
        assert not list(session.exec(select(m.OutboxEntry)))
    a.close()


def test_evidence_files_travel_with_their_mutation_and_are_hash_checked(bureau, tmp_path) -> None:
    import hashlib

    from cdo_desktop.sync.blobs import blob_path

    w = bureau.world
    a = desktop(bureau, tmp_path, "a-commissioner")
    b = desktop(bureau, tmp_path, "b-commissioner")
    a.client.sync()
    content = "会议纪要：数源部门三次拒绝共享。".encode() * 500
    sha = hashlib.sha256(content).hexdigest()
    path = blob_path(a.root, sha)
    path.parent.mkdir(parents=True)
    path.write_bytes(content)  # as the desktop's evidence dialog stores it
    dispute = uuid.uuid4()
    apply_local(a.db, mutation("dispute.file", a.actor_id, dispute, {
        "claimant_department_id": str(w.depts["A"]), "respondent_department_id": str(w.depts["B"]), "kind": "refusal",
        "statement": "多次拒绝", "claims": [{"kind": "order_share", "text": "责令共享姓名"}]}))
    apply_local(a.db, mutation("dispute.add_evidence", a.actor_id, dispute, {
        "evidence_id": str(uuid.uuid4()), "filename": "纪要.txt", "sha256": sha, "size": len(content)}))
    assert a.client.sync().accepted == 2
    assert (bureau.server.config.blob_dir / sha[:2] / sha).read_bytes() == content
    b.client.sync()
    fetched = b.client.fetch_blob(sha)
    assert fetched == blob_path(b.root, sha) and fetched.read_bytes() == content
    a.close()
    b.close()


def test_a_round_of_a_hundred_changes_is_one_push_and_one_pull(bureau, tmp_path, monkeypatch) -> None:
    """Issue 14: an incremental round asks the bureau twice — one push of the batch, one pull of its rows — and
    its end (pending count, time of the last sync) is written with the last page, not in a transaction of its own.
    The accepted entries and their answers are confirmed by set-based deletes, here in chunks of 7."""
    from cdo_desktop.store.server_models import OutboxAnswer
    from cdo_desktop.sync import outbox

    monkeypatch.setattr(outbox, "_CONFIRM_CHUNK", 7)
    w = bureau.world
    a = desktop(bureau, tmp_path, "a-commissioner")
    a.client.sync()
    ids = [uuid.uuid4() for _ in range(100)]
    for rid in ids:
        apply_local(a.db, mutation("request.create", a.actor_id, rid, request_payload(w)))
    sent: list[tuple[str, str]] = []
    a.client.http.client.event_hooks["request"].append(lambda r: sent.append((r.method, r.url.path)))
    report = a.client.sync()
    assert (report.pushed, report.accepted, report.pending) == (100, 100, 0) and report.pulled >= 100
    assert sent == [("POST", "/v1/sync/push"), ("GET", "/v1/sync/pull")]
    with a.db.read() as session:
        assert all(session.get(m.SharingRequest, rid).seq is not None for rid in ids)  # type: ignore[union-attr]
        assert not list(session.exec(select(m.OutboxEntry))) and not list(session.exec(select(OutboxAnswer)))
        assert state.get(session, state.LAST_SYNC)
        found = search.search_ids(session, "request", "核验身份", limit=1000) or []
        assert set(ids) <= set(found)  # the pulled copies were indexed with their page
    assert local_rows(a.db) == server_rows(bureau.url, a.token)
    a.close()
