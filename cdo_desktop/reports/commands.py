"""`cdo pdf …` and `cdo verify FILE.pdf`: the reports' part of the command line (registered by cli.py)."""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import json
import sys
from collections.abc import Callable, Generator, Iterable, Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:  # the handlers import the document stack when they run: `cdo --help` stays light
    from sqlmodel import Session

    from cdo_desktop.reports.views import DocumentView
    from cdo_desktop.store.records import Records

SessionFactory = Callable[[], AbstractContextManager["Session"]]


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"日期格式应为 YYYY-MM-DD / expected a date YYYY-MM-DD: {text!r}") from None


def _session_factory(args: argparse.Namespace) -> SessionFactory:
    """Sessions on the data folder's database, opened (and migrated) on the first one: a document read with the
    standard library (`_plain_records`) never opens it through SQLAlchemy."""
    from cdo_desktop.store.folder import require_existing

    require_existing(Path(args.data_dir))  # DatabaseMissing (a ValueError-free refusal) is reported by _handler

    @functools.cache
    def database() -> Any:
        from cdo_desktop.store.migrate import open_database

        return open_database(Path(args.data_dir))

    def session() -> AbstractContextManager[Session]:
        return database().read()  # type: ignore[no-any-return]

    return session


@contextmanager
def _document_source(args: argparse.Namespace, sessions: SessionFactory) -> Iterator[Session | Records]:
    """Where ``cdo pdf`` reads a document's rows: the SQLite file with the standard library when its schema is
    the newest this build knows (the document stack alone is imported: issue 14), else a session (which
    migrates an older database and refuses a newer one, as every command does)."""
    from cdo_desktop.store.folder import DB_FILENAME
    from cdo_desktop.store.records import reading

    with reading(Path(args.data_dir) / DB_FILENAME) as records:
        if records is not None:
            yield records
            return
    with sessions() as session:
        yield session


def _emit(args: argparse.Namespace, data: dict[str, Any], text: str) -> None:
    print(json.dumps(data, ensure_ascii=False) if getattr(args, "json", False) else text)


def progress_bar(done: int, total: int, label: str = "", *, stream: TextIO | None = None, width: int = 30) -> None:
    """A one-line terminal progress bar, redrawn in place (``\\r``); ends the line when done."""
    stream = stream or sys.stderr
    filled = width * done // total if total else width
    stream.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} {label}"[:120].ljust(60))
    if done >= total:
        stream.write("\n")
    stream.flush()


def run_pdf(args: argparse.Namespace, sessions: SessionFactory) -> int:
    """``cdo pdf ruling|notice|reply NUMBER -o FILE`` and ``cdo pdf scorecard --from --to -o FILE``."""
    from cdo_desktop.reports import documents

    view: DocumentView
    signed = None
    if args.pdf_kind == "scorecard":
        if args.end < args.start:
            raise ValueError("--to 不能早于 --from / --to must not be before --from")
        with sessions() as session:
            view = documents.scorecard(session, args.start, args.end, issued_on=args.issued)
    else:
        with _document_source(args, sessions) as source:
            view = documents.load_view(source, args.pdf_kind, args.number, lang=getattr(args, "lang", "zh"))
            signed = documents.issued_file(source, view, Path(args.data_dir))
    data = signed if signed is not None else documents.render(view)
    sha = documents.write_pdf(data, args.output)
    if getattr(args, "file_issued", False):
        if view.kind not in ("ruling", "notice"):
            raise ValueError("--file-issued 仅用于裁决书和问责通知书 / only rulings and notices are filed")
        if view.lang != "zh":
            raise ValueError("--file-issued 仅用于中文正本 / only the Chinese original is filed (not --lang en)")
        from cdo_desktop.services.bootstrap import admin_actor_id
        from cdo_desktop.services.documents import file_issued
        from cdo_desktop.store.migrate import open_database

        db = open_database(Path(args.data_dir))
        try:
            file_issued(db, kind=view.kind, record_id=view.record_id, sha256=sha, actor_id=admin_actor_id())
        finally:
            db.dispose()
    _emit(
        args,
        {"kind": view.kind, "number": view.number, "record_id": view.record_id, "fingerprint": view.fingerprint,
         "file": str(args.output), "sha256": sha, "bytes": len(data), "signed": signed is not None},
        f"已生成 / written: {args.output} ({len(data) // 1024} KB)"
        f"{'，政数局签章印发件 / the bureau-signed issued copy' if signed else '，草稿（未签章）/ draft (unsigned)'}\n"
        f"文书指纹 / fingerprint: {view.fingerprint}\n"
        f"文件 SHA-256 / file SHA-256: {sha}",
    )
    return 0


