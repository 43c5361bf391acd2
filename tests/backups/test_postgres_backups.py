"""PostgreSQL backups through pg_dump / pg_restore: round trip row for row, a non-empty target,
and the password (user part or ?password=) never printed nor written (issue 12)."""

from __future__ import annotations

import json
import os
import shutil
import tarfile
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from eventdesk.cli import main
from tests.accounts import add_cli_admin, take_over_demo_admin
from tests.backups.helpers import SIZE, assert_restored, build_event, rows_of

SECRET = "Sekr3t-Pw-41"
SERVER = os.environ.get("EVENTDESK_TEST_PG_URL",
                        "postgresql+psycopg://postgres@127.0.0.1:5432/postgres")
pytestmark = pytest.mark.pg


@pytest.fixture
def databases(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[str, str]]:
    """Two new databases on the test server: (source URL, target URL), both with SECRET as the
    password in one of its two forms (the local server trusts, so any password works). The
    per-user data folder (restore points of server databases) is the test's own."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.delenv("EVENTDESK_BACKUP_DIR", raising=False)
    if shutil.which("pg_dump") is None or shutil.which("pg_restore") is None:
        pytest.skip("pg_dump / pg_restore are not installed")
    admin = create_engine(SERVER, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text("SELECT 1"))
    except Exception as exc:  # noqa: BLE001
        admin.dispose()
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI=true requires PostgreSQL: {exc}")
        pytest.skip(f"no PostgreSQL server at {SERVER}")
    names = [f"eventdesk_backup_{uuid.uuid4().hex[:10]}" for _ in range(2)]
    with admin.connect() as conn:
        for name in names:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
    server = make_url(SERVER)
    source = server.set(database=names[0], password=SECRET).render_as_string(
        hide_password=False)
    target = server.set(database=names[1]).render_as_string(hide_password=False) \
        + f"?password={SECRET}"
    try:
        yield source, target
    finally:
        with admin.connect() as conn:
            for name in names:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def test_pg_dump_round_trip_row_for_row_and_no_password_anywhere(
        databases: tuple[str, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source, target = databases
    printed: list[str] = []

    def run(*args: str) -> int:
        code = main(["--lang", "en", *args])
        out = capsys.readouterr()
        printed.extend([out.out, out.err])
        return code

    assert run("demo", "--db", source, *SIZE) == 0
    take_over_demo_admin(source)  # later commands sign in with the tests' password
    people = json.loads(_people(source, capsys))
    payloads = [p["qr_payload"] for p in people if p["status"] == "registered"][:4]
    assert run("checkin", "--db", source, "--desk", "desk-2", *payloads) == 0
    before = rows_of(source)
    out = tmp_path / "pg.edbackup"
    assert run("backup", "--db", source, "--out", str(out), "--json") == 0
    made = json.loads(printed[-2])
    assert made["kind"] == "pg_dump" and made["tables"]["check_in"] == 4
    assert made["tables"] == {t: len(r) for t, r in before.items()}
    assert run("backup", "verify", str(out)) == 0

    assert run("restore", str(out), "--db", target, "--json") == 0
    after = rows_of(target)
    assert_restored(before, after)

    # A target holding data is refused without --replace; with it, a restore point first.
    assert run("restore", str(out), "--db", target) == 2
    assert "--replace" in printed[-1]
    assert run("restore", str(out), "--db", target, "--replace", "--json") == 0
    kept = Path(json.loads(printed[-2])["restore_point"])
    assert kept.exists() and "before-restore" in kept.name
    assert kept.parent == tmp_path / "data" / "eventdesk" / "backups"
    # An unreachable database: the error names it, with the password masked.
    missing = source.replace(make_url(source).database or "", "no_such_database_here")
    assert run("backup", "--db", missing, "--out", str(tmp_path / "x.edbackup")) == 2
    assert "no_such_database_here" in printed[-1]

    everything = "\n".join(printed)
    assert SECRET not in everything and "***" in everything
    for file in (out, kept):
        with tarfile.open(file) as tar:
            manifest = tar.extractfile("manifest.json").read().decode()  # type: ignore[union-attr]
        assert SECRET not in manifest


def _people(url: str, capsys: pytest.CaptureFixture[str]) -> str:
    assert main(["people", "--db", url, "--json", "--limit", "20"]) == 0
    return capsys.readouterr().out


def test_without_pg_dump_the_command_says_so_plainly(
        pg_run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # no pg_dump on this PATH
    url = make_url(pg_run.url).set(password=SECRET).render_as_string(hide_password=False)
    add_cli_admin(pg_run.url)  # the command signs in before it looks for pg_dump
    out = tmp_path / "pg.edbackup"
    assert main(["--lang", "en", "backup", "--db", url, "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert "pg_dump" in err and "not installed" in err and SECRET not in err
    assert not out.exists()


def test_a_sqlite_backup_restores_into_postgresql_row_for_row_and_not_the_reverse(
        databases: tuple[str, str], tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    source, target = databases
    sqlite_file = tmp_path / "event.sqlite3"
    build_event(sqlite_file, capsys, checkins=3)
    before = rows_of(sqlite_file)
    out = tmp_path / "sqlite.edbackup"
    assert main(["backup", "--db", str(sqlite_file), "--out", str(out)]) == 0
    # Into an empty server database, and again over one that holds another event.
    assert main(["demo", "--db", source, "--exhibitors", "3", "--people", "10"]) == 0
    take_over_demo_admin(source)
    capsys.readouterr()
    for url, replace in ((target, []), (source, ["--replace"])):
        assert main(["restore", str(out), "--db", url, "--json", *replace]) == 0
        capsys.readouterr()
        after = rows_of(url)
        assert_restored(before, after)
    # The id sequences follow the copied rows: the desks' next check-in gets a new id.
    people = json.loads(_people(target, capsys))
    waiting = [p["qr_payload"] for p in people if p["status"] == "registered"][5:6]
    assert main(["checkin", "--db", target, "--desk", "desk-9", *waiting]) == 0
    assert len(rows_of(target)["check_in"]) == 4
    # A pg_dump does not go into a SQLite file: refused before anything is touched.
    dump = tmp_path / "pg.edbackup"
    assert main(["backup", "--db", target, "--out", str(dump)]) == 0
    capsys.readouterr()
    assert main(["--lang", "en", "restore", str(dump), "--db", str(sqlite_file),
                 "--replace"]) == 2
    assert "PostgreSQL database" in capsys.readouterr().err
    assert not (sqlite_file.parent / "backups").exists()  # no restore point was made
