"""Windows open within the screen's free area: on a 1366×768 laptop with a taskbar,
nothing is born below the bottom edge."""

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QWidget

FRAME = 40  # the title bar and borders the window manager adds


def fit_to_screen(widget: QWidget, wanted: QSize) -> None:
    """Size ``widget`` as ``wanted`` or as much of it as the free area holds, and move it
    back inside that area."""
    free = widget.screen().availableGeometry()
    width = min(wanted.width(), free.width())
    height = min(wanted.height(), free.height() - FRAME)
    widget.resize(width, height)
    left = min(max(widget.x(), free.left()), free.left() + free.width() - width)
    top = min(max(widget.y(), free.top()), free.top() + free.height() - height - FRAME)
    widget.move(left, top)
