"""Reading people as a user may see them: the command line's `people`, a person's detail.

Phones and e-mails are masked for users without Permission.SEE_CONTACTS (actions.privacy);
finding still matches the real values (a phone's last digits find the person at any desk).
"""

from __future__ import annotations

from eventdesk.actions import privacy
from eventdesk.actions.access import require
from eventdesk.actions.base import ActionContext, Outcome, outcome
from eventdesk.domain.access import Permission
from eventdesk.services import people as people_service
from eventdesk.services.events import get_event
from eventdesk.services.people import PersonRow
from eventdesk.services.search import query as search


def find_people(ctx: ActionContext, *, query: str = "",
                limit: int = 50) -> Outcome[tuple[list[PersonRow], str]]:
    """People matching `query` (all words must match; ranked), or the first `limit` people by
    name without one; with the event's time zone name, for the caller's date-times. Signed
    badge payloads are given only to users who may see contacts (a payload is an entry ticket).
    Raises NotSignedIn / Forbidden (Permission.SEARCH), NoEvent."""
    require(ctx, Permission.SEARCH)
    sees = privacy.sees_contacts(ctx)
    with ctx.db.unit_of_work(write=False) as session:
        tz = get_event(session).timezone
        if query.strip():
            rows = search.search_people(session, query=query, limit=limit, with_payload=sees)
        else:
            rows = people_service.list_people(session, limit=limit, with_payload=sees)
    return outcome((privacy.people(ctx, rows), tz))


def person_detail(ctx: ActionContext, *, person_id: int) -> Outcome[PersonRow]:
    """One person as the user may see them (contacts masked without SEE_CONTACTS; the signed
    payload only with it). Raises NotSignedIn / Forbidden (Permission.SEARCH), NotFound."""
    require(ctx, Permission.SEARCH)
    sees = privacy.sees_contacts(ctx)
    with ctx.db.unit_of_work(write=False) as session:
        row = people_service.get_person(session, person_id=person_id, with_payload=sees)
    return outcome(privacy.person(ctx, row))
