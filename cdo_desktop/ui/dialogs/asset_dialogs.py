"""Dialogs of the asset register and the platform register: apply, change, value (with the report file), register
a system; and the source-system field of the resource dialog, chosen from the register."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from cdo_desktop.domain import asset_payloads as ap
from cdo_desktop.domain.enums import QualityGrade, SystemKind, SystemStatus, ValuationMethod
from cdo_desktop.domain.errors import DomainError
from cdo_desktop.domain.workflow import Transition
from cdo_desktop.store import models as m
from cdo_desktop.ui import asset_queries
from cdo_desktop.ui.dialogs.form import FieldError, FormDialog, date_edit, text_edit
from cdo_desktop.ui.dialogs.resource_dialog import enum_combo
from cdo_desktop.ui.i18n import error_text, is_english
from cdo_desktop.ui.qt import QComboBox, QHBoxLayout, QLineEdit, QPushButton, QSpinBox, QWidget


def source_system_field(state: Any, current: str) -> QWidget:
    """A choice among the registered systems (a plain text field while the register is empty)."""
    with state.read() as session:
        systems = asset_queries.systems(session)
    if not systems:
        return QLineEdit(current)
    combo = QComboBox()
    combo.addItem("", "")
    for system in systems:
        combo.addItem(f"{system.name}（{system.code}）", system.name)
    if current and combo.findData(current) < 0:
        combo.addItem(current, current)  # an old free-text name: shown, and refused by the rules if kept
    combo.setCurrentIndex(max(combo.findData(current), 0))
    return combo


def _record_spin(value: int | None) -> QSpinBox:
    spin = QSpinBox()
    spin.setRange(0, 2_000_000_000)
    spin.setGroupSeparatorShown(True)
    spin.setValue(value or 0)
    return spin


class AssetFieldsForm(FormDialog):
    """The fields a registration describes (apply, apply again, apply for a change)."""

    def add_fields(self, row: dict[str, Any] | None) -> None:
        row = row or {}
        self.add("name", self.tr("Asset name"), QLineEdit(row.get("name") or ""), required=True)
        self.add("scope", self.tr("Scope"), text_edit(row.get("scope") or "", height=60), required=True)
        self.add("volume", self.tr("Volume"), QLineEdit(row.get("volume") or ""), required=True)
        self.add("record_count", self.tr("Record count"), _record_spin(row.get("record_count")))
        self.add("quality_grade", self.tr("Quality grade"), enum_combo(QualityGrade, row.get("quality_grade")))

    def field_values(self) -> dict[str, Any]:
        return {"name": self.value("name"), "scope": self.value("scope"), "volume": self.value("volume"),
                "record_count": self.value("record_count") or None, "quality_grade": self.value("quality_grade")}


class AssetApplyDialog(AssetFieldsForm):
    kind = "asset.apply"

    def __init__(self, state: Any, parent: QWidget | None = None) -> None:
        super().__init__(state, self.tr("Apply for asset registration"), parent)
        actor = state.actor
        with state.read() as session:
            resources = asset_queries.resources_without_asset(session, actor.department_id)
            dept = session.get(m.Department, actor.department_id)
            code = asset_queries.next_asset_code(session, dept.code if dept else "")
        combo = QComboBox()
        for res in resources:
            combo.addItem(f"{res.code} {res.name}", str(res.id))
        self.names = {str(r.id): r.name for r in resources}
        self.add("resource_id", self.tr("Resource"), combo, required=True)
        self.add("code", self.tr("Asset code"), QLineEdit(code), required=True)
        self.add_fields(None)
        combo.currentIndexChanged.connect(self._suggest_name)
        self._suggest_name()

    def _suggest_name(self) -> None:
        name = self.fields["name"][1]
        assert isinstance(name, QLineEdit)
        chosen = self.value("resource_id")
        if chosen and (not name.text() or name.text().endswith("数据资产")):
            name.setText(f"{self.names.get(chosen, '')}数据资产")

    def payload(self) -> dict[str, Any]:
        return self.field_values() | {"code": self.value("code"), "resource_id": self.value("resource_id")}


class AssetChangeDialog(AssetFieldsForm):
    """Apply again after a refusal (``asset.resubmit``) or apply for a change (``asset.request_change``)."""

    def __init__(self, state: Any, transition: Transition, entity_id: uuid.UUID, row: dict[str, Any],
                 parent: QWidget | None) -> None:
        title = transition.label_en if is_english() else transition.label_zh
        super().__init__(state, title, parent)
        self.kind = transition.action
        self.entity_id = entity_id
        self.add_fields(row)
        if transition.payload is ap.AssetChange:
            self.add("reason", self.tr("Reason for the change"), text_edit(), required=True)

    def payload(self) -> dict[str, Any]:
        values = self.field_values()
        if "reason" in self.fields:
            values["reason"] = self.value("reason")
        return values


class ValuationDialog(FormDialog):
    """Record a valuation: method, value in yuan, date, valuer and the report file (kept by SHA-256)."""

    kind = "asset.value"

    def __init__(self, state: Any, entity_id: uuid.UUID, parent: QWidget | None) -> None:
        super().__init__(state, self.tr("Record a valuation"), parent)
        self.entity_id = entity_id
        self.report: Any = None
        self.add("method", self.tr("Valuation method"), enum_combo(ValuationMethod))
        value = QLineEdit()
        value.setPlaceholderText("1250000.00")
        self.add("value_yuan", self.tr("Value (yuan)"), value, required=True)
        self.add("valued_on", self.tr("Valuation date"), date_edit(state.today))
        self.add("valuer", self.tr("Valuer"), QLineEdit(), required=True)
        holder = QWidget()
        row = QHBoxLayout(holder)
        row.setContentsMargins(0, 0, 0, 0)
        self.report_name = QLineEdit()
        self.report_name.setReadOnly(True)
        choose = QPushButton(self.tr("Choose…"))
        choose.setObjectName("chooseReport")
        choose.clicked.connect(self._choose)
        row.addWidget(self.report_name, 1)
        row.addWidget(choose)
        self.add("report_sha256", self.tr("Valuation report"), holder)
        self.add("note", self.tr("Note"), QLineEdit())

    def _choose(self) -> None:
        from cdo_desktop.ui.file_dialogs import open_file

        path = open_file(self, self.tr("Valuation report"))
        if path:
            self.use_report(Path(path))

    def use_report(self, path: Path) -> None:
        from cdo_desktop.ui.evidence import hash_file

        try:
            self.report = hash_file(path)
        except DomainError as exc:
            self.show_field_error("report_sha256", error_text(exc))
            return
        self.report_name.setText(path.name)

    def check_required(self) -> None:
        super().check_required()
        if self.report is None:
            raise FieldError("report_sha256", self.tr("Choose the valuation report file"))

    def payload(self) -> dict[str, Any]:
        try:
            value = Decimal(self.value("value_yuan").replace(",", "").replace("，", ""))
        except InvalidOperation:
            raise FieldError("value_yuan", self.tr("Not an amount in yuan")) from None
        from cdo_desktop.ui.evidence import store_blob

        store_blob(self.state.data_dir, self.report)  # the file is kept before the change that cites it
        return {"valuation_id": str(uuid.uuid4()), "method": self.value("method"), "value_yuan": f"{value:.2f}",
                "valued_on": self.value("valued_on").isoformat(), "valuer": self.value("valuer"),
                "report_filename": self.report.path.name[:200], "report_sha256": self.report.sha256,
                "report_size": self.report.size, "note": self.value("note")}


class SystemDialog(FormDialog):
    """Register a platform or system, or edit one (name, kind, status, description)."""

    def __init__(self, state: Any, row: dict[str, Any] | None, parent: QWidget | None = None) -> None:
        title = self.tr("Register a platform or system") if row is None else self.tr("Edit platform or system")
        super().__init__(state, title, parent)
        self.kind = "platform.register" if row is None else "platform.update"
        row = row or {}
        if row:
            self.entity_id = row["id"]
            self.base_revision = int(row.get("revision") or 0)
        else:
            code = QLineEdit()
            self.add("code", self.tr("Code"), code, required=True)
            operator = QComboBox()
            with state.read() as session:
                from cdo_desktop.store.queries import departments

                depts = departments(session)
            actor = state.actor
            for dept in depts:
                if actor is not None and (actor.role.value == "admin" or dept.id == actor.department_id):
                    operator.addItem(dept.name, str(dept.id))
            operator.setCurrentIndex(max(operator.findData(str(actor.department_id)) if actor else 0, 0))
            self.add("operator_department_id", self.tr("Operator"), operator, required=True)
        self.add("name", self.tr("Name"), QLineEdit(row.get("name") or ""), required=True)
        self.add("kind_", self.tr("Kind"), enum_combo(SystemKind, row.get("kind")))
        self.add("status", self.tr("Status"), enum_combo(SystemStatus, row.get("status")))
        self.add("description", self.tr("Description"), text_edit(row.get("description") or "", height=60))

    def payload(self) -> dict[str, Any]:
        payload = {"name": self.value("name"), "kind": self.value("kind_"), "status": self.value("status"),
                   "description": self.value("description")}
        if self.kind == "platform.register":
            payload |= {"code": self.value("code"), "operator_department_id": self.value("operator_department_id")}
        return payload


def action_dialog(state: Any, transition: Transition, entity_id: uuid.UUID, row: dict[str, Any],
                  parent: QWidget | None) -> FormDialog | None:
    """The dialog of an asset-register action for the generic action runner (None: not one of ours)."""
    if transition.payload in (ap.AssetFields, ap.AssetChange):
        return AssetChangeDialog(state, transition, entity_id, row, parent)
    if transition.payload is ap.AssetValue:
        return ValuationDialog(state, entity_id, parent)
    return None


def today() -> dt.date:
    return dt.date.today()
