"""Accounts on the command line (issue 12): signing in, exit 5 with one sentence naming the role
needed, the first admin, `eventdesk user …`, and the demo's accounts."""

from __future__ import annotations

import io
import json
import sqlite3
from pathlib import Path

import pytest

from eventdesk.cli import main
from eventdesk.storage import open_database, to_url
from tests.accounts import CLI_PASSWORD, CLI_USER

SIZE = ["--exhibitors", "5", "--people", "40"]
NEW = "desk-password-1"


def _err(capsys: pytest.CaptureFixture[str]) -> str:
    lines = [line for line in capsys.readouterr().err.splitlines() if line.strip()]
    assert len(lines) == 1, lines
    assert "Traceback" not in lines[0]
    return lines[0]


def _audit(path: Path, action: str) -> list[tuple[str, str]]:
    conn = sqlite3.connect(path)
    try:
        return list(conn.execute("SELECT actor, detail FROM audit_entry WHERE action = ? "
                                 "ORDER BY id", (action,)))
    finally:
        conn.close()


@pytest.fixture
def event(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> dict[str, str]:
    """A demo event; returns {username: password} of its accounts (from `demo --json`)."""
    path = tmp_path / "ev.sqlite3"
    assert main(["demo", "--db", str(path), *SIZE, "--json"]) == 0
    built = json.loads(capsys.readouterr().out)
    return {u["username"]: u["password"] for u in built["users"]} | {"_db": str(path)}


def _as(monkeypatch: pytest.MonkeyPatch, user: str, password: str) -> None:
    monkeypatch.setenv("EVENTDESK_USER", user)
    monkeypatch.setenv("EVENTDESK_PASSWORD", password)


def test_demo_json_has_one_account_per_role_that_signs_in(
        event: dict[str, str], monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    db = event["_db"]
    assert set(event) - {"_db"} == {"admin", "organiser", "desk1", "print1"}
    assert len(set(event.values())) == 5  # every password its own (and random)
    for user in ("admin", "organiser", "desk1", "print1"):
        _as(monkeypatch, user, event[user])
        assert main(["people", "--db", db, "--json", "--limit", "1"]) == 0, user
        assert len(json.loads(capsys.readouterr().out)) == 1
    # the passwords are not stored: only argon2 hashes
    conn = sqlite3.connect(db)
    try:
        hashes = [h for (h,) in conn.execute("SELECT password_hash FROM app_user")]
    finally:
        conn.close()
    assert len(hashes) == 4 and all(h.startswith("$argon2id$") for h in hashes)
    assert not set(hashes) & set(event.values())


def test_wrong_role_is_exit_5_naming_the_role(event: dict[str, str],
                                              monkeypatch: pytest.MonkeyPatch,
                                              tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    db = event["_db"]
    _as(monkeypatch, "desk1", event["desk1"])
    assert main(["--lang", "en", "export", "--db", db, "--kind", "people",
                 "--out", str(tmp_path / "p.csv")]) == 5
    assert _err(capsys) == ("eventdesk: This needs the organiser role (user desk1 has the desk "
                            "role)")
    assert not (tmp_path / "p.csv").exists()
    _as(monkeypatch, "print1", event["print1"])
    assert main(["--lang", "en", "checkin", "--db", db, "--desk", "3", "ED1.GH25.X.Y"]) == 5
    assert "needs the desk role" in _err(capsys)
    assert main(["--lang", "en", "user", "list", "--db", db]) == 5
    assert "needs the admin role" in _err(capsys)
    _as(monkeypatch, "organiser", event["organiser"])
    assert main(["--lang", "en", "demo", "--db", db, *SIZE, "--replace"]) == 5
    assert "needs the admin role" in _err(capsys)
    # the desk account may do what a desk does
    _as(monkeypatch, "admin", event["admin"])  # desk staff get no payloads in lists (privacy)
    assert main(["people", "--db", db, "--json", "--limit", "1"]) == 0
    payload = json.loads(capsys.readouterr().out)[0]["qr_payload"]
    _as(monkeypatch, "desk1", event["desk1"])
    assert main(["checkin", "--db", db, "--desk", "3", "--json", payload]) == 0
    checked = json.loads(capsys.readouterr().out)
    assert checked["result"] == "checked_in" and checked["operator"] == "desk1"


def test_no_user_and_bad_password_are_exit_5(event: dict[str, str],
                                             monkeypatch: pytest.MonkeyPatch,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    db = event["_db"]
    monkeypatch.delenv("EVENTDESK_USER")
    assert main(["--lang", "en", "people", "--db", db]) == 5
    assert "--user" in _err(capsys)
    _as(monkeypatch, "admin", "not the password")
    assert main(["--lang", "en", "people", "--db", db]) == 5
    wrong = _err(capsys)
    assert wrong == "eventdesk: Wrong username or password"
    _as(monkeypatch, "nobody", event["admin"])
    assert main(["--lang", "en", "people", "--db", db]) == 5
    assert _err(capsys) == wrong  # an unknown account reads the same
    failed = _audit(Path(db), "user.login_failed")
    assert [actor for actor, _ in failed] == ["admin", "nobody"]
    assert all(json.loads(d)["reason"] == "auth.bad_credentials" for _, d in failed)
    monkeypatch.delenv("EVENTDESK_PASSWORD")
    monkeypatch.setenv("EVENTDESK_USER", "admin")
    assert main(["--lang", "en", "people", "--db", db]) == 5
    assert "EVENTDESK_PASSWORD" in _err(capsys)
    # the global --user wins over EVENTDESK_USER, before or after the command
    _as(monkeypatch, "nobody", event["desk1"])
    assert main(["--user", "desk1", "people", "--db", db, "--limit", "1"]) == 0
    assert main(["people", "--db", db, "--limit", "1", "--user=desk1"]) == 0


def test_a_database_without_accounts_asks_for_the_first_admin(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "new.sqlite3"
    open_database(to_url(path), create=True).dispose()
    commands = [["people"], ["export", "--kind", "people", "--out", str(tmp_path / "p.csv")],
                ["checkin", "--desk", "1", "ED1.X.Y.Z"], ["schedule", "conflicts"],
                ["badges", "--out", str(tmp_path / "b.pdf")], ["user", "list"],
                ["user", "disable", "x"], ["layout", "list", "--json"]]
    for command in commands:
        assert main(["--lang", "en", *command, "--db", str(path)]) == 5, command
        assert _err(capsys).endswith(
            "create the first admin with: eventdesk user add NAME --role admin"), command
    # the first account must be an admin; it needs nobody signed in
    monkeypatch.setattr("sys.stdin", io.StringIO("short\n"))
    assert main(["--lang", "en", "user", "add", "boss", "--role", "admin", "--password-stdin",
                 "--db", str(path)]) == 4
    assert "at least 8 characters" in _err(capsys)
    monkeypatch.setattr("sys.stdin", io.StringIO(NEW + "\n"))
    assert main(["--lang", "en", "user", "add", "desk9", "--role", "desk", "--password-stdin",
                 "--db", str(path)]) == 5
    assert "must be an admin" in _err(capsys)
    monkeypatch.setattr("sys.stdin", io.StringIO(NEW + "\n"))
    assert main(["user", "add", "boss", "--role", "admin", "--password-stdin",
                 "--db", str(path)]) == 0
    assert [actor for actor, _ in _audit(path, "user.add")] == ["boss"]
    _as(monkeypatch, "boss", NEW)
    capsys.readouterr()
    assert main(["user", "list", "--json", "--db", str(path)]) == 0
    assert [(u["username"], u["role"]) for u in json.loads(capsys.readouterr().out)] == [
        ("boss", "admin")]


def test_user_commands(db_path: Path, monkeypatch: pytest.MonkeyPatch,
                       capsys: pytest.CaptureFixture[str]) -> None:
    db = str(db_path)  # holds the tests' admin account, whom EVENTDESK_USER names

    def with_stdin(*args: str, text: str = NEW) -> int:
        monkeypatch.setattr("sys.stdin", io.StringIO(text + "\n"))
        return main(["--lang", "en", *args, "--db", db])

    assert with_stdin("user", "add", "desk1", "--role", "desk", "--password-stdin") == 0
    assert "Added the account desk1" in capsys.readouterr().out
    assert with_stdin("user", "add", "desk1", "--role", "print", "--password-stdin") == 4
    assert "is taken" in _err(capsys)
    assert with_stdin("user", "add", "two words", "--role", "desk", "--password-stdin") == 4
    assert "spaces" in _err(capsys)
    assert main(["user", "list", "--json", "--db", db]) == 0
    listed = {u["username"]: u for u in json.loads(capsys.readouterr().out)}
    assert listed["desk1"]["role"] == "desk" and listed["desk1"]["active"] is True
    assert listed[CLI_USER]["role"] == "admin"
    # the last active admin stays
    assert main(["--lang", "en", "user", "disable", CLI_USER, "--db", db]) == 4
    assert "last active admin" in _err(capsys)
    assert main(["--lang", "en", "user", "role", CLI_USER, "desk", "--db", db]) == 4
    assert "last active admin" in _err(capsys)
    # a desk account changes its own password, not another's
    _as(monkeypatch, "desk1", NEW)
    assert with_stdin("user", "passwd", CLI_USER, "--password-stdin", text="hijack-it") == 5
    assert "needs the admin role" in _err(capsys)
    assert with_stdin("user", "passwd", "desk1", "--password-stdin", text="desk-two-2") == 0
    capsys.readouterr()
    _as(monkeypatch, "desk1", "desk-two-2")
    assert main(["--lang", "en", "people", "--db", db]) == 2  # signed in; no event here
    assert "no event" in _err(capsys)
    # disabled: refused at sign-in
    _as(monkeypatch, CLI_USER, CLI_PASSWORD)
    assert main(["user", "disable", "desk1", "--db", db]) == 0
    capsys.readouterr()
    _as(monkeypatch, "desk1", "desk-two-2")
    assert main(["--lang", "en", "people", "--db", db]) == 5
    assert "disabled" in _err(capsys)
    verbs = {action for action in ("user.add", "user.passwd", "user.disable")
             if _audit(db_path, action)}
    assert verbs == {"user.add", "user.passwd", "user.disable"}


def test_a_reading_command_writes_nothing_when_signed_in(
        db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A command is not a session: a successful sign-in leaves no entry, so a reader stays a
    reader (the locked-database and read-only cases of test_database_errors rely on it)."""
    before = db_path.read_bytes()
    main(["schedule", "conflicts", "--db", str(db_path)])
    capsys.readouterr()
    assert _audit(db_path, "user.login") == []
    assert db_path.read_bytes() == before
