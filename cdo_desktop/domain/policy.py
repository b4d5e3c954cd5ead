"""Deadlines in working days, each with the clause it comes from; the bureau may change them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from cdo_desktop.domain.labels import LabeledEnum
from cdo_desktop.domain.workdays import HolidayCalendar, WorkdayResult


class DeadlineKind(LabeledEnum):
    PROVIDER_REPLY = ("provider_reply", "数源部门答复有条件共享申请", "Provider's reply to a conditional request")
    CATALOGUE_UPDATE = ("catalogue_update", "职能变更后更新目录", "Catalogue update after a change of duties")
    CONFORMITY_CHECK = ("conformity_check", "政数局合规审核", "Bureau conformity check")
    PLATFORM_REPLY = ("platform_reply", "已在平台数据的答复", "Reply when the data is already on the platform")
    OBJECTION_VERIFICATION = ("objection_verification", "数据异议核实", "Verification of a quality objection")
    DISPUTE_ACCEPTANCE = ("dispute_acceptance", "争议受理", "Acceptance of a dispute")
    RULING = ("ruling", "作出裁决", "Ruling on an accepted dispute")


@dataclass(frozen=True)
class Deadline:
    kind: DeadlineKind
    days: int
    clause: str
    product_default: bool = False


DEFAULT_DEADLINES: dict[DeadlineKind, Deadline] = {
    d.kind: d
    for d in (
        Deadline(DeadlineKind.PROVIDER_REPLY, 10, "《政务信息资源共享管理暂行办法》（国发〔2016〕51号）"),
        Deadline(DeadlineKind.CATALOGUE_UPDATE, 15, "《政务信息资源共享管理暂行办法》（国发〔2016〕51号）"),
        Deadline(DeadlineKind.CONFORMITY_CHECK, 2, "省级实施细则惯例（如山西省政务数据共享实施细则）"),
        Deadline(DeadlineKind.PLATFORM_REPLY, 5, "省级实施细则惯例（如山西省政务数据共享实施细则）"),
        Deadline(DeadlineKind.OBJECTION_VERIFICATION, 5, "本系统默认值", product_default=True),
        Deadline(DeadlineKind.DISPUTE_ACCEPTANCE, 5, "本系统默认值", product_default=True),
        Deadline(DeadlineKind.RULING, 20, "本系统默认值", product_default=True),
    )
}


@dataclass(frozen=True)
class DueDate:
    """A deadline applied to a start date: the due date, the clause behind it and whether it is certain."""

    due: dt.date
    uncertain: bool
    days: int
    clause: str


@dataclass
class Policy:
    deadlines: dict[DeadlineKind, Deadline]

    @classmethod
    def default(cls) -> Policy:
        return cls(dict(DEFAULT_DEADLINES))

    def with_overrides(self, overrides: dict[str, tuple[int, str]]) -> Policy:
        merged = dict(self.deadlines)
        for key, (days, clause) in overrides.items():
            kind = DeadlineKind(key)
            merged[kind] = Deadline(kind, days, clause, product_default=False)
        return Policy(merged)

    def due(self, kind: DeadlineKind, start: dt.date, calendar: HolidayCalendar) -> DueDate:
        deadline = self.deadlines[kind]
        result: WorkdayResult = calendar.add_workdays(start, deadline.days)
        return DueDate(result.due, result.uncertain, deadline.days, deadline.clause)
