"""Start-up cost is paid only by those who need it: the modules each `cdo` command loads, and Alembic only when
the schema is not current (issue 14). Each command runs in a fresh interpreter; its ``sys.modules`` is compared
with the layers it may load. No timing here: the times are in tests/bench and docs/benchmarks.md."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

HEAVY = ("sqlalchemy", "sqlmodel", "alembic", "pydantic", "reportlab", "httpx", "fastapi", "uvicorn", "PySide6",
         "keyring", "psycopg")
PROBE = """
import json, sys
from cdo_desktop.cli import main
try:
    code = main(sys.argv[2:])
except SystemExit as exc:
    code = exc.code
with open(sys.argv[1], "w") as fh:
    json.dump({"code": code, "modules": sorted(sys.modules)}, fh)
"""


def loaded(tmp_path: Path, *args: str) -> tuple[object, set[str]]:
    """The exit code of ``cdo ARGS`` and the top-level packages (plus our own modules) it imported."""
    out = tmp_path / "modules.json"
    subprocess.run([sys.executable, "-c", PROBE, str(out), *args], capture_output=True, text=True, check=False,
                   env=dict(os.environ, CDO_DATA_DIR=str(tmp_path / "unused")), timeout=120)
    data = json.loads(out.read_text(encoding="utf-8"))
    modules = set(data["modules"])
    return data["code"], {m.split(".")[0] for m in modules} | {m for m in modules if m.startswith("cdo_desktop.")}


@pytest.fixture(scope="module")
def current_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("current")
    from cdo_desktop.cli import main

    assert main(["--data-dir", str(folder), "init", "--json"]) == 0
    return folder


@pytest.mark.parametrize("args", [["--help"], ["serve", "--help"], ["pdf", "ruling", "--help"], ["sync", "--help"],
                                  ["admin", "user", "add", "--help"], ["demo-data", "--help"], ["--version"]])
def test_help_loads_the_standard_library_only(tmp_path: Path, args: list[str]) -> None:
    code, modules = loaded(tmp_path, *args)
    assert code == 0
    assert not modules & set(HEAVY), args
    ours = {m for m in modules if m.startswith("cdo_desktop.")}
    assert ours <= {"cdo_desktop.cli", "cdo_desktop.domain", "cdo_desktop.domain.errors", "cdo_desktop.reports",
                    "cdo_desktop.reports.commands", "cdo_desktop.server", "cdo_desktop.server.commands",
                    "cdo_desktop.sync", "cdo_desktop.sync.commands", "cdo_desktop.transfer",
                    "cdo_desktop.transfer.commands", "cdo_desktop.transfer.import_commands"}, sorted(ours)


def test_a_database_command_on_a_current_schema_does_not_import_alembic(tmp_path: Path, current_db: Path) -> None:
    code, modules = loaded(tmp_path, "--data-dir", str(current_db), "workdays", "add", "2026-09-30", "3")
    assert code == 0
    assert "sqlalchemy" in modules and "cdo_desktop.store.db" in modules
    assert not modules & {"alembic", "reportlab", "httpx", "fastapi", "uvicorn", "PySide6"}
    # audit verify replays the log into a scratch database built by the migrations, so Alembic is needed there
    code, modules = loaded(tmp_path, "--data-dir", str(current_db), "audit", "verify")
    assert code == 0 and not modules & {"reportlab", "httpx", "fastapi", "uvicorn", "PySide6"}


def test_a_new_database_is_migrated_with_alembic(tmp_path: Path) -> None:
    code, modules = loaded(tmp_path, "--data-dir", str(tmp_path / "fresh"), "init")
    assert code == 0 and "alembic" in modules
    assert not modules & {"reportlab", "httpx", "fastapi", "uvicorn", "PySide6"}


def test_each_layer_loads_only_its_own_stack(tmp_path: Path, current_db: Path) -> None:
    code, modules = loaded(tmp_path, "--data-dir", str(current_db), "pdf", "ruling", "佛数裁〔2026〕999号",
                           "-o", str(tmp_path / "r.pdf"))
    assert code == 2  # no such ruling: a clear error
    # a current database is read with sqlite3 (store/records.py): no ORM, no pydantic, no signing stack
    assert not modules & {"sqlalchemy", "sqlmodel", "pydantic", "alembic", "cryptography", "pyhanko", "httpx",
                          "fastapi", "uvicorn", "PySide6"}, sorted(modules & set(HEAVY))
    assert "cdo_desktop.store.models" not in modules and "cdo_desktop.services" not in modules
    code, modules = loaded(tmp_path, "--data-dir", str(current_db), "sync")
    assert code == 2  # not signed in to a bureau
    assert not modules & {"alembic", "reportlab", "fastapi", "uvicorn", "PySide6"}
    code, modules = loaded(tmp_path, "--data-dir", str(current_db), "backup", str(tmp_path / "copy.sqlite3"))
    assert code == 0 and not modules & {"alembic", "reportlab", "httpx", "fastapi", "uvicorn", "PySide6"}


def test_revisions_read_from_the_files_are_alembic_s() -> None:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    from cdo_desktop.store import migrate

    config = Config()
    config.set_main_option("script_location", str(migrate.MIGRATIONS))
    script = ScriptDirectory.from_config(config)
    assert migrate.head_revision() == script.get_current_head()
    assert migrate.known_revisions() == {rev.revision for rev in script.walk_revisions()}
    down = {rev.revision: tuple(rev._all_down_revisions) for rev in script.walk_revisions()}
    assert migrate.revision_graph() == down  # the graph read from the files' headers is Alembic's


def test_a_migration_s_header_is_what_stands_above_its_first_function() -> None:
    from cdo_desktop.store.revisions import _header

    source = 'revision = "b"\ndown_revision = "a"\n\n\ndef upgrade():\n    revision = "x"\n'
    assert _header(source) == 'revision = "b"\ndown_revision = "a"\n\n\n'
    assert _header("x = 1\n") == "x = 1\n"


def test_an_older_schema_is_still_upgraded(tmp_path: Path) -> None:
    from sqlalchemy import text

    from cdo_desktop.store.migrate import current_revision, head_revision, open_database, revision_graph

    db = open_database(tmp_path)
    previous = revision_graph()[head_revision()][0]
    with db.writer.begin() as connection:  # pretend the last migration has not run yet (undo it, then the version)
        from alembic import command

        from cdo_desktop.store.migrate import _config

        config = _config()
        config.attributes["connection"] = connection
        command.downgrade(config, previous)
    assert current_revision(db) == previous
    db.dispose()
    db = open_database(tmp_path)
    assert current_revision(db) == head_revision()
    with db.read() as session:
        assert session.execute(text("SELECT count(*) FROM alembic_version")).scalar_one() == 1
    db.dispose()
