"""The server's edges over real HTTP: health, version, protocol, sign-in, tokens, throttling, admin, visibility."""

from __future__ import annotations

import uuid

import httpx
from sqlmodel import select

from cdo_desktop import PROTOCOL_VERSION
from tests.integration.harness import sign_in
from tests.integration.world import PASSWORD


def test_health_and_version(bureau) -> None:
    health = httpx.get(f"{bureau.url}/v1/health").json()
    assert health["status"] == "ok" and health["protocol"] == PROTOCOL_VERSION and health["epoch"]
    assert health["database"] == ("sqlite" if bureau.backend == "sqlite" else "postgresql")
    assert httpx.get(f"{bureau.url}/v1/version").json()["protocol"] == PROTOCOL_VERSION
    assert "/v1/sync/push" in httpx.get(f"{bureau.url}/openapi.json").json()["paths"]


def test_old_client_is_told_to_update(bureau) -> None:
    answer = httpx.get(f"{bureau.url}/v1/sync/pull", headers={"X-CDO-Protocol": str(PROTOCOL_VERSION - 1)})
    assert answer.status_code == 426
    assert "update" in answer.json()["error"]["en"] and "更新" in answer.json()["error"]["zh"]


def test_sign_in_tokens_and_revocation(bureau) -> None:
    token = sign_in(bureau.url, "a-commissioner", PASSWORD, device="device-0001")
    auth = {"Authorization": f"Bearer {token}"}
    assert httpx.get(f"{bureau.url}/v1/sync/pull", headers=auth).status_code == 200
    mine = httpx.get(f"{bureau.url}/v1/auth/tokens", headers=auth).json()
    assert [t["device_id"] for t in mine] == ["device-0001"]
    # the database holds only the hash of the token
    from cdo_desktop.store.server_models import DeviceToken

    with bureau.db.read() as session:
        stored = list(session.exec(select(DeviceToken)))
        assert all(token not in (t.token_hash, t.device_id) for t in stored)
    admin = {"Authorization": f"Bearer {sign_in(bureau.url, 'admin', PASSWORD)}"}
    everyone = httpx.get(f"{bureau.url}/v1/admin/tokens", headers=admin).json()
    target = next(t for t in everyone if t["device_id"] == "device-0001")
    assert httpx.delete(f"{bureau.url}/v1/admin/tokens/{target['id']}", headers=admin).json() == {"revoked": True}
    refused = httpx.get(f"{bureau.url}/v1/sync/pull", headers=auth)
    assert refused.status_code == 401 and refused.json()["error"]["code"] == "unauthorised"
    # a commissioner is not an administrator
    other = {"Authorization": f"Bearer {sign_in(bureau.url, 'b-commissioner', PASSWORD)}"}
    assert httpx.get(f"{bureau.url}/v1/admin/tokens", headers=other).status_code == 403


def test_the_sign_in_check_follows_account_and_appointment(bureau) -> None:
    """Every request's token is checked with its account, appointment and department (one joined statement): a
    used token is stamped, a disabled account is refused, an appointment that ended makes the caller read-only."""
    import datetime as dt

    from cdo_desktop.store import models as m
    from cdo_desktop.store.server_models import DeviceToken

    token = sign_in(bureau.url, "c-commissioner", PASSWORD, device="device-0009")
    auth = {"Authorization": f"Bearer {token}"}
    assert httpx.get(f"{bureau.url}/v1/sync/pull", headers=auth).status_code == 200
    with bureau.db.read() as session:
        row = session.exec(select(DeviceToken).where(DeviceToken.device_id == "device-0009")).one()
        assert row.last_used_at is not None
        account = session.get(m.Account, row.account_id)
        assert account is not None
    person_id = account.commissioner_id
    with bureau.db.write() as session:
        person = session.get(m.Commissioner, person_id)
        assert person is not None
        person.ended_on = dt.date(2020, 1, 1)
        session.add(person)
    ended = httpx.get(f"{bureau.url}/v1/sync/pull", headers=auth)
    assert ended.status_code == 403 and ended.json()["error"]["code"] == "actor_ended"
    with bureau.db.write() as session:
        stored = session.get(m.Account, account.id)
        assert stored is not None
        stored.active = False
        session.add(stored)
    refused = httpx.get(f"{bureau.url}/v1/sync/pull", headers=auth)
    assert refused.status_code == 401 and refused.json()["error"]["en"] == "The account is disabled"
    assert httpx.get(f"{bureau.url}/v1/sync/pull", headers={"Authorization": "Bearer " + "x" * 43}).status_code == 401


