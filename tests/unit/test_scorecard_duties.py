"""The scorecard's measures of the owner's and the user's duties (issue 11, point 10): openness rate, quality
objections per resource and their correction time, data updates overdue, catalogue updates due and met, misuse
findings — each checked against the facts the scenario made, counted here independently of `reports/stats.py`."""

from __future__ import annotations

import datetime as dt
import uuid

from sqlmodel import Session, select

from cdo_desktop.reports.stats import scorecard_rows, scorecard_view
from cdo_desktop.services.context import load_calendar
from cdo_desktop.store import models as m
from tests.unit.scenario import Network

YEAR = (dt.date(2026, 1, 1), dt.date(2026, 12, 31))


def _rows(session: Session, end: dt.date = YEAR[1]) -> dict[str, object]:
    view = scorecard_view(session, YEAR[0], end)
    return {row.department: row for row in view.rows}


def test_openness_objections_and_correction_time(network: Network, session: Session) -> None:
    corrected = network.objection_in(session, "corrected")
    network.objection_in(session, "raised")
    b_id = network.depts["B"]
    b = session.get(m.Department, b_id)
    assert b is not None
    row = _rows(session)[b.name]
    resources = session.exec(select(m.DataResource).where(m.DataResource.department_id == b_id)).all()
    open_count = sum(r.open_type != "closed" for r in resources)
    assert (row.resources, row.open_resources) == (len(resources), open_count)  # type: ignore[attr-defined]
    assert (row.objections_raised, row.objections_corrected) == (2, 1)  # type: ignore[attr-defined]
    objection = session.get(m.QualityObjection, corrected)
    assert objection is not None and objection.resolved_on is not None
    expected_days = load_calendar(session).workdays_between(objection.raised_on, objection.resolved_on)[0]
    assert row.correction_days == expected_days  # type: ignore[attr-defined]
    exported = {r["department"]: r for r in scorecard_rows(session, *YEAR)}[b.name]
    assert abs(float(exported["open_rate"]) - open_count / len(resources)) < 0.01  # type: ignore[arg-type]
    assert abs(float(exported["objections_per_resource"]) - 2 / len(resources)) < 0.01  # type: ignore[arg-type]


def test_closing_a_resource_lowers_the_openness_rate(network: Network, session: Session) -> None:
    b = session.get(m.Department, network.depts["B"])
    assert b is not None
    before = _rows(session)[b.name]
    resource = session.exec(select(m.DataResource).where(m.DataResource.department_id == b.id)
                            .where(m.DataResource.open_type != "closed")).first()
    assert resource is not None
    network.run(session, network.people["B.cdo"], "resource.update", resource.id, {
        "name": resource.name, "items": resource.items, "share_type": resource.share_type, "legal_basis": resource.legal_basis, "open_type": "closed",
        "open_reason": "涉及个人隐私", "open_legal_basis": "《中华人民共和国个人信息保护法》第十三条"})
    after = _rows(session)[b.name]
    assert after.open_resources == before.open_resources - 1  # type: ignore[attr-defined]


def test_misuse_findings_count_against_the_using_department(network: Network, session: Session) -> None:
    network.misuse_in(session, "confirmed")
    network.misuse_in(session, "unfounded")
    rows = _rows(session)
    a, b = (session.get(m.Department, network.depts[k]) for k in ("A", "B"))
    assert a is not None and b is not None
    assert rows[a.name].misuse_findings == 1  # type: ignore[attr-defined]  # the confirmed one only
    assert rows[b.name].misuse_findings == 0  # type: ignore[attr-defined]


def test_data_updates_overdue_until_the_owner_records_an_update(network: Network, session: Session) -> None:
    a = session.get(m.Department, network.depts["A"])
    assert a is not None
    rid = uuid.uuid4()
    network.run(session, network.people["A.cdo"], "resource.create", rid,
                network.payload("resource.create") | {"update_cycle": "monthly", "published_on": "2026-03-02"})
    resource = session.get(m.DataResource, rid)
    assert resource is not None and resource.published_on is not None
    late = resource.published_on + dt.timedelta(days=60)  # a month and the 2 days' grace long past

    def overdue() -> int:
        return int(_rows(session, late)[a.name].updates_overdue)  # type: ignore[attr-defined]

    before = overdue()
    network.advance(50)
    network.run(session, network.people["A.cdo"], "resource.record_update", rid, {})
    assert overdue() == before - 1  # updated ten days before the period's end: no longer overdue
