"""Canonical JSON: the one byte form used for hashes (audit chain, document fingerprints)."""

from __future__ import annotations

import datetime as dt
import enum
import hashlib
import json
import uuid
from typing import Any


def _default(value: Any) -> Any:
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, dt.datetime):
        if value.tzinfo is None:
            value = value.replace(tzinfo=dt.UTC)
        return value.astimezone(dt.UTC).isoformat(timespec="microseconds")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, (set, frozenset)):
        return sorted(value)
    raise TypeError(f"not canonicalisable: {type(value).__name__}")


def canonical_json(value: Any) -> str:
    """Sorted keys, no spaces, UTF-8 characters kept, dates ISO, UUIDs as strings."""
    return _ENCODE(value)


# what ``json.dumps(value, default=_default, sort_keys=True, ensure_ascii=False, separators=(",", ":"))`` does,
# without building an encoder for every call (several are made per change applied: payload, audit link, digest)
_ENCODE = json.JSONEncoder(default=_default, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode


def sha256_hex(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def chain_hash(prev_hash: str, body: Any) -> str:
    """``sha256(prev_hash + canonical JSON)`` — the link of the audit chain."""
    return sha256_hex(prev_hash + canonical_json(body))
