"""Misuse of shared data (使用权 duties): the owner or the bureau reports a using department, the bureau
investigates and finds; a confirmed finding is a ground for accountability, and the grant may be suspended or
revoked (``request.suspend`` / ``request.revoke``)."""

from __future__ import annotations

from typing import Any, cast

from cdo_desktop.domain import mutations as mu
from cdo_desktop.domain.enums import DocumentKind, MisuseState, RequestState
from cdo_desktop.domain.errors import Conflict
from cdo_desktop.domain.policy import DeadlineKind
from cdo_desktop.services.context import Context
from cdo_desktop.services.registry import handles
from cdo_desktop.store import models as m


@handles("misuse.report")
def report(ctx: Context) -> None:
    p = cast(mu.MisuseReportFile, ctx.payload)
    req = ctx.get(m.SharingRequest, p.request_id, field="request_id")
    if ctx.exists(m.MisuseReport, ctx.mutation.entity_id):
        raise Conflict("id_taken", "该违规使用报告已存在", "This misuse report already exists", field="entity_id")
    facts: dict[str, Any] = {**p.model_dump(), "request_state": RequestState(req.state),
                             "period_end": req.period_end, "today": ctx.today}
    ctx.check(state=None, parties=ctx.parties(provider=req.provider_department_id), facts=facts)
    due = ctx.due(DeadlineKind.MISUSE_INVESTIGATION, ctx.today)
    ctx.touch(
        m.MisuseReport(
            id=ctx.mutation.entity_id,
            number=ctx.next_number(DocumentKind.MISUSE),
            request_id=req.id,
            reporter_department_id=ctx.actor.department_id,
            user_department_id=req.requester_department_id,
            provider_department_id=req.provider_department_id,
            kind=p.kind.value,
            description=p.description,
            state=MisuseState.REPORTED.value,
            reported_on=ctx.today,
            investigation_due=due.due,
        )
    )


def _move(ctx: Context) -> m.MisuseReport:
    row = ctx.get(m.MisuseReport, ctx.mutation.entity_id)
    ctx.check(state=row.state, parties=ctx.parties(provider=row.provider_department_id), facts=ctx.payload.model_dump())
    if ctx.transition.target is not None:
        row.state = ctx.transition.target
    ctx.touch(row)
    return row


@handles("misuse.investigate")
def investigate(ctx: Context) -> None:
    _move(ctx)


@handles("misuse.confirm")
def confirm(ctx: Context) -> None:
    row = _move(ctx)
    row.finding = cast(mu.MisuseFinding, ctx.payload).finding
    row.found_on = ctx.today


@handles("misuse.dismiss")
def dismiss(ctx: Context) -> None:
    row = _move(ctx)
    row.finding = cast(mu.MisuseFinding, ctx.payload).finding
    row.found_on = ctx.today
