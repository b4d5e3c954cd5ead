"""`cdo login`, `cdo logout` and `cdo sync [--json]` (one push + pull round, headless)."""

from __future__ import annotations

import argparse
import getpass
import platform
import sys
from typing import Any

from cdo_desktop.cli import UserError, emit, open_db


def cmd_login(args: argparse.Namespace) -> int:
    from cdo_desktop.sync.credentials import CredentialsUnavailable
    from cdo_desktop.sync.http import SyncError
    from cdo_desktop.sync.signin import login

    password = sys.stdin.readline().rstrip("\n") if args.password_stdin else getpass.getpass("密码 / password: ")
    from cdo_desktop.sync import trust

    db = open_db(args, create=True)  # signing in is a desktop's first start on the command line
    wanted = (args.repin or "").replace(":", "").replace(" ", "").upper()
    if args.repin:
        with db.write() as session:
            trust.forget(session)
    with db.read() as session:
        pinned_before = trust.pinned_root(session)
    try:
        signed = login(
            db, server_url=args.server, username=args.user, password=password,
            device_name=args.device_name or platform.node(), ca_bundle=args.ca_bundle,
        )
    except CredentialsUnavailable as exc:
        raise UserError(str(exc)) from None
    except SyncError as exc:
        raise UserError(f"{exc.zh} / {exc.en}") from None
    with db.read() as session:
        pinned = trust.pinned_root(session)
    fingerprint = trust.root_fingerprint(pinned) if pinned else ""
    if args.repin and fingerprint.replace(":", "") != wanted:
        with db.write() as session:
            trust.forget(session)
        raise UserError(f"服务器根证书指纹 {fingerprint or '（无）'} 与 --repin 给出的不符，未固定 / the server's root "
                        f"fingerprint {fingerprint or '(none)'} differs from --repin: nothing pinned")
    text = f"已登录 / signed in: {signed.username} ({signed.role})"
    if pinned and not pinned_before:
        text += ("\n首次登录：已固定政数局根证书，请与政数局公布的指纹核对 / first sign-in: the bureau root certificate "
                 f"is now pinned; compare its fingerprint with the one the bureau publishes:\n  SHA-256 {fingerprint}")
    emit(
        args,
        {"username": signed.username, "role": signed.role, "department_id": str(signed.department_id),
         "root_fingerprint": fingerprint, "root_pinned_now": bool(pinned and not pinned_before)},
        text,
    )
    return 0


def cmd_logout(args: argparse.Namespace) -> int:
    from cdo_desktop.sync.signin import logout

    logout(open_db(args))
    emit(args, {"signed_out": True}, "已退出登录 / signed out")
    return 0


def cmd_sync(args: argparse.Namespace) -> int:
    from cdo_desktop.sync.client import SyncClient
    from cdo_desktop.sync.credentials import CredentialsUnavailable
    from cdo_desktop.sync.http import SyncError

    db = open_db(args)
    try:
        client = SyncClient.from_state(db)
        try:
            report = client.sync()
        finally:
            client.close()
    except CredentialsUnavailable as exc:
        raise UserError(str(exc)) from None
    except SyncError as exc:
        raise UserError(f"{exc.zh} / {exc.en}") from None
    data: dict[str, Any] = report.as_json()
    text = (f"推送 pushed {report.pushed}（接受 accepted {report.accepted}，拒绝 refused {report.refused}），"
            f"拉取 pulled {report.pulled}，待发送 pending {report.pending}")
    for warning in report.warnings:
        print(warning, file=sys.stderr)
    emit(args, data, text)
    return 0 if report.pending == 0 else 1


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("login", parents=[common], help="sign in to the bureau server (token into the OS keyring)")
    p.add_argument("--server", required=True, help="https://… address of the bureau server")
    p.add_argument("--user", required=True)
    p.add_argument("--password-stdin", action="store_true")
    p.add_argument("--device-name")
    p.add_argument("--ca-bundle", help="PEM file of the city intranet's certificate authority")
    p.add_argument("--repin", metavar="SHA256", help="the bureau rotated its root: forget the pinned root and the kept "
                   "audit checkpoints and pin the new root, only if its fingerprint is this one (docs/trust.md)")
    p.set_defaults(func=cmd_login)
    p = sub.add_parser("logout", parents=[common], help="revoke this desktop's token and forget it")
    p.set_defaults(func=cmd_logout)
    p = sub.add_parser("sync", parents=[common], help="one push + pull round with the bureau server")
    p.set_defaults(func=cmd_sync)
