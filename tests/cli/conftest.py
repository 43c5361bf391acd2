"""The command line runs as a signed-in account (issue 12): every database a CLI test starts
from holds the admin account of tests/accounts.py, and EVENTDESK_USER / EVENTDESK_PASSWORD name
it, and EVENTDESK_SIGNING_PASSPHRASE unlocks the badge-signing key. Tests of signing in itself
change or remove those variables."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from eventdesk.storage import to_url
from tests.accounts import CLI_PASSWORD, CLI_USER, add_cli_admin
from tests.conftest import TEST_SIGNING_PASSPHRASE


@pytest.fixture(scope="session")
def template_db(template_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The migrated empty template, plus the admin account."""
    path = tmp_path_factory.mktemp("cli-template") / "template.sqlite3"
    shutil.copyfile(template_db, path)
    add_cli_admin(to_url(path))
    return path


@pytest.fixture(autouse=True)
def signed_in(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("EVENTDESK_USER", CLI_USER)
    monkeypatch.setenv("EVENTDESK_PASSWORD", CLI_PASSWORD)
    # event_db's badge-signing key (tests/conftest.py): commands that print sign with it.
    monkeypatch.setenv("EVENTDESK_SIGNING_PASSPHRASE", TEST_SIGNING_PASSPHRASE)
    yield
