"""Catalogue or edit a data resource; conditional and not-shared resources must cite a legal basis."""

from __future__ import annotations

import uuid
from typing import Any

from cdo_desktop.domain.enums import OpenType, ShareMethod, ShareType, UpdateCycle
from cdo_desktop.domain.workflow import NEEDS_LEGAL_BASIS
from cdo_desktop.store import models as m
from cdo_desktop.ui.dialogs.form import FieldError, FormDialog, text_edit
from cdo_desktop.ui.i18n import error_text, label
from cdo_desktop.ui.qt import QComboBox, QLineEdit, QWidget


def enum_combo(enum: Any, current: str | None = None) -> QComboBox:
    combo = QComboBox()
    for value in enum:
        combo.addItem(label(value), value.value)
    if current is not None:
        combo.setCurrentIndex(max(combo.findData(current), 0))
    return combo


class ResourceDialog(FormDialog):
    def __init__(self, state: Any, resource_id: uuid.UUID | None, parent: QWidget | None = None) -> None:
        title = self.tr("Catalogue a resource") if resource_id is None else self.tr("Edit resource")
        super().__init__(state, title, parent)
        row = None
        if resource_id is not None:
            with state.read() as session:
                row = session.get(m.DataResource, resource_id)
        self.kind = "resource.create" if row is None else "resource.update"
        if row is not None:
            self.entity_id = row.id
            self.base_revision = row.revision
        code = QLineEdit(row.code if row else "")
        code.setReadOnly(row is not None)
        self.add("code", self.tr("Code"), code, required=True)
        self.add("name", self.tr("Name"), QLineEdit(row.name if row else ""), required=True)
        self.add("summary", self.tr("Summary"), text_edit(row.summary if row else "", height=60))
        items = "、".join(i.get("name", "") for i in row.items) if row else ""
        edit = QLineEdit(items)
        edit.setPlaceholderText(self.tr("Item names separated by 、 or commas"))
        self.add("items", self.tr("Data items"), edit, required=True)
        self.add("share_type", self.tr("Share type"), enum_combo(ShareType, row.share_type if row else None))
        self.add("share_conditions", self.tr("Share conditions"), QLineEdit(row.share_conditions if row else ""))
        self.add("legal_basis", self.tr("Legal basis"), QLineEdit(row.legal_basis if row else ""))
        self.add("share_method", self.tr("Share method"), enum_combo(ShareMethod, row.share_method if row else None))
        self.add("open_type", self.tr("Open type"), enum_combo(OpenType, row.open_type if row else None))
        self.add("update_cycle", self.tr("Update cycle"), enum_combo(UpdateCycle, row.update_cycle if row else None))
        from cdo_desktop.ui.dialogs.asset_dialogs import source_system_field

        self.add("source_system", self.tr("Source system"), source_system_field(state, row.source_system if row else ""))

    def payload(self) -> dict[str, Any]:
        names = [n.strip() for n in self.value("items").replace(",", "、").replace("，", "、").split("、") if n.strip()]
        facts = {"share_type": self.value("share_type"), "legal_basis": self.value("legal_basis")}
        if not NEEDS_LEGAL_BASIS.check(facts):  # the domain's rule, checked before anything is sent
            raise FieldError("legal_basis", error_text(NEEDS_LEGAL_BASIS))
        payload: dict[str, Any] = {
            "name": self.value("name"),
            "summary": self.value("summary"),
            "items": [{"name": n} for n in names],
            "share_type": self.value("share_type"),
            "share_conditions": self.value("share_conditions"),
            "legal_basis": self.value("legal_basis"),
            "share_method": self.value("share_method"),
            "open_type": self.value("open_type"),
            "update_cycle": self.value("update_cycle"),
            "source_system": self.value("source_system"),
        }
        if self.kind == "resource.create":
            payload |= {"code": self.value("code"), "department_id": str(self.state.actor.department_id)}
        return payload
