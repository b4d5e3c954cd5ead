"""Every transition of every table, allowed and refused, generated from the tables themselves."""

from __future__ import annotations

import uuid

import pytest
from sqlmodel import Session

from cdo_desktop.domain.actor import Actor
from cdo_desktop.domain.enums import Party
from cdo_desktop.domain.errors import DomainError, GuardFailed, InvalidState, NotAllowed
from cdo_desktop.domain.workflow import STATE_ENUMS, TRANSITIONS, Transition
from cdo_desktop.store import audit
from tests.unit.scenario import Network

SIDE_A = {"request": Party.REQUESTER, "objection": Party.RAISER, "dispute": Party.CLAIMANT, "resource": Party.OWNER,
          "asset": Party.OWNER, "platform": Party.OWNER}
SIDE_B = {"request": Party.PROVIDER, "objection": Party.OWNER, "dispute": Party.RESPONDENT,
          "order": Party.ADDRESSEE, "accountability": Party.ADDRESSEE, "misuse": Party.PROVIDER,
          "receipt": Party.ADDRESSEE}


def parties_of(actor: Actor, name: str, entity: str) -> set[Party]:
    held: set[Party] = {Party.BUREAU} if actor.is_bureau else set()
    if name.startswith("A.") and entity in SIDE_A:
        held.add(SIDE_A[entity])
    if name.startswith("B.") and entity in SIDE_B:
        held.add(SIDE_B[entity])
    return held


def _cases() -> list[tuple[str, str | None]]:
    cases: list[tuple[str, str | None]] = []
    for action, t in TRANSITIONS.items():
        if t.source:
            cases.extend((action, state) for state in sorted(t.source))
        else:
            cases.append((action, None))
    return cases


def _attempt(network: Network, session: Session, actor: Actor, t: Transition, entity_id: uuid.UUID) -> DomainError | None:
    nested = session.begin_nested()
    try:
        network.run(session, actor, t.action, entity_id, network.payload(t.action))
        return None
    except DomainError as exc:
        return exc
    finally:
        nested.rollback()
        audit.forget_tail(session)


@pytest.mark.parametrize(("action", "state"), _cases(), ids=lambda v: str(v))
def test_every_actor_is_allowed_exactly_as_the_table_says(network: Network, session: Session, action: str,
                                                            state: str | None) -> None:
    t = TRANSITIONS[action]
    entity_id = network.entity_in(session, t.entity, state, action)
    wrong = []
    for name, actor in network.everyone().items():
        expected = t.permits(actor.role, parties_of(actor, name, t.entity))
        error = _attempt(network, session, actor, t, entity_id)
        if expected and error is not None:
            wrong.append(f"{name} should be allowed but got {error!r}")
        if not expected and not isinstance(error, NotAllowed):
            wrong.append(f"{name} should be refused as not allowed but got {error!r}")
    assert not wrong, "\n".join(wrong)
    assert any(t.permits(a.role, parties_of(a, n, t.entity)) for n, a in network.everyone().items()), (
        "the scenario has nobody allowed to take this action"
    )


def _bad_state_cases() -> list[tuple[str, str]]:
    cases = []
    for action, t in TRANSITIONS.items():
        enum = STATE_ENUMS.get(t.entity)
        if not t.source or enum is None:
            continue
        cases.extend((action, s.value) for s in enum if s.value not in t.source)
    return cases


@pytest.mark.parametrize(("action", "state"), _bad_state_cases(), ids=lambda v: str(v))
def test_actions_are_refused_outside_their_source_states(network: Network, session: Session, action: str,
                                                         state: str) -> None:
    t = TRANSITIONS[action]
    entity_id = network.entity_in(session, t.entity, state, action)
    actor = network.actor_for(action)
    error = _attempt(network, session, actor, t, entity_id)
    assert isinstance(error, InvalidState), error
    assert error.zh and error.en


