"""Who sees contacts: phones and e-mails masked for readers without Permission.SEE_CONTACTS.

Issue 12 (PIPL): desk and print staff find people by the last digits of a phone, but see it as
138****5678 and an e-mail as l***@example.com — in result lists, the status panel, forms, the
command line and exports alike. The rule is applied here, in the actions tier, to what an action
returns: searching still matches the real numbers (services.search), only what is shown is
masked. Nobody signed in (`ctx.user` None) sees masked contacts: least privilege.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from eventdesk.actions.base import ActionContext
from eventdesk.domain.access import Permission
from eventdesk.services.badges.desk import PickupState
from eventdesk.services.checkin import CheckInResult
from eventdesk.services.desk import DeskRow, Duplicate
from eventdesk.services.exhibitors import ExhibitorRow
from eventdesk.services.people import PersonRow


def sees_contacts(ctx: ActionContext) -> bool:
    """Whether the user of `ctx` may see phones and e-mails unmasked."""
    return ctx.user is not None and ctx.user.can(Permission.SEE_CONTACTS)


def person(ctx: ActionContext, row: PersonRow) -> PersonRow:
    """`row` as the user of `ctx` may see it."""
    return row if sees_contacts(ctx) else row.masked()


def people(ctx: ActionContext, rows: Iterable[PersonRow]) -> list[PersonRow]:
    shown = sees_contacts(ctx)
    return [r if shown else r.masked() for r in rows]


def desk_rows(ctx: ActionContext, rows: Iterable[DeskRow]) -> list[DeskRow]:
    if sees_contacts(ctx):
        return list(rows)
    return [replace(r, person=r.person.masked()) for r in rows]


def desk_row(ctx: ActionContext, row: DeskRow | None) -> DeskRow | None:
    return None if row is None else desk_rows(ctx, [row])[0]


def check_in_result(ctx: ActionContext, result: CheckInResult) -> CheckInResult:
    if result.person is None or sees_contacts(ctx):
        return result
    return replace(result, person=result.person.masked())


def duplicates(ctx: ActionContext, found: Iterable[Duplicate]) -> tuple[Duplicate, ...]:
    if sees_contacts(ctx):
        return tuple(found)
    return tuple(replace(d, person=d.person.masked()) for d in found)


def exhibitors(ctx: ActionContext, rows: Iterable[ExhibitorRow]) -> list[ExhibitorRow]:
    shown = sees_contacts(ctx)
    return [r if shown else r.masked() for r in rows]


def pickup(ctx: ActionContext, state: PickupState) -> PickupState:
    if sees_contacts(ctx):
        return state
    return replace(state, exhibitor=state.exhibitor.masked(),
                   staff=tuple(replace(s, person=s.person.masked()) for s in state.staff))
