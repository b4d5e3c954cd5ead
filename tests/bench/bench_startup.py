"""Start-up before/after a change: median time from launch to the first painted window of two source trees.

    python tests/bench/bench_startup.py --before /tmp/cdo-before [--runs 9] [--scale 300]

``--before`` is a checkout of the earlier source (e.g. ``git archive BASE | tar -x -C /tmp/cdo-before``); runs of the
two trees alternate (A B A B …) so that the load of a shared machine falls on both alike. The database is a demo
network of ``--scale`` requests opened with ``--offline`` (as tests/bench/bench_ui.py does).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def first_paint(root: Path, data_dir: Path, env: dict[str, str]) -> float:
    began = time.time()
    out = subprocess.run([sys.executable, str(root / "main.py"), "--data-dir", str(data_dir), "--lang", "zh_CN",
                          "--offline"], env=dict(env, PYTHONPATH=str(root)), capture_output=True, text=True,
                         timeout=120, check=True).stdout
    line = next(x for x in out.splitlines() if x.startswith("first-paint"))
    return float(line.split()[1]) - began


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--before", type=Path, required=True)
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--scale", type=int, default=300)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="cdo-bench-startup-") as tmp:
        data = Path(tmp) / "data"
        subprocess.run([sys.executable, "-m", "cdo_desktop.cli", "demo-data", "--scale", str(args.scale),
                        "--data-dir", str(data)], check=True, capture_output=True, env=dict(os.environ,
                                                                                             PYTHONPATH=str(ROOT)))
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(Path(tmp) / "config"),
                   HOME=str(Path(tmp) / "home"), CDO_EXIT_AFTER_FIRST_PAINT="1")
        first_paint(ROOT, data, env)  # warm the page cache for both
        first_paint(args.before, data, env)
        before, after = [], []
        for _ in range(args.runs):
            before.append(first_paint(args.before, data, env))
            after.append(first_paint(ROOT, data, env))
    print(f"first paint, median of {args.runs}: before {statistics.median(before):.2f} s, "
          f"after {statistics.median(after):.2f} s (before {sorted(round(x, 2) for x in before)}, "
          f"after {sorted(round(x, 2) for x in after)})")


if __name__ == "__main__":
    main()
