"""The verification link of a document's QR code, answered by a real bureau server over HTTP: issued,
superseded (the record changed after issue), unknown; never the document's content."""

from __future__ import annotations

from pathlib import Path

import httpx
from sqlmodel import Session, select

from cdo_desktop.demo.network import generate
from cdo_desktop.server.app import prepare_database
from cdo_desktop.server.config import ServerConfig
from cdo_desktop.store import models as m
from tests.integration.harness import LiveServer


def test_verify_link_answers_status_without_content(tmp_path: Path) -> None:
    config = ServerConfig(data_dir=tmp_path / "server")
    db = prepare_database(config)
    generate(db, scale=40, seed=2026, progress=False, with_accounts=False)
    with Session(db.writer) as session:
        rulings = session.exec(select(m.Ruling).order_by(m.Ruling.number)).all()
        notices = session.exec(select(m.AccountabilityRecord).order_by(m.AccountabilityRecord.number)).all()
        assert len(rulings) >= 2 and notices  # the demo at this scale holds one notice (a misuse finding)
        ruling = rulings[0]
        changed = notices[0]
        changed.report_requirement = "另行要求：补充说明"  # the record changes after issue
        session.add(changed)
        session.commit()
        ruling_fp, changed_fp, kept = ruling.fingerprint, changed.fingerprint, rulings[1]
        kept_fp, kept_number, violation = kept.fingerprint, kept.number, kept.reasoning
    db.dispose()
    server = LiveServer(config).start()
    try:
        issued = httpx.get(f"{server.url}/verify/{ruling_fp}").json()
        assert issued["status"] == "issued" and issued["kind"] == "ruling" and issued["number"] == ruling.number
        assert httpx.get(f"{server.url}/verify/{changed_fp}").json()["status"] == "superseded"
        answer = httpx.get(f"{server.url}/verify/{kept_fp.upper()}")
        assert answer.json()["status"] == "issued" and answer.json()["number"] == kept_number
        assert violation not in answer.text  # no content for the unauthenticated
        unknown = httpx.get(f"{server.url}/verify/{'0' * 64}")
        assert unknown.status_code == 404 and unknown.json()["status"] == "unknown"
        bad = httpx.get(f"{server.url}/verify/not-a-fingerprint")
        assert bad.status_code == 400 and bad.json()["error"]["field"] == "fingerprint" and "十六进制" in bad.json()["error"]["zh"]
    finally:
        server.stop()
