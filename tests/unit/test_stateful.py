"""Random action sequences never reach a state outside the tables and never break the audit chain."""

from __future__ import annotations

import tempfile
import uuid
from pathlib import Path

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule
from sqlmodel import Session, select

from cdo_desktop.domain.errors import DomainError
from cdo_desktop.domain.workflow import STATE_ENUMS, TRANSITIONS
from cdo_desktop.store import audit
from cdo_desktop.store import models as m
from tests.unit.scenario import Network, build_network

_TEMPLATE: Network | None = None
ENTITY_MODELS = {"request": m.SharingRequest, "objection": m.QualityObjection, "dispute": m.Dispute,
                 "order": m.RulingOrder, "accountability": m.AccountabilityRecord, "misuse": m.MisuseReport}
ACTIONS = sorted(a for a, t in TRANSITIONS.items() if t.entity in ENTITY_MODELS)


def _network() -> Network:
    global _TEMPLATE
    if _TEMPLATE is None:
        _TEMPLATE = build_network(Path(tempfile.mkdtemp(prefix="cdo-stateful-")))
    return _TEMPLATE


class Workflows(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.net = _network()
        self.session = Session(self.net.db.writer, expire_on_commit=False)
        self.records: dict[str, list[uuid.UUID]] = {e: [] for e in ENTITY_MODELS}
        self.accepted = 0

    def teardown(self) -> None:
        self.session.rollback()
        audit.forget_tail(self.session)
        self.session.close()

    @rule(action=st.sampled_from(ACTIONS), pick=st.integers(0, 50), who=st.sampled_from(
        ["admin", "arbitrator", "A.commissioner", "A.cdo", "B.commissioner", "B.cdo", "C.commissioner"]))
    def act(self, action: str, pick: int, who: str) -> None:
        t = TRANSITIONS[action]
        existing = self.records[t.entity]
        if t.source is None:
            entity_id = uuid.uuid4()
        elif t.entity == "order":
            orders = self.session.exec(select(m.RulingOrder.id)).all()
            if not orders:
                return
            entity_id = orders[pick % len(orders)]
        elif existing:
            entity_id = existing[pick % len(existing)]
        else:
            return
        actor = self.net.everyone()[who]
        try:
            self.net.run(self.session, actor, action, entity_id, self.net.payload(action))
        except DomainError:
            return
        self.accepted += 1
        if t.source is None:
            self.records[t.entity].append(entity_id)

    @invariant()
    def every_state_is_in_the_tables(self) -> None:
        for entity, model in ENTITY_MODELS.items():
            allowed = {s.value for s in STATE_ENUMS[entity]}
            states = set(self.session.exec(select(model.state)).all())  # type: ignore[attr-defined]
            assert states <= allowed, (entity, states - allowed)

    @invariant()
    def audit_chain_holds(self) -> None:
        report = audit.verify_chain(self.session)
        assert report.ok, report


Workflows.TestCase.settings = settings(
    max_examples=25, stateful_step_count=30, deadline=None, suppress_health_check=list(HealthCheck)
)
TestWorkflows = Workflows.TestCase
