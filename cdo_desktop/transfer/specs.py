"""The columns of each importable and exportable table, with Chinese headers, and the rows the store gives for them.

``catalogue``, ``directory``, ``assets`` and ``platforms`` share one shape for export and import, so that an
exported file imports into an empty network and gives the same rows back. Export-only columns (state, certificate
number, latest valuation) are read past on import: an imported asset is an application the bureau still approves.
"""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import func, select
from sqlmodel import Session

from cdo_desktop.domain.enums import (
    AssetState,
    DataItemType,
    DepartmentLevel,
    OpenType,
    QualityGrade,
    Role,
    ShareMethod,
    ShareType,
    SystemKind,
    SystemStatus,
    UpdateCycle,
    ValuationMethod,
)
from cdo_desktop.store import models as m
from cdo_desktop.transfer.tables import Column


def _labels(enum: Any) -> str:
    return "、".join(e.zh for e in enum)


CATALOGUE = [
    Column("code", "资源代码", "Resource code", True, "在全市唯一，如 FS-GAJ-001"),
    Column("name", "资源名称", "Resource name", True),
    Column("department", "数源部门编码", "Owning department code", True, "部门编码，须已在部门目录中；只能导入本部门的资源"),
    Column("summary", "资源摘要", "Summary"),
    Column("format", "数据格式", "Format"),
    Column("items", "数据项", "Data items", True, "以“；”分隔，可写类型：姓名:字符型；出生日期:日期型。类型：" + _labels(DataItemType)),
    Column("share_type", "共享类型", "Share type", False, _labels(ShareType) + "（默认无条件共享）"),
    Column("share_conditions", "共享条件", "Share conditions"),
    Column("legal_basis", "共享依据", "Legal basis", False, "有条件共享、不予共享必须填写"),
    Column("share_method", "共享方式", "Share method", False, _labels(ShareMethod)),
    Column("open_type", "开放类型", "Open type", False, _labels(OpenType) + "（默认无条件开放）"),
    Column("update_cycle", "更新周期", "Update cycle", False, _labels(UpdateCycle)),
    Column("source_system", "来源系统", "Source system", False, "平台和系统登记簿中的系统名称或编码"),
    Column("published_on", "发布日期", "Published on", False, "如 2026-01-05"),
    Column("open_reason", "不予或有条件开放理由", "Reason for restricted opening", False, "有条件开放、不予开放必须填写"),
    Column("open_legal_basis", "开放限制依据", "Legal basis for restricted opening", False, "有条件开放、不予开放必须填写"),
    Column("open_channel", "开放渠道", "Open data channel"),
    Column("open_published_on", "开放发布日期", "Opened on", False, "如 2026-01-05"),
]

DIRECTORY = [
    Column("code", "部门编码", "Department code", True, "在全市唯一，如 FS-GAJ"),
    Column("name", "部门名称", "Department name", True),
    Column("short_name", "简称", "Short name"),
    Column("level", "层级", "Level", False, _labels(DepartmentLevel)),
    Column("parent", "上级部门编码", "Parent department code", False, "须为已有部门或本文件中靠前的行"),
    Column("commissioner", "数据专员", "Data commissioner"),
    Column("commissioner_phone", "数据专员电话", "Commissioner phone"),
    Column("commissioner_email", "数据专员邮箱", "Commissioner e-mail"),
    Column("cdo", "首席数据官", "Chief data officer"),
    Column("cdo_phone", "首席数据官电话", "CDO phone"),
    Column("appointed_on", "任职日期", "Appointed on", False, "如 2026-01-05（默认导入当天）"),
]

ASSETS = [
    Column("code", "资产编码", "Asset code", True, "440600-部门编码-ZC-四位序号，如 440600-FS-GAJ-ZC-0001"),
    Column("resource", "资源代码", "Resource code", True, "对应数据资源的资源代码；只能登记本部门的资源"),
    Column("name", "资产名称", "Asset name", True),
    Column("scope", "数据范围", "Scope", True),
    Column("volume", "数据规模", "Volume", True, "如 约 960 万条，12 GB"),
    Column("record_count", "记录数", "Record count", False, "整数"),
    Column("quality_grade", "质量等级", "Quality grade", False, _labels(QualityGrade)),
]
ASSETS_EXPORT_ONLY = [
    Column("holder", "持有单位", "Holder"),
    Column("state", "登记状态", "Registration status"),
    Column("number", "登记凭证编号", "Certificate number"),
    Column("registered_on", "登记日期", "Registered on"),
    Column("valuations", "评估次数", "Valuations"),
    Column("method", "最近评估方法", "Latest valuation method"),
    Column("value_yuan", "最近评估价值（元）", "Latest value (yuan)"),
    Column("valued_on", "最近评估基准日", "Latest valuation date"),
    Column("valuer", "评估机构", "Valuer"),
]

PLATFORMS = [
    Column("code", "系统编码", "System code", True, "在全市唯一，如 FS-GAJ-SYS"),
    Column("name", "系统名称", "System name", True),
    Column("operator", "运维部门编码", "Operator department code", True, "只能登记本部门运维的系统（管理员可登记全市的）"),
    Column("kind", "类型", "Kind", False, _labels(SystemKind)),
    Column("status", "状态", "Status", False, _labels(SystemStatus)),
    Column("description", "说明", "Description"),
]
PLATFORMS_EXPORT_ONLY = [
    Column("operator_name", "运维部门", "Operator"),
    Column("registered_on", "登记日期", "Registered on"),
    Column("resources", "来源资源数", "Resources naming it"),
]

