"""Convergence: desktops work offline at random, sync through a proxy that cuts connections, the server restarts
in the middle; at the end every desktop's rows equal the bureau's, field by field, nothing lost or applied twice.

Seeds: ``CDO_SYNC_SEEDS`` per backend (default 10 to keep the suite within its time budget; the acceptance run is
``CDO_SYNC_SEEDS=50``). The desktops live on across seeds: each seed is another stretch of offline work, another
restart, another check.
"""

from __future__ import annotations

import os
import random

from sqlalchemy import func, select

from cdo_desktop.store import models as m
from cdo_desktop.sync.http import BureauUnreachable
from tests.integration.harness import CuttingProxy, Desktop, local_rows, server_rows
from tests.integration.workload import random_step
from tests.integration.world import PASSWORD

SEEDS = int(os.environ.get("CDO_SYNC_SEEDS", "10"))
USERS = ["a-commissioner", "a-cdo", "b-cdo", "bureau-arbitrator"]  # two desktops of A: real conflicts
ROUNDS = 4


def test_random_offline_work_converges(bureau, tmp_path) -> None:
    totals = {"queued": 0, "accepted": 0, "refused": 0, "cuts": 0}
    proxy = CuttingProxy(bureau.server.port, seed=0, cut_rate=0.0)
    desks = [Desktop(tmp_path / u, proxy.url, u, PASSWORD) for u in USERS]
    for d in desks:
        d.client.sync()
    for seed in range(SEEDS):
        rng = random.Random(seed)
        proxy.random.seed(seed)
        proxy.cuts = 0
        proxy.cut_rate = 0.05
        queued: dict[int, list] = {i: [] for i in range(len(desks))}
        for round_no in range(ROUNDS):
            if round_no == ROUNDS // 2:
                bureau.server.restart()
            for i, d in enumerate(desks):
                for _ in range(rng.randint(1, 6)):
                    mid = random_step(rng, d, bureau.world)
                    if mid is not None:
                        queued[i].append(mid)
            for d in desks:
                if rng.random() < 0.8:
                    try:
                        d.client.sync()
                    except BureauUnreachable:
                        pass  # the outbox keeps everything for the next round
        totals["cuts"] += proxy.cuts
        proxy.cut_rate = 0.0
        for _ in range(2):
            for d in desks:
                assert d.client.sync().pending == 0
        with bureau.db.read() as session:
            for i, d in enumerate(desks):
                assert local_rows(d.db) == server_rows(bureau.url, d.token), f"seed {seed}: {d.username} differs"
                with d.db.read() as local:
                    refused = {r.mutation_id for r in local.execute(select(m.RefusedChange)).scalars()}
                for mid in queued[i]:
                    applied = session.execute(
                        select(func.count()).select_from(m.AuditEntry).where(m.AuditEntry.mutation_id == str(mid))
                    ).scalar_one()
                    assert (applied, mid in refused) in ((1, False), (0, True)), f"seed {seed}: {mid} applied {applied}x"
                    totals["accepted" if applied else "refused"] += 1
                totals["queued"] += len(queued[i])
    for d in desks:
        d.close()
    proxy.close()
    print(f"convergence over {SEEDS} seeds: {totals}")
    assert totals["accepted"] > SEEDS * 5 and totals["cuts"] > 0