def test_wrong_passwords_are_throttled_per_account(bureau) -> None:
    body = {"username": "c-commissioner", "password": "wrong", "device_id": "device-0002"}
    codes = [httpx.post(f"{bureau.url}/v1/auth/sign-in", json=body).status_code for _ in range(6)]
    assert codes[:5] == [401] * 5 and codes[5] == 429
    blocked = httpx.post(f"{bureau.url}/v1/auth/sign-in", json={**body, "password": PASSWORD})
    assert blocked.status_code == 429 and int(blocked.headers["Retry-After"]) > 0
    # another account from the same address is not blocked yet
    assert httpx.post(f"{bureau.url}/v1/auth/sign-in", json={**body, "username": "c-cdo", "password": PASSWORD}).status_code == 200


def test_admin_creates_a_user_who_can_sign_in(bureau) -> None:
    admin = {"Authorization": f"Bearer {sign_in(bureau.url, 'admin', PASSWORD)}"}
    person = bureau.world.people[("C", "cdo")]
    created = httpx.post(
        f"{bureau.url}/v1/admin/users", headers=admin,
        json={"username": "c-cdo-2", "password": "another-pass-9", "commissioner_id": str(person)},
    )
    assert created.status_code == 201, created.text
    assert sign_in(bureau.url, "c-cdo-2", "another-pass-9")
    duplicate = httpx.post(
        f"{bureau.url}/v1/admin/users", headers=admin,
        json={"username": "c-cdo-2", "password": "another-pass-9", "commissioner_id": str(person)},
    )
    assert duplicate.status_code == 422 and duplicate.json()["error"]["code"] == "username_taken"
    extra = httpx.post(f"{bureau.url}/v1/admin/users", headers=admin, json={"username": "x", "password": "12345678",
                       "commissioner_id": str(person), "role": "admin"})
    assert extra.status_code == 422 and extra.json()["error"]["field"] == "role"


def test_pull_shows_only_what_the_department_may_see(bureau) -> None:
    w = bureau.world
    a = {"Authorization": f"Bearer {sign_in(bureau.url, 'a-commissioner', PASSWORD)}"}
    request_id = uuid.uuid4()
    mutation = {
        "id": str(uuid.uuid4()), "kind": "request.create", "actor_id": str(w.people[("A", "commissioner")]),
        "entity_id": str(request_id), "payload": {
            "requester_department_id": str(w.depts["A"]), "resource_id": str(w.resources["B"]), "items": ["姓名"],
            "purpose": "核验", "period_start": "2026-03-01", "period_end": "2026-12-31"},
    }
    answer = httpx.post(f"{bureau.url}/v1/sync/push", headers=a, json={"mutations": [mutation]}).json()
    assert answer["answers"][0]["status"] == "accepted", answer

    def requests_seen(user: str) -> set[str]:
        auth = {"Authorization": f"Bearer {sign_in(bureau.url, user, PASSWORD)}"}
        page = httpx.get(f"{bureau.url}/v1/sync/pull", headers=auth, params={"limit": 2000}).json()
        assert not page["more"]
        return {r["row"]["id"] for r in page["rows"] if r["table"] == "sharing_request"}

    # a draft is the requester's own: the providing department sees the request once it is submitted
    assert str(request_id) in requests_seen("a-commissioner")
    assert str(request_id) not in requests_seen("b-cdo")
    assert str(request_id) in requests_seen("bureau-arbitrator")
    submit = {"id": str(uuid.uuid4()), "kind": "request.submit", "actor_id": str(w.people[("A", "commissioner")]),
              "entity_id": str(request_id), "payload": {}}
    answer = httpx.post(f"{bureau.url}/v1/sync/push", headers=a, json={"mutations": [submit]}).json()
    assert answer["answers"][0]["status"] == "accepted", answer
    assert str(request_id) in requests_seen("b-cdo")
    assert str(request_id) in requests_seen("bureau-arbitrator")
    assert str(request_id) not in requests_seen("c-commissioner")