def open_notice_numbers(session: Session) -> list[str]:
    from sqlmodel import select

    from cdo_desktop.domain.enums import AccountabilityState
    from cdo_desktop.store import models as m

    rows = session.exec(
        select(m.AccountabilityRecord).where(m.AccountabilityRecord.state != AccountabilityState.CLOSED.value)
    ).all()
    return sorted((r.number for r in rows), key=_number_key)


def _number_key(number: str) -> tuple[Any, ...]:
    from cdo_desktop.domain.numbering import DocumentNumber

    try:
        parsed = DocumentNumber.parse(number)
    except ValueError:
        return ("", 0, 0, number)
    return (parsed.prefix, parsed.year, parsed.seq, number)


def _render(view: Any) -> bytes:  # a top-level function: what the worker processes run
    from cdo_desktop.reports import documents

    return documents.render(view)


def _warm() -> None:
    """Parse and register the document fonts (~0.8 s): in the parent before the workers fork, so that they
    inherit them; again in each worker as it starts, a no-op then, the one parse where workers are spawned."""
    from cdo_desktop.reports import fonts

    fonts.faces()


def write_notices(
    sessions: SessionFactory, numbers: Iterable[str], out_dir: Path, *, progress: Callable[[int, int, str], None] | None,
    workers: int | None = None,
) -> list[dict[str, Any]]:
    """Render every notice in ``numbers`` into ``out_dir`` (one file each); the batch behind ``pdf notices``.

    The views are read here in one session; the rendering (pure CPU: view → bytes, the same bytes whichever
    process renders) runs in ``workers`` processes (default: one per core); files are written, hashed and
    reported in order as the pages come back.
    """
    import os

    from cdo_desktop.reports import documents

    numbers = list(numbers)
    with sessions() as session:
        views = [documents.load_view(session, "notice", number) for number in numbers]
    written: list[dict[str, Any]] = []
    rendered = render_views(views, workers or os.cpu_count() or 1)
    try:
        for done, (number, data) in enumerate(zip(numbers, rendered, strict=True), start=1):
            path = Path(out_dir) / f"{documents.safe_filename(number)}.pdf"
            sha = documents.write_pdf(data, path)
            written.append({"number": number, "file": str(path), "sha256": sha})
            if progress:
                progress(done, len(numbers), number)
    finally:
        rendered.close()
    return written


def render_views(views: list[Any], workers: int) -> Generator[bytes, None, None]:
    """The PDF of each view, in order, rendered in ``workers`` processes (one pool for the whole batch); closing
    the generator early stops the pool."""
    workers = min(workers, len(views))
    if workers <= 1:
        yield from map(_render, views)
        return
    from concurrent.futures import ProcessPoolExecutor

    _warm()
    # the workers are forked while the caller's store may keep SQLite connections open: they only render views
    # and leave through os._exit, never touching those connections (a child must not use a parent's SQLite handle)
    pool = ProcessPoolExecutor(max_workers=workers, initializer=_warm)
    try:
        yield from pool.map(_render, views, chunksize=4)
    finally:
        pool.shutdown(cancel_futures=True)


def run_notices(args: argparse.Namespace, sessions: SessionFactory) -> int:
    """``cdo pdf notices --all-open -o DIR``: every open accountability notice, with a progress bar."""
    if not args.all_open:
        raise ValueError("请指定 --all-open / specify --all-open")
    with sessions() as session:
        numbers = open_notice_numbers(session)
    show = None if args.json or (not sys.stderr.isatty() and not args.progress) else progress_bar
    if args.jobs is not None and args.jobs < 1:
        raise ValueError("--jobs 至少为 1 / --jobs must be at least 1")
    written = write_notices(sessions, numbers, args.output, progress=show, workers=args.jobs)
    _emit(args, {"count": len(written), "files": written},
          f"已生成 {len(written)} 份问责通知书 / wrote {len(written)} notices to {args.output}")
    return 0


