"""Sharing requests: incoming and outgoing lists, new request, answers, conformity check, file a dispute."""

from __future__ import annotations

import html
import uuid
from typing import Any

from cdo_desktop.domain.enums import RequestState
from cdo_desktop.domain.policy import DeadlineKind
from cdo_desktop.services.context import load_calendar, load_policy
from cdo_desktop.store import models as m
from cdo_desktop.ui import queries
from cdo_desktop.ui.deadline_source import policy_brief, policy_source, with_brief, with_source
from cdo_desktop.ui.dialogs.dispute_dialog import DisputeDialog
from cdo_desktop.ui.dialogs.pdf_preview import preview_document
from cdo_desktop.ui.dialogs.request_dialog import RequestDialog
from cdo_desktop.ui.i18n import enum_label, label
from cdo_desktop.ui.pages.base import ListPage
from cdo_desktop.ui.qt import QKeySequence, QPushButton, QWidget
from cdo_desktop.ui.table_model import Column
from cdo_desktop.ui.widgets import days_left, fmt_date, tone_for

ANSWERED_STATES = {RequestState.APPROVED.value, RequestState.PARTLY_APPROVED.value, RequestState.REFUSED.value,
                   RequestState.GRANTED.value, RequestState.EXPIRED.value, RequestState.REVOKED.value}


