"""SQLModel tables for every record of DESIGN.md section 2, plus outbox, sync state, blobs, audit and policy.

Every synced table has a UUID key, a ``revision`` (bumped on each change) and ``seq`` (the bureau's sequence
number of the row's last change; empty for a change still pending locally). Dates are plain dates; times are
timezone-aware UTC. Lists (data items, findings) are JSON columns: they are read whole and never queried inside.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from sqlalchemy import JSON, BigInteger, Column, DateTime, Index
from sqlmodel import Field, SQLModel

from cdo_desktop.store.row import Row


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _json(default: Any = None) -> Any:
    return Field(default_factory=lambda: [] if default is None else default, sa_column=Column(JSON, nullable=False))


def _tz(nullable: bool = True, index: bool = False) -> Any:
    return Field(default=None, sa_column=Column(DateTime(timezone=True), nullable=nullable, index=index))


class Synced(Row):
    """Columns shared by every row that travels between desktop and bureau."""

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    revision: int = Field(default=0)
    seq: int | None = Field(default=None, index=True)


class Department(Synced, table=True):
    __tablename__ = "department"
    code: str = Field(max_length=64, unique=True)
    name: str = Field(max_length=200)
    short_name: str = Field(default="", max_length=200)
    level: str = Field(default="city", max_length=16)
    parent_id: uuid.UUID | None = Field(default=None, foreign_key="department.id")
    is_bureau: bool = False
    active: bool = True
    reply_prefix: str = Field(default="", max_length=16)  # of the department's reply numbers, e.g. 佛公安复
    # a change of duties (职能变更) opens the catalogue-update deadline; the next catalogue edit meets it
    duties_changed_on: dt.date | None = None
    duties_note: str = ""
    catalogue_update_due: dt.date | None = None
    catalogue_update_uncertain: bool = False
    catalogue_updated_on: dt.date | None = None


class Commissioner(Synced, table=True):
    """One appointment of a person to a department in a role; ended appointments are kept as history."""

    __tablename__ = "commissioner"
    name: str = Field(max_length=200)
    department_id: uuid.UUID = Field(foreign_key="department.id", index=True)
    role: str = Field(default="commissioner", max_length=16)
    phone: str = Field(default="", max_length=200)
    email: str = Field(default="", max_length=200)
    appointed_on: dt.date
    ended_on: dt.date | None = None


class Account(Row, table=True):
    """A sign-in of a commissioner. Lives on the bureau server; never synced to desktops."""

    __tablename__ = "account"
    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    username: str = Field(max_length=64, unique=True)
    commissioner_id: uuid.UUID = Field(foreign_key="commissioner.id", index=True)
    password_hash: str = Field(max_length=255)
    active: bool = True
    created_at: dt.datetime | None = _tz()


class DataResource(Synced, table=True):
    __tablename__ = "data_resource"
    code: str = Field(max_length=64, unique=True)
    name: str = Field(max_length=200)
    department_id: uuid.UUID = Field(foreign_key="department.id", index=True)
    summary: str = ""
    format: str = Field(default="", max_length=200)
    items: list[dict[str, str]] = _json()
    share_type: str = Field(default="unconditional", max_length=16)
    share_conditions: str = ""
    legal_basis: str = ""
    share_method: str = Field(default="api", max_length=16)
    open_type: str = Field(default="open", max_length=16)
    update_cycle: str = Field(default="daily", max_length=16)
    source_system: str = Field(default="", max_length=200)
    source_system_id: uuid.UUID | None = Field(default=None, index=True)  # platform_system.id (集约化)
    published_on: dt.date | None = None
    # openness (开放): 有条件开放 and 不予开放 need a reason and a legal basis; publication date and channel
    open_reason: str = ""
    open_legal_basis: str = ""
    open_channel: str = Field(default="", max_length=200)
    open_published_on: dt.date | None = None
    # the owner's duty to keep the data current: the last update it recorded (watched against update_cycle)
    data_updated_on: dt.date | None = None


class SharingRequest(Synced, table=True):
    __tablename__ = "sharing_request"
    number: str = Field(max_length=64, index=True)
    requester_department_id: uuid.UUID = Field(foreign_key="department.id")
    provider_department_id: uuid.UUID = Field(foreign_key="department.id")
    resource_id: uuid.UUID = Field(foreign_key="data_resource.id", index=True)
    items: list[str] = _json()
    granted_items: list[str] = _json()
    purpose: str = ""
    legal_basis: str = ""
    usage_method: str = Field(default="api", max_length=16)
    period_start: dt.date
    period_end: dt.date
    state: str = Field(default="draft", max_length=24, index=True)
    reason: str = ""
    created_on: dt.date
    submitted_on: dt.date | None = None
    checked_on: dt.date | None = None
    reply_due: dt.date | None = Field(default=None, index=True)
    reply_due_uncertain: bool = False
    answered_on: dt.date | None = None
    reply_number: str = Field(default="", max_length=64)  # the provider's own number of its reply
    refusal_basis: str = ""  # the legal basis a refusal relies on (the owner's, or the catalogue's at the check)
    granted_on: dt.date | None = None
    owner_notified_on: dt.date | None = None  # 无条件共享: the bureau grants and the owner is notified


class QualityObjection(Synced, table=True):
    __tablename__ = "quality_objection"
    number: str = Field(max_length=64, index=True)
    resource_id: uuid.UUID = Field(foreign_key="data_resource.id", index=True)
    raiser_department_id: uuid.UUID = Field(foreign_key="department.id")
    owner_department_id: uuid.UUID = Field(foreign_key="department.id")
    items: list[str] = _json()
    description: str = ""
    response: str = ""
    state: str = Field(default="raised", max_length=24, index=True)
    raised_on: dt.date
    due: dt.date | None = None
    due_uncertain: bool = False
    closed_on: dt.date | None = None
    resolution: str | None = Field(default=None, max_length=16)  # verified / corrected / rejected
    resolved_on: dt.date | None = None


class Dispute(Synced, table=True):
    __tablename__ = "dispute"
    number: str = Field(max_length=64, index=True)
    claimant_department_id: uuid.UUID = Field(foreign_key="department.id")
    respondent_department_id: uuid.UUID = Field(foreign_key="department.id")
    kind: str = Field(max_length=16)
    request_id: uuid.UUID | None = Field(default=None, foreign_key="sharing_request.id")
    objection_id: uuid.UUID | None = Field(default=None, foreign_key="quality_objection.id")
    claimant_statement: str = ""
    respondent_statement: str = ""
    state: str = Field(default="filed", max_length=24, index=True)
    filed_on: dt.date
    accepted_on: dt.date | None = None
    hearing_on: dt.date | None = None
    hearing_place: str = ""
    ruled_on: dt.date | None = None
    closed_on: dt.date | None = None
    reason: str = ""
    acceptance_due: dt.date | None = None
    ruling_due: dt.date | None = None
    due_uncertain: bool = False
    answer_due: dt.date | None = None  # the respondent's answer (答辩), counted from its receipt of the filing
    answer_due_uncertain: bool = False


class DisputeClaim(Synced, table=True):
    """A numbered claim (仲裁请求) of a dispute, the respondent's answer to it (答辩) and the ruling's decision."""

    __tablename__ = "dispute_claim"
    dispute_id: uuid.UUID = Field(foreign_key="dispute.id")
    position: int = 1
    kind: str = Field(default="other", max_length=32)
    text: str = ""
    items: list[str] = _json()
    deadline_days: int | None = None
    answer: str = ""
    answered_on: dt.date | None = None
    decision: str | None = Field(default=None, max_length=16)
    reasoning: str = ""


class DisputeEvent(Synced, table=True):
    """A line of a dispute's timeline: what happened, when, by whom."""

    __tablename__ = "dispute_event"
    dispute_id: uuid.UUID = Field(foreign_key="dispute.id")
    at: dt.datetime | None = _tz()
    action: str = Field(max_length=64)
    actor_id: uuid.UUID | None = None
    department_id: uuid.UUID | None = None
    note: str = ""


