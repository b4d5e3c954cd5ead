"""Hold a department to account on a ground the product can point at (an overdue order, a confirmed misuse finding,
an uncorrected objection, replies overdue in a period), with a measure and a rectification period."""

from __future__ import annotations

import datetime as dt
from typing import Any

from cdo_desktop.domain.enums import GroundKind, Measure
from cdo_desktop.store.queries import departments
from cdo_desktop.ui import queries
from cdo_desktop.ui.dialogs.form import FormDialog, date_edit, text_edit
from cdo_desktop.ui.dialogs.resource_dialog import enum_combo
from cdo_desktop.ui.i18n import label
from cdo_desktop.ui.qt import QComboBox, QSpinBox, QWidget


class AccountabilityDialog(FormDialog):
    kind = "accountability.create"

    def __init__(self, state: Any, parent: QWidget | None = None) -> None:
        super().__init__(state, self.tr("Hold to account"), parent)
        with state.read() as session:
            depts = [d for d in departments(session) if not d.is_bureau]
            grounds = queries.accountability_grounds(session, state.today)
        dept = QComboBox()
        dept.addItem(self.tr("— choose a department —"), None)
        for d in depts:
            dept.addItem(d.name, str(d.id))
        ground = QComboBox()
        ground.addItem(self.tr("— choose the ground —"), None)
        for g in grounds:
            ground.addItem(f"{label(GroundKind(g['ground']))}：{g['text']}", (g["ground"], str(g["id"])))
        ground.addItem(label(GroundKind.REPLIES_OVERDUE), (GroundKind.REPLIES_OVERDUE.value, None))
        self.grounds = {(g["ground"], str(g["id"])): g for g in grounds}
        # the ground first: choosing it fills the department and the facts below it
        self.add("ground", self.tr("Ground"), ground, required=True)
        self.add("department_id", self.tr("Department"), dept, required=True)
        self.filled_facts = ""  # the violation text last filled from a ground (replaced while the user keeps it)
        self.add("period_start", self.tr("Period from (overdue replies)"), date_edit(state.today - dt.timedelta(days=90)))
        self.add("period_end", self.tr("Period to (overdue replies)"), date_edit(state.today))
        self.add("violation", self.tr("Violation"), text_edit(height=60))
        self.add("measure", self.tr("Measure"), enum_combo(Measure, Measure.RECTIFY.value))
        days = QSpinBox()
        days.setRange(0, 365)
        days.setValue(10)
        days.setSpecialValueText(self.tr("none"))
        self.add("rectification_days", self.tr("Rectify within (working days)"), days)
        self.add("report_requirement", self.tr("Report requirement"), text_edit(height=50))
        ground.currentIndexChanged.connect(self._ground_chosen)

    def _ground_chosen(self) -> None:
        """The chosen ground's record names the department held to account and the facts of the violation."""
        value = self.value("ground")
        chosen = self.grounds.get((value[0], str(value[1]))) if value else None
        if chosen is None:
            return
        dept = self.fields["department_id"][1]
        index = dept.findData(str(chosen["department_id"]))
        if index >= 0:
            dept.setCurrentIndex(index)
        violation = self.fields["violation"][1]
        current = violation.toPlainText().strip()
        if not current or current == self.filled_facts:  # never overwrite what the user wrote
            self.filled_facts = chosen.get("facts", "")
            violation.setPlainText(self.filled_facts)

    def payload(self) -> dict[str, Any]:
        payload: dict[str, Any] = {"department_id": self.value("department_id"), "measure": self.value("measure"),
                                   "violation": self.value("violation"),
                                   "report_requirement": self.value("report_requirement")}
        kind, ground_id = self.value("ground")
        payload["ground"] = kind
        if ground_id:
            payload["ground_id"] = ground_id
        if kind == GroundKind.REPLIES_OVERDUE.value:
            payload["period_start"] = self.value("period_start").isoformat()
            payload["period_end"] = self.value("period_end").isoformat()
        if self.value("rectification_days"):
            payload["rectification_days"] = self.value("rectification_days")
        return payload
