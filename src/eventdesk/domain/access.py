"""Who may do what: the four roles, the permissions an action asks for, and the signed-in user.

The table is the one of issue 12 ("Twenty desks and temporary staff"): desk staff search (phones
masked), check in, register walk-ins, print and reprint at the desk and hand out packs; print
staff run batch badge prints; organisers import, export, edit people, exhibitors and the
schedule and watch the dashboard; admins manage users, backups, the audit trail, the purge and
the settings. Organisers can also do what desk and print staff do (they stand in at a desk), and
admins everything. Actions check a permission (`actions.access.require`), never a role by name,
so that a change of the table is a change here only.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from eventdesk.domain.enums import UserRole


class Permission(StrEnum):
    """What an action needs; the values are stable codes (audit, messages, tests)."""

    # Desk
    SEARCH = "search"  # find people; phones and e-mails masked unless SEE_CONTACTS
    CHECK_IN = "check_in"  # scan, manual check-in, undo of a check-in
    WALK_IN = "walk_in"
    DESK_PRINT = "desk_print"  # print, reprint (also "lost", which revokes) at the desk
    PICK_UP = "pick_up"  # exhibitor pack pick-up
    # Print staff
    BATCH_PRINT = "batch_print"  # badge runs, printer calibration
    # Organisers
    SEE_CONTACTS = "see_contacts"  # unmasked phones and e-mails
    IMPORT = "import"
    EXPORT = "export"  # exports with personal data (audited, fields listed)
    EDIT_PEOPLE = "edit_people"
    EDIT_EXHIBITORS = "edit_exhibitors"
    EDIT_SCHEDULE = "edit_schedule"
    EDIT_LAYOUTS = "edit_layouts"
    DASHBOARD = "dashboard"
    # Admins
    MANAGE_USERS = "manage_users"
    BACKUP = "backup"  # backup and restore
    AUDIT = "audit"  # read and export the audit trail
    PURGE = "purge"  # purge personal data after the event
    SETTINGS = "settings"  # event settings, signing key, demo --replace


_DESK = frozenset({Permission.SEARCH, Permission.CHECK_IN, Permission.WALK_IN,
                   Permission.DESK_PRINT, Permission.PICK_UP})
_PRINT = frozenset({Permission.SEARCH, Permission.BATCH_PRINT})
_ORGANISER = _DESK | _PRINT | frozenset({
    Permission.SEE_CONTACTS, Permission.IMPORT, Permission.EXPORT, Permission.EDIT_PEOPLE,
    Permission.EDIT_EXHIBITORS, Permission.EDIT_SCHEDULE, Permission.EDIT_LAYOUTS,
    Permission.DASHBOARD})
_ADMIN = frozenset(Permission)

ROLE_PERMISSIONS: dict[UserRole, frozenset[Permission]] = {
    UserRole.DESK: _DESK,
    UserRole.PRINT: _PRINT,
    UserRole.ORGANISER: _ORGANISER,
    UserRole.ADMIN: _ADMIN,
}

# From the least to the most powerful: the role named in "this needs the … role".
_ORDER = (UserRole.DESK, UserRole.PRINT, UserRole.ORGANISER, UserRole.ADMIN)


def allows(role: UserRole, permission: Permission) -> bool:
    """Whether `role` has `permission` (the table above)."""
    return permission in ROLE_PERMISSIONS[role]


def least_role(permission: Permission) -> UserRole:
    """The least powerful role that has `permission`, for the sentence of a refusal."""
    for role in _ORDER:
        if allows(role, permission):
            return role
    raise AssertionError(f"no role has {permission}")  # the admin row has every permission


@dataclass(frozen=True)
class Principal:
    """The signed-in user an action runs as: account name, role, and the account's row id
    (None for the built-in system principal of migrations and tests' fixtures)."""

    username: str
    role: UserRole
    user_id: int | None = None

    def can(self, permission: Permission) -> bool:
        return allows(self.role, permission)
