"""Signed-in users for tests that build an ActionContext themselves (issue 12: every action
checks the role). ADMIN may do everything; the role x action table test uses the others."""

from __future__ import annotations

from eventdesk.domain.access import Principal
from eventdesk.domain.enums import UserRole

ADMIN = Principal("admin", UserRole.ADMIN)
ORGANISER = Principal("organiser", UserRole.ORGANISER)
DESK = Principal("desk1", UserRole.DESK)
PRINT = Principal("print1", UserRole.PRINT)

# The account the command-line tests sign in as (tests/cli/conftest.py puts it into every
# database they start from and into EVENTDESK_USER / EVENTDESK_PASSWORD).
CLI_USER = "admin"
CLI_PASSWORD = "test-admin-password"


def add_cli_admin(url: str) -> None:
    """Create the CLI tests' admin account in the database at `url`."""
    from eventdesk.services import accounts
    from eventdesk.storage import open_database

    db = open_database(url)
    try:
        with db.unit_of_work() as session:
            accounts.add_user(session, username=CLI_USER, role=UserRole.ADMIN,
                              password_hash=accounts.hash_password(CLI_PASSWORD))
        if db.engine.dialect.name == "sqlite":  # the template is copied as one file
            with db.engine.connect() as conn:
                conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        db.dispose()


def take_over_demo_admin(url: str) -> None:
    """Give the `admin` account `eventdesk demo` created (random password, printed once) the CLI
    tests' password, so that the tests' later commands sign in as it."""
    from eventdesk.services import accounts
    from eventdesk.storage import open_database

    db = open_database(url)
    try:
        with db.unit_of_work() as session:
            accounts.set_password(session, username=CLI_USER,
                                  password_hash=accounts.hash_password(CLI_PASSWORD))
        if db.engine.dialect.name == "sqlite":
            with db.engine.connect() as conn:
                conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        db.dispose()
