"""Run as a script: the short soak. A scripted operator drives the real MainWindow (offscreen) on a
small demo event for about 60 actions across every view, with gc.collect() forced after each.

Started in a subprocess by test_soak_short.py, so that a crash (SIGSEGV, SIGABRT) is a failed test
rather than a dead test worker. Every desk print is saved as a PDF; its QR is decoded and its
badge code looked up. Prints one JSON line: {"actions": n, "prints": [{"what", "group",
"expected", "got", "files"}], "payload_people": n, "unasked": [file names]}. Prints are grouped
by how the operator chose the person: "search" (typed, ↓, Ctrl+P, Ctrl+P), "walk-in" (F2, name,
Enter), "scan" (a scanner burst, then Ctrl+R). "unasked" are prints nobody asked for and
"payload_people" people whose name holds a QR payload (a scan typed into a dialog's field).
"""

from __future__ import annotations

import gc
import json
import os
import random
import sys
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pypdfium2 as pdfium  # noqa: E402
import zxingcpp  # noqa: E402
from PySide6.QtCore import QSettings, Qt, QTimer  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QDialog, QWidget  # noqa: E402
from sqlalchemy import func, select  # noqa: E402

from eventdesk.demo.build import build_demo  # noqa: E402
from eventdesk.domain import Person, PrintReason  # noqa: E402
from eventdesk.services.events import get_event  # noqa: E402
from eventdesk.services.people import list_people  # noqa: E402
from eventdesk.storage import open_database, to_url  # noqa: E402
from eventdesk.ui import ops  # noqa: E402
from eventdesk.ui.app import application  # noqa: E402
from eventdesk.ui.context import AppContext  # noqa: E402
from eventdesk.ui.desk.view import DeskView  # noqa: E402
from eventdesk.ui.main_window import MainWindow  # noqa: E402
from tests.ui.keys import scanner
from tests.users import ADMIN

CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier
PERSON_GAP_MS = 70  # a person types with gaps over 60 ms; a scanner within a few ms


def damaged(name: str) -> PrintReason | None:
    return PrintReason.DAMAGED


