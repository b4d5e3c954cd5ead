"""Sample views of every document (Foshan demo wording) for previews, page images, benchmarks and tests."""

from __future__ import annotations

import datetime as dt
import uuid

from cdo_desktop.domain.workdays import add_workdays
from cdo_desktop.reports.views import (
    DEFENCE_DAYS,
    ISSUER,
    AssetScoreRow,
    CertificateView,
    ClaimView,
    EventView,
    NoticeView,
    OfficerView,
    OrderView,
    PartyView,
    ReceiptView,
    RefusalLine,
    ReplyView,
    RulingView,
    ScorecardView,
    ScoreRow,
)

_NS = uuid.UUID("0b6f5a52-8c1e-4b3a-9d7f-2e4c6a8b0d1f")

FINDINGS = (
    "2026年1月12日，申请人通过市政务数据共享平台向被申请人提交“企业登记基本信息”有条件共享申请，"
    "申请的数据项为统一社会信用代码、企业名称、法定代表人、登记状态，用途为办理“企业开办一件事”联办业务。",
    "2026年1月14日，本局完成合规审核，申请进入被申请人答复环节，答复期限为10个工作日。",
    "被申请人于2026年2月3日以“数据涉及商业秘密”为由作出不予共享答复，但未说明所依据的法律、法规条款。",
    "经核查，上述数据项已在“广东省政务数据资源目录”中登记为有条件共享，共享条件为“用于政务服务审批”。",
    "申请人所述用途属于政务服务审批事项，符合该资源的共享条件；申请人已承诺按约定用途使用，不向第三方提供。",
    "听证中，被申请人认可上述数据已通过接口（API）向其他区级部门提供，技术上不存在障碍。",
)


def _id(name: str) -> str:
    return str(uuid.uuid5(_NS, name))


