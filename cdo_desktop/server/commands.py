"""`cdo serve` and `cdo admin …`: run the bureau server; manage departments, accounts, tokens and the epoch."""

from __future__ import annotations

import argparse
import datetime as dt
import getpass
import os
import sys
import uuid
from pathlib import Path
from typing import Any

from cdo_desktop.cli import UserError, emit


def _config(args: argparse.Namespace) -> Any:
    from cdo_desktop.server.config import ServerConfig

    return ServerConfig(
        data_dir=Path(args.data_dir), database_url=getattr(args, "database_url", None),
        forwarded_allow_ips=getattr(args, "forwarded_allow_ips", None) or "",
    )


def _db(args: argparse.Namespace) -> Any:
    from cdo_desktop.server.app import prepare_database
    from cdo_desktop.store.migrate import DatabaseMissing

    try:
        return prepare_database(_config(args), new_bureau=getattr(args, "new_bureau", False))
    except DatabaseMissing as exc:
        raise UserError(f"{exc}（确为新建政数局请加 --new-bureau / add --new-bureau if a new bureau is meant)") from None


def cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from cdo_desktop.server import keys
    from cdo_desktop.server.app import create_app, served
    from cdo_desktop.server.config import ENV_DATA_DIR, ENV_DATABASE_URL, ENV_FORWARDED_ALLOW_IPS
    from cdo_desktop.server.http_protocol import NoDelayHTTPProtocol

    config = _config(args)
    try:
        keys.load_configured(config.data_dir)  # a wrong or missing passphrase: said before anything is touched
    except keys.SigningKeyError as exc:
        raise UserError(str(exc)) from None
    db = _db(args)
    if getattr(args, "public_url", None):  # the host of the verification link printed in documents' QR codes
        os.environ["CDO_PUBLIC_URL"] = args.public_url.rstrip("/")
    if args.workers > 1:
        if db.is_sqlite:
            raise UserError("多进程仅支持 PostgreSQL / several workers need PostgreSQL (--database-url)")
        os.environ[ENV_DATA_DIR] = str(config.data_dir)
        os.environ[ENV_DATABASE_URL] = config.url
        os.environ[ENV_FORWARDED_ALLOW_IPS] = config.forwarded_allow_ips
        db.dispose()
        uvicorn.run(  # forwarded headers are handled by the app itself, for the proxies it was told to trust
            "cdo_desktop.server.app:app_from_env", factory=True, host=args.host, port=args.port,
            workers=args.workers, log_level=args.log_level, proxy_headers=False, server_header=False,
            http=NoDelayHTTPProtocol,  # the workers' sockets would otherwise keep Nagle's delay (see http_protocol)
        )
        return 0
    print(f"政数局服务器 / bureau server on http://{args.host}:{args.port} ({'SQLite' if db.is_sqlite else 'PostgreSQL'})",
          file=sys.stderr)
    uvicorn.run(served(create_app(config, db=db)), host=args.host, port=args.port, log_level=args.log_level,
                proxy_headers=False, server_header=False, http=NoDelayHTTPProtocol)
    return 0


def _apply_as_admin(db: Any, kind: str, entity_id: uuid.UUID, payload: dict[str, Any]) -> None:
    from cdo_desktop.domain.mutations import Mutation
    from cdo_desktop.server.exchange import apply_sequenced
    from cdo_desktop.services.bootstrap import admin_actor_id

    apply_sequenced(db, Mutation(kind=kind, actor_id=admin_actor_id(), entity_id=entity_id, payload=payload))


def cmd_department_add(args: argparse.Namespace) -> int:
    db = _db(args)
    dept_id = uuid.uuid4()
    payload = {"code": args.code, "name": args.name, "short_name": args.short_name or "", "level": args.level,
               "is_bureau": args.bureau}
    _apply_as_admin(db, "department.create", dept_id, payload)
    emit(args, {"id": str(dept_id), "code": args.code}, f"部门已添加 / department added: {args.code} {dept_id}")
    return 0


def _read_password(args: argparse.Namespace) -> str:
    if args.password_stdin:
        return sys.stdin.readline().rstrip("\n")
    first = getpass.getpass("密码 / password: ")
    if getpass.getpass("再次输入 / again: ") != first:
        raise UserError("两次输入的密码不一致 / the passwords differ")
    return first


def cmd_user_add(args: argparse.Namespace) -> int:
    from sqlmodel import select

    from cdo_desktop.services.accounts import create_account
    from cdo_desktop.store import models as m

    db = _db(args)
    password = _read_password(args)
    commissioner_id = args.commissioner
    if commissioner_id is None:
        if not args.department or not args.name:
            raise UserError("请给出 --commissioner，或 --department 与 --name / give --commissioner, or --department and --name")
        with db.read() as session:
            dept = session.exec(select(m.Department).where(m.Department.code == args.department)).first()
        if dept is None:
            raise UserError(f"找不到部门编码 / no department with code {args.department}")
        commissioner_id = uuid.uuid4()
        _apply_as_admin(db, "commissioner.appoint", commissioner_id, {
            "name": args.name, "department_id": str(dept.id), "role": args.role,
            "appointed_on": dt.date.today().isoformat(),
        })
    with db.write() as session:
        account = create_account(session, username=args.username, password=password, commissioner_id=commissioner_id)
        data = {"id": str(account.id), "username": account.username, "commissioner_id": str(commissioner_id)}
    emit(args, data, f"账号已创建 / account created: {args.username}")
    return 0


