"""Sharing requests: draft → submitted → conformity check → reply → grant → expiry or revocation."""

from __future__ import annotations

from typing import Any, cast

from cdo_desktop.domain import mutations as mu
from cdo_desktop.domain.enums import DocumentKind, RequestState, ShareType
from cdo_desktop.domain.errors import Conflict
from cdo_desktop.domain.policy import DeadlineKind
from cdo_desktop.services.context import Context
from cdo_desktop.services.registry import handles
from cdo_desktop.store import models as m


def _facts(ctx: Context, req: m.SharingRequest, resource: m.DataResource, **extra: Any) -> dict[str, Any]:
    facts: dict[str, Any] = {
        "items": list(req.items),
        "legal_basis": req.legal_basis,
        "requester_department_id": req.requester_department_id,
        "provider_department_id": req.provider_department_id,
        "resource_share_type": ShareType(resource.share_type),
        "resource_items": [i["name"] for i in resource.items],
    }
    facts.update(ctx.payload.model_dump())
    facts.update(extra)
    return facts


def _parties(ctx: Context, req: m.SharingRequest) -> set[Any]:
    return ctx.parties(requester=req.requester_department_id, provider=req.provider_department_id)


def _fill(req: m.SharingRequest, p: mu.RequestCreate, resource: m.DataResource) -> None:
    req.requester_department_id = p.requester_department_id
    req.provider_department_id = resource.department_id
    req.resource_id = resource.id
    req.items = list(p.items)
    req.purpose = p.purpose
    req.legal_basis = p.legal_basis
    req.usage_method = p.usage_method.value
    req.period_start = p.period_start
    req.period_end = p.period_end


@handles("request.create")
def create(ctx: Context) -> None:
    p = cast(mu.RequestCreate, ctx.payload)
    resource = ctx.get(m.DataResource, p.resource_id, field="resource_id")
    ctx.department(p.requester_department_id, field="requester_department_id")
    if ctx.exists(m.SharingRequest, ctx.mutation.entity_id):
        raise Conflict("id_taken", "该申请已存在", "This request already exists", field="entity_id")
    req = m.SharingRequest(
        id=ctx.mutation.entity_id,
        number="",
        requester_department_id=p.requester_department_id,
        provider_department_id=resource.department_id,
        resource_id=resource.id,
        period_start=p.period_start,
        period_end=p.period_end,
        created_on=ctx.today,
        state=RequestState.DRAFT.value,
    )
    _fill(req, p, resource)
    ctx.check(state=None, parties=_parties(ctx, req), facts=_facts(ctx, req, resource))
    req.number = ctx.next_number(DocumentKind.REQUEST)
    ctx.touch(req)


def _load(ctx: Context) -> tuple[m.SharingRequest, m.DataResource]:
    req = ctx.get(m.SharingRequest, ctx.mutation.entity_id)
    resource = ctx.get(m.DataResource, req.resource_id, field="resource_id")
    return req, resource


def _move(ctx: Context, req: m.SharingRequest, resource: m.DataResource, **facts: Any) -> None:
    ctx.check(state=req.state, parties=_parties(ctx, req), facts=_facts(ctx, req, resource, **facts))
    target = ctx.transition.target
    if target is not None:
        req.state = target
    ctx.touch(req)


@handles("request.update")
def update(ctx: Context) -> None:
    p = cast(mu.RequestCreate, ctx.payload)
    req = ctx.get(m.SharingRequest, ctx.mutation.entity_id)
    resource = ctx.get(m.DataResource, p.resource_id, field="resource_id")
    ctx.check_base_revision(req)
    # rights are checked against the request as it is, then the new content is checked again
    ctx.check(state=req.state, parties=_parties(ctx, req), facts=_facts(ctx, req, resource))
    _fill(req, p, resource)
    ctx.check(state=req.state, parties=_parties(ctx, req), facts=_facts(ctx, req, resource))
    ctx.touch(req)


@handles("request.submit")
def submit(ctx: Context) -> None:
    req, resource = _load(ctx)
    _move(ctx, req, resource)
    req.submitted_on = ctx.today
    req.reason = ""


