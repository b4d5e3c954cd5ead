"""Sign-in, push and evidence files as an attacker would try them (issue #10), on SQLite and PostgreSQL: control
characters, mutation ids of other people, receipts, the throttle under parallel attempts and from a busy address,
evidence files by hash; and an outbox whose first change is refused still delivers the rest."""

from __future__ import annotations

import datetime as dt
import hashlib
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import httpx
import pytest
from sqlalchemy import func, select

from cdo_desktop.domain.errors import DomainError
from cdo_desktop.server.config import ServerConfig
from cdo_desktop.store import models as m
from cdo_desktop.store.server_models import SignInThrottle
from cdo_desktop.sync.outbox import apply_local
from tests.integration.harness import Desktop, LiveServer, mutation, request_payload, server_rows, sign_in
from tests.integration.world import PASSWORD

NUL = "\x00"


def push(url: str, token: str, mutations: list[Any]) -> httpx.Response:
    body = [x if isinstance(x, dict) else x.model_dump(mode="json") for x in mutations]
    return httpx.post(f"{url}/v1/sync/push", headers={"Authorization": f"Bearer {token}"}, json={"mutations": body},
                      timeout=120)


def test_control_characters_are_refused_with_the_field_named(bureau, tmp_path) -> None:
    w = bureau.world
    # no sign-in needed to try: the user name, the device name
    for body in ({"username": f"a-commissioner{NUL}", "password": "x", "device_id": "device-nul-1"},
                 {"username": "a-commissioner", "password": PASSWORD, "device_id": "device-nul-2", "device_name": f"PC{NUL}"}):
        answer = httpx.post(f"{bureau.url}/v1/auth/sign-in", json=body)
        assert answer.status_code == 422, answer.text
        assert answer.json()["error"]["code"] == "invalid.control_character"
        assert answer.json()["error"]["field"] in ("username", "device_name")
    token = sign_in(bureau.url, "a-commissioner", PASSWORD)
    actor = w.people[("A", "commissioner")]
    cases = [
        (mutation("request.create", actor, uuid.uuid4(), {**request_payload(w), "purpose": f"核验{NUL}身份"}), "payload.purpose"),
        (mutation("resource.create", actor, uuid.uuid4(), {"code": "RES-NUL", "department_id": str(w.depts["A"]),
                  "name": f"人口{NUL}", "items": [{"name": "姓名"}]}), "payload.name"),
        (mutation("resource.create", actor, uuid.uuid4(), {"code": "RES-NL", "department_id": str(w.depts["A"]),
                  "name": "人口\n数据", "items": [{"name": "姓名"}]}), "payload.name"),  # one-line field
        (mutation("request.create", actor, uuid.uuid4(), {**request_payload(w), "items": ["姓\u0085名"]}), "payload.items.0"),
    ]
    fine = mutation("request.create", actor, uuid.uuid4(), {**request_payload(w), "purpose": "核验身份：\n\t一、人口\r\n二、户籍"})
    answers = push(bureau.url, token, [c for c, _ in cases] + [fine]).json()["answers"]
    for answer, (_c, field) in zip(answers, cases, strict=False):
        assert answer["status"] == "refused" and answer["reason"]["code"] == "invalid.control_character", answer
        assert answer["reason"]["field"] == field and "控制字符" in answer["reason"]["zh"]
    assert answers[-1]["status"] == "accepted"  # tab and line breaks are fine in a multi-line text
    # the desktop refuses the very same things, naming the same field
    desk = Desktop(tmp_path / "a", bureau.url, "a-commissioner", PASSWORD)
    desk.client.sync()
    for case, field in cases:
        fresh = case.model_copy(update={"id": uuid.uuid4()})
        with pytest.raises(DomainError) as refused:
            apply_local(desk.db, fresh)
        assert refused.value.code == "invalid.control_character" and refused.value.field == field
    desk.close()


