"""Trust end to end, on SQLite and PostgreSQL: the bureau signs what it issues, a desktop verifies offline against
the root it pinned, forgeries made with the product's own renderer never match, pyHanko agrees with `cdo verify`,
a changed root and a rolled-back, truncated or re-hashed audit chain are refused, an empty database never serves."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import json
import subprocess
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import text
from sqlmodel import select

from cdo_desktop.domain.canonical import chain_hash
from cdo_desktop.reports import documents, signing
from cdo_desktop.reports.verify import Status, verify_bytes
from cdo_desktop.reports.views import OrderView, PartyView, view_from_dict
from cdo_desktop.server import keys
from cdo_desktop.server.app import prepare_database
from cdo_desktop.store import audit
from cdo_desktop.store import models as m
from cdo_desktop.store.migrate import DatabaseMissing
from cdo_desktop.sync.trust import TrustRefused
from tests.integration.conftest import BACKENDS, Bureau, fresh_config
from tests.integration.harness import Desktop, LiveServer, mutation, pg_drop, sign_in
from tests.integration.world import PASSWORD, World

PASSPHRASE = "bureau-signing-pass"


@pytest.fixture(params=BACKENDS)
def signed_bureau(request: pytest.FixtureRequest, tmp_path: Path, tmp_path_factory: pytest.TempPathFactory,
                  monkeypatch: pytest.MonkeyPatch) -> Iterator[Bureau]:
    config, world, database = fresh_config(request.param, tmp_path, tmp_path_factory.getbasetemp())
    keys.init(config.data_dir, bureau_name="佛山市政务服务数据管理局", passphrase=PASSPHRASE.encode())
    monkeypatch.setenv(keys.ENV_PASSPHRASE, PASSPHRASE)
    server = LiveServer(config).start()
    yield Bureau(server, world, request.param, database)
    server.stop()
    if database:
        pg_drop(database)


def _push(url: str, token: str, *mutations: Any) -> None:
    answer = httpx.post(f"{url}/v1/sync/push", headers={"Authorization": f"Bearer {token}"},
                        json={"mutations": [x.model_dump(mode="json") for x in mutations]}, timeout=120)
    assert answer.status_code == 200, answer.text
    assert all(a["status"] == "accepted" for a in answer.json()["answers"]), answer.text


def _issue_ruling(bureau: Bureau) -> uuid.UUID:
    w: World = bureau.world
    ppl = w.people
    a_token = sign_in(bureau.url, w.users[("A", "commissioner")], PASSWORD)
    arb_token = sign_in(bureau.url, w.users[("bureau", "arbitrator")], PASSWORD)
    dispute, ruling = uuid.uuid4(), uuid.uuid4()
    _push(bureau.url, a_token, mutation("dispute.file", ppl[("A", "commissioner")], dispute, {
        "claimant_department_id": str(w.depts["A"]), "respondent_department_id": str(w.depts["B"]),
        "kind": "other", "statement": "长期不答复共享申请",
        "claims": [{"kind": "order_reply", "text": "责令被申请人依法答复"}]}))
    _push(bureau.url, arb_token,
          mutation("dispute.accept", ppl[("bureau", "arbitrator")], dispute, {}),
          mutation("dispute.rule", ppl[("bureau", "arbitrator")], dispute, {
              "ruling_id": str(ruling), "arbitrator_ids": [str(ppl[("bureau", "arbitrator")])],
              "findings": ["被申请人逾期未答复"], "reasoning": "理由充分",
              "claim_decisions": [{"position": 1, "decision": "upheld", "reasoning": "被申请人未在期限内答复"}],
              "orders": [{"addressee_department_id": str(w.depts["B"]), "action": "答复申请", "deadline_days": 10,
                          "claim_position": 1}]}))
    return ruling


def _issue_notice(bureau: Bureau, ruling_id: uuid.UUID) -> uuid.UUID:
    """A notice on a real ground: the ruling's order, received by B and (time having passed) overdue."""
    from cdo_desktop.domain.actor import derived_id

    w: World = bureau.world
    order_id = derived_id(ruling_id, "order", 1)
    with bureau.db.write() as session:  # the passing of time: the order was received and fell due a month ago
        order = session.get(m.RulingOrder, order_id)
        assert order is not None
        order.received_on = dt.date.today() - dt.timedelta(days=45)
        order.due_on = dt.date.today() - dt.timedelta(days=30)
        session.add(order)
    record = uuid.uuid4()
    token = sign_in(bureau.url, w.users[("bureau", "admin")], PASSWORD)
    _push(bureau.url, token, mutation("accountability.create", w.people[("bureau", "admin")], record, {
        "department_id": str(w.depts["B"]), "violation": "逾期未履行裁决", "measure": "criticism",
        "ground": "order_overdue", "ground_id": str(order_id)}))
    return record


