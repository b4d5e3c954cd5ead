"""The asset register over real HTTP: the holder applies and values with a report file (uploaded by its hash), the
bureau approves; another department sees the asset of a shared resource but neither its values nor the report."""

from __future__ import annotations

import hashlib
import uuid
from pathlib import Path

import httpx
from sqlalchemy import func, select

from cdo_desktop.server.exchange import apply_sequenced
from cdo_desktop.services.bootstrap import admin_actor_id
from cdo_desktop.store import models as m
from cdo_desktop.sync.outbox import apply_local
from tests.integration.harness import Desktop, mutation, sign_in
from tests.integration.world import PASSWORD, World


def _count(db: object, model: type) -> int:
    with db.read() as session:  # type: ignore[attr-defined]
        return int(session.execute(select(func.count()).select_from(model)).scalar_one())


def test_assets_and_valuations_sync_to_whom_they_belong(bureau, tmp_path: Path) -> None:
    w: World = bureau.world
    holder = Desktop(tmp_path / "b", bureau.url, w.users[("B", "cdo")], PASSWORD)
    other = Desktop(tmp_path / "a", bureau.url, w.users[("A", "commissioner")], PASSWORD)
    holder.client.sync()
    system = uuid.uuid4()
    apply_local(holder.db, mutation("platform.register", holder.actor_id, system, {
        "code": "SYS-B", "name": "乙部门业务系统", "operator_department_id": str(w.depts["B"])}))
    asset = uuid.uuid4()
    apply_local(holder.db, mutation("asset.apply", holder.actor_id, asset, {
        "code": "440600-T-B-ZC-0001", "resource_id": str(w.resources["B"]), "name": "乙部门人口数据资产",
        "scope": "全市", "volume": "约 10 万条"}))
    report = holder.client.sync()
    assert report.refused == 0
    apply_sequenced(bureau.db, mutation("asset.approve", uuid.UUID(str(admin_actor_id())), asset, {}))
    holder.client.sync()
    with holder.db.read() as session:
        row = session.get(m.DataAsset, asset)
        assert row is not None and row.state == "registered" and row.number == "佛数资〔2026〕1号"
    data = b"%PDF-1.4 valuation report of asset 0001"
    sha = hashlib.sha256(data).hexdigest()
    blob = tmp_path / "b" / "blobs" / sha[:2] / sha
    blob.parent.mkdir(parents=True)
    blob.write_bytes(data)
    apply_local(holder.db, mutation("asset.value", holder.actor_id, asset, {
        "valuation_id": str(uuid.uuid4()), "method": "income", "value_yuan": "880000.00", "valued_on": "2026-03-01",
        "valuer": "评估机构", "report_filename": "report.pdf", "report_sha256": sha, "report_size": len(data)}))
    pushed = holder.client.sync()
    assert (pushed.accepted, pushed.refused) >= (1, 0) and pushed.refused == 0
    with bureau.db.read() as session:
        stored = session.get(m.Blob, sha)
        assert stored is not None and stored.present
        assert session.execute(select(m.AssetValuation.value_fen)).scalar_one() == 88_000_000

    other.client.sync()
    assert _count(other.db, m.DataAsset) == 1 and _count(other.db, m.PlatformSystem) == 1
    assert _count(other.db, m.AssetValuation) == 0  # values and reports stay with the holder and the bureau
    assert _count(holder.db, m.AssetValuation) == 1
    a_token = sign_in(bureau.url, w.users[("A", "commissioner")], PASSWORD, device="device-a-blob")
    b_token = sign_in(bureau.url, w.users[("B", "commissioner")], PASSWORD, device="device-b-blob")
    assert httpx.get(f"{bureau.url}/v1/blobs/{sha}", headers={"Authorization": f"Bearer {a_token}"}).status_code == 404
    got = httpx.get(f"{bureau.url}/v1/blobs/{sha}", headers={"Authorization": f"Bearer {b_token}"})
    assert got.status_code == 200 and got.content == data
    holder.close()
    other.close()


def test_an_import_on_a_connected_desktop_goes_through_its_outbox(bureau, tmp_path: Path) -> None:
    from cdo_desktop.sync.outbox import OutboxApplier, pending_count
    from cdo_desktop.transfer.importer import ImportRefused, import_file
    from cdo_desktop.transfer.specs import PLATFORMS
    from cdo_desktop.transfer.tables import write_table

    w: World = bureau.world
    desk = Desktop(tmp_path / "b", bureau.url, w.users[("B", "cdo")], PASSWORD)
    desk.client.sync()
    sheet = tmp_path / "systems.xlsx"
    write_table(sheet, PLATFORMS, [{"code": f"SYS-B-{i}", "name": f"乙部门系统{i}", "operator": "T-B"} for i in range(3)])
    try:
        import_file(desk.db, "platforms", sheet, actor_id=desk.actor_id)
        raise AssertionError("a connected desktop must not import past its outbox")
    except ImportRefused as refused:
        assert "signed in to the bureau" in refused.text("en")
    result = import_file(desk.db, "platforms", sheet, actor_id=desk.actor_id, applier=OutboxApplier())
    assert result.rows == 3
    with desk.db.read() as session:
        assert pending_count(session) == 3
    report = desk.client.sync()
    assert (report.accepted, report.refused) == (3, 0)
    assert _count(bureau.db, m.PlatformSystem) == 3
    desk.close()


def test_cdo_import_on_the_running_bureaus_database_is_pulled_by_desktops(bureau, tmp_path: Path) -> None:
    import pytest

    from cdo_desktop.cli import main
    from cdo_desktop.transfer.specs import PLATFORMS
    from cdo_desktop.transfer.tables import write_table

    if bureau.backend != "sqlite":
        pytest.skip("cdo import reaches the bureau's database through --data-dir (SQLite)")
    w: World = bureau.world
    desk = Desktop(tmp_path / "c", bureau.url, w.users[("C", "commissioner")], PASSWORD)
    desk.client.sync()
    sheet = tmp_path / "systems.csv"
    write_table(sheet, PLATFORMS, [{"code": f"SYS-A-{i}", "name": f"甲部门系统{i}", "operator": "T-A"} for i in range(4)])
    head = httpx.get(f"{bureau.url}/v1/health").json()["head"]
    assert main(["import", "platforms", str(sheet), "--data-dir", str(bureau.server.config.data_dir),
                 "--as", w.users[("bureau", "root")]]) == 0
    assert httpx.get(f"{bureau.url}/v1/health").json()["head"] == head + 4  # one sequence number per accepted row
    desk.client.sync()
    assert _count(desk.db, m.PlatformSystem) == 4
    desk.close()
