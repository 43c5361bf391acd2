from __future__ import annotations

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from hypothesis import given
from hypothesis import strategies as st

from eventdesk.domain.errors import ScanRejected
from eventdesk.domain.qr import (
    SIGNATURE_LENGTH,
    legacy_digest,
    legacy_payload,
    new_badge_code,
    new_event_secret,
    public_key_text,
    sign_payload,
    verify_payload,
)

assert len(new_event_secret()) == 64

# Fixed values: xdist workers must collect identical test ids.
KEY = Ed25519PrivateKey.from_private_bytes(bytes(range(32)))
OTHER_KEY = Ed25519PrivateKey.from_private_bytes(bytes(range(1, 33)))
PUBLIC = public_key_text(KEY.public_key())
CODE = "ABCDEFGH23"
PAYLOAD = sign_payload(event_code="GH25", badge_code=CODE, key=KEY)
SECRET = "5e" * 32
LEGACY = legacy_payload(event_code="GH25", badge_code=CODE, secret=SECRET)
STORED = {legacy_digest(LEGACY)}


def verify(raw: str, *, keys: tuple[str, ...] = (PUBLIC,)) -> str:
    return verify_payload(raw, event_code="GH25", public_keys=keys,
                          legacy_known=STORED.__contains__).badge_code


def test_payload_is_qr_alphanumeric_and_fits_version_5_at_level_m() -> None:
    allowed = set("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.")
    assert set(PAYLOAD) <= allowed
    assert len(PAYLOAD.split(".")[3]) == SIGNATURE_LENGTH
    assert len(PAYLOAD) <= 154  # alphanumeric capacity of version 5 at level M


def test_signing_is_deterministic_so_a_reprint_carries_the_same_payload() -> None:
    assert sign_payload(event_code="GH25", badge_code=CODE, key=KEY) == PAYLOAD


def test_valid_payloads_verify_even_lower_cased_and_padded() -> None:
    for good in (PAYLOAD, LEGACY):
        for raw in (good, good.lower(), f"  {good}\r\n", f"\u3000{good}", f"]Q1{good}"):
            assert verify(raw) == CODE


def test_a_rotated_key_still_verifies_its_badges() -> None:
    newer = public_key_text(OTHER_KEY.public_key())
    assert verify(PAYLOAD, keys=(newer, PUBLIC)) == CODE


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        ("", "malformed"),
        ("hello", "malformed"),
        ("ED2.GH25.ABC", "malformed"),
        (PAYLOAD[:-1], "malformed"),  # truncated signature
        (PAYLOAD.replace("GH25", "XX26"), "other_event"),
        (PAYLOAD[:-2] + ("AA" if PAYLOAD[-2:] != "AA" else "BA"), "forged"),
        (sign_payload(event_code="GH25", badge_code=CODE, key=OTHER_KEY), "forged"),
        (PAYLOAD.replace(CODE, "ABCDEFGH24"), "forged"),
        (LEGACY[:-1] + ("A" if LEGACY[-1] != "A" else "B"), "forged"),
        (legacy_payload(event_code="GH25", badge_code="ZZZZZZZZZZ", secret=SECRET), "forged"),
    ],
    ids=["empty", "junk", "short", "truncated", "other-event", "bad-signature", "other-key",
         "other-code", "ed1-bad-mac", "ed1-not-stored"],
)
def test_rejections_carry_a_stable_reason(raw: str, reason: str) -> None:
    with pytest.raises(ScanRejected) as info:
        verify(raw)
    assert info.value.reason == reason


def test_no_key_verifies_nothing() -> None:
    with pytest.raises(ScanRejected) as info:
        verify(PAYLOAD, keys=())
    assert info.value.reason == "forged"


def test_a_non_canonical_signature_spelling_is_refused() -> None:
    # 64 bytes use 2 bits less than 103 base32 characters hold: only zeros there are accepted.
    last = PAYLOAD[-1]
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
    twin = alphabet[alphabet.index(last) | 1]
    assert twin != last
    with pytest.raises(ScanRejected):
        verify(PAYLOAD[:-1] + twin)


def test_badge_codes_are_random() -> None:
    codes = {new_badge_code() for _ in range(2000)}
    assert len(codes) == 2000


@given(st.integers(min_value=0, max_value=len(PAYLOAD) - 1), st.characters())
def test_any_single_character_change_is_rejected(pos: int, ch: str) -> None:
    mutated = PAYLOAD[:pos] + ch + PAYLOAD[pos + 1 :]
    if mutated.strip(" \t\r\n\u3000\ufeff").upper() == PAYLOAD:
        return
    with pytest.raises(ScanRejected):
        verify(mutated)


@given(st.integers(min_value=0, max_value=len(LEGACY) - 1), st.characters())
def test_any_single_character_change_of_an_ed1_badge_is_rejected(pos: int, ch: str) -> None:
    mutated = LEGACY[:pos] + ch + LEGACY[pos + 1 :]
    if mutated.strip(" \t\r\n\u3000\ufeff").upper() == LEGACY:
        return
    with pytest.raises(ScanRejected):
        verify(mutated)
