"""`cdo export NAME --format csv|xlsx|json -o FILE [--lang zh|en] [--from DATE --to DATE]`."""

from __future__ import annotations

import argparse
import datetime as dt
import json
from pathlib import Path
from typing import Any

# the exports the CLI offers (the scorecard is registered by cli.py from reports/); the registry itself is imported
# only when a command runs, so that `cdo --help` loads no database stack
NAMES = ("catalogue", "open-catalogue", "requests", "disputes", "rulings", "accountability", "scorecard", "assets",
         "platforms")
FORMATS = ("csv", "xlsx", "json")


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    p = subparsers.add_parser("export", parents=[common], help="导出列表 / export a list (csv, xlsx, json)")
    p.add_argument("name", choices=NAMES)
    p.add_argument("--format", choices=FORMATS, default="csv")
    p.add_argument("-o", "--output", required=True, type=Path)
    p.add_argument("--lang", choices=("zh", "en"), default="zh", help="表头语言 / header language")
    p.add_argument("--from", dest="start", type=dt.date.fromisoformat, default=None,
                   help="scorecard: 期间起 / period start (default: 1 January of this year)")
    p.add_argument("--to", dest="end", type=dt.date.fromisoformat, default=None,
                   help="scorecard: 期间止 / period end (default: today)")
    p.set_defaults(func=cmd_export)


def cmd_export(args: argparse.Namespace) -> int:
    from cdo_desktop.cli import UserError, open_db
    from cdo_desktop.transfer import export

    if args.name not in export.EXPORTERS:
        raise UserError(f"导出“{args.name}”不可用 / export {args.name!r} is not available")
    db = open_db(args)
    try:
        with db.read() as session:
            count = export.write(args.name, session, args.output, args.format, args.lang)
    except export.ExportError as exc:
        raise UserError(str(exc)) from None
    data = {"export": args.name, "format": args.format, "rows": count, "file": str(args.output)}
    if getattr(args, "json", False):
        print(json.dumps(data, ensure_ascii=False))
    else:
        print(f"已导出 / exported: {count} 行 / rows → {args.output}")
    return 0
