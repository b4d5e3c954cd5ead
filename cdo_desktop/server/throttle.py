"""Sign-in throttling shared by every worker through the database (docs/operations.md, "Sign-in throttle").

- **Per account** (``account:NAME``, known or not, so the answer never tells whether a name exists): every attempt
  is counted *before* the password is checked, in one statement (an upsert that refuses while the account is
  locked), so parallel attempts cannot all slip through. A correct password clears the count. After
  ``account_failures`` failures in a row the account waits ``account_delay_s``, doubling with each further
  failure up to ``max_delay_s``; the count is forgotten after ``window_s`` without a failure.
- **Per address** (``address:IP``), failures only: an address with ``address_failures`` failures in the window is
  *busy*; a busy address gets one attempt every ``address_delay_s`` seconds (a slot taken atomically), so a person
  with the right password behind a shared proxy still gets in after a short wait, while guessing from that address
  is slowed to a trickle. Successes from an address never count against it.
- Rows expire (``expires_at``) and are deleted as sign-ins come in, so made-up user names do not pile up.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

from sqlalchemy import Table, case, delete, or_, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlmodel import Session

from cdo_desktop.store.server_models import SignInThrottle

_T: Table = SignInThrottle.__table__  # type: ignore[attr-defined]


@dataclass(frozen=True)
class Policy:
    window_s: int = 900
    account_failures: int = 5
    account_delay_s: int = 15
    max_delay_s: int = 300
    address_failures: int = 30
    address_delay_s: int = 2

    def account_delay(self, failures: int) -> int:
        """Seconds an account waits after its ``failures``-th failure in a row (0 below the limit)."""
        if failures < self.account_failures:
            return 0
        return int(min(self.max_delay_s, self.account_delay_s * 2 ** min(failures - self.account_failures, 20)))


class Throttled(Exception):
    def __init__(self, wait_s: int) -> None:
        super().__init__(f"wait {wait_s} s")
        self.wait_s = max(1, wait_s)


def _seconds(until: dt.datetime | None, now: dt.datetime) -> int:
    return math.ceil((until - now).total_seconds()) if until is not None and until > now else 0


def _upsert(session: Session):  # type: ignore[no-untyped-def]
    return pg_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert


def begin_attempt(session: Session, policy: Policy, *, account_key: str, address_key: str, now: dt.datetime) -> None:
    """Take a turn for one sign-in attempt (inside a write transaction), or raise `Throttled`."""
    session.execute(delete(_T).where(_T.c.expires_at < now))
    # the address first: a busy address hands out one slot every address_delay_s seconds
    floor = now - dt.timedelta(seconds=policy.window_s)
    address = session.execute(
        select(_T.c.failures, _T.c.window_start, _T.c.blocked_until).where(_T.c.key == address_key).with_for_update()
    ).first()
    if address is not None and address.failures >= policy.address_failures and address.window_start >= floor:
        wait = _seconds(address.blocked_until, now)
        if wait:
            raise Throttled(wait)
        session.execute(
            _T.update().where(_T.c.key == address_key).values(
                blocked_until=now + dt.timedelta(seconds=policy.address_delay_s)
            )
        )
    # the account: count this attempt now, unless the account is waiting
    expires = now + dt.timedelta(seconds=policy.window_s + policy.max_delay_s)
    insert = _upsert(session)(_T).values(key=account_key, failures=1, window_start=now, blocked_until=None, expires_at=expires)
    stale = _T.c.window_start < floor
    counted = session.execute(
        insert.on_conflict_do_update(
            index_elements=[_T.c.key],
            set_={
                "failures": case((stale, 1), else_=_T.c.failures + 1),
                "window_start": now,
                "blocked_until": None,
                "expires_at": expires,
            },
            where=or_(_T.c.blocked_until.is_(None), _T.c.blocked_until <= now),
        ).returning(_T.c.failures)
    ).first()
    if counted is None:
        until = session.execute(select(_T.c.blocked_until).where(_T.c.key == account_key)).scalar_one_or_none()
        raise Throttled(_seconds(until, now))
    delay = policy.account_delay(int(counted.failures))
    if delay:
        session.execute(
            _T.update().where(_T.c.key == account_key).values(
                blocked_until=now + dt.timedelta(seconds=delay),
                expires_at=now + dt.timedelta(seconds=policy.window_s + delay),
            )
        )


def succeeded(session: Session, *, account_key: str) -> None:
    """A correct password: the account's count starts again (the address's failures stay)."""
    session.execute(delete(_T).where(_T.c.key == account_key))


def failed(session: Session, policy: Policy, *, address_key: str, now: dt.datetime) -> None:
    """A wrong password (the account's attempt was already counted): count it against the address too."""
    floor = now - dt.timedelta(seconds=policy.window_s)
    expires = now + dt.timedelta(seconds=policy.window_s)
    insert = _upsert(session)(_T).values(key=address_key, failures=1, window_start=now, blocked_until=None, expires_at=expires)
    session.execute(
        insert.on_conflict_do_update(
            index_elements=[_T.c.key],
            set_={
                "failures": case((_T.c.window_start < floor, 1), else_=_T.c.failures + 1),
                "window_start": now,
                "expires_at": expires,
            },
        )
    )