class Evidence(Synced, table=True):
    __tablename__ = "evidence"
    dispute_id: uuid.UUID = Field(foreign_key="dispute.id")
    department_id: uuid.UUID = Field(foreign_key="department.id")
    filename: str = Field(max_length=200)
    sha256: str = Field(max_length=64, index=True)
    size: int = 0
    media_type: str = Field(default="application/octet-stream", max_length=200)
    added_on: dt.date


class Blob(Row, table=True):
    """Metadata of a content-addressed file (evidence); the bytes live in the data folder's blobs/."""

    __tablename__ = "blob"
    sha256: str = Field(primary_key=True, max_length=64)
    size: int = 0
    media_type: str = Field(default="application/octet-stream", max_length=200)
    present: bool = False
    uploaded: bool = False
    created_at: dt.datetime | None = _tz()


class Ruling(Synced, table=True):
    __tablename__ = "ruling"
    dispute_id: uuid.UUID = Field(foreign_key="dispute.id", unique=True)
    number: str = Field(max_length=64, index=True)
    arbitrator_ids: list[str] = _json()
    findings: list[str] = _json()
    reasoning: str = ""
    rules_relied_on: list[str] = _json()
    decision: str = Field(max_length=16)
    cc: list[str] = _json()
    issued_on: dt.date
    fingerprint: str = Field(default="", max_length=64)
    pdf_sha256: str | None = Field(default=None, max_length=64)
    issuer_id: uuid.UUID | None = None  # the arbitrator who issued it (always among arbitrator_ids)