def cmd_user_list(args: argparse.Namespace) -> int:
    from sqlmodel import select

    from cdo_desktop.store import models as m

    db = _db(args)
    with db.read() as session:
        rows = [
            {"id": str(a.id), "username": a.username, "commissioner_id": str(a.commissioner_id), "active": a.active}
            for a in session.exec(select(m.Account).order_by(m.Account.username))
        ]
    emit(args, rows, "\n".join(f"{r['username']:<24} {'active' if r['active'] else 'disabled'}  {r['id']}" for r in rows))
    return 0


def cmd_token_list(args: argparse.Namespace) -> int:
    from sqlmodel import select

    from cdo_desktop.store import models as m
    from cdo_desktop.store.server_models import DeviceToken

    db = _db(args)
    with db.read() as session:
        names = {a.id: a.username for a in session.exec(select(m.Account))}
        rows = [
            {"id": str(t.id), "username": names.get(t.account_id, ""), "device_id": t.device_id,
             "device_name": t.device_name, "created_at": t.created_at, "revoked": t.revoked_at is not None}
            for t in session.exec(select(DeviceToken))
        ]
    emit(args, rows, "\n".join(f"{r['id']}  {r['username']:<20} {r['device_name'] or r['device_id']}"
                               f"{'  (revoked)' if r['revoked'] else ''}" for r in rows))
    return 0


def cmd_token_revoke(args: argparse.Namespace) -> int:
    from cdo_desktop.server.security import revoke

    db = _db(args)
    with db.write() as session:
        done = revoke(session, args.token_id)
    emit(args, {"revoked": done}, "令牌已撤销 / token revoked" if done else "没有可撤销的令牌 / nothing to revoke")
    return 0 if done else 1


def cmd_epoch_rotate(args: argparse.Namespace) -> int:
    from cdo_desktop.server import checkpoints, keys, ledger

    db = _db(args)
    try:
        bureau_keys = keys.load_configured(Path(args.data_dir))
    except keys.SigningKeyError as exc:
        raise UserError(str(exc)) from None
    epoch = ledger.rotate_epoch(db)
    acknowledged = bureau_keys is not None
    if bureau_keys is not None:  # a restore the bureau stands behind: desktops accept the shorter chain
        checkpoints.acknowledge_restore(db, bureau_keys, Path(args.data_dir), epoch)
    emit(args, {"epoch": epoch, "restore_signed": acknowledged},
         f"新纪元 / new epoch {epoch}: desktops will download everything again"
         + ("（已签署恢复确认 / restore acknowledged with the bureau's key）" if acknowledged else ""))
    return 0


def _read_passphrase(args: argparse.Namespace, *, confirm: bool) -> bytes:
    from cdo_desktop.server import keys

    if args.passphrase_stdin:
        value = sys.stdin.readline().rstrip("\n")
    elif keys.passphrase_from_env() is not None:
        return keys.passphrase_from_env() or b""
    else:
        value = getpass.getpass("签章密钥口令 / signing key passphrase: ")
        if confirm and getpass.getpass("再次输入 / again: ") != value:
            raise UserError("两次输入的口令不一致 / the passphrases differ")
    return value.encode("utf-8")


def _signing_done(args: argparse.Namespace, bureau_keys: Any, what: str) -> int:
    from cdo_desktop.server import keys

    data = {"folder": str(keys.folder(Path(args.data_dir))), "root_fingerprint": bureau_keys.root_fingerprint,
            "checkpoint_key": bureau_keys.checkpoint_public}
    emit(args, data, f"{what}\n  根证书指纹 / root certificate SHA-256: {bureau_keys.root_fingerprint}\n"
                     f"  密钥目录 / key folder: {data['folder']} (0600)\n"
                     f"  启动服务器前设置 / before `cdo serve` set {keys.ENV_PASSPHRASE}")
    return 0


def cmd_signing_init(args: argparse.Namespace) -> int:
    from cdo_desktop.server import keys
    from cdo_desktop.services.bootstrap import BUREAU_NAME

    passphrase = _read_passphrase(args, confirm=True)
    try:
        made = keys.init(Path(args.data_dir), bureau_name=args.bureau_name or BUREAU_NAME, passphrase=passphrase,
                         force=args.force)
    except keys.SigningKeyError as exc:
        raise UserError(str(exc)) from None
    return _signing_done(args, made, "已创建政数局根证书和文书签章证书 / bureau root and document-signing certificate created")