def test_a_refused_change_never_holds_up_the_outbox(bureau, tmp_path) -> None:
    """Two changes an older desktop queued (a NUL in a text; a kind the bureau cannot even read), then good ones:
    the good ones arrive, the bad ones are kept aside with the bureau's reason."""
    w = bureau.world
    desk = Desktop(tmp_path / "a", bureau.url, "a-commissioner", PASSWORD)
    desk.client.sync()
    actor = desk.actor_id
    bad_text = mutation("request.create", actor, uuid.uuid4(), {**request_payload(w), "purpose": f"核验{NUL}"})
    bad_kind = {**mutation("request.create", actor, uuid.uuid4(), request_payload(w)).model_dump(mode="json"),
                "kind": f"request.create{NUL}"}
    with desk.db.write() as session:  # queued as an older version did, before these were refused locally
        for queued in (bad_text.model_dump(mode="json"), bad_kind):
            session.add(m.OutboxEntry(mutation_id=uuid.UUID(queued["id"]), kind=queued["kind"][:64],
                                      entity_id=uuid.UUID(queued["entity_id"]), mutation=queued,
                                      created_at=dt.datetime.now(dt.UTC), attempts=0))
    good = [mutation("request.create", actor, uuid.uuid4(), request_payload(w)) for _ in range(3)]
    for change in good:
        apply_local(desk.db, change)
    report = desk.client.sync()
    assert (report.accepted, report.refused, report.pending) == (3, 2, 0), report
    seen = server_rows(bureau.url, desk.token)
    assert all(("sharing_request", str(g.entity_id)) in seen for g in good)
    with desk.db.read() as session:
        refused = {r.mutation_id: r for r in session.execute(select(m.RefusedChange)).scalars()}
    assert refused[bad_text.id].code == "invalid.control_character"
    assert refused[uuid.UUID(bad_kind["id"])].code.startswith("invalid.")
    desk.close()


def _dispute_file(world: Any, actor: uuid.UUID, claimant: str, respondent: str, mutation_id: uuid.UUID | None = None) -> Any:
    made = mutation("dispute.file", actor, uuid.uuid4(), {
        "claimant_department_id": str(world.depts[claimant]), "respondent_department_id": str(world.depts[respondent]),
        "kind": "other", "statement": "争议", "claims": [{"kind": "order_reply", "text": "责令答复"}]})
    return made.model_copy(update={"id": mutation_id}) if mutation_id else made


def test_mutation_ids_of_others_are_refused_one_by_one_and_receipts_stay_private(bureau) -> None:
    w = bureau.world
    victim = sign_in(bureau.url, "a-commissioner", PASSWORD, device="victim-device-01")
    attacker_device = "attacker-device-1"
    attacker = sign_in(bureau.url, "b-commissioner", PASSWORD, device=attacker_device)
    # 1. the victim's accepted change: its id pushed by another account (a derived row id would collide) is refused
    #    for that mutation alone; the rest of the batch keeps its answers
    filed = _dispute_file(w, w.people[("A", "commissioner")], "A", "B")
    assert push(bureau.url, victim, [filed]).json()["answers"][0]["status"] == "accepted"
    before = _dispute_file(w, w.people[("B", "commissioner")], "B", "A")
    reuse = _dispute_file(w, w.people[("B", "commissioner")], "B", "A", mutation_id=filed.id)
    after = _dispute_file(w, w.people[("B", "commissioner")], "B", "A")
    answer = push(bureau.url, attacker, [before, reuse, after])
    assert answer.status_code == 200, answer.text
    statuses = [(a["status"], (a["reason"] or {}).get("code")) for a in answer.json()["answers"]]
    assert statuses == [("accepted", None), ("refused", "mutation_id_taken"), ("accepted", None)]
    # 2. the victim's device id cannot be borrowed by another account, so neither can its receipts
    taken = httpx.post(f"{bureau.url}/v1/auth/sign-in",
                       json={"username": "c-commissioner", "password": PASSWORD, "device_id": "victim-device-01"})
    assert taken.status_code == 409 and taken.json()["error"]["code"] == "device_taken"
    # 3. an id pushed first by the attacker does not make the victim's real change come back "accepted"
    planted_id = uuid.uuid4()
    planted = mutation("request.create", w.people[("B", "commissioner")], uuid.uuid4(), request_payload(w, "B", "A"))
    assert push(bureau.url, attacker, [planted.model_copy(update={"id": planted_id})]).json()["answers"][0]["status"] == "accepted"
    real = mutation("request.create", w.people[("A", "commissioner")], uuid.uuid4(), request_payload(w))
    real = real.model_copy(update={"id": planted_id})
    answer = push(bureau.url, victim, [real]).json()["answers"][0]
    assert answer["status"] == "refused" and answer["reason"]["code"] == "mutation_id_taken"
    # 4. the same account re-using its own id for other content is refused; the same content gets its first answer
    again = push(bureau.url, victim, [filed]).json()["answers"][0]
    assert again["status"] == "accepted"
    changed = filed.model_copy(update={"payload": {**filed.payload, "statement": "另一件事"}})
    assert push(bureau.url, victim, [changed]).json()["answers"][0]["reason"]["code"] == "mutation_id_reused"
    with bureau.db.read() as session:
        disputes = session.execute(select(func.count()).select_from(m.Dispute)).scalar_one()
    assert disputes == 3  # the victim's, and the attacker's two real ones


