"""Screen readers: every interactive widget gets an accessible name.

Qt already names a button by its text and a form field by its label; what is left (search boxes, filters, tables,
text panes, unlabeled fields) is named here, from its tooltip, its placeholder, or the page or dialog it sits in.
The main window and each dialog call `name_widgets(self)` once built (an application-wide event filter would do
it for free but costs a Python call per event).
"""

from __future__ import annotations

from cdo_desktop.ui.qt import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QAccessible,
    QComboBox,
    QCoreApplication,
    QLineEdit,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
    QWidget,
)

INTERACTIVE = (QAbstractButton, QLineEdit, QPlainTextEdit, QTextEdit, QComboBox, QAbstractSpinBox,
               QAbstractItemView, QTabBar)


def effective_name(widget: QWidget) -> str:
    """The name a screen reader hears (Qt's own inference included: button text, form label, buddy)."""
    interface = QAccessible.queryAccessibleInterface(widget)
    return (interface.text(QAccessible.Text.Name) if interface is not None else "") or widget.accessibleName()


def _context(widget: QWidget) -> str:
    parent = widget.parentWidget()
    while parent is not None:
        title = getattr(parent, "title", None)
        if callable(title):
            try:
                return str(title())
            except NotImplementedError:
                pass
        if parent.isWindow() and parent.windowTitle():
            return parent.windowTitle()
        parent = parent.parentWidget()
    return ""


def _kind(widget: QWidget) -> str:
    if isinstance(widget, QAbstractItemView):
        return QCoreApplication.translate("Accessibility", "list")
    if isinstance(widget, (QTextEdit, QPlainTextEdit)) and widget.isReadOnly():
        return QCoreApplication.translate("Accessibility", "details")
    if isinstance(widget, QComboBox):
        return QCoreApplication.translate("Accessibility", "filter")
    if isinstance(widget, QTabBar):
        return QCoreApplication.translate("Accessibility", "tabs")
    return QCoreApplication.translate("Accessibility", "field")


def name_widgets(root: QWidget) -> int:
    """Give every interactive widget under ``root`` that has no name one; returns how many were named."""
    named = 0
    for widget in [root, *root.findChildren(QWidget)]:
        if not isinstance(widget, INTERACTIVE) or (effective_name(widget) and not isinstance(widget, QComboBox)):
            continue
        if isinstance(widget, QComboBox) and widget.accessibleName():
            continue
        text = widget.toolTip()
        if not text and isinstance(widget, QLineEdit):
            text = widget.placeholderText().rstrip("…")
        if not text and isinstance(widget, QComboBox) and widget.count():
            text = widget.itemText(0)  # a filter's "All states" / a choice's prompt names what it chooses
        if not text:
            context = _context(widget)
            text = f"{context} — {_kind(widget)}" if context else _kind(widget)
        widget.setAccessibleName(text)
        named += 1
    return named
