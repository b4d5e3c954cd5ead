"""Whose turn it is on a record: the next steps, who must take them, and the deadline with its source.

Derived generically from `domain.workflow`'s transition tables (every action that leaves the record's state, and
the (role, party) pairs allowed to take it), so that actions added to the tables appear here without UI changes.
The deadline is the record's own stored due date, with the policy clause (or the issued document) it comes from.
"""

from __future__ import annotations

import datetime as dt
import html
from typing import Any

from cdo_desktop.domain.enums import Party, Role
from cdo_desktop.domain.policy import DEFAULT_DEADLINES, DeadlineKind
from cdo_desktop.domain.workflow import Transition, actions_from
from cdo_desktop.ui.deadline_source import notice_source, order_source, policy_source, with_source
from cdo_desktop.ui.i18n import is_english, label
from cdo_desktop.ui.qt import QCoreApplication

# (entity, state) → (the record's field holding the due date, the policy deadline it applies, or None: see SOURCES)
DEADLINES: dict[tuple[str, str], tuple[str, DeadlineKind | None]] = {
    ("request", "submitted"): ("", DeadlineKind.CONFORMITY_CHECK),
    ("request", "awaiting_reply"): ("reply_due", DeadlineKind.PROVIDER_REPLY),
    ("objection", "raised"): ("due", DeadlineKind.OBJECTION_VERIFICATION),
    ("objection", "accepted"): ("due", DeadlineKind.OBJECTION_VERIFICATION),
    ("objection", "flagged"): ("due", DeadlineKind.OBJECTION_VERIFICATION),
    ("dispute", "filed"): ("acceptance_due", DeadlineKind.DISPUTE_ACCEPTANCE),
    ("dispute", "negotiation"): ("acceptance_due", DeadlineKind.DISPUTE_ACCEPTANCE),
    ("dispute", "accepted"): ("ruling_due", DeadlineKind.RULING),
    ("dispute", "hearing"): ("ruling_due", DeadlineKind.RULING),
    ("order", "open"): ("due_on", None),
    ("accountability", "notified"): ("defence_due", DeadlineKind.DEFENCE),
    ("accountability", "open"): ("rectification_due", None),
    ("misuse", "reported"): ("investigation_due", DeadlineKind.MISUSE_INVESTIGATION),
    ("misuse", "investigating"): ("investigation_due", DeadlineKind.MISUSE_INVESTIGATION),
}


def _source(entity: str, kind: DeadlineKind | None, policy: Any, document: str = "") -> str:
    """The deadline's rule and where it comes from (see `ui.deadline_source`)."""
    if kind is not None:
        deadline = policy.deadlines.get(kind) if policy is not None else None
        days = deadline.days if deadline is not None else DEFAULT_DEADLINES[kind].days
        return QCoreApplication.translate("Turn", "%s: %d working days, %s") % (label(kind), days,
                                                                               policy_source(policy, kind))
    if entity == "order":
        text = QCoreApplication.translate("Turn", "the ruling's order: working days from its receipt")
        return f"{text}, {order_source(document)}" if document else text
    text = QCoreApplication.translate("Turn", "the accountability notice: rectify within its working days")
    return f"{text}, {notice_source(document)}" if document else text


def next_steps(entity: str, state: str) -> list[tuple[Transition, list[tuple[Role, Party]]]]:
    """Actions that move the record on from ``state`` (not evidence or statements), each with who may take it."""
    steps = []
    for transition in actions_from(entity, state):
        if transition.target is None or transition.target == state:
            continue  # statements, evidence: they do not move the record on
        steps.append((transition, sorted(transition.allowed, key=lambda rp: (rp[1].value, rp[0].value))))
    return steps