GUARD_BREAKERS: list[tuple[str, str | None, dict[str, object], str]] = [
    ("request.refuse", "awaiting_reply", {"reason": "  "}, "reason_required"),
    ("request.return", "submitted", {"reason": ""}, "reason_required"),
    ("request.revoke", "granted", {"reason": ""}, "reason_required"),
    ("request.approve_partly", "awaiting_reply", {"granted_items": ["姓名", "户籍地址"]}, "partial_subset"),
    ("request.create", None, {"items": ["不存在的字段"]}, "unknown_items"),
    ("request.refuse", "awaiting_reply", {"legal_basis": " "}, "refusal_basis_required"),
    ("resource.create", None, {"open_type": "closed", "open_reason": "涉及个人信息"}, "open_basis_required"),
    ("resource.update", None, {"open_type": "conditional", "open_legal_basis": "《数据安全法》"}, "open_basis_required"),
    ("misuse.report", None, {"kind": "after_expiry"}, "grant_still_valid"),
    ("misuse.confirm", "investigating", {"finding": ""}, "finding_text_required"),
    ("misuse.dismiss", "investigating", {"finding": " "}, "finding_text_required"),
    ("dispute.file", None, {"claims": []}, "claims_required"),
    ("dispute.answer_claim", "filed", {"position": 2}, "unknown_claim"),
    ("dispute.answer_claim", "accepted", {"answer": ""}, "answer_required"),
    ("dispute.rule", "accepted", {"claim_decisions": []}, "claims_undecided"),
    ("dispute.rule", "accepted", {"claim_decisions": [{"position": 1, "decision": "upheld", "reasoning": " "}]},
     "claims_undecided"),
    ("dispute.rule", "accepted", {"orders": [{"addressee_department_id": "B", "action": "x", "deadline_days": 5}]},
     "order_without_upheld_claim"),
    ("dispute.rule", "accepted", {"claim_decisions": [{"position": 1, "decision": "dismissed", "reasoning": "x"}]},
     "order_without_upheld_claim"),
    ("accountability.defend", "notified", {"defence": ""}, "defence_required"),
    ("accountability.uphold", "notified", {}, "defence_pending"),
    ("accountability.change", "notified", {}, "defence_pending"),
    ("accountability.change", "defended", {"reason": ""}, "reason_required"),
    ("accountability.withdraw", "defended", {"reason": ""}, "reason_required"),
    ("request.create", None, {"resource_id": "A.unconditional"}, "own_resource"),
    ("resource.create", None, {"share_type": "conditional", "legal_basis": ""}, "legal_basis_required"),
    ("resource.create", None, {"share_type": "not_shared", "legal_basis": ""}, "legal_basis_required"),
    ("resource.update", None, {"share_type": "conditional", "legal_basis": ""}, "legal_basis_required"),
    ("objection.raise", None, {"resource_id": "A.unconditional"}, "own_objection"),
    ("objection.verify", "flagged", {"response": ""}, "response_required"),
    ("dispute.file", None, {"statement": ""}, "statement_required"),
    ("dispute.file", None, {"respondent_department_id": "A"}, "same_party"),
    ("dispute.rule", "accepted", {"findings": []}, "finding_required"),
    ("dispute.rule", "accepted", {"findings": ["  "]}, "finding_required"),
    ("dispute.rule", "accepted", {"reasoning": ""}, "reasoning_required"),
    ("dispute.rule", "accepted", {"orders": []}, "order_required"),
    ("dispute.rule", "accepted", {"arbitrator_ids": []}, "arbitrator_required"),
    ("dispute.rule", "accepted", {"orders": [{"addressee_department_id": "C", "action": "x", "deadline_days": 5}]},
     "order_addressee"),
    ("dispute.comply", "ruled", {}, "orders_open"),
    ("order.report", "open", {"report": ""}, "report_required"),
    ("accountability.create", None, {"ground": None}, "ground_required"),
    ("accountability.create", None, {"rectification_days": None}, "rectify_deadline"),
]
GUARD_BREAKERS += [  # the asset register
    ("asset.apply", None, {"code": "FS-ZC-0001"}, "asset_code_format"),
    ("asset.apply", None, {"code": "440600-D-B-ZC-0001"}, "asset_code_format"),  # another department's prefix
    ("asset.value", "registered", {"valued_on": "2099-01-01"}, "valued_in_future"),
    ("asset.value", "registered", {"report_sha256": None}, "valuation_report_required"),
    ("asset.refuse", "applied", {"reason": " "}, "reason_required"),
    ("asset.request_cancel", "registered", {"reason": ""}, "reason_required"),
]


