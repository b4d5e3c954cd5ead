"""Mutations, the unit of change: one strict pydantic payload model per action, plus the envelope.

Every payload refuses unknown fields and bounds every text, so that bad input is stopped at the edge with a
message that names the field, before any rule or row is touched.
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationError,
    model_validator,
)
from pydantic_core import PydanticCustomError

from cdo_desktop.domain.enums import (
    ClaimDecision,
    ClaimKind,
    DataItemType,
    Decision,
    DepartmentLevel,
    DisputeKind,
    GroundKind,
    Measure,
    MisuseKind,
    OpenType,
    ReceiptSubject,
    ReceiptVia,
    Role,
    ShareMethod,
    ShareType,
    UpdateCycle,
)
from cdo_desktop.domain.errors import DomainError

# Control characters (C0, DEL, C1) are refused everywhere: PostgreSQL cannot store U+0000 at all, and none of them
# belongs in a name or a letter. Multi-line texts may hold tab and line breaks; single-line fields may not.
_CONTROL_ANY = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_CONTROL_MULTILINE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029]")


def _describe(ch: str) -> str:
    return f"U+{ord(ch):04X}"


def single_line(value: str) -> str:
    """Refuse any control character (tab and line breaks too): names, codes, short labels."""
    found = _CONTROL_ANY.search(value)
    if found:
        raise PydanticCustomError(
            "control_character", "control character {char} is not allowed in a one-line text", {"char": _describe(found.group())}
        )
    return value


def multi_line(value: str) -> str:
    """Refuse control characters other than tab, line feed and carriage return: multi-line texts."""
    found = _CONTROL_MULTILINE.search(value)
    if found:
        raise PydanticCustomError(
            "control_character", "control character {char} is not allowed", {"char": _describe(found.group())}
        )
    return value


OneLine = AfterValidator(single_line)
MultiLine = AfterValidator(multi_line)

Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200), OneLine]
Code = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=64), OneLine]
Text = Annotated[str, StringConstraints(strip_whitespace=True, max_length=20_000), MultiLine]
Reason = Annotated[str, StringConstraints(strip_whitespace=True, max_length=4_000), MultiLine]
Short = Annotated[str, StringConstraints(strip_whitespace=True, max_length=200), OneLine]
# The prefix of a document number (佛公安复 in 佛公安复〔2026〕3号): no brackets, no spaces, at most 16 characters.
ReplyPrefix = Annotated[str, StringConstraints(strip_whitespace=True, max_length=16, pattern=r"^[^〔〕\[\]\s]*$"), OneLine]
Sha256 = Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")]


class Payload(BaseModel):
    """Base of every payload: strict about unknown fields, immutable once built. Each validator is built on the
    payload's first use, not at import (the desktop's start imports this module before its first rows)."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True, defer_build=True)


class DataItem(Payload):
    name: Name
    type: DataItemType = DataItemType.STRING


# --- directory and policy (bureau administrators) -------------------------------------------------------------


class DepartmentCreate(Payload):
    code: Code
    name: Name
    short_name: Short = ""
    level: DepartmentLevel = DepartmentLevel.CITY
    parent_id: uuid.UUID | None = None
    is_bureau: bool = False
    reply_prefix: ReplyPrefix = ""


class DepartmentUpdate(Payload):
    name: Name | None = None
    short_name: Short | None = None
    level: DepartmentLevel | None = None
    parent_id: uuid.UUID | None = None
    active: bool | None = None
    reply_prefix: ReplyPrefix | None = None


class DutiesChange(Payload):
    """A change of a department's duties (职能变更): its catalogue must be updated within the policy deadline."""

    changed_on: dt.date
    note: Reason = Field(min_length=1)


class CommissionerAppoint(Payload):
    name: Name
    department_id: uuid.UUID
    role: Role = Role.COMMISSIONER
    phone: Short = ""
    email: Short = ""
    appointed_on: dt.date


class CommissionerEnd(Payload):
    ended_on: dt.date


class PolicySet(Payload):
    kind: Code
    days: int = Field(ge=1, le=365)
    clause: Short = Field(min_length=1)


class CalendarDay(Payload):
    date: dt.date
    workday: bool
    name: Short = ""


class CalendarPublish(Payload):
    """The State Council's arrangement for one year: every holiday and every make-up workday (调休)."""

    year: int = Field(ge=2000, le=2100)
    days: list[CalendarDay] = Field(max_length=366)
    complete: bool = False  # only a table marked complete makes the year certain

    @model_validator(mode="after")
    def _days_in_year(self) -> CalendarPublish:
        for day in self.days:
            if day.date.year != self.year:
                raise ValueError(f"days: {day.date} is not in {self.year}")
        return self


