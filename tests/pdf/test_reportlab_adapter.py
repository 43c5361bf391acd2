"""reportlab's private parts that pdf/reportlab_adapter.py relies on: still there, still doing
what the badge renderer needs. A reportlab upgrade that changes any of them fails here, not on a
printer at the registration desk."""

from __future__ import annotations

import io
import threading
import tomllib
from importlib.metadata import version
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from packaging.requirements import Requirement
from reportlab import rl_config
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfdoc import PDFDocument
from reportlab.pdfbase.ttfonts import TTFont, TTFontFace, TTFontFile
from reportlab.pdfgen.canvas import Canvas

from eventdesk.pdf import reportlab_adapter as rl
from eventdesk.pdf.fonts import font_chain
from eventdesk.pdf.text import tt_font

PYPROJECT = Path(__file__).resolve().parents[2] / "pyproject.toml"
SIZE = 200.0  # points, the square test page


def _pin() -> Requirement:
    project = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["project"]
    pins = [Requirement(d) for d in project["dependencies"] if d.startswith("reportlab")]
    assert len(pins) == 1
    return pins[0]


def test_installed_reportlab_is_the_pinned_minor_version() -> None:
    pin = _pin()
    assert pin.specifier.contains(version("reportlab")), (str(pin), version("reportlab"))
    # An upper bound below the next minor: each minor release is checked here before use.
    assert any(s.operator == "<" for s in pin.specifier), str(pin)


def test_private_attributes_are_where_the_adapter_reads_them() -> None:
    assert rl_config.useA85 in (0, 1, True, False)
    canvas = Canvas(io.BytesIO())
    assert isinstance(canvas._code, list) and isinstance(canvas._formsinuse, list)
    assert isinstance(canvas._doc, PDFDocument)
    assert callable(PDFDocument.getXObjectName)
    assert callable(TTFont.splitString) and callable(TTFont.getSubsetInternalName)
    font = tt_font(font_chain()[0])
    assert isinstance(font, TTFont) and isinstance(font.face, TTFontFace)
    assert isinstance(font.face.charWidths, dict) and font.face.defaultWidth is not None
    assert isinstance(TTFontFile(str(font_chain()[0].path), validate=0).charToGlyph, dict)


def _save(canvas: rl.PdfCanvas, out: io.BytesIO) -> bytes:
    canvas.showPage()
    canvas.save()
    return out.getvalue()


def _canvas() -> tuple[rl.PdfCanvas, io.BytesIO]:
    out = io.BytesIO()
    return rl.new_canvas(out, pagesize=(SIZE, SIZE), page_compression=True, invariant=True), out


def _pixel(data: bytes, x: float, y: float) -> tuple[int, ...]:
    """The colour at (x, y) PDF points (bottom-left origin) of the first page, at 1 px/pt."""
    pdf = pdfium.PdfDocument(data)
    try:
        image = pdf[0].render(scale=1).to_pil().convert("RGB")
        return tuple(image.getpixel((int(x), int(SIZE - y))))
    finally:
        pdf.close()


def _text(data: bytes) -> str:
    pdf = pdfium.PdfDocument(data)
    try:
        return str(pdf[0].get_textpage().get_text_range())
    finally:
        pdf.close()


def test_binary_streams_drop_ascii85_and_restore_the_switch() -> None:
    before = rl_config.useA85
    canvas, out = _canvas()
    rl.append_ops(canvas, "0 0 1 rg 10 10 50 50 re f")
    plain = _save(canvas, out)
    assert b"/ASCII85Decode" in plain  # reportlab's default, the reason for the switch
    with rl.binary_streams():
        assert not rl_config.useA85
        canvas, out = _canvas()
        rl.append_ops(canvas, "0 0 1 rg 10 10 50 50 re f")
        binary = _save(canvas, out)
    assert b"/ASCII85Decode" not in binary and b"/FlateDecode" in binary
    assert rl_config.useA85 == before
    assert _pixel(binary, 30, 30) == _pixel(plain, 30, 30) == (0, 0, 255)


def test_binary_streams_is_shared_by_overlapping_threads() -> None:
    before = rl_config.useA85
    inside, release = threading.Event(), threading.Event()
    seen: list[object] = []

    def other_render() -> None:
        with rl.binary_streams():
            inside.set()
            release.wait(10)
            seen.append(rl_config.useA85)

    worker = threading.Thread(target=other_render)
    worker.start()
    assert inside.wait(10)
    with rl.binary_streams():
        pass  # this render ends first: the switch must stay off for the other one
    release.set()
    worker.join(10)
    assert seen == [0] and rl_config.useA85 == before


