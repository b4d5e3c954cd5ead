"""Documents built from a demo database, and `cdo verify` of unsigned drafts: never a match, always what differs."""

from __future__ import annotations

import hashlib
import io
import json
from pathlib import Path

import pdfplumber
import pypdf
import pytest
from reportlab.pdfgen.canvas import Canvas
from sqlmodel import Session, select

from cdo_desktop.cli import main
from cdo_desktop.domain.errors import InvalidState
from cdo_desktop.reports import documents
from cdo_desktop.reports.verify import Status, verify_bytes, verify_code
from cdo_desktop.store import models as m
from cdo_desktop.store.migrate import open_database
from tests.unit.reports.conftest import decode_qr


@pytest.fixture
def session(demo_dir: Path):
    db = open_database(demo_dir)
    with Session(db.writer, expire_on_commit=False) as s:
        try:
            yield s
        finally:
            s.rollback()
    db.dispose()


def _first(session: Session, model: type) -> object:
    row = session.exec(select(model).order_by(model.number)).first()
    assert row is not None, model
    return row


def test_every_ruling_and_notice_in_the_demo_renders_with_the_fingerprint_the_service_stored(session: Session) -> None:
    rulings = session.exec(select(m.Ruling)).all()
    notices = session.exec(select(m.AccountabilityRecord)).all()
    assert rulings and notices
    for kind, rows in (("ruling", rulings), ("notice", notices)):
        for row in rows:
            view = documents.load_view(session, kind, row.number)
            data = documents.render(view)
            result = verify_bytes(session, data)
            assert result.status is Status.UNSIGNED and not result.changed_fields, (row.number, result)
            assert result.fingerprint == view.fingerprint


def test_replies_and_scorecard_render_and_verify(session: Session) -> None:
    answered = session.exec(select(m.SharingRequest).where(m.SharingRequest.answered_on != None)).all()  # noqa: E711
    replies = [r for r in answered if r.reply_number]
    assert replies
    for req in replies[:5]:
        data = documents.render(documents.load_view(session, "reply", req.number))
        assert verify_bytes(session, data).status is Status.UNSIGNED
    settled = [r for r in answered if not r.reply_number]  # granted or refused at the bureau's check
    assert settled
    with pytest.raises(InvalidState, match="wrote no reply") as refused:
        documents.load_view(session, "reply", settled[0].number)
    assert "合规审核" in refused.value.zh
    first = min(r.checked_on for r in answered if r.checked_on)
    view = documents.scorecard(session, first, first.replace(month=12, day=31))
    assert view.total.received >= 1
    assert verify_bytes(session, documents.render(view)).status is Status.UNSIGNED


def test_editing_one_field_of_the_record_is_reported_by_name(session: Session) -> None:
    ruling = _first(session, m.Ruling)
    data = documents.render(documents.load_view(session, "ruling", ruling.number))
    ruling.reasoning = ruling.reasoning + "（修改）"
    session.add(ruling)
    session.flush()
    result = verify_bytes(session, data)
    assert result.status is Status.UNSIGNED
    assert "reasoning" in result.changed_fields and "record.reasoning" in result.changed_fields
    assert "reasoning" in result.message("en")


def test_an_edited_order_deadline_is_reported_with_its_position(session: Session) -> None:
    # the first ruling that orders something (a dismissed classification claim orders nothing)
    order = session.exec(select(m.RulingOrder).join(m.Ruling, m.Ruling.id == m.RulingOrder.ruling_id)
                         .order_by(m.Ruling.number)).first()
    assert order is not None
    ruling = session.get(m.Ruling, order.ruling_id)
    assert ruling is not None
    data = documents.render(documents.load_view(session, "ruling", ruling.number))
    # a ruling issued with claims orders "within N working days of receipt": the due date is fixed at receipt
    # and is not part of the issued document; the number of days is
    order.due_on = order.due_on.replace(year=order.due_on.year + 1)
    session.flush()
    assert f"orders[{order.position}].due_on" in verify_bytes(session, data).changed_fields
    order.deadline_days += 5
    session.flush()
    assert f"orders[{order.position}].deadline_days" in verify_bytes(session, data).changed_fields


