"""Quality objections page (placeholder)."""

from __future__ import annotations

from cdo_desktop.ui.pages.base import Page


class ObjectionsPage(Page):
    def title(self) -> str:
        return self.tr("Quality objections")
