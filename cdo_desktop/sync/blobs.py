"""Evidence files between desktop and bureau, addressed by SHA-256 and checked on both ends.

The desktop keeps them in ``DATA_DIR/blobs/ab/abcd…`` (the same layout as the bureau's). Files are uploaded before
the mutation that cites them is pushed, and downloaded on demand (`fetch_blob`), checked before they are kept.
"""

from __future__ import annotations

import hashlib
import os
import time
import uuid
from pathlib import Path

import httpx

from cdo_desktop.sync.http import BureauHttp, BureauUnreachable, ServerRefused

CHUNK = 1024 * 1024


def blob_path(data_dir: Path, sha256: str) -> Path:
    return Path(data_dir) / "blobs" / sha256[:2] / sha256


def _retrying(http: BureauHttp, what: str, attempt_once: object) -> None:
    last = ""
    for attempt in range(http.retry.attempts):
        try:
            attempt_once()  # type: ignore[operator]
            return
        except httpx.TransportError as exc:
            last = f"{type(exc).__name__}: {exc}"
        except _Retry as exc:
            last = str(exc)
        time.sleep(http.retry.delay(attempt))
    raise BureauUnreachable(f"无法传输证据文件（{last}）", f"Cannot transfer the evidence file {what} ({last})")


class _Retry(Exception):
    pass


def upload_blob(http: BureauHttp, data_dir: Path, sha256: str) -> bool:
    """Send a local evidence file to the bureau (idempotent). False when the file is not on this desktop."""
    path = blob_path(data_dir, sha256)
    if not path.exists():
        return False

    def once() -> None:
        with path.open("rb") as body:
            answer = http.client.put(f"/v1/blobs/{sha256}", content=body,
                                     headers={"Content-Length": str(path.stat().st_size)})
        if answer.status_code >= 500 or answer.status_code == 429:
            raise _Retry(f"HTTP {answer.status_code}")
        if answer.status_code >= 400:
            error = answer.json().get("error", {}) if answer.headers.get("content-type", "").startswith("application/json") else {}
            raise ServerRefused(error.get("zh", "证据文件被拒绝"), error.get("en", f"Evidence refused (HTTP {answer.status_code})"),
                                code=error.get("code", "blob_refused"), status=answer.status_code)

    _retrying(http, sha256[:12], once)
    return True


def fetch_blob(http: BureauHttp, data_dir: Path, sha256: str) -> Path:
    """The local copy of an evidence file, downloaded and hash-checked first if this desktop lacks it."""
    target = blob_path(data_dir, sha256)
    if target.exists():
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f"{sha256}.{uuid.uuid4().hex}.part")

    def once() -> None:
        digest = hashlib.sha256()
        with http.client.stream("GET", f"/v1/blobs/{sha256}") as answer:
            if answer.status_code >= 500:
                raise _Retry(f"HTTP {answer.status_code}")
            if answer.status_code >= 400:
                raise ServerRefused("找不到该证据文件或无权查看", "The evidence file is missing or not yours to see",
                                    code="blob_missing", status=answer.status_code)
            with tmp.open("wb") as out:
                for chunk in answer.iter_bytes(CHUNK):
                    digest.update(chunk)
                    out.write(chunk)
        if digest.hexdigest() != sha256:
            tmp.unlink(missing_ok=True)
            raise _Retry("hash mismatch")

    try:
        _retrying(http, sha256[:12], once)
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)
    return target
