"""The event's badge signing key: created by an admin, unlocked by an organiser, used to sign.

Threat (issue 12): whoever holds only a copy of the database file (or of a desk machine's data)
must not be able to make a payload that desks accept. So the database holds the Ed25519 public
key (what desks verify with) and the private key only sealed: AES-256-GCM (NIST SP 800-38D)
under a 256-bit key derived by Argon2id (RFC 9106, its second recommended setting: 3 passes,
4 lanes, 64 MiB) from the organiser's signing passphrase and a random salt. Unlocking puts the
private key into this process's memory (`KEYRING`) and nowhere else; nothing writes it out.
Desks that only scan need nothing unlocked; machines that print ED2 badges do.

The keyring is per process, keyed by public key: the window asks once (the organiser's dialog)
and every print after that, on any worker thread, signs without asking again; another database
has another key and stays locked.
"""

from __future__ import annotations

import os
import secrets
import threading
from dataclasses import dataclass
from datetime import datetime

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from eventdesk.domain import Event, LegacyBadge, SigningKey, utcnow
from eventdesk.domain.errors import DomainError, FieldProblem, NoEvent, ValidationFailed
from eventdesk.domain.qr import public_key_text, sign_payload

# An organiser's passphrase, not a PIN: offline guessing against a copied file costs one
# Argon2id derivation (64 MiB, ~0.1–0.3 s on a desk PC) per guess.
MIN_PASSPHRASE_LENGTH = 12
_AAD_PREFIX = b"eventdesk-signing-key/"


@dataclass(frozen=True)
class KdfCost:
    """Argon2id cost: passes, lanes (parallelism) and memory in KiB. Stored with each key."""

    iterations: int = 3
    lanes: int = 4
    memory_kib: int = 64 * 1024


DEFAULT_COST = KdfCost()


class SigningLocked(DomainError):
    """Badges cannot be signed here: the event's signing key is not unlocked on this computer."""

    code = "signing.locked"


class NoSigningKey(DomainError):
    """The event has no signing key yet (`eventdesk signing init`)."""

    code = "signing.no_key"


class WrongPassphrase(DomainError):
    code = "signing.wrong_passphrase"
    exit_code = 4


class SigningKeyExists(DomainError):
    code = "signing.key_exists"


class Keyring:
    """Unlocked private keys of this process, by public key (hex). Memory only."""

    def __init__(self) -> None:
        self._keys: dict[str, Ed25519PrivateKey] = {}
        self._lock = threading.Lock()

    def add(self, key: Ed25519PrivateKey) -> str:
        public = public_key_text(key.public_key())
        with self._lock:
            self._keys[public] = key
        return public

    def get(self, public_key: str) -> Ed25519PrivateKey | None:
        with self._lock:
            return self._keys.get(public_key)

    def forget(self, public_key: str | None = None) -> None:
        """Lock one key (or all): its private half is dropped from memory."""
        with self._lock:
            if public_key is None:
                self._keys.clear()
            else:
                self._keys.pop(public_key, None)


KEYRING = Keyring()


@dataclass(frozen=True)
class SigningStatus:
    """has_key: the event has a signing key; unlocked: it is unlocked in this process;
    fingerprint: the current public key's first 16 hex digits, grouped (to compare machines);
    keys: how many keys the event's badges verify under (rotation keeps the old ones);
    legacy_badges: ED1 badges printed before migration 0007 that still scan."""

    has_key: bool
    unlocked: bool
    fingerprint: str
    created_at: datetime | None
    created_by: str
    keys: int
    legacy_badges: int


def _event(session: Session) -> Event:
    event = session.scalars(select(Event).order_by(Event.id).limit(1)).first()
    if event is None:
        raise NoEvent(code="event.missing")
    return event


def _current(session: Session, event: Event) -> SigningKey | None:
    return session.scalars(
        select(SigningKey).where(SigningKey.event_id == event.id,
                                 SigningKey.replaced_at.is_(None))
        .order_by(SigningKey.id.desc()).limit(1)).first()


