"""`eventdesk signing …`, the demo's passphrase, and the commands that sign payloads when the
key is (not) unlocked: each command line process starts locked, as a new process does."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from eventdesk.cli import main
from eventdesk.services import signing
from tests.accounts import take_over_demo_admin

SIZE = ["--exhibitors", "5", "--people", "40"]
VAR = "EVENTDESK_SIGNING_PASSPHRASE"


@pytest.fixture
def demo(tmp_path: Path, capsys: pytest.CaptureFixture[str],
         monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[str, str]]:
    monkeypatch.delenv(VAR, raising=False)
    path = str(tmp_path / "demo.sqlite3")
    assert main(["demo", "--db", path, *SIZE, "--json"]) == 0
    passphrase = json.loads(capsys.readouterr().out)["signing_passphrase"]
    take_over_demo_admin(f"sqlite:///{path}")  # later commands sign in as its admin
    assert len(passphrase) >= signing.MIN_PASSPHRASE_LENGTH
    signing.KEYRING.forget()  # what the next process starts with
    yield path, passphrase
    signing.KEYRING.forget()


def test_demo_prints_its_passphrase_once_in_text_too(tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--lang", "en", "demo", "--db", str(tmp_path / "d.sqlite3"), *SIZE]) == 0
    out = capsys.readouterr().out
    assert "badge signing passphrase: " in out
    signing.KEYRING.forget()


def test_status_unlock_and_wrong_passphrase(demo: tuple[str, str],
                                            capsys: pytest.CaptureFixture[str],
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    path, passphrase = demo
    assert main(["signing", "status", "--db", path, "--json"]) == 0
    status = json.loads(capsys.readouterr().out)
    assert status["has_key"] and not status["unlocked"] and status["created_by"] == "demo"
    monkeypatch.setenv(VAR, passphrase + "x")
    assert main(["--lang", "en", "signing", "unlock", "--db", path]) == 4
    assert "passphrase is not correct" in capsys.readouterr().err
    monkeypatch.setenv(VAR, passphrase)
    assert main(["signing", "unlock", "--db", path, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["unlocked"] is True
    # a second key is refused; rotation is explicit
    assert main(["signing", "init", "--db", path]) == 2
    assert "rotate" in capsys.readouterr().err


def test_a_locked_command_line_prints_nothing_and_lists_no_payload(
        demo: tuple[str, str], tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    path, passphrase = demo
    out = tmp_path / "badges.pdf"
    assert main(["--lang", "en", "badges", "--db", path, "--out", str(out)]) == 2
    assert "Badge signing is locked on this computer" in capsys.readouterr().err
    assert not out.exists()
    assert main(["people", "--db", path, "--json", "--limit", "3"]) == 0
    assert all(r["qr_payload"] is None for r in json.loads(capsys.readouterr().out))
    signing.KEYRING.forget()
    monkeypatch.setenv(VAR, passphrase)
    assert main(["people", "--db", path, "--json", "--limit", "3"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert all(r["qr_payload"].startswith(f"ED2.GH25.{r['badge_code']}.") for r in rows)
    signing.KEYRING.forget()
    assert main(["badges", "--db", path, "--out", str(out), "--not-printed", "--lang", "zh"]) == 0
    assert out.exists() and "已生成" in capsys.readouterr().out
    signing.KEYRING.forget()
    monkeypatch.delenv(VAR)  # a desk that only scans needs nothing unlocked
    good = next(r["qr_payload"] for r in rows if r["status"] != "cancelled")
    assert main(["checkin", "--db", path, "--desk", "1", "--json", good]) == 0
    assert json.loads(capsys.readouterr().out)["result"] == "checked_in"
