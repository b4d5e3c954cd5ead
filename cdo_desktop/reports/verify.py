"""Verify a printed document against the database: match, file changed, record changed (which fields), unknown."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import re
import uuid
from enum import StrEnum
from pathlib import Path
from typing import Any

from sqlmodel import Session, select

from cdo_desktop.reports import builders, documents, stats
from cdo_desktop.reports.fingerprint import QrPayload, decode_snapshot, fingerprint
from cdo_desktop.reports.views import DocumentView, view_from_dict, view_to_dict
from cdo_desktop.services.accountability import notice_record
from cdo_desktop.services.disputes import ruling_record
from cdo_desktop.store import models as m

_INFO_RE = re.compile(rb"/CDORecord\s*\(([A-Za-z0-9+/=]+)\)")


class Status(StrEnum):
    MATCH = "match"
    FILE_CHANGED = "file_changed"
    RECORD_CHANGED = "record_changed"
    UNKNOWN = "unknown"


_MESSAGES = {
    Status.MATCH: ("文件与数据库中的记录一致", "The file matches the record"),
    Status.FILE_CHANGED: ("文件在印发后被改动", "The file was changed after it was issued"),
    Status.RECORD_CHANGED: ("记录在文书印发后被修改", "The record was changed after the document was issued"),
    Status.UNKNOWN: ("未知文书：不是本系统印发的文件，或本数据库中没有该记录",
                     "Unknown document: not issued by CDO Desktop, or the record is not in this database"),
}


@dataclasses.dataclass(frozen=True)
class VerifyResult:
    status: Status
    kind: str | None = None
    number: str | None = None
    record_id: str | None = None
    fingerprint: str | None = None  # as printed in the document
    current_fingerprint: str | None = None  # of the record as the database holds it now
    file_sha256: str | None = None
    expected_sha256: str | None = None
    changed_fields: tuple[str, ...] = ()  # fields of the record changed since issue
    context_changes: tuple[str, ...] = ()  # other printed content that reads differently now (names …)
    detail: str = ""

    @property
    def ok(self) -> bool:
        return self.status is Status.MATCH

    def message(self, lang: str = "zh") -> str:
        zh, en = _MESSAGES[self.status]
        text = en if lang.startswith("en") else zh
        if self.changed_fields:
            text += ("; fields: " if lang.startswith("en") else "；变更字段：") + ", ".join(self.changed_fields)
        if self.detail:
            text += f" ({self.detail})" if lang.startswith("en") else f"（{self.detail}）"
        return text

    def as_json(self) -> dict[str, Any]:
        data = dataclasses.asdict(self)
        data["status"] = self.status.value
        data["changed_fields"] = list(self.changed_fields)
        data["context_changes"] = list(self.context_changes)
        data["message_zh"] = self.message("zh")
        data["message_en"] = self.message("en")
        return data


def diff(old: Any, new: Any, path: str = "") -> list[str]:
    """The paths (``findings[3]``, ``orders[1].due_on``) where two JSON values differ."""
    if isinstance(old, dict) and isinstance(new, dict):
        out: list[str] = []
        for key in sorted(set(old) | set(new)):
            sub = f"{path}.{key}" if path else str(key)
            if key not in old or key not in new:
                out.append(sub)
            else:
                out += diff(old[key], new[key], sub)
        return out
    if isinstance(old, list) and isinstance(new, list) and len(old) == len(new):
        return [p for i, (a, b) in enumerate(zip(old, new, strict=True)) for p in diff(a, b, f"{path}[{i + 1}]")]
    return [] if old == new else [path or "(record)"]


def read_snapshot(data: bytes) -> dict[str, Any] | None:
    """The record snapshot this program embedded in the PDF, or None."""
    match = _INFO_RE.search(data)
    text = match.group(1).decode("ascii") if match else None
    if text is None:
        try:  # a file re-saved by another tool may keep the entry in a compressed object stream
            import io

            import pypdf

            meta = pypdf.PdfReader(io.BytesIO(data)).metadata or {}
            text = str(meta.get("/CDORecord") or "") or None
        except Exception:
            return None
    if not text:
        return None
    try:
        return decode_snapshot(text)
    except Exception:
        return None


def _current(session: Session, kind: str, record_id: str, view: DocumentView | None) -> tuple[Any, str | None] | None:
    """The record as the database holds it now (plain JSON) and the stored SHA-256 of its issued PDF."""
    try:
        key = uuid.UUID(record_id) if kind != "scorecard" else None
    except ValueError:
        return None
    if kind == "ruling":
        ruling = session.get(m.Ruling, key)
        if ruling is None:
            return None
        orders = list(session.exec(select(m.RulingOrder).where(m.RulingOrder.ruling_id == ruling.id)).all())
        return builders.plain(ruling_record(ruling, orders)), ruling.pdf_sha256
    if kind == "notice":
        rec = session.get(m.AccountabilityRecord, key)
        return (builders.plain(notice_record(rec)), rec.pdf_sha256) if rec else None
    if kind == "reply":
        req = session.get(m.SharingRequest, key)
        return (builders.plain(builders.reply_record(req)), None) if req and req.answered_on else None
    if kind == "certificate":
        from cdo_desktop.services.assets import certificate_record

        asset = session.get(m.DataAsset, key)
        return (builders.plain(certificate_record(asset)), None) if asset and asset.registered_on else None
    if kind == "scorecard":
        parts = record_id.split(":")
        try:
            start, end = dt.date.fromisoformat(parts[1]), dt.date.fromisoformat(parts[2])
        except (IndexError, ValueError):
            return None
        return stats.scorecard_view(session, start, end).record, None
    return None


def _context_changes(session: Session, view: DocumentView) -> tuple[str, ...]:
    if view.kind == "scorecard":
        return ()
    try:
        now = documents.load_view(session, view.kind, view.number)
    except Exception:
        return ()
    old, new = view_to_dict(view), view_to_dict(now)
    for data in (old, new):
        data.pop("record", None)
    return tuple(diff(builders.plain(old), builders.plain(new)))


def verify_bytes(session: Session, data: bytes) -> VerifyResult:
    """Check a document's bytes against the database the user has."""
    file_sha = hashlib.sha256(data).hexdigest()
    snapshot = read_snapshot(data)
    if snapshot is None:
        return VerifyResult(Status.UNKNOWN, file_sha256=file_sha, detail="文件中没有本系统的文书记录")
    kind, number, record_id = snapshot.get("kind"), snapshot.get("number"), snapshot.get("record_id")
    printed = snapshot.get("fingerprint")
    base = {"kind": kind, "number": number, "record_id": record_id, "fingerprint": printed, "file_sha256": file_sha}
    try:
        view = view_from_dict(snapshot["view"])
    except Exception:
        return VerifyResult(Status.FILE_CHANGED, **base, detail="文书记录无法读取")
    current = _current(session, str(kind), str(record_id), view)
    if current is None:
        return VerifyResult(Status.UNKNOWN, **base)
    record_now, stored_sha = current
    base["current_fingerprint"] = fingerprint(record_now)
    embedded_ok = fingerprint(view.record) == printed
    if stored_sha:
        expected = stored_sha
    else:  # no stored hash: rendering is deterministic, so the untouched file is the render of its own snapshot
        expected = documents.sha256_bytes(documents.render(view)) if embedded_ok else None
    base["expected_sha256"] = expected
    changed = tuple(diff(dict(view.record), record_now))
    context = _context_changes(session, view)
    if not embedded_ok or expected != file_sha:
        return VerifyResult(Status.FILE_CHANGED, **base, changed_fields=changed, context_changes=context)
    if changed:
        return VerifyResult(Status.RECORD_CHANGED, **base, changed_fields=changed, context_changes=context)
    return VerifyResult(Status.MATCH, **base, context_changes=context)


def verify_pdf(session: Session, path: Path | str) -> VerifyResult:
    """``cdo verify FILE.pdf`` and the app's Verify dialog: does this file match the record, and if not, what differs."""
    return verify_bytes(session, Path(path).read_bytes())


def verify_code(session: Session, text: str) -> VerifyResult:
    """Check a scanned QR code (``CDO1|kind|number|record id|fingerprint``) against the database."""
    try:
        payload = QrPayload.parse(text)
    except ValueError as exc:
        return VerifyResult(Status.UNKNOWN, detail=str(exc))
    base = {"kind": payload.kind, "number": payload.number, "record_id": payload.record_id,
            "fingerprint": payload.fingerprint}
    current = _current(session, payload.kind, payload.record_id, None)
    if current is None:
        return VerifyResult(Status.UNKNOWN, **base)
    now = fingerprint(current[0])
    number_now = current[0].get("number") if isinstance(current[0], dict) else None
    if number_now is not None and number_now != payload.number:
        return VerifyResult(Status.UNKNOWN, **base, current_fingerprint=now, detail="文号与记录不符")
    status = Status.MATCH if now == payload.fingerprint else Status.RECORD_CHANGED
    return VerifyResult(status, **base, current_fingerprint=now)
