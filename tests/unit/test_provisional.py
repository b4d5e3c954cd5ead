"""A desktop's optimistic copy gives provisional document numbers; the bureau's apply gives the real ones."""

from __future__ import annotations

import uuid

from sqlmodel import Session

from cdo_desktop.domain.mutations import Mutation
from cdo_desktop.domain.numbering import DocumentNumber, is_provisional
from cdo_desktop.services.apply import apply
from cdo_desktop.store import models as m
from tests.unit.scenario import Network


def test_local_numbers_say_they_are_provisional(network: Network, session: Session) -> None:
    actor = network.people["A.commissioner"]
    local_id, bureau_id = uuid.uuid4(), uuid.uuid4()
    payload = network.payload("request.create")
    apply(session, Mutation(kind="request.create", actor_id=actor.id, entity_id=local_id, payload=payload), actor,
          provisional=True)
    apply(session, Mutation(kind="request.create", actor_id=actor.id, entity_id=bureau_id, payload=payload), actor)
    local = session.get(m.SharingRequest, local_id)
    final = session.get(m.SharingRequest, bureau_id)
    assert local is not None and final is not None
    assert is_provisional(local.number) and local_id.hex[:6] in local.number
    assert not is_provisional(final.number)
    DocumentNumber.parse(final.number)
