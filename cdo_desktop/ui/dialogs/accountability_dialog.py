"""Hold a department to account: on a ruling or a described violation, with a measure and a deadline."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from cdo_desktop.domain.enums import Measure
from cdo_desktop.store import models as m
from cdo_desktop.store.queries import departments
from cdo_desktop.ui.dialogs.form import FormDialog, text_edit
from cdo_desktop.ui.dialogs.resource_dialog import enum_combo
from cdo_desktop.ui.qt import QComboBox, QSpinBox, QWidget


class AccountabilityDialog(FormDialog):
    kind = "accountability.create"

    def __init__(self, state: Any, parent: QWidget | None = None) -> None:
        super().__init__(state, self.tr("Hold to account"), parent)
        with state.read() as session:
            depts = [d for d in departments(session) if not d.is_bureau]
            rulings = list(session.execute(select(m.Ruling).order_by(m.Ruling.issued_on.desc()).limit(200)).scalars())
            # the department a ruling holds to account: the addressee of its orders, else the respondent
            self.addressee_of: dict[str, str] = {}
            for r in rulings:
                order = session.execute(select(m.RulingOrder).where(m.RulingOrder.ruling_id == r.id)
                                        .order_by(m.RulingOrder.position)).scalars().first()
                dispute = session.get(m.Dispute, r.dispute_id)
                target = order.addressee_department_id if order else (dispute.respondent_department_id
                                                                       if dispute else None)
                if target is not None:
                    self.addressee_of[str(r.id)] = str(target)
        dept = QComboBox()
        dept.addItem(self.tr("— choose a department —"), None)
        for d in depts:
            dept.addItem(d.name, str(d.id))
        self.add("department_id", self.tr("Department"), dept, required=True)
        ruling = QComboBox()
        ruling.addItem(self.tr("(no ruling: describe the violation)"), None)
        for r in rulings:
            ruling.addItem(r.number, str(r.id))
        self.add("ruling_id", self.tr("Ruling"), ruling)
        ruling.currentIndexChanged.connect(lambda _i: self._fill_from_ruling())
        self.add("violation", self.tr("Violation"), text_edit(height=60))
        self.add("measure", self.tr("Measure"), enum_combo(Measure, Measure.RECTIFY.value))
        days = QSpinBox()
        days.setRange(0, 365)
        days.setValue(10)
        days.setSpecialValueText(self.tr("none"))
        self.add("rectification_days", self.tr("Rectify within (working days)"), days)
        self.add("report_requirement", self.tr("Report requirement"), text_edit(height=50))

    def _fill_from_ruling(self) -> None:
        """Choosing the ruling fills in the department it holds to account (the user may still change it)."""
        target = self.addressee_of.get(self.value("ruling_id") or "")
        combo = self.fields["department_id"][1]
        if target is not None and isinstance(combo, QComboBox):
            combo.setCurrentIndex(max(combo.findData(target), 0))

    def payload(self) -> dict[str, Any]:
        payload: dict[str, Any] = {"department_id": self.value("department_id"), "measure": self.value("measure"),
                                   "violation": self.value("violation"),
                                   "report_requirement": self.value("report_requirement")}
        if self.value("ruling_id"):
            payload["ruling_id"] = self.value("ruling_id")
        if self.value("rectification_days"):
            payload["rectification_days"] = self.value("rectification_days")
        return payload
