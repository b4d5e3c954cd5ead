"""Many desktops pushing at the same moment to one bureau process (SQLite and PostgreSQL, over real HTTP): every
push is answered once its group is committed (`server.group_commit`), with a head that covers its own sequence
number; the numbers stay gap-free, one per accepted change, and the audit chain unbroken."""

from __future__ import annotations

import threading
import uuid

import httpx
from sqlalchemy import select

from cdo_desktop.store import audit
from cdo_desktop.store.server_models import SyncReceipt
from tests.integration.conftest import Bureau
from tests.integration.harness import mutation, request_payload, sign_in
from tests.integration.world import PASSWORD

USERS = [("A", "a-commissioner"), ("A", "a-cdo"), ("B", "b-commissioner"), ("B", "b-cdo")]


def test_a_burst_of_pushes_is_answered_gap_free(bureau: Bureau) -> None:
    world, url = bureau.world, bureau.url
    head0 = httpx.get(f"{url}/v1/health").json()["head"]
    tokens = {user: sign_in(url, user, PASSWORD) for _, user in USERS}
    start = threading.Barrier(16)
    answers: list[dict] = []
    failures: list[str] = []

    def desktop(i: int) -> None:
        dept, user = USERS[i % len(USERS)]
        actor = world.people[(dept, user.split("-")[1])]
        change = mutation("request.create", actor, uuid.uuid4(), request_payload(world, dept, "B" if dept == "A" else "A"))
        with httpx.Client(base_url=url, headers={"Authorization": f"Bearer {tokens[user]}"}, timeout=60) as client:
            start.wait()
            for _ in range(2):  # the second time, the same change: the first answer again
                answer = client.post("/v1/sync/push", json={"mutations": [change.model_dump(mode="json")]})
                if answer.status_code != 200:
                    failures.append(f"{answer.status_code} {answer.text[:200]}")
                    return
                answers.append(answer.json())

    threads = [threading.Thread(target=desktop, args=(i,)) for i in range(16)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert not failures
    assert len(answers) == 32 and all(a["answers"][0]["status"] == "accepted" for a in answers)
    assert all(a["head"] >= a["answers"][0]["seq"] for a in answers)
    seqs = sorted({a["answers"][0]["seq"] for a in answers})
    assert seqs == list(range(head0 + 1, head0 + 17))
    stats = bureau.server.app.state.pushes.stats
    assert stats.pushes == 32  # every push went through the queue
    with bureau.db.read() as session:
        assert audit.verify_chain(session).ok
        assert len(session.execute(select(SyncReceipt.mutation_id)).all()) >= 16
