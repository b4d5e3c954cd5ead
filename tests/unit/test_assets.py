"""The asset register, the platform register and the 集约化 duplicate flag, through `services.apply`."""

from __future__ import annotations

import uuid

import pytest
from sqlmodel import Session, select

from cdo_desktop.domain.errors import Conflict, GuardFailed, NotFound
from cdo_desktop.services.assets import flag_messages
from cdo_desktop.store import models as m
from tests.unit.scenario import Network


def _resource(network: Network, session: Session, dept: str, items: list[str], **extra: object) -> uuid.UUID:
    rid = uuid.uuid4()
    network.run(session, network.people[f"{dept}.cdo"], "resource.create", rid, {
        "code": f"R-{rid.hex[:8]}", "department_id": str(network.depts[dept]), "name": "新采集资源",
        "items": [{"name": i} for i in items], **extra})
    return rid


def test_a_new_resource_duplicating_another_departments_items_is_flagged(network: Network, session: Session) -> None:
    rid = _resource(network, session, "C", ["公民身份号码", "姓名", "户籍地址", "联系电话"])
    messages = [zh for zh, _en in flag_messages(session, rid)]
    assert "测试部门A已提供相同数据项：公民身份号码、姓名、户籍地址（资源A.unconditional）— 请直接申请共享" in messages
    assert any(msg.startswith("测试部门B已提供相同数据项：公民身份号码、姓名、户籍地址（资源B.") for msg in messages)
    flags = session.exec(select(m.DuplicateFlag).where(m.DuplicateFlag.subject_id == rid)).all()
    assert {f.subject_kind for f in flags} == {"resource"} and all(f.active for f in flags)
    assert len(flags) == 4


def test_one_shared_key_is_not_a_duplicate(network: Network, session: Session) -> None:
    rid = _resource(network, session, "C", ["公民身份号码", "学籍号", "学校"])
    assert flag_messages(session, rid) == []


def test_an_edit_that_removes_the_overlap_turns_the_flag_off(network: Network, session: Session) -> None:
    rid = _resource(network, session, "C", ["姓名", "户籍地址"])
    assert flag_messages(session, rid)
    network.run(session, network.people["C.cdo"], "resource.update", rid,
                {"name": "新采集资源", "items": [{"name": "姓名"}, {"name": "学校"}]})
    assert flag_messages(session, rid) == []
    assert session.exec(select(m.DuplicateFlag).where(m.DuplicateFlag.subject_id == rid)).first() is not None


def test_a_request_whose_items_another_department_provides_is_flagged_for_the_bureau(
        network: Network, session: Session) -> None:
    rid = uuid.uuid4()
    network.run(session, network.people["C.commissioner"], "request.create", rid,
                network.payload("request.create") | {"requester_department_id": str(network.depts["C"])})
    messages = [zh for zh, _en in flag_messages(session, rid)]
    assert messages == ["测试部门A已提供相同数据项：姓名、户籍地址（资源A.unconditional）— 请直接申请共享"]
    flag = session.exec(select(m.DuplicateFlag).where(m.DuplicateFlag.subject_id == rid)).one()
    assert (flag.subject_kind, flag.other_department_id) == ("request", network.depts["B"])


def test_resources_name_a_source_system_from_the_register_once_it_exists(network: Network, session: Session) -> None:
    free = _resource(network, session, "A", ["字段一"], source_system="随便写的系统")  # no register yet: free text
    assert session.get(m.DataResource, free).source_system_id is None  # type: ignore[union-attr]
    sid = uuid.uuid4()
    network.run(session, network.people["A.cdo"], "platform.register", sid, {
        "code": "SYS-A1", "name": "甲部门业务系统", "operator_department_id": str(network.depts["A"])})
    with pytest.raises(GuardFailed) as caught:
        _resource(network, session, "A", ["字段一"], source_system="随便写的系统")
    assert caught.value.code == "source_system_unregistered" and caught.value.field == "source_system"
    by_name = _resource(network, session, "A", ["字段一"], source_system="甲部门业务系统")
    by_code = _resource(network, session, "A", ["字段一"], source_system="SYS-A1")
    by_id = _resource(network, session, "A", ["字段一"], source_system_id=str(sid))
    for rid in (by_name, by_code, by_id):
        row = session.get(m.DataResource, rid)
        assert row is not None and (row.source_system_id, row.source_system) == (sid, "甲部门业务系统")
    with pytest.raises(NotFound):
        _resource(network, session, "A", ["字段一"], source_system_id=str(uuid.uuid4()))
    network.run(session, network.people["A.cdo"], "platform.update", sid,
                {"name": "甲部门业务系统（二期）", "status": "retired"})
    assert session.get(m.DataResource, by_id).source_system == "甲部门业务系统（二期）"  # type: ignore[union-attr]
    with pytest.raises(GuardFailed) as caught:
        _resource(network, session, "A", ["字段一"], source_system_id=str(sid))
    assert caught.value.code == "source_system_retired"


