"""Every name prints on a machine with no fonts of its own: the fallback fonts travel with the
program (resources/fonts), so 刘𠮷 (Extension B), 王䶮 (Extension A) and 张𪚥 (Extension B) are
drawn with the machine's fonts hidden (EVENTDESK_SYSTEM_FONTS=0).

The commands run in a child process through the real entry point (`python -m eventdesk`): the
font chain is read once per process, from the environment the program starts with.
"""

from __future__ import annotations

import ctypes
import json
import os
import subprocess
import sys
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from eventdesk.paths import resource
from eventdesk.storage import Database
from tests.services.people_cases import add

ROOT = Path(__file__).resolve().parents[2]
RARE = {"刘𠮷": "𠮷", "王䶮": "䶮", "张𪚥": "𪚥"}


def _bare_env() -> dict[str, str]:
    """This environment with the machine's fonts hidden and no user-chosen fallback fonts."""
    env = {k: v for k, v in os.environ.items() if k != "EVENTDESK_FALLBACK_FONTS"}
    env["EVENTDESK_SYSTEM_FONTS"] = "0"
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT / "src"), env.get("PYTHONPATH", "")])
    return env


def _eventdesk(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "eventdesk", *args], env=_bare_env(),
                          capture_output=True, text=True, timeout=300)


def _fonts_of(pdf: bytes, ch: str) -> set[str]:
    """Names of the fonts that draw `ch` anywhere in the PDF.

    reportlab writes a code point beyond the BMP into the ToUnicode map as five hex digits where
    PDF wants a UTF-16 pair, and pdfium reads the first four (𠮷 U+20BB7 reads back as U+20BB),
    so such a character is found by either value."""
    wanted = {ord(ch), ord(ch) >> 4 if ord(ch) > 0xFFFF else ord(ch)}
    names: set[str] = set()
    doc = pdfium.PdfDocument(pdf)
    for page in doc:
        text = page.get_textpage()
        for i in range(pdfium_c.FPDFText_CountChars(text.raw)):
            if pdfium_c.FPDFText_GetUnicode(text.raw, i) in wanted:
                buffer = ctypes.create_string_buffer(256)
                flags = ctypes.c_int()
                pdfium_c.FPDFText_GetFontInfo(text.raw, i, buffer, 256, ctypes.byref(flags))
                names.add(buffer.value.decode())
    return names


def test_font_chain_with_system_fonts_hidden_is_only_the_bundled_fonts() -> None:
    shown = subprocess.run(
        [sys.executable, "-c", "from eventdesk.pdf.fonts import font_chain\n"
         "for f in font_chain(): print(f.path)"],
        env=_bare_env(), capture_output=True, text=True, check=True, timeout=120)
    paths = [Path(line) for line in shown.stdout.splitlines()]
    assert len(paths) >= 4  # the bundled font and its bundled fallbacks
    assert all(p.parent == resource("fonts") for p in paths), paths


def test_rare_names_print_with_bundled_fonts_only(event_db: Database, db_path: Path,
                                                  tmp_path: Path) -> None:
    for name in RARE:
        add(event_db, name, category="visitor", company="昆山𠮷祥科技有限公司")
    event_db.dispose()
    out = tmp_path / "rare.pdf"
    done = _eventdesk("badges", "--db", str(db_path), "--out", str(out), "--strict", "--json")
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert (result["badges"], result["missing_glyphs"]) == (3, [])
    pdf = out.read_bytes()
    # Drawn by the bundled Hanazono fallbacks (resources/fonts), not by the first font.
    assert _fonts_of(pdf, "𠮷") == {"HanaMinB"}
    assert _fonts_of(pdf, "𪚥") == {"HanaMinB"}
    assert _fonts_of(pdf, "䶮") == {"HanaMinA"}
    assert _fonts_of(pdf, "刘") == {"WenQuanYiMicroHei-0"}
