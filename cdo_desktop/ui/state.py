"""The application's shared state: database, signed-in actor, language, and the one "changes" signal.

Pages never call each other: they call `AppState.apply` and react to `AppState.changed` (a set of entity names).
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlmodel import Session

from cdo_desktop.domain.actor import Actor
from cdo_desktop.domain.enums import Party
from cdo_desktop.domain.mutations import Mutation
from cdo_desktop.domain.workflow import Transition, actions_from
from cdo_desktop.services import apply, resolve_actor
from cdo_desktop.services.apply import Applied
from cdo_desktop.store.db import Database
from cdo_desktop.ui.qt import QObject, Signal

# the record kind a mutation changes, announced on `changed` so that every list showing it refreshes
ENTITY_OF_KIND = {
    "department": {"department", "person"},
    "commissioner": {"person"},
    "policy": {"policy"},
    "calendar": {"calendar"},
    "resource": {"resource", "duplicate"},
    "request": {"request", "duplicate"},
    "objection": {"objection"},
    "dispute": {"dispute", "ruling", "order"},
    "receipt": {"receipt", "dispute", "ruling", "order", "accountability"},
    "misuse": {"misuse", "request"},
    "order": {"order", "ruling", "dispute"},
    "accountability": {"accountability"},
    "asset": {"asset"},
    "platform": {"platform", "resource"},
}


class AppState(QObject):
    """Shared by every page: ``changed`` carries the set of entity names a change touched."""

    changed = Signal(object)
    actor_changed = Signal()
    sync_wanted = Signal()
    sign_in_wanted = Signal()  # e.g. "Sync now" on a desktop nobody has signed in to a bureau yet
    open_record = Signal(str, str)  # (entity, number): a to-do or a number link asks the window to show that record

    def __init__(self, db: Database, data_dir: Path, *, demo_accounts: list[dict[str, str]] | None = None) -> None:
        super().__init__()
        self.db = db
        self.data_dir = Path(data_dir)
        self.actor: Actor | None = None
        self.demo_accounts = demo_accounts or []
        self.sync_client: Any = None
        self.settings: Any = None
        self.replicas: dict[uuid.UUID, Any] = {}  # demo: commissioner id → that person's desktop replica

    # -- reading ------------------------------------------------------------------------------------------------

    @contextmanager
    def read(self) -> Iterator[Session]:
        with self.db.read() as session:
            yield session

    @property
    def today(self) -> dt.date:
        return dt.datetime.now(dt.timezone(dt.timedelta(hours=8))).date()

    def connected(self) -> bool:
        """Whether this desktop is signed in to a bureau server (its changes then go through the outbox)."""
        from cdo_desktop.sync import state as sync_state

        with self.db.read() as session:
            return bool(sync_state.get(session, sync_state.SERVER_URL))

    # -- who is signed in ---------------------------------------------------------------------------------------

    def use_replica(self, replica: Any) -> None:
        """Work on another desktop replica (the demo's role switch: each role is its own PC)."""
        self.db = replica.db
        self.data_dir = replica.data_dir
        self.sync_client = replica.client

    def sign_in_as(self, commissioner_id: uuid.UUID) -> Actor:
        replica = self.replicas.get(commissioner_id)
        if replica is not None:
            self.use_replica(replica)
        with self.db.read() as session:
            self.actor = resolve_actor(session, commissioner_id, on=self.today)
        self.actor_changed.emit()
        self.changed.emit({"*"})
        return self.actor

    def sign_out(self) -> None:
        self.actor = None
        self.actor_changed.emit()
        self.changed.emit({"*"})

    def parties(self, **departments: uuid.UUID | None) -> set[Party]:
        """The parties the signed-in actor holds towards a record with these departments."""
        actor = self.actor
        if actor is None:
            return set()
        held = {Party(name) for name, dept in departments.items() if dept is not None and dept == actor.department_id}
        if actor.is_bureau:
            held.add(Party.BUREAU)
        return held

    def available_actions(self, entity: str, state: str, **departments: uuid.UUID | None) -> list[Transition]:
        """Actions the signed-in actor may take on a record in ``state`` (the UI hides the rest; the rules decide)."""
        if self.actor is None:
            return []
        parties = self.parties(**departments)
        return [t for t in actions_from(entity, state) if t.permits(self.actor.role, parties)]

    def may(self, action_kind: str, **departments: uuid.UUID | None) -> bool:
        from cdo_desktop.domain.workflow import TRANSITIONS

        transition = TRANSITIONS.get(action_kind)
        return bool(self.actor and transition and transition.permits(self.actor.role, self.parties(**departments)))

    # -- changing -----------------------------------------------------------------------------------------------

    def apply(
        self, kind: str, entity_id: uuid.UUID, payload: dict[str, Any], *, base_revision: int = 0
    ) -> Applied:
        """Apply one mutation as the signed-in actor; raises `DomainError` (database unchanged) when refused."""
        from cdo_desktop.domain.errors import NotAllowed

        if self.actor is None:
            raise NotAllowed("not_signed_in", "尚未登录", "Nobody is signed in")
        mutation = Mutation(
            kind=kind, actor_id=self.actor.id, entity_id=entity_id, payload=payload, base_revision=base_revision
        )
        if self.connected():
            # a desktop signed in to a bureau: applied locally at once (pending) and queued in the outbox
            from cdo_desktop.sync.outbox import apply_local

            applied = apply_local(self.db, mutation)
            self.sync_wanted.emit()
        else:
            with self.db.write() as session:
                actor = resolve_actor(session, self.actor.id, on=self.today)
                applied = apply(session, mutation, actor)
        self.changed.emit(ENTITY_OF_KIND.get(kind.split(".")[0], {kind.split(".")[0]}) | {"outbox"})
        return applied

    def sync_blocking(self) -> Any:
        """One sync round on this thread (tests and the demo's first start); announces that everything may change."""
        if self.sync_client is None:
            return None
        report = self.sync_client.sync()
        self.changed.emit({"*"})
        return report
