"""Verify a document like a validator: first its PAdES signature (offline, against the pinned bureau root), then
the database's issued copy field by field. Answers: signed_match, signature_invalid, modified_after_signing,
file_changed, record_changed (with fields), unsigned (never "match"), unknown. Embedded data is read with hard caps.
"""

from __future__ import annotations

import base64
import binascii
import dataclasses
import hashlib
import json
import re
import uuid
import zlib
from enum import StrEnum
from pathlib import Path
from typing import Any

from sqlmodel import Session, select

from cdo_desktop.domain.canonical import canonical_json
from cdo_desktop.domain.errors import DomainError
from cdo_desktop.reports import documents, signing
from cdo_desktop.reports.fingerprint import SNAPSHOT_VERSION, QrPayload
from cdo_desktop.reports.views import DocumentView, view_from_dict, view_to_dict
from cdo_desktop.store import models as m

MAX_FILE_BYTES = 20 * 1024 * 1024  # a ruling is ~130 KB; anything this large is not one of ours
MAX_SNAPSHOT_BYTES = 2 * 1024 * 1024  # decompressed snapshot (a long ruling's view is ~20 KB)
PINNED_ROOT_KEY = "bureau_root_pem"  # sync_state key written by sync.trust at first sign-in

_INFO_RE = re.compile(rb"/CDORecord\s*\(([A-Za-z0-9+/=\s\\]+)\)")


class Status(StrEnum):
    SIGNED_MATCH = "signed_match"
    SIGNATURE_INVALID = "signature_invalid"
    MODIFIED_AFTER_SIGNING = "modified_after_signing"
    FILE_CHANGED = "file_changed"
    RECORD_CHANGED = "record_changed"
    UNSIGNED = "unsigned"
    UNKNOWN = "unknown"


_MESSAGES = {
    Status.SIGNED_MATCH: ("签章有效，文件与数据库中的印发记录一致", "Signature valid; the file matches the issued record"),
    Status.SIGNATURE_INVALID: ("签章无效：文件被改动，或不是政数局签发的文件",
                               "Invalid signature: the file was altered, or it was not signed by the bureau"),
    Status.MODIFIED_AFTER_SIGNING: ("签章后文件被修改（签章部分完好，其后有追加内容）",
                                    "Modified after signing: the signed part is intact but content was appended"),
    Status.FILE_CHANGED: ("文件内容与数据库中的印发记录不一致", "The file differs from the issued record in the database"),
    Status.RECORD_CHANGED: ("记录在文书印发后被修改", "The record was changed after the document was issued"),
    Status.UNSIGNED: ("未签章文件（草稿或旧版未签章副本），不能作为印发文书核验一致",
                      "Unsigned file (a draft or an old unsigned copy): it cannot be verified as the issued document"),
    Status.UNKNOWN: ("未知文书：不是本系统印发的文件，或本数据库中没有该记录",
                     "Unknown document: not issued by CDO Desktop, or the record is not in this database"),
}


class DocumentRefused(ValueError):
    """The file is refused before it is read (too large, or its embedded record is too large)."""

    def __init__(self, zh: str, en: str) -> None:
        super().__init__(f"{zh} / {en}")
        self.zh, self.en = zh, en


@dataclasses.dataclass(frozen=True)
class VerifyResult:
    status: Status
    kind: str | None = None
    number: str | None = None
    record_id: str | None = None
    fingerprint: str | None = None  # of the file's document view (as printed)
    current_fingerprint: str | None = None  # of the issued copy the database holds
    file_sha256: str | None = None
    expected_sha256: str | None = None  # of the signed file the bureau issued
    changed_fields: tuple[str, ...] = ()
    context_changes: tuple[str, ...] = ()  # service (送达) recorded after issue: receipts, due dates from receipt
    signer: str = ""
    signing_time: str | None = None
    detail: str = ""

    @property
    def ok(self) -> bool:
        return self.status is Status.SIGNED_MATCH

    def message(self, lang: str = "zh") -> str:
        zh, en = _MESSAGES[self.status]
        english = lang.startswith("en")
        text = en if english else zh
        if self.changed_fields:
            text += ("; fields: " if english else "；变更字段：") + ", ".join(self.changed_fields)
        if self.detail:
            text += f" ({self.detail})" if english else f"（{self.detail}）"
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
    return [] if old == new else [path or "(document)"]


