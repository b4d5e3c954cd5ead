"""The layer rule is executable: import-linter contracts from pyproject.toml, and no Qt outside ui/."""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_import_linter_contracts_hold() -> None:
    exe = shutil.which("lint-imports") or str(Path(sys.executable).with_name("lint-imports"))
    result = subprocess.run([exe], cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_no_module_outside_ui_imports_qt() -> None:
    offenders = []
    for path in (ROOT / "cdo_desktop").rglob("*.py"):
        if "ui" in path.relative_to(ROOT / "cdo_desktop").parts[:1]:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else (
                [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
            if any(n.split(".")[0] in ("PySide6", "shiboken6") for n in names):
                offenders.append(str(path))
    assert not offenders


def test_every_module_has_a_docstring() -> None:
    missing = [str(p) for p in (ROOT / "cdo_desktop").rglob("*.py")
               if "versions" not in p.parts and p.stat().st_size and ast.get_docstring(ast.parse(p.read_text("utf-8"))) is None]
    assert not missing, missing