class RulingOrder(Synced, table=True):
    __tablename__ = "ruling_order"
    ruling_id: uuid.UUID = Field(foreign_key="ruling.id", index=True)
    position: int = 1
    addressee_department_id: uuid.UUID = Field(foreign_key="department.id", index=True)
    action: str = ""
    deadline_days: int = 10
    due_on: dt.date
    due_uncertain: bool = False
    state: str = Field(default="open", max_length=16, index=True)
    report: str = ""
    reported_on: dt.date | None = None
    complied_on: dt.date | None = None
    claim_position: int | None = None  # the upheld claim this order follows from
    received_on: dt.date | None = None  # due_on counts from here once the addressee has received the order


class AccountabilityRecord(Synced, table=True):
    __tablename__ = "accountability_record"
    number: str = Field(max_length=64, index=True)
    department_id: uuid.UUID = Field(foreign_key="department.id")
    commissioner_id: uuid.UUID | None = Field(default=None, foreign_key="commissioner.id")
    ruling_id: uuid.UUID | None = Field(default=None, foreign_key="ruling.id")
    violation: str = ""
    measure: str = Field(max_length=16)
    report_requirement: str = ""
    rectification_days: int | None = None
    rectification_due: dt.date | None = None
    due_uncertain: bool = False
    state: str = Field(default="open", max_length=16, index=True)
    report: str = ""
    reason: str = ""
    created_on: dt.date
    closed_on: dt.date | None = None
    fingerprint: str = Field(default="", max_length=64)
    pdf_sha256: str | None = Field(default=None, max_length=64)
    # the ground it rests on (an overdue order, a misuse finding, overdue replies, an uncorrected objection)
    ground_kind: str = Field(default="legacy", max_length=32)
    ground_id: uuid.UUID | None = None
    ground_note: str = ""
    period_start: dt.date | None = None
    period_end: dt.date | None = None
    # the hearing: receipt, the addressee's defence (申辩), the bureau's decision (维持 / 变更 / 撤销)
    received_on: dt.date | None = None
    defence_due: dt.date | None = None
    defence_due_uncertain: bool = False
    defence: str = ""
    defended_on: dt.date | None = None
    decision: str | None = Field(default=None, max_length=16)
    decision_reason: str = ""
    decided_on: dt.date | None = None
    original_measure: str | None = Field(default=None, max_length=16)


class MisuseReport(Synced, table=True):
    """A report that a using department broke its 使用权 duties; the bureau investigates and finds."""

    __tablename__ = "misuse_report"
    number: str = Field(max_length=64, index=True)
    request_id: uuid.UUID = Field(foreign_key="sharing_request.id", index=True)
    reporter_department_id: uuid.UUID = Field(foreign_key="department.id")
    user_department_id: uuid.UUID = Field(foreign_key="department.id")
    provider_department_id: uuid.UUID = Field(foreign_key="department.id")
    kind: str = Field(max_length=32)
    description: str = ""
    state: str = Field(default="reported", max_length=16, index=True)
    finding: str = ""
    reported_on: dt.date
    investigation_due: dt.date | None = None
    found_on: dt.date | None = None


class Receipt(Synced, table=True):
    """送达/签收: when a department received a document or order addressed to it (deadlines from receipt)."""

    __tablename__ = "receipt"
    subject: str = Field(max_length=16)
    subject_id: uuid.UUID = Field(index=True)
    department_id: uuid.UUID = Field(foreign_key="department.id")
    commissioner_id: uuid.UUID | None = None
    received_on: dt.date
    via: str = Field(default="signed", max_length=16)


class HolidayYear(Synced, table=True):
    """A year of the bureau's holiday table; only a year marked complete makes the calendar certain."""

    __tablename__ = "holiday_year"
    year: int = Field(unique=True)
    complete: bool = False


class PolicyDeadline(Synced, table=True):
    __tablename__ = "policy_deadline"
    kind: str = Field(max_length=64, unique=True)
    days: int
    clause: str = Field(max_length=200)
    product_default: bool = False


class HolidayDay(Synced, table=True):
    """One day of the bureau's published holiday table (holiday or make-up workday)."""

    __tablename__ = "holiday_day"
    date: dt.date = Field(unique=True)
    year: int = Field(index=True)
    workday: bool
    name: str = Field(default="", max_length=200)


