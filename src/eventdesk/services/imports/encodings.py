"""Which encoding a text file is in — and refusing to guess when the bytes do not tell.

UTF-8 (with or without BOM), UTF-16 with BOM and plain ASCII are certain. A file that is none
of those is one of the legacy encodings lists come in: GB18030/GBK from Chinese Excel, and from
partners abroad Big5, Shift-JIS, EUC-KR or Windows-1252. Most byte strings decode without error
in several of them (GB18030 accepts almost any pair of high bytes, a single-byte code page
accepts anything), so "it decodes" proves little: 山田太郎 in Shift-JIS decodes as GB18030 to
嶳揷懢榊, José in Windows-1252 decodes as cp775 to Josķ.

So every candidate that decodes the whole file is also asked whether the text it gives is the
text that encoding is used for (`typical`): Chinese characters of GB2312 for GB18030, the
frequent characters of Big5, kana and level-1 kanji for Shift-JIS, hangul for EUC-KR, accented
letters inside Latin words for Windows-1252. Text decoded with the wrong one is mostly rare
characters, hanja, symbols or accented letters in runs. The file's encoding is the one candidate
whose text is typical; when there is none, or more than one (a short Korean list reads as common
hanzi in GB18030 too) and the header does not settle it, the file is refused with the
candidates and the text each gives (`EncodingUnsure`), and the person chooses (`--encoding`,
the wizard's encoding list). Refusing costs a choice; a wrong guess would store garbled names.
"""

from __future__ import annotations

import codecs
import hashlib
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import BinaryIO

from eventdesk.domain.errors import ImportRejected

# (codec, label) in order of preference: the first is the usual one at a Chinese event.
LEGACY: tuple[tuple[str, str], ...] = (
    ("gb18030", "GB18030/GBK（简体中文）"),
    ("big5", "Big5（繁體中文）"),
    ("shift_jis", "Shift-JIS（日本語）"),
    ("euc_kr", "EUC-KR（한국어）"),
    ("cp1252", "Windows-1252 (Western European)"),
)
# Every encoding a person may choose in the wizard (any Python codec name works in the CLI).
CHOICES: tuple[tuple[str, str], ...] = (
    ("utf-8", "UTF-8"), *LEGACY, ("utf-16", "UTF-16"),
    ("cp1251", "Windows-1251 (Кириллица)"), ("cp1250", "Windows-1250 (Central European)"),
    ("latin-1", "ISO-8859-1 (Latin-1)"),
)
# Share of a candidate's non-ASCII characters that must be typical of it.
TYPICAL = 0.8
SAMPLE_BYTES = 256 * 1024  # of non-ASCII lines, scored per candidate
SAMPLE_SHOWN = 3  # non-ASCII lines shown per candidate in a refusal
JUDGED_UTF8_LINES = 1000  # UTF-8-valid lines of a legacy file kept to judge (see _refuse_mixed)
_CHUNK = 1 << 20
# The longest line read (a cell holds at most csvfile.MAX_CELL characters, 3 MB of UTF-8).
MAX_LINE_BYTES = 8 << 20
_EOL = re.compile(rb"\r\n|\r|\n")


@dataclass(frozen=True)
class Reading:
    """One candidate's reading of a file: its codec, label, typical share, and the first
    non-ASCII lines as it decodes them (what a person compares to choose)."""

    encoding: str
    label: str
    typical: float
    sample: str


def label_of(encoding: str) -> str:
    name = normal_name(encoding)
    return next((label for codec, label in CHOICES if normal_name(codec) == name), encoding)


def normal_name(encoding: str) -> str:
    """Python's own name of a codec ("Shift-JIS" → "shift_jis"); raises LookupError."""
    return codecs.lookup(encoding).name


