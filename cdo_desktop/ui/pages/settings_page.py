"""Settings page (placeholder)."""

from __future__ import annotations

from cdo_desktop.ui.pages.base import Page


class SettingsPage(Page):
    def title(self) -> str:
        return self.tr("Settings")
