"""City catalogue page (placeholder)."""

from __future__ import annotations

from cdo_desktop.ui.pages.base import Page


class CataloguePage(Page):
    def title(self) -> str:
        return self.tr("City catalogue")
