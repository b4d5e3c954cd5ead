"""File a dispute from a refused or overdue request (or a quality objection): its numbered claims (仲裁请求, one per
line) and the claimant's statement."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import select

from cdo_desktop.domain.enums import ClaimKind, DisputeKind, DisputeState
from cdo_desktop.store import models as m
from cdo_desktop.ui.dialogs.form import FieldError, FormDialog, text_edit
from cdo_desktop.ui.i18n import enum_label, label
from cdo_desktop.ui.qt import QComboBox, QDialogButtonBox, QLabel, QMessageBox, QWidget

OPEN_STATES = (DisputeState.FILED.value, DisputeState.NEGOTIATION.value, DisputeState.ACCEPTED.value,
               DisputeState.HEARING.value)


def open_dispute_on(session: Any, origin: dict[str, Any]) -> m.Dispute | None:
    """The open dispute that already grows from this request or objection (one open dispute per origin)."""
    d = m.Dispute
    if origin.get("request_id"):
        where = d.request_id == uuid.UUID(str(origin["request_id"]))
    elif origin.get("objection_id"):
        where = d.objection_id == uuid.UUID(str(origin["objection_id"]))
    else:
        return None
    return session.execute(select(d).where(where, d.state.in_(OPEN_STATES)).order_by(d.filed_on)).scalars().first()

# the kind a claim typed as a line most likely is, from the kind of the dispute (the text says the rest)
CLAIM_OF_KIND = {
    DisputeKind.REFUSAL.value: ClaimKind.ORDER_SHARE,
    DisputeKind.OVERDUE.value: ClaimKind.ORDER_REPLY,
    DisputeKind.CLASSIFICATION.value: ClaimKind.CONFIRM_CLASSIFICATION,
    DisputeKind.QUALITY.value: ClaimKind.ORDER_CORRECTION,
}


class DisputeDialog(FormDialog):
    kind = "dispute.file"

    def __init__(self, state: Any, origin: dict[str, Any], parent: QWidget | None = None) -> None:
        super().__init__(state, self.tr("File a dispute"), parent)
        self.origin = origin
        self.number = ""
        self.add("origin", self.tr("Grows from"), QLabel(f"{origin.get('number', '')}  {origin.get('resource', '')}"))
        self.add("respondent", self.tr("Respondent"), QLabel(origin.get("respondent_name", "")))
        kind = QComboBox()
        for value in DisputeKind:
            kind.addItem(label(value), value.value)
        default = origin.get("kind", DisputeKind.REFUSAL.value)
        kind.setCurrentIndex(max(kind.findData(default), 0))
        self.add("kind", self.tr("Kind"), kind)
        claims = text_edit(height=80)
        claims.setPlaceholderText(self.tr("One claim per line, e.g. order the owner to share the items asked within "
                                          "10 working days"))
        self.add("claims", self.tr("Claims"), claims, required=True)
        self.add("statement", self.tr("Statement"), text_edit(height=120), required=True)
        self.existing = self._existing()
        if self.existing is not None:
            self.show_field_error("origin", self._already_text())
            self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)

    def _existing(self) -> m.Dispute | None:
        with self.state.read() as session:
            return open_dispute_on(session, self.origin)

    def _already_text(self) -> str:
        existing = self.existing
        assert existing is not None
        return self.tr("an open dispute already grows from it: %s (%s). Add to that case instead.") % (
            existing.number, enum_label(DisputeState, existing.state))

    def check_required(self) -> None:
        self.existing = self._existing()
        if self.existing is not None:
            raise FieldError("origin", self._already_text())
        super().check_required()

    def accept(self) -> None:
        super().accept()
        if self.result() != self.DialogCode.Accepted:
            return
        with self.state.read() as session:
            dispute = session.get(m.Dispute, self.entity_id)
        if dispute is not None:
            self.number = dispute.number
            due = dispute.acceptance_due.isoformat() if dispute.acceptance_due else ""
            QMessageBox.information(self.parentWidget(), self.tr("Dispute filed"),
                                    self.tr("Dispute %s has been filed. The bureau decides by %s whether to accept "
                                            "it; you can follow it on the Disputes page.") % (dispute.number, due))

    def payload(self) -> dict[str, Any]:
        origin = self.origin
        payload = {
            "claimant_department_id": str(self.state.actor.department_id),
            "respondent_department_id": str(origin["respondent_department_id"]),
            "kind": self.value("kind"),
            "statement": self.value("statement"),
            "claims": [{"kind": CLAIM_OF_KIND.get(self.value("kind"), ClaimKind.OTHER).value, "text": line.strip()}
                       for line in self.value("claims").splitlines() if line.strip()],
        }
        if origin.get("request_id"):
            payload["request_id"] = str(origin["request_id"])
        if origin.get("objection_id"):
            payload["objection_id"] = str(origin["objection_id"])
        return payload
