"""The application icon (resources/icons/cdo-desktop.png, the same picture the Linux package installs)."""

from __future__ import annotations

from cdo_desktop.ui.fonts import RESOURCES
from cdo_desktop.ui.qt import QIcon

APP_ICON = RESOURCES / "icons" / "cdo-desktop.png"


def app_icon() -> QIcon:
    """The app's icon; an empty icon only if the resources folder was not shipped."""
    return QIcon(str(APP_ICON)) if APP_ICON.is_file() else QIcon()
