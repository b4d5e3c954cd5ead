"""Benchmark: `cdo demo-data --scale N` on a fresh database — wall time, mutations/s and database size.

Run: python tests/bench/bench_demo.py [--scale 100000] [--runs 1]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def run(scale: int = 100_000, runs: int = 1) -> list[dict[str, object]]:
    times: list[float] = []
    sizes: list[int] = []
    mutations = 0
    for _ in range(runs):
        with tempfile.TemporaryDirectory(prefix="cdo-bench-demo-") as tmp:
            began = time.perf_counter()
            out = subprocess.run(
                [sys.executable, "-m", "cdo_desktop", "--data-dir", tmp, "demo-data", "--scale", str(scale), "--json"],
                check=True, capture_output=True, text=True,
            ).stdout
            times.append(time.perf_counter() - began)
            mutations = json.loads(out)["mutations"]
            sizes.append(sum(p.stat().st_size for p in Path(tmp).iterdir()))
    wall = statistics.median(times)
    return [
        {"name": f"demo-data --scale {scale}: wall time", "value": round(wall, 1), "unit": "s", "bound": "no bound set"},
        {"name": f"demo-data --scale {scale}: mutations applied", "value": mutations, "unit": "", "bound": ""},
        {"name": f"demo-data --scale {scale}: throughput", "value": round(mutations / wall), "unit": "mutations/s",
         "bound": ""},
        {"name": f"demo-data --scale {scale}: database size", "value": round(statistics.median(sizes) / 2**20, 1),
         "unit": "MiB", "bound": ""},
    ]


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scale", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=1)
    ns = parser.parse_args()
    for row in run(ns.scale, ns.runs):
        print(f"{row['name']:<50} {row['value']:>12} {row['unit']}")
