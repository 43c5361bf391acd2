"""`eventdesk badges … --print` and `eventdesk printer …` through a real CUPS server with a
virtual PDF printer (tests/cups.py): what comes out of the queue is checked as a person would —
paper size, page count, and the QR on the paper decodes to the person's payload."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import func, select

from eventdesk.cli import main
from eventdesk.domain import BadgePrint
from eventdesk.pdf.presets import PRESETS
from eventdesk.services import people as people_service
from eventdesk.storage import Database
from tests.cups import PdfQueue, printed_pages, same_size
from tests.services.people_cases import add

pytestmark = pytest.mark.usefixtures("local_settings")


def _prints(db: Database) -> int:
    with db.unit_of_work(write=False) as s:
        return int(s.scalar(select(func.count(BadgePrint.id))) or 0)


def _payload(db: Database, person_id: int) -> str:
    with db.unit_of_work(write=False) as s:
        return people_service.get_person(s, person_id=person_id).qr_payload


@pytest.fixture
def staff(event_db: Database) -> dict[str, int]:
    """Three exhibitor staff and one VIP: name -> person id."""
    ids = {name: add(event_db, name, category="exhibitor", company="昆山阿丘智能科技有限公司")
           for name in ("张伟", "李娜", "刘𠮷")}
    ids["王芳"] = add(event_db, "王芳", category="vip", company="苏州大学")
    return ids


@pytest.mark.cups
def test_one_badge_printed_on_a6_with_copies(cups_queue: PdfQueue, staff: dict[str, int],
                                             event_db: Database, db_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    before = cups_queue.files()
    assert main(["badges", "--db", str(db_path), "--category", "vip", "--print", "--printer",
                 cups_queue.name, "--copies", "2", "--desk", "print-room", "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert (result["badges"], result["pages"], result["printer"], result["copies"],
            result["recorded"]) == (1, 1, cups_queue.name, 2, 1)
    [printed] = cups_queue.wait_for_jobs(before)
    pages = printed_pages(printed)
    assert len(pages) == 2  # one badge, two copies
    payload = _payload(event_db, staff["王芳"])
    for page in pages:
        assert same_size(page.size_pt, PRESETS["a6"].page_mm)
        assert page.payloads == (payload,)
    assert _prints(event_db) == 1  # one badge, recorded once whatever the copies


@pytest.mark.cups
def test_a_sheet_of_badges_on_avery_labels(cups_queue: PdfQueue, staff: dict[str, int],
                                           event_db: Database, db_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    before = cups_queue.files()
    assert main(["badges", "--db", str(db_path), "--category", "exhibitor", "--preset",
                 "a4-avery-l4785", "--print", "--printer", cups_queue.name, "--lang", "zh"]) == 0
    out = capsys.readouterr().out
    assert cups_queue.name in out and "已记录 3 张为已打印" in out
    [printed] = cups_queue.wait_for_jobs(before)
    [page] = printed_pages(printed)
    assert same_size(page.size_pt, (210.0, 297.0))
    assert sorted(page.payloads) == sorted(_payload(event_db, staff[n])
                                           for n in ("张伟", "李娜", "刘𠮷"))
    assert _prints(event_db) == 3


@pytest.mark.cups
@pytest.mark.parametrize(("stop", "start", "said"), [
    ("cupsdisable", "cupsenable", "暂停"),  # paused: Qt sees it, nothing is sent
    ("cupsreject", "cupsaccept", "not accepting jobs"),  # refusing: only CUPS's answer says it
])
def test_a_printer_that_cannot_take_the_job_records_nothing(
        cups_queue: PdfQueue, staff: dict[str, int], event_db: Database, db_path: Path,
        capsys: pytest.CaptureFixture[str], stop: str, start: str, said: str) -> None:
    before = cups_queue.files()
    cups_queue.run(stop)
    try:
        assert main(["badges", "--db", str(db_path), "--print", "--printer",
                     cups_queue.name]) == 2
    finally:
        cups_queue.run(start)
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and cups_queue.name in err and said in err
    assert _prints(event_db) == 0 and cups_queue.files() == before


def test_an_unknown_printer_is_one_sentence_and_exit_2(staff: dict[str, int], db_path: Path,
                                                       event_db: Database,
                                                       capsys: pytest.CaptureFixture[str]
                                                       ) -> None:
    assert main(["--lang", "en", "badges", "--db", str(db_path), "--print", "--printer",
                 "No Such Printer"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err
    # With printers on the machine it names the one asked for; without any, it says so.
    assert "No Such Printer" in err or "no printer" in err
    assert _prints(event_db) == 0


def test_calibrate_stores_per_desk_and_printer(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--lang", "en", "printer", "calibrate", "--desk", "3", "--printer", "Card",
                 "--offset-x", "1.5", "--offset-y", "-0.5", "--scale", "98.5"]) == 0
    assert "offset X +1.5 mm, Y -0.5 mm, scale 98.5 %" in capsys.readouterr().out
    assert main(["printer", "calibrate", "--desk", "3", "--printer", "Card", "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert (shown["offset_x_mm"], shown["offset_y_mm"], shown["scale_pct"]) == (1.5, -0.5, 98.5)
    # Another desk, or another printer at the same desk, has its own (none yet).
    for desk, printer in (("4", "Card"), ("3", "Office")):
        assert main(["printer", "calibrate", "--desk", desk, "--printer", printer,
                     "--json"]) == 0
        assert json.loads(capsys.readouterr().out)["scale_pct"] == 100
    # Out of range: exit 4, nothing stored.
    assert main(["printer", "calibrate", "--desk", "3", "--printer", "Card",
                 "--offset-x", "40"]) == 4
    assert "40" in capsys.readouterr().err
    assert main(["printer", "calibrate", "--desk", "3", "--printer", "Card", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["offset_x_mm"] == 1.5


def test_calibration_page_is_written_at_the_preset_size(tmp_path: Path,
                                                        capsys: pytest.CaptureFixture[str]
                                                        ) -> None:
    import pypdfium2 as pdfium

    out = tmp_path / "cal.pdf"
    assert main(["printer", "calibration-page", "--preset", "cr80", "--out", str(out)]) == 0
    document = pdfium.PdfDocument(out.read_bytes())
    assert len(document) == 1 and same_size(tuple(document[0].get_size()), (85.6, 54.0))


@pytest.mark.cups
def test_a_desks_calibration_is_applied_to_its_prints(cups_queue: PdfQueue,
                                                      staff: dict[str, int], db_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    """Calibrate desk 7's printer, print the corrected check page and a badge through CUPS:
    the crosshair and the QR are moved by the correction (read back from the printed file)."""
    from eventdesk.domain.calibration import Calibration
    from eventdesk.pdf.calibration import marks_for
    from tests.cups import crosshair_mm, page_image, qr_centre_mm

    assert main(["printer", "calibrate", "--desk", "7", "--printer", cups_queue.name,
                 "--offset-x", "2", "--offset-y", "-1.5", "--scale", "98"]) == 0
    before = cups_queue.files()
    assert main(["printer", "calibration-page", "--preset", "cr80", "--print", "--printer",
                 cups_queue.name, "--desk", "7", "--corrected"]) == 0
    [page] = cups_queue.wait_for_jobs(before)
    marks = marks_for(PRESETS["cr80"])
    calibration = Calibration(2.0, -1.5, 98.0)
    expected = calibration.correction(marks.page_mm).apply(*marks.centre_mm)
    sent = crosshair_mm(page_image(page))
    assert sent == pytest.approx(expected, abs=0.5)
    assert calibration.printer_error(marks.page_mm).apply(*sent) == pytest.approx(
        marks.centre_mm, abs=0.5)

    # A badge printed as desk 7 against the same badge printed as a desk without calibration.
    centres = []
    for desk, reason in (("batch", "first"), ("7", "damaged")):  # the second one is a reprint
        before = cups_queue.files()
        assert main(["badges", "--db", str(db_path), "--category", "vip", "--preset", "cr80",
                     "--print", "--printer", cups_queue.name, "--desk", desk,
                     "--reason", reason]) == 0
        [printed] = cups_queue.wait_for_jobs(before)
        centres.append(qr_centre_mm(page_image(printed)))
    correction = calibration.correction(PRESETS["cr80"].page_mm)
    assert correction.apply(*centres[0]) == pytest.approx(centres[1], abs=0.5)
    capsys.readouterr()
