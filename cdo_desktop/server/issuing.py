"""Issue documents at the moment the bureau accepts the change that creates them: store the issued view and, when
the bureau has signing keys, render the sealed copy, sign it (PAdES) and keep the signed file in the blob store.

Rulings, accountability notices, sharing replies and asset registration certificates are issued; replies are
signed by the bureau on the providing department's behalf (departments hold no keys of their own; docs/trust.md).
A certificate is issued when the bureau registers the asset and again, as a new edition under the same number,
each time it approves a change (变更); a cancellation (注销) issues nothing, the last edition then verifies as
changed since issue. Runs inside the push transaction, so an issued document exists exactly when the change that
created it was accepted.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import os
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlmodel import Session, select

from cdo_desktop.domain.canonical import canonical_json
from cdo_desktop.domain.enums import AssetState
from cdo_desktop.domain.errors import DomainError
from cdo_desktop.reports import documents
from cdo_desktop.reports.signing import DocumentSigner
from cdo_desktop.reports.views import DocumentView, view_to_dict
from cdo_desktop.server import keys
from cdo_desktop.store import models as m

log = logging.getLogger("cdo.issuing")
_REPLIED = {"approved", "partly_approved", "refused", "granted"}


@dataclass
class Issuer:
    """What the bureau issues with: its signer (None: documents are issued unsigned) and its blob folder."""

    signer: DocumentSigner | None
    blob_dir: Path
    root_pem: bytes | None = None

    @classmethod
    def from_keys(cls, bureau_keys: keys.BureauKeys | None, blob_dir: Path) -> Issuer:
        if bureau_keys is None:
            return cls(signer=None, blob_dir=blob_dir)
        signer = DocumentSigner(cert_pem=bureau_keys.signing_cert_pem, key=bureau_keys.signing_key,
                                chain_pem=bureau_keys.chain_pem, root_pem=bureau_keys.root_pem)
        return cls(signer=signer, blob_dir=blob_dir, root_pem=bureau_keys.root_pem)


def issued_id(kind: str, record_id: uuid.UUID, edition: int = 0) -> uuid.UUID:
    """The issued copy's id: one per record, and for a certificate one per edition (0 at registration, n after
    the n-th approved change)."""
    suffix = f":{edition}" if edition else ""
    return uuid.uuid5(uuid.NAMESPACE_URL, f"cdo:issued:{kind}:{record_id}{suffix}")


@dataclass(frozen=True)
class Candidate:
    kind: str
    record_id: uuid.UUID
    number: str
    edition: int = 0  # certificates: the asset's change count (a new edition after each approved change)

    @property
    def id(self) -> uuid.UUID:
        return issued_id(self.kind, self.record_id, self.edition)


def _candidates(touched: tuple[Any, ...] | list[Any]) -> list[Candidate]:
    out: list[Candidate] = []
    for row in touched:
        if isinstance(row, m.Ruling):
            out.append(Candidate("ruling", row.id, row.number))
        elif isinstance(row, m.AccountabilityRecord):
            out.append(Candidate("notice", row.id, row.number))
        elif isinstance(row, m.SharingRequest) and row.answered_on is not None and row.state in _REPLIED:
            out.append(Candidate("reply", row.id, row.number))
        elif (isinstance(row, m.DataAsset) and row.state == AssetState.REGISTERED.value
              and row.registered_on is not None and row.number and "待定" not in row.number):
            out.append(Candidate("certificate", row.id, row.number, row.change_count))
    return out


def store_blob(blob_dir: Path, session: Session, data: bytes) -> str:
    sha = hashlib.sha256(data).hexdigest()
    path = Path(blob_dir) / sha[:2] / sha
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".part")
        tmp.write_bytes(data)
        os.replace(tmp, path)
    row = session.get(m.Blob, sha) or m.Blob(sha256=sha, created_at=dt.datetime.now(dt.UTC))
    row.size, row.media_type, row.present, row.uploaded = len(data), "application/pdf", True, True
    session.add(row)
    return sha


def issue(session: Session, issuer: Issuer, *, view: DocumentView, record_id: uuid.UUID,
          edition: int = 0) -> m.IssuedDocument:
    """Store the issued copy of ``view`` (and its signed file when the bureau signs)."""
    text = canonical_json(view_to_dict(view))
    pdf_sha: str | None = None
    signer = ""
    if issuer.signer is not None:
        pdf_sha = store_blob(issuer.blob_dir, session, documents.render_signed(view, issuer.signer))
        signer = issuer.signer.subject
    row = m.IssuedDocument(
        id=issued_id(view.kind, record_id, edition), kind=view.kind, record_id=record_id, number=view.number, view=text,
        fingerprint=view.fingerprint, pdf_sha256=pdf_sha, signer=signer[:400], issued_at=dt.datetime.now(dt.UTC),
        revision=1,
    )
    session.add(row)
    return row


def issue_touched(session: Session, issuer: Issuer | None, touched: tuple[Any, ...] | list[Any]) -> list[Any]:
    """Issue every document that the accepted change created (once each); returns the new rows to sequence."""
    if issuer is None:
        return []
    made: list[Any] = []
    for c in _candidates(touched):
        if session.get(m.IssuedDocument, c.id) is not None:
            continue
        if c.kind != "certificate" and session.exec(
                select(m.IssuedDocument.id).where(m.IssuedDocument.record_id == c.record_id)).first():
            continue
        session.flush()
        try:
            view = documents.load_view(session, c.kind, c.number)
        except DomainError as exc:  # not printable (yet): nothing to issue
            log.info("not issuing %s %s: %s", c.kind, c.number, exc)
            continue
        made.append(issue(session, issuer, view=view, record_id=c.record_id, edition=c.edition))
    return made