def test_appended_operators_reach_the_page_and_the_current_form() -> None:
    canvas, out = _canvas()
    canvas.beginForm("Band", 0, 0, SIZE, SIZE)
    rl.append_ops(canvas, "1 0 0 rg 0 0 20 20 re f")  # into the form: beginForm swapped _code
    canvas.endForm()
    rl.append_ops(canvas, "0 1 0 rg 100 100 20 20 re f")
    data = _save(canvas, out)
    assert _pixel(data, 110, 110) == (0, 255, 0)
    assert _pixel(data, 10, 10) == (255, 255, 255)  # the form is defined, not yet placed


def test_place_form_draws_it_where_asked() -> None:
    canvas, out = _canvas()
    canvas.beginForm("Band", 0, 0, 20, 20)
    canvas.setFillColorRGB(1, 0, 0)
    canvas.rect(0, 0, 20, 20, stroke=0, fill=1)
    canvas.endForm()
    doc = rl.document_of(canvas)
    rl.place_form(canvas, doc, "Band", 120, 30)
    rl.place_form(canvas, doc, "Band", 30, 150)
    data = _save(canvas, out)
    assert _pixel(data, 130, 40) == (255, 0, 0)
    assert _pixel(data, 40, 160) == (255, 0, 0)
    assert _pixel(data, 10, 10) == (255, 255, 255)


@pytest.mark.parametrize("text", ["张伟 欧阳娜娜", "A (B) \\ C", "昆山阿丘智能科技有限公司"])
def test_subset_chunks_write_text_that_reads_back(text: str) -> None:
    font = tt_font(font_chain()[0])
    canvas, out = _canvas()
    doc = rl.document_of(canvas)
    chunks = rl.subset_chunks(font, text, doc)
    assert chunks and all(name.startswith("/") for name, _ in chunks)
    shows = " ".join(f"{name} 12 Tf ({chunk}) Tj" for name, chunk in chunks)
    rl.append_ops(canvas, f"BT 1 0 0 1 10 100 Tm {shows} ET")
    data = _save(canvas, out)
    assert b"/FontFile2" in data  # the subset is embedded: the document knew about it
    assert "".join(_text(data).split()) == "".join(text.split())


def test_glyph_widths_agree_with_reportlab_measuring() -> None:
    font = tt_font(font_chain()[0])
    widths, default = rl.glyph_widths(font)
    assert isinstance(default, float) and default > 0
    for text in ("中", "A", "张伟", "Foxconn"):
        measured = pdfmetrics.stringWidth(text, font.fontName, 1000)
        assert sum(widths.get(ord(c), default) for c in text) == pytest.approx(measured)


def test_font_cmap_lists_the_characters_the_font_draws() -> None:
    bundled = font_chain()[0]
    cmap = rl.font_cmap(bundled.path, bundled.subfont_index)
    assert {ord(c) for c in "张伟昆山AZaz09"} <= cmap
    # Measured in ARCHITECTURE: WenQuanYi Micro Hei lacks 䶮 and 𠮷.
    assert ord("䶮") not in cmap and ord("𠮷") not in cmap


def test_shape_glyphs_joins_arabic_and_gives_unlisted_glyphs_private_codes() -> None:
    # reportlab's HarfBuzz shaping (ttfonts.shapeStr): drawing order, presentation forms where
    # the font lists them, a private code point where it does not (ە after a joining letter).
    arabic = next(f for f in font_chain() if f.name == "EDArabic")
    font = tt_font(arabic)
    glyphs, advances = rl.shape_glyphs(font, "ئابدۇللا")
    assert [f"{ord(c):04X}" for c in glyphs] == ["FEFC", "FEDF", "06C7", "FEAA", "FE91", "FBEA"]
    widths, default = rl.glyph_widths(font)
    assert list(advances) == [widths.get(ord(c), default) for c in glyphs]
    final_ae, _ = rl.shape_glyphs(font, "مە")
    assert any(0xE000 <= ord(c) <= 0xF8FF for c in final_ae)
    assert all(ord(c) in rl.font_cmap(arabic.path) or ord(c) in widths for c in final_ae)
