"""Writing the person's own files (a JSON report, an HTML checklist): owner-only, never half-written.

A file is written through a temporary sibling (mode 0600: it may hold evidence) and renamed over
the target, so a crash leaves no half file. A device or a pipe (`/dev/stdout`, `/dev/null`, a
FIFO) is written in place: renaming over it would replace the device itself (as root,
`/dev/null` would become a regular file). Saved audits have their own, encrypted, writer
(`checks/store/vault.py`).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import TextIO


def write_private_text(path: Path, write: Callable[[TextIO], None]) -> None:
    """Call `write` with a text stream that ends up as `path` (owner-only), or in place for a device."""
    path = Path(path)
    if path.exists() and not path.is_file():
        with path.open("w", encoding="utf-8") as fh:
            write(fh)
        return
    tmp = path.with_name(f".{path.name}.partial")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with open(fd, "w", encoding="utf-8") as fh:
            write(fh)
        os.replace(tmp, path)
    finally:
        if tmp.exists():
            tmp.unlink()
