"""Find people the way a desk operator types: Chinese characters, pinyin, initials, company,
last digits of a phone, e-mail, badge code, external reference.

Every query word must match. Ranking (services.search.forms.query_score, the one rule): a word
equal to one of the person's forms beats a form that starts with it, which beats one that merely
contains it; ties are ordered by name. Candidates come from the database's in-memory index
(services.search.index), not from a LIKE scan of every row (that scan is the benchmark's baseline,
benchmarks/like_search.py).
"""

from __future__ import annotations

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from eventdesk.domain import Exhibitor, Person
from eventdesk.services.people import PersonRow, rows_for
from eventdesk.services.search.index import search_ids
from eventdesk.services.search.matched import Match, Searched, matched

__all__ = ["search_people", "search_people_matched"]

_PersonJoin = tuple[Person, str | None, str | None, str | None]


def _joined() -> Select[Person, str, str, str]:
    return (select(Person, Exhibitor.hall, Exhibitor.booth, Exhibitor.short_name)
            .outerjoin(Exhibitor, Exhibitor.id == Person.exhibitor_id))


def _rows(session: Session, stmt: Select[Person, str, str, str]) -> list[_PersonJoin]:
    # The outer join makes the exhibitor's columns optional, which the typed Select cannot say.
    return [(p, hall, booth, short) for p, hall, booth, short in session.execute(stmt)]


def _found(session: Session, query: str, limit: int) -> list[_PersonJoin]:
    ids = search_ids(session, query=query, limit=limit)
    if not ids:
        return []
    by_id = {entry[0].id: entry
             for entry in _rows(session, _joined().where(Person.id.in_(ids)))}
    return [by_id[i] for i in ids if i in by_id]


def search_people(session: Session, *, query: str, limit: int = 50,
                  with_payload: bool = False) -> list[PersonRow]:
    """Ranked people for a desk query, answered from the in-memory index (services.search.index);
    only the returned rows are read from the database."""
    return rows_for(session, _found(session, query, limit), with_payload=with_payload)


def search_people_matched(session: Session, *, query: str, limit: int = 50,
                          with_payload: bool = False
                          ) -> list[tuple[PersonRow, tuple[Match, ...]]]:
    """`search_people`, each person with the fields through which the query found them
    (services.search.matched: best first), worked out from the rows read anyway (their stored
    search forms and exhibitor short name): no further read."""
    found = _found(session, query, limit)
    rows = rows_for(session, found, with_payload=with_payload)
    return [(row, matched(Searched(
        name=p.name, name_en=p.name_en or "", company=p.company or "", company_short=short or "",
        email=p.email or "", external_ref=p.external_ref or "", phone=p.phone or "",
        badge_code=p.badge_code, search_text=p.search_text or ""), query))
        for row, (p, _hall, _booth, short) in zip(rows, found, strict=True)]
