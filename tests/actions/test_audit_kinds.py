"""Every kind of audit entry (domain.audit_kinds.ACTION_KINDS) is written by its action, with who,
which desk and what changed (issue 12: "a test that enumerates the action kinds and finds one
audit entry for each").

Each kind has a driver below that performs the action through the actions tier, as the GUI and
the CLI do, and says what the entry's detail must hold. A kind without a driver fails with a
sentence naming it: a capability that adds a kind adds its driver here (accounts, backups, the
purge and signing keys arrive with their own branches).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from eventdesk.actions import accounts, desk_print, exports, layouts, records
from eventdesk.actions import audit as audit_actions
from eventdesk.actions import backups as backup_actions
from eventdesk.actions import desk as desk_actions
from eventdesk.actions import imports as import_actions
from eventdesk.actions import purge as purge_actions
from eventdesk.actions import schedule as schedule_actions
from eventdesk.actions import signing as signing_actions
from eventdesk.actions.base import ActionContext
from eventdesk.actions.printing import BadgeSelection, print_run
from eventdesk.demo.build import build_demo, clear_event
from eventdesk.domain import AuditEntry, PrintReason
from eventdesk.domain.access import Principal
from eventdesk.domain.audit_kinds import ACTION_KINDS
from eventdesk.domain.enums import UserRole
from eventdesk.domain.errors import NotSignedIn
from eventdesk.services import audit_read, exhibitors
from eventdesk.services.exhibitors import ExhibitorInput
from eventdesk.services.people import PersonInput, PersonRow
from eventdesk.services.schedule.items import ItemInput
from eventdesk.storage import Database
from tests.conftest import TEST_SIGNING_PASSPHRASE
from tests.services.checkin_cases import add

DESK = "desk-1"
ADMIN = "admin"


@dataclass
class World:
    """An event with one visitor and one exhibitor (quota 1, one staff member)."""

    ctx: ActionContext
    db: Database
    tmp: Path
    visitor: PersonRow
    exhibitor_id: int
    staff: PersonRow
    notes: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Expect:
    """What the newest entry of the kind must show: these detail keys (and values, where not
    None); `desk` False for actions that are not done at a desk (imports, records)."""

    detail: dict[str, Any]
    desk: bool = True
    subject_type: str | None = None


Driver = Callable[[World], Expect]


@pytest.fixture
def world(event_db: Database, tmp_path: Path) -> World:
    ctx = ActionContext(db=event_db, desk=DESK, operator=ADMIN,
                        user=Principal(ADMIN, UserRole.ADMIN))
    with event_db.unit_of_work() as s:
        ex = exhibitors.create_exhibitor(s, data=ExhibitorInput(
            name_zh="中科可控信息产业有限公司", hall="A1", booth="A1-101", staff_quota=1),
            operator="setup")
    staff = add(event_db, "李齐", phone="13800000001", exhibitor_id=ex.id,
                category="exhibitor", company=ex.name_zh)
    visitor = add(event_db, "王芳", phone="13900000002")
    return World(ctx, event_db, tmp_path, visitor, ex.id, staff)


def _send(_pdf: bytes) -> None:
    """A printer that takes every job."""


# -- the desk -------------------------------------------------------------------------------------
def _check_in(w: World) -> Expect:
    desk_actions.check_in(w.ctx, person_id=w.visitor.id)
    return Expect({"via": "search", "day": None}, subject_type="person")


def _rejected(w: World) -> Expect:
    desk_actions.scan(w.ctx, payload="GH.NOTOURS.FORGED")
    return Expect({"reason": None, "payload": "GH.NOTOURS.FORGED"})


def _undo(w: World) -> Expect:
    desk_actions.check_in(w.ctx, person_id=w.visitor.id)
    desk_actions.undo_check_in(w.ctx)
    return Expect({}, subject_type="person")


def _walk_in(w: World) -> Expect:
    desk_actions.register_walk_in(w.ctx, data=PersonInput(name="新来的", phone="13700000003"),
                                  new_person=True)
    return Expect({"name": "新来的"}, subject_type="person")


def _print(w: World) -> Expect:
    desk_print.print_badge(w.ctx, person_id=w.visitor.id, send=_send)
    return Expect({"reason": "first", "code": w.visitor.badge_code}, subject_type="person")


def _reprint(w: World) -> Expect:
    desk_print.print_badge(w.ctx, person_id=w.visitor.id, send=_send)
    desk_print.reprint_badge(w.ctx, person_id=w.visitor.id, reason=PrintReason.DAMAGED,
                             send=_send)
    return Expect({"reason": "damaged"}, subject_type="person")


def _revoke(w: World) -> Expect:
    desk_print.reprint_badge(w.ctx, person_id=w.visitor.id, reason=PrintReason.LOST,
                             send=_send)
    return Expect({}, subject_type="person")


def _pack(w: World) -> Expect:
    desk_print.collect_pack(w.ctx, exhibitor_id=w.exhibitor_id, collected_by="李齐")
    return Expect({}, subject_type="exhibitor")


def _quota_override(w: World) -> Expect:
    desk_actions.register_walk_in(w.ctx, data=PersonInput(
        name="王五", exhibitor_id=w.exhibitor_id, category="exhibitor",
        company="中科可控信息产业有限公司"), override_quota=True)
    return Expect({}, subject_type="exhibitor")


# -- print staff ----------------------------------------------------------------------------------
def _batch(w: World) -> Expect:
    print_run(w.ctx, selection=BadgeSelection(), out=w.tmp / "run.pdf", record=True)
    return Expect({})


# -- organisers -----------------------------------------------------------------------------------
def _person_create(w: World) -> Expect:
    records.save_person(w.ctx, data=PersonInput(name="赵六"), base=None)
    return Expect({"name": "赵六"}, subject_type="person")


def _person_update(w: World) -> Expect:
    records.save_person(w.ctx, data=PersonInput(name="王芳", phone="13900000002",
                                                company="新公司"), base=w.visitor)
    return Expect({"company": ["", "新公司"]}, subject_type="person")


def _exhibitor_create(w: World) -> Expect:
    records.save_exhibitor(w.ctx, data=ExhibitorInput(name_zh="昆山阿丘智能科技有限公司"),
                           base=None)
    return Expect({}, desk=False, subject_type="exhibitor")


def _exhibitor_update(w: World) -> Expect:
    with w.db.unit_of_work(write=False) as s:
        base = exhibitors.get_exhibitor(s, exhibitor_id=w.exhibitor_id)
    records.save_exhibitor(w.ctx, data=ExhibitorInput(
        name_zh="中科可控信息产业有限公司", hall="A1", booth="A1-102", staff_quota=1),
        base=base)
    return Expect({"booth": ["A1-101", "A1-102"]}, subject_type="exhibitor")


def _import(kind: str, content: str) -> Driver:
    def drive(w: World) -> Expect:
        path = w.tmp / f"{kind}.csv"
        path.write_text(content, encoding="utf-8")
        import_actions.import_list(w.ctx, request=import_actions.ImportRequest(path=path,
                                                                                kind=kind))
        return Expect({"file": None, "created": None}, desk=False, subject_type="import")
    return drive


def _export(kind: str, suffix: str) -> Driver:
    def drive(w: World) -> Expect:
        out = w.tmp / f"{kind}{suffix}"
        done = exports.export(w.ctx, kind=kind, out=out).value
        return Expect({"file": out.name, "count": done.count, "fields": None},
                      subject_type="export")
    return drive


def _export_audit(w: World) -> Expect:
    out = w.tmp / "audit.xlsx"
    done = audit_actions.export_trail(w.ctx, out=out).value
    return Expect({"file": "audit.xlsx", "count": done.count,
                   "fields": list(audit_actions.EXPORT_HEADERS)}, subject_type="export")


def _demo(w: World) -> Expect:
    with w.db.unit_of_work() as s:  # what `demo --replace` does (cli.demo)
        replaced = clear_event(s)
        build_demo(s, people=40, exhibitors=4, seed=3, replaced=replaced,
                   operator=w.ctx.operator)
    return Expect({"replaced": None, "people": None}, desk=False, subject_type="event")


# -- the schedule ---------------------------------------------------------------------------------
def _starts() -> tuple[datetime, datetime]:
    start = datetime.now(UTC).replace(minute=0, second=0, microsecond=0) + timedelta(hours=1)
    return start, start + timedelta(hours=1)


def _room(w: World) -> int:
    made = schedule_actions.create_room(w.ctx, room=schedule_actions.RoomInput(name="1号厅"))
    assert made.value.after is not None
    return made.value.after.id


def _item(w: World) -> int:
    made = schedule_actions.create_item(w.ctx, data=ItemInput(title_zh="开幕式"))
    assert made.value.after is not None
    return made.value.after.id


def _schedule(verb: str) -> Driver:
    def drive(w: World) -> Expect:
        changed: dict[str, Any]
        if verb == "item_create":
            _item(w)
            changed = {"title_zh": [None, "开幕式"]}
        elif verb == "item_update":
            schedule_actions.update_item(w.ctx, item_id=_item(w),
                                         data=ItemInput(title_zh="开幕式（改）"))
            changed = {"title_zh": ["开幕式", "开幕式（改）"]}
        elif verb == "item_place":
            start, end = _starts()
            schedule_actions.place_item(w.ctx, item_id=_item(w), start=start, end=end,
                                        room_id=_room(w))
            changed = {"start": [None, str(start)]}
        elif verb == "item_delete":
            schedule_actions.delete_item(w.ctx, item_id=_item(w))
            changed = {"title_zh": ["开幕式", None]}
        elif verb == "room_create":
            _room(w)
            changed = {"name": [None, "1号厅"]}
        elif verb == "room_update":
            schedule_actions.update_room(w.ctx, room_id=_room(w), room=schedule_actions.RoomInput(
                name="1号厅", capacity=300))
            changed = {"capacity": [0, 300]}
        elif verb == "room_availability":
            start, end = _starts()
            schedule_actions.set_room_availability(w.ctx, room_id=_room(w),
                                                   windows=[(start, end)])  # type: ignore[list-item]
            changed = {}
        elif verb == "room_delete":
            schedule_actions.delete_room(w.ctx, room_id=_room(w))
            changed = {"name": ["1号厅", None]}
        elif verb == "unavailability_add":
            start, end = _starts()
            schedule_actions.add_unavailability(w.ctx, person_id=w.visitor.id, start=start,
                                                end=end)
            changed = {"person_id": [None, w.visitor.id]}
        else:
            start, end = _starts()
            row = schedule_actions.add_unavailability(w.ctx, person_id=w.visitor.id,
                                                      start=start, end=end).value
            schedule_actions.remove_unavailability(w.ctx, unavailability_id=row.id)
            changed = {"person_id": [w.visitor.id, None]}
        return Expect({"changed": changed or None})
    return drive


def _layout_save(w: World) -> Expect:
    layouts.save_layout(w.ctx, layout=layouts.copy_of_builtin("default", new_name="昆山"))
    return Expect({}, subject_type="badge_layout")


def _layout_delete(w: World) -> Expect:
    layouts.save_layout(w.ctx, layout=layouts.copy_of_builtin("default", new_name="昆山"))
    layouts.delete_layout(w.ctx, name="昆山")
    return Expect({}, subject_type="badge_layout")


def _import_schedule(w: World) -> Expect:
    schedule_actions.create_room(w.ctx, room=schedule_actions.RoomInput(name="新厅"))
    day = date.today().isoformat().replace("-", "/")  # the event's day (conftest.event_db)
    return _import("schedule", SCHEDULE_CSV.format(day=day))(w)


# -- accounts and signing (issue 12) ----------------------------------------------------------
PASSWORD = "correct horse battery"


def _admin_account(w: World) -> None:
    """The acting admin as a real account (sign-in, unlock and failures need one)."""
    if "admin_account" not in w.notes:
        accounts.add_user(w.ctx, username=ADMIN, role=UserRole.ADMIN, password=PASSWORD)
        w.notes["admin_account"] = True


def _kiosk(w: World) -> None:
    if "kiosk" not in w.notes:
        accounts.add_user(w.ctx, username="kiosk", role=UserRole.DESK, password=PASSWORD)
        w.notes["kiosk"] = True


def _login(w: World) -> Expect:
    _admin_account(w)
    accounts.sign_in(w.db, username=ADMIN, password=PASSWORD, desk=DESK)
    return Expect({})


def _login_failed(w: World) -> Expect:
    _admin_account(w)
    with pytest.raises(NotSignedIn):
        accounts.sign_in(w.db, username=ADMIN, password="not the password", desk=DESK)
    return Expect({})


def _lock(w: World) -> Expect:
    accounts.record_lock(w.ctx)
    return Expect({})


def _unlock(w: World) -> Expect:
    _admin_account(w)
    accounts.unlock(w.ctx, password=PASSWORD)
    return Expect({})


def _user_add(w: World) -> Expect:
    _kiosk(w)
    return Expect({"username": "kiosk", "role": "desk"}, subject_type="user")


def _user_passwd(w: World) -> Expect:
    _kiosk(w)
    accounts.set_password(w.ctx, username="kiosk", password="another long password")
    return Expect({}, subject_type="user")


def _user_disable(w: World) -> Expect:
    _kiosk(w)
    accounts.disable_user(w.ctx, username="kiosk")
    return Expect({}, subject_type="user")


def _user_role(w: World) -> Expect:
    _kiosk(w)
    accounts.set_role(w.ctx, username="kiosk", role=UserRole.PRINT)
    return Expect({}, subject_type="user")


def _key_created(w: World) -> Expect:
    signing_actions.create_signing_key(w.ctx, passphrase="a new signing passphrase",
                                       rotate=True)
    return Expect({"rotate": True, "fingerprint": None}, subject_type="event")


def _signing_unlocked(w: World) -> Expect:
    signing_actions.unlock_signing(w.ctx, passphrase=TEST_SIGNING_PASSPHRASE)
    return Expect({"fingerprint": None}, subject_type="event")


# -- backups and the purge (issue 12) ----------------------------------------------------------
def _backup_made(w: World) -> Expect:
    backup_actions.make_backup(w.ctx, out=w.tmp / "kinds.edbackup")
    return Expect({})


def _backup_restored(w: World) -> Expect:
    # Restored over the event's own database: the entry is written into the restored one.
    backup_actions.make_backup(w.ctx, out=w.tmp / "again.edbackup")
    backup_actions.restore_backup(w.ctx, file=w.tmp / "again.edbackup", replace=True)
    return Expect({})


def _purged(w: World) -> Expect:
    purge_actions.purge_personal_data(w.ctx)
    return Expect({})


PEOPLE_CSV = "姓名,手机,单位\n陈一,13600000001,甲公司\n"
EXHIBITORS_CSV = "名称,展馆,展位\n苏州乙科技有限公司,A2,A2-201\n"
SCHEDULE_CSV = "日期,开始,结束,会议室,议题\n{day},9:00,10:00,新厅,闭幕\n"

DRIVERS: dict[str, Driver] = {
    "checkin.create": _check_in,
    "checkin.rejected": _rejected,
    "checkin.undo": _undo,
    "person.walk_in": _walk_in,
    "badge.print": _print,
    "badge.reprint": _reprint,
    "badge.revoked": _revoke,
    "badge.pack_collected": _pack,
    "exhibitor.quota_override": _quota_override,
    "badge.batch_printed": _batch,
    "person.create": _person_create,
    "person.update": _person_update,
    "exhibitor.create": _exhibitor_create,
    "exhibitor.update": _exhibitor_update,
    "import.people": _import("people", PEOPLE_CSV),
    "import.exhibitors": _import("exhibitors", EXHIBITORS_CSV),
    "import.schedule": lambda w: _import_schedule(w),
    "export.people": _export("people", ".csv"),
    "export.exhibitors": _export("exhibitors", ".xlsx"),
    "export.checkins": _export("checkins", ".csv"),
    "export.schedule": _export("schedule", ".ics"),
    "export.programme": _export("programme", ".pdf"),
    "export.audit": _export_audit,
    **{f"schedule.{verb}": _schedule(verb) for verb in (
        "item_create", "item_update", "item_place", "item_delete", "room_create",
        "room_update", "room_availability", "room_delete", "unavailability_add",
        "unavailability_remove")},
    "layout.save": _layout_save,
    "layout.delete": _layout_delete,
    "event.demo_built": _demo,
    "user.login": _login,
    "user.login_failed": _login_failed,
    "user.lock": _lock,
    "user.unlock": _unlock,
    "user.add": _user_add,
    "user.passwd": _user_passwd,
    "user.disable": _user_disable,
    "user.role": _user_role,
    "signing.key_created": _key_created,
    "signing.unlocked": _signing_unlocked,
    "backup.made": _backup_made,
    "backup.restored": _backup_restored,
    "data.purged": _purged,
}


def _newest(db: Database, kind: str, *, after: int = 0) -> AuditEntry | None:
    with db.unit_of_work(write=False) as s:
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == kind,
                                                   AuditEntry.seq > after)
                          .order_by(AuditEntry.seq.desc()).limit(1)).first()
        if entry is not None:
            s.expunge(entry)
        return entry


@pytest.mark.parametrize("kind", ACTION_KINDS)
def test_each_kind_of_action_writes_its_audit_entry(kind: str, world: World) -> None:
    driver = DRIVERS.get(kind)
    if driver is None:
        pytest.fail(f"audit kind {kind!r} has no driver in tests/actions/test_audit_kinds.py "
                    "DRIVERS: add one that performs the action through the actions tier "
                    "(the capability that writes this kind brings it)", pytrace=False)
    with world.db.unit_of_work(write=False) as s:
        before = audit_read.verify(s).head_seq  # the setup's own entries come before this
    expect = driver(world)
    entry = _newest(world.db, kind, after=before)
    assert entry is not None, f"{kind}: no audit entry written"
    assert entry.actor == ADMIN
    if expect.desk:
        assert entry.desk == DESK
    if expect.subject_type is not None:
        assert entry.subject_type == expect.subject_type
    detail = audit_read._row(entry).detail
    for key, value in expect.detail.items():
        assert key in detail, f"{kind}: detail {detail} has no {key!r}"
        if isinstance(value, dict):
            for sub, sub_value in value.items():
                assert detail[key].get(sub) == sub_value, (kind, key, sub, detail[key])
        elif value is not None:
            assert detail[key] == value, (kind, key, detail[key])
    with world.db.unit_of_work(write=False) as s:
        assert audit_read.verify(s).ok


def test_every_kind_is_listed_once() -> None:
    assert len(ACTION_KINDS) == len(set(ACTION_KINDS))
    assert set(DRIVERS) <= set(ACTION_KINDS), set(DRIVERS) - set(ACTION_KINDS)
