"""Output files written whole or not at all: the one way EventDesk writes a file a person chose.

Every output (badge PDFs from the CLI, the badge view and the desk, exports to CSV/XLSX/iCal, the
programme PDF, the import error report, a screenshot) is written to a temporary file in the
target's own folder, flushed to the disk, and only then moved over the target with os.replace,
which is atomic on the same file system. So a killed process, a full disk or an exception half-way
leaves the old file exactly as it was (or no file), never a 0-byte or truncated one; the
temporary file is removed when the write fails (a process killed outright leaves it behind: a
hidden `.NAME.….part` file beside the target, never the target itself).

Any failure is raised as an OSError naming the target (not the temporary file), so that
`messages.describe` says which of the person's files could not be written and why.
Nothing else of eventdesk is imported here, so every layer may use it (like eventdesk.paths).
"""

from __future__ import annotations

import errno
import os
import stat
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

__all__ = ["check_target", "replacing", "write_whole"]

_umask_lock = threading.Lock()
_umask: int | None = None


def _default_mode() -> int:
    """The mode a file created with open() gets here (0o666 less the umask): mkstemp makes 0o600,
    which would leave an export readable by its owner only."""
    global _umask
    with _umask_lock:
        if _umask is None:
            _umask = os.umask(0o022)  # reading the umask means setting it; put it straight back
            os.umask(_umask)
        return 0o666 & ~_umask


def _named(exc: OSError, path: Path) -> OSError:
    """`exc` about the person's file `path` (the system's reason kept)."""
    if exc.filename == str(path) and exc.filename2 is None:
        return exc
    try:
        return type(exc)(exc.errno, exc.strerror or str(exc), str(path))
    except TypeError:  # a subclass with a constructor of its own
        return OSError(exc.errno, exc.strerror or str(exc), str(path))


def check_target(path: Path | str) -> Path:
    """Raise OSError (naming `path`) when `path` cannot be an output file at all: a folder, or
    beside a parent that is not a folder. Cheap; call it before long work (a badge run) so that
    a wrong --out fails at once rather than after rendering. Returns the path."""
    target = Path(path)
    if target.is_dir():
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(target))
    parent = target.parent
    if parent.exists() and not parent.is_dir():
        raise NotADirectoryError(errno.ENOTDIR, os.strerror(errno.ENOTDIR), str(target))
    return target


@contextmanager
def replacing(path: Path | str, *, mode: int | None = None) -> Iterator[Path]:
    """A temporary file in `path`'s folder (created with its parents if missing), moved over
    `path` when the block ends normally, removed when it raises (also on Cancel and Ctrl+C).

    The block writes the temporary file by its path (reportlab, openpyxl, Qt and csv all take
    one). The file gets `mode`, else an existing target's permission bits, else those open()
    would give. Raises OSError naming `path`."""
    target = check_target(path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part",
                                    dir=target.parent)
        os.close(fd)
    except OSError as exc:
        raise _named(exc, target) from exc
    tmp = Path(name)
    try:
        try:
            yield tmp
            _settle(tmp, target, mode)
            os.replace(tmp, target)
        except OSError as exc:  # the writer's too: it names the temporary file, or nothing
            raise _named(exc, target) from exc
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    _sync_folder(target.parent)


def write_whole(path: Path | str, data: bytes, *, mode: int | None = None) -> None:
    """Write `data` to `path` whole or not at all (see `replacing`)."""
    with replacing(path, mode=mode) as tmp:
        tmp.write_bytes(data)


def _settle(tmp: Path, target: Path, mode: int | None) -> None:
    """Give the temporary file its permissions and force it to the disk: a full disk shows
    here, before the good old file is replaced, not after."""
    if mode is None:
        try:
            mode = stat.S_IMODE(target.stat().st_mode)
        except FileNotFoundError:
            mode = _default_mode()
    os.chmod(tmp, mode)
    fd = os.open(tmp, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX); where a folder cannot be opened, skip it."""
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
