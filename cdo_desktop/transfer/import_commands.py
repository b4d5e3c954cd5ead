"""`cdo import KIND FILE` and `cdo import --template KIND -o FILE` (registered by cli.py); `cdo export` of the
registers when no other module offers the command (the export registry adds assets and platforms to its own)."""

from __future__ import annotations

import argparse
import json
import sys
import uuid
from pathlib import Path
from typing import Any

# literal here so that `cdo --help` loads no heavy module (tests/unit/test_import_sets.py); the same as
# transfer.importer.KINDS and transfer.exports.EXPORT_KINDS
KINDS = ("catalogue", "directory", "assets", "platforms")
EXPORT_KINDS = ("catalogue", "directory", "assets", "platforms")

# who writes an import on this data folder, asked in turn (the entry point adds the bureau ledger's: rows written on
# a running bureau's database need their sequence numbers in the same transaction); none answering: written directly
APPLIERS: list[Any] = []


def _db(args: argparse.Namespace) -> Any:
    from cdo_desktop.store.migrate import open_database

    return open_database(Path(args.data_dir))


def resolve_importer(db: Any, who: str | None) -> uuid.UUID:
    """``--as``: a username or commissioner id; by default the desktop's signed-in user, else the bureau admin."""
    from sqlmodel import select

    from cdo_desktop.services.bootstrap import admin_actor_id
    from cdo_desktop.store import models as m

    with db.read() as session:
        if who:
            try:
                return uuid.UUID(who)
            except ValueError:
                account = session.exec(select(m.Account).where(m.Account.username == who)).first()
                if account is None:
                    raise ValueError(f"找不到用户“{who}” / no such user: {who}") from None
                return account.commissioner_id
        signed_in = session.get(m.SyncState, "commissioner_id")
    return uuid.UUID(signed_in.value) if signed_in and signed_in.value else uuid.UUID(str(admin_actor_id()))


def run_import(args: argparse.Namespace) -> int:
    from cdo_desktop.transfer.exports import write_template
    from cdo_desktop.transfer.importer import ImportRefused, import_file

    if args.template:
        if args.output is None:
            raise ValueError("请用 -o 指定模板文件 / give the template file with -o")
        count = write_template(args.kind, args.output)
        print(json.dumps({"template": str(args.output), "columns": count}) if args.json
              else f"已生成导入模板 / template written: {args.output}")
        return 0
    if args.file is None:
        raise ValueError("请指定要导入的文件 / give the file to import")
    db = _db(args)
    actor = resolve_importer(db, args.as_user)
    show = not args.json and sys.stderr.isatty()

    def progress(done: int, total: int) -> None:
        if show:
            filled = 30 * done // total if total else 30
            sys.stderr.write(f"\r[{'#' * filled}{'.' * (30 - filled)}] {done}/{total} 导入 / importing")
            if done >= total:
                sys.stderr.write("\n")
            sys.stderr.flush()

    applier = next((a for a in (factory(db) for factory in APPLIERS) if a is not None), None)
    try:
        result = import_file(db, args.kind, args.file, actor_id=actor, progress=progress, applier=applier)
    except ImportRefused as refused:
        if args.json:
            print(json.dumps({"imported": 0, "problems": [p.as_json() for p in refused.problems],
                              "more": refused.more}, ensure_ascii=False))
        else:
            print(refused.text("zh"), file=sys.stderr)
            print(refused.text("en"), file=sys.stderr)
        return 1
    if args.json:
        print(json.dumps(result.as_json(), ensure_ascii=False))
    else:
        print(f"已导入 {result.rows} 行（{result.mutations} 项变更） / imported {result.rows} rows "
              f"({result.mutations} changes)")
        if result.ignored_columns:
            print(f"未识别而忽略的列 / columns ignored: {'、'.join(result.ignored_columns)}")
    return 0


def run_export(args: argparse.Namespace) -> int:
    from cdo_desktop.transfer.exports import export_table

    count = export_table(_db(args), args.kind, args.output, fmt=args.format)
    print(json.dumps({"kind": args.kind, "file": str(args.output), "rows": count}, ensure_ascii=False) if args.json
          else f"已导出 {count} 行 / exported {count} rows: {args.output}")
    return 0


def _handler(run: Any) -> Any:
    def handle(args: argparse.Namespace) -> int:
        from cdo_desktop.transfer.tables import FileProblem

        try:
            return int(run(args))
        except (ValueError, FileProblem) as exc:
            print(f"错误 / error: {exc}", file=sys.stderr)
            return 2

    return handle


def register(sub: Any, common: argparse.ArgumentParser, *, with_export: bool = True) -> None:
    p = sub.add_parser("import", parents=[common], help="import a spreadsheet (all rows or none)")
    p.add_argument("kind", choices=KINDS, metavar="KIND", help="catalogue | directory | assets | platforms")
    p.add_argument("file", nargs="?", type=Path, metavar="FILE.xlsx|csv")
    p.add_argument("--template", action="store_true", help="write an empty import template instead (-o FILE)")
    p.add_argument("-o", "--output", type=Path, metavar="FILE")
    p.add_argument("--as", dest="as_user", metavar="USER", help="username or commissioner id who imports")
    p.set_defaults(func=_handler(run_import))
    if with_export and "export" not in getattr(sub, "choices", {}):
        e = sub.add_parser("export", parents=[common], help="export a register (csv, xlsx, json)")
        e.add_argument("kind", choices=EXPORT_KINDS, metavar="KIND", help="assets | platforms | catalogue | directory")
        e.add_argument("-o", "--output", type=Path, required=True, metavar="FILE")
        e.add_argument("--format", choices=("csv", "xlsx", "json"), help="default: from the file's extension")
        e.set_defaults(func=_handler(run_export))
