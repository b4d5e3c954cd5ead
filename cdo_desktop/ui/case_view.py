"""The case view of a dispute: statements, evidence (drop files here; hashed), timeline, ruling and orders."""

from __future__ import annotations

import html
import uuid
from pathlib import Path
from typing import Any

from cdo_desktop.domain.enums import ClaimDecision, Decision, DisputeKind, DisputeState, OrderState
from cdo_desktop.domain.policy import DeadlineKind
from cdo_desktop.services.context import load_policy
from cdo_desktop.ui import queries
from cdo_desktop.ui.deadline_source import order_source, policy_source, with_source
from cdo_desktop.ui.evidence import blob_path
from cdo_desktop.ui.i18n import enum_label
from cdo_desktop.ui.qt import (
    QAbstractItemView,
    QDesktopServices,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTextBrowser,
    QUrl,
    QVBoxLayout,
    QWidget,
    Signal,
)


class CaseView(QTabWidget):
    files_dropped = Signal(list)

    def __init__(self, state: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("caseView")
        self.state = state
        self.case: dict[str, Any] | None = None
        self.summary = QTextBrowser()
        self.summary.setObjectName("caseSummary")
        self.summary.setOpenLinks(False)
        self.summary.anchorClicked.connect(self._on_link)
        self.addTab(self.summary, self.tr("Case"))
        evidence = QWidget()
        layout = QVBoxLayout(evidence)
        self.drop_hint = QLabel(self.tr("Drop files here to add them as evidence (SHA-256 is computed and kept)."))
        self.drop_hint.setStyleSheet("color:#555; border:1px dashed #999; padding:6px;")
        layout.addWidget(self.drop_hint)
        self.evidence = QTableWidget(0, 5)
        self.evidence.setObjectName("evidence")
        self.evidence.setHorizontalHeaderLabels([self.tr("File"), self.tr("Size"), self.tr("SHA-256"),
                                                 self.tr("Submitted by"), self.tr("Added")])
        self.evidence.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.evidence.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.evidence.horizontalHeader().setStretchLastSection(True)
        self.evidence.setColumnWidth(0, 220)
        self.evidence.setColumnWidth(2, 300)
        layout.addWidget(self.evidence, 1)
        row = QHBoxLayout()
        self.open_button = QPushButton(self.tr("Open file"))
        self.open_button.clicked.connect(self.open_selected)
        row.addWidget(self.open_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.addTab(evidence, self.tr("Evidence"))
        self.timeline = QTextBrowser()
        self.addTab(self.timeline, self.tr("Timeline"))
        self.setAcceptDrops(True)
        self.can_add = False

    def set_can_add(self, allowed: bool) -> None:
        self.can_add = allowed
        self.drop_hint.setVisible(allowed)

    def dragEnterEvent(self, event: Any) -> None:
        if self.can_add and event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: Any) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            self.files_dropped.emit(paths)
            event.acceptProposedAction()

    def open_selected(self) -> None:
        row = self.evidence.currentRow()
        if self.case is None or row < 0:
            return
        sha = self.case["evidence"][row].sha256
        path = self.fetch(sha)
        if path is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def fetch(self, sha256: str) -> Path | None:
        """The local copy of an evidence file, downloaded from the bureau (hash-checked) when missing."""
        path = blob_path(self.state.data_dir, sha256)
        if path.exists():
            return path
        client = self.state.sync_client
        try:
            from cdo_desktop.sync.blobs import fetch_blob
        except ImportError:
            fetch_blob = None
        if client is None or fetch_blob is None:
            QMessageBox.information(self, self.tr("Evidence"),
                                    self.tr("The file has not been downloaded from the bureau yet."))
            return None
        from cdo_desktop.ui.dialogs.busy import run_with_progress

        data_dir = self.state.data_dir
        return run_with_progress(self, self.tr("Downloading the evidence file…"),
                                 lambda progress: fetch_blob(client.http, data_dir, sha256))

    def show_case(self, dispute_id: uuid.UUID | None) -> None:
        if dispute_id is None:
            self.case = None
            self.summary.setHtml("")
            self.timeline.setHtml("")
            self.evidence.setRowCount(0)
            return
        with self.state.read() as session:
            self.case = queries.dispute_case(session, dispute_id)
        if self.case is None:
            return
        self._summary()
        self._evidence()
        self._timeline()

    def _on_link(self, url: Any) -> None:
        """``open:<entity>:<number>``: a number in the case links to its record."""
        text = url.toString()
        if text.startswith("open:"):
            _open, entity, number = text.split(":", 2)
            self.state.open_record.emit(entity, number)

    def _summary(self) -> None:
        assert self.case is not None
        self.summary.setHtml(self.case_html())

    def origin_html(self) -> str:
        """What the dispute is about: the request or objection, the resource and items, the refusal and its reason."""
        assert self.case is not None
        e, names = html.escape, self.case["names"]
        request, objection, resource = self.case["request"], self.case["objection"], self.case["resource"]
        rows: list[tuple[str, str, str]] = []  # (label, text, link)
        if request is not None:
            from cdo_desktop.domain.enums import RequestState

            rows += [(self.tr("Request"), request.number, f"open:request:{request.number}"),
                     (self.tr("State"), enum_label(RequestState, request.state), ""),
                     (self.tr("Requesting department"), names.get(request.requester_department_id, ""), ""),
                     (self.tr("Providing department"), names.get(request.provider_department_id, ""), ""),
                     (self.tr("Purpose"), request.purpose, ""),
                     (self.tr("Legal basis"), request.legal_basis, "")]
        elif objection is not None:
            from cdo_desktop.domain.enums import ObjectionState

            rows += [(self.tr("Quality objection"), objection.number, f"open:objection:{objection.number}"),
                     (self.tr("State"), enum_label(ObjectionState, objection.state), ""),
                     (self.tr("Objection"), objection.description, ""),
                     (self.tr("Owner's answer"), objection.response, "")]
        else:
            return ""
        if resource is not None:
            rows.append((self.tr("Resource"), f"{resource.code} {resource.name}", ""))
        origin = request or objection
        rows.append((self.tr("Data items"), "、".join(origin.items), ""))
        if request is not None:
            rows.append((self.tr("Items granted"), "、".join(request.granted_items), ""))
            rows.append((self.tr("Refusal reason") if request.state == "refused" else self.tr("Reason"),
                         request.reason, ""))
        body = "".join(
            f"<tr><th align='left' style='padding-right:12px'>{e(k)}</th><td>"
            + (f"<a href='{e(link)}'>{e(v)}</a>" if link else e(v)) + "</td></tr>"
            for k, v, link in rows if v)
        title = self.tr("What the dispute is about")
        return f"<h4>{e(title)}</h4><table>{body}</table>"

    def case_html(self) -> str:
        assert self.case is not None
        from cdo_desktop.ui.turn import record_turn

        d, names, e = self.case["dispute"], self.case["names"], html.escape
        with self.state.read() as session:
            policy = load_policy(session)

        def sourced(due: Any, kind: DeadlineKind) -> str:
            return with_source(due, policy_source(policy, kind)) if due else ""

        turn = record_turn(self.state, "dispute", {"state": d.state, "acceptance_due": d.acceptance_due,
                                                   "ruling_due": d.ruling_due},
                           {"claimant": d.claimant_department_id, "respondent": d.respondent_department_id})
        rows = [
            (self.tr("Number"), d.number), (self.tr("State"), enum_label(DisputeState, d.state)),
            (self.tr("Kind"), enum_label(DisputeKind, d.kind)),
            (self.tr("Claimant"), names.get(d.claimant_department_id, "")),
            (self.tr("Respondent"), names.get(d.respondent_department_id, "")),
            (self.tr("Filed"), d.filed_on),
            (self.tr("Accept by"), sourced(d.acceptance_due, DeadlineKind.DISPUTE_ACCEPTANCE)),
            (self.tr("Rule by"), sourced(d.ruling_due, DeadlineKind.RULING)),
            (self.tr("Hearing"), f"{d.hearing_on or ''} {d.hearing_place}".strip()),
            (self.tr("Reason"), d.reason),
        ]
        parts = [turn, "<table>" + "".join(f"<tr><th align='left' style='padding-right:12px'>{e(k)}</th>"
                                           f"<td>{e(str(v))}</td></tr>" for k, v in rows if v) + "</table>",
                 self.origin_html()]
        t_claimant, t_respondent = self.tr("Claimant statement"), self.tr("Respondent statement")
        t_ruling, t_decision, t_fingerprint = self.tr("Ruling"), self.tr("Decision"), self.tr("Fingerprint")
        t_order, t_due = self.tr("Order %d"), self.tr("due %s")
        parts.append(f"<h4>{e(t_claimant)}</h4><p>{e(d.claimant_statement) or '—'}</p>")
        parts.append(f"<h4>{e(t_respondent)}</h4><p>{e(d.respondent_statement) or '—'}</p>")
        claims = self.case.get("claims") or []
        if claims:  # the numbered claims, the answer to each (due from receipt) and the ruling's decision on each
            t_claims, t_answer, t_answer_due = self.tr("Claims"), self.tr("Answer"), self.tr("Answer due")
            due = (f" ({e(t_answer_due)}: {e(sourced(d.answer_due, DeadlineKind.DISPUTE_ANSWER))})"
                   if d.answer_due else "")
            items = []
            for c in claims:
                decided = f" — <b>{e(enum_label(ClaimDecision, c.decision))}</b>: {e(c.reasoning)}" if c.decision else ""
                items.append(f"<li>{e(c.text)}<br/><i>{e(t_answer)}:</i> {e(c.answer) or '—'}{decided}</li>")
            parts.append(f"<h4>{e(t_claims)}{due}</h4><ol>{''.join(items)}</ol>")
        ruling = self.case["ruling"]
        if ruling is not None:
            parts.append(f"<h4>{e(t_ruling)} <a href='open:ruling:{e(ruling.number)}'>{e(ruling.number)}</a></h4>")
            parts.append(f"<p><b>{e(t_decision)}:</b> {e(enum_label(Decision, ruling.decision))}</p>")
            parts.append("<ol>" + "".join(f"<li>{e(f)}</li>" for f in ruling.findings) + "</ol>")
            parts.append(f"<p>{e(ruling.reasoning)}</p>")
            for order in self.case["orders"]:
                parts.append(f"<p>{e(t_order % order.position)}: {e(names.get(order.addressee_department_id, ''))}"
                             f" — {e(order.action)} ({e(t_due % self._order_due(order, ruling.number))}, "
                             f"{e(enum_label(OrderState, order.state))})</p>")
            parts.append(f"<p style='color:#555'>{e(t_fingerprint)}: <tt>{e(ruling.fingerprint)}</tt></p>")
        items = self.case["evidence"]
        if items:
            t_evidence = self.tr("Evidence (%d)") % len(items)
            parts.append(f"<h4>{e(t_evidence)}</h4><ul>" + "".join(
                f"<li>{e(ev.filename)} — {e(names.get(ev.department_id, ''))}</li>" for ev in items) + "</ul>")
        return "".join(parts)

    def _order_due(self, order: Any, ruling_number: str) -> str:
        """An order's deadline as the parties must read it: from receipt until received, then the date inclusive;
        with its source, the ruling."""
        if order.received_on is None:
            text = self.tr("%d working days from receipt") % order.deadline_days
        else:
            text = self.tr("%s (inclusive)") % order.due_on
        return with_source(text, order_source(ruling_number))

    def _evidence(self) -> None:
        assert self.case is not None
        items = self.case["evidence"]
        self.evidence.setRowCount(len(items))
        for i, ev in enumerate(items):
            cells = [ev.filename, f"{ev.size:,}", ev.sha256, self.case["names"].get(ev.department_id, ""),
                     str(ev.added_on)]
            for c, text in enumerate(cells):
                self.evidence.setItem(i, c, QTableWidgetItem(text))
        self.setTabText(1, self.tr("Evidence (%d)") % len(items))

    def _timeline(self) -> None:
        assert self.case is not None
        e = html.escape
        from cdo_desktop.domain.workflow import TRANSITIONS
        from cdo_desktop.ui.actions import action_label

        lines = []
        for ev in self.case["events"]:
            t = TRANSITIONS.get(ev.action)
            what = action_label(t) if t else ev.action
            when = ev.at.astimezone().strftime("%Y-%m-%d %H:%M") if ev.at else ""
            who = self.case["people"].get(ev.actor_id, "")
            dept = self.case["names"].get(ev.department_id, "")
            lines.append(f"<tr><td>{e(when)}</td><td><b>{e(what)}</b></td><td>{e(who)} {e(dept)}</td>"
                         f"<td>{e(ev.note)}</td></tr>")
        self.timeline.setHtml("<table cellpadding='3'>" + "".join(lines) + "</table>")
