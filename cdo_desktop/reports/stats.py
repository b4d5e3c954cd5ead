"""The scorecard's figures per department for a period, computed from the store on the official calendar."""

from __future__ import annotations

import dataclasses
import datetime as dt
import statistics
import uuid
from collections import defaultdict

from sqlmodel import Session, select

from cdo_desktop.domain.enums import AccountabilityState, Decision, ObjectionState, OrderState, RequestState
from cdo_desktop.reports import page
from cdo_desktop.reports.asset_stats import asset_rows
from cdo_desktop.reports.builders import bureau_name, plain
from cdo_desktop.reports.views import RefusalLine, ScorecardView, ScoreRow
from cdo_desktop.services.context import load_calendar
from cdo_desktop.store import models as m

_OBJECTION_DONE = {s.value for s in (ObjectionState.VERIFIED, ObjectionState.CORRECTED, ObjectionState.REJECTED,
                                     ObjectionState.CLOSED)}
_ORDER_DONE = {OrderState.REPORTED.value, OrderState.COMPLIED.value}


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
        if rec.created_on <= end and rec.state != AccountabilityState.CLOSED.value:
            counts[rec.department_id]["rectifications_open"] += 1

    rows = tuple(
        ScoreRow(department=d.name, median_days=_median(days[d.id]), **counts[d.id]) for d in departments
    )
    keys = [f.name for f in dataclasses.fields(ScoreRow) if f.name not in ("department", "median_days")]
    all_days = [n for d in departments for n in days[d.id]]
    total = ScoreRow("全市合计", median_days=_median(all_days), **{k: sum(getattr(r, k) for r in rows) for k in keys})
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
        issuer=bureau_name(session),
        issued_on=issued_on or end,
        start=start,
        end=end,
        rows=rows,
        total=total,
        refusals=refusal_lines,
        assets=asset_lines,
        assets_total=assets_total,
    )
