"""Evidence files: hash (SHA-256), size check, and the content-addressed copy in the data folder's blobs/."""

from __future__ import annotations

import hashlib
import mimetypes
import shutil
from dataclasses import dataclass
from pathlib import Path

from cdo_desktop.domain.errors import DomainError

MAX_BYTES = 25 * 1024 * 1024  # the EvidenceAdd payload's limit


@dataclass(frozen=True)
class HashedFile:
    path: Path
    sha256: str
    size: int
    media_type: str


def hash_file(path: Path, *, chunk: int = 1 << 20) -> HashedFile:
    """Hash ``path``; refuses (naming the file) a missing, unreadable, empty or oversized file."""
    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise DomainError("evidence_unreadable", f"无法读取文件“{path.name}”：{exc.strerror}",
                          f"Cannot read the file '{path.name}': {exc.strerror}", field="file") from None
    if not path.is_file():
        raise DomainError("evidence_not_file", f"“{path.name}”不是文件", f"'{path.name}' is not a file", field="file")
    if size > MAX_BYTES:
        raise DomainError("evidence_too_large", f"文件“{path.name}”超过25 MB，不能作为证据",
                          f"The file '{path.name}' is larger than 25 MB", field="file")
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while block := handle.read(chunk):
            digest.update(block)
    media = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    return HashedFile(path, digest.hexdigest(), size, media)


def blob_path(data_dir: Path, sha256: str) -> Path:
    return Path(data_dir) / "blobs" / sha256[:2] / sha256


def store_blob(data_dir: Path, hashed: HashedFile) -> Path:
    """Copy the file into blobs/ under its hash (atomically; an existing blob is kept)."""
    target = blob_path(data_dir, hashed.sha256)
    if target.exists():
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_suffix(".part")
    shutil.copyfile(hashed.path, tmp)
    tmp.replace(target)
    return target
