"""QR matrices for badge payloads, and their drawing as merged vector rectangles.

Our payloads (domain.qr) are strings of the QR alphanumeric alphabet: ED1 fits version ≤ 3 at
level M, ED2 (an Ed25519 signature in base32) version 5 or 6. For versions 1–6 at level M we build
the matrix ourselves from a per-version template (ISO/IEC 18004: blocks of data and Reed–Solomon
codewords, interleaved from version 4 on): the `qrcode` library spends ~0.6 ms (5 ms with
automatic version and mask choice) per code, which alone would use most of the batch budget.
Anything else (lower case, long text) goes
through `qrcode`. The mask is fixed: any mask is valid to a decoder and the penalty search is what
costs time; tests decode every sampled badge with zxing-cpp at 150 dpi.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

ALNUM = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:"
_ALNUM_VALUE = {ch: i for i, ch in enumerate(ALNUM)}
# version -> (blocks, data codewords per block, ECC codewords per block) at level M
# (ISO/IEC 18004:2015 table 9); alignment pattern centres (annex E).
_LEVEL_M = {1: (1, 16, 10), 2: (1, 28, 16), 3: (1, 44, 26), 4: (2, 32, 18), 5: (2, 43, 24),
            6: (4, 27, 16)}
_ALIGN = {1: (), 2: (6, 18), 3: (6, 22), 4: (6, 26), 5: (6, 30), 6: (6, 34)}
_MASK = 0  # (x + y) % 2 == 0
QUIET = 2  # modules of light margin drawn inside the box; the badge around it is light too

Matrix = tuple[tuple[bool, ...], ...]

# GF(256) with the QR polynomial x^8 + x^4 + x^3 + x^2 + 1.
_EXP = [0] * 512
_LOG = [0] * 256
_v = 1
for _i in range(255):
    _EXP[_i] = _v
    _LOG[_v] = _i
    _v <<= 1
    if _v & 0x100:
        _v ^= 0x11D
for _i in range(255, 512):
    _EXP[_i] = _EXP[_i - 255]


@cache
def _generator(degree: int) -> tuple[int, ...]:
    poly = [1]
    for i in range(degree):
        nxt = [0] * (len(poly) + 1)
        for j, c in enumerate(poly):
            nxt[j] ^= c
            if c:
                nxt[j + 1] ^= _EXP[_LOG[c] + i]
        poly = nxt
    return tuple(poly[1:])  # leading 1 dropped


@cache
def _products(degree: int) -> tuple[int, ...]:
    """generator × factor for every factor, each packed into one integer (a byte per
    coefficient): the long division below then costs a shift and an XOR per data byte."""
    gen = _generator(degree)
    rows = [0]
    for factor in range(1, 256):
        lf = _LOG[factor]
        rows.append(int.from_bytes(bytes(_EXP[_LOG[g] + lf] if g else 0 for g in gen), "big"))
    return tuple(rows)


def _ecc(data: list[int], degree: int) -> list[int]:
    table = _products(degree)
    top = 8 * (degree - 1)
    mask = (1 << (8 * degree)) - 1
    rem = 0
    for byte in data:
        factor = (rem >> top) ^ byte
        rem = ((rem << 8) & mask) ^ table[factor]
    return list(rem.to_bytes(degree, "big"))


def _format_bits(mask: int) -> int:
    data = (0 << 3) | mask  # level M has format bits 00
    rem = data
    for _ in range(10):
        rem = (rem << 1) ^ ((rem >> 9) * 0x537)
    return ((data << 10) | rem) ^ 0x5412


class _Template:
    """Function patterns of one version with the fixed mask, and where data bits go."""

    def __init__(self, version: int) -> None:
        size = 17 + 4 * version
        self.size = size
        grid = [[False] * size for _ in range(size)]
        func = [[False] * size for _ in range(size)]

        def put(x: int, y: int, dark: bool) -> None:
            grid[y][x] = dark
            func[y][x] = True

        for i in range(size):
            put(6, i, i % 2 == 0)
            put(i, 6, i % 2 == 0)
        for cx, cy in ((3, 3), (size - 4, 3), (3, size - 4)):
            for dy in range(-4, 5):
                for dx in range(-4, 5):
                    x, y = cx + dx, cy + dy
                    if 0 <= x < size and 0 <= y < size:
                        put(x, y, max(abs(dx), abs(dy)) not in (2, 4))
        align = _ALIGN[version]
        for ax in align:
            for ay in align:
                if (ax, ay) in ((6, 6), (6, align[-1]), (align[-1], 6)):
                    continue  # overlaps a finder pattern
                for dy in range(-2, 3):
                    for dx in range(-2, 3):
                        put(ax + dx, ay + dy, max(abs(dx), abs(dy)) != 1)
        bits = _format_bits(_MASK)

        def bit(i: int) -> bool:
            return (bits >> i) & 1 == 1

        for i in range(6):
            put(8, i, bit(i))
        put(8, 7, bit(6))
        put(8, 8, bit(7))
        put(7, 8, bit(8))
        for i in range(9, 15):
            put(14 - i, 8, bit(i))
        for i in range(8):
            put(size - 1 - i, 8, bit(i))
        for i in range(8, 15):
            put(8, size - 15 + i, bit(i))
        put(8, size - 8, True)
        # Zig-zag placement order of the data bits (ISO 18004 §7.7.3), with the mask value of
        # each position so encoding is one XOR per module.
        order: list[tuple[int, int, bool]] = []
        right = size - 1
        while right >= 1:
            if right == 6:
                right = 5
            for vert in range(size):
                for j in range(2):
                    x = right - j
                    upward = ((right + 1) & 2) == 0
                    y = size - 1 - vert if upward else vert
                    if not func[y][x]:
                        order.append((x, y, (x + y) % 2 == 0))
            right -= 2
        self.grid = grid
        self.order = order
        # Rows as b"0"/b"1" with every data module already masked as if its bit were 0; an
        # encoded payload then only toggles the modules whose bit is 1.
        base = [bytearray(49 if v else 48 for v in row) for row in grid]
        for x, y, flip in order:
            base[y][x] = 49 if flip else 48
        self.base = base
        # The whole matrix as one integer (module (x, y) is bit size²-1-(y·size+x)), and for
        # every half-codeword position and value the modules it toggles, as one integer too: an
        # encoded payload is then one XOR per half codeword (~340 for a version-6 code) instead
        # of one Python step per dark module, which is what the batch budget can afford.
        cells = size * size
        self.base_int = int(b"".join(bytes(row) for row in base), 2)
        module_bit = [1 << (cells - 1 - (y * size + x)) for x, y, _flip in order]
        self.nibbles = [
            [_xor_all(module_bit[j * 4 + b] for b in range(4) if value >> (3 - b) & 1)
             for value in range(16)]
            for j in range(len(order) // 4)]
        self.cells_format = f"0{cells}b"


def _xor_all(values: Iterable[int]) -> int:
    out = 0
    for v in values:
        out ^= v
    return out


@cache
def _template(version: int) -> _Template:
    return _Template(version)


def _fast_version(payload: str) -> int | None:
    if not payload or any(ch not in _ALNUM_VALUE for ch in payload):
        return None
    bits = 4 + 9 + 11 * (len(payload) // 2) + 6 * (len(payload) % 2)
    for version, (blocks, data, _ecc_n) in _LEVEL_M.items():
        if bits <= blocks * data * 8:
            return version
    return None


def _fast_rows(payload: str, version: int) -> list[str]:
    blocks, per_block, n_ecc = _LEVEL_M[version]
    n_data = blocks * per_block
    values = [_ALNUM_VALUE[ch] for ch in payload]
    # Build the bit stream as one big integer: mode 0010, 9-bit count, pairs in 11 bits.
    acc, nbits = 0b0010, 4
    acc, nbits = (acc << 9) | len(values), nbits + 9
    for i in range(0, len(values) - 1, 2):
        acc, nbits = (acc << 11) | (values[i] * 45 + values[i + 1]), nbits + 11
    if len(values) % 2:
        acc, nbits = (acc << 6) | values[-1], nbits + 6
    capacity = n_data * 8
    term = min(4, capacity - nbits)
    acc, nbits = acc << term, nbits + term
    pad = (-nbits) % 8
    acc, nbits = acc << pad, nbits + pad
    data = list(acc.to_bytes(nbits // 8, "big"))
    filler = (0xEC, 0x11)
    data.extend(filler[i % 2] for i in range(n_data - len(data)))
    if blocks == 1:
        codewords = data + _ecc(data, n_ecc)
    else:  # equal blocks at these versions; codewords interleaved block by block (§7.6)
        parts = [data[b * per_block:(b + 1) * per_block] for b in range(blocks)]
        eccs = [_ecc(part, n_ecc) for part in parts]
        codewords = [part[i] for i in range(per_block) for part in parts]
        codewords += [ecc[i] for i in range(n_ecc) for ecc in eccs]
    tpl = _template(version)
    acc = tpl.base_int
    nibbles = tpl.nibbles
    j = 0
    for value in codewords:
        acc ^= nibbles[j][value >> 4] ^ nibbles[j + 1][value & 15]
        j += 2
    flat = format(acc, tpl.cells_format)
    size = tpl.size
    return [flat[i:i + size] for i in range(0, size * size, size)]


def _library_matrix(payload: str) -> Matrix:
    import qrcode
    from qrcode.constants import ERROR_CORRECT_M

    code = qrcode.QRCode(error_correction=ERROR_CORRECT_M, border=0)
    code.add_data(payload)
    code.make(fit=True)
    return tuple(tuple(bool(v) for v in row) for row in code.get_matrix())


def qr_rows(payload: str) -> list[str]:
    """The matrix as strings of "0" and "1", one per row (the form the drawing code wants)."""
    version = _fast_version(payload)
    if version is not None:
        return _fast_rows(payload, version)
    return ["".join("1" if v else "0" for v in row) for row in _library_matrix(payload)]


_RUN = re.compile("1+")


# Runs are cut into 8-module chunks whose rectangles are remembered per (row, chunk, bits):
# after a few hundred badges almost every chunk is found, so a code costs ~250 look-ups instead
# of formatting each of its ~450 runs (a version-6 ED2 code); a run that crosses a chunk border
# becomes two abutting rectangles of the same path (filled as one, no seam), ~11 % more bytes.
_CHUNK = 8
_chunk_ops: dict[int, list[list[dict[str, str]]]] = {}


def _row_chunks(size: int) -> list[list[dict[str, str]]]:
    found = _chunk_ops.get(size)
    if found is None:
        found = _chunk_ops[size] = [[{} for _ in range(0, size, _CHUNK)] for _ in range(size)]
    return found


def qr_ops(payload: str, x: float, y: float, size: float) -> str:
    """PDF operators drawing the code (with its quiet zone) in the square whose lower-left corner
    is (x, y) and side `size`, in points.

    Each horizontal run of dark modules (cut at 8-module chunk borders) is one rectangle of a
    single filled path (~500 for a version-6 code instead of ~900 squares). Merging runs
    vertically as well saved 20 % of the operators but doubled the time per code, which the
    batch budget cannot afford.
    """
    rows = qr_rows(payload)
    modules = len(rows) + 2 * QUIET
    unit = size / modules
    # Module space: origin at the top-left of the first module, y downwards, so rectangle
    # coordinates stay small integers and the content stream compact.
    parts = [f"q 0 g {unit:.4f} 0 0 {-unit:.4f} {x + QUIET * unit:.3f} "
             f"{y + size - QUIET * unit:.3f} cm"]
    add = parts.append
    for row_index, (row, chunks) in enumerate(zip(rows, _row_chunks(len(rows)), strict=True)):
        for k, known in enumerate(chunks):
            start = k * _CHUNK
            bits = row[start:start + _CHUNK]
            ops = known.get(bits)
            if ops is None:
                ops = known[bits] = " ".join(
                    f"{start + run.start()} {row_index} {run.end() - run.start()} 1 re"
                    for run in _RUN.finditer(bits))
            if ops:
                add(ops)
    add("f Q")
    return " ".join(parts)
