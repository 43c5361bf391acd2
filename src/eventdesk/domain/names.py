"""Searchable forms of Chinese and English names: pinyin, initials, simplified script.

Everything here is pure: the search service stores these forms and compares lower-cased,
simplified query words against them.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from itertools import product

from anyascii import anyascii

SEPARATOR = "|"
# Middle dots used in transcribed names (阿依古丽·买买提): typed with or without, or as a space.
_DOTS = "·•‧・."
_DOT_RE = re.compile(f"[{re.escape(_DOTS)}\\s]+")
_HAN_RE = re.compile(r"[\u3400-\u9fff\U00020000-\U0003134f\uf900-\ufaff]")
_ALL_HAN = re.compile(r"[\u3400-\u9fff\U00020000-\U0003134f\uf900-\ufaff]+")
# Surnames read differently from the same character in ordinary words; both readings are
# searchable because operators type what they hear.
SURNAME_READINGS: dict[str, tuple[str, ...]] = {
    "曾": ("zeng", "ceng"),
    "单": ("shan", "dan"),
    "解": ("xie", "jie"),
    "仇": ("qiu", "chou"),
    "区": ("ou", "qu"),
    "查": ("zha", "cha"),
    "朴": ("piao", "pu"),
    "盖": ("ge", "gai"),
    "乐": ("yue", "le"),
    "尉迟": ("yuchi",),
    "万俟": ("moqi",),
    "长孙": ("zhangsun",),
}
_MAX_VARIANTS = 8
# A tone number after a syllable (zhang1), or the 5 pypinyin puts after a character it cannot read
_TONE_RE = re.compile(r"[1-5]$")


# pypinyin and zhconv load large dictionaries (about 0.6 s together); they are imported on first
# use so the window opens without waiting for them (the desk's index build warms them up).
def _convert(text: str) -> str:
    import zhconv

    converted: str = zhconv.convert(text, "zh-cn")  # zhconv has no type information
    return converted


def _pinyin(text: str) -> list[str]:
    from pypinyin import Style, lazy_pinyin

    return lazy_pinyin(text, style=Style.NORMAL, v_to_u=False)


def warm_up() -> None:
    """Load the dictionaries now (e.g. in a worker) rather than at the first keystroke."""
    simplify("張")
    _pinyin("张")


def has_han(text: str) -> bool:
    return bool(_HAN_RE.search(text))


# Cached: zhconv scans every character and an import of 30,000 people calls this ~8 times a row
# (names, companies, e-mails), mostly on text already seen.
@lru_cache(maxsize=65536)
def simplify(text: str) -> str:
    """Traditional characters to simplified, so 張偉 finds 张伟."""
    return _convert(text)


def fold(text: str) -> str:
    """The form queries and stored keys are compared in: simplified, lower-case, no dots/spaces."""
    return _DOT_RE.sub("", simplify(text.strip())).lower()


# Latin letters outside ASCII: Latin-1 letters (not × ÷), Extended-A/B, IPA, Extended Additional
# (Vietnamese), Extended-C/D/E and the ﬁ/ﬂ ligatures. Only these are spelled in ASCII for the
# search: Han, kana, Hangul, Arabic, Cyrillic… stay as typed (their own forms find them).
_LATIN = ("\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u02af\u1e00-\u1eff\u2c60-\u2c7f"
          "\ua720-\ua7ff\uab30-\uab6f\ufb00-\ufb06")
_MARKS = "\u0300-\u036f"  # combining accents typed or pasted in decomposed form (e + ◌́)
_ACCENTED_RE = re.compile(f"[{_LATIN}{_MARKS}]")
_LATIN_RE = re.compile(f"[{_LATIN}]+")
_MARKS_RE = re.compile(f"[{_MARKS}]+")
# German spells ä ö ü as ae oe ue where the keyboard has none: a Chinese keyboard's operator
# types either "muller" or "mueller" for Müller.
_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"})


def _ascii_latin(match: re.Match[str]) -> str:
    return anyascii(match.group())


@lru_cache(maxsize=65536)
def latin_forms(text: str) -> tuple[str, ...]:
    """`text` spelled without accents, as it is typed on a keyboard that has none: the letters of
    other alphabets of Latin script in ASCII (María Díaz → Maria Diaz, Ångström → Angstrom,
    Łukasz → Lukasz, Øystein → Oystein, Straße → Strasse, Æsa → Aesa, Đorđe → Dorde), and for
    German umlauts also the ae/oe/ue spelling (Müller → Muller, Mueller). Empty when `text` has
    nothing to spell differently; case is kept (callers lower-case).

    Not NFKD: it drops the accents only of letters that decompose, and leaves ß, ø, æ, ł, đ, þ, ı
    as they are; anyascii (a maintained transliteration table, ISC licence) spells every Latin
    letter. It is applied to Latin letters only, since it would also turn 张 into "Zhang"."""
    if not _ACCENTED_RE.search(text):
        return ()
    composed = unicodedata.normalize("NFC", text)  # u + ◌̈ is ü, for the ue spelling
    forms = [_LATIN_RE.sub(_ascii_latin, _MARKS_RE.sub("", composed))]
    umlauts = composed.translate(_UMLAUTS)
    if umlauts != composed:
        forms.append(_LATIN_RE.sub(_ascii_latin, _MARKS_RE.sub("", umlauts)))
    return tuple(f for f in dict.fromkeys(forms) if f != text)


def has_accents(text: str) -> bool:
    """True when `text` holds a Latin letter that latin_forms spells differently."""
    return _ACCENTED_RE.search(text) is not None


def search_fold(text: str) -> str:
    """A query word as the search compares it: `fold`, then spelled without accents (latin_forms),
    so `Díaz`, `diaz` and `DIAZ` are one word."""
    folded = fold(text)
    forms = latin_forms(folded)
    return forms[0].lower() if forms else folded


def with_latin_forms(forms: list[str]) -> list[str]:
    """`forms` followed by their accent-free spellings (latin_forms), lower-cased: what the
    search index holds so that an accent-free query word finds an accented name."""
    extra = [f.lower() for form in forms if _ACCENTED_RE.search(form)
             for f in latin_forms(form)]
    return forms + extra if extra else forms


def _syllables(text: str) -> list[list[str]]:
    """Per character, the toneless readings to index; ü is spelled both v and u."""
    out: list[list[str]] = []
    rest = text
    for surname, readings in SURNAME_READINGS.items():
        if len(surname) > 1 and rest.startswith(surname):
            out.append(list(readings))
            rest = rest[len(surname) :]
            break
    else:
        if rest and rest[0] in SURNAME_READINGS:
            out.append(list(SURNAME_READINGS[rest[0]]))
            rest = rest[1:]
    # `rest` is Han only: the shared, cached conversion; characters without a reading stay as
    # they are there and are dropped here (not ASCII), as errors="ignore" would.
    for syllable in _han_pinyin(rest):
        syllable = syllable.lower()
        if not syllable.isascii():
            continue
        forms = [syllable]
        if "v" in syllable:
            forms.append(syllable.replace("v", "u"))
        out.append(forms)
    return out


@lru_cache(maxsize=65536)
def pinyin_forms(text: str) -> tuple[str, ...]:
    """Full pinyin and initials for every reading combination.

    E.g. 曾伟 → zengwei, cengwei, zw, cw.
    """
    han = "".join(ch for ch in simplify(text) if _HAN_RE.match(ch))
    if not han:
        return ()
    syllables = _syllables(han)
    if not syllables:
        return ()
    fulls: list[str] = []
    initials: list[str] = []
    for combo in product(*syllables):
        fulls.append("".join(combo))
        initials.append("".join(s[0] for s in combo))
        if len(fulls) >= _MAX_VARIANTS:
            break
    return tuple(dict.fromkeys(fulls + initials))


@lru_cache(maxsize=65536)
def _han_pinyin(han: str) -> tuple[str, ...]:
    """lazy_pinyin (toneless, v not turned into ü) of text made only of Han characters.

    sort_pinyin, pinyin_forms and the sort keys (domain.sorting) all need it for the same name;
    converting once, with tones, and dropping them here cuts the cost of creating people in bulk
    (pypinyin converts character by character)."""
    from eventdesk.domain.sorting import han_readings  # sorting imports this module

    return tuple(_TONE_RE.sub("", r) for r in han_readings(han))


def _lazy(text: str) -> list[str]:
    if _ALL_HAN.fullmatch(text):
        return list(_han_pinyin(text))
    return _pinyin(text)


@lru_cache(maxsize=65536)
def sort_pinyin(text: str) -> str:
    """Toneless pinyin with spaces, the key lists are sorted by (张伟 → "zhang wei")."""
    simplified = simplify(text)
    if not has_han(simplified):
        return simplified.lower()
    if simplified and simplified[0] in SURNAME_READINGS:
        head = SURNAME_READINGS[simplified[0]][0]
        return " ".join([head, *_lazy(simplified[1:])]).lower()
    return " ".join(_lazy(simplified)).lower()


def _unique(forms: list[str]) -> str:
    return SEPARATOR.join(dict.fromkeys(f for f in with_latin_forms(forms) if f))


def person_search_text(
    *,
    name: str,
    name_en: str = "",
    company: str = "",
    company_short: str = "",
    email: str = "",
    external_ref: str = "",
) -> str:
    """Every form a desk operator may type to find this person, lower-cased and '|'-joined.

    Phone digits are not here: the phone column is matched on its own (last digits). Nor is the
    badge code: it is ten random letters and digits, so as a form it made short queries match
    strangers (`zw` found everyone whose code starts ZW); the search matches a whole code
    exactly against the badge_code column instead (services.search.index.search_ids).
    """
    forms = [fold(name), name.strip().lower(), *pinyin_forms(name)]
    if name_en:
        forms += [fold(name_en), name_en.strip().lower()]
    forms += [fold(company), *pinyin_forms(company)[-1:]]  # initials of the company
    if company_short:
        forms += [fold(company_short), *pinyin_forms(company_short)]
    forms += [email.lower(), (external_ref or "").lower()]
    return _unique(forms)


def exhibitor_search_text(*, name_zh: str, name_en: str = "", short_name: str = "",
                          booth: str = "", external_ref: str = "") -> str:
    forms = [fold(name_zh), *pinyin_forms(name_zh)[-1:], fold(name_en)]
    if short_name:
        forms += [fold(short_name), *pinyin_forms(short_name)]
    forms += [booth.lower(), (external_ref or "").lower()]
    return _unique(forms)


def split_query(text: str) -> list[str]:
    """Query words as the operator typed them, folded and without accents (search_fold; spaces
    between pinyin syllables allowed: `zhang wei` is matched by the search service both as two
    words and joined)."""
    return [w for w in map(search_fold, text.split()) if w]


__all__ = [
    "SEPARATOR",
    "exhibitor_search_text",
    "fold",
    "has_accents",
    "has_han",
    "latin_forms",
    "person_search_text",
    "pinyin_forms",
    "search_fold",
    "simplify",
    "sort_pinyin",
    "split_query",
    "with_latin_forms",
]
