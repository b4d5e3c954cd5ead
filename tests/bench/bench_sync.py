"""Benchmarks of sync: initial pull of a large network into an empty desktop database (rows/s, against a plain
`executemany` of the same rows into SQLite as the ceiling); an incremental sync of 100 changes (round trip); 50
concurrent desktops syncing against a server on SQLite and on PostgreSQL: throughput, p50/p95/p99 latency and the
server's CPU share.

The server runs as a separate `cdo serve` process (PostgreSQL: ``--workers 2``) and each desktop is a process of
its own (its own interpreter state, database and HTTP client), so that no client shares a GIL with the server or
with another client. ``--launch exec`` starts each desktop as a fresh interpreter (``bench_sync.py --desktop``);
``--launch fork`` (for 200 desktops) forks them from this process once the client stack is imported, so the
imported modules' memory is shared copy-on-write instead of held 200 times. The large network is written in bulk (synthetic rows with valid references, then sequenced
by the server at start), because generating 100k rows through `services.apply` takes minutes and measures
something else (tests/bench/bench_demo.py does).

Run: python tests/bench/bench_sync.py [--scale 100000] [--clients 50] [--rounds 3] [--no-postgres] [--only load]
     [--pace SECONDS] [--launch exec|fork]
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
import traceback
import uuid
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "bench"))

import bare_bureau  # noqa: E402

from cdo_desktop.server.app import prepare_database  # noqa: E402
from cdo_desktop.server.config import ServerConfig  # noqa: E402
from cdo_desktop.store import models as m  # noqa: E402
from cdo_desktop.store import search  # noqa: E402
from cdo_desktop.store.migrate import open_database  # noqa: E402
from cdo_desktop.sync.client import SyncClient  # noqa: E402
from cdo_desktop.sync.outbox import apply_local  # noqa: E402
from tests.integration.harness import (  # noqa: E402
    free_port,
    mutation,
    pg_drop,
    pg_execute,
    pg_reachable,
    pg_url,
    request_payload,
    sign_in,
)
from tests.integration.world import CHEAP, PASSWORD, World, build_world  # noqa: E402


def synthetic_rows(world: World, scale: int, seed: int = 1) -> dict[type, list[dict[str, Any]]]:
    """``scale`` rows: departments, appointments, resources and (mostly) sharing requests between them."""
    rng = random.Random(seed)
    n_dept, n_res = max(10, scale // 1000), max(20, scale // 50)
    depts = [{"id": uuid.uuid4(), "code": f"BD-{i:05d}", "name": f"基准部门{i}", "short_name": "", "level": "city",
              "parent_id": None, "is_bureau": False, "active": True, "revision": 1, "seq": None} for i in range(n_dept)]
    people = [{"id": uuid.uuid4(), "name": f"专员{i}", "department_id": d["id"], "role": "commissioner", "phone": "",
               "email": "", "appointed_on": dt.date(2026, 1, 5), "ended_on": None, "revision": 1, "seq": None}
              for i, d in enumerate(depts)]
    resources = []
    for i in range(n_res):
        owner = rng.choice(depts)
        resources.append({
            "id": uuid.uuid4(), "code": f"BR-{i:06d}", "name": f"基准资源{i}人口信息", "department_id": owner["id"],
            "summary": "用于基准测试的数据资源" * 3, "format": "json", "items": [{"name": "姓名", "type": "string"},
            {"name": "证件号", "type": "string"}], "share_type": "unconditional", "share_conditions": "",
            "legal_basis": "", "share_method": "api", "open_type": "closed", "update_cycle": "daily",
            "source_system": "基准系统", "published_on": dt.date(2026, 1, 5), "revision": 1, "seq": None})
    requests = []
    for i in range(scale - len(depts) - len(people) - len(resources)):
        res = rng.choice(resources)
        requester = rng.choice(depts)
        requests.append({
            "id": uuid.uuid4(), "number": f"佛数申〔2026〕{i + 1}号", "requester_department_id": requester["id"],
            "provider_department_id": res["department_id"], "resource_id": res["id"], "items": ["姓名"],
            "granted_items": [], "purpose": "基准测试用途：核验身份信息", "legal_basis": "", "usage_method": "api",
            "period_start": dt.date(2026, 1, 5), "period_end": dt.date(2026, 12, 31), "state": "submitted",
            "reason": "", "created_on": dt.date(2026, 1, 5), "submitted_on": dt.date(2026, 1, 6), "checked_on": None,
            "reply_due": None, "reply_due_uncertain": False, "answered_on": None, "revision": 2, "seq": None})
    return {m.Department: depts, m.Commissioner: people, m.DataResource: resources, m.SharingRequest: requests}


def _insert(db: Any, rows: dict[type, list[dict[str, Any]]]) -> None:
    with db.write() as session:
        for model, values in rows.items():
            for start in range(0, len(values), 5000):
                session.connection().execute(model.__table__.insert(), values[start : start + 5000])


class ServeProcess:
    def __init__(self, data_dir: Path, database_url: str | None, workers: int = 1) -> None:
        self.port = free_port()
        args = [sys.executable, "-m", "cdo_desktop", "serve", "--data-dir", str(data_dir), "--port", str(self.port),
                "--log-level", "warning", "--workers", str(workers)]
        if database_url:
            args += ["--database-url", database_url]
        self.proc = subprocess.Popen(args, env={**os.environ, "PYTHONPATH": str(ROOT)})
        self.url = f"http://127.0.0.1:{self.port}"
        deadline = time.monotonic() + 120
        while True:
            try:
                if httpx.get(f"{self.url}/v1/health", timeout=5).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline or self.proc.poll() is not None:
                raise RuntimeError("server did not start")
            time.sleep(0.2)

    def stop(self) -> None:
        self.proc.terminate()
        self.proc.wait(timeout=30)


def bureau_database(tmp: Path, backend: str, prefix: str = "server") -> tuple[ServerConfig, Any, World, str | None]:
    """A new bureau database with the test world in it: (its config, the open database, the world, the PostgreSQL
    database's name or None)."""
    name = url = None
    if backend == "postgres":
        name = f"cdo_bench_{uuid.uuid4().hex[:8]}"
        pg_execute(f'CREATE DATABASE "{name}"')
        url = pg_url(name)
    config = ServerConfig(data_dir=tmp / f"{prefix}-{backend}-{uuid.uuid4().hex[:6]}", database_url=url)
    db = prepare_database(config)
    return config, db, build_world(db), name


def _server(tmp: Path, backend: str, scale: int, extra_accounts: int = 0) -> tuple[ServeProcess, World, str | None]:
    config, db, world, name = bureau_database(tmp, backend)
    url = config.database_url
    if scale:
        _insert(db, synthetic_rows(world, scale))
    if extra_accounts:
        from cdo_desktop.server.exchange import apply_sequenced
        from cdo_desktop.services.accounts import create_account
        from cdo_desktop.services.bootstrap import admin_actor_id

        for i in range(extra_accounts):
            dept = "A" if i % 2 == 0 else "B"
            person = uuid.uuid4()
            apply_sequenced(db, mutation("commissioner.appoint", admin_actor_id(), person, {  # type: ignore[arg-type]
                "name": f"并发专员{i}", "department_id": str(world.depts[dept]), "appointed_on": "2026-01-05"}))
            world.people[(dept, f"bench{i}")] = person
            with db.write() as session:
                create_account(session, username=f"bench{i}", password=PASSWORD, commissioner_id=person, hasher=CHEAP)
    db.dispose()
    return ServeProcess(config.data_dir, url, workers=2 if backend == "postgres" else 1), world, name


def bench_initial_pull(tmp: Path, scale: int) -> list[dict[str, Any]]:
    server, world, _ = _server(tmp, "sqlite", scale)
    try:
        token = sign_in(server.url, "bureau-admin", PASSWORD)
        desk = open_database(tmp / "desk-initial")
        client = SyncClient(desk, server_url=server.url, token=token)
        began = time.perf_counter()
        report = client.sync()
        wall = time.perf_counter() - began
        client.close()
        rows = report.pulled
        with desk.write() as session:  # the share of the wall time spent re-indexing search (store/search.py)
            began = time.perf_counter()
            search.rebuild(session)
            reindex = time.perf_counter() - began
            began = time.perf_counter()
            rowwise = row_by_row_index(session)  # the previous way, for comparison (rolled back)
            reindex_rowwise = time.perf_counter() - began
            session.rollback()
    finally:
        server.stop()
    ceiling_rows = synthetic_rows(world, scale)
    empty = open_database(tmp / "desk-ceiling")
    began = time.perf_counter()
    _insert(empty, ceiling_rows)
    ceiling = time.perf_counter() - began
    n = sum(len(v) for v in ceiling_rows.values())
    return [
        {"name": f"initial pull of {rows} rows into an empty desktop", "value": round(rows / wall), "unit": "rows/s",
         "bound": f"{wall:.1f} s wall"},
        {"name": "  of which: search index rebuild at the end (set-based SQL)", "value": round(reindex, 1),
         "unit": "s", "bound": f"row by row through the ORM: {reindex_rowwise:.1f} s ({rowwise} rows)"},
        {"name": f"ceiling: executemany of {n} rows into SQLite", "value": round(n / ceiling), "unit": "rows/s",
         "bound": f"{ceiling:.1f} s wall"},
    ]


def row_by_row_index(session: Any) -> int:
    """Index every searchable row one ORM object at a time (the rebuild before issue 14), inside the caller's
    transaction; returns the rows indexed."""
    from sqlalchemy import select, text

    connection = session.connection()
    connection.execute(text(f"DELETE FROM {search.FTS_TABLE}"))
    cache: dict[uuid.UUID, str] = {}
    insert = text(f"INSERT INTO {search.FTS_TABLE}(rowid, body, entity, entity_id) VALUES (:r, :b, :e, :i)")
    count = 0
    for model in (m.Department, m.Commissioner, m.DataResource, m.SharingRequest, m.QualityObjection, m.Dispute):
        rows = []
        for obj in session.execute(select(model)).scalars().yield_per(2000):
            entity, body = search.document_for(session, obj, cache)
            rows.append({"r": search.rowid_for(obj.id), "b": body, "e": entity, "i": obj.id.hex})
        if rows:
            connection.execute(insert, rows)
        count += len(rows)
    return count


def bench_incremental(tmp: Path) -> list[dict[str, Any]]:
    server, world, _ = _server(tmp, "sqlite", 0)
    try:
        token = sign_in(server.url, "a-commissioner", PASSWORD)
        desk = open_database(tmp / "desk-incr")
        client = SyncClient(desk, server_url=server.url, token=token)
        client.sync()
        actor = world.people[("A", "commissioner")]
        times = []
        for _ in range(3):
            for _ in range(100):
                apply_local(desk, mutation("request.create", actor, uuid.uuid4(), request_payload(world)))
            began = time.perf_counter()
            report = client.sync()
            times.append(time.perf_counter() - began)
            assert report.accepted == 100 and report.pending == 0
        client.close()
    finally:
        server.stop()
    return [{"name": "incremental sync of 100 local changes (push + pull)", "value": round(statistics.median(times), 2),
             "unit": "s", "bound": "median of 3"}]


def bench_sync_cost(tmp: Path, backend: str, syncs: int = 60) -> list[dict[str, Any]]:
    """One desktop alone against `cdo serve`, ``syncs`` syncs of one change each: the wall time of a sync and the CPU
    each side spends on it (the desktop's process time; the bureau's processes from /proc, PostgreSQL's own not
    counted) — what a burst of simultaneous syncs must share the machine's cores for."""
    server, world, name = _server(tmp, backend, 0)
    try:
        token = sign_in(server.url, "a-commissioner", PASSWORD)
        desk = open_database(tmp / f"desk-cost-{backend}")
        client = SyncClient(desk, server_url=server.url, token=token)
        client.sync()
        actor = world.people[("A", "commissioner")]
        walls, cpus = [], []
        bureau_before = server_cpu_seconds(server.proc.pid)
        for _ in range(syncs):
            apply_local(desk, mutation("request.create", actor, uuid.uuid4(), request_payload(world)))
            wall, cpu = time.perf_counter(), time.process_time()
            report = client.sync()
            walls.append(time.perf_counter() - wall)
            cpus.append(time.process_time() - cpu)
            assert report.accepted == 1 and report.pending == 0, report
        bureau = (server_cpu_seconds(server.proc.pid) - bureau_before) / syncs
        client.close()
        desk.dispose()
    finally:
        server.stop()
        if name:
            pg_drop(name)
    label = "PostgreSQL, 2 workers" if backend == "postgres" else "SQLite"
    return [
        {"name": f"one desktop alone ({label}): sync of one change, wall p50", "value": round(1000 * statistics.median(walls), 1),
         "unit": "ms", "bound": f"median of {syncs}"},
        {"name": f"one desktop alone ({label}): the desktop's CPU per sync, p50", "value": round(1000 * statistics.median(cpus), 1),
         "unit": "ms", "bound": ""},
        {"name": f"one desktop alone ({label}): the bureau's CPU per sync, mean", "value": round(1000 * bureau, 1),
         "unit": "ms", "bound": "cdo serve's processes"},
    ]


def server_cpu_seconds(pid: int) -> float:
    """User + system CPU seconds of ``pid`` and its child processes (uvicorn's workers), from /proc."""
    tick = os.sysconf("SC_CLK_TCK")
    total = 0.0
    pids = [pid]
    try:
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
        pids += [int(c) for c in children]
    except OSError:
        pass
    for p in pids:
        try:
            fields = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += (int(fields[11]) + int(fields[12])) / tick  # utime, stime
    return total


def postgres_cpu_seconds() -> dict[int, float]:
    """User + system CPU seconds of each PostgreSQL server process on this machine (the bureau's connections'
    backends among them) by process id, from /proc; `postgres_cpu_since` subtracts two readings."""
    tick = os.sysconf("SC_CLK_TCK")
    seconds = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            head, tail = (entry / "stat").read_text().rsplit(")", 1)
        except OSError:
            continue
        if head.split("(", 1)[1].startswith("postgres"):
            fields = tail.split()
            seconds[int(entry.name)] = (int(fields[11]) + int(fields[12])) / tick
    return seconds


def postgres_cpu_since(before: dict[int, float]) -> float:
    """PostgreSQL's CPU seconds since ``before``, process by process (a process that ended in between, an autovacuum
    worker say, is not counted: a lower figure, never a negative one)."""
    return sum(now - before.get(pid, 0.0) for pid, now in postgres_cpu_seconds().items())


def desktop_process(spec: dict[str, Any]) -> dict[str, Any]:
    """One desktop (``--desktop SPEC``): download its copy, wait for the common start, then per round queue one
    request and sync; returns each round's latency and the times it started and ended."""
    desk = open_database(Path(spec["data_dir"]))
    client = SyncClient(desk, server_url=spec["url"], token=spec["token"])
    client.sync()
    actor = uuid.UUID(spec["actor"])
    print("ready", flush=True)
    go = Path(spec["go"])
    while not go.exists():
        time.sleep(0.005)
    latencies, cpus, changes, pulled = [], [], [], []
    began, cpu_began = time.time(), time.process_time()
    pace = float(spec.get("pace") or 0)
    rng = random.Random(spec["data_dir"])
    for payload in spec["payloads"]:
        if pace:  # a user's next change after a random pause (Poisson arrivals, mean ``pace`` seconds)
            time.sleep(rng.expovariate(1 / pace))
        c0 = time.process_time()
        apply_local(desk, mutation("request.create", actor, uuid.uuid4(), payload))
        changes.append(time.process_time() - c0)
        t0, c0 = time.perf_counter(), time.process_time()
        report = client.sync()
        latencies.append(time.perf_counter() - t0)
        cpus.append(time.process_time() - c0)
        pulled.append(report.pulled)
        assert report.accepted >= 1 and report.pending == 0, report
    ended, cpu_all = time.time(), time.process_time() - cpu_began
    client.close()
    desk.dispose()
    return {"latencies": latencies, "cpus": cpus, "changes": changes, "pulled": pulled, "began": began, "ended": ended,
            "cpu_all": cpu_all}


class ForkedDesktop:
    """One desktop of the load test forked from this process: its own process, database and HTTP client, the
    imported client stack shared copy-on-write. It answers like the `subprocess.Popen` of ``--desktop``: a
    "ready" line on ``stdout``, then its result as JSON."""

    def __init__(self, spec: dict[str, Any]) -> None:
        read, write = os.pipe()
        pid = os.fork()
        if pid == 0:  # the desktop
            os.close(read)
            code = 0
            try:
                with os.fdopen(write, "w") as out:
                    sys.stdout = out
                    print(json.dumps(one_desktop(spec)), flush=True)
            except BaseException:
                traceback.print_exc()
                code = 1
            finally:
                os._exit(code)
        os.close(write)
        self.pid = pid
        self.stdout = os.fdopen(read)
        self.returncode: int | None = None

    def _reap(self, flags: int) -> int | None:
        if self.returncode is None:
            pid, status = os.waitpid(self.pid, flags)
            if pid:
                self.returncode = os.waitstatus_to_exitcode(status)
        return self.returncode

    def poll(self) -> int | None:
        return self._reap(os.WNOHANG)

    def communicate(self, timeout: float | None = None) -> tuple[str, None]:
        out = self.stdout.read()
        self._reap(0)
        return out, None

    def kill(self) -> None:
        os.kill(self.pid, 9)


def memory_mib(pids: list[int]) -> float:
    """The desktops' proportional set size summed (pages shared by forked processes counted once), in MiB."""
    total = 0
    for pid in pids:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                total += int(line.split()[1])
    return total / 1024


def bare_desktop(spec: dict[str, Any]) -> dict[str, Any]:
    """One desktop of the floor (``--desktop SPEC`` with ``bare``): per round one push and one pull to the bare
    bureau (`bare_bureau`), over one kept-alive connection, as `desktop_process` syncs; no database, no parsing."""
    with httpx.Client(base_url=spec["url"], headers={"Authorization": f"Bearer {spec['token']}"}) as client:
        client.get("/v1/sync/pull", params={"after": 0}).raise_for_status()  # connected, as a desktop after its download
        print("ready", flush=True)
        go = Path(spec["go"])
        while not go.exists():
            time.sleep(0.005)
        latencies, cpus = [], []
        began, cpu_began = time.time(), time.process_time()
        for payload in spec["payloads"]:
            t0, c0 = time.perf_counter(), time.process_time()
            client.post("/v1/sync/push", json={"mutations": [{"kind": "request.create", "payload": payload}]}).raise_for_status()
            client.get("/v1/sync/pull", params={"after": 1, "limit": 500}).raise_for_status()
            latencies.append(time.perf_counter() - t0)
            cpus.append(time.process_time() - c0)
        ended, cpu_all = time.time(), time.process_time() - cpu_began
    return {"latencies": latencies, "cpus": cpus, "changes": [0.0] * len(latencies),
            "pulled": [bare_bureau.PULL_ROWS] * len(latencies), "began": began, "ended": ended, "cpu_all": cpu_all}


def one_desktop(spec: dict[str, Any]) -> dict[str, Any]:
    return bare_desktop(spec) if spec.get("bare") else desktop_process(spec)


def run_desktops(specs: list[dict[str, Any]], launch: str, server_pid: int, postgres: bool = False) -> dict[str, Any]:
    """Start one process per desktop spec, wait until each has downloaded its copy, release them at once and
    collect what they measured: the desktops' outputs, their memory (PSS), the server's CPU seconds (and
    PostgreSQL's, with ``postgres``) from the common start to the last desktop's end and that span."""
    procs: list[Any] = []
    if launch == "fork":
        gc.freeze()  # the imported stack's objects stay out of the collector: fewer pages copied by the children
    try:
        for spec in specs:
            if launch == "fork":
                procs.append(ForkedDesktop(spec))
            else:
                procs.append(subprocess.Popen([sys.executable, __file__, "--desktop", json.dumps(spec)],
                                              stdout=subprocess.PIPE, text=True,
                                              env={**os.environ, "PYTHONPATH": str(ROOT)}))
        for p in procs:
            assert p.stdout is not None and p.stdout.readline().strip() == "ready"
        memory = memory_mib([p.pid for p in procs])
        pg_at_start = postgres_cpu_seconds() if postgres else {}
        cpu_at_start, wall_at_start = server_cpu_seconds(server_pid), time.time()
        Path(specs[0]["go"]).touch()
        outputs = [json.loads(p.communicate(timeout=1800)[0].strip().splitlines()[-1]) for p in procs]
        cpu = server_cpu_seconds(server_pid) - cpu_at_start
        pg_cpu = postgres_cpu_since(pg_at_start) if postgres else 0.0
        span = max(o["ended"] for o in outputs) - wall_at_start
    finally:
        for p in procs:
            if p.poll() is None:
                p.kill()
    return {"outputs": outputs, "memory": memory, "server_cpu": cpu, "postgres_cpu": pg_cpu, "span": span}


def _p95(values: Iterable[float]) -> float:
    """The 95th percentile of latencies in seconds, in milliseconds (nan when there are fewer than two)."""
    values = list(values)
    return statistics.quantiles(values, n=100)[94] * 1000 if len(values) > 1 else float("nan")


def load_rows(head: str, run: dict[str, Any], goal: str) -> list[dict[str, Any]]:
    """The load test's report of one run (`run_desktops`): throughput, p50/p95/p99, the server's CPU share, a
    desktop's CPU per sync and the desktops' memory."""
    outputs = run["outputs"]
    latencies = [x for o in outputs for x in o["latencies"]]
    desk_cpu = [x for o in outputs for x in o["cpus"]]
    pulled = [x for o in outputs for x in o["pulled"]]
    window = max(o["ended"] for o in outputs) - min(o["began"] for o in outputs)
    q = statistics.quantiles(latencies, n=100)
    share = run["server_cpu"] / run["span"] / (os.cpu_count() or 1)
    clients = len(outputs)
    desktops_cpu = sum(o["cpu_all"] for o in outputs)
    per_round = [[c + s for c, s in zip(o["changes"], o["cpus"], strict=True)] for o in outputs]  # change + sync
    first = statistics.median(r[0] for r in per_round)
    later = [x for r in per_round for x in r[1:]]
    cores = os.cpu_count() or 1
    work = desktops_cpu + run["server_cpu"] + run["postgres_cpu"]  # every process of the run, PostgreSQL's too
    busy = work / run["span"] / cores
    rounds = max(len(o["latencies"]) for o in outputs)
    return [
        {"name": f"{head}: throughput", "value": round(len(latencies) / window, 1), "unit": "syncs/s",
         "bound": f"{len(latencies)} syncs in {window:.1f} s"},
        {"name": f"{head}: sync p50", "value": round(statistics.median(latencies) * 1000), "unit": "ms", "bound": ""},
        {"name": f"{head}: sync p95", "value": round(q[94] * 1000), "unit": "ms", "bound": goal},
        {"name": f"{head}: sync p95, first round / later rounds", "value": round(_p95(o["latencies"][0] for o in outputs)),
         "unit": "ms", "bound": f"later rounds {_p95(x for o in outputs for x in o['latencies'][1:]):.0f} ms"},
        {"name": f"{head}: sync p99", "value": round(q[98] * 1000), "unit": "ms", "bound": ""},
        {"name": f"{head}: server CPU share", "value": round(100 * share), "unit": "% of all cores",
         "bound": f"{run['server_cpu']:.1f} CPU-s"},
        {"name": f"{head}: a desktop's CPU per sync, p50", "value": round(1000 * statistics.median(desk_cpu), 1),
         "unit": "ms", "bound": f"rows pulled per sync: median {statistics.median(pulled):g}, max {max(pulled)}"},
        {"name": f"{head}: a desktop's CPU for its change and sync, first round, p50", "value": round(1000 * first, 1),
         "unit": "ms", "bound": f"later rounds: {1000 * statistics.median(later):.1f} ms" if later else ""},
        {"name": f"{head}: CPU busy, desktops and bureau", "value": round(100 * busy), "unit": "% of all cores",
         "bound": f"desktops {desktops_cpu:.1f} + bureau {run['server_cpu']:.1f} + PostgreSQL "
                  f"{run['postgres_cpu']:.1f} CPU-s in {run['span']:.1f} s"},
        {"name": f"{head}: a round's CPU work spread over all cores", "value": round(1000 * work / cores / rounds),
         "unit": "ms", "bound": "the run's CPU work / cores / rounds: no schedule ends the rounds sooner"},
        {"name": f"{head}: desktops' memory (PSS)", "value": round(run["memory"]), "unit": "MiB",
         "bound": f"{run['memory'] / clients:.0f} MiB per desktop"},
    ]


def bench_concurrent(tmp: Path, backend: str, clients: int, rounds: int = 3, pace: float = 0.0,
                     launch: str = "exec") -> list[dict[str, Any]]:
    """``clients`` desktop processes syncing against `cdo serve` (SQLite: 1 process; PostgreSQL: 2 workers).

    ``pace`` 0: a burst — every desktop makes a change and syncs at the same instant, ``rounds`` times back to back.
    ``pace`` > 0: each desktop makes a change and syncs after a random pause of mean ``pace`` seconds (Poisson
    arrivals), so ``clients / pace`` syncs per second reach the bureau — a busy office rather than a stampede."""
    server, world, name = _server(tmp, backend, 0, extra_accounts=clients)
    try:
        go = tmp / f"go-{backend}-{clients}"  # created once every desktop has imported, downloaded and waits
        specs = []
        for i in range(clients):
            dept = "A" if i % 2 == 0 else "B"
            specs.append({"url": server.url, "token": sign_in(server.url, f"bench{i}", PASSWORD),
                          "data_dir": str(tmp / f"desk-{backend}-{i}"), "actor": str(world.people[(dept, f"bench{i}")]),
                          "go": str(go), "pace": pace,
                          "payloads": [request_payload(world, dept, "B" if dept == "A" else "A") for _ in range(rounds)]})
        ran = run_desktops(specs, launch, server.proc.pid, postgres=backend == "postgres")
    finally:
        server.stop()
        if name:
            pg_drop(name)
    label = "SQLite, 1 process" if backend == "sqlite" else "PostgreSQL, 2 workers"
    label += f", one sync per desktop every {pace:g} s on average" if pace else ", all at once"
    label += ", forked" if launch == "fork" else ""
    return load_rows(f"{clients} desktop processes ({label})", ran,
                     "goal <= 250 ms" if backend == "sqlite" else "goal <= 100 ms")


def bench_floor(tmp: Path, clients: int, rounds: int = 3, launch: str = "exec") -> list[dict[str, Any]]:
    """The floor of the burst: ``clients`` bare desktops (`bare_desktop`) against the bare bureau (`bare_bureau`),
    all at once, ``rounds`` times back to back — the same processes, server stack, launch and release as
    `bench_concurrent`, without any of the work."""
    port = free_port()
    server = subprocess.Popen([sys.executable, str(Path(__file__).with_name("bare_bureau.py")), str(port)],
                              env={**os.environ, "PYTHONPATH": str(ROOT)})
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                httpx.get(f"{url}/v1/sync/pull", timeout=5)
                break
            except httpx.TransportError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise RuntimeError("the bare bureau did not start") from None
                time.sleep(0.1)
        go = tmp / f"go-bare-{clients}"
        payload = {"title": "x" * 400}
        specs = [{"bare": True, "url": url, "token": uuid.uuid4().hex, "go": str(go), "payloads": [payload] * rounds}
                 for _ in range(clients)]
        ran = run_desktops(specs, launch, server.pid)
    finally:
        server.terminate()
        server.wait(timeout=30)
    label = "forked, " if launch == "fork" else ""
    return load_rows(f"floor: {clients} bare desktops, bare bureau ({label}all at once)", ran, "nothing done")


def run(scale: int = 100_000, clients: int = 50, postgres: bool = True, rounds: int = 3,
        only: str | None = None, pace: float = 0.0, launch: str = "exec") -> list[dict[str, Any]]:
    import keyring

    from tests.integration.harness import MemoryKeyring

    keyring.set_keyring(MemoryKeyring())
    results: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="cdo-bench-sync-") as tmp_name:
        tmp = Path(tmp_name)
        if only in (None, "pull"):
            results += bench_initial_pull(tmp, scale)
        if only in (None, "incremental"):
            results += bench_incremental(tmp)
        if only in (None, "cost"):
            results += bench_sync_cost(tmp, "sqlite")
            if postgres and pg_reachable() is None:
                results += bench_sync_cost(tmp, "postgres")
        if only in (None, "load"):
            if not pace:
                results += bench_floor(tmp, clients, rounds, launch)
            results += bench_concurrent(tmp, "sqlite", clients, rounds, pace, launch)
            if postgres and pg_reachable() is None:
                results += bench_concurrent(tmp, "postgres", clients, rounds, pace, launch)
    return results


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scale", type=int, default=100_000)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--no-postgres", action="store_true")
    parser.add_argument("--only", choices=["pull", "incremental", "cost", "load"])
    parser.add_argument("--pace", type=float, default=0.0,
                        help="load test: mean seconds between one desktop's syncs (0: all at once)")
    parser.add_argument("--launch", choices=["exec", "fork"], default="exec",
                        help="load test: each desktop a fresh interpreter (exec) or forked from this one (fork)")
    parser.add_argument("--desktop", help=argparse.SUPPRESS)  # one desktop of the load test (JSON spec)
    ns = parser.parse_args()
    if ns.desktop:
        spec = json.loads(ns.desktop)
        print(json.dumps(one_desktop(spec)))
        raise SystemExit(0)
    for row in run(ns.scale, ns.clients, not ns.no_postgres, ns.rounds, ns.only, ns.pace, ns.launch):
        print(f"{row['name']:<62} {row['value']:>10} {row['unit']:<7} {row['bound']}")
