"""Misuse of shared data (违规使用): reports against using departments, the bureau's investigation and finding."""

from __future__ import annotations

import html
import uuid
from typing import Any

from cdo_desktop.domain.enums import MisuseKind, MisuseState
from cdo_desktop.domain.policy import DeadlineKind
from cdo_desktop.ui import queries
from cdo_desktop.ui.deadline_source import policy_source, with_source
from cdo_desktop.ui.i18n import enum_label, label
from cdo_desktop.ui.pages.base import ListPage
from cdo_desktop.ui.qt import QWidget
from cdo_desktop.ui.table_model import Column


class MisusePage(ListPage):
    entities = frozenset({"misuse", "request"})

    def __init__(self, state: Any, parent: QWidget | None = None) -> None:
        super().__init__(state, parent)
        self.add_filter("state", self.tr("All states"), [(label(s), s.value) for s in MisuseState])
        self.add_filter("kind", self.tr("All kinds"), [(label(k), k.value) for k in MisuseKind])

    def title(self) -> str:
        return self.tr("Misuse reports")

    def fetch(self) -> Any:
        return queries.fetch("misuse")

    def columns(self) -> list[Column]:
        return [
            Column("number", self.tr("Number")),
            Column("state", self.tr("State"), lambda r: enum_label(MisuseState, r["state"])),
            Column("kind", self.tr("Kind"), lambda r: enum_label(MisuseKind, r["kind"])),
            Column("user", self.tr("Using department")),
            Column("provider", self.tr("Source department (ownership)")),
            Column("request", self.tr("Request")),
            Column("reported_on", self.tr("Reported")),
            Column("found_on", self.tr("Found")),
        ]

    def entity(self) -> str:
        return "misuse"

    def departments_of(self, row: dict[str, Any]) -> dict[str, uuid.UUID | None]:
        return {"provider": row["provider_department_id"]}

    def _due_text(self, row: dict[str, Any]) -> str:
        """The investigation deadline with its source (this product's default unless the bureau changed it)."""
        if not row.get("investigation_due"):
            return ""
        from cdo_desktop.services.context import load_policy

        with self.state.read() as session:
            source = policy_source(load_policy(session), DeadlineKind.MISUSE_INVESTIGATION)
        return with_source(row["investigation_due"], source)

    def describe(self, row: dict[str, Any]) -> str:
        e = html.escape
        lines = [(self.tr("Number"), row["number"]), (self.tr("State"), enum_label(MisuseState, row["state"])),
                 (self.tr("Kind"), enum_label(MisuseKind, row["kind"])), (self.tr("Using department"), row["user"]),
                 (self.tr("Request"), row["request"]), (self.tr("Description"), row["description"]),
                 (self.tr("Investigation due"), self._due_text(row)), (self.tr("Finding"), row["finding"])]
        body = "".join(f"<tr><th align='left' style='padding-right:12px'>{e(k)}</th><td>{e(str(v))}</td></tr>"
                       for k, v in lines if v)
        return f"<table>{body}</table>"
