"""The workflow of every record, as data: which action moves which state, who may take it, and its guards.

Each `Transition` is a row of a table. Services look the row up, check the actor's role and party against
``allowed`` and run the guards over a plain dict of facts (payload fields plus the record's own fields) that
the service assembles; the domain never reads a database. The authorisation matrix, the demo generator and the
tests are all generated from these tables.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from cdo_desktop.domain import mutations as m
from cdo_desktop.domain.enums import (
    AccountabilityState,
    DisputeState,
    Measure,
    MisuseKind,
    MisuseState,
    ObjectionState,
    OpenType,
    OrderState,
    Party,
    RequestState,
    Role,
    ShareType,
)
from cdo_desktop.domain.errors import GuardFailed, InvalidState, NotAllowed
from cdo_desktop.domain.grounds import check_ground

Facts = Mapping[str, Any]


@dataclass(frozen=True)
class Guard:
    """A business rule: ``check(facts)`` must be true, else the action is refused with ``zh``/``en``."""

    code: str
    zh: str
    en: str
    check: Callable[[Facts], bool]
    field: str | None = None


def _text(facts: Facts, key: str) -> str:
    value = facts.get(key)
    return value.strip() if isinstance(value, str) else ""


NEEDS_REASON = Guard(
    "reason_required", "必须说明理由", "A reason is required", lambda f: bool(_text(f, "reason")), "reason"
)
NEEDS_LEGAL_BASIS = Guard(
    "legal_basis_required",
    "有条件共享或不予共享的资源必须注明法律依据",
    "Conditional or not-shared resources must cite a legal basis",
    lambda f: not ShareType(f["share_type"]).needs_legal_basis or bool(_text(f, "legal_basis")),
    "legal_basis",
)
REQUEST_NEEDS_BASIS = Guard(
    "request_basis_required",
    "申请有条件共享的数据必须注明使用依据",
    "A request for conditionally shared data must cite its legal basis",
    lambda f: f["resource_share_type"] != ShareType.CONDITIONAL or bool(_text(f, "legal_basis")),
    "legal_basis",
)
ITEMS_OF_RESOURCE = Guard(
    "unknown_items",
    "申请的数据项必须属于该资源",
    "Every requested data item must belong to the resource",
    lambda f: set(f["items"]) <= set(f["resource_items"]),
    "items",
)
NOT_OWN_RESOURCE = Guard(
    "own_resource",
    "不能向本部门申请本部门的数据",
    "A department cannot request its own data",
    lambda f: f["requester_department_id"] != f["provider_department_id"],
    "resource_id",
)
PARTIAL_SUBSET = Guard(
    "partial_subset",
    "部分同意时，同意的数据项必须是所申请数据项的真子集",
    "A partial approval must grant a proper subset of the requested items",
    lambda f: set(f["granted_items"]) < set(f["items"]) and bool(f["granted_items"]),
    "granted_items",
)
NEEDS_RESPONSE = Guard(
    "response_required", "必须填写核查说明", "An explanation is required", lambda f: bool(_text(f, "response")),
    "response",
)
NOT_OWN_OBJECTION = Guard(
    "own_objection",
    "不能对本部门的数据提出异议",
    "A department cannot object to its own data",
    lambda f: f["raiser_department_id"] != f["owner_department_id"],
    "resource_id",
)
NEEDS_STATEMENT = Guard(
    "statement_required", "必须提交陈述", "A statement is required", lambda f: bool(_text(f, "statement")),
    "statement",
)
DISTINCT_PARTIES = Guard(
    "same_party",
    "争议双方不能是同一部门",
    "Claimant and respondent must be different departments",
    lambda f: f["claimant_department_id"] != f["respondent_department_id"],
    "respondent_department_id",
)
ORIGIN_MATCHES = Guard(
    "origin_mismatch",
    "争议所涉申请或异议必须以双方为当事部门",
    "The request or objection the dispute grows from must be between the two parties",
    lambda f: f.get("origin_parties") is None
    or {f["claimant_department_id"], f["respondent_department_id"]} == set(f["origin_parties"]),
    "request_id",
)
NEEDS_FINDING = Guard(
    "finding_required",
    "裁决至少需要一项事实认定",
    "A ruling needs at least one finding",
    lambda f: any(str(x).strip() for x in f.get("findings", [])),
    "findings",
)
NEEDS_REASONING = Guard(
    "reasoning_required", "裁决必须说明理由", "A ruling needs its reasoning", lambda f: bool(_text(f, "reasoning")),
    "reasoning",
)
NEEDS_ARBITRATOR = Guard(
    "arbitrator_required",
    "裁决必须署名至少一名仲裁员",
    "A ruling must name at least one arbitrator",
    lambda f: bool(f.get("arbitrator_ids")),
    "arbitrator_ids",
)
ORDERS_TO_PARTIES = Guard(
    "order_addressee",
    "裁决事项只能责成争议当事部门",
    "Orders may only be addressed to a party of the dispute",
    lambda f: all(
        o["addressee_department_id"] in (f["claimant_department_id"], f["respondent_department_id"])
        for o in f.get("orders", [])
    ),
    "orders",
)
UPHELD_NEEDS_ORDER = Guard(
    "order_required",
    "支持或部分支持申请的裁决至少需要一项裁决事项",
    "A ruling that upholds the claim needs at least one order",
    lambda f: not f.get("needs_order", f.get("decision") != "dismissed") or bool(f.get("orders")),
    "orders",
)
ALL_ORDERS_COMPLIED = Guard(
    "orders_open",
    "裁决事项尚未全部履行",
    "Not every order of the ruling has been complied with",
    lambda f: all(state == OrderState.COMPLIED for state in f.get("order_states", [])),
)
NEEDS_REPORT = Guard(
    "report_required", "必须填写报告内容", "A report is required", lambda f: bool(_text(f, "report")), "report"
)
NEEDS_OPEN_BASIS = Guard(
    "open_basis_required",
    "有条件开放或不予开放的资源必须说明理由并注明法律依据",
    "Conditionally open or closed resources must give a reason and cite a legal basis",
    lambda f: f.get("open_type", OpenType.OPEN) == OpenType.OPEN
    or (bool(_text(f, "open_reason")) and bool(_text(f, "open_legal_basis"))),
    "open_legal_basis",
)
ROUTE_CONDITIONAL = Guard(
    "route_conditional",
    "只有有条件共享的申请转数源部门答复；无条件共享由政数局审核后直接授权，不予共享类在审核时不予通过",
    "Only conditionally shared data goes to the owner for a reply; unconditional data is granted by the bureau "
    "and not-shared data is refused at the check",
    lambda f: f["resource_share_type"] == ShareType.CONDITIONAL,
    "resource_id",
)
ROUTE_UNCONDITIONAL = Guard(
    "route_unconditional",
    "只有无条件共享的数据可由政数局审核后直接授权",
    "Only unconditionally shared data is granted directly by the bureau",
    lambda f: f["resource_share_type"] == ShareType.UNCONDITIONAL,
    "resource_id",
)
ROUTE_NOT_SHARED = Guard(
    "route_not_shared",
    "只有目录中列为不予共享的数据在合规审核时不予通过；其他数据应转答复或直接授权",
    "Only data the catalogue classes as not shared is refused at the conformity check",
    lambda f: f["resource_share_type"] == ShareType.NOT_SHARED,
    "resource_id",
)
OWNER_CANNOT_REFUSE_UNCONDITIONAL = Guard(
    "owner_cannot_refuse",
    "无条件共享的数据，数源部门不得拒绝或限缩共享",
    "The owner cannot refuse or narrow a request for unconditionally shared data",
    lambda f: f["resource_share_type"] == ShareType.CONDITIONAL,
    "resource_id",
)
REFUSAL_NEEDS_BASIS = Guard(
    "refusal_basis_required",
    "不予同意必须注明所依据的法律依据",
    "A refusal must cite the legal basis it relies on",
    lambda f: bool(_text(f, "legal_basis")),
    "legal_basis",
)
GRANT_EXISTED = Guard(
    "no_grant",
    "只能就已开通（含已暂停、已到期、已撤销）的共享授权报告违规使用",
    "Misuse can only be reported on a request that was granted",
    lambda f: f["request_state"] in (RequestState.GRANTED, RequestState.SUSPENDED, RequestState.EXPIRED,
                                     RequestState.REVOKED),
    "request_id",
)
def _grant_ended(f: Facts) -> bool:
    """A grant has ended on the report's date when its period of use ended before that date (the period's last day
    is still a day of lawful use) or the bureau revoked it; a grant marked expired whose period still runs has not."""
    if f["request_state"] == RequestState.REVOKED:
        return True
    end = f.get("period_end")
    return end is not None and f["today"] > end


PERIOD_RUN_OUT = Guard(
    "period_not_over",
    "授权使用期限尚未届满（期限最后一日仍可合法使用），不能标记为已到期；需提前终止的，应当撤销或者暂停授权",
    "The grant's period of use has not run out (its last day is still a day of lawful use): it cannot be marked "
    "expired; to end it early, revoke or suspend the grant",
    lambda f: f.get("period_end") is None or f["today"] > f["period_end"],
)
EXPIRY_MEANS_ENDED = Guard(
    "grant_still_valid",
    "授权使用期限在报告之日尚未届满（亦未被撤销），不能报告“授权终止后继续使用”",
    "On the report's date the grant's period of use had not ended (nor had the grant been revoked): use after "
    "expiry cannot be reported",
    lambda f: f["kind"] != MisuseKind.AFTER_EXPIRY or _grant_ended(f),
    "kind",
)
NEEDS_FINDING_TEXT = Guard(
    "finding_text_required", "必须写明调查认定的事实", "The finding must be stated", lambda f: bool(_text(f, "finding")),
    "finding",
)
NEEDS_CLAIMS = Guard(
    "claims_required",
    "仲裁申请必须列明至少一项具体的仲裁请求",
    "A dispute must state at least one numbered claim",
    lambda f: bool(f.get("claims")),
    "claims",
)
ONE_OPEN_DISPUTE_PER_ORIGIN = Guard(
    "origin_open_dispute",
    "该申请或异议已有尚未办结的争议，不能重复申请仲裁",
    "The request or objection already has an open dispute",
    lambda f: not f.get("origin_has_open_dispute"),
    "request_id",
)
CLAIM_EXISTS = Guard(
    "unknown_claim",
    "所答辩的仲裁请求不存在",
    "The claim answered does not exist",
    lambda f: f["position"] in f.get("claim_positions", ()),
    "position",
)
NEEDS_ANSWER = Guard(
    "answer_required", "必须填写答辩意见", "An answer is required", lambda f: bool(_text(f, "answer")), "answer"
)
ISSUER_AMONG_ARBITRATORS = Guard(
    "issuer_not_named",
    "作出裁决的仲裁员必须是裁决书署名的仲裁员之一",
    "The arbitrator who issues a ruling must be among its named arbitrators",
    lambda f: str(f["issuer_id"]) in {str(a) for a in f.get("arbitrator_ids", [])},
    "arbitrator_ids",
)
EVERY_CLAIM_DECIDED = Guard(
    "claims_undecided",
    "裁决必须对每一项仲裁请求逐项作出决定（支持、部分支持或驳回）并说明理由",
    "A ruling must decide every claim (upheld, partly upheld or dismissed) with its reasoning",
    lambda f: sorted(d["position"] for d in f.get("claim_decisions", [])) == sorted(f.get("claim_positions", []))
    and all(str(d.get("reasoning", "")).strip() for d in f.get("claim_decisions", [])),
    "claim_decisions",
)
ORDERS_FOLLOW_CLAIMS = Guard(
    "order_without_upheld_claim",
    "每项裁决事项必须对应一项得到支持或部分支持的仲裁请求",
    "Every order must follow from a claim the ruling upholds in whole or in part",
    lambda f: not f.get("claim_positions")
    or all(o.get("claim_position") in f.get("upheld_positions", ()) for o in f.get("orders", [])),
    "orders",
)
NEEDS_DECISION = Guard(
    "decision_required",
    "裁决必须写明裁决结果",
    "A ruling must state its decision",
    lambda f: f.get("decision") is not None,
    "decision",
)
def _ground_holds(facts: Facts) -> bool:
    check_ground(facts.get("ground"), facts)  # raises GuardFailed naming what is missing
    return True


GROUND_HOLDS = Guard(
    "ground_required",
    "问责必须依据一项可查证的事由",
    "Accountability needs a ground the product can point at",
    lambda f: _ground_holds(f),
    "ground",
)
NEEDS_DEFENCE = Guard(
    "defence_required", "必须填写申辩意见", "The defence must be stated", lambda f: bool(_text(f, "defence")), "defence"
)
DEFENCE_IN_TIME = Guard(
    "defence_late",
    "申辩期限已过",
    "The deadline for a defence has passed",
    lambda f: f.get("defence_due") is None or f["today"] <= f["defence_due"],
    "defence",
)
DEFENCE_HEARD = Guard(
    "defence_pending",
    "被问责部门申辩期限未届满且尚未申辩，不能作出决定",
    "The addressee may still answer: wait for its defence or the end of the defence period",
    lambda f: f["state"] == AccountabilityState.DEFENDED
    or (f.get("defence_due") is not None and f["today"] > f["defence_due"]),
)
RECTIFY_NEEDS_DEADLINE = Guard(
    "rectify_deadline",
    "限期整改或者暂停共享权限必须设定整改期限（暂停共享权限的，依《政务数据共享条例》第二十七条督促限期整改）",
    "Rectification within a deadline, or a suspension of sharing rights, needs a rectification deadline "
    "(a suspension comes with rectification within a time limit, 《政务数据共享条例》第二十七条)",
    lambda f: f["measure"] not in (Measure.RECTIFY, Measure.SUSPEND) or bool(f.get("rectification_days")),
    "rectification_days",
)


@dataclass(frozen=True)
class Transition:
    """One row of a workflow table."""

    action: str
    entity: str
    source: frozenset[str] | None  # None: the action creates the record
    target: str | None  # None: the state does not change
    allowed: frozenset[tuple[Role, Party]]
    payload: type[m.Payload]
    guards: tuple[Guard, ...] = ()
    label_zh: str = ""
    label_en: str = ""

    def permits(self, role: Role, parties: Iterable[Party]) -> bool:
        held = set(parties)
        return any(r is role and p in held for r, p in self.allowed)


DEPT_ROLES = (Role.COMMISSIONER, Role.CDO)
BUREAU_ROLES = (Role.ARBITRATOR, Role.ADMIN)


def _grant(roles: Iterable[Role], *parties: Party) -> frozenset[tuple[Role, Party]]:
    return frozenset((r, p) for r in roles for p in parties)


def _states(*states: str) -> frozenset[str]:
    return frozenset(states)


@dataclass
class _TableBuilder:
    entity: str
    rows: list[Transition] = field(default_factory=list)

    def add(
        self,
        action: str,
        source: Iterable[str] | None,
        target: str | None,
        allowed: frozenset[tuple[Role, Party]],
        payload: type[m.Payload],
        guards: tuple[Guard, ...] = (),
        *,
        zh: str,
        en: str,
    ) -> None:
        self.rows.append(
            Transition(
                action=f"{self.entity}.{action}",
                entity=self.entity,
                source=None if source is None else frozenset(source),
                target=target,
                allowed=allowed,
                payload=payload,
                guards=guards,
                label_zh=zh,
                label_en=en,
            )
        )


def _directory_table() -> list[Transition]:
    admin = _grant([Role.ADMIN], Party.BUREAU)
    rows: list[Transition] = []
    dept = _TableBuilder("department")
    dept.add("create", None, None, admin, m.DepartmentCreate, zh="新增部门", en="Add department")
    dept.add("update", [], None, admin, m.DepartmentUpdate, zh="修改部门", en="Edit department")
    person = _TableBuilder("commissioner")
    person.add("appoint", None, None, admin, m.CommissionerAppoint, zh="任命数据专员", en="Appoint")
    person.add("end", [], None, admin, m.CommissionerEnd, zh="免去任职", en="End appointment")
    policy = _TableBuilder("policy")
    policy.add("set", None, None, admin, m.PolicySet, zh="设置时限", en="Set deadline")
    cal = _TableBuilder("calendar")
    cal.add("publish", None, None, admin, m.CalendarPublish, zh="发布节假日安排", en="Publish holidays")
    dept.add("change_duties", [], None, admin, m.DutiesChange, zh="登记职能变更", en="Record a change of duties")
    for b in (dept, person, policy, cal):
        rows.extend(b.rows)
    return rows


def _resource_table() -> list[Transition]:
    t = _TableBuilder("resource")
    owners = _grant(DEPT_ROLES, Party.OWNER)
    both = (NEEDS_LEGAL_BASIS, NEEDS_OPEN_BASIS)
    t.add("create", None, None, owners, m.ResourceCreate, both, zh="编目", en="Catalogue resource")
    t.add("update", [], None, owners, m.ResourceUpdate, both, zh="修改目录", en="Edit resource")
    t.add("record_update", [], None, owners, m.ResourceDataUpdated, zh="登记数据更新", en="Record a data update")
    return t.rows


def _request_table() -> list[Transition]:
    S = RequestState
    t = _TableBuilder("request")
    req = _grant(DEPT_ROLES, Party.REQUESTER)
    prov = _grant(DEPT_ROLES, Party.PROVIDER)
    bureau = _grant(BUREAU_ROLES, Party.BUREAU)
    create_guards = (ITEMS_OF_RESOURCE, NOT_OWN_RESOURCE)
    t.add("create", None, S.DRAFT, req, m.RequestCreate, create_guards, zh="新建申请", en="Draft request")
    t.add("update", [S.DRAFT], S.DRAFT, req, m.RequestCreate, create_guards, zh="修改申请", en="Edit request")
    t.add("submit", [S.DRAFT], S.SUBMITTED, req, m.Empty, (REQUEST_NEEDS_BASIS,), zh="提交申请", en="Submit")
    # the share type drives the conformity check: conditional → the owner answers; unconditional → the bureau
    # grants (the owner is notified and cannot refuse); not shared → refused citing the catalogue's basis
    t.add("check", [S.SUBMITTED], S.AWAITING_REPLY, bureau, m.Empty, (ROUTE_CONDITIONAL,),
          zh="合规审核通过，转数源部门答复", en="Pass conformity check (to the owner)")
    t.add("check_grant", [S.SUBMITTED], S.GRANTED, bureau, m.Empty, (ROUTE_UNCONDITIONAL,),
          zh="合规审核通过并授权", en="Pass conformity check and grant")
    t.add("check_refuse", [S.SUBMITTED], S.REFUSED, bureau, m.ReasonPayload, (ROUTE_NOT_SHARED,),
          zh="合规审核不予通过（不予共享类）", en="Refuse at the conformity check (not shared)")
    t.add("return", [S.SUBMITTED], S.DRAFT, bureau, m.ReasonPayload, (NEEDS_REASON,), zh="退回", en="Return")
    t.add("approve", [S.AWAITING_REPLY], S.APPROVED, prov, m.ReasonPayload, zh="同意", en="Approve")
    t.add(
        "approve_partly",
        [S.AWAITING_REPLY],
        S.PARTLY_APPROVED,
        prov,
        m.RequestApprovePartly,
        (OWNER_CANNOT_REFUSE_UNCONDITIONAL, NEEDS_REASON, PARTIAL_SUBSET),
        zh="部分同意",
        en="Approve in part",
    )
    t.add("refuse", [S.AWAITING_REPLY], S.REFUSED, prov, m.RequestRefuse,
          (OWNER_CANNOT_REFUSE_UNCONDITIONAL, NEEDS_REASON, REFUSAL_NEEDS_BASIS),
          zh="不予同意", en="Refuse")
    t.add("grant", [S.APPROVED, S.PARTLY_APPROVED], S.GRANTED, prov, m.Empty, zh="开通权限", en="Grant access")
    t.add("expire", [S.GRANTED], S.EXPIRED, bureau, m.Empty, (PERIOD_RUN_OUT,), zh="到期", en="Expire")
    t.add("suspend", [S.GRANTED], S.SUSPENDED, bureau, m.ReasonPayload, (NEEDS_REASON,), zh="暂停授权", en="Suspend")
    t.add("resume", [S.SUSPENDED], S.GRANTED, bureau, m.ReasonPayload, zh="恢复授权", en="Resume")
    t.add(
        "revoke",
        [S.GRANTED, S.SUSPENDED],
        S.REVOKED,
        prov | bureau,
        m.ReasonPayload,
        (NEEDS_REASON,),
        zh="撤销授权",
        en="Revoke",
    )
    return t.rows


def _objection_table() -> list[Transition]:
    S = ObjectionState
    t = _TableBuilder("objection")
    raiser = _grant(DEPT_ROLES, Party.RAISER)
    owner = _grant(DEPT_ROLES, Party.OWNER)
    bureau = _grant(BUREAU_ROLES, Party.BUREAU)
    t.add("raise", None, S.RAISED, raiser, m.ObjectionRaise, (NOT_OWN_OBJECTION, ITEMS_OF_RESOURCE), zh="提出异议", en="Raise")
    t.add("accept", [S.RAISED], S.ACCEPTED, owner, m.Empty, zh="受理", en="Accept")
    t.add(
        "reject", [S.RAISED, S.ACCEPTED], S.REJECTED, owner, m.ReasonPayload, (NEEDS_REASON,), zh="不予受理", en="Reject"
    )
    t.add("flag", [S.ACCEPTED], S.FLAGGED, owner, m.Empty, zh="标注存疑", en="Flag data")
    t.add("verify", [S.FLAGGED], S.VERIFIED, owner, m.ResponsePayload, (NEEDS_RESPONSE,), zh="核实无误", en="Verify")
    t.add("correct", [S.FLAGGED], S.CORRECTED, owner, m.ResponsePayload, (NEEDS_RESPONSE,), zh="更正", en="Correct")
    t.add(
        "close", [S.VERIFIED, S.CORRECTED, S.REJECTED], S.CLOSED, raiser | bureau, m.Empty, zh="办结", en="Close"
    )
    return t.rows


_OPEN_DISPUTE = [DisputeState.FILED, DisputeState.NEGOTIATION, DisputeState.ACCEPTED, DisputeState.HEARING]


def _dispute_table() -> list[Transition]:
    S = DisputeState
    t = _TableBuilder("dispute")
    claimant = _grant(DEPT_ROLES, Party.CLAIMANT)
    respondent = _grant(DEPT_ROLES, Party.RESPONDENT)
    arbitrator = _grant([Role.ARBITRATOR], Party.BUREAU)
    bureau = _grant(BUREAU_ROLES, Party.BUREAU)
    t.add(
        "file", None, S.FILED, claimant, m.DisputeFile,
        (NEEDS_STATEMENT, NEEDS_CLAIMS, DISTINCT_PARTIES, ORIGIN_MATCHES, ONE_OPEN_DISPUTE_PER_ORIGIN),
        zh="申请仲裁", en="File dispute",
    )
    t.add(
        "answer_claim", _OPEN_DISPUTE, None, respondent, m.ClaimAnswer, (CLAIM_EXISTS, NEEDS_ANSWER),
        zh="逐项答辩", en="Answer a claim",
    )
    t.add("withdraw", [S.FILED, S.NEGOTIATION], S.WITHDRAWN, claimant, m.ReasonPayload, zh="撤回申请", en="Withdraw")
    t.add(
        "answer", _OPEN_DISPUTE, None, respondent | claimant, m.DisputeStatement, (NEEDS_STATEMENT,),
        zh="提交陈述", en="Submit statement",
    )
    t.add("add_evidence", _OPEN_DISPUTE, None, respondent | claimant, m.EvidenceAdd, zh="提交证据", en="Add evidence")
    t.add("negotiate", [S.FILED], S.NEGOTIATION, arbitrator, m.Empty, zh="组织协商", en="Start negotiation")
    t.add("accept", [S.FILED, S.NEGOTIATION], S.ACCEPTED, arbitrator, m.Empty, zh="受理仲裁", en="Accept")
    t.add(
        "decline", [S.FILED, S.NEGOTIATION], S.DECLINED, arbitrator, m.ReasonPayload, (NEEDS_REASON,),
        zh="不予受理", en="Decline",
    )
    t.add("schedule_hearing", [S.ACCEPTED], S.HEARING, arbitrator, m.HearingSchedule, zh="安排听证", en="Schedule hearing")
    t.add(
        "rule",
        [S.ACCEPTED, S.HEARING],
        S.RULED,
        arbitrator,
        m.RulingIssue,
        (NEEDS_FINDING, NEEDS_REASONING, NEEDS_ARBITRATOR, ISSUER_AMONG_ARBITRATORS, EVERY_CLAIM_DECIDED,
         NEEDS_DECISION, ORDERS_TO_PARTIES, ORDERS_FOLLOW_CLAIMS, UPHELD_NEEDS_ORDER),
        zh="作出裁决",
        en="Issue ruling",
    )
    t.add("comply", [S.RULED], S.COMPLIED, bureau, m.Empty, (ALL_ORDERS_COMPLIED,), zh="确认履行", en="Confirm compliance")
    t.add(
        "escalate", [S.RULED], S.ESCALATED, claimant | respondent | bureau, m.ReasonPayload, (NEEDS_REASON,),
        zh="提请上级", en="Escalate",
    )
    t.add("archive", [S.COMPLIED, S.ESCALATED, S.DECLINED, S.WITHDRAWN], S.ARCHIVED, bureau, m.Empty,
          zh="归档", en="Archive")
    return t.rows


def _order_table() -> list[Transition]:
    S = OrderState
    t = _TableBuilder("order")
    addressee = _grant(DEPT_ROLES, Party.ADDRESSEE)
    arbitrator = _grant([Role.ARBITRATOR], Party.BUREAU)
    t.add("report", [S.OPEN], S.REPORTED, addressee, m.OrderReport, (NEEDS_REPORT,), zh="报告履行", en="Report compliance")
    t.add("confirm", [S.REPORTED], S.COMPLIED, arbitrator, m.Empty, zh="确认履行", en="Confirm")
    t.add("reopen", [S.REPORTED], S.OPEN, arbitrator, m.ReasonPayload, (NEEDS_REASON,), zh="退回", en="Send back")
    return t.rows


def _accountability_table() -> list[Transition]:
    S = AccountabilityState
    t = _TableBuilder("accountability")
    addressee = _grant(DEPT_ROLES, Party.ADDRESSEE)
    bureau = _grant(BUREAU_ROLES, Party.BUREAU)
    t.add(
        "create", None, S.NOTIFIED, bureau, m.AccountabilityCreate,
        (GROUND_HOLDS, RECTIFY_NEEDS_DEADLINE), zh="作出问责", en="Hold to account",
    )
    t.add("defend", [S.NOTIFIED], S.DEFENDED, addressee, m.AccountabilityDefend, (NEEDS_DEFENCE, DEFENCE_IN_TIME),
          zh="提出申辩", en="Submit a defence")
    t.add("uphold", [S.NOTIFIED, S.DEFENDED], S.OPEN, bureau, m.ReasonPayload, (DEFENCE_HEARD,),
          zh="维持问责", en="Uphold")
    t.add("change", [S.NOTIFIED, S.DEFENDED], S.OPEN, bureau, m.AccountabilityChange,
          (DEFENCE_HEARD, NEEDS_REASON, RECTIFY_NEEDS_DEADLINE), zh="变更问责措施", en="Change the measure")
    t.add("withdraw", [S.NOTIFIED, S.DEFENDED], S.WITHDRAWN, bureau, m.ReasonPayload, (NEEDS_REASON,),
          zh="撤销问责", en="Withdraw")
    t.add("report", [S.OPEN], S.REPORTED, addressee, m.AccountabilityReport, (NEEDS_REPORT,), zh="报告整改", en="Report rectification")
    t.add("accept", [S.REPORTED], S.CLOSED, bureau, m.Empty, zh="整改销号", en="Accept rectification")
    t.add("reject", [S.REPORTED], S.OPEN, bureau, m.ReasonPayload, (NEEDS_REASON,), zh="退回整改", en="Send back")
    return t.rows


def _misuse_table() -> list[Transition]:
    S = MisuseState
    t = _TableBuilder("misuse")
    owner = _grant(DEPT_ROLES, Party.PROVIDER)
    bureau = _grant(BUREAU_ROLES, Party.BUREAU)
    t.add("report", None, S.REPORTED, owner | bureau, m.MisuseReportFile, (GRANT_EXISTED, EXPIRY_MEANS_ENDED),
          zh="报告违规使用", en="Report misuse")
    t.add("investigate", [S.REPORTED], S.INVESTIGATING, bureau, m.Empty, zh="立案调查", en="Investigate")
    t.add("confirm", [S.INVESTIGATING], S.CONFIRMED, bureau, m.MisuseFinding, (NEEDS_FINDING_TEXT,),
          zh="认定属实", en="Confirm")
    t.add("dismiss", [S.INVESTIGATING], S.UNFOUNDED, bureau, m.MisuseFinding, (NEEDS_FINDING_TEXT,),
          zh="认定不属实", en="Find unfounded")
    return t.rows


def _receipt_table() -> list[Transition]:
    t = _TableBuilder("receipt")
    addressee = _grant(DEPT_ROLES, Party.ADDRESSEE)
    t.add("sign", None, None, addressee, m.ReceiptSign, zh="签收", en="Acknowledge receipt")
    return t.rows


def _document_table() -> list[Transition]:
    t = _TableBuilder("document")
    bureau = _grant(BUREAU_ROLES, Party.BUREAU)
    t.add("file_ruling", None, None, bureau, m.DocumentFile, zh="登记裁决书文件", en="File the issued ruling PDF")
    t.add("file_notice", None, None, bureau, m.DocumentFile, zh="登记问责通知书文件", en="File the issued notice PDF")
    return t.rows


# --- data assets and the platform register (集约化) ------------------------------------------------------------

from cdo_desktop.domain import asset_payloads as ap  # noqa: E402  (kept beside the tables it serves)
from cdo_desktop.domain.enums import AssetState  # noqa: E402

CITY_DIVISION = "440600"  # 佛山市行政区划代码: the first part of every asset code


def asset_code_pattern(department_code: str) -> str:
    """The city's asset-code scheme: ``440600-<holder's department code>-ZC-<4 digits>``, e.g. 440600-FS-GAJ-ZC-0001."""
    import re

    return rf"^{CITY_DIVISION}-{re.escape(department_code)}-ZC-\d{{4}}$"


def format_asset_code(department_code: str, serial: int) -> str:
    return f"{CITY_DIVISION}-{department_code}-ZC-{serial:04d}"


def _asset_code_ok(f: Facts) -> bool:
    import re

    return re.match(asset_code_pattern(str(f.get("holder_code", ""))), _text(f, "code")) is not None


ASSET_CODE_FORMAT = Guard(
    "asset_code_format",
    "资产编码应为“440600-部门编码-ZC-四位序号”，如 440600-FS-GAJ-ZC-0001",
    "The asset code must read 440600-<department code>-ZC-<4 digits>, e.g. 440600-FS-GAJ-ZC-0001",
    _asset_code_ok,
    "code",
)
VALUED_NOT_IN_FUTURE = Guard(
    "valued_in_future",
    "评估基准日不能晚于今天",
    "The valuation date cannot be in the future",
    lambda f: f["valued_on"] <= f["today"],
    "valued_on",
)
VALUATION_NEEDS_REPORT = Guard(
    "valuation_report_required",
    "评估必须附评估报告文件",
    "A valuation needs its valuation report file",
    lambda f: bool(f.get("report_sha256")) and bool(_text(f, "report_filename")),
    "report_sha256",
)


def _asset_table() -> list[Transition]:
    S = AssetState
    t = _TableBuilder("asset")
    holder = _grant(DEPT_ROLES, Party.OWNER)
    bureau = _grant(BUREAU_ROLES, Party.BUREAU)
    t.add("apply", None, S.APPLIED, holder, ap.AssetApply, (ASSET_CODE_FORMAT,), zh="申请登记", en="Apply for registration")
    t.add("resubmit", [S.REFUSED], S.APPLIED, holder, ap.AssetFields, zh="重新申请登记", en="Apply again")
    t.add("approve", [S.APPLIED], S.REGISTERED, bureau, m.Empty, zh="准予登记", en="Register")
    t.add("refuse", [S.APPLIED], S.REFUSED, bureau, m.ReasonPayload, (NEEDS_REASON,), zh="不予登记", en="Refuse registration")
    t.add("request_change", [S.REGISTERED], S.CHANGE_PENDING, holder, ap.AssetChange, zh="申请变更", en="Apply for a change")
    t.add("approve_change", [S.CHANGE_PENDING], S.REGISTERED, bureau, m.Empty, zh="准予变更", en="Approve the change")
    t.add(
        "refuse_change", [S.CHANGE_PENDING], S.REGISTERED, bureau, m.ReasonPayload, (NEEDS_REASON,),
        zh="不予变更", en="Refuse the change",
    )
    t.add(
        "request_cancel", [S.REGISTERED], S.CANCEL_PENDING, holder, m.ReasonPayload, (NEEDS_REASON,),
        zh="申请注销", en="Apply for cancellation",
    )
    t.add("approve_cancel", [S.CANCEL_PENDING], S.CANCELLED, bureau, m.Empty, zh="准予注销", en="Cancel the registration")
    t.add(
        "refuse_cancel", [S.CANCEL_PENDING], S.REGISTERED, bureau, m.ReasonPayload, (NEEDS_REASON,),
        zh="不予注销", en="Refuse the cancellation",
    )
    t.add(
        "value", [S.REGISTERED, S.CHANGE_PENDING], None, holder, ap.AssetValue,
        (VALUED_NOT_IN_FUTURE, VALUATION_NEEDS_REPORT), zh="登记评估结果", en="Record a valuation",
    )
    return t.rows


def _platform_table() -> list[Transition]:
    t = _TableBuilder("platform")
    keepers = _grant(DEPT_ROLES, Party.OWNER) | _grant([Role.ADMIN], Party.BUREAU)
    t.add("register", None, None, keepers, ap.SystemCreate, zh="登记平台或系统", en="Register platform or system")
    t.add("update", [], None, keepers, ap.SystemUpdate, zh="修改平台或系统", en="Edit platform or system")
    return t.rows


TABLES: dict[str, list[Transition]] = {
    "directory": _directory_table(),
    "resource": _resource_table(),
    "request": _request_table(),
    "objection": _objection_table(),
    "dispute": _dispute_table(),
    "order": _order_table(),
    "accountability": _accountability_table(),
    "document": _document_table(),
    "misuse": _misuse_table(),
    "receipt": _receipt_table(),
    "asset": _asset_table(),
    "platform": _platform_table(),
}

TRANSITIONS: dict[str, Transition] = {t.action: t for rows in TABLES.values() for t in rows}

STATE_ENUMS: dict[str, type] = {
    "request": RequestState,
    "objection": ObjectionState,
    "dispute": DisputeState,
    "order": OrderState,
    "accountability": AccountabilityState,
    "misuse": MisuseState,
    "asset": AssetState,
}


def transition_for(action: str) -> Transition:
    """The table row of ``action``; an unknown action is refused with a readable reason."""
    try:
        return TRANSITIONS[action]
    except KeyError:
        raise InvalidState("unknown_action", f"未知的操作：{action}", f"Unknown action: {action}") from None


def check_transition(
    transition: Transition, *, state: str | None, role: Role, parties: Iterable[Party], facts: Facts,
    guards: bool = True,
) -> None:
    """Raise the first reason why ``transition`` may not happen now; return None when it may.

    ``guards=False`` (the audit replay) checks the right and the state only: a logged change was admitted under the
    business rules of its day, and a rule tightened since must not make a genuine history unreplayable."""
    if not transition.permits(role, parties):
        raise NotAllowed(
            "not_allowed",
            f"{role.zh}无权执行“{transition.label_zh}”",
            f"A {role.en.lower()} of this department may not {transition.label_en.lower()}",
        )
    if transition.source is not None and transition.source and state not in transition.source:
        enum = STATE_ENUMS.get(transition.entity)
        shown_zh = enum(state).zh if enum and state in {e.value for e in enum} else str(state)  # type: ignore[attr-defined]
        shown_en = enum(state).en if enum and state in {e.value for e in enum} else str(state)  # type: ignore[attr-defined]
        raise InvalidState(
            "invalid_state",
            f"当前状态为“{shown_zh}”，不能执行“{transition.label_zh}”",
            f"Cannot {transition.label_en.lower()} while the record is '{shown_en}'",
        )
    for guard in transition.guards if guards else ():
        if not guard.check(facts):
            raise GuardFailed(guard.code, guard.zh, guard.en, field=guard.field)


def actions_from(entity: str, state: str) -> list[Transition]:
    """The actions that can be taken on a record of ``entity`` in ``state`` (by someone)."""
    return [
        t
        for t in TABLES.get(entity, [])
        if t.source is not None and (not t.source or state in t.source)
    ]
