"""Data assets (数据资产登记与评估), the platform register (集约化) and duplicate-data-items flags.

The holder department applies, changes, cancels and values; the bureau approves or refuses with a reason. The
platform register names every system a resource comes from: once the register holds a system, a resource must
name one of them. A new resource or request whose data items a municipal department already provides is flagged
(never refused); the bureau sees the flag in its conformity check.
"""

from __future__ import annotations

import mimetypes
import uuid
from decimal import Decimal
from typing import Any, cast

from sqlalchemy import select as sa_select
from sqlmodel import col, select

from cdo_desktop.domain import asset_payloads as ap
from cdo_desktop.domain import mutations as mu
from cdo_desktop.domain.actor import derived_id
from cdo_desktop.domain.duplicates import Candidate, Match, duplicate_matches
from cdo_desktop.domain.enums import AssetState, DocumentKind, SystemStatus
from cdo_desktop.domain.errors import Conflict, GuardFailed
from cdo_desktop.services.context import Context
from cdo_desktop.services.registry import after, handles
from cdo_desktop.store import models as m

# --- the platform register ------------------------------------------------------------------------------------


@handles("platform.register")
def register_system(ctx: Context) -> None:
    p = cast(ap.SystemCreate, ctx.payload)
    ctx.department(p.operator_department_id, field="operator_department_id")
    ctx.check(state=None, parties=ctx.parties(owner=p.operator_department_id), facts=p.model_dump())
    if ctx.session.exec(select(m.PlatformSystem).where(m.PlatformSystem.code == p.code)).first():
        raise Conflict("code_taken", f"系统编码“{p.code}”已存在", f"System code '{p.code}' is taken", field="code")
    if ctx.session.exec(select(m.PlatformSystem).where(m.PlatformSystem.name == p.name)).first():
        raise Conflict("name_taken", f"系统名称“{p.name}”已登记", f"A system named '{p.name}' is registered",
                       field="name")
    if ctx.exists(m.PlatformSystem, ctx.mutation.entity_id):
        raise Conflict("id_taken", "该系统已登记", "This system is registered already", field="entity_id")
    ctx.touch(m.PlatformSystem(
        id=ctx.mutation.entity_id, code=p.code, name=p.name, operator_department_id=p.operator_department_id,
        kind=p.kind.value, status=p.status.value, description=p.description, registered_on=ctx.today,
    ))


@handles("platform.update")
def update_system(ctx: Context) -> None:
    p = cast(ap.SystemUpdate, ctx.payload)
    row = ctx.get(m.PlatformSystem, ctx.mutation.entity_id)
    ctx.check(state=None, parties=ctx.parties(owner=row.operator_department_id), facts=p.model_dump())
    ctx.check_base_revision(row)
    clash = ctx.session.exec(select(m.PlatformSystem).where(m.PlatformSystem.name == p.name)).first()
    if clash is not None and clash.id != row.id:
        raise Conflict("name_taken", f"系统名称“{p.name}”已登记", f"A system named '{p.name}' is registered",
                       field="name")
    renamed = row.name != p.name
    row.name, row.kind, row.status, row.description = p.name, p.kind.value, p.status.value, p.description
    ctx.touch(row)
    if renamed:  # the resources that name it show the new name
        for res in ctx.session.exec(select(m.DataResource).where(m.DataResource.source_system_id == row.id)):
            res.source_system = p.name
            ctx.touch(res)


def _find_system(ctx: Context, system_id: uuid.UUID | None, text: str) -> m.PlatformSystem | None:
    if system_id is not None:
        return ctx.get(m.PlatformSystem, system_id, field="source_system_id")
    if not text:
        return None
    stmt = select(m.PlatformSystem).where((m.PlatformSystem.name == text) | (m.PlatformSystem.code == text))
    return ctx.session.exec(stmt).first()


