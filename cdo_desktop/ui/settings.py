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
}


class Settings:
    """Access to the app's settings; secrets never live here (keyring only)."""

    def __init__(self, qsettings: QSettings | None = None) -> None:
        self.q = qsettings or QSettings("FoshanDataBureau", "cdo-desktop")

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
