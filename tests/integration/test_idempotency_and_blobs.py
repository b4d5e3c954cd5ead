"""Idempotency of push (500 mutations pushed three times apply once) and the evidence-file endpoints."""

from __future__ import annotations

import hashlib
import uuid

import httpx
from sqlalchemy import func, select

from cdo_desktop.store import models as m
from tests.integration.harness import mutation, request_payload, sign_in
from tests.integration.world import PASSWORD


def test_same_batch_of_500_pushed_three_times_applies_once(bureau) -> None:
    w = bureau.world
    actor = w.people[("A", "commissioner")]
    batch = [mutation("request.create", actor, uuid.uuid4(), request_payload(w)).model_dump(mode="json") for _ in range(500)]
    batch[7]["payload"] = {**batch[7]["payload"], "items": ["不存在的数据项"]}  # one refusal in the middle
    token = sign_in(bureau.url, "a-commissioner", PASSWORD, device="device-idem")
    auth = {"Authorization": f"Bearer {token}"}
    head0 = httpx.get(f"{bureau.url}/v1/health").json()["head"]
    answers = []
    for _ in range(3):
        answer = httpx.post(f"{bureau.url}/v1/sync/push", headers=auth, json={"mutations": batch}, timeout=300)
        assert answer.status_code == 200
        answers.append(answer.json()["answers"])
    assert answers[0] == answers[1] == answers[2]
    accepted = [a for a in answers[0] if a["status"] == "accepted"]
    assert len(accepted) == 499 and answers[0][7]["reason"]["code"] == "unknown_items"
    seqs = [a["seq"] for a in accepted]
    assert seqs == list(range(head0 + 1, head0 + 500))  # gap-free, in order
    assert httpx.get(f"{bureau.url}/v1/health").json()["head"] == head0 + 499
    ids = [uuid.UUID(b["entity_id"]) for b in batch]
    with bureau.db.read() as session:
        made = session.execute(select(func.count()).select_from(m.SharingRequest).where(m.SharingRequest.id.in_(ids))).scalar_one()
        audited = session.execute(
            select(func.count()).select_from(m.AuditEntry).where(m.AuditEntry.mutation_id.in_([b["id"] for b in batch]))
        ).scalar_one()
    assert (made, audited) == (499, 499)


def test_blobs_are_stored_by_content_size_limited_and_hash_checked(bureau) -> None:
    auth = {"Authorization": f"Bearer {sign_in(bureau.url, 'a-commissioner', PASSWORD)}"}
    data = "证据材料".encode() * 1000
    sha = hashlib.sha256(data).hexdigest()
    put = httpx.put(f"{bureau.url}/v1/blobs/{sha}", headers=auth, content=data)
    assert put.status_code == 201 and put.json()["size"] == len(data)
    admin = {"Authorization": f"Bearer {sign_in(bureau.url, 'admin', PASSWORD)}"}
    assert httpx.get(f"{bureau.url}/v1/blobs/{sha}", headers=admin).content == data
    # not evidence of a dispute of C's: C may not read it
    other = {"Authorization": f"Bearer {sign_in(bureau.url, 'c-commissioner', PASSWORD)}"}
    assert httpx.get(f"{bureau.url}/v1/blobs/{sha}", headers=other).status_code == 404
    wrong = httpx.put(f"{bureau.url}/v1/blobs/{'0' * 64}", headers=auth, content=data)
    assert wrong.status_code == 422 and wrong.json()["error"]["code"] == "hash_mismatch"
    limit = bureau.server.config.max_blob_bytes
    def chunks():  # no Content-Length: counted while streaming
        for _ in range(limit // (1024 * 1024) + 2):
            yield b"\0" * (1024 * 1024)

    streamed = httpx.put(f"{bureau.url}/v1/blobs/{'2' * 64}", headers=auth, content=chunks(), timeout=60)
    assert streamed.status_code == 413
    big = b"\0" * (limit + 1)
    sized = httpx.put(f"{bureau.url}/v1/blobs/{hashlib.sha256(big).hexdigest()}", headers=auth, content=big, timeout=60)
    assert sized.status_code == 413 and sized.json()["error"]["code"] == "too_large"
    incoming = bureau.server.config.blob_dir / "incoming"
    assert not any(incoming.iterdir())  # nothing spooled is left behind
