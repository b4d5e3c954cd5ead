"""Administration: policy deadlines, the holiday calendar, departments and appointments, accounts."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from cdo_desktop.domain.policy import DeadlineKind
from cdo_desktop.store import models as m
from cdo_desktop.ui.dialogs.admin_dialogs import AppointDialog, CalendarDialog, DepartmentDialog, PolicyDialog
from cdo_desktop.ui.i18n import enum_label
from cdo_desktop.ui.pages.base import Page
from cdo_desktop.ui.qt import (
    QAbstractItemView,
    QHBoxLayout,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from cdo_desktop.ui.widgets import heading


def table(headers: list[str]) -> QTableWidget:
    widget = QTableWidget(0, len(headers))
    widget.setHorizontalHeaderLabels(headers)
    widget.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    widget.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    widget.horizontalHeader().setStretchLastSection(True)
    widget.verticalHeader().setVisible(False)
    return widget


def fill(widget: QTableWidget, rows: list[list[Any]]) -> None:
    widget.setRowCount(len(rows))
    for i, row in enumerate(rows):
        for j, value in enumerate(row):
            widget.setItem(i, j, QTableWidgetItem("" if value is None else str(value)))
    widget.resizeColumnsToContents()


class AdminPage(Page):
    entities = frozenset({"policy", "calendar", "department", "person"})

    def __init__(self, state: Any, parent: QWidget | None = None) -> None:
        super().__init__(state, parent)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.title()))
        self.tabs = QTabWidget()
        layout.addWidget(self.tabs, 1)
        self.policy = table([self.tr("Deadline"), self.tr("Working days"), self.tr("Clause"), self.tr("Shown as"),
                             self.tr("This release's default")])
        self.tabs.addTab(self._with_buttons(self.policy, [(self.tr("Change deadline…"), self.edit_policy)]),
                         self.tr("Policy deadlines"))
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(state.today.year + 1)
        self.year.valueChanged.connect(lambda _v: self.refresh())
        self.holidays = table([self.tr("Date"), self.tr("Working day"), self.tr("Name")])
        self.tabs.addTab(self._with_buttons(self.holidays, [(self.tr("Publish the year's arrangement…"),
                                                             self.publish_calendar)], extra=self.year),
                         self.tr("Holiday calendar"))
        self.departments = table([self.tr("Code"), self.tr("Name"), self.tr("Level"), self.tr("Active")])
        self.tabs.addTab(self._with_buttons(self.departments, [(self.tr("Add department…"), self.add_department),
                                                               (self.tr("Appoint commissioner…"), self.appoint)]),
                         self.tr("Departments"))
        self.accounts = table([self.tr("User name"), self.tr("Person"), self.tr("Active")])
        self.tabs.addTab(self._with_buttons(self.accounts, []), self.tr("Accounts"))

    def _with_buttons(self, widget: QWidget, buttons: list[tuple[str, Any]], extra: QWidget | None = None
                      ) -> QWidget:
        holder = QWidget()
        layout = QVBoxLayout(holder)
        row = QHBoxLayout()
        if extra is not None:
            row.addWidget(extra)
        for text, slot in buttons:
            button = QPushButton(text)
            button.clicked.connect(slot)
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addWidget(widget, 1)
        return holder

    def title(self) -> str:
        return self.tr("Administration")

    def refresh(self) -> None:
        with self.state.read() as session:
            policies = list(session.execute(select(m.PolicyDeadline).order_by(m.PolicyDeadline.kind)).scalars())
            days = list(session.execute(select(m.HolidayDay).where(m.HolidayDay.year == self.year.value())
                                        .order_by(m.HolidayDay.date)).scalars())
            depts = list(session.execute(select(m.Department).order_by(m.Department.code)).scalars())
            people = {c.id: c.name for c in session.execute(select(m.Commissioner)).scalars()}
            accounts = list(session.execute(select(m.Account).order_by(m.Account.username)).scalars())
        yes, no = self.tr("yes"), self.tr("no")
        from cdo_desktop.domain.policy import DEFAULT_DEADLINES
        from cdo_desktop.services.context import load_policy
        from cdo_desktop.ui.deadline_source import clause_text, policy_source

        with self.state.read() as session:
            policy = load_policy(session)
        rows = []
        for p in policies:
            kind = DeadlineKind(p.kind) if p.kind in {k.value for k in DeadlineKind} else None
            shown = policy_source(policy, kind) if kind is not None else ""
            default = DEFAULT_DEADLINES.get(kind) if kind is not None else None  # type: ignore[arg-type]
            suggested = self.tr("%d working days, %s") % (default.days, clause_text(default.clause)) if default else ""
            rows.append([enum_label(DeadlineKind, p.kind), p.days, p.clause, shown, suggested])
        fill(self.policy, rows)
        self.policy_kinds = [p.kind for p in policies]
        fill(self.holidays, [[d.date, yes if d.workday else no, d.name] for d in days])
        fill(self.departments, [[d.code, d.name, d.level, yes if d.active else no] for d in depts])
        fill(self.accounts, [[a.username, people.get(a.commissioner_id, ""), yes if a.active else no]
                             for a in accounts])

    def edit_policy(self) -> None:
        row = self.policy.currentRow()
        kind = self.policy_kinds[row] if 0 <= row < len(self.policy_kinds) else None
        PolicyDialog(self.state, kind, self).exec()

    def publish_calendar(self) -> None:
        CalendarDialog(self.state, self.year.value(), self).exec()

    def add_department(self) -> None:
        DepartmentDialog(self.state, self).exec()

    def appoint(self) -> None:
        AppointDialog(self.state, self).exec()
