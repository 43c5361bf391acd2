"""Badge codes and the signed QR payload.

Payload: ``ED1.<event code>.<badge code>.<MAC>``, all characters of QR alphanumeric mode so the
code stays at version ≤ 3 at level M. The badge code is random (not sequential, not guessable);
the MAC is HMAC-SHA256 over the first three parts under the event's secret, truncated to 80 bits.
Scanner input is trimmed and upper-cased first: Caps Lock inverts case on keyboard-wedge scanners.
A scanner may put an AIM symbology identifier before the code (`]Q1` for QR code: `]`, a letter
naming the symbology, a modifier character); it is dropped. Anything outside ASCII makes the
payload malformed: str.upper() would otherwise turn `ı` and `ſ` (and ﬀ, ﬁ…) into I, S, FF,
FI, so text that is not the printed code would verify. A payload typed through a keyboard layout
other than the computer's is read back by domain.keyboard (`looks_like_scan`).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass

from eventdesk.domain.errors import ForgedBadge, ScanRejected
from eventdesk.domain.keyboard import layout_readings

VERSION_PREFIX = "ED1"
BADGE_CODE_LENGTH = 10  # base32 characters: 50 random bits
MAC_LENGTH = 16  # base32 characters: 80 bits of HMAC-SHA256
_BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
_BADGE_RE = re.compile(rf"^[A-Z2-7]{{{BADGE_CODE_LENGTH}}}$")
_EVENT_RE = re.compile(r"^[A-Z0-9]{2,8}$")
_MAC_RE = re.compile(rf"^[A-Z2-7]{{{MAC_LENGTH}}}$")
# What a keyboard-wedge scanner may add or a person may paste around a payload.
_STRIP = " \t\r\n\u3000\ufeff"
# An AIM symbology identifier (ISO/IEC 15424) some scanners send first: ]Q1 (QR code), ]C0,
# ]E0, ]d1…; upper-cased already.
_AIM_RE = re.compile(r"^\][A-Z][0-9A-Z]")


def new_badge_code() -> str:
    return "".join(secrets.choice(_BASE32) for _ in range(BADGE_CODE_LENGTH))


def new_event_secret() -> str:
    return secrets.token_hex(32)


def is_badge_code(text: str) -> bool:
    return bool(_BADGE_RE.match(text))


def is_event_code(text: str) -> bool:
    return bool(_EVENT_RE.match(text))


def _mac(secret: str, body: str) -> str:
    digest = hmac.new(bytes.fromhex(secret), body.encode("ascii"), hashlib.sha256).digest()
    return base64.b32encode(digest[:10]).decode("ascii")[:MAC_LENGTH]


def make_payload(*, event_code: str, badge_code: str, secret: str) -> str:
    if not is_event_code(event_code) or not is_badge_code(badge_code):
        raise ValueError("event or badge code outside the QR alphanumeric alphabet")
    body = f"{VERSION_PREFIX}.{event_code}.{badge_code}"
    return f"{body}.{_mac(secret, body)}"


def normalise(raw: str) -> str:
    """Trimmed, upper-cased, without an AIM symbology identifier."""
    return _AIM_RE.sub("", raw.strip(_STRIP).upper(), count=1)


def looks_like_payload(raw: str) -> bool:
    """True when the text is shaped like one of our payloads (used to tell a scan from typing)."""
    return normalise(raw).startswith(VERSION_PREFIX + ".")


def looks_like_scan(raw: str) -> bool:
    """looks_like_payload, also when typed through a keyboard layout that is not the computer's
    (domain.keyboard): a scan of our badge, to be taken by the scan pipeline, not searched for."""
    return looks_like_payload(raw) or any(looks_like_payload(r.text)
                                          for r in layout_readings(raw.strip(_STRIP)))


@dataclass(frozen=True)
class VerifiedPayload:
    event_code: str
    badge_code: str


def verify_payload(raw: str, *, event_code: str, secret: str) -> VerifiedPayload:
    """Check shape, event and signature. Raises ScanRejected with a stable reason.

    Whether the badge code is revoked or its person cancelled is the check-in service's business:
    this function knows nothing of the database.
    """
    if not raw.strip(_STRIP).isascii():
        raise ScanRejected("malformed", "二维码内容含有非 ASCII 字符")
    text = normalise(raw)
    parts = text.split(".")
    if len(parts) != 4 or parts[0] != VERSION_PREFIX:
        raise ScanRejected("malformed", "无法识别的二维码内容")
    _, ev, badge, mac = parts
    if not _EVENT_RE.match(ev) or not _BADGE_RE.match(badge) or not _MAC_RE.match(mac):
        raise ScanRejected("malformed", "二维码格式不正确")
    if ev != event_code:
        raise ScanRejected("other_event", f"这是其他活动（{ev}）的胸卡")
    expected = _mac(secret, f"{VERSION_PREFIX}.{ev}.{badge}")
    if not hmac.compare_digest(expected, mac):
        raise ForgedBadge()
    return VerifiedPayload(event_code=ev, badge_code=badge)


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
