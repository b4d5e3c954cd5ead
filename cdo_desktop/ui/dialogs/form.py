"""A form dialog that builds one mutation, checks required fields first and names the field that is wrong."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from cdo_desktop.domain.errors import DomainError
from cdo_desktop.ui.i18n import error_text
from cdo_desktop.ui.qt import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QSpinBox,
    Qt,
    QVBoxLayout,
    QWidget,
)

ERROR_STYLE = "border: 2px solid #c62828;"


class FieldError(Exception):
    """A local check failed before anything was sent: ``field`` names the input."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message


def value_of(widget: QWidget) -> Any:
    """The value a form widget holds, in the type a payload expects."""
    if isinstance(widget, QLineEdit):
        return widget.text().strip()
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText().strip()
    if isinstance(widget, QComboBox):
        return widget.currentData()
    if isinstance(widget, QDateEdit):
        return widget.date().toPython()
    if isinstance(widget, QSpinBox):
        return widget.value()
    if isinstance(widget, QCheckBox):
        return widget.isChecked()
    if isinstance(widget, QListWidget):
        return [widget.item(i).data(Qt.ItemDataRole.UserRole) for i in range(widget.count())
                if widget.item(i).checkState() == Qt.CheckState.Checked]
    raise TypeError(type(widget).__name__)


def is_empty(value: Any) -> bool:
    return value is None or value == "" or value == []


class FormDialog(QDialog):
    """Subclasses add fields with `add` and implement `payload()`; `accept` applies the mutation."""

    kind = ""

    def __init__(self, state: Any, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.setWindowTitle(title)
        self.setMinimumWidth(560)
        self.entity_id: uuid.UUID = uuid.uuid4()
        self.base_revision = 0
        self.fields: dict[str, tuple[str, QWidget]] = {}
        self.required: set[str] = set()
        self.applied: Any = None
        self.error_field: str | None = None
        self.confirm_text = ""  # an irreversible action (a withdrawal) asks this Yes/No question before applying
        self.outer = QHBoxLayout(self)  # a side pane (e.g. the case beside the ruling editor) goes left of the form
        layout = QVBoxLayout()
        self.outer.addLayout(layout, 3)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        layout.addLayout(self.form)
        self.error = QLabel()
        self.error.setObjectName("formError")
        self.error.setStyleSheet("color: #c62828;")
        self.error.setWordWrap(True)
        self.error.hide()
        layout.addWidget(self.error)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def set_side(self, widget: QWidget) -> None:
        """Show ``widget`` beside the form (the form stays usable; nothing is covered)."""
        self.outer.insertWidget(0, widget, 2)

    def add(self, name: str, label: str, widget: QWidget, *, required: bool = False) -> QWidget:
        widget.setObjectName(name)
        self.fields[name] = (label, widget)
        if required:
            self.required.add(name)
            label = f"{label} *"
        self.form.addRow(label, widget)
        widget.setAccessibleName(label.rstrip(" *"))
        self._watch(name, widget)
        return widget

    def _watch(self, name: str, widget: QWidget) -> None:
        """Editing a field clears its error mark (and the message, when the message was about it)."""
        signal = None
        if isinstance(widget, (QLineEdit, QPlainTextEdit)):
            signal = widget.textChanged
        elif isinstance(widget, QComboBox):
            signal = widget.currentIndexChanged
        elif isinstance(widget, QDateEdit):
            signal = widget.dateChanged
        elif isinstance(widget, QSpinBox):
            signal = widget.valueChanged
        elif isinstance(widget, QCheckBox):
            signal = widget.toggled
        elif isinstance(widget, QListWidget):
            signal = widget.itemChanged
        if signal is not None:
            signal.connect(lambda *_args: self.clear_field_error(name))

    def clear_field_error(self, name: str) -> None:
        widget = self.fields[name][1]
        if widget.styleSheet():
            widget.setStyleSheet("")
        if self.error_field == name:
            self.error_field = None
            self.error.clear()
            self.error.hide()

    def value(self, name: str) -> Any:
        return value_of(self.fields[name][1])

    def payload(self) -> dict[str, Any]:
        raise NotImplementedError

    def check_required(self) -> None:
        for name in self.fields:
            if name in self.required and is_empty(self.value(name)):
                raise FieldError(name, self.tr("This field is required"))

    def show_field_error(self, field: str | None, message: str) -> None:
        for _label, widget in self.fields.values():
            widget.setStyleSheet("")
        name = self._field_key(field)
        self.error_field = name
        if name is not None:
            label, widget = self.fields[name]
            widget.setStyleSheet(ERROR_STYLE)
            widget.setFocus()
            message = f"{label.rstrip(' *')}: {message}"
        self.error.setText(message)
        self.error.show()

    def _field_key(self, field: str | None) -> str | None:
        if not field:
            return None
        parts = [p for p in field.split(".") if p != "payload" and not p.isdigit()]
        for part in parts:
            if part in self.fields:
                return part
        return None

    def accept(self) -> None:
        try:
            self.check_required()
            payload = self.payload()
        except FieldError as exc:
            self.show_field_error(exc.field, exc.message)
            return
        from cdo_desktop.ui.issuing import DOCUMENT_OF_ACTION, confirm_issue

        if self.confirm_text:
            from cdo_desktop.ui.qt import QMessageBox

            answer = QMessageBox.question(self, self.windowTitle(), self.confirm_text)
            if answer != QMessageBox.StandardButton.Yes:
                return  # not withdrawn: the form stays open, unchanged
        try:
            if self.kind in DOCUMENT_OF_ACTION and not confirm_issue(
                    self.state, self.kind, self.entity_id, payload, self, base_revision=self.base_revision):
                return  # not issued: the form stays open, unchanged
            self.applied = self.state.apply(self.kind, self.entity_id, payload, base_revision=self.base_revision)
        except DomainError as exc:
            self.show_field_error(exc.field, error_text(exc))
            return
        super().accept()

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        from cdo_desktop.ui.accessibility import name_widgets

        name_widgets(self)  # screen readers: every interactive widget has a name


def text_edit(text: str = "", *, height: int = 90) -> QPlainTextEdit:
    edit = QPlainTextEdit(text)
    edit.setMinimumHeight(height)
    edit.setTabChangesFocus(True)
    return edit


def date_edit(value: dt.date) -> QDateEdit:
    edit = QDateEdit(value)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


def check_list(items: list[tuple[str, Any]], *, checked: bool = True) -> QListWidget:
    from cdo_desktop.ui.qt import QListWidgetItem

    widget = QListWidget()
    for text, data in items:
        item = QListWidgetItem(text)
        item.setData(Qt.ItemDataRole.UserRole, data)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        widget.addItem(item)
    widget.setMaximumHeight(140)
    return widget