def cmd_signing_import(args: argparse.Namespace) -> int:
    from cdo_desktop.server import keys

    p12_password = os.environ.get("CDO_P12_PASSWORD")
    passphrase = _read_passphrase(args, confirm=True)
    try:
        made = keys.import_p12(Path(args.data_dir), args.file, passphrase=passphrase,
                               p12_password=p12_password.encode("utf-8") if p12_password else None)
    except keys.SigningKeyError as exc:
        raise UserError(str(exc)) from None
    return _signing_done(args, made, f"已导入签章证书 / signing certificate imported from {args.file}")


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    db_opt = argparse.ArgumentParser(add_help=False)
    db_opt.add_argument("--database-url", help="postgresql+psycopg://… (default: SQLite in the data folder)")

    p = sub.add_parser("serve", parents=[common, db_opt], help="run the bureau server")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8470)
    p.add_argument("--workers", type=int, default=1, help="uvicorn worker processes (PostgreSQL only)")
    p.add_argument("--log-level", default="info")
    p.add_argument(
        "--forwarded-allow-ips", default="",
        help="reverse proxies (comma-separated addresses or networks) whose X-Forwarded-For/-Proto are believed; "
        "default: none (see docs/operations.md)",
    )
    p.add_argument("--new-bureau", action="store_true",
                   help="start a new, empty bureau even though this data folder has served one before")
    p.add_argument("--public-url", help="the bureau's public address, e.g. https://bureau.example (verification "
                   "links in documents: https://BUREAU/verify/<fingerprint>; env CDO_PUBLIC_URL)")
    p.set_defaults(func=cmd_serve)

    admin = sub.add_parser("admin", parents=[common], help="bureau administration on the server's database")
    asub = admin.add_subparsers(dest="admin_command", required=True, metavar="AREA")

    dept = asub.add_parser("department", parents=[common], help="departments").add_subparsers(
        dest="department_command", required=True, metavar="ACTION")
    d = dept.add_parser("add", parents=[common, db_opt], help="add a department")
    d.add_argument("code")
    d.add_argument("name")
    d.add_argument("--short-name")
    d.add_argument("--level", default="city", choices=["city", "district", "town"])
    d.add_argument("--bureau", action="store_true")
    d.set_defaults(func=cmd_department_add)

    user = asub.add_parser("user", parents=[common], help="sign-in accounts").add_subparsers(
        dest="user_command", required=True, metavar="ACTION")
    u = user.add_parser("add", parents=[common, db_opt], help="create an account (appointing the person if needed)")
    u.add_argument("username")
    u.add_argument("--commissioner", type=uuid.UUID, help="an existing appointment's id")
    u.add_argument("--department", help="department code (with --name: appoint a new commissioner)")
    u.add_argument("--name")
    u.add_argument("--role", default="commissioner", choices=["commissioner", "cdo", "arbitrator", "admin"])
    u.add_argument("--password-stdin", action="store_true")
    u.set_defaults(func=cmd_user_add)
    u = user.add_parser("list", parents=[common, db_opt], help="list accounts")
    u.set_defaults(func=cmd_user_list)

    token = asub.add_parser("token", parents=[common], help="device tokens").add_subparsers(
        dest="token_command", required=True, metavar="ACTION")
    t = token.add_parser("list", parents=[common, db_opt], help="list device tokens")
    t.set_defaults(func=cmd_token_list)
    t = token.add_parser("revoke", parents=[common, db_opt], help="revoke a device token")
    t.add_argument("token_id", type=uuid.UUID)
    t.set_defaults(func=cmd_token_revoke)

    signing = asub.add_parser("signing", parents=[common], help="document-signing keys (PAdES)").add_subparsers(
        dest="signing_command", required=True, metavar="ACTION")
    g = signing.add_parser("init", parents=[common], help="create the bureau root and document-signing certificate")
    g.add_argument("--bureau-name", help="the issuing body's name (default: the bureau's)")
    g.add_argument("--passphrase-stdin", action="store_true", help="read the key passphrase from stdin "
                   "(else the CDO_SIGNING_PASSPHRASE environment variable, else a prompt)")
    g.add_argument("--force", action="store_true", help="replace existing keys (desktops will refuse the new root)")
    g.set_defaults(func=cmd_signing_init)
    g = signing.add_parser("import", parents=[common], help="take the signing certificate from a CA's .p12 file")
    g.add_argument("file", type=Path, metavar="FILE.p12")
    g.add_argument("--passphrase-stdin", action="store_true", help="read the key passphrase from stdin "
                   "(the .p12 file's own password from CDO_P12_PASSWORD)")
    g.set_defaults(func=cmd_signing_import)

    epoch = asub.add_parser("epoch", parents=[common], help="server epoch").add_subparsers(
        dest="epoch_command", required=True, metavar="ACTION")
    e = epoch.add_parser("rotate", parents=[common, db_opt], help="start a new epoch (after restoring a backup)")
    e.set_defaults(func=cmd_epoch_rotate)
