"""Rulings and accountability: rulings with their PDF, orders to report on, accountability records and notices."""

from __future__ import annotations

import html
import uuid
from collections.abc import Callable
from typing import Any

from cdo_desktop.domain.enums import AccountabilityState, Decision, Measure, OrderState
from cdo_desktop.domain.policy import DeadlineKind
from cdo_desktop.ui import queries
from cdo_desktop.ui.deadline_source import (
    brief_notice,
    brief_order,
    notice_source,
    order_source,
    policy_source,
    with_brief,
    with_source,
)
from cdo_desktop.ui.dialogs.accountability_dialog import AccountabilityDialog
from cdo_desktop.ui.dialogs.pdf_preview import preview_document
from cdo_desktop.ui.i18n import enum_label, label
from cdo_desktop.ui.pages.base import ListPage, Page
from cdo_desktop.ui.qt import QCoreApplication, QPushButton, QTabWidget, QVBoxLayout, QWidget
from cdo_desktop.ui.table_model import Column
from cdo_desktop.ui.widgets import days_left, fmt_date, heading, tone_for


class DueColumns:
    """A deadline column that counts working days and turns orange (≤ 2 left) or red (passed), like the dashboard."""

    state: Any
    calendar: Any = None

    def due_column(self, key: str, title: str, open_state: str,
                   source: Callable[[dict[str, Any]], str] | None = None, brief: str = "") -> Column:
        """``source``: the deadline's full source (the cell's tooltip); ``brief``: its short label in the cell."""
        def left(row: dict[str, Any]) -> tuple[int, bool] | None:
            if row.get("state") != open_state or self.calendar is None:
                return None
            return days_left(self.calendar, self.state.today, row.get(key))

        def core(row: dict[str, Any]) -> str:
            due, remaining = fmt_date(row.get(key)), left(row)
            if not due:
                return ""
            if remaining is None:
                out = due
            elif remaining[0] < 0:
                out = QCoreApplication.translate("Due", "%s (%d working days late)") % (due, -remaining[0])
            else:
                out = QCoreApplication.translate("Due", "%s (%d working days left)") % (due, remaining[0])
            return out

        def text(row: dict[str, Any]) -> str:
            out = core(row)
            return with_brief(out, brief) if out and brief else out

        def tooltip(row: dict[str, Any]) -> str:
            out = core(row)
            return with_source(out, source(row)) if out and source is not None else out

        return Column(key, title, text, sort_key=key, tone=lambda row: tone_for(left(row)), tooltip=tooltip)

    def load_calendar(self) -> None:
        from cdo_desktop.services.context import load_calendar

        with self.state.read() as session:
            self.calendar = load_calendar(session)


class RulingList(ListPage):
    entities = frozenset({"ruling", "dispute"})
    embedded = True

    def empty_text(self) -> str:
        return self.tr("No ruling concerns your department.")

    def title(self) -> str:
        return self.tr("Rulings")

    def fetch(self) -> Any:
        return queries.fetch("ruling")

    def prepare(self) -> None:
        actor = self.state.actor
        if actor is not None and not actor.is_bureau:
            self.model.fetch = queries.for_department("ruling", actor.department_id, "claimant_department_id",
                                                      "respondent_department_id")
        else:
            self.model.fetch = queries.fetch("ruling")

    def columns(self) -> list[Column]:
        return [Column("number", self.tr("Number")),
                Column("decision", self.tr("Decision"), lambda r: enum_label(Decision, r["decision"])),
                Column("issued_on", self.tr("Issued")), Column("dispute", self.tr("Dispute")),
                Column("claimant", self.tr("Claimant")), Column("respondent", self.tr("Respondent"))]

    def describe(self, row: dict[str, Any]) -> str:
        fingerprint = self.tr("Fingerprint")
        return f"<p>{row['number']} — {fingerprint}: <tt>{row['fingerprint']}</tt></p>"

    def extra_actions(self, row: dict[str, Any] | None) -> list[QWidget]:
        if row is None:
            return []
        button = QPushButton(self.tr("Preview PDF"))
        button.setObjectName("rulingPdf")
        button.clicked.connect(lambda: preview_document(self.state, "ruling", row["number"], self))
        return [button]

    def receipt_subject(self, row: dict[str, Any]) -> tuple[str, uuid.UUID, set[uuid.UUID]] | None:
        return "ruling", row["id"], {row["claimant_department_id"], row["respondent_department_id"]}


