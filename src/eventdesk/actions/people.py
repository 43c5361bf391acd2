"""The people list and search of the command line (`eventdesk people`): who is registered, found
by the words the desk's search understands."""

from __future__ import annotations

from dataclasses import dataclass

from eventdesk.actions.access import require
from eventdesk.actions.base import ActionContext, Outcome, outcome
from eventdesk.domain.access import Permission
from eventdesk.services import people as people_service
from eventdesk.services.events import get_event
from eventdesk.services.people import PersonRow
from eventdesk.services.search import query as search


@dataclass(frozen=True)
class PeopleFound:
    """The people found, best first (or by name without a query), and the event's time zone
    (IANA name) for showing their times."""

    rows: list[PersonRow]
    timezone: str


def find_people(ctx: ActionContext, *, query: str, limit: int) -> Outcome[PeopleFound]:
    """People matching every word of `query` (ranked, then by name), or the first `limit` people
    when the query is blank; with their badge's QR payload. Needs SEARCH. Raises NoEvent."""
    require(ctx, Permission.SEARCH)
    with ctx.db.unit_of_work(write=False) as session:
        event = get_event(session)
        if query.strip():
            rows = search.search_people(session, query=query, limit=limit, with_payload=True)
        else:
            rows = people_service.list_people(session, limit=limit, with_payload=True)
    return outcome(PeopleFound(rows=rows, timezone=event.timezone))
