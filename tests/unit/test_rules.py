"""The rules of issue #11, each allowed and refused with its reason: share types drive the flow, claims and answers,
one open dispute per origin, the issuer among the arbitrators, receipts, accountability on grounds with a hearing,
misuse findings."""

from __future__ import annotations

import uuid

import pytest
from sqlmodel import Session, select

from cdo_desktop.domain.actor import Actor
from cdo_desktop.domain.enums import Role
from cdo_desktop.domain.errors import Conflict, GuardFailed
from cdo_desktop.store import models as m
from tests.unit.scenario import Network


def _refused(network: Network, session: Session, actor: Actor, kind: str, entity: uuid.UUID,
             payload: dict[str, object]) -> GuardFailed:
    with pytest.raises(GuardFailed) as caught:
        network.run(session, actor, kind, entity, payload)
    assert caught.value.zh and caught.value.en
    return caught.value


# -- share types drive the flow ---------------------------------------------------------------------------------


def test_unconditional_data_is_granted_by_the_bureau_and_the_owner_is_notified(network: Network,
                                                                              session: Session) -> None:
    rid = network.request_in(session, "submitted", "B.unconditional")
    assert _refused(network, session, network.arbitrator, "request.check", rid, {}).code == "route_conditional"
    network.run(session, network.arbitrator, "request.check_grant", rid, {})
    req = session.get(m.SharingRequest, rid)
    assert req is not None and req.state == "granted"
    assert req.granted_items == req.items and req.owner_notified_on == req.granted_on == req.checked_on


def test_the_owner_cannot_refuse_unconditional_data(network: Network, session: Session) -> None:
    rid = network.request_in(session, "awaiting_reply")
    # the owner reclassifies the resource as unconditional while the request waits: it can no longer refuse it
    resource = session.get(m.DataResource, network.resources["B.conditional"])
    assert resource is not None
    network.run(session, network.people["B.cdo"], "resource.update", resource.id,
                {"name": resource.name, "items": resource.items, "share_type": "unconditional"})
    error = _refused(network, session, network.people["B.commissioner"], "request.refuse", rid,
                     network.payload("request.refuse"))
    assert error.code == "owner_cannot_refuse"
    error = _refused(network, session, network.people["B.commissioner"], "request.approve_partly", rid,
                     network.payload("request.approve_partly"))
    assert error.code == "owner_cannot_refuse"


def test_not_shared_data_is_refused_at_the_check_citing_the_catalogue(network: Network, session: Session) -> None:
    rid = network.request_in(session, "submitted", "B.not_shared")
    assert _refused(network, session, network.arbitrator, "request.check_grant", rid, {}).code == "route_unconditional"
    conditional = network.request_in(session, "submitted")
    assert _refused(network, session, network.arbitrator, "request.check_refuse", conditional,
                    {"reason": ""}).code == "route_not_shared"
    network.run(session, network.arbitrator, "request.check_refuse", rid, {"reason": ""})
    req = session.get(m.SharingRequest, rid)
    assert req is not None and req.state == "refused"
    assert req.refusal_basis == "国发〔2016〕51号" and "不予共享" in req.reason
    # the requester may dispute the classification
    did = uuid.uuid4()
    network.run(session, network.people["A.commissioner"], "dispute.file", did, network.payload("dispute.file") | {
        "kind": "classification", "request_id": str(rid),
        "claims": [{"kind": "confirm_classification", "text": "确认该资源应列为有条件共享"}]})
    assert session.get(m.Dispute, did) is not None


def test_an_owner_refusal_records_its_legal_basis(network: Network, session: Session) -> None:
    rid = network.request_in(session, "refused")
    req = session.get(m.SharingRequest, rid)
    assert req is not None and "个人信息保护法" in req.refusal_basis


# -- disputes: claims, answers, one open dispute per origin, withdrawal, the ruling decides each claim -----------


