"""Layouts as data (user layouts, errors), text fitting rules, and the multi-process path."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventdesk.pdf import badges as api
from eventdesk.pdf.layout import LayoutError, SizeRule, TextBox, compile_layout
from eventdesk.pdf.presets import MM
from eventdesk.pdf.text import fit, layout_text
from tests.pdf.badge_samples import decoded, page_texts, pages, sample

LONG_COMPANY = "苏州工业园区人工智能产业创新中心管理服务有限公司"


def _box(w_mm: float, h_mm: float, **kw: object) -> TextBox:
    rule = SizeRule(size=17, min_size=10, max_lines=2)
    return TextBox(**{"field": "company", "x": 0, "y": 0, "w": w_mm * MM, "h": h_mm * MM,
                      "rule": rule, "cjk_rule": None, **kw})  # type: ignore[arg-type]


def test_long_company_wraps_before_shrinking_and_never_overflows() -> None:
    box = _box(93, 17)
    fitted = fit(box, LONG_COMPANY, box.rule)
    one_line = box.w / fit(_box(93, 17, rule=SizeRule(17, 10, 1)), LONG_COMPANY,
                           SizeRule(17, 10, 1)).lines[0].width  # size one line would need
    assert len(fitted.lines) == 2 and fitted.size > one_line and fitted.hscale == 1.0
    assert "".join(line.text for line in fitted.lines) == LONG_COMPANY
    widest = max(line.width for line in fitted.lines) * fitted.size * fitted.hscale
    assert widest <= box.w + 0.01
    # One line only: shrinks, then condenses at the floor rather than spilling out.
    narrow = _box(30, 6, rule=SizeRule(size=17, min_size=10, max_lines=1))
    squeezed = fit(narrow, LONG_COMPANY, narrow.rule)
    assert squeezed.size == pytest.approx(10) and squeezed.hscale < 1
    assert squeezed.lines[0].width * squeezed.size * squeezed.hscale <= narrow.w + 0.01


def test_fallback_short_name_and_cjk_name_rules() -> None:
    box = _box(30, 6, rule=SizeRule(size=17, min_size=10, max_lines=1), fallback="company_short")
    values = {"company": LONG_COMPANY, "company_short": "人工智能中心"}
    fitted = layout_text(box, values.__getitem__)
    assert fitted is not None and fitted.lines[0].text == "人工智能中心"
    layout = compile_layout("default", (105.0, 148.0))
    name_box = next(e for e in layout.front.dynamic
                    if isinstance(e, TextBox) and e.field == "name")
    chinese = layout_text(name_box, {"name": "张伟"}.get)  # type: ignore[arg-type]
    latin = layout_text(name_box, {"name": "Alice Wong"}.get)  # type: ignore[arg-type]
    assert chinese is not None and latin is not None
    assert chinese.size > latin.size and chinese.spacing > 0  # two-character names are spaced


def test_user_layout_directory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    spec = {
        "title": "Mine",
        "categories": {"visitor": {"color": "#000000", "label": "VISITOR"}},
        "variants": [{"size_mm": [105, 148], "front": [
            {"type": "text", "text": "HELLO BADGE", "box": [5, 5, 95, 10], "size": 14},
            {"type": "text", "field": "name", "box": [5, 20, 95, 20], "size": 30},
            {"type": "qr", "box": [20, 60, 65, 65]},
        ]}],
    }
    (tmp_path / "mine.json").write_text(json.dumps(spec), encoding="utf-8")
    (tmp_path / "broken.json").write_text('{"variants": [{"size_mm": [10, 10], "front": '
                                          '[{"type": "star"}]}]}', encoding="utf-8")
    monkeypatch.setenv("EVENTDESK_LAYOUTS", str(tmp_path))
    assert {"mine", "broken"} <= set(api.list_layouts())
    badge = sample(1)[0]
    data = api.render_one(badge, layout="mine")
    assert "HELLOBADGE" in "".join(page_texts(data)[0].split())
    assert decoded(pages(data)[0]) == [badge.qr_payload]
    with pytest.raises(LayoutError, match="star"):
        api.render_one(badge, layout="broken")
    with pytest.raises(LayoutError, match="unknown badge layout"):
        api.render_one(badge, layout="no-such-layout")


def test_workers_render_the_same_badges_in_order() -> None:
    badges = sample(220)
    data = api.render_badges(badges, preset="a4-8x90x54",
                             options=api.RenderOptions(workers=2))
    assert data is not None
    images = pages(data, dpi=150)
    assert len(images) == 28  # ceil(220 / 8)
    found = [code for image in images[:2] + images[-2:] for code in decoded(image)]
    expected = [b.qr_payload for b in badges[:16] + badges[-(220 - 26 * 8):]]
    assert sorted(found) == sorted(expected)


def test_duplex_backs_follow_each_sheet_mirrored() -> None:
    import zxingcpp

    badges = sample(3)
    data = api.render_badges(badges, layout="duplex", preset="a4-8x90x54")
    assert data is not None
    front, back = pages(data)
    assert api.page_count(badges, layout="duplex", preset="a4-8x90x54") == 2

    def centre_x(image, payload: str) -> float:  # type: ignore[no-untyped-def]
        for result in zxingcpp.read_barcodes(image):
            if result.text == payload:
                p = result.position
                return (p.top_left.x + p.bottom_right.x) / 2 / image.width
        raise AssertionError(f"{payload} not found")

    # The first badge sits in the left column in front and in the right column on the back, so
    # both sides line up when the sheet is turned over its long edge.
    assert centre_x(front, badges[0].qr_payload) < 0.5 < centre_x(back, badges[0].qr_payload)
    assert centre_x(front, badges[1].qr_payload) > 0.5 > centre_x(back, badges[1].qr_payload)
    no_back = api.render_badges(badges, layout="duplex", preset="a4-8x90x54",
                                options=api.RenderOptions(duplex=False))
    assert no_back is not None and len(pages(no_back, dpi=20)) == 1
