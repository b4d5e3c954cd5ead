"""Who sees which rows (DESIGN.md section 4): the directory, catalogue, policy and calendar for everyone;
requests, objections, disputes (with their timeline and evidence), rulings (with orders) and accountability
records where the viewer's department is a party; everything for the bureau."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Uuid, and_, bindparam, false, literal_column, or_, select
from sqlalchemy.sql import Select
from sqlmodel import col

from cdo_desktop.domain.enums import RequestState, Role
from cdo_desktop.store import models as m

PUBLIC = {"department", "commissioner", "data_resource", "policy_deadline", "holiday_day", "holiday_year",
          "platform_system"}


@dataclass(frozen=True)
class Viewer:
    account_id: uuid.UUID
    commissioner_id: uuid.UUID
    department_id: uuid.UUID
    role: Role
    is_bureau: bool
    device_id: str = ""
    token_id: uuid.UUID | None = None
    ended: bool = False  # the appointment has ended: pushes are refused one by one, pulls are refused

    @property
    def sees_everything(self) -> bool:
        return not self.ended and (self.is_bureau or self.role in (Role.ARBITRATOR, Role.ADMIN))


def _is_party(dept: Any) -> Any:
    """The condition on a dispute row that ``dept`` is one of its two parties."""
    return or_(col(m.Dispute.claimant_department_id) == dept, col(m.Dispute.respondent_department_id) == dept)


def _party_disputes(dept: Any) -> Select[Any]:
    query: Select[Any] = select(col(m.Dispute.id)).where(_is_party(dept))
    return query


# The viewer's department as a bound parameter: a statement restricted with it is built once per table and kept
# (server/exchange.py's pull pages), the department given at each execution.
VIEWER_DEPARTMENT = bindparam("viewer_department", type_=Uuid())


def restrict(query: Select[Any], table: str, viewer: Viewer) -> Select[Any]:
    """Add the viewer's visibility condition for rows of ``table`` to ``query``."""
    if viewer.sees_everything:
        return query
    return restrict_to(query, table, viewer.department_id)


def restrict_to(query: Select[Any], table: str, d: Any) -> Select[Any]:
    """Add the visibility condition of a department's commissioner for rows of ``table`` to ``query``; ``d``: the
    department's id, or `VIEWER_DEPARTMENT` to give it when the statement is executed."""
    if table in PUBLIC:
        return query
    if table == "sharing_request":
        # a draft is the requester's own until it is submitted: the providing department sees it from then on
        t = m.SharingRequest
        return query.where(or_(col(t.requester_department_id) == d,
                               and_(col(t.provider_department_id) == d, col(t.state) != RequestState.DRAFT.value)))
    if table == "quality_objection":
        q = m.QualityObjection
        return query.where(or_(q.raiser_department_id == d, q.owner_department_id == d))
    if table == "dispute":  # on the dispute's own columns: its pages read (party, seq) indexes
        return query.where(_is_party(d))
    if table == "dispute_event":
        return query.where(m.DisputeEvent.dispute_id.in_(_party_disputes(d)))  # type: ignore[attr-defined]
    if table == "evidence":
        return query.where(m.Evidence.dispute_id.in_(_party_disputes(d)))  # type: ignore[attr-defined]
    if table == "ruling":
        return query.where(m.Ruling.dispute_id.in_(_party_disputes(d)))  # type: ignore[attr-defined]
    if table == "ruling_order":
        rulings = select(col(m.Ruling.id)).where(col(m.Ruling.dispute_id).in_(_party_disputes(d)))
        return query.where(m.RulingOrder.ruling_id.in_(rulings))  # type: ignore[attr-defined]
    if table == "accountability_record":
        return query.where(m.AccountabilityRecord.department_id == d)
    if table == "issued_document":
        return query.where(_issued_to(d))
    if table == "dispute_claim":
        return query.where(m.DisputeClaim.dispute_id.in_(_party_disputes(d)))  # type: ignore[attr-defined]
    if table == "misuse_report":
        r = m.MisuseReport
        return query.where(or_(r.user_department_id == d, r.reporter_department_id == d,
                               r.provider_department_id == d))
    if table == "receipt":
        return query.where(m.Receipt.department_id == d)
    assets = _restrict_assets(query, table, d)
    if assets is not None:
        return assets
    return query.where(false())  # an unknown table: show nothing


def _issued_to(d: Any) -> Any:
    """An issued document is seen by the parties of what it was issued on: a ruling's two parties, a notice's
    department, a request's two departments (its reply), an asset's holder (its certificate). Written as correlated
    ``EXISTS`` on the document's record: a pull page reads the documents of its seq range on the ``seq`` index and
    looks each record up by its key, instead of listing every record of the department at every pull."""
    record = col(m.IssuedDocument.record_id)
    ruling, dispute = m.Ruling, m.Dispute
    one: Any = literal_column("1")
    rulings: Select[Any] = select(one).select_from(ruling).join(dispute, col(dispute.id) == col(ruling.dispute_id)).where(
        col(ruling.id) == record, _is_party(d))
    notices: Select[Any] = select(one).where(
        col(m.AccountabilityRecord.id) == record, col(m.AccountabilityRecord.department_id) == d)
    requests: Select[Any] = select(one).where(
        col(m.SharingRequest.id) == record,
        or_(col(m.SharingRequest.requester_department_id) == d, col(m.SharingRequest.provider_department_id) == d))
    certificates: Select[Any] = select(one).where(col(m.DataAsset.id) == record, col(m.DataAsset.department_id) == d)
    return or_(*(q.correlate(m.IssuedDocument).exists() for q in (rulings, notices, requests, certificates)))


def _restrict_assets(query: Select[Any], table: str, d: Any) -> Select[Any] | None:
    """The asset register as the catalogue shows it: an asset of a shareable resource for all, the rest to its
    holder; valuations (values and reports) to the holder only; duplicate flags of resources for all, of
    requests to the request's two departments."""
    if table == "data_asset":
        shared = select(col(m.DataResource.id)).where(col(m.DataResource.share_type) != "not_shared")
        return query.where(or_(col(m.DataAsset.department_id) == d, col(m.DataAsset.resource_id).in_(shared)))
    if table == "asset_valuation":
        return query.where(col(m.AssetValuation.department_id) == d)
    if table == "duplicate_flag":
        f = m.DuplicateFlag
        return query.where(or_(col(f.subject_kind) == "resource", col(f.subject_department_id) == d,
                               col(f.other_department_id) == d))
    return None