def test_twenty_parallel_wrong_passwords_check_at_most_five(bureau) -> None:
    body = {"username": "c-cdo", "password": "wrong-password", "device_id": "device-race-1"}

    def attempt(_: int) -> int:
        return httpx.post(f"{bureau.url}/v1/auth/sign-in", json=body, timeout=60).status_code

    with ThreadPoolExecutor(max_workers=24) as pool:
        codes = list(pool.map(attempt, range(24)))
    assert codes.count(401) <= 5 and codes.count(401) + codes.count(429) == 24, codes
    blocked = httpx.post(f"{bureau.url}/v1/auth/sign-in", json={**body, "password": PASSWORD})
    assert blocked.status_code == 429 and 0 < int(blocked.headers["Retry-After"]) <= 300


def test_made_up_names_from_one_address_do_not_lock_out_a_real_user(bureau, tmp_path) -> None:
    for i in range(35):
        body = {"username": f"ghost-{i}", "password": "guess", "device_id": f"device-ghost-{i:03d}"}
        assert httpx.post(f"{bureau.url}/v1/auth/sign-in", json=body).status_code in (401, 429)
    # the address is busy now: guesses from it are slowed to one every few seconds …
    slowed = [httpx.post(f"{bureau.url}/v1/auth/sign-in",
                         json={"username": "ghost-x", "password": "g", "device_id": "device-ghost-x1"}).status_code
              for _ in range(5)]
    assert slowed.count(429) >= 4
    # … but the right password still gets in after a short wait (the client waits by itself)
    started = time.monotonic()
    desk = Desktop(tmp_path / "real", bureau.url, "b-cdo", PASSWORD)
    assert desk.signed.username == "b-cdo" and time.monotonic() - started < 15
    desk.close()


def test_throttle_rows_for_made_up_names_expire(bureau) -> None:
    config = bureau.server.config
    quick = LiveServer(ServerConfig(data_dir=config.data_dir, database_url=config.database_url, signin_window_s=5,
                                    signin_block_s=1, signin_account_delay_s=1)).start()
    try:
        for i in range(20):
            httpx.post(f"{quick.url}/v1/auth/sign-in", json={"username": f"made-up-{i}", "password": "x",
                                                             "device_id": f"device-made-{i:03d}"})
        with quick.db.read() as session:
            assert session.execute(select(func.count()).select_from(SignInThrottle)).scalar_one() >= 2
        time.sleep(7)
        assert httpx.post(f"{quick.url}/v1/auth/sign-in",
                          json={"username": "b-arbitrator", "password": PASSWORD, "device_id": "device-real-01"}).status_code == 200
        with quick.db.read() as session:
            keys = list(session.execute(select(SignInThrottle.key)).scalars())  # type: ignore[call-overload]
        assert not [k for k in keys if "made-up" in k], keys
    finally:
        quick.stop()


