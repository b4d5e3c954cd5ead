"""Run a workflow action on a record: pick the form its payload needs, apply it, report a refusal."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from cdo_desktop.domain import mutations as mu
from cdo_desktop.domain.enums import Measure
from cdo_desktop.domain.errors import DomainError
from cdo_desktop.domain.workflow import Transition
from cdo_desktop.ui.dialogs.form import FormDialog, check_list, date_edit, text_edit
from cdo_desktop.ui.i18n import is_english
from cdo_desktop.ui.qt import QComboBox, QLineEdit, QMessageBox, QPushButton, QSpinBox, QWidget
from cdo_desktop.ui.widgets import show_error


def action_label(transition: Transition) -> str:
    return transition.label_en if is_english() else transition.label_zh


class TextActionDialog(FormDialog):
    """An action whose payload is one text (reason, response, statement, report)."""

    def __init__(self, state: Any, transition: Transition, entity_id: uuid.UUID, field: str, label: str,
                 parent: QWidget | None, *, required: bool) -> None:
        super().__init__(state, action_label(transition), parent)
        self.kind = transition.action
        self.entity_id = entity_id
        self.field = field
        self.add(field, label, text_edit(), required=required)

    def payload(self) -> dict[str, Any]:
        return {self.field: self.value(self.field)}


class PartlyDialog(FormDialog):
    def __init__(self, state: Any, transition: Transition, entity_id: uuid.UUID, items: list[str],
                 parent: QWidget | None) -> None:
        super().__init__(state, action_label(transition), parent)
        self.kind = transition.action
        self.entity_id = entity_id
        self.add("granted_items", self.tr("Items granted"), check_list([(i, i) for i in items]), required=True)
        self.add("reason", self.tr("Reason"), text_edit(), required=True)

    def payload(self) -> dict[str, Any]:
        return {"granted_items": self.value("granted_items"), "reason": self.value("reason")}


class HearingDialog(FormDialog):
    def __init__(self, state: Any, transition: Transition, entity_id: uuid.UUID, parent: QWidget | None) -> None:
        super().__init__(state, action_label(transition), parent)
        self.kind = transition.action
        self.entity_id = entity_id
        self.add("hearing_on", self.tr("Hearing date"), date_edit(state.today + dt.timedelta(days=7)))
        self.add("place", self.tr("Place"), QLineEdit(), required=True)

    def payload(self) -> dict[str, Any]:
        return {"hearing_on": self.value("hearing_on").isoformat(), "place": self.value("place")}


class RefuseDialog(FormDialog):
    """有条件共享: the owner refuses with its reason and the legal basis it relies on."""

    def __init__(self, state: Any, transition: Transition, entity_id: uuid.UUID, parent: QWidget | None) -> None:
        super().__init__(state, action_label(transition), parent)
        self.kind = transition.action
        self.entity_id = entity_id
        self.add("reason", self.tr("Reason"), text_edit(), required=True)
        self.add("legal_basis", self.tr("Legal basis relied on"), QLineEdit(), required=True)

    def payload(self) -> dict[str, Any]:
        return {"reason": self.value("reason"), "legal_basis": self.value("legal_basis")}


class ClaimAnswerDialog(FormDialog):
    """答辩: the respondent answers one numbered claim."""

    def __init__(self, state: Any, transition: Transition, entity_id: uuid.UUID, parent: QWidget | None) -> None:
        super().__init__(state, action_label(transition), parent)
        self.kind = transition.action
        self.entity_id = entity_id
        position = QSpinBox()
        position.setRange(1, 20)
        self.add("position", self.tr("Claim number"), position, required=True)
        self.add("answer", self.tr("Answer"), text_edit(), required=True)

    def payload(self) -> dict[str, Any]:
        return {"position": self.value("position"), "answer": self.value("answer")}


class ChangeMeasureDialog(FormDialog):
    """After the hearing the bureau changes the measure, with its reason."""

    def __init__(self, state: Any, transition: Transition, entity_id: uuid.UUID, parent: QWidget | None) -> None:
        super().__init__(state, action_label(transition), parent)
        self.kind = transition.action
        self.entity_id = entity_id
        measure = QComboBox()
        for m in Measure:
            measure.addItem(m.label("en" if is_english() else "zh"), m.value)
        self.add("measure", self.tr("Measure"), measure, required=True)
        days = QSpinBox()
        days.setRange(0, 365)
        days.setSpecialValueText(self.tr("none"))
        self.add("rectification_days", self.tr("Rectification deadline (working days)"), days)
        self.add("reason", self.tr("Reason"), text_edit(), required=True)

    def payload(self) -> dict[str, Any]:
        days = self.value("rectification_days")
        return {"measure": self.value("measure"), "rectification_days": days or None, "reason": self.value("reason")}


class ActionRunner(QWidget):
    """Owns the wording of the action dialogs (for translation) and runs them."""

    def __init__(self, state: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.hide()

    def run(self, transition: Transition, entity_id: uuid.UUID, row: dict[str, Any], parent: QWidget) -> bool:
        """Ask for what the action needs and apply it; True when the change was made."""
        payload_type = transition.payload
        required = any(g.field in ("reason", "response", "statement", "report") for g in transition.guards)
        dialog: FormDialog | None = None
        if payload_type is mu.Empty:
            answer = QMessageBox.question(parent, action_label(transition),
                                          self.tr("Confirm: %s %s?") % (action_label(transition),
                                                                         row.get("number", "")))
            if answer != QMessageBox.StandardButton.Yes:
                return False
            try:
                self.state.apply(transition.action, entity_id, {}, base_revision=int(row.get("revision") or 0))
            except DomainError as exc:
                show_error(parent, exc, action_label(transition))
                return False
            return True
        if payload_type is mu.ReasonPayload:
            dialog = TextActionDialog(self.state, transition, entity_id, "reason", self.tr("Reason"), parent,
                                      required=required)
            if transition.action.endswith(".withdraw"):  # the case ends for good: ask once more
                dialog.confirm_text = self.tr("Withdraw %s? The case ends and cannot be reopened.") % (
                    row.get("number", ""))
        elif payload_type is mu.ResponsePayload:
            dialog = TextActionDialog(self.state, transition, entity_id, "response", self.tr("Explanation"), parent,
                                      required=True)
        elif payload_type is mu.DisputeStatement:
            dialog = TextActionDialog(self.state, transition, entity_id, "statement", self.tr("Statement"), parent,
                                      required=True)
        elif payload_type in (mu.OrderReport, mu.AccountabilityReport):
            dialog = TextActionDialog(self.state, transition, entity_id, "report", self.tr("Report"), parent,
                                      required=True)
        elif payload_type is mu.RequestApprovePartly:
            dialog = PartlyDialog(self.state, transition, entity_id, list(row.get("items") or []), parent)
        elif payload_type is mu.HearingSchedule:
            dialog = HearingDialog(self.state, transition, entity_id, parent)
        elif payload_type is mu.RequestRefuse:
            dialog = RefuseDialog(self.state, transition, entity_id, parent)
        elif payload_type is mu.ClaimAnswer:
            dialog = ClaimAnswerDialog(self.state, transition, entity_id, parent)
        elif payload_type is mu.AccountabilityDefend:
            dialog = TextActionDialog(self.state, transition, entity_id, "defence", self.tr("Defence"), parent,
                                      required=True)
        elif payload_type is mu.AccountabilityChange:
            dialog = ChangeMeasureDialog(self.state, transition, entity_id, parent)
        elif payload_type is mu.MisuseFinding:
            dialog = TextActionDialog(self.state, transition, entity_id, "finding", self.tr("Finding"), parent,
                                      required=True)
        if dialog is None:
            from cdo_desktop.ui.dialogs.asset_dialogs import action_dialog

            dialog = action_dialog(self.state, transition, entity_id, row, parent)
        if dialog is None:
            return False
        dialog.base_revision = int(row.get("revision") or 0)
        return bool(dialog.exec())


def action_buttons(transitions: list[Transition], callback: Any, skip: set[str] = frozenset()) -> list[QPushButton]:  # type: ignore[assignment]
    """One button per permitted action, labelled in the current language."""
    buttons = []
    for transition in transitions:
        if transition.action in skip:
            continue
        button = QPushButton(action_label(transition))
        button.setObjectName(f"action:{transition.action}")
        button.clicked.connect(lambda _checked=False, t=transition: callback(t))
        buttons.append(button)
    return buttons
