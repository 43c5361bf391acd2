"""The application bundle (`make bundle`, packaging/eventdesk.spec) runs on a desk PC without
Python: `demo`, `people`, `badges` and `--screenshot` from dist/eventdesk/ with no virtualenv,
no PYTHONPATH and no Python of ours on the PATH, in a folder of its own.

Building takes minutes, so CI builds the bundle in .ci/run before `make test` and these tests use
it; elsewhere they skip (with the reason) when there is no bundle or it is older than the
sources. Under CI=true a missing or stale bundle is a failure.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from PIL import Image

from tests.xserver import colours, virtual_display

ROOT = Path(__file__).resolve().parents[2]
BUNDLE = ROOT / "dist" / "eventdesk"
EXECUTABLE = BUNDLE / ("eventdesk.exe" if sys.platform == "win32" else "eventdesk")
STAMP = BUNDLE / ".built"  # written by `make bundle` once the build is complete
INPUTS = ("src", "resources", "db", "packaging")

pytestmark = pytest.mark.bundle


def _newest_source() -> float:
    times = [(ROOT / "pyproject.toml").stat().st_mtime]
    for top in INPUTS:
        times += [p.stat().st_mtime for p in (ROOT / top).rglob("*")
                  if p.is_file() and "__pycache__" not in p.parts]
    return max(times)


@pytest.fixture(scope="module")
def bundle() -> Path:
    problem = ""
    if not STAMP.exists() or not EXECUTABLE.exists():
        problem = f"no application bundle at {BUNDLE} (make bundle)"
    elif STAMP.stat().st_mtime < _newest_source():
        problem = f"the bundle at {BUNDLE} is older than the sources (make bundle)"
    if problem:
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI=true requires the bundle (.ci/run builds it): {problem}",
                        pytrace=False)
        pytest.skip(problem)
    return EXECUTABLE


# The demo's admin account and signing passphrase, once the `event` fixture built it (every
# command signs in; printing commands unlock the badge-signing key).
SIGNED_IN: dict[str, str] = {}


def _bare_env(home: Path, **extra: str) -> dict[str, str]:
    """What a desk PC's user has: no virtualenv, no PYTHONPATH, the system's PATH only."""
    env = {
        "PATH": os.pathsep.join(p for p in os.defpath.split(os.pathsep) if p and p != "."),
        "HOME": str(home), "LANG": "C.UTF-8",
        "XDG_CONFIG_HOME": str(home / "config"), "XDG_DATA_HOME": str(home / "data"),
        "XDG_CACHE_HOME": str(home / "cache"),
    }
    for name in ("SYSTEMROOT", "TEMP", "TMP", "APPDATA", "LOCALAPPDATA"):  # Windows needs these
        if name in os.environ:
            env[name] = os.environ[name]
    env.update(SIGNED_IN)
    env.update(extra)
    return env


def _run(exe: Path, home: Path, *args: str, **extra: str) -> subprocess.CompletedProcess[str]:
    done = subprocess.run([str(exe), *args], cwd=home, env=_bare_env(home, **extra),
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, f"eventdesk {' '.join(args)}: exit {done.returncode}\n" \
                                 f"{done.stdout[-2000:]}\n{done.stderr[-3000:]}"
    return done


@pytest.fixture(scope="module")
def event(bundle: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small demo event built by the bundle; returns its folder (the database is ev.sqlite3)."""
    home = tmp_path_factory.mktemp("desk-pc")
    done = _run(bundle, home, "demo", "--db", "ev.sqlite3", "--exhibitors", "10",
                "--people", "60", "--json")
    built = json.loads(done.stdout)
    assert built["people"] == 60
    admin = next(u for u in built["users"] if u["role"] == "admin")
    SIGNED_IN.update(EVENTDESK_USER=admin["username"], EVENTDESK_PASSWORD=admin["password"],
                     # badges are signed: the printing commands unlock the demo's key with it
                     EVENTDESK_SIGNING_PASSPHRASE=built["signing_passphrase"])
    return home


def test_people_and_badges_from_the_bundle(bundle: Path, event: Path) -> None:
    found = _run(bundle, event, "people", "--db", "ev.sqlite3", "--json", "--limit", "5")
    assert len(json.loads(found.stdout)) == 5
    # Two worker processes: the frozen executable must start its own children (freeze_support).
    made = _run(bundle, event, "badges", "--db", "ev.sqlite3", "--out", "badges.pdf",
                "--workers", "2", "--strict", "--json")
    result = json.loads(made.stdout)
    assert result["badges"] > 40 and result["missing_glyphs"] == []
    assert len(pdfium.PdfDocument(event / "badges.pdf")) == result["pages"]


def test_screenshot_from_the_bundle(bundle: Path, event: Path) -> None:
    _run(bundle, event, "--db", "ev.sqlite3", "--screenshot", "people.png", "--view", "people",
         QT_QPA_PLATFORM="offscreen")
    with Image.open(event / "people.png") as image:
        assert image.width >= 800 and colours(image.convert("RGB")) > 100


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="an X11 screen is Linux's")
def test_bundle_draws_on_an_x_server(bundle: Path, event: Path) -> None:
    """Qt's xcb platform plugin and its libraries travel in the bundle: the same screenshot on a
    virtual X server."""
    with virtual_display() as display:
        _run(bundle, event, "--db", "ev.sqlite3", "--screenshot", "people-x11.png",
             "--view", "people", QT_QPA_PLATFORM="xcb", DISPLAY=display)
    with Image.open(event / "people-x11.png") as image:
        assert image.width >= 800 and colours(image.convert("RGB")) > 100


def test_foreign_names_from_the_bundle(bundle: Path, event: Path) -> None:
    """What the bundle must carry for issue 11: anyascii's tables (`diaz` finds María Díaz) and
    HarfBuzz with the Arabic font (an Uyghur name prints joined, read back as typed)."""
    data = Path(__file__).resolve().parents[1] / "data" / "people_foreign_names.csv"
    _run(bundle, event, "import", str(data), "--db", "ev.sqlite3", "--kind", "people")
    found = _run(bundle, event, "people", "--db", "ev.sqlite3", "--json", "diaz")
    assert [p["name"] for p in json.loads(found.stdout)] == ["María Díaz"]
    made = _run(bundle, event, "badges", "--db", "ev.sqlite3", "--out", "uyghur.pdf",
                "--company", "شىنجاڭ", "--strict", "--json")
    assert json.loads(made.stdout)["badges"] == 1
    pdf = pdfium.PdfDocument(event / "uyghur.pdf")
    try:
        text = pdf[0].get_textpage().get_text_range()
    finally:
        pdf.close()
    assert "ئابدۇللا ئەخمەت" in text.split("\r\n")
