"""The event's badge signing keys and the digests of the badges printed before them.

SigningKey: an Ed25519 key pair; the public half in clear (also in Event.verify_keys, which the
desk's one check-in statement reads), the private half only encrypted: AES-256-GCM under a key
derived by Argon2id (RFC 9106) from an organiser's signing passphrase, its salt and cost stored
beside it (services.signing). LegacyBadge: the SHA-256 digest of each ED1 payload that was
valid when migration 0007 removed the event's HMAC secret (domain.qr).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Integer, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column

from eventdesk.domain.base import Base, UtcDateTime, utcnow


class SigningKey(Base):
    __tablename__ = "signing_key"

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"), index=True)
    public_key: Mapped[str] = mapped_column(String(64), unique=True)  # 32 bytes, hex
    # AES-256-GCM of the 32-byte Ed25519 private key (ciphertext + 16-byte tag); associated
    # data: b"eventdesk-signing-key/" + public_key, so a blob cannot be moved to another key.
    sealed_key: Mapped[bytes] = mapped_column(LargeBinary)
    nonce: Mapped[bytes] = mapped_column(LargeBinary)  # 12 bytes
    salt: Mapped[bytes] = mapped_column(LargeBinary)  # 16 bytes, Argon2id
    kdf_iterations: Mapped[int] = mapped_column(Integer)
    kdf_lanes: Mapped[int] = mapped_column(Integer)
    kdf_memory_kib: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow)
    created_by: Mapped[str] = mapped_column(String(100), default="")
    # Set when a newer key replaced it (rotation): it signs nothing more, its badges still scan.
    replaced_at: Mapped[datetime | None] = mapped_column(UtcDateTime(), nullable=True)


class LegacyBadge(Base):
    """An ED1 payload printed before migration 0007, known by its SHA-256 digest only."""

    __tablename__ = "legacy_badge"

    digest: Mapped[str] = mapped_column(String(64), primary_key=True)
