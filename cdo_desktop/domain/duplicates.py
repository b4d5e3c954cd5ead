"""集约化: which existing resources already provide the data items a new resource or a request names.

Pure rule, no database: the service hands in the candidates. Item names are compared after trimming spaces.
A match needs at least three shared items, or every item of the subject (at least two) — one shared key such
as 公民身份号码 is how data is joined, not a duplicate collection. Only municipal (市级) departments' resources are
candidates: they are the city-wide sources; district offices of the same line each hold their own area's data.
"""

from __future__ import annotations

import functools
import uuid
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Candidate:
    resource_id: uuid.UUID
    resource_name: str
    department_id: uuid.UUID
    department_name: str
    items: tuple[str, ...]

    @functools.cached_property
    def normalized_items(self) -> frozenset[str]:
        """The items as compared (`_norm`), worked out once: a candidate is compared with every request filed."""
        return frozenset(_norm(x) for x in self.items)


@dataclass(frozen=True)
class Match:
    candidate: Candidate
    items: tuple[str, ...]  # the shared items, in the subject's order

    def message_zh(self) -> str:
        return (f"{self.candidate.department_name}已提供相同数据项：{'、'.join(self.items)}"
                f"（{self.candidate.resource_name}）— 请直接申请共享")

    def message_en(self) -> str:
        return (f"{self.candidate.department_name} already provides the same data items: {', '.join(self.items)} "
                f"({self.candidate.resource_name}) — request sharing instead")


def _norm(name: str) -> str:
    return "".join(name.split())


def duplicate_matches(items: Iterable[str], candidates: Iterable[Candidate], *, limit: int = 5) -> list[Match]:
    """The candidates sharing enough of ``items``, most shared first (then by name), at most ``limit``."""
    subject = [i for i in dict.fromkeys(_norm(x) for x in items) if i]
    if len(subject) < 2:
        return []
    found: list[Match] = []
    for candidate in candidates:
        theirs = candidate.normalized_items
        shared = tuple(i for i in subject if i in theirs)
        if len(shared) >= 3 or (len(shared) >= 2 and len(shared) == len(subject)):
            found.append(Match(candidate, shared))
    found.sort(key=lambda mt: (-len(mt.items), mt.candidate.department_name, mt.candidate.resource_name))
    return found[:limit]
