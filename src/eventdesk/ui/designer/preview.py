"""The proof beside the canvas: the badge of a real person — anyone found by name, or the hardest
cases the event holds (longest name, longest company, rare characters, English-only name, no
company) — drawn by the real renderer from the layout as it is now, saved or not. What is shown
is what prints; characters no font can draw are framed in red on the proof and named below it.

Rendering and rasterising (pypdfium2) run on a worker through ui.ops; only the newest proof is
shown (ops.Latest), so typing in the property panel never queues up stale proofs.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import shiboken6
from PySide6.QtCore import QRect, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPen, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from eventdesk import messages
from eventdesk.actions import desk as desk_actions
from eventdesk.actions.base import ActionContext, Outcome, ProgressFn
from eventdesk.actions.layouts import LayoutDocument
from eventdesk.actions.proof import Proof, ProofCase, proof_badge, proof_cases
from eventdesk.domain.badge_data import BadgeData
from eventdesk.services.desk import DeskRow
from eventdesk.ui import ops
from eventdesk.ui.badges import jobs
from eventdesk.ui.context import AppContext
from eventdesk.ui.designer.items import field_hint
from eventdesk.ui.designer.model import Spec, box_of
from eventdesk.ui.i18n import translate

PROOF_DPI = 96  # about the canvas's real size on an ordinary screen


@dataclass(frozen=True)
class ProofRequest:
    """What to proof: the layout as it is now (a copy), the paper preset whose badge size is the
    variant's, which side, and the variant's design size and elements (to place the marks)."""

    layout: LayoutDocument
    preset: str
    back: bool
    design_mm: tuple[float, float]
    elements: tuple[Spec, ...]


@dataclass(frozen=True)
class ProofShown:
    image: QImage
    proof: Proof
    px_per_mm: float  # of the image, on the badge's design size


def _proof_image(actx: ActionContext, request: ProofRequest, person_id: int | None,
                 _progress: ProgressFn) -> Outcome[ProofShown]:
    """The proof action and its rasterising, in the same worker (pdfium is too slow for the GUI
    thread). The image is the badge alone, cut out of its page."""
    done = proof_badge(actx, layout=request.layout, person_id=person_id, preset=request.preset)
    proof = done.value
    page = 1 if request.back and proof.pages > 1 else 0
    image = jobs.pdf_images(proof.pdf, PROOF_DPI, page, page + 1)[0]
    x, y, w, h = proof.back_slot_mm if page else proof.front_slot_mm
    px = PROOF_DPI / 25.4
    badge = image.copy(QRect(round(x * px), round(y * px), round(w * px), round(h * px)))
    return Outcome(value=ProofShown(badge, proof, px * w / request.design_mm[0]))


def mark_missing(shown: ProofShown, elements: tuple[Spec, ...]) -> QImage:
    """The proof with every text element whose field has a character no font can draw framed
    in red (the renderer would leave an empty box there)."""
    fields = {name for name, _chars in shown.proof.missing}
    image = shown.image.copy()
    if not fields:
        return image
    painter = QPainter(image)
    pen = QPen(QColor("#E53935"))
    pen.setWidthF(2.5)
    painter.setPen(pen)
    k = shown.px_per_mm
    for spec in elements:
        if spec.get("type", "text") == "text" and not spec.get("text") and (
                spec.get("field") in fields or spec.get("fallback") in fields):
            x, y, w, h = box_of(spec)
            painter.drawRect(QRectF(x * k, y * k, w * k, h * k).adjusted(1, 1, -1, -1))
            painter.drawText(QRectF(x * k + 3, y * k + 1, w * k, 14),
                             translate("ProofPanel", "缺字"))
    painter.end()
    return image


class ProofPanel(QWidget):
    """Person chooser (hard cases, search) and the proof image. `request()` gives what to proof
    (or None while nothing is open); `schedule()` asks for a fresh proof soon."""

    person_shown = Signal(object)  # the BadgeData on the newest proof (for the canvas sketch)

    def __init__(self, ctx: AppContext, request: Callable[[], ProofRequest | None]) -> None:
        super().__init__()
        self.ctx, self.request = ctx, request
        self.cases: list[ProofCase] = []
        self.shown: ProofShown | None = None
        self._latest, self._search = ops.Latest(), ops.Latest()
        self._pending = 0  # the hard cases, loading
        self._proofing = False  # the newest proof is on its way
        self.person = QComboBox()
        self.person.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.person.setMinimumContentsLength(14)
        self.person.addItem(messages.text("proof.sample"), None)
        self.next_case = QPushButton(translate("ProofPanel", "下一个难例 ▶"))
        self.next_case.setToolTip(translate(
            "ProofPanel", "轮流查看最难排版的人：最长的姓名、最长的单位、生僻字、纯英文姓名、"
                          "没有单位"))
        self.search = QLineEdit(placeholderText=translate("ProofPanel", "找人：姓名、拼音、单位"))
        self.image = QLabel()
        self.image.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        scroll = QScrollArea()
        scroll.setWidget(self.image)
        scroll.setWidgetResizable(True)
        scroll.setStyleSheet("QScrollArea { background: #8a8f94; } QLabel { background: "
                             "#8a8f94; }")
        self.glyphs = QLabel()
        self.glyphs.setWordWrap(True)
        title = QLabel(translate("ProofPanel", "打印预览（真实渲染）"))
        title.setStyleSheet("font-weight: bold;")
        row = QHBoxLayout()
        row.addWidget(self.person, 1)
        row.addWidget(self.next_case)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(title)
        layout.addLayout(row)
        layout.addWidget(self.search)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.glyphs)
        self._timer = QTimer(self, singleShot=True, interval=300)
        self._timer.timeout.connect(self.refresh)
        self.person.currentIndexChanged.connect(self.schedule)
        self.next_case.clicked.connect(self.cycle)
        self.search.returnPressed.connect(self._find)
        self._pending += 1
        ops.run_action(ctx, lambda actx, _p: proof_cases(actx), on_done=self._show_cases,
                       on_error=self._failed_cases, owner=self)

    # -- people --------------------------------------------------------------------------------
    def _show_cases(self, cases: list[ProofCase]) -> None:
        self._pending -= 1
        self.cases = cases
        for case in cases:
            self.person.addItem(f"{messages.text('proof.' + case.kind)} · {case.name}",
                                case.person_id)
        if cases and self.person.currentIndex() == 0:
            self.person.setCurrentIndex(1)  # start on the hardest case, not on the sample

    def _failed_cases(self, exc: BaseException) -> None:
        self._pending -= 1
        self.glyphs.setText(messages.describe(exc))

    def cycle(self) -> None:
        """The next hard case, round and round."""
        if not self.cases:
            return
        self.person.setCurrentIndex(self.person.currentIndex() % len(self.cases) + 1)

    def _find(self) -> None:
        query = self.search.text().strip()
        if not query:
            return
        self._search.run_action(self.ctx, lambda actx, _p: desk_actions.search(
            actx, query=query, limit=20), on_done=self._show_found, on_error=self._failed,
            owner=self)

    def _show_found(self, rows: list[DeskRow]) -> None:
        first = len(self.cases) + 1
        while self.person.count() > first:
            self.person.removeItem(first)
        for row in rows:
            self.person.addItem(f"🔍 {row.person.name} · {row.person.company}", row.person.id)
        if rows:
            self.person.setCurrentIndex(first)

    # -- proofs --------------------------------------------------------------------------------
    def schedule(self) -> None:
        self._timer.start()

    def refresh(self) -> None:
        request = self.request()
        if request is None:
            return
        person_id = self.person.currentData()
        self._proofing = True
        self._latest.run_action(
            self.ctx, lambda actx, p: _proof_image(actx, request, person_id, p),
            on_done=lambda shown: self._show(shown, request), on_error=self._failed, owner=self)

    def _show(self, shown: ProofShown, request: ProofRequest) -> None:
        self._proofing = False
        if not shiboken6.isValid(self.image):
            return
        self.shown = shown
        self.image.setPixmap(QPixmap.fromImage(mark_missing(shown, request.elements)))
        if shown.proof.missing:
            lines = [messages.text("proof.missing_glyphs", field=field_hint(field),
                                   chars=messages.text("printing.name_separator").join(
                                       messages.text("proof.char", char=ch, code=f"{ord(ch):04X}")
                                       for ch in chars))
                     for field, chars in shown.proof.missing]
            self.glyphs.setText("<span style='color:#b71c1c'>" + "<br>".join(lines) + "</span>")
        else:
            self.glyphs.setText(messages.text("proof.all_glyphs"))
        self.person_shown.emit(shown.proof.badge)

    def _failed(self, exc: BaseException) -> None:
        self._proofing = False
        if shiboken6.isValid(self.glyphs):
            self.glyphs.setText(f"<span style='color:#b71c1c'>{messages.describe(exc)}</span>")

    def badge(self) -> BadgeData | None:
        return self.shown.proof.badge if self.shown else None

    def busy(self) -> bool:
        return self._pending > 0 or self._proofing or self._timer.isActive()
