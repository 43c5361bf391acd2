"""Role x action, at the actions tier (issue 12): every action of eventdesk.actions checks the
role itself, whoever calls it (window, command line, script).

EXPECTED is the table as the issue words it (desk: search, check in, walk-in, print at the desk,
pick-up; print staff: batch runs; organisers: imports, exports, people, exhibitors, the schedule,
layouts; admins: everything). For each action and each role: a role the table allows gets past
the check (the call may still fail on the test's placeholder arguments, but never with Forbidden
or NotSignedIn); a role it does not allow is refused with Forbidden naming the least role that
may, and nothing is written. Nobody signed in is NotSignedIn. A new action that is missing from
the table fails `test_every_action_is_in_the_table`.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

import eventdesk.actions
from eventdesk.actions.base import ActionContext
from eventdesk.actions.imports import ImportRequest
from eventdesk.actions.layouts import LayoutDocument
from eventdesk.actions.printing import BadgeSelection
from eventdesk.actions.schedule import RoomInput
from eventdesk.domain import AuditEntry, Person
from eventdesk.domain.access import Permission, Principal, allows, least_role
from eventdesk.domain.enums import PrintReason, UserRole
from eventdesk.domain.errors import Forbidden, NotSignedIn
from eventdesk.services.exhibitors import ExhibitorInput
from eventdesk.services.people import PersonInput
from eventdesk.services.schedule.items import ItemInput
from eventdesk.storage import Database

P = Permission
EXPECTED: dict[str, Permission] = {
    # the desk
    "desk.scan": P.CHECK_IN, "desk.check_in": P.CHECK_IN, "desk.undo_check_in": P.CHECK_IN,
    "desk.register_walk_in": P.WALK_IN, "desk.today_count": P.SEARCH,
    "desk.latest_at_desk": P.SEARCH, "desk.search": P.SEARCH, "desk.rows_of": P.SEARCH,
    "desk.find_exhibitors": P.SEARCH, "people.find_people": P.SEARCH,
    "desk_print.print_badge": P.DESK_PRINT, "desk_print.reprint_badge": P.DESK_PRINT,
    "desk_print.pickup_state": P.PICK_UP, "desk_print.print_missing_for_pickup": P.PICK_UP,
    "desk_print.collect_pack": P.PICK_UP,
    # print staff
    "printing.badge_halls": P.BATCH_PRINT, "printing.summarise": P.BATCH_PRINT,
    "printing.preview": P.BATCH_PRINT, "printing.print_run": P.BATCH_PRINT,
    # every role picks a layout to print with
    "layouts.list_layouts": P.SEARCH, "layouts.open_layout": P.SEARCH,
    # organisers
    "layouts.save_layout": P.EDIT_LAYOUTS, "layouts.delete_layout": P.EDIT_LAYOUTS,
    "proof.proof_cases": P.EDIT_LAYOUTS, "proof.proof_badge": P.EDIT_LAYOUTS,
    "exports.export": P.EXPORT, "exports.export_table": P.EXPORT,
    "exhibitors.list_figures": P.EDIT_EXHIBITORS, "exhibitors.staff_of": P.EDIT_EXHIBITORS,
    "exports.export_schedule": P.EXPORT, "exports.export_programme": P.EXPORT,
    "imports.inspect": P.IMPORT, "imports.dry_run": P.IMPORT, "imports.import_list": P.IMPORT,
    "import_process.dry_run": P.IMPORT, "import_process.import_list": P.IMPORT,
    "records.save_person": P.EDIT_PEOPLE, "records.save_exhibitor": P.EDIT_EXHIBITORS,
    **{f"schedule.{name}": P.EDIT_SCHEDULE for name in (
        "load_schedule", "find_conflicts", "get_item", "match_people",
        "rooms_and_unavailability", "create_item", "update_item", "place_item", "delete_item",
        "create_room", "update_room", "set_room_availability", "delete_room",
        "add_unavailability", "remove_unavailability")},
    # admins: the audit trail
    **{f"audit.{name}": P.AUDIT for name in (
        "list_trail", "page", "event_zone", "verify_trail", "export_trail")},
    # badge signing: an admin makes the key; any role that prints (desk or print staff)
    # unlocks it at its machine, which is every role; status and locking are harmless
    "signing.create_signing_key": P.SETTINGS, "signing.unlock_signing": P.SEARCH,
    "signing.lock_signing": P.SEARCH, "signing.signing_status": P.SEARCH,
    # admins: backups, restore, the purge after the event
    "backups.make_backup": P.BACKUP, "backups.backup_now": P.BACKUP,
    "backups.list_backups": P.BACKUP, "backups.restore_backup": P.BACKUP,
    "purge.purge_personal_data": P.PURGE,
    # a person's detail as the user may see them (contacts masked without SEE_CONTACTS)
    "people.person_detail": P.SEARCH,
    # organisers: the dashboard's figures and their exports
    "stats.dashboard": P.DASHBOARD, "stats.export_table": P.DASHBOARD,
}
# Not user actions: the window's rotating backup is the program's own copy, made whoever is
# signed in (actions.backups.automatic_backup); actions.privacy masks what other actions return
# (tests/actions/test_privacy_masking.py).
NOT_CHECKED = {"backups.automatic_backup"}
# Checked on their own: accounts (tests/actions/test_accounts.py: MANAGE_USERS, one's own
# password) and the demo (tests/cli/test_accounts_cli.py: an admin once accounts exist).
OWN_TESTS = {"accounts", "demo", "access", "privacy"}
WHEN = datetime(2030, 1, 1, 9, 0)


def _send(_pdf: bytes) -> None:
    """A printer that takes the job (the print is then recorded)."""


def arguments(tmp: Path) -> dict[str, dict[str, Any]]:
    """Keyword arguments for each action: well-formed where that is cheap, placeholders (an
    unknown id, a missing file) where the call only has to get past the role check."""
    request = ImportRequest(path=tmp / "missing.csv", kind="people")
    layout = LayoutDocument(name="x", document={})
    person = PersonInput(name="测试", phone="13800000000")
    item = ItemInput(title_zh="测试")
    return {
        "desk.scan": {"payload": "ED1.TEST.X.Y"}, "desk.check_in": {"person_id": 999},
        "desk.register_walk_in": {"data": person}, "desk.search": {"query": "测试"},
        "desk.rows_of": {"person_ids": [999]}, "desk.find_exhibitors": {"query": "x"},
        "people.find_people": {"query": "", "limit": 5},
        "desk_print.print_badge": {"person_id": 999, "send": _send},
        "desk_print.reprint_badge": {"person_id": 999, "reason": PrintReason.DAMAGED,
                                     "send": _send},
        "desk_print.pickup_state": {"exhibitor_id": 999},
        "desk_print.print_missing_for_pickup": {"exhibitor_id": 999, "send": _send},
        "desk_print.collect_pack": {"exhibitor_id": 999},
        "exhibitors.list_figures": {}, "exhibitors.staff_of": {"exhibitor_id": 999},
        "printing.summarise": {"selection": BadgeSelection()},
        "printing.preview": {"selection": BadgeSelection()},
        "printing.print_run": {"selection": BadgeSelection(), "out": tmp / "run.pdf"},
        "layouts.open_layout": {"name": "default"}, "layouts.save_layout": {"layout": layout},
        "layouts.delete_layout": {"name": "x"},
        "proof.proof_badge": {"layout": layout, "person_id": None, "preset": "a6"},
        "exports.export": {"kind": "people", "out": tmp / "p.csv"},
        "exports.export_table": {"kind": "people", "out": tmp / "t.csv"},
        "exports.export_schedule": {"out": tmp / "s.ics"},
        "exports.export_programme": {"out": tmp / "p.pdf"},
        "imports.inspect": {"path": tmp / "missing.csv", "kind": "people"},
        "imports.dry_run": {"request": request}, "imports.import_list": {"request": request},
        "import_process.dry_run": {"request": request},
        "import_process.import_list": {"request": request},
        "records.save_person": {"data": person, "base": None},
        "records.save_exhibitor": {"data": ExhibitorInput(name_zh="测试展商"), "base": None},
        "schedule.get_item": {"item_id": 999}, "schedule.match_people": {"names": ["测试"]},
        "schedule.create_item": {"data": item},
        "schedule.update_item": {"item_id": 999, "data": item},
        "schedule.place_item": {"item_id": 999, "start": None, "end": None, "room_id": None},
        "schedule.delete_item": {"item_id": 999},
        "schedule.create_room": {"room": RoomInput("测试厅")},
        "schedule.update_room": {"room_id": 999, "room": RoomInput("测试厅")},
        "schedule.set_room_availability": {"room_id": 999, "windows": ()},
        "schedule.delete_room": {"room_id": 999},
        "schedule.add_unavailability": {"person_id": 999, "start": WHEN, "end": WHEN},
        "schedule.remove_unavailability": {"unavailability_id": 999},
        "audit.export_trail": {"out": tmp / "audit.csv"},
        "signing.create_signing_key": {"passphrase": "a long enough passphrase",
                                       "rotate": True},
        "signing.unlock_signing": {"passphrase": "not the passphrase"},
        "backups.make_backup": {"out": tmp / "b.edbackup"},
        "backups.restore_backup": {"file": tmp / "missing.edbackup"},
        "people.person_detail": {"person_id": 999},
        "stats.export_table": {"table": None, "out": tmp / "figures.csv"},
    }


def _actions() -> dict[str, Callable[..., Any]]:
    """Every public function of eventdesk.actions whose first parameter is the context."""
    found: dict[str, Callable[..., Any]] = {}
    for info in pkgutil.iter_modules(eventdesk.actions.__path__):
        module = importlib.import_module(f"eventdesk.actions.{info.name}")
        for name, function in vars(module).items():
            if (inspect.isfunction(function) and function.__module__ == module.__name__
                    and not name.startswith("_")):
                params = list(inspect.signature(function).parameters)
                if params and params[0] == "ctx":
                    found[f"{info.name}.{name}"] = function
    return found


ACTIONS = _actions()
ROLES = list(UserRole)


def test_every_action_is_in_the_table() -> None:
    checked = {key for key in ACTIONS
               if key.split(".")[0] not in OWN_TESTS and key not in NOT_CHECKED}
    assert checked == set(EXPECTED)


def _written(db: Database) -> tuple[int, int]:
    with db.unit_of_work(write=False) as session:
        return (int(session.scalar(select(func.count()).select_from(AuditEntry)) or 0),
                int(session.scalar(select(func.count()).select_from(Person)) or 0))


@pytest.mark.parametrize("role", ROLES, ids=[r.value for r in ROLES])
@pytest.mark.parametrize("key", sorted(EXPECTED))
def test_role_x_action(key: str, role: UserRole, event_db: Database, tmp_path: Path) -> None:
    permission = EXPECTED[key]
    out = tmp_path / "out"  # the files an action would write (the database lives beside it)
    out.mkdir()
    user = Principal(f"{role.value}-1", role, None)
    ctx = ActionContext(db=event_db, desk="desk-1", operator=user.username, user=user)
    kwargs = arguments(out).get(key, {})
    before = _written(event_db)
    if allows(role, permission):
        try:
            ACTIONS[key](ctx, **kwargs)
        except (Forbidden, NotSignedIn) as exc:  # pragma: no cover - the failure being tested
            pytest.fail(f"{role.value} may {permission.value}, but {key} refused: {exc!r}")
        except Exception:  # noqa: BLE001 - past the check; the placeholder arguments may fail
            pass
        return
    with pytest.raises(Forbidden) as refused:
        ACTIONS[key](ctx, **kwargs)
    assert refused.value.params["needed"] == least_role(permission).value
    assert refused.value.params["permission"] == permission.value
    assert refused.value.params["role"] == role.value
    assert _written(event_db) == before  # refused before anything was read or written
    assert not any(out.iterdir())  # nor any file


@pytest.mark.parametrize("key", sorted(EXPECTED))
def test_nobody_signed_in_is_refused(key: str, event_db: Database, tmp_path: Path) -> None:
    ctx = ActionContext(db=event_db, desk="desk-1", operator="nobody")
    with pytest.raises(NotSignedIn):
        ACTIONS[key](ctx, **arguments(tmp_path).get(key, {}))


def test_the_table_is_the_issues() -> None:
    """Spot checks of the issue's words against domain.access (the table the actions use)."""
    desk = {p for p in Permission if allows(UserRole.DESK, p)}
    assert desk == {P.SEARCH, P.CHECK_IN, P.WALK_IN, P.DESK_PRINT, P.PICK_UP}
    assert {p for p in Permission if allows(UserRole.PRINT, p)} == {P.SEARCH, P.BATCH_PRINT}
    organiser = {p for p in Permission if allows(UserRole.ORGANISER, p)}
    assert {P.IMPORT, P.EXPORT, P.EDIT_PEOPLE, P.EDIT_EXHIBITORS, P.EDIT_SCHEDULE,
            P.DASHBOARD} <= organiser
    assert not organiser & {P.MANAGE_USERS, P.BACKUP, P.AUDIT, P.PURGE, P.SETTINGS}
    assert all(allows(UserRole.ADMIN, p) for p in Permission)
