"""One person as the desk search sees them, and the one ranking rule of people search.

A person's search text is their forms (domain.names.person_search_text: the name, its pinyin
spellings and initials, company names, e-mail, external reference), each between two SEP
characters, so that "a form equal to the word" is `SEP + word + SEP in text`, "a form starting
with it" is `SEP + word in text` and "contains" is `word in text`. Query words never contain SEP
or RS: `str.split()` splits on both (they are ASCII information separators).

`query_score` is the one ranking rule: the index (services.search.base and .ranking) computes the
same scores from its lists, and the benchmark's LIKE baseline (benchmarks/like_search.py) calls it.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from eventdesk.domain.contact import phone_digits
from eventdesk.domain.names import SEPARATOR, has_accents, with_latin_forms

_DOTS_RE = re.compile(r"[·•‧・.\s]+")
SEP = "\x1f"  # between forms in a search text
RS = "\x1e"  # between people where texts are joined (services.search.base: the corpus)
MIN_PHONE_TAIL = 4
STRONG = 100  # multi-word: every word (or the words joined) matched at least as a prefix


class Entry(NamedTuple):
    """One person as the index sees them."""

    id: int
    key: tuple[str, int]  # (name_pinyin, id): the name order
    text: str  # SEP + forms joined by SEP + SEP
    phone: str  # digits only


def entry_text(search_text: str | None) -> str:
    """The index's text of a stored `person.search_text` ('|'-joined forms).

    Query words are folded (dots and spaces dropped, so 阿依古丽·买买提 matches either way);
    stored e-mails and references keep theirs, so a form's folded spelling is added after the
    forms when it differs. Query words are spelled without accents (domain.names.search_fold):
    so are the forms, also those stored before the search_text had accent-free forms. Empty
    forms are dropped; a form may come twice (a folded spelling equal to another form), which
    changes no test made on the text (exact, prefix, contains)."""
    text = search_text or ""
    if SEP in text or RS in text:
        text = text.replace(SEP, "").replace(RS, "")
    folded = _DOTS_RE.sub("", text)
    accents = has_accents(text)  # one look at the whole text: most have none
    if not accents and "||" not in text and text[:1] != "|" and text[-1:] != "|":
        # The common case, mostly in C: the stored forms as they are (person_search_text made
        # them unique), then the folded spelling of those with dots (most: the e-mail).
        body = SEP + text.replace(SEPARATOR, SEP) + SEP
        if folded == text:
            return body
        # Folding never removes a '|', so the folded forms line up with the forms.
        extra = [g for f, g in zip(text.split(SEPARATOR), folded.split(SEPARATOR), strict=True)
                 if g != f and g]
        return body + SEP.join(extra) + SEP if extra else body
    forms = text.split(SEPARATOR)
    extra = [g for f, g in zip(forms, folded.split(SEPARATOR), strict=True) if g != f and g]
    forms = [f for f in forms + extra if f]
    if accents:
        forms = with_latin_forms(forms)
    return SEP + SEP.join(dict.fromkeys(forms)) + SEP


def make_entry(pid: int, search_text: str | None, phone: str | None,
               name_pinyin: str | None) -> Entry:
    return Entry(id=pid, key=(name_pinyin or "", pid), text=entry_text(search_text),
                 phone=phone_digits(phone or ""))


def entry_score(entry: Entry, word: str) -> int:
    """3 exact, 2 prefix (or phone tail), 1 contains, 0 no match."""
    text = entry.text
    if word not in text:
        score = 0
    elif SEP + word + SEP in text:
        return 3
    elif SEP + word in text:
        score = 2
    else:
        score = 1
    if score < 2 and len(word) >= MIN_PHONE_TAIL and word.isdigit() and entry.phone.endswith(word):
        score = 2
    return score


def query_score(entry: Entry, words: list[str]) -> int:
    """Every word must match; spaces inside pinyin are optional, so the words joined count too.

    Several words: people whom every word (or the joined words) finds by exact or prefix come
    first, by STRONG + score; everyone else matched only by a substring of some word follows
    in name order (score 1), which lets the index stop after the first `limit` of them."""
    total = 0
    strong = True
    for w in words:
        s = entry_score(entry, w)
        if not s:
            return 0
        total += s
        strong = strong and s >= 2
    if len(words) > 1:
        joined = entry_score(entry, "".join(words))
        total = max(total, joined * len(words))
        return total + STRONG if strong or joined >= 2 else 1
    return total
