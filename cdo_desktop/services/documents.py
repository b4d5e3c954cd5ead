"""Filing an issued document: the bureau records the SHA-256 of the PDF it printed, once; it never changes after."""

from __future__ import annotations

from typing import cast

from cdo_desktop.domain import mutations as mu
from cdo_desktop.domain.errors import GuardFailed
from cdo_desktop.services.context import Context
from cdo_desktop.services.registry import handles
from cdo_desktop.store import models as m


def _file(ctx: Context, row: m.Ruling | m.AccountabilityRecord) -> None:
    p = cast(mu.DocumentFile, ctx.payload)
    if row.pdf_sha256 and row.pdf_sha256 != p.sha256:
        raise GuardFailed(
            "already_filed",
            f"文书{row.number}已登记签发文件，不能替换",
            f"Document {row.number} was filed already; an issued file cannot be replaced",
            field="sha256",
        )
    row.pdf_sha256 = p.sha256
    ctx.touch(row)


@handles("document.file_ruling")
def file_ruling(ctx: Context) -> None:
    ctx.check(state=None, parties=ctx.parties(), facts={})  # rights first: say nothing of records one may not file
    _file(ctx, ctx.get(m.Ruling, ctx.mutation.entity_id))


@handles("document.file_notice")
def file_notice(ctx: Context) -> None:
    ctx.check(state=None, parties=ctx.parties(), facts={})
    _file(ctx, ctx.get(m.AccountabilityRecord, ctx.mutation.entity_id))


def file_issued(db: object, *, kind: str, record_id: object, sha256: str, actor_id: object) -> None:
    """Record ``sha256`` as the issued file of a ruling (``kind="ruling"``) or notice, in its own transaction."""
    import uuid

    from cdo_desktop.domain.mutations import Mutation
    from cdo_desktop.services.apply import apply_mutation
    from cdo_desktop.store.db import Database

    assert isinstance(db, Database)
    action = "document.file_ruling" if kind == "ruling" else "document.file_notice"
    apply_mutation(
        db,
        Mutation(kind=action, actor_id=uuid.UUID(str(actor_id)), entity_id=uuid.UUID(str(record_id)),
                 payload={"sha256": sha256}),
    )
