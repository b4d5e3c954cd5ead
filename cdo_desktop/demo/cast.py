"""Who the demo's commissioners A and B are: shared by the generator (which gives them work waiting) and the
desktop's role switcher (which finds them in the data)."""

from __future__ import annotations

import uuid

from sqlalchemy import func, select
from sqlmodel import Session, col

from cdo_desktop.store import models as m


def demo_pair(session: Session) -> tuple[uuid.UUID, uuid.UUID] | None:
    """(requester, provider): of the departments that own conditionally shared data themselves (so that A, too, can
    be asked and must answer), the pair that asks most for conditionally shared data, so that the story shows the
    owner's answer; ties broken by the departments' ids. None in an empty network."""
    counts = pair_counts(session)
    if not counts:
        return None
    owners = set(session.execute(select(col(m.DataResource.department_id))
                                 .where(col(m.DataResource.share_type) == "conditional")).scalars())
    best = min(counts, key=lambda p: (p[0] not in owners, -counts[p], str(p[0]), str(p[1])))
    return best


def pair_counts(session: Session) -> dict[tuple[uuid.UUID, uuid.UUID], int]:
    """Conditional requests per (requester, provider) pair."""
    r = m.SharingRequest
    rows = session.execute(
        select(col(r.requester_department_id), col(r.provider_department_id), func.count())
        .join(m.DataResource, col(m.DataResource.id) == col(r.resource_id))
        .where(col(m.DataResource.share_type) == "conditional")
        .group_by(col(r.requester_department_id), col(r.provider_department_id))
    ).all()
    return {(a, b): int(n) for a, b, n in rows}
