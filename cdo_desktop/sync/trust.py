"""What a desktop pins about its bureau: the root certificate (at first sign-in) and the audit chain checkpoints it
has seen. A changed root, or a chain that does not extend the checkpoints (truncated, rolled back, re-hashed), is
refused with a clear error before anything from that server is laid down."""

from __future__ import annotations

import datetime as dt
import hashlib

from cryptography import x509
from cryptography.hazmat.primitives import serialization
from sqlalchemy import func, select
from sqlmodel import Session

from cdo_desktop.store import audit
from cdo_desktop.store.models import AuditCheckpoint
from cdo_desktop.sync import state
from cdo_desktop.sync.http import SyncError
from cdo_desktop.sync.wire import PullPage, SignedIn

ROOT_PEM = "bureau_root_pem"
CHECKPOINT_KEY = "bureau_checkpoint_key"
KEEP = 50  # checkpoints a desktop keeps


class TrustRefused(SyncError):
    """The bureau server is not the one this desktop pinned, or its audit chain went backwards."""


def root_fingerprint(pem: str | bytes) -> str:
    """SHA-256 of the certificate (DER), ``AB:CD:…`` as certificate viewers show it."""
    data = pem.encode("ascii") if isinstance(pem, str) else pem
    der = x509.load_pem_x509_certificate(data).public_bytes(serialization.Encoding.DER)
    digest = hashlib.sha256(der).hexdigest().upper()
    return ":".join(digest[i:i + 2] for i in range(0, len(digest), 2))


def pinned_root(session: Session) -> bytes | None:
    value = state.get(session, ROOT_PEM)
    return value.encode("ascii") if value else None


def pin(session: Session, signed: SignedIn) -> str | None:
    """At sign-in: pin the bureau's root and checkpoint key the first time; refuse a different one afterwards.
    Returns the root's fingerprint when it was pinned just now (to show the user), else None."""
    if not signed.root_certificate:
        return None
    try:
        new_fp = root_fingerprint(signed.root_certificate)
    except ValueError:
        raise TrustRefused("服务器发送的根证书无法读取", "The server sent an unreadable root certificate",
                           code="bad_root") from None
    old = state.get(session, ROOT_PEM)
    if old:
        old_fp = root_fingerprint(old)
        if old_fp != new_fp or state.get(session, CHECKPOINT_KEY) not in ("", signed.checkpoint_key):
            raise TrustRefused(
                f"政数局根证书已变更（本机固定：{old_fp[:23]}…，服务器：{new_fp[:23]}…），已拒绝。"
                "如政数局确已更换证书，请按 docs/trust.md 核对指纹后重新固定",
                f"The bureau's root certificate changed (pinned {old_fp[:23]}…, server {new_fp[:23]}…): refused. "
                "If the bureau really rotated its root, compare the fingerprint and re-pin as docs/trust.md says",
                code="root_changed",
            )
        return None
    state.put(session, ROOT_PEM, signed.root_certificate)
    state.put(session, CHECKPOINT_KEY, signed.checkpoint_key)
    return new_fp


def forget(session: Session) -> None:
    """Re-pin (after the bureau rotated its root, checked out of band): forget the root, key and checkpoints."""
    state.put(session, ROOT_PEM, "")
    state.put(session, CHECKPOINT_KEY, "")
    session.execute(AuditCheckpoint.__table__.delete())  # type: ignore[attr-defined]


def last_checkpoint(session: Session) -> AuditCheckpoint | None:
    top = session.execute(select(func.max(AuditCheckpoint.position))).scalar()
    return session.get(AuditCheckpoint, top) if top is not None else None


def _refuse(zh: str, en: str) -> TrustRefused:
    return TrustRefused(f"政数局服务器的审计链未延续本机保存的检查点：{zh}。已停止同步，请联系政数局",
                        f"The bureau server's audit chain does not extend the checkpoints this desktop holds: {en}. "
                        "Sync stopped; contact the bureau", code="chain_rollback")


def check_page(session: Session, page: PullPage) -> None:
    """Refuse the page unless its signed checkpoint is valid and the chain extends the last one kept here."""
    key = state.get(session, CHECKPOINT_KEY)
    mine = last_checkpoint(session)
    cp = page.checkpoint
    if cp is None:
        if key or mine is not None:
            raise _refuse("服务器未提供检查点", "the server sent no checkpoint")
        return
    if key and not audit.checkpoint_signature_ok(key, cp):
        raise _refuse("检查点签名无效", "the checkpoint's signature is invalid")
    if mine is None:
        return
    if page.epoch != mine.epoch and _restore_accepted(key, page):
        return  # the bureau restored a backup and says so (signed, or an unsigned bureau announcing a new epoch)
    if cp.position < mine.position:
        raise _refuse(f"服务器审计链只有 {cp.position} 条，本机已见 {mine.position} 条（截断或回滚）",
                      f"the server's chain has {cp.position} entries, this desktop saw {mine.position} "
                      "(truncated or rolled back)")
    proof = page.proof
    if proof is None or proof.position != mine.position or proof.hash != mine.hash:
        raise _refuse(f"第 {mine.position} 条的哈希与本机检查点不同（审计链被改写或回滚）",
                      f"the hash at entry {mine.position} differs from this desktop's checkpoint "
                      "(the chain was rewritten or rolled back)")


def _restore_accepted(key: str, page: PullPage) -> bool:
    """A new epoch may start from a shorter chain only when the bureau signed that restore (an unsigned bureau's
    checkpoints are plain claims anyway: there a new epoch is accepted, as before checkpoints existed)."""
    if not key:
        return True
    statement = page.restore
    return (statement is not None and statement.epoch == page.epoch
            and audit.signature_ok(key, statement.signature,
                                   audit.restore_message(statement.position, statement.hash, statement.epoch)))


def remember(session: Session, page: PullPage) -> None:
    cp = page.checkpoint
    if cp is None or cp.position == 0:
        return
    mine = last_checkpoint(session)
    if mine is not None and cp.epoch != mine.epoch and (cp.position < mine.position or page.proof is None
                                                        or page.proof.hash != mine.hash):
        session.execute(AuditCheckpoint.__table__.delete())  # type: ignore[attr-defined]  # accepted restore
        mine = None
    if mine is not None and cp.position <= mine.position:
        return
    session.add(AuditCheckpoint(position=cp.position, hash=cp.hash, epoch=cp.epoch, signature=cp.signature,
                                signed_at=dt.datetime.now(dt.UTC)))
    if mine is not None:  # one kept per pull answer: the newest KEEP suffice (each extends the ones before)
        oldest_kept = select(AuditCheckpoint.position).order_by(AuditCheckpoint.position.desc())  # type: ignore[call-overload, attr-defined]
        cutoff = session.execute(oldest_kept.offset(KEEP - 1).limit(1)).scalar()
        if cutoff is not None:
            session.execute(AuditCheckpoint.__table__.delete().where(AuditCheckpoint.position < cutoff))  # type: ignore[attr-defined]


def known_position(session: Session) -> int | None:
    mine = last_checkpoint(session)
    return mine.position if mine is not None else None