def detect(path: Path, *, known: Callable[[str], bool] | None = None) -> tuple[str, str]:
    """(encoding, sha256 of the bytes) of a text file, read once in bounded memory. Raises
    ImportRejected: imports.binary, utf16_damaged, mixed_encodings, and
    imports.encoding_unsure (candidates in `readings`) when the legacy encoding is not certain.
    `known(text)` tells a header cell (used when two legacy readings are both typical)."""
    digest = hashlib.sha256()
    legacy_lines = 0
    first_legacy = first_bad = 0
    utf8_kept: list[tuple[int, bytes]] = []
    alive = {codec: True for codec, _label in LEGACY}
    sample: list[bytes] = []
    sampled = 0
    with open(path, "rb") as fh:
        start = fh.read(4)
        fh.seek(0)
        if start.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            return _utf16(path, fh, digest)
        for line_no, line in enumerate(lines(fh, name=path.name), start=1):
            digest.update(line)
            if b"\x00" in line:
                raise ImportRejected(code="imports.binary", file=path.name, line=line_no)
            if line.isascii():
                continue
            try:
                line.decode("utf-8")
                if len(utf8_kept) < JUDGED_UTF8_LINES:
                    utf8_kept.append((line_no, line))
                continue
            except UnicodeDecodeError:
                legacy_lines += 1
                first_legacy = first_legacy or line_no
            # Multi-byte sequences of these encodings never hold a newline byte: a line
            # decodes on its own.
            for codec in [c for c, ok in alive.items() if ok]:
                try:
                    line.decode(codec)
                except UnicodeDecodeError:
                    alive[codec] = False
                    if codec == "gb18030":
                        first_bad = line_no
            if sampled < SAMPLE_BYTES:
                sample.append(line)
                sampled += len(line)
    if not legacy_lines:
        return ("utf-8-sig" if start.startswith(codecs.BOM_UTF8) else "utf-8"), digest.hexdigest()
    readings = [reading(codec, sample) for codec, ok in alive.items() if ok]
    codec = _choose(path, readings, known, first_bad)
    _refuse_mixed(path, codec, utf8_kept, first_legacy)
    return codec, digest.hexdigest()


def _refuse_mixed(path: Path, codec: str, utf8_kept: list[tuple[int, bytes]],
                  first_legacy: int) -> None:
    """Refuse a file pasted together from UTF-8 and legacy lines (half of it would be garbled
    whichever encoding is used). A line of a GBK list can be valid UTF-8 by chance (小 is
    D0 A1, which UTF-8 reads as С): a UTF-8-valid line counts as UTF-8 only when the file's
    legacy encoding does not read it as typical text."""
    for line_no, line in utf8_kept:
        try:
            text = line.decode(codec)
        except UnicodeDecodeError:
            text = ""
        if not text or typical(codec, text) < TYPICAL:
            raise ImportRejected(code="imports.mixed_encodings", file=path.name,
                                 utf8_line=line_no, other_line=first_legacy)


def _utf16(path: Path, fh: BinaryIO, digest: hashlib._Hash) -> tuple[str, str]:
    decoder = codecs.getincrementaldecoder("utf-16")()
    try:
        for line in lines(fh, name=path.name):
            digest.update(line)
            decoder.decode(line)
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        raise ImportRejected(code="imports.utf16_damaged", file=path.name) from None
    return "utf-16", digest.hexdigest()


def lines(fh: BinaryIO, *, name: str) -> Iterator[bytes]:
    """The file's lines, each with its end (LF, CRLF or CR: the csv reader's lines, so a
    CR-only file is many lines, not one), read in chunks; a line longer than MAX_LINE_BYTES is
    refused (imports.line_too_long) before it is held whole: memory stays bounded for a file
    without line ends. In UTF-16 a newline byte may also be half of another character, which
    only shortens the pieces."""
    rest = b""
    line_no = 0
    while chunk := fh.read(_CHUNK):
        data = rest + chunk
        start = 0
        for end in _EOL.finditer(data):
            if end.group() == b"\r" and end.end() == len(data):
                break  # a CR at the chunk's end may be the first half of CRLF
            line_no += 1
            yield data[start:end.end()]
            start = end.end()
        rest = data[start:]
        if len(rest) > MAX_LINE_BYTES:
            raise ImportRejected(code="imports.line_too_long", file=name, line=line_no + 1,
                                 limit=f"{MAX_LINE_BYTES >> 20}")
    if rest:
        yield rest


def reading(codec: str, sample: list[bytes]) -> Reading:
    lines = [line.decode(codec, "replace") for line in sample]
    return Reading(encoding=codec, label=label_of(codec), typical=typical(codec, "".join(lines)),
                   sample="".join(lines[:SAMPLE_SHOWN]).rstrip("\r\n"))


def _choose(path: Path, readings: list[Reading], known: Callable[[str], bool] | None,
            first_bad: int) -> str:
    likely = [r for r in readings if r.typical >= TYPICAL]
    if len(likely) > 1 and known is not None:
        # Two readings both look like text (a short Korean list is common hanzi in GB18030 as
        # well): the one whose lines hold one of our column names is the file's.
        named = [r for r in likely if any(known(cell.strip()) for line in r.sample.splitlines()
                                          for cell in _cells(line))]
        likely = named if len(named) == 1 else likely
    if len(likely) == 1:
        return likely[0].encoding
    # The readings that look like text, in order of preference; when none does, every one
    # that decodes, the likeliest first.
    shown = likely or sorted(readings, key=lambda r: -r.typical)
    if not shown:
        raise ImportRejected(code="imports.unknown_encoding", file=path.name,
                             line=first_bad)
    raise ImportRejected(code="imports.encoding_unsure", file=path.name,
                         candidates="、".join(r.label for r in shown),
                         example=shown[0].encoding if shown else "gb18030",
                         readings=shown)