def _signed_file(bureau: Bureau, record_id: uuid.UUID) -> tuple[bytes, m.IssuedDocument]:
    with bureau.db.read() as session:
        row = session.exec(select(m.IssuedDocument).where(m.IssuedDocument.record_id == record_id)).one()
        session.expunge(row)
    assert row.pdf_sha256, "the bureau signed nothing"
    path = bureau.server.config.blob_dir / row.pdf_sha256[:2] / row.pdf_sha256
    return path.read_bytes(), row


def _desktop(bureau: Bureau, tmp_path: Path, who: tuple[str, str] = ("A", "commissioner")) -> Desktop:
    desk = Desktop(tmp_path / f"desk-{who[0]}-{who[1]}", bureau.url, bureau.world.users[who], PASSWORD)
    desk.client.sync()
    return desk


def _pyhanko_says(data: bytes, root: bytes) -> str:
    """pyHanko's own verdict, in the verifier's words (for the agreement check)."""
    from pyhanko.sign.validation.status import SignatureCoverageLevel

    try:
        status = signing.pyhanko_status(data, root)
    except Exception:
        return "signature_invalid"
    if status is None:
        return "no_signature"
    if not (status.intact and status.valid and status.trusted):
        return "signature_invalid"
    if status.coverage == SignatureCoverageLevel.ENTIRE_FILE:
        return "signed"
    if status.coverage == SignatureCoverageLevel.ENTIRE_REVISION:
        return "modified_after_signing"
    return "signature_invalid"


def _agrees(verdict: str, status: Status) -> bool:
    return {
        "signed": status in (Status.SIGNED_MATCH, Status.FILE_CHANGED, Status.RECORD_CHANGED, Status.UNKNOWN),
        "modified_after_signing": status is Status.MODIFIED_AFTER_SIGNING,
        "signature_invalid": status is Status.SIGNATURE_INVALID,
        "no_signature": status in (Status.UNSIGNED, Status.UNKNOWN),
    }[verdict]


