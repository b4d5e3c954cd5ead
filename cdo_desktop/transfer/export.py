"""Exports: a small registry of named tables (catalogue, open catalogue, requests, disputes, rulings,
accountability, scorecard …) written as CSV, Excel (openpyxl) or JSON.

Each exporter is a list of columns (key, Chinese header, English header) and a function that yields rows from a
session. A cell is either a plain stored value or a `Labeled` pair (the stored value and its display label, e.g.
``"conditional"`` / ``有条件共享``). CSV and Excel show the header and label in the chosen language (what an office
reads); JSON keeps both: ``{"values": {...stored...}, "labels": {...shown...}}`` for each row, so a program can
read it back without guessing. Colleagues add exporters with `register` (assets, platforms …).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import uuid
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlmodel import Session, select

from cdo_desktop.domain.duties import update_overdue
from cdo_desktop.domain.enums import (
    AccountabilityState,
    BureauDecision,
    ClaimDecision,
    Decision,
    DisputeKind,
    DisputeState,
    GroundKind,
    Measure,
    OpenType,
    OrderState,
    RequestState,
    ShareMethod,
    ShareType,
    UpdateCycle,
)
from cdo_desktop.domain.labels import LabeledEnum
from cdo_desktop.store import models as m

FORMATS = ("csv", "xlsx", "json")


@dataclass(frozen=True)
class Labeled:
    """A stored value with the label it is shown as (zh and en)."""

    value: Any
    zh: str
    en: str

    def label(self, lang: str) -> str:
        return self.en if lang.startswith("en") else self.zh


@dataclass(frozen=True)
class Column:
    key: str
    zh: str
    en: str

    def header(self, lang: str) -> str:
        return self.en if lang.startswith("en") else self.zh


Row = Mapping[str, Any]


@dataclass(frozen=True)
class Exporter:
    name: str
    zh: str
    en: str
    columns: tuple[Column, ...]
    rows: Callable[[Session], Iterable[Row]]


EXPORTERS: dict[str, Exporter] = {}


class ExportError(Exception):
    """A bad request for an export (unknown name or format, unwritable file): message in zh / en."""


def register(exporter: Exporter) -> Exporter:
    """Add (or replace) the exporter of ``exporter.name``."""
    EXPORTERS[exporter.name] = exporter
    return exporter


def exporter(name: str) -> Exporter:
    try:
        return EXPORTERS[name]
    except KeyError:
        known = "、".join(sorted(EXPORTERS))
        raise ExportError(f"未知的导出内容：{name}（可选：{known}） / unknown export: {name} (one of {', '.join(sorted(EXPORTERS))})") from None


def enum_cell(enum: type[LabeledEnum], value: str | None) -> Labeled | None:
    if value is None:
        return None
    try:
        member = enum(value)
    except ValueError:
        return Labeled(value, value, value)
    return Labeled(value, member.zh, member.en)


def _plain(value: Any) -> Any:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, uuid.UUID):
        return str(value)
    return value


def shown(cell: Any, lang: str) -> Any:
    """What CSV and Excel show for a cell."""
    if isinstance(cell, Labeled):
        return cell.label(lang)
    if isinstance(cell, bool):
        return ("是" if cell else "否") if not lang.startswith("en") else ("yes" if cell else "no")
    if cell is None:
        return ""
    return _plain(cell)


def table(name: str, session: Session, lang: str = "zh") -> tuple[list[str], list[list[Any]]]:
    """The headers and the shown cells of export ``name`` (what CSV and Excel hold)."""
    ex = exporter(name)
    rows = [[shown(row.get(c.key), lang) for c in ex.columns] for row in ex.rows(session)]
    return [c.header(lang) for c in ex.columns], rows


def as_json(name: str, session: Session, lang: str = "zh") -> dict[str, Any]:
    return _json_doc(exporter(name), session, lang)


def _json_doc(ex: Exporter, session: Any, lang: str) -> dict[str, Any]:
    out_rows = []
    for row in ex.rows(session):
        values = {}
        labels = {}
        for c in ex.columns:
            cell = row.get(c.key)
            if isinstance(cell, Labeled):
                values[c.key] = _plain(cell.value)
                labels[c.key] = cell.label(lang)
            else:
                values[c.key] = _plain(cell)
        out_rows.append({"values": values, "labels": labels})
    return {
        "export": ex.name,
        "title": ex.en if lang.startswith("en") else ex.zh,
        "lang": "en" if lang.startswith("en") else "zh",
        "columns": [{"key": c.key, "zh": c.zh, "en": c.en} for c in ex.columns],
        "rows": out_rows,
    }


def write_table(path: Path, fmt: str, *, name: str, title: str, columns: list[Column],
                rows: list[Mapping[str, Any]], lang: str = "zh") -> int:
    """Write any list (a desktop list page: its columns, its search and filters) as ``fmt``.

    ``rows`` map each column key to a cell (a plain value or a `Labeled`), as exporters yield them."""
    exporter_ = Exporter(name, title, title, tuple(columns), lambda _session: rows)
    return _write(exporter_, None, path, fmt, lang)


def write(name: str, session: Session, path: Path, fmt: str, lang: str = "zh") -> int:
    """Write export ``name`` to ``path`` as ``fmt``; returns the number of rows. Nothing is left half-written."""
    return _write(exporter(name), session, path, fmt, lang)


def _write(ex: Exporter, session: Any, path: Path, fmt: str, lang: str) -> int:
    if fmt not in FORMATS:
        raise ExportError(f"不支持的格式：{fmt}（可选 csv、xlsx、json） / unsupported format: {fmt} (csv, xlsx, json)")
    if fmt == "json":
        doc = _json_doc(ex, session, lang)
        data = json.dumps(doc, ensure_ascii=False, indent=1).encode("utf-8")
        count = len(doc["rows"])
    else:
        headers = [c.header(lang) for c in ex.columns]
        rows = [[shown(row.get(c.key), lang) for c in ex.columns] for row in ex.rows(session)]
        count = len(rows)
        data = _csv(headers, rows) if fmt == "csv" else _xlsx(ex.zh if not lang.startswith("en") else ex.en, headers, rows)
    tmp = path.with_name(path.name + ".part")
    try:
        tmp.write_bytes(data)
        tmp.replace(path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise ExportError(f"无法写入文件 {path}：{exc.strerror} / cannot write {path}: {exc.strerror}") from None
    return count


def _csv(headers: list[str], rows: list[list[Any]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(headers)
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8-sig")  # the BOM lets Excel on Chinese Windows read UTF-8


def _xlsx(title: str, headers: list[str], rows: list[list[Any]]) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = title[:31]
    sheet.append(headers)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append(row)
    sheet.freeze_panes = "A2"
    for n, header in enumerate(headers, start=1):
        width = max([len(str(header))] + [len(str(r[n - 1])) for r in rows[:200]]) + 2
        sheet.column_dimensions[sheet.cell(1, n).column_letter].width = min(max(width * 1.6, 8), 60)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


# -- the exporters of the rules (issue #11) ---------------------------------------------------------------------


def _names(session: Session) -> dict[uuid.UUID, str]:
    return {d.id: d.name for d in session.exec(select(m.Department))}


def _items(items: Iterable[Any]) -> str:
    return "、".join(i["name"] if isinstance(i, dict) else str(i) for i in items)


def _c(key: str, zh: str, en: str) -> Column:
    return Column(key, zh, en)


def _catalogue_rows(session: Session, *, open_only: bool) -> Iterator[Row]:
    names = _names(session)
    today = dt.date.today()
    for r in session.exec(select(m.DataResource).order_by(m.DataResource.code)):
        if open_only and r.open_type == OpenType.CLOSED.value:
            continue
        last = r.data_updated_on or r.published_on
        yield {
            "code": r.code, "name": r.name, "department": names.get(r.department_id, ""),
            "summary": r.summary, "format": r.format, "items": _items(r.items),
            "share_type": enum_cell(ShareType, r.share_type), "share_conditions": r.share_conditions,
            "legal_basis": r.legal_basis, "share_method": enum_cell(ShareMethod, r.share_method),
            "open_type": enum_cell(OpenType, r.open_type), "open_reason": r.open_reason,
            "open_legal_basis": r.open_legal_basis, "open_channel": r.open_channel,
            "open_published_on": r.open_published_on, "update_cycle": enum_cell(UpdateCycle, r.update_cycle),
            "data_updated_on": last, "update_overdue": update_overdue(r.update_cycle, last, today),
            "source_system": r.source_system, "published_on": r.published_on,
        }


_CATALOGUE_COLUMNS = (
    _c("code", "资源编码", "Code"), _c("name", "资源名称", "Name"),
    _c("department", "数源部门（归属权）", "Source department (ownership)"),
    _c("summary", "摘要", "Summary"), _c("format", "格式", "Format"), _c("items", "数据项", "Data items"),
    _c("share_type", "共享类型", "Share type"), _c("share_conditions", "共享条件", "Share conditions"),
    _c("legal_basis", "共享依据", "Legal basis (sharing)"), _c("share_method", "共享方式", "Share method"),
    _c("open_type", "开放类型", "Open type"), _c("open_reason", "不予或有条件开放理由", "Reason (open type)"),
    _c("open_legal_basis", "开放依据", "Legal basis (opening)"), _c("open_channel", "开放渠道", "Channel"),
    _c("open_published_on", "开放发布日期", "Opened on"), _c("update_cycle", "更新周期", "Update cycle"),
    _c("data_updated_on", "最近更新", "Last update"), _c("update_overdue", "更新逾期", "Update overdue"),
    _c("source_system", "来源系统", "Source system"), _c("published_on", "发布日期", "Published on"),
)
_OPEN_COLUMNS = tuple(c for c in _CATALOGUE_COLUMNS if c.key in (
    "code", "name", "department", "summary", "format", "items", "open_type", "open_reason", "open_legal_basis",
    "open_channel", "open_published_on", "update_cycle", "data_updated_on"))


def _request_rows(session: Session) -> Iterator[Row]:
    names = _names(session)
    resources = {r.id: r for r in session.exec(select(m.DataResource))}
    query = select(m.SharingRequest).order_by(m.SharingRequest.created_on, m.SharingRequest.number)  # type: ignore[arg-type]
    for q in session.exec(query):
        res = resources.get(q.resource_id)
        yield {
            "number": q.number, "requester": names.get(q.requester_department_id, ""),
            "provider": names.get(q.provider_department_id, ""), "resource": res.name if res else "",
            "share_type": enum_cell(ShareType, res.share_type) if res else None, "items": _items(q.items),
            "granted_items": _items(q.granted_items), "purpose": q.purpose, "legal_basis": q.legal_basis,
            "state": enum_cell(RequestState, q.state), "created_on": q.created_on, "submitted_on": q.submitted_on,
            "checked_on": q.checked_on, "reply_due": q.reply_due, "answered_on": q.answered_on,
            "granted_on": q.granted_on, "reason": q.reason, "refusal_basis": q.refusal_basis,
            "period_start": q.period_start, "period_end": q.period_end,
        }


_REQUEST_COLUMNS = (
    _c("number", "编号", "Number"), _c("requester", "申请部门（使用权）", "Requesting department"),
    _c("provider", "数源部门（归属权）", "Source department"), _c("resource", "资源", "Resource"),
    _c("share_type", "共享类型", "Share type"), _c("items", "申请数据项", "Items asked"),
    _c("granted_items", "同意数据项", "Items granted"), _c("purpose", "用途", "Purpose"),
    _c("legal_basis", "使用依据", "Legal basis"), _c("state", "状态", "State"), _c("created_on", "创建日期", "Created"),
    _c("submitted_on", "提交日期", "Submitted"), _c("checked_on", "合规审核日期", "Checked"),
    _c("reply_due", "答复期限（含当日）", "Reply due (inclusive)"), _c("answered_on", "答复日期", "Answered"),
    _c("granted_on", "开通日期", "Granted"), _c("reason", "理由", "Reason"),
    _c("refusal_basis", "不予共享依据", "Basis of refusal"), _c("period_start", "使用期限起", "Period from"),
    _c("period_end", "使用期限止", "Period to"),
)


def _numbered(lines: Iterable[str]) -> str:
    return "；".join(f"{n}. {text}" for n, text in enumerate(lines, start=1) if text) or ""


def _dispute_rows(session: Session) -> Iterator[Row]:
    names = _names(session)
    claims: dict[uuid.UUID, list[m.DisputeClaim]] = {}
    for c in session.exec(select(m.DisputeClaim)):
        claims.setdefault(c.dispute_id, []).append(c)
    for d in session.exec(select(m.Dispute).order_by(m.Dispute.filed_on, m.Dispute.number)):  # type: ignore[arg-type]
        mine = sorted(claims.get(d.id, []), key=lambda c: c.position)
        yield {
            "number": d.number, "claimant": names.get(d.claimant_department_id, ""),
            "respondent": names.get(d.respondent_department_id, ""), "kind": enum_cell(DisputeKind, d.kind),
            "state": enum_cell(DisputeState, d.state), "filed_on": d.filed_on,
            "claims": _numbered(c.text for c in mine), "answers": _numbered(c.answer or "（未答辩）" for c in mine),
            "answer_due": d.answer_due, "accepted_on": d.accepted_on, "ruling_due": d.ruling_due,
            "ruled_on": d.ruled_on, "closed_on": d.closed_on, "reason": d.reason,
        }


_DISPUTE_COLUMNS = (
    _c("number", "编号", "Number"), _c("claimant", "申请人", "Claimant"), _c("respondent", "被申请人", "Respondent"),
    _c("kind", "争议类型", "Kind"), _c("state", "状态", "State"), _c("filed_on", "申请日期", "Filed"),
    _c("claims", "仲裁请求", "Claims"), _c("answers", "答辩意见", "Answers"),
    _c("answer_due", "答辩期限（含当日）", "Answer due (inclusive)"), _c("accepted_on", "受理日期", "Accepted"),
    _c("ruling_due", "裁决期限（含当日）", "Ruling due (inclusive)"), _c("ruled_on", "裁决日期", "Ruled"),
    _c("closed_on", "办结日期", "Closed"), _c("reason", "理由", "Reason"),
)


def _ruling_rows(session: Session) -> Iterator[Row]:
    names = _names(session)
    people = {p.id: p.name for p in session.exec(select(m.Commissioner))}
    disputes = {d.id: d for d in session.exec(select(m.Dispute))}
    claims: dict[uuid.UUID, list[m.DisputeClaim]] = {}
    for c in session.exec(select(m.DisputeClaim)):
        claims.setdefault(c.dispute_id, []).append(c)
    orders: dict[uuid.UUID, list[m.RulingOrder]] = {}
    for o in session.exec(select(m.RulingOrder)):
        orders.setdefault(o.ruling_id, []).append(o)
    for r in session.exec(select(m.Ruling).order_by(m.Ruling.issued_on, m.Ruling.number)):  # type: ignore[arg-type]
        dispute = disputes.get(r.dispute_id)
        decided = sorted(claims.get(r.dispute_id, []), key=lambda c: c.position)
        mine = sorted(orders.get(r.id, []), key=lambda o: o.position)

        def _claim(c: m.DisputeClaim) -> str:
            label = ClaimDecision(c.decision).zh if c.decision in {d.value for d in ClaimDecision} else "未裁决"
            return f"{label}（{c.reasoning}）" if c.reasoning else label

        def _order(o: m.RulingOrder) -> str:
            due = (f"于{o.due_on.isoformat()}前（含当日）" if o.received_on
                   else f"自收到之日起{o.deadline_days}个工作日内")
            return f"{names.get(o.addressee_department_id, '')}：{o.action}，{due}（{OrderState(o.state).zh}）"

        yield {
            "number": r.number, "dispute": dispute.number if dispute else "",
            "decision": enum_cell(Decision, r.decision), "issued_on": r.issued_on,
            "issuer": people.get(r.issuer_id, "") if r.issuer_id else "",
            "arbitrators": "、".join(people.get(uuid.UUID(a), a) for a in r.arbitrator_ids),
            "claim_decisions": _numbered(_claim(c) for c in decided),
            "orders": _numbered(_order(o) for o in mine), "findings": _numbered(r.findings),
            "reasoning": r.reasoning, "rules_relied_on": "；".join(r.rules_relied_on),
        }


_RULING_COLUMNS = (
    _c("number", "文号", "Number"), _c("dispute", "争议编号", "Dispute"), _c("decision", "裁决结果", "Decision"),
    _c("issued_on", "作出日期", "Issued"), _c("issuer", "作出裁决的仲裁员", "Issued by"),
    _c("arbitrators", "仲裁员", "Arbitrators"), _c("claim_decisions", "逐项裁决", "Decision on each claim"),
    _c("orders", "裁决事项", "Orders"), _c("findings", "查明事实", "Findings"), _c("reasoning", "理由", "Reasoning"),
    _c("rules_relied_on", "依据", "Rules relied on"),
)


def _accountability_rows(session: Session) -> Iterator[Row]:
    names = _names(session)
    query = select(m.AccountabilityRecord).order_by(m.AccountabilityRecord.created_on,  # type: ignore[arg-type]
                                                    m.AccountabilityRecord.number)
    for a in session.exec(query):
        yield {
            "number": a.number, "department": names.get(a.department_id, ""),
            "ground": enum_cell(GroundKind, a.ground_kind), "ground_note": a.ground_note, "violation": a.violation,
            "measure": enum_cell(Measure, a.measure), "state": enum_cell(AccountabilityState, a.state),
            "created_on": a.created_on, "received_on": a.received_on, "defence_due": a.defence_due,
            "defence": a.defence, "decision": enum_cell(BureauDecision, a.decision),
            "decision_reason": a.decision_reason, "rectification_due": a.rectification_due,
            "report": a.report, "closed_on": a.closed_on,
        }


_ACCOUNTABILITY_COLUMNS = (
    _c("number", "文号", "Number"), _c("department", "被问责部门", "Department"), _c("ground", "问责依据", "Ground"),
    _c("ground_note", "依据说明", "Ground detail"), _c("violation", "问题", "Violation"),
    _c("measure", "问责措施", "Measure"), _c("state", "状态", "State"), _c("created_on", "作出日期", "Created"),
    _c("received_on", "签收日期", "Received"), _c("defence_due", "申辩期限（含当日）", "Defence due (inclusive)"),
    _c("defence", "申辩意见", "Defence"), _c("decision", "复核决定", "Decision"),
    _c("decision_reason", "决定理由", "Reason"), _c("rectification_due", "整改期限（含当日）", "Rectify by (inclusive)"),
    _c("report", "整改报告", "Report"), _c("closed_on", "销号日期", "Closed"),
)

register(Exporter("catalogue", "数据资源目录", "Data catalogue", _CATALOGUE_COLUMNS,
                  lambda s: _catalogue_rows(s, open_only=False)))
register(Exporter("open-catalogue", "开放目录", "Open catalogue", _OPEN_COLUMNS,
                  lambda s: _catalogue_rows(s, open_only=True)))
register(Exporter("requests", "共享申请", "Sharing requests", _REQUEST_COLUMNS, _request_rows))
register(Exporter("disputes", "争议", "Disputes", _DISPUTE_COLUMNS, _dispute_rows))
register(Exporter("rulings", "裁决", "Rulings", _RULING_COLUMNS, _ruling_rows))
register(Exporter("accountability", "问责记录", "Accountability records", _ACCOUNTABILITY_COLUMNS,
                  _accountability_rows))


def register_table(name: str, zh: str, en: str, columns: Iterable[tuple[str, str, str]],
                   rows: Callable[[Session], Iterable[Row]]) -> Exporter:
    """Register an exporter from plain column triples (key, zh, en): for layers that cannot import this one."""
    return register(Exporter(name, zh, en, tuple(Column(*c) for c in columns), rows))


def _register_the_registers() -> None:
    """The asset and platform registers (transfer/exports.py) join the named exports (`cdo export assets|platforms`)."""
    import sys

    from cdo_desktop.transfer import exports

    exports.register_exports(sys.modules[__name__])


_register_the_registers()
