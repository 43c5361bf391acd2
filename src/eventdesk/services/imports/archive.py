"""Checking an .xlsx file's zip parts before any reader opens it: sizes, ratios, honesty.

An .xlsx is a zip of XML parts. Both readers (python-calamine and openpyxl) hold a workbook's
whole shared-strings part in memory, and calamine a whole sheet; a part that is small in the
file but expands enormously (a "zip bomb": 1 MB that inflates to 1 GB) would take that much
memory before a single row is read. So every part is checked first, in bounded memory:

    facts = check_archive(path)      # raises ImportRejected; facts.formulas, facts.sheet_bytes

- the central directory itself is small enough (`MAX_DIRECTORY` bytes, `MAX_PARTS` entries),
  read from the end-of-directory record before zipfile parses it (a directory of millions of
  entries would itself fill memory);
- no part is larger than `MAX_PART` once inflated (`MAX_SHARED_STRINGS` for the shared
  strings, which are held whole), and all together at most `MAX_TOTAL`;
- no part larger than `RATIO_FLOOR` inflates more than `MAX_RATIO` times (Apache POI's default
  for the same check; real workbooks measured here inflate 2–16 times);
- every part inflates to exactly the size the directory declares: each part is inflated here
  with zlib, counting bytes, and refused the moment it exceeds its declared size (a lying
  directory is how a bomb gets past the size checks of readers that trust it).

The same pass looks for formula elements in the sheets (see xlsx.py: they decide the reader).
"""

from __future__ import annotations

import re
import struct
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from eventdesk.domain.errors import ImportRejected

MB = 1 << 20
MAX_PART = 256 * MB  # ≈ 250,000 rows of the people export (28 MB of sheet XML for 30,000)
MAX_SHARED_STRINGS = 64 * MB  # held whole by both readers; 100,000 people need about 15 MB
MAX_TOTAL = 1024 * MB
MAX_RATIO = 100
RATIO_FLOOR = 1 * MB  # tiny parts (styles, rels) may compress very well without harm
MAX_DIRECTORY = 8 * MB  # central directory bytes: tens of thousands of parts
MAX_PARTS = 20_000
_CHUNK = 1 << 20
_FORMULA = re.compile(rb"<(?:[A-Za-z][\w.-]*:)?f[\s>/]")
_EOCD = b"PK\x05\x06"
_EOCD64_LOCATOR = b"PK\x06\x07"
_EOCD64 = b"PK\x06\x06"
_LOCAL = b"PK\x03\x04"
_STORED, _DEFLATED = zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED


@dataclass(frozen=True)
class ArchiveFacts:
    """What the check learnt on the way: any formula element in a sheet, and the sheets'
    inflated size in bytes (calamine holds a whole sheet; xlsx.FAST_LIMIT caps it)."""

    formulas: bool
    sheet_bytes: int


def _mb(size: int) -> str:
    return f"{size / MB:,.0f}"


def _refuse(code: str, path: Path, **params: object) -> ImportRejected:
    return ImportRejected("", None, code=code, file=path.name, **params)


def _invalid(path: Path, detail: str) -> ImportRejected:
    return _refuse("imports.xlsx_invalid", path, detail=detail)


def _directory_size(path: Path) -> tuple[int, int]:
    """(entries, bytes) of the central directory, from the end record (zip64 included)."""
    with open(path, "rb") as fh:
        fh.seek(0, 2)
        size = fh.tell()
        start = max(0, size - (22 + 0xFFFF))
        fh.seek(start)
        tail = fh.read()
        at = tail.rfind(_EOCD)
        if at < 0 or len(tail) - at < 22:
            raise _invalid(path, "no end of central directory")
        entries, dir_bytes = struct.unpack("<HI", tail[at + 10:at + 16])
        if entries != 0xFFFF and dir_bytes != 0xFFFFFFFF:
            return entries, dir_bytes
        locator = tail[at - 20:at] if at >= 20 else b""
        if not locator.startswith(_EOCD64_LOCATOR):
            raise _invalid(path, "zip64 locator missing")
        (offset,) = struct.unpack("<Q", locator[8:16])
        fh.seek(offset)
        record = fh.read(56)
        if not record.startswith(_EOCD64) or len(record) < 56:
            raise _invalid(path, "zip64 end record missing")
        entries64, dir_bytes64 = struct.unpack("<QQ", record[32:48])
        return entries64, dir_bytes64


