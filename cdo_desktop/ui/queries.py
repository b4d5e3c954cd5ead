"""Read queries the lists and pages need beyond store.queries: objections, rulings, records, cases, tasks, stats."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from typing import Any

from sqlalchemy import ColumnElement, Select, case, func, or_, select, text
from sqlalchemy.orm import aliased
from sqlmodel import Session

from cdo_desktop.store import models as m
from cdo_desktop.store import queries as store_queries
from cdo_desktop.store.queries import ListSpec, Page, list_page
from cdo_desktop.store.search import INDEXED, match_expression, matching_ids_sql


def _spec(entity: str, columns: dict[str, Any], base: Select[Any], id_column: Any, filters: dict[str, Any],
          default_sort: str) -> ListSpec:
    return ListSpec(entity, columns, base, id_column, filters, default_sort)


def _is_text(column: Any) -> bool:
    """A text column (sqlmodel's AutoString is a TypeDecorator over String)."""
    from sqlalchemy import String
    from sqlalchemy.types import TypeDecorator

    kind = getattr(column, "type", None)
    if isinstance(kind, TypeDecorator):
        kind = kind.impl_instance
    return isinstance(kind, String)


def page_of(session: Session, spec: ListSpec, *, offset: int = 0, limit: int = 100, sort: str | None = None,
            descending: bool = False, search: str = "", filters: Mapping[str, Any] | None = None,
            count: bool = True) -> Page:
    """Like `store.queries.list_page` for a spec defined here."""
    sort = sort if sort in spec.columns else spec.default_sort
    stmt = spec.base
    params: dict[str, Any] = {}
    for key, value in (filters or {}).items():
        column = spec.filters[key]
        stmt = stmt.where(column.in_(list(value)) if isinstance(value, (list, tuple, set)) else column == value)
    if search and spec.entity not in INDEXED:
        # rulings, orders, accountability records…: not in the full-text index (their numbers and texts are few and
        # short) — every word of the search must appear in one of the list's text columns
        words = [w for w in search.split() if w]
        texts = [c for c in spec.columns.values() if _is_text(c)]
        if not texts:
            return Page([], 0)
        for word in words:
            stmt = stmt.where(or_(*[c.contains(word, autoescape=True) for c in texts]))
    elif search:
        expression = match_expression(search)
        if expression is None:
            return Page([], 0)
        stmt = stmt.where(spec.id_column.in_(text(matching_ids_sql(spec.entity))))
        params["q"] = expression
    order = spec.columns[sort]
    stmt = stmt.order_by(order.desc() if descending else order.asc(), spec.id_column)
    rows = [dict(r._mapping) for r in session.execute(stmt.offset(offset).limit(limit), params)]
    total = -1
    if count:
        total = session.execute(select(func.count()).select_from(stmt.order_by(None).subquery()), params).scalar_one()
    return Page(rows, total)


def _labelled(columns: dict[str, Any]) -> list[ColumnElement[Any]]:
    return [c.label(k) for k, c in columns.items()]


def _objection_spec() -> ListSpec:
    o = m.QualityObjection
    raiser, owner = aliased(m.Department), aliased(m.Department)
    columns = {"id": o.id, "number": o.number, "state": o.state, "resource": m.DataResource.name,
               "raiser": raiser.name, "owner": owner.name, "description": o.description, "raised_on": o.raised_on,
               "due": o.due, "raiser_department_id": o.raiser_department_id,
               "owner_department_id": o.owner_department_id, "items": o.items, "response": o.response,
               "revision": o.revision}
    base = (select(*_labelled(columns)).select_from(o)
            .join(raiser, raiser.id == o.raiser_department_id).join(owner, owner.id == o.owner_department_id)
            .join(m.DataResource, m.DataResource.id == o.resource_id))
    filters = {"state": o.state, "raiser_department_id": o.raiser_department_id,
               "owner_department_id": o.owner_department_id}
    return _spec("objection", columns, base, o.id, filters, "raised_on")


def _record_spec() -> ListSpec:
    a = m.AccountabilityRecord
    columns = {"id": a.id, "number": a.number, "state": a.state, "department": m.Department.name,
               "measure": a.measure, "violation": a.violation, "created_on": a.created_on,
               "rectification_due": a.rectification_due, "defence_due": a.defence_due,
               "department_id": a.department_id,
               "ruling_id": a.ruling_id, "report": a.report, "fingerprint": a.fingerprint, "revision": a.revision}
    base = select(*_labelled(columns)).select_from(a).join(m.Department, m.Department.id == a.department_id)
    return _spec("accountability", columns, base, a.id, {"department_id": a.department_id, "state": a.state},
                 "created_on")


def _ruling_spec() -> ListSpec:
    r, d = m.Ruling, m.Dispute
    claimant, respondent = aliased(m.Department), aliased(m.Department)
    columns = {"id": r.id, "number": r.number, "decision": r.decision, "issued_on": r.issued_on,
               "dispute": d.number, "dispute_id": d.id, "claimant": claimant.name, "respondent": respondent.name,
               "claimant_department_id": d.claimant_department_id,
               "respondent_department_id": d.respondent_department_id, "fingerprint": r.fingerprint}
    base = (select(*_labelled(columns)).select_from(r).join(d, d.id == r.dispute_id)
            .join(claimant, claimant.id == d.claimant_department_id)
            .join(respondent, respondent.id == d.respondent_department_id))
    return _spec("ruling", columns, base, r.id, {}, "issued_on")


def _order_spec() -> ListSpec:
    o, r = m.RulingOrder, m.Ruling
    columns = {"id": o.id, "ruling": r.number, "position": o.position, "addressee": m.Department.name,
               "action": o.action, "due_on": o.due_on, "state": o.state, "report": o.report,
               "addressee_department_id": o.addressee_department_id, "revision": o.revision}
    base = (select(*_labelled(columns)).select_from(o).join(r, r.id == o.ruling_id)
            .join(m.Department, m.Department.id == o.addressee_department_id))
    return _spec("order", columns, base, o.id, {"state": o.state}, "due_on")


def _open_resource_spec() -> ListSpec:
    """The open catalogue (开放目录): resources open to the public, unconditionally or on conditions."""
    r = m.DataResource
    columns = {"id": r.id, "code": r.code, "name": r.name, "department": m.Department.name,
               "department_id": r.department_id, "open_type": r.open_type, "open_channel": r.open_channel,
               "open_published_on": r.open_published_on, "open_reason": r.open_reason,
               "update_cycle": r.update_cycle, "data_updated_on": r.data_updated_on, "published_on": r.published_on}
    base = (select(*_labelled(columns)).select_from(r).join(m.Department, m.Department.id == r.department_id)
            .where(r.open_type != "closed"))
    return _spec("resource", columns, base, r.id, {"department_id": r.department_id, "open_type": r.open_type},
                 "code")


def _misuse_spec() -> ListSpec:
    x = m.MisuseReport
    user, provider = aliased(m.Department), aliased(m.Department)
    columns = {"id": x.id, "number": x.number, "state": x.state, "kind": x.kind, "user": user.name,
               "provider": provider.name, "request": m.SharingRequest.number, "request_id": x.request_id,
               "description": x.description, "finding": x.finding, "reported_on": x.reported_on,
               "investigation_due": x.investigation_due, "found_on": x.found_on,
               "user_department_id": x.user_department_id, "provider_department_id": x.provider_department_id,
               "revision": x.revision}
    base = (select(*_labelled(columns)).select_from(x).join(user, user.id == x.user_department_id)
            .join(provider, provider.id == x.provider_department_id)
            .join(m.SharingRequest, m.SharingRequest.id == x.request_id))
    return _spec("misuse", columns, base, x.id, {"state": x.state, "kind": x.kind}, "reported_on")


SPECS = {"objection": _objection_spec(), "accountability": _record_spec(), "ruling": _ruling_spec(),
         "order": _order_spec(), "open_resource": _open_resource_spec(), "misuse": _misuse_spec()}


def fetch(entity: str):  # type: ignore[no-untyped-def]
    """A fetch function for `PagedTableModel` over ``entity`` (store specs first, then ours)."""
    if entity in SPECS:
        spec = SPECS[entity]
        return lambda session, **kw: page_of(session, spec, **kw)
    return lambda session, **kw: list_page(session, entity, **kw)


def for_department(entity: str, dept_id: uuid.UUID, *columns: str):  # type: ignore[no-untyped-def]
    """A fetch over ``entity`` restricted to rows where any of ``columns`` is ``dept_id``."""
    spec = SPECS.get(entity) or store_queries.SPECS[entity]
    condition = or_(*[spec.columns[c] == dept_id for c in columns])
    narrowed = ListSpec(spec.entity, spec.columns, spec.base.where(condition), spec.id_column, spec.filters,
                        spec.default_sort)
    return lambda session, **kw: page_of(session, narrowed, **kw)


# -- single records -------------------------------------------------------------------------------------------


def dept_names(session: Session) -> dict[uuid.UUID, str]:
    return {d.id: d.name for d in session.execute(select(m.Department)).scalars()}


def dispute_case(session: Session, dispute_id: uuid.UUID) -> dict[str, Any] | None:
    """Everything a case view shows: the dispute, its events, evidence, ruling and orders."""
    dispute = session.get(m.Dispute, dispute_id)
    if dispute is None:
        return None
    events = session.execute(select(m.DisputeEvent).where(m.DisputeEvent.dispute_id == dispute_id)
                          .order_by(m.DisputeEvent.at)).scalars().all()
    evidence = session.execute(select(m.Evidence).where(m.Evidence.dispute_id == dispute_id)
                            .order_by(m.Evidence.added_on)).scalars().all()
    ruling = session.execute(select(m.Ruling).where(m.Ruling.dispute_id == dispute_id)).scalars().first()
    orders = []
    if ruling is not None:
        orders = session.execute(select(m.RulingOrder).where(m.RulingOrder.ruling_id == ruling.id)
                              .order_by(m.RulingOrder.position)).scalars().all()
    people = {c.id: c.name for c in session.execute(select(m.Commissioner)).scalars()}
    claims = session.execute(select(m.DisputeClaim).where(m.DisputeClaim.dispute_id == dispute_id)
                             .order_by(m.DisputeClaim.position)).scalars().all()
    request = session.get(m.SharingRequest, dispute.request_id) if dispute.request_id else None
    objection = session.get(m.QualityObjection, dispute.objection_id) if dispute.objection_id else None
    origin = request or objection
    resource = session.get(m.DataResource, origin.resource_id) if origin is not None else None
    return {"dispute": dispute, "events": list(events), "evidence": list(evidence), "ruling": ruling,
            "orders": list(orders), "names": dept_names(session), "people": people, "request": request,
            "objection": objection, "resource": resource, "claims": list(claims)}


def orders_for(session: Session, dept_id: uuid.UUID | None) -> list[dict[str, Any]]:
    o, r = m.RulingOrder, m.Ruling
    stmt = (select(o.id, o.position, o.action, o.due_on, o.state, o.report, o.revision, o.due_uncertain,
                   r.number.label("ruling"), m.Department.name.label("addressee"),
                   o.addressee_department_id)
            .join(r, r.id == o.ruling_id).join(m.Department, m.Department.id == o.addressee_department_id)
            .order_by(o.due_on))
    if dept_id is not None:
        stmt = stmt.where(o.addressee_department_id == dept_id)
    return [dict(row._mapping) for row in session.execute(stmt.limit(500))]


def resources_of(session: Session, dept_id: uuid.UUID | None = None, *, exclude: uuid.UUID | None = None
                 ) -> list[m.DataResource]:
    stmt = select(m.DataResource).order_by(m.DataResource.code)
    if dept_id is not None:
        stmt = stmt.where(m.DataResource.department_id == dept_id)
    if exclude is not None:
        stmt = stmt.where(m.DataResource.department_id != exclude)
    return list(session.execute(stmt).scalars())


def serving_arbitrators(session: Session) -> list[m.Commissioner]:
    stmt = select(m.Commissioner).where(m.Commissioner.role == "arbitrator", m.Commissioner.ended_on == None)  # noqa: E711
    return list(session.execute(stmt).scalars())


def scorecard(session: Session) -> list[dict[str, Any]]:
    """Per providing department: requests received, answered, refused, answered late, and open ones."""
    r = m.SharingRequest
    answered = case((r.answered_on != None, 1), else_=0)  # noqa: E711
    late = case(((r.answered_on != None) & (r.reply_due != None) & (r.answered_on > r.reply_due), 1), else_=0)  # noqa: E711
    refused = case((r.state == "refused", 1), else_=0)
    waiting = case((r.state == "awaiting_reply", 1), else_=0)
    stmt = (select(m.Department.id, m.Department.name, m.Department.short_name, func.count(r.id).label("received"),
                   func.sum(answered).label("answered"), func.sum(late).label("late"),
                   func.sum(refused).label("refused"), func.sum(waiting).label("waiting"))
            .join(r, r.provider_department_id == m.Department.id)
            .group_by(m.Department.id, m.Department.name, m.Department.short_name)
            .order_by(func.count(r.id).desc()))
    return [dict(row._mapping) for row in session.execute(stmt)]


def accountability_grounds(session: Session, today: Any) -> list[dict[str, Any]]:
    """What the bureau can hold a department to account on today: orders received and overdue, confirmed misuse
    findings, accepted objections past their deadline (the service checks again; this only offers them)."""
    names = dept_names(session)
    out: list[dict[str, Any]] = []
    orders = select(m.RulingOrder, m.Ruling.number).join(m.Ruling, m.Ruling.id == m.RulingOrder.ruling_id).where(
        m.RulingOrder.state != "complied", m.RulingOrder.received_on != None, m.RulingOrder.due_on < today)  # noqa: E711
    # "facts": the violation as the notice states it (documents are in Chinese), drawn from the ground's record
    for order, number in session.execute(orders):
        out.append({"ground": "order_overdue", "id": order.id, "department_id": order.addressee_department_id,
                    "text": f"{number} 第{order.position}项（{names.get(order.addressee_department_id, '')}，"
                            f"{order.due_on.isoformat()}前（含当日））",
                    "facts": f"未在{order.due_on.isoformat()}前（含当日）履行{number}第{order.position}项裁决事项："
                             f"{order.action}"})
    for report in session.execute(select(m.MisuseReport).where(m.MisuseReport.state == "confirmed")).scalars():
        out.append({"ground": "misuse_finding", "id": report.id, "department_id": report.user_department_id,
                    "text": f"{report.number}（{names.get(report.user_department_id, '')}）",
                    "facts": f"经{report.number}查实：{report.description}"})
    objections = select(m.QualityObjection).where(m.QualityObjection.state.in_(["accepted", "flagged"]),
                                                  m.QualityObjection.due < today)
    for obj in session.execute(objections).scalars():
        out.append({"ground": "objection_uncorrected", "id": obj.id, "department_id": obj.owner_department_id,
                    "text": f"{obj.number}（{names.get(obj.owner_department_id, '')}）",
                    "facts": f"未在{obj.due.isoformat() if obj.due else ''}前核实或更正{obj.number}所指数据问题："
                             f"{obj.description}"})
    return out
