"""The short soak in `make test`: a scripted operator on the real MainWindow for about 60 actions
across every view, gc.collect() after each (issue 10). The long one is benchmarks/bench_soak.py."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

SCRIPT = Path(__file__).with_name("soak_short.py")
ROOT = Path(__file__).resolve().parents[2]
ACTIONS = 60


@pytest.fixture(scope="module")
def soak(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    # In a subprocess: a crash there is a failed assertion here, not a dead test worker.
    tmp = tmp_path_factory.mktemp("soak")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen",
           "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}
    done = subprocess.run([sys.executable, str(SCRIPT), str(tmp), "3", str(ACTIONS)], env=env,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    report: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return report


def wrong(report: dict[str, Any], *groups: str) -> list[dict[str, Any]]:
    prints = [p for p in report["prints"] if p["group"] in groups]
    assert prints, f"no {groups} print was made"
    return [p for p in prints if p["expected"] is None or p["got"] != p["expected"]
            or p["files"] != 1]


def test_the_window_survives_and_prints_the_person_selected(soak: dict[str, Any]) -> None:
    assert soak["actions"] >= ACTIONS
    assert wrong(soak, "search", "walk-in") == []


def test_scans_reach_the_scan_pipeline_and_prints_follow_them(soak: dict[str, Any]) -> None:
    assert wrong(soak, "scan") == []
    assert soak["unasked"] == []
    assert soak["payload_people"] == 0
