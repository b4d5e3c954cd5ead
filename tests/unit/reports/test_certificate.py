"""The data asset registration certificate (数据资产登记凭证) from the demo network, read back: text, QR, verify."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pdfplumber
import pypdf
import pytest
from sqlmodel import Session, select

from cdo_desktop.cli import main
from cdo_desktop.reports import documents
from cdo_desktop.reports.fingerprint import QrPayload, grouped_hex
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


def _registered(session: Session) -> m.DataAsset:
    row = session.exec(select(m.DataAsset).where(m.DataAsset.state == "registered").order_by(m.DataAsset.number)).first()
    assert row is not None
    return row


def _text(data: bytes) -> str:
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return re.sub(r"\s+", "", "".join(p.extract_text() or "" for p in pdf.pages))


def test_the_certificate_prints_the_registered_facts_and_a_qr_of_its_record(session: Session) -> None:
    asset = _registered(session)
    view = documents.load_view(session, "certificate", asset.number)
    data = documents.render(view)
    text = _text(data)
    resource = session.get(m.DataResource, asset.resource_id)
    holder = session.get(m.Department, asset.department_id)
    assert resource is not None and holder is not None
    for expected in ("佛山市公共数据资产登记凭证", asset.number, f"资产编码：{asset.code}", f"资产名称：{asset.name}",
                     f"持有单位：{holder.name}", f"对应数据资源：{resource.name}（资源代码：{resource.code}）",
                     f"来源系统：{resource.source_system}", "登记状态：已登记", "佛山市政务服务数据管理局"):
        assert re.sub(r"\s+", "", expected) in text, expected
    registered = asset.registered_on
    assert registered is not None and f"{registered.year}年{registered.month}月{registered.day}日" in text
    assert grouped_hex(view.fingerprint).replace(" ", "") in text
    assert decode_qr(data) == [QrPayload("certificate", asset.number, str(asset.id), view.fingerprint).text()]
    assert len(pypdf.PdfReader(io.BytesIO(data)).pages) >= 1
    # a desktop print is an unsigned draft (the bureau signs at issue, tests/integration/test_trust.py): never a "match"
    result = verify_bytes(session, data)
    assert result.status is Status.UNSIGNED and not result.changed_fields
    assert verify_code(session, decode_qr(data)[0]).status is Status.UNSIGNED


def test_a_change_after_printing_is_reported_by_field(session: Session) -> None:
    asset = _registered(session)
    data = documents.render(documents.load_view(session, "certificate", asset.number))
    asset.volume = "约 1 条"
    session.add(asset)
    session.flush()
    result = verify_bytes(session, data)
    assert result.status is Status.UNSIGNED and "volume" in result.changed_fields


def test_an_unregistered_asset_has_no_certificate(session: Session) -> None:
    pending = session.exec(select(m.DataAsset).where(m.DataAsset.state == "applied")).first()
    assert pending is not None and pending.number == ""
    with pytest.raises(Exception, match="数据资产登记凭证"):
        documents.load_view(session, "certificate", "佛数资〔2026〕999号")


def test_cdo_pdf_certificate_writes_the_file(demo_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = open_database(demo_dir)
    with db.read() as s:
        number = _registered(s).number
    db.dispose()
    out = tmp_path / "凭证.pdf"
    assert main(["pdf", "certificate", number, "-o", str(out), "--data-dir", str(demo_dir), "--json"]) == 0
    assert out.read_bytes().startswith(b"%PDF")
    assert main(["verify", str(out), "--data-dir", str(demo_dir)]) == 1  # unsigned: never reported as a match
