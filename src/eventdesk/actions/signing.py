"""Badge signing key: create (or rotate), unlock on a printing computer, lock, show its state.

Who: creating and rotating the key is an event setting (Permission.SETTINGS: admins). Unlocking
needs the organiser's signing passphrase, which is the real authority; the account at the
keyboard only has to be one that prints (DESK_PRINT or BATCH_PRINT), because the organiser
types the passphrase into the desk's or print room's own session, where it is used. Anyone
signed in may see the state and lock the key.

The slow part (Argon2id, ~0.1–0.3 s) runs outside any write transaction: read, derive, write
the audit entry short.
"""

from __future__ import annotations

from eventdesk.actions.access import require
from eventdesk.actions.base import ActionContext, Outcome, Topic, outcome
from eventdesk.domain.access import Permission, Principal
from eventdesk.domain.errors import Forbidden
from eventdesk.services import audit
from eventdesk.services import signing as service
from eventdesk.services.signing import SigningStatus


def _require_printing(ctx: ActionContext) -> Principal:
    try:
        return require(ctx, Permission.DESK_PRINT)
    except Forbidden:
        return require(ctx, Permission.BATCH_PRINT)


def create_signing_key(ctx: ActionContext, *, passphrase: str,
                       rotate: bool = False) -> Outcome[SigningStatus]:
    """Make the event's badge signing key sealed under `passphrase` (rotate: replace the
    current one; badges signed by it still scan). The key stays unlocked in this process.
    Raises Forbidden/NotSignedIn, ValidationFailed (short passphrase), SigningKeyExists,
    NoEvent. Audited as signing.key_created (fingerprint, rotate)."""
    user = require(ctx, Permission.SETTINGS)
    key, sealed = service.new_key(passphrase=passphrase)
    with ctx.db.unit_of_work() as session:
        status = service.store_key(session, key=key, sealed=sealed, created_by=user.username,
                                   rotate=rotate)
        audit.record(session, actor=ctx.operator, desk=ctx.desk, action="signing.key_created",
                     subject_type="event", detail={"fingerprint": status.fingerprint,
                                                   "rotate": rotate, "keys": status.keys})
    return outcome(status, Topic.EVENT)


def unlock_signing(ctx: ActionContext, *, passphrase: str) -> Outcome[SigningStatus]:
    """Unlock the event's signing key in this process (memory only) so that badges printed
    here are signed; nothing about the key is written. Raises Forbidden/NotSignedIn,
    NoSigningKey, WrongPassphrase (exit 4), NoEvent. Audited as signing.unlocked."""
    _require_printing(ctx)
    with ctx.db.unit_of_work(write=False) as session:
        sealed = service.current_sealed(session)
    service.open_sealed(sealed, passphrase=passphrase)
    with ctx.db.unit_of_work() as session:
        audit.record(session, actor=ctx.operator, desk=ctx.desk, action="signing.unlocked",
                     subject_type="event",
                     detail={"fingerprint": service.fingerprint(sealed.public_key)})
        status = service.signing_status(session)
    return outcome(status)


def lock_signing(ctx: ActionContext) -> Outcome[SigningStatus]:
    """Drop the event's keys from this process's memory (printing here stops until unlocked)."""
    require(ctx, Permission.SEARCH)
    with ctx.db.unit_of_work(write=False) as session:
        return outcome(service.lock(session))


def signing_status(ctx: ActionContext) -> Outcome[SigningStatus]:
    """Whether the event has a signing key and whether it is unlocked here."""
    require(ctx, Permission.SEARCH)
    with ctx.db.unit_of_work(write=False) as session:
        return outcome(service.signing_status(session))
