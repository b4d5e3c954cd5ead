"""Deadline reminders: a tray notification once a day per item when a deadline of the signed-in person's is two
working days away or has passed; the same count on the dashboard; switched on or off in Settings.

"The person's deadlines": for a department — incoming requests to answer, quality objections to verify, orders of
rulings and accountability rectifications addressed to it; for the bureau — disputes to accept or rule on.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from cdo_desktop.store import models as m
from cdo_desktop.ui.deadline_source import with_source
from cdo_desktop.ui.qt import QCoreApplication, QObject, QSystemTrayIcon, QTimer

SOON = 2  # working days
CHECK_EVERY_MS = 60 * 60 * 1000


@dataclass(frozen=True)
class DueItem:
    key: str  # "request:<number>": what "once a day per item" counts
    entity: str
    number: str
    due: dt.date
    left: int  # working days; negative when late
    source: str = ""  # where the deadline comes from (`ui.deadline_source`)


def due_items(session: Any, actor: Any, calendar: Any, today: dt.date) -> list[DueItem]:
    """The actor's deadlines that are at most `SOON` working days away or passed, most urgent first."""
    if actor is None:
        return []
    from cdo_desktop.domain.policy import DeadlineKind
    from cdo_desktop.services.context import load_policy
    from cdo_desktop.ui.deadline_source import notice_source, order_source, policy_source

    policy = load_policy(session)
    rows: list[tuple[str, str, dt.date | None]] = []
    sources: dict[tuple[str, str], str] = {}
    if actor.is_bureau:
        d = m.Dispute
        for dispute in session.execute(select(d).where(d.state.in_(["filed", "negotiation", "accepted", "hearing"]))
                                       ).scalars():
            accepting = dispute.state in ("filed", "negotiation")
            due = dispute.acceptance_due if accepting else dispute.ruling_due
            rows.append(("dispute", dispute.number, due))
            sources[("dispute", dispute.number)] = policy_source(
                policy, DeadlineKind.DISPUTE_ACCEPTANCE if accepting else DeadlineKind.RULING)
    else:
        dept = actor.department_id
        r, o = m.SharingRequest, m.QualityObjection
        rows += [("request", x.number, x.reply_due) for x in session.execute(
            select(r).where(r.provider_department_id == dept, r.state == "awaiting_reply")).scalars()]
        rows += [("objection", x.number, x.due) for x in session.execute(
            select(o).where(o.owner_department_id == dept, o.state.in_(["raised", "accepted", "flagged"]))).scalars()]
        rulings = dict(session.execute(select(m.Ruling.id, m.Ruling.number)).all())
        rows += [("order", rulings.get(x.ruling_id, ""), x.due_on) for x in session.execute(
            select(m.RulingOrder).where(m.RulingOrder.addressee_department_id == dept, m.RulingOrder.state == "open")
        ).scalars()]
        a = m.AccountabilityRecord
        rows += [("accountability", x.number, x.rectification_due) for x in session.execute(
            select(a).where(a.department_id == dept, a.state == "open")).scalars()]
    by_entity = {"request": policy_source(policy, DeadlineKind.PROVIDER_REPLY),
                 "objection": policy_source(policy, DeadlineKind.OBJECTION_VERIFICATION)}
    out = []
    for entity, number, due in rows:
        if due is None or not number:
            continue
        left, _uncertain = calendar.workdays_between(today, due)
        if left <= SOON:
            source = sources.get((entity, number)) or by_entity.get(entity) or (
                order_source(number) if entity == "order" else notice_source(number))
            out.append(DueItem(f"{entity}:{number}:{due.isoformat()}", entity, number, due, left, source))
    return sorted(out, key=lambda item: (item.left, item.number))


class DeadlineReminders(QObject):
    """Checks at start and every hour; announces each item at most once a calendar day."""

    def __init__(self, state: Any, settings: Any, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.settings = settings
        self.tray: QSystemTrayIcon | None = None
        self.announced: list[DueItem] = []  # the last round's (what the tray showed)
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_EVERY_MS)
        self.timer.timeout.connect(self.check)
        self.timer.start()
        QTimer.singleShot(3000, self.check)

    def enabled(self) -> bool:
        return str(self.settings.get("reminders/enabled")) not in ("0", "false", "False")

    def today(self) -> dt.date:
        return self.state.today

    def check(self) -> list[DueItem]:
        """Announce what is due and not yet announced today; returns those items."""
        self.announced = []
        if not self.enabled() or self.state.actor is None:
            return []
        from cdo_desktop.services.context import load_calendar

        today = self.today()
        with self.state.read() as session:
            items = due_items(session, self.state.actor, load_calendar(session), today)
        shown = self.settings.get("reminders/shown") or []
        seen = {str(v) for v in ([shown] if isinstance(shown, str) else shown)}
        stamp = today.isoformat()
        fresh = [item for item in items if f"{stamp}|{item.key}" not in seen]
        if not fresh:
            return []
        kept = sorted(v for v in seen if v.startswith(stamp + "|"))  # only today's marks need keeping
        self.settings.set("reminders/shown", kept + [f"{stamp}|{item.key}" for item in fresh])
        self.announced = fresh
        self.show(fresh)
        return fresh

    def tray_icon(self) -> QSystemTrayIcon:
        """The notification-area icon, made once, with the app's icon (an empty one makes Qt drop the message)."""
        if self.tray is None:
            from cdo_desktop.ui.icon import app_icon
            from cdo_desktop.ui.qt import QApplication

            icon = QApplication.windowIcon()
            self.tray = QSystemTrayIcon(app_icon() if icon.isNull() else icon, self)
            self.tray.setToolTip("CDO Desktop")
        return self.tray

    def show(self, items: list[DueItem]) -> None:
        late = sum(1 for item in items if item.left < 0)
        title = QCoreApplication.translate("Reminders", "CDO Desktop: deadlines")
        lines = []
        for item in items[:5]:
            if item.left < 0:
                line = QCoreApplication.translate("Reminders", "%s — %d working days late") % (
                    item.number, -item.left)
            else:
                line = QCoreApplication.translate("Reminders", "%s — due %s (%d working days left)") % (
                    item.number, item.due.isoformat(), item.left)
            lines.append(with_source(line, item.source) if item.source else line)
        if len(items) > 5:
            lines.append(QCoreApplication.translate("Reminders", "and %d more on My tasks") % (len(items) - 5))
        if not QSystemTrayIcon.isSystemTrayAvailable():
            return  # no tray on this desktop: the dashboard shows the same count
        tray = self.tray_icon()
        tray.show()
        icon = QSystemTrayIcon.MessageIcon.Warning if late else QSystemTrayIcon.MessageIcon.Information
        tray.showMessage(title, "\n".join(lines), icon, 15000)
