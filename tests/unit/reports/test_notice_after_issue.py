"""An accountability notice after issue: its receipt and the bureau's decision fill in deadlines the issued copy left
open (defence from receipt, rectification from the decision). The verification link and `cdo verify` must keep
answering that the notice stands as issued; only a changed measure (or a withdrawal) is news to its reader."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from sqlmodel import Session

from cdo_desktop.reports import documents
from cdo_desktop.reports.verify import changes_since_issue
from cdo_desktop.server.issuing import Issuer, issue
from cdo_desktop.server.routes.verify import document_status
from cdo_desktop.store import models as m
from tests.unit.scenario import Network


@dataclass
class Issued:
    record_id: uuid.UUID
    number: str
    fingerprint: str
    view: Any  # the notice as issued


def _issue_and_receive(network: Network, session: Session, tmp_path) -> Issued:  # type: ignore[no-untyped-def]
    """An accountability notice issued by the bureau (its copy kept, unsigned), then received by its addressee."""
    rid = network.record_in(session, "notified")
    rec = session.get(m.AccountabilityRecord, rid)
    assert rec is not None
    view = documents.load_view(session, "notice", rec.number)
    assert view.defence_due is None and view.rectification_due is None  # type: ignore[attr-defined]
    issue(session, Issuer(signer=None, blob_dir=tmp_path), view=view, record_id=rid)
    session.flush()
    addressee = network.people["B.commissioner"]
    network.run(session, addressee, "receipt.sign", uuid.uuid4(), {"subject": "notice", "subject_id": str(rid)})
    return Issued(rid, rec.number, view.fingerprint, view)


def test_receipt_defence_and_upholding_leave_the_notice_as_issued(network: Network, session: Session,
                                                                   tmp_path) -> None:  # type: ignore[no-untyped-def]
    notice = _issue_and_receive(network, session, tmp_path)
    rid, number, fingerprint, issued = notice.record_id, notice.number, notice.fingerprint, notice.view
    addressee = network.people["B.commissioner"]
    assert changes_since_issue(issued, documents.load_view(session, "notice", number)) == ((), ("defence_due",))
    assert document_status(session, fingerprint)["status"] == "issued"
    network.run(session, addressee, "accountability.defend", rid, {"defence": "已于当日整改完毕"})
    network.run(session, network.admin, "accountability.uphold", rid, {"reason": "申辩理由不成立"})
    now = documents.load_view(session, "notice", number)
    assert now.rectification_due is not None  # type: ignore[attr-defined]
    assert changes_since_issue(issued, now) == ((), ("defence_due", "rectification_due"))
    answer = document_status(session, fingerprint)
    assert answer["status"] == "issued" and answer["number"] == number


def test_a_changed_measure_or_a_moved_deadline_is_a_change(network: Network, session: Session,
                                                          tmp_path) -> None:  # type: ignore[no-untyped-def]
    notice = _issue_and_receive(network, session, tmp_path)
    rid, number, fingerprint, issued = notice.record_id, notice.number, notice.fingerprint, notice.view
    received = documents.load_view(session, "notice", number)
    rec = session.get(m.AccountabilityRecord, rid)
    assert rec is not None and rec.defence_due is not None
    rec.defence_due = rec.defence_due.replace(day=1 if rec.defence_due.day != 1 else 2)  # an edited deadline
    session.flush()
    assert changes_since_issue(received, documents.load_view(session, "notice", number))[0] == ("defence_due",)
    network.advance(20)  # the defence period runs out; the bureau decides without one
    network.run(session, network.admin, "accountability.change", rid,
                {"measure": "interview", "reason": "情节较轻", "rectification_days": None})
    changed, _served = changes_since_issue(issued, documents.load_view(session, "notice", number))
    assert "measure" in changed
    assert document_status(session, fingerprint)["status"] == "superseded"
