"""Benchmark of start-up cost on the command line (issue 14): whole `cdo` processes against the bare interpreter,
medians of 5 runs taken alternately, and what a start on a current schema no longer pays (importing Alembic).

Run: python tests/bench/bench_startup.py
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]


def cdo() -> list[str]:
    script = Path(sys.executable).with_name("cdo")
    return [str(script)] if script.exists() else [sys.executable, "-m", "cdo_desktop"]


def medians(commands: dict[str, list[str]], env: dict[str, str], runs: int = 5) -> dict[str, float]:
    """Median wall seconds of each whole process, the commands taking turns."""
    samples: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, command in commands.items():
            began = time.perf_counter()
            subprocess.run(command, env=env, capture_output=True, check=True, timeout=300)
            samples[name].append(time.perf_counter() - began)
    return {name: statistics.median(v) for name, v in samples.items()}


def run(scale: int = 0) -> list[dict[str, Any]]:
    with tempfile.TemporaryDirectory(prefix="cdo-bench-startup-") as tmp:
        env = dict(os.environ, CDO_DATA_DIR=str(Path(tmp) / "data"), PYTHONPATH=str(ROOT))
        subprocess.run([*cdo(), "init"], env=env, capture_output=True, check=True)
        py = sys.executable
        sys.path.insert(0, str(Path(__file__).resolve().parent))
        from bench_ui import compiled

        compiled(ROOT)  # as installed (bench_ui.compiled)
        t = medians({
            "python": [py, "-c", "pass"],
            "help": [*cdo(), "--help"],
            "serve-help": [*cdo(), "serve", "--help"],
            "workdays": [*cdo(), "workdays", "add", "2026-09-30", "3"],
            "sqlalchemy": [py, "-c", "import sqlalchemy.orm"],
            "alembic": [py, "-c", "import sqlalchemy.orm, alembic.command, alembic.config, alembic.script, "
                                  "alembic.runtime.migration"],
        }, env)
    floor = t["python"]
    return [
        {"name": "floor: bare Python interpreter (python -c pass)", "value": round(floor * 1000), "unit": "ms",
         "bound": "median of 5, alternating"},
        {"name": "cdo --help, whole process", "value": round(t["help"] * 1000), "unit": "ms",
         "bound": f"{t['help'] / floor:.1f}x floor; goal <= 150 ms"},
        {"name": "cdo serve --help, whole process", "value": round(t["serve-help"] * 1000), "unit": "ms",
         "bound": f"{t['serve-help'] / floor:.1f}x floor"},
        {"name": "cdo workdays add (opens a current database), whole process", "value": round(t["workdays"] * 1000),
         "unit": "ms", "bound": f"{t['workdays'] / floor:.1f}x floor"},
        {"name": "importing Alembic on top of SQLAlchemy (no longer paid when the schema is current)",
         "value": round((t["alembic"] - t["sqlalchemy"]) * 1000), "unit": "ms", "bound": ""},
    ]


if __name__ == "__main__":
    for row in run():
        print(f"{row['name']:<80} {row['value']:>8} {row['unit']:<3} {row['bound']}")