class OrderList(DueColumns, ListPage):
    entities = frozenset({"order", "ruling"})
    embedded = True

    def empty_text(self) -> str:
        return self.tr("No order of a ruling is addressed to your department.")

    def title(self) -> str:
        return self.tr("Orders")

    def fetch(self) -> Any:
        return queries.fetch("order")

    def prepare(self) -> None:
        self.load_calendar()
        actor = self.state.actor
        if actor is not None and not actor.is_bureau:
            self.model.fetch = queries.for_department("order", actor.department_id, "addressee_department_id")
        else:
            self.model.fetch = queries.fetch("order")

    def columns(self) -> list[Column]:
        return [Column("ruling", self.tr("Ruling")), Column("position", self.tr("No.")),
                Column("addressee", self.tr("Addressee")), Column("action", self.tr("Action")),
                self.due_column("due_on", self.tr("Due"), OrderState.OPEN.value,
                                lambda r: order_source(str(r.get("ruling") or "")), brief_order()),
                Column("state", self.tr("State"), lambda r: enum_label(OrderState, r["state"]))]

    def entity(self) -> str:
        return "order"

    def departments_of(self, row: dict[str, Any]) -> dict[str, uuid.UUID | None]:
        return {"addressee": row["addressee_department_id"]}

    def receipt_subject(self, row: dict[str, Any]) -> tuple[str, uuid.UUID, set[uuid.UUID]] | None:
        return "order", row["id"], {row["addressee_department_id"]}

    def describe(self, row: dict[str, Any]) -> str:
        return f"<p><b>{row['action']}</b></p><p>{row['report']}</p>"


class RecordList(DueColumns, ListPage):
    entities = frozenset({"accountability"})
    embedded = True

    def empty_text(self) -> str:
        return self.tr("No accountability record concerns your department.")

    def __init__(self, state: Any, parent: QWidget | None = None) -> None:
        super().__init__(state, parent)
        self.add_filter("state", self.tr("All states"), [(label(s), s.value) for s in AccountabilityState])
        self.new_button = QPushButton(self.tr("Hold to account…"))
        self.new_button.setObjectName("newRecord")
        self.new_button.clicked.connect(lambda: AccountabilityDialog(self.state, self).exec())
        self.toolbar.addWidget(self.new_button)
        state.actor_changed.connect(self._actor_changed)
        self._actor_changed()

    def _actor_changed(self) -> None:
        self.new_button.setVisible(self.state.may("accountability.create"))

    def title(self) -> str:
        return self.tr("Accountability records")

    def fetch(self) -> Any:
        return queries.fetch("accountability")

    def prepare(self) -> None:
        self.load_calendar()
        actor = self.state.actor
        if actor is not None and not actor.is_bureau:
            self.model.fetch = queries.for_department("accountability", actor.department_id, "department_id")
        else:
            self.model.fetch = queries.fetch("accountability")

    def columns(self) -> list[Column]:
        return [Column("number", self.tr("Number")), Column("department", self.tr("Department")),
                Column("measure", self.tr("Measure"), lambda r: enum_label(Measure, r["measure"])),
                self.due_column("rectification_due", self.tr("Rectify by"), AccountabilityState.OPEN.value,
                                lambda r: notice_source(str(r.get("number") or "")), brief_notice()),
                Column("created_on", self.tr("Created")),
                Column("state", self.tr("State"), lambda r: enum_label(AccountabilityState, r["state"]))]

    def entity(self) -> str:
        return "accountability"

    def departments_of(self, row: dict[str, Any]) -> dict[str, uuid.UUID | None]:
        return {"addressee": row["department_id"]}

    def receipt_subject(self, row: dict[str, Any]) -> tuple[str, uuid.UUID, set[uuid.UUID]] | None:
        return "notice", row["id"], {row["department_id"]}

    def describe(self, row: dict[str, Any]) -> str:
        e = html.escape
        fingerprint = self.tr("Fingerprint")
        dues = []
        if row.get("defence_due"):
            from cdo_desktop.services.context import load_policy

            with self.state.read() as session:
                source = policy_source(load_policy(session), DeadlineKind.DEFENCE)
            dues.append((self.tr("Defence due"), with_source(row["defence_due"], source)))
        if row.get("rectification_due"):
            dues.append((self.tr("Rectify by"), with_source(row["rectification_due"],
                                                            notice_source(str(row.get("number") or "")))))
        table = "".join(f"<tr><th align='left' style='padding-right:12px'>{e(k)}</th><td>{e(v)}</td></tr>"
                        for k, v in dues)
        return (f"<p><b>{e(str(row['number']))}</b> {e(str(row['violation']))}</p><p>{e(str(row['report']))}</p>"
                + (f"<table>{table}</table>" if table else "")
                + f"<p style='color:#555'>{e(fingerprint)}: <tt>{e(str(row['fingerprint']))}</tt></p>")

    def extra_actions(self, row: dict[str, Any] | None) -> list[QWidget]:
        if row is None:
            return []
        button = QPushButton(self.tr("Notice PDF"))
        button.setObjectName("noticePdf")
        button.clicked.connect(lambda: preview_document(self.state, "notice", row["number"], self))
        return [button]


class RulingsPage(Page):
    entities = frozenset()

    def __init__(self, state: Any, parent: QWidget | None = None) -> None:
        super().__init__(state, parent)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.title()))
        self.tabs = QTabWidget()
        self.rulings, self.orders, self.records = RulingList(state), OrderList(state), RecordList(state)
        for page in (self.rulings, self.orders, self.records):
            self.tabs.addTab(page, page.title())
        layout.addWidget(self.tabs, 1)

    def title(self) -> str:
        return self.tr("Rulings and accountability")