def sample_ruling(findings: int = 6) -> RulingView:
    """A ruling with ``findings`` findings (cycling through the sample texts, numbered)."""
    found = tuple(
        FINDINGS[i % len(FINDINGS)] if i < len(FINDINGS) else f"补充查明事实第{i + 1}项：" + FINDINGS[i % len(FINDINGS)]
        for i in range(findings)
    )
    orders = (
        OrderView(1, "佛山市市场监督管理局", "通过市政务数据共享平台向申请人开通所申请4个数据项的接口共享权限", 10,
                  dt.date(2026, 3, 20), received_on=dt.date(2026, 3, 6)),
        OrderView(2, "佛山市市场监督管理局", "书面报告履行情况，并抄送本局", 15, dt.date(2026, 3, 27),
                  received_on=dt.date(2026, 3, 6)),
    )
    record = {
        "id": _id(f"ruling-{findings}"),
        "number": "佛数裁〔2026〕12号",
        "findings": list(found),
        "decision": "upheld",
        "issued_on": "2026-03-05",
        "orders": [{"position": o.position, "action": o.action, "due_on": o.due_on.isoformat()} for o in orders],
    }
    return RulingView(
        kind="ruling",
        number="佛数裁〔2026〕12号",
        record_id=record["id"],
        record=record,
        issuer=ISSUER,
        issued_on=dt.date(2026, 3, 5),
        dispute_number="佛数争〔2026〕4号",
        dispute_kind="拒绝共享",
        claimant=PartyView("申请人", "佛山市公安局",
                           officers=(OfficerView("首席数据官", "何国强"), OfficerView("数据专员", "陈志明"))),
        respondent=PartyView("被申请人", "佛山市市场监督管理局",
                             officers=(OfficerView("首席数据官", "梁国栋"), OfficerView("数据专员", "黄丽华"))),
        addressees=("佛山市公安局", "佛山市市场监督管理局"),
        receipts=(ReceiptView("佛山市公安局", dt.date(2026, 3, 6)), ReceiptView("佛山市市场监督管理局", dt.date(2026, 3, 6))),
        origin=(
            "本争议源于共享申请佛数享〔2026〕3号：佛山市公安局于2026年1月12日申请共享佛山市市场监督管理局的"
            "“企业登记基本信息”数据资源（资源代码：FS-SCJG-0001，有条件共享），提供部门于2026年2月3日答复“不予同意”。"
        ),
        course=(
            EventView(dt.date(2026, 2, 6), "申请人向本局提出仲裁申请"),
            EventView(dt.date(2026, 2, 9), "双方协商未能达成一致"),
            EventView(dt.date(2026, 2, 12), "本局受理仲裁申请"),
            EventView(dt.date(2026, 2, 26), "本局在市政务服务中心三楼会议室组织听证，双方数据专员到场陈述"),
        ),
        claim="请求裁决被申请人按申请开通数据共享，并确认其不予共享的答复缺乏依据。",
        defence="被申请人认为，企业登记信息中的法定代表人信息涉及个人信息，须经更严格的审批后方可共享。",
        findings=found,
        reasoning=(
            "政务信息资源共享以共享为原则、不共享为例外。本案所涉资源在目录中登记为有条件共享，申请用途符合目录登记的"
            "共享条件；被申请人所作不予共享答复未指出所依据的法律、法规，其答复理由不能成立。"
        ),
        rules=(
            "《政务数据共享条例》（国务院令第809号）",
            "《政务信息资源共享管理暂行办法》（国发〔2016〕51号）",
            "《佛山市政务数据资源管理办法（试行）》（佛府办〔2020〕4号）",
        ),
        decision="支持申请人的仲裁请求",
        orders=orders,
        arbitrators=("李建国", "周文静"),
        claims=(
            ClaimView(1, "责令被申请人在10个工作日内共享所申请的企业登记基本信息", "责令共享数据",
                      ("统一社会信用代码", "企业名称", "法定代表人", "登记状态"), 10,
                      "法定代表人信息涉及个人信息，须经更严格的审批后方可共享", dt.date(2026, 2, 16), "支持",
                      "该资源在目录中登记为有条件共享，共享条件为用于政务服务审批，申请用途符合该条件；"
                      "法定代表人姓名属于企业登记公示信息，被申请人所称须经更严格审批，未指出任何规定，该答辩理由不能成立"),
            ClaimView(2, "确认被申请人不予共享的答复缺乏依据", "确认共享属性", (), None,
                      "答复已说明涉及商业秘密", dt.date(2026, 2, 16), "支持",
                      "被申请人的答复仅称涉及商业秘密，既未说明所依据的法律、法规条款，也未说明所申请的数据项中哪些属于"
                      "商业秘密，其不予共享的理由不能成立"),
        ),
        claim_orders=((1, 1), (2, 1)),
        cc=("佛山市首席数据官办公室",),
    )


def sample_notice() -> NoticeView:
    record = {"id": _id("notice"), "number": "佛数问〔2026〕3号", "measure": "rectify", "created_on": "2026-03-27"}
    return NoticeView(
        kind="notice",
        number="佛数问〔2026〕3号",
        record_id=record["id"],
        record=record,
        issuer=ISSUER,
        issued_on=dt.date(2026, 3, 27),
        addressee="佛山市市场监督管理局",
        commissioner="数据专员黄丽华",
        violation="逾期未履行裁决书佛数裁〔2026〕12号第一项确定的义务，亦未说明理由",
        facts=(
            "佛山市公安局于2026年1月12日申请共享你单位“企业登记基本信息”数据资源（共享申请编号：佛数享〔2026〕3号），"
            "你单位于2026年2月3日答复“不予共享”。",
            "本局于2026年3月5日作出裁决书佛数裁〔2026〕12号，就佛山市公安局与你单位之间的争议（争议编号：佛数争〔2026〕4号）"
            "支持申请人的仲裁请求。你单位于2026年3月6日签收该裁决书。",
            "该裁决第一项责成你单位通过市政务数据共享平台向申请人开通所申请4个数据项的接口共享权限，"
            "应于2026年3月20日前（含当日）履行。至2026年3月27日，你单位仍未开通，亦未说明理由。",
        ),
        ground="不履行或者未按期履行本局裁决确定的义务",
        rule="裁决书佛数裁〔2026〕12号",
        basis="裁决书佛数裁〔2026〕12号",
        defence_due=add_workdays(dt.date(2026, 3, 27), DEFENCE_DAYS).due,  # from receipt on the day of issue
        contact="李建国，电话0757-83031000",
        measure="限期整改",
        rectification_days=10,
        rectification_due=add_workdays(dt.date(2026, 3, 27), 10).due,
        report_requirement="整改措施、接口开通时间、数据项清单及今后防范措施，由数据专员签字后加盖单位公章",
        cc=("佛山市首席数据官办公室",),
    )


