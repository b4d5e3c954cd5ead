"""Plain frozen views of what each document prints: filled from the store, rendered without a database."""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import types
import typing
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from cdo_desktop.reports.fingerprint import fingerprint as _fingerprint

ISSUER = "佛山市政务服务数据管理局"
ESCALATION_DAYS = 15
ESCALATION = (
    f"当事部门对本裁决有异议的，可以自收到本裁决书之日起{ESCALATION_DAYS}个工作日内，向佛山市首席数据官书面提请复核。"
    "该期间自收到本裁决书之日的次日起算，收到之日以送达回证（签收记录）载明的日期为准。"
    "复核期间，本裁决确定的义务不停止履行。逾期不履行的，由佛山市政务服务数据管理局依照有关规定予以问责。"
)
# How long a requesting department has to bring a dispute over a refused item (product default, docs/documents.md).
DISPUTE_PERIOD_DAYS = 15
# How long the addressee of a notice has to answer it (申辩) when the policy names no period (product default).
DEFENCE_DAYS = 5
SERVICE = "本文书通过佛山市政务数据共享协同平台送达，以受送达部门签收之日为收到之日。"


@dataclass(frozen=True)
class DocumentView:
    """What every printed document has: kind, number, the record it prints and its canonical form."""

    kind: str
    number: str
    record_id: str
    record: Mapping[str, Any]
    issuer: str
    issued_on: dt.date
    verify_base: str = ""  # the bureau's address for the QR's verification link (https://BUREAU)
    lang: str = "zh"  # the language the document is printed in: "zh" (the legal text) or "en" (a rendering)

    @property
    def fingerprint(self) -> str:
        """SHA-256 of the canonical JSON of the whole view: every printed field, including fields added later."""
        return view_fingerprint(self)


@dataclass(frozen=True)
class OfficerView:
    """A person responsible for a department's data work on a given day, printed by the role really held."""

    role: str  # 首席数据官 / 数据专员
    name: str
    phone: str = ""


@dataclass(frozen=True)
class PartyView:
    role: str  # 申请人 / 被申请人
    department: str
    commissioners: tuple[str, ...] = ()  # names only (older snapshots)
    officers: tuple[OfficerView, ...] = ()


@dataclass(frozen=True)
class ReceiptView:
    """送达: who received the document and when (deadlines run from here)."""

    department: str
    received_on: dt.date


@dataclass(frozen=True)
class EventView:
    on: dt.date
    text: str


@dataclass(frozen=True)
class OrderView:
    position: int
    addressee: str
    action: str
    deadline_days: int
    due_on: dt.date | None
    due_uncertain: bool = False
    received_on: dt.date | None = None  # the deadline runs from the addressee's receipt


@dataclass(frozen=True)
class ClaimView:
    """One numbered claim (仲裁请求), the respondent's answer to it (答辩) and the bureau's decision on it."""

    position: int
    text: str
    kind: str = ""  # 责令共享数据 …
    items: tuple[str, ...] = ()
    deadline_days: int | None = None
    answer: str = ""
    answered_on: dt.date | None = None
    decision: str = ""  # 支持 / 部分支持 / 驳回 (empty: not decided)
    reasoning: str = ""


@dataclass(frozen=True)
class RulingView(DocumentView):
    dispute_number: str = ""
    dispute_kind: str = ""
    claimant: PartyView = field(default_factory=lambda: PartyView("申请人", ""))
    respondent: PartyView = field(default_factory=lambda: PartyView("被申请人", ""))
    origin: str = ""
    course: tuple[EventView, ...] = ()
    claim: str = ""
    defence: str = ""
    findings: tuple[str, ...] = ()
    reasoning: str = ""
    rules: tuple[str, ...] = ()
    decision: str = ""
    orders: tuple[OrderView, ...] = ()
    escalation: str = ESCALATION
    arbitrators: tuple[str, ...] = ()
    cc: tuple[str, ...] = ()
    claims: tuple[ClaimView, ...] = ()
    claim_orders: tuple[tuple[int, int], ...] = ()  # (order position, claim position)
    addressees: tuple[str, ...] = ()  # 主送
    service: str = SERVICE
    receipts: tuple[ReceiptView, ...] = ()


