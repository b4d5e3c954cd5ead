"""The authorisation matrix, generated from the workflow tables: every (action, role, party) cell the tables do not
allow is refused by the server over HTTP; and a role revoked between queueing and push is refused too."""

from __future__ import annotations

import datetime as dt
import uuid
from collections import defaultdict
from typing import Any

import httpx
import pytest

from cdo_desktop.domain.enums import Party, Role
from cdo_desktop.domain.workflow import TRANSITIONS
from cdo_desktop.server.exchange import apply_sequenced
from cdo_desktop.services.bootstrap import admin_actor_id
from tests.integration.harness import Desktop, mutation, request_payload, sign_in
from tests.integration.payloads import payload_for
from tests.integration.world import PASSWORD, World

# where each party sits in the records built below: A asks B; A claims against B; orders and records address A
SEAT = {
    Party.REQUESTER: "A", Party.PROVIDER: "B", Party.RAISER: "A", Party.OWNER: "B", Party.CLAIMANT: "A",
    Party.RESPONDENT: "B", Party.ADDRESSEE: "A", Party.BUREAU: "bureau", Party.USER: "A", None: "C",
}
ENTITY_PARTIES: dict[str, set[Party | None]] = defaultdict(lambda: {Party.BUREAU, None})
for _t in TRANSITIONS.values():
    ENTITY_PARTIES[_t.entity] |= {p for _r, p in _t.allowed}


def cells() -> list[tuple[str, Role, Party | None]]:
    out = []
    for action, t in sorted(TRANSITIONS.items()):
        for role in Role:
            for party in sorted(ENTITY_PARTIES[t.entity], key=lambda p: "" if p is None else p.value):
                if party is None or (role, party) not in t.allowed:
                    out.append((action, role, party))
    return out


def _records(bureau: Any) -> dict[str, uuid.UUID]:
    """One record of every entity, A and B as its parties, built through the server's own rules."""
    w: World = bureau.world
    db = bureau.db
    ppl = w.people
    ids: dict[str, uuid.UUID] = {"department": w.depts["A"], "commissioner": ppl[("C", "admin")],
                                 "resource": w.resources["B"]}

    def do(kind: str, who: tuple[str, str], entity: uuid.UUID, payload: dict[str, Any]) -> None:
        apply_sequenced(db, mutation(kind, ppl[who], entity, payload))

    ids["request"] = uuid.uuid4()
    do("request.create", ("A", "commissioner"), ids["request"], request_payload(w))
    ids["objection"] = uuid.uuid4()
    do("objection.raise", ("A", "commissioner"), ids["objection"], {
        "raiser_department_id": str(w.depts["A"]), "resource_id": str(w.resources["B"]), "description": "地址过期"})
    ids["dispute"] = uuid.uuid4()
    claims = [{"kind": "order_reply", "text": "责令被申请人依法答复"}]
    do("dispute.file", ("A", "commissioner"), ids["dispute"], {
        "claimant_department_id": str(w.depts["A"]), "respondent_department_id": str(w.depts["B"]), "kind": "other",
        "statement": "长期不答复", "claims": claims})
    ruled = uuid.uuid4()
    do("dispute.file", ("A", "commissioner"), ruled, {
        "claimant_department_id": str(w.depts["A"]), "respondent_department_id": str(w.depts["B"]), "kind": "other",
        "statement": "另一争议", "claims": claims})
    do("dispute.accept", ("bureau", "arbitrator"), ruled, {})
    ruling = uuid.uuid4()
    do("dispute.rule", ("bureau", "arbitrator"), ruled, {
        "ruling_id": str(ruling), "arbitrator_ids": [str(ppl[("bureau", "arbitrator")])], "findings": ["事实"],
        "reasoning": "理由", "claim_decisions": [{"position": 1, "decision": "upheld", "reasoning": "理由"}],
        "orders": [{"addressee_department_id": str(w.depts["A"]), "action": "整改", "deadline_days": 10,
                    "claim_position": 1}]})
    from cdo_desktop.domain.actor import derived_id

    ids["order"] = derived_id(ruling, "order", 1)
    # a granted request of A's (unconditional data: the bureau grants it), reported by B (its owner) for misuse
    granted = uuid.uuid4()
    do("request.create", ("A", "commissioner"), granted, request_payload(w))
    do("request.submit", ("A", "commissioner"), granted, {})
    do("request.check_grant", ("bureau", "arbitrator"), granted, {})
    ids["granted"] = granted
    ids["misuse"] = uuid.uuid4()
    do("misuse.report", ("B", "commissioner"), ids["misuse"], {
        "request_id": str(granted), "kind": "passed_on", "description": "向第三方提供"})
    # an accountability record needs a ground that only time gives (an order overdue after its due date): the
    # matrix asks who may act on a record, so the record is laid down directly, addressed to A
    from cdo_desktop.store import models as m

    ids["accountability"] = uuid.uuid4()
    with db.write() as session:
        session.add(m.AccountabilityRecord(
            id=ids["accountability"], number="佛数问〔2026〕99号", department_id=w.depts["A"], violation="逾期未履行",
            measure="criticism", state="notified", created_on=dt.date(2026, 3, 3), ground_kind="order_overdue",
            ground_id=ids["order"], revision=1))
    ids["platform"] = uuid.uuid4()
    do("platform.register", ("B", "cdo"), ids["platform"], {
        "code": "SYS-B", "name": "乙部门业务系统", "operator_department_id": str(w.depts["B"])})
    ids["asset"] = uuid.uuid4()
    do("asset.apply", ("B", "cdo"), ids["asset"], {
        "code": "440600-T-B-ZC-0001", "resource_id": str(w.resources["B"]), "name": "乙部门资产", "scope": "全市",
        "volume": "约 1 万条"})
    return ids


