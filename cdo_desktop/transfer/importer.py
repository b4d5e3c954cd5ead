"""Import the offices' spreadsheets (catalogue, directory, assets, platforms): all rows or none.

First every row is checked — required cells, types (dates, numbers, the enumerations by their Chinese or English
label), references to departments, resources and systems, duplicate codes in the file and in the database, and
whether the importing person may create the row at all. If any row is bad, nothing is written and the answer names
each bad row, column and reason in both languages. Otherwise every row goes through `services.apply` in one
transaction (on a desktop signed in to a bureau, with its outbox entries), reporting progress as it goes; a rule
that still refuses a row rolls the whole import back and is reported the same way.
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from sqlalchemy import select
from sqlmodel import Session

from cdo_desktop.domain.actor import Actor
from cdo_desktop.domain.enums import (
    DataItemType,
    DepartmentLevel,
    OpenType,
    Party,
    QualityGrade,
    Role,
    ShareMethod,
    ShareType,
    SystemKind,
    SystemStatus,
    UpdateCycle,
)
from cdo_desktop.domain.errors import DomainError
from cdo_desktop.domain.labels import LabeledEnum
from cdo_desktop.domain.mutations import Mutation
from cdo_desktop.domain.workflow import TRANSITIONS, asset_code_pattern
from cdo_desktop.services.apply import apply, resolve_actor
from cdo_desktop.store import models as m
from cdo_desktop.store.db import Database
from cdo_desktop.transfer.specs import EXPORT_COLUMNS, IMPORT_COLUMNS
from cdo_desktop.transfer.tables import Column, column_letter, read_sheet

KINDS = tuple(IMPORT_COLUMNS)
MAX_PROBLEMS = 50
Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class Problem:
    """One bad cell: the spreadsheet row and column, and why (zh, en)."""

    row: int
    column_zh: str
    column_en: str
    letter: str
    zh: str
    en: str

    def text(self, lang: str = "zh") -> str:
        if not self.row:
            return self.en if lang.startswith("en") else self.zh
        if lang.startswith("en"):
            where = f"Row {self.row}" + (f", column '{self.column_en}' ({self.letter})" if self.column_en else "")
            return f"{where}: {self.en}"
        where = f"第{self.row}行" + (f"，“{self.column_zh}”列（{self.letter}）" if self.column_zh else "")
        return f"{where}：{self.zh}"

    def as_json(self) -> dict[str, Any]:
        return {"row": self.row, "column": self.column_zh, "column_en": self.column_en, "letter": self.letter,
                "zh": self.zh, "en": self.en}


class ImportRefused(Exception):
    """Nothing was written: ``problems`` says which rows and columns are wrong, and why."""

    def __init__(self, problems: list[Problem], *, more: int = 0) -> None:
        super().__init__("; ".join(p.text("en") for p in problems[:3]))
        self.problems = problems
        self.more = more

    def text(self, lang: str = "zh") -> str:
        lines = [p.text(lang) for p in self.problems]
        if self.more:
            lines.append(f"……另有{self.more}处问题" if not lang.startswith("en") else f"… and {self.more} more")
        head = ("导入未执行，数据库未作任何改动：" if not lang.startswith("en")
                else "Nothing was imported; the database is unchanged:")
        return "\n".join([head, *lines])


@dataclass
class Planned:
    row: int
    mutations: list[Mutation]
    columns: dict[str, str]  # payload field → column key, to name the column of a refusal


@dataclass
class ImportResult:
    kind: str
    rows: int
    mutations: int
    ignored_columns: list[str] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "rows": self.rows, "mutations": self.mutations,
                "ignored_columns": self.ignored_columns}


class _RowError(Exception):
    def __init__(self, key: str, zh: str, en: str) -> None:
        super().__init__(en)
        self.key, self.zh, self.en = key, zh, en


def _norm(text: str) -> str:
    return re.sub(r"[\s*＊]", "", text).lower()


def parse_enum(enum: type[LabeledEnum], text: str, key: str) -> str:
    wanted = _norm(text)
    for member in enum:  # type: ignore[attr-defined]
        if wanted in (_norm(member.value), _norm(member.zh), _norm(member.en)):
            return str(member.value)
    allowed = "、".join(member.zh for member in enum)  # type: ignore[attr-defined]
    raise _RowError(key, f"“{text}”不是允许的取值（可填：{allowed}）", f"'{text}' is not one of: {allowed}")


def parse_date(text: str, key: str) -> dt.date:
    match = re.fullmatch(r"(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[ T].*)?", text.strip())
    if match:
        try:
            return dt.date(int(match[1]), int(match[2]), int(match[3]))
        except ValueError:
            pass
    raise _RowError(key, f"“{text}”不是有效的日期（应为 2026-01-05）", f"'{text}' is not a date (expected 2026-01-05)")


def parse_int(text: str, key: str) -> int:
    cleaned = text.replace(",", "").replace("，", "").strip()
    if not re.fullmatch(r"\d{1,15}", cleaned):
        raise _RowError(key, f"“{text}”不是非负整数", f"'{text}' is not a whole number")
    return int(cleaned)


def parse_items(text: str, key: str) -> list[dict[str, str]]:
    items: list[dict[str, str]] = []
    for part in re.split(r"[；;、\n]", text):
        part = part.strip()
        if not part:
            continue
        typed = re.match(r"^(.*?)[:：](.*)$", part)
        name, kind = (typed[1].strip(), typed[2]) if typed else (part, "")
        type_value = parse_enum(DataItemType, kind.strip(), key) if kind.strip() else DataItemType.STRING.value
        if not name:
            raise _RowError(key, f"数据项“{part}”缺少名称", f"The data item '{part}' has no name")
        if any(i["name"] == name for i in items):
            raise _RowError(key, f"数据项“{name}”重复", f"The data item '{name}' appears twice")
        items.append({"name": name, "type": type_value})
    if not items:
        raise _RowError(key, "至少需要一个数据项", "At least one data item is needed")
    return items


class _Refs:
    """What the rows may refer to: the database's departments, resources and systems, plus earlier rows."""

    def __init__(self, session: Session) -> None:
        self.depts = {d.code: d for d in session.execute(select(m.Department)).scalars()}
        self.resources = {r.code: r for r in session.execute(select(m.DataResource)).scalars()}
        self.systems = list(session.execute(select(m.PlatformSystem)).scalars())
        self.asset_codes = set(session.execute(select(m.DataAsset.code)).scalars())
        self.live_assets = {a.resource_id for a in session.execute(select(m.DataAsset)).scalars()
                            if a.state != "cancelled"}
        self.new_depts: dict[str, uuid.UUID] = {}

    def department(self, code: str, key: str) -> uuid.UUID:
        if code in self.new_depts:
            return self.new_depts[code]
        dept = self.depts.get(code)
        if dept is None:
            raise _RowError(key, f"部门编码“{code}”不在部门目录中", f"No department has the code '{code}'")
        if not dept.active:
            raise _RowError(key, f"部门“{dept.name}”已停用", f"The department '{dept.name}' is inactive")
        return dept.id

    def system(self, text: str, key: str) -> None:
        if not text or not self.systems:
            if self.systems:
                raise _RowError(key, "请填写平台和系统登记簿中的来源系统", "Name a source system from the platform register")
            return
        match = next((s for s in self.systems if text in (s.name, s.code)), None)
        if match is None:
            raise _RowError(key, f"来源系统“{text}”不在平台和系统登记簿中", f"The system '{text}' is not in the platform register")
        if match.status == SystemStatus.RETIRED.value:
            raise _RowError(key, f"系统“{match.name}”已停用", f"The system '{match.name}' is retired")


