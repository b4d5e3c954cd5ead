"""Benchmark of the desktop UI on a 100,000-request database: time to the first painted main window (against a
bare PySide6 window) and the list model's fetch, scroll, sort and search times.

Run: python tests/bench/bench_ui.py [--scale 100000] [--data-dir DIR]  (DIR is kept and reused when given)
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

BARE = """
import sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QLabel
app = QApplication(sys.argv)
win = QMainWindow(); win.setCentralWidget(QLabel("bare")); win.resize(1360, 860)
class F(QObject):
    def eventFilter(self, o, e):
        if e.type() == QEvent.Type.Paint and not getattr(self, "seen", False):
            self.seen = True; print(f"first-paint {time.time():.6f}", flush=True); QTimer.singleShot(0, app.quit)
        return False
f = F(); win.installEventFilter(f); win.show(); app.exec()
"""


def build_database(data_dir: Path, scale: int) -> None:
    """A demo network grown to ``scale`` requests: the demo's requests cloned (new ids and numbers), then indexed."""
    from sqlalchemy import func, select, text

    from cdo_desktop.demo.network import generate
    from cdo_desktop.store import models as m
    from cdo_desktop.store import search
    from cdo_desktop.ui.app import open_local

    db = open_local(data_dir)
    with db.read() as session:
        have = session.execute(select(func.count()).select_from(m.SharingRequest)).scalar_one()
    if have >= scale:
        db.dispose()
        return
    if have == 0:
        generate(db, scale=300)
    with db.write() as session:
        search.suspend(session)
        rows = [dict(r._mapping) for r in session.execute(text("SELECT * FROM sharing_request"))]
        count = session.execute(select(func.count()).select_from(m.SharingRequest)).scalar_one()
        batch: list[dict[str, Any]] = []
        for i in range(count, scale):
            row = dict(rows[i % len(rows)])
            row["id"] = uuid.uuid4().hex
            row["number"] = f"佛数享〔2026〕{100000 + i}号"
            batch.append(row)
            if len(batch) == 5000 or i == scale - 1:
                columns = ", ".join(batch[0])
                values = ", ".join(f":{c}" for c in batch[0])
                session.execute(text(f"INSERT INTO sharing_request ({columns}) VALUES ({values})"), batch)
                batch = []
        search.rebuild(session)
    db.dispose()


def compiled(tree: Path) -> None:
    """Byte-compile the package of ``tree`` as an installed app has it: pip compiles a wheel's modules at install and
    the PyInstaller bundle ships bytecode, but a checkout started with PYTHONDONTWRITEBYTECODE set (as on the
    benchmark machine) would otherwise compile every module of ours from source on every start (≈0.1–0.3 s)."""
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(Path(tree) / "cdo_desktop")], check=True,
                   capture_output=True)


def _run_measured(command: list[str], env: dict[str, str]) -> tuple[str, int]:
    """Run ``command`` to its end; its standard output and its peak resident memory (KiB, from wait4's rusage)."""
    with subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True) as child:
        assert child.stdout is not None
        out = child.stdout.read()
        _, status, usage = os.wait4(child.pid, 0)
        child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        raise subprocess.CalledProcessError(child.returncode, command, out)
    return out, int(usage.ru_maxrss)


def start_times(commands: dict[str, tuple[list[str], dict[str, str]]], runs: int = 5) -> dict[str, dict[str, float]]:
    """Median seconds from launching each command to its first painted window ("first-paint") and, for ours, to
    the first page painted with its rows ("first-rows"), and the median peak memory ("peak-rss-mib"); the commands
    run alternately, ``runs`` times each."""
    samples: dict[str, dict[str, list[float]]] = {name: {} for name in commands}
    for _ in range(runs):
        for name, (command, env) in commands.items():
            began = time.time()
            out, peak_kib = _run_measured(command, env)
            for line in out.splitlines():
                if line.startswith(("first-paint", "first-rows")):
                    samples[name].setdefault(line.split()[0], []).append(float(line.split()[1]) - began)
            samples[name].setdefault("peak-rss-mib", []).append(peak_kib / 1024)
    return {name: {k: statistics.median(v) for k, v in marks.items()} for name, marks in samples.items()}


def timed(fn: Any, repeat: int = 5) -> float:
    samples = []
    for _ in range(repeat):
        began = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - began)
    return statistics.median(samples) * 1000


