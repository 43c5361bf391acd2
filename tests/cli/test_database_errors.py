"""Every command that opens a database tells a locked, unreachable or foreign database in one
sentence on stderr and exits 2 (the contract's usage code) — never a traceback, never a change to
a file that is not an EventDesk database."""

from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from eventdesk import storage
from eventdesk.cli import main

SIZE = ["--exhibitors", "5", "--people", "40"]
CSV = "姓名,单位,手机,类别\n张伟,光合,13812345678,展商\n"
UNREACHABLE = "postgresql+psycopg://desk:secret@127.0.0.1:1/eventdesk"


@pytest.fixture(scope="module")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    assert main(["demo", "--db", str(path), *SIZE]) == 0
    conn = sqlite3.connect(path)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # all in the one file that is copied
    finally:
        conn.close()
    return path


@pytest.fixture
def demo(demo_template: Path, tmp_path: Path,
         capsys: pytest.CaptureFixture[str]) -> tuple[Path, str]:
    """A copy of the demo event and the QR payload of one of its (not cancelled) people."""
    path = tmp_path / "event.sqlite3"
    shutil.copyfile(demo_template, path)
    assert main(["people", "--db", str(path), "--json", "--limit", "200"]) == 0
    people = json.loads(capsys.readouterr().out)
    payload = next(p["qr_payload"] for p in people if p["status"] != "cancelled")
    return path, payload


# Each command of the contract that opens a database: argv for a database `db`, files in `tmp`.
Command = Callable[[str, Path, str], list[str]]


def _import(db: str, tmp: Path, _payload: str) -> list[str]:
    f = tmp / "people.csv"
    f.write_text(CSV, encoding="utf-8")
    return ["import", str(f), "--db", db, "--kind", "people"]


COMMANDS: dict[str, Command] = {
    "people": lambda db, _t, _p: ["people", "--db", db, "--json"],
    "checkin": lambda db, _t, p: ["checkin", "--db", db, "--desk", "3", "--json", p or "ED1.X"],
    "badges": lambda db, t, _p: ["badges", "--db", db, "--out", str(t / "b.pdf"),
                                 "--category", "visitor", "--mark-printed"],
    "import": _import,
    "export": lambda db, t, _p: ["export", "--db", db, "--kind", "people",
                                 "--out", str(t / "people.csv")],
    "schedule conflicts": lambda db, _t, _p: ["schedule", "conflicts", "--db", db, "--json"],
    "schedule export": lambda db, t, _p: ["schedule", "export", "--db", db,
                                          "--out", str(t / "programme.ics")],
    "demo": lambda db, _t, _p: ["demo", "--db", db, *SIZE, "--replace"],
    "screenshot": lambda db, t, _p: ["--db", db, "--screenshot", str(t / "shot.png"),
                                     "--view", "people"],
}
# The commands that write: a write lock held elsewhere stops them; readers go on (WAL). A
# personal-data export writes its audit entry, and without it leaves no file (README "Privacy
# rules").
WRITERS = {"checkin", "badges", "import", "demo", "export"}


def one_sentence(err: str) -> str:
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1, err
    assert "Traceback" not in err and "sqlalche.me" not in err and "Background on" not in err
    assert "sqlite3." not in err and "psycopg" not in err.replace("postgresql+psycopg", "")
    return lines[0]


@pytest.fixture
def short_busy_timeout(monkeypatch: pytest.MonkeyPatch) -> None:
    """Wait 0.2 s for a lock instead of 15 s: the test is about what happens after the wait."""
    monkeypatch.setattr(storage, "BUSY_TIMEOUT_MS", 200)