def _may(actor: Actor, action: str, dept_id: uuid.UUID | None, key: str, what_zh: str, what_en: str) -> None:
    parties = {Party.BUREAU} if actor.is_bureau else set()
    if dept_id is not None and dept_id == actor.department_id:
        parties.add(Party.OWNER)
    if not TRANSITIONS[action].permits(actor.role, parties):
        raise _RowError(key, f"{actor.role.zh}{actor.name}无权导入{what_zh}", f"{actor.name} ({actor.role.en}) may not import {what_en}")


def _mutation(actor: Actor, kind: str, entity: uuid.UUID, payload: dict[str, Any]) -> Mutation:
    return Mutation(kind=kind, actor_id=actor.id, entity_id=entity, payload=payload)


def _catalogue(v: dict[str, str], refs: _Refs, actor: Actor) -> Planned:
    dept = refs.department(v["department"], "department")
    _may(actor, "resource.create", dept, "department", "其他部门的资源（只能导入本部门的资源）",
         "another department's resources (only your own)")
    if v["code"] in refs.resources:
        raise _RowError("code", f"资源代码“{v['code']}”已存在", f"The resource code '{v['code']}' exists already")
    payload: dict[str, Any] = {
        "code": v["code"], "department_id": str(dept), "name": v["name"], "summary": v.get("summary", ""),
        "format": v.get("format", ""), "items": parse_items(v["items"], "items"),
        "share_conditions": v.get("share_conditions", ""), "legal_basis": v.get("legal_basis", ""),
        "source_system": v.get("source_system", ""), "open_reason": v.get("open_reason", ""),
        "open_legal_basis": v.get("open_legal_basis", ""), "open_channel": v.get("open_channel", ""),
    }
    for key, enum in (("share_type", ShareType), ("share_method", ShareMethod), ("open_type", OpenType),
                      ("update_cycle", UpdateCycle)):
        if v.get(key):
            payload[key] = parse_enum(enum, v[key], key)
    if ShareType(payload.get("share_type", "unconditional")).needs_legal_basis and not payload["legal_basis"]:
        raise _RowError("legal_basis", "有条件共享或不予共享的资源必须注明共享依据",
                        "Conditional or not-shared resources must cite a legal basis")
    refs.system(payload["source_system"], "source_system")
    if v.get("published_on"):
        payload["published_on"] = parse_date(v["published_on"], "published_on").isoformat()
    if v.get("open_published_on"):
        payload["open_published_on"] = parse_date(v["open_published_on"], "open_published_on").isoformat()
    columns = {k: k for k in payload} | {"department_id": "department", "source_system_id": "source_system"}
    return Planned(0, [_mutation(actor, "resource.create", uuid.uuid4(), payload)], columns)


