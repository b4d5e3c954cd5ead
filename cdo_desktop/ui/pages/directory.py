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
        state.actor_changed.connect(self._transfer_rights)
        self._transfer_rights()

    def _transfer_rights(self) -> None:
        self.transfer[0].setVisible(bool(self.state.may("department.create")))

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
        return (f"<h4>{e(title)}</h4>"
                f"<table cellpadding='3'>{head}{lines}</table>")
