"""Run in a child process with QT_SCALE_FACTOR set (it must be set before Qt starts): build the first-run page and
the dashboard of a demo database, and print (JSON) every text widget whose text does not fit its geometry.

    python -m tests.ui.scale_probe DATA_DIR LANG
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def clipped(root: Any) -> list[dict[str, Any]]:
    """Labels and command links (the first-run choices) whose text is cut: a one-line label narrower or lower than
    its text, a wrapped label lower than its text at its width, a choice lower than its title and description."""
    from cdo_desktop.ui.qt import QCommandLinkButton, QFont, QFontMetrics, QLabel, QRect, Qt

    out: list[dict[str, Any]] = []
    for label in root.findChildren(QLabel):
        if not label.isVisible() or not label.text() or label.textFormat() == Qt.TextFormat.RichText:
            continue
        size, hint = label.size(), label.sizeHint()
        if label.wordWrap():
            need = label.heightForWidth(size.width())
            ok = size.height() >= need
        else:
            metrics = QFontMetrics(label.font())
            text = max(label.text().splitlines() or [""], key=metrics.horizontalAdvance)
            ok = size.width() >= metrics.horizontalAdvance(text) and size.height() >= metrics.height()
            need = hint.width()
        if not ok:
            out.append({"widget": label.objectName() or type(label).__name__, "text": label.text()[:40],
                        "size": [size.width(), size.height()], "need": need})
    for button in root.findChildren(QCommandLinkButton):
        if not button.isVisible():
            continue
        title = QFont(button.font())
        title.setBold(True)
        title.setPointSizeF(title.pointSizeF() * 1.2)
        # the text column: the button less the style sheet's padding (8 + 2 px a side), the arrow and its margins
        width = button.width() - 20 - button.iconSize().width() - 30
        words = QFontMetrics(button.font()).boundingRect(QRect(0, 0, width, 10000), Qt.TextFlag.TextWordWrap,
                                                          button.description())
        need = QFontMetrics(title).height() + words.height() + 10  # 10: padding and border, top and bottom
        if button.height() < need:
            out.append({"widget": button.objectName(), "text": button.description()[:40],
                        "size": [button.width(), button.height()], "need": need})
    return out


def main(data_dir: Path, lang: str) -> int:
    from cdo_desktop.ui.qt import QApplication, QSettings

    app = QApplication([])
    from cdo_desktop.ui import i18n
    from cdo_desktop.ui.app import build_window, open_local
    from cdo_desktop.ui.dialogs.first_run import FirstRunDialog
    from cdo_desktop.ui.fonts import register_ui_font
    from cdo_desktop.ui.settings import Settings
    from cdo_desktop.ui.state import AppState
    from cdo_desktop.ui.style import apply_style

    register_ui_font(app)
    apply_style(app)
    i18n.install(lang)
    db = open_local(data_dir)
    state = AppState(db, data_dir)
    settings = Settings(QSettings(str(data_dir / "probe.ini"), QSettings.Format.IniFormat))
    window = build_window(state, settings, demo=True)
    window.resize(1366, 860)
    window.show()
    window.select_role("a")
    window.show_page("dashboard")
    for _ in range(5):
        app.processEvents()
    first = FirstRunDialog(window)
    first.show()
    for _ in range(5):
        app.processEvents()
    report = {"ratio": window.devicePixelRatio(), "counts": window.pages["dashboard"].counts,
              "first_run": clipped(first), "dashboard": clipped(window)}
    print(json.dumps(report, ensure_ascii=False))
    first.close()
    window.close()
    db.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(Path(sys.argv[1]), sys.argv[2]))
