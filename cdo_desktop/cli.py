"""The `cdo` command line (DESIGN.md section 7): a contract that scripts, tests and operators rely on.

Each layer contributes its own commands through a ``commands`` module with ``register(subparsers)``: this file
keeps the global options and the foundation's commands (init, demo-data, workdays, audit). Building the parser
imports nothing beyond the standard library: every handler imports its own layer when it runs, so ``cdo --help``
never loads SQLAlchemy, reportlab, httpx or FastAPI (tests/test_cli_imports.py pins the module set of each command). Errors of the
environment (a bad date, a locked or newer database) print a clear message and exit 2; they never show a traceback.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from cdo_desktop import __version__
from cdo_desktop.domain.errors import DomainError

PLUGINS = ("cdo_desktop.reports.commands", "cdo_desktop.server.commands", "cdo_desktop.sync.commands",
           "cdo_desktop.transfer.commands", "cdo_desktop.transfer.import_commands")


def register_scorecard_export(start: dt.date | None = None, end: dt.date | None = None) -> None:
    """Join reports/ (the figures) and transfer/ (the files), which may not import each other: the scorecard export
    for the period (default: this year up to today)."""
    # loaded like the command plugins: the entry point wires layers, the layers never import it back
    stats = importlib.import_module("cdo_desktop.reports.stats")
    export = importlib.import_module("cdo_desktop.transfer.export")
    end = end or dt.date.today()
    start = start or dt.date(end.year, 1, 1)
    export.register_table("scorecard", f"绩效（{start}至{end}）", f"Scorecard {start} to {end}", stats.SCORECARD_COLUMNS,
                          lambda session: stats.scorecard_rows(session, start, end))


class UserError(Exception):
    """An error the user can fix; printed without a traceback, exit code 2."""


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"日期格式应为 YYYY-MM-DD / expected a date YYYY-MM-DD: {text!r}") from None


def open_db(args: argparse.Namespace, *, create: bool = False):  # type: ignore[no-untyped-def]
    """Open (and migrate) the database of ``--data-dir``; unless ``create`` (cdo init, demo-data, first sign-in),
    a missing or empty database is refused with a clear message instead of being created."""
    from cdo_desktop.store.migrate import DatabaseMissing, open_database, require_existing

    if not create:
        try:
            require_existing(Path(args.data_dir))
        except DatabaseMissing as exc:
            raise UserError(str(exc)) from None
        return open_database(Path(args.data_dir))
    from cdo_desktop.store.migrate import mark_created

    db = open_database(Path(args.data_dir))
    mark_created(Path(args.data_dir))  # the desktop app now knows this folder has a database (docs/trust.md)
    return db


def emit(args: argparse.Namespace, data: object, text: str) -> None:
    """Print ``data`` as JSON under ``--json``, else ``text``."""
    if getattr(args, "json", False):
        print(json.dumps(data, ensure_ascii=False, default=str))
    else:
        print(text)


def cmd_init(args: argparse.Namespace) -> int:
    from cdo_desktop.services.bootstrap import ensure_initialised
    from cdo_desktop.store.migrate import head_revision

    db = open_db(args, create=True)
    created = ensure_initialised(db)
    emit(
        args,
        {"data_dir": str(args.data_dir), "schema": head_revision(), "created": created},
        f"数据库已就绪 / database ready: {db.path} (schema {head_revision()})",
    )
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    from cdo_desktop.demo.network import generate

    db = open_db(args, create=True)
    result = generate(db, scale=args.scale, seed=args.seed, password=args.password, progress=not args.json)
    if args.accounts:
        Path(args.accounts).write_text(json.dumps(result.accounts, ensure_ascii=False, indent=2), encoding="utf-8")
    emit(args, result.summary(), result.describe())
    return 0


def cmd_workdays_add(args: argparse.Namespace) -> int:
    from cdo_desktop.services.context import load_calendar

    db = open_db(args)
    with db.read() as session:
        calendar = load_calendar(session)
    result = calendar.add_workdays(args.date, args.n)
    lines = [f"{result.due.isoformat()}" + ("（不确定：该年度节假日安排未知 / uncertain: holidays unknown）" if result.uncertain else "")]
    lines += [f"  跳过 skipped {d.date.isoformat()} {d.name}" for d in result.skipped]
    emit(args, result.as_json(), "\n".join(lines))
    return 0


def progress_printer(label: str, *, show: bool) -> Any:
    """A one-line progress bar on stderr (``show``: the caller decided a person is watching), else None."""
    if not show:
        return None

    def draw(done: int, total: int) -> None:
        width = 30
        filled = min(width, width * done // total) if total else 0
        sys.stderr.write(f"\r{label} [{'#' * filled}{'.' * (width - filled)}] {done}/{total}"[:120])
        if total and done >= total:
            sys.stderr.write("\n")
        sys.stderr.flush()

    return draw


def _checkpoint_key(session: Any, data_dir: Path) -> tuple[str | None, bool]:
    """(public key, is this the bureau's own chain): the bureau's key file, else the key a desktop pinned."""
    from cdo_desktop.store import models as m

    public = data_dir / "signing" / "checkpoint-key.pub"
    if public.is_file():
        return public.read_text(encoding="ascii").strip(), True
    pinned = session.get(m.SyncState, "bureau_checkpoint_key")
    server = session.get(m.SyncState, "server_url")
    return (pinned.value if pinned is not None and pinned.value else None), not (server is not None and server.value)


def cmd_audit_verify(args: argparse.Namespace) -> int:
    from cdo_desktop.store import audit

    show = args.progress or (sys.stderr.isatty() and not getattr(args, "json", False))
    if args.database_url:  # a bureau on PostgreSQL
        from cdo_desktop.store.migrate import open_database

        db = open_database(Path(args.data_dir), url=args.database_url)
    else:
        db = open_db(args)
    try:
        from cdo_desktop.store.migrate import require_populated

        require_populated(db, str(args.data_dir))
    except Exception as exc:
        raise UserError(str(exc)) from None
    with db.read() as session:
        report = audit.verify_chain(session)
        key, own_chain = _checkpoint_key(session, Path(args.data_dir))
        checkpoints = audit.verify_checkpoints(session, key) if own_chain else _signatures_only(session, key)
    data: dict[str, Any] = {"ok": report.ok, "checked": report.checked, "broken_at": report.broken_at,
                            "reason": report.reason, "checkpoints": checkpoints.checked,
                            "checkpoints_signed": bool(key), "replayed": None, "difference": None}
    if not report.ok:
        emit(args, data, f"审计链在第 {report.broken_at} 条断开 / audit chain broken at entry {report.broken_at}: "
                         f"{report.reason}")
        return 1
    if not checkpoints.ok:
        data.update(ok=False, broken_at=checkpoints.broken_at, reason=checkpoints.reason)
        emit(args, data, f"审计链与政数局签名检查点不符，自第 {checkpoints.broken_at} 条起 / the chain does not match "
                         f"the bureau's signed checkpoints from entry {checkpoints.broken_at}: {checkpoints.reason}")
        return 1
    lines = [f"审计链完整 / audit chain intact: {report.checked} entries, {checkpoints.checked} signed checkpoints"
             + ("" if key else " (未签名 / unsigned: no checkpoint key here)")]
    if args.no_replay:
        lines.append("未重放 / replay skipped (--no-replay)")
    elif not own_chain:
        lines.append("本机为同步副本：记录来自政数局，重放请在服务器上运行 / a synced desktop copy: its rows come from "
                     "the bureau; run the replay on the bureau server")
    else:
        from cdo_desktop.services.replay import verify_rows

        replayed = verify_rows(db, progress=progress_printer("重放 / replay", show=show))
        data["replayed"] = replayed.entries
        if not replayed.ok:
            difference = replayed.difference
            data.update(ok=False, reason=replayed.reason, broken_at=replayed.failed_entry,
                        difference=None if difference is None else {
                            "table": difference.table, "key": difference.key, "field": difference.field,
                            "live": difference.live, "log": difference.replayed})
            emit(args, data, f"数据与审计日志不符 / the rows do not match the audit log: {replayed.reason}")
            return 1
        lines.append(f"重放一致 / replay matches: {replayed.entries} entries, {replayed.rows} rows compared")
    emit(args, data, "\n".join(lines))
    return 0


def _signatures_only(session: Any, key: str | None) -> Any:
    """On a desktop: the bureau's checkpoints it kept must carry the bureau's signature (they describe the
    bureau's chain, not this desktop's own log)."""
    from sqlalchemy import select

    from cdo_desktop.store import audit
    from cdo_desktop.store.models import AuditCheckpoint

    rows = list(session.execute(select(AuditCheckpoint).order_by(AuditCheckpoint.position)).scalars())  # type: ignore[arg-type]
    for cp in rows:
        if key and not audit.checkpoint_signature_ok(key, cp):
            return audit.ChainReport(False, len(rows), cp.position, f"checkpoint {cp.position}: invalid signature")
    return audit.ChainReport(True, len(rows))


def cmd_backup(args: argparse.Namespace) -> int:
    from cdo_desktop.store.backup import backup

    info = backup(Path(args.data_dir), Path(args.file))
    emit(args, {"file": str(info.path), "size": info.size, "schema": info.schema, "audit_entries": info.audit_entries},
         f"已备份 / backed up: {info.path} ({info.size} bytes, {info.audit_entries} audit entries)")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    from cdo_desktop.store.backup import restore

    info = restore(Path(args.data_dir), Path(args.file))
    emit(args, {"file": str(info.path), "schema": info.schema, "audit_entries": info.audit_entries},
         f"已恢复 / restored from {info.path}; the previous database is kept as cdo.sqlite3.before-restore")
    return 0


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--data-dir",
        type=Path,
        default=argparse.SUPPRESS,
        help="数据文件夹 / data folder (default: $CDO_DATA_DIR or the user data folder)",
    )
    common.add_argument("--json", action="store_true", default=argparse.SUPPRESS, help="machine-readable output")
    parser = argparse.ArgumentParser(prog="cdo", description="CDO Desktop 首席数据官协同桌面", parents=[common])
    parser.add_argument("--version", action="version", version=f"cdo {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("init", parents=[common], help="create or migrate the database")
    p.set_defaults(func=cmd_init)

    p = sub.add_parser("demo-data", parents=[common], help="fill the data folder with the Foshan demo network")
    p.add_argument("--scale", type=int, default=200, help="number of sharing requests (default 200)")
    p.add_argument("--seed", type=int, default=2026)
    p.add_argument("--password", default="demo-pass-2026", help="password of every demo account")
    p.add_argument("--accounts", type=Path, help="write the demo sign-ins as JSON to this file")
    p.set_defaults(func=cmd_demo)

    p = sub.add_parser("workdays", parents=[common], help="working-day arithmetic on the official calendar")
    wsub = p.add_subparsers(dest="workdays_command", required=True, metavar="ACTION")
    w = wsub.add_parser("add", parents=[common], help="the Nth working day after DATE (DATE itself not counted)")
    w.add_argument("date", type=_date, metavar="DATE")
    w.add_argument("n", type=int, metavar="N")
    w.set_defaults(func=cmd_workdays_add)

    p = sub.add_parser("audit", parents=[common], help="the hash-chained audit log")
    asub = p.add_subparsers(dest="audit_command", required=True, metavar="ACTION")
    a = asub.add_parser("verify", parents=[common], help="walk the chain, check the signed checkpoints, replay the "
                        "log and compare every row; exit 1 naming the first broken entry or differing row")
    a.add_argument("--no-replay", action="store_true", help="only the chain and the checkpoints (fast)")
    a.add_argument("--database-url", help="the bureau's PostgreSQL database (default: SQLite in the data folder)")
    a.add_argument("--progress", action="store_true", help="show the replay's progress bar even when not on a terminal")
    a.set_defaults(func=cmd_audit_verify)

    p = sub.add_parser("backup", parents=[common], help="consistent copy of the database (SQLite backup API)")
    p.add_argument("file", metavar="FILE")
    p.set_defaults(func=cmd_backup)
    p = sub.add_parser("restore", parents=[common], help="replace the database with a checked backup")
    p.add_argument("file", metavar="FILE")
    p.set_defaults(func=cmd_restore)

    for name in PLUGINS:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise
            continue
        module.register(sub, common)
    _wire_bureau_imports()
    return parser


def _wire_bureau_imports() -> None:
    """An import on the bureau's own database stamps its rows in the bureau's sequence (server/ledger.py); the entry
    point joins the two layers, which may not import each other."""
    commands = importlib.import_module("cdo_desktop.transfer.import_commands")
    if _bureau_applier not in commands.APPLIERS:
        commands.APPLIERS.append(_bureau_applier)


def _bureau_applier(db: object) -> object:
    """The ledger's applier for a bureau's database (loaded only when an import runs: `--help` stays light)."""
    return importlib.import_module("cdo_desktop.server.ledger").applier_for(db)


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not hasattr(args, "data_dir"):
        from cdo_desktop.paths import default_data_dir

        args.data_dir = default_data_dir()
    if not hasattr(args, "json"):
        args.json = False
    if getattr(args, "n", 0) is not None and getattr(args, "n", 0) < 0:
        parser.error("N 不能为负数 / N must not be negative")
    if getattr(args, "command", "") == "export" and args.name == "scorecard":
        if args.start and args.end and args.end < args.start:
            parser.error("--to 不能早于 --from / --to must not be before --from")
        register_scorecard_export(args.start, args.end)
    try:
        return int(args.func(args) or 0)
    except DomainError as exc:
        print(f"错误 / error: {exc.zh} / {exc.en}", file=sys.stderr)
        return 2
    except UserError as exc:
        print(f"错误 / error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("已取消 / cancelled", file=sys.stderr)
        return 130
    except Exception as exc:  # environment errors (bad backup, locked or newer database, disk full): no traceback
        from cdo_desktop.store.backup import BackupError
        from cdo_desktop.store.migrate import SchemaTooNew

        if isinstance(exc, (BackupError, SchemaTooNew, OSError)) or type(exc).__module__.startswith("sqlalchemy"):
            print(f"错误 / error: {exc}", file=sys.stderr)
            return 2
        raise


if __name__ == "__main__":
    raise SystemExit(main())
