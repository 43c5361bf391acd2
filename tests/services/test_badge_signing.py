"""Issue 12: badges that a copied database cannot forge.

An event whose badges were printed as ED1 (HMAC under a secret in the database) is upgraded by
migration 0007; then it gets an Ed25519 signing key and prints ED2 badges. An attacker holds only
a copy of the database file and runs plain Python with EventDesk's own code on it (in another
process, with no passphrase): every payload they make is refused by a desk on the original,
while the badges already printed (ED1 and ED2) still scan.
"""

from __future__ import annotations

import base64
import json
import os
import shutil
import stat
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import select, text

from eventdesk.actions import signing as signing_actions
from eventdesk.actions.base import ActionContext
from eventdesk.domain import BadgePrint, Person, PrintReason, RevokedBadge, SigningKey
from eventdesk.domain.access import Principal
from eventdesk.domain.enums import UserRole
from eventdesk.domain.qr import legacy_payload, new_event_secret
from eventdesk.services import checkin, signing
from eventdesk.services.badges import desk as desk_badges
from eventdesk.services.events import create_event
from eventdesk.storage import Database, _alembic_config, open_database, to_url
from tests.services.checkin_cases import add

PASSPHRASE = "correct horse battery staple"
ADMIN = Principal("admin", UserRole.ADMIN)
DESK = Principal("desk1", UserRole.DESK)


@dataclass
class Event:
    path: Path
    db: Database
    ed1: dict[str, str]  # name -> ED1 payload printed before the upgrade
    ed2: dict[str, str]  # name -> ED2 payload printed after it
    lost_ed1: str  # an ED1 badge reported lost after the upgrade
    secret: str  # the old ED1 secret
    private_key: bytes  # the Ed25519 private key (raw), to look for in the file


def _scan(db: Database, payload: str) -> checkin.CheckInResult:
    with db.unit_of_work() as s:
        return checkin.check_in_scan(s, payload=payload, desk="1", operator="t")


@pytest.fixture
def event(tmp_path: Path) -> Iterator[Event]:
    path = tmp_path / "event.sqlite3"
    db = open_database(to_url(path), create=True)
    with db.unit_of_work() as s:
        create_event(s, code="GH25", name_zh="大会", start_date=date.today(),
                     end_date=date.today())
    names = ["张伟", "李娜", "王芳", "Alice Wong", "赵敏"]
    for name in names:
        add(db, name)
    # As EventDesk before 0007 left it: the HMAC secret in the event row, ED1 badges printed.
    with db.engine.begin() as conn:
        command.downgrade(_alembic_config(conn), "0005_accent_free_search")
    secret = new_event_secret()
    with db.engine.begin() as conn:
        conn.execute(text("UPDATE event SET secret = :s"), {"s": secret})
        codes = dict(conn.execute(text("SELECT name, badge_code FROM person")).all())
    db.dispose()
    ed1 = {n: legacy_payload(event_code="GH25", badge_code=codes[n], secret=secret)
           for n in names}
    db = open_database(to_url(path))  # migration 0007 runs here
    ctx = ActionContext(db=db, desk="1", operator="admin", user=ADMIN)
    signing_actions.create_signing_key(ctx, passphrase=PASSPHRASE)
    with db.unit_of_work() as s:
        sign = signing.PayloadSigner(s, required=True)
        ed2 = {n: sign(codes[n]) for n in names}
        public = s.scalars(select(SigningKey.public_key)).one()
        lost = s.scalars(select(Person.id).where(Person.name == "赵敏")).one()
        desk_badges.revoke_badge(s, person_id=lost, reason=PrintReason.LOST, desk="1",
                                 operator="t")
    key = signing.KEYRING.get(public)
    assert key is not None
    yield Event(path=path, db=db, ed1=ed1, ed2=ed2, lost_ed1=ed1["赵敏"], secret=secret,
                private_key=key.private_bytes_raw())
    signing.KEYRING.forget(public)
    db.dispose()