@handles("request.check")
def check(ctx: Context) -> None:
    """有条件共享: the bureau's check passes and the owner must answer within its deadline."""
    req, resource = _load(ctx)
    _move(ctx, req, resource)
    req.checked_on = ctx.today
    due = ctx.due(DeadlineKind.PROVIDER_REPLY, ctx.today)
    req.reply_due = due.due
    req.reply_due_uncertain = due.uncertain


@handles("request.check_grant")
def check_grant(ctx: Context) -> None:
    """无条件共享: the bureau's check passes and grants at once; the owner is notified and cannot refuse."""
    req, resource = _load(ctx)
    _move(ctx, req, resource)
    req.checked_on = ctx.today
    req.granted_items = list(req.items)
    req.granted_on = ctx.today
    req.owner_notified_on = ctx.today
    req.answered_on = ctx.today


@handles("request.check_refuse")
def check_refuse(ctx: Context) -> None:
    """不予共享: refused at the check, citing the catalogue's legal basis; the requester may dispute it."""
    p = cast(mu.ReasonPayload, ctx.payload)
    req, resource = _load(ctx)
    _move(ctx, req, resource)
    req.checked_on = ctx.today
    req.answered_on = ctx.today
    req.granted_items = []
    req.refusal_basis = resource.legal_basis
    req.reason = p.reason or f"该资源在目录中列为不予共享（依据：{resource.legal_basis}）"


@handles("request.return")
def return_to_draft(ctx: Context) -> None:
    p = cast(mu.ReasonPayload, ctx.payload)
    req, resource = _load(ctx)
    _move(ctx, req, resource)
    req.reason = p.reason


def _number_reply(ctx: Context, req: m.SharingRequest) -> None:
    """A reply carries the provider's own number (its prefix kept in the directory), given once."""
    if not req.reply_number:
        provider = ctx.get(m.Department, req.provider_department_id, field="provider_department_id")
        req.reply_number = ctx.next_reply_number(provider)


@handles("request.approve")
def approve(ctx: Context) -> None:
    p = cast(mu.ReasonPayload, ctx.payload)
    req, resource = _load(ctx)
    _move(ctx, req, resource)
    req.granted_items = list(req.items)
    req.reason = p.reason
    req.answered_on = ctx.today
    _number_reply(ctx, req)


@handles("request.approve_partly")
def approve_partly(ctx: Context) -> None:
    p = cast(mu.RequestApprovePartly, ctx.payload)
    req, resource = _load(ctx)
    _move(ctx, req, resource)
    req.granted_items = list(p.granted_items)
    req.reason = p.reason
    req.answered_on = ctx.today
    _number_reply(ctx, req)


@handles("request.refuse")
def refuse(ctx: Context) -> None:
    p = cast(mu.RequestRefuse, ctx.payload)
    req, resource = _load(ctx)
    _move(ctx, req, resource)
    req.granted_items = []
    req.reason = p.reason
    req.refusal_basis = p.legal_basis
    req.answered_on = ctx.today
    _number_reply(ctx, req)


@handles("request.grant")
def grant(ctx: Context) -> None:
    req, resource = _load(ctx)
    _move(ctx, req, resource)
    req.granted_on = ctx.today


@handles("request.suspend")
def suspend(ctx: Context) -> None:
    p = cast(mu.ReasonPayload, ctx.payload)
    req, resource = _load(ctx)
    _move(ctx, req, resource)
    req.reason = p.reason


@handles("request.resume")
def resume(ctx: Context) -> None:
    p = cast(mu.ReasonPayload, ctx.payload)
    req, resource = _load(ctx)
    _move(ctx, req, resource)
    req.reason = p.reason


@handles("request.expire")
def expire(ctx: Context) -> None:
    req, resource = _load(ctx)
    _move(ctx, req, resource, period_end=req.period_end, today=ctx.today)


@handles("request.revoke")
def revoke(ctx: Context) -> None:
    p = cast(mu.ReasonPayload, ctx.payload)
    req, resource = _load(ctx)
    _move(ctx, req, resource)
    req.reason = p.reason