@dataclass(frozen=True)
class NoticeView(DocumentView):
    addressee: str = ""
    commissioner: str = ""
    violation: str = ""
    basis: str = ""  # the ruling (number, date, decision) or the violation it rests on
    measure: str = ""
    rectification_days: int | None = None
    rectification_due: dt.date | None = None
    due_uncertain: bool = False
    report_requirement: str = ""
    cc: tuple[str, ...] = ()
    facts: tuple[str, ...] = ()  # what happened, with numbers and dates
    ground: str = ""  # which kind of ground the record rests on
    rule: str = ""  # the rule (by name and article) the ground breaks
    defence_days: int = DEFENCE_DAYS
    defence_due: dt.date | None = None
    defence_clause: str = ""
    contact: str = ""
    service: str = SERVICE


@dataclass(frozen=True)
class ReplyView(DocumentView):
    requester: str = ""
    provider: str = ""
    request_number: str = ""
    submitted_on: dt.date | None = None
    resource: str = ""
    resource_code: str = ""
    share_type: str = ""
    outcome: str = ""  # 同意 / 部分同意 / 不予同意
    state: str = ""  # approved / partly_approved / refused
    items_asked: tuple[str, ...] = ()
    items_granted: tuple[str, ...] = ()
    reason: str = ""
    basis: str = ""
    purpose: str = ""
    usage_method: str = ""
    period_start: dt.date | None = None
    period_end: dt.date | None = None
    reply_due: dt.date | None = None
    reply_number: str = ""  # the provider's own number (per-department prefix kept in the directory)
    dispute_days: int = DISPUTE_PERIOD_DAYS
    contact: str = ""


@dataclass(frozen=True)
class ScoreRow:
    department: str
    received: int = 0
    answered: int = 0
    on_time: int = 0
    median_days: float | None = None
    refused: int = 0
    objections_open: int = 0
    disputes_lost: int = 0
    orders_due: int = 0
    orders_on_time: int = 0
    rectifications_open: int = 0
    # the owner's duties (issue #11): catalogue, openness, quality, updates, misuse
    resources: int = 0
    open_resources: int = 0  # 无条件开放 or 有条件开放
    objections_raised: int = 0
    objections_corrected: int = 0
    correction_days: float | None = None  # median working days from an objection to its correction
    updates_overdue: int = 0  # resources whose data update is overdue for their cycle
    catalogue_updates_due: int = 0  # catalogue-update deadlines (after a change of duties) falling in the period
    catalogue_updates_on_time: int = 0
    misuse_findings: int = 0  # confirmed misuse findings against the department as a user

    @property
    def on_time_rate(self) -> float | None:
        return self.on_time / self.answered if self.answered else None

    @property
    def open_rate(self) -> float | None:
        return self.open_resources / self.resources if self.resources else None

    @property
    def objections_per_resource(self) -> float | None:
        return self.objections_raised / self.resources if self.resources else None


@dataclass(frozen=True)
class RefusalLine:
    department: str
    request_number: str
    reason: str


@dataclass(frozen=True)
class AssetScoreRow:
    """A department's data assets at the end of the period: registered and valued shares, total value (fen)."""

    department: str
    resources: int = 0
    registered: int = 0
    valued: int = 0
    value_fen: int = 0

    @property
    def registered_share(self) -> float | None:
        return self.registered / self.resources if self.resources else None

    @property
    def valued_share(self) -> float | None:
        return self.valued / self.resources if self.resources else None


@dataclass(frozen=True)
class ScorecardView(DocumentView):
    start: dt.date = dt.date(2000, 1, 1)
    end: dt.date = dt.date(2000, 1, 1)
    rows: tuple[ScoreRow, ...] = ()
    total: ScoreRow = field(default_factory=lambda: ScoreRow("全市合计"))
    refusals: tuple[RefusalLine, ...] = ()
    assets: tuple[AssetScoreRow, ...] = ()  # the asset register's figures (empty: not printed)
    assets_total: AssetScoreRow = field(default_factory=lambda: AssetScoreRow("全市合计"))


