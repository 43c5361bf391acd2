"""Arabic-script names on badges (issue 11, kind 11): Uyghur participants' names are joined and
set right to left by HarfBuzz with the bundled Noto Sans Arabic, or, where no font of the chain
can join them, reported before anything is printed like any missing character."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
import pytest

from eventdesk.pdf import badges as api
from eventdesk.pdf import fonts
from eventdesk.pdf.badges import BadgeData, render_one
from eventdesk.pdf.fonts import ChainFont, missing_characters
from eventdesk.pdf.text import shape
from tests.pdf.badge_samples import payload

NAME = "ئابدۇللا ئەخمەت"  # Abdulla Ähmet
COMPANY = "شىنجاڭ ئالىم تېخنىكا شىركىتى"
NO_GSUB = Path(__file__).parents[1] / "data" / "fonts" / "arabic-letters-no-gsub.ttf"


def _lines(data: bytes) -> list[str]:
    pdf = pdfium.PdfDocument(data)
    try:
        page = pdf[0]
        text = page.get_textpage()
        lines = text.get_text_range().split("\r\n")
        text.close()
        page.close()
        return lines
    finally:
        pdf.close()


def test_uyghur_name_reads_back_in_its_own_order() -> None:
    badge = BadgeData(name=NAME, qr_payload=payload(), company=COMPANY, person_id=1,
                      name_en="Abdulla Ahmet", category="visitor")
    assert api.missing_glyphs([badge]) == []
    lines = _lines(render_one(badge))
    assert NAME in lines
    assert COMPANY in lines
    assert "Abdulla Ahmet" in lines


def test_uyghur_word_is_drawn_in_joined_forms_right_to_left() -> None:
    # ئابدۇللا in drawing order (left to right): the lam-alef ligature (final), lam (initial),
    # ۇ (alone: dal does not join to the left), dal (final), beh (initial), yeh-hamza + alef
    # ligature: what HarfBuzz makes of it with Noto Sans Arabic. Drawn as stored, these are the
    # nominal letters ئ ا ب د ۇ ل ل ا from left to right.
    shaped = shape("ئابدۇللا")
    assert [f.fontName for f, _ in shaped.runs] == ["EDArabic"]
    assert [f"{ord(c):04X}" for c in shaped.runs[0][1]] == [
        "FEFC", "FEDF", "06C7", "FEAA", "FE91", "FBEA"]
    assert shaped.joined


def test_mixed_line_keeps_chinese_and_brackets_in_place() -> None:
    # A right-to-left name with its Chinese transcription in brackets: the Arabic word is
    # rightmost, the brackets mirrored by the bidi algorithm, the Chinese left to right.
    shaped = shape("ئابدۇللا (阿卜杜拉)")
    drawn = "".join(run for _, run in shaped.runs)
    assert drawn.startswith("(阿卜杜拉) ")
    assert drawn.endswith("\ufefc\ufedf\u06c7\ufeaa\ufe91\ufbea")


def test_font_that_cannot_join_arabic_counts_as_missing() -> None:
    # A font with the bare Arabic letters but no shaping tables would draw the name as isolated
    # letters left to right: its letters are reported instead.
    chain = (fonts.font_chain()[0], ChainFont("EDTestNoGsub", NO_GSUB))
    assert missing_characters("ئەخمەت", chain) == ["ئ", "ە", "خ", "م", "ت"]
    assert missing_characters("١٢ ،", chain) == []  # digits and punctuation need no joining


def test_missing_glyph_report_names_an_arabic_name_no_font_can_join(
        monkeypatch: pytest.MonkeyPatch) -> None:
    chain = (fonts.font_chain()[0], ChainFont("EDTestNoGsub", NO_GSUB))
    monkeypatch.setattr(fonts, "font_chain", lambda: chain)
    ok = BadgeData(name="张伟", qr_payload=payload(), person_id=1)
    uyghur = BadgeData(name=NAME, qr_payload=payload(), person_id=2)
    report = api.missing_glyphs([ok, uyghur])
    assert [(m.person_id, m.field) for m in report] == [(2, "name")]
    assert set(report[0].characters) == set(NAME.replace(" ", ""))