# What an attacker runs on a copy: plain Python, EventDesk's own code, no passphrase.
ATTACK = textwrap.dedent('''
    import hashlib, json, sqlite3, sys
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from eventdesk.domain.qr import legacy_payload, sign_payload
    from eventdesk.services import signing
    from eventdesk.storage import open_database, to_url

    copy = sys.argv[1]
    con = sqlite3.connect(copy)
    code, secret, verify_keys = con.execute(
        "SELECT code, secret, verify_keys FROM event").fetchone()
    badges = [r[0] for r in con.execute("SELECT badge_code FROM person ORDER BY id")]
    public_hex, sealed = con.execute("SELECT public_key, sealed_key FROM signing_key").fetchone()
    made = []
    for badge in badges:
        # ED1 with whatever the event row still holds as its secret, and with guesses
        for guess in (secret, "00" * 32, hashlib.sha256(code.encode()).hexdigest(),
                      hashlib.sha256(verify_keys.encode()).hexdigest()):
            try:
                made.append(legacy_payload(event_code=code, badge_code=badge, secret=guess))
            except ValueError:
                pass
        # ED2 signed with a key of our own, and with key material found in the file
        made.append(sign_payload(event_code=code, badge_code=badge,
                                 key=Ed25519PrivateKey.generate()))
        for raw in (bytes.fromhex(public_hex), hashlib.sha256(sealed).digest(), sealed[:32]):
            made.append(sign_payload(event_code=code, badge_code=badge,
                                     key=Ed25519PrivateKey.from_private_bytes(raw)))
    # The program itself, on the copy: without the passphrase it will not sign.
    db = open_database(to_url(copy))
    refused = []
    for guess in ("", "123456", "password1234", "GH25GH25GH25", "eventdesk-demo"):
        try:
            with db.unit_of_work(write=False) as s:
                signing.unlock(s, passphrase=guess)
        except signing.WrongPassphrase:
            refused.append(guess)
    with db.unit_of_work(write=False) as s:
        try:
            signing.PayloadSigner(s, required=True)
        except signing.SigningLocked:
            refused.append("locked")
    db.dispose()
    print(json.dumps({"payloads": made, "refused": refused}))
''')


def test_a_copy_of_the_database_file_forges_nothing_a_desk_accepts(event: Event,
                                                                   tmp_path: Path) -> None:
    attacker = tmp_path / "attacker"
    attacker.mkdir()
    copy = attacker / "copy.sqlite3"
    with event.db.engine.connect() as conn:  # what a copy made now would hold, WAL included
        conn.exec_driver_sql("PRAGMA wal_checkpoint(FULL)")
    shutil.copyfile(event.path, copy)
    env = {k: v for k, v in os.environ.items() if not k.startswith("EVENTDESK_")}
    done = subprocess.run([sys.executable, "-c", ATTACK, str(copy)], capture_output=True,
                          text=True, env=env, cwd=attacker, timeout=300, check=True)
    attack = json.loads(done.stdout)
    assert attack["refused"] == ["", "123456", "password1234", "GH25GH25GH25",
                                 "eventdesk-demo", "locked"]
    payloads = attack["payloads"]
    assert len(payloads) == 5 * 8
    for payload in payloads:
        result = _scan(event.db, payload)
        assert result.result == "rejected" and result.reason == "forged", payload
    # Badges already printed still scan: ED1 (from before the upgrade) and ED2.
    for name in ("张伟", "李娜"):
        assert _scan(event.db, event.ed1[name]).result == "checked_in"
        assert _scan(event.db, event.ed2[name]).result == "already_checked_in"
    for name in ("王芳", "Alice Wong"):
        assert _scan(event.db, event.ed2[name].lower()).result == "checked_in"
        assert _scan(event.db, f"]Q1{event.ed1[name]}").result == "already_checked_in"


def test_a_lost_badge_stays_refused_as_revoked(event: Event) -> None:
    assert _scan(event.db, event.lost_ed1).reason == "revoked"
    assert _scan(event.db, event.ed2["赵敏"]).reason == "revoked"


@pytest.mark.parametrize("how", ["tampered", "truncated", "other-code", "other-event"])
def test_changed_ed2_payloads_are_refused(event: Event, how: str) -> None:
    good = event.ed2["张伟"]
    head, sig = good.rsplit(".", 1)
    changed = {
        "tampered": f"{head}.{sig[:50]}{'B' if sig[50] == 'A' else 'A'}{sig[51:]}",
        "truncated": f"{head}.{sig[:-1]}",
        "other-code": good.replace(good.split(".")[2], event.ed2["李娜"].split(".")[2]),
        "other-event": good.replace("ED2.GH25.", "ED2.XX26."),
    }[how]
    expected = {"tampered": "forged", "truncated": "malformed", "other-code": "forged",
                "other-event": "other_event"}[how]
    assert _scan(event.db, changed).reason == expected


def _all_bytes(path: Path) -> bytes:
    return b"".join(p.read_bytes() for p in path.parent.glob(path.name + "*"))


def test_neither_key_nor_old_secret_is_in_the_file(event: Event) -> None:
    content = _all_bytes(event.path)
    key = event.private_key
    for form in (key, key.hex().encode(), key.hex().upper().encode(), base64.b64encode(key),
                 base64.b32encode(key).rstrip(b"=")):
        assert form not in content
    secret = bytes.fromhex(event.secret)
    for form in (event.secret.encode(), event.secret.upper().encode(), secret):
        assert form not in content
    with event.db.unit_of_work(write=False) as s:
        assert s.scalar(text("SELECT secret FROM event")) == ""