def test_one_open_dispute_per_origin(network: Network, session: Session) -> None:
    rid = network.request_in(session, "refused")
    claimant = network.people["A.commissioner"]
    payload = network.payload("dispute.file") | {"request_id": str(rid)}
    first = uuid.uuid4()
    network.run(session, claimant, "dispute.file", first, payload)
    assert _refused(network, session, claimant, "dispute.file", uuid.uuid4(), payload).code == "origin_open_dispute"
    network.run(session, claimant, "dispute.withdraw", first, {"reason": "协商解决"})
    network.run(session, claimant, "dispute.file", uuid.uuid4(), payload)  # the first one is closed: allowed again


def test_claims_are_answered_and_decided_one_by_one(network: Network, session: Session) -> None:
    did, _ = network.dispute_in(session, "accepted")
    respondent = network.people["B.commissioner"]
    network.run(session, respondent, "dispute.answer_claim", did, {"position": 1, "answer": "数据项超出必要范围"})
    claim = session.exec(select(m.DisputeClaim).where(m.DisputeClaim.dispute_id == did)).one()
    assert claim.answer == "数据项超出必要范围" and claim.answered_on is not None
    payload = network.payload("dispute.rule") | {
        "claim_decisions": [{"position": 1, "decision": "partly", "reasoning": "姓名应共享；户籍地址不属必要"}]}
    network.run(session, network.arbitrator, "dispute.rule", did, payload)
    ruling = session.exec(select(m.Ruling).where(m.Ruling.dispute_id == did)).one()
    assert ruling.decision == "partly" and ruling.issuer_id == network.arbitrator.id
    session.refresh(claim)
    assert claim.decision == "partly" and "必要" in claim.reasoning
    order = session.exec(select(m.RulingOrder).where(m.RulingOrder.ruling_id == ruling.id)).one()
    assert order.claim_position == 1


def test_a_classification_claim_upheld_needs_no_order(network: Network, session: Session) -> None:
    did = uuid.uuid4()
    network.run(session, network.people["A.commissioner"], "dispute.file", did, network.payload("dispute.file") | {
        "kind": "classification", "claims": [{"kind": "confirm_classification", "text": "确认属有条件共享"}]})
    network.run(session, network.arbitrator, "dispute.accept", did, {})
    network.run(session, network.arbitrator, "dispute.rule", did, network.payload("dispute.rule") | {
        "orders": [], "claim_decisions": [{"position": 1, "decision": "upheld", "reasoning": "目录依据不足"}]})


def test_the_issuer_must_be_among_the_named_arbitrators(network: Network, session: Session) -> None:
    other = uuid.uuid4()
    network.run(session, network.admin, "commissioner.appoint", other,
                {"name": "仲裁员乙", "department_id": str(network.admin.department_id), "role": "arbitrator",
                 "appointed_on": "2026-01-01"})
    did, _ = network.dispute_in(session, "accepted")
    error = _refused(network, session, network.arbitrator, "dispute.rule", did,
                     network.payload("dispute.rule") | {"arbitrator_ids": [str(other)]})
    assert error.code == "issuer_not_named"


def test_a_dispute_without_claims_needs_a_decision(network: Network, session: Session) -> None:
    did, _ = network.dispute_in(session, "accepted")
    for claim in session.exec(select(m.DisputeClaim).where(m.DisputeClaim.dispute_id == did)):
        session.delete(claim)  # a dispute carried over from before claims existed
    session.flush()
    payload = network.payload("dispute.rule") | {"claim_decisions": []}
    payload["orders"] = [dict(payload["orders"][0], claim_position=None)]
    assert _refused(network, session, network.arbitrator, "dispute.rule", did, payload).code == "decision_required"
    network.run(session, network.arbitrator, "dispute.rule", did, payload | {"decision": "upheld"})


# -- receipts ----------------------------------------------------------------------------------------------------