@dataclass(frozen=True)
class CertificateView(DocumentView):
    """数据资产登记凭证: what the bureau certifies about one registered data asset."""

    holder: str = ""
    asset_code: str = ""
    asset_name: str = ""
    resource: str = ""
    resource_code: str = ""
    source_system: str = ""
    scope: str = ""
    volume: str = ""
    record_count: int | None = None
    quality_grade: str = ""
    status: str = ""
    registered_on: dt.date | None = None
    changed_on: dt.date | None = None
    change_count: int = 0
    cancelled_on: dt.date | None = None


VIEW_TYPES: dict[str, type[DocumentView]] = {
    "ruling": RulingView,
    "notice": NoticeView,
    "reply": ReplyView,
    "scorecard": ScorecardView,
    "certificate": CertificateView,
}


def view_to_dict(view: DocumentView) -> dict[str, Any]:
    """``dataclasses.asdict(view)`` — the dict the fingerprint is taken of — without asdict's ``copy.deepcopy`` of
    every string, number and date (~160 a ruling, twice a render): those are immutable and shared as they are;
    any other leaf is still deep-copied, as asdict does. tests/unit/reports/test_fast_paths.py pins the equality."""
    return typing.cast(dict[str, Any], _plain(view))


_SHARED_LEAVES = frozenset((str, int, float, bool, type(None), dt.date, dt.datetime))


@functools.cache
def _field_names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(cls))


def _plain(obj: Any) -> Any:
    """``dataclasses._asdict_inner(obj, dict)``, leaves of ``_SHARED_LEAVES`` not copied."""
    kind = type(obj)
    if kind in _SHARED_LEAVES:
        return obj
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {name: _plain(getattr(obj, name)) for name in _field_names(kind)}
    if kind is list:
        return [_plain(value) for value in obj]
    if kind is tuple:
        return tuple(_plain(value) for value in obj)
    if kind is dict:
        return {_plain(key): _plain(value) for key, value in obj.items()}
    return _asdict_other(obj)


def _asdict_other(obj: Any) -> Any:
    """What asdict makes of a value that is not a plain list, tuple, dict, dataclass or shared leaf (a named tuple,
    a dict or list subclass, an enum, …): asdict's own answer, through a dataclass holding just that value."""
    return dataclasses.asdict(_Holder(obj))["value"]


@dataclass(frozen=True)
class _Holder:
    value: Any


def view_fingerprint(view: DocumentView) -> str:
    """The fingerprint printed on a document, stored at issue and checked by verify: generic over the view's
    dataclass fields (nothing is left out by a list of names)."""
    return _fingerprint(view_to_dict(view))


def view_from_dict(data: Mapping[str, Any]) -> DocumentView:
    """Rebuild a view from ``view_to_dict`` output that went through canonical JSON (dates as ISO text)."""
    cls = VIEW_TYPES[str(data["kind"])]
    return typing.cast(DocumentView, _build(cls, data))


def _build(cls: type, data: Mapping[str, Any]) -> Any:
    hints = typing.get_type_hints(cls)
    kwargs = {f.name: _convert(hints[f.name], data[f.name]) for f in dataclasses.fields(cls) if f.name in data}
    return cls(**kwargs)


def _convert(hint: Any, value: Any) -> Any:
    if value is None:
        return None
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in typing.get_args(hint) if a is not type(None)]
        return _convert(options[0], value)
    if origin is tuple:
        inner = typing.get_args(hint)[0]
        return tuple(_convert(inner, v) for v in value)
    if hint is dt.date:
        return value if isinstance(value, dt.date) else dt.date.fromisoformat(value)
    if dataclasses.is_dataclass(hint):
        return _build(typing.cast(type, hint), value)
    if hint is float and isinstance(value, int):
        return float(value)
    return value