# --- catalogue ---------------------------------------------------------------------------------------------------


class ResourceFields(Payload):
    name: Name
    summary: Text = ""
    format: Short = ""
    items: list[DataItem] = Field(min_length=1, max_length=500)
    share_type: ShareType = ShareType.UNCONDITIONAL
    share_conditions: Reason = ""
    legal_basis: Reason = ""
    share_method: ShareMethod = ShareMethod.API
    open_type: OpenType = OpenType.OPEN
    open_reason: Reason = ""
    open_legal_basis: Reason = ""
    open_channel: Short = ""
    open_published_on: dt.date | None = None
    update_cycle: UpdateCycle = UpdateCycle.DAILY
    source_system: Short = ""
    source_system_id: uuid.UUID | None = None  # from the platform register (集约化); its name fills source_system
    published_on: dt.date | None = None


class ResourceCreate(ResourceFields):
    code: Code
    department_id: uuid.UUID


class ResourceUpdate(ResourceFields):
    pass


class ResourceDataUpdated(Payload):
    """The owner records that it updated the data of a resource (its update-cycle duty)."""

    updated_on: dt.date | None = None


# --- sharing requests --------------------------------------------------------------------------------------------


class RequestCreate(Payload):
    requester_department_id: uuid.UUID
    resource_id: uuid.UUID
    items: list[Name] = Field(min_length=1, max_length=500)
    purpose: Reason = Field(min_length=1)
    legal_basis: Reason = ""
    usage_method: ShareMethod = ShareMethod.API
    period_start: dt.date
    period_end: dt.date

    @model_validator(mode="after")
    def _period(self) -> RequestCreate:
        if self.period_end < self.period_start:
            raise ValueError("period_end: the period must not end before it starts")
        return self


class ReasonPayload(Payload):
    reason: Reason = ""


class Empty(Payload):
    pass


class RequestRefuse(Payload):
    reason: Reason = ""
    legal_basis: Reason = ""


class RequestApprovePartly(Payload):
    granted_items: list[Name] = Field(min_length=1, max_length=500)
    reason: Reason = ""


# --- quality objections ------------------------------------------------------------------------------------------


class ObjectionRaise(Payload):
    raiser_department_id: uuid.UUID
    resource_id: uuid.UUID
    items: list[Name] = Field(default_factory=list, max_length=500)
    description: Reason = Field(min_length=1)


class ResponsePayload(Payload):
    response: Reason = ""


# --- disputes, rulings, orders, accountability -----------------------------------------------------------------


class ClaimInput(Payload):
    """A claim (仲裁请求): e.g. order the owner to share items X and Y within N working days."""

    kind: ClaimKind = ClaimKind.OTHER
    text: Reason = Field(min_length=1)
    items: list[Name] = Field(default_factory=list, max_length=500)
    deadline_days: int | None = Field(default=None, ge=1, le=365)


class DisputeFile(Payload):
    claimant_department_id: uuid.UUID
    respondent_department_id: uuid.UUID
    kind: DisputeKind
    request_id: uuid.UUID | None = None
    objection_id: uuid.UUID | None = None
    statement: Text = ""
    claims: list[ClaimInput] = Field(default_factory=list, max_length=20)


class ClaimAnswer(Payload):
    """The respondent's answer (答辩) to one numbered claim."""

    position: int = Field(ge=1, le=20)
    answer: Reason = ""


class DisputeStatement(Payload):
    statement: Text = ""


class EvidenceAdd(Payload):
    evidence_id: uuid.UUID
    filename: Name
    sha256: Sha256
    size: int = Field(ge=0, le=25 * 1024 * 1024)
    media_type: Short = "application/octet-stream"


class HearingSchedule(Payload):
    hearing_on: dt.date | None = None
    place: Short = ""


class RulingOrderInput(Payload):
    addressee_department_id: uuid.UUID
    action: Reason = Field(min_length=1)
    deadline_days: int = Field(ge=1, le=365)
    claim_position: int | None = Field(default=None, ge=1, le=20)


class ClaimDecisionInput(Payload):
    position: int = Field(ge=1, le=20)
    decision: ClaimDecision
    reasoning: Text = ""


class RulingIssue(Payload):
    ruling_id: uuid.UUID
    arbitrator_ids: list[uuid.UUID] = Field(default_factory=list, max_length=9)
    findings: list[Reason] = Field(default_factory=list, max_length=200)
    reasoning: Text = ""
    rules_relied_on: list[Short] = Field(default_factory=list, max_length=50)
    decision: Decision | None = None  # derived from the claim decisions when the dispute has claims
    claim_decisions: list[ClaimDecisionInput] = Field(default_factory=list, max_length=20)
    orders: list[RulingOrderInput] = Field(default_factory=list, max_length=50)
    cc: list[Short] = Field(default_factory=list, max_length=20)


