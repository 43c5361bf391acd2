"""`pip install .` must give a working app: resources/ and db/ travel inside the wheel."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_wheel_carries_resources_and_migrations(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
         "-w", str(tmp_path), str(ROOT)],
        check=True, capture_output=True,
    )
    (wheel,) = tmp_path.glob("eventdesk-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "eventdesk/resources/fonts/wqy-microhei.ttc" in names
    assert "eventdesk/resources/fonts/wqy-microhei.COPYRIGHT.txt" in names
    # The fallback fonts for the CJK extension blocks, each with its licence (pdf/fonts.py).
    for font in ("HanaMinA-ext.ttf", "HanaMinB.ttf", "BabelStoneHan-ext.ttf",
                 "Hanazono.LICENSE.txt", "BabelStoneHan.LICENSE.txt"):
        assert f"eventdesk/resources/fonts/{font}" in names
    assert "eventdesk/db/env.py" in names
    assert any(n.startswith("eventdesk/db/versions/0001") for n in names)
    assert "eventdesk/cli/__init__.py" in names
