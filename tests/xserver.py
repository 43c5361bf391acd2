"""A virtual X server (Xvfb) for tests that start the real GUI on the xcb platform, and a
screenshot of its screen taken through the window system (ImageMagick's `import`).

The tools come from `make test` (scripts/system-packages --install run test). Without them a
test skips with the reason, except under CI=true, where a clean machine must have been set up
by the same script and a missing tool is a failure.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from PIL import Image

TOOLS = ("Xvfb", "xdotool", "import")
SCREEN = (1280, 800)
WAIT_S = 120.0  # a generous bound for a window to appear on a loaded 2-core machine


def require_tools() -> None:
    missing = [tool for tool in TOOLS if shutil.which(tool) is None]
    if not missing:
        return
    reason = (f"{', '.join(missing)} not installed (scripts/system-packages --install test, "
              "which `make test` runs)")
    if os.environ.get("CI") == "true":
        pytest.fail(f"CI=true requires the real-window tools: {reason}", pytrace=False)
    pytest.skip(reason)


@contextmanager
def virtual_display() -> Iterator[str]:
    """A fresh Xvfb on a free display number (it picks one itself: -displayfd), black root
    window; yields the DISPLAY value and stops the server afterwards."""
    require_tools()
    read, write = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", f"{SCREEN[0]}x{SCREEN[1]}x24",
         "-nolisten", "tcp", "-br", "-noreset"],
        pass_fds=(write,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write)
    try:
        with os.fdopen(read) as numbers:
            number = numbers.readline().strip()  # written once the server accepts clients
        if not number:
            pytest.fail(f"Xvfb did not start (exit {server.wait(10)})", pytrace=False)
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(30)


def wait_for_window(display: str, title: str, app: subprocess.Popen[bytes], log: Path) -> str:
    """The X window id of the first visible window whose title matches `title` (a regular
    expression), waiting up to WAIT_S; fails early with the program's output (`log`, where its
    stdout and stderr go) if it exits."""
    env = {**os.environ, "DISPLAY": display}
    deadline = time.monotonic() + WAIT_S
    while time.monotonic() < deadline:
        if app.poll() is not None:
            output = log.read_text(encoding="utf-8", errors="replace")[-3000:]
            pytest.fail(f"the program exited with {app.returncode} before its window showed:\n"
                        f"{output}", pytrace=False)
        found = subprocess.run(["xdotool", "search", "--onlyvisible", "--name", title],
                               env=env, capture_output=True, text=True)
        if found.returncode == 0 and found.stdout.split():
            return found.stdout.split()[0]
        time.sleep(0.5)
    pytest.fail(f"no window titled {title!r} within {WAIT_S:.0f} s", pytrace=False)


def window_geometry(display: str, window: str) -> tuple[int, int, int, int]:
    """(x, y, width, height) of the window on the screen, in pixels."""
    env = {**os.environ, "DISPLAY": display}
    out = subprocess.run(["xdotool", "getwindowgeometry", "--shell", window], env=env,
                         capture_output=True, text=True, check=True).stdout
    values = dict(line.split("=", 1) for line in out.split() if "=" in line)
    return int(values["X"]), int(values["Y"]), int(values["WIDTH"]), int(values["HEIGHT"])


def screenshot(display: str, out: Path) -> Image.Image:
    """The whole screen as the X server has it (`import -window root`), saved as PNG."""
    env = {**os.environ, "DISPLAY": display}
    subprocess.run(["import", "-window", "root", str(out)], env=env, check=True,
                   capture_output=True, timeout=60)
    with Image.open(out) as image:
        return image.convert("RGB")


def colours(image: Image.Image) -> int:
    """How many different colours the image has (a blank or one-colour area has 1)."""
    found = image.getcolors(maxcolors=1 << 20)
    return len(found) if found is not None else 1 << 20
