"""Catalogue: my department's resources (editable, with the legal-basis rule) and the city's catalogue (read-only)."""

from __future__ import annotations

import html
import uuid
from typing import Any

from cdo_desktop.domain.enums import ShareMethod, ShareType, UpdateCycle
from cdo_desktop.store import models as m
from cdo_desktop.ui import queries
from cdo_desktop.ui.dialogs.resource_dialog import ResourceDialog
from cdo_desktop.ui.i18n import enum_label, label
from cdo_desktop.ui.pages.base import ListPage
from cdo_desktop.ui.qt import QPushButton, QWidget
from cdo_desktop.ui.table_model import Column


class CataloguePage(ListPage):
    entities = frozenset({"resource", "department"})

    def __init__(self, state: Any, parent: QWidget | None = None) -> None:
        super().__init__(state, parent)
        self.scope = self.add_filter("scope", self.tr("City catalogue (read-only)"),
                                     [(self.tr("My department (editable)"), "mine")])
        self.add_filter("share_type", self.tr("All share types"), [(label(s), s.value) for s in ShareType])
        self.new_button = QPushButton(self.tr("Catalogue a resource…"))
        self.new_button.setObjectName("newResource")
        self.new_button.clicked.connect(self.new_resource)
        self.toolbar.addWidget(self.new_button)
        from cdo_desktop.ui.transfer_ui import transfer_buttons

        self.transfer = transfer_buttons(self, state, "catalogue")
        for button in self.transfer:
            self.toolbar.addWidget(button)
        state.actor_changed.connect(self._actor_changed)
        self._actor_changed()

    def title(self) -> str:
        return self.tr("Data catalogue")

    def _actor_changed(self) -> None:
        actor = self.state.actor
        self.new_button.setVisible(bool(actor and self.state.may("resource.create", owner=actor.department_id)))
        self.transfer[0].setVisible(self.new_button.isVisibleTo(self))

    def fetch(self) -> Any:
        return queries.fetch("resource")

    def current_filters(self) -> dict[str, Any]:
        filters = super().current_filters()
        if filters.pop("scope", None) == "mine" and self.state.actor is not None:
            filters["department_id"] = self.state.actor.department_id
        return filters

    def columns(self) -> list[Column]:
        return [
            Column("code", self.tr("Code")),
            Column("name", self.tr("Name")),
            Column("department", self.tr("Owning department")),
            Column("share_type", self.tr("Share type"), lambda r: enum_label(ShareType, r["share_type"])),
            Column("share_method", self.tr("Share method"), lambda r: enum_label(ShareMethod, r["share_method"])),
            Column("update_cycle", self.tr("Update cycle"), lambda r: enum_label(UpdateCycle, r["update_cycle"])),
            Column("published_on", self.tr("Published")),
        ]

    def entity(self) -> str:
        return "resource"

    def extra_actions(self, row: dict[str, Any] | None) -> list[QWidget]:
        actor = self.state.actor
        if row is None or actor is None or not self.state.may("resource.update", owner=row["department_id"]):
            return []
        button = QPushButton(self.tr("Edit…"))
        button.setObjectName("editResource")
        button.clicked.connect(lambda: self.edit_resource(row["id"]))
        return [button]

    def describe(self, row: dict[str, Any]) -> str:
        with self.state.read() as session:
            r = session.get(m.DataResource, row["id"])
        if r is None:
            return ""
        e = html.escape
        lines = [
            (self.tr("Code"), r.code), (self.tr("Name"), r.name), (self.tr("Owning department"), row["department"]),
            (self.tr("Summary"), r.summary), (self.tr("Format"), r.format),
            (self.tr("Data items"), "、".join(i.get("name", "") for i in r.items)),
            (self.tr("Share type"), enum_label(ShareType, r.share_type)),
            (self.tr("Share conditions"), r.share_conditions), (self.tr("Legal basis"), r.legal_basis),
            (self.tr("Source system"), r.source_system),
        ]
        body = "".join(f"<tr><th align='left' style='padding-right:12px'>{e(k)}</th><td>{e(str(v))}</td></tr>"
                       for k, v in lines if v)
        from cdo_desktop.ui.asset_widgets import flags_html

        return f"<table>{body}</table>" + flags_html(self.state, row["id"])

    def new_resource(self) -> None:
        dialog = ResourceDialog(self.state, None, self)
        if dialog.exec():
            from cdo_desktop.ui.asset_widgets import flags_html

            notice = flags_html(self.state, dialog.entity_id)
            if notice:  # 集约化: told at once, not refused
                from cdo_desktop.ui.qt import QMessageBox

                QMessageBox.information(self, self.tr("Data catalogue"), notice)

    def edit_resource(self, resource_id: uuid.UUID) -> None:
        ResourceDialog(self.state, resource_id, self).exec()
