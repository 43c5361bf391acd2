"""The role check every action makes before it reads or writes event data (issue 12).

Checked here, in the actions tier, so that the command line, the window and any script meet the
same rule; the UI hides what a role cannot do, but hiding is a convenience, not the check.
"""

from __future__ import annotations

from eventdesk.actions.base import ActionContext
from eventdesk.domain.access import Permission, Principal, least_role
from eventdesk.domain.errors import Forbidden, NotSignedIn


def require(ctx: ActionContext, permission: Permission) -> Principal:
    """The signed-in user of `ctx` when their role has `permission`.

    Raises NotSignedIn when nobody is signed in, Forbidden (exit 5) naming the least role that
    has the permission otherwise.
    """
    user = ctx.user
    if user is None:
        raise NotSignedIn(permission=permission.value)
    if not user.can(permission):
        raise Forbidden(permission=permission.value, role=user.role.value,
                        needed=least_role(permission).value, user=user.username)
    return user
