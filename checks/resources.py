"""Finding bundled data (`resources/`) from a source checkout, an installed wheel or a frozen app."""

from __future__ import annotations

import sys
from functools import lru_cache
from pathlib import Path


@lru_cache(maxsize=1)
def resources_root() -> Path:
    """The folder that holds advice/, wordlists/, gazetteer/, demo/, icons/ ..."""
    frozen = getattr(sys, "_MEIPASS", None)
    candidates = []
    if frozen:
        candidates.append(Path(frozen) / "resources")
    candidates.append(Path(__file__).resolve().parent.parent / "resources")
    try:
        import offduty_resources  # installed wheels map resources/ here

        candidates.extend(Path(p) for p in offduty_resources.__path__)
    except ImportError:
        pass
    for candidate in candidates:
        if (candidate / "advice").is_dir():
            return candidate
    raise FileNotFoundError("Offduty's resources folder is missing; reinstall Offduty")


def resource_path(*parts: str) -> Path:
    """A path inside the resources folder."""
    return resources_root().joinpath(*parts)
