"""The public face of reports/: find a document's view in the store, render any view, write files atomically."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import cast

from sqlmodel import Session

from cdo_desktop.reports import builders, stats
from cdo_desktop.reports.notice import render_notice
from cdo_desktop.reports.reply import render_reply
from cdo_desktop.reports.ruling import render_ruling
from cdo_desktop.reports.scorecard import render_scorecard
from cdo_desktop.reports.views import DocumentView, NoticeView, ReplyView, RulingView, ScorecardView

KINDS = ("ruling", "notice", "reply", "scorecard")
KIND_LABELS = {"ruling": "裁决书", "notice": "问责通知书", "reply": "共享申请答复书", "scorecard": "绩效报告"}

_RENDERERS: dict[str, Callable[[DocumentView], bytes]] = {
    "ruling": lambda v: render_ruling(cast(RulingView, v)),
    "notice": lambda v: render_notice(cast(NoticeView, v)),
    "reply": lambda v: render_reply(cast(ReplyView, v)),
    "scorecard": lambda v: render_scorecard(cast(ScorecardView, v)),
}


def render(view: DocumentView) -> bytes:
    """The PDF of any document view; the same view always gives the same bytes."""
    return _RENDERERS[view.kind](view)


def load_view(session: Session, kind: str, number: str, *, draft: bool = False) -> DocumentView:
    """The view of the ruling, notice or reply numbered ``number`` (NotFound / InvalidState name the number).

    ``draft``: the document is being drafted before it is issued (ui/issuing.py), so a desktop's provisional
    number (``待定``, the bureau gives the final one) is accepted; never for a document that is printed or verified."""
    if kind == "ruling":
        return builders.ruling_view(session, number, draft=draft)
    if kind == "notice":
        return builders.notice_view(session, number, draft=draft)
    if kind == "reply":
        return builders.reply_view(session, number, draft=draft)
    raise KeyError(kind)


def scorecard(session: Session, start: dt.date, end: dt.date, *, issued_on: dt.date | None = None) -> ScorecardView:
    return stats.scorecard_view(session, start, end, issued_on=issued_on)


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


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
