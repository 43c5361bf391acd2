"""User accounts (issue 12): who may sign in, with which role, and their argon2 password hashes.

Plain functions on a session (flush, never commit), returning frozen dataclasses and codes. The
words of every refusal are in messages/accounts.py. Passwords are hashed with argon2id
(argon2-cffi's PasswordHasher, its default parameters: RFC 9106's low-memory profile); a hash made
with other parameters is replaced at the next successful sign-in (`check_needs_rehash`), so
raising the cost later needs no reset of everybody's password.

Sign-in is split so that the slow part (argon2 verify, ~50 ms at the defaults) runs outside any
write transaction: `credentials` (read) -> `check_password` (no database) -> `store_rehash`
(short write). `authenticate` does all three in one session for a caller that has one.
"""

from __future__ import annotations

import os
import unicodedata
from contextlib import suppress
from dataclasses import dataclass
from datetime import datetime
from functools import cache

from argon2 import PasswordHasher, profiles
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from eventdesk.domain import AuditEntry
from eventdesk.domain.access import Principal
from eventdesk.domain.enums import UserRole
from eventdesk.domain.errors import FieldProblem, NotFound, NotSignedIn, ValidationFailed
from eventdesk.domain.users import User

USERNAME_MAX = 60  # the app_user.username column
PASSWORD_MIN = 8  # characters; NIST SP 800-63B's minimum for a password the user chooses
PASSWORD_MAX = 1024  # characters: argon2 takes any length, but a megabyte "password" is abuse

# Test runs only: argon2's cheapest parameters, so that a test suite signing in thousands of
# times does not spend minutes hashing. Production never sets it; a hash made with it is
# replaced by a default-cost one at the next sign-in without the variable (check_needs_rehash).
FAST_HASH_FOR_TESTS = "EVENTDESK_INSECURE_FAST_HASH_FOR_TESTS"


@cache
def _hasher_for(fast: bool) -> PasswordHasher:
    if fast:
        return PasswordHasher.from_parameters(profiles.CHEAPEST)
    return PasswordHasher()  # argon2-cffi's defaults: argon2id, RFC 9106 low-memory profile


def hasher() -> PasswordHasher:
    """The password hasher of this process (the defaults unless FAST_HASH_FOR_TESTS is "1")."""
    return _hasher_for(os.environ.get(FAST_HASH_FOR_TESTS) == "1")


@dataclass(frozen=True)
class UserInfo:
    """One account as the user list shows it. last_login_at: the latest `user.login` audit
    entry of the account (UTC), None when it never signed in."""

    username: str
    role: UserRole
    active: bool
    created_at: datetime
    last_login_at: datetime | None = None


@dataclass(frozen=True)
class Credentials:
    """What sign-in needs of an account (read by `credentials`, checked by `check_password`)."""

    user_id: int
    username: str
    role: UserRole
    active: bool
    password_hash: str | None


@dataclass(frozen=True)
class Checked:
    """A password that matched: the principal, and a fresh hash to store when the stored one was
    made with other parameters (None when it is current)."""

    principal: Principal
    new_hash: str | None


def clean_username(username: str) -> str:
    """`username` trimmed; raises ValidationFailed {"username": …} unless it is 1–60 characters
    with no whitespace or control character inside."""
    name = username.strip()
    if not name:
        raise ValidationFailed({"username": FieldProblem("accounts.username_blank")})
    if len(name) > USERNAME_MAX:
        raise ValidationFailed({"username": FieldProblem("common.too_long", length=len(name),
                                                         limit=USERNAME_MAX)})
    if any(ch.isspace() or unicodedata.category(ch)[0] == "C" for ch in name):
        raise ValidationFailed({"username": FieldProblem("accounts.username_characters")})
    return name


def check_new_password(password: str) -> None:
    """Raises ValidationFailed {"password": …} unless `password` has PASSWORD_MIN to
    PASSWORD_MAX characters."""
    if len(password) < PASSWORD_MIN:
        raise ValidationFailed({"password": FieldProblem("accounts.password_short",
                                                         minimum=PASSWORD_MIN)})
    if len(password) > PASSWORD_MAX:
        raise ValidationFailed({"password": FieldProblem("common.too_long", length=len(password),
                                                         limit=PASSWORD_MAX)})


def hash_password(password: str) -> str:
    """An argon2 hash of `password` (checked by check_new_password first)."""
    check_new_password(password)
    return hasher().hash(password)


def has_users(session: Session) -> bool:
    """Whether any account exists (none: the first admin must be created before anything)."""
    return session.scalar(select(User.id).limit(1)) is not None


def _user(session: Session, username: str) -> User:
    user = session.scalar(select(User).where(User.username == username.strip()))
    if user is None:
        raise NotFound(code="accounts.unknown_user", username=username.strip())
    return user


def _info(user: User, last_login: datetime | None) -> UserInfo:
    return UserInfo(username=user.username, role=user.role, active=user.active,
                    created_at=user.created_at, last_login_at=last_login)