def test_an_unsigned_file_is_never_a_match_even_with_a_stored_pdf_hash(session: Session) -> None:
    rec = _first(session, m.AccountabilityRecord)
    data = documents.render(documents.load_view(session, "notice", rec.number))
    tampered = data.replace(b"/Title (", b"/Title (X", 1)
    assert tampered != data
    assert verify_bytes(session, tampered).status is Status.UNSIGNED
    rec.pdf_sha256 = hashlib.sha256(data).hexdigest()
    session.flush()
    assert verify_bytes(session, data).status is Status.UNSIGNED
    assert verify_bytes(session, data + b"\n%extra").status is Status.UNSIGNED


def test_unknown_documents(session: Session) -> None:
    buffer = io.BytesIO()
    canvas = Canvas(buffer)
    canvas.drawString(100, 700, "not a CDO document")
    canvas.save()
    assert verify_bytes(session, buffer.getvalue()).status is Status.UNKNOWN
    from cdo_desktop.reports import samples

    assert verify_bytes(session, documents.render(samples.sample_notice())).status is Status.UNKNOWN


def test_a_scanned_code_is_checked_against_the_record(session: Session) -> None:
    ruling = _first(session, m.Ruling)
    data = documents.render(documents.load_view(session, "ruling", ruling.number))
    pages = len(pdfplumber.open(io.BytesIO(data)).pages)
    [code] = [c for index in range(pages) for c in decode_qr(data, index)]  # not always on the 版记's page
    assert verify_code(session, code).status is Status.UNSIGNED  # nothing issued here: a draft's code
    assert "尚无印发记录" in verify_code(session, code).detail
    ruling.findings = [*ruling.findings, "新增事实"]
    session.flush()
    assert "不符" in verify_code(session, code).detail
    assert verify_code(session, "hello").status is Status.UNKNOWN


def test_cli_pdf_and_verify(demo_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = open_database(demo_dir)
    with db.read() as s:
        number = s.exec(select(m.Ruling.number)).first()
        open_notices = [r for r in s.exec(select(m.AccountabilityRecord)).all() if r.state != "closed"]
    db.dispose()
    out = tmp_path / "ruling.pdf"
    base = ["--data-dir", str(demo_dir)]
    assert main([*base, "pdf", "ruling", number.replace("〔", "[").replace("〕", "]"), "-o", str(out)]) == 0
    capsys.readouterr()
    assert main([*base, "verify", str(out), "--json"]) == 1
    assert json.loads(capsys.readouterr().out)["status"] == "unsigned"
    out.write_bytes(out.read_bytes() + b"%tampered\n")
    assert main([*base, "verify", str(out)]) == 1
    assert main([*base, "pdf", "notices", "--all-open", "-o", str(tmp_path / "n"), "--json"]) == 0
    assert len(list((tmp_path / "n").glob("*.pdf"))) == len(open_notices)
    assert main([*base, "pdf", "ruling", "佛数裁〔2099〕1号", "-o", str(tmp_path / "x.pdf")]) == 2
    assert main([*base, "pdf", "scorecard", "--from", "2026-01-01", "--to", "2026-12-31", "-o",
                 str(tmp_path / "s.pdf")]) == 0
    english = tmp_path / "ruling-en.pdf"
    assert main([*base, "pdf", "ruling", number, "-o", str(english), "--lang", "en"]) == 0
    capsys.readouterr()
    assert pypdf.PdfReader(english).metadata["/Title"].startswith("Ruling on a Government Data Sharing Dispute")
    assert main([*base, "verify", str(english), "--json"]) == 1  # an English rendering is never the signed original
    assert json.loads(capsys.readouterr().out)["status"] == "unsigned"


def test_filing_the_issued_file_stores_its_hash_once(demo_dir: Path, tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    import shutil

    from cdo_desktop.cli import main

    data = tmp_path / "bureau"
    shutil.copytree(demo_dir, data)
    db = open_database(data)
    with db.read() as s:
        ruling = s.exec(select(m.Ruling)).first()
        assert ruling is not None and ruling.pdf_sha256 is None
    out = tmp_path / "ruling.pdf"
    assert main(["--data-dir", str(data), "pdf", "ruling", ruling.number, "-o", str(out), "--file-issued",
                 "--json"]) == 0
    sha = json.loads(capsys.readouterr().out)["sha256"]
    with db.read() as s:
        assert s.get(m.Ruling, ruling.id).pdf_sha256 == sha  # type: ignore[union-attr]
    out.write_bytes(out.read_bytes() + b"\n% appended\n")
    assert main(["--data-dir", str(data), "verify", str(out), "--json"]) == 1
    assert json.loads(capsys.readouterr().out.splitlines()[-1])["status"] == "unsigned"
    assert main(["--data-dir", str(data), "audit", "verify"]) == 0