def test_wrong_passphrase_is_refused_and_signs_nothing(event: Event) -> None:
    with event.db.unit_of_work(write=False) as s:
        signing.lock(s)
    ctx = ActionContext(db=event.db, desk="1", operator="desk1", user=DESK)
    with pytest.raises(signing.WrongPassphrase):
        signing_actions.unlock_signing(ctx, passphrase=PASSPHRASE + "!")
    assert not signing_actions.signing_status(ctx).value.unlocked
    # Locked: a desk print refuses before anything is drawn or recorded.
    with event.db.unit_of_work(write=False) as s:
        pid = s.scalars(select(Person.id).where(Person.name == "张伟")).one()
        with pytest.raises(signing.SigningLocked):
            desk_badges.desk_badges(s, person_ids=[pid])
        assert s.scalar(select(BadgePrint.id)) is None
    # Scanning needs nothing unlocked.
    assert _scan(event.db, event.ed2["张伟"]).result == "checked_in"
    status = signing_actions.unlock_signing(ctx, passphrase=PASSPHRASE).value
    assert status.unlocked and status.legacy_badges == 5  # the 5 badges printed before the upgrade
    with event.db.unit_of_work(write=False) as s:
        again = desk_badges.desk_badges(s, person_ids=[pid])[0].data.qr_payload
    assert again == event.ed2["张伟"]  # a reprint carries the same payload


def test_only_admins_create_keys_and_only_printing_roles_unlock(event: Event) -> None:
    desk = ActionContext(db=event.db, desk="1", operator="desk1", user=DESK)
    from eventdesk.domain.errors import Forbidden, NotSignedIn
    with pytest.raises(Forbidden):
        signing_actions.create_signing_key(desk, passphrase="another long passphrase",
                                           rotate=True)
    with pytest.raises(NotSignedIn):
        signing_actions.unlock_signing(ActionContext(db=event.db), passphrase=PASSPHRASE)
    printer = ActionContext(db=event.db, user=Principal("p", UserRole.PRINT))
    assert signing_actions.unlock_signing(printer, passphrase=PASSPHRASE).value.unlocked


def test_rotation_keeps_old_badges_valid_and_signs_with_the_new_key(event: Event) -> None:
    ctx = ActionContext(db=event.db, desk="1", operator="admin", user=ADMIN)
    status = signing_actions.create_signing_key(ctx, passphrase="a new passphrase here",
                                                rotate=True).value
    assert status.keys == 2 and status.unlocked
    with event.db.unit_of_work(write=False) as s:
        pid = s.scalars(select(Person.id).where(Person.name == "李娜")).one()
        fresh = desk_badges.desk_badges(s, person_ids=[pid])[0].data.qr_payload
    assert fresh != event.ed2["李娜"]
    assert _scan(event.db, event.ed2["李娜"]).result == "checked_in"
    assert _scan(event.db, fresh).result == "already_checked_in"


def test_short_passphrase_is_refused(event: Event) -> None:
    from eventdesk.domain.errors import ValidationFailed
    with pytest.raises(ValidationFailed):
        signing.new_key(passphrase="short")


def test_database_files_are_private(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        path = tmp_path / "new.sqlite3"
        db = open_database(to_url(path), create=True)
        with db.unit_of_work() as s:
            create_event(s, code="TEST", name_zh="测试", start_date=date.today(),
                         end_date=date.today())
        files = sorted(tmp_path.glob("new.sqlite3*"))
        assert {f.name for f in files} >= {"new.sqlite3", "new.sqlite3-wal", "new.sqlite3-shm"}
        for f in files:
            assert stat.S_IMODE(f.stat().st_mode) == 0o600, f
        db.dispose()
        # A file an older EventDesk made readable by everyone is made private when opened.
        path.chmod(0o644)
        db = open_database(to_url(path))
        with db.unit_of_work(write=False) as s:
            assert s.scalar(select(RevokedBadge.code)) is None
        for f in sorted(tmp_path.glob("new.sqlite3*")):
            assert stat.S_IMODE(f.stat().st_mode) == 0o600, f
        db.dispose()
    finally:
        os.umask(old)


def test_a_printed_ed2_badge_decodes_and_scans(event: Event) -> None:
    from eventdesk.pdf.badges import render_one
    from tests.pdf.badge_samples import decoded, pages

    with event.db.unit_of_work(write=False) as s:
        pid = s.scalars(select(Person.id).where(Person.name == "王芳")).one()
        badge = desk_badges.desk_badges(s, person_ids=[pid])[0].data
    for layout in ("default", "bold"):
        for preset in ("a6", "cr80"):
            read = decoded(pages(render_one(badge, layout=layout, preset=preset), dpi=150)[0])
            assert read == [event.ed2["王芳"]], (layout, preset)
    assert _scan(event.db, read[0]).result == "checked_in"
