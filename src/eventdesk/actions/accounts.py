"""Signing in, locking, and managing accounts (issue 12): the API the login window and the
`eventdesk user` commands share.

Signing in reads the stored hash, verifies it outside any transaction (argon2 takes ~50 ms at
its default cost), then writes the audit entry (and a fresh hash when the parameters changed) in
one short unit of work. Every outcome is audited: `user.login`, `user.login_failed`,
`user.lock`, `user.unlock`, `user.add`, `user.passwd`, `user.disable`, `user.role`. The
password itself is never written anywhere but as its hash.
"""

from __future__ import annotations

from eventdesk.actions.access import require
from eventdesk.actions.base import ActionContext
from eventdesk.domain.access import Permission, Principal
from eventdesk.domain.enums import UserRole
from eventdesk.domain.errors import Forbidden, NotSignedIn
from eventdesk.services import accounts
from eventdesk.services.accounts import UserInfo
from eventdesk.services.audit import record
from eventdesk.storage import Database

__all__ = ["UserInfo", "add_user", "authenticate", "create_first_admin", "disable_user",
           "list_users", "needs_first_admin", "record_lock", "set_password", "set_role",
           "sign_in", "unlock"]


def _failed(db: Database, *, username: str, desk: str, reason: str) -> None:
    """Audit a refused sign-in or unlock (`user.login_failed`, detail: the reason code)."""
    with db.unit_of_work() as session:
        record(session, actor=username.strip()[:100], desk=desk, action="user.login_failed",
               subject_type="user", detail={"reason": reason})


def _verify(db: Database, *, username: str, password: str, desk: str) -> accounts.Checked:
    """The checked password of `username`; a refusal is audited, then raised (NotSignedIn)."""
    with db.unit_of_work(write=False) as session:
        stored = accounts.credentials(session, username=username)
    try:
        return accounts.check_password(stored, username=username, password=password)
    except NotSignedIn as exc:
        _failed(db, username=username, desk=desk, reason=exc.code)
        raise


def _signed_in(db: Database, checked: accounts.Checked, *, desk: str, action: str) -> Principal:
    principal = checked.principal
    with db.unit_of_work() as session:
        if checked.new_hash is not None and principal.user_id is not None:
            accounts.store_rehash(session, user_id=principal.user_id, new_hash=checked.new_hash)
        record(session, actor=principal.username, desk=desk, action=action,
               subject_type="user", subject_id=principal.user_id,
               detail={"role": principal.role.value})
    return principal


def sign_in(db: Database, *, username: str, password: str, desk: str) -> Principal:
    """The account `username` signed in at `desk` when `password` is its password.

    Audits `user.login` (or `user.login_failed` with the reason code). Raises NotSignedIn
    "auth.bad_credentials" (unknown account or wrong password: the same sentence) or
    "auth.disabled" (CLI exit 5)."""
    checked = _verify(db, username=username, password=password, desk=desk)
    return _signed_in(db, checked, desk=desk, action="user.login")


def authenticate(db: Database, *, username: str, password: str, desk: str) -> Principal:
    """The account `username` when `password` is its password, for one command of the command
    line: as sign_in, but a success writes nothing (no `user.login` entry, no rehash), so that
    a command that only reads stays a reader (it runs beside a writer's lock, on a read-only
    copy, and leaves the file as it was). A refusal is audited `user.login_failed` and raises
    NotSignedIn as sign_in does. The command's own audit entries name the account."""
    return _verify(db, username=username, password=password, desk=desk).principal


def needs_first_admin(db: Database) -> bool:
    """True when the database has no account at all: the first admin must be created before
    anything else is done."""
    with db.unit_of_work(write=False) as session:
        return not accounts.has_users(session)


def create_first_admin(db: Database, *, username: str, password: str, desk: str) -> Principal:
    """Create the first account, an admin, and return it signed in. Audits `user.add`.

    Raises Forbidden "auth.first_admin_exists" when any account exists already (then only a
    signed-in admin adds accounts: add_user), ValidationFailed for a bad username or a password
    shorter than 8 characters (nothing written)."""
    accounts.clean_username(username)
    password_hash = accounts.hash_password(password)  # slow: before the write transaction
    with db.unit_of_work() as session:
        if accounts.has_users(session):
            raise Forbidden(code="auth.first_admin_exists")
        info = accounts.add_user(session, username=username, role=UserRole.ADMIN,
                                 password_hash=password_hash)
        stored = accounts.credentials(session, username=info.username)
        assert stored is not None
        record(session, actor=info.username, desk=desk, action="user.add", subject_type="user",
               subject_id=stored.user_id, detail={"username": info.username,
                                                  "role": info.role.value, "first": True})
    return Principal(info.username, UserRole.ADMIN, stored.user_id)