def _resolve(network: Network, value: object) -> object:
    if isinstance(value, str) and value in network.resources:
        return str(network.resources[value])
    if isinstance(value, str) and value in network.depts:
        return str(network.depts[value])
    if isinstance(value, list):
        return [_resolve(network, v) for v in value]
    if isinstance(value, dict):
        return {k: _resolve(network, v) for k, v in value.items()}
    return value


@pytest.mark.parametrize(("action", "state", "change", "code"), GUARD_BREAKERS, ids=lambda v: str(v)[:30])
def test_guards_refuse_with_their_reason(network: Network, session: Session, action: str, state: str | None,
                                         change: dict[str, object], code: str) -> None:
    t = TRANSITIONS[action]
    entity_id = network.entity_in(session, t.entity, state, action, ready=False)
    payload = network.payload(action) | {k: _resolve(network, v) for k, v in change.items()}
    with pytest.raises(GuardFailed) as caught:
        network.run(session, network.actor_for(action), action, entity_id, payload)
    assert caught.value.code == code
    assert caught.value.zh and caught.value.en


def test_submitting_a_conditional_request_needs_a_legal_basis(network: Network, session: Session) -> None:
    rid = uuid.uuid4()
    clerk = network.people["A.commissioner"]
    network.run(session, clerk, "request.create", rid, network.payload("request.create") | {"legal_basis": ""})
    with pytest.raises(GuardFailed) as caught:
        network.run(session, clerk, "request.submit", rid, {})
    assert caught.value.code == "request_basis_required" and caught.value.field == "legal_basis"


def test_a_dispute_must_grow_from_a_record_between_its_parties(network: Network, session: Session) -> None:
    rid = network.request_in(session, "refused")
    payload = network.payload("dispute.file") | {"request_id": str(rid), "respondent_department_id": str(network.depts["C"])}
    with pytest.raises(GuardFailed) as caught:
        network.run(session, network.people["A.commissioner"], "dispute.file", uuid.uuid4(), payload)
    assert caught.value.code == "origin_mismatch"


def test_every_guard_of_the_tables_is_exercised() -> None:
    codes = {g.code for t in TRANSITIONS.values() for g in t.guards}
    assert codes <= {c for *_, c in GUARD_BREAKERS} | {
        "origin_mismatch", "request_basis_required",
        # exercised by the tests of tests/unit/test_rules.py
        "route_conditional", "route_unconditional", "route_not_shared", "owner_cannot_refuse", "no_grant",
        "origin_open_dispute", "issuer_not_named", "decision_required", "defence_late", "period_not_over",
    }


def test_an_issued_file_cannot_be_replaced(network: Network, session: Session) -> None:
    record = network.record_in(session, "open")
    network.run(session, network.arbitrator, "document.file_notice", record, {"sha256": "ab" * 32})
    network.run(session, network.arbitrator, "document.file_notice", record, {"sha256": "ab" * 32})  # same file: fine
    with pytest.raises(GuardFailed) as caught:
        network.run(session, network.arbitrator, "document.file_notice", record, {"sha256": "cd" * 32})
    assert caught.value.code == "already_filed"


def test_refused_action_leaves_the_database_unchanged(network: Network, session: Session) -> None:
    from sqlalchemy import func, select

    from cdo_desktop.store import models as m

    rid = network.request_in(session, "awaiting_reply")
    before = session.get(m.SharingRequest, rid)
    assert before is not None
    revision, audits = before.revision, session.execute(select(func.count()).select_from(m.AuditEntry)).scalar()
    with pytest.raises(GuardFailed):
        network.run(session, network.people["B.commissioner"], "request.refuse", rid, {"reason": ""})
    session.expire_all()
    after = session.get(m.SharingRequest, rid)
    assert after is not None and after.state == "awaiting_reply" and after.revision == revision
    assert session.execute(select(func.count()).select_from(m.AuditEntry)).scalar() == audits