def test_every_disallowed_cell_is_refused(bureau) -> None:
    w: World = bureau.world
    ids = _records(bureau)
    batches: dict[tuple[str, Role], list[tuple[dict[str, Any], tuple[str, Role, Party | None]]]] = defaultdict(list)
    table = cells()
    assert len(table) > 300
    for action, role, party in table:
        t = TRANSITIONS[action]
        seat = SEAT[party]
        actor = w.people[(seat, role.value)]
        entity = uuid.uuid4() if t.source is None else ids[t.entity]
        payload = payload_for(t, w, w.people[("bureau", "arbitrator")])
        # creations that point at a record: point at a real one, so that only the right to act can refuse them
        if action == "receipt.sign":
            payload["subject_id"] = str(ids["dispute"])
        if action == "misuse.report":
            payload["request_id"] = str(ids["granted"])
        m = mutation(action, actor, entity, payload)
        batches[(seat, role)].append((m.model_dump(mode="json"), (action, role, party)))
    wrong: list[str] = []
    for (seat, role), items in batches.items():
        token = sign_in(bureau.url, w.users[(seat, role.value)], PASSWORD)
        answer = httpx.post(
            f"{bureau.url}/v1/sync/push", headers={"Authorization": f"Bearer {token}"},
            json={"mutations": [m for m, _cell in items]}, timeout=120,
        )
        assert answer.status_code == 200, answer.text
        for a, (_m, cell) in zip(answer.json()["answers"], items, strict=True):
            if a["status"] != "refused":
                wrong.append(f"accepted: {cell}")
            elif a["reason"]["code"] != "not_allowed":
                wrong.append(f"refused for another reason ({a['reason']['code']}: {a['reason']['en']}): {cell}")
    assert not wrong, "\n".join(wrong[:40]) + f"\n… {len(wrong)} cells"


@pytest.mark.parametrize("role", ["commissioner", "cdo"])
def test_role_revoked_between_queueing_and_push(bureau, tmp_path, role: str) -> None:
    from cdo_desktop.store import models as m
    from cdo_desktop.sync.outbox import apply_local

    w: World = bureau.world
    desk = Desktop(tmp_path / "b", bureau.url, f"b-{role}", PASSWORD)
    desk.client.sync()
    queued = mutation("resource.update", desk.actor_id, w.resources["B"], {
        "name": "离任前修改", "items": [{"name": "姓名"}, {"name": "证件号"}, {"name": "地址"}]})
    apply_local(desk.db, queued)
    apply_sequenced(bureau.db, mutation("commissioner.end", admin_actor_id(), desk.actor_id, {"ended_on": "2026-03-05"}))
    report = desk.client.push()
    assert (report.accepted, report.refused) == (0, 1)
    with desk.db.read() as session:
        assert session.get(m.RefusedChange, queued.id).code == "actor_ended"
        assert session.get(m.DataResource, w.resources["B"]).name != "离任前修改"
    with bureau.db.read() as session:
        assert session.get(m.DataResource, w.resources["B"]).name != "离任前修改"
    desk.close()
