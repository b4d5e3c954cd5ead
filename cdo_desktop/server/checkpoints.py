"""The bureau's signed audit checkpoints: one stored every `audit.CHECKPOINT_EVERY` entries, and the current chain
head signed into every pull answer, with the chain hash at the position the desktop last saw (its proof)."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlmodel import Session

from cdo_desktop.server import ledger
from cdo_desktop.store import audit
from cdo_desktop.store.db import Database
from cdo_desktop.store.models import AuditCheckpoint
from cdo_desktop.sync.wire import ChainProof, Checkpoint, PullPage

log = logging.getLogger("cdo.checkpoints")


def keep(db: Database, bureau_keys: Any, epoch: str) -> None:
    """After a push: store a signed checkpoint when enough entries have passed since the last one."""
    if bureau_keys is None:
        return
    with db.read() as session:  # most pushes need none: decide without taking the writers' lock
        position, _ = audit.head(session)
        last = session.execute(select(func.max(AuditCheckpoint.position))).scalar()
    if position == 0 or (last is not None and position - int(last) < audit.CHECKPOINT_EVERY):
        return
    with db.write() as session:
        ledger.lock_counter(session)  # the chain cannot move while its head is read and signed
        audit.store_checkpoint(session, private_key=bureau_keys.checkpoint_key, epoch=epoch)


def current(session: Session, bureau_keys: Any, epoch: str) -> Checkpoint:
    position, hash_hex = audit.head(session)
    signature = audit.sign_checkpoint(bureau_keys.checkpoint_key, position, hash_hex, epoch) if bureau_keys else ""
    return Checkpoint(position=position, hash=hash_hex, epoch=epoch, signature=signature)


def _restore_file(data_dir: Path, epoch: str) -> Path:
    return Path(data_dir) / "signing" / f"restore-{epoch}.json"


def acknowledge_restore(db: Database, bureau_keys: Any, data_dir: Path, epoch: str) -> Checkpoint:
    """`cdo admin epoch rotate` on a signing bureau: sign "epoch ``epoch`` starts from this chain", so desktops
    that saw a longer chain accept the restore (without it they refuse, as they must refuse any rollback)."""
    with db.read() as session:
        position, hash_hex = audit.head(session)
    signature = bureau_keys.checkpoint_key.sign(audit.restore_message(position, hash_hex, epoch)).hex()
    statement = Checkpoint(position=position, hash=hash_hex, epoch=epoch, signature=signature)
    target = _restore_file(data_dir, epoch)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(statement.model_dump_json(), encoding="utf-8")
    return statement


def attach(session: Session, page: PullPage, bureau_keys: Any, *, known: int | None,
           data_dir: Path | None = None) -> PullPage:
    """The page with the signed chain head and, when the desktop named the position it last saw, the proof (and
    the bureau's signed restore acknowledgement of this epoch, if there is one)."""
    proof = None
    if known is not None:
        proof = ChainProof(position=known, hash=audit.hash_at(session, known) or "")
    restore = None
    if data_dir is not None and _restore_file(data_dir, page.epoch).exists():
        try:
            restore = Checkpoint.model_validate_json(_restore_file(data_dir, page.epoch).read_text(encoding="utf-8"))
        except ValueError:
            log.warning("unreadable restore acknowledgement for epoch %s", page.epoch)
    return page.model_copy(update={"checkpoint": current(session, bureau_keys, page.epoch), "proof": proof,
                                   "restore": restore})