def test_deadlines_run_from_receipt(network: Network, session: Session) -> None:
    did, order_id = network.dispute_in(session, "filed")[0], None
    respondent = network.people["B.commissioner"]
    claimant = network.people["A.commissioner"]
    network.run(session, respondent, "receipt.sign", uuid.uuid4(), {"subject": "dispute", "subject_id": str(did)})
    dispute = session.get(m.Dispute, did)
    assert dispute is not None and dispute.answer_due is not None
    with pytest.raises(Conflict):
        network.run(session, respondent, "receipt.sign", uuid.uuid4(), {"subject": "dispute", "subject_id": str(did)})
    # the claimant is not the addressee of the filing
    from cdo_desktop.domain.errors import NotAllowed

    with pytest.raises(NotAllowed):
        network.run(session, claimant, "receipt.sign", uuid.uuid4(), {"subject": "dispute", "subject_id": str(did)})
    _, order_id = network.dispute_in(session, "ruled")
    assert order_id is not None
    order = session.get(m.RulingOrder, order_id)
    assert order is not None and order.received_on is None
    network.advance(7)
    ruling = session.get(m.Ruling, order.ruling_id)
    assert ruling is not None
    network.run(session, respondent, "receipt.sign", uuid.uuid4(), {"subject": "ruling", "subject_id": str(ruling.id)})
    session.refresh(order)
    assert order.received_on == network.now().date()
    from cdo_desktop.domain.workdays import add_workdays

    assert order.due_on == add_workdays(order.received_on, order.deadline_days).due


# -- accountability on grounds -------------------------------------------------------------------------------------


def _create(network: Network, session: Session, **change: object) -> GuardFailed:
    payload = network.payload("accountability.create") | change
    return _refused(network, session, network.admin, "accountability.create", uuid.uuid4(), payload)


def test_accountability_needs_an_overdue_order(network: Network, session: Session) -> None:
    order_id = network.order_in(session, "open")
    B = str(network.depts["B"])
    base = {"ground": "order_overdue", "ground_id": str(order_id), "department_id": B}
    assert _create(network, session, **base).code == "ground_not_received"
    network.run(session, network.people["B.commissioner"], "receipt.sign", uuid.uuid4(),
                {"subject": "order", "subject_id": str(order_id)})
    error = _create(network, session, **base)
    assert error.code == "ground_not_overdue" and "含当日" in error.zh
    assert _create(network, session, **(base | {"department_id": str(network.depts["A"])})).code == "ground_not_party"
    assert _create(network, session, ground="order_overdue", ground_id=str(uuid.uuid4())).code == "ground_missing"
    network.advance(40)
    rid = uuid.uuid4()
    network.run(session, network.admin, "accountability.create", rid, network.payload("accountability.create") | base)
    rec = session.get(m.AccountabilityRecord, rid)
    assert rec is not None and rec.state == "notified" and rec.ground_kind == "order_overdue" and rec.ruling_id


def test_replies_overdue_beyond_the_threshold(network: Network, session: Session) -> None:
    for _ in range(2):
        network.request_in(session, "awaiting_reply")
    network.advance(30)
    period = {"ground": "replies_overdue", "ground_id": None, "period_start": "2026-01-01",
              "period_end": "2026-12-31"}
    error = _create(network, session, **period)
    assert error.code == "ground_below_threshold" and "2件" in error.zh
    assert _create(network, session, **(period | {"period_start": None})).code == "ground_period"
    for _ in range(2):
        network.request_in(session, "awaiting_reply")
    network.advance(30)
    rid = uuid.uuid4()
    network.run(session, network.admin, "accountability.create", rid, network.payload("accountability.create") | period)
    rec = session.get(m.AccountabilityRecord, rid)
    assert rec is not None and "逾期答复4件" in rec.ground_note


