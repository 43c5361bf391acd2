"""Reading exhibitors with their figures (issue 13): staff quota, registered, arrived today and
ever, over-quota and shared-booth flags, the latest pack pick-up; and one exhibitor's staff.
The exhibitors view's table and `eventdesk exhibitors` read through here.

Both need Permission.EDIT_EXHIBITORS (organisers, admins: the exhibitors view's permission).
The contact's phone and e-mail and the pack collector's phone are masked for users without
Permission.SEE_CONTACTS (actions.privacy), staff's phones and e-mails likewise.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from eventdesk.actions import privacy
from eventdesk.actions.access import require
from eventdesk.actions.base import ActionContext, Outcome, outcome
from eventdesk.domain.access import Permission
from eventdesk.services import exhibitors as exhibitor_service
from eventdesk.services.events import get_event
from eventdesk.services.exhibitor_staff import StaffMember, exhibitor_staff
from eventdesk.services.exhibitors import ExhibitorFlag, ExhibitorRow, ExhibitorSort


@dataclass(frozen=True)
class ExhibitorList:
    """Exhibitors as listed (`rows`), how many match in all (`total`), the event day the
    `arrived_today` figures count (ISO date) and the event's time zone name."""

    rows: list[ExhibitorRow]
    total: int
    today: str
    timezone: str


def list_figures(ctx: ActionContext, *, query: str = "", hall: str | None = None,
                 flag: ExhibitorFlag | None = None, sort: ExhibitorSort = "hall",
                 descending: bool = False, limit: int | None = None) -> Outcome[ExhibitorList]:
    """Exhibitors matching `query` in `hall` with their figures, only the flagged ones with
    `flag`, ordered by `sort`, at most `limit`. Reads only. Raises NotSignedIn / Forbidden
    (Permission.EDIT_EXHIBITORS), NoEvent."""
    require(ctx, Permission.EDIT_EXHIBITORS)
    with ctx.db.unit_of_work(write=False) as session:
        event = get_event(session)
        today = exhibitor_service.event_today(session)
        rows = exhibitor_service.list_exhibitors(
            session, query=query, hall=hall, flag=flag, sort=sort, descending=descending,
            limit=limit, figures=True, today=today)
        total = exhibitor_service.count_exhibitors(session, query=query, hall=hall, flag=flag)
    return outcome(ExhibitorList(rows=privacy.exhibitors(ctx, rows), total=total,
                                 today=today.isoformat(), timezone=event.timezone))


@dataclass(frozen=True)
class ExhibitorStaff:
    """An exhibitor (with its figures), everyone linked to it by name with arrival, print and
    collection state, and the event's time zone name."""

    exhibitor: ExhibitorRow
    staff: list[StaffMember]
    timezone: str


def staff_of(ctx: ActionContext, *, exhibitor_id: int) -> Outcome[ExhibitorStaff]:
    """An exhibitor's staff (see ExhibitorStaff). Reads only. Raises NotSignedIn / Forbidden
    (Permission.EDIT_EXHIBITORS), NotFound."""
    require(ctx, Permission.EDIT_EXHIBITORS)
    with ctx.db.unit_of_work(write=False) as session:
        timezone = get_event(session).timezone
        row = exhibitor_service.get_exhibitor(session, exhibitor_id=exhibitor_id, figures=True)
        staff = exhibitor_staff(session, exhibitor_id=exhibitor_id)
    people = privacy.people(ctx, [s.person for s in staff])
    return outcome(ExhibitorStaff(
        exhibitor=privacy.exhibitors(ctx, [row])[0],
        staff=[replace(s, person=p) for s, p in zip(staff, people, strict=True)],
        timezone=timezone))
