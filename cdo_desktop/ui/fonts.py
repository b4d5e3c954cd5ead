"""Register the bundled CJK font with Qt so Chinese renders on machines without system CJK fonts."""

from __future__ import annotations

import sys
from pathlib import Path

from cdo_desktop.ui.qt import QApplication, QFont, QFontDatabase

RESOURCES = Path(__file__).resolve().parents[2] / "resources"
if getattr(sys, "frozen", False):  # PyInstaller bundle
    RESOURCES = Path(getattr(sys, "_MEIPASS", ".")) / "resources"

UI_FONT = RESOURCES / "fonts" / "cdo-hei.ttf"
LATIN_PREFERRED = ("Segoe UI", "Microsoft YaHei UI", "Noto Sans", "DejaVu Sans", "Liberation Sans", "Ubuntu")
FALLBACK = Path("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf")


def register_ui_font(app: QApplication, *, point_size: int = 10) -> str | None:
    """Add the bundled font to Qt and make it the application font; returns its family or None."""
    for path in (UI_FONT, FALLBACK):
        if not path.exists():
            continue
        font_id = QFontDatabase.addApplicationFont(str(path))
        families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
        if families:
            font = QFont(app.font())
            installed = set(QFontDatabase.families())
            latin = next((f for f in LATIN_PREFERRED if f in installed), font.family())
            # Latin text keeps the platform's UI font; every CJK character falls back to the bundled font
            font.setFamilies([latin, families[0]] if latin and latin != families[0] else [families[0]])
            font.setPointSize(point_size)
            font.setStyleStrategy(QFont.StyleStrategy.PreferAntialias)
            app.setFont(font)
            return families[0]
    return None
