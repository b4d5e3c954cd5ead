"""The demo network's platform register and asset register, through `services.apply` like the rest of the demo.

Each department's business system (and the city's two shared platforms) is registered before the department's
first resource names it; at the end most resources are registered as assets and valued — some applications left
pending, one refused, one asset revalued, one change approved — and one department catalogues data the public
security bureau already provides, so that the 集约化 duplicate flag appears in the network.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import random
from pathlib import Path
from typing import Any

from cdo_desktop.domain.workflow import format_asset_code

SHARED_PLATFORMS = [
    ("FS-PT-GXJH", "佛山市政务大数据共享交换平台", "全市政务数据的目录、交换和共享通道，由市政务服务数据管理局统一建设运维。"),
    ("FS-PT-YTH", "佛山市一体化政务服务平台", "全市政务服务事项的统一受理、办理和电子证照平台。"),
]
VALUERS = ["广东中联羊城资产评估有限公司", "佛山市公信资产评估事务所", "广东南方数据资产评估有限公司"]
GRADES = ["a", "b", "b", "b", "c", "c", "d"]
DUPLICATE = ("FS-JYJ", "学生家庭成员户籍信息", ["公民身份号码", "姓名", "户籍地址", "与学生关系"])


def system_name(dept: dict[str, Any]) -> str:
    return f"{dept['name'].removeprefix('佛山市')}业务系统"


def ensure_system(gen: Any, dept: dict[str, Any], day: dt.date) -> None:
    """Register the department's business system (and, first of all, the shared platforms) before it is named."""
    if not gen.__dict__.get("_platforms_done"):
        gen._platforms_done = True
        for code, name, text in SHARED_PLATFORMS:
            gen.act(gen.admin, "platform.register", gen.id("system", code),
                    {"code": code, "name": name, "operator_department_id": str(gen.bureau_id), "kind": "platform",
                     "description": text}, day)
            gen.result.systems += 1
    if dept.get("system_id") is None:
        dept["system_id"] = gen.id("system", dept["code"])
        gen.act(dept["cdo"], "platform.register", dept["system_id"],
                {"code": f"{dept['code']}-SYS", "name": system_name(dept), "operator_department_id": str(dept["id"]),
                 "kind": "system", "description": f"{dept['name']}业务办理和数据采集系统"}, day)
        gen.result.systems += 1


def write_blob(data_dir: Path, sha256: str, data: bytes) -> None:
    """Keep ``data`` under ``blobs/ab/abcd…`` of the data folder (the layout desktops and the bureau share)."""
    target = data_dir / "blobs" / sha256[:2] / sha256
    if target.exists():
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_suffix(".part")
    tmp.write_bytes(data)
    tmp.replace(target)


def register(gen: Any) -> None:
    """Assets for most resources, valued; pending, refused, revalued and changed cases; one duplicate flag."""
    rng = random.Random(gen.seed * 31 + 15)  # its own stream: the rest of the network does not move
    admin = gen.admin
    day0 = dt.date(2026, 4, 1)
    duplicate_dept = next((d for d in gen.depts if d["code"] == DUPLICATE[0]), None)
    if duplicate_dept is not None:
        ensure_system(gen, duplicate_dept, day0)
        gen.act(duplicate_dept["cdo"], "resource.create", gen.id("resource", "duplicate"), {
            "code": f"{duplicate_dept['code']}-900", "department_id": str(duplicate_dept["id"]),
            "name": DUPLICATE[1], "summary": "拟在入学报名时重新采集学生家庭成员的户籍信息。", "format": "结构化数据",
            "items": [{"name": i} for i in DUPLICATE[2]], "share_type": "conditional",
            "legal_basis": "《中华人民共和国个人信息保护法》第十三条第一款第（三）项",
            "source_system": system_name(duplicate_dept), "published_on": day0.isoformat()}, day0)
        gen.result.resources += 1
    serial: dict[str, int] = {}
    refused = revalued = changed = False
    count = 0
    for dept in gen.depts:
        for n, res in enumerate(dept["resources"]):
            roll = rng.random()
            if roll < 0.12:
                continue  # not registered (yet)
            serial[dept["code"]] = serial.get(dept["code"], 0) + 1
            code = format_asset_code(dept["code"], serial[dept["code"]])
            asset_id = gen.id("asset", dept["code"], n)
            day = day0 + dt.timedelta(days=rng.randint(0, 60))
            records = rng.randint(5, 900) * 10_000
            gen.act(dept["cdo"], "asset.apply", asset_id, {
                "code": code, "resource_id": str(res["id"]), "name": f"{res['name']}数据资产",
                "scope": f"{dept['name']}依法履职中采集的{res['name']}，覆盖其管辖范围",
                "volume": f"约 {records // 10_000} 万条", "record_count": records,
                "quality_grade": rng.choice(GRADES)}, day)
            count += 1
            if roll < 0.22:
                continue  # pending: waiting for the bureau
            if not refused:
                refused = True
                gen.act(admin, "asset.refuse", asset_id, {"reason": "数据范围与对应资源目录不一致，请核实后重新申请"},
                        day + dt.timedelta(days=3))
                continue
            gen.act(admin, "asset.approve", asset_id, {}, day + dt.timedelta(days=3))
            valued = day + dt.timedelta(days=rng.randint(10, 40))
            _value(gen, dept, asset_id, code, rng, valued, records)
            if not revalued:
                revalued = True
                _value(gen, dept, asset_id, code, rng, valued + dt.timedelta(days=90), records, factor=1.18)
            elif not changed:
                changed = True
                gen.act(dept["cdo"], "asset.request_change", asset_id, {
                    "name": f"{res['name']}数据资产", "scope": f"{dept['name']}采集的{res['name']}，新增历史数据",
                    "volume": f"约 {records * 2 // 10_000} 万条", "record_count": records * 2,
                    "quality_grade": "b", "reason": "补录2015年以来的历史数据"}, valued + dt.timedelta(days=5))
                gen.act(admin, "asset.approve_change", asset_id, {}, valued + dt.timedelta(days=8))
    gen.result.assets = count


def _value(gen: Any, dept: dict[str, Any], asset_id: Any, code: str, rng: random.Random, day: dt.date,
           records: int, factor: float = 1.0) -> None:
    method = rng.choice(["cost", "cost", "income", "market"])
    value = round(records * rng.uniform(0.02, 0.12) * factor, 2)
    valuer = rng.choice(VALUERS)
    text = (f"数据资产评估报告（摘要）\n资产编码：{code}\n评估方法：{method}\n评估基准日：{day.isoformat()}\n"
            f"评估价值：{value:.2f}元\n评估机构：{valuer}\n").encode()
    sha = hashlib.sha256(text).hexdigest()
    data_dir = gen.db.path.parent if gen.db.path is not None else None
    if data_dir is not None:
        write_blob(data_dir, sha, text)
    filename = f"评估报告-{code}-{day.isoformat()}.txt"
    gen.act(dept["cdo"], "asset.value", asset_id, {
        "valuation_id": str(gen.id("valuation", code, day)), "method": method, "value_yuan": f"{value:.2f}",
        "valued_on": day.isoformat(), "valuer": valuer, "report_filename": filename, "report_sha256": sha,
        "report_size": len(text)}, day)