def _wrapping_key(passphrase: str, *, salt: bytes, cost: KdfCost) -> bytes:
    return Argon2id(salt=salt, length=32, iterations=cost.iterations, lanes=cost.lanes,
                    memory_cost=cost.memory_kib).derive(passphrase.encode("utf-8"))


def fingerprint(public_key: str) -> str:
    return " ".join(public_key[i:i + 4].upper() for i in range(0, 16, 4))


def check_passphrase(passphrase: str) -> None:
    """Raises ValidationFailed (field `passphrase`) for one shorter than MIN_PASSPHRASE_LENGTH."""
    if len(passphrase.strip()) < MIN_PASSPHRASE_LENGTH:
        raise ValidationFailed(
            {"passphrase": FieldProblem("signing.passphrase_short",
                                        minimum=MIN_PASSPHRASE_LENGTH)},
            code="signing.passphrase_short", minimum=MIN_PASSPHRASE_LENGTH)


def new_passphrase() -> str:
    """A random passphrase for the demo: 100 bits in five groups of base32 (easy to read out)."""
    alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
    return "-".join("".join(secrets.choice(alphabet) for _ in range(4)) for _ in range(5))


@dataclass(frozen=True)
class SealedKey:
    """A signing key as stored: public key (hex), the private key sealed (AES-256-GCM
    ciphertext + tag), nonce, Argon2id salt and cost."""

    public_key: str
    sealed: bytes
    nonce: bytes
    salt: bytes
    cost: KdfCost


def new_key(*, passphrase: str, cost: KdfCost = DEFAULT_COST
            ) -> tuple[Ed25519PrivateKey, SealedKey]:
    """A fresh Ed25519 key and its sealed form. Slow on purpose (one Argon2id derivation, ~0.1–
    0.3 s): call it outside a write transaction. Raises ValidationFailed for a short passphrase.
    `cost` is the Argon2id cost (tests pass a cheap one)."""
    check_passphrase(passphrase)
    key = Ed25519PrivateKey.generate()
    public = public_key_text(key.public_key())
    salt, nonce = os.urandom(16), os.urandom(12)
    sealed = AESGCM(_wrapping_key(passphrase, salt=salt, cost=cost)).encrypt(
        nonce, key.private_bytes_raw(), _AAD_PREFIX + public.encode("ascii"))
    return key, SealedKey(public_key=public, sealed=sealed, nonce=nonce, salt=salt, cost=cost)


def store_key(session: Session, *, key: Ed25519PrivateKey, sealed: SealedKey, created_by: str,
              rotate: bool = False) -> SigningStatus:
    """Store the sealed key as the event's signing key and keep `key` unlocked here.

    rotate: replace the current key (it signs nothing more; its badges still scan). Without it,
    raises SigningKeyExists when the event has a key. Raises NoEvent."""
    event = _event(session)
    current = _current(session, event)
    if current is not None and not rotate:
        raise SigningKeyExists(fingerprint=fingerprint(current.public_key))
    now = utcnow()
    if current is not None:
        current.replaced_at = now
    session.add(SigningKey(event_id=event.id, public_key=sealed.public_key,
                           sealed_key=sealed.sealed, nonce=sealed.nonce, salt=sealed.salt,
                           kdf_iterations=sealed.cost.iterations, kdf_lanes=sealed.cost.lanes,
                           kdf_memory_kib=sealed.cost.memory_kib, created_at=now,
                           created_by=created_by))
    event.verify_keys = " ".join([sealed.public_key, *event.verify_keys.split()])
    session.flush()
    KEYRING.add(key)
    return signing_status(session)


def create_key(session: Session, *, passphrase: str, created_by: str, rotate: bool = False,
               cost: KdfCost = DEFAULT_COST) -> SigningStatus:
    """new_key + store_key in one call (the demo, which builds inside one transaction anyway)."""
    key, sealed = new_key(passphrase=passphrase, cost=cost)
    return store_key(session, key=key, sealed=sealed, created_by=created_by, rotate=rotate)