def sample_reply(state: str = "partly_approved") -> ReplyView:
    outcome = {"approved": "同意共享", "partly_approved": "部分同意共享", "refused": "不予共享"}[state]
    asked = ("统一社会信用代码", "企业名称", "法定代表人", "登记状态", "注册资本")
    granted = {"approved": asked, "partly_approved": asked[:4], "refused": ()}[state]
    # Another request than the one the sample ruling decides (佛数享〔2026〕3号, refused on 2 February).
    record = {"id": _id(f"reply-{state}"), "number": "佛数享〔2026〕9号", "state": state, "granted_items": list(granted)}
    return ReplyView(
        kind="reply",
        number="佛数享〔2026〕9号",
        record_id=record["id"],
        record=record,
        issuer="佛山市市场监督管理局",
        issued_on=dt.date(2026, 1, 27),
        requester="佛山市人力资源和社会保障局",
        provider="佛山市市场监督管理局",
        request_number="佛数享〔2026〕9号",
        submitted_on=dt.date(2026, 1, 12),
        resource="企业登记基本信息",
        resource_code="FS-SCJG-0001",
        share_type="有条件共享",
        outcome=outcome,
        state=state,
        items_asked=asked,
        items_granted=granted,
        reason="“注册资本”不属于企业开办联办业务所必需的数据项，依照最小必要原则不予提供。" if state != "approved" else "",
        basis="资源目录登记的共享条件：用于政务服务审批",
        purpose="办理“企业开办一件事”联办业务中的企业身份核验",
        usage_method="接口",
        period_start=dt.date(2026, 2, 1),
        period_end=dt.date(2027, 1, 31),
        reply_due=add_workdays(dt.date(2026, 1, 14), 10).due,  # conformity check on 14 January
        reply_number="佛市场监管复〔2026〕7号",
        contact="黄丽华（数据专员），电话0757-83012100",
    )


_DEPARTMENTS = (
    "佛山市公安局", "佛山市市场监督管理局", "佛山市人力资源和社会保障局", "佛山市自然资源局", "佛山市住房和城乡建设局",
    "佛山市民政局", "佛山市卫生健康局", "佛山市教育局", "佛山市交通运输局", "佛山市生态环境局",
    "佛山市税务局", "佛山市医疗保障局", "佛山市司法局", "佛山市财政局", "佛山市农业农村局",
    "佛山市应急管理局", "佛山市文化广电旅游体育局", "佛山市商务局", "佛山市水利局", "佛山市退役军人事务局",
    "佛山市禅城区政务服务数据管理局", "佛山市南海区政务服务数据管理局", "佛山市顺德区政务服务数据管理局",
    "佛山市高明区政务服务数据管理局", "佛山市三水区政务服务数据管理局", "顺德区北滘镇人民政府",
)


