"""Payloads of a test database's badges, signed and verified as the program does."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from eventdesk.domain import Event
from eventdesk.domain.qr import VerifiedPayload, verify_payload
from eventdesk.services import arrivals
from eventdesk.services.signing import PayloadSigner


def payload_for(session: Session, badge_code: str) -> str:
    """The ED2 payload of `badge_code` (the event's key must be unlocked in this process)."""
    return PayloadSigner(session, required=True)(badge_code)


def verified(session: Session, raw: str) -> VerifiedPayload:
    """`raw` verified against the event's public keys and stored ED1 digests (raises
    ScanRejected as the desk would)."""
    event = session.scalars(select(Event).limit(1)).one()
    return verify_payload(raw, event_code=event.code, public_keys=event.verify_keys.split(),
                          legacy_known=lambda d: arrivals.legacy_known(session, digest=d))
