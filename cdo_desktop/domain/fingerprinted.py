"""The canonical records a document's fingerprint covers: what the printed ruling, notice and certificate say.

Pure functions of the stored rows, read by attribute, so that the same record is computed from an ORM object (when
a document is issued or verified) and from a row read with the standard library (when ``cdo pdf`` prints one
without the ORM, reports/builders.py): one definition, one fingerprint.
"""

from __future__ import annotations

from typing import Any

from cdo_desktop.domain.enums import AssetState, GroundKind

Row = Any  # a stored row read by attribute: an ORM object or a plain row (store/records.py)


def ruling_record(ruling: Row, orders: list[Row]) -> dict[str, Any]:
    """The canonical record a ruling's fingerprint covers (what the printed document says).

    A ruling issued under the claims rules (``issuer_id`` set) orders "within N working days of receipt": the due
    date of each order is fixed later, when its addressee receives it, so it is not part of the issued document.
    Records issued before (no issuer) keep exactly the fields they were fingerprinted with.
    """
    record: dict[str, Any] = {
        "id": ruling.id,
        "number": ruling.number,
        "dispute_id": ruling.dispute_id,
        "arbitrator_ids": list(ruling.arbitrator_ids),
        "findings": list(ruling.findings),
        "reasoning": ruling.reasoning,
        "rules_relied_on": list(ruling.rules_relied_on),
        "decision": ruling.decision,
        "cc": list(ruling.cc),
        "issued_on": ruling.issued_on,
    }
    new_style = ruling.issuer_id is not None
    record["orders"] = []
    for o in sorted(orders, key=lambda o: o.position):
        order: dict[str, Any] = {
            "position": o.position,
            "addressee_department_id": o.addressee_department_id,
            "action": o.action,
            "deadline_days": o.deadline_days,
        }
        if new_style:
            order["claim_position"] = o.claim_position
        else:
            order["due_on"] = o.due_on
        record["orders"].append(order)
    if new_style:
        record["issuer_id"] = ruling.issuer_id
    return record


def notice_record(rec: Row) -> dict[str, Any]:
    """The canonical record an accountability notice's fingerprint covers.

    A notice issued on a ground runs its periods from receipt and from the bureau's decision, so those dates are
    not part of the issued notice; records opened before grounds existed keep the fields they were fingerprinted with.
    """
    record: dict[str, Any] = {
        "id": rec.id,
        "number": rec.number,
        "department_id": rec.department_id,
        "commissioner_id": rec.commissioner_id,
        "ruling_id": rec.ruling_id,
        "violation": rec.violation,
        "measure": rec.measure,
        "report_requirement": rec.report_requirement,
        "rectification_days": rec.rectification_days,
        "created_on": rec.created_on,
    }
    if rec.ground_kind == GroundKind.LEGACY.value:
        record["rectification_due"] = rec.rectification_due
    else:
        record |= {"ground_kind": rec.ground_kind, "ground_id": rec.ground_id, "ground_note": rec.ground_note}
    return record


def registration_state(asset: Row) -> str:
    """The state a registration certificate prints: a change or cancellation applied for but not yet approved
    leaves the registration as it was (registered), so the issued certificate still reads as issued."""
    if asset.state in (AssetState.CHANGE_PENDING.value, AssetState.CANCEL_PENDING.value):
        return AssetState.REGISTERED.value
    return str(asset.state)


def certificate_record(asset: Row) -> dict[str, Any]:
    """The canonical record a registration certificate's fingerprint covers (every printed field of the asset)."""
    return {
        "id": asset.id, "number": asset.number, "code": asset.code, "resource_id": asset.resource_id,
        "department_id": asset.department_id, "name": asset.name, "scope": asset.scope, "volume": asset.volume,
        "record_count": asset.record_count, "quality_grade": asset.quality_grade, "state": registration_state(asset),
        "registered_on": asset.registered_on, "changed_on": asset.changed_on, "change_count": asset.change_count,
        "cancelled_on": asset.cancelled_on,
    }
