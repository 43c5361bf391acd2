"""Accounts at the actions tier: first admin, sign-in, lock/unlock, user management and its
audit entries; the last admin is kept; a disabled account is refused."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from eventdesk.actions import accounts
from eventdesk.actions.base import ActionContext
from eventdesk.domain import AuditEntry
from eventdesk.domain.enums import UserRole
from eventdesk.domain.errors import Forbidden, NotFound, NotSignedIn, ValidationFailed
from eventdesk.domain.users import User
from eventdesk.storage import Database

PASSWORD = "correct horse"


def _audit(db: Database) -> list[tuple[str, str, dict[str, object]]]:
    with db.unit_of_work(write=False) as session:
        rows = session.execute(select(AuditEntry.actor, AuditEntry.action, AuditEntry.detail)
                               .order_by(AuditEntry.id)).all()
    return [(actor, action, json.loads(detail)) for actor, action, detail in rows]


@pytest.fixture
def admin_ctx(db: Database) -> ActionContext:
    admin = accounts.create_first_admin(db, username="boss", password=PASSWORD, desk="office")
    return ActionContext(db=db, desk="office", operator="boss", user=admin)


def test_first_admin_only_once_and_signs_in(db: Database) -> None:
    assert accounts.needs_first_admin(db)
    admin = accounts.create_first_admin(db, username="  boss ", password=PASSWORD, desk="d1")
    assert (admin.username, admin.role) == ("boss", UserRole.ADMIN)
    assert admin.user_id is not None
    assert not accounts.needs_first_admin(db)
    with pytest.raises(Forbidden) as refused:
        accounts.create_first_admin(db, username="other", password=PASSWORD, desk="d1")
    assert refused.value.code == "auth.first_admin_exists"
    signed = accounts.sign_in(db, username="boss", password=PASSWORD, desk="d1")
    assert signed == admin
    actions = [(a, act) for a, act, _ in _audit(db)]
    assert actions == [("boss", "user.add"), ("boss", "user.login")]


def test_bad_credentials_same_code_and_audited(admin_ctx: ActionContext) -> None:
    db = admin_ctx.db
    with pytest.raises(NotSignedIn) as wrong:
        accounts.sign_in(db, username="boss", password="wrong password", desk="d2")
    with pytest.raises(NotSignedIn) as unknown:
        accounts.sign_in(db, username="nobody", password=PASSWORD, desk="d2")
    assert wrong.value.code == unknown.value.code == "auth.bad_credentials"
    failed = [(actor, detail["reason"]) for actor, action, detail in _audit(db)
              if action == "user.login_failed"]
    assert failed == [("boss", "auth.bad_credentials"), ("nobody", "auth.bad_credentials")]


def test_short_password_and_bad_username_refused(admin_ctx: ActionContext) -> None:
    with pytest.raises(ValidationFailed) as short:
        accounts.add_user(admin_ctx, username="x", role=UserRole.DESK, password="1234567")
    assert "password" in short.value.fields
    for bad in ("", "   ", "two words", "tab\there", "x" * 61):
        with pytest.raises(ValidationFailed) as refused:
            accounts.add_user(admin_ctx, username=bad, role=UserRole.DESK, password=PASSWORD)
        assert "username" in refused.value.fields
    accounts.add_user(admin_ctx, username="d1", role=UserRole.DESK, password=PASSWORD)
    with pytest.raises(ValidationFailed) as taken:
        accounts.add_user(admin_ctx, username="d1", role=UserRole.PRINT, password=PASSWORD)
    assert taken.value.fields["username"].code == "accounts.username_taken"


def test_manage_users_and_audit(admin_ctx: ActionContext) -> None:
    db = admin_ctx.db
    info = accounts.add_user(admin_ctx, username="desk1", role=UserRole.DESK, password=PASSWORD)
    assert (info.username, info.role, info.active) == ("desk1", UserRole.DESK, True)
    accounts.sign_in(db, username="desk1", password=PASSWORD, desk="3")
    listed = {u.username: u for u in accounts.list_users(admin_ctx)}
    assert set(listed) == {"boss", "desk1"}
    assert listed["desk1"].last_login_at is not None
    accounts.set_password(admin_ctx, username="desk1", password="another one")
    with pytest.raises(NotSignedIn):
        accounts.sign_in(db, username="desk1", password=PASSWORD, desk="3")
    accounts.sign_in(db, username="desk1", password="another one", desk="3")
    changed = accounts.set_role(admin_ctx, username="desk1", role=UserRole.PRINT)
    assert changed.role is UserRole.PRINT
    accounts.disable_user(admin_ctx, username="desk1")
    with pytest.raises(NotSignedIn) as disabled:
        accounts.sign_in(db, username="desk1", password="another one", desk="3")
    assert disabled.value.code == "auth.disabled"
    with pytest.raises(NotFound):
        accounts.disable_user(admin_ctx, username="ghost")
    verbs = [action for _, action, _ in _audit(db)]
    for verb in ("user.add", "user.login", "user.passwd", "user.role", "user.disable",
                 "user.login_failed"):
        assert verb in verbs


def test_last_admin_kept(admin_ctx: ActionContext) -> None:
    for change in (lambda: accounts.disable_user(admin_ctx, username="boss"),
                   lambda: accounts.set_role(admin_ctx, username="boss", role=UserRole.DESK)):
        with pytest.raises(ValidationFailed) as refused:
            change()
        assert refused.value.code == "accounts.last_admin"
    accounts.add_user(admin_ctx, username="boss2", role=UserRole.ADMIN, password=PASSWORD)
    accounts.set_role(admin_ctx, username="boss", role=UserRole.ORGANISER)  # another admin left
    with pytest.raises(ValidationFailed):
        accounts.disable_user(admin_ctx, username="boss2")


def test_only_managers_manage_but_anyone_changes_own_password(admin_ctx: ActionContext) -> None:
    db = admin_ctx.db
    accounts.add_user(admin_ctx, username="desk1", role=UserRole.DESK, password=PASSWORD)
    desk = ActionContext(db=db, desk="3", operator="desk1",
                         user=accounts.sign_in(db, username="desk1", password=PASSWORD, desk="3"))
    for refused in (lambda: accounts.list_users(desk),
                    lambda: accounts.add_user(desk, username="x1", role=UserRole.ADMIN,
                                              password=PASSWORD),
                    lambda: accounts.set_password(desk, username="boss", password="hijacked!"),
                    lambda: accounts.disable_user(desk, username="boss"),
                    lambda: accounts.set_role(desk, username="desk1", role=UserRole.ADMIN)):
        with pytest.raises(Forbidden) as exc:
            refused()
        assert exc.value.params["needed"] == "admin"
    accounts.set_password(desk, username="desk1", password="my own secret")
    assert accounts.sign_in(db, username="desk1", password="my own secret", desk="3").role \
        is UserRole.DESK
    with pytest.raises(NotSignedIn):
        accounts.list_users(ActionContext(db=db))


def test_lock_and_unlock(admin_ctx: ActionContext) -> None:
    accounts.record_lock(admin_ctx)
    with pytest.raises(NotSignedIn):
        accounts.unlock(admin_ctx, password="not it at all")
    assert accounts.unlock(admin_ctx, password=PASSWORD) == admin_ctx.user
    verbs = [action for _, action, _ in _audit(admin_ctx.db)]
    assert verbs[-3:] == ["user.lock", "user.login_failed", "user.unlock"]
    with pytest.raises(NotSignedIn):
        accounts.record_lock(ActionContext(db=admin_ctx.db))


def test_outdated_hash_is_replaced_at_sign_in(admin_ctx: ActionContext,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """A hash made with other parameters (here: the cheap test ones, or the defaults when the
    tests run with the defaults) is replaced by one with this process's parameters."""
    from argon2 import PasswordHasher, profiles

    from eventdesk.services.accounts import hasher

    db = admin_ctx.db
    current = hasher()
    other = (PasswordHasher() if current.time_cost == profiles.CHEAPEST.time_cost
             and current.memory_cost == profiles.CHEAPEST.memory_cost
             else PasswordHasher.from_parameters(profiles.CHEAPEST))
    with db.unit_of_work() as session:
        user = session.scalar(select(User).where(User.username == "boss"))
        assert user is not None
        user.password_hash = other.hash(PASSWORD)
    accounts.sign_in(db, username="boss", password=PASSWORD, desk="1")
    with db.unit_of_work(write=False) as session:
        stored = session.scalar(select(User.password_hash).where(User.username == "boss"))
    assert stored is not None and not current.check_needs_rehash(stored)
    assert current.verify(stored, PASSWORD)


def test_production_hasher_is_argon2id_defaults(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without the test-only variable, hashes use argon2-cffi's defaults (argon2id, RFC 9106
    low-memory: t=3, m=64 MiB, p=4)."""
    from argon2 import PasswordHasher

    from eventdesk.services.accounts import FAST_HASH_FOR_TESTS, hash_password, hasher

    monkeypatch.delenv(FAST_HASH_FOR_TESTS, raising=False)
    defaults = PasswordHasher()
    made = hash_password(PASSWORD)
    assert made.startswith("$argon2id$")
    assert f"m={defaults.memory_cost},t={defaults.time_cost},p={defaults.parallelism}" in made
    assert not hasher().check_needs_rehash(made)
    assert defaults.memory_cost >= 65536 and defaults.time_cost >= 3

