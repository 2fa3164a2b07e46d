"""Signals emitted from Python must not eat references (PySide6 6.12.0 did: every emit()
dropped one reference to True, and after a few hundred emits Python aborted)."""

import sys

from PySide6.QtCore import QObject, Signal


class _Sender(QObject):
    changed = Signal(int)


def test_emitting_many_signals_keeps_true_alive(app):
    sender = _Sender()
    received = []
    sender.changed.connect(received.append)
    before = sys.getrefcount(True)
    for value in range(300):  # few enough that a faulty binding fails here, not aborts
        sender.changed.emit(value)
    assert len(received) == 300
    assert sys.getrefcount(True) >= before - 50
