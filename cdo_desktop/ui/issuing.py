"""Issuing is deliberate: the document an action would issue is drafted and shown before anything is changed.

`draft_document` applies the mutation inside a write transaction that is always rolled back, renders the ruling,
accountability notice or reply it would produce from that transaction, and returns the PDF. The user reads it in
the preview and presses 签发 (issue) or 取消 (cancel); only 签发 applies the mutation for real.
"""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import select

from cdo_desktop.store import models as m

# the action → the document it issues
DOCUMENT_OF_ACTION = {
    "dispute.rule": "ruling",
    "accountability.create": "notice",
    "request.approve": "reply",
    "request.approve_partly": "reply",
    "request.refuse": "reply",
}


class _Discard(Exception):
    def __init__(self, data: bytes) -> None:
        super().__init__("draft rendered")
        self.data = data


def _number(session: Any, document: str, entity_id: uuid.UUID, payload: dict[str, Any]) -> str:
    if document == "ruling":
        ruling_id = payload.get("ruling_id")
        row = session.get(m.Ruling, uuid.UUID(str(ruling_id))) if ruling_id else session.execute(
            select(m.Ruling).where(m.Ruling.dispute_id == entity_id)).scalars().first()
    elif document == "notice":
        row = session.get(m.AccountabilityRecord, entity_id)
    else:
        row = session.get(m.SharingRequest, entity_id)
    return str(row.number) if row is not None else ""


def draft_document(state: Any, kind: str, entity_id: uuid.UUID, payload: dict[str, Any], *,
                   base_revision: int = 0) -> bytes:
    """The PDF that applying ``kind`` would issue; nothing is kept (raises the `DomainError` a refusal gives)."""
    from cdo_desktop.domain.errors import NotAllowed
    from cdo_desktop.domain.mutations import Mutation
    from cdo_desktop.reports import documents
    from cdo_desktop.services import apply, resolve_actor

    if state.actor is None:
        raise NotAllowed("not_signed_in", "尚未登录", "Nobody is signed in")
    document = DOCUMENT_OF_ACTION[kind]
    mutation = Mutation(kind=kind, actor_id=state.actor.id, entity_id=entity_id, payload=payload,
                        base_revision=base_revision)
    try:
        with state.db.write() as session:
            actor = resolve_actor(session, state.actor.id, on=state.today)
            apply(session, mutation, actor, provisional=state.connected())
            session.flush()
            view = documents.load_view(session, document, _number(session, document, entity_id, payload),
                                      draft=True)  # signed in to a bureau: the number is provisional
            raise _Discard(documents.render(view))  # rolls the transaction back
    except _Discard as drafted:
        return drafted.data
    raise AssertionError("unreachable")  # pragma: no cover


def confirm_issue(state: Any, kind: str, entity_id: uuid.UUID, payload: dict[str, Any], parent: Any, *,
                  base_revision: int = 0) -> bool:
    """Draft the document, show it with 签发 / 取消; True when the user chose to issue it.

    A refusal by the rules is raised (`DomainError`) before anything is shown, so the form can name the field."""
    from cdo_desktop.ui.dialogs.busy import run_with_progress
    from cdo_desktop.ui.dialogs.pdf_preview import PdfPreview
    from cdo_desktop.ui.qt import QCoreApplication, QDialog

    text = QCoreApplication.translate("Issuing", "Preparing the draft for you to read before it is issued…")
    data = run_with_progress(parent, text, lambda p: draft_document(state, kind, entity_id, payload,
                                                                   base_revision=base_revision), report=False)
    if data is None:
        return False
    title = QCoreApplication.translate("Issuing", "Draft — read before issuing")
    preview = PdfPreview(data, f"{title}.pdf", parent, confirm=True)
    preview.setWindowTitle(title)
    preview.setObjectName("confirmIssue")
    return bool(preview.exec() == QDialog.DialogCode.Accepted)
