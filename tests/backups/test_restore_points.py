"""Restore points before a migration, an import and `demo --replace`; keeping 24; a backup
killed with SIGKILL leaves earlier backups intact (issue 12)."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from alembic import command

from eventdesk import storage
from eventdesk.backups import archive, points
from eventdesk.backups.manifest import AUTO, BEFORE_IMPORT, BEFORE_MIGRATION
from eventdesk.cli import main
from eventdesk.storage import open_database, to_url
from tests.backups.helpers import build_event, sqlite_count
from tests.cli.real_entry import env


@pytest.fixture
def event_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    path = tmp_path / "event.sqlite3"
    build_event(path, capsys)
    return path


def _kept(folder: Path, reason: str) -> list[Path]:
    return sorted(folder.glob(f"*-{reason}.edbackup"))


def test_opening_an_older_schema_keeps_a_restore_point_first(event_file: Path) -> None:
    older = open_database(to_url(event_file))
    with older.engine.begin() as conn:  # as an EventDesk of an earlier migration left it
        command.downgrade(storage._alembic_config(conn), "0004_badge_layouts")
    older.dispose()
    db = open_database(to_url(event_file))
    db.dispose()
    kept = _kept(event_file.parent / "backups", BEFORE_MIGRATION)
    assert len(kept) == 1
    manifest = archive.verify(kept[0]).manifest
    assert manifest.schema_revision == "0004_badge_layouts"  # the database before it migrated
    assert manifest.tables["person"] == 300
    # Opening the now current database again migrates nothing and keeps nothing more.
    open_database(to_url(event_file)).dispose()
    assert len(_kept(event_file.parent / "backups", BEFORE_MIGRATION)) == 1


def test_an_import_that_writes_keeps_a_restore_point_and_one_that_does_not_keeps_none(
        event_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    csv = tmp_path / "walkins.csv"
    csv.write_text("姓名,单位,手机\n王小明,昆山测试有限公司,13800001111\n", encoding="utf-8")
    assert main(["import", str(csv), "--db", str(event_file), "--kind", "people",
                 "--dry-run"]) == 0
    assert not (event_file.parent / "backups").exists()  # a dry run writes nothing
    assert main(["import", str(csv), "--db", str(event_file), "--kind", "people"]) == 0
    kept = _kept(event_file.parent / "backups", BEFORE_IMPORT)
    assert len(kept) == 1
    assert archive.verify(kept[0]).manifest.tables["person"] == 300  # before the import
    assert sqlite_count(event_file, "person") == 301
    assert main(["import", str(csv), "--db", str(event_file), "--kind", "people"]) == 0
    capsys.readouterr()
    # The same file again changes nothing, so it needs no restore point.
    assert len(_kept(event_file.parent / "backups", BEFORE_IMPORT)) == 1


def test_the_rotating_backup_keeps_the_newest_24_and_leaves_others_alone(
        event_file: Path) -> None:
    url = to_url(event_file)
    folder = event_file.parent / "backups"
    folder.mkdir()
    manual = folder / "event-20200101-000000-manual.edbackup"
    manual.write_bytes(b"a person's backup: never removed by the program")
    made = [found[0] for found in (points.make_point(url, AUTO) for _ in range(26)) if found]
    assert len(made) == 26
    assert set(_kept(folder, AUTO)) == set(made[2:])  # the two oldest went
    assert manual.exists()
    # A restore point is kept apart: 24 automatic backups do not push it out.
    points.make_point(url, BEFORE_IMPORT, keep=24)
    points.make_point(url, AUTO)
    assert len(_kept(folder, BEFORE_IMPORT)) == 1 and len(_kept(folder, AUTO)) == 24


def test_sigkill_during_a_backup_leaves_the_earlier_backup_intact(tmp_path: Path,
                                                                   event_file: Path) -> None:
    # Make the database big and incompressible, so a backup takes long enough to be killed
    # in the middle (copy, check, compress).
    conn = sqlite3.connect(event_file)
    with conn:
        conn.execute("CREATE TABLE ballast (b BLOB)")
        conn.executemany("INSERT INTO ballast VALUES (randomblob(1000000))",
                         [()] * 40)
    conn.close()
    out = tmp_path / "kept" / "nightly.edbackup"
    assert main(["backup", "--db", str(event_file), "--out", str(out)]) == 0
    good = out.read_bytes()
    killed = 0
    for delay in (0.0, 0.15, 0.4):
        child = subprocess.Popen([sys.executable, "-m", "eventdesk", "backup", "--db",
                                  str(event_file), "--out", str(out)], env=env(),
                                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 60
        while not list(out.parent.glob(".*.part")) and time.monotonic() < deadline:
            if child.poll() is not None:
                break
            time.sleep(0.002)
        time.sleep(delay)
        os.kill(child.pid, signal.SIGKILL)
        if child.wait(timeout=30) == -signal.SIGKILL:
            killed += 1
        assert out.read_bytes() == good  # the earlier backup, byte for byte
        assert archive.verify(out).manifest.tables["ballast"] == 40
        # Nothing a person would mistake for a backup: only hidden temporary files.
        assert sorted(p.name for p in out.parent.iterdir() if not p.name.startswith(".")) \
            == [out.name]
    assert killed >= 2  # the kills landed while the backups were being made
    # The leftovers of killed runs are swept once they are old.
    for leftover in out.parent.glob(".*.part"):
        os.utime(leftover, (0, 0))
    points.sweep(out.parent)
    assert not list(out.parent.glob(".*.part"))
