"""Why a desk search found a person: the field that matched the query (issue 13, desk comfort).

The index (services.search.index) answers ids only, from people's joined forms, so it cannot say
which field a word matched without slowing down every keystroke. The result list shows at most
`limit` people, so the field is worked out afterwards for just those people, from their own
fields, by the same rule the index ranks with (forms.entry_score: equal beats starts-with beats
contains; a phone matches by its last digits): the field of the best-matching form is reported.

`Match.field` is a stable key (FIELDS); `Match.form` is the text to show beside it: the form that
matched (folded: lower case, pinyin), the external reference as stored, or for contacts (phone,
e-mail, which a desk may only see masked) the word typed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from eventdesk.domain.contact import phone_digits
from eventdesk.domain.names import fold, has_han, pinyin_forms, search_fold, split_query
from eventdesk.domain.qr import is_badge_code
from eventdesk.services.search.forms import MIN_PHONE_TAIL

# The fields a desk search matches, in the order a tie is given to (the name first).
FIELDS = ("badge_code", "name", "pinyin", "initials", "name_en", "company", "company_short",
          "company_initials", "external_ref", "phone_tail", "email")
CONTACTS = frozenset({"phone_tail", "email"})  # shown as the word typed, never the stored value
_DOTS_RE = re.compile(r"[·•‧・.\s]+")
_DROP_DOTS = str.maketrans("", "", "·•‧・. \t\n\r\f\v\u3000")


@dataclass(frozen=True)
class Match:
    """The field that found a person (a key of FIELDS) and the text to mark it with."""

    field: str
    form: str


@dataclass(frozen=True)
class Searched:
    """A person's fields as the search sees them (their stored values, before any masking)."""

    name: str
    name_en: str = ""
    company: str = ""
    company_short: str = ""
    email: str = ""
    external_ref: str = ""
    phone: str = ""
    badge_code: str = ""
    # The stored person.search_text (domain.names.person_search_text), when read: its forms
    # are used as they are, instead of spelling the names in pinyin again (a tenth of a
    # millisecond a person — the whole budget of a keystroke for 50 rows).
    search_text: str = ""


