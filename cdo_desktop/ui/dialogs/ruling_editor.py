"""The ruling editor: findings, reasoning, rules relied on, a decision on each claim with its reasoning, arbitrators,
orders (each following from an upheld claim) with deadlines counted from receipt."""

from __future__ import annotations

import itertools
import uuid
from typing import Any

from cdo_desktop.domain.enums import ClaimDecision, Decision
from cdo_desktop.store import models as m
from cdo_desktop.ui import queries
from cdo_desktop.ui.dialogs.form import FieldError, FormDialog, check_list, text_edit
from cdo_desktop.ui.i18n import label
from cdo_desktop.ui.qt import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)


class OrdersTable(QWidget):
    """Orders of a ruling: addressee (a party), action, deadline in working days."""

    def __init__(self, parties: list[tuple[str, uuid.UUID]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.parties = parties
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels([self.tr("Addressee"), self.tr("Action"), self.tr("Working days"),
                                              self.tr("Claim")])
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setMinimumHeight(120)
        self.table.setTabKeyNavigation(False)  # Tab goes through each order's fields, then on to the buttons
        layout.addWidget(self.table)
        row = QHBoxLayout()
        add = QPushButton(self.tr("Add order"))
        add.setObjectName("addOrder")
        self.add_button = add
        add.clicked.connect(self._add_and_edit)
        remove = QPushButton(self.tr("Remove order"))
        remove.clicked.connect(lambda: self.table.removeRow(max(self.table.currentRow(), 0))
                               if self.table.rowCount() else None)
        row.addWidget(add)
        row.addWidget(remove)
        row.addStretch(1)
        layout.addLayout(row)

    def _add_and_edit(self) -> None:
        """Add order…: a new row, the cursor in its action (the addressee defaults to the respondent)."""
        self.add_order()
        row = self.table.rowCount() - 1
        self.table.setCurrentCell(row, 1)
        editor = self.table.cellWidget(row, 1)
        editor.setFocus()
        # focus order: Add order → the new row's action, days, claim, addressee → Remove order
        chain = [self.add_button] + [self.table.cellWidget(row, c) for c in (1, 2, 3, 0)]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    def add_order(self, addressee: uuid.UUID | None = None, action: str = "", days: int = 10,
                  claim: int = 1) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        combo = QComboBox()
        for name, dept_id in self.parties:
            combo.addItem(name, dept_id)
        if addressee is not None:
            combo.setCurrentIndex(max(combo.findData(addressee), 0))
        self.table.setCellWidget(row, 0, combo)
        self.table.setCellWidget(row, 1, QLineEdit(action))
        spin = QSpinBox()
        spin.setRange(1, 365)
        spin.setValue(days)
        self.table.setCellWidget(row, 2, spin)
        position = QSpinBox()
        position.setRange(1, 20)
        position.setValue(claim)
        self.table.setCellWidget(row, 3, position)

    def orders(self) -> list[dict[str, Any]]:
        out = []
        for row in range(self.table.rowCount()):
            combo, action, spin, claim = (self.table.cellWidget(row, c) for c in range(4))
            out.append({"addressee_department_id": str(combo.currentData()), "action": action.text().strip(),
                        "deadline_days": spin.value(), "claim_position": claim.value()})
        return out


class ClaimsTable(QWidget):
    """The dispute's claims, each with the respondent's answer, and the arbitrator's decision and reasoning."""

    def __init__(self, claims: list[Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.table = QTableWidget(len(claims), 4)
        self.table.setHorizontalHeaderLabels([self.tr("Claim"), self.tr("Answer"), self.tr("Decision"),
                                              self.tr("Reasoning")])
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.positions = []
        for row, claim in enumerate(claims):
            self.positions.append(claim.position)
            self.table.setCellWidget(row, 0, QLineEdit(f"{claim.position}. {claim.text}"))
            self.table.cellWidget(row, 0).setReadOnly(True)
            self.table.setCellWidget(row, 1, QLineEdit(claim.answer))
            self.table.cellWidget(row, 1).setReadOnly(True)
            decision = QComboBox()
            for value in ClaimDecision:
                decision.addItem(label(value), value.value)
            self.table.setCellWidget(row, 2, decision)
            self.table.setCellWidget(row, 3, QLineEdit())
        self.table.setMinimumHeight(40 + 30 * max(len(claims), 1))
        self.table.setTabKeyNavigation(False)  # Tab goes through each claim's decision and reasoning
        layout.addWidget(self.table)

    def set_decision(self, position: int, decision: str, reasoning: str) -> None:
        row = self.positions.index(position)
        combo = self.table.cellWidget(row, 2)
        combo.setCurrentIndex(combo.findData(decision))
        self.table.cellWidget(row, 3).setText(reasoning)

    def decisions(self) -> list[dict[str, Any]]:
        return [{"position": position, "decision": self.table.cellWidget(row, 2).currentData(),
                 "reasoning": self.table.cellWidget(row, 3).text().strip()}
                for row, position in enumerate(self.positions)]


class RulingEditor(FormDialog):
    kind = "dispute.rule"

    def __init__(self, state: Any, dispute_id: uuid.UUID, parent: QWidget | None = None) -> None:
        super().__init__(state, self.tr("Ruling"), parent)
        self.setMinimumWidth(900)
        self.entity_id = dispute_id
        self.ruling_id = uuid.uuid4()
        with state.read() as session:
            dispute = session.get(m.Dispute, dispute_id)
            names = queries.dept_names(session)
            arbitrators = queries.serving_arbitrators(session)
            from sqlalchemy import select

            claims = list(session.execute(select(m.DisputeClaim).where(m.DisputeClaim.dispute_id == dispute_id)
                                          .order_by(m.DisputeClaim.position)).scalars())
        assert dispute is not None
        self.base_revision = dispute.revision
        parties = [(names.get(dispute.respondent_department_id, ""), dispute.respondent_department_id),
                   (names.get(dispute.claimant_department_id, ""), dispute.claimant_department_id)]
        findings = text_edit(height=90)
        findings.setPlaceholderText(self.tr("One finding per line"))
        self.add("findings", self.tr("Findings of fact"), findings, required=True)
        self.add("reasoning", self.tr("Reasoning"), text_edit(height=90), required=True)
        rules = QLineEdit()
        rules.setPlaceholderText(self.tr("Rules relied on, separated by semicolons"))
        self.add("rules_relied_on", self.tr("Rules relied on"), rules)
        self.claims = ClaimsTable(claims)
        if claims:
            self.add("claim_decisions", self.tr("Decision on each claim"), self.claims)
        else:  # a dispute filed before claims existed: one decision for the whole
            decision = QComboBox()
            for value in Decision:
                decision.addItem(label(value), value.value)
            self.add("decision", self.tr("Decision"), decision)
        actor = state.actor
        self.arbitrators = check_list([(a.name, str(a.id)) for a in arbitrators], checked=False)
        for i in range(self.arbitrators.count()):
            item = self.arbitrators.item(i)
            if actor is not None and item.data(256) == str(actor.id):
                from cdo_desktop.ui.qt import Qt

                item.setCheckState(Qt.CheckState.Checked)
        self.add("arbitrator_ids", self.tr("Arbitrators"), self.arbitrators, required=True)
        self.orders = OrdersTable(parties)
        self.add("orders", self.tr("Orders"), self.orders)
        from cdo_desktop.ui.case_view import CaseView

        self.case = CaseView(state, self)  # the case stays readable while the ruling is written
        self.case.show_case(dispute_id)
        self.case.set_can_add(False)
        self.set_side(self.case)
        self._fit()

    def _fit(self) -> None:
        from cdo_desktop.ui.qt import QGuiApplication

        parent = self.parentWidget()
        screen = (parent.screen() if parent is not None else None) or QGuiApplication.primaryScreen()
        available = screen.availableGeometry()
        self.resize(min(1320, available.width() - 40), min(860, available.height() - 60))

    def payload(self) -> dict[str, Any]:
        findings = [line.strip() for line in self.value("findings").splitlines() if line.strip()]
        orders = self.orders.orders()
        for position, order in enumerate(orders, start=1):
            if not order["action"]:
                raise FieldError("orders", self.tr("Order %d needs an action") % position)
        rules = [r.strip() for r in self.value("rules_relied_on").replace("；", ";").split(";") if r.strip()]
        payload = {"ruling_id": str(self.ruling_id), "arbitrator_ids": self.value("arbitrator_ids"),
                   "findings": findings, "reasoning": self.value("reasoning"), "rules_relied_on": rules,
                   "orders": orders}
        if self.claims.positions:
            payload["claim_decisions"] = self.claims.decisions()
        else:
            payload["decision"] = self.value("decision")
            for order in orders:
                order.pop("claim_position", None)
        return payload

    def value(self, name: str) -> Any:
        if name == "orders":
            return self.orders.orders()
        if name == "claim_decisions":
            return self.claims.decisions()
        return super().value(name)
