"""`main.py --self-test` (the check an installed or frozen build runs) passes and says so in one line."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_self_test_passes_in_one_line(tmp_path: Path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path), XDG_CONFIG_HOME=str(tmp_path / "cfg"),
               CDO_DATA_DIR=str(tmp_path / "data"))
    result = subprocess.run([sys.executable, str(ROOT / "main.py"), "--self-test"], capture_output=True, text=True,
                            env=env, timeout=120, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    lines = [line for line in result.stdout.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("CDO Desktop self-test OK")
    assert "embedded font" in lines[0] and "keyring round trip ok" in lines[0]
    assert not (tmp_path / "data").exists()  # the user's data folder is never touched