@lru_cache(maxsize=65536)
def _han_forms(text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(full pinyin spellings, initials) of `text`'s Han characters. Cached: the people of one
    keystroke's answer are mostly those of the keystroke before."""
    if not has_han(text):
        return (), ()
    han = sum(1 for ch in text if has_han(ch))
    forms = pinyin_forms(text)
    # pinyin_forms gives the full spellings, then one initial per character.
    return (tuple(f for f in forms if len(f) != han), tuple(f for f in forms if len(f) == han))


@lru_cache(maxsize=65536)
def _folded(form: str) -> str:
    return search_fold(_DOTS_RE.sub("", form)) or form


def _forms(p: Searched) -> list[tuple[str, str]]:
    """(field, form) for every form of `p` the index holds, folded as query words are, spelled
    from the fields (without a stored search text)."""
    pinyin, initials = _han_forms(p.name)
    _, company_initials = _han_forms(p.company)
    short_pinyin, short_initials = _han_forms(p.company_short)
    found: list[tuple[str, str]] = [("name", fold(p.name)), ("name", p.name.strip().lower())]
    found += [("pinyin", f) for f in pinyin]
    found += [("initials", f) for f in initials]
    if p.name_en:
        found += [("name_en", fold(p.name_en))]
    found += [("company", fold(p.company))]
    found += [("company_initials", f) for f in company_initials[-1:]]
    if p.company_short:
        found += [("company_short", fold(p.company_short))]
        found += [("company_short", f) for f in short_pinyin + short_initials]
    found += [("email", p.email.lower()), ("external_ref", (p.external_ref or "").lower())]
    return [(field, _folded(form)) for field, form in found if form]


def _stored(p: Searched) -> list[tuple[str, str]]:
    """(field, form) for the forms of the stored search text, attributed by their place in it:
    person_search_text writes the name, its pinyin (full spellings, then initials), the English
    name, the company and its initials, the exhibitor's short name and its pinyin, the e-mail,
    the external reference — each form once, so a form equal to a field's own value is that
    field and starts its section, and a form between two such values is a pinyin spelling of
    the section it is in."""
    anchors: dict[str, str] = {}
    for field, value in (("external_ref", (p.external_ref or "").lower()),
                         ("email", p.email.lower()), ("company_short", fold(p.company_short)),
                         ("company", fold(p.company)), ("name_en", p.name_en.strip().lower()),
                         ("name_en", fold(p.name_en)), ("name", p.name.strip().lower()),
                         ("name", fold(p.name))):
        if value:
            anchors[value] = field  # equal values: the earlier field in the text wins
    han = sum(1 for ch in p.name if has_han(ch))
    section = "pinyin"
    found: list[tuple[str, str]] = []
    # Stored forms are folded already (with their accent-free spellings stored beside them):
    # only the dots and spaces the index drops from a query word are dropped, in one pass.
    folded = p.search_text.translate(_DROP_DOTS).split("|")
    for form, as_typed in zip(p.search_text.split("|"), folded, strict=True):
        if not form:
            continue
        anchor = anchors.get(form)
        if anchor is None:
            field = ("initials" if len(form) == han else "pinyin") if section == "pinyin" \
                else section
        else:
            field = anchor
            if anchor in ("company", "company_short", "email", "external_ref"):
                section = "company_initials" if anchor == "company" else anchor
        found.append((field, as_typed or form))
    return found


@lru_cache(maxsize=8192)
def _forms_of(p: Searched) -> tuple[tuple[str, str], ...]:
    """The person's (field, form) pairs. Cached by the person's fields: the people of one
    keystroke's answer are mostly those of the keystroke before (zh, zha, zhan, zhang…)."""
    return tuple(_stored(p) if p.search_text else _forms(p))


@lru_cache(maxsize=256)
def _words(query: str) -> tuple[str, ...]:
    return tuple(split_query(query))


def _score(form: str, word: str) -> int:
    if form == word:
        return 3
    if form.startswith(word):
        return 2
    return 1 if word in form else 0


def _best(forms: tuple[tuple[str, str], ...], p: Searched, word: str) -> tuple[int, Match] | None:
    best: tuple[int, Match] | None = None
    for field, form in forms:
        if word not in form:  # most forms: one test in C
            continue
        score = _score(form, word)
        if best is None or score > best[0]:
            shown = word if field in CONTACTS else \
                p.external_ref if field == "external_ref" else form
            best = (score, Match(field, shown))
    if len(word) >= MIN_PHONE_TAIL and (best is None or best[0] < 2) and word.isdigit() \
            and phone_digits(p.phone).endswith(word):
        best = (2, Match("phone_tail", word))
    return best


def matched(person: Searched, query: str) -> tuple[Match, ...]:
    """The fields through which `query` finds `person`, one per field, best match first; empty
    when it does not (a row shown for another reason). Pure; a few microseconds a person, with
    pinyin readings cached (domain.names)."""
    words = _words(query)
    if not words:
        return ()
    if len(words) == 1 and person.badge_code and words[0].upper() == person.badge_code \
            and is_badge_code(person.badge_code):
        return (Match("badge_code", person.badge_code),)
    forms = _forms_of(person)
    hits: list[tuple[int, Match]] = []
    if len(words) > 1:  # pinyin typed with spaces: "zhang wei" is the form "zhangwei"
        joined = _best(forms, person, "".join(words))
        if joined is not None and joined[0] >= 2:
            return (joined[1],)
    for word in words:
        hit = _best(forms, person, word)
        if hit is not None:
            hits.append(hit)
    hits.sort(key=lambda h: -h[0])  # stable: equal scores keep the words' order
    seen: dict[str, Match] = {}
    for _, match in hits:
        seen.setdefault(match.field, match)
    return tuple(seen.values())
