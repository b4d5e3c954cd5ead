"""The one look of the app: palette, spacing and state chips coloured by tone (one style sheet, applied at start).

Sizes are in device-independent pixels, so the look is the same, only sharper, at 200 % scale. States are drawn as
chips by `StateChipDelegate`: green for done, red for refused or escalated, blue for waiting on someone, grey for
drafts and ended records — the same tones the dashboard and deadline columns use (orange: due soon, red: late).
"""

from __future__ import annotations

from typing import Any

from cdo_desktop.ui.qt import QApplication, QColor, QPainter, QStyle, QStyledItemDelegate, Qt

INK = "#1c2733"
ACCENT = "#2f6db5"
NAVY = "#1f3a5f"
LINE = "#d5dbe3"

STYLE_SHEET = f"""
QMainWindow, QDialog {{ background: #f6f7f9; }}
QListWidget#navigation {{ background: {NAVY}; color: #e8eef6; border: none; padding: 6px 0px; outline: 0; }}
QListWidget#navigation::item {{ padding: 8px 10px; margin: 1px 6px; border-radius: 4px; }}
QListWidget#navigation::item:selected {{ background: {ACCENT}; color: white; }}
QListWidget#navigation::item:hover:!selected {{ background: #2b4c77; }}
QLabel#heading {{ color: {NAVY}; padding: 2px 0px 6px 0px; }}
QLabel#formError {{ color: #c62828; }}
QPushButton {{ padding: 5px 14px; border: 1px solid #b8c2cf; border-radius: 4px; background: white; color: {INK}; }}
QPushButton:hover {{ background: #eef3fa; }}
QPushButton:pressed {{ background: #dbe6f4; }}
QPushButton:default {{ background: {ACCENT}; color: white; border-color: {ACCENT}; }}
QPushButton:focus {{ border: 2px solid {ACCENT}; }}
QPushButton:disabled {{ color: #9aa5b1; background: #f0f2f5; }}
QCommandLinkButton {{ border: 1px solid {LINE}; border-radius: 6px; background: white; padding: 8px; }}
QCommandLinkButton:focus, QCommandLinkButton:hover {{ border: 2px solid {ACCENT}; }}
QLineEdit, QPlainTextEdit, QDateEdit, QSpinBox {{ padding: 3px 4px; border: 1px solid #b8c2cf; border-radius: 3px;
    background: white; color: {INK}; }}
QLineEdit:focus, QPlainTextEdit:focus, QDateEdit:focus, QSpinBox:focus {{ border: 1px solid {ACCENT}; }}
QTableView, QTableWidget {{ background: white; alternate-background-color: #f5f8fc; gridline-color: #e3e7ec;
    selection-background-color: #d5e4f6; selection-color: {INK}; border: 1px solid {LINE}; }}
QHeaderView::section {{ background: #eef1f5; color: {INK}; padding: 5px 6px; border: none;
    border-right: 1px solid {LINE}; border-bottom: 1px solid {LINE}; font-weight: bold; }}
QTextBrowser {{ background: white; border: 1px solid {LINE}; padding: 4px; }}
QTabWidget::pane {{ border: 1px solid {LINE}; background: white; }}
QStatusBar {{ background: #eef1f5; color: {INK}; }}
QMenuBar {{ background: #f6f7f9; }}
"""

# state value → tone; tones → (chip background, text)
STATE_TONES = {
    "done": {"approved", "granted", "complied", "closed", "archived", "verified", "corrected", "reported",
             "partly_approved", "registered"},
    "bad": {"refused", "declined", "revoked", "escalated", "rejected", "suspended"},
    "wait": {"submitted", "awaiting_reply", "filed", "negotiation", "accepted", "hearing", "open", "raised",
             "flagged", "ruled"},
}
CHIP_COLOURS = {"done": ("#e3f2e6", "#1b5e20"), "bad": ("#fde7e7", "#b71c1c"), "wait": ("#e3edf9", "#174a8b"),
                "none": ("#eceff3", "#3c4652")}


def tone_of_state(value: str) -> str:
    for tone, states in STATE_TONES.items():
        if value in states:
            return tone
    return "none"


class StateChipDelegate(QStyledItemDelegate):
    """Draws a state cell as a rounded chip in its tone (the text stays the cell's own, translated, text)."""

    def paint(self, painter: QPainter, option: Any, index: Any) -> None:
        row = index.data(Qt.ItemDataRole.UserRole)
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        if not isinstance(row, dict) or not text:
            super().paint(painter, option, index)
            return
        background, ink = CHIP_COLOURS[tone_of_state(str(row.get("state", "")))]
        painter.save()
        if option.state & QStyle.StateFlag.State_Selected:
            painter.fillRect(option.rect, option.palette.highlight())
        metrics = option.fontMetrics
        width = min(metrics.horizontalAdvance(text) + 16, option.rect.width() - 6)
        height = min(metrics.height() + 4, option.rect.height() - 4)
        chip = option.rect.adjusted(3, (option.rect.height() - height) // 2, 0, 0)
        chip.setWidth(width)
        chip.setHeight(height)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(background))
        painter.drawRoundedRect(chip, height / 2, height / 2)
        painter.setPen(QColor(ink))
        painter.drawText(chip, Qt.AlignmentFlag.AlignCenter,
                         metrics.elidedText(text, Qt.TextElideMode.ElideRight, chip.width() - 8))
        painter.restore()


def apply_style(app: QApplication) -> None:
    """Fusion (the same on Windows, UOS and Kylin) with the app's style sheet."""
    app.setStyle("Fusion")
    app.setStyleSheet(STYLE_SHEET)
