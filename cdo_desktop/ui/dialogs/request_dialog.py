"""New sharing request: resource and data items, purpose, legal basis, usage method, period."""

from __future__ import annotations

import datetime as dt
from typing import Any

from cdo_desktop.domain.enums import ShareMethod, ShareType
from cdo_desktop.ui import queries
from cdo_desktop.ui.dialogs.form import FieldError, FormDialog, check_list, date_edit, text_edit
from cdo_desktop.ui.i18n import enum_label, label
from cdo_desktop.ui.qt import QComboBox, QLineEdit, Qt, QWidget


class RequestDialog(FormDialog):
    kind = "request.create"

    def __init__(self, state: Any, parent: QWidget | None = None) -> None:
        super().__init__(state, self.tr("New sharing request"), parent)
        actor = state.actor
        with state.read() as session:
            self.resources = queries.resources_of(session, exclude=actor.department_id if actor else None)
            names = queries.dept_names(session)
        self.resource = QComboBox()
        self.resource.setEditable(False)
        self.resource.addItem(self.tr("— choose a resource —"), None)
        for r in self.resources:
            if r.share_type == ShareType.NOT_SHARED.value:
                continue
            self.resource.addItem(f"{r.code}  {r.name}  ({names.get(r.department_id, '')}, "
                                  f"{enum_label(ShareType, r.share_type)})", r.id)
        self.add("resource_id", self.tr("Resource"), self.resource, required=True)
        self.items = check_list([], checked=True)
        self.add("items", self.tr("Data items"), self.items, required=True)
        self.add("purpose", self.tr("Purpose"), text_edit(height=70), required=True)
        self.add("legal_basis", self.tr("Legal basis"), QLineEdit())
        method = QComboBox()
        for value in ShareMethod:
            method.addItem(label(value), value.value)
        self.add("usage_method", self.tr("Usage method"), method)
        today = state.today
        self.add("period_start", self.tr("Period from"), date_edit(today))
        self.add("period_end", self.tr("Period until"), date_edit(today + dt.timedelta(days=365)))
        self.resource.currentIndexChanged.connect(self._resource_changed)

    def _resource_changed(self) -> None:
        from cdo_desktop.ui.qt import QListWidgetItem

        self.items.clear()
        rid = self.resource.currentData()
        resource = next((r for r in self.resources if r.id == rid), None)
        for item in (resource.items if resource else []):
            entry = QListWidgetItem(item.get("name", ""))
            entry.setData(Qt.ItemDataRole.UserRole, item.get("name", ""))
            entry.setFlags(entry.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            entry.setCheckState(Qt.CheckState.Checked)
            self.items.addItem(entry)

    def select_resource(self, resource_id: Any) -> None:
        index = self.resource.findData(resource_id)
        if index >= 0:
            self.resource.setCurrentIndex(index)

    def payload(self) -> dict[str, Any]:
        start, end = self.value("period_start"), self.value("period_end")
        if end < start:
            raise FieldError("period_end", self.tr("The period must not end before it starts"))
        actor = self.state.actor
        return {
            "requester_department_id": str(actor.department_id),
            "resource_id": str(self.value("resource_id")),
            "items": self.value("items"),
            "purpose": self.value("purpose"),
            "legal_basis": self.value("legal_basis"),
            "usage_method": self.value("usage_method"),
            "period_start": start.isoformat(),
            "period_end": end.isoformat(),
        }
