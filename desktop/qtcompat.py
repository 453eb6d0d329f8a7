"""Work-arounds for bugs in the Qt binding, kept in one place.

PySide6 6.12.0: `SignalInstance.emit()` returns `True` without taking a reference, so every
emit from Python takes one reference from `True`; after enough emits the interpreter aborts
at exit ("bool_dealloc: deallocating True or False"). `emit()` below gives that reference back,
only on a binding that is measured, once, to have the bug.
"""

from __future__ import annotations

import ctypes
import sys
from typing import Any, cast

from PySide6.QtCore import QObject, Signal, SignalInstance


class _Probe(QObject):
    ping = Signal()


def _emit_steals_a_reference() -> bool:
    probe = _Probe()
    before = sys.getrefcount(True)
    for _ in range(8):
        probe.ping.emit()
    return sys.getrefcount(True) < before


EMIT_LEAKS = _emit_steals_a_reference()


def emit(signal: SignalInstance, *args: Any) -> None:
    """`signal.emit(*args)`, without the reference bug."""
    result: object = cast(Any, signal).emit(*args)
    if EMIT_LEAKS and isinstance(result, bool):
        ctypes.pythonapi.Py_IncRef(ctypes.py_object(result))
