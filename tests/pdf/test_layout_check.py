"""pdf.layout_check: every problem code is worded in both languages, and the checks that the CLI
tests do not reach through a file."""

from __future__ import annotations

import io

from PIL import Image

from eventdesk import messages
from eventdesk.actions.layouts import problem_phrase
from eventdesk.pdf.layout_check import CODES, LayoutProblem, check_document, image_problem


def _png(size: tuple[int, int]) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, "white").save(out, "PNG")
    return out.getvalue()


def test_every_problem_code_is_in_the_catalogue() -> None:
    assert set(messages.catalogue()) >= CODES


def test_images_small_huge_fake() -> None:
    assert image_problem(_png((64, 64))) is None
    assert image_problem(_png((5000, 4000)))[0] == "layout.image_too_big"  # type: ignore[index]
    assert image_problem(b"\x89PNG\r\n\x1a\nnot really")[0] == "layout.image_not_image"  # type: ignore[index]
    assert image_problem(b"GIF89a")[0] == "layout.image_not_image"  # type: ignore[index]
    assert image_problem(None)[0] == "layout.image_missing"  # type: ignore[index]


def test_values_of_an_element_are_checked() -> None:
    doc = {"variants": [{"size_mm": [90, 54], "front": [
        {"type": "text", "field": "name", "box": [0, 0, 10, 10], "size": -3, "max_lines": 9,
         "align": "justify", "color": "red", "bold": "yes", "fallback": "salary"},
        {"type": "rect", "box": [0, 0, "wide", 5]},
        {"type": "qr", "box": [0, 0, 10, 10], "extra": 1},
    ]}]}
    found = {(p.index, p.code, str(p.params.get("key", ""))) for p in check_document(doc, {})}
    assert found == {
        (1, "layout.bad_value", "size"), (1, "layout.bad_value", "max_lines"),
        (1, "layout.bad_value", "align"), (1, "layout.bad_colour", "color"),
        (1, "layout.bad_value", "bold"), (1, "layout.unknown_field", "fallback"),
        (2, "layout.bad_box", ""),
    }


def test_a_problem_is_one_sentence_naming_the_element() -> None:
    problem = LayoutProblem("layout.box_outside", {"box": "80, 40, 20×20", "size": "90×54"},
                            variant="90×54", side="back", index=2, kind="qr")
    phrase = problem_phrase(problem)
    messages.set_language("en")
    try:
        said = messages.text(str(phrase), **phrase.params)
    finally:
        messages.set_language("zh")
    assert said == ("element 2 (QR code) on the back of the 90×54 mm variant: the box "
                    "80, 40, 20×20 lies outside the 90×54 mm badge")
    assert "\n" not in said