def model_timings(data_dir: Path) -> dict[str, float]:
    from cdo_desktop.ui import queries
    from cdo_desktop.ui.app import make_app, open_local
    from cdo_desktop.ui.qt import Qt
    from cdo_desktop.ui.state import AppState
    from cdo_desktop.ui.table_model import Column, PagedTableModel

    make_app(["bench"])
    db = open_local(data_dir)
    state = AppState(db, data_dir)
    columns = [Column(k, k) for k in ("number", "state", "requester", "provider", "resource", "created_on")]
    model = PagedTableModel(state, queries.fetch("request"), columns)
    out = {"open list (first page + count)": timed(model.reload)}

    def scroll() -> None:
        model.reload()
        for _ in range(10):
            model.fetchMore()

    out["scroll: one more page of 200 rows (mean over 10)"] = (timed(scroll) - out["open list (first page + count)"]) / 10
    out["sort by providing department"] = timed(lambda: model.sort(3, Qt.SortOrder.DescendingOrder))
    out["sort by date"] = timed(lambda: model.sort(5, Qt.SortOrder.AscendingOrder))

    from cdo_desktop.ui.qt import QCoreApplication
    from cdo_desktop.ui.worker import wait_all

    blocked: list[float] = []

    def search(term: str) -> Any:
        """From the keystroke's query to the rows shown (the query runs off the UI thread)."""
        def go() -> None:
            model.search = ""
            began = time.perf_counter()
            model.set_search(term)
            blocked.append(time.perf_counter() - began)
            while model.search_pending:
                wait_all()
                QCoreApplication.processEvents()
        return go

    out["search '公安' (2 characters)"] = timed(search("公安"))
    out["search '信' (1 character)"] = timed(search("信"))
    out["search a request number"] = timed(search("100123"))
    out["UI thread busy while a search runs (max)"] = max(blocked) * 1000
    db.dispose()
    return out


BOUNDS = {"open list (first page + count)": 400, "scroll: one more page of 200 rows (mean over 10)": 150,
          "sort by providing department": 800, "sort by date": 800, "search '公安' (2 characters)": 400,
          "search '信' (1 character)": 800, "search a request number": 300,
          "UI thread busy while a search runs (max)": 50}


def run(scale: int = 100_000, data_dir: Path | None = None) -> list[dict[str, Any]]:
    with tempfile.TemporaryDirectory(prefix="cdo-bench-ui-") as tmp:
        folder = data_dir or Path(tmp) / "data"
        folder.mkdir(parents=True, exist_ok=True)
        # built in a process of its own: a child inherits its parent's peak memory when it is started (Linux keeps
        # the larger high-water mark across fork and exec), so this process must stay small for the peaks it reads
        subprocess.run([sys.executable, __file__, "--build-only", "--scale", str(scale), "--data-dir", str(folder)],
                       check=True)
        compiled(ROOT)
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(Path(tmp) / "config"),
                   HOME=str(Path(tmp) / "home"), CDO_EXIT_AFTER_FIRST_PAINT="1", PYTHONPATH=str(ROOT))
        on_list = dict(env, XDG_CONFIG_HOME=str(Path(tmp) / "config-list"))
        settings = Path(on_list["XDG_CONFIG_HOME"]) / "FoshanDataBureau" / "cdo-desktop.conf"
        settings.parent.mkdir(parents=True, exist_ok=True)
        settings.write_text("[ui]\nlast_page=requests\n", encoding="utf-8")  # reopen on the request list
        ours = [sys.executable, str(ROOT / "main.py"), "--data-dir", str(folder), "--lang", "zh_CN", "--offline"]
        times = start_times({"bare": ([sys.executable, "-c", BARE], env), "dashboard": (ours, env),
                             "list": (ours, on_list)})
        bare = times["bare"]["first-paint"]
        results = [
            {"name": "first painted window: bare PySide6 QMainWindow (floor)", "value": round(bare, 2), "unit": "s",
             "bound": "median of 5, alternating"},
            {"name": f"first painted window (shell): CDO Desktop on {scale:,} requests",
             "value": round(times["dashboard"]["first-paint"], 2), "unit": "s",
             "bound": f"{times['dashboard']['first-paint'] / bare:.1f}x floor; goal <= 2x"},
            {"name": f"first page with its rows painted (My tasks) on {scale:,}",
             "value": round(times["dashboard"]["first-rows"], 2), "unit": "s", "bound": "goal <= 1.0 s"},
            {"name": f"first page with its rows painted (request list) on {scale:,}",
             "value": round(times["list"]["first-rows"], 2), "unit": "s", "bound": "goal <= 1.0 s"},
            {"name": "peak memory: bare PySide6 QMainWindow (floor)", "value": round(times["bare"]["peak-rss-mib"]),
             "unit": "MiB", "bound": "median of 5"},
            {"name": f"peak memory: CDO Desktop with the request list of {scale:,} open",
             "value": round(times["list"]["peak-rss-mib"]), "unit": "MiB", "bound": "goal <= 250 MB"},
        ]
        for name, ms in model_timings(folder).items():
            results.append({"name": f"request list on {scale:,}: {name}", "value": round(ms, 1), "unit": "ms",
                            "bound": f"<= {BOUNDS[name]} ms"})
        return results


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scale", type=int, default=100_000)
    parser.add_argument("--data-dir", type=Path)
    parser.add_argument("--build-only", action="store_true", help="only build (or grow) the database in --data-dir")
    ns = parser.parse_args()
    if ns.build_only:
        build_database(ns.data_dir, ns.scale)
        sys.exit(0)
    for row in run(ns.scale, ns.data_dir):
        print(f"{row['name']:<70} {row['value']:>10} {row['unit']:<3} {row['bound']}")
