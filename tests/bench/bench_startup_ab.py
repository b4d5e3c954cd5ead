"""Start-up before and after a change (issue 13: "startup must not get slower"): the desktop app of an earlier commit
and of this tree, started alternately on the same demo network, time to the first painted window and to the first
page painted with its rows (medians).

Run: python tests/bench/bench_startup_ab.py [--before f96a97f] [--runs 7] [--scale 300]

The earlier commit is taken with ``git archive`` into a temporary folder and builds the network itself (its schema is
older); this tree starts on a copy of that network, upgraded once before timing, so both open the same rows.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(HERE))

from bench_ui import compiled, start_times  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--before", default="f96a97f", help="the earlier commit (default: where issue 13 started)")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--scale", type=int, default=300)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="cdo-bench-ab-") as tmp:
        old = Path(tmp) / "before"
        old.mkdir()
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", args.before], capture_output=True, check=True)
        subprocess.run(["tar", "-x", "-C", str(old)], input=archive.stdout, check=True)
        before_data, after_data = Path(tmp) / "data-before", Path(tmp) / "data-after"
        base = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(Path(tmp) / "home"),
                    CDO_EXIT_AFTER_FIRST_PAINT="1")
        env_old = dict(base, PYTHONPATH=str(old), XDG_CONFIG_HOME=str(Path(tmp) / "config-before"))
        env_new = dict(base, PYTHONPATH=str(ROOT), XDG_CONFIG_HOME=str(Path(tmp) / "config-after"))
        subprocess.run([sys.executable, "-m", "cdo_desktop", "demo-data", "--data-dir", str(before_data),
                        "--scale", str(args.scale)], env=env_old, capture_output=True, check=True,
                       cwd=old)  # `-m` puts the working folder first on the path: the earlier tree's
        shutil.copytree(before_data, after_data)
        subprocess.run([sys.executable, "-c", "import sys; from cdo_desktop.ui.app import open_local; "
                        "open_local(__import__('pathlib').Path(sys.argv[1])).dispose()", str(after_data)],
                       env=env_new, check=True)
        common = ["--lang", "zh_CN", "--offline"]
        commands = {
            "before": ([sys.executable, str(old / "main.py"), "--data-dir", str(before_data), *common], env_old),
            "after": ([sys.executable, str(ROOT / "main.py"), "--data-dir", str(after_data), *common], env_new),
        }
        compiled(old)
        compiled(ROOT)
        for name, (command, env) in commands.items():  # one start each first: a failure says why
            done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)
            if done.returncode != 0:
                print(f"{name} failed to start ({done.returncode}):\n{done.stderr[-2000:]}", file=sys.stderr)
                return 1
        times = start_times(commands, runs=args.runs)
    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    for mark in ("first-paint", "first-rows"):
        b, a = times["before"].get(mark), times["after"].get(mark)
        if b is None or a is None:
            print(f"{mark}: not reported by both (before {b}, after {a})")
            continue
        print(f"{mark:<12} before {args.before}: {b:6.2f} s   after: {a:6.2f} s   ratio {a / b:.2f}")
    print(f"medians of {args.runs} alternating runs; load average at the end {load}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
