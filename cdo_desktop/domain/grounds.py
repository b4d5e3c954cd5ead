"""Grounds for accountability (问责依据): a record may be opened only on something the product can point at.

The service gathers plain facts about the record the ground names; `check_ground` refuses, naming what is missing,
unless the ground holds on the day of the decision. No database here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from cdo_desktop.domain.enums import GroundKind, MisuseState, ObjectionState, OrderState
from cdo_desktop.domain.errors import GuardFailed


def _refuse(code: str, zh: str, en: str, field: str = "ground_id") -> GuardFailed:
    return GuardFailed(code, zh, en, field=field)


def check_ground(kind: GroundKind | None, facts: Mapping[str, Any]) -> None:
    """Raise `GuardFailed` naming what is missing unless ``kind`` is a ground that holds on ``facts["today"]``."""
    today: dt.date = facts["today"]
    dept = facts["department_id"]
    if kind is None or kind is GroundKind.LEGACY:
        raise _refuse(
            "ground_required",
            "问责必须依据一项可查证的事由：逾期未履行的裁决事项、经查属实的违规使用、期内逾期答复超过限度或逾期未更正的已受理异议",
            "Accountability needs a ground the product can point at: an overdue order, a confirmed misuse finding, "
            "replies overdue beyond the threshold, or an accepted objection left uncorrected",
            "ground",
        )
    if kind is not GroundKind.REPLIES_OVERDUE and facts.get("record") is None:
        raise _refuse("ground_missing", "找不到问责依据所指的记录", "The record the ground points at does not exist")
    record: Mapping[str, Any] = facts.get("record") or {}
    if kind is GroundKind.ORDER_OVERDUE:
        if record["addressee_department_id"] != dept:
            raise _refuse("ground_not_party", "该裁决事项不是责成该部门履行的", "That order is not addressed to this department")
        if record["state"] == OrderState.COMPLIED:
            raise _refuse("ground_complied", "该裁决事项已履行", "That order has been complied with")
        if record["received_on"] is None:
            raise _refuse(
                "ground_not_received", "该裁决事项尚未送达责任部门，履行期限尚未起算",
                "The order has not been received by its addressee: its deadline has not started",
            )
        if record["due_on"] >= today:
            due = record["due_on"]
            raise _refuse(
                "ground_not_overdue",
                f"该裁决事项的履行期限至{due.year}年{due.month}月{due.day}日（含当日），尚未逾期",
                f"The order is due on {due.isoformat()} (inclusive) and is not overdue yet",
            )
        return
    if kind is GroundKind.MISUSE_FINDING:
        if record["user_department_id"] != dept:
            raise _refuse("ground_not_party", "该违规使用报告涉及的不是该部门", "That misuse report concerns another department")
        if record["state"] != MisuseState.CONFIRMED:
            raise _refuse("ground_not_confirmed", "该违规使用尚未经查属实", "That misuse has not been confirmed by a finding")
        return
    if kind is GroundKind.OBJECTION_UNCORRECTED:
        if record["owner_department_id"] != dept:
            raise _refuse("ground_not_party", "该数据异议涉及的不是该部门的数据", "That objection concerns another department's data")
        if record["state"] not in (ObjectionState.ACCEPTED, ObjectionState.FLAGGED):
            raise _refuse(
                "ground_not_pending", "该数据异议不是已受理待更正的状态", "That objection is not accepted and awaiting correction"
            )
        if record["due"] is None or record["due"] >= today:
            raise _refuse("ground_not_overdue", "该数据异议的核实期限尚未届满", "The objection's deadline has not passed")
        return
    # replies overdue beyond the threshold in a period
    count, limit = facts["overdue_count"], facts["threshold"]
    start, end = facts.get("period_start"), facts.get("period_end")
    if start is None or end is None or end < start:
        raise _refuse("ground_period", "必须写明统计期间（起止日期）", "The period counted must be given", "period_start")
    if count <= limit:
        raise _refuse(
            "ground_below_threshold",
            f"该部门在{start.isoformat()}至{end.isoformat()}期间逾期答复{count}件，未超过{limit}件的限度",
            f"The department had {count} overdue replies in the period, not more than the threshold of {limit}",
            "period_start",
        )
