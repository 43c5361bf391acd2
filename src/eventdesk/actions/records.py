"""Saving the people and exhibitor edit forms: register or edit a person, add or edit an exhibitor.

Each save is one unit of work (the write with its audit entry). With `base`, the row the form was
filled from, only the fields the form changed are written (services.edits): another desk's change
to other fields since then is kept, and a change to the same fields raises EditConflict.
"""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy.orm import Session

from eventdesk.actions import privacy
from eventdesk.actions.access import require
from eventdesk.actions.base import ActionContext, Outcome, Topic, outcome
from eventdesk.domain.access import Permission
from eventdesk.domain.contact import is_masked
from eventdesk.services.exhibitors import (
    ExhibitorInput,
    ExhibitorRow,
    create_exhibitor,
    get_exhibitor,
    update_exhibitor,
)
from eventdesk.services.people import (
    PersonInput,
    PersonRow,
    create_person,
    get_person,
    update_person,
)


def save_person(ctx: ActionContext, *, data: PersonInput,
                base: PersonRow | None) -> Outcome[PersonRow]:
    """Register `data` as a new person (`base` None) or save it over `base`; returns the row as
    saved. Raises ValidationFailed (field key -> problem), EditConflict (another desk changed the
    same fields since `base` was read; nothing written), NoEvent (no event in the database),
    NotFound (the person was deleted meanwhile).

    A user who may not see contacts (actions.privacy) was shown them masked: whatever the form
    holds in the phone and e-mail fields, the stored ones are kept — masked text is never saved
    over a real number. The returned row is masked the same way."""
    require(ctx, Permission.EDIT_PEOPLE)
    with ctx.db.unit_of_work() as session:
        if base is None:
            row = create_person(session, data=data, operator=ctx.operator, desk=ctx.desk)
        else:
            data, base = _keep_hidden_contacts(ctx, session, data, base)
            row = update_person(session, person_id=base.id, data=data, operator=ctx.operator,
                                desk=ctx.desk, base=base)
    return outcome(privacy.person(ctx, row), Topic.PEOPLE)


def _keep_hidden_contacts(ctx: ActionContext, session: Session, data: PersonInput,
                          base: PersonRow) -> tuple[PersonInput, PersonRow]:
    """`data` and `base` with the stored phone / e-mail wherever the user could not see them:
    no permission to see contacts, a masked form, or masked text typed back."""
    sees = privacy.sees_contacts(ctx)
    hidden = [k for k in ("phone", "email")
              if not sees or base.contacts_masked or is_masked(getattr(data, k))]
    if not hidden:
        return data, base
    stored = get_person(session, person_id=base.id, with_payload=False)
    kept = {k: getattr(stored, k) for k in hidden}
    return replace(data, **kept), replace(base, **kept, contacts_masked=False)


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
            if base.contacts_masked or not privacy.sees_contacts(ctx) or is_masked(
                    data.contact_phone) or is_masked(data.contact_email):
                # Contacts the user could not see are kept as stored (see save_person).
                stored = get_exhibitor(session, exhibitor_id=base.id)
                phone, email = stored.contact_phone, stored.contact_email
                data = replace(data, contact_phone=phone, contact_email=email)
                base = replace(base, contact_phone=phone, contact_email=email,
                               contacts_masked=False)
            row = update_exhibitor(session, exhibitor_id=base.id, data=data,
                                   operator=ctx.operator, desk=ctx.desk, base=base)
    return outcome(privacy.exhibitors(ctx, [row])[0], Topic.EXHIBITORS, Topic.PEOPLE)