def _directory(v: dict[str, str], refs: _Refs, actor: Actor) -> Planned:
    _may(actor, "department.create", None, "code", "部门目录（须由政数局管理员导入）",
         "the directory (a bureau administrator imports it)")
    if v["code"] in refs.depts:
        raise _RowError("code", f"部门编码“{v['code']}”已存在", f"The department code '{v['code']}' exists already")
    dept_id = uuid.uuid4()
    payload: dict[str, Any] = {"code": v["code"], "name": v["name"], "short_name": v.get("short_name", "")}
    if v.get("level"):
        payload["level"] = parse_enum(DepartmentLevel, v["level"], "level")
    if v.get("parent"):
        payload["parent_id"] = str(refs.department(v["parent"], "parent"))
    day = parse_date(v["appointed_on"], "appointed_on") if v.get("appointed_on") else dt.date.today()
    mutations = [_mutation(actor, "department.create", dept_id, payload)]
    for key, role, phone, email in (("commissioner", Role.COMMISSIONER, "commissioner_phone", "commissioner_email"),
                                    ("cdo", Role.CDO, "cdo_phone", "")):
        if v.get(key):
            mutations.append(_mutation(actor, "commissioner.appoint", uuid.uuid4(), {
                "name": v[key], "department_id": str(dept_id), "role": role.value, "phone": v.get(phone, ""),
                "email": v.get(email, "") if email else "", "appointed_on": day.isoformat()}))
    refs.new_depts[v["code"]] = dept_id
    columns = {"code": "code", "name": "name", "short_name": "short_name", "level": "level", "parent_id": "parent",
               "appointed_on": "appointed_on", "phone": "commissioner_phone", "email": "commissioner_email"}
    return Planned(0, mutations, columns)


