"""A deterministic generator of the Foshan demo network, written entirely through `services.apply`.

Same seed, same network: departments and commissioners, a catalogue, sharing requests in every state, quality
objections, disputes with rulings and orders, accountability records, and a sign-in account for every
commissioner. Because every row is made by `apply`, every row obeys the rules and is in the audit chain.
"""

from __future__ import annotations

import datetime as dt
import random
import sys
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from argon2 import PasswordHasher
from sqlmodel import Session

from cdo_desktop.demo import catalogue as data
from cdo_desktop.domain.actor import Actor, derived_id
from cdo_desktop.domain.enums import Role
from cdo_desktop.domain.mutations import Mutation
from cdo_desktop.services.accounts import create_account
from cdo_desktop.services.apply import apply, resolve_actor
from cdo_desktop.services.bootstrap import admin_actor_id, ensure_initialised
from cdo_desktop.store import models as m
from cdo_desktop.store import search
from cdo_desktop.store.db import Database

CHINA = dt.timezone(dt.timedelta(hours=8))
START = dt.date(2026, 1, 5)
END = dt.date(2026, 11, 20)
BATCH = 500

# final states of requests and their weights; the path to each is walked action by action
REQUEST_PATHS: list[tuple[float, list[str]]] = [
    (0.04, []),
    (0.04, ["submit"]),
    (0.14, ["submit", "check"]),
    (0.08, ["submit", "check", "approve"]),
    (0.04, ["submit", "check", "approve_partly"]),
    (0.10, ["submit", "check", "refuse"]),
    (0.38, ["submit", "check", "approve", "grant"]),
    (0.10, ["submit", "check", "approve", "grant", "expire"]),
    (0.04, ["submit", "check", "approve_partly", "grant", "revoke"]),
    (0.04, ["submit", "return"]),
]


@dataclass
class DemoResult:
    departments: int = 0
    commissioners: int = 0
    resources: int = 0
    requests: int = 0
    objections: int = 0
    disputes: int = 0
    rulings: int = 0
    records: int = 0
    mutations: int = 0
    seconds: float = 0.0
    accounts: list[dict[str, str]] = field(default_factory=list)

    def summary(self) -> dict[str, Any]:
        return {k: v for k, v in self.__dict__.items() if k != "accounts"} | {"accounts": len(self.accounts)}

    def describe(self) -> str:
        return (
            f"演示网络已生成 / demo network ready: {self.departments} 个部门, {self.commissioners} 名数据专员, "
            f"{self.resources} 项资源, {self.requests} 件共享申请, {self.objections} 件异议, {self.disputes} 件争议, "
            f"{self.rulings} 份裁决, {self.records} 条问责记录 ({self.mutations} mutations, {self.seconds:.1f} s)"
        )


Step = Callable[[str, int, int], None]