def _cells(line: str) -> list[str]:
    for delimiter in (",", ";", "\t"):
        if delimiter in line:
            return line.split(delimiter)
    return [line]


def check_encoding(path: Path, encoding: str) -> tuple[str, str]:
    """(codec, sha256) for a file a person said is in `encoding`: the whole file must decode
    with it. Raises ImportRejected (imports.encoding_unknown, imports.encoding_wrong)."""
    try:
        codec = normal_name(encoding)
    except LookupError:
        raise ImportRejected(code="imports.encoding_unknown", encoding=encoding) from None
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        head = fh.read(3)
        fh.seek(0)
        if codec == "utf-8" and head == codecs.BOM_UTF8:
            codec = "utf-8-sig"
        decoder = codecs.getincrementaldecoder(codec)()
        line_no = 0
        try:
            for line in lines(fh, name=path.name):
                line_no += 1
                digest.update(line)
                decoder.decode(line)
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            raise ImportRejected(code="imports.encoding_wrong", file=path.name,
                                 encoding=label_of(codec), line=max(line_no, 1)) from None
    return codec, digest.hexdigest()


# -- what text each legacy encoding is used for -------------------------------------------------

def typical(codec: str, text: str) -> float:
    """The share of `text`'s non-ASCII characters that are typical of text in `codec` (1.0
    when there are none)."""
    judge = _JUDGES.get(codec)
    if judge is None:
        return 0.0
    wide = [i for i, ch in enumerate(text) if ord(ch) > 127]
    if not wide:
        return 1.0
    return sum(1 for i in wide if judge(text, i)) / len(wide)


@lru_cache(maxsize=65536)
def _two_bytes(ch: str, codec: str) -> tuple[int, int]:
    try:
        data = ch.encode(codec)
    except UnicodeEncodeError:
        return 0, 0
    return (data[0], data[1]) if len(data) == 2 else (0, 0)


def _gb(text: str, i: int) -> bool:
    # GB2312: punctuation (row A1), numbers (A2), full-width forms (A3), pinyin (A8) and the
    # hanzi rows B0–F7. Kana, Greek, Cyrillic rows and the GBK/GB18030 extensions are rare.
    lead, trail = _two_bytes(text[i], "gb18030")
    return trail >= 0xA1 and (lead in (0xA1, 0xA2, 0xA3, 0xA8) or 0xB0 <= lead <= 0xF7)


def _big5(text: str, i: int) -> bool:
    # Symbols and full-width forms (A1–A3), frequent hanzi (A440–C67E); the less frequent
    # hanzi (C940–F9D5) are rare.
    lead, trail = _two_bytes(text[i], "big5")
    return 0xA1 <= lead <= 0xA3 or 0xA4 <= lead <= 0xC5 or (lead == 0xC6 and trail <= 0x7E)


def _sjis(text: str, i: int) -> bool:
    ch = text[i]
    if "\u3000" <= ch <= "\u30ff" or "\uff01" <= ch <= "\uff5e":  # kana, CJK symbols, full-width
        return True
    lead, _trail = _two_bytes(ch, "shift_jis")
    return 0x88 <= lead <= 0x98  # JIS level-1 kanji; half-width kana and level 2 are rare


def _euc_kr(text: str, i: int) -> bool:
    ch = text[i]
    if "\uac00" <= ch <= "\ud7a3":  # hangul syllables; hanja are rare in modern Korean text
        return True
    lead, _trail = _two_bytes(ch, "euc_kr")
    return lead in (0xA1, 0xA3)


def _ascii_letter(text: str, i: int) -> bool:
    return 0 <= i < len(text) and text[i].isascii() and text[i].isalpha()


def _cp1252(text: str, i: int) -> bool:
    # Accented letters sit inside Latin words (José, Müller) or stand alone (à); the text of
    # another encoding read as Windows-1252 is accented letters and symbols in runs (ÐÕÃû).
    ch = text[i]
    if ch in "\u00a0–—‘’“”…€•°«»·":
        return True
    if not ch.isalpha():
        return False
    before, after = text[i - 1] if i else " ", text[i + 1] if i + 1 < len(text) else " "
    if _ascii_letter(text, i - 1) or _ascii_letter(text, i + 1):
        return True
    return not before.isalpha() and not after.isalpha()


_JUDGES: dict[str, Callable[[str, int], bool]] = {
    "gb18030": _gb, "big5": _big5, "shift_jis": _sjis, "euc_kr": _euc_kr, "cp1252": _cp1252,
}
