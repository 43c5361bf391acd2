"""A real CUPS server with a virtual PDF printer, for the tests that print through the system's
print queue (marker `cups`).

Debian's cups and printer-driver-cups-pdf are installed by .ci/run. The session fixture
`cups_queue` starts cupsd when it is not running (no systemd on these machines: `cupsd` forks
itself into the background) and adds a queue of this test process's own — `EventDeskPDF-<worker>-
<random>`, whose cups-pdf instance writes into a directory of its own
(/etc/cups/cups-pdf-<instance>.conf, `Out`) — so parallel workers and other runs on the machine
never see each other's jobs; at the end the queue, its configuration and its files are removed.
Setting that up needs root (lpadmin, /etc/cups): elsewhere the tests skip with the reason, and
under CI=true they fail instead, because there printing is part of the contract.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

CUPS_PDF_BACKEND = Path("/usr/lib/cups/backend/cups-pdf")
PPD_CANDIDATES = (Path("/usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd"),
                  Path("/usr/share/ppd/cups-pdf/CUPS-PDF_noopt.ppd"))
SPOOL = Path("/var/spool/cups-pdf")
LOCK = Path("/tmp/eventdesk-test-cupsd.lock")  # one starter of cupsd among parallel workers
JOB_TIMEOUT_S = 90.0


@dataclass(frozen=True)
class PdfQueue:
    """A CUPS queue whose printed jobs land as PDF files in `out_dir`."""

    name: str
    out_dir: Path

    def files(self) -> set[Path]:
        return set(self.out_dir.glob("*.pdf"))

    def pending(self) -> bool:
        listed = subprocess.run(["lpstat", "-o", self.name], capture_output=True, text=True,
                                check=False)
        return bool(listed.stdout.strip())

    def wait_for_jobs(self, before: set[Path], count: int = 1) -> list[Path]:
        """The `count` files printed since `before` was taken, oldest first, once CUPS has no
        job of this queue left (cups-pdf writes the file whole, then the job completes)."""
        deadline = time.monotonic() + JOB_TIMEOUT_S
        while time.monotonic() < deadline:
            new = self.files() - before
            if len(new) >= count and not self.pending():
                return sorted(new, key=lambda p: p.stat().st_mtime)
            time.sleep(0.1)
        log = Path("/var/log/cups/error_log")
        tail = log.read_text(errors="replace")[-2000:] if log.exists() else ""
        raise AssertionError(f"CUPS printed {len(self.files() - before)} of {count} jobs on "
                             f"{self.name} within {JOB_TIMEOUT_S:.0f} s; error_log: {tail}")

    def run(self, command: str) -> None:
        """cupsenable / cupsdisable (pause) or cupsaccept / cupsreject this queue."""
        subprocess.run([command, self.name], check=True)


def _unavailable(reason: str) -> None:
    if os.environ.get("CI") == "true":
        pytest.fail(f"CI=true requires the CUPS print tests, but {reason}", pytrace=False)
    pytest.skip(reason)


def _running() -> bool:
    status = subprocess.run(["lpstat", "-r"], capture_output=True, text=True, check=False)
    return "is running" in status.stdout and "not" not in status.stdout


def _start_cupsd() -> None:
    import fcntl  # POSIX only, like CUPS itself

    with LOCK.open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if _running():
            return
        subprocess.run([shutil.which("cupsd") or "/usr/sbin/cupsd"], check=True)
        deadline = time.monotonic() + 30
        while not _running():
            if time.monotonic() > deadline:
                _unavailable("cupsd did not start within 30 s")
            time.sleep(0.2)


def _ppd() -> Path | None:
    return next((p for p in PPD_CANDIDATES if p.exists()), None)


@pytest.fixture(scope="session")
def cups_queue() -> Iterator[PdfQueue]:
    """This test process's own virtual PDF printer on the machine's CUPS server."""
    missing = [tool for tool in ("cupsd", "lpadmin", "lpstat", "cupsenable", "cupsreject")
               if shutil.which(tool) is None and not Path("/usr/sbin", tool).exists()]
    ppd = _ppd()
    if missing or not CUPS_PDF_BACKEND.exists() or ppd is None:
        _unavailable("CUPS with the cups-pdf printer is not installed (apt-get install cups "
                     "cups-client printer-driver-cups-pdf; .ci/run does it)")
    if os.geteuid() != 0:
        _unavailable("adding a CUPS test printer needs root (lpadmin and /etc/cups)")
    _start_cupsd()
    worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
    name = f"EventDeskPDF-{worker}-{uuid.uuid4().hex[:8]}"
    instance = name.lower()
    out_dir = SPOOL / instance
    out_dir.mkdir(parents=True, exist_ok=True)
    conf = Path(f"/etc/cups/cups-pdf-{instance}.conf")
    # Out: this queue's own directory; Label 1: the job id in each file name (two jobs of the
    # same title never overwrite each other).
    conf.write_text(f"Out {out_dir}\nAnonDirName {out_dir}\nLabel 1\nGrp lpadmin\n")
    assert ppd is not None
    subprocess.run(["lpadmin", "-p", name, "-E", "-v", f"cups-pdf:/{instance}", "-P", str(ppd)],
                   check=True, capture_output=True)
    try:
        yield PdfQueue(name=name, out_dir=out_dir)
    finally:
        subprocess.run(["lpadmin", "-x", name], check=False, capture_output=True)
        conf.unlink(missing_ok=True)
        shutil.rmtree(out_dir, ignore_errors=True)


@dataclass(frozen=True)
class PrintedPage:
    """One page of a printed file: its size in points and the QR payloads on it."""

    size_pt: tuple[float, float]
    payloads: tuple[str, ...]


def printed_pages(path: Path, dpi: int = 300) -> list[PrintedPage]:
    """Every page of a printed PDF, rasterised at `dpi` and searched for QR codes (zxing-cpp)."""
    import pypdfium2 as pdfium
    import zxingcpp

    document = pdfium.PdfDocument(path.read_bytes())
    try:
        pages = []
        for index in range(len(document)):
            page = document[index]
            image = page.render(scale=dpi / 72).to_pil()
            found = zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)
            pages.append(PrintedPage(tuple(page.get_size()), tuple(r.text for r in found)))
        return pages
    finally:
        document.close()


def same_size(size_pt: tuple[float, float], page_mm: tuple[float, float]) -> bool:
    """A printed page is the preset's paper: within 1.5 pt (0.5 mm) — CUPS rounds a custom
    paper size to whole points."""
    return all(abs(got - want / 25.4 * 72) <= 1.5 for got, want in zip(size_pt, page_mm,
                                                                      strict=True))


def page_image(path: Path, dpi: int = 300, index: int = 0):  # type: ignore[no-untyped-def]
    """Page `index` of a PDF file as a greyscale PIL image at `dpi`."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(path.read_bytes())
    try:
        return document[index].render(scale=dpi / 72).to_pil().convert("L")
    finally:
        document.close()


