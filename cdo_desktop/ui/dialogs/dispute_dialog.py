"""File a dispute from a refused or overdue request (or a quality objection): its numbered claims (仲裁请求, one per
line) and the claimant's statement."""

from __future__ import annotations

from typing import Any

from cdo_desktop.domain.enums import ClaimKind, DisputeKind
from cdo_desktop.ui.dialogs.form import FormDialog, text_edit
from cdo_desktop.ui.i18n import label
from cdo_desktop.ui.qt import QComboBox, QLabel, QWidget

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
