"""A deterministic generator of the Foshan demo network, written entirely through `services.apply`.

Same seed, same network: departments and commissioners, a catalogue that is mostly open, sharing requests in
every state along the flow of their share type (unconditional data granted by the bureau, conditional data answered
by its owner, not-shared data refused at the check), quality objections, misuse reports and findings, disputes with
numbered claims, answers and receipts, rulings deciding each claim, accountability only where a ground exists (orders
left overdue after their due dates, confirmed misuse), data updates recorded (some overdue), changes of duties, and a
sign-in account for every commissioner. Because every row is made by `apply`, every row obeys the rules and is in
the audit chain.
"""

from __future__ import annotations

import collections
import contextlib
import datetime as dt
import functools
import random
import sys
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from argon2 import PasswordHasher
from sqlmodel import Session

from cdo_desktop.demo import assets as demo_assets
from cdo_desktop.demo import catalogue as data
from cdo_desktop.demo.cast import demo_pair, pair_counts
from cdo_desktop.domain.actor import Actor, derived_id
from cdo_desktop.domain.articles import article, says
from cdo_desktop.domain.enums import Role
from cdo_desktop.domain.mutations import Mutation
from cdo_desktop.domain.workdays import HolidayCalendar
from cdo_desktop.services.accounts import create_account
from cdo_desktop.services.apply import apply, batched, resolve_actor
from cdo_desktop.services.bootstrap import admin_actor_id, ensure_initialised
from cdo_desktop.services.context import load_calendar
from cdo_desktop.store import models as m
from cdo_desktop.store import search
from cdo_desktop.store.db import Database, bulk_writing


@functools.cache
def _morning(day: dt.date) -> dt.datetime:
    """09:00 Beijing time on ``day``, in UTC (worked out once per day: every change of the day starts from it)."""
    return dt.datetime.combine(day, dt.time(9, 0), CHINA).astimezone(dt.UTC)


def _cn_date(day: dt.date) -> str:
    """Dates in findings the way documents print them: 2026年5月23日."""
    return f"{day.year}年{day.month}月{day.day}日"

CHINA = dt.timezone(dt.timedelta(hours=8))
START = dt.date(2026, 1, 5)
END = dt.date(2026, 11, 20)
# mutations per transaction: each COMMIT writes every page the batch dirtied to the write-ahead log, and a batch's
# rows land all over a dozen tables' indexes (random UUID keys), so most of those pages are written again by the
# next batch; at 500 the commits were a fifth of `cdo demo-data --scale 100000` (docs/benchmarks.md)
BATCH = 2000
# batches whose rows stay referenced after their commit: a request's next step comes days later, after thousands of
# other mutations at the large scales; the rows of the last 10 batches (20,000 mutations) cover most of them
KEEP_BATCHES = 10