@after("resource.create")
@after("resource.update")
def check_new_resource(ctx: Context) -> None:
    """A resource names its source system from the register, and is flagged if it duplicates another's items."""
    ctx.session.flush()  # the handler's row, once; the checks below read without flushing again
    with ctx.session.no_autoflush:
        row = ctx.get(m.DataResource, ctx.mutation.entity_id)
        link_source_system(ctx, row)
        _remember(ctx, row)
        flag_duplicates(ctx, kind="resource", subject_id=row.id, department_id=row.department_id,
                        items=[i["name"] for i in row.items], exclude={row.department_id})


def link_source_system(ctx: Context, row: m.DataResource) -> None:
    """Every resource names its source system from the register (once the register holds any system)."""
    p = cast(mu.ResourceFields, ctx.payload)
    system = _find_system(ctx, p.source_system_id, p.source_system)
    if system is None:
        if ctx.session.exec(select(m.PlatformSystem).limit(1)).first() is None:
            row.source_system_id = None  # no register yet: the free text stands (documented in docs/domain.md)
            return
        shown = p.source_system or "（空）"
        raise GuardFailed(
            "source_system_unregistered",
            f"来源系统“{shown}”不在平台和系统登记簿中：请选择已登记的系统，或先登记该系统",
            f"The source system '{p.source_system}' is not in the platform register: choose a registered system "
            "or register it first",
            field="source_system",
        )
    if system.status == SystemStatus.RETIRED.value and row.source_system_id != system.id:
        raise GuardFailed("source_system_retired", f"系统“{system.name}”已停用，不能作为来源系统",
                          f"The system '{system.name}' is retired", field="source_system")
    row.source_system_id = system.id
    row.source_system = system.name


# --- duplicate data items (集约化) ------------------------------------------------------------------------------


_CANDIDATES_KEY = "cdo_duplicate_candidates"  # dropped with the other cached rules (services.context)


def _city_candidates(ctx: Context) -> dict[uuid.UUID, Candidate]:
    """Every municipal department's resource as a candidate, loaded once per session and kept current below."""
    cached: dict[uuid.UUID, Candidate] | None = ctx.session.info.get(_CANDIDATES_KEY)
    if cached is None:
        # the columns a candidate needs, not the rows as objects: the same values (the query flushes first, as the
        # ORM's would), without building an object per resource and department in every transaction
        stmt = (sa_select(col(m.DataResource.id), col(m.DataResource.name), col(m.DataResource.items),
                          col(m.Department.id), col(m.Department.name))
                .join(m.Department, col(m.Department.id) == m.DataResource.department_id)
                .where(col(m.Department.level) == "city"))
        cached = {res_id: Candidate(res_id, res_name, dept_id, dept_name, tuple(i.get("name", "") for i in items))
                  for res_id, res_name, items, dept_id, dept_name in ctx.session.execute(stmt)}
        ctx.session.info[_CANDIDATES_KEY] = cached
    return cached


def _remember(ctx: Context, row: m.DataResource) -> None:
    """A resource just written: its current items replace what the cache knew (if its department is municipal)."""
    cached = ctx.session.info.get(_CANDIDATES_KEY)
    if cached is None:
        return
    dept = ctx.session.get(m.Department, row.department_id)
    if dept is not None and dept.level == "city":
        cached[row.id] = Candidate(row.id, row.name, dept.id, dept.name, tuple(i.get("name", "") for i in row.items))


def _candidates(ctx: Context, exclude: set[uuid.UUID], skip_resource: uuid.UUID | None) -> list[Candidate]:
    return [c for c in _city_candidates(ctx).values() if c.department_id not in exclude and c.resource_id != skip_resource]


