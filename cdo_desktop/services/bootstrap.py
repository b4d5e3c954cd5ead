"""First start of a database: the bureau, its first administrator and the default policy rows."""

from __future__ import annotations

import datetime as dt

from sqlmodel import Session, select

from cdo_desktop.domain.actor import derived_id
from cdo_desktop.domain.policy import POLICY_SEEDS, seeded_deadlines
from cdo_desktop.services.apply import bootstrap_admin
from cdo_desktop.store import models as m
from cdo_desktop.store.db import Database

BUREAU_CODE = "FS-ZSJ"
BUREAU_NAME = "佛山市政务服务数据管理局"
ADMIN_NAME = "系统管理员"


def ensure_initialised(db: Database) -> bool:
    """Create the bureau, the first administrator and the default deadlines when the database is empty."""
    with db.write() as session:
        if session.exec(select(m.Department).limit(1)).first() is not None:
            return False
        initialise(session, bureau_code=BUREAU_CODE, bureau_name=BUREAU_NAME, admin_name=ADMIN_NAME,
                   today=dt.datetime.now(dt.UTC).date())
        return True


def initialise(session: Session, *, bureau_code: str, bureau_name: str, admin_name: str, today: dt.date,
               at: dt.datetime | None = None, policy_seeds: int = POLICY_SEEDS) -> None:
    """The bureau, its first administrator (audited as ``system.bootstrap``, with the policy seeds' version) and the
    default deadlines of that version; also how the audit replay rebuilds a database's first rows."""
    bootstrap_admin(session, bureau_code=bureau_code, bureau_name=bureau_name, admin_name=admin_name, today=today,
                    at=at, policy_seeds=policy_seeds)
    for deadline in seeded_deadlines(policy_seeds):
        session.add(
            m.PolicyDeadline(
                id=derived_id("policy", deadline.kind.value),
                kind=deadline.kind.value,
                days=deadline.days,
                clause=deadline.clause,
                product_default=deadline.product_default,
                revision=1,
            )
        )


def admin_actor_id() -> object:
    return derived_id("admin", BUREAU_CODE)