class _Generator:
    def __init__(self, db: Database, *, scale: int, seed: int, password: str, progress: bool,
                 with_accounts: bool = True, step: Step | None = None) -> None:
        self.with_accounts = with_accounts
        self.step = step or (lambda stage, done, total: None)
        self.db = db
        self.scale = scale
        self.rng = random.Random(seed)
        self.seed = seed
        self.password = password
        self.progress = progress
        self.result = DemoResult()
        self.session: Session | None = None
        self.pending = 0
        self.pinned: list[object] = []
        self.recent: list[object] = []
        self.actors: dict[uuid.UUID, Actor] = {}
        self.depts: list[dict[str, Any]] = []  # {"id", "code", "name", "commissioner", "cdo", "resources": [...]}
        self.bureau_id: uuid.UUID | None = None
        self.arbitrators: list[Actor] = []
        self.admin: Actor | None = None

    # -- plumbing -------------------------------------------------------------------------------------------

    def id(self, *parts: object) -> uuid.UUID:
        return derived_id("demo", self.seed, *parts)

    def at(self, day: dt.date, minute: int = 0) -> dt.datetime:
        return dt.datetime.combine(day, dt.time(9, 0), CHINA) + dt.timedelta(minutes=minute)

    def act(self, actor: Actor, kind: str, entity_id: uuid.UUID, payload: dict[str, Any], day: dt.date) -> None:
        assert self.session is not None
        mutation = Mutation(
            id=self.id("m", self.result.mutations),
            kind=kind,
            actor_id=actor.id,
            entity_id=entity_id,
            payload=payload,
            client_time=self.at(day),
        )
        applied = apply(self.session, mutation, actor, now=self.at(day, self.result.mutations % 480))
        # the session's identity map holds rows weakly: keep the batch's rows (and the directory and catalogue,
        # which every action reads) strongly referenced so that handlers find them without a query
        for row in applied.touched:
            (self.pinned if isinstance(row, (m.Department, m.Commissioner, m.DataResource)) else self.recent).append(row)
        self.result.mutations += 1
        self.pending += 1
        if self.pending >= BATCH:
            self.commit()

    def commit(self) -> None:
        assert self.session is not None
        self.session.commit()
        self.recent.clear()
        self.pending = 0

    def day_between(self, start: dt.date, end: dt.date) -> dt.date:
        span = max((end - start).days, 0)
        return start + dt.timedelta(days=self.rng.randint(0, span))

    def person_name(self) -> str:
        return self.rng.choice(data.SURNAMES) + "".join(self.rng.choice(data.GIVEN) for _ in range(self.rng.choice((1, 2))))

    # -- directory --------------------------------------------------------------------------------------------

    def directory(self) -> None:
        assert self.session is not None
        admin = resolve_actor(self.session, admin_actor_id())  # type: ignore[arg-type]
        self.admin = admin
        self.bureau_id = admin.department_id
        day = START - dt.timedelta(days=30)
        for i in range(3):
            arbitrator_id = self.id("arbitrator", i)
            self.act(
                admin, "commissioner.appoint", arbitrator_id,
                {"name": self.person_name(), "department_id": str(self.bureau_id), "role": "arbitrator",
                 "phone": f"0757-8303{1000 + i}", "appointed_on": day.isoformat()},
                day,
            )
            self.arbitrators.append(Actor(arbitrator_id, self.bureau_id, Role.ARBITRATOR, is_bureau=True))
        offices: list[tuple[str, str, str, str, list[tuple[str, str, list[str]]]]] = [
            (code, name, short, "city", res) for code, name, short, res in data.MUNICIPAL
        ]
        for dcode, dname in data.DISTRICTS:
            for ocode, oname, oshort, res in data.DISTRICT_OFFICES:
                renamed = [(f"{dname}{r}", s, items) for r, s, items in res]
                offices.append((f"{dcode}-{ocode}", f"佛山市{dname}{oname}", f"{dname}{oshort}", "district", renamed))
        for n, (code, name, short, level, resources) in enumerate(offices):
            dept_id = self.id("dept", code)
            self.act(admin, "department.create", dept_id,
                     {"code": code, "name": name, "short_name": short, "level": level}, day)
            entry: dict[str, Any] = {"id": dept_id, "code": code, "name": name, "resources": []}
            for role in ("commissioner", "cdo"):
                person_id = self.id("person", code, role)
                self.act(
                    admin, "commissioner.appoint", person_id,
                    {"name": self.person_name(), "department_id": str(dept_id), "role": role,
                     "phone": f"0757-83{n:02d}{1 if role == 'cdo' else 2}{n % 10}00",
                     "email": f"{code.lower()}.{role}@foshan.gov.cn", "appointed_on": day.isoformat()},
                    day,
                )
                entry[role] = Actor(person_id, dept_id, Role(role))
            self.depts.append(entry)
            for r, (rname, share, items) in enumerate(resources):
                self.resource(entry, r, rname, share, items, day)
        self.result.departments = len(self.depts) + 1
        self.result.commissioners = 2 * len(self.depts) + 3 + 1

    def resource(self, dept: dict[str, Any], r: int, name: str, share: str, items: list[str], day: dt.date) -> None:
        resource_id = self.id("resource", dept["code"], r)
        payload: dict[str, Any] = {
            "code": f"{dept['code']}-{r + 1:03d}",
            "department_id": str(dept["id"]),
            "name": name,
            "summary": f"{dept['name']}负责采集和维护的{name}，用于支撑跨部门业务协同。",
            "format": "结构化数据",
            "items": [{"name": item, "type": "date" if "日期" in item or "时间" in item else "string"} for item in items],
            "share_type": share,
            "share_method": self.rng.choice(["api", "table", "file"]),
            "update_cycle": self.rng.choice(["realtime", "daily", "monthly"]),
            "source_system": f"{dept['name'].removeprefix('佛山市')}业务系统",
            "published_on": day.isoformat(),
        }
        if share != "unconditional":
            payload["legal_basis"] = self.rng.choice(data.LEGAL_BASES)
            payload["share_conditions"] = "仅限依法履职需要，按最小必要原则共享" if share == "conditional" else ""
        self.act(dept["cdo"], "resource.create", resource_id, payload, day)
        dept["resources"].append({"id": resource_id, "items": items, "share": share, "name": name})
        self.result.resources += 1

    # -- workflows ------------------------------------------------------------------------------------------

    def bureau(self) -> Actor:
        return self.rng.choice(self.arbitrators)

    def request(self, i: int) -> dict[str, Any]:
        requester, provider = self.rng.sample(self.depts, 2)
        shareable = [r for r in provider["resources"] if r["share"] != "not_shared"]
        while not shareable:
            requester, provider = self.rng.sample(self.depts, 2)
            shareable = [r for r in provider["resources"] if r["share"] != "not_shared"]
        resource = self.rng.choice(shareable)
        items = self.rng.sample(resource["items"], self.rng.randint(1, len(resource["items"])))
        day = self.day_between(START, END - dt.timedelta(days=40))
        request_id = self.id("request", i)
        purpose = self.rng.choice(data.PURPOSES).format(x=self.rng.choice(data.BUSINESSES))
        payload = {
            "requester_department_id": str(requester["id"]),
            "resource_id": str(resource["id"]),
            "items": items,
            "purpose": purpose,
            "legal_basis": self.rng.choice(data.LEGAL_BASES) if resource["share"] == "conditional" else "",
            "usage_method": self.rng.choice(["api", "table", "file"]),
            "period_start": day.isoformat(),
            "period_end": (day + dt.timedelta(days=365)).isoformat(),
        }
        clerk = requester["commissioner"]
        answerer = provider["commissioner"]
        self.act(clerk, "request.create", request_id, payload, day)
        path = self.rng.choices([p for _, p in REQUEST_PATHS], weights=[w for w, _ in REQUEST_PATHS])[0]
        for action in path:
            day += dt.timedelta(days=self.rng.randint(1, 6))
            if action in ("submit",):
                self.act(clerk, "request.submit", request_id, {}, day)
            elif action in ("check", "expire"):
                self.act(self.bureau(), f"request.{action}", request_id, {}, day)
            elif action == "return":
                self.act(self.bureau(), "request.return", request_id, {"reason": "申请材料不完整，请补充用途说明"}, day)
            elif action == "approve":
                self.act(answerer, "request.approve", request_id, {}, day)
            elif action == "approve_partly":
                if len(items) < 2:
                    self.act(answerer, "request.approve", request_id, {}, day)
                else:
                    self.act(answerer, "request.approve_partly", request_id,
                             {"granted_items": items[:-1], "reason": f"“{items[-1]}”超出最小必要范围"}, day)
            elif action == "refuse":
                self.act(answerer, "request.refuse", request_id, {"reason": self.rng.choice(data.REFUSAL_REASONS)}, day)
            elif action in ("grant", "revoke"):
                payload2 = {"reason": "使用部门超出申请用途使用数据"} if action == "revoke" else {}
                self.act(answerer, f"request.{action}", request_id, payload2, day)
        self.result.requests += 1
        return {"id": request_id, "requester": requester, "provider": provider, "path": path, "day": day}

    def objection(self, i: int) -> None:
        raiser, owner = self.rng.sample(self.depts, 2)
        resource = self.rng.choice(owner["resources"])
        day = self.day_between(START, END - dt.timedelta(days=20))
        objection_id = self.id("objection", i)
        self.act(raiser["commissioner"], "objection.raise", objection_id, {
            "raiser_department_id": str(raiser["id"]),
            "resource_id": str(resource["id"]),
            "items": resource["items"][:1],
            "description": f"{resource['name']}中“{resource['items'][0]}”与实际情况不符，疑似未及时更新",
        }, day)
        steps = self.rng.choice([[], ["accept"], ["accept", "flag"], ["accept", "flag", "correct", "close"],
                                 ["accept", "flag", "verify", "close"], ["reject"]])
        for step in steps:
            day += dt.timedelta(days=self.rng.randint(1, 4))
            actor = raiser["commissioner"] if step == "close" else owner["commissioner"]
            payload: dict[str, Any] = {}
            if step == "reject":
                payload = {"reason": "经核查该数据项不属于本部门维护范围"}
            elif step in ("verify", "correct"):
                payload = {"response": "已与源系统比对核实" if step == "verify" else "已更正并同步至共享平台"}
            self.act(actor, f"objection.{step}", objection_id, payload, day)
        self.result.objections += 1

    def dispute(self, i: int, request: dict[str, Any]) -> None:
        claimant, respondent = request["requester"], request["provider"]
        dispute_id = self.id("dispute", i)
        day = request["day"] + dt.timedelta(days=2)
        self.act(claimant["commissioner"], "dispute.file", dispute_id, {
            "claimant_department_id": str(claimant["id"]),
            "respondent_department_id": str(respondent["id"]),
            "kind": "refusal",
            "request_id": str(request["id"]),
            "statement": f"我单位依法申请共享数据，{respondent['name']}以不充分的理由拒绝，影响业务办理，请求裁决。",
        }, day)
        self.result.disputes += 1
        ladder = self.rng.choice(["filed", "answered", "declined", "accepted", "ruled", "ruled", "complied"])
        if ladder == "filed":
            return
        day += dt.timedelta(days=2)
        self.act(respondent["commissioner"], "dispute.answer", dispute_id,
                 {"statement": "该申请所涉数据包含个人敏感信息，申请部门未说明必要性，故未同意共享。"}, day)
        if ladder == "answered":
            return
        arbitrator = self.bureau()
        day += dt.timedelta(days=2)
        if ladder == "declined":
            self.act(arbitrator, "dispute.decline", dispute_id, {"reason": "双方已协商一致，无需仲裁"}, day)
            return
        self.act(arbitrator, "dispute.accept", dispute_id, {}, day)
        if ladder == "accepted":
            return
        day += dt.timedelta(days=5)
        ruling_id = self.id("ruling", i)
        self.act(arbitrator, "dispute.rule", dispute_id, {
            "ruling_id": str(ruling_id),
            "arbitrator_ids": [str(arbitrator.id)],
            "findings": [
                f"{claimant['name']}于{request['day'].isoformat()}提出共享申请，用途明确。",
                f"{respondent['name']}未能提供不予共享的法律依据。",
            ],
            "reasoning": "依据《政务信息资源共享管理暂行办法》，数源部门应当在规定时限内答复，拒绝共享须说明理由和依据。",
            "rules_relied_on": ["国发〔2016〕51号第九条", "国务院令第809号第十四条"],
            "decision": "upheld",
            "orders": [{"addressee_department_id": str(respondent["id"]),
                        "action": "重新办理该共享申请，并书面答复申请部门", "deadline_days": 10}],
            "cc": ["佛山市人民政府办公室"],
        }, day)
        self.result.rulings += 1
        order_id = derived_id(ruling_id, "order", 1)
        record_id = self.id("record", i)
        self.act(self.admin or arbitrator, "accountability.create", record_id, {
            "department_id": str(respondent["id"]),
            "commissioner_id": str(respondent["commissioner"].id),
            "ruling_id": str(ruling_id),
            "violation": "无正当理由拒绝依法提出的共享申请",
            "measure": self.rng.choice(["criticism", "rectify", "interview"]),
            "rectification_days": 15,
            "report_requirement": "书面报告整改措施和结果",
        }, day)
        self.result.records += 1
        if ladder == "complied":
            day += dt.timedelta(days=3)
            self.act(respondent["commissioner"], "order.report", order_id, {"report": "已重新办理并同意共享"}, day)
            self.act(arbitrator, "order.confirm", order_id, {}, day)
            self.act(arbitrator, "dispute.comply", dispute_id, {}, day)
            self.act(respondent["commissioner"], "accountability.report", record_id, {"report": "已完成整改"}, day)
            self.act(arbitrator, "accountability.accept", record_id, {}, day)

    def accounts(self) -> None:
        assert self.session is not None
        hasher = PasswordHasher()
        rows: list[tuple[str, Actor, str]] = []
        if self.admin:
            rows.append(("admin", self.admin, "佛山市政务服务数据管理局"))
        rows += [(f"arbitrator{i + 1}", a, "佛山市政务服务数据管理局") for i, a in enumerate(self.arbitrators)]
        for d in self.depts:
            slug = d["code"].lower().replace("-", "")
            rows.append((slug, d["commissioner"], d["name"]))
            rows.append((f"{slug}.cdo", d["cdo"], d["name"]))
        for done, (username, actor, dept) in enumerate(rows):
            self.step("accounts", done, len(rows))
            create_account(self.session, username=username, password=self.password,
                           commissioner_id=actor.id, hasher=hasher)
            self.result.accounts.append(
                {"username": username, "password": self.password, "role": actor.role.value, "department": dept}
            )

    # -- the whole network ------------------------------------------------------------------------------------

    def run(self) -> DemoResult:
        began = time.perf_counter()
        ensure_initialised(self.db)
        with Session(self.db.writer, expire_on_commit=False) as session:
            self.session = session
            search.suspend(session)
            self.step("directory", 0, 1)
            self.directory()
            self.commit()
            refused = []
            for i in range(self.scale):
                if i % max(self.scale // 50, 1) == 0:
                    self.step("requests", i, self.scale)
                req = self.request(i)
                if req["path"][-1:] == ["refuse"]:
                    refused.append(req)
                if self.progress and i % 1000 == 999:
                    print(f"\r  {i + 1}/{self.scale} 件申请", end="", file=sys.stderr, flush=True)
            for i in range(max(self.scale // 20, 5)):
                self.objection(i)
            for i, req in enumerate(refused[: max(self.scale // 100, 8)]):
                self.dispute(i, req)
            if self.with_accounts:
                self.accounts()
            self.commit()
            self.step("index", 0, 1)
            search.rebuild(session)
            session.commit()
        if self.progress and self.scale >= 1000:
            print(file=sys.stderr)
        self.result.seconds = time.perf_counter() - began
        return self.result


def generate(db: Database, *, scale: int = 200, seed: int = 2026, password: str = "demo-pass-2026",
             progress: bool = False, with_accounts: bool = True, step: Step | None = None) -> DemoResult:
    """Fill ``db`` (which must be empty of demo data) with the deterministic Foshan network.

    ``step(stage, done, total)`` is told where the work stands (stages: directory, requests, accounts, index).

    ``with_accounts=False`` skips the sign-in accounts (each costs an Argon2id hash; tests that never sign in skip it).
    """
    if scale < 1:
        raise ValueError("scale must be at least 1")
    return _Generator(db, scale=scale, seed=seed, password=password, progress=progress,
                      with_accounts=with_accounts, step=step).run()
