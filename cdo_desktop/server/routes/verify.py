"""The verification link printed in every document's QR code (``https://BUREAU/verify/<fingerprint>``): anyone may
ask whether a document is issued, superseded, withdrawn or (a certificate) cancelled; the answer names the
document, never its content."""

from __future__ import annotations

import json
import re
from functools import partial
from typing import Any

from fastapi import APIRouter
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from sqlmodel import Session, select

from cdo_desktop.domain.canonical import canonical_json, sha256_hex
from cdo_desktop.domain.enums import AssetState
from cdo_desktop.domain.errors import DomainError
from cdo_desktop.domain.fingerprinted import notice_record, ruling_record
from cdo_desktop.reports import documents
from cdo_desktop.reports.verify import changes_since_issue, issued_copy
from cdo_desktop.server.deps import DbDep
from cdo_desktop.server.errors import ApiError
from cdo_desktop.store import models as m

router = APIRouter(tags=["verify"])


class VerifyAnswer(BaseModel):
    """The status of an issued document (200), or "unknown" (404): never its content."""

    status: str
    kind: str
    number: str
    issued_on: str
    message: str
    message_en: str

_HEX64 = re.compile(r"^[0-9a-fA-F]{64}$")
STATUS_TEXT = {
    "issued": ("有效：该文书已印发，内容与印发时一致", "Valid: the document was issued and is unchanged since"),
    "superseded": ("已变更：该文书印发后记录已被变更，请以最新文书为准", "Superseded: the record changed after issue"),
    "withdrawn": ("已撤销：该文书已被撤销", "Withdrawn: the document has been withdrawn"),
    "cancelled": ("已注销：该数据资产登记已注销，本凭证失效", "Cancelled: the asset's registration was cancelled; "
                  "this certificate is void"),
    "unknown": ("未找到：本局没有印发该指纹对应的文书", "Unknown: the bureau issued no document with this fingerprint"),
}


def document_status(session: Session, fingerprint: str) -> dict[str, Any]:
    """Status of the document whose QR code carries ``fingerprint``: kind, number, issue date — never content.

    The QR code carries the fingerprint of the whole printed view, which is the issued copy's
    (`issued_document.fingerprint`, every kind the bureau issues, certificates included). Documents printed before
    the bureau kept issued copies carry the record's fingerprint (`ruling.fingerprint`, `accountability_record.
    fingerprint`): those are still answered."""
    fp = fingerprint.lower()
    issued = session.exec(select(m.IssuedDocument).where(m.IssuedDocument.fingerprint == fp)).first()
    if issued is not None:
        return _issued_status(session, issued)
    return _record_status(session, fp)


def _issued_on(view: dict[str, Any], issued: m.IssuedDocument) -> str:
    printed = view.get("issued_on")
    if isinstance(printed, str) and printed:
        return printed
    return issued.issued_at.date().isoformat() if issued.issued_at is not None else ""


def _issued_status(session: Session, issued: m.IssuedDocument) -> dict[str, Any]:
    """issued (the record reads as it was issued), superseded (changed since, or a later edition issued),
    withdrawn (a withdrawn notice), cancelled (a certificate whose registration was cancelled)."""
    view = json.loads(issued.view)
    answer = partial(_answer, issued.kind, issued.number, _issued_on(view, issued))
    if issued.kind == "notice":
        record = session.get(m.AccountabilityRecord, issued.record_id)
        if record is not None and (getattr(record, "decision", None) in ("withdrawn", "revoked")
                                   or record.state == "withdrawn"):
            return answer("withdrawn")
    if issued.kind == "certificate":
        asset = session.get(m.DataAsset, issued.record_id)
        if asset is not None and asset.state == AssetState.CANCELLED.value:
            return answer("cancelled")
    latest = issued_copy(session, issued.kind, str(issued.record_id))
    if latest is not None and latest.id != issued.id:  # a later edition (a certificate after a change)
        return answer("superseded")
    try:
        now = documents.load_view(session, issued.kind, issued.number)
    except (DomainError, LookupError, ValueError):
        return answer("superseded")
    if now.record_id != str(issued.record_id) or changes_since_issue(view, now)[0]:
        return answer("superseded")
    return answer("issued")


def _record_status(session: Session, fp: str) -> dict[str, Any]:
    ruling = session.exec(select(m.Ruling).where(m.Ruling.fingerprint == fp)).first()
    if ruling is not None:
        orders = list(session.exec(select(m.RulingOrder).where(m.RulingOrder.ruling_id == ruling.id)).all())
        orders.sort(key=lambda o: o.position)
        now = sha256_hex(canonical_json(ruling_record(ruling, orders)))
        return _answer("ruling", ruling.number, ruling.issued_on.isoformat(), "issued" if now == fp else "superseded")
    record = session.exec(select(m.AccountabilityRecord).where(m.AccountabilityRecord.fingerprint == fp)).first()
    if record is not None:
        if getattr(record, "decision", None) in ("withdrawn", "revoked") or record.state == "withdrawn":
            status = "withdrawn"
        else:
            status = "issued" if sha256_hex(canonical_json(notice_record(record))) == fp else "superseded"
        return _answer("notice", record.number, record.created_on.isoformat(), status)
    return _answer("", "", "", "unknown")


def _answer(kind: str, number: str, issued_on: str, status: str) -> dict[str, Any]:
    zh, en = STATUS_TEXT[status]
    return {"status": status, "kind": kind, "number": number, "issued_on": issued_on, "message": zh,
            "message_en": en}


@router.get("/verify/{fingerprint}", response_model=VerifyAnswer,
            responses={404: {"model": VerifyAnswer, "description": "no document issued with this fingerprint"}})
def verify(fingerprint: str, db: DbDep) -> JSONResponse:
    if not _HEX64.match(fingerprint):
        raise ApiError(400, "invalid_fingerprint", "指纹应为64位十六进制数", "A fingerprint is 64 hexadecimal digits",
                       field="fingerprint")
    with db.read() as session:
        body = document_status(session, fingerprint)
    return JSONResponse(body, status_code=200 if body["status"] != "unknown" else 404)
