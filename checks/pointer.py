"""RFC 6901 JSON Pointers: building them from path segments."""

from __future__ import annotations


def escape(segment: str | int) -> str:
    """One reference token: `~` becomes `~0` and `/` becomes `~1`."""
    return str(segment).replace("~", "~0").replace("/", "~1")


def pointer(*segments: str | int) -> str:
    """`pointer(41, "tweet", "full_text")` -> `/41/tweet/full_text`; no segments -> ``."""
    return "".join("/" + escape(s) for s in segments)


def join(base: str, *segments: str | int) -> str:
    """Extend an existing pointer with more segments."""
    return base + pointer(*segments)


def starts_with(candidate: str, prefix: str) -> bool:
    """Whether `candidate` lies at or below `prefix`, segment by segment."""
    if prefix == "":
        return True
    a = candidate.split("/")
    b = prefix.split("/")
    return a[: len(b)] == b