def sample_scorecard(departments: int = 26) -> ScorecardView:
    rows = []
    for i in range(departments):
        name = _DEPARTMENTS[i % len(_DEPARTMENTS)] + (f"（{i // len(_DEPARTMENTS) + 1}）" if i >= len(_DEPARTMENTS) else "")
        received = 3 + (i * 7) % 23
        answered = received - (i % 3)
        on_time = max(answered - (i % 5), 0)
        rows.append(ScoreRow(
            department=name, received=received, answered=answered, on_time=on_time,
            median_days=float(3 + (i * 3) % 9) + (0.5 if i % 4 == 0 else 0.0), refused=i % 4,
            objections_open=i % 3, disputes_lost=1 if i % 6 == 1 else 0, orders_due=i % 3,
            orders_on_time=max(i % 3 - (1 if i % 5 == 0 else 0), 0), rectifications_open=1 if i % 7 == 1 else 0,
            resources=6 + (i * 5) % 17, open_resources=2 + (i * 3) % 5, objections_raised=i % 4,
            objections_corrected=max(i % 4 - (i % 2), 0), correction_days=float(2 + i % 6) if i % 4 else None,
            updates_overdue=i % 3, catalogue_updates_due=i % 2, catalogue_updates_on_time=(i % 2) * (i % 3 > 0),
            misuse_findings=1 if i % 9 == 4 else 0,
        ))
    total = ScoreRow(
        "全市合计",
        **{k: sum(getattr(r, k) for r in rows) for k in (
            "received", "answered", "on_time", "refused", "objections_open", "disputes_lost", "orders_due",
            "orders_on_time", "rectifications_open", "resources", "open_resources", "objections_raised",
            "objections_corrected", "updates_overdue", "catalogue_updates_due", "catalogue_updates_on_time",
            "misuse_findings")},
        median_days=5.0,
        correction_days=4.0,
    )
    refusals = tuple(
        RefusalLine(r.department, f"佛数享〔2026〕{10 + n}号", "申请用途与资源目录登记的共享条件不符")
        for n, r in enumerate(rows) if r.refused
    )[:8]
    assets = tuple(
        AssetScoreRow(r.department, resources=r.resources, registered=min(r.resources, 2 + i % 5),
                      valued=min(r.resources, 2 + i % 5, 1 + i % 3), value_fen=(37 + 113 * i) * 1_000_000 + 4567)
        for i, r in enumerate(rows[:12])
    )
    assets_total = AssetScoreRow("全市合计", **{k: sum(getattr(a, k) for a in assets)
                                               for k in ("resources", "registered", "valued", "value_fen")})
    record = {"start": "2026-03-01", "end": "2026-03-31", "rows": [r.department for r in rows]}
    return ScorecardView(
        kind="scorecard",
        number="2026年3月1日至2026年3月31日",
        record_id="scorecard:2026-03-01:2026-03-31",
        record=record,
        issuer=ISSUER,
        issued_on=dt.date(2026, 4, 1),
        start=dt.date(2026, 3, 1),
        end=dt.date(2026, 3, 31),
        rows=tuple(rows),
        total=total,
        refusals=refusals,
        assets=assets,
        assets_total=assets_total,
    )


def sample_certificate() -> CertificateView:
    """A registered data asset with one change registered."""
    record = {"id": _id("certificate"), "number": "佛数资〔2026〕5号", "code": "440600-FS-SCJG-ZC-0001",
              "state": "registered", "registered_on": "2026-04-09", "changed_on": "2026-06-15"}
    return CertificateView(
        kind="certificate",
        number="佛数资〔2026〕5号",
        record_id=record["id"],
        record=record,
        issuer=ISSUER,
        issued_on=dt.date(2026, 6, 15),
        holder="佛山市市场监督管理局",
        asset_code="440600-FS-SCJG-ZC-0001",
        asset_name="企业登记基本信息数据资产",
        resource="企业登记基本信息",
        resource_code="FS-SCJG-0001",
        source_system="佛山市商事登记系统",
        scope="佛山市市场监督管理局依法履职中登记的各类市场主体的基本登记信息，覆盖全市行政区域",
        volume="约98万条",
        record_count=983_412,
        quality_grade="一级（优）",
        status="已登记",
        registered_on=dt.date(2026, 4, 9),
        changed_on=dt.date(2026, 6, 15),
        change_count=1,
    )