class OrderReport(Payload):
    report: Reason = ""


class AccountabilityCreate(Payload):
    department_id: uuid.UUID
    commissioner_id: uuid.UUID | None = None
    ruling_id: uuid.UUID | None = None
    violation: Reason = ""
    measure: Measure
    rectification_days: int | None = Field(default=None, ge=1, le=365)
    report_requirement: Reason = ""
    ground: GroundKind | None = None
    ground_id: uuid.UUID | None = None  # the order, misuse report or objection the ground points at
    period_start: dt.date | None = None  # replies_overdue: the period counted
    period_end: dt.date | None = None


class AccountabilityDefend(Payload):
    defence: Reason = ""


class AccountabilityChange(Payload):
    measure: Measure
    rectification_days: int | None = Field(default=None, ge=1, le=365)
    reason: Reason = ""


class MisuseReportFile(Payload):
    request_id: uuid.UUID
    kind: MisuseKind
    description: Reason = Field(min_length=1)


class MisuseFinding(Payload):
    finding: Reason = ""


class ReceiptSign(Payload):
    """签收: the addressed department acknowledges receiving a document or order."""

    subject: ReceiptSubject
    subject_id: uuid.UUID
    via: ReceiptVia = ReceiptVia.SIGNED


class AccountabilityReport(Payload):
    report: Reason = ""


class DocumentFile(Payload):
    """The SHA-256 of the PDF file as issued (printed, signed, mailed), kept so a later copy can be checked."""

    sha256: Sha256


def _no_number_as_time(value: Any) -> Any:
    """A client time is an ISO 8601 text (or a datetime): a bare number such as ``0`` is a client bug, not 1970."""
    if isinstance(value, (bool, int, float)):
        raise PydanticCustomError("datetime_type", "client_time must be an ISO 8601 date and time, not a number")
    return value


ClientTime = Annotated[dt.datetime, BeforeValidator(_no_number_as_time)]


class Mutation(BaseModel):
    """The envelope that travels through the outbox and over the wire."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    id: uuid.UUID = Field(default_factory=uuid.uuid4)
    kind: Annotated[str, StringConstraints(pattern=r"^[a-z][a-z_]*(\.[a-z][a-z_]*)+$", min_length=3, max_length=64)]
    actor_id: uuid.UUID
    entity_id: uuid.UUID
    base_revision: int = Field(default=0, ge=0)
    payload: dict[str, Any] = Field(default_factory=dict)
    client_time: ClientTime = Field(default_factory=lambda: dt.datetime.now(dt.UTC))


def _field_name(loc: tuple[int | str, ...]) -> str:
    return ".".join(str(part) for part in loc) or "payload"


def validation_error(exc: ValidationError, *, prefix: str = "") -> DomainError:
    """Turn a pydantic error into a DomainError whose message names the first bad field in both languages."""
    first = exc.errors()[0]
    field = _field_name(tuple(first["loc"]))
    if prefix:
        field = f"{prefix}.{field}"
    kind = first["type"]
    detail = first["msg"]
    zh_reasons = {
        "extra_forbidden": "不允许的字段",
        "missing": "缺少必填字段",
        "string_too_long": "文本过长",
        "string_too_short": "不能为空",
        "too_long": "条目过多",
        "too_short": "至少需要一项",
        "greater_than_equal": "数值过小",
        "less_than_equal": "数值过大",
        "uuid_parsing": "不是有效的标识",
        "uuid_type": "不是有效的标识",
        "enum": "不是允许的取值",
        "date_from_datetime_parsing": "不是有效的日期",
        "date_parsing": "不是有效的日期",
        "date_type": "不是有效的日期",
        "int_parsing": "不是整数",
        "int_type": "不是整数",
        "string_type": "应为文本",
        "bool_parsing": "应为是或否",
        "list_type": "应为列表",
        "string_pattern_mismatch": "格式不正确",
        "value_error": "取值不正确",
        "control_character": "含有不允许的控制字符",
        "datetime_type": "不是有效的日期时间",
        "datetime_parsing": "不是有效的日期时间",
    }
    zh = zh_reasons.get(kind, "取值不正确")
    return DomainError(
        f"invalid.{kind}",
        f"字段“{field}”{zh}：{detail}",
        f"Field '{field}': {detail}",
        field=field,
    )
