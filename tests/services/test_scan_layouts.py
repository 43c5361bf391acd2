"""Scanner input as it really arrives (issue 11, kind 12): a scanner set to another keyboard
layout than the computer's, AIM symbology prefixes, and characters that str.upper() would fold
into the payload alphabet. The signature still decides."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import delete, select, update

from eventdesk.domain import AuditEntry, CheckIn, Person, PrintReason
from eventdesk.messages.desk import layout_hint
from eventdesk.services.badges import desk as desk_badges
from eventdesk.storage import Database
from tests.badge_payloads import payload_for
from tests.services.checkin_cases import add, count, scan, sentence

# What the computer reads when the scanner types our payload's characters (A–Z, 0–9, '.')
# with another layout: written out key by key here, not taken from domain.keyboard.
GERMAN_SWAP = {"Y": "Z", "Z": "Y"}  # German scanner, US computer (or the other way round)
US_ON_AZERTY = {"A": "Q", "Q": "A", "Z": "W", "W": "Z", "M": "?", ".": ":", "1": "&", "2": "é",
                "3": '"', "4": "'", "5": "(", "6": "-", "7": "è", "8": "_", "9": "ç", "0": "à",
                "]": "$"}  # the ]-key of an AIM prefix (]Q1) types $
AZERTY_ON_US = {"A": "Q", "Q": "A", "Z": "W", "W": "Z", "M": ":", ".": "<", "1": "!", "2": "@",
                "3": "#", "4": "$", "5": "%", "6": "^", "7": "&", "8": "*", "9": "(", "0": ")"}
US_ON_TURKISH = {".": "ç"}  # the dot key types ç on a Turkish Q keyboard
BADGE_CODE = "YZAQWM2345"  # every key that moves: Y Z A Q W M and digits


def typed(payload: str, keys: dict[str, str]) -> str:
    return "".join(keys.get(ch, ch) for ch in payload)


def holder(db: Database, name: str = "Jürgen Zeyer", code: str = BADGE_CODE) -> tuple[int, str]:
    """A person whose badge code holds the keys that move, and their genuine payload."""
    pid = add(db, name, company="Zytek").id
    with db.unit_of_work() as s:
        s.execute(update(Person).where(Person.id == pid).values(badge_code=code))
        return pid, payload_for(s, code)


@pytest.mark.parametrize(("keys", "layouts"), [
    (GERMAN_SWAP, ("us", "de")), (US_ON_AZERTY, ("us", "fr")), (AZERTY_ON_US, ("fr", "us")),
    (US_ON_TURKISH, ("us", "tr")),
])
def test_genuine_badge_through_another_layout_checks_in_with_a_hint(
        event_db: Database, keys: dict[str, str], layouts: tuple[str, str]) -> None:
    pid, payload = holder(event_db)
    swapped = typed(payload, keys)
    assert swapped != payload
    result = scan(event_db, swapped)
    assert (result.result, result.reason) == ("checked_in", None)
    assert result.person is not None and result.person.id == pid
    assert result.layouts == layouts
    assert "键盘布局" in layout_hint(result.layouts)
    again = scan(event_db, swapped.lower())  # and with Caps Lock on, at another desk
    assert again.result == "already_checked_in" and again.layouts == layouts
    assert count(event_db) == 1
    with event_db.unit_of_work(write=False) as s:
        created = s.scalars(select(AuditEntry.detail)
                            .where(AuditEntry.action == "checkin.create")).one()
    assert json.loads(created)["keyboard_layouts"] == "/".join(layouts)


def test_hint_names_both_layouts() -> None:
    assert layout_hint(("us", "de")) == (
        "扫码枪与本机的键盘布局不一致（美式英文 QWERTY / 德文 QWERTZ），胸卡按纠正后的内容核验；"
        "请把扫码枪的键盘布局设成与本机相同")
    assert layout_hint(None) == ""


def test_forged_badge_stays_forged_through_any_layout(event_db: Database) -> None:
    _, payload = holder(event_db)
    forged = payload[:-2] + ("YZ" if not payload.endswith("YZ") else "ZZ")
    for keys in (GERMAN_SWAP, US_ON_AZERTY):
        result = scan(event_db, typed(forged, keys))
        assert result.result == "rejected" and result.layouts is None
    assert scan(event_db, typed(forged, GERMAN_SWAP)).reason == "forged"
    assert scan(event_db, typed(forged, US_ON_AZERTY)).reason == "unknown"
    assert count(event_db) == 0


def test_revoked_badge_through_another_layout_says_revoked_and_why(event_db: Database) -> None:
    pid, payload = holder(event_db)
    with event_db.unit_of_work() as s:  # a lost-badge reprint gave the holder a new code
        desk_badges.revoke_badge(s, person_id=pid, reason=PrintReason.LOST, desk="3",
                                 operator="t")
    result = scan(event_db, typed(payload, GERMAN_SWAP))
    assert (result.result, result.reason, result.layouts) == ("rejected", "revoked", ("us", "de"))


@pytest.mark.parametrize("prefix", ["]Q1", "]q1", "]Q3", "]C0", "]d1", "]E0", "]z2"])
def test_aim_symbology_prefix_is_dropped(event_db: Database, prefix: str) -> None:
    pid, payload = holder(event_db)
    result = scan(event_db, prefix + payload + "\r\n")
    assert result.result == "checked_in" and result.person is not None
    assert result.person.id == pid and result.layouts is None


def test_aim_prefix_typed_through_another_layout_is_dropped_too(event_db: Database) -> None:
    pid, payload = holder(event_db)
    swapped = typed("]Q1" + payload, US_ON_AZERTY)
    assert swapped.startswith("$A&EDé:")
    result = scan(event_db, swapped)
    assert result.result == "checked_in" and result.person is not None
    assert (result.person.id, result.layouts) == (pid, ("us", "fr"))


@pytest.mark.parametrize(("old", "new"), [
    (".TEST.", ".TEſT."),  # long s: upper() gives S
    ("ED2.", "ED2\u2024"),  # one dot leader, not a full stop
])
def test_non_ascii_that_upper_folds_is_malformed(event_db: Database, old: str, new: str) -> None:
    _, payload = holder(event_db)
    result = scan(event_db, payload.replace(old, new, 1))
    assert (result.result, result.reason) in {("rejected", "malformed"), ("rejected", "unknown")}
    assert count(event_db) == 0


@pytest.mark.parametrize(("code", "old", "new"), [
    ("IZAQWM2345", "I", "ı"),  # dotless i (Turkish): upper() gives I
    ("FIAQWM2345", "FI", "ﬁ"),  # the fi ligature: upper() gives FI
])
def test_badge_code_with_a_folding_character_is_malformed(
        event_db: Database, code: str, old: str, new: str) -> None:
    _, payload = holder(event_db, code=code)
    assert scan(event_db, payload.lower()).result == "checked_in"  # the genuine one, Caps Lock
    with event_db.unit_of_work() as s:  # start again: not yet checked in
        s.execute(delete(CheckIn))
    tampered = payload.replace(f".{code}.", f".{code.replace(old, new, 1)}.", 1)
    result = scan(event_db, tampered)
    assert (result.result, result.reason) == ("rejected", "malformed")
    assert "格式不正确" in sentence(result)
