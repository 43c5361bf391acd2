"""Find people the way a desk operator types: Chinese characters, pinyin, initials, company,
last digits of a phone, e-mail, badge code, external reference.

Every query word must match. Ranking (services.search.forms.query_score, the one rule): a word
equal to one of the person's forms beats a form that starts with it, which beats one that merely
contains it; ties are ordered by name. Candidates come from the database's in-memory index
(services.search.index), not from a LIKE scan of every row.
"""

from __future__ import annotations

from sqlalchemy import ColumnElement, Select, and_, or_, select
from sqlalchemy.orm import Session

from eventdesk.domain import Exhibitor, Person
from eventdesk.domain.names import split_query
from eventdesk.services.people import PersonRow, rows_for
from eventdesk.services.search.forms import MIN_PHONE_TAIL, make_entry, query_score
from eventdesk.services.search.index import badge_code_ids, search_ids

__all__ = ["search_people", "search_people_like"]

_PersonJoin = tuple[Person, str | None, str | None, str | None]
# How many candidates the database hands over for ranking; the best `limit` of them are kept.
CANDIDATES = 2000


def _like_escape(word: str) -> str:
    return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _word_clause(word: str) -> ColumnElement[bool]:
    clause: ColumnElement[bool] = Person.search_text.like(f"%{_like_escape(word)}%", escape="\\")
    if word.isdigit() and len(word) >= MIN_PHONE_TAIL:
        clause = or_(clause, Person.phone.like(f"%{word}"))
    return clause


def _joined() -> Select[Person, str, str, str]:
    return (select(Person, Exhibitor.hall, Exhibitor.booth, Exhibitor.short_name)
            .outerjoin(Exhibitor, Exhibitor.id == Person.exhibitor_id))


def _rows(session: Session, stmt: Select[Person, str, str, str]) -> list[_PersonJoin]:
    # The outer join makes the exhibitor's columns optional, which the typed Select cannot say.
    return [(p, hall, booth, short) for p, hall, booth, short in session.execute(stmt)]


def search_people_like(session: Session, *, query: str, limit: int = 50,
                      with_payload: bool = False) -> list[PersonRow]:
    """The plain SQL scan (LIKE '%word%' over every row): the baseline the benchmark compares
    the index against, and a cross-check for the index in tests."""
    words = split_query(query)
    if not words:
        return []
    found = _rows(session, _joined().where(and_(*[_word_clause(w) for w in words]))
                  .limit(CANDIDATES))
    by_code = badge_code_ids(session, query)
    if by_code:
        known = {entry[0].id for entry in found}
        found += [e for e in _rows(session, _joined().where(Person.id.in_(by_code)))
                  if e[0].id not in known]
    scored: list[tuple[int, str, int, _PersonJoin]] = []
    for entry in found:
        person = entry[0]
        score = query_score(make_entry(person.id, person.search_text, person.phone,
                                       person.name_pinyin), words)
        if person.id in by_code:
            score = 1 << 30  # a whole badge code names exactly one person: first, as search_ids
        scored.append((-score, person.name_pinyin, person.id, entry))
    scored.sort(key=lambda t: t[:3])
    return rows_for(session, [t[3] for t in scored[:limit]], with_payload=with_payload)


def search_people(session: Session, *, query: str, limit: int = 50,
                  with_payload: bool = False) -> list[PersonRow]:
    """Ranked people for a desk query, answered from the in-memory index (services.search.index);
    only the returned rows are read from the database."""
    ids = search_ids(session, query=query, limit=limit)
    if not ids:
        return []
    by_id = {entry[0].id: entry
             for entry in _rows(session, _joined().where(Person.id.in_(ids)))}
    return rows_for(session, [by_id[i] for i in ids if i in by_id], with_payload=with_payload)