# final states of requests and their weights, by share type; the path to each is walked action by action
REQUEST_PATHS: list[tuple[float, list[str]]] = [  # 有条件共享: the owner answers
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
UNCONDITIONAL_PATHS: list[tuple[float, list[str]]] = [  # 无条件共享: the bureau grants, the owner cannot refuse
    (0.04, []),
    (0.06, ["submit"]),
    (0.70, ["submit", "check_grant"]),
    (0.14, ["submit", "check_grant", "expire"]),
    (0.06, ["submit", "return"]),
]
NOT_SHARED_PATHS: list[tuple[float, list[str]]] = [  # 不予共享: refused at the check citing the catalogue
    (0.2, ["submit"]),
    (0.8, ["submit", "check_refuse"]),
]
# the rules each ruling relies on, by dispute kind: only articles whose text was read (reports/citations.py), each
# for what it says. A refusal of conditional data: the answer and its reasons (第二十一条) and the bureau's
# handling of disputes (第二十八条); a classification dispute: the bureau's handling of disputes only (the
# classification itself rests on the catalogue's legal basis, cited in the findings).
REFUSAL_RULES = [f"{article(n)}（{says(n)}）" for n in ("第二十一条", "第二十八条")]
CLASSIFICATION_RULES = [f"{article(n)}（{says(n)}）" for n in ("第二十八条",)]
LADDERS = ["overdue", "complied", "ruled", "withdrawn", "accepted", "answered", "declined", "filed"]
MISUSE_OUTCOMES = ["confirmed", "unfounded", "confirmed", "reported", "investigating"]


class _PasswordHashedOnce(PasswordHasher):
    """Argon2id as for any account, run once for the demo's one password instead of once per account.

    Every demo account signs in with the same password, which the demo prints beside the user names (``--accounts``,
    the app's demo panel), so 80 hashes with 80 salts hide nothing that one does not: they only cost 64 MiB and
    ≈ 0.18 s each, most of a small demo's time. The stored hash is a normal Argon2id hash (same parameters, verified
    the same way); accounts created outside the demo (`cdo admin user add`) are hashed one by one with their own
    salt (`services.accounts.hash_password`)."""

    def __init__(self) -> None:
        super().__init__()
        self._hashed: dict[str | bytes, str] = {}

    def hash(self, password: str | bytes, *, salt: bytes | None = None) -> str:
        if salt is not None:
            return super().hash(password, salt=salt)
        if password not in self._hashed:
            self._hashed[password] = super().hash(password)
        return self._hashed[password]


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
    misuse: int = 0
    systems: int = 0
    assets: int = 0
    mutations: int = 0
    seconds: float = 0.0
    accounts: list[dict[str, str]] = field(default_factory=list)

    def summary(self) -> dict[str, Any]:
        return {k: v for k, v in self.__dict__.items() if k != "accounts"} | {"accounts": len(self.accounts)}

    def describe(self) -> str:
        return (
            f"演示网络已生成 / demo network ready: {self.departments} 个部门, {self.commissioners} 名数据专员, "
            f"{self.resources} 项资源, {self.requests} 件共享申请, {self.objections} 件异议, {self.disputes} 件争议, "
            f"{self.rulings} 份裁决, {self.misuse} 件违规使用报告, {self.records} 条问责记录 "
            f"({self.mutations} mutations, {self.seconds:.1f} s)"
        )


Step = Callable[[str, int, int], None]


class _Generator:
    def __init__(self, db: Database, *, scale: int, seed: int, password: str, progress: bool,
                 with_accounts: bool = True, step: Step | None = None, one_by_one: bool = False) -> None:
        self.with_accounts = with_accounts
        self.one_by_one = one_by_one
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
        self.kept: collections.deque[list[object]] = collections.deque(maxlen=KEEP_BATCHES)
        self.actors: dict[uuid.UUID, Actor] = {}
        self.depts: list[dict[str, Any]] = []  # {"id", "code", "name", "commissioner", "cdo", "resources": [...]}
        self.bureau_id: uuid.UUID | None = None
        self.arbitrators: list[Actor] = []
        self.admin: Actor | None = None
        self.calendar: HolidayCalendar | None = None
        # planned acts (day, order, actor, kind, entity, payload): applied in date order so that numbers follow dates
        self.plan: list[tuple[dt.date, int, Actor, str, uuid.UUID, dict[str, Any]]] | None = None
        # chains that read the database as they go (misuse, accountability), run in date order by their first day
        self.later: list[tuple[dt.date, int, Callable[[], None]]] = []

    # -- plumbing -------------------------------------------------------------------------------------------

    def id(self, *parts: object) -> uuid.UUID:
        return derived_id("demo", self.seed, *parts)

    def at(self, day: dt.date, minute: int = 0) -> dt.datetime:
        """An instant of office hours (from 09:00 Beijing time) on ``day``, in UTC as every other clock of the product
        gives it: the rows keep their timestamps as UTC wall time (a Beijing wall time read back as UTC put the
        course of a ruling's proceedings one day after the record's dates)."""
        return _morning(day) + dt.timedelta(minutes=minute)  # (a fixed offset: before or after the conversion alike)

    def workday(self, day: dt.date) -> dt.date:
        """``day`` or the next working day of the official calendar (domain/workdays.py): offices act on working days."""
        assert self.calendar is not None
        while not self.calendar.is_workday(day):
            day += dt.timedelta(days=1)
        return day

    def act(self, actor: Actor, kind: str, entity_id: uuid.UUID, payload: dict[str, Any], day: dt.date) -> dt.date:
        """Apply one action on ``day`` moved to a working day (or plan it, while planning); the day it falls on."""
        assert self.session is not None
        day = self.workday(day)
        if self.plan is not None:
            self.plan.append((day, len(self.plan), actor, kind, entity_id, payload))
            return day
        mutation = Mutation(
            id=self.id("m", self.result.mutations),
            kind=kind,
            actor_id=actor.id,
            entity_id=entity_id,
            payload=payload,
            client_time=self.at(day),
        )
        applied = apply(self.session, mutation, actor, now=self.at(day, self.result.mutations % 480))
        # the session's identity map holds rows weakly: keep the rows of the last batches (and the directory and
        # catalogue, which every action reads) strongly referenced so that handlers find them without a query
        for row in applied.touched:
            (self.pinned if isinstance(row, (m.Department, m.Commissioner, m.DataResource)) else self.recent).append(row)
        self.result.mutations += 1
        self.pending += 1
        if self.pending >= BATCH:
            self.commit()
        return day

    def planning(self) -> None:
        self.plan = []

    def apply_plan(self) -> None:
        """Apply the planned acts in date order (each chain's own acts keep their order): a record's number then
        follows its date, as a registry numbers what it receives day by day."""
        plan, self.plan = self.plan or [], None
        for day, _, actor, kind, entity_id, payload in sorted(plan, key=lambda p: (p[0], p[1])):
            self.act(actor, kind, entity_id, payload, day)

    def defer(self, day: dt.date, chain: Callable[[], None]) -> None:
        self.later.append((self.workday(day), len(self.later), chain))

    def run_later(self) -> None:
        """Run the deferred chains in date order; chains they defer in turn run after them, also in date order."""
        while self.later:
            chains, self.later = sorted(self.later, key=lambda c: (c[0], c[1])), []
            for _, _, chain in chains:
                chain()

    def commit(self) -> None:
        assert self.session is not None
        self.session.commit()
        self.kept.append(self.recent)
        self.recent = []
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
        day = self.workday(START - dt.timedelta(days=30))
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
        demo_assets.ensure_system(self, dept, day)  # the source system is registered before it is named
        # open by default (开放为常态); closure the exception, with its reason and basis
        personal = bool(set(items) & data.PERSONAL_ITEMS)
        if share == "not_shared" or personal:
            payload |= {"open_type": "closed", "open_reason": "含可识别个人身份的信息，不宜向社会开放",
                        "open_legal_basis": "《中华人民共和国个人信息保护法》"}
        elif share == "conditional":
            payload |= {"open_type": "conditional", "open_reason": "需经脱敏处理并签订开放利用协议",
                        "open_legal_basis": "《广东省公共数据管理办法》"}
        else:
            payload["open_type"] = "open"
        if payload["open_type"] != "closed":
            payload |= {"open_channel": data.OPEN_CHANNEL, "open_published_on": day.isoformat()}
        payload["update_cycle"] = self.rng.choice(["daily", "weekly", "monthly", "quarterly"])
        self.act(dept["cdo"], "resource.create", resource_id, payload, day)
        dept["resources"].append({"id": resource_id, "items": items, "share": share, "name": name,
                                  "payload": payload, "cycle": payload["update_cycle"]})
        self.result.resources += 1

    # -- workflows ------------------------------------------------------------------------------------------

    def bureau(self) -> Actor:
        return self.rng.choice(self.arbitrators)

    def request(self, i: int) -> dict[str, Any]:
        requester, provider = self.rng.sample(self.depts, 2)
        # now and then a department asks for data the catalogue classes as not shared (refused at the check)
        wanted = "not_shared" if self.rng.random() < 0.03 else None
        candidates = [r for r in provider["resources"] if (r["share"] == wanted if wanted else r["share"] != "not_shared")]
        while not candidates:
            requester, provider = self.rng.sample(self.depts, 2)
            candidates = [r for r in provider["resources"]
                          if (r["share"] == wanted if wanted else r["share"] != "not_shared")]
        resource = self.rng.choice(candidates)
        items = self.rng.sample(resource["items"], self.rng.randint(1, len(resource["items"])))
        # created two months before the end at the latest: the scenes' requests (dated in the last weeks) come after
        day = self.day_between(START, END - dt.timedelta(days=60))
        request_id = self.id("request", i)
        purpose = self.rng.choice(data.PURPOSES).format(x=self.rng.choice(data.BUSINESSES))
        payload = {
            "requester_department_id": str(requester["id"]),
            "resource_id": str(resource["id"]),
            "items": items,
            "purpose": purpose,
            "legal_basis": self.rng.choice(data.LEGAL_BASES) if resource["share"] == "conditional" else "",
            "usage_method": self.rng.choice(["api", "table", "file"]),
            "period_start": (day + dt.timedelta(days=30)).isoformat(),  # after the answer: use starts once granted
            "period_end": (day + dt.timedelta(days=395)).isoformat(),
        }
        clerk = requester["commissioner"]
        answerer = provider["commissioner"]
        submitted = day
        paths = {"conditional": REQUEST_PATHS, "unconditional": UNCONDITIONAL_PATHS,
                 "not_shared": NOT_SHARED_PATHS}[resource["share"]]
        path = self.rng.choices([p for _, p in paths], weights=[w for w, _ in paths])[0]
        period_end = dt.date.fromisoformat(str(payload["period_end"]))
        if "expire" in path:
            # a grant expires only once its period of use has run out: these grants are for a shorter period that
            # ends inside the demo's year, and the bureau marks them expired the day after it ends
            start = dt.date.fromisoformat(str(payload["period_start"]))
            period_end = max(start + dt.timedelta(days=10), min(period_end, END - dt.timedelta(days=20)))
            payload["period_end"] = period_end.isoformat()
        day = submitted = self.act(clerk, "request.create", request_id, payload, day)
        answer: dict[str, Any] = {}
        for action in path:
            day += dt.timedelta(days=self.rng.randint(1, 6))
            if action == "expire":
                day = max(day, period_end + dt.timedelta(days=1))
            if action in ("submit",):
                day = submitted = self.act(clerk, "request.submit", request_id, {}, day)
            elif action in ("check", "check_grant", "expire"):
                day = self.act(self.bureau(), f"request.{action}", request_id, {}, day)
            elif action == "check_refuse":
                day = self.act(self.bureau(), "request.check_refuse", request_id, {"reason": ""}, day)
            elif action == "return":
                day = self.act(self.bureau(), "request.return", request_id, {"reason": "申请材料不完整，请补充用途说明"},
                               day)
            elif action == "approve":
                day = self.act(answerer, "request.approve", request_id, {}, day)
            elif action == "approve_partly":
                if len(items) < 2:
                    day = self.act(answerer, "request.approve", request_id, {}, day)
                else:
                    day = self.act(answerer, "request.approve_partly", request_id,
                                   {"granted_items": items[:-1], "reason": f"“{items[-1]}”超出最小必要范围"}, day)
            elif action == "refuse":
                answer = {"reason": self.rng.choice(data.REFUSAL_REASONS),
                          "legal_basis": self.rng.choice(data.REFUSAL_BASES)}
                day = self.act(answerer, "request.refuse", request_id, answer, day)
            elif action in ("grant", "revoke"):
                payload2 = {"reason": "使用部门超出申请用途使用数据"} if action == "revoke" else {}
                day = self.act(answerer, f"request.{action}", request_id, payload2, day)
        self.result.requests += 1
        return {"id": request_id, "requester": requester, "provider": provider, "path": path, "day": day,
                "submitted": submitted, "resource": resource, "items": items, "period_end": period_end,
                "purpose": payload["purpose"], "legal_basis": payload["legal_basis"],
                "reason": answer.get("reason", ""), "refusal_basis": answer.get("legal_basis", "")}

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

    def dispute(self, i: int, request: dict[str, Any], ladder: str) -> None:
        claimant, respondent = request["requester"], request["provider"]
        dispute_id = self.id("dispute", i)
        day = request["day"] + dt.timedelta(days=2)
        classification = request["path"][-1] == "check_refuse"
        items = request["items"]
        claims: list[dict[str, Any]]
        if classification:
            claims = [{"kind": "confirm_classification",
                       "text": f"确认“{request['resource']['name']}”应列为有条件共享，而非不予共享"}]
            statement = "该资源被列为不予共享缺乏充分依据，影响我单位依法履职，请求确认其共享属性。"
        else:
            claims = [{"kind": "order_share", "text": f"责令被申请人在10个工作日内共享{'、'.join(items)}",
                       "items": items, "deadline_days": 10},
                      {"kind": "order_reply", "text": "责令被申请人就拒绝理由作出书面说明"}]
            statement = f"我单位依法申请共享数据，{respondent['name']}以不充分的理由拒绝，影响业务办理。"
        self.act(claimant["commissioner"], "dispute.file", dispute_id, {
            "claimant_department_id": str(claimant["id"]),
            "respondent_department_id": str(respondent["id"]),
            "kind": "classification" if classification else "refusal",
            "request_id": str(request["id"]),
            "statement": statement,
            "claims": claims,
        }, day)
        self.result.disputes += 1
        day += dt.timedelta(days=1)
        self.act(respondent["commissioner"], "receipt.sign", self.id("receipt", "dispute", i),
                 {"subject": "dispute", "subject_id": str(dispute_id), "via": "opened"}, day)
        if ladder == "filed":
            return
        if ladder == "withdrawn":
            day += dt.timedelta(days=1)
            self.act(claimant["commissioner"], "dispute.withdraw", dispute_id, {"reason": "经协商，对方已同意共享"}, day)
            return
        day += dt.timedelta(days=2)
        personal = bool(set(request["resource"]["items"]) & data.PERSONAL_ITEMS)
        answers = ([f"该资源{'涉及个人敏感信息，' if personal else ''}列为不予共享有目录所列的法律依据。"]
                   if classification else
                   ["所申请数据包含个人敏感信息，申请部门未说明每一数据项的必要性。", "已在答复中说明理由。"])
        for position, answer in enumerate(answers, start=1):
            self.act(respondent["commissioner"], "dispute.answer_claim", dispute_id,
                     {"position": position, "answer": answer}, day)
        self.act(respondent["commissioner"], "dispute.answer", dispute_id,
                 {"statement": "我单位已逐项答辩，请求驳回申请人的仲裁请求。"}, day)
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
        if classification:
            decisions = [{"position": 1, "decision": "dismissed",
                          "reasoning": self.classification_reasoning(request)}]
            orders: list[dict[str, Any]] = []
        else:
            decisions = [
                {"position": 1, "decision": "upheld", "reasoning": self.refusal_reasoning(request)},
                {"position": 2, "decision": "dismissed",
                 "reasoning": f"被申请人已在答复中书面说明不予共享的理由和所依据的规定，已履行{article('第二十一条')}"
                              "关于不同意共享应当说明理由的义务；第一项请求已获支持，被申请人应依裁决共享，"
                              "另行书面说明已无必要。"},
            ]
            orders = [{"addressee_department_id": str(respondent["id"]), "claim_position": 1,
                       "action": f"向申请人共享{'、'.join(items)}，并书面告知开通情况", "deadline_days": 10}]
        self.act(arbitrator, "dispute.rule", dispute_id, {
            "ruling_id": str(ruling_id),
            "arbitrator_ids": [str(arbitrator.id)],
            "findings": [
                f"{claimant['name']}于{_cn_date(request['submitted'])}提出共享申请，用途明确。",
                (f"“{request['resource']['name']}”在{respondent['name']}的目录中列为不予共享，该申请于"
                 f"{_cn_date(request['day'])}在合规审核中据此未获通过。") if classification else
                f"{respondent['name']}于{_cn_date(request['day'])}答复不予共享。",
            ],
            "reasoning": (f"申请人依照{article('第二十八条')}向本局申请协调处理本争议。"
                          "经审查双方陈述和证据，对申请人的各项仲裁请求逐项分析如下。"),
            "rules_relied_on": CLASSIFICATION_RULES if classification else REFUSAL_RULES,
            "claim_decisions": decisions,
            "orders": orders,
            "cc": ["佛山市人民政府办公室"],
        }, day)
        self.result.rulings += 1
        for side, who in (("claimant", claimant), ("respondent", respondent)):
            self.act(who["commissioner"], "receipt.sign", self.id("receipt", "ruling", i, side),
                     {"subject": "ruling", "subject_id": str(ruling_id), "via": "opened"},
                     day + dt.timedelta(days=1 if side == "respondent" else 2))
        if not orders:
            return
        order_id = derived_id(ruling_id, "order", 1)
        order = self.session.get(m.RulingOrder, order_id) if self.session else None
        assert order is not None and order.received_on is not None
        if ladder == "complied":
            day = order.received_on + dt.timedelta(days=4)
            self.act(respondent["commissioner"], "order.report", order_id, {"report": "已按裁决开通共享并书面告知"}, day)
            self.act(arbitrator, "order.confirm", order_id, {}, day)
            self.act(arbitrator, "dispute.comply", dispute_id, {}, day)
            return
        if ladder == "overdue":
            self.accountability_for_order(i, respondent, order, arbitrator)

    def refusal_reasoning(self, request: dict[str, Any]) -> str:
        """Why the bureau upholds the claim to share refused conditional data, consistent with the record: the
        provider's reply gave a reason and a basis (第二十一条 asks for them), so the ruling weighs that reason
        against the catalogue's sharing condition and the requester's purpose; it never says none was given."""
        resource = request["resource"]
        reason, basis = request.get("reason", ""), request.get("refusal_basis", "")
        condition = resource["payload"].get("share_conditions", "")
        given = (f"被申请人答复不予共享，理由为“{reason.rstrip('。')}”" + (f"，所引依据为{basis}" if basis else "")
                 if reason else "被申请人答复不予共享")
        met = (f"“{resource['name']}”在目录中列为有条件共享，共享条件为“{condition}”；" if condition else
               f"“{resource['name']}”在目录中列为有条件共享；")
        met += (f"申请人申请用途为“{request['purpose'].rstrip('。')}”"
                + (f"，并附{request['legal_basis']}为依据" if request.get("legal_basis") else "")
                + f"，所申请的{'、'.join(request['items'])}与该用途直接相关，符合上述共享条件。")
        answer = {
            0: "经比对，所申请的数据项均为实现上述申请用途所必需，未超出最小必要范围。",
            1: (f"申请人处理所申请的个人信息系为履行法定职责所必需，依照"
                f"{article('第十三条第一款第（三）项', '《中华人民共和国个人信息保护法》')}，无需另行取得个人同意。"),
            2: "被申请人在答复和答辩中均未指明哪些数据项涉及在办案件，亦未说明暂不宜共享的期限。",
        }
        reason_answer = next((text for n, text in answer.items() if reason == data.REFUSAL_REASONS[n]), "")
        return (f"依照{article('第二十一条')}，有条件共享的政务数据，数据提供部门不同意共享的，应当说明理由。{given}。"
                f"经审查，{met}{reason_answer}被申请人所述理由不足以构成拒绝共享有条件共享数据的正当理由，"
                "对该项请求予以支持。")

    def classification_reasoning(self, request: dict[str, Any]) -> str:
        """Why the bureau dismisses a dispute of the not-shared classification: the catalogue's basis, and whether the
        data identifies persons, as the record shows."""
        resource = request["resource"]
        basis = resource["payload"].get("legal_basis", "")  # the check refuses citing the catalogue's basis
        personal = sorted(set(resource["items"]) & data.PERSONAL_ITEMS)
        why = (f"该资源含{'、'.join(personal)}等可识别个人身份的信息，" if personal else "")
        return (f"“{resource['name']}”在{request['provider']['name']}的目录中列为不予共享，并注明依据为"
                f"{basis or '目录所列规定'}。{why}申请人未提出足以改变该分类的事实和依据，其请求不予支持。")

    def accountability_for_order(self, i: int, respondent: dict[str, Any], order: m.RulingOrder,
                                 arbitrator: Actor) -> None:
        """An order left open after its due date: the ground for holding the respondent to account, then the hearing."""
        day = self.workday(order.due_on + dt.timedelta(days=self.rng.randint(3, 10)))
        if day > END:
            return  # overdue only after the demo's last day: no record yet
        self.defer(day, lambda: self.order_record(i, respondent, order, arbitrator, day))

    def order_record(self, i: int, respondent: dict[str, Any], order: m.RulingOrder, arbitrator: Actor,
                     day: dt.date) -> None:
        record_id = self.id("record", i)
        self.act(self.admin or arbitrator, "accountability.create", record_id, {
            "department_id": str(respondent["id"]),
            "commissioner_id": str(respondent["commissioner"].id),
            "ground": "order_overdue",
            "ground_id": str(order.id),
            "violation": f"未在{order.due_on.isoformat()}前（含当日）履行裁决事项",
            "measure": self.rng.choice(["criticism", "rectify", "interview"]),
            "rectification_days": 15,
            "report_requirement": "整改措施、完成时间和今后的防范措施",
        }, day)
        self.result.records += 1
        self.hearing(record_id, respondent, day)

    def hearing(self, record_id: uuid.UUID, dept: dict[str, Any], day: dt.date) -> None:
        day += dt.timedelta(days=1)
        self.act(dept["commissioner"], "receipt.sign", self.id("receipt", "notice", record_id),
                 {"subject": "notice", "subject_id": str(record_id), "via": "opened"}, day)
        outcome = self.rng.choice(["pending", "defended", "upheld", "changed", "withdrawn", "closed", "closed"])
        if outcome == "pending":
            return
        admin = self.admin
        assert admin is not None
        record = self.session.get(m.AccountabilityRecord, record_id) if self.session else None
        assert record is not None and record.defence_due is not None
        if outcome in ("defended", "changed", "withdrawn") or self.rng.random() < 0.5:
            day += dt.timedelta(days=2)
            self.act(dept["commissioner"], "accountability.defend", record_id,
                     {"defence": "逾期系因接口改造所致，现已完成开通，请求从轻处理。"}, day)
            if outcome == "defended":
                return
        else:
            day = record.defence_due + dt.timedelta(days=1)  # no defence: the period runs out first
        day += dt.timedelta(days=2)
        if outcome == "withdrawn":
            self.act(admin, "accountability.withdraw", record_id, {"reason": "经核实，逾期系平台故障所致，撤销问责"}, day)
            return
        if outcome == "changed":
            self.act(admin, "accountability.change", record_id,
                     {"measure": "interview", "reason": "申辩部分成立，改为约谈", "rectification_days": None}, day)
            return
        self.act(admin, "accountability.uphold", record_id, {"reason": "申辩理由不能成立，维持原问责措施"}, day)
        if outcome == "closed":
            day += dt.timedelta(days=5)
            self.act(dept["commissioner"], "accountability.report", record_id, {"report": "已完成整改并建立台账"}, day)
            self.act(admin, "accountability.accept", record_id, {}, day + dt.timedelta(days=1))

    def misuse(self, i: int, request: dict[str, Any]) -> tuple[dt.date, Callable[[], None]]:
        """The owner reports the using department; the bureau investigates and finds; a finding may suspend the grant.
        The report's day and its chain, run in date order with the other reports (numbers follow dates)."""
        expired = request["path"][-1] == "expire"
        kind = "after_expiry" if expired else self.rng.choice(["beyond_purpose", "passed_on"])
        day = request["day"] + dt.timedelta(days=self.rng.randint(5, 20))
        if kind == "after_expiry":  # only once the period of use has ended (the rule refuses it before)
            day = max(day, request["period_end"] + dt.timedelta(days=1))
        day = self.workday(day)
        return day, lambda: self.misuse_chain(i, request, kind, day)

    def misuse_chain(self, i: int, request: dict[str, Any], kind: str, day: dt.date) -> None:
        report_id = self.id("misuse", i)
        provider, user = request["provider"], request["requester"]
        expired = request["path"][-1] == "expire"
        self.act(provider["commissioner"], "misuse.report", report_id,
                 {"request_id": str(request["id"]), "kind": kind, "description": data.MISUSE_DESCRIPTIONS[kind]}, day)
        arbitrator = self.bureau()
        outcome = MISUSE_OUTCOMES[i % len(MISUSE_OUTCOMES)]
        if outcome == "reported":
            return
        day = self.act(arbitrator, "misuse.investigate", report_id, {}, day + dt.timedelta(days=2))
        if outcome == "investigating":
            return
        finding = "经调取接口调用日志核实，报告所述情况属实。" if outcome == "confirmed" else "经核查调用日志，未发现违规使用。"
        day = self.act(arbitrator, f"misuse.{'confirm' if outcome == 'confirmed' else 'dismiss'}", report_id,
                       {"finding": finding}, day + dt.timedelta(days=7))
        if outcome != "confirmed":
            return
        if not expired:
            self.act(arbitrator, "request.suspend", request["id"], {"reason": "违规使用经查属实，暂停授权"}, day)
        # accountability on the findings the regulation names (第二十五条: beyond the purpose, passed on)
        if i % 2 == 0 and kind != "after_expiry" and self.workday(day + dt.timedelta(days=3)) <= END:
            self.defer(day + dt.timedelta(days=3), lambda: self.misuse_record(i, report_id, user, kind, day))

    def misuse_record(self, i: int, report_id: uuid.UUID, user: dict[str, Any], kind: str, day: dt.date) -> None:
        """Accountability on a confirmed finding, three days after it (run with the other notices, in date order)."""
        record_id = self.id("misuse-record", i)
        assert self.admin is not None
        day = self.act(self.admin, "accountability.create", record_id, {
            "department_id": str(user["id"]),
            "commissioner_id": str(user["commissioner"].id),
            "ground": "misuse_finding",
            "ground_id": str(report_id),
            "violation": data.MISUSE_DESCRIPTIONS[kind],
            "measure": "suspend",  # 第二十七条: suspend the sharing rights and rectify within a time limit
            "rectification_days": 15,
            "report_requirement": "停止违规使用的情况、已采取的整改措施及其完成时间、今后的防范措施",
        }, day + dt.timedelta(days=3))
        self.result.records += 1
        self.hearing(record_id, user, day)

    def duties(self) -> None:
        """The owner's duties watched: data updates recorded by cycle (some left overdue); changes of duties."""
        for n, dept in enumerate(self.depts):
            for resource in dept["resources"]:
                if self.rng.random() < 0.15:
                    continue  # left without a recent update: the scorecard shows it overdue
                lag = {"daily": 0, "weekly": 3, "monthly": 10, "quarterly": 30}[resource["cycle"]]
                day = END - dt.timedelta(days=lag)
                self.act(dept["commissioner"], "resource.record_update", resource["id"], {}, day)
            if n % 12 == 3:
                changed = START + dt.timedelta(days=60 + n)
                assert self.admin is not None
                self.act(self.admin, "department.change_duties", dept["id"],
                         {"changed_on": changed.isoformat(), "note": "机构改革后承接新的数据管理职责"}, changed)
                if n % 24 == 3 and dept["resources"]:  # one updates its catalogue in time, the next does not
                    resource = dept["resources"][0]
                    payload = {k: v for k, v in resource["payload"].items() if k not in ("code", "department_id")}
                    payload["summary"] = payload["summary"] + "（职能调整后更新）"
                    self.act(dept["cdo"], "resource.update", resource["id"], payload, changed + dt.timedelta(days=7))

    # -- the cast's work waiting --------------------------------------------------------------------------------

    def scenes(self) -> None:
        """Every demo role opens on real work of its own (issue 13), dated in the demo's last weeks so that some is
        overdue and some falls due: commissioner A has requests to answer, a dispute to state and an order falling
        due; B has A's requests to answer and A's dispute to state; the arbitrator a ruling to draft (an accepted
        dispute); the bureau a request awaiting its check. The cast is found as the desktop finds it
        (`demo.cast.demo_pair`), and the scenes keep it the busiest pair."""
        assert self.session is not None
        self.session.flush()
        pair = demo_pair(self.session)
        if pair is None:
            return
        by_id = {d["id"]: d for d in self.depts}
        a, b = by_id.get(pair[0]), by_id.get(pair[1])
        if a is None or b is None:
            return
        counts = pair_counts(self.session)
        lead = counts.get(pair, 0)
        conditional = {d["id"]: [r for r in d["resources"] if r["share"] == "conditional"] for d in self.depts}
        # the other departments of the scenes: each asks (or is asked) once, least-paired with A or B first
        others = sorted((d for d in self.depts if d["id"] not in pair and conditional[d["id"]]),
                        key=lambda d: (counts.get((d["id"], a["id"]), 0) + counts.get((d["id"], b["id"]), 0),
                                       d["code"]))
        if len(others) < 5 or not conditional[a["id"]] or not conditional[b["id"]]:
            return
        c, d, e, f, g = others[:5]
        if max(counts.get((x["id"], a["id"]), 0) for x in (c, d, e, f)) + 1 >= lead + 4:
            return  # the scenes would make another pair the busiest (never at the demo's scales)
        a_res, b_res = conditional[a["id"]][0], conditional[b["id"]][-1]
        # the arbitrator the desktop casts (the first by name) checks, accepts and rules in the scenes
        self.arbitrators.sort(key=lambda x: self.session.get(m.Commissioner, x.id).name)  # type: ignore[union-attr]
        last = END
        self.planning()  # the scenes' acts are applied in date order (numbers follow dates)
        # A: two requests to answer, one already overdue, one just checked
        self.scene_request(c, a, a_res, ["submit", "check"], last - dt.timedelta(days=26))
        self.scene_request(d, a, a_res, ["submit", "check"], last - dt.timedelta(days=4))
        # A: a dispute to state (E disputes A's refusal; A has opened it, its answer is due)
        refused = self.scene_request(e, a, a_res, ["submit", "check", "refuse"], last - dt.timedelta(days=20))
        self.scene_dispute("e-a", refused, "filed", last - dt.timedelta(days=6))
        # A: an order falling due (F won its dispute against A's refusal; A has received the ruling)
        refused = self.scene_request(f, a, a_res, ["submit", "check", "refuse"], last - dt.timedelta(days=40))
        self.scene_dispute("f-a", refused, "ruled", last - dt.timedelta(days=30), ruled_on=last - dt.timedelta(days=3))
        # B: A's requests to answer, one overdue, one just checked, and one the bureau is still checking
        self.scene_request(a, b, b_res, ["submit", "check"], last - dt.timedelta(days=24))
        self.scene_request(a, b, b_res, ["submit", "check"], last - dt.timedelta(days=5))
        self.scene_request(a, b, b_res, ["submit"], last - dt.timedelta(days=1))
        # B: A's dispute to state
        refused = self.scene_request(a, b, b_res, ["submit", "check", "refuse"], last - dt.timedelta(days=18))
        self.scene_dispute("a-b", refused, "filed", last - dt.timedelta(days=5))
        # the arbitrator: a ruling to draft (G's dispute against B, answered and accepted)
        refused = self.scene_request(g, b, b_res, ["submit", "check", "refuse"], last - dt.timedelta(days=30))
        self.scene_dispute("g-b", refused, "accepted", last - dt.timedelta(days=20))
        self.apply_plan()
        self.session.flush()
        assert demo_pair(self.session) == pair, "the scenes changed who commissioners A and B are"

    def scene_request(self, requester: dict[str, Any], provider: dict[str, Any], resource: dict[str, Any],
                      path: list[str], day: dt.date) -> dict[str, Any]:
        """A request of the scenes, walked along ``path`` two days a step (no random draws: the rest of the network
        stays as it was)."""
        n = self.result.requests
        request_id = self.id("scene-request", n)
        items = resource["items"][: max(1, len(resource["items"]) - 1)]
        business = data.BUSINESSES[n % len(data.BUSINESSES)]
        payload = {
            "requester_department_id": str(requester["id"]), "resource_id": str(resource["id"]), "items": items,
            "purpose": data.PURPOSES[n % len(data.PURPOSES)].format(x=business),
            "legal_basis": data.LEGAL_BASES[n % len(data.LEGAL_BASES)], "usage_method": "api",
            "period_start": day.isoformat(), "period_end": (day + dt.timedelta(days=365)).isoformat(),
        }
        day = submitted = self.act(requester["commissioner"], "request.create", request_id, payload, day)
        answer: dict[str, Any] = {}
        for action in path:
            day += dt.timedelta(days=1)
            if action == "submit":
                day = submitted = self.act(requester["commissioner"], "request.submit", request_id, {}, day)
            elif action == "check":
                day = self.act(self.arbitrators[0], "request.check", request_id, {}, day)
            elif action == "refuse":
                answer = {"reason": data.REFUSAL_REASONS[n % len(data.REFUSAL_REASONS)],
                          "legal_basis": data.REFUSAL_BASES[n % len(data.REFUSAL_BASES)]}
                day = self.act(provider["commissioner"], "request.refuse", request_id, answer, day)
        self.result.requests += 1
        return {"id": request_id, "requester": requester, "provider": provider, "path": path, "day": day,
                "submitted": submitted, "resource": resource, "items": items, "purpose": payload["purpose"],
                "legal_basis": payload["legal_basis"], "reason": answer.get("reason", ""),
                "refusal_basis": answer.get("legal_basis", "")}

    def scene_dispute(self, key: str, request: dict[str, Any], ladder: str, day: dt.date,
                      ruled_on: dt.date | None = None) -> None:
        """A dispute of the scenes on a refused request, up to ``ladder`` (filed, accepted or ruled with an order)."""
        claimant, respondent = request["requester"], request["provider"]
        dispute_id = self.id("scene-dispute", key)
        items = request["items"]
        self.act(claimant["commissioner"], "dispute.file", dispute_id, {
            "claimant_department_id": str(claimant["id"]), "respondent_department_id": str(respondent["id"]),
            "kind": "refusal", "request_id": str(request["id"]),
            "statement": f"我单位依法申请共享数据，{respondent['name']}以不充分的理由拒绝，影响业务办理。",
            "claims": [{"kind": "order_share", "text": f"责令被申请人在10个工作日内共享{'、'.join(items)}",
                        "items": items, "deadline_days": 10}],
        }, day)
        self.result.disputes += 1
        day += dt.timedelta(days=1)
        self.act(respondent["commissioner"], "receipt.sign", self.id("scene-receipt", "dispute", key),
                 {"subject": "dispute", "subject_id": str(dispute_id), "via": "opened"}, day)
        if ladder == "filed":
            return
        day += dt.timedelta(days=2)
        self.act(respondent["commissioner"], "dispute.answer_claim", dispute_id,
                 {"position": 1, "answer": "所申请数据包含个人敏感信息，申请部门未说明每一数据项的必要性。"}, day)
        self.act(respondent["commissioner"], "dispute.answer", dispute_id,
                 {"statement": "我单位已逐项答辩，请求驳回申请人的仲裁请求。"}, day)
        arbitrator = self.arbitrators[0]
        day += dt.timedelta(days=2)
        self.act(arbitrator, "dispute.accept", dispute_id, {}, day)
        if ladder == "accepted":
            return
        day = ruled_on or day + dt.timedelta(days=5)
        ruling_id = self.id("scene-ruling", key)
        self.act(arbitrator, "dispute.rule", dispute_id, {
            "ruling_id": str(ruling_id), "arbitrator_ids": [str(arbitrator.id)],
            "findings": [f"{claimant['name']}于{_cn_date(request['submitted'])}提出共享申请，用途明确。",
                         f"{respondent['name']}答辩称所申请数据涉及个人敏感信息。"],
            "reasoning": (f"申请人依照{article('第二十八条')}向本局申请协调处理本争议。"
                          "经审查双方陈述和证据，对申请人的仲裁请求裁决如下。"),
            "rules_relied_on": REFUSAL_RULES,
            "claim_decisions": [{"position": 1, "decision": "upheld", "reasoning": self.refusal_reasoning(request)}],
            "orders": [{"addressee_department_id": str(respondent["id"]), "claim_position": 1,
                        "action": f"向申请人共享{'、'.join(items)}，并书面告知开通情况", "deadline_days": 10}],
            "cc": ["佛山市人民政府办公室"],
        }, day)
        self.result.rulings += 1
        for side, who in (("respondent", respondent), ("claimant", claimant)):
            day += dt.timedelta(days=1)
            self.act(who["commissioner"], "receipt.sign", self.id("scene-receipt", "ruling", key, side),
                     {"subject": "ruling", "subject_id": str(ruling_id), "via": "opened"}, day)

    def accounts(self) -> None:
        assert self.session is not None
        hasher = _PasswordHashedOnce()
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
        # one connection for every batch: on SQLite, closing the database's last connection checkpoints the
        # write-ahead log and removes it, which cost more than a batch's commit when each batch had its own
        with self.db.writer.connect() as connection, bulk_writing(connection), Session(
                bind=connection, expire_on_commit=False) as session, (
                contextlib.nullcontext() if self.one_by_one else batched(session)):
            self.session = session
            self.calendar = load_calendar(session)
            search.suspend(session)
            self.step("directory", 0, 1)
            self.directory()
            self.commit()
            refused = []
            granted = []
            self.planning()  # requests and objections: planned, then applied in date order (numbers follow dates)
            for i in range(self.scale):
                if i % max(self.scale // 50, 1) == 0:
                    self.step("requests", i, self.scale)
                req = self.request(i)
                if req["path"][-1:] in (["refuse"], ["check_refuse"]):
                    refused.append(req)
                elif req["path"][-1:] in (["grant"], ["check_grant"], ["expire"]):
                    granted.append(req)
                if self.progress and i % 1000 == 999:
                    print(f"\r  {i + 1}/{self.scale} 件申请", end="", file=sys.stderr, flush=True)
            for i in range(max(self.scale // 20, 5)):
                self.objection(i)
            self.apply_plan()
            # every rung of the ladder is shown; the earliest disputes get the rungs that need time to pass
            chosen = sorted(refused[: max(self.scale // 100, 8)], key=lambda r: (r["path"][-1] == "check_refuse", r["day"]))
            rungs = [(req["day"], i, req, LADDERS[i % len(LADDERS)]) for i, req in enumerate(chosen)]
            for _, i, req, ladder in sorted(rungs, key=lambda r: (r[0], r[1])):  # in date order: rulings numbered so
                self.dispute(i, req, ladder)
            chains = [(*self.misuse(i, req), i) for i, req in enumerate(granted[: max(self.scale // 200, 4)])]
            for _, chain, _ in sorted(chains, key=lambda c: (c[0], c[2])):
                chain()
                self.result.misuse += 1
            self.run_later()  # the notices (orders overdue, misuse confirmed), in date order
            self.duties()
            demo_assets.register(self)
            self.scenes()
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
             progress: bool = False, with_accounts: bool = True, step: Step | None = None,
             one_by_one: bool = False) -> DemoResult:
    """Fill ``db`` (which must be empty of demo data) with the deterministic Foshan network.

    ``step(stage, done, total)`` is told where the work stands (stages: directory, requests, accounts, index).

    ``with_accounts=False`` skips the sign-in accounts (each costs an Argon2id hash; tests that never sign in skip it).

    The mutations are applied in batches of `BATCH` per transaction (`services.apply.batched`); ``one_by_one=True``
    applies each in its own savepoint and flushes it, as the desktop and the server do: the same network, slower
    (tests/unit/test_demo_batches.py compares the two).
    """
    if scale < 1:
        raise ValueError("scale must be at least 1")
    return _Generator(db, scale=scale, seed=seed, password=password, progress=progress,
                      with_accounts=with_accounts, step=step, one_by_one=one_by_one).run()
