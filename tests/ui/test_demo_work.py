"""Issue 13: every demo role opens on real work of its own waiting — counts at a glance, overdue first."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select

from cdo_desktop.store import models as m

# the groups that must not be empty, per role (English titles: the demo fixture runs in English)
EXPECTED = {
    "a": ["Incoming requests to answer", "Disputes awaiting my statement", "Rectifications and orders due"],
    "b": ["Incoming requests to answer", "Disputes awaiting my statement"],
    "arbitrator": ["Requests awaiting the bureau's conformity check", "Disputes on the docket"],
    "admin": ["Requests awaiting the bureau's conformity check", "Rectifications and orders due"],
}


@pytest.mark.parametrize("role", ["a", "b", "arbitrator", "admin"])
def test_every_demo_role_starts_with_work_waiting(demo_window: Any, role: str) -> None:
    window = demo_window
    window.select_role(role)
    assert window.state.actor is not None
    window.show_page("dashboard")
    page = window.pages["dashboard"]
    page.refresh()
    for title in EXPECTED[role]:
        assert page.counts.get(title, 0) > 0, f"{role}: '{title}' is empty ({page.counts})"
    summary = page.summary.text()
    assert "open tasks" in summary and "Nothing waits" not in summary
    for tones in page.order:  # overdue first in every group
        first_not_late = next((i for i, tone in enumerate(tones) if tone != "late"), len(tones))
        assert all(tone != "late" for tone in tones[first_not_late:]), tones
    assert any("late" in tones for tones in page.order), "the demo shows no overdue item"


def test_the_work_of_a_and_b_is_their_own(demo_window: Any) -> None:
    """A's requests to answer ask A's department; the dispute B must state is A's, against B's refusal."""
    state = demo_window.state
    roles = {r.key: r for r in demo_window.roles}
    with state.read() as session:
        dept = {key: session.get(m.Commissioner, roles[key].commissioner_id).department_id for key in ("a", "b")}
        r, d = m.SharingRequest, m.Dispute
        to_answer = session.execute(select(r).where(r.provider_department_id == dept["a"],
                                                    r.state == "awaiting_reply")).scalars().all()
        disputes = session.execute(select(d).where(d.claimant_department_id == dept["a"],
                                                   d.respondent_department_id == dept["b"],
                                                   d.state == "filed")).scalars().all()
    assert to_answer and all(req.reply_due is not None for req in to_answer)
    assert disputes and all(dispute.request_id is not None for dispute in disputes)