def _append_update(data: bytes) -> bytes:
    """An incremental update after signing (what an editor does when it saves an annotation)."""
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    writer = IncrementalPdfFileWriter(io.BytesIO(data))
    info = writer.trailer["/Info"]
    info[generic.NameObject("/Title")] = generic.TextStringObject("改过的标题")
    writer.update_container(info)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_signed_ruling_and_forgeries(signed_bureau: Bureau, tmp_path: Path) -> None:
    bureau = signed_bureau
    ruling_id = _issue_ruling(bureau)
    notice_id = _issue_notice(bureau, ruling_id)
    desk = _desktop(bureau, tmp_path, ("B", "commissioner"))  # the respondent: a party to the ruling, the notice's addressee
    try:
        root = bureau.server.app.state.keys.root_pem
        with desk.db.read() as session:
            from cdo_desktop.sync import trust

            assert trust.pinned_root(session) == root  # pinned at sign-in
        data, issued = _signed_file(bureau, ruling_id)
        notice_data, _ = _signed_file(bureau, notice_id)
        cases: dict[str, bytes] = {"signed": data, "notice": notice_data}
        # forgeries rendered with the product's own renderer from the issued view
        view = view_from_dict(json.loads(issued.view))
        forged = {
            "decision": dataclasses.replace(view, decision="驳回申请人的仲裁请求"),
            "escalation": dataclasses.replace(view, escalation="本裁决为终局裁决，不得复核。"),
            "orders": dataclasses.replace(view, orders=tuple(
                OrderView(o.position, "测试部门A", o.action, o.deadline_days, o.due_on) for o in view.orders)),
            "parties": dataclasses.replace(view, respondent=PartyView("被申请人", "测试部门C")),
            "arbitrators": dataclasses.replace(view, arbitrators=("张冒名",)),
            "dates": dataclasses.replace(view, issued_on=view.issued_on.replace(year=view.issued_on.year - 1)),
        }
        for name, forged_view in forged.items():
            cases[f"forged-{name}"] = documents.render(forged_view)
        other = keys.init(tmp_path / "rogue", bureau_name="佛山市政务服务数据管理局", passphrase=b"rogue-pass-1")
        rogue = signing.DocumentSigner(cert_pem=other.signing_cert_pem, key=other.signing_key,
                                       chain_pem=other.chain_pem, root_pem=other.root_pem)
        cases["forged-rogue-key"] = documents.render_signed(forged["decision"], rogue)
        flipped = bytearray(data)
        flipped[len(data) // 3] ^= 0x01
        cases["flipped-byte"] = bytes(flipped)
        cases["incremental-update"] = _append_update(data)
        src, dst = tmp_path / "in.pdf", tmp_path / "qpdf.pdf"
        src.write_bytes(data)
        subprocess.run(["qpdf", str(src), str(dst)], check=False)
        cases["qpdf-resave"] = dst.read_bytes()

        expected = {
            "signed": Status.SIGNED_MATCH, "notice": Status.SIGNED_MATCH,
            "forged-rogue-key": Status.SIGNATURE_INVALID, "flipped-byte": Status.SIGNATURE_INVALID,
            "incremental-update": Status.MODIFIED_AFTER_SIGNING, "qpdf-resave": Status.SIGNATURE_INVALID,
        }
        with desk.db.read() as session:
            for name, blob in cases.items():
                result = verify_bytes(session, blob)  # the desktop's pinned root, its own copy of the issued view
                if name.startswith("forged-") and name != "forged-rogue-key":
                    assert result.status is Status.UNSIGNED, (name, result)
                    assert result.changed_fields, (name, result)  # says what differs from the issued copy
                else:
                    assert result.status is expected[name], (name, result)
                assert result.status is not Status.SIGNED_MATCH or name in ("signed", "notice")
                assert _agrees(_pyhanko_says(blob, root), result.status), (name, result)
        # the record changes after issue: named field by field
        with desk.db.write() as session:
            session.execute(text("UPDATE ruling_order SET action = '改过的义务' WHERE ruling_id = :r"),
                            {"r": ruling_id.hex})
        with desk.db.read() as session:
            changed = verify_bytes(session, data)
        assert changed.status is Status.RECORD_CHANGED, changed
        assert "orders[1].action" in changed.changed_fields, changed
    finally:
        desk.close()


def test_desktop_refuses_changed_root_and_rolled_back_chain(signed_bureau: Bureau, tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    bureau = signed_bureau
    _issue_ruling(bureau)
    desk = _desktop(bureau, tmp_path)
    try:
        with desk.db.read() as session:
            from cdo_desktop.sync import trust

            mine = trust.last_checkpoint(session)
        assert mine is not None and mine.position > 0
        # re-hash: rewrite one entry and recompute every later hash (the chain still walks clean on the server)
        with bureau.db.write() as session:
            rows = list(session.exec(select(m.AuditEntry).order_by(m.AuditEntry.position)))  # type: ignore[arg-type]
            prev = audit.GENESIS
            for row in rows:
                if row.position == 2:
                    row.payload = row.payload.replace("测试部门", "伪造部门")
                row.prev_hash = prev
                row.hash = chain_hash(prev, audit.entry_body(row))
                prev = row.hash
                session.add(row)
        with bureau.db.read() as session:
            assert audit.verify_chain(session).ok  # the walk alone is fooled …
            assert not audit.verify_checkpoints(session, bureau.server.app.state.keys.checkpoint_public).ok
        with pytest.raises(TrustRefused) as refused:  # … the desktop is not
            desk.client.sync()
        assert refused.value.code == "chain_rollback"
        # truncation / rollback: the last entries disappear
        with bureau.db.write() as session:
            session.execute(text("DELETE FROM audit_entry WHERE position > :p"), {"p": mine.position - 3})
        with pytest.raises(TrustRefused):
            desk.client.sync()
        # a new epoch alone does not excuse it (the server rotates by itself when it finds itself restored) …
        from cdo_desktop.server import checkpoints, ledger

        ledger.rotate_epoch(bureau.db)
        with pytest.raises(TrustRefused):
            desk.client.sync()
        # … the bureau's signed acknowledgement of the restore does (`cdo admin epoch rotate` with the key)
        epoch = ledger.rotate_epoch(bureau.db)
        checkpoints.acknowledge_restore(bureau.db, bureau.server.app.state.keys, bureau.server.config.data_dir, epoch)
        report = desk.client.sync()
        assert report.redownloaded
        with desk.db.read() as session:
            kept = trust.last_checkpoint(session)
        assert kept is not None and kept.epoch == epoch
    finally:
        desk.close()
    # a new root on the same address: refused at sign-in
    bureau.server.stop()
    keys.init(bureau.server.config.data_dir, bureau_name="冒充的政数局", passphrase=PASSPHRASE.encode(), force=True)
    bureau.server.start()
    from cdo_desktop.store.migrate import open_database
    from cdo_desktop.sync.signin import login

    db = open_database(tmp_path / "desk-A-commissioner")
    try:
        with pytest.raises(TrustRefused) as changed:
            login(db, server_url=bureau.url, username=bureau.world.users[("A", "commissioner")], password=PASSWORD)
        assert changed.value.code == "root_changed"
    finally:
        db.dispose()
    # re-pinning is deliberate: only with the new root's fingerprint, confirmed out of band
    from cdo_desktop.cli import main

    new_root = keys.load(bureau.server.config.data_dir, passphrase=PASSPHRASE.encode()).root_fingerprint
    login_args = ["--data-dir", str(tmp_path / "desk-A-commissioner"), "login", "--server", bureau.url, "--user",
                  bureau.world.users[("A", "commissioner")], "--password-stdin"]
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
    assert main([*login_args, "--repin", "00" * 32]) == 2
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
    assert main([*login_args, "--repin", new_root]) == 0


def test_server_refuses_an_empty_database(bureau: Bureau, tmp_path: Path) -> None:
    config = bureau.server.config
    bureau.server.stop()
    assert (config.data_dir / "server-epoch.json").exists()
    if bureau.backend == "sqlite":
        (config.data_dir / "cdo.sqlite3").write_bytes(b"")
        for extra in ("cdo.sqlite3-wal", "cdo.sqlite3-shm"):
            (config.data_dir / extra).unlink(missing_ok=True)
        with pytest.raises(DatabaseMissing):
            prepare_database(config)
        (config.data_dir / "cdo.sqlite3").unlink()
        with pytest.raises(DatabaseMissing):
            prepare_database(config)
        assert not (config.data_dir / "cdo.sqlite3").exists()  # nothing created
    else:
        from tests.integration.harness import pg_execute, pg_url

        empty = f"cdo_empty_{uuid.uuid4().hex[:10]}"
        pg_execute(f'CREATE DATABASE "{empty}"')
        try:
            moved = dataclasses.replace(config, database_url=pg_url(empty))
            with pytest.raises(DatabaseMissing):
                prepare_database(moved)
            prepare_database(moved, new_bureau=True).dispose()  # an explicit new bureau is allowed
        finally:
            pg_drop(empty)


def test_audit_verify_replays_the_bureau_and_names_an_edited_row(signed_bureau: Bureau,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    from cdo_desktop.cli import main

    bureau = signed_bureau
    ruling_id = _issue_ruling(bureau)
    config = bureau.server.config
    args = ["--data-dir", str(config.data_dir), "audit", "verify", "--json"]
    if config.database_url:
        args += ["--database-url", config.database_url]
    capsys.readouterr()
    assert main(args) == 0, capsys.readouterr().out
    with bureau.db.write() as session:
        session.execute(text("UPDATE ruling SET reasoning = '事后改写的理由' WHERE id = :r"),
                        {"r": ruling_id if config.database_url else ruling_id.hex})
    capsys.readouterr()
    assert main(args) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["difference"]["table"] == "ruling" and report["difference"]["field"] == "reasoning", report


def _register_asset(bureau: Bureau) -> tuple[uuid.UUID, str, str]:
    """B's cdo applies to register B's resource as an asset, the bureau registers it: the certificate is issued."""
    w: World = bureau.world
    holder = sign_in(bureau.url, w.users[("B", "cdo")], PASSWORD)
    admin = sign_in(bureau.url, w.users[("bureau", "admin")], PASSWORD)
    asset = uuid.uuid4()
    _push(bureau.url, holder, mutation("asset.apply", w.people[("B", "cdo")], asset, {
        "code": "440600-T-B-ZC-0001", "resource_id": str(w.resources["B"]), "name": "乙部门人口数据资产",
        "scope": "全市户籍人口", "volume": "约 10 万条", "record_count": 100000, "quality_grade": "b"}))
    _push(bureau.url, admin, mutation("asset.approve", w.people[("bureau", "admin")], asset, {}))
    return asset, holder, admin


def _editions(bureau: Bureau, asset: uuid.UUID) -> list[m.IssuedDocument]:
    with bureau.db.read() as session:
        rows = list(session.exec(select(m.IssuedDocument).where(m.IssuedDocument.record_id == asset)))
        for row in rows:
            session.expunge(row)
    return sorted(rows, key=lambda r: r.issued_at or dt.datetime.min.replace(tzinfo=dt.UTC))


def _blob(bureau: Bureau, row: m.IssuedDocument) -> bytes:
    assert row.pdf_sha256, "the bureau signed nothing"
    return (bureau.server.config.blob_dir / row.pdf_sha256[:2] / row.pdf_sha256).read_bytes()


def test_the_registration_certificate_is_signed_at_issue_and_forgeries_never_match(signed_bureau: Bureau,
                                                                                  tmp_path: Path) -> None:
    bureau = signed_bureau
    w: World = bureau.world
    root = bureau.server.app.state.keys.root_pem
    asset, holder_token, admin_token = _register_asset(bureau)
    first = _editions(bureau, asset)
    assert [r.kind for r in first] == ["certificate"] and first[0].number.startswith("佛数资")
    data = _blob(bureau, first[0])
    assert _pyhanko_says(data, root) == "signed"
    if bureau.backend == "sqlite":  # `cdo pdf certificate` on the bureau's data folder hands out the signed copy
        from cdo_desktop.cli import main

        out = tmp_path / "certificate.pdf"
        assert main(["pdf", "certificate", first[0].number, "-o", str(out), "--data-dir",
                     str(bureau.server.config.data_dir), "--json"]) == 0
        assert out.read_bytes() == data
    view = view_from_dict(json.loads(first[0].view))
    forged = {
        "holder": dataclasses.replace(view, holder="测试部门A"),
        "code": dataclasses.replace(view, asset_code="440600-T-A-ZC-0099"),
        "volume": dataclasses.replace(view, volume="约 1 亿条", record_count=100_000_000),
        "grade": dataclasses.replace(view, quality_grade="一级（优）"),
        "dates": dataclasses.replace(view, registered_on=view.registered_on.replace(year=view.registered_on.year - 3)),
    }
    cases: dict[str, bytes] = {f"forged-{k}": documents.render(v) for k, v in forged.items()}
    other = keys.init(tmp_path / "rogue", bureau_name="佛山市政务服务数据管理局", passphrase=b"rogue-pass-1")
    rogue = signing.DocumentSigner(cert_pem=other.signing_cert_pem, key=other.signing_key,
                                   chain_pem=other.chain_pem, root_pem=other.root_pem)
    cases["rogue-signed"] = documents.render_signed(forged["holder"], rogue)
    desk = _desktop(bureau, tmp_path, ("B", "cdo"))  # the holder: its certificate travels to it with the sync
    outsider = _desktop(bureau, tmp_path, ("A", "commissioner"))
    try:
        with outsider.db.read() as session:  # another department sees the asset, not its issued certificate
            assert session.get(m.IssuedDocument, first[0].id) is None
        with desk.db.read() as session:
            held = session.get(m.IssuedDocument, first[0].id)
            assert held is not None and held.fingerprint == first[0].fingerprint
            assert verify_bytes(session, data).status is Status.SIGNED_MATCH
            for name, blob in cases.items():
                result = verify_bytes(session, blob)
                assert result.status is not Status.SIGNED_MATCH, (name, result)
                if name == "rogue-signed":
                    assert result.status is Status.SIGNATURE_INVALID, result
                else:
                    assert result.status is Status.UNSIGNED and result.changed_fields, (name, result)
                assert _agrees(_pyhanko_says(blob, root), result.status), (name, result)
        # a change applied for leaves the registration (and the issued certificate) as it was
        _push(bureau.url, holder_token, mutation("asset.request_change", w.people[("B", "cdo")], asset, {
            "name": "乙部门人口数据资产", "scope": "全市户籍及流动人口", "volume": "约 20 万条", "record_count": 200000,
            "quality_grade": "a", "reason": "纳入流动人口"}))
        with bureau.db.read() as session:
            assert verify_bytes(session, data, root_pem=root).status is Status.SIGNED_MATCH
        # 变更 approved: a new edition under the same number; the first one now reads as changed since issue
        _push(bureau.url, admin_token, mutation("asset.approve_change", w.people[("bureau", "admin")], asset, {}))
        editions = _editions(bureau, asset)
        assert len(editions) == 2 and editions[1].number == editions[0].number
        assert editions[1].fingerprint != editions[0].fingerprint
        second = _blob(bureau, editions[1])
        with bureau.db.read() as session:
            now = verify_bytes(session, second, root_pem=root)
            old = verify_bytes(session, data, root_pem=root)
        assert now.status is Status.SIGNED_MATCH, now
        assert old.status is Status.RECORD_CHANGED and {"volume", "change_count"} <= set(old.changed_fields), old
        # 注销: nothing new is issued; the last edition tells the verifier the registration is gone
        _push(bureau.url, holder_token, mutation("asset.request_cancel", w.people[("B", "cdo")], asset,
                                                 {"reason": "系统停用"}))
        _push(bureau.url, admin_token, mutation("asset.approve_cancel", w.people[("bureau", "admin")], asset, {}))
        assert len(_editions(bureau, asset)) == 2
        desk.client.sync()
        with desk.db.read() as session:
            gone = verify_bytes(session, second)
        assert gone.status is Status.RECORD_CHANGED and "status" in gone.changed_fields, gone
    finally:
        desk.close()
        outsider.close()


def _issue_reply(bureau: Bureau) -> uuid.UUID:
    """A's request for B's conditionally shared data: checked by the bureau, approved by B: B's reply is issued."""
    w: World = bureau.world
    a_token = sign_in(bureau.url, w.users[("A", "commissioner")], PASSWORD)
    b_token = sign_in(bureau.url, w.users[("B", "commissioner")], PASSWORD)
    arb_token = sign_in(bureau.url, w.users[("bureau", "arbitrator")], PASSWORD)
    resource, request = uuid.uuid4(), uuid.uuid4()
    _push(bureau.url, b_token, mutation("resource.create", w.people[("B", "commissioner")], resource, {
        "code": "RES-B-COND", "department_id": str(w.depts["B"]), "name": "B部门社保数据",
        "items": [{"name": "姓名"}, {"name": "证件号"}, {"name": "参保状态"}], "share_type": "conditional",
        "share_conditions": "仅用于核验", "legal_basis": "《广东省公共数据管理办法》"}))
    _push(bureau.url, a_token,
          mutation("request.create", w.people[("A", "commissioner")], request, {
              "requester_department_id": str(w.depts["A"]), "resource_id": str(resource), "items": ["姓名", "证件号"],
              "purpose": "核验身份", "legal_basis": "《中华人民共和国社会保险法》", "period_start": "2026-03-01",
              "period_end": "2026-12-31"}),
          mutation("request.submit", w.people[("A", "commissioner")], request, {}))
    _push(bureau.url, arb_token, mutation("request.check", w.people[("bureau", "arbitrator")], request, {}))
    _push(bureau.url, b_token, mutation("request.approve", w.people[("B", "commissioner")], request,
                                        {"reason": "符合共享条件"}))
    return request


def _rogue_signer(tmp_path: Path) -> signing.DocumentSigner:
    other = keys.init(tmp_path / "rogue", bureau_name="佛山市政务服务数据管理局", passphrase=b"rogue-pass-1")
    return signing.DocumentSigner(cert_pem=other.signing_cert_pem, key=other.signing_key,
                                  chain_pem=other.chain_pem, root_pem=other.root_pem)


def test_notice_and_reply_forgeries_never_match(signed_bureau: Bureau, tmp_path: Path) -> None:
    """Issue 9's forgeries of the other documents: an accountability notice with its addressee, measure, violation,
    ground and dates changed, a sharing reply with its outcome, items, parties and dates changed — each rendered
    with the product's own renderer (unsigned) and once signed with another key: never a match, and pyHanko's own
    validator agrees with `cdo verify` on every file."""
    bureau = signed_bureau
    root = bureau.server.app.state.keys.root_pem
    notice_id = _issue_notice(bureau, _issue_ruling(bureau))
    reply_id = _issue_reply(bureau)
    notice_data, notice_row = _signed_file(bureau, notice_id)
    reply_data, reply_row = _signed_file(bureau, reply_id)
    assert (notice_row.kind, reply_row.kind) == ("notice", "reply")
    notice = view_from_dict(json.loads(notice_row.view))
    reply = view_from_dict(json.loads(reply_row.view))
    year = dt.timedelta(days=365)
    forged = {
        "notice-addressee": dataclasses.replace(notice, addressee="测试部门A"),
        "notice-measure": dataclasses.replace(notice, measure="通报批评并约谈主要负责人"),
        "notice-violation": dataclasses.replace(notice, violation="拒不提供共享数据"),
        "notice-ground": dataclasses.replace(notice, ground="另案认定", basis="佛数裁〔2025〕1号裁决",
                                             rule="《虚构条例》"),
        "notice-dates": dataclasses.replace(notice, issued_on=notice.issued_on - year,
                                            defence_due=(notice.defence_due or notice.issued_on) - year),
        "notice-rectification": dataclasses.replace(notice, rectification_days=1,
                                                    rectification_due=notice.issued_on),
        "reply-outcome": dataclasses.replace(reply, outcome="不予同意", state="refused",
                                             reason="涉及国家秘密", items_granted=()),
        "reply-items": dataclasses.replace(reply, items_granted=(*reply.items_granted, "地址")),
        "reply-parties": dataclasses.replace(reply, requester="测试部门C", provider="测试部门A"),
        "reply-dates": dataclasses.replace(reply, period_end=dt.date(2099, 12, 31), issued_on=reply.issued_on - year),
    }
    for name, view in forged.items():
        assert view.fingerprint != (notice if name.startswith("notice") else reply).fingerprint, name
    rogue = _rogue_signer(tmp_path)
    cases: dict[str, bytes] = {"notice": notice_data, "reply": reply_data}
    cases |= {f"forged-{name}": documents.render(view) for name, view in forged.items()}
    cases |= {f"rogue-{name}": documents.render_signed(forged[name], rogue)
              for name in ("notice-addressee", "notice-measure", "reply-outcome")}
    desk = _desktop(bureau, tmp_path, ("B", "commissioner"))  # the notice's addressee and the reply's provider
    try:
        with desk.db.read() as session:
            for name, blob in cases.items():
                result = verify_bytes(session, blob)
                if name in ("notice", "reply"):
                    assert result.status is Status.SIGNED_MATCH, (name, result)
                elif name.startswith("rogue-"):
                    assert result.status is Status.SIGNATURE_INVALID, (name, result)
                else:
                    assert result.status is Status.UNSIGNED and result.changed_fields, (name, result)
                assert _agrees(_pyhanko_says(blob, root), result.status), (name, result)
    finally:
        desk.close()


def test_the_qr_of_every_issued_document_opens_a_link_the_bureau_answers(signed_bureau: Bureau,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """The QR code of a real signed document carries the whole-view fingerprint in a link to the bureau; the
    bureau's /verify answers it (issued, then superseded / cancelled as the record moves on) and never with the
    document's content."""
    from tests.unit.reports.conftest import decode_qr

    bureau = signed_bureau
    monkeypatch.setenv("CDO_PUBLIC_URL", bureau.url)  # `cdo serve --public-url`: the host printed in the links
    w: World = bureau.world
    ruling_id = _issue_ruling(bureau)
    notice_id = _issue_notice(bureau, ruling_id)
    reply_id = _issue_reply(bureau)
    asset, holder_token, admin_token = _register_asset(bureau)

    def link_of(data: bytes) -> str:
        codes = decode_qr(data)
        assert len(codes) == 1 and codes[0].startswith(f"{bureau.url}/verify/"), codes
        return codes[0]

    secrets = {ruling_id: "被申请人逾期未答复", notice_id: "逾期未履行裁决", reply_id: "核验身份", asset: "全市户籍人口"}
    links: dict[uuid.UUID, str] = {}
    for record_id, secret in secrets.items():
        data, row = _signed_file(bureau, record_id)
        links[record_id] = link_of(data)
        assert row.fingerprint in links[record_id]
        answer = httpx.get(links[record_id], timeout=30)
        assert answer.status_code == 200, (row.kind, answer.text)
        body = answer.json()
        assert (body["status"], body["kind"], body["number"]) == ("issued", row.kind, row.number), body
        assert secret not in answer.text and "view" not in body  # no content for the unauthenticated
    # the certificate moves on: a changed registration supersedes the first edition, the new one is issued
    _push(bureau.url, holder_token, mutation("asset.request_change", w.people[("B", "cdo")], asset, {
        "name": "乙部门人口数据资产", "scope": "全市户籍及流动人口", "volume": "约 20 万条", "record_count": 200000,
        "quality_grade": "a", "reason": "纳入流动人口"}))
    assert httpx.get(links[asset], timeout=30).json()["status"] == "issued"  # applied for, not yet approved
    _push(bureau.url, admin_token, mutation("asset.approve_change", w.people[("bureau", "admin")], asset, {}))
    second = link_of(_blob(bureau, _editions(bureau, asset)[-1]))
    assert second != links[asset]
    assert httpx.get(links[asset], timeout=30).json()["status"] == "superseded"
    assert httpx.get(second, timeout=30).json()["status"] == "issued"
    _push(bureau.url, holder_token, mutation("asset.request_cancel", w.people[("B", "cdo")], asset,
                                             {"reason": "系统停用"}))
    _push(bureau.url, admin_token, mutation("asset.approve_cancel", w.people[("bureau", "admin")], asset, {}))
    cancelled = httpx.get(second, timeout=30).json()
    assert cancelled["status"] == "cancelled" and "注销" in cancelled["message"], cancelled
    # a notice whose record was changed after issue
    with bureau.db.write() as session:
        record = session.get(m.AccountabilityRecord, notice_id)
        assert record is not None
        record.violation = "事后改写的违规事实"
        session.add(record)
    assert httpx.get(links[notice_id], timeout=30).json()["status"] == "superseded"
