"""Directory: departments and commissioners, with each department's appointment history."""

from __future__ import annotations

import html
from typing import Any

from cdo_desktop.domain.enums import Role
from cdo_desktop.store.queries import commissioner_history, departments
from cdo_desktop.ui import queries
from cdo_desktop.ui.i18n import enum_label, label
from cdo_desktop.ui.pages.base import ListPage
from cdo_desktop.ui.qt import QWidget
from cdo_desktop.ui.table_model import Column


class DirectoryPage(ListPage):
    entities = frozenset({"person", "department"})

    def __init__(self, state: Any, parent: QWidget | None = None) -> None:
        super().__init__(state, parent)
        self.add_filter("role", self.tr("All roles"), [(label(r), r.value) for r in Role])
        with state.read() as session:
            depts = departments(session)
        self.add_filter("department_id", self.tr("All departments"), [(d.name, d.id) for d in depts])
        from cdo_desktop.ui.transfer_ui import transfer_buttons

        self.transfer = transfer_buttons(self, state, "directory")
        for button in self.transfer:
            self.toolbar.addWidget(button)
        from cdo_desktop.ui.qt import QPushButton

        self.duties_button = QPushButton(self.tr("Record a change of duties…"))
        self.duties_button.setObjectName("changeDuties")
        self.duties_button.clicked.connect(self.change_duties)
        self.toolbar.addWidget(self.duties_button)
        state.actor_changed.connect(self._transfer_rights)
        self._transfer_rights()

    def _transfer_rights(self) -> None:
        self.transfer[0].setVisible(bool(self.state.may("department.create")))
        self.duties_button.setVisible(bool(self.state.may("department.change_duties")))

    def change_duties(self) -> None:
        """The bureau records a change of duties of the selected person's department (or one it chooses)."""
        from cdo_desktop.ui.dialogs.admin_dialogs import DutiesChangeDialog

        row = self.selected_row()
        DutiesChangeDialog(self.state, row["department_id"] if row else None, self).exec()

    def title(self) -> str:
        return self.tr("Directory")

    def fetch(self) -> Any:
        return queries.fetch("person")

    def columns(self) -> list[Column]:
        return [Column("name", self.tr("Name")),
                Column("role", self.tr("Role"), lambda r: enum_label(Role, r["role"])),
                Column("department", self.tr("Department")), Column("phone", self.tr("Phone")),
                Column("email", self.tr("E-mail")), Column("appointed_on", self.tr("Appointed")),
                Column("ended_on", self.tr("Ended"))]

    def extra_actions(self, row: dict[str, Any] | None) -> list[QWidget]:
        if row is None or row.get("ended_on") is not None or not self.state.may("commissioner.end"):
            return []
        from cdo_desktop.ui.dialogs.admin_dialogs import EndAppointmentDialog
        from cdo_desktop.ui.qt import QPushButton

        button = QPushButton(self.tr("End appointment…"))
        button.setObjectName("endAppointment")
        button.clicked.connect(lambda: EndAppointmentDialog(self.state, row, self).exec())
        return [button]

    def describe(self, row: dict[str, Any]) -> str:
        with self.state.read() as session:
            history = commissioner_history(session, row["department_id"])
        e = html.escape
        serving, name, role = self.tr("serving"), self.tr("Name"), self.tr("Role")
        appointed, ended = self.tr("Appointed"), self.tr("Ended")
        title = self.tr("Appointment history of %s") % row["department"]
        lines = "".join(f"<tr><td>{e(c.name)}</td><td>{e(enum_label(Role, c.role))}</td>"
                        f"<td>{c.appointed_on}</td><td>{c.ended_on or serving}</td></tr>" for c in history)
        head = (f"<tr><th align='left'>{e(name)}</th><th align='left'>{e(role)}</th>"
                f"<th align='left'>{e(appointed)}</th><th align='left'>{e(ended)}</th></tr>")
        return (self._duties_html(row["department_id"]) + f"<h4>{e(title)}</h4>"
                f"<table cellpadding='3'>{head}{lines}</table>")

    def _duties_html(self, department_id: Any) -> str:
        """The department's last change of duties and its catalogue-update deadline, with the deadline's source."""
        from cdo_desktop.domain.policy import DeadlineKind
        from cdo_desktop.services.context import load_policy
        from cdo_desktop.store import models as m
        from cdo_desktop.ui.deadline_source import policy_source, with_source

        with self.state.read() as session:
            dept = session.get(m.Department, department_id)
            policy = load_policy(session)
        if dept is None or dept.duties_changed_on is None:
            return ""
        e = html.escape
        rows = [(self.tr("Duties changed on"), str(dept.duties_changed_on)), (self.tr("What changed"), dept.duties_note)]
        if dept.catalogue_updated_on is not None:
            rows.append((self.tr("Catalogue updated on"), str(dept.catalogue_updated_on)))
        elif dept.catalogue_update_due is not None:
            rows.append((self.tr("Catalogue update due"), with_source(
                dept.catalogue_update_due, policy_source(policy, DeadlineKind.CATALOGUE_UPDATE))))
        return "<table>" + "".join(f"<tr><th align='left' style='padding-right:12px'>{e(k)}</th><td>{e(v)}</td></tr>"
                                   for k, v in rows) + "</table>"
