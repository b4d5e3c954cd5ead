"""Directory page (placeholder)."""

from __future__ import annotations

from cdo_desktop.ui.pages.base import Page


class DirectoryPage(Page):
    def title(self) -> str:
        return self.tr("Directory")
