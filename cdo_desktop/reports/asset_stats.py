"""The scorecard's asset figures: per department, the share of its resources registered as assets, the share
valued, and the total of each asset's latest valuation — all as of the period's last day."""

from __future__ import annotations

import datetime as dt
import uuid
from collections import defaultdict
from collections.abc import Sequence

from sqlmodel import Session, select

from cdo_desktop.domain.enums import AssetState
from cdo_desktop.reports.views import AssetScoreRow
from cdo_desktop.store import models as m

_REGISTERED = {AssetState.REGISTERED.value, AssetState.CHANGE_PENDING.value, AssetState.CANCEL_PENDING.value}


def asset_rows(session: Session, departments: Sequence[m.Department], end: dt.date
               ) -> tuple[tuple[AssetScoreRow, ...], AssetScoreRow]:
    """One row per department that has resources, and the city total."""
    resources: dict[uuid.UUID, int] = defaultdict(int)
    for res in session.exec(select(m.DataResource)):
        if res.published_on is None or res.published_on <= end:
            resources[res.department_id] += 1
    latest: dict[uuid.UUID, tuple[dt.date, dt.date, int]] = {}
    for v in session.exec(select(m.AssetValuation).where(m.AssetValuation.valued_on <= end)):
        key = (v.valued_on, v.recorded_on, v.value_fen)
        if v.asset_id not in latest or key[:2] > latest[v.asset_id][:2]:
            latest[v.asset_id] = key
    registered: dict[uuid.UUID, int] = defaultdict(int)
    valued: dict[uuid.UUID, int] = defaultdict(int)
    value: dict[uuid.UUID, int] = defaultdict(int)
    for asset in session.exec(select(m.DataAsset).where(m.DataAsset.registered_on != None)):  # noqa: E711
        if asset.registered_on is None or asset.registered_on > end:
            continue
        if asset.state not in _REGISTERED and not (asset.cancelled_on and asset.cancelled_on > end):
            continue
        registered[asset.department_id] += 1
        if asset.id in latest:
            valued[asset.department_id] += 1
            value[asset.department_id] += latest[asset.id][2]
    rows = tuple(
        AssetScoreRow(d.name, resources[d.id], registered[d.id], valued[d.id], value[d.id])
        for d in departments if resources[d.id]
    )
    total = AssetScoreRow("全市合计", sum(r.resources for r in rows), sum(r.registered for r in rows),
                          sum(r.valued for r in rows), sum(r.value_fen for r in rows))
    return rows, total