def _assets(v: dict[str, str], refs: _Refs, actor: Actor) -> Planned:
    resource = refs.resources.get(v["resource"])
    if resource is None:
        raise _RowError("resource", f"资源代码“{v['resource']}”不在数据资源目录中", f"No resource has the code '{v['resource']}'")
    _may(actor, "asset.apply", resource.department_id, "resource", "其他部门的资产（只能登记本部门的资源）",
         "another department's assets (only your own)")
    holder = next(d for d in refs.depts.values() if d.id == resource.department_id)
    if not re.match(asset_code_pattern(holder.code), v["code"]):
        raise _RowError("code", f"资产编码应为“440600-{holder.code}-ZC-四位序号”", f"The asset code must read 440600-{holder.code}-ZC-<4 digits>")
    if v["code"] in refs.asset_codes:
        raise _RowError("code", f"资产编码“{v['code']}”已存在", f"The asset code '{v['code']}' exists already")
    if resource.id in refs.live_assets:
        raise _RowError("resource", f"资源“{resource.name}”已登记为资产", f"The resource '{resource.name}' is an asset already")
    payload: dict[str, Any] = {"code": v["code"], "resource_id": str(resource.id), "name": v["name"],
                               "scope": v["scope"], "volume": v["volume"]}
    if v.get("record_count"):
        payload["record_count"] = parse_int(v["record_count"], "record_count")
    if v.get("quality_grade"):
        payload["quality_grade"] = parse_enum(QualityGrade, v["quality_grade"], "quality_grade")
    refs.live_assets.add(resource.id)
    return Planned(0, [_mutation(actor, "asset.apply", uuid.uuid4(), payload)],
                   {k: k for k in payload} | {"resource_id": "resource"})


def _platforms(v: dict[str, str], refs: _Refs, actor: Actor) -> Planned:
    operator = refs.department(v["operator"], "operator")
    _may(actor, "platform.register", operator, "operator", "其他部门运维的系统", "systems another department operates")
    if any(s.code == v["code"] for s in refs.systems):
        raise _RowError("code", f"系统编码“{v['code']}”已存在", f"The system code '{v['code']}' exists already")
    if any(s.name == v["name"] for s in refs.systems):
        raise _RowError("name", f"系统名称“{v['name']}”已登记", f"A system named '{v['name']}' is registered")
    payload: dict[str, Any] = {"code": v["code"], "name": v["name"], "operator_department_id": str(operator),
                               "description": v.get("description", "")}
    if v.get("kind"):
        payload["kind"] = parse_enum(SystemKind, v["kind"], "kind")
    if v.get("status"):
        payload["status"] = parse_enum(SystemStatus, v["status"], "status")
    return Planned(0, [_mutation(actor, "platform.register", uuid.uuid4(), payload)],
                   {k: k for k in payload} | {"operator_department_id": "operator"})


BUILDERS = {"catalogue": _catalogue, "directory": _directory, "assets": _assets, "platforms": _platforms}
UNIQUE = {"catalogue": ("code",), "directory": ("code",), "assets": ("code", "resource"), "platforms": ("code", "name")}


def _problem(row: int, column: Column | None, letter: str, zh: str, en: str) -> Problem:
    return Problem(row, column.zh if column else "", column.en if column else "", letter, zh, en)


