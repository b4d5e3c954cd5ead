"""A small directory for integration tests, written straight into the bureau's database: the bureau and three
departments (A asks B for data, C is unrelated), one person of every role in each, accounts, and resources."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field

from argon2 import PasswordHasher

from cdo_desktop.domain.actor import derived_id
from cdo_desktop.domain.enums import Role
from cdo_desktop.domain.mutations import Mutation
from cdo_desktop.server.exchange import apply_sequenced
from cdo_desktop.services.accounts import create_account
from cdo_desktop.services.bootstrap import BUREAU_CODE, admin_actor_id
from cdo_desktop.store.db import Database

PASSWORD = "integration-pass-1"
CHEAP = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)  # tests only: sign-ins stay fast
TODAY = dt.date(2026, 3, 2)


@dataclass
class World:
    bureau: uuid.UUID
    depts: dict[str, uuid.UUID] = field(default_factory=dict)  # "A", "B", "C"
    people: dict[tuple[str, str], uuid.UUID] = field(default_factory=dict)  # (dept key, role) -> commissioner id
    users: dict[tuple[str, str], str] = field(default_factory=dict)  # (dept key, role) -> username
    resources: dict[str, uuid.UUID] = field(default_factory=dict)  # owner dept key -> resource id

    def dept(self, key: str) -> uuid.UUID:
        return self.bureau if key == "bureau" else self.depts[key]


def _do(db: Database, kind: str, actor: uuid.UUID, entity: uuid.UUID, payload: dict[str, object]) -> None:
    apply_sequenced(db, Mutation(kind=kind, actor_id=actor, entity_id=entity, payload=payload))


def build_world(db: Database) -> World:
    admin = admin_actor_id()
    world = World(bureau=derived_id("bureau", BUREAU_CODE))
    for key in ("A", "B", "C"):
        dept_id = derived_id("test-dept", key)
        _do(db, "department.create", admin, dept_id, {"code": f"T-{key}", "name": f"测试部门{key}"})
        world.depts[key] = dept_id
    for key in ("bureau", "A", "B", "C"):
        for role in Role:
            person = derived_id("test-person", key, role.value)
            _do(db, "commissioner.appoint", admin, person, {
                "name": f"{key}{role.zh}", "department_id": str(world.dept(key)), "role": role.value,
                "appointed_on": TODAY.isoformat(),
            })
            world.people[(key, role.value)] = person
            username = f"{key.lower()}-{role.value}"
            with db.write() as session:
                create_account(session, username=username, password=PASSWORD, commissioner_id=person, hasher=CHEAP)
            world.users[(key, role.value)] = username
    for key in ("A", "B"):
        resource = derived_id("test-resource", key)
        _do(db, "resource.create", world.people[(key, "commissioner")], resource, {
            "code": f"RES-{key}", "department_id": str(world.depts[key]), "name": f"{key}部门人口数据",
            "items": [{"name": "姓名"}, {"name": "证件号"}, {"name": "地址"}],
        })
        world.resources[key] = resource
    with db.write() as session:
        create_account(session, username="admin", password=PASSWORD, commissioner_id=admin, hasher=CHEAP)  # type: ignore[arg-type]
    world.users[("bureau", "root")] = "admin"
    world.people[("bureau", "root")] = admin  # type: ignore[assignment]
    return world