def who_text(allowed: list[tuple[Role, Party]], names: dict[str, str]) -> str:
    """"the providing department (佛山市公安局)", "the data bureau (arbitrator)"…"""
    parties: dict[Party, list[Role]] = {}
    for role, party in allowed:
        parties.setdefault(party, []).append(role)
    out = []
    for party, roles in parties.items():
        name = names.get(party.value, "")
        if party is Party.BUREAU:
            out.append(f"{label(party)} ({'、'.join(label(r) for r in roles)})" if not is_english() else
                       f"{label(party)} ({', '.join(label(r) for r in roles)})")
        else:
            out.append(f"{label(party)}" + (f" ({name})" if name else ""))
    return ("、" if not is_english() else "; ").join(out)


def turn_html(state: Any, entity: str, record_state: str, *, parties: set[Party], due: dt.date | None = None,
              names: dict[str, str] | None = None, calendar: Any = None, policy: Any = None,
              document: str = "") -> str:
    """A short block: next step(s) and who, "your turn" when the signed-in person may act, the deadline."""
    e = html.escape
    t_next = QCoreApplication.translate("Turn", "Next step")
    t_closed = QCoreApplication.translate("Turn", "none — this record is closed.")
    t_yours = QCoreApplication.translate("Turn", "It is your turn.")
    t_waiting = QCoreApplication.translate("Turn", "Waiting for the other side: you have nothing to do here now.")
    t_deadline = QCoreApplication.translate("Turn", "Deadline")
    steps = next_steps(entity, record_state)
    if not steps:
        return f"<p style='color:#555'><b>{e(t_next)}:</b> {e(t_closed)}</p>"
    actor = state.actor
    departments = names or {}
    lines = []
    mine = False
    for transition, allowed in steps:
        action = transition.label_en if is_english() else transition.label_zh
        lines.append(f"{e(action)} — {e(who_text(allowed, departments))}")
        if actor is not None and any(role == actor.role and party in parties for role, party in allowed):
            mine = True
    parts = [f"<p><b>{e(t_next)}:</b> " + "<br>".join(lines) + "</p>"]
    if mine:
        parts.append(f"<p style='color:#1565c0'><b>{e(t_yours)}</b></p>")
    elif actor is not None:
        parts.append(f"<p style='color:#555'>{e(t_waiting)}</p>")
    _field, kind = DEADLINES.get((entity, record_state), ("", None))
    if (entity, record_state) in DEADLINES:
        when = ""
        tone = ""
        if due is not None:
            when = due.isoformat()
            if calendar is not None:
                days, _uncertain = calendar.workdays_between(state.today, due)
                late = QCoreApplication.translate("Turn", "(%d working days late)")
                left = QCoreApplication.translate("Turn", "(%d working days left)")
                when += " " + (late % -days if days < 0 else left % days)
                tone = "#c62828" if days < 0 else ("#ef6c00" if days <= 2 else "")
        source = _source(entity, kind, policy, document)
        text = e(with_source(when, source)) if when else e(source)
        style = f" style='color:{tone}'" if tone else ""
        parts.append(f"<p{style}><b>{e(t_deadline)}:</b> {text}</p>")
    return "<div class='turn'>" + "".join(parts) + "</div>"


def record_turn(state: Any, entity: str, row: dict[str, Any], departments: dict[str, Any]) -> str:
    """`turn_html` for a list row: its state, due date, parties and department names, read here."""
    from cdo_desktop.services.context import load_calendar, load_policy
    from cdo_desktop.ui import queries

    record_state = str(row.get("state") or "")
    if not entity or not record_state:
        return ""
    field, kind = DEADLINES.get((entity, record_state), ("", None))
    due = row.get(field) if field else None
    with state.read() as session:
        calendar, policy = load_calendar(session), load_policy(session)
        dept_names = queries.dept_names(session)
    if not field and kind is not None and isinstance(row.get("submitted_on"), dt.date):
        due = policy.due(kind, row["submitted_on"], calendar).due  # not stored: counted from submission
    names = {party: dept_names.get(dept, "") for party, dept in departments.items() if dept is not None}
    return turn_html(state, entity, record_state, parties=state.parties(**departments),
                     due=due if isinstance(due, dt.date) else None, names=names, calendar=calendar, policy=policy,
                     document=str(row.get("ruling") if entity == "order" else row.get("number") or ""))
