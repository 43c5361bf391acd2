"""Undo commands of the badge designer: one QUndoCommand per thing a person does, each changing
the LayoutModel only through its primitives, so that undo restores the document exactly (as the
schedule editor's commands do, and as Orange's canvas does for its workflow document).

Moves, resizes, nudges, align, distribute and every option of an element are one command,
EditElements (the elements' specs before and after); consecutive arrow-key nudges of the same
elements merge into one undo step.
"""

from __future__ import annotations

import copy

from PySide6.QtGui import QUndoCommand

from eventdesk.ui.designer.model import LayoutModel, Spec

NUDGE_ID = 1501  # QUndoCommand.id() of nudges, for mergeWith


class EditElements(QUndoCommand):
    """Replace elements of one side: {index: new spec}. `merge` makes consecutive commands of
    the same elements one undo step (arrow-key nudges)."""

    def __init__(self, model: LayoutModel, variant: int, side: str, after: dict[int, Spec],
                 text: str, *, merge: bool = False) -> None:
        super().__init__(text)
        self.model, self.variant, self.side = model, variant, side
        self.before = {i: model.element(variant, side, i) for i in after}
        self.after = copy.deepcopy(after)
        self._merge = merge

    def id(self) -> int:
        return NUDGE_ID if self._merge else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not (isinstance(other, EditElements) and other._merge
                and (other.variant, other.side) == (self.variant, self.side)
                and set(other.after) == set(self.after)):
            return False
        self.after = copy.deepcopy(other.after)
        return True

    def redo(self) -> None:
        self.model.set_elements(self.variant, self.side, self.after)

    def undo(self) -> None:
        self.model.set_elements(self.variant, self.side, self.before)


class AddElement(QUndoCommand):
    """Add an element on top of the side (with the image it shows, for an image element)."""

    def __init__(self, model: LayoutModel, variant: int, side: str, spec: Spec, text: str,
                 *, image: tuple[str, bytes] | None = None) -> None:
        super().__init__(text)
        self.model, self.variant, self.side, self.spec = model, variant, side, copy.deepcopy(spec)
        self.index = len(model.elements(variant, side))
        self.image = image
        self.image_before = model.layout.images.get(image[0]) if image else None

    def redo(self) -> None:
        if self.image is not None:
            self.model.set_image(*self.image)
        self.model.insert_element(self.variant, self.side, self.index, self.spec)

    def undo(self) -> None:
        self.model.remove_element(self.variant, self.side, self.index)
        if self.image is not None:
            self.model.set_image(self.image[0], self.image_before)


class RemoveElements(QUndoCommand):
    def __init__(self, model: LayoutModel, variant: int, side: str, indexes: list[int],
                 text: str) -> None:
        super().__init__(text)
        self.model, self.variant, self.side = model, variant, side
        self.removed = [(i, model.element(variant, side, i)) for i in sorted(indexes)]

    def redo(self) -> None:
        for index, _spec in reversed(self.removed):
            self.model.remove_element(self.variant, self.side, index)

    def undo(self) -> None:
        for index, spec in self.removed:
            self.model.insert_element(self.variant, self.side, index, spec)


class Restack(QUndoCommand):
    """Move an element up or down the drawing order (to the front / to the back)."""

    def __init__(self, model: LayoutModel, variant: int, side: str, index: int, to: int,
                 text: str) -> None:
        super().__init__(text)
        self.model, self.variant, self.side, self.index, self.to = model, variant, side, index, to

    def redo(self) -> None:
        self.model.move_element(self.variant, self.side, self.index, self.to)

    def undo(self) -> None:
        self.model.move_element(self.variant, self.side, self.to, self.index)


class SetSide(QUndoCommand):
    """Give a variant a back (a copy of its front, to start from) or take the back away."""

    def __init__(self, model: LayoutModel, variant: int, side: str,
                 elements: list[Spec] | None, text: str) -> None:
        super().__init__(text)
        self.model, self.variant, self.side = model, variant, side
        had = side == "front" or model.has_back(variant)
        self.before = model.elements(variant, side) if had else None
        self.after = copy.deepcopy(elements)

    def redo(self) -> None:
        self.model.set_side(self.variant, self.side, self.after)

    def undo(self) -> None:
        self.model.set_side(self.variant, self.side, self.before)


class AddVariant(QUndoCommand):
    def __init__(self, model: LayoutModel, variant: Spec, text: str) -> None:
        super().__init__(text)
        self.model, self.variant = model, copy.deepcopy(variant)
        self.index = model.variant_count()

    def redo(self) -> None:
        self.model.insert_variant(self.index, self.variant)

    def undo(self) -> None:
        self.model.remove_variant(self.index)


class RemoveVariant(QUndoCommand):
    def __init__(self, model: LayoutModel, index: int, text: str) -> None:
        super().__init__(text)
        self.model, self.index = model, index
        self.variant = copy.deepcopy(model.document["variants"][index])

    def redo(self) -> None:
        self.model.remove_variant(self.index)

    def undo(self) -> None:
        self.model.insert_variant(self.index, self.variant)


class SetCategory(QUndoCommand):
    """A category's colour, text colour on it and label (None: remove the category)."""

    def __init__(self, model: LayoutModel, key: str, spec: Spec | None, text: str) -> None:
        super().__init__(text)
        self.model, self.key, self.after = model, key, copy.deepcopy(spec)
        self.before = model.categories().get(key)

    def redo(self) -> None:
        self.model.set_category(self.key, self.after)

    def undo(self) -> None:
        self.model.set_category(self.key, self.before)


class SetMeta(QUndoCommand):
    """The layout's title or description."""

    def __init__(self, model: LayoutModel, key: str, value: str, text: str) -> None:
        super().__init__(text)
        self.model, self.key, self.after = model, key, value
        before = model.document.get(key)
        self.before = before if isinstance(before, str) else None

    def redo(self) -> None:
        self.model.set_meta(self.key, self.after)

    def undo(self) -> None:
        self.model.set_meta(self.key, self.before)