def flag_duplicates(ctx: Context, *, kind: str, subject_id: uuid.UUID, department_id: uuid.UUID, items: list[str],
                    exclude: set[uuid.UUID], other_department_id: uuid.UUID | None = None,
                    skip_resource: uuid.UUID | None = None) -> list[Match]:
    """Write (or refresh) the flags of one resource or request; stale flags of the subject are turned off."""
    matches = duplicate_matches(items, _candidates(ctx, exclude, skip_resource))
    existing = {f.matched_resource_id: f for f in ctx.rows_where(m.DuplicateFlag, "subject_id", subject_id)}
    for match in matches:
        flag = existing.pop(match.candidate.resource_id, None) or m.DuplicateFlag(
            id=derived_id("duplicate", subject_id, match.candidate.resource_id), subject_kind=kind,
            subject_id=subject_id, subject_department_id=department_id,
            matched_resource_id=match.candidate.resource_id, matched_department_id=match.candidate.department_id,
            flagged_on=ctx.today,
        )
        if flag.active and list(flag.items) == list(match.items) and flag.revision:
            continue
        flag.items = list(match.items)
        flag.active = True
        flag.other_department_id = other_department_id
        ctx.touch(flag)
    for stale in existing.values():
        if stale.active:
            stale.active = False
            ctx.touch(stale)
    return matches


@after("request.create")
@after("request.update")
def flag_request(ctx: Context) -> None:
    req = ctx.get(m.SharingRequest, ctx.mutation.entity_id)
    flag_duplicates(ctx, kind="request", subject_id=req.id, department_id=req.requester_department_id,
                    items=list(req.items), exclude={req.provider_department_id},
                    other_department_id=req.provider_department_id, skip_resource=req.resource_id)


def flag_messages(session: Any, subject_id: uuid.UUID) -> list[tuple[str, str]]:
    """The active flags of a resource or request as (zh, en) sentences, for dialogs, pages and the CLI."""
    rows = session.exec(select(m.DuplicateFlag).where(m.DuplicateFlag.subject_id == subject_id,
                                                      m.DuplicateFlag.active == True)).all()  # noqa: E712
    out = []
    for flag in rows:
        res = session.get(m.DataResource, flag.matched_resource_id)
        dept = session.get(m.Department, flag.matched_department_id)
        if res is None or dept is None:
            continue
        match = Match(Candidate(res.id, res.name, dept.id, dept.name, ()), tuple(flag.items))
        out.append((match.message_zh(), match.message_en()))
    return sorted(out)


# --- data assets ----------------------------------------------------------------------------------------------


def _asset(ctx: Context) -> m.DataAsset:
    return ctx.get(m.DataAsset, ctx.mutation.entity_id)


def _move(ctx: Context, asset: m.DataAsset, **facts: Any) -> None:
    ctx.check(state=asset.state, parties=ctx.parties(owner=asset.department_id),
              facts=ctx.payload.model_dump() | facts)
    if ctx.transition.target is not None:
        asset.state = ctx.transition.target
    ctx.touch(asset)


def _fill(asset: m.DataAsset, p: ap.AssetFields) -> None:
    asset.name, asset.scope, asset.volume = p.name, p.scope, p.volume
    asset.record_count = p.record_count
    asset.quality_grade = p.quality_grade.value


@handles("asset.apply")
def apply_for_registration(ctx: Context) -> None:
    p = cast(ap.AssetApply, ctx.payload)
    resource = ctx.get(m.DataResource, p.resource_id, field="resource_id")
    holder = ctx.department(resource.department_id, field="resource_id")
    ctx.check(state=None, parties=ctx.parties(owner=holder.id), facts=p.model_dump() | {"holder_code": holder.code})
    if ctx.exists(m.DataAsset, ctx.mutation.entity_id):
        raise Conflict("id_taken", "该资产已存在", "This asset already exists", field="entity_id")
    if ctx.session.exec(select(m.DataAsset).where(m.DataAsset.code == p.code)).first():
        raise Conflict("code_taken", f"资产编码“{p.code}”已存在", f"Asset code '{p.code}' is taken", field="code")
    live = ctx.session.exec(select(m.DataAsset).where(m.DataAsset.resource_id == resource.id,
                                                      m.DataAsset.state != AssetState.CANCELLED.value)).first()
    if live is not None:
        raise Conflict("resource_has_asset", f"资源“{resource.name}”已登记为资产{live.code}",
                       f"The resource '{resource.name}' is already asset {live.code}", field="resource_id")
    asset = m.DataAsset(id=ctx.mutation.entity_id, code=p.code, resource_id=resource.id, department_id=holder.id,
                        name=p.name, state=AssetState.APPLIED.value, applied_on=ctx.today)
    _fill(asset, p)
    ctx.touch(asset)


