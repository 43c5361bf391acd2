from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from eventdesk.domain.errors import ScanRejected
from eventdesk.domain.qr import make_payload, new_badge_code, new_event_secret, verify_payload

assert len(new_event_secret()) == 64

# Fixed values: xdist workers must collect identical test ids.
SECRET = "5e" * 32
CODE = "ABCDEFGH23"
PAYLOAD = make_payload(event_code="GH25", badge_code=CODE, secret=SECRET)


def test_payload_is_qr_alphanumeric_and_short() -> None:
    allowed = set("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.")
    assert set(PAYLOAD) <= allowed
    assert len(PAYLOAD) <= 61  # alphanumeric capacity of version 3 at level M


def test_valid_payload_verifies_even_lower_cased_and_padded() -> None:
    for raw in (PAYLOAD, PAYLOAD.lower(), f"  {PAYLOAD}\r\n", f"\u3000{PAYLOAD}"):
        assert verify_payload(raw, event_code="GH25", secret=SECRET).badge_code == CODE


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        ("", "malformed"),
        ("hello", "malformed"),
        ("ED1.GH25.ABC", "malformed"),
        (PAYLOAD.replace("GH25", "XX26"), "other_event"),
        (PAYLOAD[:-1] + ("A" if PAYLOAD[-1] != "A" else "B"), "forged"),
    ],
    ids=["empty", "junk", "truncated", "other-event", "bad-mac"],
)
def test_rejections_carry_a_stable_reason(raw: str, reason: str) -> None:
    with pytest.raises(ScanRejected) as info:
        verify_payload(raw, event_code="GH25", secret=SECRET)
    assert info.value.reason == reason


def test_badge_codes_are_random() -> None:
    codes = {new_badge_code() for _ in range(2000)}
    assert len(codes) == 2000


@given(st.integers(min_value=0, max_value=len(PAYLOAD) - 1), st.characters())
def test_any_single_character_change_is_rejected(pos: int, ch: str) -> None:
    mutated = PAYLOAD[:pos] + ch + PAYLOAD[pos + 1 :]
    if mutated.strip(" \t\r\n\u3000\ufeff").upper() == PAYLOAD:
        return
    with pytest.raises(ScanRejected):
        verify_payload(mutated, event_code="GH25", secret=SECRET)
