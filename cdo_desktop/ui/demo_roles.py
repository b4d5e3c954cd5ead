"""The demo's cast: commissioner A and B of two departments that share data, an arbitrator and the admin."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import select
from sqlmodel import Session

from cdo_desktop.demo.cast import demo_pair
from cdo_desktop.services.bootstrap import admin_actor_id
from cdo_desktop.store import models as m


@dataclass(frozen=True)
class Role:
    key: str  # "a", "b", "arbitrator", "admin"
    commissioner_id: uuid.UUID
    name: str
    department: str


def cast(session: Session) -> list[Role]:
    """The four demo roles, found in the data: A and B are the busiest requester → provider pair."""
    pair = demo_pair(session)
    roles: list[Role] = []
    names = {d.id: d.name for d in session.execute(select(m.Department)).scalars()}

    def person(dept_id: uuid.UUID, role: str) -> m.Commissioner | None:
        return session.execute(
            select(m.Commissioner).where(m.Commissioner.department_id == dept_id, m.Commissioner.role == role,
                                         m.Commissioner.ended_on == None)  # noqa: E711
            .order_by(m.Commissioner.name)
        ).scalars().first()

    if pair is not None:
        for key, dept in (("a", pair[0]), ("b", pair[1])):
            c = person(dept, "commissioner")
            if c is not None:
                roles.append(Role(key, c.id, c.name, names.get(dept, "")))
    arbitrator = session.execute(
        select(m.Commissioner).where(m.Commissioner.role == "arbitrator", m.Commissioner.ended_on == None)  # noqa: E711
        .order_by(m.Commissioner.name)
    ).scalars().first()
    if arbitrator is not None:
        roles.append(Role("arbitrator", arbitrator.id, arbitrator.name, names.get(arbitrator.department_id, "")))
    admin = session.get(m.Commissioner, admin_actor_id())
    if admin is not None:
        roles.append(Role("admin", admin.id, admin.name, names.get(admin.department_id, "")))
    return roles
