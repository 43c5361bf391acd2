"""Sort keys that put Chinese text in pinyin order (拼音排序), mixed with Latin text by its letters.

A key is a plain string compared by code point (Python's `<`, SQLite's BINARY collation,
PostgreSQL's "C" collation — the same order, since UTF-8 keeps code point order byte for byte), so
the database orders and pages 100,000 rows by an indexed column and Python or Qt order a few
rows by the same key. Three levels, joined by LEVEL (U+001F, below every character of a level):

1. letters: each Han character as its toneless pinyin syllable (重 chong, 庆 qing; ü as v, as
   pinyin keyboards type it), each run of other letters or digits spelled in ASCII and lower case
   (María → maria, Ølsen → olsen; Cyrillic, kana, Hangul transliterated), numbers padded so that
   2 sorts before 10; one space between syllables and words, punctuation dropped. So 阿 sits
   among the A's, 张 among the Z's, and "Zhang Wei" right beside 张伟; 西安 (xi an) before
   先 (xian), character by character as a dictionary does.
2. tones: the tone numbers of the Han syllables (1-4, 5 for the neutral tone), so 妈 before 马
   when the letters are the same; text without Han characters has none and comes first.
3. the text itself: homophones (张伟, 章伟) and traditional/simplified spellings in code point
   order, then the caller's id makes the order total.

Names read their surname as a surname (name_key): 曾 zeng, 单 shan, 解 xie, 仇 qiu, 区 ou…
(domain.names.SURNAME_READINGS, first reading); pypinyin reads the rest of the name, and whole
company names, with its phrase dictionary (重庆 chong qing, 银行 yin hang).

A Han character pypinyin cannot read (rare extension characters) stays as itself, after every
letter at its place. Keys are cut at KEY_LENGTH characters (the columns' width); beyond that two
texts differ only in their third level.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from anyascii import anyascii

from eventdesk.domain.columns import SORT_KEY_LENGTH as KEY_LENGTH
from eventdesk.domain.names import simplify

LEVEL = "\x1f"
NEUTRAL_TONE = "5"

# Multi-character surnames first: 尉迟 is yu chi, while 尉 alone is wei.
SURNAME_SYLLABLES: dict[str, tuple[str, ...]] = {
    "尉迟": ("yu4", "chi2"),
    "万俟": ("mo4", "qi2"),
    "长孙": ("zhang3", "sun1"),
    "曾": ("zeng1",),
    "单": ("shan4",),
    "解": ("xie4",),
    "仇": ("qiu2",),
    "区": ("ou1",),
    "查": ("zha1",),
    "朴": ("piao2",),
    "盖": ("ge3",),
    "乐": ("yue4",),
    "覃": ("qin2",),
    "缪": ("miao4",),
    "翟": ("zhai2",),
    "种": ("chong2",),
    "尉": ("wei4",),
}

_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
# A run of Han characters, or a run of other letters and digits; the rest separates words.
_TOKEN_RE = re.compile(f"(?P<han>[{_HAN}〇]+)|(?P<word>[^\\W_{_HAN}〇]+)")
_SYLLABLE_RE = re.compile(r"([a-z]+)([1-5]?)")
_DIGITS_RE = re.compile(r"\d+")
_NOT_ALNUM_RE = re.compile(r"[^a-z0-9]+")
_NUMBER_WIDTH = 8


def _pad(match: re.Match[str]) -> str:
    return match.group().zfill(_NUMBER_WIDTH)


@lru_cache(maxsize=65536)
def han_readings(han: str) -> tuple[str, ...]:
    """pypinyin's readings of a run of Han characters with tone numbers (重庆 → chong2, qing4;
    ü as v: 吕 → lv3; the neutral tone as 5); a character without a reading stays as itself.
    Cached: imports convert the same names and companies again and again."""
    from pypinyin import Style, lazy_pinyin

    return tuple(lazy_pinyin(han, style=Style.TONE3, neutral_tone_with_five=True,
                             v_to_u=False))


def _han_parts(han: str, *, surname: bool) -> list[tuple[str, str]]:
    """(letters, tone) per character of a Han run."""
    readings: list[str] = []
    rest = han
    if surname:
        for family, syllables in SURNAME_SYLLABLES.items():
            if rest.startswith(family):
                readings.extend(syllables)
                rest = rest[len(family):]
                break
    if rest:
        readings.extend(han_readings(rest))
    parts = []
    for reading in readings:
        found = _SYLLABLE_RE.fullmatch(reading.lower())
        # pypinyin writes a neutral tone 5 after a character it cannot read, too.
        parts.append((found.group(1), found.group(2) or NEUTRAL_TONE) if found
                     else (reading.rstrip(NEUTRAL_TONE), ""))
    return parts


def _word_letters(word: str) -> str:
    spelled = _NOT_ALNUM_RE.sub("", anyascii(word).lower())
    return _DIGITS_RE.sub(_pad, spelled or word.lower())


def _key(text: str, *, surname: bool) -> str:
    shown = unicodedata.normalize("NFKC", " ".join(text.split()))
    if not shown:
        return ""
    letters: list[str] = []
    tones: list[str] = []
    for token in _TOKEN_RE.finditer(simplify(shown)):
        han = token.group("han")
        if han:
            # Only a name's first word is its surname (阿依古丽·买买提 has none to read apart).
            for syllable, tone in _han_parts(han, surname=surname and token.start() == 0):
                letters.append(syllable)
                tones.append(tone)
        else:
            letters.append(_word_letters(token.group("word")))
    return LEVEL.join((" ".join(letters), "".join(tones), shown))[:KEY_LENGTH]


@lru_cache(maxsize=65536)
def text_key(text: str) -> str:
    """The sort key of a company, exhibitor, room or other text (see the module docstring);
    "" for blank text."""
    return _key(text, surname=False)


@lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    """The sort key of a person's name: as text_key, with the surname read as a surname
    (曾伟 → zeng wei, 单田芳 → shan tian fang)."""
    return _key(name, surname=True)


def blank_last(key: str) -> tuple[bool, str]:
    """For Python's sorted(): blank text after the rest, as the database lists put it."""
    return (key == "", key)


__all__ = ["KEY_LENGTH", "LEVEL", "SURNAME_SYLLABLES", "blank_last", "han_readings", "name_key",
           "text_key"]