class DocSequence(Row, table=True):
    """The last number used per document kind and year (numbers are gap-free per kind and year)."""

    __tablename__ = "doc_sequence"
    kind: str = Field(primary_key=True, max_length=16)
    year: int = Field(primary_key=True)
    last: int = 0


class AuditEntry(Row, table=True):
    """The hash-chained audit log: ``hash = sha256(prev_hash + canonical JSON of the entry's body)``.

    Every covered column is stored as the exact text that was hashed (ids as strings, the time as ISO text, the
    payload as canonical JSON), so that a change of any single byte of a row breaks its hash on any backend.
    """

    __tablename__ = "audit_entry"
    position: int | None = Field(default=None, primary_key=True)
    mutation_id: str = Field(max_length=36, index=True)
    kind: str = Field(max_length=64)
    actor_id: str = Field(max_length=36)
    entity_id: str = Field(max_length=36, index=True)  # an entity's history (a reply lists its answers)
    at: str = Field(max_length=40)
    payload: str = ""
    prev_hash: str = Field(max_length=64)
    hash: str = Field(max_length=64)


class OutboxEntry(Row, table=True):
    """A local mutation waiting for the bureau's answer (written in the same transaction as its change)."""

    __tablename__ = "outbox"
    position: int | None = Field(default=None, primary_key=True)
    mutation_id: uuid.UUID = Field(unique=True)
    kind: str = Field(max_length=64)
    entity_id: uuid.UUID
    mutation: dict[str, Any] = _json({})
    created_at: dt.datetime | None = _tz(nullable=False)
    attempts: int = 0


class RefusedChange(Row, table=True):
    """A local change the bureau refused, rolled back and kept for the user to see with the bureau's reason."""

    __tablename__ = "refused_change"
    mutation_id: uuid.UUID = Field(primary_key=True)
    kind: str = Field(max_length=64)
    entity_id: uuid.UUID
    mutation: dict[str, Any] = _json({})
    code: str = Field(default="", max_length=64)
    reason_zh: str = ""
    reason_en: str = ""
    refused_at: dt.datetime | None = _tz(nullable=False)
    dismissed: bool = False


class SyncState(Row, table=True):
    """Key/value of the sync client: cursor, server epoch, bureau address, signed-in user."""

    __tablename__ = "sync_state"
    key: str = Field(primary_key=True, max_length=64)
    value: str = ""


class IssuedDocument(Synced, table=True):
    """The copy of a document as the bureau issued it: the whole printed view (canonical JSON, the text its
    fingerprint covers) and the SHA-256 of the signed PDF. Written once by the bureau at issue, never changed;
    verify compares a file with it field by field (a desktop needs no snapshot from the file)."""

    __tablename__ = "issued_document"
    kind: str = Field(max_length=16)
    record_id: uuid.UUID = Field(index=True)
    number: str = Field(max_length=64, index=True)
    view: str = ""  # canonical JSON of the whole document view
    fingerprint: str = Field(max_length=64)
    pdf_sha256: str | None = Field(default=None, max_length=64)  # the signed file (None: issued unsigned)
    signer: str = Field(default="", max_length=400)
    issued_at: dt.datetime | None = _tz()


class AuditCheckpoint(Row, table=True):
    """A signed statement of the bureau's audit chain: ``hash`` is the chain's hash after ``position`` entries.
    The bureau keeps those it made; a desktop keeps those it has seen and refuses a chain that does not extend them."""

    __tablename__ = "audit_checkpoint"
    position: int = Field(primary_key=True)
    hash: str = Field(max_length=64)
    epoch: str = Field(default="", max_length=64)
    signature: str = Field(default="", max_length=200)  # Ed25519 over checkpoint_message(), hex; "" unsigned
    signed_at: dt.datetime | None = _tz()


SYNCED_TABLES: tuple[type[Synced], ...] = (
    Department,
    Commissioner,
    DataResource,
    SharingRequest,
    QualityObjection,
    Dispute,
    DisputeEvent,
    Evidence,
    Ruling,
    RulingOrder,
    AccountabilityRecord,
    PolicyDeadline,
    HolidayDay,
    IssuedDocument,
    DisputeClaim,
    MisuseReport,
    Receipt,
    HolidayYear,
)

Index("ix_sharing_request_state_due", SharingRequest.state, SharingRequest.reply_due)  # type: ignore[arg-type]
# the request list's default order (newest first) and its scrolling pages
Index("ix_sharing_request_created_on", SharingRequest.created_on, SharingRequest.id)  # type: ignore[arg-type]


