"""Entry point of the application bundle (packaging/eventdesk.spec): the `eventdesk` command.

The bundle's one executable behaves like the console script: `eventdesk demo …`, `eventdesk
people …`, `eventdesk gui` (the window; also with no arguments), `eventdesk --screenshot …`.
"""

from __future__ import annotations

import multiprocessing
import sys

from eventdesk.cli import main

if __name__ == "__main__":
    # Badge runs render in child processes (pdf/parallel.py, forkserver or spawn): in a frozen
    # program a child starts this same executable, which must become the worker, not a new CLI.
    multiprocessing.freeze_support()
    sys.exit(main())
