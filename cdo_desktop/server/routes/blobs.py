"""Evidence files by SHA-256: streamed in with a size limit (413) and a hash check (422), uploader recorded, served
only as downloads to departments that hold them (`evidence`)."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import uuid
from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, Request
from fastapi import Path as PathParam
from fastapi.responses import FileResponse

from cdo_desktop.server import evidence
from cdo_desktop.server.deps import ConfigDep, DbDep, ViewerDep
from cdo_desktop.server.errors import ApiError
from cdo_desktop.store import models as m

router = APIRouter(prefix="/v1/blobs", tags=["blobs"])
Sha = Annotated[str, PathParam(pattern=r"^[0-9a-f]{64}$")]


def blob_path(root: Path, sha256: str) -> Path:
    return root / sha256[:2] / sha256


def _too_large(limit: int) -> ApiError:
    mb = limit / (1024 * 1024)
    return ApiError(413, "too_large", f"文件超过 {mb:g} MB 上限", f"The file is larger than the {mb:g} MB limit")


_MEDIA_TYPE = re.compile(r"^[a-z0-9][a-z0-9!#$&^_.+-]{0,63}/[a-z0-9][a-z0-9!#$&^_.+-]{0,63}$")


def safe_media_type(declared: str | None) -> str:
    """The declared type without parameters, if it looks like one; otherwise plain bytes."""
    value = (declared or "").split(";", 1)[0].strip().lower()
    return value if _MEDIA_TYPE.match(value) else "application/octet-stream"


@router.put("/{sha256}", status_code=201)
async def put_blob(sha256: Sha, request: Request, viewer: ViewerDep, db: DbDep, config: ConfigDep) -> dict[str, object]:
    """Store the bytes (the front door has already refused a body over the limit); record who uploaded them. The
    media type is the one given at the first upload: a later upload of the same bytes cannot change it."""
    if viewer.ended:
        raise ApiError(403, "actor_ended", "该账号的任职已结束，不能上传文件", "This account's appointment has ended")
    target = blob_path(config.blob_dir, sha256)
    tmp_dir = config.blob_dir / "incoming"
    tmp_dir.mkdir(parents=True, exist_ok=True)
    tmp = tmp_dir / f"{uuid.uuid4().hex}.part"
    digest = hashlib.sha256()
    size = 0
    try:
        with tmp.open("wb") as out:
            async for chunk in request.stream():
                size += len(chunk)
                if size > config.max_blob_bytes:
                    raise _too_large(config.max_blob_bytes)
                digest.update(chunk)
                out.write(chunk)
        if digest.hexdigest() != sha256:
            raise ApiError(
                422, "hash_mismatch", "文件内容与其 SHA-256 不符", "The file's content does not match its SHA-256",
                field="sha256",
            )
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)
    now = dt.datetime.now(dt.UTC)
    with db.write() as session:
        row = session.get(m.Blob, sha256)
        if row is None:
            row = m.Blob(sha256=sha256, created_at=now, media_type=safe_media_type(request.headers.get("content-type")))
        elif not row.present:  # known from an evidence record only: the first upload fixes the type
            row.media_type = safe_media_type(request.headers.get("content-type"))
        row.size, row.present, row.uploaded = size, True, True
        session.add(row)
        evidence.record_upload(session, viewer, sha256, now)
        media_type = row.media_type
    return {"sha256": sha256, "size": size, "media_type": media_type}


@router.get(
    "/{sha256}",
    response_class=FileResponse,
    responses={200: {"content": {"application/octet-stream": {}}, "description": "The file, as a download"}},
)
def get_blob(sha256: Sha, viewer: ViewerDep, db: DbDep, config: ConfigDep) -> FileResponse:
    """The file as a download (never rendered by a browser), for a department that holds it."""
    path = blob_path(config.blob_dir, sha256)
    with db.read() as session:
        row = session.get(m.Blob, sha256)
        allowed = evidence.holds(session, viewer, sha256)
    if row is None or not row.present or not path.exists() or not allowed:
        raise ApiError(404, "not_found", "找不到该文件", "No such file")
    return FileResponse(
        path, media_type=row.media_type or "application/octet-stream", filename=sha256,
        content_disposition_type="attachment",
        headers={"X-Content-Type-Options": "nosniff", "Content-Security-Policy": "sandbox; default-src 'none'",
                 "Cache-Control": "private, no-store"},
    )