@handles("asset.resubmit")
def resubmit(ctx: Context) -> None:
    asset = _asset(ctx)
    _move(ctx, asset)
    _fill(asset, cast(ap.AssetFields, ctx.payload))
    asset.applied_on = ctx.today
    asset.reason = ""


@handles("asset.approve")
def approve(ctx: Context) -> None:
    asset = _asset(ctx)
    _move(ctx, asset)
    asset.registered_on = ctx.today
    asset.reason = ""
    if not asset.number or "待定" in asset.number:
        asset.number = ctx.next_number(DocumentKind.ASSET)


@handles("asset.refuse")
def refuse(ctx: Context) -> None:
    asset = _asset(ctx)
    _move(ctx, asset)
    asset.reason = cast(mu.ReasonPayload, ctx.payload).reason


@handles("asset.request_change")
def request_change(ctx: Context) -> None:
    p = cast(ap.AssetChange, ctx.payload)
    asset = _asset(ctx)
    _move(ctx, asset)
    asset.pending_change = p.model_dump(mode="json", exclude={"reason"})
    asset.reason = p.reason


@handles("asset.approve_change")
def approve_change(ctx: Context) -> None:
    asset = _asset(ctx)
    _move(ctx, asset)
    if asset.pending_change:
        _fill(asset, ap.AssetFields.model_validate(asset.pending_change))
    asset.pending_change = None
    asset.change_count += 1
    asset.changed_on = ctx.today
    asset.reason = ""


@handles("asset.refuse_change")
def refuse_change(ctx: Context) -> None:
    asset = _asset(ctx)
    _move(ctx, asset)
    asset.pending_change = None
    asset.reason = cast(mu.ReasonPayload, ctx.payload).reason


@handles("asset.request_cancel")
def request_cancel(ctx: Context) -> None:
    asset = _asset(ctx)
    _move(ctx, asset)
    asset.reason = cast(mu.ReasonPayload, ctx.payload).reason


@handles("asset.approve_cancel")
def approve_cancel(ctx: Context) -> None:
    asset = _asset(ctx)
    _move(ctx, asset)
    asset.cancelled_on = ctx.today


@handles("asset.refuse_cancel")
def refuse_cancel(ctx: Context) -> None:
    asset = _asset(ctx)
    _move(ctx, asset)
    asset.reason = cast(mu.ReasonPayload, ctx.payload).reason


def to_fen(value_yuan: Decimal) -> int:
    return int((value_yuan * 100).to_integral_value())


@handles("asset.value")
def value(ctx: Context) -> None:
    p = cast(ap.AssetValue, ctx.payload)
    asset = _asset(ctx)
    _move(ctx, asset, today=ctx.today)
    if ctx.exists(m.AssetValuation, p.valuation_id):
        raise Conflict("id_taken", "该评估记录已存在", "This valuation already exists", field="valuation_id")
    ctx.touch(m.AssetValuation(
        id=p.valuation_id, asset_id=asset.id, department_id=asset.department_id, method=p.method.value,
        value_fen=to_fen(p.value_yuan), valued_on=p.valued_on, valuer=p.valuer,
        report_filename=p.report_filename, report_sha256=p.report_sha256, report_size=p.report_size,
        note=p.note, recorded_on=ctx.today,
    ))
    if p.report_sha256 and ctx.session.get(m.Blob, p.report_sha256) is None:
        media = mimetypes.guess_type(p.report_filename)[0] or "application/octet-stream"
        ctx.session.add(m.Blob(sha256=p.report_sha256, size=p.report_size, media_type=media, created_at=ctx.now))


