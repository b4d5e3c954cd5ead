"""Document numbers in the official style, e.g. ``佛数裁〔2026〕12号``: prefix, year in 〔〕, yearly sequence."""

from __future__ import annotations

import re
from dataclasses import dataclass

from cdo_desktop.domain.enums import DocumentKind

DEFAULT_PREFIXES: dict[DocumentKind, str] = {
    DocumentKind.RULING: "佛数裁",
    DocumentKind.NOTICE: "佛数问",
    DocumentKind.REQUEST: "佛数享",
    DocumentKind.OBJECTION: "佛数异",
    DocumentKind.DISPUTE: "佛数争",
    DocumentKind.MISUSE: "佛数违",
    DocumentKind.ASSET: "佛数资",
}

_PATTERN = re.compile(r"^(?P<prefix>[^〔〕\s]{1,16})〔(?P<year>\d{4})〕(?P<seq>\d{1,7})号$")


@dataclass(frozen=True, order=True)
class DocumentNumber:
    prefix: str
    year: int
    seq: int

    def __str__(self) -> str:
        return f"{self.prefix}〔{self.year}〕{self.seq}号"

    @classmethod
    def parse(cls, text: str) -> DocumentNumber:
        """Parse ``佛数裁〔2026〕12号``; the ASCII brackets people type (``[2026]``, ``(2026)``) are accepted too."""
        normalised = re.sub(r"[\[［(（]", "〔", text.strip())
        normalised = re.sub(r"[\]］)）]", "〕", normalised)
        match = _PATTERN.match(normalised)
        if not match:
            raise ValueError(f"not a document number: {text!r}")
        return cls(match["prefix"], int(match["year"]), int(match["seq"]))


def default_reply_prefix(short_name: str) -> str:
    """The prefix of a department's reply numbers when the directory names none: 市公安局 → 佛公安复."""
    core = short_name.strip()
    if core.startswith("市"):
        core = core[1:]
    for suffix in ("局", "委员会", "委", "办公室", "办"):
        if core.endswith(suffix) and len(core) > len(suffix):
            core = core[: -len(suffix)]
            break
    return f"佛{core[:12]}复"


def reply_sequence_key(department_id: str) -> str:
    """The yearly sequence of one department's replies (fits the 16-character sequence key)."""
    import hashlib

    return "r:" + hashlib.sha256(department_id.encode()).hexdigest()[:14]


def format_number(kind: DocumentKind, year: int, seq: int, prefixes: dict[DocumentKind, str] | None = None) -> str:
    prefix = (prefixes or DEFAULT_PREFIXES)[kind]
    return str(DocumentNumber(prefix, year, seq))


PROVISIONAL_MARK = "待定"  # in a desktop's provisional number: the bureau's copy brings the final one


def is_provisional(number: str) -> bool:
    return PROVISIONAL_MARK in number
