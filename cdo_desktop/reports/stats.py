"""The scorecard's figures per department for a period, computed from the store on the official calendar."""

from __future__ import annotations

import dataclasses
import datetime as dt
import statistics
import uuid
from collections import defaultdict

from sqlmodel import Session, select

from cdo_desktop.domain.duties import update_overdue
from cdo_desktop.domain.enums import (
    AccountabilityState,
    Decision,
    MisuseState,
    ObjectionState,
    OpenType,
    OrderState,
    RequestState,
)
from cdo_desktop.domain.workdays import HolidayCalendar
from cdo_desktop.reports import page
from cdo_desktop.reports.asset_stats import asset_rows
from cdo_desktop.reports.builders import bureau_name, plain
from cdo_desktop.reports.views import RefusalLine, ScorecardView, ScoreRow
from cdo_desktop.services.context import load_calendar
from cdo_desktop.store import models as m
from cdo_desktop.store.records import SessionRecords

_OBJECTION_DONE = {s.value for s in (ObjectionState.VERIFIED, ObjectionState.CORRECTED, ObjectionState.REJECTED,
                                     ObjectionState.CLOSED)}
_ORDER_DONE = {OrderState.REPORTED.value, OrderState.COMPLIED.value}
_RECORD_DONE = {AccountabilityState.CLOSED.value, AccountabilityState.WITHDRAWN.value}


def _median(values: list[int]) -> float | None:
    return float(statistics.median(values)) if values else None


def scorecard_record_id(start: dt.date, end: dt.date) -> str:
    return f"scorecard:{start.isoformat()}:{end.isoformat()}"


