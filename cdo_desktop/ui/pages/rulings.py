"""Rulings and accountability page (placeholder)."""

from __future__ import annotations

from cdo_desktop.ui.pages.base import Page


class RulingsPage(Page):
    def title(self) -> str:
        return self.tr("Rulings and accountability")
