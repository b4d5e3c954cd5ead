"""The register of shared platforms and information systems (集约化): every resource names its source system here."""

from __future__ import annotations

import html
from typing import Any

from cdo_desktop.domain.enums import SystemKind, SystemStatus
from cdo_desktop.ui import asset_queries
from cdo_desktop.ui.i18n import enum_label, label
from cdo_desktop.ui.pages.base import ListPage
from cdo_desktop.ui.qt import QPushButton, QWidget
from cdo_desktop.ui.table_model import Column
from cdo_desktop.ui.transfer_ui import transfer_buttons


class PlatformsPage(ListPage):
    entities = frozenset({"platform", "resource", "department"})

    def __init__(self, state: Any, parent: QWidget | None = None) -> None:
        super().__init__(state, parent)
        self.add_filter("kind", self.tr("All kinds"), [(label(k), k.value) for k in SystemKind])
        self.add_filter("status", self.tr("All statuses"), [(label(s), s.value) for s in SystemStatus])
        self.new_button = QPushButton(self.tr("Register a system…"))
        self.new_button.setObjectName("registerSystem")
        self.new_button.clicked.connect(self.register_system)
        self.toolbar.addWidget(self.new_button)
        self.transfer = transfer_buttons(self, state, "platforms")
        for button in self.transfer:
            self.toolbar.addWidget(button)
        state.actor_changed.connect(self._actor_changed)
        self._actor_changed()

    def title(self) -> str:
        return self.tr("Platforms and systems")

    def _actor_changed(self) -> None:
        actor = self.state.actor
        allowed = bool(actor and (self.state.may("platform.register", owner=actor.department_id)))
        self.new_button.setVisible(allowed)
        self.transfer[0].setVisible(allowed)

    def fetch(self) -> Any:
        return asset_queries.fetch_systems

    def columns(self) -> list[Column]:
        return [
            Column("code", self.tr("Code")),
            Column("name", self.tr("Name")),
            Column("operator", self.tr("Operator")),
            Column("kind", self.tr("Kind"), lambda r: enum_label(SystemKind, r["kind"])),
            Column("status", self.tr("Status"), lambda r: enum_label(SystemStatus, r["status"])),
            Column("resources", self.tr("Resources")),
            Column("registered_on", self.tr("Registered")),
        ]

    def entity(self) -> str:
        return "platform"

    def extra_actions(self, row: dict[str, Any] | None) -> list[QWidget]:
        if row is None or not self.state.may("platform.update", owner=row["operator_department_id"]):
            return []
        button = QPushButton(self.tr("Edit…"))
        button.setObjectName("editSystem")
        button.clicked.connect(lambda: self.edit_system(row))
        return [button]

    def skip_actions(self) -> set[str]:
        return {"platform.update"}

    def describe(self, row: dict[str, Any]) -> str:
        e = html.escape
        facts = [(self.tr("Code"), row["code"]), (self.tr("Name"), row["name"]), (self.tr("Operator"), row["operator"]),
                 (self.tr("Kind"), enum_label(SystemKind, row["kind"])),
                 (self.tr("Status"), enum_label(SystemStatus, row["status"])),
                 (self.tr("Description"), row["description"]), (self.tr("Resources"), row["resources"])]
        return "<table>" + "".join(
            f"<tr><th align='left' style='padding-right:12px'>{e(k)}</th><td>{e(str(v))}</td></tr>"
            for k, v in facts if v != "") + "</table>"

    def register_system(self) -> None:
        from cdo_desktop.ui.dialogs.asset_dialogs import SystemDialog

        self.dialog = SystemDialog(self.state, None, self)
        self.dialog.exec()

    def edit_system(self, row: dict[str, Any]) -> None:
        from cdo_desktop.ui.dialogs.asset_dialogs import SystemDialog

        self.dialog = SystemDialog(self.state, row, self)
        self.dialog.exec()
