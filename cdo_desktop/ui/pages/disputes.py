"""Disputes and the docket: filters and deadlines, the case view (statements, evidence, timeline, ruling)."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

from cdo_desktop.domain.enums import DisputeKind, DisputeState
from cdo_desktop.domain.errors import DomainError
from cdo_desktop.domain.policy import DeadlineKind
from cdo_desktop.domain.workflow import Transition
from cdo_desktop.services.context import load_calendar, load_policy
from cdo_desktop.ui import queries
from cdo_desktop.ui.case_view import CaseView
from cdo_desktop.ui.deadline_source import policy_brief, policy_source, with_brief, with_source
from cdo_desktop.ui.dialogs.busy import run_with_progress
from cdo_desktop.ui.dialogs.pdf_preview import preview_document
from cdo_desktop.ui.dialogs.ruling_editor import RulingEditor
from cdo_desktop.ui.evidence import hash_file, store_blob
from cdo_desktop.ui.i18n import enum_label, label
from cdo_desktop.ui.pages.base import ListPage
from cdo_desktop.ui.qt import QPushButton, QWidget
from cdo_desktop.ui.table_model import Column
from cdo_desktop.ui.widgets import days_left, fmt_date, show_error, tone_for

OPEN = {DisputeState.FILED.value, DisputeState.NEGOTIATION.value, DisputeState.ACCEPTED.value,
        DisputeState.HEARING.value}


class DisputesPage(ListPage):
    entities = frozenset({"dispute", "ruling", "order"})

    def __init__(self, state: Any, parent: QWidget | None = None) -> None:
        self.calendar = None
        self.policy: Any = None
        self.case: CaseView | None = None
        super().__init__(state, parent)
        self.add_filter("state", self.tr("All states"), [(label(s), s.value) for s in DisputeState])
        self.add_filter("kind", self.tr("All kinds"), [(label(k), k.value) for k in DisputeKind])
        self.case = CaseView(state, self)
        self.case.files_dropped.connect(self.add_evidence)
        self.detail.parentWidget().layout().replaceWidget(self.detail, self.case)
        self.detail.hide()

    def title(self) -> str:
        return self.tr("Disputes and docket")

    def fetch(self) -> Any:
        return queries.fetch("dispute")

    def prepare(self) -> None:
        with self.state.read() as session:
            self.calendar = load_calendar(session)
            self.policy = load_policy(session)
        actor = self.state.actor
        if actor is not None and not actor.is_bureau:
            self.model.fetch = queries.for_department("dispute", actor.department_id, "claimant_department_id",
                                                      "respondent_department_id")
        else:
            self.model.fetch = queries.fetch("dispute")

    def columns(self) -> list[Column]:
        return [
            Column("number", self.tr("Number")),
            Column("state", self.tr("State"), lambda r: enum_label(DisputeState, r["state"])),
            Column("kind", self.tr("Kind"), lambda r: enum_label(DisputeKind, r["kind"])),
            Column("claimant", self.tr("Claimant")),
            Column("respondent", self.tr("Respondent")),
            Column("filed_on", self.tr("Filed")),
            Column("ruling_due", self.tr("Next deadline"), self._due_cell, sort_key="ruling_due", tone=self._tone,
                   tooltip=self._due_text),
        ]

    def _due(self, row: dict[str, Any]) -> Any:
        if row["state"] in (DisputeState.FILED.value, DisputeState.NEGOTIATION.value):
            return row.get("acceptance_due")
        if row["state"] in (DisputeState.ACCEPTED.value, DisputeState.HEARING.value):
            return row.get("ruling_due")
        return None

    def _left(self, row: dict[str, Any]) -> tuple[int, bool] | None:
        return days_left(self.calendar, self.state.today, self._due(row)) if self.calendar else None

    def _due_core(self, row: dict[str, Any]) -> str:
        due, left = self._due(row), self._left(row)
        if not due:
            return ""
        if left is None:
            return fmt_date(due)
        if left[0] < 0:
            return self.tr("%s (%d working days late)") % (fmt_date(due), -left[0])
        return self.tr("%s (%d working days left)") % (fmt_date(due), left[0])

    @staticmethod
    def _kind(row: dict[str, Any]) -> DeadlineKind:
        return DeadlineKind.DISPUTE_ACCEPTANCE if row["state"] in (
            DisputeState.FILED.value, DisputeState.NEGOTIATION.value) else DeadlineKind.RULING

    def _due_text(self, row: dict[str, Any]) -> str:
        """The next deadline (acceptance, then ruling), its countdown and its source."""
        core = self._due_core(row)
        return with_source(core, policy_source(self.policy, self._kind(row))) if core else ""

    def _due_cell(self, row: dict[str, Any]) -> str:
        """The list cell: the deadline with a short label of its source (the full source is the tooltip)."""
        core = self._due_core(row)
        return with_brief(core, policy_brief(self.policy, self._kind(row))) if core else ""

    def _tone(self, row: dict[str, Any]) -> str | None:
        return tone_for(self._left(row))

    def entity(self) -> str:
        return "dispute"

    def departments_of(self, row: dict[str, Any]) -> dict[str, uuid.UUID | None]:
        return {"claimant": row["claimant_department_id"], "respondent": row["respondent_department_id"]}

    def receipt_subject(self, row: dict[str, Any]) -> tuple[str, uuid.UUID, set[uuid.UUID]] | None:
        return "dispute", row["id"], {row["respondent_department_id"]}

    def skip_actions(self) -> set[str]:
        return {"dispute.add_evidence"}

    def on_selection(self) -> None:
        super().on_selection()
        if self.case is None:
            return
        row = self.selected_row()
        self.case.show_case(row["id"] if row else None)
        may_add = bool(row and self.state.available_actions("dispute", row["state"], **self.departments_of(row))
                       and any(t.action == "dispute.add_evidence" for t in self.state.available_actions(
                           "dispute", row["state"], **self.departments_of(row))))
        self.case.set_can_add(may_add)

    def extra_actions(self, row: dict[str, Any] | None) -> list[QWidget]:
        if row is None:
            return []
        buttons: list[QWidget] = []
        if any(t.action == "dispute.add_evidence"
               for t in self.state.available_actions("dispute", row["state"], **self.departments_of(row))):
            add = QPushButton(self.tr("Add evidence…"))
            add.setObjectName("addEvidence")
            add.clicked.connect(self.pick_evidence)
            buttons.append(add)
        if row["state"] not in OPEN and row["state"] != DisputeState.DECLINED.value:
            with self.state.read() as session:
                case = queries.dispute_case(session, row["id"])
            if case and case["ruling"] is not None:
                pdf = QPushButton(self.tr("Ruling PDF"))
                pdf.setObjectName("rulingPdf")
                number = case["ruling"].number
                pdf.clicked.connect(lambda: preview_document(self.state, "ruling", number, self))
                buttons.append(pdf)
        return buttons

    def run_action(self, transition: Transition) -> None:
        row = self.selected_row()
        if row is None:
            return
        if transition.action == "dispute.rule":
            editor = RulingEditor(self.state, row["id"], self)
            if editor.exec():
                if self.state.connected() and self.state.sync_client is not None:
                    # the bureau numbers the ruling: print it with its final number
                    client = self.state.sync_client
                    run_with_progress(self, self.tr("Sending the ruling to the bureau…"), lambda p: client.sync())
                    self.state.changed.emit({"*"})
                number = self._ruling_number(row["id"])
                if number:
                    self.last_preview = preview_document(self.state, "ruling", number, self)
            return
        super().run_action(transition)

    def _ruling_number(self, dispute_id: uuid.UUID) -> str:
        with self.state.read() as session:
            case = queries.dispute_case(session, dispute_id)
        return case["ruling"].number if case and case["ruling"] else ""

    def pick_evidence(self) -> None:
        from cdo_desktop.ui.file_dialogs import open_files

        paths = open_files(self, self.tr("Add evidence"))
        self.add_evidence([Path(p) for p in paths])

    def add_evidence(self, paths: list[Path]) -> None:
        """Hash each file, keep it under its hash, and record it on the selected dispute."""
        row = self.selected_row()
        if row is None or not paths:
            return
        for path in paths:
            try:
                hashed = hash_file(path)
                store_blob(self.state.data_dir, hashed)
                self.state.apply("dispute.add_evidence", row["id"], {
                    "evidence_id": str(uuid.uuid4()), "filename": path.name[:200], "sha256": hashed.sha256,
                    "size": hashed.size, "media_type": hashed.media_type})
            except (DomainError, OSError) as exc:
                show_error(self, exc, self.tr("Add evidence"))
                return
