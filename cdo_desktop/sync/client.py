"""`SyncClient`: push the outbox in batches, pull pages, rebase; one `sync()` round is what `cdo sync` runs.

Applying a page, moving the cursor and confirming outbox entries happen in one transaction, so a crash at any
point leaves the cursor at the data it describes. An epoch change or a cursor ahead of the bureau means the
bureau was restored or re-initialised: everything is downloaded again and the unconfirmed outbox pushed again.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
import logging
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import select
from sqlalchemy.engine import Connection
from sqlmodel import Session, col

from cdo_desktop.store import models as m
from cdo_desktop.store import search
from cdo_desktop.store.db import Database, bulk_writing
from cdo_desktop.store.models import OutboxEntry
from cdo_desktop.store.server_models import OutboxAnswer
from cdo_desktop.sync import blobs, credentials, outbox, replica, state, trust
from cdo_desktop.sync.ahead import PagesAhead
from cdo_desktop.sync.http import AuthRequired, BureauHttp, RetryPolicy, ServerRefused
from cdo_desktop.sync.wire import DEFAULT_PAGE_ROWS, TABLES, PullPage, PushAnswer

log = logging.getLogger("cdo.sync")
CLOCK_SKEW_LIMIT = dt.timedelta(minutes=5)
FULL_DOWNLOAD_ROWS = 2000  # page size while the copy is downloaded from nothing (still cut at ~1 MB)


@dataclass
class SyncReport:
    pushed: int = 0
    accepted: int = 0
    refused: int = 0
    pulled: int = 0
    pending: int = 0
    redownloaded: bool = False
    clock_skew_s: float | None = None
    warnings: list[str] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        return {
            "pushed": self.pushed, "accepted": self.accepted, "refused": self.refused, "pulled": self.pulled,
            "pending": self.pending, "redownloaded": self.redownloaded, "clock_skew_s": self.clock_skew_s,
            "warnings": self.warnings,
        }


Progress = Callable[[str, int, int], None]


@contextlib.contextmanager
def _downloading_everything(writer: Connection) -> Iterator[None]:
    """While the copy is downloaded from nothing: pages are committed without checkpointing the write-ahead log
    (one checkpoint at the end copies each database page once, rather than at every page's commit) through a large
    page cache (`store.db.bulk_writing`: the tables' indexes and then the search index stay in memory), and the
    cyclic garbage collector waits (each page makes tens of thousands of containers that reference counting frees,
    and a full collection walks every object of the process: measured 0.3 s of 2.4 s for 20,000 rows); the
    collector is started again, the connection's settings set back and the log checkpointed when the download ends,
    however it ends."""
    collecting = gc.isenabled()
    raw = writer.connection.driver_connection
    assert raw is not None
    gc.disable()
    try:
        with bulk_writing(writer, checkpoint_pages=0):
            yield
    finally:
        if collecting:
            gc.enable()
        with contextlib.suppress(sqlite3.Error):  # a broken connection: the next commit checkpoints
            raw.execute("PRAGMA wal_checkpoint(PASSIVE)")


class SyncClient:
    """The desktop's side of sync, for one database and one signed-in user."""

    def __init__(
        self,
        db: Database,
        *,
        server_url: str,
        token: str,
        ca_bundle: str | None = None,
        transport: httpx.BaseTransport | None = None,
        retry: RetryPolicy | None = None,
        page_rows: int = DEFAULT_PAGE_ROWS,
        push_batch: int = 100,
        full_download_rows: int = FULL_DOWNLOAD_ROWS,
        timeout: float = 30.0,
    ) -> None:
        self.db = db
        self.http = BureauHttp(server_url, token=token, ca_bundle=ca_bundle, transport=transport, retry=retry, timeout=timeout)
        self.page_rows = page_rows
        self.full_download_rows = max(page_rows, full_download_rows)
        self.push_batch = push_batch
        self.cancelled = False
        self._round_closed = False  # the last `pull` recorded the end of its sync round (`apply_page`'s ``closing``)
        self._keeper = replica.keep_open(db)
        self.data_dir: Path | None = db.path.parent if db.path is not None else None

    @classmethod
    def from_state(cls, db: Database, **kwargs: Any) -> SyncClient:
        """A client for the user who signed in on this desktop (`login`); the token comes from the OS keyring."""
        with db.read() as session:
            url, user = state.get(session, state.SERVER_URL), state.get(session, state.USERNAME)
            ca = state.get(session, state.CA_BUNDLE) or None
        if not url or not user:
            raise AuthRequired("尚未登录政数局服务器，请先登录", "Not signed in to a bureau server: sign in first", code="not_signed_in")
        token = credentials.load_token(url, user)
        if not token:
            raise AuthRequired("本机没有保存登录令牌，请重新登录", "No sign-in token on this computer: sign in again", code="no_token")
        kwargs.setdefault("ca_bundle", ca)
        return cls(db, server_url=url, token=token, **kwargs)

    def close(self) -> None:
        self.http.close()
        if self._keeper is not None:
            self._keeper.close()
            self._keeper = None

    # --- one round -----------------------------------------------------------------------------------------------

    def sync(self, progress: Progress | None = None) -> SyncReport:
        """Push everything, pull everything; after a restore of the bureau, download again and push again."""
        report = SyncReport()
        self.push(report, progress)
        self.pull(report, progress, close_round=True)
        if report.redownloaded:
            self.push(report, progress)
            self.pull(report, progress, close_round=True)
        if not self._round_closed:  # cancelled before the last page: count what is pending now
            with self.db.write() as session:
                self._close_round(session, report)
        return report

    @staticmethod
    def _close_round(session: Session, report: SyncReport) -> None:
        report.pending = outbox.pending_count(session)
        state.put(session, state.LAST_SYNC, dt.datetime.now(dt.UTC).isoformat())

    # --- push ----------------------------------------------------------------------------------------------------

    def _unanswered(self) -> list[OutboxEntry]:
        with self.db.read() as session:
            answered = select(col(OutboxAnswer.mutation_id))
            return list(
                session.execute(
                    select(OutboxEntry)
                    .where(col(OutboxEntry.mutation_id).not_in(answered))
                    .order_by(OutboxEntry.position)  # type: ignore[arg-type]
                ).scalars()
            )

    def push(self, report: SyncReport | None = None, progress: Progress | None = None) -> SyncReport:
        report = report if report is not None else SyncReport()
        entries = self._unanswered()
        refused = 0
        for start in range(0, len(entries), self.push_batch):
            if self.cancelled:
                break
            batch = entries[start : start + self.push_batch]
            self._upload_evidence(batch)
            with self.db.write() as session:  # counted before sending: a crash after it still counts
                outbox.count_attempt(session, [e.position for e in batch if e.position is not None])
            rows = self._push_batch(batch, report)
            with self.db.write() as session:
                outbox.record_answers(session, rows)
            report.pushed += len(batch)
            report.accepted += sum(1 for r in rows if r.accepted)
            refused += sum(1 for r in rows if not r.accepted)
            if progress:
                progress("push", min(start + len(batch), len(entries)), len(entries))
        report.refused += refused
        if refused:
            with replica.replica_write(self.db) as session:  # roll the refused changes back now, not at next pull
                replica.restore_shadows(session)
                outbox.rebase_pending(session, final=True)
        return report

    def _push_batch(self, batch: list[OutboxEntry], report: SyncReport) -> list[outbox.Answer]:
        """The bureau's answers to one batch. When the bureau refuses the batch as a whole (one entry it cannot
        even read, or a batch too large), the batch is split until the entry at fault stands alone; that entry is
        answered "refused" with the bureau's reason and every other entry still goes through."""
        try:
            answer = PushAnswer.model_validate(
                self.http.call("POST", "/v1/sync/push", json={"mutations": [e.mutation for e in batch]})
            )
        except ServerRefused as exc:
            if exc.status not in (400, 409, 413, 422):
                raise
            if len(batch) > 1:
                half = len(batch) // 2
                return self._push_batch(batch[:half], report) + self._push_batch(batch[half:], report)
            log.warning("the bureau refused outbox entry %s as unreadable: %s", batch[0].mutation_id, exc.en)
            return [outbox.Answer(mutation_id=batch[0].mutation_id, accepted=False, seq=None,
                                 code=(exc.code or "refused")[:64], reason_zh=exc.zh, reason_en=exc.en)]
        self._note_clock(report, answer.server_time)
        return [
            outbox.Answer(
                mutation_id=a.id, accepted=a.status == "accepted", seq=a.seq,
                code=a.reason.code if a.reason else "", reason_zh=a.reason.zh if a.reason else "",
                reason_en=a.reason.en if a.reason else "", field=a.reason.field if a.reason else None,
            )
            for a in answer.answers
        ]

    def _upload_evidence(self, batch: list[OutboxEntry]) -> None:
        """Evidence files go up before the mutations that cite them (the bureau checks their hash)."""
        if self.data_dir is None:
            return
        for entry in batch:
            if entry.kind in ("dispute.add_evidence", "asset.value"):  # evidence, or a valuation report
                payload = entry.mutation.get("payload", {})
                sha = str(payload.get("sha256") or payload.get("report_sha256") or "")
                try:
                    sent = len(sha) == 64 and blobs.upload_blob(self.http, self.data_dir, sha)
                except ServerRefused as exc:  # the mutation will be refused with its reason; the rest goes on
                    log.warning("evidence file %s refused by the bureau: %s", sha[:12], exc.en)
                    continue
                if sent:
                    with self.db.write() as session:
                        row = session.get(m.Blob, sha)
                        if row is not None:
                            row.uploaded = True
                            session.add(row)

    def fetch_blob(self, sha256: str) -> Path:
        """The local path of an evidence file, downloaded (and hash-checked) first if missing."""
        if self.data_dir is None:
            raise ValueError("no data folder for evidence files")
        return blobs.fetch_blob(self.http, self.data_dir, sha256)

    # --- pull ----------------------------------------------------------------------------------------------------

    def pull(self, report: SyncReport | None = None, progress: Progress | None = None, *,
             close_round: bool = False) -> SyncReport:
        """Pull pages until the copy is current; with ``close_round`` (a `sync` round) the last page's transaction
        also records the round's end and counts what is still pending.

        While one page is laid down the next ones are already asked for (`PagesAhead`: the bureau prepares them
        meanwhile); one is used only if it answers exactly the question the loop then asks (cursor, page size and
        known checkpoint after this page), and it is checked like any other page before anything of it is written.
        The page that showed a new epoch (a first sync) is kept the same way: the download then asks again from the
        start, which it answers, instead of fetching it twice."""
        report = report if report is not None else SyncReport()
        self._round_closed = False
        ahead = PagesAhead(self._fetch_page, self._following)
        with contextlib.closing(ahead), replica.replica_connection(self.db) as writer, \
                contextlib.ExitStack() as bulk:
            everything = False  # the copy is being downloaded from nothing
            while not self.cancelled:
                with self.db.read() as session:
                    cursor, epoch = state.cursor(session), state.get(session, state.EPOCH)
                    downloading = cursor == 0 or state.get(session, state.SEARCH_STALE) == "1"
                    known = trust.known_position(session)
                if cursor == 0 and epoch and not everything:
                    bulk.enter_context(_downloading_everything(writer))
                    everything = True
                params = self._pull_params(cursor, downloading, known)
                page = ahead.take(params)
                asked_here = page is None
                if page is None:
                    page = self._fetch_page(params)
                if not epoch or page.epoch != epoch or cursor > page.head:  # first download, restore, re-initialisation
                    with self.db.read() as session:
                        trust.check_page(session, page)  # a rolled-back or rewritten chain: refused before anything
                    self._note_clock(report, page.server_time)
                    log.info("full download (first sync, new bureau epoch, or cursor %s ahead of head %s)", cursor, page.head)
                    self.reset(page.epoch, connection=writer)
                    report.redownloaded = True
                    ahead.start(params, answered=page)  # the download's first page, if it is asked from the start
                    continue
                following = self._following(params, page) if asked_here else None
                if following is not None:
                    ahead.start(following)
                self.apply_page(page, closing=report if close_round and not page.more else None, connection=writer)
                self._note_clock(report, page.server_time)
                report.pulled += len(page.rows)
                if progress:
                    progress("pull", page.cursor, page.head)
                if not page.more:
                    self._round_closed = close_round
                    break
        return report

    @staticmethod
    def _following(params: dict[str, Any], page: PullPage) -> dict[str, Any] | None:
        """The question after ``page`` (asked with ``params``), as the pull will ask it once the page is laid down:
        from the page's end, the same page size, and the checkpoint the desktop then knows (the page's own, when it
        is newer); None after the last page."""
        if not page.more:
            return None
        known = params.get("known")
        cp = page.checkpoint
        after = known if cp is None or cp.position == 0 or (known or 0) >= cp.position else cp.position
        following: dict[str, Any] = {"after": page.cursor, "limit": params["limit"]}
        if after is not None:
            following["known"] = after
        return following

    def _pull_params(self, cursor: int, downloading: bool, known: int | None) -> dict[str, Any]:
        limit = self.full_download_rows if downloading else self.page_rows  # from nothing: fewer, larger pages
        params: dict[str, Any] = {"after": cursor, "limit": limit}
        if known is not None:
            params["known"] = known
        return params

    def _fetch_page(self, params: dict[str, Any]) -> PullPage:
        return PullPage.model_validate_json(self.http.call("GET", "/v1/sync/pull", params=params, parse=False))

    def apply_page(self, page: PullPage, *, closing: SyncReport | None = None,
                   connection: Connection | None = None) -> None:
        """Check one page against the checkpoints kept here, then lay it over the copy, move the cursor and rebase
        pending changes, in one transaction (a refused page writes nothing). ``closing``: the last page of a sync
        round, whose end is recorded in the same transaction (`SyncReport.pending`, the last sync's time).

        During a full download (cursor 0, nothing pending) rows are written without search indexing, which is
        rebuilt once when the last page lands; a crash in between leaves a marker, so the next page rebuilds it.
        """
        with replica.replica_write(self.db, connection) as session:
            trust.check_page(session, page)  # a rolled-back or rewritten bureau chain: refused before anything
            pending = outbox.pending_count(session) > 0
            bulk = state.cursor(session) == 0 and not pending
            stale = bulk or state.get(session, state.SEARCH_STALE) == "1"
            if pending:
                replica.restore_shadows(session)
            by_table: dict[str, list[dict[str, Any]]] = {}
            for row in page.rows:
                if row.table in TABLES:
                    by_table.setdefault(row.table, []).append(row.row)
            for table in TABLES:  # parents' tables first
                replica.upsert(session, table, by_table.get(table, []), index=not stale)
            state.put(session, state.CURSOR, str(page.cursor))
            state.put(session, state.EPOCH, page.epoch)
            trust.remember(session, page)
            if stale and page.more:
                state.put(session, state.SEARCH_STALE, "1")
            elif stale:
                search.rebuild(session)
                state.put(session, state.SEARCH_STALE, "")
            session.flush()
            if pending:
                outbox.rebase_pending(session, final=not page.more)
            if closing is not None:
                self._close_round(session, closing)

    def reset(self, epoch: str, *, connection: Connection | None = None) -> None:
        """Forget the bureau's rows and every answer; keep the outbox (its changes return after the download)."""
        with replica.replica_write(self.db, connection) as session:
            replica.clear_replica(session)
            outbox.forget_answers(session)
            state.put(session, state.CURSOR, "0")
            state.put(session, state.EPOCH, epoch)

    @staticmethod
    def _note_clock(report: SyncReport, server_time: dt.datetime) -> None:
        skew = (dt.datetime.now(dt.UTC) - server_time).total_seconds()
        report.clock_skew_s = round(skew, 1)
        if abs(skew) > CLOCK_SKEW_LIMIT.total_seconds():
            message = (
                f"本机时钟与政数局服务器相差 {abs(skew) / 60:.0f} 分钟，请校准时间 / "
                f"this computer's clock is {abs(skew) / 60:.0f} min off the bureau server's: please correct it"
            )
            if message not in report.warnings:
                report.warnings.append(message)
