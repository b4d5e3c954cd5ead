"""The open catalogue (开放目录): resources open to the public (无条件开放 or 有条件开放), their channel and date."""

from __future__ import annotations

import html
from typing import Any

from cdo_desktop.domain.enums import OpenType, UpdateCycle
from cdo_desktop.ui import queries
from cdo_desktop.ui.i18n import enum_label, label
from cdo_desktop.ui.pages.base import ListPage
from cdo_desktop.ui.qt import QWidget
from cdo_desktop.ui.table_model import Column


class OpenCataloguePage(ListPage):
    entities = frozenset({"resource", "department"})

    def __init__(self, state: Any, parent: QWidget | None = None) -> None:
        super().__init__(state, parent)
        self.add_filter("open_type", self.tr("All open types"),
                        [(label(t), t.value) for t in OpenType if t is not OpenType.CLOSED])

    def title(self) -> str:
        return self.tr("Open catalogue")

    def fetch(self) -> Any:
        return queries.fetch("open_resource")

    def columns(self) -> list[Column]:
        return [
            Column("code", self.tr("Code")),
            Column("name", self.tr("Name")),
            Column("department", self.tr("Source department (ownership)")),
            Column("open_type", self.tr("Open type"), lambda r: enum_label(OpenType, r["open_type"])),
            Column("open_channel", self.tr("Channel")),
            Column("open_published_on", self.tr("Opened on")),
            Column("update_cycle", self.tr("Update cycle"), lambda r: enum_label(UpdateCycle, r["update_cycle"])),
            Column("data_updated_on", self.tr("Last update")),
        ]

    def entity(self) -> str:
        return "resource"

    def skip_actions(self) -> set[str]:
        return {"resource.update", "resource.record_update"}  # edited on the catalogue page

    def describe(self, row: dict[str, Any]) -> str:
        e = html.escape
        lines = [(self.tr("Name"), row["name"]), (self.tr("Source department (ownership)"), row["department"]),
                 (self.tr("Open type"), enum_label(OpenType, row["open_type"])),
                 (self.tr("Conditions"), row["open_reason"]), (self.tr("Channel"), row["open_channel"]),
                 (self.tr("Opened on"), row["open_published_on"])]
        body = "".join(f"<tr><th align='left' style='padding-right:12px'>{e(k)}</th><td>{e(str(v))}</td></tr>"
                       for k, v in lines if v)
        return f"<table>{body}</table>"
