"""Every kind of audit entry EventDesk writes: the one list of action codes (issue 12).

An entry's `action` is one of these stable codes; `eventdesk audit --action PREFIX` filters on
them, and tests/actions/test_audit_kinds.py drives one action per code and finds its entry. A
new kind of entry is added here first. The families: `<family>.<verb>`; an export is
`export.<kind>` (detail: fields, count), a schedule edit `schedule.<verb>` (detail: before and
after). Codes marked "(other capability)" are written by code that arrives with that capability
(accounts and sign-in, backups, the purge, signing keys).
"""

from __future__ import annotations

# Export kinds as `eventdesk export --kind` names them (actions.exports.KINDS).
EXPORT_KINDS: tuple[str, ...] = ("people", "exhibitors", "checkins", "schedule", "programme")

SCHEDULE_VERBS: tuple[str, ...] = (
    "item_create", "item_update", "item_place", "item_delete",
    "room_create", "room_update", "room_availability", "room_delete",
    "unavailability_add", "unavailability_remove",
)

ACTION_KINDS: tuple[str, ...] = (
    # the desk
    "checkin.create",  # scan, manual check-in, walk-in (detail.via says which)
    "checkin.rejected",  # a scan refused: forged, other event, revoked, cancelled, unknown …
    "checkin.undo",
    "person.walk_in",  # a walk-in registered at the desk (then checkin.create)
    "badge.print",  # first print at the desk
    "badge.reprint",  # reprint (damaged, lost: then also badge.revoked)
    "badge.revoked",
    "badge.pack_collected",  # an exhibitor's badge pack picked up
    "exhibitor.quota_override",
    # print staff
    "badge.batch_printed",
    # organisers
    "person.create",
    "person.update",
    "exhibitor.create",
    "exhibitor.update",
    "import.people",
    "import.exhibitors",
    "import.schedule",
    *(f"export.{kind}" for kind in EXPORT_KINDS),
    "export.audit",  # the audit trail itself exported (Audit view)
    *(f"schedule.{verb}" for verb in SCHEDULE_VERBS),
    "layout.save",
    "layout.delete",
    "event.demo_built",  # also after demo --replace (detail.replaced: the event it replaced)
    # accounts and sign-in (other capability)
    "user.login",
    "user.login_failed",
    "user.lock",
    "user.unlock",
    "user.add",
    "user.passwd",
    "user.disable",
    "user.role",
    # backups, purge, signing keys (other capabilities)
    "backup.made",
    "backup.restored",
    "data.purged",
    "signing.key_created",
    "signing.unlocked",
)

def family(action: str) -> str:
    """The part before the first dot: `checkin` of `checkin.create`."""
    return action.split(".", 1)[0]
