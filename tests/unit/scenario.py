"""A small network for tests: the bureau, departments A, B and C, and a driver that puts records in any state."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlmodel import Session

from cdo_desktop.domain.actor import Actor
from cdo_desktop.domain.enums import Role
from cdo_desktop.domain.mutations import Mutation
from cdo_desktop.services.apply import Applied, apply, resolve_actor
from cdo_desktop.services.bootstrap import admin_actor_id, ensure_initialised
from cdo_desktop.store.db import Database
from cdo_desktop.store.migrate import open_database

NOW = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)

REQUEST_PATHS: dict[str, list[str]] = {
    "draft": [],
    "submitted": ["submit"],
    "awaiting_reply": ["submit", "check"],
    "approved": ["submit", "check", "approve"],
    "partly_approved": ["submit", "check", "approve_partly"],
    "refused": ["submit", "check", "refuse"],
    "granted": ["submit", "check", "approve", "grant"],
    "expired": ["submit", "check", "approve", "grant", "expire"],
    "revoked": ["submit", "check", "approve", "grant", "revoke"],
    "suspended": ["submit", "check", "approve", "grant", "suspend"],
}
OBJECTION_PATHS: dict[str, list[str]] = {
    "raised": [],
    "accepted": ["accept"],
    "flagged": ["accept", "flag"],
    "verified": ["accept", "flag", "verify"],
    "corrected": ["accept", "flag", "correct"],
    "rejected": ["reject"],
    "closed": ["reject", "close"],
}
DISPUTE_PATHS: dict[str, list[str]] = {
    "filed": [],
    "negotiation": ["negotiate"],
    "accepted": ["accept"],
    "declined": ["decline"],
    "hearing": ["accept", "schedule_hearing"],
    "ruled": ["accept", "rule"],
    "complied": ["accept", "rule", "order.report", "order.confirm", "comply"],
    "escalated": ["accept", "rule", "escalate"],
    "archived": ["decline", "archive"],
    "withdrawn": ["withdraw"],
}
ORDER_PATHS: dict[str, list[str]] = {"open": [], "reported": ["report"], "complied": ["report", "confirm"]}
ACCOUNTABILITY_PATHS: dict[str, list[str]] = {
    "notified": [],
    "defended": ["defend"],
    "open": ["defend", "uphold"],
    "reported": ["defend", "uphold", "report"],
    "closed": ["defend", "uphold", "report", "accept"],
    "withdrawn": ["withdraw"],
}
MISUSE_PATHS: dict[str, list[str]] = {
    "reported": [],
    "investigating": ["investigate"],
    "confirmed": ["investigate", "confirm"],
    "unfounded": ["investigate", "dismiss"],
}
ASSET_PATHS: dict[str, list[str]] = {
    "applied": [], "refused": ["refuse"], "registered": ["approve"], "change_pending": ["approve", "request_change"],
    "cancel_pending": ["approve", "request_cancel"], "cancelled": ["approve", "request_cancel", "approve_cancel"],
}
ASSET_FIELDS = {"name": "甲部门人口资产", "scope": "全市户籍人口", "volume": "约 960 万条", "quality_grade": "a"}


@dataclass
class Network:
    db: Database
    admin: Actor
    arbitrator: Actor
    people: dict[str, Actor] = field(default_factory=dict)  # "A.commissioner", "B.cdo", "C.commissioner"
    depts: dict[str, uuid.UUID] = field(default_factory=dict)
    resources: dict[str, uuid.UUID] = field(default_factory=dict)  # "B.conditional", "B.unconditional", "B.not_shared", "A.unconditional"
    counter: int = 0
    offset: dt.timedelta = dt.timedelta(0)  # the scenario's clock only moves forward (orders fall overdue)
    ground_order: uuid.UUID | None = None
    granted_request: uuid.UUID | None = None
    filed_dispute: uuid.UUID | None = None

    def now(self) -> dt.datetime:
        return NOW + self.offset + dt.timedelta(minutes=self.counter)

    def advance(self, days: int) -> None:
        self.offset += dt.timedelta(days=days)

    def everyone(self) -> dict[str, Actor]:
        return {"admin": self.admin, "arbitrator": self.arbitrator, **self.people}

    def run(self, session: Session, actor: Actor, kind: str, entity_id: uuid.UUID, payload: dict[str, Any],
            *, base_revision: int = 0) -> Applied:
        self.counter += 1
        mutation = Mutation(kind=kind, actor_id=actor.id, entity_id=entity_id, payload=payload,
                            base_revision=base_revision)
        return apply(session, mutation, actor, now=self.now())

    # -- payloads that satisfy every guard ---------------------------------------------------------------------

    def payload(self, action: str, **context: Any) -> dict[str, Any]:
        A, B = str(self.depts["A"]), str(self.depts["B"])
        payloads: dict[str, dict[str, Any]] = {
            "department.create": {"code": f"T-{uuid.uuid4().hex[:8]}", "name": "测试部门"},
            "department.update": {"short_name": "测试"},
            "commissioner.appoint": {"name": "测试人员", "department_id": A, "appointed_on": "2026-01-01"},
            "commissioner.end": {"ended_on": "2026-02-01"},
            "policy.set": {"kind": "provider_reply", "days": 8, "clause": "《政务数据共享条例》（国务院令第809号）"},
            "calendar.publish": {"year": 2027, "days": [{"date": "2027-01-01", "workday": False, "name": "元旦"}]},
            "department.change_duties": {"changed_on": "2026-03-01", "note": "承接原市编办的部分数据职责"},
            "resource.record_update": {},
            "resource.create": {"code": f"R-{uuid.uuid4().hex[:8]}", "department_id": context.get("dept", A),
                                "name": "测试资源", "items": [{"name": "字段一"}], "share_type": "unconditional"},
            "resource.update": {"name": "测试资源（修订）", "items": [{"name": "字段一"}], "share_type": "unconditional"},
            "request.create": {"requester_department_id": A, "resource_id": str(self.resources["B.conditional"]),
                               "items": ["姓名", "户籍地址"], "purpose": "办理住房保障资格审核",
                               "legal_basis": "国发〔2016〕51号", "period_start": "2026-03-01",
                               "period_end": "2099-12-31"},  # runs past the scenario clock, which drifts a minute per action
            "request.submit": {}, "request.check": {}, "request.approve": {}, "request.grant": {},
            "request.expire": {}, "request.check_grant": {}, "request.check_refuse": {"reason": ""},
            "request.suspend": {"reason": "涉嫌超范围使用，调查期间暂停"}, "request.resume": {"reason": "调查结束"},
            "request.return": {"reason": "材料不全"},
            "request.approve_partly": {"granted_items": ["姓名"], "reason": "户籍地址超出必要范围"},
            "request.refuse": {"reason": "缺少授权", "legal_basis": "《中华人民共和国个人信息保护法》第十三条"},
            "request.revoke": {"reason": "超范围使用"},
            "objection.raise": {"raiser_department_id": A, "resource_id": str(self.resources["B.conditional"]),
                                "items": ["姓名"], "description": "姓名登记有误"},
            "objection.accept": {}, "objection.flag": {}, "objection.close": {},
            "objection.reject": {"reason": "不属于本部门"},
            "objection.verify": {"response": "核实无误"},
            "objection.correct": {"response": "已更正"},
            "dispute.file": {"claimant_department_id": A, "respondent_department_id": B, "kind": "refusal",
                             "statement": "对方无理拒绝",
                             "claims": [{"kind": "order_share", "text": "责令被申请人共享姓名、户籍地址",
                                         "items": ["姓名", "户籍地址"], "deadline_days": 10}]},
            "dispute.answer_claim": {"position": 1, "answer": "户籍地址涉及个人信息，申请人未说明必要性"},
            "dispute.withdraw": {"reason": "双方已协商解决"},
            "dispute.answer": {"statement": "我方依法拒绝"},
            "dispute.add_evidence": {"evidence_id": str(uuid.uuid4()), "filename": "证据.pdf",
                                     "sha256": "ab" * 32, "size": 10},
            "dispute.negotiate": {}, "dispute.accept": {}, "dispute.comply": {}, "dispute.archive": {},
            "dispute.decline": {"reason": "不属于受理范围"},
            "dispute.schedule_hearing": {"hearing_on": (self.now().date() + dt.timedelta(days=30)).isoformat(),
                                         "place": "政数局三楼会议室"},
            "dispute.rule": {"ruling_id": str(uuid.uuid4()), "arbitrator_ids": [str(self.arbitrator.id)],
                             "findings": ["申请部门依法提出申请"], "reasoning": "数源部门未说明依据",
                             "claim_decisions": [{"position": 1, "decision": "upheld", "reasoning": "申请用途明确"}],
                             "orders": [{"addressee_department_id": B, "action": "重新答复", "deadline_days": 10,
                                         "claim_position": 1}]},
            "dispute.escalate": {"reason": "不服裁决"},
            "order.report": {"report": "已重新答复"},
            "order.confirm": {},
            "order.reopen": {"reason": "答复不完整"},
            "accountability.create": {"department_id": B, "violation": "逾期未履行裁决事项", "measure": "rectify",
                                      "rectification_days": 15, "ground": "order_overdue",
                                      "ground_id": str(self.ground_order) if self.ground_order else None},
            "accountability.defend": {"defence": "已着手履行，因系统改造延误"},
            "accountability.uphold": {"reason": "申辩理由不成立"},
            "accountability.change": {"measure": "interview", "reason": "已部分履行，改为约谈"},
            "accountability.withdraw": {"reason": "裁决事项已履行"},
            "misuse.report": {"request_id": str(self.granted_request) if self.granted_request else None,
                              "kind": "passed_on", "description": "使用部门将共享数据提供给第三方公司"},
            "misuse.investigate": {}, "misuse.confirm": {"finding": "经查属实"},
            "misuse.dismiss": {"finding": "经查不属实"},
            "receipt.sign": {"subject": "dispute",
                             "subject_id": str(self.filed_dispute) if self.filed_dispute else None},
            "accountability.report": {"report": "已整改"},
            "accountability.accept": {},
            "accountability.reject": {"reason": "整改不到位"},
            "document.file_ruling": {"sha256": "cd" * 32},
            "document.file_notice": {"sha256": "ef" * 32},
        }
        payloads.update({  # the asset register and the platform register: A holds and operates
            "asset.apply": ASSET_FIELDS | {"code": "440600-D-A-ZC-0001",
                                           "resource_id": str(self.resources["A.unconditional"])},
            "asset.resubmit": ASSET_FIELDS | {"volume": "约 980 万条"},
            "asset.request_change": ASSET_FIELDS | {"volume": "约 1000 万条", "reason": "新增迁入人口"},
            "asset.approve": {}, "asset.approve_change": {}, "asset.approve_cancel": {},
            "asset.refuse": {"reason": "数据范围不清"}, "asset.refuse_change": {"reason": "变更依据不足"},
            "asset.request_cancel": {"reason": "系统停用"}, "asset.refuse_cancel": {"reason": "仍在使用"},
            "asset.value": {"valuation_id": str(uuid.uuid4()), "method": "cost", "value_yuan": "1250000.00",
                            "valued_on": "2026-02-01", "valuer": "佛山某资产评估有限公司",
                            "report_filename": "评估报告.pdf", "report_sha256": "12" * 32, "report_size": 2048},
            "platform.register": {"code": f"SYS-{uuid.uuid4().hex[:6]}", "name": f"甲部门系统{uuid.uuid4().hex[:4]}",
                                  "operator_department_id": A, "kind": "system"},
            "platform.update": {"name": "甲部门业务系统（二期）", "status": "in_use"},
        })
        payloads["request.update"] = payloads["request.create"] | {"purpose": "办理人才引进资格审核"}
        return dict(payloads[action])

    def actor_for(self, action: str) -> Actor:
        """The actor who normally takes ``action`` in the scenario (A requests/claims, B provides/responds)."""
        entity, verb = action.split(".")
        bureau = {"department", "commissioner", "policy", "calendar"}
        if entity == "document":
            return self.arbitrator
        if entity == "asset" and verb in ("approve", "refuse", "approve_change", "refuse_change", "approve_cancel",
                                          "refuse_cancel"):
            return self.arbitrator
        if entity == "receipt" or (entity == "misuse" and verb == "report") or (
            entity == "dispute" and verb == "answer_claim"
        ):
            return self.people["B.commissioner"]
        if entity == "misuse":
            return self.arbitrator
        if entity in bureau or (
            entity == "accountability" and verb in ("create", "accept", "reject", "uphold", "change", "withdraw")
        ):
            return self.admin
        if entity == "resource":
            return self.people["A.commissioner"]
        if (entity == "request" and verb in ("check", "check_grant", "check_refuse", "return", "expire", "suspend",
                                             "resume")) or (
            entity == "dispute" and verb in ("negotiate", "accept", "decline", "schedule_hearing", "rule", "comply", "archive")
        ) or (entity == "order" and verb in ("confirm", "reopen")):
            return self.arbitrator
        if (entity == "request" and verb in ("approve", "approve_partly", "refuse", "grant", "revoke")) or (
            entity == "objection" and verb not in ("raise", "close")
        ) or (entity in ("order", "accountability")):
            return self.people["B.commissioner"]
        return self.people["A.commissioner"]

    # -- reaching a state ----------------------------------------------------------------------------------------

    def request_in(self, session: Session, state: str, resource: str = "B.conditional",
                   period_end: dt.date | None = None) -> uuid.UUID:
        rid = uuid.uuid4()
        payload = self.payload("request.create") | {"resource_id": str(self.resources[resource])}
        if period_end is None and "expire" in REQUEST_PATHS[state]:
            period_end = self.now().date() - dt.timedelta(days=1)  # a grant expires once its period has run out
        if period_end is not None:
            payload |= {"period_start": min(self.now().date(), period_end).isoformat(),
                        "period_end": period_end.isoformat()}
        self.run(session, self.people["A.commissioner"], "request.create", rid, payload)
        for step in REQUEST_PATHS[state]:
            kind = f"request.{step}"
            self.run(session, self.actor_for(kind), kind, rid, self.payload(kind))
        return rid

    def objection_in(self, session: Session, state: str) -> uuid.UUID:
        oid = uuid.uuid4()
        self.run(session, self.people["A.commissioner"], "objection.raise", oid, self.payload("objection.raise"))
        for step in OBJECTION_PATHS[state]:
            kind = f"objection.{step}"
            self.run(session, self.actor_for(kind), kind, oid, self.payload(kind))
        return oid

    def dispute_in(self, session: Session, state: str) -> tuple[uuid.UUID, uuid.UUID | None]:
        did = uuid.uuid4()
        order_id = None
        self.run(session, self.people["A.commissioner"], "dispute.file", did, self.payload("dispute.file"))
        for step in DISPUTE_PATHS[state]:
            if step.startswith("order."):
                assert order_id is not None
                self.run(session, self.actor_for(step), step, order_id, self.payload(step))
                continue
            kind = f"dispute.{step}"
            payload = self.payload(kind)
            self.run(session, self.actor_for(kind), kind, did, payload)
            if step == "rule":
                from cdo_desktop.domain.actor import derived_id

                order_id = derived_id(uuid.UUID(payload["ruling_id"]), "order", 1)
        return did, order_id

    def order_in(self, session: Session, state: str) -> uuid.UUID:
        _, order_id = self.dispute_in(session, "ruled")
        assert order_id is not None
        for step in ORDER_PATHS[state]:
            kind = f"order.{step}"
            self.run(session, self.actor_for(kind), kind, order_id, self.payload(kind))
        return order_id

    def overdue_order(self, session: Session) -> uuid.UUID:
        """An order received by B and left open past its due date: a ground for accountability."""
        order_id = self.order_in(session, "open")
        self.run(session, self.people["B.commissioner"], "receipt.sign", uuid.uuid4(),
                 {"subject": "order", "subject_id": str(order_id)})
        self.advance(40)
        self.ground_order = order_id
        return order_id

    def record_in(self, session: Session, state: str) -> uuid.UUID:
        rid = uuid.uuid4()
        self.overdue_order(session)
        self.run(session, self.admin, "accountability.create", rid, self.payload("accountability.create"))
        for step in ACCOUNTABILITY_PATHS[state]:
            kind = f"accountability.{step}"
            self.run(session, self.actor_for(kind), kind, rid, self.payload(kind))
        return rid

    def misuse_in(self, session: Session, state: str) -> uuid.UUID:
        mid = uuid.uuid4()
        self.granted_request = self.request_in(session, "granted")
        self.run(session, self.people["B.commissioner"], "misuse.report", mid, self.payload("misuse.report"))
        for step in MISUSE_PATHS[state]:
            kind = f"misuse.{step}"
            self.run(session, self.actor_for(kind), kind, mid, self.payload(kind))
        return mid
    def asset_in(self, session: Session, state: str) -> uuid.UUID:
        aid = uuid.uuid4()
        self.run(session, self.people["A.cdo"], "asset.apply", aid, self.payload("asset.apply"))
        for step in ASSET_PATHS[state]:
            kind = f"asset.{step}"
            self.run(session, self.actor_for(kind), kind, aid, self.payload(kind))
        return aid

    def entity_in(self, session: Session, entity: str, state: str | None, action: str, *, ready: bool = True) -> uuid.UUID:
        """A record on which ``action`` can be tried (in ``state`` when the action has source states).

        ``ready``: also meet the action's preconditions outside the state (the orders of a ruling complied, the
        resource of the share type a check routes, the ground of an accountability record, a heard defence)."""
        if entity == "request" and state == "submitted" and ready and action in ("request.check_grant",
                                                                               "request.check_refuse"):
            share = "B.unconditional" if action == "request.check_grant" else "B.not_shared"
            return self.request_in(session, "submitted", share)
        if entity == "request" and state == "granted" and ready and action == "request.expire":
            return self.request_in(session, "granted", period_end=self.now().date() - dt.timedelta(days=1))
        if entity == "request":
            return self.request_in(session, state or "draft") if state else uuid.uuid4()
        if entity == "misuse":
            if state is None:
                self.granted_request = self.request_in(session, "granted")
                return uuid.uuid4()
            return self.misuse_in(session, state)
        if entity == "receipt":
            self.filed_dispute = self.dispute_in(session, "filed")[0]
            return uuid.uuid4()
        if entity == "accountability" and state is None:
            self.overdue_order(session)
            return uuid.uuid4()
        if entity == "accountability" and state == "notified" and ready and action in (
            "accountability.uphold", "accountability.change"
        ):
            rid = self.record_in(session, "notified")
            self.run(session, self.people["B.commissioner"], "receipt.sign", uuid.uuid4(),
                     {"subject": "notice", "subject_id": str(rid)})
            self.advance(20)  # the defence period ran out without a defence
            return rid
        if entity == "objection":
            return self.objection_in(session, state) if state else uuid.uuid4()
        if entity == "dispute" and action == "dispute.comply" and state == "ruled" and ready:
            did, order_id = self.dispute_in(session, "ruled")
            for step in ("order.report", "order.confirm"):
                assert order_id is not None
                self.run(session, self.actor_for(step), step, order_id, self.payload(step))
            return did
        if entity == "dispute":
            return self.dispute_in(session, state)[0] if state else uuid.uuid4()
        if entity == "order":
            return self.order_in(session, state or "open")
        if entity == "accountability":
            return self.record_in(session, state) if state else uuid.uuid4()
        if action == "document.file_ruling":
            from sqlmodel import select

            from cdo_desktop.store import models as m

            did, _ = self.dispute_in(session, "ruled")
            ruling = session.exec(select(m.Ruling).where(m.Ruling.dispute_id == did)).one()
            return ruling.id
        if action == "document.file_notice":
            return self.record_in(session, "open")
        if entity == "asset":
            return self.asset_in(session, state) if state else uuid.uuid4()
        if action == "platform.update":
            sid = uuid.uuid4()
            self.run(session, self.people["A.cdo"], "platform.register", sid, self.payload("platform.register"))
            return sid
        if action in ("department.update", "department.change_duties"):
            return self.depts["C"]
        if action == "commissioner.end":
            return self.people["C.cdo"].id
        if action in ("resource.update", "resource.record_update"):
            return self.resources["A.unconditional"]
        return uuid.uuid4()


def build_network(data_dir: Path) -> Network:
    db = open_database(data_dir)
    ensure_initialised(db)
    with db.write() as session:
        admin = resolve_actor(session, admin_actor_id())  # type: ignore[arg-type]
        net = Network(db=db, admin=admin, arbitrator=admin)
        arbitrator_id = uuid.uuid4()
        net.run(session, admin, "commissioner.appoint", arbitrator_id,
                {"name": "仲裁员甲", "department_id": str(admin.department_id), "role": "arbitrator",
                 "appointed_on": "2026-01-01"})
        net.arbitrator = Actor(arbitrator_id, admin.department_id, Role.ARBITRATOR, "仲裁员甲", is_bureau=True)
        for code in ("A", "B", "C"):
            dept_id = uuid.uuid4()
            net.run(session, admin, "department.create", dept_id, {"code": f"D-{code}", "name": f"测试部门{code}"})
            net.depts[code] = dept_id
            for role in ("commissioner", "cdo"):
                pid = uuid.uuid4()
                net.run(session, admin, "commissioner.appoint", pid,
                        {"name": f"{code}{role}", "department_id": str(dept_id), "role": role,
                         "appointed_on": "2026-01-01"})
                net.people[f"{code}.{role}"] = Actor(pid, dept_id, Role(role), f"{code}{role}")
        items = [{"name": n} for n in ("姓名", "户籍地址", "公民身份号码")]
        for key, share in (("B.conditional", "conditional"), ("B.unconditional", "unconditional"),
                           ("B.not_shared", "not_shared"), ("A.unconditional", "unconditional")):
            owner = key.split(".")[0]
            rid = uuid.uuid4()
            net.run(session, net.people[f"{owner}.cdo"], "resource.create", rid,
                    {"code": f"R-{key}", "department_id": str(net.depts[owner]), "name": f"资源{key}",
                     "items": items, "share_type": share,
                     "legal_basis": "" if share == "unconditional" else "国发〔2016〕51号"})
            net.resources[key] = rid
    return net
