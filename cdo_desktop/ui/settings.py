"""Typed settings with defaults (QSettings): language, last page, geometry, bureau address, CA bundle, actor."""

from __future__ import annotations

from typing import Any

from cdo_desktop.ui.qt import QSettings

DEFAULTS: dict[str, Any] = {
    "ui/language": "zh_CN",
    "ui/last_page": "dashboard",
    "ui/geometry": None,
    "sync/bureau_url": "",
    "sync/ca_bundle": "",
    "sync/interval_minutes": 5,
    "session/actor_id": "",
    "session/offline_chosen": "",
    "data/dir": "",
    "reminders/enabled": "1",
    "reminders/shown": None,
}


class Settings:
    """Access to the app's settings; secrets never live here (keyring only)."""

    def __init__(self, qsettings: QSettings | None = None) -> None:
        self.q = qsettings or QSettings("FoshanDataBureau", "cdo-desktop")

    def for_demo(self) -> Settings:
        """The demo's own settings, kept apart from the real ones (an ini file beside a test's, else its own
        QSettings application name)."""
        if self.q.format() == QSettings.Format.IniFormat and self.q.fileName().endswith(".ini"):
            return Settings(QSettings(self.q.fileName()[:-4] + "-demo.ini", QSettings.Format.IniFormat))
        return Settings(QSettings("FoshanDataBureau", "cdo-desktop-demo"))

    def has(self, key: str) -> bool:
        return bool(self.q.contains(key))

    def get(self, key: str) -> Any:
        default = DEFAULTS.get(key)
        value = self.q.value(key, default)
        if isinstance(default, int) and not isinstance(value, int):
            try:
                return int(value)
            except (TypeError, ValueError):
                return default
        return value

    def set(self, key: str, value: Any) -> None:
        self.q.setValue(key, value)

    def sync(self) -> None:
        self.q.sync()
