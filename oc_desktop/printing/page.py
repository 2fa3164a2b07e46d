"""A4 pages with the margins of Lao official papers, a safe output file, progress and cancel.

Margins: 30 mm on the binding side (left), 20 mm on the others, as Lao offices set their
official papers (typed in Phetsarath 12 pt on A4, bound or filed on the left). Pass other
``Margins`` to any builder where an office does otherwise.
"""

import os
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from reportlab import rl_config
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from oc_desktop.i18n import _

# Streams deflated only, not also ASCII85-armoured: a fifth smaller and quicker to write,
# and every PDF reader takes them.
rl_config.useA85 = 0

PORTRAIT = A4
LANDSCAPE = landscape(A4)

Progress = Callable[[int, int], object]  # (done, total); total 0 when not known
ShouldCancel = Callable[[], bool]


class PrintCancelled(Exception):
    """The clerk cancelled a print job; nothing was written."""

    def __init__(self) -> None:
        super().__init__(_("Printing was cancelled."))


@dataclass(frozen=True)
class Margins:
    left: float = 30 * mm
    right: float = 20 * mm
    top: float = 20 * mm
    bottom: float = 20 * mm


@dataclass(frozen=True)
class Frame:
    """The writing area of a page, in points from the bottom left corner."""

    left: float
    bottom: float
    right: float
    top: float

    @property
    def width(self) -> float:
        return self.right - self.left

    @property
    def centre(self) -> float:
        return (self.left + self.right) / 2

    @classmethod
    def of(cls, pagesize: tuple[float, float], margins: Margins) -> "Frame":
        width, height = pagesize
        return cls(margins.left, margins.bottom, width - margins.right, height - margins.top)


class Checkpoint:
    """Reports progress and stops the work when asked to (a callback answering False,
    or ``should_cancel`` answering True)."""

    def __init__(self, progress: Progress | None, should_cancel: ShouldCancel | None) -> None:
        self.progress, self.should_cancel = progress, should_cancel

    def __call__(self, done: int, total: int = 0) -> None:
        if self.should_cancel is not None and self.should_cancel():
            raise PrintCancelled
        if self.progress is not None and self.progress(done, total) is False:
            raise PrintCancelled


@contextmanager
def output_canvas(
    out: Path | str | BinaryIO, pagesize: tuple[float, float], *, title: str = ""
) -> Iterator[Canvas]:
    """A canvas whose PDF appears at ``out`` only when the build finished.

    A path is written under a temporary name in the same folder and renamed over ``out``
    at the end; on any error or a cancel the temporary file is removed and ``out`` is
    left as it was.
    """
    if hasattr(out, "write"):
        canvas = _canvas(out, pagesize, title)
        yield canvas
        canvas.save()
        return
    target = Path(out)
    handle, temporary = tempfile.mkstemp(
        prefix=f".{target.stem}.", suffix=".part", dir=target.parent or "."
    )
    os.close(handle)
    try:
        canvas = _canvas(temporary, pagesize, title)
        yield canvas
        canvas.save()
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _canvas(out, pagesize, title: str) -> Canvas:
    canvas = Canvas(out, pagesize=pagesize, pageCompression=1)
    canvas.setTitle(title)
    canvas.setCreator("OC Desktop")
    return canvas
