"""The sign-in and the lock on a real X11 screen (Xvfb, Qt's xcb platform, keys typed through
the X server by xdotool): `eventdesk gui` shows its sign-in window first, a wrong password keeps
it there, the right one opens the main window as that user, Ctrl+L locks it, the password
unlocks it. Screenshots of the two screens (tmp_path, or EVENTDESK_SHOTS_DIR when set: how the
README's pictures are made) are taken through the window system.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from eventdesk.actions import accounts
from eventdesk.storage import Database
from tests.services.people_cases import add
from tests.xserver import WAIT_S, screenshot, virtual_display, wait_for_window, window_geometry

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "lamp-post-42"


def xdo(display: str, *args: str) -> str:
    done = subprocess.run(["xdotool", *args], env={**os.environ, "DISPLAY": display},
                          capture_output=True, text=True, timeout=60)
    return done.stdout.strip()


def human(display: str, window: str, text: str) -> None:
    """Type as a person does (120 ms a key: never a scanner burst) into the focused field."""
    xdo(display, "windowfocus", "--sync", window)
    xdo(display, "type", "--delay", "120", text)


def gone(display: str, title: str) -> bool:
    deadline = time.monotonic() + WAIT_S
    while time.monotonic() < deadline:
        if not xdo(display, "search", "--onlyvisible", "--name", title):
            return True
        time.sleep(0.3)
    return False


def shot(display: str, window: str, out: Path) -> None:
    x, y, width, height = window_geometry(display, window)
    time.sleep(1.0)  # painted, not only mapped
    screenshot(display, out).crop((max(x, 0), max(y, 0), x + width, y + height)).save(out)


def test_sign_in_and_lock_on_an_x_server(event_db: Database, db_path: Path,
                                         tmp_path: Path) -> None:
    accounts.create_first_admin(event_db, username="chief", password=PASSWORD, desk="setup")
    for name, company in (("张伟", "中科可控信息产业有限公司"), ("李娜", "阿丘科技")):
        add(event_db, name, company=company, category="visitor")
    event_db.dispose()
    shots = Path(os.environ.get("EVENTDESK_SHOTS_DIR") or tmp_path)
    env = {k: v for k, v in os.environ.items()
           if k not in ("EVENTDESK_USER", "EVENTDESK_PASSWORD")}
    env.update({"QT_QPA_PLATFORM": "xcb",
                "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), env.get("PYTHONPATH", "")]),
                "XDG_CONFIG_HOME": str(tmp_path / "config"),
                "XDG_DATA_HOME": str(tmp_path / "data"), "XDG_CACHE_HOME": str(tmp_path / "cache")})
    log = tmp_path / "gui.log"
    with virtual_display() as display, log.open("wb") as output:
        env["DISPLAY"] = display
        app = subprocess.Popen([sys.executable, "-m", "eventdesk", "gui", "--db", str(db_path)],
                               env=env, stdout=output, stderr=subprocess.STDOUT)
        try:
            sign_in = wait_for_window(display, "登录", app, log)
            shot(display, sign_in, shots / "sign-in.png")
            human(display, sign_in, "chief")
            xdo(display, "key", "Tab")
            human(display, sign_in, "wrong-password")
            xdo(display, "key", "Return")
            time.sleep(2.0)
            assert xdo(display, "search", "--onlyvisible", "--name", "登录"), \
                "a wrong password must keep the sign-in window"
            human(display, sign_in, PASSWORD)
            xdo(display, "key", "Return")
            main = wait_for_window(display, "chief", app, log)
            assert gone(display, "登录")
            time.sleep(2.0)
            xdo(display, "windowfocus", "--sync", main)
            xdo(display, "key", "ctrl+l")
            lock = wait_for_window(display, "已锁定", app, log)
            shot(display, lock, shots / "lock.png")
            human(display, lock, PASSWORD)
            xdo(display, "key", "Return")
            assert gone(display, "已锁定"), "the password must unlock"
            assert app.poll() is None, log.read_text(errors="replace")
            assert xdo(display, "search", "--onlyvisible", "--name", "chief")
        finally:
            app.terminate()
            app.wait(30)
    for name in ("sign-in.png", "lock.png"):
        assert (shots / name).stat().st_size > 5_000, name


if not sys.platform.startswith("linux"):
    pytestmark = pytest.mark.skip(reason="an X11 screen is Linux's")