class RequestsPage(ListPage):
    entities = frozenset({"request", "resource"})

    def __init__(self, state: Any, parent: QWidget | None = None) -> None:
        self.calendar = None
        self.policy: Any = None
        super().__init__(state, parent)
        self.new_button = QPushButton(self.tr("New request…"))
        self.new_button.setObjectName("newRequest")
        self.new_button.setShortcut(QKeySequence.StandardKey.New)
        self.new_button.clicked.connect(self.new_request)
        self.toolbar.addWidget(self.new_button)
        self.scope = self.add_filter("scope", self.tr("Incoming and outgoing"),
                                     [(self.tr("Incoming (to answer)"), "incoming"),
                                      (self.tr("Outgoing (filed by us)"), "outgoing")])
        self.add_filter("state", self.tr("All states"), [(label(s), s.value) for s in RequestState])
        state.actor_changed.connect(self._actor_changed)
        self._actor_changed()

    def title(self) -> str:
        return self.tr("Sharing requests")

    def _actor_changed(self) -> None:
        actor = self.state.actor
        self.new_button.setVisible(bool(actor and self.state.may("request.create", requester=actor.department_id)))

    def fetch(self) -> Any:
        return queries.fetch("request")

    def current_filters(self) -> dict[str, Any]:
        filters = super().current_filters()
        scope = filters.pop("scope", None)
        actor = self.state.actor
        if actor is None or actor.is_bureau:
            return filters
        if scope == "incoming":
            filters["provider_department_id"] = actor.department_id
        elif scope == "outgoing":
            filters["requester_department_id"] = actor.department_id
        return filters

    def prepare(self) -> None:
        with self.state.read() as session:
            self.calendar = load_calendar(session)
            self.policy = load_policy(session)
        actor = self.state.actor
        if actor is not None and not actor.is_bureau:
            dept = actor.department_id
            self.model.fetch = queries.for_department("request", dept, "requester_department_id",
                                                      "provider_department_id")
        else:
            self.model.fetch = queries.fetch("request")

    def columns(self) -> list[Column]:
        return [
            Column("number", self.tr("Number")),
            Column("state", self.tr("State"), lambda r: enum_label(RequestState, r["state"])),
            Column("requester", self.tr("Requesting department")),
            Column("provider", self.tr("Providing department")),
            Column("resource", self.tr("Resource")),
            Column("created_on", self.tr("Created")),
            Column("reply_due", self.tr("Reply due"), self._due_cell, tone=self._due_tone, tooltip=self._due_text),
            Column("purpose", self.tr("Purpose")),
        ]

    def _left(self, row: dict[str, Any]) -> tuple[int, bool] | None:
        if row.get("state") != RequestState.AWAITING_REPLY.value or self.calendar is None:
            return None
        return days_left(self.calendar, self.state.today, row.get("reply_due"))

    def _due_text(self, row: dict[str, Any]) -> str:
        """The reply deadline, its countdown while the reply is awaited, and its source."""
        core = self._due_core(row)
        return with_source(core, self._due_source(row)) if core else ""

    def _due_cell(self, row: dict[str, Any]) -> str:
        """The list cell: the deadline with a short label of its source (the full source is the tooltip)."""
        core = self._due_core(row)
        return with_brief(core, policy_brief(self.policy, DeadlineKind.PROVIDER_REPLY)) if core else ""

    def _due_core(self, row: dict[str, Any]) -> str:
        due = fmt_date(row.get("reply_due"))
        if not due:
            return ""
        left = self._left(row)
        text = due
        if left is not None:
            days, uncertain = left
            mark = "?" if uncertain or row.get("reply_due_uncertain") else ""
            if days < 0:
                text = self.tr("%s (%d working days late%s)") % (due, -days, mark)
            else:
                text = self.tr("%s (%d working days left%s)") % (due, days, mark)
        return text

    def _due_tone(self, row: dict[str, Any]) -> str | None:
        return tone_for(self._left(row))

    def entity(self) -> str:
        return "request"

    def departments_of(self, row: dict[str, Any]) -> dict[str, uuid.UUID | None]:
        return {"requester": row["requester_department_id"], "provider": row["provider_department_id"]}

    def full_row(self, row: dict[str, Any]) -> dict[str, Any]:
        with self.state.read() as session:
            req = session.get(m.SharingRequest, row["id"])
        return row | ({"items": list(req.items), "revision": req.revision} if req else {})

    def describe(self, row: dict[str, Any]) -> str:
        with self.state.read() as session:
            req = session.get(m.SharingRequest, row["id"])
        if req is None:
            return ""
        e = html.escape
        lines = [
            (self.tr("Number"), req.number),
            (self.tr("State"), enum_label(RequestState, req.state)),
            (self.tr("Requesting department"), row["requester"]),
            (self.tr("Providing department"), row["provider"]),
            (self.tr("Resource"), row["resource"]),
            (self.tr("Data items"), "、".join(req.items)),
            (self.tr("Items granted"), "、".join(req.granted_items)),
            (self.tr("Purpose"), req.purpose),
            (self.tr("Legal basis"), req.legal_basis),
            (self.tr("Period"), f"{req.period_start} — {req.period_end}"),
            (self.tr("Conformity check due"), self._check_due(req)),
            (self.tr("Reply due"), self._due_text(row)),
            (self.tr("Reason"), req.reason),
            (self.tr("Legal basis of the refusal"), req.refusal_basis),
            (self.tr("Granted on"), req.granted_on or ""),
        ]
        body = "".join(f"<tr><th align='left' style='padding-right:12px'>{e(k)}</th><td>{e(str(v))}</td></tr>"
                       for k, v in lines if v)
        from cdo_desktop.ui.asset_widgets import flags_html

        return f"<table>{body}</table>" + flags_html(self.state, row["id"])

    def _due_source(self, row: dict[str, Any]) -> str:
        """Where the reply deadline comes from (the regulation's article, the bureau's setting or the default)."""
        if not row.get("reply_due"):
            return ""
        if self.policy is None:
            with self.state.read() as session:
                self.policy = load_policy(session)
        return policy_source(self.policy, DeadlineKind.PROVIDER_REPLY)

    def _check_due(self, req: Any) -> str:
        """A request awaiting the bureau's conformity check: the date it falls due (not stored) and its source."""
        if req.state != RequestState.SUBMITTED.value or req.submitted_on is None:
            return ""
        with self.state.read() as session:
            calendar, policy = load_calendar(session), load_policy(session)
        due = policy.due(DeadlineKind.CONFORMITY_CHECK, req.submitted_on, calendar)
        return with_source(due.due, policy_source(policy, DeadlineKind.CONFORMITY_CHECK))

    def extra_actions(self, row: dict[str, Any] | None) -> list[QWidget]:
        if row is None:
            return []
        out: list[QWidget] = []
        if row["state"] in ANSWERED_STATES:  # the provider's reply (答复书) can be printed from its row
            reply = QPushButton(self.tr("Reply PDF"))
            reply.setObjectName("replyPdf")
            number = row["number"]
            reply.clicked.connect(lambda: preview_document(self.state, "reply", number, self))
            out.append(reply)
        return out + self.dispute_actions(row)

    def dispute_actions(self, row: dict[str, Any]) -> list[QWidget]:
        actor = self.state.actor
        if actor is None or row["requester_department_id"] != actor.department_id:
            return []
        if row["state"] not in (RequestState.REFUSED.value, RequestState.PARTLY_APPROVED.value,
                                RequestState.AWAITING_REPLY.value):
            return []
        if not self.state.may("dispute.file", claimant=actor.department_id):
            return []
        from cdo_desktop.ui.dialogs.dispute_dialog import open_dispute_on

        with self.state.read() as session:
            existing = open_dispute_on(session, {"request_id": row["id"]})
        if existing is not None:  # one open dispute per origin: go to it instead
            number = existing.number
            go = QPushButton(self.tr("Open dispute %s") % number)
            go.setObjectName("openDispute")
            go.clicked.connect(lambda: self.state.open_record.emit("dispute", number))
            return [go]
        button = QPushButton(self.tr("File dispute…"))
        button.setObjectName("fileDispute")
        button.clicked.connect(lambda: self.file_dispute(row))
        return [button]

    def new_request(self) -> None:
        RequestDialog(self.state, self).exec()

    def file_dispute(self, row: dict[str, Any]) -> None:
        kind = "overdue" if row["state"] == RequestState.AWAITING_REPLY.value else "refusal"
        origin = {"number": row["number"], "resource": row["resource"], "request_id": row["id"],
                  "respondent_department_id": row["provider_department_id"], "respondent_name": row["provider"],
                  "kind": kind}
        DisputeDialog(self.state, origin, self).exec()