def test_the_asset_lifecycle_numbers_the_certificate_and_keeps_the_valuations(
        network: Network, session: Session) -> None:
    aid = network.asset_in(session, "registered")
    asset = session.get(m.DataAsset, aid)
    assert asset is not None and asset.state == "registered" and asset.number == "佛数资〔2026〕1号"
    holder = network.people["A.commissioner"]
    for value, day in (("1250000.00", "2026-02-01"), ("1380000.55", "2026-02-20")):
        network.run(session, holder, "asset.value", aid, network.payload("asset.value") | {
            "valuation_id": str(uuid.uuid4()), "value_yuan": value, "valued_on": day})
    values = session.exec(select(m.AssetValuation.value_fen).where(m.AssetValuation.asset_id == aid)
                          .order_by(m.AssetValuation.valued_on)).all()
    assert list(values) == [125_000_000, 138_000_055]
    assert session.get(m.Blob, "12" * 32) is not None  # the report is a content-addressed file, like evidence
    network.run(session, holder, "asset.request_change", aid, network.payload("asset.request_change"))
    network.run(session, network.arbitrator, "asset.approve_change", aid, {})
    asset = session.get(m.DataAsset, aid)
    assert asset is not None
    assert (asset.state, asset.volume, asset.change_count, asset.pending_change) == (
        "registered", "约 1000 万条", 1, None)
    assert asset.number == "佛数资〔2026〕1号"


def test_a_refusal_records_the_bureaus_reason_and_the_holder_may_apply_again(
        network: Network, session: Session) -> None:
    aid = network.asset_in(session, "refused")
    asset = session.get(m.DataAsset, aid)
    assert asset is not None and (asset.state, asset.reason, asset.number) == ("refused", "数据范围不清", "")
    network.run(session, network.people["A.cdo"], "asset.resubmit", aid, network.payload("asset.resubmit"))
    asset = session.get(m.DataAsset, aid)
    assert asset is not None and (asset.state, asset.reason, asset.volume) == ("applied", "", "约 980 万条")


def test_one_live_asset_per_resource_and_unique_codes(network: Network, session: Session) -> None:
    network.asset_in(session, "applied")
    with pytest.raises(Conflict) as caught:
        network.run(session, network.people["A.cdo"], "asset.apply", uuid.uuid4(),
                    network.payload("asset.apply") | {"code": "440600-D-A-ZC-0002"})
    assert caught.value.code == "resource_has_asset" and caught.value.field == "resource_id"


def test_the_scorecard_counts_registered_and_valued_shares_and_the_latest_values(
        network: Network, session: Session) -> None:
    import datetime as dt

    from cdo_desktop.reports.asset_stats import asset_rows

    aid = network.asset_in(session, "registered")
    holder = network.people["A.commissioner"]
    for value, day in (("100.00", "2026-02-01"), ("250.50", "2026-02-20")):
        network.run(session, holder, "asset.value", aid, network.payload("asset.value") | {
            "valuation_id": str(uuid.uuid4()), "value_yuan": value, "valued_on": day})
    depts = [session.get(m.Department, network.depts[k]) for k in ("A", "B")]
    rows, total = asset_rows(session, depts, dt.date(2026, 12, 31))  # type: ignore[arg-type]
    a, b = rows
    assert (a.resources, a.registered, a.valued, a.value_fen) == (1, 1, 1, 25_050)  # the latest value only
    assert (b.resources, b.registered, b.valued, b.value_fen) == (3, 0, 0, 0)
    assert (total.resources, total.registered, total.value_fen) == (4, 1, 25_050)
    assert a.registered_share == 1.0 and total.registered_share == 0.25
    before, _ = asset_rows(session, depts, dt.date(2026, 3, 1))  # type: ignore[arg-type]
    assert (before[0].registered, before[0].value_fen) == (0, 0)  # as of the period's end: registered on 3-2
