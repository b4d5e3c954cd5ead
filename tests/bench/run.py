"""Run every benchmark of the project at one scale, print one table, and write docs/benchmarks.md.

    python tests/bench/run.py --scale 100000            # the figures the docs quote
    python tests/bench/run.py --scale 2000 --only demo   # a quick look at one area

Each `tests/bench/bench_*.py` exposes `run(scale) -> list[dict(name, value, unit, bound)]`; `bound` is the floor or
ceiling the issue names (or the reference measured beside it), written as text.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import os
import platform
import subprocess
import sys
import time
import traceback
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
KEEP_MARKER = "<!-- kept by run.py: hand-written analysis below -->"
ORDER = ["startup", "demo", "ui", "sync", "reports", "cli_pdf", "import"]
# what --scale (the number of sharing requests in the network) means to each area's run(): documents are measured
# at the fixed sizes (one ruling; 1,000 notices in batch), whatever the network's scale; import: the issue's
# 1,000-row file; cli_pdf: 5 alternating runs of one ruling against LibreOffice
SCALE_OF = {"reports": lambda scale: 1.0, "startup": lambda scale: 0, "import": lambda scale: 1.0,
            "cli_pdf": lambda scale: 5}


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = ""
    try:
        kb = int(Path("/proc/meminfo").read_text().split()[1])
        mem = f", {kb / 2**20:.0f} GiB RAM"
    except (OSError, ValueError, IndexError):
        pass
    load = ""
    if hasattr(os, "getloadavg"):
        one, five, fifteen = os.getloadavg()
        load = f", load average at start {one:.2f} {five:.2f} {fifteen:.2f}"
    return (f"{platform.system()} {platform.release()}, {os.cpu_count()} cores ({cpu}){mem}, "
            f"Python {platform.python_version()}{load}")


def load(name: str) -> Any:
    spec = importlib.util.spec_from_file_location(f"bench_{name}", HERE / f"bench_{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.path.insert(0, str(ROOT))
    spec.loader.exec_module(module)
    return module


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scale", type=int, default=100_000)
    parser.add_argument("--only", action="append", choices=ORDER)
    parser.add_argument("--output", type=Path, default=ROOT / "docs" / "benchmarks.md")
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args()
    areas = args.only or [a for a in ORDER if (HERE / f"bench_{a}.py").exists()]
    results: list[tuple[str, dict[str, Any]]] = []
    failures: list[str] = []
    began = time.perf_counter()
    for area in areas:
        print(f"== {area} (scale {args.scale})", file=sys.stderr, flush=True)
        try:
            for row in load(area).run(SCALE_OF.get(area, lambda s: s)(args.scale)):
                results.append((area, row))
        except Exception:
            failures.append(f"{area}: {traceback.format_exc(limit=3)}")
            print(failures[-1], file=sys.stderr)
    width = max([len(str(r["name"])) for _, r in results] + [20])
    print(f"{'area':<8} {'measurement':<{width}} {'value':>12} {'unit':<12} bound")
    for area, r in results:
        print(f"{area:<8} {r['name']:<{width}} {r['value']!s:>12} {r['unit']:<12} {r.get('bound', '')}")
    if not args.no_write:
        write(args.output, args.scale, results, failures, time.perf_counter() - began)
    return 1 if failures else 0


def write(path: Path, scale: int, results: list[tuple[str, dict[str, Any]]], failures: list[str], seconds: float) -> None:
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True,
                            check=False).stdout.strip()
    lines = [
        "# Benchmarks",
        "",
        f"Measured {dt.date.today().isoformat()} at commit `{commit}` with `python tests/bench/run.py --scale {scale}` "
        f"({seconds:.0f} s in all).",
        "",
        f"Machine: {machine()}. The machine is shared and noisy: figures are medians of several runs where the "
        "benchmark repeats, and ratios are measured in the same run.",
        "",
        "| area | measurement | value | unit | floor / ceiling / reference |",
        "|---|---|---:|---|---|",
    ]
    lines += [f"| {a} | {r['name']} | {r['value']} | {r['unit']} | {r.get('bound', '')} |" for a, r in results]
    if failures:
        lines += ["", "## Benchmarks that failed in this run", ""] + [f"- `{f.splitlines()[0]}`" for f in failures]
    kept = ""  # the hand-written analysis below the marker survives a re-run
    if path.exists() and KEEP_MARKER in (old := path.read_text(encoding="utf-8")):
        kept = "\n" + old[old.index(KEEP_MARKER):]
    path.write_text("\n".join(lines) + "\n" + kept, encoding="utf-8")


if __name__ == "__main__":
    raise SystemExit(main())