def run_verify(args: argparse.Namespace, sessions: SessionFactory) -> int:
    """``cdo verify FILE.pdf``: exit 0 when the file is validly signed and matches its issued record, 1 otherwise."""
    from cdo_desktop.reports.verify import verify_pdf

    if not Path(args.file).is_file():
        raise FileNotFoundError(f"找不到文件 / no such file: {args.file}")
    root = _root_certificate(args)
    with sessions() as session:
        result = verify_pdf(session, args.file, root_pem=root)
    lines = [f"{result.message('zh')} / {result.message('en')}"]
    if result.number:
        lines.append(f"文号 / number: {result.number}  记录 / record: {result.record_id}")
    if result.signer:
        lines.append(f"签章人 / signer: {result.signer}  签章时间 / signed at: {result.signing_time or '—'}")
    _emit(args, result.as_json(), "\n".join(lines))
    return 0 if result.ok else 1


def _root_certificate(args: argparse.Namespace) -> bytes | None:
    """``--root FILE``, else the root of a bureau data folder (signing/root-cert.pem), else the one pinned at sign-in."""
    if getattr(args, "root", None):
        try:
            return Path(args.root).read_bytes()
        except OSError as exc:
            raise ValueError(f"无法读取根证书 / cannot read the root certificate {args.root}: {exc.strerror}") from None
    bureau_root = Path(args.data_dir) / "signing" / "root-cert.pem"
    return bureau_root.read_bytes() if bureau_root.is_file() else None


def _handler(run: Callable[[argparse.Namespace, SessionFactory], int]) -> Callable[[argparse.Namespace], int]:
    def handle(args: argparse.Namespace) -> int:
        from cdo_desktop.store.folder import DatabaseMissing

        try:
            return run(args, _session_factory(args))
        except (ValueError, DatabaseMissing) as exc:
            print(f"错误 / error: {exc}", file=sys.stderr)
            return 2

    return handle


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    """Add ``pdf`` and ``verify`` to the ``cdo`` command (``sub`` is its subparsers object)."""
    p = sub.add_parser("pdf", parents=[common], help="write a printed document (PDF)")
    psub = p.add_subparsers(dest="pdf_kind", required=True, metavar="DOCUMENT")
    for kind, label in (("ruling", "裁决书"), ("notice", "问责通知书"), ("reply", "共享申请答复书"),
                        ("certificate", "数据资产登记凭证")):
        d = psub.add_parser(kind, parents=[common], help=f"{label}, by document number")
        d.add_argument("number", metavar="NUMBER", help="e.g. 佛数裁〔2026〕12号 (ASCII brackets accepted)")
        d.add_argument("-o", "--output", type=Path, required=True, metavar="FILE")
        d.add_argument("--lang", choices=("zh", "en"), default="zh",
                       help="zh: the document as issued (default); en: its English rendering")
        if kind != "reply":
            d.add_argument("--file-issued", action="store_true",
                           help="record this file's SHA-256 as the issued document (bureau data folder)")
        d.set_defaults(func=_handler(run_pdf))
    d = psub.add_parser("scorecard", parents=[common], help="部门数据共享绩效报告 for a period")
    d.add_argument("--from", dest="start", type=_date, required=True, metavar="DATE")
    d.add_argument("--to", dest="end", type=_date, required=True, metavar="DATE")
    d.add_argument("--issued", type=_date, default=None, metavar="DATE", help="date printed (default: --to)")
    d.add_argument("-o", "--output", type=Path, required=True, metavar="FILE")
    d.set_defaults(func=_handler(run_pdf))
    d = psub.add_parser("notices", parents=[common], help="问责通知书 in batch")
    d.add_argument("--all-open", action="store_true", help="every notice not yet closed")
    d.add_argument("--progress", action="store_true", help="show the progress bar even when not on a terminal")
    d.add_argument("--jobs", type=int, default=None, metavar="N",
                   help="render in N processes (default: one per core)")
    d.add_argument("-o", "--output", type=Path, required=True, metavar="DIR")
    d.set_defaults(func=_handler(run_notices))

    v = sub.add_parser("verify", parents=[common], help="check a printed document against the database")
    v.add_argument("file", type=Path, metavar="FILE.pdf")
    v.add_argument("--root", type=Path, metavar="CERT.pem",
                   help="the bureau root certificate to trust (default: the data folder's, or the one pinned at sign-in)")
    v.set_defaults(func=_handler(run_verify))