def test_evidence_files_are_not_readable_by_hash_nor_retyped(bureau) -> None:
    w = bureau.world
    a = sign_in(bureau.url, "a-commissioner", PASSWORD)
    c = sign_in(bureau.url, "c-commissioner", PASSWORD)
    secret = "机密：内部会议纪要".encode() * 300
    sha = hashlib.sha256(secret).hexdigest()
    put = httpx.put(f"{bureau.url}/v1/blobs/{sha}", headers={"Authorization": f"Bearer {a}", "Content-Type": "application/pdf"},
                    content=secret)
    assert put.status_code == 201
    ab = _dispute_file(w, w.people[("A", "commissioner")], "A", "B")
    attach = mutation("dispute.add_evidence", w.people[("A", "commissioner")], ab.entity_id, {
        "evidence_id": str(uuid.uuid4()), "filename": "纪要.pdf", "sha256": sha, "size": len(secret), "media_type": "application/pdf"})
    assert [x["status"] for x in push(bureau.url, a, [ab, attach]).json()["answers"]] == ["accepted", "accepted"]
    # C knows the hash: attaching it to C's own dispute is refused, and C cannot download it
    cb = _dispute_file(w, w.people[("C", "commissioner")], "C", "B")
    steal = mutation("dispute.add_evidence", w.people[("C", "commissioner")], cb.entity_id, {
        "evidence_id": str(uuid.uuid4()), "filename": "x.pdf", "sha256": sha, "size": len(secret)})
    answers = push(bureau.url, c, [cb, steal]).json()["answers"]
    assert answers[0]["status"] == "accepted" and answers[1]["reason"]["code"] == "evidence_not_held", answers
    assert answers[1]["reason"]["field"] == "payload.sha256"
    assert httpx.get(f"{bureau.url}/v1/blobs/{sha}", headers={"Authorization": f"Bearer {c}"}).status_code == 404
    # B (the other party) reads it, as a download whose type the first upload fixed
    b = sign_in(bureau.url, "b-commissioner", PASSWORD)
    html = b"<script>alert(1)</script>"
    html_sha = hashlib.sha256(html).hexdigest()
    for token, media in ((a, "application/octet-stream"), (c, "text/html")):
        httpx.put(f"{bureau.url}/v1/blobs/{html_sha}", headers={"Authorization": f"Bearer {token}", "Content-Type": media},
                  content=html)
    got = httpx.get(f"{bureau.url}/v1/blobs/{sha}", headers={"Authorization": f"Bearer {b}"})
    assert got.status_code == 200 and got.content == secret
    assert got.headers["content-type"] == "application/pdf"
    assert got.headers["content-disposition"].startswith("attachment")
    assert got.headers["x-content-type-options"] == "nosniff"
    retyped = httpx.get(f"{bureau.url}/v1/blobs/{html_sha}", headers={"Authorization": f"Bearer {c}"})
    assert retyped.status_code == 200 and retyped.headers["content-type"] == "application/octet-stream"
    assert retyped.headers["content-disposition"].startswith("attachment")


def test_a_second_person_on_the_same_desktop_gets_a_new_device_id(bureau, tmp_path) -> None:
    from cdo_desktop.sync import state
    from cdo_desktop.sync.signin import login

    first = Desktop(tmp_path / "shared", bureau.url, "a-commissioner", PASSWORD)
    with first.db.read() as session:
        before = state.get(session, state.DEVICE_ID)
    second = login(first.db, server_url=bureau.url, username="a-cdo", password=PASSWORD)  # the id is a-commissioner's
    with first.db.read() as session:
        after = state.get(session, state.DEVICE_ID)
    assert second.username == "a-cdo" and after != before
    first.close()