def _plain_view(view: DocumentView | dict[str, Any]) -> dict[str, Any]:
    data = view_to_dict(view) if isinstance(view, DocumentView) else view
    return json.loads(canonical_json(data))  # type: ignore[no-any-return]


def view_diff(old: DocumentView | dict[str, Any], new: DocumentView | dict[str, Any]) -> tuple[str, ...]:
    """Every printed field that differs between two document views (the whole view, not a list of fields)."""
    return tuple(diff(_plain_view(old), _plain_view(new)))


# Dates that events after issue fill in where the issued copy had none: an order's receipt and due date (a ruling,
# from the addressee's receipt), a notice's defence deadline (from its receipt) and rectification deadline (from the
# bureau's decision upholding or changing it).
_SERVICE_FIELD = re.compile(
    r"^(orders\[\d+\]\.(received_on|due_on|due_uncertain)|defence_due|rectification_due|due_uncertain)$")


def _lookup(data: Any, path: str) -> Any:
    for part in re.findall(r"[^.\[\]]+|\[\d+\]", path):
        if part.startswith("["):
            index = int(part[1:-1]) - 1
            data = data[index] if isinstance(data, list) and 0 <= index < len(data) else None
        else:
            data = data.get(part) if isinstance(data, dict) else None
    return data


def changes_since_issue(issued: DocumentView | dict[str, Any], now: DocumentView | dict[str, Any]
                        ) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(changed, served): what changed in the record since issue, apart from what service (送达) added later.

    Deadlines run from receipt, so a ruling issued on day one learns its orders' receipt and due dates afterwards
    (and lists the receipts on a reprint), and a notice learns its defence deadline when it is received and its
    rectification deadline when the bureau decides. Those later entries — a receipt appended, an order's
    ``received_on`` / ``due_on``, a notice's ``defence_due`` / ``rectification_due`` filled in where the issued copy
    had none — are events after issue, reported as context, never as a change of the issued record; an edited
    receipt or due date that the issued copy already had is a change, and so is a changed measure."""
    old, new = _plain_view(issued), _plain_view(now)
    changed: list[str] = []
    served: list[str] = []
    for path in diff(old, new):
        if path == "verify_base":  # the verification link's host: where the copy is rebuilt, not what was issued
            served.append(path)
            continue
        if path == "receipts" or path.startswith("receipts["):
            before, after = old.get("receipts") or [], new.get("receipts") or []
            if after[: len(before)] == before:
                served.append(path)
                continue
        if _SERVICE_FIELD.match(path) and _lookup(old, path) in (None, False):
            served.append(path)
            continue
        changed.append(path)
    return tuple(changed), tuple(served)


def read_snapshot(data: bytes) -> dict[str, Any] | None:
    """The document snapshot this program embedded in the PDF (None when there is none or it is unreadable).

    Bounded: the base64 text is at most the file's size (capped by the caller) and decompression stops at
    `MAX_SNAPSHOT_BYTES`; a larger (zlib bomb) snapshot raises `DocumentRefused` without inflating it."""
    match = _INFO_RE.search(data)
    if match is None:
        return None
    text = re.sub(rb"[\s\\]", b"", match.group(1))
    try:
        raw = base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        return None
    inflater = zlib.decompressobj()
    try:
        out = inflater.decompress(raw, MAX_SNAPSHOT_BYTES + 1)
    except zlib.error:
        return None
    if len(out) > MAX_SNAPSHOT_BYTES or inflater.unconsumed_tail:
        raise DocumentRefused(
            f"文件内嵌的文书记录解压后超过 {MAX_SNAPSHOT_BYTES // (1024 * 1024)} MB 上限，已拒绝读取",
            f"The record embedded in the file is larger than {MAX_SNAPSHOT_BYTES // (1024 * 1024)} MB when "
            "decompressed: refused",
        )
    try:
        snapshot = json.loads(out.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return None
    if not isinstance(snapshot, dict) or snapshot.get("v") != SNAPSHOT_VERSION:
        return None
    return snapshot


def _check_size(size: int, name: str) -> None:
    if size > MAX_FILE_BYTES:
        raise DocumentRefused(
            f"{name} 超过 {MAX_FILE_BYTES // (1024 * 1024)} MB 上限，不是本系统印发的文书，已拒绝读取",
            f"{name} is larger than {MAX_FILE_BYTES // (1024 * 1024)} MB, not a document of this system: refused",
        )


def pinned_root(session: Session) -> bytes | None:
    """The bureau root this desktop pinned at first sign-in (None when it has not signed in to a bureau)."""
    row = session.get(m.SyncState, PINNED_ROOT_KEY)
    return row.value.encode("ascii") if row is not None and row.value else None


def issued_copy(session: Session, kind: str, record_id: str, fingerprint: str | None = None
                ) -> m.IssuedDocument | None:
    """The database's issued copy of a record: the edition whose fingerprint is ``fingerprint`` when there is one
    (a certificate has an edition per approved change), otherwise the latest edition."""
    try:
        key = uuid.UUID(record_id)
    except ValueError:
        return None
    rows = list(session.exec(
        select(m.IssuedDocument).where(m.IssuedDocument.record_id == key, m.IssuedDocument.kind == kind)
    ).all())
    if not rows:
        return None
    for row in rows:
        if fingerprint and row.fingerprint == fingerprint:
            return row
    return max(rows, key=_issued_order)


def _issued_order(row: m.IssuedDocument) -> tuple[str, int]:
    issued_at = row.issued_at.isoformat() if row.issued_at is not None else ""
    return issued_at, row.seq or 0



def _current_view(session: Session, kind: str, number: str, view: DocumentView | None = None) -> DocumentView | None:
    if kind == "scorecard" and view is not None:  # recomputed from the store for the same period and date
        from cdo_desktop.reports.views import ScorecardView

        if isinstance(view, ScorecardView):
            return documents.scorecard(session, view.start, view.end, issued_on=view.issued_on)
    if kind not in ("ruling", "notice", "reply", "certificate"):
        return None
    try:
        return documents.load_view(session, kind, number)
    except (DomainError, LookupError, ValueError):
        return None


def _view_of(snapshot: dict[str, Any]) -> DocumentView | None:
    try:
        return view_from_dict(snapshot["view"])
    except Exception:  # a snapshot that does not rebuild into a view is treated as absent
        return None


def verify_bytes(session: Session, data: bytes, *, root_pem: bytes | None = None) -> VerifyResult:
    """Check a document's bytes: signature first (against ``root_pem``, default: the root pinned here), then the
    database's issued copy, then the record as it stands now."""
    _check_size(len(data), "文件 / the file")
    file_sha = hashlib.sha256(data).hexdigest()
    root = root_pem if root_pem is not None else pinned_root(session)
    sig = signing.check_signature(data, root)
    signed_part = sig.signed_revision if sig.state in (signing.SignatureState.VALID,
                                                       signing.SignatureState.MODIFIED) else data
    snapshot = read_snapshot(signed_part)
    view = _view_of(snapshot) if snapshot else None
    base: dict[str, Any] = {"file_sha256": file_sha, "signer": sig.signer,
                            "signing_time": sig.signing_time.isoformat() if sig.signing_time else None}
    if snapshot is not None:
        base.update(kind=str(snapshot.get("kind")), number=str(snapshot.get("number")),
                    record_id=str(snapshot.get("record_id")), fingerprint=view.fingerprint if view else None)
    if sig.state is signing.SignatureState.INVALID:
        return VerifyResult(Status.SIGNATURE_INVALID, **base, detail=sig.detail)
    if sig.state is signing.SignatureState.MODIFIED:
        return VerifyResult(Status.MODIFIED_AFTER_SIGNING, **base, detail=sig.detail)
    if snapshot is None or view is None:
        detail = "签章有效但文件中没有本系统的文书记录" if sig.state is signing.SignatureState.VALID else "文件中没有本系统的文书记录"
        return VerifyResult(Status.UNKNOWN, **base, detail=detail)
    issued = issued_copy(session, view.kind, view.record_id, view.fingerprint)
    now = _current_view(session, view.kind, view.number, view)
    if now is not None and now.record_id != view.record_id:  # the same number on another record: not this one
        now = None
    if issued is None and now is None:
        return VerifyResult(Status.UNKNOWN, **base, detail="本数据库中没有该记录")
    reference: DocumentView | dict[str, Any]
    if issued is not None:
        reference = json.loads(issued.view)
        base.update(current_fingerprint=issued.fingerprint, expected_sha256=issued.pdf_sha256)
    else:
        assert now is not None
        reference = now
        base.update(current_fingerprint=now.fingerprint)
    if sig.state is signing.SignatureState.NONE:
        changed = changes_since_issue(reference, view)[0]
        detail = ("内容与印发记录不同" if changed else "内容与印发记录相同，但没有政数局签章") if issued else "该文书尚无印发记录"
        return VerifyResult(Status.UNSIGNED, **base, changed_fields=changed, detail=detail)
    # a valid signature under the pinned root: the file is a copy the bureau signed
    changed_in_file = view_diff(reference, view) if issued is not None else ()
    if changed_in_file:
        return VerifyResult(Status.FILE_CHANGED, **base, changed_fields=changed_in_file,
                            detail="签章有效，但不是数据库登记的印发版本")
    if now is None:
        return VerifyResult(Status.RECORD_CHANGED, **base, changed_fields=("(record)",),
                            detail="记录已不在本数据库中")
    changed_since, served = changes_since_issue(view, now)
    if changed_since:
        return VerifyResult(Status.RECORD_CHANGED, **base, changed_fields=changed_since, context_changes=served)
    return VerifyResult(Status.SIGNED_MATCH, **base, context_changes=served)


