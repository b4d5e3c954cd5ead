"""Directory and rules kept by the bureau's administrators: departments, appointments, policy, holiday calendar."""

from __future__ import annotations

from typing import cast

from sqlmodel import select

from cdo_desktop.domain import mutations as mu
from cdo_desktop.domain.actor import derived_id
from cdo_desktop.domain.errors import Conflict, GuardFailed
from cdo_desktop.domain.policy import DeadlineKind
from cdo_desktop.services.context import Context, forget_cached_rules
from cdo_desktop.services.registry import handles
from cdo_desktop.store import models as m


def _bureau_only(ctx: Context) -> None:
    ctx.check(state=None, parties=ctx.parties(), facts={})


@handles("department.create")
def create_department(ctx: Context) -> None:
    p = cast(mu.DepartmentCreate, ctx.payload)
    _bureau_only(ctx)
    if ctx.session.exec(select(m.Department).where(m.Department.code == p.code)).first():
        raise Conflict("code_taken", f"部门编码“{p.code}”已存在", f"Department code '{p.code}' is taken", field="code")
    if ctx.exists(m.Department, ctx.mutation.entity_id):
        raise Conflict("id_taken", "该部门已存在", "This department already exists", field="entity_id")
    if p.parent_id is not None:
        ctx.get(m.Department, p.parent_id, field="parent_id")
    ctx.touch(
        m.Department(
            id=ctx.mutation.entity_id,
            code=p.code,
            name=p.name,
            short_name=p.short_name,
            level=p.level.value,
            parent_id=p.parent_id,
            is_bureau=p.is_bureau,
            reply_prefix=p.reply_prefix,
        )
    )
    ctx.session.flush()
    forget_cached_rules(ctx.session)


@handles("department.update")
def update_department(ctx: Context) -> None:
    p = cast(mu.DepartmentUpdate, ctx.payload)
    dept = ctx.get(m.Department, ctx.mutation.entity_id)
    _bureau_only(ctx)
    ctx.check_base_revision(dept)
    if p.parent_id is not None:
        if p.parent_id == dept.id:
            raise GuardFailed("parent_self", "上级部门不能是本部门", "A department cannot be its own parent", field="parent_id")
        ctx.get(m.Department, p.parent_id, field="parent_id")
    for name in ("name", "short_name", "parent_id", "active", "reply_prefix"):
        value = getattr(p, name)
        if value is not None:
            setattr(dept, name, value)
    if p.level is not None:
        dept.level = p.level.value
    ctx.touch(dept)
    forget_cached_rules(ctx.session)


@handles("commissioner.appoint")
def appoint(ctx: Context) -> None:
    p = cast(mu.CommissionerAppoint, ctx.payload)
    _bureau_only(ctx)
    ctx.department(p.department_id, field="department_id")
    if ctx.exists(m.Commissioner, ctx.mutation.entity_id):
        raise Conflict("id_taken", "该任职记录已存在", "This appointment already exists", field="entity_id")
    ctx.touch(
        m.Commissioner(
            id=ctx.mutation.entity_id,
            name=p.name,
            department_id=p.department_id,
            role=p.role.value,
            phone=p.phone,
            email=p.email,
            appointed_on=p.appointed_on,
        )
    )


@handles("commissioner.end")
def end_appointment(ctx: Context) -> None:
    p = cast(mu.CommissionerEnd, ctx.payload)
    person = ctx.get(m.Commissioner, ctx.mutation.entity_id)
    _bureau_only(ctx)
    if person.ended_on is not None:
        raise GuardFailed("already_ended", "该任职已结束", "This appointment has already ended")
    if p.ended_on < person.appointed_on:
        raise GuardFailed(
            "end_before_start", "免职日期不能早于任职日期", "The end date is before the appointment", field="ended_on"
        )
    person.ended_on = p.ended_on
    ctx.touch(person)


def policy_entity_id(kind: str) -> object:
    return derived_id("policy", kind)


@handles("policy.set")
def set_policy(ctx: Context) -> None:
    p = cast(mu.PolicySet, ctx.payload)
    _bureau_only(ctx)
    if p.kind not in {k.value for k in DeadlineKind}:
        raise GuardFailed("unknown_deadline", f"未知的时限类型：{p.kind}", f"Unknown deadline kind: {p.kind}", field="kind")
    row = ctx.session.exec(select(m.PolicyDeadline).where(m.PolicyDeadline.kind == p.kind)).first()
    if row is None:
        row = m.PolicyDeadline(id=derived_id("policy", p.kind), kind=p.kind, days=p.days, clause=p.clause)
    row.days = p.days
    row.clause = p.clause
    row.product_default = False
    ctx.touch(row)
    forget_cached_rules(ctx.session)


@handles("calendar.publish")
def publish_calendar(ctx: Context) -> None:
    """Replace the bureau's table for one year with the published arrangement."""
    p = cast(mu.CalendarPublish, ctx.payload)
    _bureau_only(ctx)
    dates = [d.date for d in p.days]
    if len(set(dates)) != len(dates):
        raise GuardFailed("duplicate_day", "同一日期出现多次", "A date appears more than once", field="days")
    existing = {r.date: r for r in ctx.session.exec(select(m.HolidayDay).where(m.HolidayDay.year == p.year))}
    for day in p.days:
        row = existing.pop(day.date, None) or m.HolidayDay(
            id=derived_id("holiday", day.date), date=day.date, year=p.year, workday=day.workday
        )
        row.workday = day.workday
        row.name = day.name
        ctx.touch(row)
    for stale in existing.values():
        # a day dropped from the arrangement becomes an ordinary day again; kept as a row so the change syncs
        stale.workday = stale.date.weekday() < 5
        stale.name = ""
        ctx.touch(stale)
    year = ctx.session.exec(select(m.HolidayYear).where(m.HolidayYear.year == p.year)).first()
    if year is None:
        year = m.HolidayYear(id=derived_id("holiday_year", p.year), year=p.year)
    year.complete = p.complete
    ctx.touch(year)
    forget_cached_rules(ctx.session)


@handles("department.change_duties")
def change_duties(ctx: Context) -> None:
    """A change of duties opens the catalogue-update deadline for the department (counted from the change)."""
    p = cast(mu.DutiesChange, ctx.payload)
    _bureau_only(ctx)
    dept = ctx.get(m.Department, ctx.mutation.entity_id)
    ctx.check(state=None, parties=ctx.parties(), facts=p.model_dump())
    due = ctx.due(DeadlineKind.CATALOGUE_UPDATE, p.changed_on)
    dept.duties_changed_on = p.changed_on
    dept.duties_note = p.note
    dept.catalogue_update_due, dept.catalogue_update_uncertain = due.due, due.uncertain
    dept.catalogue_updated_on = None
    ctx.touch(dept)
