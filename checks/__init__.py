"""Offduty's engine: reads a person's own data exports and finds what exposes them. No Qt here.

`checks.audit(paths, progress=..., cancel=...)` is the one call the command line and the window
make; it returns a `checks.records.Report`.
"""

from __future__ import annotations

from checks.pipeline import audit, describe
from checks.version import __version__

__all__ = ["__version__", "audit", "describe"]