class Operator:
    def __init__(self, tmp: Path, seed: int) -> None:
        self.rng = random.Random(seed)
        self.prints_dir = tmp / "badges"
        QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope,
                          str(tmp / "cfg"))
        settings = QSettings("EventDesk", "EventDesk")
        for key, value in {"desk/name": "soak", "desk/printer": "pdf", "desk/sounds": False,
                           "desk/pdf_dir": str(self.prints_dir)}.items():
            settings.setValue(key, value)
        settings.sync()
        self.app = application()
        self.db = open_database(to_url(tmp / "event.sqlite3"), create=True)
        with self.db.unit_of_work() as s:
            build_demo(s, people=300, exhibitors=30, seed=seed)
        with self.db.unit_of_work(write=False) as s:
            event = get_event(s)
            self.people = [p for p in list_people(s, limit=300, with_payload=True)
                           if p.status.value == "registered"]
        self.window = MainWindow(AppContext(self.db, event, "soak", user=ADMIN))
        self.window.show()
        self.window.activateWindow()
        desk = self.window.show_view("desk")
        assert isinstance(desk, DeskView)
        self.desk = desk
        desk.badges.ask_reason = damaged  # the reason question, answered
        self.wait(lambda: ops.pending() == 0)
        self.actions = 0
        self.prints: list[dict[str, object]] = []
        self.unasked: list[str] = []
        self.seen: set[str] = set()

    # -- plumbing ------------------------------------------------------------------------------
    def wait(self, condition: Callable[[], bool], timeout: float = 30.0) -> bool:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            self.app.processEvents()
            if condition():
                return True
            time.sleep(0.005)
        return False

    def settled(self) -> None:
        self.wait(lambda: self.desk.idle and ops.pending() == 0)

    def step(self, action: Callable[[], None]) -> None:
        action()
        self.actions += 1
        gc.collect()  # what the cyclic collector might do at any moment, every time
        self.app.processEvents()

    def new_pdfs(self) -> list[Path]:
        fresh = sorted((p for p in self.prints_dir.glob("*.pdf") if p.name not in self.seen),
                       key=lambda p: p.stat().st_mtime_ns)
        self.seen.update(p.name for p in fresh)
        return fresh

    def person_in(self, pdf: Path) -> int | None:
        doc = pdfium.PdfDocument(str(pdf))
        try:
            texts = [r.text for r in zxingcpp.read_barcodes(doc[0].render(scale=2).to_pil())]
        finally:
            doc.close()
        codes = [t.split(".")[2] for t in texts if t.count(".") == 3]
        if not codes:
            return None
        with self.db.unit_of_work(write=False) as s:
            return s.scalar(select(Person.id).where(Person.badge_code == codes[0]))

    def check_print(self, expected: int | None, what: str, group: str) -> None:
        self.settled()
        fresh = self.new_pdfs()
        got = self.person_in(fresh[0]) if fresh else None
        self.prints.append({"what": what, "group": group, "expected": expected, "got": got,
                            "files": len(fresh)})

    def sweep(self) -> None:
        self.settled()
        self.unasked += [p.name for p in self.new_pdfs()]

    def selected_id(self) -> int | None:
        row = self.desk.selected()
        return row.person.id if row is not None else None

    def visit(self, key: str) -> None:
        self.show(key)

    def show(self, key: str) -> QWidget:
        view = self.window.show_view(key)
        # A closed dialog leaves no active window offscreen: the operator clicks the window.
        self.window.activateWindow()
        if key == "desk":
            self.desk.search.setFocus()
        self.app.processEvents()
        return view

    # -- the desk ------------------------------------------------------------------------------
    def search(self) -> None:
        self.show("desk")
        person = self.rng.choice(self.people)
        query = self.rng.choice((person.name, person.phone[-4:] if person.phone else person.name))
        QTest.keyClick(self.desk.search, Qt.Key.Key_Escape)
        QTest.keyClicks(self.desk.search, query, Qt.KeyboardModifier.NoModifier, PERSON_GAP_MS)
        # The operator looks at the answer before moving in it: searches run off the GUI thread
        # and the answer to the last text typed replaces the list.
        self.settled()
        self.wait(lambda: self.desk.model.rowCount() > 0, 10)
        for _ in range(self.rng.randrange(min(self.desk.model.rowCount(), 4) or 1)):
            QTest.keyClick(self.desk.search, Qt.Key.Key_Down)

    def search_and_print(self) -> None:
        self.step(self.search)
        chosen = self.selected_id()
        if chosen is None:
            return
        QTest.keyClick(self.desk.search, Qt.Key.Key_P, CTRL)
        self.check_print(chosen, "search, Ctrl+P", "search")
        self.actions += 1
        QTest.keyClick(self.desk.search, Qt.Key.Key_P, CTRL)  # again: the one still seen
        self.check_print(chosen, "search, Ctrl+P, Ctrl+P", "search")
        self.actions += 1

    def scan(self) -> None:
        person = self.rng.choice(self.people)
        self.show("desk")
        scanner(self.desk.search, person.qr_payload)  # a scanner burst
        self.settled()
        if self.rng.random() < 0.5:
            QTest.keyClick(self.desk.search, Qt.Key.Key_R, CTRL)
            self.check_print(person.id, "scan, Ctrl+R", "scan")

    def undo(self) -> None:
        self.show("desk")
        QTest.keyClick(self.desk.search, Qt.Key.Key_Z, CTRL)
        self.settled()

    def walk_in(self) -> None:
        name = "Soak " + "".join(self.rng.choice("abcdefghijklmnop") for _ in range(6))

        def fill() -> None:
            dialog = QApplication.activeModalWidget()
            edit = getattr(dialog, "edits", {}).get("name")
            if edit is None or not isinstance(dialog, QDialog):
                return
            # typed like a person: eleven characters 5 ms apart and Enter are a scanner's burst
            QTest.keyClicks(edit, name, Qt.KeyboardModifier.NoModifier, PERSON_GAP_MS)
            QTest.keyClick(edit, Qt.Key.Key_Return)
            QTimer.singleShot(5000, lambda: dialog.reject() if dialog.isVisible() else None)

        self.show("desk")
        QTimer.singleShot(100, fill)
        QTest.keyClick(self.desk.search, Qt.Key.Key_F2)
        self.settled()
        with self.db.unit_of_work(write=False) as s:
            pid = s.scalar(select(Person.id).where(Person.name == name))
        self.check_print(pid, "walk-in", "walk-in")

    def scan_into_dialog(self, key: Qt.Key) -> None:
        person = self.rng.choice(self.people)

        def scan() -> None:
            dialog = QApplication.activeModalWidget()
            if not isinstance(dialog, QDialog):
                return
            target = QApplication.focusWidget() or dialog
            QTest.keyClicks(target, "Ze", Qt.KeyboardModifier.NoModifier, PERSON_GAP_MS)
            scanner(target, person.qr_payload)
            QTimer.singleShot(800, lambda: dialog.reject() if dialog.isVisible() else None)

        self.show("desk")
        QTimer.singleShot(100, scan)
        QTest.keyClick(self.desk.search, key)
        self.sweep()

    # -- the other views -----------------------------------------------------------------------
    def people_or_exhibitors(self, key: str) -> None:
        view = self.show(key)
        edit = view.pane.filter_edit  # type: ignore[attr-defined]
        edit.setFocus()
        QTest.keyClicks(edit, self.rng.choice(("zh", "li", "ke", "A1", "wang")),
                        Qt.KeyboardModifier.NoModifier, PERSON_GAP_MS)
        self.wait(lambda: ops.pending() == 0, 10)
        view.pane.table.scrollToBottom()  # type: ignore[attr-defined]  # pages load behind
        edit.clear()
        view.pane.table.scrollToBottom()  # type: ignore[attr-defined]
        self.app.processEvents()

    def schedule(self) -> None:
        view = self.show("schedule")
        grid = view.grid  # type: ignore[attr-defined]
        grid.setFocus()
        QTest.keyClick(grid, Qt.Key.Key_Down)  # select an item
        QTest.keyClick(grid, Qt.Key.Key_Right, ALT)  # move it a room to the right
        self.wait(lambda: ops.pending() == 0, 10)
        QTest.keyClick(grid, Qt.Key.Key_Z, CTRL)  # and undo
        self.wait(lambda: ops.pending() == 0, 10)

    def run(self, actions: int) -> None:
        plan: list[tuple[Callable[[], None], int]] = [
            (self.search_and_print, 5), (self.scan, 6), (self.walk_in, 2),
            (lambda: self.scan_into_dialog(Qt.Key.Key_F2), 1),
            (lambda: self.scan_into_dialog(Qt.Key.Key_F3), 1), (self.undo, 1),
            (lambda: self.people_or_exhibitors("people"), 2),
            (lambda: self.people_or_exhibitors("exhibitors"), 2), (self.schedule, 2),
            (lambda: self.visit("badges"), 1), (lambda: self.visit("dashboard"), 1)]
        while self.actions < actions:
            action = self.rng.choices([a for a, _ in plan], [w for _, w in plan])[0]
            self.step(action)
            self.sweep()
        with self.db.unit_of_work(write=False) as s:
            payload_people = s.scalar(select(func.count()).select_from(Person).where(
                func.upper(Person.name).like("%ED1.%")))
        print(json.dumps({"actions": self.actions, "prints": self.prints,
                          "payload_people": payload_people, "unasked": self.unasked}))
        self.window.close()
        ops.wait_idle()
        self.db.dispose()


def main() -> int:
    tmp, seed, actions = Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
    Operator(tmp, seed).run(actions)
    return 0


if __name__ == "__main__":
    sys.exit(main())
