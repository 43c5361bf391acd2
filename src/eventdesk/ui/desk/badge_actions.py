"""Printing from the desk: first prints, reprints with a reason (lost → new code), the missing
badges of an exhibitor's pick-up. Each runs as a desk action off the GUI thread; only the reason
question and the first-print printer choice are asked on the GUI thread, before it starts. A
print is recorded only after the printer (or the PDF file) accepted it.

The first print of a desk that has no printer yet opens the print dialog; the printer chosen (or
"print to file": save as PDF) is kept in the desk settings, and every print goes through the
desk's calibration of that printer (ui.printers.calibration). No printer on the system, or a
cancelled dialog, is one sentence in the status panel: nothing is printed or recorded."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from eventdesk.actions import desk_print
from eventdesk.actions.base import ActionContext, Outcome
from eventdesk.actions.desk_print import BadgeFormat, DeskPrint
from eventdesk.domain import PrintReason
from eventdesk.domain.errors import DomainError
from eventdesk.messages import describe, text
from eventdesk.messages.desk import desk_text
from eventdesk.services.badges.desk import PickupState
from eventdesk.services.desk import DeskRow
from eventdesk.ui.desk import printing, reprint
from eventdesk.ui.desk import settings as desk_settings
from eventdesk.ui.printers import calibration

if TYPE_CHECKING:
    from eventdesk.ui.desk.view import DeskView

def reason_label(reason: PrintReason | str) -> str:
    """A print reason's words (a PrintReason key)."""
    return desk_text(f"desk.print_reason.{reason}")


