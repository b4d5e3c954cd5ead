"""The owner's duties watched (数源部门的更新义务): when a resource's data is due for its next update.

The update cycle is a promise in calendar time (a daily resource is updated every day, weekends included, as the
source systems run); a resource with no recorded update counts from its publication. An irregular cycle is never
overdue. The grace below is a product default: a cycle's update recorded within it still counts as on time.
"""

from __future__ import annotations

import datetime as dt

from cdo_desktop.domain.enums import UpdateCycle

CYCLE_DAYS: dict[UpdateCycle, int | None] = {
    UpdateCycle.REALTIME: 1,
    UpdateCycle.DAILY: 1,
    UpdateCycle.WEEKLY: 7,
    UpdateCycle.MONTHLY: 31,
    UpdateCycle.QUARTERLY: 92,
    UpdateCycle.YEARLY: 366,
    UpdateCycle.IRREGULAR: None,
}
GRACE_DAYS = 2  # product default


def next_update_due(cycle: str, last_update: dt.date | None) -> dt.date | None:
    """The last day the next update counts as on time; None when the cycle is irregular or nothing is known."""
    days = CYCLE_DAYS.get(UpdateCycle(cycle)) if cycle in {c.value for c in UpdateCycle} else None
    if days is None or last_update is None:
        return None
    return last_update + dt.timedelta(days=days + GRACE_DAYS)


def update_overdue(cycle: str, last_update: dt.date | None, today: dt.date) -> bool:
    due = next_update_due(cycle, last_update)
    return due is not None and today > due
