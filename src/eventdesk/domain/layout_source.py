"""A badge layout as a plain value: what services hand the renderer (pdf/) for a layout stored in
the event, without either layer importing the other (as domain.badge_data does for a badge)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class LayoutSource:
    """A layout as data rather than as a file name: its JSON text and its images by file name.

    Frozen and hashable (the renderer caches its compiled form per source) and picklable (batch
    runs hand it to child processes). `origin` says where it came from ("event", a file path)."""

    name: str
    document: str
    images: tuple[tuple[str, bytes], ...] = ()
    origin: str = "event"

    def image(self, file_name: str) -> bytes | None:
        for name, data in self.images:
            if name == file_name:
                return data
        return None
