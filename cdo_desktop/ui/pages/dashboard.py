"""Dashboard: my tasks — incoming requests with their working-day countdown, cases awaiting me, deadlines due."""

from __future__ import annotations

import html
from typing import Any

from sqlalchemy import func, select

from cdo_desktop.domain.enums import DisputeState, ObjectionState, RequestState
from cdo_desktop.domain.policy import DeadlineKind
from cdo_desktop.services.context import load_calendar, load_policy
from cdo_desktop.store import models as m
from cdo_desktop.ui.deadline_source import (
    cycle_source,
    notice_source,
    order_source,
    policy_source,
    with_source,
)
from cdo_desktop.ui.i18n import enum_label, is_english
from cdo_desktop.ui.pages.base import Page
from cdo_desktop.ui.qt import QLabel, QTextBrowser, QVBoxLayout, QWidget
from cdo_desktop.ui.widgets import heading

LIMIT = 12


class Link:
    """A cell that is a link inside the task list (``dismiss:<mutation id>``)."""

    def __init__(self, href: str, text: str) -> None:
        self.href, self.text = href, text

    def html(self) -> str:
        return f"<a href='{html.escape(self.href)}'>{html.escape(self.text)}</a>"


class DashboardPage(Page):
    entities = frozenset({"request", "objection", "dispute", "order", "accountability", "outbox"})

    def __init__(self, state: Any, parent: QWidget | None = None) -> None:
        super().__init__(state, parent)
        self.policy: Any = None
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.title()))
        self.summary = QLabel()
        self.summary.setObjectName("dashboardSummary")
        self.counts: dict[str, int] = {}  # group title → its count, as last shown
        self.order: list[list[str | None]] = []  # each group's rows' tones, top to bottom, as last shown
        layout.addWidget(self.summary)
        self.body = QTextBrowser()
        self.body.setObjectName("tasks")
        self.body.setOpenLinks(False)
        self.body.anchorClicked.connect(self._on_link)
        layout.addWidget(self.body, 1)

    def title(self) -> str:
        return self.tr("My tasks")

    def _on_link(self, url: Any) -> None:
        """``dismiss:<id>``: the user has read a refused change; it leaves the list (the record stays)."""
        text = url.toString()
        if text.startswith("open:"):
            _open, entity, number = text.split(":", 2)
            self.state.open_record.emit(entity, number)
            return
        if not text.startswith("dismiss:"):
            return
        import uuid

        from cdo_desktop.sync.outbox import dismiss_refused

        try:
            mutation_id = uuid.UUID(text.removeprefix("dismiss:"))
        except ValueError:
            return
        if dismiss_refused(self.state.db, mutation_id):
            self.state.changed.emit({"outbox"})

    def refresh(self) -> None:
        actor = self.state.actor
        if actor is None:
            self.body.setHtml(self.tr("Not signed in."))
            return
        with self.state.read() as session:
            # overdue first in every group (each group is otherwise in its own order: by due date, filing, code)
            sections = [(title, sorted(rows, key=lambda row: row[1] != "late"), count)
                        for title, rows, count in self.sections(session, actor)]
            from cdo_desktop.ui.reminders import due_items

            due = due_items(session, actor, load_calendar(session), self.state.today)
        total = sum(len(rows) for _title, rows, _count in sections)
        text = (self.tr("%d open tasks") % sum(count for *_rest, count in sections) if total else
                self.tr("Nothing waits for you."))
        overdue = sum(1 for _title, rows, _count in sections for _cells, tone in rows if tone == "late")
        if overdue:
            text += " · " + self.tr("%d overdue") % overdue
        self.counts = {title: count for title, _rows, count in sections}  # at a glance (and for tests)
        self.order = [[tone for _cells, tone in rows] for _title, rows, _count in sections]
        if due:
            late = sum(1 for item in due if item.left < 0)
            text += " · " + self.tr("%d deadlines within two working days or passed (%d overdue)") % (len(due), late)
        self.summary.setText(text)
        none = html.escape(self.tr("None."))
        parts = []
        for title, rows, count in sections:
            more = f" <span style='color:#777'>({count})</span>"
            parts.append(f"<h3>{html.escape(title)}{more}</h3>")
            if not rows:
                parts.append(f"<p style='color:#777'>{none}</p>")
                continue
            parts.append("<table cellspacing='0' cellpadding='4' width='100%'>")
            for cells, tone in rows:
                color = {"late": "#c62828", "soon": "#ef6c00"}.get(tone or "", "#222")
                parts.append("<tr>" + "".join(
                    f"<td>{c.html()}</td>" if isinstance(c, Link) else
                    f"<td style='color:{color}'>{html.escape(str(c))}</td>" for c in cells) + "</tr>")
            parts.append("</table>")
        self.body.setHtml("".join(parts))

    @staticmethod
    def _sourced(due: Any, source: str) -> str:
        """A due date followed by its source (the regulation's article, the default, the bureau's setting…)."""
        return with_source(due, source) if due else ""

    def _countdown(self, calendar: Any, due: Any) -> tuple[str, str | None]:
        if due is None:
            return "", None
        days, uncertain = calendar.workdays_between(self.state.today, due)
        mark = self.tr(" (uncertain)") if uncertain else ""
        if days < 0:
            return self.tr("%d working days late") % -days + mark, "late"
        return self.tr("%d working days left") % days + mark, "soon" if days <= 2 else None

    def sections(self, session: Any, actor: Any) -> list[tuple[str, list[Any], int]]:
        calendar = load_calendar(session)
        policy = self.policy = load_policy(session)
        names = {d.id: d.name for d in session.execute(select(m.Department)).scalars()}
        dept = actor.department_id
        out: list[tuple[str, list[Any], int]] = []
        r = m.SharingRequest
        if actor.is_bureau:
            stmt = select(r).where(r.state == RequestState.SUBMITTED.value).order_by(r.submitted_on)
            title = self.tr("Requests awaiting the bureau's conformity check")
        else:
            stmt = select(r).where(r.provider_department_id == dept, r.state == RequestState.AWAITING_REPLY.value
                                   ).order_by(r.reply_due)
            title = self.tr("Incoming requests to answer")
        rows = list(session.execute(stmt.limit(LIMIT)).scalars())
        count = session.execute(stmt.with_only_columns(func.count()).order_by(None)).scalar_one()
        items = []
        for req in rows:
            if req.state == RequestState.SUBMITTED.value and req.submitted_on is not None:
                # the conformity check's date is not stored: counted from submission under the policy
                due, kind = policy.due(DeadlineKind.CONFORMITY_CHECK, req.submitted_on, calendar).due, \
                    DeadlineKind.CONFORMITY_CHECK
            else:
                due, kind = req.reply_due, DeadlineKind.PROVIDER_REPLY
            left, tone = self._countdown(calendar, due)
            items.append(([Link(f"open:request:{req.number}", req.number), names.get(req.requester_department_id, ""),
                           req.purpose[:40], self._sourced(due, policy_source(policy, kind)), left], tone))
        out.append((title, items, count))
        d = m.Dispute
        open_states = [DisputeState.FILED.value, DisputeState.NEGOTIATION.value, DisputeState.ACCEPTED.value,
                       DisputeState.HEARING.value]
        if actor.is_bureau:
            stmt = select(d).where(d.state.in_(open_states)).order_by(d.filed_on)
            title = self.tr("Disputes on the docket")
        else:
            stmt = select(d).where(d.state.in_(open_states), (d.respondent_department_id == dept) |
                                   (d.claimant_department_id == dept)).order_by(d.filed_on)
            title = self.tr("Disputes awaiting my statement")
        rows = list(session.execute(stmt.limit(LIMIT)).scalars())
        items = []
        for dispute in rows:
            accepting = dispute.state in open_states[:2]
            due = dispute.acceptance_due if accepting else dispute.ruling_due
            kind = DeadlineKind.DISPUTE_ACCEPTANCE if accepting else DeadlineKind.RULING
            left, tone = self._countdown(calendar, due)
            other = dispute.claimant_department_id if dispute.respondent_department_id == dept else \
                dispute.respondent_department_id
            items.append(([Link(f"open:dispute:{dispute.number}", dispute.number),
                           enum_label(DisputeState, dispute.state), names.get(other, ""),
                           self._sourced(due, policy_source(policy, kind)), left], tone))
        out.append((title, items, len(rows)))
        o = m.QualityObjection
        stmt = select(o).where(o.owner_department_id == dept, o.state.in_(
            [ObjectionState.RAISED.value, ObjectionState.ACCEPTED.value, ObjectionState.FLAGGED.value]))
        rows = list(session.execute(stmt.limit(LIMIT)).scalars())
        items = []
        for objection in rows:
            left, tone = self._countdown(calendar, objection.due)
            items.append(([Link(f"open:objection:{objection.number}", objection.number),
                           enum_label(ObjectionState, objection.state), names.get(objection.raiser_department_id, ""),
                           objection.description[:40],
                           self._sourced(objection.due, policy_source(policy, DeadlineKind.OBJECTION_VERIFICATION)),
                           left], tone))
        if not actor.is_bureau:
            out.append((self.tr("Quality objections to verify"), items, len(rows)))
        out.append(self._due(session, calendar, actor, names))
        if not actor.is_bureau:
            out.append(self._duties(session, calendar, actor))
        refused = list(session.execute(select(m.RefusedChange).where(m.RefusedChange.dismissed == False)  # noqa: E712
                                       .limit(LIMIT)).scalars())
        items = [([c.kind, c.reason_en if is_english() else c.reason_zh, c.refused_at or "",
                   Link(f"dismiss:{c.mutation_id}", self.tr("Dismiss"))], "late") for c in refused]
        out.append((self.tr("Changes the bureau refused"), items, len(items)))
        return out

    def _due(self, session: Any, calendar: Any, actor: Any, names: dict[Any, str]) -> tuple[str, list[Any], int]:
        a, o = m.AccountabilityRecord, m.RulingOrder
        items: list[Any] = []
        record_stmt = select(a).where(a.state == "open")
        order_stmt = select(o).where(o.state == "open")
        if not actor.is_bureau:
            record_stmt = record_stmt.where(a.department_id == actor.department_id)
            order_stmt = order_stmt.where(o.addressee_department_id == actor.department_id)
        for rec in session.execute(record_stmt.order_by(a.rectification_due).limit(LIMIT)).scalars():
            left, tone = self._countdown(calendar, rec.rectification_due)
            items.append(([Link(f"open:accountability:{rec.number}", rec.number), self.tr("Rectification"),
                           names.get(rec.department_id, ""),
                           self._sourced(rec.rectification_due, notice_source(rec.number)), left], tone))
        ruling_numbers = dict(session.execute(select(m.Ruling.id, m.Ruling.number)).all())
        for order in session.execute(order_stmt.order_by(o.due_on).limit(LIMIT)).scalars():
            left, tone = self._countdown(calendar, order.due_on)
            ruling = ruling_numbers.get(order.ruling_id, "")
            items.append(([Link(f"open:order:{ruling}", self.tr("Order %d of %s") % (order.position, ruling)),
                           order.action[:40], names.get(order.addressee_department_id, ""),
                           self._sourced(order.due_on, order_source(ruling)), left], tone))
        notices = select(a).where(a.state == "notified")
        if not actor.is_bureau:
            notices = notices.where(a.department_id == actor.department_id)
        for rec in session.execute(notices.order_by(a.created_on).limit(LIMIT)).scalars():
            left, tone = self._countdown(calendar, rec.defence_due)
            items.append(([Link(f"open:accountability:{rec.number}", rec.number), self.tr("Defence"), names.get(rec.department_id, ""),
                           self._sourced(rec.defence_due, policy_source(self.policy, DeadlineKind.DEFENCE)), left],
                          tone))
        return self.tr("Rectifications and orders due"), items, len(items)

    def _duties(self, session: Any, calendar: Any, actor: Any) -> tuple[str, list[Any], int]:
        """The owner's duties: data updates overdue for their cycle, and a catalogue update due after a change of
        duties."""
        from cdo_desktop.domain.duties import next_update_due, update_overdue

        items: list[Any] = []
        dept = session.get(m.Department, actor.department_id)
        if dept is not None and dept.catalogue_update_due is not None and dept.catalogue_updated_on is None:
            left, tone = self._countdown(calendar, dept.catalogue_update_due)
            source = policy_source(self.policy, DeadlineKind.CATALOGUE_UPDATE)
            items.append(([self.tr("Catalogue update"), dept.duties_note[:40], "",
                           self._sourced(dept.catalogue_update_due, source), left], tone))
        resources = select(m.DataResource).where(m.DataResource.department_id == actor.department_id)
        for res in session.execute(resources.order_by(m.DataResource.code)).scalars():
            last = res.data_updated_on or res.published_on
            if update_overdue(res.update_cycle, last, self.state.today):
                items.append(([Link(f"open:resource:{res.code}", res.code), res.name, self.tr("Update overdue"),
                               self._sourced(next_update_due(res.update_cycle, last), cycle_source()), ""], "late"))
        return self.tr("Catalogue and data updates due"), items[:LIMIT], len(items)
