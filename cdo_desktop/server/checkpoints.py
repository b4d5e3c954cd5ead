"""The bureau's signed audit checkpoints: one stored every `audit.CHECKPOINT_EVERY` entries, and the current chain
head signed into every pull answer, with the chain hash at the position the desktop last saw (its proof)."""

from __future__ import annotations

import logging
from typing import Any

from sqlmodel import Session

from cdo_desktop.server import ledger
from cdo_desktop.store import audit
from cdo_desktop.store.db import Database
from cdo_desktop.sync.wire import ChainProof, Checkpoint, PullPage

log = logging.getLogger("cdo.checkpoints")


def keep(db: Database, bureau_keys: Any, epoch: str) -> None:
    """After a push: store a signed checkpoint when enough entries have passed since the last one."""
    if bureau_keys is None:
        return
    with db.write() as session:
        ledger.lock_counter(session)  # the chain cannot move while its head is read and signed
        audit.store_checkpoint(session, private_key=bureau_keys.checkpoint_key, epoch=epoch)


def current(session: Session, bureau_keys: Any, epoch: str) -> Checkpoint:
    position, hash_hex = audit.head(session)
    signature = audit.sign_checkpoint(bureau_keys.checkpoint_key, position, hash_hex, epoch) if bureau_keys else ""
    return Checkpoint(position=position, hash=hash_hex, epoch=epoch, signature=signature)


def attach(session: Session, page: PullPage, bureau_keys: Any, *, known: int | None) -> PullPage:
    """The page with the signed chain head and, when the desktop named the position it last saw, the proof."""
    proof = None
    if known is not None:
        proof = ChainProof(position=known, hash=audit.hash_at(session, known) or "")
    return page.model_copy(update={"checkpoint": current(session, bureau_keys, page.epoch), "proof": proof})