def unlock(ctx: ActionContext, *, password: str) -> Principal:
    """Unlock the screen of the signed-in user with their password (the same account only).

    Audits `user.unlock`, or `user.login_failed` on a wrong password. Raises NotSignedIn when
    nobody is signed in in `ctx` or the password is wrong ("auth.bad_credentials"), or the
    account was disabled meanwhile ("auth.disabled")."""
    user = ctx.user
    if user is None:
        raise NotSignedIn()
    checked = _verify(ctx.db, username=user.username, password=password, desk=ctx.desk)
    return _signed_in(ctx.db, checked, desk=ctx.desk, action="user.unlock")


def record_lock(ctx: ActionContext) -> None:
    """Audit that the signed-in user locked the screen (`user.lock`). Raises NotSignedIn when
    nobody is signed in."""
    user = ctx.user
    if user is None:
        raise NotSignedIn()
    with ctx.db.unit_of_work() as session:
        record(session, actor=user.username, desk=ctx.desk, action="user.lock",
               subject_type="user", subject_id=user.user_id)


def add_user(ctx: ActionContext, *, username: str, role: UserRole, password: str) -> UserInfo:
    """Add an active account (needs MANAGE_USERS). Audits `user.add` (username, role). Raises
    Forbidden/NotSignedIn, ValidationFailed (bad or taken username, short password)."""
    admin = require(ctx, Permission.MANAGE_USERS)
    accounts.clean_username(username)
    password_hash = accounts.hash_password(password)
    with ctx.db.unit_of_work() as session:
        info = accounts.add_user(session, username=username, role=role,
                                 password_hash=password_hash)
        record(session, actor=admin.username, desk=ctx.desk, action="user.add",
               subject_type="user", detail={"username": info.username, "role": role.value})
    return info


def list_users(ctx: ActionContext) -> list[UserInfo]:
    """Every account with its role, state and last sign-in (needs MANAGE_USERS)."""
    require(ctx, Permission.MANAGE_USERS)
    with ctx.db.unit_of_work(write=False) as session:
        return accounts.list_users(session)


def set_password(ctx: ActionContext, *, username: str, password: str) -> UserInfo:
    """Set the password of `username`: one's own always, another's with MANAGE_USERS. Audits
    `user.passwd`. Raises NotSignedIn/Forbidden, NotFound (accounts.unknown_user),
    ValidationFailed (short password)."""
    user = ctx.user
    if user is None:
        raise NotSignedIn()
    if username.strip() != user.username:
        require(ctx, Permission.MANAGE_USERS)
    password_hash = accounts.hash_password(password)
    with ctx.db.unit_of_work() as session:
        info = accounts.set_password(session, username=username, password_hash=password_hash)
        record(session, actor=user.username, desk=ctx.desk, action="user.passwd",
               subject_type="user", detail={"username": info.username})
    return info


def disable_user(ctx: ActionContext, *, username: str) -> UserInfo:
    """Disable `username` (needs MANAGE_USERS): it can no longer sign in. Audits
    `user.disable`. Raises Forbidden, NotFound, ValidationFailed (accounts.last_admin)."""
    admin = require(ctx, Permission.MANAGE_USERS)
    with ctx.db.unit_of_work() as session:
        info = accounts.disable_user(session, username=username)
        record(session, actor=admin.username, desk=ctx.desk, action="user.disable",
               subject_type="user", detail={"username": info.username})
    return info


def set_role(ctx: ActionContext, *, username: str, role: UserRole) -> UserInfo:
    """Give `username` another role (needs MANAGE_USERS). Audits `user.role` (old and new role).
    Raises Forbidden, NotFound, ValidationFailed (accounts.last_admin: the last active admin
    keeps the admin role)."""
    admin = require(ctx, Permission.MANAGE_USERS)
    with ctx.db.unit_of_work() as session:
        before = accounts.credentials(session, username=username)
        info = accounts.set_role(session, username=username, role=role)
        record(session, actor=admin.username, desk=ctx.desk, action="user.role",
               subject_type="user", detail={"username": info.username, "role": role.value,
                                            "was": before.role.value if before else None})
    return info
