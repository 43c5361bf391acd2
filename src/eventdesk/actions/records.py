"""Saving the people and exhibitor edit forms: register or edit a person, add or edit an exhibitor.

Each save is one unit of work (the write with its audit entry). With `base`, the row the form was
filled from, only the fields the form changed are written (services.edits): another desk's change
to other fields since then is kept, and a change to the same fields raises EditConflict.
"""

from __future__ import annotations

from eventdesk.actions.access import require
from eventdesk.actions.base import ActionContext, Outcome, Topic, outcome
from eventdesk.domain.access import Permission
from eventdesk.services.exhibitors import (
    ExhibitorInput,
    ExhibitorRow,
    create_exhibitor,
    update_exhibitor,
)
from eventdesk.services.people import PersonInput, PersonRow, create_person, update_person


def save_person(ctx: ActionContext, *, data: PersonInput,
                base: PersonRow | None) -> Outcome[PersonRow]:
    """Register `data` as a new person (`base` None) or save it over `base`; returns the row as
    saved. Raises ValidationFailed (field key -> problem), EditConflict (another desk changed the
    same fields since `base` was read; nothing written), NoEvent (no event in the database),
    NotFound (the person was deleted meanwhile)."""
    require(ctx, Permission.EDIT_PEOPLE)
    with ctx.db.unit_of_work() as session:
        if base is None:
            row = create_person(session, data=data, operator=ctx.operator, desk=ctx.desk)
        else:
            row = update_person(session, person_id=base.id, data=data, operator=ctx.operator,
                                desk=ctx.desk, base=base)
    return outcome(row, Topic.PEOPLE)


def save_exhibitor(ctx: ActionContext, *, data: ExhibitorInput,
                   base: ExhibitorRow | None) -> Outcome[ExhibitorRow]:
    """Add `data` as a new exhibitor (`base` None) or save it over `base`; returns the row as
    saved. Raises as save_person. People change with it: staff are found by their company's short
    name, and the people list shows booths."""
    require(ctx, Permission.EDIT_EXHIBITORS)
    with ctx.db.unit_of_work() as session:
        if base is None:
            row = create_exhibitor(session, data=data, operator=ctx.operator)
        else:
            row = update_exhibitor(session, exhibitor_id=base.id, data=data,
                                   operator=ctx.operator, desk=ctx.desk, base=base)
    return outcome(row, Topic.EXHIBITORS, Topic.PEOPLE)