def scorecard_view(session: Session, start: dt.date, end: dt.date, *, issued_on: dt.date | None = None) -> ScorecardView:
    """Every active department's sharing performance from ``start`` to ``end`` (both included)."""
    if end < start:
        raise ValueError("the period must not end before it starts")
    calendar = load_calendar(session)
    departments = session.exec(
        select(m.Department).where(m.Department.active == True).where(m.Department.is_bureau == False)  # noqa: E712
        .order_by(m.Department.code)
    ).all()
    counts: dict[uuid.UUID, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    days: dict[uuid.UUID, list[int]] = defaultdict(list)
    refusals: list[tuple[str, RefusalLine]] = []
    names = {d.id: d.name for d in departments}

    for req in session.exec(select(m.SharingRequest).where(m.SharingRequest.checked_on != None)):  # noqa: E711
        if req.checked_on is None or not start <= req.checked_on <= end:
            continue
        c = counts[req.provider_department_id]
        c["received"] += 1
        if req.answered_on is not None:
            c["answered"] += 1
            c["on_time"] += int(req.reply_due is None or req.answered_on <= req.reply_due)
            days[req.provider_department_id].append(calendar.workdays_between(req.checked_on, req.answered_on)[0])
        if req.state == RequestState.REFUSED.value:
            c["refused"] += 1
            if req.provider_department_id in names:
                refusals.append((req.number, RefusalLine(names[req.provider_department_id], req.number,
                                                         req.reason or "未说明理由")))

    for obj in session.exec(select(m.QualityObjection)):
        if obj.raised_on <= end and obj.state not in _OBJECTION_DONE:
            counts[obj.owner_department_id]["objections_open"] += 1

    for ruling in session.exec(select(m.Ruling)):
        if not start <= ruling.issued_on <= end:
            continue
        dispute = session.get(m.Dispute, ruling.dispute_id)
        if dispute is None:
            continue
        if ruling.decision in (Decision.UPHELD.value, Decision.PARTLY.value):
            counts[dispute.respondent_department_id]["disputes_lost"] += 1
        elif ruling.decision == Decision.DISMISSED.value:
            counts[dispute.claimant_department_id]["disputes_lost"] += 1

    for order in session.exec(select(m.RulingOrder)):
        if not start <= order.due_on <= end:
            continue
        c = counts[order.addressee_department_id]
        c["orders_due"] += 1
        done_on = order.reported_on or order.complied_on
        c["orders_on_time"] += int(order.state in _ORDER_DONE and done_on is not None and done_on <= order.due_on)

    for rec in session.exec(select(m.AccountabilityRecord)):
        if rec.created_on <= end and rec.state not in _RECORD_DONE:
            counts[rec.department_id]["rectifications_open"] += 1

    correction: dict[uuid.UUID, list[int]] = defaultdict(list)
    _duties(session, calendar, start, end, counts, correction)

    rows = tuple(
        ScoreRow(department=d.name, median_days=_median(days[d.id]), correction_days=_median(correction[d.id]),
                 **counts[d.id])
        for d in departments
    )
    keys = [f.name for f in dataclasses.fields(ScoreRow)
            if f.name not in ("department", "median_days", "correction_days")]
    all_days = [n for d in departments for n in days[d.id]]
    all_corrections = [n for d in departments for n in correction[d.id]]
    total = ScoreRow("全市合计", median_days=_median(all_days), correction_days=_median(all_corrections),
                     **{k: sum(getattr(r, k) for r in rows) for k in keys})
    refusal_lines = tuple(line for _, line in sorted(refusals, key=lambda t: (t[1].department, t[0])))
    asset_lines, assets_total = asset_rows(session, departments, end)
    record = plain({
        "start": start,
        "end": end,
        "rows": [dataclasses.asdict(r) for r in rows],
        "total": dataclasses.asdict(total),
        "refusals": [dataclasses.asdict(r) for r in refusal_lines],
        "assets": [dataclasses.asdict(r) for r in asset_lines],
        "assets_total": dataclasses.asdict(assets_total),
    })
    return ScorecardView(
        kind="scorecard",
        number=f"{page.cn_date(start)}至{page.cn_date(end)}",
        record_id=scorecard_record_id(start, end),
        record=record,
        issuer=bureau_name(SessionRecords(session)),
        issued_on=issued_on or end,
        start=start,
        end=end,
        rows=rows,
        total=total,
        refusals=refusal_lines,
        assets=asset_lines,
        assets_total=assets_total,
    )


def _duties(session: Session, calendar: HolidayCalendar, start: dt.date, end: dt.date,
            counts: dict[uuid.UUID, dict[str, int]], correction: dict[uuid.UUID, list[int]]) -> None:
    """The owner's duties: catalogue and openness at the end of the period, quality objections raised in it (and the
    working days to correct them), data updates overdue on the period's last day, catalogue updates due in it, and
    confirmed misuse findings against each using department."""
    for res in session.exec(select(m.DataResource)):
        c = counts[res.department_id]
        c["resources"] += 1
        c["open_resources"] += int(res.open_type != OpenType.CLOSED.value)
        c["updates_overdue"] += int(update_overdue(res.update_cycle, res.data_updated_on or res.published_on, end))
    for obj in session.exec(select(m.QualityObjection)):
        if not start <= obj.raised_on <= end:
            continue
        counts[obj.owner_department_id]["objections_raised"] += 1
        if obj.resolution == "corrected" and obj.resolved_on is not None:
            counts[obj.owner_department_id]["objections_corrected"] += 1
            correction[obj.owner_department_id].append(calendar.workdays_between(obj.raised_on, obj.resolved_on)[0])
    for dept in session.exec(select(m.Department)):
        due = dept.catalogue_update_due
        if due is None or not start <= due <= end:
            continue
        counts[dept.id]["catalogue_updates_due"] += 1
        done = dept.catalogue_updated_on
        counts[dept.id]["catalogue_updates_on_time"] += int(done is not None and done <= due)
    for report in session.exec(select(m.MisuseReport)):
        if report.state == MisuseState.CONFIRMED.value and report.found_on and start <= report.found_on <= end:
            counts[report.user_department_id]["misuse_findings"] += 1


SCORECARD_COLUMNS: tuple[tuple[str, str, str], ...] = (
    ("department", "部门", "Department"),
    ("received", "收到申请", "Requests received"),
    ("answered", "已答复", "Answered"),
    ("on_time", "按时答复", "Answered on time"),
    ("median_days", "答复用时中位数（工作日）", "Median reply time (working days)"),
    ("refused", "拒绝共享", "Refused"),
    ("objections_open", "未办结异议", "Open objections"),
    ("disputes_lost", "裁决未支持其主张", "Rulings against its position"),
    ("orders_due", "应履行裁决事项", "Orders due"),
    ("orders_on_time", "按时履行裁决事项", "Orders complied on time"),
    ("rectifications_open", "未销号整改", "Rectifications open"),
    ("resources", "目录资源", "Resources"),
    ("open_resources", "开放资源", "Open resources"),
    ("open_rate", "开放率", "Openness rate"),
    ("objections_raised", "数据异议", "Objections raised"),
    ("objections_per_resource", "每项资源异议数", "Objections per resource"),
    ("objections_corrected", "已更正异议", "Objections corrected"),
    ("correction_days", "更正用时中位数（工作日）", "Median correction time (working days)"),
    ("updates_overdue", "数据更新逾期", "Updates overdue"),
    ("catalogue_updates_due", "应更新目录", "Catalogue updates due"),
    ("catalogue_updates_on_time", "按期更新目录", "Catalogue updates on time"),
    ("misuse_findings", "违规使用经查属实", "Misuse findings"),
)


def scorecard_rows(session: Session, start: dt.date, end: dt.date) -> list[dict[str, object]]:
    """The scorecard's figures as plain rows (one per department, then the city total) for exports."""
    view = scorecard_view(session, start, end)
    out: list[dict[str, object]] = []
    for row in (*view.rows, view.total):
        values: dict[str, object] = {key: getattr(row, key) for key, _, _ in SCORECARD_COLUMNS}
        for key in ("open_rate", "objections_per_resource", "median_days", "correction_days"):
            value = values[key]
            values[key] = None if value is None else round(float(value), 4)  # type: ignore[arg-type]
        out.append(values)
    return out