class BadgeActions:
    def __init__(self, view: DeskView) -> None:
        self.view = view
        # Tests and unattended desks answer the reason question without a dialog (a reason
        # key, or a ReprintChoice with the words of "other"); the dialog confirms "lost".
        self.ask_reason: Callable[[str], reprint.ReprintChoice | str | None] = \
            lambda name: reprint.ask(self.view, name)
        self.choose_printer: Callable[[], printing.PrinterChoice | None] = \
            lambda: printing.choose_printer(self.view)

    def print_selected(self) -> None:
        """Ctrl+P: print the selected person's badge (a reprint, with a reason, if they have
        one already)."""
        row = self.view.selected()
        if row is None:
            self.view.status.show_state("amber", desk_text("desk.status.select_to_print"))
            return
        self.print_row(row)

    def print_row(self, row: DeskRow, *, auto: bool = False) -> None:
        """Print this person's badge: the row the operator sees, as it was when they asked.
        `auto` (after a check-in or a walk-in) never prints a second badge by itself."""
        if row.print_count and not auto:
            self.reprint_row(row)
            return
        if row.print_count and auto:
            return  # auto-print never prints a second badge by itself
        self.print_person(row.person.id, row.person.name, PrintReason.FIRST)

    def reprint_selected(self) -> None:
        """Ctrl+R: reprint the selected person's badge, asking why; a person who has no badge
        yet gets their first one, without the question (there is nothing to reprint)."""
        row = self.view.selected()
        if row is None:
            self.view.status.show_state("amber", desk_text("desk.status.select_to_reprint"))
            return
        if not row.print_count:
            self.print_row(row)
            return
        self.reprint_row(row)

    def reprint_row(self, row: DeskRow) -> None:
        # The question names the person; the answer reprints that person, even if a refresh
        # changed the list while the question was open.
        answer = self.ask_reason(row.person.name)
        if answer is None:
            return
        choice = answer if isinstance(answer, reprint.ReprintChoice) \
            else reprint.ReprintChoice(str(answer))
        self.print_person(row.person.id, row.person.name, choice.reason, note=choice.note)

    # -- running the actions ---------------------------------------------------------------------
    def _printer(self, stem: str) -> tuple[printing.DeskPrinter, BadgeFormat]:
        """The desk's printer as a `send` callable, with the desk's calibration of it. On the
        first print (no printer chosen yet) the print dialog asks, and the choice is kept.
        Raises DomainError `printer.none` (no printer on the system) or `printer.not_chosen`
        (the dialog was cancelled)."""
        view = self.view
        desk = view.desk
        if not desk.printer:
            choice = self.choose_printer()
            # Back to the desk window and its search field: the scanner types into whatever has
            # the focus.
            view.activateWindow()
            view.search.setFocus()
            if choice is None:
                raise DomainError(code="printer.not_chosen")
            desk = replace(desk, printer=choice.printer, pdf_dir=choice.pdf_dir or desk.pdf_dir)
            view.desk = desk
            desk_settings.save(view.ctx.settings, desk)
        measured = (calibration.load(view.ctx.settings, desk=desk.name, printer=desk.printer)
                    if desk.printer != desk_settings.PDF_PRINTER else calibration.NONE)
        return (printing.DeskPrinter(desk, stem=stem, calibration=measured),
                BadgeFormat(layout=desk.layout, preset=desk.preset))

    def print_person(self, person_id: int, name: str, reason: PrintReason | str, *,
                     note: str = "") -> None:
        """Print (reason first) or reprint (any other reason key; "other" with `note`)."""
        try:
            send, fmt = self._printer(name)
        except DomainError as exc:
            self._failed(exc)
            return

        def action(actx: ActionContext) -> Outcome[DeskPrint]:
            if reason == PrintReason.FIRST:
                return desk_print.print_badge(actx, person_id=person_id, send=send, fmt=fmt)
            return desk_print.reprint_badge(actx, person_id=person_id, reason=reason, send=send,
                                            fmt=fmt, note=note)

        self.view.run(action, lambda done: self._printed(done, send), self._failed)

    def print_pickup(self, exhibitor_id: int, *, count: int, stem: str,
                     on_done: Callable[[PickupState], None],
                     on_error: Callable[[BaseException], None]) -> None:
        """Print the exhibitor's `count` missing badges in one job; `on_done(state)` after, or
        `on_error(exc)` (after the desk showed the failure)."""
        try:
            send, fmt = self._printer(stem)
        except DomainError as exc:
            self._failed(exc)
            on_error(exc)
            return

        def done(state: PickupState) -> None:
            self._hint(desk_text("desk.print.done", reason=reason_label(PrintReason.FIRST),
                                 output=send.message,
                                 what=desk_text("desk.print.badges", count=count)))
            on_done(state)

        def failed(exc: BaseException) -> None:
            self._failed(exc)
            on_error(exc)

        self.view.run(lambda actx: desk_print.print_missing_for_pickup(
            actx, exhibitor_id=exhibitor_id, send=send, fmt=fmt), done, failed)

    def _printed(self, done: DeskPrint, send: printing.DeskPrinter) -> None:
        if len(done.people) == 1:
            what = desk_text("desk.print.nth_badge", name=done.people[0].name,
                             count=done.print_count)
        else:
            what = desk_text("desk.print.badges", count=len(done.people))
        code = "desk.print.done" if done.reason == PrintReason.FIRST else "desk.print.redone"
        reason = reason_label(done.reason)
        if done.note:
            reason = desk_text("desk.print.reason_note", reason=reason, note=done.note)
        self._hint(desk_text(code, what=what, reason=reason, output=send.message))
        for row in done.rows:
            self.view.model.replace_row(row)

    def _hint(self, hint: str) -> None:
        """The print's outcome under the scan it follows; a red panel (a refused scan, a failed
        print: older than this print) is replaced, not left as the title over "printed"."""
        status = self.view.status
        if status.state == "red":
            status.show_state("green", desk_text("desk.status.printed"), hint=hint)
            return
        status.hint.setText(hint)
        status.hint.setVisible(True)

    def _failed(self, exc: BaseException) -> None:
        self.view.status.show_state("red", text("desk.status.print_failed"), describe(exc))
