"""Administrator forms: a policy deadline, a year's holiday arrangement, a department, an appointment."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from sqlalchemy import select

from cdo_desktop.domain.enums import DepartmentLevel, Role
from cdo_desktop.domain.policy import DeadlineKind
from cdo_desktop.store import models as m
from cdo_desktop.store.queries import departments
from cdo_desktop.ui.dialogs.form import FieldError, FormDialog, date_edit, text_edit
from cdo_desktop.ui.dialogs.resource_dialog import enum_combo
from cdo_desktop.ui.qt import QCheckBox, QComboBox, QLineEdit, QSpinBox, QWidget


class PolicyDialog(FormDialog):
    kind = "policy.set"

    def __init__(self, state: Any, kind: str | None, parent: QWidget | None = None) -> None:
        super().__init__(state, self.tr("Change a deadline"), parent)
        with state.read() as session:
            row = session.execute(select(m.PolicyDeadline).where(m.PolicyDeadline.kind == (kind or ""))).scalar()
        combo = enum_combo(DeadlineKind, kind)
        self.add("kind", self.tr("Deadline"), combo)
        days = QSpinBox()
        days.setRange(1, 365)
        days.setValue(row.days if row else 10)
        self.add("days", self.tr("Working days"), days)
        self.add("clause", self.tr("Clause"), QLineEdit(row.clause if row else ""), required=True)
        self.entity_id = row.id if row else uuid.uuid4()

    def payload(self) -> dict[str, Any]:
        return {"kind": self.value("kind"), "days": self.value("days"), "clause": self.value("clause")}


class CalendarDialog(FormDialog):
    kind = "calendar.publish"

    def __init__(self, state: Any, year: int, parent: QWidget | None = None) -> None:
        super().__init__(state, self.tr("Publish the holiday arrangement of %d") % year, parent)
        self.year = year
        with state.read() as session:
            days = list(session.execute(select(m.HolidayDay).where(m.HolidayDay.year == year)
                                        .order_by(m.HolidayDay.date)).scalars())
        text = "\n".join(f"{d.date} {'workday' if d.workday else 'holiday'} {d.name}" for d in days)
        edit = text_edit(text, height=220)
        edit.setPlaceholderText(f"{year}-01-01 holiday 元旦\n{year}-02-14 workday 调休上班")
        self.add("days", self.tr("Days (date, holiday or workday, name)"), edit, required=True)
        complete = QCheckBox(self.tr("This is the year's complete arrangement (every holiday and make-up workday)"))
        with state.read() as session:
            known = session.execute(select(m.HolidayYear).where(m.HolidayYear.year == year)).scalars().first()
        complete.setChecked(bool(known and known.complete))
        self.add("complete", self.tr("Complete"), complete)

    def payload(self) -> dict[str, Any]:
        days = []
        for number, line in enumerate(self.value("days").splitlines(), start=1):
            parts = line.split(maxsplit=2)
            if not parts:
                continue
            try:
                date = dt.date.fromisoformat(parts[0])
            except ValueError:
                raise FieldError("days", self.tr("Line %d: '%s' is not a date (YYYY-MM-DD)") % (number, parts[0])) from None
            kind = parts[1] if len(parts) > 1 else "holiday"
            if kind not in ("holiday", "workday"):
                raise FieldError("days", self.tr("Line %d: write holiday or workday") % number)
            days.append({"date": date.isoformat(), "workday": kind == "workday",
                         "name": parts[2] if len(parts) > 2 else ""})
        return {"year": self.year, "days": days, "complete": bool(self.value("complete"))}


class DepartmentDialog(FormDialog):
    kind = "department.create"

    def __init__(self, state: Any, parent: QWidget | None = None) -> None:
        super().__init__(state, self.tr("Add department"), parent)
        self.add("code", self.tr("Code"), QLineEdit(), required=True)
        self.add("name", self.tr("Name"), QLineEdit(), required=True)
        self.add("short_name", self.tr("Short name"), QLineEdit())
        self.add("level", self.tr("Level"), enum_combo(DepartmentLevel))

    def payload(self) -> dict[str, Any]:
        return {k: self.value(k) for k in ("code", "name", "short_name", "level")}


class AppointDialog(FormDialog):
    kind = "commissioner.appoint"

    def __init__(self, state: Any, parent: QWidget | None = None) -> None:
        super().__init__(state, self.tr("Appoint a commissioner"), parent)
        self.add("name", self.tr("Name"), QLineEdit(), required=True)
        dept = QComboBox()
        dept.addItem(self.tr("— choose a department —"), None)
        with state.read() as session:
            for d in departments(session):
                dept.addItem(d.name, str(d.id))
        self.add("department_id", self.tr("Department"), dept, required=True)
        self.add("role", self.tr("Role"), enum_combo(Role))
        self.add("phone", self.tr("Phone"), QLineEdit())
        self.add("email", self.tr("E-mail"), QLineEdit())
        self.add("appointed_on", self.tr("Appointed on"), date_edit(state.today))

    def payload(self) -> dict[str, Any]:
        return {"name": self.value("name"), "department_id": self.value("department_id"), "role": self.value("role"),
                "phone": self.value("phone"), "email": self.value("email"),
                "appointed_on": self.value("appointed_on").isoformat()}


class EndAppointmentDialog(FormDialog):
    kind = "commissioner.end"

    def __init__(self, state: Any, person: dict[str, Any], parent: QWidget | None = None) -> None:
        super().__init__(state, self.tr("End the appointment of %s") % person["name"], parent)
        self.entity_id = person["id"]
        self.add("ended_on", self.tr("Ended on"), date_edit(state.today))

    def payload(self) -> dict[str, Any]:
        return {"ended_on": self.value("ended_on").isoformat()}


class DutiesChangeDialog(FormDialog):
    """The bureau records a change of a department's duties (职能变更); the department's catalogue must then be
    updated within the policy deadline (《政务数据共享条例》第十七条), a task on its dashboard."""

    kind = "department.change_duties"

    def __init__(self, state: Any, department_id: uuid.UUID | None = None, parent: QWidget | None = None) -> None:
        super().__init__(state, self.tr("Record a change of duties"), parent)
        dept = QComboBox()
        dept.addItem(self.tr("— choose a department —"), None)
        with state.read() as session:
            for d in departments(session):
                if not d.is_bureau:
                    dept.addItem(d.name, str(d.id))
        if department_id is not None:
            index = dept.findData(str(department_id))
            if index >= 0:
                dept.setCurrentIndex(index)
        self.add("department_id", self.tr("Department"), dept, required=True)
        self.add("changed_on", self.tr("Duties changed on"), date_edit(state.today))
        self.add("note", self.tr("What changed"), text_edit(), required=True)

    def payload(self) -> dict[str, Any]:
        self.entity_id = uuid.UUID(self.value("department_id"))
        return {"changed_on": self.value("changed_on").isoformat(), "note": self.value("note")}
