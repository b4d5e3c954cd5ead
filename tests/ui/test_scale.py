"""Issue 13: crisp at 200 % — at QT_SCALE_FACTOR=2 no label's or first-run choice's text is cut on the first-run
page or the dashboard (checked in a child process: the factor must be set before Qt starts)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_nothing_is_cut_at_200_percent(data_dir: Path, lang: str) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QT_SCALE_FACTOR="2", PYTHONPATH=str(ROOT))
    result = subprocess.run([sys.executable, "-m", "tests.ui.scale_probe", str(data_dir), lang], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=300, check=False)
    assert result.returncode == 0, result.stderr[-3000:]
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["ratio"] == 2.0
    assert sum(report["counts"].values()) > 0  # the dashboard had something to show
    assert report["first_run"] == [], report["first_run"]
    assert report["dashboard"] == [], report["dashboard"]