def current_sealed(session: Session) -> SealedKey:
    """The event's current signing key as stored. Raises NoSigningKey, NoEvent."""
    row = _current(session, _event(session))
    if row is None:
        raise NoSigningKey()
    return SealedKey(public_key=row.public_key, sealed=row.sealed_key, nonce=row.nonce,
                     salt=row.salt,
                     cost=KdfCost(row.kdf_iterations, row.kdf_lanes, row.kdf_memory_kib))


def open_sealed(sealed: SealedKey, *, passphrase: str) -> str:
    """Unseal the key into this process's memory (KEYRING); its public key (hex). Slow on
    purpose (Argon2id); reads and writes no database. Raises WrongPassphrase (also for a sealed
    key that was tampered with: the AEAD tag decides)."""
    try:
        raw = AESGCM(_wrapping_key(passphrase, salt=sealed.salt, cost=sealed.cost)).decrypt(
            sealed.nonce, sealed.sealed, _AAD_PREFIX + sealed.public_key.encode("ascii"))
    except InvalidTag as exc:
        raise WrongPassphrase() from exc
    key = Ed25519PrivateKey.from_private_bytes(raw)
    if public_key_text(key.public_key()) != sealed.public_key:
        raise WrongPassphrase()
    return KEYRING.add(key)


def unlock(session: Session, *, passphrase: str) -> SigningStatus:
    """current_sealed + open_sealed (for callers without a transaction to keep short)."""
    open_sealed(current_sealed(session), passphrase=passphrase)
    return signing_status(session)


def lock(session: Session) -> SigningStatus:
    """Drop the event's keys from this process's memory."""
    for public in _event(session).verify_keys.split():
        KEYRING.forget(public)
    return signing_status(session)


def signing_status(session: Session) -> SigningStatus:
    event = _event(session)
    row = _current(session, event)
    legacy = int(session.scalar(select(func.count()).select_from(LegacyBadge)) or 0)
    keys = len(event.verify_keys.split())
    if row is None:
        return SigningStatus(has_key=False, unlocked=False, fingerprint="", created_at=None,
                             created_by="", keys=keys, legacy_badges=legacy)
    return SigningStatus(has_key=True, unlocked=KEYRING.get(row.public_key) is not None,
                         fingerprint=fingerprint(row.public_key), created_at=row.created_at,
                         created_by=row.created_by, keys=keys, legacy_badges=legacy)


def signer_key(verify_keys: str) -> Ed25519PrivateKey | None:
    """The unlocked private key of the event's current signing key (the first of
    Event.verify_keys), None when it is locked here or there is none."""
    first = verify_keys.split(maxsplit=1)
    return KEYRING.get(first[0]) if first else None


def payload_of(*, event_code: str, verify_keys: str, badge_code: str) -> str:
    """The badge's ED2 payload, "" when the key is locked here (nothing to sign with)."""
    key = signer_key(verify_keys)
    return sign_payload(event_code=event_code, badge_code=badge_code, key=key) if key else ""


class PayloadSigner:
    """Signs badge codes for one event; built once per batch so the event is read once.

    required: raise (SigningLocked, NoSigningKey) when the key is not unlocked here: what every
    path that draws a badge asks, so nothing is ever printed with an unsigned code. Without it,
    a locked key signs as "" (lists and exports show no payload rather than a wrong one)."""

    def __init__(self, session: Session, *, required: bool = False) -> None:
        event = _event(session)
        self.event_code = event.code
        self._key = signer_key(event.verify_keys)
        if self._key is None and required:
            raise SigningLocked() if event.verify_keys else NoSigningKey()

    @property
    def unlocked(self) -> bool:
        return self._key is not None

    def __call__(self, badge_code: str) -> str:
        if self._key is None:
            return ""
        return sign_payload(event_code=self.event_code, badge_code=badge_code, key=self._key)