def verify_pdf(session: Session, path: Path | str, *, root_pem: bytes | None = None) -> VerifyResult:
    """``cdo verify FILE.pdf`` and the app's Verify dialog (the size is checked before the file is read)."""
    path = Path(path)
    _check_size(path.stat().st_size, path.name)
    return verify_bytes(session, path.read_bytes(), root_pem=root_pem)


def verify_code(session: Session, text: str) -> VerifyResult:
    """Check a scanned QR code (``CDO1|kind|number|record id|fingerprint``) against the issued copy: the code names
    one issued version; the printed text must still be compared with it (a code proves no signature)."""
    try:
        payload = QrPayload.parse(text)
    except ValueError as exc:
        return VerifyResult(Status.UNKNOWN, detail=str(exc))
    base: dict[str, Any] = {"kind": payload.kind, "number": payload.number, "record_id": payload.record_id,
                            "fingerprint": payload.fingerprint}
    issued = issued_copy(session, payload.kind, payload.record_id, payload.fingerprint)
    now = _current_view(session, payload.kind, payload.number)
    if now is not None and now.record_id != payload.record_id:
        now = None
    if issued is None:
        if now is None:
            return VerifyResult(Status.UNKNOWN, **base)
        status = Status.UNSIGNED
        detail = "该文书尚无印发记录" if now.fingerprint == payload.fingerprint else "二维码与当前记录不符"
        return VerifyResult(status, **base, current_fingerprint=now.fingerprint, detail=detail)
    base.update(current_fingerprint=issued.fingerprint, expected_sha256=issued.pdf_sha256)
    if issued.number != payload.number or issued.fingerprint != payload.fingerprint:
        return VerifyResult(Status.FILE_CHANGED, **base, detail="二维码不是数据库登记的印发版本")
    if now is not None and (changed := changes_since_issue(json.loads(issued.view), now)[0]):
        return VerifyResult(Status.RECORD_CHANGED, **base, changed_fields=changed)
    if not issued.pdf_sha256:
        return VerifyResult(Status.UNSIGNED, **base, detail="印发时未签章")
    return VerifyResult(Status.SIGNED_MATCH, **base, detail="二维码指向有效的签章印发版本；请核对纸面文字与印发文本一致")