def test_a_confirmed_misuse_finding_is_a_ground(network: Network, session: Session) -> None:
    mid = network.misuse_in(session, "investigating")
    ground = {"ground": "misuse_finding", "ground_id": str(mid), "department_id": str(network.depts["A"])}
    assert _create(network, session, **ground).code == "ground_not_confirmed"
    network.run(session, network.arbitrator, "misuse.confirm", mid, {"finding": "经查，使用部门将数据提供给第三方"})
    assert _create(network, session, **(ground | {"department_id": str(network.depts["B"])})).code == "ground_not_party"
    network.run(session, network.admin, "accountability.create", uuid.uuid4(),
                network.payload("accountability.create") | ground)
    # the grant can be suspended and revoked by the bureau
    report = session.get(m.MisuseReport, mid)
    assert report is not None
    network.run(session, network.arbitrator, "request.suspend", report.request_id, {"reason": "违规使用经查属实"})
    network.run(session, network.arbitrator, "request.revoke", report.request_id, {"reason": "违规使用经查属实"})
    assert session.get(m.SharingRequest, report.request_id).state == "revoked"  # type: ignore[union-attr]


def test_misuse_needs_a_grant(network: Network, session: Session) -> None:
    network.granted_request = network.request_in(session, "awaiting_reply")
    error = _refused(network, session, network.people["B.commissioner"], "misuse.report", uuid.uuid4(),
                     network.payload("misuse.report"))
    assert error.code == "no_grant"


def test_an_uncorrected_objection_is_a_ground(network: Network, session: Session) -> None:
    oid = network.objection_in(session, "accepted")
    ground = {"ground": "objection_uncorrected", "ground_id": str(oid)}
    assert _create(network, session, **ground).code == "ground_not_overdue"
    network.advance(30)
    network.run(session, network.admin, "accountability.create", uuid.uuid4(),
                network.payload("accountability.create") | ground)


def test_the_hearing_defence_in_time_then_a_decision(network: Network, session: Session) -> None:
    rid = network.record_in(session, "notified")
    addressee = network.people["B.commissioner"]
    network.run(session, addressee, "receipt.sign", uuid.uuid4(), {"subject": "notice", "subject_id": str(rid)})
    rec = session.get(m.AccountabilityRecord, rid)
    assert rec is not None and rec.defence_due is not None
    assert _refused(network, session, network.admin, "accountability.uphold", rid, {}).code == "defence_pending"
    network.advance(20)
    error = _refused(network, session, addressee, "accountability.defend", rid, {"defence": "迟到的申辩"})
    assert error.code == "defence_late"
    network.run(session, network.admin, "accountability.change", rid,
                {"measure": "interview", "reason": "情节较轻", "rectification_days": None})
    session.refresh(rec)
    assert rec.state == "open" and rec.measure == "interview" and rec.original_measure == "rectify"
    assert rec.decision == "changed"


def test_a_role_is_labelled_as_it_is() -> None:
    from cdo_desktop.domain.enums import Party

    assert Role.CDO.zh == "首席数据官" and Role.COMMISSIONER.zh == "数据专员"
    assert Party.OWNER.zh == "数源部门（归属权）"