# --- data assets and the platform register (集约化) -------------------------------------------------------------


class PlatformSystem(Synced, table=True):
    """A shared platform or information system of the city's register: every resource names its source system here."""

    __tablename__ = "platform_system"
    code: str = Field(max_length=64, unique=True)
    name: str = Field(max_length=200)
    operator_department_id: uuid.UUID = Field(foreign_key="department.id", index=True)
    kind: str = Field(default="system", max_length=16)
    status: str = Field(default="in_use", max_length=16)
    description: str = ""
    registered_on: dt.date


class DataAsset(Synced, table=True):
    """A data resource registered as an asset (数据资产登记): one per resource, approved by the bureau."""

    __tablename__ = "data_asset"
    code: str = Field(max_length=64, unique=True)
    resource_id: uuid.UUID = Field(foreign_key="data_resource.id", index=True)
    department_id: uuid.UUID = Field(foreign_key="department.id", index=True)  # the holder
    name: str = Field(max_length=200)
    scope: str = ""
    volume: str = Field(default="", max_length=200)
    record_count: int | None = Field(default=None, sa_column=Column(BigInteger, nullable=True))
    quality_grade: str = Field(default="b", max_length=8)
    state: str = Field(default="applied", max_length=24, index=True)
    applied_on: dt.date
    registered_on: dt.date | None = None
    changed_on: dt.date | None = None
    change_count: int = 0
    cancelled_on: dt.date | None = None
    number: str = Field(default="", max_length=64, index=True)  # the registration certificate's number
    reason: str = ""  # the bureau's reason on its last refusal, or the holder's reason for a change/cancellation
    pending_change: dict[str, Any] | None = Field(default=None, sa_column=Column(JSON, nullable=True))


class AssetValuation(Synced, table=True):
    """One valuation of an asset; the history is every row, newest ``valued_on`` last."""

    __tablename__ = "asset_valuation"
    asset_id: uuid.UUID = Field(foreign_key="data_asset.id", index=True)
    department_id: uuid.UUID = Field(foreign_key="department.id")
    method: str = Field(max_length=16)
    value_fen: int = Field(sa_column=Column(BigInteger, nullable=False))  # value in fen (0.01 yuan): exact
    valued_on: dt.date
    valuer: str = Field(max_length=200)
    report_filename: str = Field(default="", max_length=200)
    report_sha256: str | None = Field(default=None, max_length=64, index=True)
    report_size: int = 0
    note: str = ""
    recorded_on: dt.date


class DuplicateFlag(Synced, table=True):
    """集约化: a new resource or request whose data items another department already provides (shown, not refused)."""

    __tablename__ = "duplicate_flag"
    subject_kind: str = Field(max_length=16)  # "resource" | "request"
    subject_id: uuid.UUID = Field(index=True)
    subject_department_id: uuid.UUID = Field(foreign_key="department.id", index=True)
    other_department_id: uuid.UUID | None = Field(default=None, foreign_key="department.id")  # request's provider
    matched_resource_id: uuid.UUID = Field(foreign_key="data_resource.id")
    matched_department_id: uuid.UUID = Field(foreign_key="department.id")
    items: list[str] = _json()
    active: bool = True
    flagged_on: dt.date


SYNCED_TABLES = (*SYNCED_TABLES, PlatformSystem, DataAsset, AssetValuation, DuplicateFlag)


# A department's pull pages (server/pages.py): the column that makes a row visible to a department, then seq, so
# that a page reads only the rows of the viewer's department inside its seq range (an index on the column alone read
# all of the department's rows and sorted them, every pull). Each replaces the index on the column alone, which
# it serves as well (migration 0011_pull_indexes).
PULL_INDEXES: dict[str, tuple[str, ...]] = {
    "sharing_request": ("requester_department_id", "provider_department_id"),
    "dispute": ("claimant_department_id", "respondent_department_id"),
    "quality_objection": ("raiser_department_id", "owner_department_id"),
    "misuse_report": ("reporter_department_id", "user_department_id", "provider_department_id"),
    "receipt": ("department_id",),
    "accountability_record": ("department_id",),
    "dispute_event": ("dispute_id",),
    "dispute_claim": ("dispute_id",),
    "evidence": ("dispute_id",),
    "asset_valuation": ("department_id",),
}


def _pull_indexes() -> None:
    for table, columns in PULL_INDEXES.items():
        t = SQLModel.metadata.tables[table]
        for column in columns:
            Index(f"ix_{table}_{column}_seq", t.c[column], t.c.seq)


_pull_indexes()
