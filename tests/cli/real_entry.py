"""Running `eventdesk` as a person's shell does: a separate process through `python -m
eventdesk`, with arguments given as bytes (the shell passes bytes; Python decodes them)."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

import eventdesk
from tests.conftest import TEST_SIGNING_PASSPHRASE

SRC = str(Path(eventdesk.__file__).resolve().parent.parent)


def env() -> dict[str, str]:
    """This checkout's sources first, English sentences, UTF-8 locale."""
    found = dict(os.environ)
    found["PYTHONPATH"] = os.pathsep.join([SRC, found.get("PYTHONPATH", "")])
    found["EVENTDESK_LANG"] = "en"
    found["LC_ALL"] = found["LANG"] = "C.UTF-8"
    # event_db's key, and the key `demo` makes: commands that print can sign (tests of a
    # locked key remove it)
    found["EVENTDESK_SIGNING_PASSPHRASE"] = TEST_SIGNING_PASSPHRASE
    return found


def run(args: Sequence[str | bytes], *, stdout: int = subprocess.PIPE,
        preexec: Callable[[], None] | None = None,
        timeout: float = 120) -> subprocess.CompletedProcess[bytes]:
    """`eventdesk ARGS`; stdout (unless given a file descriptor) and stderr as bytes."""
    return subprocess.run([sys.executable, "-m", "eventdesk", *args], env=env(),
                          stdout=stdout, stderr=subprocess.PIPE, preexec_fn=preexec,
                          timeout=timeout, check=False)