def plan_import(session: Session, kind: str, path: Path, actor: Actor, *,
                progress: Progress | None = None) -> tuple[list[Planned], list[str]]:
    """Check every row of ``path``; the planned mutations, or `ImportRefused` naming every bad cell."""
    if kind not in BUILDERS:
        raise ValueError(f"unknown import kind {kind!r}")
    columns = IMPORT_COLUMNS[kind]
    known = {c.key: c for c in EXPORT_COLUMNS[kind]}
    sheet = read_sheet(path)
    lookup = {}
    for c in known.values():
        lookup.update({_norm(c.zh): c.key, _norm(c.en): c.key, _norm(c.key): c.key})
    positions: dict[str, int] = {}
    ignored: list[str] = []
    for i, header in enumerate(sheet.headers):
        key = lookup.get(_norm(header))
        if key is None or key in positions:
            if header.strip():
                ignored.append(header)
            continue
        positions[key] = i
    problems: list[Problem] = []
    for i, c in enumerate(columns):
        if c.required and c.key not in positions:
            problems.append(_problem(1, c, column_letter(len(sheet.headers) + i),
                                     "缺少必填列", "This required column is missing"))
    if problems:
        raise ImportRefused(problems)
    if not sheet.rows:
        raise ImportRefused([_problem(2, None, "", "文件中没有数据行", "The file has no data rows")])
    refs = _Refs(session)
    seen: dict[tuple[str, str], int] = {}
    plans: list[Planned] = []
    more = 0
    for done, (number, cells) in enumerate(sheet.rows, start=1):
        values = {key: cells[i].strip() for key, i in positions.items() if key in {c.key for c in columns}}
        row_problems = []
        for c in columns:
            if c.required and not values.get(c.key):
                row_problems.append(_problem(number, c, column_letter(positions[c.key]), "必填项为空", "Required cell is empty"))
        for key in UNIQUE[kind]:
            value = values.get(key, "")
            if value and (key, value) in seen:
                c = known[key]
                row_problems.append(_problem(number, c, column_letter(positions[key]),
                                             f"与第{seen[(key, value)]}行重复：“{value}”",
                                             f"Duplicates row {seen[(key, value)]}: '{value}'"))
            elif value:
                seen[(key, value)] = number
        if not row_problems:
            try:
                plan = BUILDERS[kind](values, refs, actor)
                plan.row = number
                plans.append(plan)
            except _RowError as exc:
                c = known.get(exc.key)
                letter = column_letter(positions[exc.key]) if exc.key in positions else ""
                row_problems.append(_problem(number, c, letter, exc.zh, exc.en))
        for p in row_problems:
            if len(problems) < MAX_PROBLEMS:
                problems.append(p)
            else:
                more += 1
        if progress is not None and done % 200 == 0:
            progress(done, len(sheet.rows) * 2)
    if problems:
        raise ImportRefused(problems, more=more)
    return plans, ignored


def _refusal(plan: Planned, kind: str, exc: DomainError, headers: dict[str, Column]) -> ImportRefused:
    field = (exc.field or "").removeprefix("payload.").split(".")[0]
    key = plan.columns.get(field, "")
    column = headers.get(key)
    return ImportRefused([_problem(plan.row, column, "", exc.zh, exc.en)])


class Applier(Protocol):
    """How the rows are written inside the import's one transaction (directly, or through a desktop's outbox)."""

    def begin(self, session: Session) -> None: ...

    def apply(self, session: Session, mutation: Mutation, actor: Actor) -> None: ...


class DirectApplier:
    """A bureau database or a desktop working alone: `services.apply` and nothing else."""

    def begin(self, session: Session) -> None:
        return None

    def apply(self, session: Session, mutation: Mutation, actor: Actor) -> None:
        apply(session, mutation, actor)


def is_connected(session: Session) -> bool:
    """Whether this data folder is a desktop signed in to a bureau (its changes must go through the outbox)."""
    row = session.get(m.SyncState, "server_url")
    return bool(row and row.value)


def import_file(db: Database, kind: str, path: Path, *, actor_id: uuid.UUID,
                progress: Progress | None = None, applier: Applier | None = None) -> ImportResult:
    """Check ``path`` and, if every row is good, apply all of it in one transaction; else `ImportRefused`.

    ``applier``: a connected desktop passes its outbox's (`sync.outbox.OutboxApplier`); without one, a data folder
    signed in to a bureau is refused (its changes would never reach the bureau).
    """
    with db.read() as session:
        actor = resolve_actor(session, actor_id, on=dt.date.today())
        if applier is None and is_connected(session):
            raise ImportRefused([Problem(0, "", "", "", "这是已连接政数局的桌面数据文件夹：请在桌面程序中导入，以便将变更提交政数局",
                                         "This data folder is a desktop signed in to the bureau: import in the desktop "
                                         "app, so that the changes are sent to the bureau")])
        plans, ignored = plan_import(session, kind, path, actor, progress=progress)
    writer = applier or DirectApplier()
    headers = {c.key: c for c in EXPORT_COLUMNS[kind]}
    total = len(plans)
    count = 0
    with db.write() as session:
        writer.begin(session)
        for done, plan in enumerate(plans, start=1):
            for mutation in plan.mutations:
                try:
                    writer.apply(session, mutation, actor)
                except DomainError as exc:
                    raise _refusal(plan, kind, exc, headers) from None
                count += 1
            if progress is not None and (done % 50 == 0 or done == total):
                progress(total + done, total * 2)
    return ImportResult(kind, total, count, ignored)