def check_archive(path: Path) -> ArchiveFacts:
    """Refuse (ImportRejected, codes imports.xlsx_*) a workbook whose parts could exhaust memory
    or are not what its directory declares; else what was seen. Reads each part once."""
    entries, dir_bytes = _directory_size(path)
    if entries > MAX_PARTS or dir_bytes > MAX_DIRECTORY:
        raise _refuse("imports.xlsx_too_many_parts", path, parts=f"{entries:,}",
                      limit=f"{MAX_PARTS:,}")
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, OSError, EOFError, ValueError) as exc:
        raise _invalid(path, str(exc) or exc.__class__.__name__) from None
    total = 0
    for info in infos:
        _check_declared(path, info)
        total += info.file_size
    if total > MAX_TOTAL:
        raise _refuse("imports.xlsx_too_large", path, size=_mb(total), limit=_mb(MAX_TOTAL))
    formulas, sheet_bytes = False, 0
    with open(path, "rb") as fh:
        for info in infos:
            sheet = info.filename.startswith("xl/worksheets/") and info.filename.endswith(".xml")
            found = _inflate(path, fh, info, scan=sheet and not formulas)
            formulas = formulas or found
            if sheet:
                sheet_bytes += info.file_size
    return ArchiveFacts(formulas=formulas, sheet_bytes=sheet_bytes)


def _check_declared(path: Path, info: zipfile.ZipInfo) -> None:
    limit = MAX_SHARED_STRINGS if info.filename.lower().endswith("sharedstrings.xml") \
        else MAX_PART
    if info.file_size > limit:
        raise _refuse("imports.xlsx_part_too_large", path, part=info.filename,
                      size=_mb(info.file_size), limit=_mb(limit))
    if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
        raise _refuse("imports.xlsx_part_ratio", path, part=info.filename,
                      ratio=f"{info.file_size // max(info.compress_size, 1):,}",
                      limit=MAX_RATIO)
    if info.compress_type not in (_STORED, _DEFLATED):
        raise _invalid(path, f"{info.filename}: compression method {info.compress_type}")
    if info.flag_bits & 0x1:
        raise _invalid(path, f"{info.filename}: encrypted")


def _inflate(path: Path, fh: BinaryIO, info: zipfile.ZipInfo, *, scan: bool) -> bool:
    """Inflate one part with zlib, a chunk at a time (never more than its declared size plus
    one chunk); True when `scan` and a formula element was seen. Refuses a part that inflates
    beyond or short of what the directory declares."""
    fh.seek(info.header_offset)
    header = fh.read(30)
    if len(header) < 30 or not header.startswith(_LOCAL):
        raise _invalid(path, f"{info.filename}: local header missing")
    name_len, extra_len = struct.unpack("<HH", header[26:30])
    fh.seek(info.header_offset + 30 + name_len + extra_len)
    left = info.compress_size
    inflater = zlib.decompressobj(-15) if info.compress_type == _DEFLATED else None
    produced, found, tail = 0, False, b""
    while True:
        if inflater is not None and inflater.unconsumed_tail:
            data = inflater.unconsumed_tail
        elif left > 0:
            data = fh.read(min(_CHUNK, left))
            if not data:
                raise _invalid(path, f"{info.filename}: truncated")
            left -= len(data)
        else:
            data = b""
        if inflater is None:
            out = data
        else:
            try:
                out = inflater.decompress(data, _CHUNK)
            except zlib.error as exc:
                raise _invalid(path, f"{info.filename}: {exc}") from None
        produced += len(out)
        if produced > info.file_size:
            raise _refuse("imports.xlsx_part_lies", path, part=info.filename,
                          declared=f"{info.file_size:,}")
        if scan and not found:
            found = bool(_FORMULA.search(tail + out))
            tail = out[-32:]
        if (inflater is not None and inflater.eof) or not (data or out):
            break
    if produced != info.file_size:
        raise _invalid(path, f"{info.filename}: {produced:,} bytes, {info.file_size:,} declared")
    return found
