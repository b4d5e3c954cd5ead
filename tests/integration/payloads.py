"""A valid payload for every action of the workflow tables (for the matrix and the random workloads)."""

from __future__ import annotations

import datetime as dt
import hashlib
import uuid
from typing import Any

from cdo_desktop.domain import mutations as mu
from cdo_desktop.domain.workflow import Transition
from tests.integration.harness import request_payload
from tests.integration.world import World


def payload_for(t: Transition, w: World, arbitrator: uuid.UUID) -> dict[str, Any]:
    p = t.payload
    today = dt.date(2026, 3, 3).isoformat()
    if p is mu.DepartmentCreate:
        return {"code": f"X-{uuid.uuid4().hex[:6]}", "name": "新部门"}
    if p is mu.DepartmentUpdate:
        return {"name": "改名"}
    if p is mu.CommissionerAppoint:
        return {"name": "新人", "department_id": str(w.depts["A"]), "appointed_on": today}
    if p is mu.CommissionerEnd:
        return {"ended_on": today}
    if p is mu.PolicySet:
        return {"kind": "provider_reply", "days": 9, "clause": "条款"}
    if p is mu.CalendarPublish:
        return {"year": 2031, "days": []}
    if p is mu.ResourceCreate:
        return {"code": f"R-{uuid.uuid4().hex[:6]}", "department_id": str(w.depts["B"]), "name": "新资源",
                "items": [{"name": "姓名"}]}
    if p is mu.ResourceUpdate:
        return {"name": "改名资源", "items": [{"name": "姓名"}, {"name": "证件号"}, {"name": "地址"}]}
    if p is mu.RequestCreate:
        return request_payload(w)
    if p is mu.RequestApprovePartly:
        return {"granted_items": ["姓名"], "reason": "部分"}
    if p is mu.ObjectionRaise:
        return {"raiser_department_id": str(w.depts["A"]), "resource_id": str(w.resources["B"]), "description": "错"}
    if p is mu.DisputeFile:
        return {"claimant_department_id": str(w.depts["A"]), "respondent_department_id": str(w.depts["B"]),
                "kind": "other", "statement": "陈述", "claims": [{"kind": "order_reply", "text": "责令答复"}]}
    if p is mu.ClaimAnswer:
        return {"position": 1, "answer": "答辩"}
    if p is mu.RequestRefuse:
        return {"reason": "说明", "legal_basis": "依据"}
    if p is mu.AccountabilityDefend:
        return {"defence": "申辩"}
    if p is mu.AccountabilityChange:
        return {"measure": "interview", "reason": "说明"}
    if p is mu.MisuseReportFile:
        return {"request_id": str(uuid.uuid4()), "kind": "beyond_purpose", "description": "超范围使用"}
    if p is mu.MisuseFinding:
        return {"finding": "经查"}
    if p is mu.ReceiptSign:
        return {"subject": "dispute", "subject_id": str(uuid.uuid4())}
    if p is mu.DutiesChange:
        return {"changed_on": today, "note": "职能调整"}
    if p is mu.EvidenceAdd:
        return {"evidence_id": str(uuid.uuid4()), "filename": "a.pdf", "sha256": hashlib.sha256(b"x").hexdigest(),
                "size": 1}
    if p is mu.RulingIssue:
        return {"ruling_id": str(uuid.uuid4()), "arbitrator_ids": [str(arbitrator)], "findings": ["事实"],
                "reasoning": "理由", "claim_decisions": [{"position": 1, "decision": "dismissed", "reasoning": "理由"}]}
    if p is mu.DocumentFile:
        return {"sha256": hashlib.sha256(b"issued pdf").hexdigest()}
    if p is mu.AccountabilityCreate:
        return {"department_id": str(w.depts["A"]), "violation": "违规", "measure": "criticism",
                "ground": "order_overdue", "ground_id": str(uuid.uuid4())}
    asset = _asset_payload(p, w)
    if asset is not None:
        return asset
    for name in ("reason", "response", "statement", "report"):
        if name in p.model_fields:
            return {name: "说明"}
    return {}


def _asset_payload(p: type, w: World) -> dict[str, Any] | None:
    """Payloads of the asset register and the platform register (B holds and operates)."""
    from cdo_desktop.domain import asset_payloads as ap

    fields = {"name": "资产", "scope": "全市", "volume": "约 1 万条", "quality_grade": "b"}
    if p is ap.AssetApply:
        return fields | {"code": "440600-T-B-ZC-0009", "resource_id": str(w.resources["B"])}
    if p is ap.AssetChange:
        return fields | {"reason": "扩大范围"}
    if p is ap.AssetFields:
        return fields
    if p is ap.AssetValue:
        return {"valuation_id": str(uuid.uuid4()), "method": "cost", "value_yuan": "1000.00",
                "valued_on": "2026-03-01", "valuer": "评估机构", "report_filename": "r.pdf",
                "report_sha256": hashlib.sha256(b"r").hexdigest(), "report_size": 1}
    if p is ap.SystemCreate:
        return {"code": f"SYS-{uuid.uuid4().hex[:6]}", "name": f"系统{uuid.uuid4().hex[:4]}",
                "operator_department_id": str(w.depts["B"])}
    if p is ap.SystemUpdate:
        return {"name": "改名系统"}
    return None
