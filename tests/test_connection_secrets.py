"""Connection secrets (issue 12): a server password, in the user part or in `?password=`, is
masked wherever a URL is shown and removed wherever one is kept."""

from __future__ import annotations

import pytest

from eventdesk import messages
from eventdesk.connection_secrets import (
    keep_password,
    kept_password,
    masked,
    password_of,
    with_password,
    without_password,
)
from eventdesk.storage import DatabaseUnreachable, describe, failure_of

PW = "Qw9-s3cret"
URLS = [
    f"postgresql+psycopg://desk:{PW}@db.example:5432/event",
    f"postgresql+psycopg://desk@db.example/event?password={PW}",
    f"postgresql+psycopg://desk@db.example/event?sslmode=require&password={PW}&connect_timeout=3",
    f"postgresql://db.example/event?PASSWORD={PW}",
]


@pytest.mark.parametrize("url", URLS)
def test_every_form_is_masked_shown_and_removed_kept(url: str) -> None:
    assert password_of(url) == PW
    for shown in (masked(url), describe(url)):
        assert PW not in shown and "***" in shown and "db.example" in shown
    kept = without_password(url)
    assert PW not in kept and "***" not in kept and "db.example" in kept
    assert password_of(kept) is None
    # Put back for a connection: the same server, the password once.
    again = with_password(kept, PW)
    assert password_of(again) == PW and again.count(PW) == 1


def test_paths_and_urls_without_a_password_are_left_alone() -> None:
    for url in ("sqlite:////tmp/a b/event.sqlite3", "/tmp/event.sqlite3",
                "postgresql+psycopg://desk@db.example/event?sslmode=require"):
        assert masked(url) == without_password(url) == url
        assert password_of(url) is None
    assert with_password("postgresql+psycopg://db.example/event", "p@ss") == \
        "postgresql+psycopg://db.example/event?password=p%40ss"


def test_a_storage_error_about_a_server_names_it_without_the_password() -> None:
    from sqlalchemy import exc as sa_exc

    error = sa_exc.OperationalError("SELECT 1", {}, Exception("connection refused"))
    failure = failure_of(error, url=URLS[1])
    assert isinstance(failure, DatabaseUnreachable)
    sentence = messages.describe(failure)
    assert "db.example" in sentence and PW not in sentence


def test_no_keyring_here_keeps_nothing_and_says_false() -> None:
    # This machine and CI have no keyring backend: nothing is kept, nothing raises.
    import keyring

    if "fail" not in type(keyring.get_keyring()).__module__:
        pytest.skip("this machine has a system keyring")
    assert keep_password(URLS[0], PW) is False
    assert kept_password(URLS[0]) is None


def test_a_keyring_keeps_the_password_under_the_url_without_it(
        monkeypatch: pytest.MonkeyPatch) -> None:
    import keyring
    from keyring.backend import KeyringBackend

    class Memory(KeyringBackend):
        priority = 1  # type: ignore[assignment]
        store: dict[tuple[str, str], str] = {}

        def get_password(self, service: str, username: str) -> str | None:
            return self.store.get((service, username))

        def set_password(self, service: str, username: str, password: str) -> None:
            self.store[(service, username)] = password

        def delete_password(self, service: str, username: str) -> None:
            self.store.pop((service, username), None)

    previous = keyring.get_keyring()
    keyring.set_keyring(Memory())
    try:
        assert keep_password(URLS[1], PW) is True
        assert list(Memory.store) == [("EventDesk database", without_password(URLS[1]))]
        assert kept_password(without_password(URLS[1])) == PW
    finally:
        keyring.set_keyring(previous)
