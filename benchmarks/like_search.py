"""The natural baseline of the desk search: a plain SQL scan (LIKE '%word%' over every row), ranked
by the same rule as the index (services.search.forms.query_score). bench_desk.py measures the
index against it on the same database; tests/services/test_search_index.py uses it as an
independent cross-check of the index's answers. Not part of the program.
"""

from __future__ import annotations

from sqlalchemy import ColumnElement, and_, or_, select
from sqlalchemy.orm import Session

from eventdesk.domain import Person
from eventdesk.domain.names import split_query
from eventdesk.services.people import PersonRow, list_people
from eventdesk.services.search.forms import MIN_PHONE_TAIL, make_entry, query_score
from eventdesk.services.search.index import badge_code_ids

# How many rows the scan hands over for ranking, as the index's candidate list.
CANDIDATES = 2000


def _like_escape(word: str) -> str:
    return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _word_clause(word: str) -> ColumnElement[bool]:
    clause: ColumnElement[bool] = Person.search_text.like(f"%{_like_escape(word)}%", escape="\\")
    if word.isdigit() and len(word) >= MIN_PHONE_TAIL:
        clause = or_(clause, Person.phone.like(f"%{word}"))
    return clause


def search_people_like(session: Session, *, query: str, limit: int = 50) -> list[PersonRow]:
    """Ranked people for `query` (every word must match), best first, then by name: the answer
    services.search.query.search_people gives from its index."""
    words = split_query(query)
    if not words:
        return []
    found = list(session.scalars(select(Person).where(and_(*[_word_clause(w) for w in words]))
                                 .limit(CANDIDATES)))
    by_code = badge_code_ids(session, query)
    if by_code:
        known = {p.id for p in found}
        found += [p for p in session.scalars(select(Person).where(Person.id.in_(by_code)))
                  if p.id not in known]
    scored: list[tuple[int, str, int]] = []
    for person in found:
        score = query_score(make_entry(person.id, person.search_text, person.phone,
                                       person.name_pinyin), words)
        if person.id in by_code:
            score = 1 << 30  # a whole badge code names exactly one person: first, as the index
        scored.append((-score, person.name_pinyin, person.id))
    ids = [pid for _score, _name, pid in sorted(scored)[:limit]]
    rows = {r.id: r for r in list_people(session, ids=ids, limit=None)} if ids else {}
    return [rows[i] for i in ids if i in rows]
