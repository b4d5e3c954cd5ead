"""Seeded random work of a desktop: pick a visible record, pick any action of its table, try it locally."""

from __future__ import annotations

import random
import uuid
from typing import Any

from sqlmodel import select

from cdo_desktop.domain.errors import DomainError
from cdo_desktop.domain.workflow import TABLES
from cdo_desktop.store import models as m
from cdo_desktop.sync.outbox import apply_local
from tests.integration.harness import Desktop, mutation
from tests.integration.payloads import payload_for
from tests.integration.world import World

ENTITY_MODELS: dict[str, Any] = {
    "request": m.SharingRequest, "objection": m.QualityObjection, "dispute": m.Dispute, "order": m.RulingOrder,
    "accountability": m.AccountabilityRecord, "resource": m.DataResource,
}
CREATES = ["request.create", "objection.raise", "dispute.file", "accountability.create"]


def random_step(rng: random.Random, desk: Desktop, world: World) -> uuid.UUID | None:
    """Try one random action; return the mutation id when the desktop accepted it locally (it is queued)."""
    arbitrator = world.people[("bureau", "arbitrator")]
    if rng.random() < 0.3:
        action = rng.choice(CREATES)
        entity = uuid.uuid4()
        t = next(t for rows in TABLES.values() for t in rows if t.action == action)
        base = 0
    else:
        table = rng.choice(["request", "request", "objection", "dispute", "order", "accountability", "resource"])
        with desk.db.read() as session:
            ids = list(session.execute(select(ENTITY_MODELS[table].id)).scalars())
        if not ids:
            return None
        entity = rng.choice(sorted(ids)[:3])  # a few hot records: desktops collide on them
        t = rng.choice([t for t in TABLES[table] if t.source is not None])
        with desk.db.read() as session:
            row = session.get(ENTITY_MODELS[table], entity)
            base = row.revision if row is not None and rng.random() < 0.5 else 0  # as the UI would: stale edits conflict
    if t.source is None:
        base = 0
    payload = payload_for(t, world, arbitrator)
    if "reason" in payload and rng.random() < 0.1:
        payload["reason"] = ""  # sometimes a guard must refuse
    mut = mutation(t.action, desk.actor_id, entity, payload, base)
    try:
        apply_local(desk.db, mut)
    except DomainError:
        return None
    return mut.id