def test_use_after_expiry_needs_a_grant_whose_period_has_ended(network: Network, session: Session) -> None:
    """Issue 11 point 7: "use after the grant ended" is reported only once the period of use ended before the report's
    date (or the grant was revoked); a grant marked expired while its period still runs is no ground (the demo's flaw:
    a report of 2026-09-22 against a period running 2026-09-27 → 2027-09-27)."""
    import datetime as dt

    owner = network.people["B.commissioner"]
    after_expiry = {"kind": "after_expiry", "description": "授权期满后仍在调用接口"}
    running = network.now().date() + dt.timedelta(days=60)
    network.granted_request = network.request_in(session, "granted", period_end=running)  # the period still runs
    error = _refused(network, session, owner, "misuse.report", uuid.uuid4(),
                     network.payload("misuse.report") | after_expiry)
    assert error.code == "grant_still_valid" and error.field == "kind"
    assert "尚未届满" in error.zh and "had not ended" in error.en
    # other kinds stay open during the period
    network.run(session, owner, "misuse.report", uuid.uuid4(), network.payload("misuse.report"))
    # revoked: the grant ended when the bureau revoked it
    network.granted_request = network.request_in(session, "revoked", period_end=running)
    network.run(session, owner, "misuse.report", uuid.uuid4(), network.payload("misuse.report") | after_expiry)
    # the last day of the period is still lawful use; the day after, the grant expires and the report is allowed
    network.granted_request = network.request_in(session, "granted", period_end=running)
    req = session.get(m.SharingRequest, network.granted_request)
    assert req is not None and req.period_end == running
    from cdo_desktop.services.context import CHINA

    local = network.now().astimezone(CHINA)  # the report's date is the bureau's (China) date
    if local.hour == 23 and local.minute > 40:  # never straddle midnight between the check and the report
        network.offset += dt.timedelta(minutes=30)
    network.advance((running - network.now().astimezone(CHINA).date()).days)
    assert network.now().astimezone(CHINA).date() == running
    error = _refused(network, session, owner, "misuse.report", uuid.uuid4(),
                     network.payload("misuse.report") | after_expiry)
    assert error.code == "grant_still_valid"
    network.advance(1)
    network.run(session, network.arbitrator, "request.expire", network.granted_request, {})
    mid = uuid.uuid4()
    network.run(session, owner, "misuse.report", mid, network.payload("misuse.report") | after_expiry)
    report = session.get(m.MisuseReport, mid)
    assert report is not None and report.kind == "after_expiry" and report.reported_on > req.period_end


def test_a_grant_expires_only_once_its_period_has_run_out(network: Network, session: Session) -> None:
    """The bureau marks a grant expired only after the last day of its period of use (that day is still lawful use);
    ending a grant early is a revocation or a suspension, with its reason."""
    import datetime as dt

    from cdo_desktop.services.context import CHINA

    local = network.now().astimezone(CHINA)
    if local.hour == 23 and local.minute > 40:  # never straddle midnight between the steps
        network.offset += dt.timedelta(minutes=30)
    today = network.now().astimezone(CHINA).date()
    rid = network.request_in(session, "granted", period_end=today)
    error = _refused(network, session, network.arbitrator, "request.expire", rid, {})
    assert error.code == "period_not_over"
    assert "尚未届满" in error.zh and "has not run out" in error.en
    req = session.get(m.SharingRequest, rid)
    assert req is not None and req.state == "granted"  # the refusal changed nothing
    network.advance(1)
    network.run(session, network.arbitrator, "request.expire", rid, {})
    assert req.state == "expired"


def test_a_suspension_comes_with_a_rectification_deadline(network: Network, session: Session) -> None:
    """第二十七条: a misuse suspends the sharing rights and the bureau urges rectification within a time limit; a
    suspension without a deadline would print "立即整改" with no limit."""
    mid = network.misuse_in(session, "investigating")
    network.run(session, network.arbitrator, "misuse.confirm", mid, {"finding": "经查，使用部门将数据提供给第三方"})
    ground = {"ground": "misuse_finding", "ground_id": str(mid), "department_id": str(network.depts["A"]),
              "measure": "suspend"}
    error = _refused(network, session, network.admin, "accountability.create", uuid.uuid4(),
                     network.payload("accountability.create") | ground | {"rectification_days": None})
    assert error.code == "rectify_deadline" and error.field == "rectification_days" and "第二十七条" in error.zh
    rid = uuid.uuid4()
    network.run(session, network.admin, "accountability.create", rid,
                network.payload("accountability.create") | ground | {"rectification_days": 10})
    rec = session.get(m.AccountabilityRecord, rid)
    assert rec is not None and rec.measure == "suspend" and rec.rectification_days == 10