IMPORT_COLUMNS: dict[str, list[Column]] = {
    "catalogue": CATALOGUE, "directory": DIRECTORY, "assets": ASSETS, "platforms": PLATFORMS,
}
EXPORT_COLUMNS: dict[str, list[Column]] = {
    "catalogue": CATALOGUE, "directory": DIRECTORY, "assets": ASSETS + ASSETS_EXPORT_ONLY,
    "platforms": PLATFORMS + PLATFORMS_EXPORT_ONLY,
}
TITLES = {"catalogue": "数据资源目录", "directory": "部门目录", "assets": "数据资产登记簿", "platforms": "平台和系统登记簿"}


def _codes(session: Session) -> dict[uuid.UUID, m.Department]:
    return {d.id: d for d in session.execute(select(m.Department)).scalars()}


def catalogue_rows(session: Session) -> list[dict[str, Any]]:
    depts = _codes(session)
    rows = []
    for r in session.execute(select(m.DataResource).order_by(m.DataResource.code)).scalars():
        rows.append({
            "code": r.code, "name": r.name, "department": depts[r.department_id].code, "summary": r.summary,
            "format": r.format,
            "items": "；".join(f"{i['name']}:{DataItemType(i.get('type', 'string')).zh}" for i in r.items),
            "share_type": ShareType(r.share_type).zh, "share_conditions": r.share_conditions,
            "legal_basis": r.legal_basis, "share_method": ShareMethod(r.share_method).zh,
            "open_type": OpenType(r.open_type).zh, "open_reason": r.open_reason,
            "open_legal_basis": r.open_legal_basis, "open_channel": r.open_channel,
            "open_published_on": r.open_published_on, "update_cycle": UpdateCycle(r.update_cycle).zh,
            "source_system": r.source_system, "published_on": r.published_on,
        })
    return rows


def directory_rows(session: Session) -> list[dict[str, Any]]:
    depts = _codes(session)
    people: dict[tuple[uuid.UUID, str], m.Commissioner] = {}
    for c in session.execute(select(m.Commissioner).where(m.Commissioner.ended_on == None)  # noqa: E711
                             .order_by(m.Commissioner.appointed_on)).scalars():
        people.setdefault((c.department_id, c.role), c)
    rows = []
    ordered = sorted(depts.values(), key=lambda d: (d.parent_id is not None, d.code))
    for d in ordered:
        if d.is_bureau:
            continue  # the bureau exists in every network (bootstrap); it is not imported
        com = people.get((d.id, Role.COMMISSIONER.value))
        cdo = people.get((d.id, Role.CDO.value))
        first = min((p.appointed_on for p in (com, cdo) if p is not None), default=None)
        rows.append({
            "code": d.code, "name": d.name, "short_name": d.short_name, "level": DepartmentLevel(d.level).zh,
            "parent": depts[d.parent_id].code if d.parent_id in depts else "",
            "commissioner": com.name if com else "", "commissioner_phone": com.phone if com else "",
            "commissioner_email": com.email if com else "", "cdo": cdo.name if cdo else "",
            "cdo_phone": cdo.phone if cdo else "", "appointed_on": first,
        })
    return rows


def assets_rows(session: Session) -> list[dict[str, Any]]:
    depts = _codes(session)
    resources = {r.id: r for r in session.execute(select(m.DataResource)).scalars()}
    latest: dict[uuid.UUID, m.AssetValuation] = {}
    counts: dict[uuid.UUID, int] = {}
    for v in session.execute(select(m.AssetValuation).order_by(m.AssetValuation.valued_on,
                                                               m.AssetValuation.recorded_on)).scalars():
        latest[v.asset_id] = v
        counts[v.asset_id] = counts.get(v.asset_id, 0) + 1
    rows = []
    for a in session.execute(select(m.DataAsset).order_by(m.DataAsset.code)).scalars():
        v = latest.get(a.id)
        rows.append({
            "code": a.code, "resource": resources[a.resource_id].code if a.resource_id in resources else "",
            "name": a.name, "scope": a.scope, "volume": a.volume, "record_count": a.record_count,
            "quality_grade": QualityGrade(a.quality_grade).zh, "holder": depts[a.department_id].name,
            "state": AssetState(a.state).zh, "number": a.number, "registered_on": a.registered_on,
            "valuations": counts.get(a.id, 0), "method": ValuationMethod(v.method).zh if v else "",
            "value_yuan": f"{v.value_fen / 100:.2f}" if v else "", "valued_on": v.valued_on if v else None,
            "valuer": v.valuer if v else "",
        })
    return rows


def platforms_rows(session: Session) -> list[dict[str, Any]]:
    depts = _codes(session)
    named = dict(session.execute(select(m.DataResource.source_system_id, func.count())
                                 .group_by(m.DataResource.source_system_id)).all())
    rows = []
    for s in session.execute(select(m.PlatformSystem).order_by(m.PlatformSystem.code)).scalars():
        rows.append({
            "code": s.code, "name": s.name, "operator": depts[s.operator_department_id].code,
            "kind": SystemKind(s.kind).zh, "status": SystemStatus(s.status).zh, "description": s.description,
            "operator_name": depts[s.operator_department_id].name, "registered_on": s.registered_on,
            "resources": int(named.get(s.id, 0)),
        })
    return rows


ROWS = {"catalogue": catalogue_rows, "directory": directory_rows, "assets": assets_rows, "platforms": platforms_rows}
