"""A data folder whose search index is not kept current, and the rebuild that makes it current again.

The bureau server keeps no search index: nothing on the server searches, and keeping it was about a tenth of
applying a pushed change (`store.search`'s hook re-tokenises and rewrites every searchable row it flushes). A
folder the bureau writes is the same schema as a desktop's, though, and may be opened by the desktop app (a
backup restored, a folder copied). So a session that keeps no index marks the folder's index stale
(``sync_state``: ``search_index_stale`` = ``1``) in the same transaction as its first write of a searchable row —
once per transaction; a rolled-back savepoint takes the mark with it and the next write marks again — and the
desktop app, which searches, rebuilds the index when it opens a folder so marked (`rebuild_if_stale`).
"""

from __future__ import annotations

from itertools import chain
from typing import Any

from sqlalchemy import event, text
from sqlalchemy.orm import Session

from cdo_desktop.store import search

STALE_KEY = "search_index_stale"
_MARK = text(f"INSERT INTO sync_state (key, value) VALUES ('{STALE_KEY}', '1') "
             "ON CONFLICT (key) DO UPDATE SET value = '1'")
_READ = text(f"SELECT value FROM sync_state WHERE key = '{STALE_KEY}'")
_CLEAR = text(f"DELETE FROM sync_state WHERE key = '{STALE_KEY}'")
_MARKED = "search_index_marked_stale"  # session.info: this transaction has marked the index stale
_WATCHING = "search_index_watch"
_SEARCHED_TABLES = frozenset(search.searched_tables())


def mark_when_written(session: Session) -> None:
    """This session keeps no search index: its first write of a searchable row in each transaction marks the
    folder's index stale in that transaction."""
    if not session.info.get(_WATCHING):
        event.listen(session, "after_flush", _mark)
        event.listen(session, "after_soft_rollback", _forget)
        event.listen(session, "after_commit", _forget)
        session.info[_WATCHING] = True


def _mark(session: Session, _context: Any) -> None:
    if session.info.get(_MARKED):
        return
    if any(getattr(row, "__tablename__", None) in _SEARCHED_TABLES
           for row in chain(session.new, session.dirty, session.deleted)):
        session.connection().execute(_MARK)
        session.info[_MARKED] = True


def _forget(session: Session, *_: Any) -> None:
    session.info.pop(_MARKED, None)  # a rollback took the mark back; after a commit the next transaction marks anew


def is_stale(session: Session) -> bool:
    return session.connection().execute(_READ).scalar() == "1"


def rebuild_if_stale(db: Any) -> bool:
    """Rebuild the search index of a SQLite folder marked stale (`search.rebuild`, then the mark cleared, in one
    write transaction); True if it did."""
    if not db.is_sqlite or not db.keeps_search_index:
        return False
    with db.read() as session:
        if not is_stale(session):
            return False
    with db.write() as session:
        if not is_stale(session):  # rebuilt meanwhile by another opener
            return False
        search.rebuild(session)
        session.connection().execute(_CLEAR)
    return True
