"""Who may read and who may attach an evidence file on the bureau (files are addressed by SHA-256, so knowing a
hash must never be enough).

- A department *holds* a file when one of its people uploaded the bytes (`BlobUpload`), or when the file is already
  evidence in a dispute it is a party to. Bureau roles hold every file present on the server.
- Reading needs holding; attaching a file to a dispute (``dispute.add_evidence``) needs holding too, so a party
  cannot pull another dispute's confidential evidence into its own case by its hash.
"""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import or_, select
from sqlmodel import Session, col

from cdo_desktop.domain.errors import NotAllowed
from cdo_desktop.server.visibility import Viewer
from cdo_desktop.store import models as m
from cdo_desktop.store.server_models import BlobUpload


def holds(session: Session, viewer: Viewer, sha256: str, *, besides: str | None = None) -> bool:
    """``besides``: an evidence id not to count (the one being added)."""
    if viewer.ended:
        return False
    if viewer.sees_everything:
        blob = session.get(m.Blob, sha256)
        return blob is not None and blob.present
    d = viewer.department_id
    if session.get(BlobUpload, (sha256, d)) is not None:
        return True
    disputes = select(col(m.Dispute.id)).where(
        or_(col(m.Dispute.claimant_department_id) == d, col(m.Dispute.respondent_department_id) == d)
    )
    query = select(col(m.Evidence.id)).where(col(m.Evidence.sha256) == sha256, col(m.Evidence.dispute_id).in_(disputes))
    if besides is not None:
        query = query.where(col(m.Evidence.id) != uuid.UUID(besides))
    hit = session.execute(query.limit(1)).first()
    return hit is not None


def record_upload(session: Session, viewer: Viewer, sha256: str, now: dt.datetime) -> None:
    if session.get(BlobUpload, (sha256, viewer.department_id)) is None:
        session.add(BlobUpload(sha256=sha256, department_id=viewer.department_id, account_id=viewer.account_id,
                               uploaded_at=now))


def check_attach(session: Session, viewer: Viewer, payload: dict[str, object]) -> None:
    """Refuse ``dispute.add_evidence`` for a file the department does not hold. Called after the rules accepted the
    payload (so its ids are valid), inside the mutation's savepoint."""
    sha, evidence_id = payload.get("sha256"), payload.get("evidence_id")
    if not isinstance(sha, str) or holds(session, viewer, sha, besides=str(evidence_id)):
        return
    raise NotAllowed(
        "evidence_not_held", "该证据文件未由本部门上传，不能附加到争议中；请先上传文件",
        "This evidence file was not uploaded by your department: upload the file before attaching it",
        field="payload.sha256",
    )


def check_report(session: Session, viewer: Viewer, payload: dict[str, object]) -> None:
    """Refuse ``asset.value`` citing a report file the department does not hold (uploaded by it, or evidence it may
    read): otherwise a hash alone would pull another department's file into one's own asset, and then out."""
    sha = payload.get("report_sha256")
    if not isinstance(sha, str) or holds(session, viewer, sha):
        return
    raise NotAllowed(
        "report_not_held", "该评估报告文件未由本部门上传，请先上传文件",
        "This valuation report was not uploaded by your department: upload the file first",
        field="payload.report_sha256",
    )
