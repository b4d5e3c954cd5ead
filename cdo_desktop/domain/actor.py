"""Who acts: a commissioner's appointment seen as (person, department, role)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from cdo_desktop.domain.enums import Role


@dataclass(frozen=True)
class Actor:
    id: uuid.UUID
    department_id: uuid.UUID
    role: Role
    name: str = ""
    is_bureau: bool = False

    @property
    def is_bureau_role(self) -> bool:
        return self.role in (Role.ARBITRATOR, Role.ADMIN)


_NAMESPACE = uuid.UUID("6f1c1d7e-3b8a-4c52-9d0e-5a1f2b3c4d5e")


def derived_id(*parts: object) -> uuid.UUID:
    """A stable id for a row created by a mutation (timeline line, order, policy row), the same on every device."""
    return uuid.uuid5(_NAMESPACE, ":".join(str(p) for p in parts))
