"""Deadlines in working days, each with the clause it comes from; the bureau may change them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

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
    DISPUTE_ANSWER = ("dispute_answer", "被申请人答辩（自收到仲裁申请之日起）", "Respondent's answer, from receipt")
    DEFENCE = ("defence", "被问责部门申辩（自收到问责通知书之日起）", "Defence against a notice, from receipt")
    MISUSE_INVESTIGATION = ("misuse_investigation", "违规使用调查", "Investigation of a misuse report")


@dataclass(frozen=True)
class Deadline:
    kind: DeadlineKind
    days: int
    clause: str
    product_default: bool = False


# 《政务数据共享条例》（国务院令第809号，2025年8月1日起施行）: the articles read and quoted in docs/domain.md
# ("Deadlines and their sources"). It wins where it fixes a day count; provincial practice next; otherwise the
# product's own default, marked as such. Articles 28 (disputes) and 27 (misuse) fix no day count.
REGULATION = "《政务数据共享条例》"
REG_ART_17 = f"{REGULATION}第十七条"  # catalogue updated within 10 working days of a change of duties
REG_ART_21 = f"{REGULATION}第二十一条"  # conditional request answered within 10 working days of receipt
REG_ART_26 = f"{REGULATION}第二十六条"  # 校核申请: verified, corrected and answered within 10 working days
PROVINCIAL_PRACTICE = "省级实施细则惯例（如山西省政务数据共享实施细则）"

DEFAULT_DEADLINES: dict[DeadlineKind, Deadline] = {
    d.kind: d
    for d in (
        Deadline(DeadlineKind.PROVIDER_REPLY, 10, REG_ART_21),
        Deadline(DeadlineKind.CATALOGUE_UPDATE, 10, REG_ART_17),
        Deadline(DeadlineKind.CONFORMITY_CHECK, 2, PROVINCIAL_PRACTICE),
        Deadline(DeadlineKind.PLATFORM_REPLY, 5, PROVINCIAL_PRACTICE),
        Deadline(DeadlineKind.OBJECTION_VERIFICATION, 10, REG_ART_26),
        Deadline(DeadlineKind.DISPUTE_ACCEPTANCE, 5, "本系统默认值", product_default=True),
        Deadline(DeadlineKind.RULING, 20, "本系统默认值", product_default=True),
        Deadline(DeadlineKind.DISPUTE_ANSWER, 5, "本系统默认值", product_default=True),
        Deadline(DeadlineKind.DEFENCE, 5, "本系统默认值", product_default=True),
        Deadline(DeadlineKind.MISUSE_INVESTIGATION, 20, "本系统默认值", product_default=True),
    )
}

# The values earlier releases seeded before the regulation's text was read (policy seeds version 1). A database
# bootstrapped then keeps them — its audit log must replay to the same rows, so no upgrade rewrites them behind the
# log; the bureau moves them to the regulation's values in the policy page (an audited `policy.set`).
SUPERSEDED_SEEDS: dict[DeadlineKind, tuple[int, str, bool]] = {
    DeadlineKind.PROVIDER_REPLY: (10, "《政务信息资源共享管理暂行办法》（国发〔2016〕51号）", False),
    DeadlineKind.CATALOGUE_UPDATE: (15, "《政务信息资源共享管理暂行办法》（国发〔2016〕51号）", False),
    DeadlineKind.OBJECTION_VERIFICATION: (5, "本系统默认值", True),
}
POLICY_SEEDS = 2  # recorded in the bootstrap's audit entry; an entry without it was seeded with version 1


def seeded_deadlines(version: int = POLICY_SEEDS) -> list[Deadline]:
    """The deadlines a new database is seeded with, as of seeds ``version`` (the audit replay seeds the same)."""
    out = []
    for kind, deadline in DEFAULT_DEADLINES.items():
        if version < 2 and kind in SUPERSEDED_SEEDS:
            days, clause, default = SUPERSEDED_SEEDS[kind]
            deadline = Deadline(kind, days, clause, product_default=default)
        out.append(deadline)
    return out


def is_superseded_seed(deadline: Deadline) -> bool:
    """A stored deadline still holding what version 1 seeded (not a value the bureau chose)."""
    seed = SUPERSEDED_SEEDS.get(deadline.kind)
    return seed is not None and (deadline.days, deadline.clause.strip()) == seed[:2]


PRODUCT_DEFAULT_ZH = "本系统默认值"


@dataclass(frozen=True)
class Thresholds:
    """Counts (not day counts) the accountability grounds rely on; product defaults, marked as such."""

    overdue_replies: int = 3  # more than this many replies overdue ...
    overdue_replies_period_days: int = 90  # ... within this many calendar days is a ground for accountability
    clause: str = PRODUCT_DEFAULT_ZH


THRESHOLDS = Thresholds()


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

    @classmethod
    def from_rows(cls, rows: Iterable[Any]) -> Policy:
        """The product's deadlines with the bureau's stored ones over them: ``rows`` are the stored
        ``policy_deadline`` rows (read by attribute: ``kind``, ``days``, ``clause``, ``product_default``); a kind
        this build does not know is ignored."""
        rows = list(rows)
        valid = {k.value for k in DeadlineKind}
        return cls.default().with_overrides({r.kind: (r.days, r.clause) for r in rows if r.kind in valid},
                                            defaults={r.kind for r in rows if r.product_default})

    def with_overrides(self, overrides: dict[str, tuple[int, str]], *, defaults: set[str] | None = None) -> Policy:
        """The policy with the bureau's values; ``defaults``: the kinds whose stored row is still the product's."""
        merged = dict(self.deadlines)
        for key, (days, clause) in overrides.items():
            kind = DeadlineKind(key)
            merged[kind] = Deadline(kind, days, clause, product_default=key in (defaults or set()))
        return Policy(merged)

    def source(self, kind: DeadlineKind) -> str:
        """What the app and print show beside a due date: the days and the clause, or that it is the default."""
        d = self.deadlines[kind]
        return f"{d.days}个工作日（{d.clause}）"

    def due(self, kind: DeadlineKind, start: dt.date, calendar: HolidayCalendar) -> DueDate:
        deadline = self.deadlines[kind]
        result: WorkdayResult = calendar.add_workdays(start, deadline.days)
        return DueDate(result.due, result.uncertain, deadline.days, deadline.clause)