@pytest.fixture
def write_lock(demo: tuple[Path, str]) -> Iterator[sqlite3.Connection]:
    """Another program holds BEGIN EXCLUSIVE on the event's file."""
    holder = sqlite3.connect(demo[0], isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    holder.execute("CREATE TABLE other_program (x)")
    yield holder
    holder.execute("ROLLBACK")
    holder.close()


@pytest.mark.usefixtures("short_busy_timeout")
@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_write_locked_database(name: str, demo: tuple[Path, str], write_lock: sqlite3.Connection,
                               tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path, payload = demo
    capsys.readouterr()
    code = main(["--lang", "en", *COMMANDS[name](str(path), tmp_path, payload)])
    err = capsys.readouterr().err
    if name in WRITERS:
        assert code == 2
        assert one_sentence(err) == (f"eventdesk: The database {path} is locked by another "
                                     "program; try again in a moment.")
        if name == "export":
            assert not (tmp_path / "people.csv").exists()
    else:
        assert code == 0, err  # readers are not blocked by a writer in WAL mode
        assert "Traceback" not in err


@pytest.mark.usefixtures("short_busy_timeout")
@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_exclusively_locked_database(name: str, demo: tuple[Path, str], tmp_path: Path,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    """Another program took the file for itself (locking_mode=EXCLUSIVE): even reads wait."""
    path, payload = demo
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("PRAGMA locking_mode=EXCLUSIVE")
    holder.execute("BEGIN EXCLUSIVE")
    holder.execute("CREATE TABLE other_program (x)")
    capsys.readouterr()
    try:
        code = main(["--lang", "zh", *COMMANDS[name](str(path), tmp_path, payload)])
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert code == 2
    assert one_sentence(capsys.readouterr().err) == (
        f"eventdesk: 数据库 {path} 正被其他程序占用（已锁定），请稍后再试。")


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_unreachable_server(name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["--lang", "en", *COMMANDS[name](UNREACHABLE, tmp_path, "")])
    line = one_sentence(capsys.readouterr().err)
    assert code == 2
    assert line.startswith("eventdesk: Cannot reach the database server "
                           "postgresql+psycopg://desk:***@127.0.0.1:1/eventdesk;")
    assert "secret" not in line


def _text(path: Path) -> None:
    path.write_text("姓名,单位\n张伟,光合\n", encoding="utf-8")


def _png(path: Path) -> None:
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)


def _empty(path: Path) -> None:
    path.write_bytes(b"")


def _foreign_sqlite(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
    conn.execute("INSERT INTO notes (body) VALUES ('another program')")
    conn.commit()
    conn.close()


FOREIGN = {"text": _text, "png": _png, "empty": _empty, "sqlite": _foreign_sqlite}


@pytest.mark.parametrize("kind", sorted(FOREIGN))
@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_not_a_database(name: str, kind: str, tmp_path: Path,
                        capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "data" / f"file.{kind}"
    path.parent.mkdir()
    FOREIGN[kind](path)
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    siblings = sorted(p.name for p in path.parent.iterdir())
    code = main(["--lang", "en", *COMMANDS[name](str(path), tmp_path, "")])
    assert code == 2
    assert one_sentence(capsys.readouterr().err) == (
        f"eventdesk: {path} is not an EventDesk database; it was left unchanged.")
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before
    assert sorted(p.name for p in path.parent.iterdir()) == siblings  # no -wal, no -shm


@pytest.mark.parametrize("driver_text", ["attempt to write a readonly database",
                                         "database or disk is full"])
def test_a_database_that_cannot_be_written_is_said_so(driver_text: str) -> None:
    from sqlalchemy.exc import OperationalError

    from eventdesk import messages
    from eventdesk.storage import DatabaseReadOnly, database_error

    error = database_error(OperationalError("INSERT …", {}, sqlite3.OperationalError(driver_text)),
                           url="sqlite:////srv/desk/event.sqlite3")
    assert isinstance(error, DatabaseReadOnly)
    messages.set_language("en")
    try:
        said = messages.describe(error)
    finally:
        messages.set_language("zh")
    assert said == ("The database /srv/desk/event.sqlite3 cannot be written (read-only or disk "
                    "full); nothing was done.")


def _alembic_of_another_program(path: Path) -> None:
    """Another program that also keeps its schema with Alembic: the same migration table."""
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) PRIMARY KEY)")
    conn.execute("INSERT INTO alembic_version VALUES ('4f2e1a9c0b7d')")
    conn.execute("CREATE TABLE invoice (id INTEGER PRIMARY KEY, customer TEXT)")
    conn.execute("INSERT INTO invoice (customer) VALUES ('another program')")
    conn.commit()
    conn.close()


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_another_programs_alembic_database_is_left_alone(name: str, tmp_path: Path,
                                                         capsys: pytest.CaptureFixture[str]
                                                         ) -> None:
    path = tmp_path / "data" / "app.db"
    path.parent.mkdir()
    _alembic_of_another_program(path)
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    code = main(["--lang", "en", *COMMANDS[name](str(path), tmp_path, "")])
    assert code == 2
    assert one_sentence(capsys.readouterr().err) == (
        f"eventdesk: {path} is not an EventDesk database; it was left unchanged.")
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before
    assert sorted(p.name for p in path.parent.iterdir()) == ["app.db"]


def test_a_database_of_a_newer_eventdesk_is_left_alone(demo: tuple[Path, str], tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str]
                                                       ) -> None:
    path, payload = demo
    conn = sqlite3.connect(path)
    conn.execute("UPDATE alembic_version SET version_num = '0099_from_the_future'")
    conn.commit()
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    for name in sorted(COMMANDS):
        code = main(["--lang", "en", *COMMANDS[name](str(path), tmp_path, payload)])
        assert code == 2, name
        assert one_sentence(capsys.readouterr().err) == (
            f"eventdesk: The database {path} was made by a newer EventDesk; it was left "
            "unchanged. Update EventDesk to open it."), name
        assert hashlib.sha256(path.read_bytes()).hexdigest() == before, name


def test_a_database_without_an_event_gets_no_person(template_db: Path, tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    """An EventDesk database whose event was never made: an import is refused with one sentence
    and writes nothing (it used to add people who belong to no event); no other command changes
    the file either."""
    path = tmp_path / "no-event.sqlite3"
    shutil.copyfile(template_db, path)
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    code = main(["--lang", "en", *COMMANDS["import"](str(path), tmp_path, "")])
    assert code == 2
    assert one_sentence(capsys.readouterr().err) == (
        "eventdesk: This database holds no event yet (run eventdesk demo or create an event)")
    for name in sorted(set(COMMANDS) - {"demo", "import"}):
        main(["--lang", "en", *COMMANDS[name](str(path), tmp_path, "ED1.X")])
        assert "Traceback" not in capsys.readouterr().err, name
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("SELECT count(*) FROM person").fetchone() == (0,)
    finally:
        conn.close()


def _pg_database(*statements: str) -> Iterator[str]:
    """A database of its own on the test server, holding what `statements` make; dropped after."""
    import os
    import uuid

    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    from tests.conftest import _pg_server_url

    server = make_url(_pg_server_url())
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    name = f"eventdesk_foreign_{uuid.uuid4().hex[:10]}"
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
    except Exception as exc:  # noqa: BLE001 - no server: skip, unless CI requires one
        admin.dispose()
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI=true requires PostgreSQL: {exc}", pytrace=False)
        pytest.skip(f"no PostgreSQL server: {exc}")
    url = server.set(database=name).render_as_string(hide_password=False)
    other = create_engine(url)
    with other.begin() as conn:
        for statement in statements:
            conn.execute(text(statement))
    other.dispose()
    try:
        yield url
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture
def foreign_pg() -> Iterator[str]:
    """A PostgreSQL database of another program (its own table, no EventDesk schema)."""
    yield from _pg_database("CREATE TABLE invoice (id serial PRIMARY KEY, customer text)",
                            "INSERT INTO invoice (customer) VALUES ('another program')")


@pytest.fixture
def empty_pg() -> Iterator[str]:
    """An empty PostgreSQL database (a DBA's, made for some purpose, or a misspelt name)."""
    yield from _pg_database()


@pytest.mark.parametrize("name", sorted(set(COMMANDS) - {"demo"}))  # demo is the explicit create
def test_an_empty_postgresql_database_is_left_alone(
        name: str, empty_pg: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Like an empty SQLite file: only demo and the GUI's new event build in it."""
    from sqlalchemy import create_engine, inspect

    code = main(["--lang", "en", *COMMANDS[name](empty_pg, tmp_path, "")])
    assert code == 2
    line = one_sentence(capsys.readouterr().err)
    assert line.endswith(" is not an EventDesk database; it was left unchanged.")
    engine = create_engine(empty_pg)
    try:
        assert inspect(engine).get_table_names() == []
    finally:
        engine.dispose()
    assert main(["demo", "--db", empty_pg, *SIZE]) == 0  # the explicit create does
    engine = create_engine(empty_pg)
    try:
        assert "person" in inspect(engine).get_table_names()
    finally:
        engine.dispose()


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_another_programs_postgresql_database_is_left_alone(
        name: str, foreign_pg: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from sqlalchemy import create_engine, inspect

    code = main(["--lang", "en", *COMMANDS[name](foreign_pg, tmp_path, "")])
    assert code == 2
    line = one_sentence(capsys.readouterr().err)
    assert line.endswith(" is not an EventDesk database; it was left unchanged.")
    engine = create_engine(foreign_pg)
    try:
        assert inspect(engine).get_table_names() == ["invoice"]  # no 17 tables of ours
    finally:
        engine.dispose()


PEOPLE_CSV = "姓名,单位,手机,邮箱\n蒋文博,苏州样例科技有限公司,13912340011,jwb@example.cn\n"


def test_a_refused_write_is_one_sentence_without_personal_data(
        demo: tuple[Path, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The database refuses the import's INSERT (here a trigger of the site's DBA; a check or a
    unique constraint does the same): one sentence naming the database, exit 2 — never the
    statement, never its parameters (names, phones, e-mails)."""
    path, _payload = demo
    conn = sqlite3.connect(path)
    conn.execute("CREATE TRIGGER no_more BEFORE INSERT ON person "
                 "BEGIN SELECT RAISE(ABORT, 'registration closed'); END")
    conn.commit()
    conn.close()
    csv_file = tmp_path / "late.csv"
    csv_file.write_text(PEOPLE_CSV, encoding="utf-8")
    code = main(["--lang", "en", "import", str(csv_file), "--db", str(path), "--kind", "people"])
    err = capsys.readouterr().err
    assert code == 2
    assert one_sentence(err) == (f"eventdesk: The database {path} could not carry out the "
                                 "operation (IntegrityError); nothing was saved.")
    for personal in ("蒋文博", "13912340011", "jwb@example.cn", "INSERT", "parameters"):
        assert personal not in err


def test_a_full_disk_during_a_database_write_is_one_sentence(demo: tuple[Path, str],
                                                             tmp_path: Path) -> None:
    """The disk fills while an import writes (RLIMIT_FSIZE: writes past the limit fail, as on a
    full disk), through the real entry point: the sentence says the database cannot be written;
    no statement, no names or phones; only whole write steps of the import are in the database
    (running it again completes it)."""
    import os
    import resource
    import signal

    from tests.cli.real_entry import run

    path, _payload = demo
    rows = "".join(f"测试{i},苏州样例{i}科技有限公司,139{i:08d},t{i}@example.cn\n"
                   for i in range(3000))
    csv_file = tmp_path / "big.csv"
    csv_file.write_text("姓名,单位,手机,邮箱\n" + rows, encoding="utf-8")
    limit = os.path.getsize(path) + 40_000

    def small_disk() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    done = run(["import", str(csv_file), "--db", str(path), "--kind", "people"],
               preexec=small_disk)
    err = done.stderr.decode()
    assert done.returncode == 2, err
    assert err.splitlines() == [f"eventdesk: The database {path} cannot be written (read-only "
                                "or disk full); nothing was done."]
    from eventdesk.actions.imports import WRITE_STEP

    conn = sqlite3.connect(path)
    try:
        (written,) = conn.execute("SELECT count(*) FROM person WHERE name LIKE '测试%'").fetchone()
    finally:
        conn.close()
    assert written % WRITE_STEP == 0 and written < 3000
