"""Find people the way a desk operator types: Chinese characters, pinyin, initials, company,
last digits of a phone, e-mail, badge code, external reference.

Every query word must match. Ranking: a word equal to one of the person's forms beats a form that
starts with it, which beats one that merely contains it; ties are ordered by name. Candidates come
from the in-memory index of services.search.index, not from a LIKE scan of every row.
"""

from __future__ import annotations

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session

from eventdesk.domain import Exhibitor, Person
from eventdesk.domain.contact import phone_digits
from eventdesk.domain.names import SEPARATOR, split_query
from eventdesk.services.people import PersonRow, rows_for
from eventdesk.services.search.index import badge_code_ids, search_ids

MIN_PHONE_TAIL = 4
# How many candidates the database hands over for ranking; the best `limit` of them are kept.
CANDIDATES = 2000


def _like_escape(word: str) -> str:
    return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _word_clause(word: str):  # type: ignore[no-untyped-def]
    clause = Person.search_text.like(f"%{_like_escape(word)}%", escape="\\")
    if word.isdigit() and len(word) >= MIN_PHONE_TAIL:
        clause = or_(clause, Person.phone.like(f"%{word}"))
    return clause


def word_score(word: str, forms: list[str], phone: str) -> int:
    """3 exact, 2 prefix, 1 contains, 0 no match."""
    best = 0
    for form in forms:
        if form == word:
            return 3
        if form.startswith(word):
            best = 2
        elif best == 0 and word in form:
            best = 1
    if word.isdigit() and len(word) >= MIN_PHONE_TAIL and phone_digits(phone).endswith(word):
        best = max(best, 2)
    return best


def _rows_stmt(ids: list[int]):  # type: ignore[no-untyped-def]
    return (
        select(Person, Exhibitor.hall, Exhibitor.booth, Exhibitor.short_name)
        .outerjoin(Exhibitor, Exhibitor.id == Person.exhibitor_id)
        .where(Person.id.in_(ids))
    )


def search_people_like(session: Session, *, query: str, limit: int = 50,
                      with_payload: bool = False) -> list[PersonRow]:
    """The plain SQL scan (LIKE '%word%' over every row): the baseline the benchmark compares
    the index against, and a cross-check for the index in tests."""
    words = split_query(query)
    if not words:
        return []
    stmt = (
        select(Person, Exhibitor.hall, Exhibitor.booth, Exhibitor.short_name)
        .outerjoin(Exhibitor, Exhibitor.id == Person.exhibitor_id)
        .where(and_(*[_word_clause(w) for w in words]))
        .limit(CANDIDATES)
    )
    found = list(session.execute(stmt).all())
    by_code = badge_code_ids(session, query)
    if by_code:
        known = {entry[0].id for entry in found}
        found += [e for e in session.execute(_rows_stmt(by_code)).all() if e[0].id not in known]
    scored = []
    for entry in found:
        person = entry[0]
        forms = person.search_text.split(SEPARATOR)
        score = sum(word_score(w, forms, person.phone) for w in words)
        if person.id in by_code:
            score = 3 * len(words) + 1  # a whole badge code names exactly one person
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
    by_id = {entry[0].id: entry for entry in session.execute(_rows_stmt(ids)).all()}
    return rows_for(session, [by_id[i] for i in ids if i in by_id], with_payload=with_payload)
