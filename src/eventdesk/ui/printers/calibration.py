"""Where a desk printer's calibration is kept: the machine's own settings (QSettings), per desk
and printer.

Why there and not in the event database: the error being corrected belongs to a piece of
hardware on this desk PC (its printer, its card or label stock), not to an event. Each event is a
database of its own; a calibration stored in it would be lost at the next event while the printer
is the same, and would travel to every other desk of a shared PostgreSQL event, whose printers
are different. The key is desk *and* printer, so a desk that switches printers gets that
printer's calibration (or none), never another printer's. The command line reads the same
settings (`eventdesk printer calibrate`, `eventdesk badges --print --desk NAME`).
"""

from __future__ import annotations

from urllib.parse import quote

from PySide6.QtCore import QSettings

from eventdesk.domain.calibration import NONE, Calibration

__all__ = ["NONE", "Calibration", "app_settings", "load", "save"]

ORGANISATION = APPLICATION = "EventDesk"


def app_settings() -> QSettings:
    """The settings of this machine's EventDesk, as the GUI's AppContext opens them."""
    return QSettings(ORGANISATION, APPLICATION)


def _key(desk: str, printer: str) -> str:
    # Names may hold "/" (a group separator for QSettings) or spaces: quoted whole.
    return f"printers/calibration/{quote(desk, safe='')}/{quote(printer, safe='')}"


def load(settings: QSettings, *, desk: str, printer: str) -> Calibration:
    """The calibration of `printer` at `desk`; NONE when it was never calibrated."""
    value = settings.value(_key(desk, printer))
    return Calibration.decode(str(value)) if value else NONE


def save(settings: QSettings, *, desk: str, printer: str, calibration: Calibration) -> None:
    """Store it (NONE removes the entry); written to disk at once."""
    if calibration.is_identity:
        settings.remove(_key(desk, printer))
    else:
        settings.setValue(_key(desk, printer), calibration.encode())
    settings.sync()
