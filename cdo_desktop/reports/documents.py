"""The public face of reports/: find a document's view in the store, render any view, write files atomically."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import cast

from sqlmodel import Session

from cdo_desktop.reports import builders, stats
from cdo_desktop.reports.certificate import render_certificate
from cdo_desktop.reports.compose import SEALING, Sealing
from cdo_desktop.reports.notice import render_notice
from cdo_desktop.reports.reply import render_reply
from cdo_desktop.reports.ruling import render_ruling
from cdo_desktop.reports.scorecard import render_scorecard
from cdo_desktop.reports.signing import DocumentSigner, SealBox
from cdo_desktop.reports.views import (
    CertificateView,
    DocumentView,
    NoticeView,
    ReplyView,
    RulingView,
    ScorecardView,
)

KINDS = ("ruling", "notice", "reply", "scorecard", "certificate")
KIND_LABELS = {"ruling": "裁决书", "notice": "问责通知书", "reply": "共享申请答复书", "scorecard": "绩效报告",
               "certificate": "数据资产登记凭证"}

_RENDERERS: dict[str, Callable[[DocumentView], bytes]] = {
    "ruling": lambda v: render_ruling(cast(RulingView, v)),
    "notice": lambda v: render_notice(cast(NoticeView, v)),
    "reply": lambda v: render_reply(cast(ReplyView, v)),
    "scorecard": lambda v: render_scorecard(cast(ScorecardView, v)),
    "certificate": lambda v: render_certificate(cast(CertificateView, v)),
}


def render(view: DocumentView) -> bytes:
    """The PDF of any document view, as an unsigned draft (marked so where the seal would be); the same view
    always gives the same bytes."""
    return _RENDERERS[view.kind](view)


def render_signed(view: DocumentView, signer: DocumentSigner) -> bytes:
    """The issued copy: rendered with the issuer's seal, then signed (PAdES) with the seal as the signature's place."""
    sealing = Sealing(signed=True)
    token = SEALING.set(sealing)
    try:
        data = _RENDERERS[view.kind](view)
    finally:
        SEALING.reset(token)
    box = SealBox(*sealing.placements[-1]) if sealing.placements else None
    return signer.sign(data, seal=box, reason=f"{KIND_LABELS.get(view.kind, view.kind)} {view.number} 印发")


def load_view(session: Session, kind: str, number: str, *, lang: str = "zh", draft: bool = False) -> DocumentView:
    """The view of the ruling, notice or reply numbered ``number`` (NotFound / InvalidState name the number);
    ``lang="en"`` gives the English rendering of the same record.

    ``draft``: the document is being drafted before it is issued (ui/issuing.py), so a desktop's provisional
    number (``待定``, the bureau gives the final one) is accepted; never for a document that is printed or verified."""
    view: DocumentView
    if kind == "ruling":
        view = builders.ruling_view(session, number, draft=draft)
    elif kind == "notice":
        view = builders.notice_view(session, number, draft=draft)
    elif kind == "reply":
        view = builders.reply_view(session, number, draft=draft)
    elif kind == "certificate":
        view = builders.certificate_view(session, number)
    else:
        raise KeyError(kind)
    return dataclasses.replace(view, lang="en") if lang.startswith("en") else view


def scorecard(session: Session, start: dt.date, end: dt.date, *, issued_on: dt.date | None = None) -> ScorecardView:
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


def issued_file(session: Session, view: DocumentView, data_dir: Path) -> bytes | None:
    """The bureau-signed PDF of this document when it was issued signed, the view still reads as issued and the
    file is in the data folder's blob store (checked by SHA-256); None otherwise (print a draft instead)."""
    import uuid

    from sqlmodel import select

    from cdo_desktop.store import models as m

    try:
        record_id = uuid.UUID(view.record_id)
    except ValueError:
        return None
    row = session.exec(select(m.IssuedDocument).where(m.IssuedDocument.record_id == record_id,
                                                      m.IssuedDocument.kind == view.kind,
                                                      m.IssuedDocument.fingerprint == view.fingerprint)).first()
    if row is None or not row.pdf_sha256 or row.fingerprint != view.fingerprint:
        return None
    path = Path(data_dir) / "blobs" / row.pdf_sha256[:2] / row.pdf_sha256
    try:
        data = path.read_bytes()
    except OSError:
        return None
    return data if sha256_bytes(data) == row.pdf_sha256 else None
