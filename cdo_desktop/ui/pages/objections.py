"""Quality objections: raise one against another department's resource; the owner verifies or corrects it."""

from __future__ import annotations

import html
import uuid
from typing import Any

from cdo_desktop.domain.enums import ObjectionState
from cdo_desktop.domain.policy import DeadlineKind
from cdo_desktop.ui import queries
from cdo_desktop.ui.deadline_source import policy_brief, policy_source, with_brief, with_source
from cdo_desktop.ui.dialogs.dispute_dialog import DisputeDialog
from cdo_desktop.ui.dialogs.form import FormDialog, check_list, text_edit
from cdo_desktop.ui.i18n import enum_label, label
from cdo_desktop.ui.pages.base import ListPage
from cdo_desktop.ui.qt import QComboBox, QListWidgetItem, QPushButton, Qt, QWidget
from cdo_desktop.ui.table_model import Column


class ObjectionDialog(FormDialog):
    kind = "objection.raise"

    def __init__(self, state: Any, parent: QWidget | None = None) -> None:
        super().__init__(state, self.tr("Raise a quality objection"), parent)
        with state.read() as session:
            self.resources = queries.resources_of(session, exclude=state.actor.department_id)
        self.resource = QComboBox()
        self.resource.addItem(self.tr("— choose a resource —"), None)
        for r in self.resources:
            self.resource.addItem(f"{r.code}  {r.name}", r.id)
        self.add("resource_id", self.tr("Resource"), self.resource, required=True)
        self.items = check_list([], checked=False)
        self.add("items", self.tr("Data items concerned"), self.items)
        self.add("description", self.tr("What is wrong"), text_edit(), required=True)
        self.resource.currentIndexChanged.connect(self._resource_changed)

    def _resource_changed(self) -> None:
        self.items.clear()
        resource = next((r for r in self.resources if r.id == self.resource.currentData()), None)
        for item in (resource.items if resource else []):
            entry = QListWidgetItem(item.get("name", ""))
            entry.setData(Qt.ItemDataRole.UserRole, item.get("name", ""))
            entry.setFlags(entry.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            entry.setCheckState(Qt.CheckState.Unchecked)
            self.items.addItem(entry)

    def payload(self) -> dict[str, Any]:
        return {"raiser_department_id": str(self.state.actor.department_id),
                "resource_id": str(self.value("resource_id")), "items": self.value("items"),
                "description": self.value("description")}


class ObjectionsPage(ListPage):
    entities = frozenset({"objection"})

    def __init__(self, state: Any, parent: QWidget | None = None) -> None:
        self.policy: Any = None
        super().__init__(state, parent)
        self.add_filter("state", self.tr("All states"), [(label(s), s.value) for s in ObjectionState])
        self.new_button = QPushButton(self.tr("Raise objection…"))
        self.new_button.setObjectName("newObjection")
        self.new_button.clicked.connect(lambda: ObjectionDialog(self.state, self).exec())
        self.toolbar.addWidget(self.new_button)
        state.actor_changed.connect(self._actor_changed)
        self._actor_changed()

    def title(self) -> str:
        return self.tr("Quality objections")

    def _actor_changed(self) -> None:
        actor = self.state.actor
        self.new_button.setVisible(bool(actor and self.state.may("objection.raise", raiser=actor.department_id)))

    def fetch(self) -> Any:
        return queries.fetch("objection")

    def prepare(self) -> None:
        self.policy = None  # the bureau may have changed it: read again on first use
        actor = self.state.actor
        if actor is not None and not actor.is_bureau:
            self.model.fetch = queries.for_department("objection", actor.department_id, "raiser_department_id",
                                                      "owner_department_id")
        else:
            self.model.fetch = queries.fetch("objection")

    def columns(self) -> list[Column]:
        return [
            Column("number", self.tr("Number")),
            Column("state", self.tr("State"), lambda r: enum_label(ObjectionState, r["state"])),
            Column("resource", self.tr("Resource")),
            Column("raiser", self.tr("Objecting department")),
            Column("owner", self.tr("Owning department")),
            Column("raised_on", self.tr("Raised")),
            Column("due", self.tr("Verify by"), self._due_cell, tooltip=self._due_text),
            Column("description", self.tr("Description")),
        ]

    def entity(self) -> str:
        return "objection"

    def _due_cell(self, row: dict[str, Any]) -> str:
        """The list cell: the date with a short label of its source (the full source is the tooltip)."""
        if not row.get("due"):
            return ""
        self._due_text(row)  # loads the policy once
        return with_brief(str(row["due"]), policy_brief(self.policy, DeadlineKind.OBJECTION_VERIFICATION))

    def _due_text(self, row: dict[str, Any]) -> str:
        """The verification deadline with its source (《政务数据共享条例》第二十六条 unless the bureau changed it)."""
        if not row.get("due"):
            return ""
        if self.policy is None:
            from cdo_desktop.services.context import load_policy

            with self.state.read() as session:
                self.policy = load_policy(session)
        return with_source(row["due"], policy_source(self.policy, DeadlineKind.OBJECTION_VERIFICATION))

    def departments_of(self, row: dict[str, Any]) -> dict[str, uuid.UUID | None]:
        return {"raiser": row["raiser_department_id"], "owner": row["owner_department_id"]}

    def describe(self, row: dict[str, Any]) -> str:
        e = html.escape
        lines = [(self.tr("Number"), row["number"]), (self.tr("State"), enum_label(ObjectionState, row["state"])),
                 (self.tr("Resource"), row["resource"]), (self.tr("Objecting department"), row["raiser"]),
                 (self.tr("Owning department"), row["owner"]), (self.tr("Data items"), "、".join(row["items"] or [])),
                 (self.tr("Verify by"), self._due_text(row)),
                 (self.tr("Description"), row["description"]), (self.tr("Response"), row["response"])]
        return "<table>" + "".join(f"<tr><th align='left' style='padding-right:12px'>{e(k)}</th>"
                                   f"<td>{e(str(v))}</td></tr>" for k, v in lines if v) + "</table>"

    def extra_actions(self, row: dict[str, Any] | None) -> list[QWidget]:
        actor = self.state.actor
        if row is None or actor is None or row["raiser_department_id"] != actor.department_id:
            return []
        if row["state"] not in (ObjectionState.REJECTED.value, ObjectionState.VERIFIED.value):
            return []
        button = QPushButton(self.tr("File dispute…"))
        button.clicked.connect(lambda: DisputeDialog(self.state, {
            "number": row["number"], "resource": row["resource"], "objection_id": row["id"],
            "respondent_department_id": row["owner_department_id"], "respondent_name": row["owner"],
            "kind": "quality"}, self).exec())
        return [button]