_DARK = bytes(1 if v < 128 else 0 for v in range(256))


def _dark_per_row(image) -> list[int]:  # type: ignore[no-untyped-def]
    """How many dark pixels each row of a greyscale image has."""
    data = image.tobytes().translate(_DARK)
    w = image.width
    return [data.count(1, y * w, (y + 1) * w) for y in range(image.height)]


def crosshair_mm(image, dpi: int = 300) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    """Where the calibration page's crosshair is on a printed page, in mm from the top-left
    corner: the column and the row with the most dark pixels (the two lines run almost the
    whole page), each the middle of its line's width."""
    from PIL import Image

    def middle(counts: list[int]) -> float:
        top = max(counts)
        strongest = [i for i, n in enumerate(counts) if n >= top * 0.9]
        return sum(strongest) / len(strongest)

    px_per_mm = dpi / 25.4
    columns = _dark_per_row(image.transpose(Image.Transpose.TRANSPOSE))
    return middle(columns) / px_per_mm, middle(_dark_per_row(image)) / px_per_mm


def qr_centre_mm(image, dpi: int = 300) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    """The centre of the (first) QR code on a page image, in mm from the top-left corner."""
    import zxingcpp

    [found, *_] = zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)
    corners = [found.position.top_left, found.position.top_right, found.position.bottom_left,
               found.position.bottom_right]
    px_per_mm = dpi / 25.4
    return (sum(c.x for c in corners) / 4 / px_per_mm, sum(c.y for c in corners) / 4 / px_per_mm)


def vertical_line_mm(image, x_mm: float, dpi: int = 300) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    """Top and bottom (mm) of the longest dark run in the column at `x_mm`: the crosshair's
    vertical line, whose printed length shows the scale."""
    px_per_mm = dpi / 25.4
    x = round(x_mm * px_per_mm)
    column = [image.getpixel((x, y)) < 128 for y in range(image.height)]
    best, start = (0, 0), None
    for y, dark in enumerate([*column, False]):
        if dark and start is None:
            start = y
        elif not dark and start is not None:
            if y - start > best[1] - best[0]:
                best = (start, y)
            start = None
    return best[0] / px_per_mm, best[1] / px_per_mm
