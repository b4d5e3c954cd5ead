"""Evidence files by SHA-256: streamed in with a size limit (413 before spooling) and a hash check (422)."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import uuid
from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, Request
from fastapi import Path as PathParam
from fastapi.responses import FileResponse
from sqlalchemy import or_, select
from sqlmodel import col

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


@router.put("/{sha256}", status_code=201)
async def put_blob(sha256: Sha, request: Request, _viewer: ViewerDep, db: DbDep, config: ConfigDep) -> dict[str, object]:
    declared = request.headers.get("content-length")
    if declared is not None:
        if not declared.isdigit():
            raise ApiError(400, "bad_length", "Content-Length 不正确", "Bad Content-Length")
        if int(declared) > config.max_blob_bytes:
            raise _too_large(config.max_blob_bytes)
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
    media_type = request.headers.get("content-type", "application/octet-stream")[:200]
    with db.write() as session:
        row = session.get(m.Blob, sha256) or m.Blob(sha256=sha256, created_at=dt.datetime.now(dt.UTC))
        row.size, row.media_type, row.present, row.uploaded = size, media_type, True, True
        session.add(row)
    return {"sha256": sha256, "size": size}


@router.get("/{sha256}")
def get_blob(sha256: Sha, viewer: ViewerDep, db: DbDep, config: ConfigDep) -> FileResponse:
    path = blob_path(config.blob_dir, sha256)
    with db.read() as session:
        row = session.get(m.Blob, sha256)
        allowed = viewer.sees_everything
        if not allowed and not viewer.ended:
            d = viewer.department_id
            disputes = select(col(m.Dispute.id)).where(
                or_(col(m.Dispute.claimant_department_id) == d, col(m.Dispute.respondent_department_id) == d)
            )
            hit = session.execute(
                select(col(m.Evidence.id))
                .where(col(m.Evidence.sha256) == sha256, col(m.Evidence.dispute_id).in_(disputes))
                .limit(1)
            ).first()
            allowed = hit is not None or session.execute(  # a valuation report of the viewer's own asset
                select(col(m.AssetValuation.id))
                .where(col(m.AssetValuation.report_sha256) == sha256, col(m.AssetValuation.department_id) == d)
                .limit(1)
            ).first() is not None
    if row is None or not row.present or not path.exists() or not allowed:
        raise ApiError(404, "not_found", "找不到该文件", "No such file")
    return FileResponse(path, media_type=row.media_type or "application/octet-stream")
