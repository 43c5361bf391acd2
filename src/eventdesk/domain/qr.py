"""Badge codes and the signed QR payload.

Two versions of the payload are accepted, both of QR alphanumeric mode characters only:

- ``ED2.<event code>.<badge code>.<signature>`` (issued now): the signature is Ed25519 (RFC 8032)
  over ``ED2.<event code>.<badge code>``, 64 bytes in base32 without padding (103 characters).
  Desks verify it with the event's public keys (``Event.verify_keys``); the private key is never
  in the database unencrypted (services.signing), so a copy of the database cannot make one.
  The whole payload is 124–128 characters: QR version 5 at level M (37 modules).
- ``ED1.<event code>.<badge code>.<MAC>`` (badges printed before migration 0007): a truncated
  HMAC-SHA256 under a per-event secret that is gone from the database now. What is left is the
  SHA-256 digest of each payload that was valid then (``LegacyBadge``): a desk accepts an ED1
  payload whose digest is stored. A digest gives nothing to compute another payload from (the
  80-bit MAC would have to be guessed), so old badges still scan and no new ED1 can be made.

The badge code is random (not sequential, not guessable).
Scanner input is trimmed and upper-cased first: Caps Lock inverts case on keyboard-wedge scanners.
A scanner may put an AIM symbology identifier before the code (`]Q1` for QR code: `]`, a letter
naming the symbology, a modifier character); it is dropped. Anything outside ASCII makes the
payload malformed: str.upper() would otherwise turn `ı` and `ſ` (and ﬀ, ﬁ…) into I, S, FF,
FI, so text that is not the printed code would verify. A payload typed through a keyboard layout
other than the computer's is read back by domain.keyboard (`looks_like_scan`).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import re
import secrets
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from eventdesk.domain.errors import ForgedBadge, ScanRejected
from eventdesk.domain.keyboard import layout_readings

VERSION_PREFIX = "ED2"  # the payload issued now (Ed25519)
LEGACY_PREFIX = "ED1"  # badges printed before migration 0007 (HMAC; accepted by stored digest)
BADGE_CODE_LENGTH = 10  # base32 characters: 50 random bits
MAC_LENGTH = 16  # ED1: base32 characters, 80 bits of HMAC-SHA256
SIGNATURE_LENGTH = 103  # ED2: base32 characters of a 64-byte Ed25519 signature, no padding
_BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
_BADGE_RE = re.compile(rf"^[A-Z2-7]{{{BADGE_CODE_LENGTH}}}$")
_EVENT_RE = re.compile(r"^[A-Z0-9]{2,8}$")
_MAC_RE = re.compile(rf"^[A-Z2-7]{{{MAC_LENGTH}}}$")
_SIGNATURE_RE = re.compile(rf"^[A-Z2-7]{{{SIGNATURE_LENGTH}}}$")
_PROOF_RE = {LEGACY_PREFIX: _MAC_RE, VERSION_PREFIX: _SIGNATURE_RE}
# What a keyboard-wedge scanner may add or a person may paste around a payload.
_STRIP = " \t\r\n\u3000\ufeff"
# An AIM symbology identifier (ISO/IEC 15424) some scanners send first: ]Q1 (QR code), ]C0,
# ]E0, ]d1…; upper-cased already.
_AIM_RE = re.compile(r"^\][A-Z][0-9A-Z]")


def new_badge_code() -> str:
    return "".join(secrets.choice(_BASE32) for _ in range(BADGE_CODE_LENGTH))


def is_badge_code(text: str) -> bool:
    return bool(_BADGE_RE.match(text))


def is_event_code(text: str) -> bool:
    return bool(_EVENT_RE.match(text))


def _body(prefix: str, event_code: str, badge_code: str) -> str:
    if not is_event_code(event_code) or not is_badge_code(badge_code):
        raise ValueError("event or badge code outside the QR alphanumeric alphabet")
    return f"{prefix}.{event_code}.{badge_code}"


# -- ED2: Ed25519 ----------------------------------------------------------------------------

def public_key_text(key: Ed25519PublicKey) -> str:
    """A public key as stored in Event.verify_keys and SigningKey.public_key: 64 hex digits."""
    return key.public_bytes_raw().hex()


@lru_cache(maxsize=16)
def _public_key(text: str) -> Ed25519PublicKey | None:
    try:
        return Ed25519PublicKey.from_public_bytes(bytes.fromhex(text))
    except ValueError:
        return None


def sign_payload(*, event_code: str, badge_code: str, key: Ed25519PrivateKey) -> str:
    """The ED2 payload of a badge code (deterministic: the same key signs the same code the
    same way, so a reprint carries the same payload). Raises ValueError for codes outside the
    alphabet."""
    body = _body(VERSION_PREFIX, event_code, badge_code)
    signature = base64.b32encode(key.sign(body.encode("ascii"))).decode("ascii")
    return f"{body}.{signature.rstrip('=')}"


def _signature_bytes(text: str) -> bytes | None:
    """The 64 bytes of a base32 signature, None unless `text` is their one canonical spelling
    (the last character carries 2 unused bits: only 0 there is accepted)."""
    try:
        raw = base64.b32decode(text + "=")
    except binascii.Error:
        return None
    if len(raw) != 64 or base64.b32encode(raw).decode("ascii").rstrip("=") != text:
        return None
    return raw


# -- ED1: HMAC, legacy ------------------------------------------------------------------------

def new_event_secret() -> str:
    """An ED1 secret (tests and the migration's fixtures make ED1 badges with it)."""
    return secrets.token_hex(32)


def _mac(secret: str, body: str) -> str:
    digest = hmac.new(bytes.fromhex(secret), body.encode("ascii"), hashlib.sha256).digest()
    return base64.b32encode(digest[:10]).decode("ascii")[:MAC_LENGTH]


def legacy_payload(*, event_code: str, badge_code: str, secret: str) -> str:
    """The ED1 payload printed before migration 0007 (the migration computes their digests;
    nothing issues ED1 any more)."""
    body = _body(LEGACY_PREFIX, event_code, badge_code)
    return f"{body}.{_mac(secret, body)}"


def legacy_digest(payload: str) -> str:
    """SHA-256 (hex) of a normalised ED1 payload: what LegacyBadge stores instead of the secret."""
    return hashlib.sha256(normalise(payload).encode("ascii")).hexdigest()


# -- reading a scan ---------------------------------------------------------------------------

def normalise(raw: str) -> str:
    """Trimmed, upper-cased, without an AIM symbology identifier."""
    return _AIM_RE.sub("", raw.strip(_STRIP).upper(), count=1)


def looks_like_payload(raw: str) -> bool:
    """True when the text is shaped like one of our payloads (used to tell a scan from typing)."""
    text = normalise(raw)
    return text.startswith(VERSION_PREFIX + ".") or text.startswith(LEGACY_PREFIX + ".")


def looks_like_scan(raw: str) -> bool:
    """looks_like_payload, also when typed through a keyboard layout that is not the computer's
    (domain.keyboard): a scan of our badge, to be taken by the scan pipeline, not searched for."""
    return looks_like_payload(raw) or any(looks_like_payload(r.text)
                                          for r in layout_readings(raw.strip(_STRIP)))


def scanned_badge_code(raw: str) -> str:
    """The badge code a payload names (its third part), "" when it is not shaped like ours;
    nothing is verified."""
    parts = normalise(raw).split(".")
    return parts[2] if len(parts) == 4 and parts[0] in _PROOF_RE else ""


@dataclass(frozen=True)
class VerifiedPayload:
    event_code: str
    badge_code: str
    version: str = VERSION_PREFIX


def verify_payload(raw: str, *, event_code: str, public_keys: Sequence[str],
                   legacy_known: Callable[[str], bool]) -> VerifiedPayload:
    """Check shape, event and signature. Raises ScanRejected with a stable reason.

    ED2: the Ed25519 signature must verify under one of `public_keys` (hex, Event.verify_keys).
    ED1: `legacy_known(digest)` must say the payload's SHA-256 digest is stored (LegacyBadge).
    Either failing raises ForgedBadge (reason `forged`). Whether the badge code is revoked or its
    person cancelled is the check-in service's business: this function reads no database.
    """
    if not raw.strip(_STRIP).isascii():
        raise ScanRejected("malformed", "二维码内容含有非 ASCII 字符")
    text = normalise(raw)
    parts = text.split(".")
    if len(parts) != 4 or parts[0] not in _PROOF_RE:
        raise ScanRejected("malformed", "无法识别的二维码内容")
    version, ev, badge, proof = parts
    if not _EVENT_RE.match(ev) or not _BADGE_RE.match(badge) or not _PROOF_RE[version].match(proof):
        raise ScanRejected("malformed", "二维码格式不正确")
    if ev != event_code:
        raise ScanRejected("other_event", f"这是其他活动（{ev}）的胸卡")
    if version == LEGACY_PREFIX:
        if not legacy_known(legacy_digest(text)):
            raise ForgedBadge()
        return VerifiedPayload(event_code=ev, badge_code=badge, version=version)
    signature = _signature_bytes(proof)
    body = f"{version}.{ev}.{badge}".encode("ascii")
    if signature is not None:
        for key_text in public_keys:
            key = _public_key(key_text)
            if key is None:
                continue
            try:
                key.verify(signature, body)
            except InvalidSignature:
                continue
            return VerifiedPayload(event_code=ev, badge_code=badge, version=version)
    raise ForgedBadge()


# A payload inside other text: "ED<digit>.<event>.<badge code>." anywhere (a scan that went into
# a form field after a few typed letters, e.g. "ZedED1.GH25.…").
_PAYLOAD_INSIDE_RE = re.compile(r"ED[0-9]\.[A-Z0-9]{2,8}\.[A-Z2-7]{10}\.")


def contains_payload(text: str) -> bool:
    """True when `text` holds a badge payload anywhere, also as typed through another keyboard
    layout (domain.keyboard): a scan that reached a form field as keystrokes (a burst split by a
    busy machine, a scanner set to type slowly), which must never be saved as a name or a
    company (issue 10, fault 3)."""
    readings = [text] + [r.text for r in layout_readings(text.strip(_STRIP))]
    return any(_PAYLOAD_INSIDE_RE.search(r.upper()) for r in readings)
