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

from cdo_desktop import __version__
from cdo_desktop.domain.errors import DomainError

PLUGINS = ("cdo_desktop.reports.commands", "cdo_desktop.server.commands", "cdo_desktop.sync.commands",
           "cdo_desktop.transfer.commands", "cdo_desktop.transfer.import_commands")


class UserError(Exception):
    """An error the user can fix; printed without a traceback, exit code 2."""


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"日期格式应为 YYYY-MM-DD / expected a date YYYY-MM-DD: {text!r}") from None


def open_db(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    """Open (and migrate) the database of ``--data-dir``."""
    from cdo_desktop.store.migrate import open_database

    return open_database(Path(args.data_dir))


def emit(args: argparse.Namespace, data: object, text: str) -> None:
    """Print ``data`` as JSON under ``--json``, else ``text``."""
    if getattr(args, "json", False):
        print(json.dumps(data, ensure_ascii=False, default=str))
    else:
        print(text)


def cmd_init(args: argparse.Namespace) -> int:
    from cdo_desktop.services.bootstrap import ensure_initialised
    from cdo_desktop.store.migrate import head_revision

    db = open_db(args)
    created = ensure_initialised(db)
    emit(
        args,
        {"data_dir": str(args.data_dir), "schema": head_revision(), "created": created},
        f"数据库已就绪 / database ready: {db.path} (schema {head_revision()})",
    )
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    from cdo_desktop.demo.network import generate

    db = open_db(args)
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


def cmd_audit_verify(args: argparse.Namespace) -> int:
    from cdo_desktop.store.audit import verify_chain

    db = open_db(args)
    with db.read() as session:
        report = verify_chain(session)
    data = {"ok": report.ok, "checked": report.checked, "broken_at": report.broken_at, "reason": report.reason}
    if report.ok:
        emit(args, data, f"审计链完整 / audit chain intact: {report.checked} entries")
        return 0
    emit(
        args,
        data,
        f"审计链在第 {report.broken_at} 条断开 / audit chain broken at entry {report.broken_at}: {report.reason}",
    )
    return 1


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
    a = asub.add_parser("verify", parents=[common], help="walk the chain; exit 1 naming the first broken entry")
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
