"""The notice batch across processes (issue 14) writes exactly the files the one-process batch writes, in order,
with the progress reported for each."""

from __future__ import annotations

from pathlib import Path

from sqlmodel import select

from cdo_desktop.reports.commands import open_notice_numbers, write_notices
from cdo_desktop.store import models as m
from cdo_desktop.store.migrate import open_database


def test_process_pool_batch_equals_the_serial_batch(demo_dir: Path, tmp_path: Path) -> None:
    db = open_database(demo_dir)
    with db.read() as session:
        numbers = open_notice_numbers(session)
        records = session.exec(select(m.AccountabilityRecord)).all()
    numbers = (numbers or [r.number for r in records]) * 3  # a few more pages of work than workers
    assert numbers
    seen: list[tuple[int, int, str]] = []
    serial = write_notices(db.read, numbers, tmp_path / "one", progress=None, workers=1)
    pooled = write_notices(db.read, numbers, tmp_path / "two", progress=lambda *a: seen.append(a), workers=2)
    db.dispose()
    assert [w["sha256"] for w in pooled] == [w["sha256"] for w in serial]
    assert [w["number"] for w in pooled] == numbers
    assert [s[0] for s in seen] == list(range(1, len(numbers) + 1)) and seen[-1][1] == len(numbers)
    for a, b in zip(serial, pooled, strict=True):
        assert Path(a["file"]).read_bytes() == Path(b["file"]).read_bytes()
