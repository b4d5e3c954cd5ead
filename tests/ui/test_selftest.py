"""`main.py --self-test` (the check an installed or frozen build runs) passes and says so in one line."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run_self_test(tmp_path: Path, **extra: str) -> list[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path), XDG_CONFIG_HOME=str(tmp_path / "cfg"),
               CDO_DATA_DIR=str(tmp_path / "data"), **extra)
    result = subprocess.run([sys.executable, str(ROOT / "main.py"), "--self-test"], capture_output=True, text=True,
                            env=env, timeout=120, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    return [line for line in result.stdout.splitlines() if line.strip()]


def test_self_test_tells_the_truth_about_a_missing_keyring(tmp_path: Path) -> None:
    """Problem 13: it said "keyring round trip ok (keyring.backends.fail.Keyring)" where sign-in then failed."""
    lines = run_self_test(tmp_path, PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring")
    assert len(lines) == 1 and lines[0].startswith("CDO Desktop self-test OK")
    assert "round trip ok" not in lines[0]
    assert "OS keyring NOT usable: keyring.backends.fail.Keyring" in lines[0]


def test_self_test_round_trips_a_usable_keyring(tmp_path: Path) -> None:
    lines = run_self_test(tmp_path, PYTHON_KEYRING_BACKEND="tests.ui.probe_keyring.ProbeKeyring")
    assert "OS keyring round trip ok (tests.ui.probe_keyring.ProbeKeyring)" in lines[0]


def test_self_test_passes_in_one_line(tmp_path: Path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path), XDG_CONFIG_HOME=str(tmp_path / "cfg"),
               CDO_DATA_DIR=str(tmp_path / "data"), PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring")
    result = subprocess.run([sys.executable, str(ROOT / "main.py"), "--self-test"], capture_output=True, text=True,
                            env=env, timeout=120, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    lines = [line for line in result.stdout.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("CDO Desktop self-test OK")
    assert "embedded font" in lines[0] and "OS keyring" in lines[0] and "rendered on offscreen" in lines[0]
    assert not (tmp_path / "data").exists()  # the user's data folder is never touched


def test_self_test_on_a_real_x_server(tmp_path: Path) -> None:
    """The xcb platform under Xvfb (CI installs both): a library missing from the README's list fails here."""
    import shutil

    import pytest

    if shutil.which("xvfb-run") is None:
        pytest.skip("xvfb-run is not installed (.ci/run installs it)")
    env = dict(os.environ, QT_QPA_PLATFORM="xcb", HOME=str(tmp_path), XDG_CONFIG_HOME=str(tmp_path / "cfg"),
               CDO_DATA_DIR=str(tmp_path / "data"), PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring")
    result = subprocess.run(["xvfb-run", "-a", sys.executable, str(ROOT / "main.py"), "--self-test"],
                            capture_output=True, text=True, env=env, timeout=180, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "rendered on xcb" in result.stdout