def add_user(session: Session, *, username: str, role: UserRole,
             password_hash: str) -> UserInfo:
    """Create an active account with the hash `hash_password` made (hashing is slow: callers do
    it before their write transaction). Raises ValidationFailed for a bad or taken username
    (nothing written)."""
    name = clean_username(username)
    if session.scalar(select(User.id).where(User.username == name)) is not None:
        raise ValidationFailed({"username": FieldProblem("accounts.username_taken",
                                                         username=name)})
    user = User(username=name, role=role, password_hash=password_hash, active=True)
    session.add(user)
    session.flush()
    return _info(user, None)


def list_users(session: Session) -> list[UserInfo]:
    """Every account, by username, with its last sign-in (from the audit trail)."""
    last = dict(session.execute(
        select(AuditEntry.actor, func.max(AuditEntry.at))
        .where(AuditEntry.action == "user.login").group_by(AuditEntry.actor)).all())
    users = session.scalars(select(User).order_by(User.username)).all()
    return [_info(user, last.get(user.username)) for user in users]


def _active_admins(session: Session) -> int:
    return int(session.scalar(select(func.count()).select_from(User).where(
        User.role == UserRole.ADMIN, User.active.is_(True))) or 0)


def _keep_an_admin(session: Session, user: User) -> None:
    """Raises ValidationFailed (accounts.last_admin) when `user` is the last active admin: without
    one, nobody could manage accounts any more."""
    if user.role == UserRole.ADMIN and user.active and _active_admins(session) <= 1:
        raise ValidationFailed({"username": FieldProblem("accounts.last_admin")},
                               code="accounts.last_admin", username=user.username)


def set_password(session: Session, *, username: str, password_hash: str) -> UserInfo:
    """Replace the account's password hash (made by `hash_password`). Raises NotFound
    (accounts.unknown_user)."""
    user = _user(session, username)
    user.password_hash = password_hash
    session.flush()
    return _info(user, None)


def disable_user(session: Session, *, username: str) -> UserInfo:
    """Refuse the account every later sign-in (its audit entries stay). Raises NotFound,
    ValidationFailed (accounts.last_admin)."""
    user = _user(session, username)
    _keep_an_admin(session, user)
    user.active = False
    session.flush()
    return _info(user, None)


def set_role(session: Session, *, username: str, role: UserRole) -> UserInfo:
    """Give the account another role. Raises NotFound, ValidationFailed (accounts.last_admin
    when the last active admin would be demoted)."""
    user = _user(session, username)
    if role != UserRole.ADMIN:
        _keep_an_admin(session, user)
    user.role = role
    session.flush()
    return _info(user, None)


def credentials(session: Session, *, username: str) -> Credentials | None:
    """The stored credentials of `username` (trimmed), None when there is no such account."""
    user = session.scalar(select(User).where(User.username == username.strip()))
    if user is None:
        return None
    return Credentials(user_id=user.id, username=user.username, role=user.role,
                       active=user.active, password_hash=user.password_hash)


@cache
def _dummy_hash(fast: bool) -> str:
    return _hasher_for(fast).hash("not a password of anybody")


def check_password(stored: Credentials | None, *, username: str, password: str) -> Checked:
    """The principal of `stored` when `password` matches its hash. No database access.

    Raises NotSignedIn "auth.bad_credentials" for an unknown account or a wrong password (the
    same code and about the same time, so that a guess learns nothing about which accounts
    exist), "auth.disabled" for a disabled account whose password matched.
    """
    ph = hasher()
    if stored is None or stored.password_hash is None:
        with suppress(VerificationError):  # spend the time a real check takes
            ph.verify(_dummy_hash(os.environ.get(FAST_HASH_FOR_TESTS) == "1"), password)
        raise NotSignedIn(code="auth.bad_credentials", username=username.strip())
    try:
        ph.verify(stored.password_hash, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        raise NotSignedIn(code="auth.bad_credentials", username=username.strip()) from None
    if not stored.active:
        raise NotSignedIn(code="auth.disabled", username=stored.username)
    new_hash = ph.hash(password) if ph.check_needs_rehash(stored.password_hash) else None
    return Checked(principal=Principal(stored.username, stored.role, stored.user_id),
                   new_hash=new_hash)


def store_rehash(session: Session, *, user_id: int, new_hash: str) -> None:
    """Store the hash check_password made with the current parameters."""
    user = session.get(User, user_id)
    if user is not None:
        user.password_hash = new_hash
        session.flush()


def authenticate(session: Session, *, username: str, password: str) -> Principal:
    """credentials -> check_password -> store_rehash in one session (which must be writable
    when the stored hash is out of date). Raises NotSignedIn as check_password."""
    checked = check_password(credentials(session, username=username), username=username,
                             password=password)
    if checked.new_hash is not None and checked.principal.user_id is not None:
        store_rehash(session, user_id=checked.principal.user_id, new_hash=checked.new_hash)
    return checked.principal
