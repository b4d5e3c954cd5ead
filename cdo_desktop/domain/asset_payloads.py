"""Payloads of the data-asset register and the platform register (集约化): strict, bounded, one per action."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal

from pydantic import Field

from cdo_desktop.domain.enums import QualityGrade, SystemKind, SystemStatus, ValuationMethod
from cdo_desktop.domain.mutations import Code, Name, Payload, Reason, Sha256, Short, Text

MAX_VALUE_YUAN = Decimal("1000000000000")  # one trillion yuan: far above any single data asset
MAX_REPORT_BYTES = 25 * 1024 * 1024  # the same limit as evidence files


class SystemFields(Payload):
    name: Name
    kind: SystemKind = SystemKind.SYSTEM
    status: SystemStatus = SystemStatus.IN_USE
    description: Text = ""


class SystemCreate(SystemFields):
    code: Code
    operator_department_id: uuid.UUID


class SystemUpdate(SystemFields):
    pass


class AssetFields(Payload):
    """What a registration describes (and what a change request may change)."""

    name: Name
    scope: Text = Field(min_length=1)  # 数据范围: what the asset covers (subjects, area, period)
    volume: Short = Field(min_length=1)  # 数据规模, e.g. "约 860 万条，12 GB"
    record_count: int | None = Field(default=None, ge=0, le=10**15)
    quality_grade: QualityGrade = QualityGrade.B


class AssetApply(AssetFields):
    code: Code
    resource_id: uuid.UUID


class AssetChange(AssetFields):
    reason: Reason = ""


class AssetValue(Payload):
    """One valuation: method, value in yuan (two decimals), date, valuer and the report file (by SHA-256)."""

    valuation_id: uuid.UUID
    method: ValuationMethod
    value_yuan: Decimal = Field(ge=0, le=MAX_VALUE_YUAN, max_digits=15, decimal_places=2)
    valued_on: dt.date
    valuer: Name
    report_filename: Short = ""
    report_sha256: Sha256 | None = None
    report_size: int = Field(default=0, ge=0, le=MAX_REPORT_BYTES)
    note: Reason = ""
