"""The public face of reports/: find a document's view in the store, render any view, write files atomically.

A view is read from an open session or, for ``cdo pdf``, from the SQLite file with the standard library
(store/records.py); each kind's renderer, the signer and the scorecard's statistics are imported when first used,
so that printing one ruling loads the ruling's stack only (tests/unit/test_import_sets.py).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import importlib
import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cdo_desktop.reports import builders
from cdo_desktop.reports.views import DocumentView, ScorecardView
from cdo_desktop.store.records import Records, SessionRecords, SqliteRecords

if TYPE_CHECKING:
    from sqlmodel import Session

    from cdo_desktop.reports.signing import DocumentSigner

KINDS = ("ruling", "notice", "reply", "scorecard", "certificate")
KIND_LABELS = {"ruling": "裁决书", "notice": "问责通知书", "reply": "共享申请答复书", "scorecard": "绩效报告",
               "certificate": "数据资产登记凭证"}

# Each kind's renderer, as (module, function): imported on first use.
_RENDERERS = {kind: (f"cdo_desktop.reports.{kind}", f"render_{kind}") for kind in KINDS}


def _render(view: DocumentView) -> bytes:
    module, function = _RENDERERS[view.kind]
    renderer = getattr(importlib.import_module(module), function)
    return renderer(view)  # type: ignore[no-any-return]


def render(view: DocumentView) -> bytes:
    """The PDF of any document view, as an unsigned draft (marked so where the seal would be); the same view
    always gives the same bytes."""
    return _render(view)


def render_signed(view: DocumentView, signer: DocumentSigner) -> bytes:
    """The issued copy: rendered with the issuer's seal, then signed (PAdES) with the seal as the signature's place."""
    from cdo_desktop.reports.compose import SEALING, Sealing
    from cdo_desktop.reports.signing import SealBox

    sealing = Sealing(signed=True)
    token = SEALING.set(sealing)
    try:
        data = _render(view)
    finally:
        SEALING.reset(token)
    box = SealBox(*sealing.placements[-1]) if sealing.placements else None
    return signer.sign(data, seal=box, reason=f"{KIND_LABELS.get(view.kind, view.kind)} {view.number} 印发")


def records_of(source: Session | Records) -> Records:
    """The rows behind a document: an open session's, or a `Records` reader as given."""
    return source if isinstance(source, (SessionRecords, SqliteRecords)) else SessionRecords(source)


def load_view(source: Session | Records, kind: str, number: str, *, lang: str = "zh",
              draft: bool = False) -> DocumentView:
    """The view of the ruling, notice, reply or certificate numbered ``number`` (NotFound / InvalidState name the
    number), read from an open session or a `Records` reader; ``lang="en"`` gives the English rendering of the same
    record.

    ``draft``: the document is being drafted before it is issued (ui/issuing.py), so a desktop's provisional
    number (``待定``, the bureau gives the final one) is accepted; never for a document that is printed or verified."""
    records = records_of(source)
    view: DocumentView
    if kind == "ruling":
        view = builders.ruling_view(records, number, draft=draft)
    elif kind == "notice":
        view = builders.notice_view(records, number, draft=draft)
    elif kind == "reply":
        view = builders.reply_view(records, number, draft=draft)
    elif kind == "certificate":
        view = builders.certificate_view(records, number)
    else:
        raise KeyError(kind)
    return dataclasses.replace(view, lang="en") if lang.startswith("en") else view


def scorecard(session: Session, start: dt.date, end: dt.date, *, issued_on: dt.date | None = None) -> ScorecardView:
    from cdo_desktop.reports import stats

    return stats.scorecard_view(session, start, end, issued_on=issued_on)


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def write_pdf(data: bytes, path: Path) -> str:
    """Write ``data`` to ``path`` atomically (a half-written legal document must never exist); returns its SHA-256."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".cdo-", suffix=".pdf", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600: give the file the user's normal permissions
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return sha256_bytes(data)


def write_document(session: Session, kind: str, number: str, path: Path) -> str:
    """Render the ruling/notice/reply numbered ``number`` into ``path``; returns the file's SHA-256 (to store as
    the record's ``pdf_sha256`` when the document is issued)."""
    return write_pdf(render(load_view(session, kind, number)), path)


def safe_filename(number: str) -> str:
    """``佛数问〔2026〕3号`` → ``佛数问2026-3号``: a file name every OS and mail client accepts."""
    out = number.replace("〔", "").replace("〕", "-")
    return "".join(ch for ch in out if ch not in '\\/:*?"<>|').strip() or "document"


def issued_file(source: Session | Records, view: DocumentView, data_dir: Path) -> bytes | None:
    """The bureau-signed PDF of this document when it was issued signed, the view still reads as issued and the
    file is in the data folder's blob store (checked by SHA-256); None otherwise (print a draft instead)."""
    import uuid

    try:
        record_id = uuid.UUID(view.record_id)
    except ValueError:
        return None
    rows = records_of(source).find("issued_document", record_id=record_id, kind=view.kind,
                                   fingerprint=view.fingerprint)
    row: Any = rows[0] if rows else None
    if row is None or not row.pdf_sha256 or row.fingerprint != view.fingerprint:
        return None
    path = Path(data_dir) / "blobs" / row.pdf_sha256[:2] / row.pdf_sha256
    try:
        data = path.read_bytes()
    except OSError:
        return None
    return data if sha256_bytes(data) == row.pdf_sha256 else None
