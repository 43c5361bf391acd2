"""The system packages of scripts/system-packages.list are what Qt's libraries need, and the
README names the same ones: the list is the one place, and these tests keep the others to it."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
LIST = ROOT / "scripts" / "system-packages.list"
# Part of every Linux system with a C library and a C++ runtime (PySide6 needs them anyway).
BASE = re.compile(r"^(libc|libm|libdl|librt|libpthread|libstdc\+\+|libgcc_s|ld-linux[-\w]*)\.so")


def _entries() -> list[tuple[str, str, str]]:
    rows = []
    for line in LIST.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            group, package, probe = line.split()
            rows.append((group, package, probe))
    return rows


def _needed(path: Path) -> set[str]:
    out = subprocess.run(["readelf", "-d", str(path)], capture_output=True, text=True,
                         check=True).stdout
    return set(re.findall(r"\(NEEDED\)\s+Shared library: \[([^\]]+)\]", out))


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Qt's xcb platform is Linux's")
def test_run_group_covers_what_qts_xcb_platform_links_against() -> None:
    if shutil.which("readelf") is None:
        if os.environ.get("CI") == "true":
            pytest.fail("CI=true: readelf missing (scripts/system-packages --install test)")
        pytest.skip("readelf not installed (binutils)")
    import PySide6

    qt = Path(PySide6.__file__).parent / "Qt"
    files = [qt / "plugins" / "platforms" / "libqxcb.so",
             *sorted((qt / "plugins" / "xcbglintegrations").glob("*.so")),
             *sorted((qt / "plugins" / "printsupport").glob("*.so")),
             *(qt / "lib" / f"libQt6{name}.so.6"
               for name in ("XcbQpa", "Gui", "Core", "Widgets", "DBus", "PrintSupport"))]
    shipped = {p.name for p in (qt / "lib").iterdir()}  # what PySide6 brings itself (Qt, ICU)
    needed = set().union(*(_needed(f) for f in files if f.exists()))
    from_system = {so for so in needed if so not in shipped and not BASE.match(so)}
    listed = {so for group, _pkg, probe in _entries() if group == "run"
              for so in probe.split(",")}
    assert from_system - listed == set(), "add these to scripts/system-packages.list"
    assert "libxcb-cursor.so.0" in from_system  # the library the machine lacked


def test_readme_quick_start_names_every_package() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    quick_start = readme.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    missing = [pkg for _group, pkg, _probe in _entries() if f"`{pkg}`" not in quick_start
               and pkg not in quick_start.split()]
    assert missing == [], "README's quick start must name these packages"


def test_the_script_lists_and_checks_the_groups() -> None:
    script = ROOT / "scripts" / "system-packages"
    listed = subprocess.run([str(script), "--list", "run", "test"], capture_output=True,
                            text=True, check=True).stdout.split()
    assert listed == [pkg for group, pkg, _ in _entries() if group in ("run", "test")]
    wrong = subprocess.run([str(script), "--check", "nothing"], capture_output=True, text=True)
    assert wrong.returncode == 2 and "no group" in wrong.stderr
