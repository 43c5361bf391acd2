"""The desktop program opens a real window on an X11 screen: `eventdesk gui` on a virtual X
server (Xvfb) with Qt's xcb platform — not offscreen — and a screenshot taken through the window
system shows the window's pixels.

This is what fails on a machine without the system libraries of Qt's xcb platform ("Could not
load the Qt platform plugin 'xcb'"); `make test` installs them (scripts/system-packages).

The program signs in first (issue 12): the person types the account's name and password into
the sign-in window (keys through the X server), then the main window opens.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from eventdesk.storage import Database
from tests.accounts import CLI_PASSWORD, CLI_USER
from tests.services.people_cases import add
from tests.xserver import (
    SCREEN,
    WAIT_S,
    colours,
    screenshot,
    virtual_display,
    wait_for_window,
    window_geometry,
)

ROOT = Path(__file__).resolve().parents[2]


def _gui_env(display: str, tmp_path: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update({
        "DISPLAY": display,
        "QT_QPA_PLATFORM": "xcb",
        "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), env.get("PYTHONPATH", "")]),
        # Desk settings and recent files of this run stay in its own folders.
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
    })
    return env


def test_gui_shows_its_window_on_an_x_server(event_db: Database, db_path: Path,
                                            tmp_path: Path) -> None:
    for name in ("刘𠮷", "王䶮", "张伟", "李娜", "王芳"):
        add(event_db, name, category="visitor", company="昆山阿丘智能科技有限公司")
    event_db.dispose()
    log = tmp_path / "gui.log"
    shot = tmp_path / "screen.png"
    with virtual_display() as display, log.open("wb") as output:
        app = subprocess.Popen(
            [sys.executable, "-m", "eventdesk", "gui", "--db", str(db_path), "--view", "people"],
            env=_gui_env(display, tmp_path), stdout=output, stderr=subprocess.STDOUT)
        try:
            sign_in = wait_for_window(display, "^EventDesk — 登录", app, log)
            keys = {**os.environ, "DISPLAY": display}
            for args in (["windowfocus", "--sync", sign_in], ["type", "--delay", "120", CLI_USER],
                         ["key", "Tab"], ["type", "--delay", "120", CLI_PASSWORD],
                         ["key", "Return"]):
                subprocess.run(["xdotool", *args], env=keys, check=True, timeout=60)
            window = wait_for_window(display, f"^EventDesk — .*{CLI_USER}", app, log)
            x, y, width, height = window_geometry(display, window)
            # The part of the window on the screen (a window may be larger than the screen).
            box = (max(x, 0), max(y, 0), min(x + width, SCREEN[0]), min(y + height, SCREEN[1]))
            # The window is mapped before it is painted: look until its area holds a table's
            # worth of colours (text, grid, selection), within the same bound.
            deadline = time.monotonic() + WAIT_S
            while True:
                area = screenshot(display, shot).crop(box)
                if colours(area) > 100 or time.monotonic() > deadline:
                    break
                time.sleep(0.5)
            assert app.poll() is None, log.read_text(errors="replace")
        finally:
            app.terminate()
            app.wait(30)
    output_text = log.read_text(encoding="utf-8", errors="replace")
    assert "Could not load the Qt platform plugin" not in output_text, output_text
    print(f"window {width}x{height} at {x},{y}; screenshot {shot}")
    assert width >= 400 and height >= 300, (width, height)
    assert colours(area) > 100, f"the window's area on the screen is blank: {shot}"
    # Most of the window is the window (light widgets), not the black root behind it.
    lit = sum(1 for pixel in area.get_flattened_data() if max(pixel) > 40)
    shown = area.width * area.height
    assert lit > 0.8 * shown, f"{lit} of {shown} pixels lit: {shot}"
