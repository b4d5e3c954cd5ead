"""Read queries for the lists: paged, sorted by any listed column, filtered, and searched (bigram full text).

Each list returns a `Page` of plain rows (dicts with the joined display names) and the total count, so that a Qt
model can fetch page after page without holding ORM objects.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Select, func, select, text
from sqlalchemy.orm import aliased
from sqlmodel import Session

from cdo_desktop.store import models as m
from cdo_desktop.store.search import match_expression, matching_ids_sql


@dataclass(frozen=True)
class Page:
    rows: list[dict[str, Any]]
    total: int


@dataclass(frozen=True)
class ListSpec:
    """How to list one entity: its base select, sortable columns, filterable columns and search entity."""

    entity: str
    columns: Mapping[str, ColumnElement[Any]]
    base: Select[Any]
    id_column: ColumnElement[Any]
    filters: Mapping[str, ColumnElement[Any]]
    default_sort: str


def _request_spec() -> ListSpec:
    requester = aliased(m.Department)
    provider = aliased(m.Department)
    r = m.SharingRequest
    columns: dict[str, ColumnElement[Any]] = {
        "id": r.id,  # type: ignore[dict-item]
        "number": r.number,  # type: ignore[dict-item]
        "state": r.state,  # type: ignore[dict-item]
        "requester": requester.name,  # type: ignore[dict-item]
        "provider": provider.name,  # type: ignore[dict-item]
        "resource": m.DataResource.name,  # type: ignore[dict-item]
        "purpose": r.purpose,  # type: ignore[dict-item]
        "created_on": r.created_on,  # type: ignore[dict-item]
        "submitted_on": r.submitted_on,  # type: ignore[dict-item]
        "reply_due": r.reply_due,  # type: ignore[dict-item]
        "reply_due_uncertain": r.reply_due_uncertain,  # type: ignore[dict-item]
        "requester_department_id": r.requester_department_id,  # type: ignore[dict-item]
        "provider_department_id": r.provider_department_id,  # type: ignore[dict-item]
        "revision": r.revision,  # type: ignore[dict-item]
    }
    base = (
        select(*[c.label(k) for k, c in columns.items()])
        .select_from(r)
        .join(requester, requester.id == r.requester_department_id)
        .join(provider, provider.id == r.provider_department_id)
        .join(m.DataResource, m.DataResource.id == r.resource_id)  # type: ignore[arg-type]
    )
    filters = {
        "state": r.state,
        "requester_department_id": r.requester_department_id,
        "provider_department_id": r.provider_department_id,
    }
    return ListSpec("request", columns, base, r.id, filters, "created_on")  # type: ignore[arg-type]


def _dispute_spec() -> ListSpec:
    claimant = aliased(m.Department)
    respondent = aliased(m.Department)
    d = m.Dispute
    columns: dict[str, ColumnElement[Any]] = {
        "id": d.id,  # type: ignore[dict-item]
        "number": d.number,  # type: ignore[dict-item]
        "state": d.state,  # type: ignore[dict-item]
        "kind": d.kind,  # type: ignore[dict-item]
        "claimant": claimant.name,  # type: ignore[dict-item]
        "respondent": respondent.name,  # type: ignore[dict-item]
        "filed_on": d.filed_on,  # type: ignore[dict-item]
        "acceptance_due": d.acceptance_due,  # type: ignore[dict-item]
        "ruling_due": d.ruling_due,  # type: ignore[dict-item]
        "claimant_department_id": d.claimant_department_id,  # type: ignore[dict-item]
        "respondent_department_id": d.respondent_department_id,  # type: ignore[dict-item]
    }
    base = (
        select(*[c.label(k) for k, c in columns.items()])
        .select_from(d)
        .join(claimant, claimant.id == d.claimant_department_id)
        .join(respondent, respondent.id == d.respondent_department_id)
    )
    filters = {"state": d.state, "kind": d.kind, "claimant_department_id": d.claimant_department_id,
               "respondent_department_id": d.respondent_department_id}
    return ListSpec("dispute", columns, base, d.id, filters, "filed_on")  # type: ignore[arg-type]


def _resource_spec() -> ListSpec:
    r = m.DataResource
    columns: dict[str, ColumnElement[Any]] = {
        "id": r.id,  # type: ignore[dict-item]
        "code": r.code,  # type: ignore[dict-item]
        "name": r.name,  # type: ignore[dict-item]
        "department": m.Department.name,  # type: ignore[dict-item]
        "share_type": r.share_type,  # type: ignore[dict-item]
        "share_method": r.share_method,  # type: ignore[dict-item]
        "update_cycle": r.update_cycle,  # type: ignore[dict-item]
        "published_on": r.published_on,  # type: ignore[dict-item]
        "department_id": r.department_id,  # type: ignore[dict-item]
        "revision": r.revision,  # type: ignore[dict-item]
    }
    base = select(*[c.label(k) for k, c in columns.items()]).select_from(r).join(
        m.Department, m.Department.id == r.department_id  # type: ignore[arg-type]
    )
    filters = {"department_id": r.department_id, "share_type": r.share_type}
    return ListSpec("resource", columns, base, r.id, filters, "code")  # type: ignore[arg-type]


def _people_spec() -> ListSpec:
    c = m.Commissioner
    columns: dict[str, ColumnElement[Any]] = {
        "id": c.id,  # type: ignore[dict-item]
        "name": c.name,  # type: ignore[dict-item]
        "role": c.role,  # type: ignore[dict-item]
        "department": m.Department.name,  # type: ignore[dict-item]
        "phone": c.phone,  # type: ignore[dict-item]
        "email": c.email,  # type: ignore[dict-item]
        "appointed_on": c.appointed_on,  # type: ignore[dict-item]
        "ended_on": c.ended_on,  # type: ignore[dict-item]
        "department_id": c.department_id,  # type: ignore[dict-item]
    }
    base = select(*[col.label(k) for k, col in columns.items()]).select_from(c).join(
        m.Department, m.Department.id == c.department_id  # type: ignore[arg-type]
    )
    filters = {"department_id": c.department_id, "role": c.role}
    return ListSpec("person", columns, base, c.id, filters, "name")  # type: ignore[arg-type]


SPECS: dict[str, ListSpec] = {
    "request": _request_spec(),
    "dispute": _dispute_spec(),
    "resource": _resource_spec(),
    "person": _people_spec(),
}


def list_page(
    session: Session,
    entity: str | ListSpec,
    *,
    offset: int = 0,
    limit: int = 100,
    sort: str | None = None,
    descending: bool = False,
    search: str = "",
    filters: Mapping[str, Any] | None = None,
    count: bool = True,
) -> Page:
    """One page of ``entity`` ("request", "dispute", "resource", "person", or a `ListSpec` of the caller's)."""
    spec = entity if isinstance(entity, ListSpec) else SPECS[entity]
    sort = sort or spec.default_sort
    if sort not in spec.columns:
        raise ValueError(f"cannot sort {entity} by {sort!r}")
    stmt = spec.base
    conditions: list[ColumnElement[bool]] = []
    for key, value in (filters or {}).items():
        column = spec.filters.get(key)
        if column is None:
            raise ValueError(f"cannot filter {entity} by {key!r}")
        if isinstance(value, (list, tuple, set, frozenset)):
            conditions.append(column.in_(list(value)))
        else:
            conditions.append(column == value)
    params: dict[str, Any] = {}
    expression = match_expression(search) if search else None
    if search and expression is None:
        return Page([], 0)
    if expression is not None:
        conditions.append(spec.id_column.in_(text(matching_ids_sql(spec.entity))))  # type: ignore[arg-type]
        params["q"] = expression
    for condition in conditions:
        stmt = stmt.where(condition)
    order = spec.columns[sort]
    stmt = stmt.order_by(order.desc() if descending else order.asc(), spec.id_column)
    rows = [dict(r._mapping) for r in session.execute(stmt.offset(offset).limit(limit), params)]
    total = -1
    if count:
        total = session.execute(select(func.count()).select_from(stmt.order_by(None).subquery()), params).scalar_one()
    return Page(rows, total)


def count_outbox(session: Session) -> int:
    return session.execute(select(func.count()).select_from(m.OutboxEntry)).scalar_one()


def departments(session: Session, *, active_only: bool = True) -> list[m.Department]:
    stmt = select(m.Department).order_by(m.Department.code)  # type: ignore[arg-type]
    if active_only:
        stmt = stmt.where(m.Department.active == True)  # noqa: E712
    return list(session.execute(stmt).scalars())


def commissioner_history(session: Session, department_id: uuid.UUID) -> Sequence[m.Commissioner]:
    """Every appointment of a department, newest first: who was responsible when."""
    stmt = (
        select(m.Commissioner)
        .where(m.Commissioner.department_id == department_id)
        .order_by(m.Commissioner.appointed_on.desc())  # type: ignore[attr-defined]
    )
    return list(session.execute(stmt).scalars())
